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
