//! Loads and stores on GC objects by descriptor, as translated code does
//! them (widths, sign extension, write barriers).

use rpy_jitformat::{ArrayDescr, FieldDescr, Kind, Width};
use rpy_jittrace::model::Const;

/// Read a value of `kind` stored with `width` at `addr`.
///
/// # Safety
/// `addr` must point into a live object.
pub unsafe fn load(addr: usize, width: Width, kind: Kind) -> Const {
    match kind {
        Kind::Float => Const::Float(*(addr as *const f64)),
        Kind::Ref => Const::Ref(*(addr as *const usize)),
        _ => Const::Int(match (width.size, width.signed) {
            (1, false) => *(addr as *const u8) as i64,
            (1, true) => *(addr as *const i8) as i64,
            (4, false) => *(addr as *const u32) as i64,
            (4, true) => *(addr as *const i32) as i64,
            _ => *(addr as *const i64),
        }),
    }
}

/// # Safety
/// `addr` must point into a live object.
pub unsafe fn store(addr: usize, width: Width, v: Const) {
    match v {
        Const::Float(x) => *(addr as *mut f64) = x,
        Const::Ref(p) => *(addr as *mut usize) = p,
        Const::Int(i) => match width.size {
            1 => *(addr as *mut u8) = i as u8,
            4 => *(addr as *mut u32) = i as u32,
            _ => *(addr as *mut i64) = i,
        },
    }
}

pub fn field_addr(obj: usize, f: &FieldDescr) -> usize {
    obj + f.offset as usize
}

pub fn item_addr(arr: usize, a: &ArrayDescr, index: i64) -> usize {
    arr + a.items_offset as usize + (index as usize).wrapping_mul(a.item.size as usize)
}

/// # Safety
/// `arr` must be a live array of descriptor `a`.
pub unsafe fn array_len(arr: usize, a: &ArrayDescr) -> i64 {
    *((arr + a.length_offset as usize) as *const i64)
}

/// The type id in an object's header.
///
/// # Safety
/// `obj` must be a live object.
pub unsafe fn typeid(obj: usize) -> i64 {
    (*(obj as *const u64) & rpy_abi::TYPEID_MASK) as i64
}

/// Before storing a GC pointer into `obj` (generational GC).
pub fn barrier(obj: usize) {
    rpyrt::gc::write_barrier(obj as *mut u8);
}

/// Before storing a GC pointer into item `index` of `arr`.
pub fn barrier_item(arr: usize, index: i64) {
    // SAFETY: `arr` is a live array.
    let h = unsafe { *(arr as *const u64) };
    if h & rpy_abi::gc::GCFLAG_TRACK_YOUNG != 0 {
        rpyrt::gc::rpy_gc_remember_item(arr as *mut u8, index);
    }
}
