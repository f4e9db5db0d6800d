//! `str` objects: code-point strings `{hdr, hash, length, chars: [u32]}`.
//!
//! The pure helpers (`repr_text`, `hash_chars`, `find_chars`, ...) work on
//! code point slices; the `rpy_str_*` functions wrap them for generated
//! code. Null str pointers (RPython's `None` strings) are accepted by
//! `rpy_str_cmp` (null sorts first); every other function expects real str
//! objects (equality and indexing are helper graphs, rtyper/src/rstr_helpers.rs).

use crate::format;
use crate::obj::{self, cached_hash, new_str, new_str_from_chars, set_cached_hash, str_chars};
use crate::unicode_printable::NON_PRINTABLE;

/// Whether CPython's `str.isprintable()` holds for one code point (so
/// `repr()` keeps it as is).
pub fn is_printable(c: u32) -> bool {
    NON_PRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

/// The quote CPython's repr picks: `'` unless the text holds `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr(s)` of a str given as code points, with CPython's quoting and
/// escaping rules.
pub fn repr_text(chars: &[u32]) -> String {
    let quote = pick_quote(
        chars.contains(&('\'' as u32)),
        chars.contains(&('"' as u32)),
    );
    let mut out = String::with_capacity(chars.len() + 2);
    out.push(quote);
    for &c in chars {
        match c {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if c == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if c < 0x20 || c == 0x7F => out.push_str(&format!("\\x{c:02x}")),
            _ if c < 0x7F => out.push(c as u8 as char),
            _ => match char::from_u32(c) {
                Some(ch) if is_printable(c) => out.push(ch),
                _ if c <= 0xFF => out.push_str(&format!("\\x{c:02x}")),
                _ if c <= 0xFFFF => out.push_str(&format!("\\u{c:04x}")),
                _ => out.push_str(&format!("\\U{c:08x}")),
            },
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` of a Rust string (for error messages).
pub fn repr_str(s: &str) -> String {
    repr_text(&s.chars().map(|c| c as u32).collect::<Vec<_>>())
}

/// Hash of a code point sequence (FNV-1a), never 0 (0 marks "not
/// computed" in the object).
pub fn hash_chars(chars: &[u32]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for b in c.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    match h as i64 {
        0 => 1,
        v => v,
    }
}

/// Index of the first occurrence of `needle` in `hay`.
pub fn find_chars<T: PartialEq>(hay: &[T], needle: &[T]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = &needle[0];
    (0..=hay.len() - needle.len())
        .find(|&i| hay[i] == *first && hay[i..i + needle.len()] == *needle)
}

/// `s * n` on code points (n <= 0 gives the empty sequence); `None` when
/// the result's length overflows.
pub fn repeat_len(len: usize, n: i64) -> Option<usize> {
    if n <= 0 {
        return Some(0);
    }
    len.checked_mul(usize::try_from(n).ok()?)
}

/// `s1 + s2`.
#[no_mangle]
pub extern "C" fn rpy_str_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    // SAFETY: generated code passes str objects.
    let (a, b) = unsafe { (str_chars(a), str_chars(b)) };
    match obj::try_alloc_str(a.len() + b.len()) {
        Ok((p, dst)) => {
            dst[..a.len()].copy_from_slice(a);
            dst[a.len()..].copy_from_slice(b);
            p
        }
        Err(_) => crate::exc::fatal_memory_error(),
    }
}

/// Three-way comparison by code points: -1, 0 or 1.
#[no_mangle]
pub extern "C" fn rpy_str_cmp(a: *mut u8, b: *mut u8) -> i64 {
    let ord = match (a.is_null(), b.is_null()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        // SAFETY: non-null str objects.
        (false, false) => unsafe { str_chars(a).cmp(str_chars(b)) },
    };
    ord as i64
}

/// `hash(s)`, cached in the object.
#[no_mangle]
pub extern "C" fn rpy_str_hash(s: *mut u8) -> i64 {
    // SAFETY: generated code passes a str object.
    unsafe {
        let h = cached_hash(s);
        if h != 0 {
            return h;
        }
        let h = hash_chars(str_chars(s));
        set_cached_hash(s, h);
        h
    }
}

/// `s * n`.
#[no_mangle]
pub extern "C" fn rpy_str_mul(s: *mut u8, n: i64) -> *mut u8 {
    // SAFETY: generated code passes a str object.
    let chars = unsafe { str_chars(s) };
    let Some(total) = repeat_len(chars.len(), n) else {
        crate::exc::fatal_memory_error()
    };
    match obj::try_alloc_str(total) {
        Ok((p, dst)) => {
            for piece in dst.chunks_exact_mut(chars.len().max(1)) {
                piece.copy_from_slice(chars);
            }
            p
        }
        Err(_) => crate::exc::fatal_memory_error(),
    }
}

/// `sub in s`.
#[no_mangle]
pub extern "C" fn rpy_str_contains(s: *mut u8, sub: *mut u8) -> i8 {
    // SAFETY: generated code passes str objects.
    unsafe { find_chars(str_chars(s), str_chars(sub)).is_some() as i8 }
}

/// `str(n)`.
#[no_mangle]
pub extern "C" fn rpy_str_from_int(n: i64) -> *mut u8 {
    new_str(&format::int_str(n))
}

/// `str(x)` / `repr(x)` of a float.
#[no_mangle]
pub extern "C" fn rpy_str_from_float(x: f64) -> *mut u8 {
    new_str(&format::float_repr(x))
}

/// Python 2's `str(x)` for a float (12 significant digits).
#[no_mangle]
pub extern "C" fn rpy_str_from_float_py2(x: f64) -> *mut u8 {
    new_str(&format::float_str_py2(x))
}

/// `str(b)`: `True` or `False`.
#[no_mangle]
pub extern "C" fn rpy_str_from_bool(b: i8) -> *mut u8 {
    new_str(if b != 0 { "True" } else { "False" })
}

/// `chr(c)`: a one-character str (the caller checks the range).
#[no_mangle]
pub extern "C" fn rpy_str_from_char(c: i64) -> *mut u8 {
    new_str_from_chars(&[c as u32])
}

/// `repr(s)`.
#[no_mangle]
pub extern "C" fn rpy_str_repr(s: *mut u8) -> *mut u8 {
    // SAFETY: generated code passes a str object.
    new_str(&repr_text(unsafe { str_chars(s) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn text(p: *mut u8) -> String {
        obj::chars_to_string(unsafe { str_chars(p) })
    }

    #[test]
    fn repr_follows_cpython() {
        // Expected values printed by python3's repr().
        let cases: &[(&[u32], &str)] = &[
            (&chars("abc"), "'abc'"),
            (&chars(""), "''"),
            (&chars("it's"), "\"it's\""),
            (&chars("say \"hi\""), "'say \"hi\"'"),
            (&chars("both ' and \""), "'both \\' and \"'"),
            (&chars("tab\tnl\ncr\rbs\\"), "'tab\\tnl\\ncr\\rbs\\\\'"),
            (
                &[0, 0x1b, 0x7f, 0x80, 0xa0, 0xad, 0xe9],
                "'\\x00\\x1b\\x7f\\x80\\xa0\\xad\u{e9}'",
            ),
            (
                &[0x20ac, 0x2028, 0xd800, 0xfeff, 0x4e2d],
                "'\u{20ac}\\u2028\\ud800\\ufeff\u{4e2d}'",
            ),
            (
                &[0x1f600, 0xe0001, 0x10ffff],
                "'\u{1f600}\\U000e0001\\U0010ffff'",
            ),
        ];
        let got: Vec<String> = cases.iter().map(|(c, _)| repr_text(c)).collect();
        let want: Vec<String> = cases.iter().map(|(_, w)| w.to_string()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn str_objects_round_trip_through_the_ops() {
        let a = new_str("hello");
        let b = new_str(" wörld");
        let ab = rpy_str_concat(a, b);
        let got = (
            text(ab),
            text(rpy_str_mul(new_str("ab"), 3)),
            text(rpy_str_mul(new_str("ab"), -1)),
            text(rpy_str_mul(new_str(""), 5)),
            [
                rpy_str_cmp(a, b),
                rpy_str_cmp(b, a),
                rpy_str_cmp(a, new_str("hello")),
                rpy_str_cmp(a, new_str("hell")),
            ],
            [
                rpy_str_contains(ab, new_str("o w")),
                rpy_str_contains(ab, new_str("")),
                rpy_str_contains(a, ab),
            ],
            rpy_str_hash(a) == rpy_str_hash(new_str("hello")) && rpy_str_hash(a) != 0,
            text(rpy_str_repr(new_str("it's"))),
        );
        assert_eq!(
            got,
            (
                "hello wörld".to_string(),
                "ababab".to_string(),
                String::new(),
                String::new(),
                [1, -1, 0, 1],
                [1, 1, 0],
                true,
                "\"it's\"".to_string()
            )
        );
    }

    #[test]
    fn conversions_to_str() {
        let got = [
            text(rpy_str_from_int(-12)),
            text(rpy_str_from_float(1e16)),
            text(rpy_str_from_float(0.1)),
            text(rpy_str_from_bool(1)),
            text(rpy_str_from_bool(0)),
            text(rpy_str_from_char(0x20ac)),
        ];
        assert_eq!(got, ["-12", "1e+16", "0.1", "True", "False", "\u{20ac}"]);
    }
}
