//! Redundant check removal and control-flow cleanup.
//!
//! Algorithm, repeated until nothing changes:
//! 1. Per block, value numbering of pure ops: an op with `can_fold()`
//!    whose kind and arguments repeat an earlier op of the block becomes
//!    `same_as` of the earlier result (repeated `ptr_nonzero`, bounds
//!    comparisons, ...). `int_is_true` of a `Bool` and `bool_not` of a
//!    `bool_not` become `same_as` of the underlying value.
//! 2. A switch on `bool_not(x)` switches on `x` with the cases swapped.
//! 3. Forwarding blocks (no ops, one exit) are bypassed: each incoming
//!    link goes straight to the target with the arguments substituted.
//! 4. A block with a single incoming link from a block with a single exit
//!    (no switch) is merged into that predecessor.
//!
//! `same_as` results are left for `constfold` to propagate. Invariants:
//! the start, return and except blocks are never merged away; SSA and
//! block locality are kept (merging renames the merged block's inputs to
//! the link arguments). Not done: merging of identical blocks, switch
//! threading across blocks.

use crate::util::{clear_unreachable, preds, subst, subst_block_from, subst_link, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::HashMap;

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let mut changed = false;
    loop {
        let mut round = false;
        for b in lg.graph.reachable_blocks() {
            round |= number_block(lg, b);
            round |= switch_on_not(lg, b);
        }
        round |= bypass_forwarders(lg);
        round |= merge_chains(lg);
        if !round {
            break;
        }
        changed = true;
        clear_unreachable(lg);
    }
    changed
}

fn number_block(lg: &mut LlGraph, b: Block) -> bool {
    let types = &lg.var_types;
    let bd = &mut lg.graph.blocks[b];
    let mut seen: Vec<((LlOp, Vec<LlValue>), Var)> = Vec::new();
    let mut defs: HashMap<Var, (LlOp, Vec<LlValue>)> = HashMap::new();
    let mut changed = false;
    for op in bd.ops.iter_mut() {
        if !op.kind.can_fold() || op.kind == LlOp::SameAs {
            continue;
        }
        let same = |v: LlValue| (LlOp::SameAs, vec![v]);
        let replace = match (op.kind, &op.args[..]) {
            (LlOp::IntIsTrue, [Value::Var(x)]) if types[*x] == LowType::Bool => {
                Some(same(Value::Var(*x)))
            }
            (LlOp::BoolNot, [Value::Var(x)]) => match defs.get(x) {
                Some((LlOp::BoolNot, inner)) => Some(same(inner[0].clone())),
                _ => None,
            },
            _ => seen
                .iter()
                .find(|(k, _)| k.0 == op.kind && k.1 == op.args)
                .map(|&(_, r)| same(Value::Var(r))),
        };
        match replace {
            Some((k, args)) => {
                op.kind = k;
                op.args = args;
                changed = true;
            }
            None => {
                seen.push(((op.kind, op.args.clone()), op.result));
                defs.insert(op.result, (op.kind, op.args.clone()));
            }
        }
    }
    changed
}

fn switch_on_not(lg: &mut LlGraph, b: Block) -> bool {
    let bd = &mut lg.graph.blocks[b];
    let Exitswitch::Value(s) = bd.exitswitch else {
        return false;
    };
    let Some(op) = bd
        .ops
        .iter()
        .find(|o| o.result == s && o.kind == LlOp::BoolNot)
    else {
        return false;
    };
    let Value::Var(x) = op.args[0] else {
        return false;
    };
    if !bd
        .exits
        .iter()
        .all(|l| matches!(l.exitcase, Some(LlConst::Bool(_))))
    {
        return false;
    }
    for l in bd.exits.iter_mut() {
        if let Some(LlConst::Bool(c)) = l.exitcase {
            l.exitcase = Some(LlConst::Bool(!c));
        }
    }
    bd.exits.reverse();
    bd.exitswitch = Exitswitch::Value(x);
    true
}

fn bypass_forwarders(lg: &mut LlGraph) -> bool {
    let g = &lg.graph;
    let mut fwd: HashMap<Block, Link<Ll>> = HashMap::new();
    for b in g.reachable_blocks() {
        let bd = &g.blocks[b];
        if b == g.startblock || b == g.returnblock || b == g.exceptblock {
            continue;
        }
        if bd.ops.is_empty()
            && bd.exitswitch == Exitswitch::None
            && bd.exits.len() == 1
            && bd.exits[0].target != b
        {
            fwd.insert(b, bd.exits[0].clone());
        }
    }
    if fwd.is_empty() {
        return false;
    }
    let mut changed = false;
    for b in g.reachable_blocks() {
        let n = lg.graph.blocks[b].exits.len();
        for i in 0..n {
            // Follow a chain of forwarders (bounded, in case of a cycle).
            for _ in 0..8 {
                let l = &lg.graph.blocks[b].exits[i];
                let Some(f) = fwd.get(&l.target) else { break };
                if f.target == l.target {
                    break;
                }
                let ins = &lg.graph.blocks[l.target].inputargs;
                let map: HashMap<Var, LlValue> =
                    ins.iter().copied().zip(l.args.iter().cloned()).collect();
                let mut args = f.args.clone();
                for a in args.iter_mut() {
                    subst(a, &map);
                }
                let l = &mut lg.graph.blocks[b].exits[i];
                l.args = args;
                l.arg_spans.clear();
                l.target = f.target;
                changed = true;
            }
        }
    }
    changed
}

fn merge_chains(lg: &mut LlGraph) -> bool {
    let mut changed = false;
    loop {
        let pr = preds(lg);
        let g = &lg.graph;
        let found = g.reachable_blocks().into_iter().find(|&b| {
            if b == g.startblock || b == g.returnblock || b == g.exceptblock {
                return false;
            }
            match pr.get(&b).map(|v| v.as_slice()) {
                Some(&[(p, 0)]) => {
                    p != b
                        && g.blocks[p].exitswitch == Exitswitch::None
                        && g.blocks[p].exits.len() == 1
                }
                _ => false,
            }
        });
        let Some(b) = found else { return changed };
        let (p, _) = pr[&b][0];
        let link = lg.graph.blocks[p].exits[0].clone();
        let mut bd = std::mem::take(&mut lg.graph.blocks[b]);
        let map: HashMap<Var, LlValue> = bd
            .inputargs
            .iter()
            .copied()
            .zip(link.args.iter().cloned())
            .collect();
        subst_block_from(&mut bd, 0, &map);
        // A switch on an input that the link fills with a constant: keep a
        // variable for it.
        let mut ops: Vec<Op<Ll>> = Vec::new();
        if let Exitswitch::Value(v) = bd.exitswitch {
            if let Some(Value::Const(_)) = map.get(&v) {
                ops.push(Op {
                    kind: LlOp::SameAs,
                    args: vec![map[&v].clone()],
                    result: v,
                    span: rpy_syntax::Span::NONE,
                });
            }
        }
        for l in bd.exits.iter_mut() {
            subst_link(l, &map);
        }
        let pd = &mut lg.graph.blocks[p];
        pd.ops.extend(ops);
        pd.ops.append(&mut bd.ops);
        pd.exitswitch = bd.exitswitch;
        pd.exits = bd.exits;
        changed = true;
    }
}
