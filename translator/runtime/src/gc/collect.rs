//! The collections themselves: mark (mark-and-sweep, generational major),
//! Cheney copy (semispace), nursery promotion (generational minor).

use super::types::{header, set_header, Types};
use super::{free_region, region, shadow_stack, statics, Heap};
use rpy_abi::gc::*;
use std::time::Instant;

/// Calls `f` on every root slot: the shadow stack, the pending
/// exception instance, and the extra roots (the JIT runtime's).
unsafe fn for_each_stack_root(mut f: impl FnMut(*mut *mut u8)) {
    let (base, n) = shadow_stack();
    for i in 0..n {
        f(base.add(i));
    }
    f(crate::exc::rpy_exc_value.as_ptr());
    if let Some(extra) = super::EXTRA_ROOTS.get() {
        extra(&mut f);
    }
}

/// Calls `f` on every GC pointer slot of the prebuilt objects.
unsafe fn for_each_prebuilt_slot(
    types: &Types,
    prebuilt: &[usize],
    mut f: impl FnMut(*mut *mut u8),
) {
    for &obj in prebuilt {
        types.for_each_slot(obj as *mut u8, &mut f);
    }
}

/// Copies `p` (header `h`) into memory from `alloc(tid, size)`, adding
/// the hash field if its identity hash was taken; leaves a forwarding
/// address behind. The copy keeps `keep` flags from the destination's
/// header and gets `extra` flags.
unsafe fn copy_object(
    types: &Types,
    p: *mut u8,
    h: u64,
    extra: u64,
    alloc: impl FnOnce(u32, usize) -> *mut u8,
) -> *mut u8 {
    let base = types.base_size(p);
    let had = h & GCFLAG_HASHFIELD != 0;
    let add = !had && h & GCFLAG_HASHED != 0;
    let size = base + if had || add { 8 } else { 0 };
    let new = alloc((h & rpy_abi::TYPEID_MASK) as u32, size);
    let dest_flags = header(new) & (GCFLAG_OLD | GCFLAG_LARGE | GCFLAG_HAS_CARDS);
    std::ptr::copy_nonoverlapping(p, new, if had { size } else { base });
    if add {
        (new.add(base) as *mut usize).write(p as usize);
    }
    let hashfield = if had || add { GCFLAG_HASHFIELD } else { 0 };
    let keep = h & !(GCFLAG_HASHED
        | GCFLAG_FORWARDED
        | GCFLAG_MARK
        | GCFLAG_OLD
        | GCFLAG_LARGE
        | GCFLAG_HAS_CARDS
        | GCFLAG_CARDS_SET
        | GCFLAG_TRACK_YOUNG);
    set_header(new, keep | dest_flags | hashfield | extra);
    set_header(p, h | GCFLAG_FORWARDED);
    (p.add(8) as *mut usize).write(new as usize);
    new
}

unsafe fn forwarded(p: *mut u8) -> *mut u8 {
    (p.add(8) as *const *mut u8).read()
}

/// Marks a non-moving object reached through `slot`.
unsafe fn mark_slot(slot: *mut *mut u8, stack: &mut Vec<*mut u8>) {
    let p = *slot;
    if p.is_null() {
        return;
    }
    let h = header(p);
    if h & (GCFLAG_PREBUILT | GCFLAG_MARK) != 0 {
        return;
    }
    set_header(p, h | GCFLAG_MARK);
    stack.push(p);
}

impl Heap {
    fn in_use(&self) -> usize {
        (self.free - self.start) + self.old.live + self.old.allocated
    }

    /// Marks everything reachable in `old` (the region must be empty).
    fn mark_all(&mut self) {
        let Some(st) = statics() else { return };
        let types = st.types;
        let mut stack = Vec::new();
        // SAFETY: roots and slots hold null or live objects.
        unsafe {
            for_each_stack_root(|s| mark_slot(s, &mut stack));
            for_each_prebuilt_slot(&types, st.prebuilt, |s| mark_slot(s, &mut stack));
            while let Some(p) = stack.pop() {
                types.for_each_slot(p, |s| mark_slot(s, &mut stack));
            }
        }
    }

    pub(super) fn marksweep_collect(&mut self) {
        let t0 = Instant::now();
        let before = self.in_use();
        self.mark_all();
        self.old.sweep();
        self.stats.major += 1;
        self.log("full", before, self.old.live, t0.elapsed());
    }

    pub(super) fn major_collect(&mut self) {
        let t0 = Instant::now();
        let before = self.in_use();
        self.mark_all();
        // A remembered or carded object may have died since it was listed
        // (a major collection can run before the minor one that empties
        // the lists): drop it before the sweep frees it.
        // SAFETY: listed objects are alive until the sweep.
        let alive = |p: &*mut u8| unsafe { header(*p) } & (GCFLAG_MARK | GCFLAG_PREBUILT) != 0;
        self.remembered.retain(alive);
        self.carded.retain(alive);
        self.old.sweep();
        self.stats.major += 1;
        self.log("major", before, self.old.live, t0.elapsed());
    }

