//! Builtin functions (`len`, `range`, `print`, `int`, `sorted`, ...) and
//! the builtin modules `os`, `time` and `math`, evaluated with Python 3
//! semantics. `print` and `os.write` go to the evaluator's output buffers;
//! `os.open`/`os.read` use real files.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{Builtin, HostObj};
use crate::model::Const;
use rpy_syntax::Span;
use std::io::{Read, Seek, SeekFrom, Write};

/// Constant attributes of builtin modules and types (`math.pi`,
/// `os.O_RDONLY`, `r_uint.BITS`).
pub(crate) fn module_constant(m: Builtin, name: &str) -> Option<Const> {
    Some(match (m, name) {
        (Builtin::MathModule, "pi") => Const::Float(std::f64::consts::PI),
        (Builtin::MathModule, "e") => Const::Float(std::f64::consts::E),
        (Builtin::MathModule, "tau") => Const::Float(std::f64::consts::TAU),
        (Builtin::MathModule, "inf") => Const::Float(f64::INFINITY),
        (Builtin::MathModule, "nan") => Const::Float(f64::NAN),
        (Builtin::OsModule, "O_RDONLY") => Const::Int(0),
        (Builtin::OsModule, "O_WRONLY") => Const::Int(1),
        (Builtin::OsModule, "O_RDWR") => Const::Int(2),
        (Builtin::OsModule, "O_CREAT") => Const::Int(0o100),
        (Builtin::OsModule, "O_EXCL") => Const::Int(0o200),
        (Builtin::OsModule, "O_TRUNC") => Const::Int(0o1000),
        (Builtin::OsModule, "O_APPEND") => Const::Int(0o2000),
        (Builtin::OsModule, "SEEK_SET") => Const::Int(0),
        (Builtin::OsModule, "SEEK_CUR") => Const::Int(1),
        (Builtin::OsModule, "SEEK_END") => Const::Int(2),
        // `r_uint.BITS`: the machine word's width.
        (Builtin::RarithRUint, "BITS") => Const::Int(64),
        _ => return None,
    })
}

/// Parse `int(s, base)` like CPython (underscores, sign, whitespace, prefixes).
pub(crate) fn parse_int(s: &str, base: u32) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (16 | 0, Some("0x")) => (16, &t[2..]),
        (8 | 0, Some("0o")) => (8, &t[2..]),
        (2 | 0, Some("0b")) => (2, &t[2..]),
        (0, _) => (10, t),
        (b, _) => (b, t),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.starts_with(['+', '-']) {
        return None;
    }
    let v = i128::from_str_radix(&clean, base).ok()?;
    let v = if neg { -v } else { v };
    i64::try_from(v).ok()
}

fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase().replace('_', "");
    match t.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => return Some(f64::INFINITY),
        "-inf" | "-infinity" => return Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => return Some(f64::NAN),
        _ => {}
    }
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'))
    {
        return None;
    }
    t.parse().ok()
}

