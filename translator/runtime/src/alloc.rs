//! Bump allocation of GC objects (no collector yet: nothing is freed).
//!
//! Objects are carved out of big zeroed chunks obtained from the system
//! allocator; an object bigger than a chunk gets a chunk of its own. Every
//! object is 8-aligned, zeroed, and has its header word set to its type id
//! (GC flag bits zero).
//!
//! The environment variable `RPY_GC_MAX` (bytes, with an optional `KB`,
//! `MB` or `GB` suffix, read once at the first allocation) bounds the total
//! size of the chunks; past it, `rpy_malloc` raises `MemoryError`. The
//! runtime's own exception instances may exceed the bound slightly, so that
//! a `MemoryError` can always be raised.

use crate::exc::{self, RtError};
use std::alloc::Layout;
use std::sync::Mutex;

/// Size of the chunks small objects are carved from.
const CHUNK_SIZE: usize = 1 << 20;

struct Heap {
    /// Next free byte of the current chunk.
    cur: usize,
    /// End of the current chunk.
    end: usize,
    /// Bytes obtained from the system so far.
    total: usize,
    /// `RPY_GC_MAX`, once read (`usize::MAX` when unset).
    limit: Option<usize>,
}

static HEAP: Mutex<Heap> = Mutex::new(Heap { cur: 0, end: 0, total: 0, limit: None });

/// Parses a `RPY_GC_MAX` value: `123`, `64KB`, `512MB`, `2GB` (case
/// insensitive, optional `B`-less forms `64K`).
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

fn heap_limit() -> usize {
    std::env::var("RPY_GC_MAX").ok().and_then(|v| parse_size(&v)).unwrap_or(usize::MAX)
}

/// Allocates `size` zeroed bytes (rounded up to 8, at least the header);
/// `enforce_limit` false lets the runtime's own exception objects through.
fn alloc_raw(size: usize, enforce_limit: bool) -> Result<*mut u8, RtError> {
    let size = size.max(8).checked_add(7).ok_or_else(RtError::memory)? & !7;
    let mut heap = HEAP.lock().unwrap_or_else(|e| e.into_inner());
    let limit = *heap.limit.get_or_insert_with(heap_limit);
    if heap.end - heap.cur >= size {
        let p = heap.cur;
        heap.cur += size;
        return Ok(p as *mut u8);
    }
    let chunk = size.max(CHUNK_SIZE);
    if enforce_limit && heap.total.saturating_add(chunk) > limit {
        // A last, partial chunk may still fit the limit exactly.
        let rest = limit.saturating_sub(heap.total);
        if rest < size {
            return Err(RtError::memory());
        }
        return new_chunk(&mut heap, rest, size);
    }
    new_chunk(&mut heap, chunk, size)
}

fn new_chunk(heap: &mut Heap, chunk: usize, size: usize) -> Result<*mut u8, RtError> {
    let layout = Layout::from_size_align(chunk, 8).map_err(|_| RtError::memory())?;
    // SAFETY: `chunk` is non-zero (size >= 8).
    let base = unsafe { std::alloc::alloc_zeroed(layout) };
    if base.is_null() {
        return Err(RtError::memory());
    }
    heap.total += chunk;
    let base = base as usize;
    // Keep the chunk with more room left as the current one.
    if chunk - size >= heap.end - heap.cur {
        heap.cur = base + size;
        heap.end = base + chunk;
    }
    Ok(base as *mut u8)
}

fn set_header(p: *mut u8, typeid: u32) {
    // SAFETY: `p` is a fresh 8-aligned block of at least 8 bytes.
    unsafe { (p as *mut u64).write(typeid as u64) }
}

/// Allocates a zeroed object of `size` bytes with its header set.
pub fn alloc_object(typeid: u32, size: usize) -> Result<*mut u8, RtError> {
    let p = alloc_raw(size, true)?;
    set_header(p, typeid);
    Ok(p)
}

/// Like `alloc_object` but ignores `RPY_GC_MAX` (for exception instances
/// the runtime must be able to create while reporting exhaustion).
pub fn alloc_object_unlimited(typeid: u32, size: usize) -> Result<*mut u8, RtError> {
    let p = alloc_raw(size, false)?;
    set_header(p, typeid);
    Ok(p)
}

/// `rpy_malloc(typeid, size)`: a zeroed object with its header set to
/// `typeid`. Raises `MemoryError` (and returns null) past the heap limit or
/// for a negative size.
#[no_mangle]
pub extern "C" fn rpy_malloc(typeid: i64, size: i64) -> *mut u8 {
    let r = usize::try_from(size)
        .map_err(|_| RtError::memory())
        .and_then(|size| alloc_object(typeid as u32, size));
    match r {
        Ok(p) => p,
        Err(e) => {
            exc::raise_error(&e);
            std::ptr::null_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_suffixes() {
        let got: Vec<Option<usize>> =
            ["123", "64KB", "64k", "2MB", "1GB", " 7 ", "x", "", "12TB"].iter().map(|s| parse_size(s)).collect();
        assert_eq!(
            got,
            vec![Some(123), Some(65536), Some(65536), Some(2 << 20), Some(1 << 30), Some(7), None, None, None]
        );
    }

    #[test]
    fn objects_are_zeroed_aligned_and_tagged() {
        let big = CHUNK_SIZE + 24;
        let mut seen = Vec::new();
        for (typeid, size) in [(7u32, 24usize), (9, 3), (11, big), (13, 40)] {
            let p = alloc_object(typeid, size).unwrap();
            let words = unsafe { std::slice::from_raw_parts(p as *const u64, size.max(8) / 8) };
            seen.push((p as usize % 8, words[0], words[1..].iter().all(|&w| w == 0)));
        }
        assert_eq!(seen, vec![(0, 7, true), (0, 9, true), (0, 11, true), (0, 13, true)]);
    }
}