    /// Cheney copy of the region into a fresh one big enough for all of
    /// it (and `extra` more bytes); objects outside it are marked in place.
    pub(super) fn semispace_collect(&mut self, extra: usize) {
        let Some(st) = statics() else { return };
        let types = st.types;
        let t0 = Instant::now();
        let before = self.in_use();
        let used = self.free - self.start;
        let new_size = self
            .cfg
            .nursery
            .max(used + used / 2 + extra + 4096)
            .next_multiple_of(4096);
        // Reuse the other semispace when it is big enough (it was zeroed
        // when it was left).
        let fresh = |size: usize| region(size).unwrap_or_else(|| crate::exc::fatal_memory_error());
        let (new, new_size) = match self.spare.take() {
            Some((p, size)) if size >= new_size && size <= 4 * new_size => (p, size),
            Some((p, size)) => {
                free_region(p, size);
                (fresh(new_size), new_size)
            }
            None => (fresh(new_size), new_size),
        };
        let (from_lo, from_hi) = (self.start, self.end);
        let mut to_free = new;
        let mut gray: Vec<*mut u8> = Vec::new();
        let visit = |slot: *mut *mut u8, to_free: &mut usize, gray: &mut Vec<*mut u8>| unsafe {
            let p = *slot;
            if p.is_null() {
                return;
            }
            let a = p as usize;
            if a >= from_lo && a < from_hi {
                let h = header(p);
                *slot = if h & GCFLAG_FORWARDED != 0 {
                    forwarded(p)
                } else {
                    copy_object(&types, p, h, 0, |_, size| {
                        let q = *to_free as *mut u8;
                        *to_free += size;
                        set_header(q, 0);
                        q
                    })
                };
            } else {
                mark_slot(slot, gray);
            }
        };
        // SAFETY: roots and slots hold null or live objects; the new
        // region has room for every object of the old one.
        unsafe {
            for_each_stack_root(|s| visit(s, &mut to_free, &mut gray));
            for_each_prebuilt_slot(&types, st.prebuilt, |s| visit(s, &mut to_free, &mut gray));
            let mut scan = new;
            loop {
                while scan < to_free {
                    let obj = scan as *mut u8;
                    scan += types.size(obj);
                    types.for_each_slot(obj, |s| visit(s, &mut to_free, &mut gray));
                }
                match gray.pop() {
                    Some(p) => types.for_each_slot(p, |s| visit(s, &mut to_free, &mut gray)),
                    None => break,
                }
            }
        }
        self.old.sweep();
        self.remembered.clear();
        // SAFETY: the old region is ours and no longer used.
        unsafe { std::ptr::write_bytes(self.start as *mut u8, 0, self.free - self.start) };
        self.spare = Some((self.start, self.end - self.start));
        let live = to_free - new;
        self.start = new;
        self.end = new + new_size;
        self.free = to_free;
        self.limit = self.end.min(self.free + self.cfg.nursery.max(live));
        self.stats.major += 1;
        self.log("copy", before, live + self.old.live, t0.elapsed());
    }

    /// Promotes the live nursery objects into the old generation.
    pub(super) fn minor_collect(&mut self) {
        let Some(st) = statics() else { return };
        let types = st.types;
        let t0 = Instant::now();
        let before = self.free - self.start;
        let (lo, hi) = (self.start, self.end);
        let mut stack: Vec<*mut u8> = Vec::new();
        let allocated_before = self.old.allocated;
        let old = &mut self.old;
        let mut visit = |slot: *mut *mut u8, stack: &mut Vec<*mut u8>| unsafe {
            let p = *slot;
            let a = p as usize;
            if a < lo || a >= hi {
                return;
            }
            let h = header(p);
            *slot = if h & GCFLAG_FORWARDED != 0 {
                forwarded(p)
            } else {
                let new = copy_object(&types, p, h, GCFLAG_TRACK_YOUNG, |tid, size| {
                    match old.alloc_with_cards(tid, size, types.card_count(tid, size)) {
                        Some(q) => q,
                        None => crate::exc::fatal_memory_error(),
                    }
                });
                stack.push(new);
                new
            };
        };
        let remembered = std::mem::take(&mut self.remembered);
        let carded = std::mem::take(&mut self.carded);
        let mut cards = 0;
        // SAFETY: roots, remembered objects and slots hold null or live
        // objects.
        unsafe {
            for_each_stack_root(|s| visit(s, &mut stack));
            for &r in &remembered {
                types.for_each_slot(r, |s| visit(s, &mut stack));
                set_header(r, header(r) | GCFLAG_TRACK_YOUNG);
            }
            for &a in &carded {
                cards += types.take_marked_cards(a, |s| visit(s, &mut stack));
                set_header(a, header(a) & !GCFLAG_CARDS_SET);
            }
            while let Some(p) = stack.pop() {
                types.for_each_slot(p, |s| visit(s, &mut stack));
            }
            std::ptr::write_bytes(self.start as *mut u8, 0, self.free - self.start);
        }
        self.free = self.start;
        self.limit = self.end;
        self.stats.minor += 1;
        self.stats.cards_scanned += cards as u64;
        let promoted = self.old.allocated - allocated_before;
        self.log("minor", before, promoted, t0.elapsed());
    }
}
