//! The collectors (`--gc=NAME`, chosen at translation time through the
//! generated `rpy_gc_kind`), their shared state, and the runtime functions
//! generated code calls (contract in `rpy_abi::gc`).
//!
//! * `marksweep`: non-moving mark and sweep over `oldspace` (size
//!   classes, large objects apart); collects when the bytes allocated
//!   since the last collection reach the live size (at least 8 MiB).
//! * `semispace`: Cheney copying between two bump regions; objects above
//!   64 KiB and runtime allocations that do not fit live in `oldspace`,
//!   marked in place.
//! * `generational` (default): a bump nursery copied into an `oldspace`
//!   old generation, which is marked and swept when it has doubled; a
//!   remembered set fed by the write barrier (`rpy_gc_remember`); large
//!   objects allocated old and remembered at once. Large old arrays of GC
//!   pointers carry a card table (`GCFLAG_HAS_CARDS`): the item barrier
//!   (`rpy_gc_remember_item`) marks the card of the stored index and
//!   lists the array once (`carded`); a minor collection scans only the
//!   marked cards' items.
//!
//! Roots: the shadow stack `[base, rpy_shadowstack_top)`, the pending
//! exception, and (full collections; the remembered set for minor ones)
//! the prebuilt objects holding GC pointers. Prebuilt objects are never
//! moved, marked or freed (`GCFLAG_PREBUILT`).
//!
//! Identity hash: the (rotated) address; taking it sets `GCFLAG_HASHED`, and
//! a moving copy of such an object grows a trailing word keeping the old
//! address (`GCFLAG_HASHFIELD`).
//!
//! Environment: `RPY_GC_NURSERY` (nursery or initial semispace size),
//! `RPY_GC_MAX` (MemoryError beyond that footprint), `RPY_GC_STRESS=1`
//! (collect at every allocation and safepoint), `RPYLOG=gc` (one line per
//! collection on stderr, and a summary at exit).

mod collect;
pub mod oldspace;
pub mod types;

use crate::alloc::parse_size;
use oldspace::OldSpace;
use rpy_abi::gc::*;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use types::{header, set_header, Types};

/// Next free shadow-stack slot (generated code reads and writes it).
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_shadowstack_top: AtomicUsize = AtomicUsize::new(0);
/// The inline allocation fast path's region.
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_gc_nursery_free: AtomicUsize = AtomicUsize::new(0);
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_gc_nursery_top: AtomicUsize = AtomicUsize::new(0);
/// Non-zero when the next safepoint must collect.
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_gc_pending: AtomicI64 = AtomicI64::new(0);

static SS_BASE: AtomicUsize = AtomicUsize::new(0);
/// Shadow stack size in slots.
const SS_SLOTS: usize = 1 << 21;

struct Statics {
    types: Types,
    prebuilt: &'static [usize],
}

static STATICS: OnceLock<Statics> = OnceLock::new();

#[derive(Clone, Debug)]
pub struct Config {
    pub nursery: usize,
    pub max_heap: usize,
    pub stress: bool,
    pub log: bool,
}

impl Config {
    pub fn from_env() -> Config {
        let env = |k: &str| std::env::var(k).ok();
        Config {
            nursery: env("RPY_GC_NURSERY")
                .and_then(|v| parse_size(&v))
                .unwrap_or(4 << 20)
                .max(64 << 10),
            max_heap: env("RPY_GC_MAX")
                .and_then(|v| parse_size(&v))
                .unwrap_or(usize::MAX),
            stress: env("RPY_GC_STRESS").is_some_and(|v| v == "1"),
            log: env("RPYLOG").is_some_and(|v| v.split(',').any(|p| p.trim() == "gc")),
        }
    }
}

#[derive(Default, Debug)]
pub struct Stats {
    pub minor: u64,
    pub major: u64,
    pub max_pause: Duration,
    pub total_pause: Duration,
    pub peak_footprint: usize,
    /// Marked cards scanned by minor collections.
    pub cards_scanned: u64,
}