impl Evaluator<'_> {
    fn arity(
        &self,
        b: Builtin,
        args: &[Const],
        min: usize,
        max: usize,
        span: Span,
    ) -> EvalResult<()> {
        if args.len() < min || args.len() > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(EvalError::user(
                span,
                format!(
                    "{}() takes {want} argument{}, got {}",
                    b.name(),
                    if max == 1 { "" } else { "s" },
                    args.len()
                ),
            ));
        }
        Ok(())
    }

    fn int_arg(&mut self, b: Builtin, c: &Const, span: Span) -> EvalResult<i64> {
        match c.as_int() {
            Some(i) => Ok(i),
            None => {
                let t = self.type_desc(c);
                Err(EvalError::user(
                    span,
                    format!("{}(): expected an int argument, got '{t}'", b.name()),
                ))
            }
        }
    }

    fn float_arg(&mut self, b: Builtin, c: &Const, span: Span) -> EvalResult<f64> {
        match c {
            Const::Float(f) => Ok(*f),
            c => match c.as_int() {
                Some(i) => Ok(i as f64),
                None => {
                    let t = self.type_desc(c);
                    Err(EvalError::user(
                        span,
                        format!("{}(): must be real number, not {t}", b.name()),
                    ))
                }
            },
        }
    }

    fn bytes_arg(&mut self, b: Builtin, c: &Const, span: Span) -> EvalResult<Vec<u8>> {
        match c {
            Const::Bytes(x) => Ok(x.to_vec()),
            c => {
                let t = self.type_desc(c);
                Err(EvalError::user(
                    span,
                    format!("{}(): a bytes-like object is required, not '{t}'", b.name()),
                ))
            }
        }
    }

    fn kw_take(kwargs: &mut Vec<(String, Const)>, name: &str) -> Option<Const> {
        let i = kwargs.iter().position(|(n, _)| n == name)?;
        Some(kwargs.remove(i).1)
    }

    pub(super) fn call_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Const>,
        mut kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        use Builtin as B;
        if b == B::ObjRDict {
            return self.new_r_dict(args, kwargs, span);
        }
        if matches!(b, B::StringBuilder | B::UnicodeBuilder) {
            return self.new_string_builder(b, args, kwargs, span);
        }
        if matches!(b, B::ExcInit | B::Super) {
            return self.call_inherit_builtin(b, args, kwargs, span);
        }
        if b.name().starts_with("rpython.") {
            return self.call_rlib(b, args, kwargs, span);
        }
        if let [Const::UInt(u)] = args.as_slice() {
            // int(r_uint) wraps to a signed word, as translated.
            match b {
                B::IntFn => return Ok(Const::Int(*u as i64)),
                B::FloatFn => return Ok(Const::Float(*u as f64)),
                _ => {}
            }
        }
        // Keyword arguments some builtins accept.
        let (key, reverse, sep, end, start) = (
            Self::kw_take(&mut kwargs, "key"),
            Self::kw_take(&mut kwargs, "reverse"),
            Self::kw_take(&mut kwargs, "sep"),
            Self::kw_take(&mut kwargs, "end"),
            Self::kw_take(&mut kwargs, "start"),
        );
        let used_kw = |want: &[&str]| -> Option<&'static str> {
            let given = [
                ("key", &key),
                ("reverse", &reverse),
                ("sep", &sep),
                ("end", &end),
                ("start", &start),
            ];
            given
                .iter()
                .find(|(n, v)| v.is_some() && !want.contains(n))
                .map(|(n, _)| *n)
        };
        let allowed: &[&str] = match b {
            B::Print => &["sep", "end"],
            B::Sorted => &["key", "reverse"],
            B::Min | B::Max => &["key"],
            B::Sum | B::Enumerate => &["start"],
            _ => &[],
        };
        if let Some(k) = used_kw(allowed).or(kwargs.first().map(|_| "?")) {
            let k = if k == "?" {
                kwargs[0].0.clone()
            } else {
                k.to_string()
            };
            return Err(EvalError::user(
                span,
                format!("{}() got an unexpected keyword argument '{k}'", b.name()),
            ));
        }
        Ok(match b {
            B::Globals => {
                self.arity(b, &args, 0, 0, span)?;
                let m = self
                    .frames
                    .last()
                    .map(|f| f.scope.module())
                    .ok_or_else(|| EvalError::user(span, "globals() outside any module"))?;
                let items: Vec<(Const, Const)> = self
                    .prog
                    .module(m)
                    .globals
                    .iter()
                    .map(|(k, v)| (Const::str(k), v.clone()))
                    .collect();
                let d = self.new_dict(items);
                if let Const::Host(h) = d {
                    self.prog.globals_views.insert(h, m);
                }
                d
            }
            B::Len => {
                self.arity(b, &args, 1, 1, span)?;
                Const::Int(self.len(&args[0], span)?)
            }
            B::Range => {
                self.arity(b, &args, 1, 3, span)?;
                let mut v = Vec::new();
                for a in &args {
                    v.push(self.int_arg(b, a, span)?);
                }
                let (start, stop, step) = match v.len() {
                    1 => (0, v[0], 1),
                    2 => (v[0], v[1], 1),
                    _ => (v[0], v[1], v[2]),
                };
                if step == 0 {
                    return Err(self.exc_msg("ValueError", "range() arg 3 must not be zero", span));
                }
                if self.py2 {
                    // Python 2's range() is a list (a prebuilt one at module
                    // level, e.g. `BUFSIZE_RANGE = range(BUFSIZE)`).
                    let n = super::seq::range_len(start, stop, step);
                    let items = (0..n).map(|i| Const::Int(start + i * step)).collect();
                    return Ok(self.new_list(items));
                }
                Const::Host(self.prog.objs.push(HostObj::Range { start, stop, step }))
            }
            B::Print => {
                let sep = match sep {
                    None | Some(Const::None) => " ".to_string(),
                    Some(s) => self.to_str(&s, span)?,
                };
                let end = match end {
                    None | Some(Const::None) => "\n".to_string(),
                    Some(s) => self.to_str(&s, span)?,
                };
                let mut out = String::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    out.push_str(&self.to_str(a, span)?);
                }
                out.push_str(&end);
                self.stdout.extend_from_slice(out.as_bytes());
                Const::None
            }
            B::Py2PrintItem => {
                self.arity(b, &args, 2, 2, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                let text = self.to_str(&args[1], span)?;
                let ss = usize::from(fd == 2);
                let out = if fd == 2 {
                    &mut self.stderr
                } else {
                    &mut self.stdout
                };
                if std::mem::take(&mut self.softspace[ss]) {
                    out.push(b' ');
                }
                for c in text.chars() {
                    if (c as u32) < 256 {
                        out.push(c as u32 as u8);
                    } else {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                }
                let is_str = matches!(args[1], Const::Str(_));
                let keep_clear = is_str
                    && text
                        .chars()
                        .last()
                        .is_some_and(|c| matches!(c as u32, 9..=13));
                self.softspace[ss] = !keep_clear;
                Const::None
            }
            B::Py2PrintNewline => {
                self.arity(b, &args, 1, 1, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                let out = if fd == 2 {
                    &mut self.stderr
                } else {
                    &mut self.stdout
                };
                out.push(b'\n');
                self.softspace[usize::from(fd == 2)] = false;
                Const::None
            }
            B::StrFn | B::Py2Str => {
                self.arity(b, &args, 0, 1, span)?;
                match args.first() {
                    None => Const::str(""),
                    Some(a) => Const::str(&self.to_str(a, span)?),
                }
            }
            B::Repr => {
                self.arity(b, &args, 1, 1, span)?;
                Const::str(&self.to_repr(&args[0], span)?)
            }
            B::IntFn => {
                self.arity(b, &args, 0, 2, span)?;
                match (args.first(), args.get(1)) {
                    (None, _) => Const::Int(0),
                    (Some(Const::Str(s)), base) => {
                        let base = match base {
                            Some(x) => self.int_arg(b, x, span)? as u32,
                            None => 10,
                        };
                        match parse_int(s, base) {
                            Some(i) => Const::Int(i),
                            None => {
                                let r = super::format::str_repr(s);
                                return Err(self.exc_msg(
                                    "ValueError",
                                    format!("invalid literal for int() with base {base}: {r}"),
                                    span,
                                ));
                            }
                        }
                    }
                    (Some(Const::Float(f)), None) => {
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
                        Const::Int(f.trunc() as i64)
                    }
                    (Some(a), None) if a.as_int().is_some() => Const::Int(a.as_int().unwrap()),
                    (Some(a), _) => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(
                            span,
                            format!("int() argument must be a string or a number, not '{t}'"),
                        ));
                    }
                }
            }
            B::FloatFn => {
                self.arity(b, &args, 0, 1, span)?;
                match args.first() {
                    None => Const::Float(0.0),
                    Some(Const::Str(s)) => match parse_float(s) {
                        Some(f) => Const::Float(f),
                        None => {
                            let r = super::format::str_repr(s);
                            return Err(self.exc_msg(
                                "ValueError",
                                format!("could not convert string to float: {r}"),
                                span,
                            ));
                        }
                    },
                    Some(a) => Const::Float(self.float_arg(b, a, span)?),
                }
            }
            B::BoolFn => {
                self.arity(b, &args, 0, 1, span)?;
                match args.first() {
                    None => Const::Bool(false),
                    Some(a) => Const::Bool(self.truth(a, span)?),
                }
            }
            B::Abs => {
                self.arity(b, &args, 1, 1, span)?;
                match &args[0] {
                    Const::Float(f) => Const::Float(f.abs()),
                    a => Const::Int(self.int_arg(b, a, span)?.wrapping_abs()),
                }
            }
            B::Min | B::Max => {
                if args.is_empty() {
                    return Err(EvalError::user(
                        span,
                        format!("{} expected at least 1 argument, got 0", b.name()),
                    ));
                }
                let items = if args.len() == 1 {
                    self.collect_items(&args[0], span)?
                } else {
                    args
                };
                if items.is_empty() {
                    return Err(self.exc_msg(
                        "ValueError",
                        format!("{}() arg is an empty sequence", b.name()),
                        span,
                    ));
                }
                let mut best = items[0].clone();
                let mut best_key = match &key {
                    Some(k) => self.call_at(k, vec![best.clone()], span)?,
                    None => best.clone(),
                };
                for x in items.into_iter().skip(1) {
                    let kx = match &key {
                        Some(k) => self.call_at(k, vec![x.clone()], span)?,
                        None => x.clone(),
                    };
                    let op = if b == B::Min {
                        crate::ops::FlowOp::Lt
                    } else {
                        crate::ops::FlowOp::Gt
                    };
                    if self.compare(op, &kx, &best_key, span)? == Const::Bool(true) {
                        best = x;
                        best_key = kx;
                    }
                }
                best
            }
            B::Chr => {
                self.arity(b, &args, 1, 1, span)?;
                let i = self.int_arg(b, &args[0], span)?;
                match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(c) => Const::str(c.encode_utf8(&mut [0; 4])),
                    None => {
                        return Err(self.exc_msg(
                            "ValueError",
                            "chr() arg not in range(0x110000)",
                            span,
                        ))
                    }
                }
            }
            B::Ord => {
                self.arity(b, &args, 1, 1, span)?;
                match &args[0] {
                    Const::Str(s) if s.chars().count() == 1 => {
                        Const::Int(s.chars().next().unwrap() as i64)
                    }
                    Const::Bytes(x) if x.len() == 1 => Const::Int(x[0] as i64),
                    Const::Str(s) => {
                        let n = s.chars().count();
                        return Err(self.exc_msg(
                            "TypeError",
                            format!("ord() expected a character, but string of length {n} found"),
                            span,
                        ));
                    }
                    a => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(
                            span,
                            format!("ord() expected string of length 1, but {t} found"),
                        ));
                    }
                }
            }
            B::IsInstance => {
                self.arity(b, &args, 2, 2, span)?;
                Const::Bool(self.isinstance(&args[0], &args[1], span)?)
            }
            B::Sum => {
                self.arity(b, &args, 1, 2, span)?;
                let mut acc = start
                    .or_else(|| args.get(1).cloned())
                    .unwrap_or(Const::Int(0));
                for x in self.collect_items(&args[0], span)? {
                    acc = self.binop(crate::ops::FlowOp::Add, &acc, &x, false, span)?;
                }
                acc
            }
            B::Any | B::All => {
                self.arity(b, &args, 1, 1, span)?;
                let want = b == B::Any;
                for x in self.collect_items(&args[0], span)? {
                    if self.truth(&x, span)? == want {
                        return Ok(Const::Bool(want));
                    }
                }
                Const::Bool(!want)
            }
            B::Sorted => {
                self.arity(b, &args, 1, 1, span)?;
                let items = self.collect_items(&args[0], span)?;
                let rev = match reverse {
                    Some(r) => self.truth(&r, span)?,
                    None => false,
                };
                let sorted = self.sort_items(items, key.as_ref(), rev, span)?;
                self.new_list(sorted)
            }
            B::Enumerate => {
                self.arity(b, &args, 1, 2, span)?;
                let mut i = match start.or_else(|| args.get(1).cloned()) {
                    Some(s) => self.int_arg(b, &s, span)?,
                    None => 0,
                };
                let items = self.collect_items(&args[0], span)?;
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push(Const::Tuple(vec![Const::Int(i), x].into()));
                    i += 1;
                }
                let l = self.new_list(out);
                self.iter(&l, span)?
            }
            B::Zip => {
                let mut cols = Vec::new();
                for a in &args {
                    cols.push(self.collect_items(a, span)?);
                }
                let n = cols.iter().map(|c| c.len()).min().unwrap_or(0);
                let rows = (0..n)
                    .map(|i| {
                        Const::Tuple(cols.iter().map(|c| c[i].clone()).collect::<Vec<_>>().into())
                    })
                    .collect();
                let l = self.new_list(rows);
                self.iter(&l, span)?
            }
            B::Reversed => {
                self.arity(b, &args, 1, 1, span)?;
                let mut items = self.collect_items(&args[0], span)?;
                items.reverse();
                let l = self.new_list(items);
                self.iter(&l, span)?
            }
            B::ListFn => {
                self.arity(b, &args, 0, 1, span)?;
                let items = match args.first() {
                    Some(a) => self.collect_items(a, span)?,
                    None => Vec::new(),
                };
                self.new_list(items)
            }
            B::TupleFn => {
                self.arity(b, &args, 0, 1, span)?;
                match args.first() {
                    Some(a) => Const::Tuple(self.collect_items(a, span)?.into()),
                    None => Const::Tuple(Vec::new().into()),
                }
            }
            B::DictFn => {
                self.arity(b, &args, 0, 1, span)?;
                let d = self.new_dict(Vec::new());
                if let Some(a) = args.first() {
                    let pairs = match a {
                        Const::Host(h) if matches!(self.prog.objs[*h], HostObj::Dict(_)) => {
                            match &self.prog.objs[*h] {
                                HostObj::Dict(x) => x.clone(),
                                _ => unreachable!(),
                            }
                        }
                        a => {
                            let mut v = Vec::new();
                            for p in self.collect_items(a, span)? {
                                let kv = self.collect_items(&p, span)?;
                                if kv.len() != 2 {
                                    return Err(self.exc_msg(
                                        "ValueError",
                                        "dictionary update sequence element has wrong length",
                                        span,
                                    ));
                                }
                                v.push((kv[0].clone(), kv[1].clone()));
                            }
                            v
                        }
                    };
                    for (k, v) in pairs {
                        self.setitem(&d, &k, v, span)?;
                    }
                }
                d
            }
            B::BytesFn => {
                self.arity(b, &args, 0, 1, span)?;
                match args.first() {
                    None => Const::Bytes(Vec::new().into()),
                    Some(Const::Int(n)) if *n < 0 => {
                        return Err(self.exc_msg("ValueError", "negative count", span))
                    }
                    Some(Const::Int(n)) => Const::Bytes(vec![0u8; *n as usize].into()),
                    Some(Const::Bytes(x)) => Const::Bytes(x.clone()),
                    Some(a) => {
                        let mut out = Vec::new();
                        for x in self.collect_items(a, span)? {
                            match x.as_int() {
                                Some(i) if (0..256).contains(&i) => out.push(i as u8),
                                _ => {
                                    return Err(self.exc_msg(
                                        "ValueError",
                                        "bytes must be in range(0, 256)",
                                        span,
                                    ))
                                }
                            }
                        }
                        Const::Bytes(out.into())
                    }
                }
            }
            B::Hash => {
                self.arity(b, &args, 1, 1, span)?;
                Const::Int(self.hash(&args[0], span)?)
            }
            B::ObjectType => {
                return Err(EvalError::user(
                    span,
                    "object() instances are not supported",
                ))
            }
            B::StaticMethod => {
                self.arity(b, &args, 1, 1, span)?;
                args[0].clone()
            }
            B::TypeFn => {
                self.arity(b, &args, 1, 1, span)?;
                self.type_of(&args[0])
            }
            B::GetAttrFn => {
                self.arity(b, &args, 2, 3, span)?;
                let name = match &args[1] {
                    Const::Str(s) => s.to_string(),
                    other => {
                        let t = self.type_desc(other);
                        return Err(self.exc_msg(
                            "TypeError",
                            format!("getattr(): attribute name must be string, not '{t}'"),
                            span,
                        ));
                    }
                };
                match self.getattr(&args[0], &name, span) {
                    Ok(v) => v,
                    Err(EvalError::Exception(e))
                        if args.len() == 3
                            && self
                                .prog
                                .is_subclass(e.class, self.prog.exc_class("AttributeError")) =>
                    {
                        args[2].clone()
                    }
                    Err(e) => return Err(e),
                }
            }
            B::OsModule | B::TimeModule | B::MathModule => {
                return Err(EvalError::user(
                    span,
                    format!("module '{}' is not callable", b.name()),
                ));
            }
            B::OsWrite => {
                self.arity(b, &args, 2, 2, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                let data = match &args[1] {
                    // py2: a str is a byte string (one byte per code point).
                    Const::Str(s) if self.py2 => {
                        let mut out = Vec::with_capacity(s.len());
                        for c in s.chars() {
                            match u8::try_from(c as u32) {
                                Ok(x) => out.push(x),
                                Err(_) => {
                                    return Err(self.exc_msg(
                                        "UnicodeEncodeError",
                                        "os.write() of a str holding a character above 255",
                                        span,
                                    ))
                                }
                            }
                        }
                        out
                    }
                    _ => self.bytes_arg(b, &args[1], span)?,
                };
                match fd {
                    1 => self.stdout.extend_from_slice(&data),
                    2 => self.stderr.extend_from_slice(&data),
                    _ => match self.files.get_mut(&fd) {
                        Some(f) => {
                            if let Err(e) = f.write_all(&data) {
                                return Err(self.exc_msg("OSError", e.to_string(), span));
                            }
                        }
                        None => {
                            return Err(self.exc_msg(
                                "OSError",
                                "[Errno 9] Bad file descriptor",
                                span,
                            ))
                        }
                    },
                }
                Const::Int(data.len() as i64)
            }
            B::OsRead => {
                self.arity(b, &args, 2, 2, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                let n = self.int_arg(b, &args[1], span)?.max(0) as usize;
                if fd == 0 {
                    let end = (self.stdin_pos + n).min(self.stdin.len());
                    let data = self.stdin[self.stdin_pos..end].to_vec();
                    self.stdin_pos = end;
                    return Ok(Const::Bytes(data.into()));
                }
                let Some(f) = self.files.get_mut(&fd) else {
                    return Err(self.exc_msg("OSError", "[Errno 9] Bad file descriptor", span));
                };
                let mut buf = vec![0u8; n];
                let mut got = 0;
                while got < n {
                    match f.read(&mut buf[got..]) {
                        Ok(0) => break,
                        Ok(k) => got += k,
                        Err(e) => return Err(self.exc_msg("OSError", e.to_string(), span)),
                    }
                }
                buf.truncate(got);
                Const::Bytes(buf.into())
            }
            B::OsOpen => {
                self.arity(b, &args, 2, 3, span)?;
                let path = match &args[0] {
                    Const::Str(s) => s.to_string(),
                    Const::Bytes(x) => String::from_utf8_lossy(x).into_owned(),
                    a => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(
                            span,
                            format!("os.open(): path should be str, not {t}"),
                        ));
                    }
                };
                let flags = self.int_arg(b, &args[1], span)?;
                let mut o = std::fs::OpenOptions::new();
                match flags & 3 {
                    0 => o.read(true),
                    1 => o.write(true),
                    _ => o.read(true).write(true),
                };
                if flags & 0o100 != 0 {
                    o.create(true);
                }
                if flags & 0o1000 != 0 {
                    o.truncate(true);
                }
                if flags & 0o2000 != 0 {
                    o.append(true);
                }
                match o.open(&path) {
                    Ok(f) => {
                        let fd = (3..).find(|k| !self.files.contains_key(k)).unwrap();
                        self.files.insert(fd, f);
                        Const::Int(fd)
                    }
                    Err(e) => {
                        let code = e.raw_os_error().unwrap_or(0);
                        let msg = format!(
                            "[Errno {code}] {}: {}",
                            os_err_text(&e),
                            super::format::str_repr(&path)
                        );
                        return Err(self.exc_msg("OSError", msg, span));
                    }
                }
            }
            B::OsClose => {
                self.arity(b, &args, 1, 1, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                if self.files.remove(&fd).is_none() && !(0..3).contains(&fd) {
                    return Err(self.exc_msg("OSError", "[Errno 9] Bad file descriptor", span));
                }
                Const::None
            }
            B::OsLseek => {
                self.arity(b, &args, 3, 3, span)?;
                let fd = self.int_arg(b, &args[0], span)?;
                let pos = self.int_arg(b, &args[1], span)?;
                let how = self.int_arg(b, &args[2], span)?;
                let Some(f) = self.files.get_mut(&fd) else {
                    return Err(self.exc_msg("OSError", "[Errno 9] Bad file descriptor", span));
                };
                let to = match how {
                    0 => SeekFrom::Start(pos.max(0) as u64),
                    1 => SeekFrom::Current(pos),
                    _ => SeekFrom::End(pos),
                };
                match f.seek(to) {
                    Ok(p) => Const::Int(p as i64),
                    Err(e) => return Err(self.exc_msg("OSError", e.to_string(), span)),
                }
            }
            B::OsGetenv => {
                self.arity(b, &args, 1, 2, span)?;
                let name = match &args[0] {
                    Const::Str(s) => s.to_string(),
                    a => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(
                            span,
                            format!("os.getenv(): name must be str, not {t}"),
                        ));
                    }
                };
                match std::env::var(&name) {
                    Ok(v) => Const::str(&v),
                    Err(_) => args.get(1).cloned().unwrap_or(Const::None),
                }
            }
            B::TimeTime => {
                self.arity(b, &args, 0, 0, span)?;
                let d = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                Const::Float(d.as_secs_f64())
            }
            B::TimePerfCounter => {
                self.arity(b, &args, 0, 0, span)?;
                Const::Float(self.clock_start.elapsed().as_secs_f64())
            }
            B::MathSqrt
            | B::MathExp
            | B::MathLog
            | B::MathLog10
            | B::MathSin
            | B::MathCos
            | B::MathTan
            | B::MathAtan
            | B::MathFabs => {
                self.arity(b, &args, 1, if b == B::MathLog { 2 } else { 1 }, span)?;
                let x = self.float_arg(b, &args[0], span)?;
                let domain = match b {
                    B::MathSqrt => x < 0.0,
                    B::MathLog | B::MathLog10 => x <= 0.0,
                    _ => false,
                };
                if domain {
                    return Err(self.exc_msg("ValueError", "math domain error", span));
                }
                let r = match b {
                    B::MathSqrt => x.sqrt(),
                    B::MathExp => x.exp(),
                    B::MathLog => match args.get(1) {
                        Some(base) => {
                            let base = self.float_arg(b, base, span)?;
                            x.ln() / base.ln()
                        }
                        None => x.ln(),
                    },
                    B::MathLog10 => x.log10(),
                    B::MathSin => x.sin(),
                    B::MathCos => x.cos(),
                    B::MathTan => x.tan(),
                    B::MathAtan => x.atan(),
                    _ => x.abs(),
                };
                if r.is_infinite() && x.is_finite() {
                    return Err(self.exc_msg("OverflowError", "math range error", span));
                }
                Const::Float(r)
            }
            B::MathFloor | B::MathCeil => {
                self.arity(b, &args, 1, 1, span)?;
                match &args[0] {
                    Const::Float(f) => {
                        if !f.is_finite() {
                            let m = if f.is_nan() {
                                "cannot convert float NaN to integer"
                            } else {
                                "cannot convert float infinity to integer"
                            };
                            return Err(self.exc_msg(
                                if f.is_nan() {
                                    "ValueError"
                                } else {
                                    "OverflowError"
                                },
                                m,
                                span,
                            ));
                        }
                        Const::Int(if b == B::MathFloor {
                            f.floor()
                        } else {
                            f.ceil()
                        } as i64)
                    }
                    a => Const::Int(self.int_arg(b, a, span)?),
                }
            }
            B::MathAtan2 | B::MathPow | B::MathFmod | B::MathHypot => {
                self.arity(b, &args, 2, 2, span)?;
                let x = self.float_arg(b, &args[0], span)?;
                let y = self.float_arg(b, &args[1], span)?;
                Const::Float(match b {
                    B::MathAtan2 => x.atan2(y),
                    B::MathPow => {
                        let bad = (x == 0.0 && y < 0.0 && y.is_finite())
                            || (x.is_finite() && x < 0.0 && y.is_finite() && y.fract() != 0.0);
                        if bad {
                            return Err(self.exc_msg("ValueError", "math domain error", span));
                        }
                        let r = x.powf(y);
                        if r.is_infinite() && x.is_finite() && y.is_finite() {
                            return Err(self.exc_msg("OverflowError", "math range error", span));
                        }
                        r
                    }
                    B::MathFmod => {
                        if y == 0.0 {
                            return Err(self.exc_msg("ValueError", "math domain error", span));
                        }
                        x % y
                    }
                    _ => x.hypot(y),
                })
            }
            B::MathIsnan | B::MathIsinf => {
                self.arity(b, &args, 1, 1, span)?;
                let x = self.float_arg(b, &args[0], span)?;
                Const::Bool(if b == B::MathIsnan {
                    x.is_nan()
                } else {
                    x.is_infinite()
                })
            }
            // Support-package rows not dispatched above (eval/rlib.rs).
            _ => return self.call_rlib(b, args, kwargs, span),
        })
    }

    /// Stable sort with Python comparisons (`<`), optional key and reverse.
    pub(crate) fn sort_items(
        &mut self,
        items: Vec<Const>,
        key: Option<&Const>,
        reverse: bool,
        span: Span,
    ) -> EvalResult<Vec<Const>> {
        let mut keyed = Vec::with_capacity(items.len());
        for x in items {
            let k = match key {
                Some(f) if *f != Const::None => self.call_at(f, vec![x.clone()], span)?,
                _ => x.clone(),
            };
            keyed.push((k, x));
        }
        if reverse {
            keyed.reverse();
        }
        // Merge sort with fallible comparisons; stable.
        let mut v = keyed;
        let mut width = 1;
        let n = v.len();
        while width < n {
            let mut out = Vec::with_capacity(n);
            let mut i = 0;
            while i < n {
                let mid = (i + width).min(n);
                let hi = (i + 2 * width).min(n);
                let (mut a, mut b) = (i, mid);
                while a < mid && b < hi {
                    // Take from the right only if right < left (stability).
                    let lt = self.compare(crate::ops::FlowOp::Lt, &v[b].0, &v[a].0, span)?
                        == Const::Bool(true);
                    if lt {
                        out.push(v[b].clone());
                        b += 1;
                    } else {
                        out.push(v[a].clone());
                        a += 1;
                    }
                }
                out.extend_from_slice(&v[a..mid]);
                out.extend_from_slice(&v[b..hi]);
                i = hi;
            }
            v = out;
            width *= 2;
        }
        if reverse {
            v.reverse();
        }
        Ok(v.into_iter().map(|(_, x)| x).collect())
    }
}

fn os_err_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}
