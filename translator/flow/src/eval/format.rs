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
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
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

/// `repr(s)` of a text string.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
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
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` of a byte string.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
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

/// A parsed format spec: `[[fill]align][sign][#][0][width][,][.precision][type]`.
#[derive(Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    comma: bool,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
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
        s.width = cs[st..i].iter().collect::<String>().parse().ok()?;
    }
    if i < cs.len() && cs[i] == ',' {
        s.comma = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(cs[st..i].iter().collect::<String>().parse().ok()?);
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    if i != cs.len() {
        return None;
    }
    Some(s)
}

fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Pad `body` (with its sign split off as `sign`) to the spec's width.
fn pad(sign: &str, body: &str, s: &Spec, numeric: bool) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() && numeric {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(if numeric { '>' } else { '<' }))
    };
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '>' => format!("{}{sign}{body}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{sign}{}{body}", f(n)),
    }
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

/// `%g` style.
fn general_format(x: f64, prec: usize, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
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
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            s = format!("{m}{e}");
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    s
}

fn float_body(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> Option<String> {
    if x.is_nan() || x.is_infinite() {
        let r = float_repr(x.abs());
        return Some(if matches!(ty, Some('F' | 'E' | 'G')) { r.to_uppercase() } else { r });
    }
    Some(match ty {
        Some('f') | Some('F') => format!("{:.*}", prec.unwrap_or(6), x),
        Some('e') | Some('E') => exp_format(x, prec.unwrap_or(6), ty == Some('E')),
        Some('g') | Some('G') => general_format(x, prec.unwrap_or(6), alt),
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
    })
}

impl Evaluator<'_> {
    /// `str(x)`.
    pub fn to_str(&mut self, v: &Const, span: Span) -> EvalResult<String> {
        match v {
            Const::Str(s) => Ok(s.to_string()),
            Const::UInt(u) => Ok(u.to_string()),
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
                Err(EvalError::user(span, format!("{what} returned non-string (type {t})")))
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
            Const::Builtin(b @ (Builtin::OsModule | Builtin::TimeModule | Builtin::MathModule)) => {
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
                        parts.push(format!("{}: {}", self.to_repr(k, span)?, self.to_repr(x, span)?));
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
                HostObj::Function(f) => format!("<function {} at 0x{:x}>", f.qualname, h.as_u32() as u64 * 16 + 0x7f0000),
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
                HostObj::Iterator { .. } => format!("<iterator object at 0x{:x}>", h.as_u32() as u64 * 16 + 0x7f0000),
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
                        format!("<{} object at 0x{:x}>", c.qualname, h.as_u32() as u64 * 16 + 0x7f0000)
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
        let Some(s) = parse_spec(spec) else {
            return Err(self.exc_msg("ValueError", format!("Invalid format specifier '{spec}'"), span));
        };
        let bad = |ev: &mut Self| {
            let t = ev.type_desc(v);
            Err(ev.exc_msg("ValueError", format!("Unknown format code for object of type '{t}'"), span))
        };
        match v {
            Const::Int(_) | Const::Bool(_) if !matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => {
                let i = v.as_int().unwrap();
                let mag = i.unsigned_abs();
                let mut body = match s.ty {
                    None | Some('d') | Some('n') => mag.to_string(),
                    Some('x') => format!("{mag:x}"),
                    Some('X') => format!("{mag:X}"),
                    Some('o') => format!("{mag:o}"),
                    Some('b') => format!("{mag:b}"),
                    Some('c') => char::from_u32(i as u32).map(|c| c.to_string()).unwrap_or_default(),
                    _ => return bad(self),
                };
                if s.comma {
                    body = group_thousands(&body);
                }
                if s.alt {
                    body = match s.ty {
                        Some('x') => format!("0x{body}"),
                        Some('X') => format!("0X{body}"),
                        Some('o') => format!("0o{body}"),
                        Some('b') => format!("0b{body}"),
                        _ => body,
                    };
                }
                let sign = if i < 0 { "-" } else { sign_str(s.sign) };
                Ok(pad(sign, &body, &s, true))
            }
            Const::Int(_) | Const::Bool(_) | Const::Float(_) => {
                let x = match v {
                    Const::Float(f) => *f,
                    other => other.as_int().unwrap() as f64,
                };
                let Some(body) = float_body(x.abs(), s.ty, s.precision, s.alt) else { return bad(self) };
                let body = if s.comma {
                    let (ip, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                        Some(p) => body.split_at(p),
                        None => (body.as_str(), ""),
                    };
                    format!("{}{rest}", group_thousands(ip))
                } else {
                    body
                };
                let sign = if x.is_sign_negative() && !x.is_nan() { "-" } else { sign_str(s.sign) };
                Ok(pad(sign, &body, &s, true))
            }
            Const::Str(st) => {
                if !matches!(s.ty, None | Some('s')) {
                    return bad(self);
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

    /// `fmt % args`.
    pub(crate) fn percent_format(&mut self, fmt: &str, args: &Const, span: Span) -> EvalResult<String> {
        let items: Vec<Const> = match args {
            Const::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        let mut next = items.into_iter();
        let mut out = String::new();
        let cs: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let st = i;
            while i < cs.len() && !cs[i].is_ascii_alphabetic() && cs[i] != '%' {
                i += 1;
            }
            if i >= cs.len() {
                return Err(self.exc_msg("ValueError", "incomplete format", span));
            }
            let flags: String = cs[st..i].iter().collect();
            let conv = cs[i];
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let Some(arg) = next.next() else {
                return Err(self.exc_msg("TypeError", "not enough arguments for format string", span));
            };
            // Translate printf flags to a format spec.
            let mut align = '>';
            let mut zero = false;
            let mut sign = String::new();
            let mut rest = String::new();
            for ch in flags.chars() {
                match ch {
                    '-' if rest.is_empty() => align = '<',
                    '0' if rest.is_empty() => zero = true,
                    '+' | ' ' if rest.is_empty() => sign.push(ch),
                    '#' if rest.is_empty() => {}
                    _ => rest.push(ch),
                }
            }
            let zero = if zero && align == '>' { "0" } else { "" };
            let piece = match conv {
                's' => {
                    let s = self.to_str(&arg, span)?;
                    self.format_value(&Const::str(&s), &format!("{align}{rest}"), span)?
                }
                'r' => {
                    let s = self.to_repr(&arg, span)?;
                    self.format_value(&Const::str(&s), &format!("{align}{rest}"), span)?
                }
                'd' | 'i' | 'u' => {
                    let a = match arg {
                        Const::Float(f) => Const::Int(f.trunc() as i64),
                        a => a,
                    };
                    let a_ok = a.as_int().is_some();
                    if !a_ok {
                        let t = self.type_desc(&a);
                        return Err(self.exc_msg("TypeError", format!("%{conv} format: a real number is required, not {t}"), span));
                    }
                    self.format_value(&a, &format!("{align}{sign}{zero}{rest}d"), span)?
                }
                'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let alt = if flags.contains('#') { "#" } else { "" };
                    self.format_value(&arg, &format!("{align}{sign}{alt}{zero}{rest}{conv}"), span)?
                }
                'c' => match &arg {
                    Const::Str(s) => s.to_string(),
                    a => self.format_value(a, "c", span)?,
                },
                _ => {
                    return Err(self.exc_msg("ValueError", format!("unsupported format character '{conv}'"), span));
                }
            };
            out.push_str(&piece);
        }
        if next.next().is_some() {
            return Err(self.exc_msg("TypeError", "not all arguments converted during string formatting", span));
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
        assert_eq!(bytes_repr(b"a\xff'"), "b\"a\\xff'\"");
    }

    #[test]
    fn general_and_exp() {
        assert_eq!(general_format(1234567.0, 6, false), "1.23457e+06");
        assert_eq!(general_format(0.5, 6, false), "0.5");
        assert_eq!(exp_format(12345.678, 2, false), "1.23e+04");
        assert_eq!(group_thousands("1234567"), "1,234,567");
    }
}