pub struct Heap {
    pub kind: GcKind,
    pub cfg: Config,
    pub old: OldSpace,
    /// Bump region (semispace or nursery): `[start, end)`, allocation in
    /// `[free, limit)`.
    pub start: usize,
    pub end: usize,
    pub free: usize,
    pub limit: usize,
    pub remembered: Vec<*mut u8>,
    /// Generational: the arrays with `GCFLAG_CARDS_SET`.
    pub carded: Vec<*mut u8>,
    /// Semispace: the other (zeroed) region, kept for the next copy.
    pub spare: Option<(usize, usize)>,
    pub stats: Stats,
    /// Whether collections can run (the layout table is installed).
    pub can_collect: bool,
}

// SAFETY: only used behind `HEAP`'s mutex.
unsafe impl Send for Heap {}

static HEAP: Mutex<Option<Heap>> = Mutex::new(None);

/// A function that calls its argument on every GC pointer slot it holds
/// (the JIT runtime's registers, keys and constants): roots, updated when
/// a moving collector moves their objects.
pub type ExtraRoots = fn(&mut dyn FnMut(*mut *mut u8));
static EXTRA_ROOTS: OnceLock<ExtraRoots> = OnceLock::new();

/// Installs the extra roots (once per process; later calls are ignored).
pub fn set_extra_roots(f: ExtraRoots) {
    let _ = EXTRA_ROOTS.set(f);
}

fn with_heap<T>(f: impl FnOnce(&mut Heap) -> T) -> T {
    let mut g = HEAP.lock().unwrap_or_else(|e| e.into_inner());
    let h = g.get_or_insert_with(|| Heap::new(GcKind::MarkSweep, Config::from_env(), false));
    h.sync_in();
    let r = f(h);
    h.sync_out();
    r
}

/// The collector in use.
pub fn kind() -> GcKind {
    with_heap(|h| h.kind)
}

/// Installs the collector, the layout table and the shadow stack; called
/// by `main` before anything is allocated.
pub fn init(kind: GcKind, types: Types, prebuilt: &'static [usize]) {
    let _ = STATICS.set(Statics { types, prebuilt });
    // The shadow stack lives until exit.
    let Some(ss) = region(SS_SLOTS * 8) else {
        crate::exc::fatal_memory_error()
    };
    SS_BASE.store(ss, Ordering::Relaxed);
    rpy_shadowstack_top.store(ss, Ordering::Relaxed);
    // Keep a margin so frames already past the check can still push.
    rpy_shadowstack_limit.store(ss + SS_SLOTS * 8 - (64 << 10), Ordering::Relaxed);
    let mut g = HEAP.lock().unwrap_or_else(|e| e.into_inner());
    let mut h = Heap::new(kind, Config::from_env(), true);
    h.sync_out();
    *g = Some(h);
}

fn statics() -> Option<&'static Statics> {
    STATICS.get()
}

/// The shadow stack's occupied part, as slots.
pub(crate) fn shadow_stack() -> (*mut *mut u8, usize) {
    let base = SS_BASE.load(Ordering::Relaxed);
    let top = rpy_shadowstack_top.load(Ordering::Relaxed);
    (base as *mut *mut u8, top.saturating_sub(base) / 8)
}

/// The end of the shadow stack (generated code must stay below).
pub fn shadow_stack_limit() -> usize {
    SS_BASE.load(Ordering::Relaxed) + SS_SLOTS * 8
}

impl Heap {
    fn new(kind: GcKind, cfg: Config, can_collect: bool) -> Heap {
        let mut h = Heap {
            kind,
            cfg,
            old: OldSpace::default(),
            start: 0,
            end: 0,
            free: 0,
            limit: 0,
            remembered: Vec::new(),
            carded: Vec::new(),
            spare: None,
            stats: Stats::default(),
            can_collect,
        };
        if kind != GcKind::MarkSweep {
            let size = h.cfg.nursery;
            if let Some(p) = region(size) {
                h.start = p;
                h.end = p + size;
                h.free = p;
                h.limit = p + size;
            }
        }
        h
    }

