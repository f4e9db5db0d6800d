//! String builders (`rpython.rlib.rstring.StringBuilder`): a GC object
//! `{hdr, length, buf: *STR}` (offsets `rpy_abi::SB_*`) allocated by
//! generated code with `length = 0, buf = null`; the runtime grows `buf`
//! (a str whose length is the capacity) geometrically, so appends are
//! amortised O(1), and `build` copies the used prefix into a new str.

use crate::exc::{or_raise, ExcKind, RtError};
use crate::obj::{self, str_chars};
use rpy_abi::{SB_BUF_OFS, SB_LEN_OFS, STR_CHARS_OFS};

unsafe fn sb_len(sb: *mut u8) -> usize {
    (sb.add(SB_LEN_OFS as usize) as *const i64).read().max(0) as usize
}

unsafe fn sb_buf(sb: *mut u8) -> *mut u8 {
    (sb.add(SB_BUF_OFS as usize) as *const *mut u8).read()
}

/// Makes room for `extra` more code points; returns the buffer's items.
unsafe fn reserve<'a>(sb: *mut u8, extra: usize) -> &'a mut [u32] {
    let len = sb_len(sb);
    let buf = sb_buf(sb);
    let cap = if buf.is_null() {
        0
    } else {
        str_chars(buf).len()
    };
    let need = len
        .checked_add(extra)
        .unwrap_or_else(|| crate::exc::fatal_memory_error());
    let buf = if need > cap {
        let new_cap = need.max(cap * 2).max(16);
        let (nb, items) =
            obj::try_alloc_str(new_cap).unwrap_or_else(|_| crate::exc::fatal_memory_error());
        // The old buffer may have moved if allocation collected: re-read it.
        let old = sb_buf(sb);
        if !old.is_null() {
            items[..len].copy_from_slice(&str_chars(old)[..len]);
        }
        crate::gc::write_barrier(sb);
        (sb.add(SB_BUF_OFS as usize) as *mut *mut u8).write(nb);
        nb
    } else {
        buf
    };
    let cap = str_chars(buf).len();
    std::slice::from_raw_parts_mut(buf.add(STR_CHARS_OFS as usize) as *mut u32, cap)
}

unsafe fn push(sb: *mut u8, piece: &[u32]) {
    let len = sb_len(sb);
    let items = reserve(sb, piece.len());
    items[len..len + piece.len()].copy_from_slice(piece);
    (sb.add(SB_LEN_OFS as usize) as *mut i64).write((len + piece.len()) as i64);
}

/// `sb.append(s)`.
#[no_mangle]
pub extern "C" fn rpy_sb_append(sb: *mut u8, s: *mut u8) {
    // SAFETY: a builder and a str object; the piece is copied to a Vec
    // first because growing the buffer may allocate.
    unsafe {
        let piece = str_chars(s).to_vec();
        push(sb, &piece);
    }
}

/// `sb.append_slice(s, start, end)`: IndexError unless
/// `0 <= start <= end <= len(s)` (RPython asserts it).
#[no_mangle]
pub extern "C" fn rpy_sb_append_slice(sb: *mut u8, s: *mut u8, start: i64, end: i64) {
    // SAFETY: a builder and a str object.
    unsafe {
        let chars = str_chars(s);
        if !(0 <= start && start <= end && end as usize <= chars.len()) {
            return or_raise(
                Err(RtError::new(
                    ExcKind::IndexError,
                    "append_slice: bounds out of range",
                )),
                (),
            );
        }
        let piece = chars[start as usize..end as usize].to_vec();
        push(sb, &piece);
    }
}

/// `sb.append_multiple_char(c, times)`.
#[no_mangle]
pub extern "C" fn rpy_sb_append_multiple_char(sb: *mut u8, c: *mut u8, times: i64) {
    // SAFETY: a builder and a str object.
    unsafe {
        let chars = str_chars(c);
        if chars.len() != 1 {
            return or_raise(
                Err(RtError::new(
                    ExcKind::TypeError,
                    "append_multiple_char() needs a single character",
                )),
                (),
            );
        }
        let piece = vec![chars[0]; times.max(0) as usize];
        push(sb, &piece);
    }
}

/// `sb.build()`: a new str of the appended text.
#[no_mangle]
pub extern "C" fn rpy_sb_build(sb: *mut u8) -> *mut u8 {
    // SAFETY: a builder.
    unsafe {
        let len = sb_len(sb);
        let buf = sb_buf(sb);
        if buf.is_null() {
            return obj::new_str("");
        }
        let piece = str_chars(buf)[..len].to_vec();
        obj::new_str_from_chars(&piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_grows_and_builds() {
        let mut obj = [0u64; 3];
        let sb = obj.as_mut_ptr() as *mut u8;
        rpy_sb_append(sb, obj::new_str("héllo"));
        for _ in 0..10 {
            rpy_sb_append(sb, obj::new_str(", world"));
        }
        rpy_sb_append_slice(sb, obj::new_str("abcdef"), 1, 3);
        rpy_sb_append_multiple_char(sb, obj::new_str("!"), 3);
        let s = rpy_sb_build(sb);
        let text = obj::chars_to_string(unsafe { str_chars(s) });
        assert_eq!(text, format!("héllo{}bc!!!", ", world".repeat(10)));
        assert_eq!(unsafe { sb_len(sb) }, text.chars().count());
    }
}
