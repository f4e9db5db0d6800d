//! CPython's codec error messages for `str.encode`/`bytes.decode` in the
//! evaluator (the runtime's twin is `runtime/src/codec.rs`; the flow crate
//! cannot depend on the runtime).

/// `'\xef'`, `'\u20ac'`, `'\U0001f600'`: how CPython names a character in a
/// codec error.
fn char_escape(c: char) -> String {
    let c = c as u32;
    if c < 0x100 {
        format!("'\\x{c:02x}'")
    } else if c < 0x10000 {
        format!("'\\u{c:04x}'")
    } else {
        format!("'\\U{c:08x}'")
    }
}

/// The message of the UnicodeEncodeError for `s.encode(enc)` with code
/// points from `limit` up not encodable, or None if `s` encodes.
pub(super) fn encode_error(s: &str, enc: &str, limit: u32) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let bad = |c: char| c as u32 >= limit;
    let p = chars.iter().position(|&c| bad(c))?;
    let mut q = p + 1;
    while q < chars.len() && bad(chars[q]) {
        q += 1;
    }
    let what = if q - p == 1 {
        format!("character {} in position {p}", char_escape(chars[p]))
    } else {
        format!("characters in position {p}-{}", q - 1)
    };
    Some(format!(
        "'{enc}' codec can't encode {what}: ordinal not in range({limit})"
    ))
}

/// The message of the UnicodeDecodeError for UTF-8 `data` that failed with `e`.
pub(super) fn utf8_decode_error(data: &[u8], e: std::str::Utf8Error) -> String {
    let p = e.valid_up_to();
    let b = data[p];
    let (what, reason) = match e.error_len() {
        None => (
            format!("byte 0x{b:02x} in position {p}"),
            "unexpected end of data",
        ),
        Some(_) if !(0xC2..=0xF4).contains(&b) => (
            format!("byte 0x{b:02x} in position {p}"),
            "invalid start byte",
        ),
        Some(n) if n > 1 => (
            format!("bytes in position {p}-{}", p + n - 1),
            "invalid continuation byte",
        ),
        Some(_) => (
            format!("byte 0x{b:02x} in position {p}"),
            "invalid continuation byte",
        ),
    };
    format!("'utf-8' codec can't decode {what}: {reason}")
}