    /// Whether generated code bumps in the region inline.
    fn exported(&self) -> bool {
        self.kind != GcKind::MarkSweep && !self.cfg.stress && self.can_collect
    }

    fn sync_in(&mut self) {
        if self.exported() {
            self.free = rpy_gc_nursery_free.load(Ordering::Relaxed);
        }
    }

    fn sync_out(&mut self) {
        let (f, t) = if self.exported() {
            (self.free, self.limit)
        } else {
            (0, 0)
        };
        rpy_gc_nursery_free.store(f, Ordering::Relaxed);
        rpy_gc_nursery_top.store(t, Ordering::Relaxed);
    }

    pub fn footprint(&self) -> usize {
        self.old.footprint + (self.end - self.start)
    }

    fn bump(&mut self, tid: u32, size: usize) -> Option<*mut u8> {
        if self.limit - self.free >= size && self.end != 0 {
            let p = self.free;
            self.free += size;
            // SAFETY: the region is zeroed and `size` bytes fit.
            unsafe { set_header(p as *mut u8, tid as u64) };
            return Some(p as *mut u8);
        }
        None
    }

    /// Allocation by runtime functions: never collects. They may exceed
    /// `RPY_GC_MAX` by `RUNTIME_SLACK` (so that a MemoryError can be
    /// reported and small results still made after a collecting
    /// allocation failed).
    fn alloc_nocollect(&mut self, tid: u32, size: usize, enforce: bool) -> Option<*mut u8> {
        const RUNTIME_SLACK: usize = 1 << 20;
        let max = self.cfg.max_heap.saturating_add(RUNTIME_SLACK);
        if enforce && self.footprint().saturating_add(size) > max && !self.region_fits(size) {
            return None;
        }
        let p = match self.kind {
            GcKind::MarkSweep => {
                let p = self.old.alloc(tid, size)?;
                if self.old.allocated >= self.ms_threshold() {
                    rpy_gc_pending.store(1, Ordering::Relaxed);
                }
                p
            }
            GcKind::SemiSpace | GcKind::Generational => match self.bump(tid, size) {
                Some(p) => p,
                None => {
                    let p = self.old_alloc(tid, size)?;
                    self.remembered.push(p);
                    rpy_gc_pending.store(1, Ordering::Relaxed);
                    p
                }
            },
        };
        if self.cfg.stress && self.can_collect {
            rpy_gc_pending.store(1, Ordering::Relaxed);
        }
        Some(p)
    }

    /// An object allocated straight into the old space; generational
    /// large arrays of GC pointers get a card table.
    fn old_alloc(&mut self, tid: u32, size: usize) -> Option<*mut u8> {
        let cards = match (self.kind, statics()) {
            (GcKind::Generational, Some(st)) => st.types.card_count(tid, size),
            _ => 0,
        };
        self.old.alloc_with_cards(tid, size, cards)
    }

    fn region_fits(&self, size: usize) -> bool {
        self.end != 0 && self.limit - self.free >= size
    }

    fn ms_threshold(&self) -> usize {
        self.old.live.max(8 << 20)
    }

    /// Allocation from generated code (the slow path of the inline one):
    /// may collect. None: MemoryError.
    fn alloc_collecting(&mut self, tid: u32, size: usize) -> Option<*mut u8> {
        if !self.can_collect {
            return self.alloc_nocollect(tid, size, true);
        }
        if self.cfg.stress {
            self.collect(false);
        }
        if self.footprint().saturating_add(size) > self.cfg.max_heap {
            self.collect(true);
            if self.footprint().saturating_add(size) > self.cfg.max_heap && !self.region_fits(size)
            {
                return None;
            }
        }
        match self.kind {
            GcKind::MarkSweep => {
                if self.old.allocated >= self.ms_threshold() {
                    self.collect(true);
                }
                self.old.alloc(tid, size)
            }
            GcKind::SemiSpace => {
                if size > oldspace::SMALL_MAX * 128 {
                    if self.old.allocated >= self.ms_threshold() {
                        self.collect(true);
                    }
                    return self.old.alloc(tid, size);
                }
                if let Some(p) = self.bump(tid, size) {
                    return Some(p);
                }
                self.semispace_collect(size);
                self.bump(tid, size).or_else(|| self.old.alloc(tid, size))
            }
            GcKind::Generational => {
                if size > (self.end - self.start) / 4 {
                    self.maybe_major();
                    let p = self.old_alloc(tid, size)?;
                    self.remembered.push(p);
                    return Some(p);
                }
                if let Some(p) = self.bump(tid, size) {
                    return Some(p);
                }
                self.minor_collect();
                self.maybe_major();
                self.bump(tid, size)
            }
        }
    }

