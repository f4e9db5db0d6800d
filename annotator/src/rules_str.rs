//! Annotation rules for strings and bytes: methods, slicing, `%`
//! formatting, format specs, and string builders
//! (`rpython.rlib.rstring.StringBuilder`).
//!
//! `annotate` is tried before the generic rules; it returns `None` for ops
//! that are not about strings. A method lookup `s.find` gives
//! `BuiltinMethod { recv, name }`; the call then checks arguments against
//! the method's signature (`method_params` names the parameters, so the
//! rtyper maps keyword arguments the same way).

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::model::Flow;
use rpy_flow::{Builtin, Const, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

/// Which string type a method works on.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    Str,
    Bytes,
    Builder,
}

impl Kind {
    fn of(s: &S) -> Option<Kind> {
        match s {
            S::Str { .. } => Some(Kind::Str),
            S::Bytes { .. } => Some(Kind::Bytes),
            S::StrBuilder => Some(Kind::Builder),
            _ => None,
        }
    }

    /// The annotation of values of the receiver's own type.
    fn own(self) -> S {
        match self {
            Kind::Bytes => S::Bytes { nullable: false },
            _ => S::Str { nullable: false },
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            Kind::Str => "str",
            Kind::Bytes => "bytes",
            Kind::Builder => "StringBuilder",
        }
    }
}

/// The parameter names of a method (positional order), or `None` if the
/// type has no such method.
pub fn method_params(kind: Kind, name: &str) -> Option<&'static [&'static str]> {
    let common: Option<&'static [&'static str]> = match name {
        "find" | "rfind" | "index" | "rindex" | "count" => Some(&["sub", "start", "end"]),
        "startswith" | "endswith" => Some(&["prefix", "start", "end"]),
        "split" | "rsplit" => Some(&["sep", "maxsplit"]),
        "splitlines" => Some(&["keepends"]),
        "join" => Some(&["iterable"]),
        "strip" | "lstrip" | "rstrip" => Some(&["chars"]),
        "replace" => Some(&["old", "new", "count"]),
        "lower" | "upper" | "capitalize" | "title" | "swapcase" | "isdigit" | "isalpha"
        | "isalnum" | "isspace" | "isupper" | "islower" | "istitle" => Some(&[]),
        "zfill" => Some(&["width"]),
        "ljust" | "rjust" | "center" => Some(&["width", "fillchar"]),
        "partition" | "rpartition" => Some(&["sep"]),
        _ => None,
    };
    match kind {
        Kind::Str => match name {
            "encode" => Some(&["encoding", "errors"]),
            "isdecimal" | "isnumeric" => Some(&[]),
            _ => common,
        },
        Kind::Bytes => match name {
            "decode" => Some(&["encoding", "errors"]),
            _ => common,
        },
        Kind::Builder => match name {
            "append" => Some(&["s"]),
            "append_slice" => Some(&["s", "start", "end"]),
            "append_multiple_char" => Some(&["c", "times"]),
            "getlength" | "build" => Some(&[]),
            _ => None,
        },
    }
}

/// How many leading parameters are required.
fn required(kind: Kind, name: &str) -> usize {
    match (kind, name) {
        (Kind::Builder, "append") => 1,
        (Kind::Builder, "append_slice") => 3,
        (Kind::Builder, "append_multiple_char") => 2,
        (
            _,
            "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith" | "join"
            | "zfill" | "ljust" | "rjust" | "center" | "partition" | "rpartition",
        ) => 1,
        (_, "replace") => 2,
        _ => 0,
    }
}

/// Encodings `encode`/`decode` accept (normalised names).
pub fn encoding_name(s: &str) -> Option<&'static str> {
    match s.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some("utf-8"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Some("latin-1"),
        "ascii" | "us-ascii" => Some("ascii"),
        _ => None,
    }
}

fn is_intlike(a: &S) -> bool {
    matches!(a, S::Int | S::Bool)
}

fn const_arg(op: &Op<Flow>, i: usize) -> Option<&Const> {
    op.args.get(i).and_then(Value::as_const)
}

