//! Pass 2: which ops and graphs may collect.
//!
//! An op collects if it allocates (`malloc`, `malloc_varsize`), is a
//! `gc_safepoint`, an indirect call, a direct call to a graph that may
//! collect or to a runtime function in `COLLECTING_RUNTIME_FUNCS`, or any
//! other op whose table row has the `gc` flag (except `raise_new`: the
//! runtime allocates exception instances without collecting).
//!
//! Graphs: least fixpoint. Start with "no graph collects"; a graph
//! collects if one of its reachable ops does; repeat until stable.
//! Recursion alone does not make a graph collect.

use rpy_abi::gc::COLLECTING_RUNTIME_FUNCS;
use rpy_flow::graph::Op;
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp};

/// Whether `op` may run a collection, given what is known of the graphs.
pub fn op_collects(op: &Op<Ll>, graphs: &[bool]) -> bool {
    match op.kind {
        LlOp::Malloc | LlOp::MallocVarsize | LlOp::GcSafepoint | LlOp::IndirectCall => true,
        LlOp::DirectCall => match op.args.first().and_then(|a| a.as_const()) {
            Some(LlConst::Func(i)) => graphs.get(*i as usize).copied().unwrap_or(true),
            Some(LlConst::Extern(name)) => COLLECTING_RUNTIME_FUNCS.contains(&name.as_str()),
            _ => true,
        },
        LlOp::RaiseNew => false,
        kind => kind.can_collect(),
    }
}

fn graph_collects(g: &LlGraph, graphs: &[bool]) -> bool {
    g.graph.reachable_blocks().into_iter().any(|b| {
        g.graph.blocks[b]
            .ops
            .iter()
            .any(|op| op_collects(op, graphs))
    })
}

/// For each graph of the program (`LlConst::Func(i)` is `graphs[i]`),
/// whether calling it may collect.
pub fn graphs_that_collect(graphs: &[LlGraph]) -> Vec<bool> {
    let mut collects = vec![false; graphs.len()];
    loop {
        let mut changed = false;
        for (i, g) in graphs.iter().enumerate() {
            if !collects[i] && graph_collects(g, &collects) {
                collects[i] = true;
                changed = true;
            }
        }
        if !changed {
            return collects;
        }
    }
}
