//! Format specs (`f"{x:>10.3f}"`, `format(x, spec)`) and `%` conversions,
//! with CPython's exact text and error messages.
//!
//! Spec grammar: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//! `%` conversions are translated to the same machinery: the rtyper
//! splits a constant format string into literal pieces and one call per
//! conversion (`rpy_percent_*`), passing the conversion's flags text.

use crate::exc::{or_raise, ExcKind, RtError};
use crate::format::float_repr;
use crate::obj::{self, str_chars};

#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str) -> Result<Spec, RtError> {
    let invalid = || RtError::new(ExcKind::ValueError, "Invalid format specifier");
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = Some(cs[0]);
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let st = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        s.width = cs[st..i].iter().collect::<String>().parse().map_err(|_| {
            RtError::new(
                ExcKind::ValueError,
                "Too many decimal digits in format string",
            )
        })?;
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(RtError::new(
                ExcKind::ValueError,
                "Format specifier missing precision",
            ));
        }
        s.precision = Some(cs[st..i].iter().collect::<String>().parse().map_err(|_| {
            RtError::new(
                ExcKind::ValueError,
                "Too many decimal digits in format string",
            )
        })?);
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    if i != cs.len() {
        return Err(invalid());
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `sign` + `body` to the spec's width.
fn pad(sign: &str, body: &str, s: &Spec, numeric: bool) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() && numeric {
        (s.fill.unwrap_or('0'), '=')
    } else {
        (
            s.fill.unwrap_or(if s.zero && s.align == Some('=') {
                '0'
            } else {
                ' '
            }),
            s.align.unwrap_or(if numeric { '>' } else { '<' }),
        )
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '>' => format!("{}{sign}{body}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{sign}{}{body}", f(n)),
    }
}

fn sign_str(neg: bool, s: Option<char>) -> &'static str {
    match (neg, s) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `%e` style: mantissa with `prec` digits, exponent with a sign and at
