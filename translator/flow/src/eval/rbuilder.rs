//! `StringBuilder`/`UnicodeBuilder` (`rpython.rlib.rstring`) with the
//! shim's behaviour: an intrinsic object whose `pieces` attribute is a host
//! list of the appended strings and `length` their total length; `build()`
//! joins them.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{Builtin, HostId, HostObj};
use crate::model::Const;
use rpy_syntax::Span;

const METHODS: [&str; 6] = [
    "append",
    "append_slice",
    "append_multiple_char",
    "append_charpsize",
    "getlength",
    "build",
];

fn is_builder(kind: Builtin) -> bool {
    matches!(kind, Builtin::StringBuilder | Builtin::UnicodeBuilder)
}

/// Length of a string piece (code points for str, bytes for bytes).
fn piece_len(c: &Const) -> Option<usize> {
    match c {
        Const::Str(s) => Some(s.chars().count()),
        Const::Bytes(b) => Some(b.len()),
        _ => None,
    }
}

/// `s[start:end]` of a piece, with indices already checked.
fn piece_slice(c: &Const, start: usize, end: usize) -> Const {
    match c {
        Const::Str(s) => Const::str(&s.chars().skip(start).take(end - start).collect::<String>()),
        Const::Bytes(b) => Const::Bytes(b[start..end].into()),
        other => other.clone(),
    }
}

impl Evaluator<'_> {
    /// `StringBuilder(init_size=100)`.
    pub(super) fn new_string_builder(
        &mut self,
        kind: Builtin,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        let size = args.first().or_else(|| {
            kwargs
                .iter()
                .find(|(n, _)| n == "init_size")
                .map(|(_, v)| v)
        });
        if args.len() + kwargs.len() > 1 || size.is_some_and(|s| s.as_int().is_none()) {
            return Err(EvalError::user(
                span,
                format!(
                    "{}() takes an optional int (the initial size)",
                    kind.name().rsplit('.').next().unwrap_or("")
                ),
            ));
        }
        let pieces = self.prog.objs.push(HostObj::List(Vec::new()));
        let attrs = vec![
            ("pieces".to_string(), Const::Host(pieces)),
            ("length".to_string(), Const::Int(0)),
        ];
        Ok(Const::Host(
            self.prog.objs.push(HostObj::Intrinsic { kind, attrs }),
        ))
    }

    /// `sb.append` and the other methods, as bound methods.
    pub(super) fn builder_getattr(&mut self, obj: &Const, h: HostId, name: &str) -> Option<Const> {
        match &self.prog.objs[h] {
            HostObj::Intrinsic { kind, .. } if is_builder(*kind) && METHODS.contains(&name) => {
                Some(self.bound_method(obj, name))
            }
            _ => None,
        }
    }

    /// Calls of a builder's methods; `None` if `h` is not a builder.
    pub(super) fn builder_method(
        &mut self,
        h: HostId,
        name: &str,
        args: &[Const],
        span: Span,
    ) -> Option<EvalResult<Const>> {
        let HostObj::Intrinsic { kind, attrs } = &self.prog.objs[h] else {
            return None;
        };
        if !is_builder(*kind) {
            return None;
        }
        let attr = |n: &str| attrs.iter().find(|(a, _)| a == n).map(|(_, v)| v.clone());
        let (Some(Const::Host(pieces)), Some(Const::Int(length))) =
            (attr("pieces"), attr("length"))
        else {
            return None;
        };
        Some(self.run_builder_method(h, pieces, length as usize, name, args, span))
    }

    fn run_builder_method(
        &mut self,
        h: HostId,
        pieces: HostId,
        length: usize,
        name: &str,
        args: &[Const],
        span: Span,
    ) -> EvalResult<Const> {
        let arity = match name {
            "append" => 1,
            "append_slice" => 3,
            "append_multiple_char" | "append_charpsize" => 2,
            _ => 0,
        };
        if args.len() != arity {
            return Err(EvalError::user(
                span,
                format!("{name}() takes {arity} argument(s) ({} given)", args.len()),
            ));
        }
        let piece = match name {
            "getlength" => return Ok(Const::Int(length as i64)),
            "build" => return Ok(self.builder_join(pieces)),
            "append" => args[0].clone(),
            "append_slice" | "append_charpsize" => {
                let n = piece_len(&args[0]);
                let ints: Vec<Option<i64>> = args[1..].iter().map(Const::as_int).collect();
                let (start, end) = match (name, ints.as_slice()) {
                    ("append_slice", [Some(a), Some(b)]) => (*a, *b),
                    (_, [Some(size)]) => (0, (*size).min(n.unwrap_or(0) as i64)),
                    _ => {
                        return Err(EvalError::user(
                            span,
                            format!("{name}() expects int bounds"),
                        ))
                    }
                };
                match n {
                    Some(n) if 0 <= start && start <= end && end as usize <= n => {
                        piece_slice(&args[0], start as usize, end as usize)
                    }
                    Some(_) => {
                        return Err(EvalError::user(
                            span,
                            format!("{name}(): assertion 0 <= start <= end <= len(s) failed"),
                        ))
                    }
                    None => return Err(self.builder_type_error(name, &args[0], span)),
                }
            }
            _ => {
                // append_multiple_char(c, times)
                let times = args[1].as_int().unwrap_or(0).max(0) as usize;
                match &args[0] {
                    Const::Str(s) if s.chars().count() == 1 => Const::str(&s.repeat(times)),
                    Const::Bytes(b) if b.len() == 1 => Const::Bytes(b.repeat(times).into()),
                    other => {
                        return Err(EvalError::user(
                            span,
                            format!(
                                "append_multiple_char() expects one character, got '{}'",
                                self.type_desc(other)
                            ),
                        ))
                    }
                }
            }
        };
        let Some(n) = piece_len(&piece) else {
            return Err(self.builder_type_error(name, &piece, span));
        };
        if let HostObj::List(items) = &mut self.prog.objs[pieces] {
            items.push(piece);
        }
        if let HostObj::Intrinsic { attrs, .. } = &mut self.prog.objs[h] {
            for (a, v) in attrs.iter_mut() {
                if a == "length" {
                    *v = Const::Int((length + n) as i64);
                }
            }
        }
        Ok(Const::None)
    }

    fn builder_type_error(&self, name: &str, got: &Const, span: Span) -> EvalError {
        EvalError::user(
            span,
            format!("{name}() expects a string, got '{}'", self.type_desc(got)),
        )
    }

    /// The shim's `build()`: "" when nothing was appended, else the join.
    fn builder_join(&self, pieces: HostId) -> Const {
        let HostObj::List(items) = &self.prog.objs[pieces] else {
            return Const::str("");
        };
        match items.first() {
            Some(Const::Bytes(_)) => {
                let mut out = Vec::new();
                for p in items {
                    if let Const::Bytes(b) = p {
                        out.extend_from_slice(b);
                    }
                }
                Const::Bytes(out.into())
            }
            _ => {
                let mut out = String::new();
                for p in items {
                    if let Const::Str(s) = p {
                        out.push_str(s);
                    }
                }
                Const::str(&out)
            }
        }
    }
}
