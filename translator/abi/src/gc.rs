//! What generated code and the collectors agree on: header flags, the
//! type layout table, the shadow stack, the allocation fast path, the
//! write barrier and the identity hash.
//!
//! **Rule for runtime functions:** allocation from inside the runtime
//! (`rpyrt::alloc::alloc_object`) never collects, so a runtime function may
//! hold object pointers in Rust locals across its allocations. Collections
//! happen only in `rpy_malloc` (the slow path of generated allocations) and
//! in `rpy_gc_safepoint`, which the GC transform emits before every call to
//! a runtime function that may allocate (any not in `NOGC_RUNTIME_FUNCS`).
//! A runtime function that stores a GC pointer into an object it did not
//! allocate itself must call `rpyrt::gc::write_barrier(obj)` first.

/// Header flag bits (the header's high 32 bits; the low 32 hold the type id).
/// Object lives in the binary's data: never moved, marked or freed.
pub const GCFLAG_PREBUILT: u64 = 1 << 32;
/// Generational: an old (or prebuilt) object not in the remembered set; a
/// store of a GC pointer into it must call `rpy_gc_remember` first.
pub const GCFLAG_TRACK_YOUNG: u64 = 1 << 33;
/// The identity hash was taken at the object's current address.
pub const GCFLAG_HASHED: u64 = 1 << 34;
/// The object carries its identity hash in an extra word after its end.
pub const GCFLAG_HASHFIELD: u64 = 1 << 35;
/// Collector-private bits (mark, forwarded, visited).
pub const GCFLAG_MARK: u64 = 1 << 36;
pub const GCFLAG_FORWARDED: u64 = 1 << 37;
/// Large object allocated outside the nursery/semispace.
pub const GCFLAG_LARGE: u64 = 1 << 38;
/// Object lives in a size-class page of the mark-and-sweep space.
pub const GCFLAG_OLD: u64 = 1 << 39;
/// Generational: a large old array of GC pointers with a card table: one
/// byte per `CARD_ITEMS` items, stored just before the header (card `c`
/// is the byte at `obj - 1 - c`). The item write barrier's slow path
/// (`rpy_gc_remember_item(obj, index)`) marks one card instead of
/// remembering the whole array; minor collections scan only the marked
/// cards, then clear them.
pub const GCFLAG_HAS_CARDS: u64 = 1 << 40;
/// Generational: some card of the array is marked (it is in the
/// collector's list of carded arrays).
pub const GCFLAG_CARDS_SET: u64 = 1 << 41;

/// Items per card (`1 << CARD_SHIFT`).
pub const CARD_SHIFT: u32 = 7;
pub const CARD_ITEMS: usize = 1 << CARD_SHIFT;
/// Arrays of GC pointers with at least this many items get a card table
/// when they are allocated in (or promoted to) the old generation.
pub const CARD_MIN_ITEMS: usize = 8 * CARD_ITEMS;

/// Every object is at least this big (room for a forwarding address).
pub const MIN_OBJECT_SIZE: u32 = 16;

/// `rpy_gc_typeinfo: [u32; TYPEINFO_WORDS * rpy_type_count]`, one row per
/// type id: fixed size, item size (0: not varsize), length offset, items
/// offset, flags (`TI_ITEMS_ARE_GCPTR`), number of GC pointer fields,
/// index of the first of them in `rpy_gc_ptr_offsets: [u32]`, unused.
pub const TYPEINFO_SYMBOL: &str = "rpy_gc_typeinfo";
pub const PTR_OFFSETS_SYMBOL: &str = "rpy_gc_ptr_offsets";
pub const TYPEINFO_WORDS: usize = 8;
pub const TI_FIXED_SIZE: usize = 0;
pub const TI_ITEM_SIZE: usize = 1;
pub const TI_LENGTH_OFS: usize = 2;
pub const TI_ITEMS_OFS: usize = 3;
pub const TI_FLAGS: usize = 4;
pub const TI_NPTRS: usize = 5;
pub const TI_PTRS_START: usize = 6;
pub const TI_ITEMS_ARE_GCPTR: u32 = 1;

