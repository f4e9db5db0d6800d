//! `int(s)`, `int(s, base)` and `float(s)` with CPython's accepted syntax
//! and error messages.
//!
//! int: strip whitespace, optional sign, with base 0/16/8/2 an optional
//! `0x`/`0o`/`0b` prefix (base 0 picks the base from it and then rejects
//! leading zeros in decimal), single underscores between digits (and right
//! after a prefix). Errors: `invalid literal for int() with base B: R` with
//! R the repr of the original string cut to 200 characters. A value beyond
//! i64 raises `OverflowError` where CPython would build a big int.
//!
//! float: strip whitespace, optional sign, `inf`/`infinity`/`nan` in any
//! case, or a decimal literal with optional exponent and single underscores
//! between digits; the digits are rounded correctly by Rust's parser.
//! Error: `could not convert string to float: R`.
//!
//! Only ASCII digits are accepted (CPython also takes other Unicode decimal
//! digits).

use crate::exc::{or_raise, ExcKind, RtError};
use crate::obj::str_chars;
use crate::str::repr_text;

/// Python's `str.isspace()` for the characters `strip()` removes.
pub fn is_py_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A
        | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

fn strip(chars: &[u32]) -> &[u32] {
    let start = chars
        .iter()
        .position(|&c| !is_py_space(c))
        .unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|&c| !is_py_space(c))
        .map_or(start, |i| i + 1);
    &chars[start..end]
}

fn digit_value(c: u32) -> Option<u32> {
    match c {
        0x30..=0x39 => Some(c - 0x30),
        0x61..=0x7A => Some(c - 0x61 + 10),
        0x41..=0x5A => Some(c - 0x41 + 10),
        _ => None,
    }
}

/// Digits of `s` in `base` with single underscores between them (and a
/// leading one when `lead_underscore`); `None` if malformed.
fn digits(s: &[u32], base: u32, lead_underscore: bool) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(s.len());
    let mut can_underscore = lead_underscore;
    let mut need_digit = false;
    for &c in s {
        if c == '_' as u32 {
            if !can_underscore {
                return None;
            }
            can_underscore = false;
            need_digit = true;
        } else {
            out.push(digit_value(c).filter(|&d| d < base)?);
            can_underscore = true;
            need_digit = false;
        }
    }
    (!need_digit && !out.is_empty()).then_some(out)
}

/// `int(s, base)` on code points.
pub fn parse_int(chars: &[u32], base: i64) -> Result<i64, RtError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(RtError::new(
            ExcKind::ValueError,
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let invalid = || {
        let repr: String = repr_text(chars).chars().take(200).collect();
        RtError::new(
            ExcKind::ValueError,
            format!("invalid literal for int() with base {base}: {repr}"),
        )
    };
    let mut s = strip(chars);
    let negative = match s.first() {
        Some(&c) if c == '-' as u32 => true,
        Some(&c) if c == '+' as u32 => false,
        _ => false,
    };
    if matches!(s.first(), Some(&c) if c == '-' as u32 || c == '+' as u32) {
        s = &s[1..];
    }
    let mut b = base as u32;
    let mut prefixed = false;
    if s.len() >= 2 && s[0] == '0' as u32 {
        let p = match char::from_u32(s[1] | 0x20) {
            Some('x') => 16,
            Some('o') => 8,
            Some('b') => 2,
            _ => 0,
        };
        if p != 0 && (b == 0 || b == p) {
            b = p;
            prefixed = true;
            s = &s[2..];
        }
    }
    let decimal_base0 = b == 0;
    if decimal_base0 {
        b = 10;
    }
    let ds = digits(s, b, prefixed).ok_or_else(invalid)?;
    if decimal_base0 && ds.len() > 1 && ds[0] == 0 && ds.iter().any(|&d| d != 0) {
        return Err(invalid());
    }
    let mut v: i128 = 0;
    for d in ds {
        v = v * b as i128 + d as i128;
        if v > 1i128 << 63 {
            return Err(RtError::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            ));
        }
    }
    let v = if negative { -v } else { v };
    i64::try_from(v).map_err(|_| {
        RtError::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })
}

/// Length of the `digitpart` (digit ('_'? digit)*) at the start of `s`
/// (0 when absent); a trailing or doubled underscore is not consumed.
fn digitpart(s: &[u32]) -> usize {
    let is_digit = |c: u32| (0x30..=0x39).contains(&c);
    let mut i = 0;
    while i < s.len() {
        let underscore_ok = s[i] == '_' as u32 && i > 0 && i + 1 < s.len() && is_digit(s[i + 1]);
        if !(is_digit(s[i]) || underscore_ok) {
            break;
        }
        i += 1;
    }
    i
}

