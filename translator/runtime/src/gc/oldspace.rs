//! A non-moving space: size classes for small objects, one system block
//! per large object. The mark-and-sweep collector's whole heap, the
//! generational collector's old generation, and the semispace collector's
//! large objects.
//!
//! Small objects (up to `SMALL_MAX` bytes) live in 64 KiB pages, each page
//! cut into cells of one size class (multiples of 8). A free cell has a
//! zero header and links to the next free cell of its class at offset 8.
//! Allocation pops the class's free list (zeroing the cell) or carves the
//! class's current page; sweeping walks every page, frees unmarked cells
//! and clears the mark of the others. Large objects are kept in a list;
//! a large array may have a card table (`rpy_abi::gc::GCFLAG_HAS_CARDS`)
//! in the bytes just before its header, inside the same system block.

use super::types::{header, set_header};
use rpy_abi::gc::{GCFLAG_HAS_CARDS, GCFLAG_LARGE, GCFLAG_MARK, GCFLAG_OLD};
use std::alloc::Layout;

pub const SMALL_MAX: usize = 512;
const NCLASSES: usize = SMALL_MAX / 8 + 1;
const PAGE: usize = 64 * 1024;

struct Page {
    base: *mut u8,
    cell: usize,
    /// End of the carved part.
    used: usize,
}

/// A large object: its system block `[obj - prefix, obj + size)`, the
/// prefix holding its card table (if any).
struct Large {
    obj: *mut u8,
    prefix: usize,
    size: usize,
}

impl Large {
    fn layout(&self) -> Layout {
        // SAFETY: checked when the block was allocated.
        unsafe { Layout::from_size_align_unchecked(self.prefix + self.size, 8) }
    }
}

pub struct OldSpace {
    pages: Vec<Page>,
    free: [*mut u8; NCLASSES],
    /// Index in `pages` of each class's page being carved.
    current: [Option<usize>; NCLASSES],
    large: Vec<Large>,
    /// Bytes in pages and large objects (the footprint).
    pub footprint: usize,
    /// Bytes handed out since the last sweep.
    pub allocated: usize,
    /// Bytes of the objects that survived the last sweep.
    pub live: usize,
}

// SAFETY: the heap is only used behind the runtime's mutex.
unsafe impl Send for OldSpace {}

impl Default for OldSpace {
    fn default() -> Self {
        OldSpace {
            pages: Vec::new(),
            free: [std::ptr::null_mut(); NCLASSES],
            current: [None; NCLASSES],
            large: Vec::new(),
            footprint: 0,
            allocated: 0,
            live: 0,
        }
    }
}

impl OldSpace {
    /// A zeroed block of `size` bytes (a multiple of 8, at least 16) with
    /// `GCFLAG_OLD` or `GCFLAG_LARGE` in its header and type id `tid`.
    pub fn alloc(&mut self, tid: u32, size: usize) -> Option<*mut u8> {
        self.alloc_with_cards(tid, size, 0)
    }

    /// As `alloc`; a large object with `cards > 0` also gets a zeroed card
    /// table of that many bytes just before its header, and
    /// `GCFLAG_HAS_CARDS`.
    pub fn alloc_with_cards(&mut self, tid: u32, size: usize, cards: usize) -> Option<*mut u8> {
        self.allocated += size;
        let p = if size <= SMALL_MAX {
            let p = self.alloc_small(size)?;
            // SAFETY: a fresh cell of at least `size` bytes.
            unsafe { set_header(p, tid as u64 | GCFLAG_OLD) };
            p
        } else {
            let prefix = cards.checked_next_multiple_of(8)?;
            let layout = Layout::from_size_align(prefix.checked_add(size)?, 8).ok()?;
            // SAFETY: non-zero size.
            let base = unsafe { std::alloc::alloc_zeroed(layout) };
            if base.is_null() {
                return None;
            }
            // SAFETY: the block is `prefix + size` bytes.
            let p = unsafe { base.add(prefix) };
            self.large.push(Large {
                obj: p,
                prefix,
                size,
            });
            self.footprint += prefix + size;
            let flags = if cards > 0 {
                GCFLAG_LARGE | GCFLAG_HAS_CARDS
            } else {
                GCFLAG_LARGE
            };
            // SAFETY: a fresh block of at least `size` bytes.
            unsafe { set_header(p, tid as u64 | flags) };
            p
        };
        Some(p)
    }