/// Entry point from `rules::annotate_op`: `Some` when the op is about
/// strings, bytes or builders.
pub fn annotate(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<R> {
    use FlowOp as F;
    match op.kind {
        F::GetAttr => {
            let kind = Kind::of(&args[0])?;
            let name = const_arg(op, 1)
                .and_then(Const::as_str)
                .unwrap_or("?")
                .to_string();
            Some(getattr(cx, kind, &args[0], &name))
        }
        F::SimpleCall | F::CallKw => match &args[0] {
            S::BuiltinMethod { recv, name } => {
                let kind = Kind::of(recv)?;
                let (pos, kw) = call_args(op, args);
                Some(call_method(cx, op, kind, name, &pos, &kw))
            }
            S::Builtin(Builtin::StringBuilder | Builtin::UnicodeBuilder) => {
                let (pos, kw) = call_args(op, args);
                if !kw.is_empty() || pos.len() > 1 || !pos.iter().all(is_intlike) {
                    return Some(Err(Diagnostic::new(
                        cx.span,
                        "StringBuilder() takes an optional int (the initial size)",
                    )));
                }
                Some(Ok(S::StrBuilder))
            }
            _ => None,
        },
        F::Mod | F::InplaceMod if matches!(args[0], S::Str { .. }) => Some(percent(cx, op, args)),
        F::Format => Some(format(cx, op, args)),
        F::GetSlice => {
            let kind = Kind::of(&args[0]).filter(|k| *k != Kind::Builder)?;
            if args[0].can_be_none() {
                return Some(Err(Diagnostic::new(
                    cx.span,
                    format!("slicing a {} that may be None", kind.type_name()),
                )));
            }
            for a in &args[1..4] {
                if !(is_intlike(a) || matches!(a, S::None)) {
                    return Some(Err(Diagnostic::new(
                        cx.span,
                        format!("slice indices must be int or None, not {}", a.describe()),
                    )));
                }
            }
            Some(Ok(kind.own()))
        }
        F::Mul | F::InplaceMul => match (&args[0], &args[1]) {
            (S::Bytes { nullable: false }, n) | (n, S::Bytes { nullable: false })
                if is_intlike(n) =>
            {
                Some(Ok(S::Bytes { nullable: false }))
            }
            _ => None,
        },
        F::Contains => match (&args[0], &args[1]) {
            (S::Bytes { nullable: false }, i) if is_intlike(i) => Some(Ok(S::Bool)),
            _ => None,
        },
        _ => None,
    }
}

fn call_args(op: &Op<Flow>, args: &[S]) -> (Vec<S>, Vec<(String, S)>) {
    if op.kind == FlowOp::SimpleCall {
        return (args[1..].to_vec(), Vec::new());
    }
    let names: Vec<String> = match const_arg(op, 1) {
        Some(Const::Tuple(t)) => t
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let rest = &args[2..];
    let npos = rest.len() - names.len();
    let kw = names
        .into_iter()
        .zip(rest[npos..].iter().cloned())
        .collect();
    (rest[..npos].to_vec(), kw)
}

fn getattr(cx: &mut OpCx, kind: Kind, recv: &S, name: &str) -> R {
    if method_params(kind, name).is_none() {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "'{}' object has no attribute '{name}' (or it is not supported)",
                kind.type_name()
            ),
        ));
    }
    if recv.can_be_none() {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "calling {name}() on a {} that may be None; check `is not None` first",
                kind.type_name()
            ),
        ));
    }
    Ok(S::BuiltinMethod {
        recv: Box::new(recv.clone()),
        name: name.to_string(),
    })
}

/// Binds positional and keyword arguments to the method's parameters:
/// one slot per parameter, `None` for omitted ones.
pub fn bind_method_args<T: Clone>(
    kind: Kind,
    name: &str,
    pos: &[T],
    kw: &[(String, T)],
) -> Result<Vec<Option<T>>, String> {
    let params = method_params(kind, name).ok_or_else(|| format!("no method {name}"))?;
    let tn = kind.type_name();
    if pos.len() > params.len() {
        return Err(format!(
            "{tn}.{name}() takes at most {} argument{} ({} given)",
            params.len(),
            if params.len() == 1 { "" } else { "s" },
            pos.len()
        ));
    }
    let mut slots: Vec<Option<T>> = vec![None; params.len()];
    for (i, p) in pos.iter().enumerate() {
        slots[i] = Some(p.clone());
    }
    let kw_ok = matches!(
        name,
        "split" | "rsplit" | "splitlines" | "encode" | "decode"
    );
    for (k, v) in kw {
        let Some(i) = params.iter().position(|p| p == k).filter(|_| kw_ok) else {
            return Err(format!(
                "{tn}.{name}() got an unexpected keyword argument '{k}'"
            ));
        };
        if slots[i].is_some() {
            return Err(format!(
                "{tn}.{name}() got multiple values for argument '{k}'"
            ));
        }
        slots[i] = Some(v.clone());
    }
    let req = required(kind, name);
    if slots.iter().take(req).any(Option::is_none) {
        return Err(format!(
            "{tn}.{name}() takes at least {req} argument{} ({} given)",
            if req == 1 { "" } else { "s" },
            pos.len() + kw.len()
        ));
    }
    Ok(slots)
}

