//! `bytes` objects: `{hdr, hash, length, bytes: [u8]}`: repr (concat and
//! equality are helper graphs, rtyper/src/rstr_helpers.rs).

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
    fn objects_repr() {
        let ab = obj::new_bytes(b"ab\x00c");
        let repr = obj::chars_to_string(unsafe { obj::str_chars(rpy_bytes_repr(ab)) });
        assert_eq!(repr, "b'ab\\x00c'");
    }
}
