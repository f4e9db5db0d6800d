//! Which graphs check the stack depth at entry, so that runaway recursion
//! raises a catchable `RecursionError` instead of crashing.
//!
//! A graph is checked when it lies on a cycle of the direct-call graph or
//! makes an indirect call: every unbounded recursion passes through such a
//! graph, while acyclic call chains are bounded by the program's size.
//! The check (in `gcops`) compares the machine stack pointer with the
//! runtime's `rpy_stack_limit` and the shadow-stack top with its end, and
//! calls `rpy_stack_overflow` (which raises) when either is exceeded.

use rpy_rtyper::{LlConst, LlOp, LlProgram};

fn callees(prog: &LlProgram, i: usize) -> (Vec<usize>, bool) {
    let g = &prog.graphs[i];
    let mut out = Vec::new();
    let mut indirect = false;
    for b in g.graph.reachable_blocks() {
        for op in &g.graph.blocks[b].ops {
            match op.kind {
                LlOp::DirectCall => {
                    if let Some(LlConst::Func(j)) = op.args.first().and_then(|a| a.as_const()) {
                        out.push(*j as usize);
                    }
                }
                LlOp::IndirectCall => indirect = true,
                _ => {}
            }
        }
    }
    (out, indirect)
}

pub(crate) fn graphs_needing_stack_check(prog: &LlProgram) -> Vec<bool> {
    let n = prog.graphs.len();
    let edges: Vec<(Vec<usize>, bool)> = (0..n).map(|i| callees(prog, i)).collect();
    (0..n)
        .map(|i| {
            if edges[i].1 {
                return true;
            }
            // Is `i` reachable from its own callees?
            let mut seen = vec![false; n];
            let mut stack: Vec<usize> = edges[i].0.clone();
            while let Some(j) = stack.pop() {
                if j == i {
                    return true;
                }
                if j < n && !seen[j] {
                    seen[j] = true;
                    stack.extend(edges[j].0.iter().copied());
                }
            }
            false
        })
        .collect()
}
