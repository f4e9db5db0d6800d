//! `str.encode` and `bytes.decode` for utf-8, latin-1 and ascii (strict
//! errors), with CPython's messages.

use crate::exc::{or_raise, ExcKind, RtError};
use crate::obj::{self, bytes_data, str_chars};

/// Encodings, as the rtyper passes them.
pub const ENC_UTF8: i64 = 0;
pub const ENC_LATIN1: i64 = 1;
pub const ENC_ASCII: i64 = 2;

fn enc_name(enc: i64) -> &'static str {
    match enc {
        ENC_LATIN1 => "latin-1",
        ENC_ASCII => "ascii",
        _ => "utf-8",
    }
}

fn char_escape(c: u32) -> String {
    if c <= 0xff {
        format!("'\\x{c:02x}'")
    } else if c <= 0xffff {
        format!("'\\u{c:04x}'")
    } else {
        format!("'\\U{c:08x}'")
    }
}

pub fn encode(chars: &[u32], enc: i64) -> Result<Vec<u8>, RtError> {
    let limit = match enc {
        ENC_LATIN1 => 0x100,
        ENC_ASCII => 0x80,
        _ => 0x110000,
    };
    let bad = |c: u32| c >= limit || (enc == ENC_UTF8 && (0xD800..0xE000).contains(&c));
    if let Some(p) = chars.iter().position(|&c| bad(c)) {
        let mut q = p + 1;
        while q < chars.len() && bad(chars[q]) {
            q += 1;
        }
        let reason = if enc == ENC_UTF8 {
            "surrogates not allowed".to_string()
        } else {
            format!("ordinal not in range({limit})")
        };
        let what = if q - p == 1 {
            format!("character {} in position {p}", char_escape(chars[p]))
        } else {
            format!("characters in position {p}-{}", q - 1)
        };
        return Err(RtError::new(
            ExcKind::UnicodeEncodeError,
            format!("'{}' codec can't encode {what}: {reason}", enc_name(enc)),
        ));
    }
    Ok(match enc {
        ENC_UTF8 => {
            let mut out = Vec::with_capacity(chars.len());
            for &c in chars {
                let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            out
        }
        _ => chars.iter().map(|&c| c as u8).collect(),
    })
}

pub fn decode(data: &[u8], enc: i64) -> Result<Vec<u32>, RtError> {
    match enc {
        ENC_LATIN1 => Ok(data.iter().map(|&b| b as u32).collect()),
        ENC_ASCII => match data.iter().position(|&b| b >= 0x80) {
            Some(p) => Err(RtError::new(
                ExcKind::UnicodeDecodeError,
                format!("'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)", data[p]),
            )),
            None => Ok(data.iter().map(|&b| b as u32).collect()),
        },
        _ => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.chars().map(|c| c as u32).collect()),
            Err(e) => {
                let p = e.valid_up_to();
                let b = data[p];
                let (what, reason) = match e.error_len() {
                    None => (format!("byte 0x{b:02x} in position {p}"), "unexpected end of data"),
                    Some(_) if !(0xC2..=0xF4).contains(&b) => (format!("byte 0x{b:02x} in position {p}"), "invalid start byte"),
                    Some(n) if n > 1 => (format!("bytes in position {p}-{}", p + n - 1), "invalid continuation byte"),
                    Some(_) => (format!("byte 0x{b:02x} in position {p}"), "invalid continuation byte"),
                };
                Err(RtError::new(ExcKind::UnicodeDecodeError, format!("'utf-8' codec can't decode {what}: {reason}")))
            }
        },
    }
}

/// `s.encode(encoding)`.
#[no_mangle]
pub extern "C" fn rpy_str_encode(s: *mut u8, enc: i64) -> *mut u8 {
    // SAFETY: a str object.
    match encode(unsafe { str_chars(s) }, enc) {
        Ok(b) => obj::new_bytes(&b),
        Err(e) => or_raise(Err(e), std::ptr::null_mut()),
    }
}

/// `b.decode(encoding)`.
#[no_mangle]
pub extern "C" fn rpy_bytes_decode(b: *mut u8, enc: i64) -> *mut u8 {
    // SAFETY: a bytes object.
    match decode(unsafe { bytes_data(b) }, enc) {
        Ok(c) => obj::new_str_from_chars(&c),
        Err(e) => or_raise(Err(e), std::ptr::null_mut()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codecs_like_cpython() {
        let c = |s: &str| s.chars().map(|c| c as u32).collect::<Vec<_>>();
        assert_eq!(
            encode(&c("héllo €"), ENC_UTF8).unwrap(),
            "héllo €".as_bytes()
        );
        assert_eq!(encode(&c("hé"), ENC_LATIN1).unwrap(), b"h\xe9");
        assert_eq!(encode(&c("a€"), ENC_LATIN1).unwrap_err().msg, "'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)");
        assert_eq!(
            encode(&c("éé"), ENC_ASCII).unwrap_err().msg,
            "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)"
        );
        assert_eq!(
            decode(b"\xff", ENC_UTF8).unwrap_err().msg,
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            decode(b"a\xc3", ENC_UTF8).unwrap_err().msg,
            "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"
        );
        assert_eq!(
            decode(b"\xc3(", ENC_UTF8).unwrap_err().msg,
            "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"
        );
        assert_eq!(decode(b"h\xe9", ENC_LATIN1).unwrap(), c("hé"));
    }
}
