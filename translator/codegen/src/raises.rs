//! Which graphs may return with the exception state set, so that calls to
//! the others need no check afterwards.
//!
//! Algorithm: least fixpoint over the call graph. Start with "no graph
//! raises"; a graph raises if its except block is reachable or one of its
//! reachable ops may raise: an op flagged `canraise` other than a direct
//! call, an allocation (`rpy_malloc` raises MemoryError), an indirect
//! call, a call to a runtime function the `rpy_abi` table marks as
//! raising (or one it does not list), or a direct call to a graph already
//! found to raise. Repeat until nothing changes. Recursion alone does not
//! make a graph raise.
//!
//! Deliberately conservative: an exception caught inside the graph still
//! counts.

use rpy_rtyper::{LlConst, LlGraph, LlOp, LlProgram};

pub(crate) fn graphs_that_raise(prog: &LlProgram, stack_checked: &[bool]) -> Vec<bool> {
    // A stack-depth check at entry raises RecursionError.
    let mut raises: Vec<bool> = (0..prog.graphs.len())
        .map(|i| stack_checked.get(i).copied().unwrap_or(false))
        .collect();
    loop {
        let mut changed = false;
        for (i, g) in prog.graphs.iter().enumerate() {
            if !raises[i] && graph_raises(g, &raises) {
                raises[i] = true;
                changed = true;
            }
        }
        if !changed {
            return raises;
        }
    }
}

fn graph_raises(g: &LlGraph, raises: &[bool]) -> bool {
    g.graph.reachable_blocks().into_iter().any(|b| {
        b == g.graph.exceptblock
            || g.graph.blocks[b].ops.iter().any(|op| match op.kind {
                LlOp::DirectCall => match op.args.first().and_then(|a| a.as_const()) {
                    Some(LlConst::Func(i)) => raises.get(*i as usize).copied().unwrap_or(true),
                    Some(LlConst::Extern(name)) => {
                        rpy_abi::runtime_func(name).map_or(true, |f| f.can_raise)
                    }
                    _ => true,
                },
                LlOp::Malloc | LlOp::MallocVarsize => true,
                kind => kind.can_raise(),
            })
    })
}
