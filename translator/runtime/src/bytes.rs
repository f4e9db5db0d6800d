//! `bytes` objects: `{hdr, hash, length, bytes: [u8]}`: repr, concat, eq.

use crate::obj::{self, bytes_data};

/// `repr(b)` with CPython's rules: `b'...'`, the quote chosen as for str,
/// `\t \n \r \\` and the quote escaped, other bytes outside 0x20..0x7f as
/// `\xhh`.
pub fn bytes_repr_text(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` as a str object.
#[no_mangle]
pub extern "C" fn rpy_bytes_repr(b: *mut u8) -> *mut u8 {
    // SAFETY: generated code passes a bytes object.
    obj::new_str(&bytes_repr_text(unsafe { bytes_data(b) }))
}

/// `b1 + b2`.
#[no_mangle]
pub extern "C" fn rpy_bytes_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    // SAFETY: generated code passes bytes objects.
    let (a, b) = unsafe { (bytes_data(a), bytes_data(b)) };
    match obj::try_alloc_bytes(a.len() + b.len()) {
        Ok((p, dst)) => {
            dst[..a.len()].copy_from_slice(a);
            dst[a.len()..].copy_from_slice(b);
            p
        }
        Err(_) => crate::exc::fatal_memory_error(),
    }
}

/// `b1 == b2` (both null counts as equal).
#[no_mangle]
pub extern "C" fn rpy_bytes_eq(a: *mut u8, b: *mut u8) -> i8 {
    if a == b {
        return 1;
    }
    if a.is_null() || b.is_null() {
        return 0;
    }
    // SAFETY: non-null bytes objects.
    unsafe { (bytes_data(a) == bytes_data(b)) as i8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_follows_cpython() {
        // Expected values printed by python3's repr().
        let got: Vec<String> = [
            &b"abc"[..],
            b"",
            b"it's",
            b"a\"b",
            b"'\"",
            b"\x00\t\n\r\\\x7f\x80\xff ~",
        ]
        .iter()
        .map(|b| bytes_repr_text(b))
        .collect();
        assert_eq!(
            got,
            [
                "b'abc'",
                "b''",
                "b\"it's\"",
                "b'a\"b'",
                "b'\\'\"'",
                "b'\\x00\\t\\n\\r\\\\\\x7f\\x80\\xff ~'"
            ]
        );
    }

    #[test]
    fn objects_concat_compare_and_repr() {
        let a = obj::new_bytes(b"ab");
        let b = obj::new_bytes(b"\x00c");
        let ab = rpy_bytes_concat(a, b);
        let repr = obj::chars_to_string(unsafe { obj::str_chars(rpy_bytes_repr(ab)) });
        let got = (
            unsafe { bytes_data(ab) }.to_vec(),
            rpy_bytes_eq(ab, obj::new_bytes(b"ab\x00c")),
            rpy_bytes_eq(a, b),
            rpy_bytes_eq(a, std::ptr::null_mut()),
            repr,
        );
        assert_eq!(
            got,
            (b"ab\x00c".to_vec(), 1, 0, 0, "b'ab\\x00c'".to_string())
        );
    }
}
