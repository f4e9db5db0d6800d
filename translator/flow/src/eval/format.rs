//! Value formatting, exactly as CPython 3 writes it: `str()` and `repr()`
//! of every value kind, float repr (shortest round-trip digits, exponent
//! form when the exponent is < -4 or >= 16), string and bytes escapes,
//! format specs (`f"{x:>8.3f}"`, `format(x, spec)`) and `%`-formatting.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{Builtin, HostObj};
use crate::model::Const;
use rpy_syntax::Span;

/// `repr(x)` (= `str(x)`) of a float, as CPython prints it.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-trip digits and decimal exponent from `{:e}`.
    let e = format!("{:e}", x);
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                for _ in digits.len()..int_len {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Python 2's `str(x)` for a float: `'%.12g'` (12 significant digits, no
/// trailing zeros) with `.0` added to a positional integral result:
/// `0.333333333333`, `1e+16`, `1.23456789012e+11`, `3.0`.
pub fn float_str_py2(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return out;
    }
    let sci = format!("{:.11e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if !(-4..11).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
        return out;
    }
    let decpt = exp + 1;
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(digits);
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', decpt - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

/// `repr(s)` of a text string.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) || !is_printable(c) => {
                let n = c as u32;
                out.push_str(&match n {
                    0..=0xff => format!("\\x{n:02x}"),
                    0x100..=0xffff => format!("\\u{n:04x}"),
                    _ => format!("\\U{n:08x}"),
                })
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for characters from U+00A0 on, as `repr` uses it:
/// separators other than the space (Zs, Zl, Zp), format characters (Cf),
/// private use (Co) and noncharacters are escaped.
fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(matches!(
        n,
        0xA0 | 0xAD
            | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x1680
            | 0x180E
            | 0x2000..=0x200F
            | 0x2028..=0x202F
            | 0x205F..=0x206F
            | 0x3000
            | 0xE000..=0xF8FF
            | 0xFDD0..=0xFDEF
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
            | 0xF0000..=0x10FFFF
    ) || n & 0xFFFE == 0xFFFE)
}

/// `repr(b)` of a byte string.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    /// The thousands separator, `,` or `_`.
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl Spec {
    /// The fill character and alignment in effect: the `0` flag means fill
    /// `0` and, for numbers without an explicit alignment, `=`.
    fn fill_align(&self, numeric: bool) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = self.align.unwrap_or(match (numeric, self.zero) {
            (true, true) => '=',
            (true, false) => '>',
            (false, _) => '<',
        });
        (fill, align)
    }
}

/// Why a spec is invalid: `Err(message)` for CPython's `ValueError`.
fn parse_spec(spec: &str) -> Result<Spec, String> {
    let invalid = || format!("Invalid format specifier '{spec}'");
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
        s.width = cs[st..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
        if i < cs.len() && matches!(cs[i], ',' | '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(
            cs[st..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    if i != cs.len() {
        return Err(invalid());
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None | Some('d' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => true,
            Some('x' | 'X' | 'o' | 'b') => g == '_',
            _ => false,
        };
        if !ok {
            return Err(format!("Cannot specify '{g}' with '{}'.", s.ty.unwrap()));
        }
    }
    Ok(s)
}

/// `digits` with `sep` every `group` digits from the right. With a
/// `min_width` (zero padding with `=` alignment) the number is first
/// widened with zeros, which get separators too, until it is at least that
/// wide, never starting with a separator (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let group = group as isize;
    // Built right to left, reversed at the end.
    let mut out: Vec<char> = Vec::new();
    let take = |l: isize, remaining: &mut isize, out: &mut Vec<char>| {
        let n_chars = (*remaining).min(l).max(0);
        let n_zeros = (l - *remaining).max(0);
        for k in 0..n_chars {
            out.push(d[(*remaining - 1 - k) as usize]);
        }
        out.extend(std::iter::repeat('0').take(n_zeros as usize));
        *remaining -= n_chars;
    };
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        take(l, &mut remaining, &mut out);
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        out.push(sep);
        min_width -= 1;
    }
    out.reverse();
    out.into_iter().collect()
}

/// Pad `body` (with its sign and prefix split off as `lead`) to the
/// spec's width; `=` alignment puts the fill between the two.
fn pad(lead: &str, body: &str, s: &Spec, numeric: bool) -> String {
    let len = lead.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{lead}{body}");
    }
    let n = s.width - len;
    let (fill, align) = s.fill_align(numeric);
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match align {
        '<' => format!("{lead}{body}{}", f(n)),
        '>' => format!("{}{lead}{body}", f(n)),
        '^' => format!("{}{lead}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{lead}{}{body}", f(n)),
    }
}

