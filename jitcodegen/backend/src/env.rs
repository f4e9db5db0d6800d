//! The runtime environment compiled code runs in, as data: addresses the
//! caller fills in (the real runtime's globals and functions, or a test's
//! own cells). Compiled code embeds these addresses; the backend keeps no
//! globals of its own.

use rpy_abi::gc::GcKind;

/// Addresses of the runtime's state and functions (all `usize`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JitEnv {
    /// `rpy_exc_type: i64`: type id of the pending exception, 0 for none.
    pub exc_type: usize,
    /// `rpy_exc_value: ptr`: the pending exception instance.
    pub exc_value: usize,
    /// `rpy_shadowstack_top: ptr`: the next free root slot.
    pub shadowstack_top: usize,
    /// `rpy_gc_nursery_free` / `rpy_gc_nursery_top`: the bump region of
    /// the inline allocation fast path (both words 0: always the slow path).
    pub nursery_free: usize,
    pub nursery_top: usize,
    /// `rpy_malloc(typeid: i64, size: i64) -> ptr` (zeroed, header set;
    /// may collect).
    pub malloc: usize,
    /// `rpy_gc_remember(obj)` and `rpy_gc_remember_item(array, index)`,
    /// the slow paths of the write barriers.
    pub remember: usize,
    pub remember_item: usize,
    /// Which collector: write barriers only for the generational one.
    pub gc: GcKind,
    /// `[start, end)` address ranges holding prebuilt objects (the
    /// binary's data: never moved). A ref constant inside one is embedded
    /// in the code; any other is loaded from the trace's constant pool.
    pub prebuilt: Vec<(usize, usize)>,
}

impl JitEnv {
    pub fn is_prebuilt(&self, addr: usize) -> bool {
        self.prebuilt
            .iter()
            .any(|&(lo, hi)| lo <= addr && addr < hi)
    }
}