/// least two digits.
fn exp_format(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alt && prec == 0 {
        format!("{m}.")
    } else {
        m.to_string()
    };
    let r = format!(
        "{m}e{}{:02}",
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    );
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g` style (`prec` significant digits; trailing zeros removed unless
/// `alt`).
fn general_format(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let p = prec.max(1);
    if x == 0.0 {
        let z = if alt {
            format!("0.{}", "0".repeat(p - 1))
        } else {
            "0".into()
        };
        return z.trim_end_matches('.').to_string();
    }
    let e = format!("{:.*e}", p - 1, x);
    let exp: i32 = e
        .split_once('e')
        .map(|(_, e)| e.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut s = if exp < -4 || exp >= p as i32 {
        exp_format(x, p - 1, upper, alt)
    } else {
        let r = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x);
        if alt && !r.contains('.') {
            format!("{r}.")
        } else {
            r
        }
    };
    if !alt {
        if let Some(epos) = s.find(['e', 'E']) {
            let (m, e) = s.split_at(epos);
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            s = format!("{m}{e}");
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    s
}

/// The digits of a non-negative finite float (or `inf`/`nan`) for `ty`.
fn float_body(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> Option<String> {
    if x.is_nan() || x.is_infinite() {
        let r = if x.is_nan() { "nan" } else { "inf" };
        let r = if matches!(ty, Some('F' | 'E' | 'G')) {
            r.to_uppercase()
        } else {
            r.to_string()
        };
        return Some(if ty == Some('%') { format!("{r}%") } else { r });
    }
    let fixed = |p: usize| {
        let r = format!("{:.*}", p, x);
        if alt && p == 0 {
            format!("{r}.")
        } else {
            r
        }
    };
    Some(match ty {
        Some('f' | 'F') => fixed(prec.unwrap_or(6)),
        Some('e' | 'E') => exp_format(x, prec.unwrap_or(6), ty == Some('E'), alt),
        Some('g' | 'G') => general_format(x, prec.unwrap_or(6), ty == Some('G'), alt),
        Some('n') => general_format(x, prec.unwrap_or(6), false, alt),
        Some('%') => {
            let r = format!("{:.*}%", prec.unwrap_or(6), x * 100.0);
            if alt && prec == Some(0) {
                r.replace('%', ".%")
            } else {
                r
            }
        }
        None => match prec {
            Some(p) => {
                // Like 'g' but at least one digit after the point when
                // positional.
                let g = general_format(x, p, false, alt);
                if g.contains(['.', 'e', 'n', 'i']) {
                    g
                } else {
                    format!("{g}.0")
                }
            }
            None => float_repr(x),
        },
        _ => return None,
    })
}

fn unknown_code(ty: char, tname: &str) -> RtError {
    RtError::new(
        ExcKind::ValueError,
        format!("Unknown format code '{ty}' for object of type '{tname}'"),
    )
}

/// Applies grouping to the integer part of a number body.
fn group_body(body: &str, g: Option<char>) -> String {
    match g {
        None => body.to_string(),
        Some(sep) => {
            let (ip, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(p) => body.split_at(p),
                None => (body, ""),
            };
            format!("{}{rest}", group(ip, sep, 3))
        }
    }
}

/// Zero padding with grouping: CPython groups the padding zeros too.
fn pad_number(sign: &str, body: &str, s: &Spec) -> String {
    if s.grouping.is_some() && s.zero && s.align.is_none() && s.fill.is_none() {
        let sep = s.grouping.unwrap();
        let every = if matches!(s.ty, Some('x' | 'X' | 'o' | 'b')) {
            4
        } else {
            3
        };
        let (ip, rest) = match body.find(|c: char| c != sep && !c.is_ascii_digit()) {
            Some(p) => body.split_at(p),
            None => (body, ""),
        };
        let digits: String = ip.chars().filter(|c| *c != sep).collect();
        let mut d = digits;
        loop {
            let grouped = group(&d, sep, every);
            if sign.len() + grouped.chars().count() + rest.chars().count() >= s.width {
                return format!("{sign}{grouped}{rest}");
            }
            d.insert(0, '0');
        }
    }
    pad(sign, body, s, true)
}

pub fn format_int(i: i64, spec: &str) -> Result<String, RtError> {
    if spec.is_empty() {
        return Ok(i.to_string());
    }
    let s = parse_spec(spec)?;
    if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return format_float(i as f64, spec);
    }
    if s.precision.is_some() {
        return Err(RtError::new(
            ExcKind::ValueError,
            "Precision not allowed in integer format specifier",
        ));
    }
    let mag = i.unsigned_abs();
    let mut body = match s.ty {
        None | Some('d') | Some('n') => mag.to_string(),
        Some('x') => format!("{mag:x}"),
        Some('X') => format!("{mag:X}"),
        Some('o') => format!("{mag:o}"),
        Some('b') => format!("{mag:b}"),
        Some('c') => {
            if s.sign.is_some() {
                return Err(RtError::new(
                    ExcKind::ValueError,
                    "Sign not allowed with integer format specifier 'c'",
                ));
            }
            return match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(c) => Ok(pad("", &c.to_string(), &s, true)),
                None => Err(RtError::new(
                    ExcKind::OverflowError,
                    "%c arg not in range(0x110000)",
                )),
            };
        }
        Some(t) => return Err(unknown_code(t, "int")),
    };
    if let Some(g) = s.grouping {
        let every = if matches!(s.ty, Some('x' | 'X' | 'o' | 'b')) {
            4
        } else {
            3
        };
        if g == ',' && every == 4 {
            return Err(RtError::new(
                ExcKind::ValueError,
                format!("Cannot specify ',' with '{}'.", s.ty.unwrap()),
            ));
        }
        body = group(&body, g, every);
    }
    let prefix = if s.alt {
        match s.ty {
            Some('x') => "0x",
            Some('X') => "0X",
            Some('o') => "0o",
            Some('b') => "0b",
            _ => "",
        }
    } else {
        ""
    };
    let sign = format!("{}{prefix}", sign_str(i < 0, s.sign));
    Ok(pad_number(&sign, &body, &s))
}

pub fn format_float(x: f64, spec: &str) -> Result<String, RtError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let s = parse_spec(spec)?;
    let Some(body) = float_body(x.abs(), s.ty, s.precision, s.alt) else {
        return Err(unknown_code(s.ty.unwrap_or('?'), "float"));
    };
    let body = group_body(&body, s.grouping);
    let neg = x.is_sign_negative() && !x.is_nan();
    Ok(pad_number(sign_str(neg, s.sign), &body, &s))
}

pub fn format_str(text: &[u32], spec: &str) -> Result<String, RtError> {
    let t = obj::chars_to_string(text);
    if spec.is_empty() {
        return Ok(t);
    }
    let s = parse_spec(spec)?;
    if let Some(ty) = s.ty.filter(|t| *t != 's') {
        return Err(unknown_code(ty, "str"));
    }
    if s.sign.is_some() {
        return Err(RtError::new(
            ExcKind::ValueError,
            "Sign not allowed in string format specifier",
        ));
    }
    if s.alt {
        return Err(RtError::new(
            ExcKind::ValueError,
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(RtError::new(
            ExcKind::ValueError,
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match s.precision {
        Some(p) => t.chars().take(p).collect(),
        None => t,
    };
    Ok(pad("", &body, &s, false))
}

/// `%`-conversion flags (`-+ #0`, width, `.precision`) as a format spec
/// for `conv`.
fn percent_spec(flags: &str, conv: char) -> String {
    let mut left = false;
    let mut zero = false;
    let mut sign = String::new();
    let mut alt = false;
    let mut rest = String::new();
    for ch in flags.chars() {
        match ch {
            '-' if rest.is_empty() => left = true,
            '0' if rest.is_empty() => zero = true,
            '+' if rest.is_empty() => sign = "+".into(),
            ' ' if rest.is_empty() => {
                if sign.is_empty() {
                    sign = " ".into()
                }
            }
            '#' if rest.is_empty() => alt = true,
            _ => rest.push(ch),
        }
    }
    let align = if left { "<" } else { ">" };
    let zero = if zero && !left && conv != 's' {
        "0"
    } else {
        ""
    };
    let align = if !zero.is_empty() { "" } else { align };
    let alt = if alt { "#" } else { "" };
    if conv == 's' {
        return format!("{align}{rest}");
    }
    format!("{align}{sign}{alt}{zero}{rest}{conv}")
}

/// One `%` conversion of an int: `d i u x X o c e E f F g G`.
pub fn percent_int(i: i64, flags: &str, conv: char) -> Result<String, RtError> {
    match conv {
        'd' | 'i' | 'u' => {
            // Precision on %d means minimum digits.
            let (flags, prec) = split_prec(flags);
            let mut r = format_int(i, &percent_spec(&flags, 'd'))?;
            if let Some(p) = prec {
                let digits = i.unsigned_abs().to_string();
                if digits.len() < p {
                    let padded = format!(
                        "{}{}{}",
                        if i < 0 { "-" } else { "" },
                        "0".repeat(p - digits.len()),
                        digits
                    );
                    r = format_str(
                        &padded.chars().map(|c| c as u32).collect::<Vec<_>>(),
                        &percent_spec(&flags, 's'),
                    )?;
                }
            }
            Ok(r)
        }
        'x' | 'X' | 'o' => {
            let spec = percent_spec(flags, conv);
            let r = format_int(i, &spec)?;
            // `%#o` is `0o17` in Python 3, as format's `#o`.
            Ok(r)
        }
        'c' => match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(c) => format_str(&[c as u32], &percent_spec(flags, 's')),
            None => Err(RtError::new(
                ExcKind::OverflowError,
                "%c arg not in range(0x110000)",
            )),
        },
        _ => percent_float(i as f64, flags, conv),
    }
}