fn call_method(
    cx: &mut OpCx,
    op: &Op<Flow>,
    kind: Kind,
    name: &str,
    pos: &[S],
    kw: &[(String, S)],
) -> R {
    let slots = bind_method_args(kind, name, pos, kw).map_err(|m| Diagnostic::new(cx.span, m))?;
    let own = kind.own();
    let tn = kind.type_name();
    let span = cx.span;
    let bad = |i: usize, want: &str, got: &S| {
        let p = method_params(kind, name).unwrap()[i];
        Diagnostic::new(
            span,
            format!(
                "{tn}.{name}(): argument '{p}' must be {want}, not {}",
                got.describe()
            ),
        )
    };
    let is_own =
        |a: &S| std::mem::discriminant(a) == std::mem::discriminant(&own) && !a.can_be_none();
    let want_own = |i: usize| -> Result<(), Diagnostic> {
        match &slots[i] {
            Some(a) if !is_own(a) => Err(bad(i, tn, a)),
            _ => Ok(()),
        }
    };
    let want_int = |i: usize, none_ok: bool| -> Result<(), Diagnostic> {
        match &slots[i] {
            Some(a) if is_intlike(a) => Ok(()),
            Some(S::None) if none_ok => Ok(()),
            Some(a) => Err(bad(i, "an int", a)),
            None => Ok(()),
        }
    };
    let want_own_or_none = |i: usize| -> Result<(), Diagnostic> {
        match &slots[i] {
            Some(S::None) | None => Ok(()),
            Some(a) if is_own(a) => Ok(()),
            Some(a) => Err(bad(i, &format!("{tn} or None"), a)),
        }
    };
    // A block flows many times: the list made by an earlier flow is kept, or
    // every flow would make a new one and the fixpoint would never be reached.
    let list_of_own = |cx: &mut OpCx| S::List {
        def: match &cx.ann.graphs[cx.graph].bindings[op.result] {
            S::List { def, .. } => *def,
            _ => cx.ann.new_list(own.clone()),
        },
        nullable: false,
    };
    match name {
        "find" | "rfind" | "index" | "rindex" | "count" => {
            want_own(0)?;
            want_int(1, true)?;
            want_int(2, true)?;
            Ok(S::Int)
        }
        "startswith" | "endswith" => {
            match &slots[0] {
                Some(S::Tuple(items)) if items.iter().all(is_own) => {}
                Some(a) if is_own(a) => {}
                Some(a) => return Err(bad(0, &format!("{tn} or a tuple of {tn}"), a)),
                None => {}
            }
            want_int(1, true)?;
            want_int(2, true)?;
            Ok(S::Bool)
        }
        "split" | "rsplit" => {
            want_own_or_none(0)?;
            want_int(1, false)?;
            Ok(list_of_own(cx))
        }
        "splitlines" => {
            match &slots[0] {
                Some(a) if !matches!(a, S::Bool | S::Int) => return Err(bad(0, "a bool", a)),
                _ => {}
            }
            Ok(list_of_own(cx))
        }
        "join" => match slots[0].clone() {
            Some(S::List { def, .. }) => {
                let reader = (cx.graph, cx.block);
                let item = cx.ann.read_list(def, reader);
                if item.is_impossible() || is_own(&item) {
                    Ok(own)
                } else {
                    Err(Diagnostic::new(
                        span,
                        format!(
                            "{tn}.join() needs a list of {tn}, but the list holds {}",
                            item.describe()
                        ),
                    ))
                }
            }
            Some(a) => Err(bad(0, &format!("a list of {tn}"), &a)),
            None => unreachable!(),
        },
        "strip" | "lstrip" | "rstrip" => {
            want_own_or_none(0)?;
            Ok(own)
        }
        "replace" => {
            want_own(0)?;
            want_own(1)?;
            want_int(2, false)?;
            Ok(own)
        }
        "lower" | "upper" | "capitalize" | "title" | "swapcase" => Ok(own),
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "istitle"
        | "isdecimal" | "isnumeric" => Ok(S::Bool),
        "zfill" => {
            want_int(0, false)?;
            Ok(own)
        }
        "ljust" | "rjust" | "center" => {
            want_int(0, false)?;
            want_own(1)?;
            Ok(own)
        }
        "partition" | "rpartition" => {
            want_own(0)?;
            Ok(S::Tuple(vec![own.clone(), own.clone(), own]))
        }
        "encode" | "decode" => {
            for i in 0..2 {
                match (&slots[i], const_of(op, pos.len(), kw, i, kind, name)) {
                    (None, _) => {}
                    (Some(S::Str { nullable: false }), Some(c)) => {
                        if i == 0 && encoding_name(&c).is_none() {
                            return Err(Diagnostic::new(span, format!("unsupported encoding '{c}' (expected 'utf-8', 'latin-1' or 'ascii')")));
                        }
                        if i == 1 && c != "strict" {
                            return Err(Diagnostic::new(
                                span,
                                format!("only errors='strict' is supported, not '{c}'"),
                            ));
                        }
                    }
                    (Some(a), _) => return Err(bad(i, "a constant str", a)),
                }
            }
            Ok(if name == "encode" {
                S::Bytes { nullable: false }
            } else {
                S::Str { nullable: false }
            })
        }
        // Builders.
        "append" => {
            want_own(0)?;
            Ok(S::None)
        }
        "append_slice" => {
            want_own(0)?;
            want_int(1, false)?;
            want_int(2, false)?;
            Ok(S::None)
        }
        "append_multiple_char" => {
            want_own(0)?;
            want_int(1, false)?;
            Ok(S::None)
        }
        "getlength" => Ok(S::Int),
        "build" => Ok(S::Str { nullable: false }),
        _ => Err(Diagnostic::new(
            span,
            format!("{tn}.{name}() is not supported"),
        )),
    }
}

