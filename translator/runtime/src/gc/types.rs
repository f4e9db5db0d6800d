//! The layout table generated code exports (`rpy_abi::gc`), and the object
//! walks the collectors build on: size of an object, its GC pointer slots.

use rpy_abi::gc::*;
use rpy_abi::{HDR_SIZE, TYPEID_MASK};

/// A view of `rpy_gc_typeinfo` / `rpy_gc_ptr_offsets`.
#[derive(Copy, Clone)]
pub struct Types {
    pub info: &'static [u32],
    pub offsets: &'static [u32],
}

impl Types {
    fn row(&self, tid: u32) -> Option<&'static [u32]> {
        let s = tid as usize * TYPEINFO_WORDS;
        self.info.get(s..s + TYPEINFO_WORDS)
    }

    /// Size of `obj` without a hash field: fixed part plus items, rounded
    /// to 8, at least `MIN_OBJECT_SIZE`.
    ///
    /// # Safety
    /// `obj` is a live object whose type id is in the table.
    pub unsafe fn base_size(&self, obj: *const u8) -> usize {
        let hdr = header(obj);
        let Some(row) = self.row((hdr & TYPEID_MASK) as u32) else {
            return MIN_OBJECT_SIZE as usize;
        };
        let mut size = row[TI_FIXED_SIZE].max(MIN_OBJECT_SIZE) as usize;
        if row[TI_ITEM_SIZE] != 0 {
            let len = (obj.add(row[TI_LENGTH_OFS] as usize) as *const i64)
                .read()
                .max(0) as usize;
            size = size.max(row[TI_ITEMS_OFS] as usize + len * row[TI_ITEM_SIZE] as usize);
        }
        size.next_multiple_of(8).max(MIN_OBJECT_SIZE as usize)
    }

    /// Size including the hash field, if the object has one.
    ///
    /// # Safety
    /// As `base_size`.
    pub unsafe fn size(&self, obj: *const u8) -> usize {
        self.base_size(obj)
            + if header(obj) & GCFLAG_HASHFIELD != 0 {
                8
            } else {
                0
            }
    }

    /// Calls `f` with the address of every GC pointer slot of `obj`.
    ///
    /// # Safety
    /// As `base_size`.
    pub unsafe fn for_each_slot(&self, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) {
        let Some(row) = self.row((header(obj) & TYPEID_MASK) as u32) else {
            return;
        };
        let start = row[TI_PTRS_START] as usize;
        for &ofs in self
            .offsets
            .get(start..start + row[TI_NPTRS] as usize)
            .unwrap_or(&[])
        {
            f(obj.add(ofs as usize) as *mut *mut u8);
        }
        if row[TI_FLAGS] & TI_ITEMS_ARE_GCPTR != 0 {
            let len = (obj.add(row[TI_LENGTH_OFS] as usize) as *const i64)
                .read()
                .max(0) as usize;
            let items = obj.add(row[TI_ITEMS_OFS] as usize) as *mut *mut u8;
            for i in 0..len {
                f(items.add(i));
            }
        }
    }
}

impl Types {
    /// How many cards an object of type `tid` and `size` bytes gets when
    /// allocated old: arrays of GC pointers with at least
    /// `CARD_MIN_ITEMS` items (counted from the size, so never fewer
    /// than the real length), else 0.
    pub fn card_count(&self, tid: u32, size: usize) -> usize {
        let Some(row) = self.row(tid) else { return 0 };
        if row[TI_FLAGS] & TI_ITEMS_ARE_GCPTR == 0 || row[TI_ITEM_SIZE] == 0 {
            return 0;
        }
        let items = size.saturating_sub(row[TI_ITEMS_OFS] as usize) / row[TI_ITEM_SIZE] as usize;
        if items < CARD_MIN_ITEMS {
            0
        } else {
            items.div_ceil(CARD_ITEMS)
        }
    }

    /// The item slots and length of an array of GC pointers.
    ///
    /// # Safety
    /// As `base_size`.
    pub unsafe fn gcptr_items(&self, obj: *mut u8) -> Option<(*mut *mut u8, usize)> {
        let row = self.row((header(obj) & TYPEID_MASK) as u32)?;
        if row[TI_FLAGS] & TI_ITEMS_ARE_GCPTR == 0 {
            return None;
        }
        let len = (obj.add(row[TI_LENGTH_OFS] as usize) as *const i64)
            .read()
            .max(0) as usize;
        Some((obj.add(row[TI_ITEMS_OFS] as usize) as *mut *mut u8, len))
    }

    /// Calls `f` on the item slots of every marked card of `obj` (which
    /// has `GCFLAG_HAS_CARDS`) and clears the cards; returns how many
    /// cards were marked.
    ///
    /// # Safety
    /// As `base_size`; the card table has a byte for every card of the
    /// array's length.
    pub unsafe fn take_marked_cards(&self, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) -> usize {
        let Some((items, len)) = self.gcptr_items(obj) else {
            return 0;
        };
        let mut scanned = 0;
        for c in 0..len.div_ceil(CARD_ITEMS) {
            let card = obj.sub(1 + c);
            if *card == 0 {
                continue;
            }
            *card = 0;
            scanned += 1;
            for i in c * CARD_ITEMS..len.min((c + 1) * CARD_ITEMS) {
                f(items.add(i));
            }
        }
        scanned
    }
}

/// # Safety
/// `obj` points to an object.
#[inline]
pub unsafe fn header(obj: *const u8) -> u64 {
    (obj as *const u64).read()
}

/// # Safety
/// `obj` points to an object.
#[inline]
pub unsafe fn set_header(obj: *mut u8, h: u64) {
    (obj as *mut u64).write(h)
}

const _: () = assert!(HDR_SIZE == 8);