    /// A collection: minor (generational, unless `full`) or full.
    pub fn collect(&mut self, full: bool) {
        if !self.can_collect {
            return;
        }
        match self.kind {
            GcKind::MarkSweep => self.marksweep_collect(),
            GcKind::SemiSpace => self.semispace_collect(0),
            GcKind::Generational => {
                self.minor_collect();
                if full {
                    self.major_collect();
                } else {
                    self.maybe_major();
                }
            }
        }
    }

    fn maybe_major(&mut self) {
        let threshold = self.old.live.max(self.cfg.nursery * 4).max(16 << 20);
        if self.old.allocated >= threshold || (self.cfg.stress && self.stats.minor % 8 == 0) {
            self.major_collect();
        }
    }

    /// Records a collection's pause and prints the `RPYLOG=gc` line.
    pub(crate) fn log(&mut self, what: &str, before: usize, after: usize, pause: Duration) {
        self.stats.max_pause = self.stats.max_pause.max(pause);
        self.stats.total_pause += pause;
        self.stats.peak_footprint = self.stats.peak_footprint.max(self.footprint());
        if self.cfg.log {
            let n = self.stats.minor + self.stats.major;
            crate::io::write_stderr(&format!(
                "[gc] collector={} kind={what} n={n} before={before} after={after} heap={} pause_us={}\n",
                self.kind.name(),
                self.footprint(),
                pause.as_micros()
            ));
        }
    }
}

/// A zeroed region of `size` bytes from the kernel. Anonymous mappings
/// are zero and their pages are only touched when used, so a large
/// nursery costs nothing at start-up (an allocator's zeroing would touch
/// every page).
pub(crate) fn region(size: usize) -> Option<usize> {
    if size == 0 {
        return None;
    }
    // SAFETY: an anonymous private mapping with no address hint.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as usize)
}

pub(crate) fn free_region(start: usize, size: usize) {
    if start != 0 && size != 0 {
        // SAFETY: mapped by `region` with this size.
        unsafe { libc::munmap(start as *mut libc::c_void, size) };
    }
}

fn round_size(size: usize) -> Option<usize> {
    Some(size.max(MIN_OBJECT_SIZE as usize).checked_add(7)? & !7)
}

/// Allocation for runtime functions: zeroed, header set, never collects.
/// `enforce_limit` false ignores `RPY_GC_MAX` (exception instances).
pub fn alloc_nocollect(tid: u32, size: usize, enforce_limit: bool) -> Option<*mut u8> {
    let size = round_size(size)?;
    with_heap(|h| h.alloc_nocollect(tid, size, enforce_limit))
}

/// Allocation for generated code: may collect; None means MemoryError.
pub fn alloc_collecting(tid: u32, size: usize) -> Option<*mut u8> {
    let size = round_size(size)?;
    with_heap(|h| h.alloc_collecting(tid, size))
}

/// Runtime side of the write barrier: call before storing a GC pointer
/// into `obj` (an object the calling runtime function did not allocate).
pub fn write_barrier(obj: *mut u8) {
    // SAFETY: `obj` is a live object.
    if !obj.is_null() && unsafe { header(obj) } & GCFLAG_TRACK_YOUNG != 0 {
        rpy_gc_remember(obj);
    }
}