fn float_syntax_ok(s: &[u32]) -> bool {
    let mut i = 0;
    if matches!(s.first(), Some(&c) if c == '-' as u32 || c == '+' as u32) {
        i = 1;
    }
    let word: String = s[i..]
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\0').to_ascii_lowercase())
        .collect();
    if matches!(word.as_str(), "inf" | "infinity" | "nan") {
        return true;
    }
    let int_len = digitpart(&s[i..]);
    i += int_len;
    let mut frac_len = 0;
    if s.get(i) == Some(&('.' as u32)) {
        i += 1;
        frac_len = digitpart(&s[i..]);
        i += frac_len;
    }
    if int_len == 0 && frac_len == 0 {
        return false;
    }
    if matches!(s.get(i), Some(&c) if c == 'e' as u32 || c == 'E' as u32) {
        i += 1;
        if matches!(s.get(i), Some(&c) if c == '-' as u32 || c == '+' as u32) {
            i += 1;
        }
        match digitpart(&s[i..]) {
            0 => return false,
            n => i += n,
        }
    }
    i == s.len()
}

/// `float(s)` on code points.
pub fn parse_float(chars: &[u32]) -> Result<f64, RtError> {
    let invalid = || {
        RtError::new(
            ExcKind::ValueError,
            format!("could not convert string to float: {}", repr_text(chars)),
        )
    };
    let s = strip(chars);
    if !float_syntax_ok(s) {
        return Err(invalid());
    }
    let cleaned: String = s
        .iter()
        .filter(|&&c| c != '_' as u32)
        .filter_map(|&c| char::from_u32(c))
        .collect();
    cleaned.parse::<f64>().map_err(|_| invalid())
}

/// `int(s, base)` (base 10 for `int(s)`).
#[no_mangle]
pub extern "C" fn rpy_int_from_str(s: *mut u8, base: i64) -> i64 {
    // SAFETY: generated code passes a str object.
    or_raise(parse_int(unsafe { str_chars(s) }, base), -1)
}

/// `float(s)`.
#[no_mangle]
pub extern "C" fn rpy_float_from_str(s: *mut u8) -> f64 {
    // SAFETY: generated code passes a str object.
    or_raise(parse_float(unsafe { str_chars(s) }), -1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, base: i64) -> String {
        let cs: Vec<u32> = s.chars().map(|c| c as u32).collect();
        match parse_int(&cs, base) {
            Ok(v) => v.to_string(),
            Err(e) => e.describe(),
        }
    }

    fn float(s: &str) -> String {
        let cs: Vec<u32> = s.chars().map(|c| c as u32).collect();
        match parse_float(&cs) {
            Ok(v) => crate::format::float_repr(v),
            Err(e) => e.describe(),
        }
    }

    /// Each line: `base|input|expected` as printed by python3 (expected is
    /// `repr(int(input, base))` or `ClassName: message`).
    const INT_CASES: &str = include_str!("../testdata/int_parse.txt");
    /// Each line: `input|expected` (python3's `repr(float(input))` or the error).
    const FLOAT_CASES: &str = include_str!("../testdata/float_parse.txt");

    #[test]
    fn int_parsing_matches_cpython_table() {
        let mut bad = Vec::new();
        for line in INT_CASES.lines() {
            let mut parts = line.splitn(3, '|');
            let (base, input, want) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            let input = input.replace("\\n", "\n").replace("\\t", "\t");
            let got = int(&input, base.parse().unwrap());
            if got != want {
                bad.push(format!("int({input:?}, {base}): got {got}, want {want}"));
            }
        }
        assert_eq!(bad, Vec::<String>::new());
    }

    #[test]
    fn float_parsing_matches_cpython_table() {
        let mut bad = Vec::new();
        for line in FLOAT_CASES.lines() {
            let (input, want) = line.split_once('|').unwrap();
            let input = input.replace("\\n", "\n").replace("\\t", "\t");
            let got = float(&input);
            if got != want {
                bad.push(format!("float({input:?}): got {got}, want {want}"));
            }
        }
        assert_eq!(bad, Vec::<String>::new());
    }

    #[test]
    fn int_overflow_raises_overflow_error() {
        assert_eq!(
            [
                int("9223372036854775807", 10),
                int("-9223372036854775808", 10),
                int("9223372036854775808", 10),
                int("1_0000_0000_0000_0000_0000", 0)
            ],
            [
                "9223372036854775807".to_string(),
                "-9223372036854775808".to_string(),
                "OverflowError: Python int too large to convert to C long".to_string(),
                "OverflowError: Python int too large to convert to C long".to_string(),
            ]
        );
    }
}