fn split_prec(flags: &str) -> (String, Option<usize>) {
    match flags.split_once('.') {
        Some((a, p)) => (a.to_string(), Some(p.parse().unwrap_or(0))),
        None => (flags.to_string(), None),
    }
}

/// One `%` conversion of a float: `e E f F g G`, or `d i u` (truncated).
pub fn percent_float(x: f64, flags: &str, conv: char) -> Result<String, RtError> {
    match conv {
        'd' | 'i' | 'u' => {
            if x.is_nan() {
                return Err(RtError::new(
                    ExcKind::ValueError,
                    "cannot convert float NaN to integer",
                ));
            }
            if x.is_infinite() {
                return Err(RtError::new(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            percent_int(x.trunc() as i64, flags, conv)
        }
        'x' | 'X' | 'o' | 'c' => Err(RtError::new(
            ExcKind::TypeError,
            format!("%{conv} format: an integer is required, not float"),
        )),
        _ => {
            let (f, prec) = split_prec(flags);
            let prec = prec.unwrap_or(6);
            let spec = percent_spec(&format!("{f}.{prec}"), conv);
            format_float(x, &spec)
        }
    }
}

/// `%s`/`%r` padding of an already converted text.
pub fn percent_str(text: &[u32], flags: &str) -> Result<String, RtError> {
    format_str(text, &percent_spec(flags, 's'))
}

fn text_of(p: *mut u8) -> String {
    // SAFETY: generated code passes a str object.
    obj::chars_to_string(unsafe { str_chars(p) })
}

fn ret(r: Result<String, RtError>) -> *mut u8 {
    match r.and_then(|s| obj::try_new_str(&s)) {
        Ok(p) => p,
        Err(e) => or_raise(Err(e), std::ptr::null_mut()),
    }
}

/// `format(i, spec)`.
#[no_mangle]
pub extern "C" fn rpy_format_int(i: i64, spec: *mut u8) -> *mut u8 {
    ret(format_int(i, &text_of(spec)))
}

/// `format(x, spec)`.
#[no_mangle]
pub extern "C" fn rpy_format_float(x: f64, spec: *mut u8) -> *mut u8 {
    ret(format_float(x, &text_of(spec)))
}

/// `format(s, spec)`.
#[no_mangle]
pub extern "C" fn rpy_format_str(s: *mut u8, spec: *mut u8) -> *mut u8 {
    // SAFETY: a str object.
    let chars = unsafe { str_chars(s) };
    ret(format_str(chars, &text_of(spec)))
}

/// One `%` conversion (`conv` a code point) of an int with `flags`.
#[no_mangle]
pub extern "C" fn rpy_percent_int(i: i64, flags: *mut u8, conv: i64) -> *mut u8 {
    let conv = char::from_u32(conv as u32).unwrap_or('d');
    ret(percent_int(i, &text_of(flags), conv))
}

/// One `%` conversion of a float.
#[no_mangle]
pub extern "C" fn rpy_percent_float(x: f64, flags: *mut u8, conv: i64) -> *mut u8 {
    let conv = char::from_u32(conv as u32).unwrap_or('f');
    ret(percent_float(x, &text_of(flags), conv))
}

/// `%s` / `%r` of a converted text.
#[no_mangle]
pub extern "C" fn rpy_percent_str(s: *mut u8, flags: *mut u8) -> *mut u8 {
    // SAFETY: a str object.
    let chars = unsafe { str_chars(s) };
    ret(percent_str(chars, &text_of(flags)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn format_specs_like_cpython() {
        // Expected values printed by python3's format().
        let got = [
            format_int(42, ">10").unwrap(),
            format_int(-42, "08").unwrap(),
            format_int(1234567, ",").unwrap(),
            format_int(255, "x").unwrap(),
            format_int(255, "#X").unwrap(),
            format_int(42, "^7").unwrap(),
            format_int(5, "+").unwrap(),
            format_int(1234567, "012,").unwrap(),
            format_int(3, ".2f").unwrap(),
            format_float(3.14159, "08.3f").unwrap(),
            format_float(1234.5, "e").unwrap(),
            format_float(0.256, "%").unwrap(),
            format_float(0.256, ".1%").unwrap(),
            format_float(1234567.891, ",.2f").unwrap(),
            format_float(2.5, "").unwrap(),
            format_float(1e20, "g").unwrap(),
            format_float(0.0001, ".3g").unwrap(),
            format_float(-1.5, "10.2f").unwrap(),
            format_float(1.0, ".3").unwrap(),
            format_float(f64::INFINITY, "f").unwrap(),
            format_str(&c("ab"), ">5").unwrap(),
            format_str(&c("ab"), "*^6").unwrap(),
            format_str(&c("abcdef"), ".3").unwrap(),
            format_str(&c("'x'"), ">10").unwrap(),
        ];
        assert_eq!(
            got,
            [
                "        42",
                "-0000042",
                "1,234,567",
                "ff",
                "0XFF",
                "  42   ",
                "+5",
                "0,001,234,567",
                "3.00",
                "0003.142",
                "1.234500e+03",
                "25.600000%",
                "25.6%",
                "1,234,567.89",
                "2.5",
                "1e+20",
                "0.0001",
                "     -1.50",
                "1.0",
                "inf",
                "   ab",
                "**ab**",
                "abc",
                "       'x'"
            ]
        );
        assert_eq!(
            format_str(&c("a"), "d").unwrap_err().msg,
            "Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            format_int(1, "s").unwrap_err().msg,
            "Unknown format code 's' for object of type 'int'"
        );
    }

    #[test]
    fn percent_like_cpython() {
        let got = [
            percent_int(42, "5", 'd').unwrap(),
            percent_int(42, "-5", 'd').unwrap(),
            percent_int(42, "05", 'd').unwrap(),
            percent_int(-42, "05", 'd').unwrap(),
            percent_int(255, "", 'x').unwrap(),
            percent_int(255, "#", 'x').unwrap(),
            percent_int(7, ".3", 'd').unwrap(),
            percent_int(3, "", 'f').unwrap(),
            percent_float(3.14159, ".2", 'f').unwrap(),
            percent_float(2.5, "", 'e').unwrap(),
            percent_float(0.00001234, "", 'g').unwrap(),
            percent_float(3.99, "", 'd').unwrap(),
            percent_float(-2.5, "+08.2", 'f').unwrap(),
            percent_str(&c("ab"), "-4").unwrap(),
            percent_str(&c("ab"), "4").unwrap(),
            percent_str(&c("abcdef"), ".2").unwrap(),
        ];
        assert_eq!(
            got,
            [
                "   42",
                "42   ",
                "00042",
                "-0042",
                "ff",
                "0xff",
                "007",
                "3.000000",
                "3.14",
                "2.500000e+00",
                "1.234e-05",
                "3",
                "-0002.50",
                "ab  ",
                "  ab",
                "ab"
            ]
        );
    }
}