    fn alloc_small(&mut self, size: usize) -> Option<*mut u8> {
        let class = size / 8;
        let cell = class * 8;
        let head = self.free[class];
        if !head.is_null() {
            // SAFETY: free cells hold the next free cell at offset 8.
            unsafe {
                self.free[class] = (head.add(8) as *const *mut u8).read();
                std::ptr::write_bytes(head, 0, cell);
            }
            return Some(head);
        }
        if let Some(i) = self.current[class] {
            let pg = &mut self.pages[i];
            if pg.used + cell <= PAGE {
                let p = unsafe { pg.base.add(pg.used) };
                pg.used += cell;
                return Some(p);
            }
        }
        let layout = Layout::from_size_align(PAGE, 4096).ok()?;
        // SAFETY: non-zero size.
        let base = unsafe { std::alloc::alloc_zeroed(layout) };
        if base.is_null() {
            return None;
        }
        self.footprint += PAGE;
        self.pages.push(Page {
            base,
            cell,
            used: cell,
        });
        self.current[class] = Some(self.pages.len() - 1);
        Some(base)
    }

    /// Frees every unmarked object and clears the marks of the others.
    pub fn sweep(&mut self) {
        self.free = [std::ptr::null_mut(); NCLASSES];
        let mut live = 0;
        let mut kept_pages = Vec::with_capacity(self.pages.len());
        let mut current = [None; NCLASSES];
        for pg in self.pages.drain(..) {
            let mut page_live = 0;
            let mut free_cells = Vec::new();
            let mut off = 0;
            while off + pg.cell <= pg.used {
                // SAFETY: every carved cell starts with a header word.
                unsafe {
                    let p = pg.base.add(off);
                    let h = header(p);
                    if h != 0 && h & GCFLAG_MARK != 0 {
                        set_header(p, h & !GCFLAG_MARK);
                        page_live += pg.cell;
                    } else {
                        free_cells.push(p);
                    }
                }
                off += pg.cell;
            }
            let class = pg.cell / 8;
            if page_live == 0 && pg.used == PAGE {
                // An empty full page goes back to the system.
                // SAFETY: allocated with this layout in `alloc_small`.
                unsafe {
                    std::alloc::dealloc(pg.base, Layout::from_size_align_unchecked(PAGE, 4096))
                };
                self.footprint -= PAGE;
                continue;
            }
            live += page_live;
            for p in free_cells {
                // SAFETY: a dead or free cell of this page.
                unsafe {
                    set_header(p, 0);
                    (p.add(8) as *mut *mut u8).write(self.free[class]);
                }
                self.free[class] = p;
            }
            if pg.used < PAGE {
                current[class] = Some(kept_pages.len());
            }
            kept_pages.push(pg);
        }
        self.pages = kept_pages;
        self.current = current;
        let mut footprint_freed = 0;
        self.large.retain(|l| unsafe {
            let h = header(l.obj);
            if h & GCFLAG_MARK != 0 {
                set_header(l.obj, h & !GCFLAG_MARK);
                live += l.prefix + l.size;
                true
            } else {
                std::alloc::dealloc(l.obj.sub(l.prefix), l.layout());
                footprint_freed += l.prefix + l.size;
                false
            }
        });
        self.footprint -= footprint_freed;
        self.live = live;
        self.allocated = 0;
    }

    /// Every object of the space (for tests and checks).
    pub fn objects(&self) -> Vec<*mut u8> {
        let mut out = Vec::new();
        for pg in &self.pages {
            let mut off = 0;
            while off + pg.cell <= pg.used {
                let p = unsafe { pg.base.add(off) };
                if unsafe { header(p) } != 0 {
                    out.push(p);
                }
                off += pg.cell;
            }
        }
        out.extend(self.large.iter().map(|l| l.obj));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweep_frees_unmarked_and_reuses_cells() {
        let mut s = OldSpace::default();
        let a = s.alloc(7, 16).unwrap();
        let b = s.alloc(7, 16).unwrap();
        let big = s.alloc(9, 4000).unwrap();
        let big2 = s.alloc(9, 4000).unwrap();
        unsafe {
            set_header(a, header(a) | GCFLAG_MARK);
            set_header(big, header(big) | GCFLAG_MARK);
        }
        s.sweep();
        let got = (
            s.objects().len(),
            s.live,
            unsafe { header(a) },
            s.alloc(7, 16).unwrap() == b,
        );
        assert_eq!(got, (2, 16 + 4000, 7 | GCFLAG_OLD, true));
        let _ = big2;
    }

    #[test]
    fn card_table_precedes_the_header_and_is_freed_with_it() {
        let mut s = OldSpace::default();
        let a = s.alloc_with_cards(9, 8 * 2048, 16).unwrap();
        let got = unsafe {
            let cards: Vec<u8> = (1..=16).map(|c| a.sub(c).read()).collect();
            (header(a), cards, s.footprint)
        };
        assert_eq!(
            got,
            (
                9 | GCFLAG_LARGE | GCFLAG_HAS_CARDS,
                vec![0; 16],
                16 + 8 * 2048
            )
        );
        s.sweep();
        assert_eq!((s.objects().len(), s.footprint), (0, 0));
    }
}