/// `rpy_gc_prebuilt_roots: [ptr; rpy_gc_prebuilt_count]`: the prebuilt
/// objects that hold GC pointers (full collections trace them as roots).
pub const PREBUILT_ROOTS_SYMBOL: &str = "rpy_gc_prebuilt_roots";
pub const PREBUILT_COUNT_SYMBOL: &str = "rpy_gc_prebuilt_count";

/// `rpy_gc_kind: i64`, which collector the program was translated for.
pub const GC_KIND_SYMBOL: &str = "rpy_gc_kind";

/// Runtime data symbols generated code reads and writes:
/// `rpy_shadowstack_top: *mut ptr`, the next free root slot;
/// `rpy_gc_nursery_free` / `rpy_gc_nursery_top`: the bump region of the
/// inline allocation fast path (both 0 when every allocation must take
/// the slow path); `rpy_gc_pending: i64`, non-zero when a safepoint must
/// collect; `rpy_stack_limit`: the lowest stack address generated code may
/// use before raising RecursionError.
pub const SHADOWSTACK_TOP_SYMBOL: &str = "rpy_shadowstack_top";
pub const NURSERY_FREE_SYMBOL: &str = "rpy_gc_nursery_free";
pub const NURSERY_TOP_SYMBOL: &str = "rpy_gc_nursery_top";
pub const GC_PENDING_SYMBOL: &str = "rpy_gc_pending";
pub const STACK_LIMIT_SYMBOL: &str = "rpy_stack_limit";
/// `rpy_shadowstack_limit`: the shadow stack's end.
pub const SHADOWSTACK_LIMIT_SYMBOL: &str = "rpy_shadowstack_limit";

/// The collectors (`--gc=NAME`), by `rpy_gc_kind` value.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum GcKind {
    MarkSweep = 0,
    SemiSpace = 1,
    #[default]
    Generational = 2,
}

impl GcKind {
    pub const ALL: [GcKind; 3] = [GcKind::MarkSweep, GcKind::SemiSpace, GcKind::Generational];

    pub fn name(self) -> &'static str {
        match self {
            GcKind::MarkSweep => "marksweep",
            GcKind::SemiSpace => "semispace",
            GcKind::Generational => "generational",
        }
    }

    pub fn parse(s: &str) -> Option<GcKind> {
        GcKind::ALL.into_iter().find(|k| k.name() == s)
    }

    pub fn from_i64(v: i64) -> GcKind {
        match v {
            0 => GcKind::MarkSweep,
            1 => GcKind::SemiSpace,
            _ => GcKind::Generational,
        }
    }

    /// Whether the transform emits write barriers for this collector.
    pub fn needs_write_barrier(self) -> bool {
        self == GcKind::Generational
    }
}

/// Runtime functions that never allocate, so calls to them need no
/// safepoint (the list may be incomplete: missing entries only cost a
/// safepoint check).
pub const NOGC_RUNTIME_FUNCS: &[&str] = &[
    "rpy_raise",
    "rpy_str_cmp",
    "rpy_str_hash",
    "rpy_str_contains",
    "rpy_print_str",
    "rpy_py2_print_item",
    "rpy_py2_print_newline",
    "rpy_gc_remember",
    "rpy_gc_remember_item",
    "rpy_identity_hash",
];

/// Runtime functions that may collect (generated code keeps its live GC
/// pointers on the shadow stack across them).
pub const COLLECTING_RUNTIME_FUNCS: &[&str] = &[
    "rpy_malloc",
    "rpy_gc_safepoint",
    "rpy_gc_collect",
    // Runs the blackhole, traces and compiled code, which allocate.
    "rpyjit_can_enter_jit",
];

/// Runtime functions that write objects of the program without being
/// given a pointer to them (the rule passes use for the others): the JIT
/// runtime runs the interpreter and writes the drivers' exchange objects.
pub const HEAP_WRITING_RUNTIME_FUNCS: &[&str] = &["rpyjit_can_enter_jit"];
