//! Allocation of GC objects, on top of the collectors in `gc`.
//!
//! Every object is 8-aligned, at least `rpy_abi::gc::MIN_OBJECT_SIZE`
//! bytes, zeroed, and has its header word set to its type id (plus the
//! collector's flag bits in the high half).
//!
//! `alloc_object` is for runtime functions: it never collects, so they may
//! keep object pointers in Rust locals across allocations. `rpy_malloc` is
//! the slow path of generated code's inline allocation and may collect.
//!
//! The environment variable `RPY_GC_MAX` (bytes, with an optional `KB`,
//! `MB` or `GB` suffix) bounds the heap's footprint; past it, allocation
//! raises `MemoryError`. The runtime's own exception instances may exceed
//! the bound, so that a `MemoryError` can always be raised.

use crate::exc::{self, RtError};

/// Parses a size: `123`, `64KB`, `512MB`, `2GB` (case insensitive,
/// optional `B`-less forms `64K`).
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (num, mul) = match t.chars().last()? {
        'K' => (&t[..t.len() - 1], 1usize << 10),
        'M' => (&t[..t.len() - 1], 1 << 20),
        'G' => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim().parse::<usize>().ok()?.checked_mul(mul)
}

/// Allocates a zeroed object of `size` bytes with its header set; never
/// collects.
pub fn alloc_object(typeid: u32, size: usize) -> Result<*mut u8, RtError> {
    crate::gc::alloc_nocollect(typeid, size, true).ok_or_else(RtError::memory)
}

/// Like `alloc_object` but ignores `RPY_GC_MAX` (for exception instances
/// the runtime must be able to create while reporting exhaustion).
pub fn alloc_object_unlimited(typeid: u32, size: usize) -> Result<*mut u8, RtError> {
    crate::gc::alloc_nocollect(typeid, size, false).ok_or_else(RtError::memory)
}

/// `rpy_malloc(typeid, size)`: a zeroed object with its header set to
/// `typeid`; may collect. Raises `MemoryError` (and returns null) past the
/// heap limit or for a negative size.
#[no_mangle]
pub extern "C" fn rpy_malloc(typeid: i64, size: i64) -> *mut u8 {
    let p = usize::try_from(size)
        .ok()
        .and_then(|size| crate::gc::alloc_collecting(typeid as u32, size));
    match p {
        Some(p) => p,
        None => {
            exc::raise_error(&RtError::memory());
            std::ptr::null_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_suffixes() {
        let got: Vec<Option<usize>> = ["123", "64KB", "64k", "2MB", "1GB", " 7 ", "x", "", "12TB"]
            .iter()
            .map(|s| parse_size(s))
            .collect();
        assert_eq!(
            got,
            vec![
                Some(123),
                Some(65536),
                Some(65536),
                Some(2 << 20),
                Some(1 << 30),
                Some(7),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn objects_are_zeroed_aligned_and_tagged() {
        let big = (1 << 20) + 24;
        let mut seen = Vec::new();
        for (typeid, size) in [(7u32, 24usize), (9, 3), (11, big), (13, 40)] {
            let p = alloc_object(typeid, size).unwrap();
            let words = unsafe { std::slice::from_raw_parts(p as *const u64, size.max(16) / 8) };
            seen.push((
                p as usize % 8,
                words[0] & rpy_abi::TYPEID_MASK,
                words[1..].iter().all(|&w| w == 0),
            ));
        }
        assert_eq!(
            seen,
            vec![(0, 7, true), (0, 9, true), (0, 11, true), (0, 13, true)]
        );
    }
}
