//! Dead code removal.
//!
//! Algorithm, repeated until nothing changes:
//! 1. Count the uses of every variable in the reachable blocks (op args,
//!    switches, link args).
//! 2. Drop ops whose result is unused and that have no effect: `can_fold`
//!    ops and loads (`getfield`, `getarraysize`, `getarrayitem`), and
//!    allocations (`malloc`, `malloc_varsize`). Ops that can raise are
//!    kept (the raise is an effect), and so is an allocation ending a
//!    block that switches on exceptions (its `MemoryError` is caught).
//!    When the op ending such a block goes, or cannot raise, the switch
//!    becomes a plain exit (`util::settle_exc_switch`).
//! 3. Drop block inputs that are unused in their block (never the start
//!    block's parameters), with the matching argument of every incoming
//!    link.
//!
//! Not done: removal of dead stores to objects that never escape (malloc
//! removal does that for the objects it can remove).

use crate::util::{clear_unreachable, may_raise, preds, settle_exc_switch};
use crate::Ctx;
use rpy_flow::graph::{Exitswitch, Value, Var};
use rpy_rtyper::{LlGraph, LlOp};
use std::collections::HashMap;

fn removable(op: LlOp) -> bool {
    (op.can_fold() && !op.can_raise())
        || matches!(
            op,
            LlOp::GetField
                | LlOp::GetArrayLen
                | LlOp::GetArrayItem
                | LlOp::Malloc
                | LlOp::MallocVarsize
        )
}

fn use_counts(lg: &LlGraph) -> HashMap<Var, usize> {
    let mut uses: HashMap<Var, usize> = HashMap::new();
    let mut note = |a: &Value<_>| {
        if let Value::Var(v) = a {
            *uses.entry(*v).or_default() += 1;
        }
    };
    for b in lg.graph.reachable_blocks() {
        let bd = &lg.graph.blocks[b];
        for op in &bd.ops {
            op.args.iter().for_each(&mut note);
        }
        if let Exitswitch::Value(v) = bd.exitswitch {
            note(&Value::Var(v));
        }
        for l in &bd.exits {
            l.args.iter().for_each(&mut note);
        }
    }
    uses
}

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let mut changed = false;
    loop {
        let uses = use_counts(lg);
        let mut round = false;
        let mut retired = false;
        for b in lg.graph.reachable_blocks() {
            let bd = &mut lg.graph.blocks[b];
            let catching = bd.exitswitch == Exitswitch::LastException;
            let n = bd.ops.len();
            let old_last = bd.ops.last().map(|o| o.result);
            let mut i = 0;
            bd.ops.retain(|op| {
                i += 1;
                let guarded = i == n && catching && may_raise(op);
                !(removable(op.kind) && !uses.contains_key(&op.result) && !guarded)
            });
            round |= bd.ops.len() != n;
            if settle_exc_switch(bd, old_last) {
                round = true;
                retired = true;
            }
        }
        if retired {
            clear_unreachable(lg);
        }
        // Unused block inputs.
        let pr = preds(lg);
        let g = &lg.graph;
        let mut todo = Vec::new();
        for (&b, _) in &pr {
            if b == g.startblock || b == g.returnblock || b == g.exceptblock {
                continue;
            }
            for (k, v) in g.blocks[b].inputargs.iter().enumerate().rev() {
                // A use only by the block's own link back to itself at the
                // same position still counts as unused.
                let self_uses = g.blocks[b]
                    .exits
                    .iter()
                    .filter(|l| l.target == b && l.args.get(k) == Some(&Value::Var(*v)))
                    .count();
                if uses.get(v).copied().unwrap_or(0) == self_uses {
                    todo.push((b, k));
                }
            }
        }
        todo.sort_by(|a, b| (a.0, b.1).cmp(&(b.0, a.1)));
        for (b, k) in todo {
            lg.graph.blocks[b].inputargs.remove(k);
            for &(p, i) in &pr[&b] {
                let l = &mut lg.graph.blocks[p].exits[i];
                l.args.remove(k);
                if l.arg_spans.len() > k {
                    l.arg_spans.remove(k);
                }
            }
            round = true;
        }
        if !round {
            return changed;
        }
        changed = true;
    }
}
