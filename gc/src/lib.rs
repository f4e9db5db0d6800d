//! The GC transform: makes the collector's needs explicit in low-level
//! graphs, after rtyping and before code generation.
//!
//! Passes, in order (each a free function over one `LlGraph`):
//! 1. `safepoints`: a `gc_safepoint` before every call to a runtime
//!    function that may allocate (runtime allocations never collect, see
//!    `rpy_abi::gc`; the safepoint lets a pending collection happen).
//! 2. `collects`: which graphs may collect (least fixpoint over calls).
//! 3. `barriers` (generational only): a `gc_write_barrier(obj)` before
//!    every field store of a GC pointer (`gc_write_barrier_item(arr, i)`
//!    before an item store: card marking for large arrays), except into
//!    an object allocated earlier in the same block with no collecting op
//!    in between.
//! 4. `roots`: around every op that may collect, the GC pointers live
//!    across it are pushed on the shadow stack (`gc_push_roots`) and
//!    reloaded after it (`gc_reload_root`), so moving collectors can update
//!    them; the op's later uses see the reloaded variables.
//!
//! The verifier (`check_graph`) holds after the transform.

pub mod barriers;
pub mod collects;
pub mod roots;
pub mod safepoints;

pub use rpy_abi::gc::GcKind;
use rpy_rtyper::{GcTypeId, LlGraph, LlProgram};

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct GcOptions {
    pub kind: GcKind,
}

/// Runs the whole transform over every graph of the program.
pub fn transform_program(prog: &mut LlProgram, opts: &GcOptions) {
    let types = &prog.types;
    let gc_items = |t: GcTypeId| types.types[t].items.is_some_and(|i| i.is_gc_ptr());
    transform_graphs_with(&mut prog.graphs, opts, &gc_items);
}

/// The transform over a program's graphs (`LlConst::Func(i)` is
/// `graphs[i]`), with no type table: every `arraycopy` is taken to copy
/// GC pointers.
pub fn transform_graphs(graphs: &mut [LlGraph], opts: &GcOptions) {
    transform_graphs_with(graphs, opts, &|_| true);
}

/// The transform; `gc_items(t)` says whether array type `t` holds GC
/// pointers (an `arraycopy` into it needs a write barrier).
pub fn transform_graphs_with(
    graphs: &mut [LlGraph],
    opts: &GcOptions,
    gc_items: &dyn Fn(GcTypeId) -> bool,
) {
    for g in graphs.iter_mut() {
        safepoints::insert_safepoints(g);
    }
    let collecting = collects::graphs_that_collect(graphs);
    for g in graphs.iter_mut() {
        if opts.kind.needs_write_barrier() {
            barriers::insert_write_barriers(g, &collecting, gc_items);
        }
        roots::insert_roots(g, &collecting);
    }
}
