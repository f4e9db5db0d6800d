//! Pass 4: shadow-stack roots.
//!
//! Variables are block-local (verifier rule 2), so liveness is computed
//! per block by one backward scan: the GC pointers live across op `i` are
//! the `Ptr`-typed variables defined in the block before `i` (inputargs or
//! earlier results) and used after it (later ops, the exit switch, link
//! arguments).
//!
//! Rewrite, forward over each block, for every op that may collect
//! (`collects::op_collects`):
//! 1. `gc_push_roots(r0, .., rn)` before it stores the live pointers in
//!    this frame's slots 0..n and sets the shadow-stack top past them (with
//!    no roots it still sets the top, dropping whatever a callee left
//!    above this frame);
//! 2. after it, `ri' = gc_reload_root(i)` for each root, and later uses
//!    are renamed to `ri'`;
//! 3. when the op is the raising op that ends a `LastException` block,
//!    nothing may follow it in the block: each exit link that passes a
//!    root is split with a new block doing the reloads.
//!
//! Ops that cannot collect get nothing; neither do calls to graphs that
//! cannot collect.

use crate::collects::op_collects;
use rpy_flow::graph::{Block, BlockData, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::{BTreeSet, HashMap, HashSet};

pub fn insert_roots(g: &mut LlGraph, graphs: &[bool]) {
    let blocks: Vec<Block> = g.graph.blocks.keys().collect();
    for b in blocks {
        if b == g.graph.returnblock || b == g.graph.exceptblock {
            continue;
        }
        rewrite_block(g, b, graphs);
    }
}

fn live_roots(g: &LlGraph, data: &BlockData<Ll>, graphs: &[bool]) -> Vec<Option<Vec<Var>>> {
    let mut defined: HashSet<Var> = data.inputargs.iter().copied().collect();
    defined.extend(data.ops.iter().map(|op| op.result));
    let mut live: BTreeSet<Var> = BTreeSet::new();
    if let Exitswitch::Value(v) = data.exitswitch {
        live.insert(v);
    }
    for link in &data.exits {
        live.extend(link.args.iter().filter_map(|a| a.as_var()));
    }
    live.retain(|v| defined.contains(v));
    let mut out = vec![None; data.ops.len()];
    for (i, op) in data.ops.iter().enumerate().rev() {
        live.remove(&op.result);
        if op_collects(op, graphs) {
            out[i] = Some(
                live.iter()
                    .copied()
                    .filter(|&v| g.var_types[v].is_gc_ptr())
                    .collect(),
            );
        }
        live.extend(op.args.iter().filter_map(|a| a.as_var()));
    }
    out
}

fn new_var_like(g: &mut LlGraph, v: Var) -> Var {
    let hint = g.graph.vars[v].hint.clone();
    let r = g.graph.new_var(hint.as_deref());
    g.var_types[r] = g.var_types[v];
    r
}

fn reload(g: &mut LlGraph, v: Var, slot: usize, span: rpy_syntax::Span) -> Op<Ll> {
    let r = new_var_like(g, v);
    Op {
        kind: LlOp::GcReloadRoot,
        args: vec![Value::Const(LlConst::Signed(slot as i64))],
        result: r,
        span,
    }
}

fn rename(v: &Value<LlConst>, ren: &HashMap<Var, Var>) -> Value<LlConst> {
    match v {
        Value::Var(x) => Value::Var(*ren.get(x).unwrap_or(x)),
        c => c.clone(),
    }
}

fn rewrite_block(g: &mut LlGraph, b: Block, graphs: &[bool]) {
    let roots = live_roots(g, &g.graph.blocks[b], graphs);
    if roots.iter().all(|r| r.is_none()) {
        return;
    }
    let data = std::mem::take(&mut g.graph.blocks[b]);
    let last = data.ops.len().saturating_sub(1);
    let raising_last = data.exitswitch == Exitswitch::LastException;
    let mut ren: HashMap<Var, Var> = HashMap::new();
    let mut ops = Vec::with_capacity(data.ops.len() * 2);
    let mut exit_reloads: Option<(Vec<Var>, rpy_syntax::Span)> = None;
    for (i, mut op) in data.ops.into_iter().enumerate() {
        op.args = op.args.iter().map(|a| rename(a, &ren)).collect();
        let Some(rs) = &roots[i] else {
            ops.push(op);
            continue;
        };
        let cur: Vec<Var> = rs.iter().map(|v| *ren.get(v).unwrap_or(v)).collect();
        let pr = g.graph.new_var(None);
        g.var_types[pr] = LowType::Void;
        ops.push(Op {
            kind: LlOp::GcPushRoots,
            args: cur.iter().map(|&v| Value::Var(v)).collect(),
            result: pr,
            span: op.span,
        });
        let span = op.span;
        ops.push(op);
        if i == last && raising_last {
            exit_reloads = Some((cur, span));
        } else {
            for (k, (&orig, &c)) in rs.iter().zip(&cur).enumerate() {
                let r = reload(g, c, k, span);
                ren.insert(orig, r.result);
                ops.push(r);
            }
        }
    }
    let exitswitch = match data.exitswitch {
        Exitswitch::Value(v) => Exitswitch::Value(*ren.get(&v).unwrap_or(&v)),
        other => other,
    };
    let mut exits: Vec<Link<Ll>> = data
        .exits
        .into_iter()
        .map(|mut l| {
            l.args = l.args.iter().map(|a| rename(a, &ren)).collect();
            l
        })
        .collect();
    if let Some((cur, span)) = exit_reloads {
        for link in &mut exits {
            split_link(g, link, &cur, span);
        }
    }
    g.graph.blocks[b] = BlockData {
        inputargs: data.inputargs,
        ops,
        exitswitch,
        exits,
    };
}

/// Reroutes `link` through a new block that reloads the roots it passes.
fn split_link(g: &mut LlGraph, link: &mut Link<Ll>, roots: &[Var], span: rpy_syntax::Span) {
    if !link
        .args
        .iter()
        .any(|a| matches!(a, Value::Var(v) if roots.contains(v)))
    {
        return;
    }
    let mut through: Vec<Var> = Vec::new();
    let mut inner: HashMap<Var, Var> = HashMap::new();
    let mut ops = Vec::new();
    for a in &link.args {
        let Value::Var(v) = a else { continue };
        if inner.contains_key(v) {
            continue;
        }
        if let Some(k) = roots.iter().position(|r| r == v) {
            let r = reload(g, *v, k, span);
            inner.insert(*v, r.result);
            ops.push(r);
        } else {
            let p = new_var_like(g, *v);
            inner.insert(*v, p);
            through.push(*v);
        }
    }
    let inputargs: Vec<Var> = through.iter().map(|v| inner[v]).collect();
    let mut out = Link::new(
        link.args.iter().map(|a| rename(a, &inner)).collect(),
        link.target,
    );
    out.arg_spans = std::mem::take(&mut link.arg_spans);
    let nb = g.graph.blocks.push(BlockData {
        inputargs,
        ops,
        exitswitch: Exitswitch::None,
        exits: vec![out],
    });
    link.target = nb;
    link.args = through.into_iter().map(Value::Var).collect();
}