/// The constant str passed for parameter `i` of a method call, if any.
pub fn const_of(
    op: &Op<Flow>,
    npos: usize,
    kw: &[(String, S)],
    i: usize,
    kind: Kind,
    name: &str,
) -> Option<String> {
    let first = if op.kind == FlowOp::CallKw { 2 } else { 1 };
    let idx = if i < npos {
        first + i
    } else {
        let pname = method_params(kind, name)?[i];
        first + npos + kw.iter().position(|(k, _)| k == pname)?
    };
    const_arg(op, idx)
        .and_then(Const::as_str)
        .map(str::to_string)
}

/// One `%` conversion of a constant format string.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentSpec {
    /// Flags, width and precision (`-05.2`); `*` is not supported.
    pub flags: String,
    /// The conversion character (`d`, `s`, `r`, `x`, `f`, ...).
    pub conv: char,
}

/// A constant `%` format string: literal pieces around the conversions
/// (`pieces.len() == specs.len() + 1`; `%%` is folded into the pieces).
#[derive(Clone, Debug, PartialEq)]
pub struct PercentFormat {
    pub pieces: Vec<String>,
    pub specs: Vec<PercentSpec>,
}

/// Parses a `%` format string as CPython does; errors are CPython's
/// messages.
pub fn parse_percent(fmt: &str) -> Result<PercentFormat, String> {
    let cs: Vec<char> = fmt.chars().collect();
    let mut pieces = vec![String::new()];
    let mut specs = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        i += 1;
        if c != '%' {
            pieces.last_mut().unwrap().push(c);
            continue;
        }
        let st = i;
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            i += 1;
        }
        while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
            i += 1;
        }
        if i < cs.len() && cs[i] == '*' {
            return Err("'*' in % formats is not supported".into());
        }
        if i >= cs.len() {
            return Err("incomplete format".into());
        }
        let flags: String = cs[st..i].iter().collect();
        let conv = cs[i];
        i += 1;
        match conv {
            '%' if flags.is_empty() => pieces.last_mut().unwrap().push('%'),
            's' | 'r' | 'a' | 'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g'
            | 'G' | 'c' => {
                specs.push(PercentSpec { flags, conv });
                pieces.push(String::new());
            }
            _ => {
                return Err(format!(
                    "unsupported format character '{conv}' (0x{:x})",
                    conv as u32
                ))
            }
        }
    }
    Ok(PercentFormat { pieces, specs })
}