#[no_mangle]
pub extern "C" fn rpy_gc_remember(obj: *mut u8) {
    // SAFETY: generated code passes a live object.
    unsafe { set_header(obj, header(obj) & !GCFLAG_TRACK_YOUNG) };
    with_heap(|h| h.remembered.push(obj));
}

/// Item write barrier's slow path (`GCFLAG_TRACK_YOUNG` is set): marks
/// the card of `index` when `obj` has a card table, else remembers `obj`.
#[no_mangle]
pub extern "C" fn rpy_gc_remember_item(obj: *mut u8, index: i64) {
    // SAFETY: generated code passes a live array; a card table has a byte
    // for every card of its length.
    unsafe {
        let h = header(obj);
        if h & GCFLAG_HAS_CARDS != 0 {
            let len = statics()
                .and_then(|st| st.types.gcptr_items(obj))
                .map(|(_, n)| n);
            if let Some(len) = len {
                if index >= 0 && (index as usize) < len {
                    *obj.sub(1 + (index as usize >> CARD_SHIFT)) = 1;
                    if h & GCFLAG_CARDS_SET == 0 {
                        set_header(obj, h | GCFLAG_CARDS_SET);
                        with_heap(|hp| hp.carded.push(obj));
                    }
                    return;
                }
            }
        }
    }
    rpy_gc_remember(obj);
}

#[no_mangle]
pub extern "C" fn rpy_gc_safepoint() {
    rpy_gc_pending.store(0, Ordering::Relaxed);
    with_heap(|h| h.collect(false));
}

#[no_mangle]
pub extern "C" fn rpy_gc_collect() {
    rpy_gc_pending.store(0, Ordering::Relaxed);
    with_heap(|h| h.collect(true));
}

/// Identity hash, stable across moves.
#[no_mangle]
pub extern "C" fn rpy_identity_hash(obj: *mut u8) -> i64 {
    if obj.is_null() {
        return 0;
    }
    // SAFETY: a live object; its hash field (if any) follows its base size.
    unsafe {
        let h = header(obj);
        let addr = if h & GCFLAG_HASHFIELD != 0 {
            match statics() {
                Some(s) => (obj.add(s.types.base_size(obj)) as *const usize).read(),
                None => obj as usize,
            }
        } else {
            if h & GCFLAG_HASHED == 0 {
                set_header(obj, h | GCFLAG_HASHED);
            }
            obj as usize
        };
        addr.rotate_right(4) as i64
    }
}

/// Prints the `RPYLOG=gc` summary line (at exit).
pub fn report_at_exit() {
    let g = HEAP.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(h) = g.as_ref() {
        if h.cfg.log {
            crate::io::write_stderr(&format!(
                "[gc] summary collector={} collections={} minor={} major={} max_pause_us={} total_pause_us={} peak_heap={} cards_scanned={}\n",
                h.kind.name(),
                h.stats.minor + h.stats.major,
                h.stats.minor,
                h.stats.major,
                h.stats.max_pause.as_micros(),
                h.stats.total_pause.as_micros(),
                h.stats.peak_footprint.max(h.footprint()),
                h.stats.cards_scanned,
            ));
        }
    }
}

/// Lowest machine stack address generated code may reach before raising
/// RecursionError (0: no check).
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_stack_limit: AtomicUsize = AtomicUsize::new(0);
/// Shadow-stack address past which generated code raises RecursionError.
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_shadowstack_limit: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Room left on the machine stack for the runtime's own frames when the
/// check fires.
const STACK_MARGIN: usize = 256 << 10;

/// Sets `rpy_stack_limit` from the calling (main) thread's stack bounds.
pub fn install_stack_limit(stack_lo: usize) {
    if stack_lo != 0 {
        rpy_stack_limit.store(stack_lo + STACK_MARGIN, Ordering::Relaxed);
    }
}

/// `rpy_stack_overflow()`: raises RecursionError.
#[no_mangle]
pub extern "C" fn rpy_stack_overflow() {
    crate::exc::raise_error(&crate::exc::RtError::new(
        crate::exc::ExcKind::RecursionError,
        "maximum recursion depth exceeded",
    ));
}
