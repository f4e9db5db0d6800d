//! Stripping the JIT hint ops from graphs that are compiled ahead of time.
//!
//! The rtyper emits each hint as an op whose result the same call also
//! binds through `same_as` (or renames), so removing the op, or turning it
//! into the `same_as` the rtyper used to emit, gives exactly the graphs of
//! a toolchain without a JIT: -O0/-O2 object code does not change.

use rpy_flow::graph::Value;
use rpy_rtyper::llop::LlOp;
use rpy_rtyper::lltype::{LlConst, LlGraph, LlProgram};

/// Is `op` one of the JIT hint ops?
pub fn is_hint(op: LlOp) -> bool {
    matches!(
        op,
        LlOp::JitMergePoint
            | LlOp::CanEnterJit
            | LlOp::JitLoopHeader
            | LlOp::JitPromote
            | LlOp::JitWeAreJitted
            | LlOp::JitSetParam
    )
}

/// Remove every hint op from the program (translated code without a JIT):
/// markers go, `promote(x)` is `x`, `we_are_jitted()` is false.
pub fn strip_hints(prog: &mut LlProgram) {
    for g in &mut prog.graphs {
        strip_graph(g);
    }
}

pub fn strip_graph(lg: &mut LlGraph) {
    for bd in lg.graph.blocks.values_mut() {
        bd.ops.retain(|op| {
            !matches!(
                op.kind,
                LlOp::JitMergePoint | LlOp::CanEnterJit | LlOp::JitLoopHeader | LlOp::JitSetParam
            )
        });
        for op in &mut bd.ops {
            match op.kind {
                LlOp::JitPromote => op.kind = LlOp::SameAs,
                LlOp::JitWeAreJitted => {
                    op.kind = LlOp::SameAs;
                    op.args = vec![Value::Const(LlConst::Bool(false))];
                }
                _ => {}
            }
        }
    }
}