fn percent(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    let span = cx.span;
    let Some(Const::Str(fmt)) = const_arg(op, 0) else {
        return Err(Diagnostic::new(
            span,
            "the left side of `%` must be a constant format string",
        ));
    };
    let pf =
        parse_percent(fmt).map_err(|m| Diagnostic::new(span, format!("bad format string: {m}")))?;
    let items: Vec<S> = match &args[1] {
        S::Tuple(items) => items.clone(),
        other => vec![other.clone()],
    };
    if items.len() > pf.specs.len() {
        return Err(Diagnostic::new(
            span,
            format!(
                "not all arguments converted during string formatting ({} conversions, {} values)",
                pf.specs.len(),
                items.len()
            ),
        ));
    }
    if items.len() < pf.specs.len() {
        return Err(Diagnostic::new(
            span,
            format!(
                "not enough arguments for format string ({} conversions, {} values)",
                pf.specs.len(),
                items.len()
            ),
        ));
    }
    for (spec, item) in pf.specs.iter().zip(&items) {
        if matches!(spec.conv, 's' | 'r') && matches!(item, S::Instance { .. }) {
            // Says why (no text, or a __str__ RPython would not call).
            crate::rules::stringable(cx, item)?;
        }
        let ok = match spec.conv {
            // `%s`/`%r` convert like `str()`/`repr()`: containers and exceptions too.
            's' | 'r' => crate::rules::stringable(cx, item).is_ok(),
            'a' => matches!(
                item,
                S::Int | S::Bool | S::Float | S::Str { .. } | S::Bytes { .. } | S::None
            ),
            'd' | 'i' | 'u' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                matches!(item, S::Int | S::Bool | S::Float)
            }
            'x' | 'X' | 'o' => is_intlike(item),
            'c' => is_intlike(item) || matches!(item, S::Str { nullable: false }),
            _ => false,
        };
        if !ok {
            return Err(Diagnostic::new(
                span,
                format!("%{} format cannot take {}", spec.conv, item.describe()),
            ));
        }
    }
    Ok(S::Str { nullable: false })
}

fn format(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    if !matches!(args[1], S::Str { nullable: false }) {
        return Err(Diagnostic::new(
            cx.span,
            format!("a format spec must be a str, not {}", args[1].describe()),
        ));
    }
    match &args[0] {
        S::Int | S::Bool | S::Float | S::Str { .. } | S::Bytes { .. } | S::None => {
            Ok(S::Str { nullable: false })
        }
        // `f"{items}"`: an empty spec is `str()`, which containers have.
        other
            if matches!(const_arg(op, 1), Some(Const::Str(s)) if s.is_empty())
                && crate::rules::stringable(cx, other).is_ok() =>
        {
            Ok(S::Str { nullable: false })
        }
        other if crate::rules::stringable(cx, other).is_ok() => Err(Diagnostic::new(
            cx.span,
            format!(
                "format() of {} with a format spec is not supported; an empty spec (`{{x}}`) converts it with str()",
                other.describe()
            ),
        )),
        other @ S::Instance { .. } => {
            crate::rules::stringable(cx, other)?;
            Err(Diagnostic::new(
                cx.span,
                format!("format() of {} is not supported", other.describe()),
            ))
        }
        other => Err(Diagnostic::new(
            cx.span,
            format!("format() of {} is not supported", other.describe()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_parse() {
        let pf = parse_percent("%d %-5s|%05.2f %% %r").unwrap();
        assert_eq!(pf.pieces, vec!["", " ", "|", " % ", ""]);
        let convs: Vec<(String, char)> =
            pf.specs.iter().map(|s| (s.flags.clone(), s.conv)).collect();
        assert_eq!(
            convs,
            vec![
                ("".into(), 'd'),
                ("-5".into(), 's'),
                ("05.2".into(), 'f'),
                ("".into(), 'r')
            ]
        );
        assert_eq!(parse_percent("50%"), Err("incomplete format".into()));
        assert_eq!(
            parse_percent("%y"),
            Err("unsupported format character 'y' (0x79)".into())
        );
    }
}
