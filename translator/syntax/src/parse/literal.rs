//! Literals: integer and float tokens, string escapes, string prefixes and
//! the implicit concatenation of adjacent string literals.
//!
//! Numbers are decoded here from the token text (underscores, `0x`/`0o`/`0b`
//! prefixes; py2's `0777` and `10L`). Strings are decoded from the source
//! text of each `string_content` node, not from tree-sitter's escape nodes,
//! so that the one decoder handles every prefix: raw (`r`), bytes (`b`),
//! text, and the `{{`/`}}` escapes of f-strings. f-string replacement
//! fields are lowered in `expr` and merged here.

use super::{subset, Dialect};
use crate::ast::FStringPart;

/// A decoded integer token: its magnitude (always non-negative).
pub(super) fn parse_int(text: &str, dialect: Dialect) -> Result<u128, String> {
    let mut t: String = text.chars().filter(|c| *c != '_').collect();
    if t.ends_with('j') || t.ends_with('J') {
        return Err(subset::IMAGINARY.to_string());
    }
    if t.ends_with('l') || t.ends_with('L') {
        if dialect == Dialect::Py3 {
            return Err(
                "the `L` suffix of long integers is Python 2 syntax; remove it".to_string(),
            );
        }
        t.pop();
    }
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else if lower.len() > 1 && lower.starts_with('0') && lower.bytes().any(|b| b != b'0') {
        if dialect == Dialect::Py3 {
            return Err(format!(
                "leading zeros in decimal integer literals are not permitted; write 0o{} for an octal number",
                lower.trim_start_matches('0')
            ));
        }
        (&lower[1..], 8)
    } else {
        (lower.as_str(), 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(format!("invalid integer literal '{text}'"));
    }
    // Digits are valid, so the only possible failure is overflow of u128.
    u128::from_str_radix(digits, radix).or(Ok(u128::MAX))
}

pub(super) fn parse_float(text: &str) -> Result<f64, String> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    if t.ends_with('j') || t.ends_with('J') {
        return Err(subset::IMAGINARY.to_string());
    }
    t.parse::<f64>()
        .map_err(|_| format!("invalid float literal '{text}'"))
}

/// What a string's prefix says about it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    pub unicode: bool,
}

/// Split `string_start` text (`rb"`, `'''`) into its prefix.
pub(super) fn parse_prefix(start: &str) -> Result<Prefix, String> {
    let letters: String = start
        .chars()
        .take_while(|c| *c != '\'' && *c != '"')
        .collect();
    let mut p = Prefix {
        raw: false,
        bytes: false,
        fstring: false,
        unicode: false,
    };
    if letters.starts_with('`') {
        // tree-sitter-python reads py2's backquotes as a string delimiter.
        return Err(subset::BACKQUOTE.to_string());
    }
    for c in letters.chars() {
        match c.to_ascii_lowercase() {
            'r' => p.raw = true,
            'b' => p.bytes = true,
            'f' => p.fstring = true,
            'u' => p.unicode = true,
            _ => return Err(format!("unknown string prefix '{letters}'")),
        }
    }
    if p.bytes && p.fstring {
        return Err("bytes f-strings (bf'...') do not exist".to_string());
    }
    Ok(p)
}

/// Decode the text of one `string_content` (between quotes, outside
/// replacement fields). Text results are appended to `out` as chars; for
/// bytes each char is one byte value (0..=255).
pub(super) fn decode(
    content: &str,
    p: Prefix,
    bytes_like: bool,
    latin1_source: bool,
    out: &mut Vec<u32>,
) -> Result<(), String> {
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        // Newlines in the source are '\n' in the value, as in Python.
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if p.fstring && (c == '{' || c == '}') {
            if chars.peek() == Some(&c) {
                chars.next();
            }
            out.push(c as u32);
            continue;
        }
        if c != '\\' || p.raw {
            if bytes_like && (c as u32) > 0x7f {
                if p.bytes {
                    return Err(
                        "bytes literals may only contain ASCII characters; use \\x escapes"
                            .to_string(),
                    );
                }
                // py2 byte string: the source's bytes (one per char in a
                // Latin-1 file, the UTF-8 encoding otherwise).
                if latin1_source && (c as u32) <= 0xff {
                    out.push(c as u32);
                    continue;
                }
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push(b as u32);
                }
                continue;
            }
            out.push(c as u32);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\' as u32);
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\' as u32),
            '\'' => out.push('\'' as u32),
            '"' => out.push('"' as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                if bytes_like && v > 0xff {
                    return Err(format!("octal escape \\{:o} is out of range for a byte", v));
                }
                out.push(v);
            }
            'x' => out.push(hex_digits(&mut chars, 2, "\\x")?),
            'u' | 'U' if !bytes_like => {
                let n = if e == 'u' { 4 } else { 8 };
                let v = hex_digits(&mut chars, n, if e == 'u' { "\\u" } else { "\\U" })?;
                if char::from_u32(v).is_none() {
                    return Err(format!(
                        "\\{e} escape {v:#x} is not a valid Unicode character"
                    ));
                }
                out.push(v);
            }
            'N' if !bytes_like => {
                return Err(
                    "\\N{...} escapes are not supported; write the character itself or use \\u"
                        .to_string(),
                );
            }
            other => {
                // Unknown escapes keep their backslash, as in Python.
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Ok(())
}

fn hex_digits(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    n: usize,
    what: &str,
) -> Result<u32, String> {
    let mut v = 0u32;
    for _ in 0..n {
        match chars.peek().and_then(|c| c.to_digit(16)) {
            Some(d) => {
                v = v.wrapping_mul(16).wrapping_add(d);
                chars.next();
            }
            None => return Err(format!("truncated {what} escape: expected {n} hex digits")),
        }
    }
    Ok(v)
}

/// The value of one string literal or of a concatenation, as it is built.
#[derive(Debug)]
pub(super) enum StrValue {
    Text(String),
    Bytes(Vec<u8>),
    FString(Vec<FStringPart>),
}

impl StrValue {
    /// Append `next` (implicit concatenation `a "b"`).
    pub(super) fn concat(self, next: StrValue) -> Result<StrValue, String> {
        use StrValue::*;
        Ok(match (self, next) {
            (Text(mut a), Text(b)) => {
                a.push_str(&b);
                Text(a)
            }
            (Bytes(mut a), Bytes(b)) => {
                a.extend(b);
                Bytes(a)
            }
            (Bytes(_), _) | (_, Bytes(_)) => {
                return Err("cannot concatenate bytes and text string literals".to_string());
            }
            (a, b) => {
                let mut parts = a.into_parts();
                for part in b.into_parts() {
                    push_part(&mut parts, part);
                }
                FString(parts)
            }
        })
    }

    fn into_parts(self) -> Vec<FStringPart> {
        match self {
            StrValue::Text(s) if s.is_empty() => Vec::new(),
            StrValue::Text(s) => vec![FStringPart::Literal(s)],
            StrValue::FString(p) => p,
            StrValue::Bytes(_) => Vec::new(),
        }
    }
}

/// Push a part, merging adjacent literals.
pub(super) fn push_part(parts: &mut Vec<FStringPart>, part: FStringPart) {
    if let FStringPart::Literal(s) = &part {
        if s.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
            prev.push_str(s);
            return;
        }
    }
    parts.push(part);
}

/// Code points (from `decode`) to a String; lone surrogates from `\ud800`
/// become U+FFFD (Rust strings cannot hold them).
pub(super) fn to_string(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

pub(super) fn to_bytes(cps: &[u32]) -> Vec<u8> {
    cps.iter().map(|&c| c as u8).collect()
}
