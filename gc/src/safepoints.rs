//! Pass 1: a `gc_safepoint` before each call to a runtime function that may
//! allocate. Runtime functions allocate without collecting (so they may
//! hold pointers in Rust locals); the safepoint collects first if the heap
//! asked for it. Functions in `rpy_abi::gc::NOGC_RUNTIME_FUNCS` never
//! allocate and those in `COLLECTING_RUNTIME_FUNCS` collect themselves:
//! neither needs one.

use rpy_abi::gc::{COLLECTING_RUNTIME_FUNCS, NOGC_RUNTIME_FUNCS};
use rpy_flow::graph::Op;
use rpy_rtyper::{LlConst, LlGraph, LlOp, LowType};

/// Whether a direct call to this runtime function needs a safepoint.
pub fn extern_needs_safepoint(name: &str) -> bool {
    !NOGC_RUNTIME_FUNCS.contains(&name) && !COLLECTING_RUNTIME_FUNCS.contains(&name)
}

pub fn insert_safepoints(g: &mut LlGraph) {
    let blocks: Vec<_> = g.graph.blocks.keys().collect();
    for b in blocks {
        let ops = std::mem::take(&mut g.graph.blocks[b].ops);
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            let needs = op.kind == LlOp::DirectCall
                && matches!(op.args.first().and_then(|a| a.as_const()), Some(LlConst::Extern(n)) if extern_needs_safepoint(n));
            if needs {
                let r = g.graph.new_var(None);
                g.var_types[r] = LowType::Void;
                out.push(Op {
                    kind: LlOp::GcSafepoint,
                    args: vec![],
                    result: r,
                    span: op.span,
                });
            }
            out.push(op);
        }
        g.graph.blocks[b].ops = out;
    }
}
