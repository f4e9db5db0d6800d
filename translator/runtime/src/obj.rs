//! Raw access to the GC objects the runtime reads and builds: the header
//! word, `str` (`{hdr, hash, length, chars: [u32]}`) and `bytes`
//! (`{hdr, hash, length, bytes: [u8]}`), and the list of str given to the
//! entry point. Layout constants come from `rpy_abi`; this module is the
//! only place that does pointer arithmetic on them.

use crate::alloc::alloc_object;
use crate::exc::{fatal_memory_error, RtError};
use rpy_abi::{
    ARRAY_ITEMS_OFS, ARRAY_LEN_OFS, HDR_SIZE, LIST_ITEMS_OFS, LIST_LEN_OFS, STR_CHARS_OFS,
    STR_HASH_OFS, STR_LEN_OFS, TYPEID_BYTES, TYPEID_MASK, TYPEID_PTR_ARRAY, TYPEID_STR,
    TYPEID_STR_LIST,
};

/// Type id stored in an object's header.
///
/// # Safety
/// `p` points to a live GC object.
pub unsafe fn typeid_of(p: *const u8) -> u32 {
    ((p as *const u64).read() & TYPEID_MASK) as u32
}

unsafe fn read_i64(p: *const u8, ofs: u32) -> i64 {
    (p.add(ofs as usize) as *const i64).read()
}

unsafe fn write_i64(p: *mut u8, ofs: u32, v: i64) {
    (p.add(ofs as usize) as *mut i64).write(v)
}

/// The code points of a str object.
///
/// # Safety
/// `p` points to a live str object that outlives the returned slice's use.
pub unsafe fn str_chars<'a>(p: *const u8) -> &'a [u32] {
    let len = read_i64(p, STR_LEN_OFS).max(0) as usize;
    std::slice::from_raw_parts(p.add(STR_CHARS_OFS as usize) as *const u32, len)
}

/// The bytes of a bytes object.
///
/// # Safety
/// `p` points to a live bytes object.
pub unsafe fn bytes_data<'a>(p: *const u8) -> &'a [u8] {
    let len = read_i64(p, STR_LEN_OFS).max(0) as usize;
    std::slice::from_raw_parts(p.add(STR_CHARS_OFS as usize), len)
}

/// Cached hash field of a str or bytes object (0 = not computed).
///
/// # Safety
/// `p` points to a live str or bytes object.
pub unsafe fn cached_hash(p: *const u8) -> i64 {
    read_i64(p, STR_HASH_OFS)
}

/// Stores the hash field of a str or bytes object.
///
/// # Safety
/// `p` points to a live str or bytes object.
pub unsafe fn set_cached_hash(p: *mut u8, h: i64) {
    write_i64(p, STR_HASH_OFS, h)
}

/// Allocates a str of `len` code points (all zero) and returns it with a
/// mutable view of its characters.
pub fn try_alloc_str<'a>(len: usize) -> Result<(*mut u8, &'a mut [u32]), RtError> {
    let size = len
        .checked_mul(4)
        .and_then(|n| n.checked_add(STR_CHARS_OFS as usize))
        .ok_or_else(RtError::memory)?;
    let p = alloc_object(TYPEID_STR, size)?;
    // SAFETY: `p` is a fresh zeroed block of `size` bytes, 8-aligned.
    unsafe {
        write_i64(p, STR_LEN_OFS, len as i64);
        let chars = std::slice::from_raw_parts_mut(p.add(STR_CHARS_OFS as usize) as *mut u32, len);
        Ok((p, chars))
    }
}

/// Allocates a bytes object of `len` zero bytes, with a mutable view.
pub fn try_alloc_bytes<'a>(len: usize) -> Result<(*mut u8, &'a mut [u8]), RtError> {
    let size = len
        .checked_add(STR_CHARS_OFS as usize)
        .ok_or_else(RtError::memory)?;
    let p = alloc_object(TYPEID_BYTES, size)?;
    // SAFETY: as in `try_alloc_str`.
    unsafe {
        write_i64(p, STR_LEN_OFS, len as i64);
        let data = std::slice::from_raw_parts_mut(p.add(STR_CHARS_OFS as usize), len);
        Ok((p, data))
    }
}

