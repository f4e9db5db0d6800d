//! Pass 3 (generational GC only): write barriers.
//!
//! Before every `setfield` that stores a GC pointer (not a null constant),
//! insert `gc_write_barrier(obj)`; before every such `setarrayitem`,
//! `gc_write_barrier_item(arr, index)`. The generated barrier tests the
//! header's `GCFLAG_TRACK_YOUNG` bit and, when set, calls
//! `rpy_gc_remember(obj)` (which clears it): old and prebuilt objects that
//! may come to point into the nursery end up in the remembered set. The
//! item barrier calls `rpy_gc_remember_item(arr, index)` instead, which
//! marks the index's card when the array has a card table
//! (`GCFLAG_HAS_CARDS`, large old arrays) and otherwise remembers the
//! whole array.
//!
//! An `arraycopy` of GC pointers gets `gc_write_barrier(dst)` (the whole
//! destination is remembered; with a card table, all of it is scanned).
//!
//! Skipped when `obj` was allocated earlier in the same block with no
//! collecting op in between: it is then either young or (a large object
//! allocated outside the nursery) already remembered.

use crate::collects::op_collects;
use rpy_flow::graph::{Op, Value};
use rpy_rtyper::{GcTypeId, LlConst, LlGraph, LlOp, LowType};
use std::collections::HashSet;

pub fn insert_write_barriers(
    g: &mut LlGraph,
    graphs: &[bool],
    gc_items: &dyn Fn(GcTypeId) -> bool,
) {
    let blocks: Vec<_> = g.graph.blocks.keys().collect();
    for b in blocks {
        let ops = std::mem::take(&mut g.graph.blocks[b].ops);
        let mut out = Vec::with_capacity(ops.len());
        let mut fresh = HashSet::new();
        for op in ops {
            let stored = match op.kind {
                LlOp::SetField => op.args.get(2),
                LlOp::SetArrayItem => op.args.get(2),
                _ => None,
            };
            let needs = match stored {
                Some(Value::Var(v)) => g.var_types[*v].is_gc_ptr(),
                Some(Value::Const(LlConst::Prebuilt(..))) => true,
                _ => op.kind == LlOp::ArrayCopy && copies_gc_ptrs(g, &op, gc_items),
            };
            // `arraycopy(src, dst, ...)` stores into its second operand.
            let target = if op.kind == LlOp::ArrayCopy {
                op.args.get(1)
            } else {
                op.args.first()
            };
            if needs {
                if let Some(obj) = target {
                    let skip = matches!(obj, Value::Var(o) if fresh.contains(o));
                    if !skip {
                        let r = g.graph.new_var(None);
                        g.var_types[r] = LowType::Void;
                        let (kind, args) = match (op.kind, op.args.get(1)) {
                            (LlOp::SetArrayItem, Some(index)) => {
                                (LlOp::GcWriteBarrierItem, vec![obj.clone(), index.clone()])
                            }
                            _ => (LlOp::GcWriteBarrier, vec![obj.clone()]),
                        };
                        out.push(Op {
                            kind,
                            args,
                            result: r,
                            span: op.span,
                        });
                    }
                }
            }
            if op_collects(&op, graphs) {
                fresh.clear();
            }
            if matches!(op.kind, LlOp::Malloc | LlOp::MallocVarsize) {
                fresh.insert(op.result);
            }
            out.push(op);
        }
        g.graph.blocks[b].ops = out;
    }
}

/// Does this `arraycopy` move GC pointers (its destination's items)?
fn copies_gc_ptrs(
    g: &LlGraph,
    op: &Op<rpy_rtyper::Ll>,
    gc_items: &dyn Fn(GcTypeId) -> bool,
) -> bool {
    match op.args.get(1) {
        Some(Value::Var(d)) => match g.var_types[*d] {
            LowType::Ptr(t) => gc_items(t),
            _ => false,
        },
        _ => true,
    }
}