/// A number laid out per the spec: `lead` (sign and `0x`-style prefix),
/// the integer `digits` (grouped every `group` digits if the spec asks)
/// and the `rest` (fraction, exponent, `%`, or `inf`/`nan` with no digits).
fn layout_number(lead: &str, digits: &str, rest: &str, s: &Spec, group: usize) -> String {
    let body = match s.grouping {
        Some(sep) if !digits.is_empty() => {
            let (fill, align) = s.fill_align(true);
            let min_width = if fill == '0' && align == '=' {
                s.width
                    .saturating_sub(lead.chars().count() + rest.chars().count())
            } else {
                0
            };
            format!("{}{rest}", group_digits(digits, sep, group, min_width))
        }
        _ => format!("{digits}{rest}"),
    };
    pad(lead, &body, s, true)
}

/// `%e` style with a two-digit exponent.
fn exp_format(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g` style; `alt` (`#`) keeps trailing zeros.
fn general_format(x: f64, prec: usize, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let z = if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
        return if x.is_sign_negative() {
            format!("-{z}")
        } else {
            z
        };
    }
    let e = format!("{:.*e}", p - 1, x);
    let exp: i32 = e.split_once('e').unwrap().1.parse().unwrap();
    let mut s = if exp < -4 || exp >= p as i32 {
        exp_format(x, p - 1, false)
    } else {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    };
    if !alt {
        // Strip trailing zeros of the fraction.
        if let Some(epos) = s.find('e') {
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

/// The digits of a finite, non-negative float for format type `ty`
/// (`None`: like `repr`, or `g`-like with at least one fraction digit when
/// a precision is given); `alt` (`#`) always keeps the decimal point.
/// `None` for a type floats do not have.
fn float_body(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> Option<String> {
    if x.is_nan() || x.is_infinite() {
        let r = float_repr(x.abs());
        return Some(if matches!(ty, Some('F' | 'E' | 'G')) {
            r.to_uppercase()
        } else {
            r
        });
    }
    let body = match ty {
        Some('f') | Some('F') => format!("{:.*}", prec.unwrap_or(6), x),
        Some('e') | Some('E') => exp_format(x, prec.unwrap_or(6), ty == Some('E')),
        Some('g') | Some('G') | Some('n') => {
            let g = general_format(x, prec.unwrap_or(6), alt);
            if ty == Some('G') {
                g.to_uppercase()
            } else {
                g
            }
        }
        Some('%') => format!("{:.*}%", prec.unwrap_or(6), x * 100.0),
        None => match prec {
            Some(p) => {
                let g = general_format(x, p, alt);
                if g.contains(['.', 'e', 'n', 'i']) {
                    g
                } else {
                    format!("{g}.0")
                }
            }
            None => float_repr(x),
        },
        _ => return None,
    };
    if alt && !body.contains('.') {
        // `#`: a decimal point even without fraction digits.
        let at = body.find(['e', 'E', '%']).unwrap_or(body.len());
        return Some(format!("{}.{}", &body[..at], &body[at..]));
    }
    Some(body)
}

/// Split a number's body into its leading integer digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let k = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    body.split_at(k)
}

impl Evaluator<'_> {
    /// `str(x)`.
    pub fn to_str(&mut self, v: &Const, span: Span) -> EvalResult<String> {
        match v {
            Const::Str(s) => Ok(s.to_string()),
            Const::UInt(u) => Ok(u.to_string()),
            Const::Float(x) if self.py2 => Ok(float_str_py2(*x)),
            Const::Host(h) => {
                if let HostObj::Instance { class, .. } = &self.prog.objs[*h] {
                    let class = *class;
                    if let Some(f) = self.class_lookup(class, "__str__") {
                        if !self.is_builtin_attr(&f) {
                            let r = self.call_at(&f, vec![v.clone()], span)?;
                            return self.expect_str(r, "__str__", span);
                        }
                    }
                    if self.is_exception_class(class) {
                        return Ok(self.exc_message(v));
                    }
                }
                self.to_repr(v, span)
            }
            _ => self.to_repr(v, span),
        }
    }

    fn expect_str(&mut self, r: Const, what: &str, span: Span) -> EvalResult<String> {
        match r {
            Const::Str(s) => Ok(s.to_string()),
            other => {
                let t = self.type_desc(&other);
                Err(EvalError::user(
                    span,
                    format!("{what} returned non-string (type {t})"),
                ))
            }
        }
    }

    /// `repr(x)`.
    pub fn to_repr(&mut self, v: &Const, span: Span) -> EvalResult<String> {
        Ok(match v {
            Const::None => "None".into(),
            Const::Bool(b) => if *b { "True" } else { "False" }.into(),
            Const::Int(i) => i.to_string(),
            Const::UInt(u) => format!("r_uint({u})"),
            Const::Float(f) => float_repr(*f),
            Const::Str(s) => str_repr(s),
            Const::Bytes(b) => bytes_repr(b),
            Const::Tuple(t) => {
                let mut parts = Vec::new();
                for x in t.iter() {
                    parts.push(self.to_repr(x, span)?);
                }
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Const::Builtin(
                b @ (Builtin::OsModule
                | Builtin::TimeModule
                | Builtin::MathModule
                | Builtin::SysModule),
            ) => {
                format!("<module '{}' (built-in)>", b.name())
            }
            Const::Builtin(b) => format!("<built-in function {}>", b.name()),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => {
                    let l = l.clone();
                    let mut parts = Vec::new();
                    for x in &l {
                        parts.push(self.to_repr(x, span)?);
                    }
                    format!("[{}]", parts.join(", "))
                }
                HostObj::Dict(d) => {
                    let d = d.clone();
                    let mut parts = Vec::new();
                    for (k, x) in &d {
                        parts.push(format!(
                            "{}: {}",
                            self.to_repr(k, span)?,
                            self.to_repr(x, span)?
                        ));
                    }
                    format!("{{{}}}", parts.join(", "))
                }
                &HostObj::Range { start, stop, step } => {
                    if step == 1 {
                        format!("range({start}, {stop})")
                    } else {
                        format!("range({start}, {stop}, {step})")
                    }
                }
                HostObj::Module(m) => format!("<module '{}'>", m.name),
                HostObj::Function(f) => format!(
                    "<function {} at 0x{:x}>",
                    f.qualname,
                    h.as_u32() as u64 * 16 + 0x7f0000
                ),
                HostObj::Class(c) => {
                    if c.builtin {
                        format!("<class '{}'>", c.name)
                    } else {
                        format!("<class '{}'>", c.qualname)
                    }
                }
                HostObj::Code(_) | HostObj::ClassCode(_) => format!("<code {h}>"),
                HostObj::BoundMethod { name, .. } => format!("<bound method {name}>"),
                HostObj::Intrinsic { kind, .. } => format!("<{} object>", kind.name()),
                HostObj::Iterator { .. } => format!(
                    "<iterator object at 0x{:x}>",
                    h.as_u32() as u64 * 16 + 0x7f0000
                ),
                HostObj::Instance { class, .. } => {
                    let class = *class;
                    if let Some(f) = self.class_lookup(class, "__repr__") {
                        if !self.is_builtin_attr(&f) {
                            let r = self.call_at(&f, vec![v.clone()], span)?;
                            return self.expect_str(r, "__repr__", span);
                        }
                    }
                    if self.is_exception_class(class) {
                        let args = self.exc_args(v);
                        let name = self.prog.class(class).name.clone();
                        let r = self.to_repr(&Const::Tuple(args.clone().into()), span)?;
                        if args.len() == 1 {
                            format!("{name}({})", &r[1..r.len() - 2])
                        } else {
                            format!("{name}{r}")
                        }
                    } else {
                        let c = self.prog.class(class);
                        format!(
                            "<{} object at 0x{:x}>",
                            c.qualname,
                            h.as_u32() as u64 * 16 + 0x7f0000
                        )
                    }
                }
            },
        })
    }

    /// `format(value, spec)`.
    pub fn format_value(&mut self, v: &Const, spec: &str, span: Span) -> EvalResult<String> {
        if spec.is_empty() {
            return self.to_str(v, span);
        }
        let s = match parse_spec(spec) {
            Ok(s) => s,
            Err(m) => return Err(self.exc_msg("ValueError", m, span)),
        };
        let value_error = |ev: &mut Self, m: String| Err(ev.exc_msg("ValueError", m, span));
        let bad = |ev: &mut Self| {
            let t = ev.type_desc(v);
            let code = s.ty.map(|c| c.to_string()).unwrap_or_default();
            Err(ev.exc_msg(
                "ValueError",
                format!("Unknown format code '{code}' for object of type '{t}'"),
                span,
            ))
        };
        match v {
            Const::Int(_) | Const::Bool(_)
                if !matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
            {
                let i = v.as_int().unwrap();
                let mag = i.unsigned_abs();
                if s.precision.is_some() {
                    return value_error(
                        self,
                        "Precision not allowed in integer format specifier".into(),
                    );
                }
                let (digits, group, prefix) = match s.ty {
                    None | Some('d') | Some('n') => (mag.to_string(), 3, ""),
                    Some('x') => (format!("{mag:x}"), 4, "0x"),
                    Some('X') => (format!("{mag:X}"), 4, "0X"),
                    Some('o') => (format!("{mag:o}"), 4, "0o"),
                    Some('b') => (format!("{mag:b}"), 4, "0b"),
                    Some('c') => {
                        if s.sign.is_some() {
                            return value_error(
                                self,
                                "Sign not allowed with integer format specifier 'c'".into(),
                            );
                        }
                        if s.alt {
                            return value_error(
                                self,
                                "Alternate form (#) not allowed with integer format specifier 'c'"
                                    .into(),
                            );
                        }
                        let Some(c) = u32::try_from(i).ok().and_then(char::from_u32) else {
                            return Err(self.exc_msg(
                                "OverflowError",
                                "%c arg not in range(0x110000)",
                                span,
                            ));
                        };
                        return Ok(pad("", &c.to_string(), &s, true));
                    }
                    _ => return bad(self),
                };
                let sign = if i < 0 { "-" } else { sign_str(s.sign) };
                let lead = format!("{sign}{}", if s.alt { prefix } else { "" });
                Ok(layout_number(&lead, &digits, "", &s, group))
            }
            Const::Int(_) | Const::Bool(_) | Const::Float(_) => {
                let x = match v {
                    Const::Float(f) => *f,
                    other => other.as_int().unwrap() as f64,
                };
                let Some(body) = float_body(x.abs(), s.ty, s.precision, s.alt) else {
                    return bad(self);
                };
                let (digits, rest) = split_digits(&body);
                let sign = if x.is_sign_negative() && !x.is_nan() {
                    "-"
                } else {
                    sign_str(s.sign)
                };
                Ok(layout_number(sign, digits, rest, &s, 3))
            }
            Const::Str(st) => {
                if !matches!(s.ty, None | Some('s')) {
                    return bad(self);
                }
                if s.sign.is_some() {
                    return value_error(self, "Sign not allowed in string format specifier".into());
                }
                if s.alt {
                    return value_error(
                        self,
                        "Alternate form (#) not allowed in string format specifier".into(),
                    );
                }
                if let Some(g) = s.grouping {
                    return value_error(self, format!("Cannot specify '{g}' with 's'."));
                }
                if s.align == Some('=') {
                    return value_error(
                        self,
                        "'=' alignment not allowed in string format specifier".into(),
                    );
                }
                let body: String = match s.precision {
                    Some(p) => st.chars().take(p).collect(),
                    None => st.to_string(),
                };
                Ok(pad("", &body, &s, false))
            }
            _ => {
                if s.ty.is_some() {
                    return bad(self);
                }
                let body = self.to_str(v, span)?;
                Ok(pad("", &body, &s, false))
            }
        }
    }

    /// `fmt % args`: `%[flags][width|*][.precision|*]conv` with flags
    /// `-+ #0`, as CPython's `PyUnicode_Format` (no `%(key)` mappings).
    pub(crate) fn percent_format(
        &mut self,
        fmt: &str,
        args: &Const,
        span: Span,
    ) -> EvalResult<String> {
        let items: Vec<Const> = match args {
            Const::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        let mut next = items.into_iter();
        let mut out = String::new();
        let cs: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let not_enough =
            |ev: &Self| ev.exc_msg("TypeError", "not enough arguments for format string", span);
        while i < cs.len() {
            let c = cs[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let (mut left, mut zero, mut alt) = (false, false, false);
            let mut sign = "";
            while i < cs.len() {
                match cs[i] {
                    '-' => left = true,
                    '0' => zero = true,
                    '#' => alt = true,
                    '+' => sign = "+",
                    ' ' if sign.is_empty() => sign = " ",
                    ' ' => {}
                    _ => break,
                }
                i += 1;
            }
            // Width and precision: digits or `*` (taken from the arguments).
            let number = |ev: &mut Self,
                          i: &mut usize,
                          next: &mut std::vec::IntoIter<Const>|
             -> EvalResult<Option<i64>> {
                if *i < cs.len() && cs[*i] == '*' {
                    *i += 1;
                    return match next.next() {
                        Some(a) => match a.as_int() {
                            Some(n) if !matches!(a, Const::Float(_)) => Ok(Some(n)),
                            _ => Err(ev.exc_msg("TypeError", "* wants int", span)),
                        },
                        None => Err(not_enough(ev)),
                    };
                }
                let st = *i;
                while *i < cs.len() && cs[*i].is_ascii_digit() {
                    *i += 1;
                }
                if *i == st {
                    return Ok(None);
                }
                match cs[st..*i].iter().collect::<String>().parse::<i64>() {
                    Ok(n) => Ok(Some(n)),
                    Err(_) => Err(ev.exc_msg("ValueError", "width too big", span)),
                }
            };
            let mut width = number(self, &mut i, &mut next)?.unwrap_or(0);
            if width < 0 {
                // A negative `*` width means left alignment.
                left = true;
                width = -width;
            }
            let width = width as usize;
            let prec = if i < cs.len() && cs[i] == '.' {
                i += 1;
                Some(number(self, &mut i, &mut next)?.unwrap_or(0).max(0) as usize)
            } else {
                None
            };
            // Length modifiers are accepted and ignored.
            while i < cs.len() && matches!(cs[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            if i >= cs.len() {
                return Err(self.exc_msg("ValueError", "incomplete format", span));
            }
            let conv = cs[i];
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let Some(arg) = next.next() else {
                return Err(not_enough(self));
            };
            // (lead: sign and prefix, body, numeric: zero padding applies)
            let (lead, body, numeric): (String, String, bool) = match conv {
                's' | 'r' | 'a' => {
                    let mut t = match conv {
                        's' => self.to_str(&arg, span)?,
                        _ => self.to_repr(&arg, span)?,
                    };
                    if conv == 'a' {
                        t = ascii_escape(&t);
                    }
                    if let Some(p) = prec {
                        t = t.chars().take(p).collect();
                    }
                    (String::new(), t, false)
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = match &arg {
                        Const::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                            if f.is_nan() {
                                return Err(self.exc_msg(
                                    "ValueError",
                                    "cannot convert float NaN to integer",
                                    span,
                                ));
                            }
                            if f.is_infinite() {
                                return Err(self.exc_msg(
                                    "OverflowError",
                                    "cannot convert float infinity to integer",
                                    span,
                                ));
                            }
                            Some(f.trunc() as i64)
                        }
                        Const::Int(_) | Const::Bool(_) => arg.as_int(),
                        _ => None,
                    };
                    let Some(n) = n else {
                        let t = super::arith::type_name(&arg);
                        let what = if matches!(conv, 'd' | 'i' | 'u') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return Err(self.exc_msg(
                            "TypeError",
                            format!("%{conv} format: {what} is required, not {t}"),
                            span,
                        ));
                    };
                    let m = n.unsigned_abs();
                    let (mut digits, prefix) = match conv {
                        'x' => (format!("{m:x}"), "0x"),
                        'X' => (format!("{m:X}"), "0X"),
                        'o' => (format!("{m:o}"), "0o"),
                        _ => (m.to_string(), ""),
                    };
                    if let Some(p) = prec {
                        if digits.len() < p {
                            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                        }
                    }
                    let s = if n < 0 { "-" } else { sign };
                    (
                        format!("{s}{}", if alt { prefix } else { "" }),
                        digits,
                        true,
                    )
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match &arg {
                        Const::Float(f) => *f,
                        Const::Int(_) | Const::Bool(_) => arg.as_int().unwrap() as f64,
                        _ => {
                            let t = super::arith::type_name(&arg);
                            return Err(self.exc_msg(
                                "TypeError",
                                format!("must be real number, not {t}"),
                                span,
                            ));
                        }
                    };
                    let body = float_body(x.abs(), Some(conv), Some(prec.unwrap_or(6)), alt)
                        .expect("float conversion");
                    let s = if x.is_sign_negative() && !x.is_nan() {
                        "-"
                    } else {
                        sign
                    };
                    (s.to_string(), body, true)
                }
                'c' => {
                    let ch = match &arg {
                        Const::Str(t) if t.chars().count() == 1 => t.chars().next().unwrap(),
                        Const::Int(_) | Const::Bool(_) => {
                            match u32::try_from(arg.as_int().unwrap())
                                .ok()
                                .and_then(char::from_u32)
                            {
                                Some(ch) => ch,
                                None => {
                                    return Err(self.exc_msg(
                                        "OverflowError",
                                        "%c arg not in range(0x110000)",
                                        span,
                                    ))
                                }
                            }
                        }
                        _ => {
                            return Err(self.exc_msg("TypeError", "%c requires int or char", span))
                        }
                    };
                    (String::new(), ch.to_string(), false)
                }
                _ => {
                    return Err(self.exc_msg(
                        "ValueError",
                        format!(
                            "unsupported format character '{conv}' (0x{:x}) at index {}",
                            conv as u32,
                            i - 1
                        ),
                        span,
                    ));
                }
            };
            let len = lead.chars().count() + body.chars().count();
            let n = width.saturating_sub(len);
            let fill = |k: usize, c: char| std::iter::repeat(c).take(k).collect::<String>();
            let piece = if left {
                format!("{lead}{body}{}", fill(n, ' '))
            } else if zero && numeric {
                format!("{lead}{}{body}", fill(n, '0'))
            } else {
                format!("{}{lead}{body}", fill(n, ' '))
            };
            out.push_str(&piece);
        }
        if next.next().is_some() {
            return Err(self.exc_msg(
                "TypeError",
                "not all arguments converted during string formatting",
                span,
            ));
        }
        Ok(out)
    }

    /// The `args` tuple of an exception instance.
    pub(crate) fn exc_args(&self, v: &Const) -> Vec<Const> {
        if let Const::Host(h) = v {
            if let HostObj::Instance { attrs, .. } = &self.prog.objs[*h] {
                if let Some((_, Const::Tuple(t))) = attrs.iter().find(|(n, _)| n == "args") {
                    return t.to_vec();
                }
            }
        }
        Vec::new()
    }

    /// `str(e)` of an exception instance (no user `__str__`).
    pub(crate) fn exc_message(&mut self, v: &Const) -> String {
        let args = self.exc_args(v);
        let is_key = match v {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Instance { class, .. } => {
                    let k = self.prog.exc_class("KeyError");
                    self.prog.is_subclass(*class, k)
                }
                _ => false,
            },
            _ => false,
        };
        let r = match args.len() {
            0 => Ok(String::new()),
            1 if is_key => self.to_repr(&args[0], Span::NONE),
            1 => self.to_str(&args[0], Span::NONE),
            _ => self.to_repr(&Const::Tuple(args.into()), Span::NONE),
        };
        r.unwrap_or_else(|_| "<unprintable>".into())
    }
}

/// `ascii(x)` of a repr: non-ASCII characters as `\x`, `\u` or `\U` escapes.
fn ascii_escape(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

fn sign_str(s: Option<char>) -> &'static str {
    match s {
        Some('+') => "+",
        Some(' ') => " ",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_cpython() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (3.14159, "3.14159"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e300 * 10.0, "1e+301"),
            (2.5, "2.5"),
            (100.0, "100.0"),
            (1.0 / 3.0, "0.3333333333333333"),
        ];
        let got: Vec<String> = cases.iter().map(|(x, _)| float_repr(*x)).collect();
        let want: Vec<&str> = cases.iter().map(|(_, s)| *s).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn string_reprs() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a\n\"'"), "'a\\n\"\\''");
        assert_eq!(str_repr("é\x01"), "'é\\x01'");
        // repr('\u2028\xa0\u200b\ufeff\U000e0001\u00e9') in CPython
        assert_eq!(
            str_repr("\u{2028}\u{a0}\u{200b}\u{feff}\u{e0001}\u{e9}"),
            "'\\u2028\\xa0\\u200b\\ufeff\\U000e0001é'"
        );
        assert_eq!(bytes_repr(b"a\xff'"), "b\"a\\xff'\"");
    }

    #[test]
    fn general_and_exp() {
        assert_eq!(general_format(1234567.0, 6, false), "1.23457e+06");
        assert_eq!(general_format(0.5, 6, false), "0.5");
        assert_eq!(exp_format(12345.678, 2, false), "1.23e+04");
        assert_eq!(group_digits("1234567", ',', 3, 0), "1,234,567");
    }

    /// Zero padding with grouping, as CPython prints `format(x, spec)`.
    #[test]
    fn grouping_like_cpython() {
        // format(1234567, '015,.2f') == '0,001,234,567.00' etc.
        assert_eq!(group_digits("1234567", ',', 3, 12), "0,001,234,567");
        assert_eq!(group_digits("1234567", ',', 3, 10), "01,234,567");
        assert_eq!(group_digits("12d687", '_', 4, 10), "0_0012_d687");
        assert_eq!(group_digits("0", ',', 3, 5), "0,000");
        assert_eq!(group_digits("1", ',', 3, 3), "001");
        assert_eq!(group_digits("7", '_', 3, 0), "7");
        assert_eq!(
            group_digits("100000000000000000000", ',', 3, 0),
            "100,000,000,000,000,000,000"
        );
    }

    #[test]
    fn specs_parse_like_cpython() {
        let err = |s: &str| parse_spec(s).err().unwrap_or_default();
        assert_eq!(err(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(err(",x"), "Cannot specify ',' with 'x'.");
        assert_eq!(err("_n"), "Cannot specify '_' with 'n'.");
        assert_eq!(err("_c"), "Cannot specify '_' with 'c'.");
        assert_eq!(err("5.f"), "Format specifier missing precision");
        assert_eq!(err("5zz"), "Invalid format specifier '5zz'");
        assert!(parse_spec("_x").is_ok() && parse_spec("*^+#012_.3f").is_ok());
    }

    #[test]
    fn float_bodies_like_cpython() {
        // '%G' % 1e-10, '%#g' % 1.0, '%#.3g' % 100.0, '%#.0f' % 1.0, '%#.0e' % 1.5, format(1e20, '#')
        assert_eq!(
            float_body(1e-10, Some('G'), Some(6), false).unwrap(),
            "1E-10"
        );
        assert_eq!(
            float_body(1.0, Some('g'), Some(6), true).unwrap(),
            "1.00000"
        );
        assert_eq!(float_body(100.0, Some('g'), Some(3), true).unwrap(), "100.");
        assert_eq!(float_body(1.0, Some('f'), Some(0), true).unwrap(), "1.");
        assert_eq!(float_body(1.5, Some('e'), Some(0), true).unwrap(), "2.e+00");
        assert_eq!(float_body(1e20, None, None, true).unwrap(), "1.e+20");
        assert_eq!(
            float_body(0.0, Some('g'), Some(6), true).unwrap(),
            "0.00000"
        );
        assert_eq!(
            float_body(f64::INFINITY, Some('G'), None, false).unwrap(),
            "INF"
        );
        assert_eq!(
            float_body(0.000123, Some('g'), Some(2), false).unwrap(),
            "0.00012"
        );
    }
}