/// A new str object holding `chars`; ends the process on exhaustion.
pub fn new_str_from_chars(chars: &[u32]) -> *mut u8 {
    match try_alloc_str(chars.len()) {
        Ok((p, dst)) => {
            dst.copy_from_slice(chars);
            p
        }
        Err(_) => fatal_memory_error(),
    }
}

/// A new str object holding the code points of `s`.
pub fn try_new_str(s: &str) -> Result<*mut u8, RtError> {
    let n = s.chars().count();
    let (p, dst) = try_alloc_str(n)?;
    for (d, c) in dst.iter_mut().zip(s.chars()) {
        *d = c as u32;
    }
    Ok(p)
}

/// `try_new_str`, ending the process on exhaustion.
pub fn new_str(s: &str) -> *mut u8 {
    try_new_str(s).unwrap_or_else(|_| fatal_memory_error())
}

/// A new bytes object holding `data`; ends the process on exhaustion.
pub fn new_bytes(data: &[u8]) -> *mut u8 {
    match try_alloc_bytes(data.len()) {
        Ok((p, dst)) => {
            dst.copy_from_slice(data);
            p
        }
        Err(_) => fatal_memory_error(),
    }
}

/// Encodes code points as UTF-8. Lone surrogates (which Rust strings cannot
/// hold) become U+FFFD.
pub fn chars_to_string(chars: &[u32]) -> String {
    chars
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

/// Decodes bytes as UTF-8 with CPython's `surrogateescape` error handler
/// (each undecodable byte `b` becomes U+DC00+b), as CPython decodes argv.
pub fn decode_surrogateescape(data: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.utf8_chunks() {
        out.extend(chunk.valid().chars().map(|c| c as u32));
        out.extend(chunk.invalid().iter().map(|&b| 0xDC00 + b as u32));
    }
    out
}

/// Builds the entry point's argument list: a `TYPEID_STR_LIST`
/// `{hdr, length, items}` whose items are a `TYPEID_PTR_ARRAY`
/// `{hdr, length, [*STR]}`.
pub fn new_str_list(items: &[*mut u8]) -> Result<*mut u8, RtError> {
    let n = items.len();
    let arr_size = ARRAY_ITEMS_OFS as usize + 8 * n;
    let arr = alloc_object(TYPEID_PTR_ARRAY, arr_size)?;
    let list = alloc_object(TYPEID_STR_LIST, LIST_ITEMS_OFS as usize + 8)?;
    // SAFETY: fresh blocks of the sizes computed above.
    unsafe {
        write_i64(arr, ARRAY_LEN_OFS, n as i64);
        let slots = arr.add(ARRAY_ITEMS_OFS as usize) as *mut *mut u8;
        for (i, &s) in items.iter().enumerate() {
            slots.add(i).write(s);
        }
        write_i64(list, LIST_LEN_OFS, n as i64);
        (list.add(LIST_ITEMS_OFS as usize) as *mut *mut u8).write(arr);
    }
    Ok(list)
}

/// Reads back a list built by `new_str_list` (for tests and diagnostics).
///
/// # Safety
/// `list` was built by `new_str_list` (or has the same layout).
pub unsafe fn str_list_items(list: *const u8) -> Vec<*mut u8> {
    let n = read_i64(list, LIST_LEN_OFS).max(0) as usize;
    let arr = (list.add(LIST_ITEMS_OFS as usize) as *const *const u8).read();
    let slots = arr.add(ARRAY_ITEMS_OFS as usize) as *const *mut u8;
    (0..n).map(|i| slots.add(i).read()).collect()
}

const _: () = assert!(HDR_SIZE == 8 && STR_HASH_OFS == 8 && STR_LEN_OFS == 16);
