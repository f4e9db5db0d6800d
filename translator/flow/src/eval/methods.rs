//! Methods of builtin types (str, bytes, list, dict, tuple), reached as
//! `HostObj::BoundMethod { receiver, name }` and run here.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{HostId, HostObj};
use crate::model::Const;
use rpy_syntax::Span;

const STR_METHODS: &[&str] = &[
    "find",
    "rfind",
    "index",
    "rindex",
    "startswith",
    "endswith",
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "lower",
    "upper",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "count",
    "encode",
    "zfill",
    "ljust",
    "rjust",
    "center",
    "splitlines",
    "capitalize",
    "title",
    "swapcase",
    "format",
    "decode",
    "isdecimal",
    "isnumeric",
    "partition",
    "rpartition",
    "istitle",
];
const LIST_METHODS: &[&str] = &[
    "append", "pop", "insert", "extend", "reverse", "sort", "index", "count", "remove", "copy",
    "clear",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "setdefault",
    "pop",
    "keys",
    "values",
    "items",
    "clear",
    "update",
    "copy",
    "popitem",
];
const TUPLE_METHODS: &[&str] = &["index", "count"];

pub(super) fn has_method(ev: &Evaluator<'_>, obj: &Const, name: &str) -> bool {
    let table: &[&str] = match obj {
        Const::Str(_) | Const::Bytes(_) => STR_METHODS,
        Const::Tuple(_) => TUPLE_METHODS,
        Const::Float(_) => &["is_integer"],
        Const::Host(h) => match &ev.prog.objs[*h] {
            HostObj::List(_) => LIST_METHODS,
            HostObj::Dict(_) => DICT_METHODS,
            _ => &[],
        },
        _ => &[],
    };
    let py2_dict = ev.py2
        && table == DICT_METHODS
        && matches!(name, "iteritems" | "iterkeys" | "itervalues" | "has_key");
    (table.contains(&name) || py2_dict)
        && !(matches!(obj, Const::Str(_)) && name == "decode")
        && !(matches!(obj, Const::Bytes(_)) && name == "encode")
}

/// Text operations shared by str and bytes: work on `Vec<char>`-free
/// `&str` for str, and on latin-1 decoded text for bytes.
fn as_text(c: &Const) -> Option<String> {
    match c {
        Const::Str(s) => Some(s.to_string()),
        Const::Bytes(b) => Some(b.iter().map(|&x| x as char).collect()),
        _ => None,
    }
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

impl Evaluator<'_> {
    pub(super) fn call_method(
        &mut self,
        recv: &Const,
        name: &str,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        match recv {
            Const::Str(_) | Const::Bytes(_) => self.str_method(recv, name, args, kwargs, span),
            Const::Tuple(t) => {
                self.no_kwargs(name, &kwargs, span)?;
                let items = t.to_vec();
                self.seq_method(&items, name, &args, "tuple", span)
            }
            Const::Float(f) if name == "is_integer" => {
                Ok(Const::Bool(f.is_finite() && f.fract() == 0.0))
            }
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(_) => self.list_method(*h, name, args, kwargs, span),
                HostObj::Dict(_) => {
                    self.no_kwargs(name, &kwargs, span)?;
                    self.dict_method(*h, name, args, span)
                }
                _ => Err(EvalError::user(span, format!("no method `{name}`"))),
            },
            _ => Err(EvalError::user(span, format!("no method `{name}`"))),
        }
    }

    fn no_kwargs(&self, name: &str, kwargs: &[(String, Const)], span: Span) -> EvalResult<()> {
        match kwargs.first() {
            Some((k, _)) => Err(EvalError::user(
                span,
                format!("{name}() got an unexpected keyword argument '{k}'"),
            )),
            None => Ok(()),
        }
    }

    fn nargs(
        &self,
        name: &str,
        args: &[Const],
        min: usize,
        max: usize,
        span: Span,
    ) -> EvalResult<()> {
        if args.len() < min || args.len() > max {
            let want = if min == max {
                format!("exactly {min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(EvalError::user(
                span,
                format!("{name}() takes {want} arguments ({} given)", args.len()),
            ));
        }
        Ok(())
    }

    fn seq_method(
        &mut self,
        items: &[Const],
        name: &str,
        args: &[Const],
        what: &str,
        span: Span,
    ) -> EvalResult<Const> {
        match name {
            "index" => {
                self.nargs(name, args, 1, 3, span)?;
                // CPython's list.index/tuple.index: start and stop are
                // integers (never None), negative from the end, clipped at 0.
                let n = items.len() as i64;
                let bound = |k: usize, default: i64| -> EvalResult<usize> {
                    let i = match args.get(k) {
                        None => return Ok(default as usize),
                        Some(a @ (Const::Int(_) | Const::Bool(_))) => a.as_int().unwrap_or(0),
                        Some(_) => {
                            let m = "slice indices must be integers or have an __index__ method";
                            return Err(self.exc_msg("TypeError", m, span));
                        }
                    };
                    Ok(if i < 0 { (i + n).max(0) } else { i } as usize)
                };
                let (start, stop) = (bound(1, 0)?, bound(2, n)?);
                for i in start..stop.min(items.len()) {
                    if self.py_eq(&items[i], &args[0])? {
                        return Ok(Const::Int(i as i64));
                    }
                }
                let msg = if what == "list" {
                    format!("{} is not in list", self.to_repr(&args[0], span)?)
                } else {
                    "tuple.index(x): x not in tuple".to_string()
                };
                Err(self.exc_msg("ValueError", msg, span))
            }
            "count" => {
                self.nargs(name, args, 1, 1, span)?;
                let mut n = 0;
                for x in items {
                    if self.py_eq(x, &args[0])? {
                        n += 1;
                    }
                }
                Ok(Const::Int(n))
            }
            _ => Err(EvalError::user(
                span,
                format!("'{what}' object has no method '{name}'"),
            )),
        }
    }

    fn list_items(&self, h: HostId) -> &Vec<Const> {
        match &self.prog.objs[h] {
            HostObj::List(l) => l,
            _ => unreachable!(),
        }
    }

    fn list_mut(&mut self, h: HostId) -> &mut Vec<Const> {
        match &mut self.prog.objs[h] {
            HostObj::List(l) => l,
            _ => unreachable!(),
        }
    }

    fn list_method(
        &mut self,
        h: HostId,
        name: &str,
        args: Vec<Const>,
        mut kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        if name != "sort" {
            self.no_kwargs(name, &kwargs, span)?;
        }
        match name {
            "append" => {
                self.nargs(name, &args, 1, 1, span)?;
                self.list_mut(h).push(args[0].clone());
                Ok(Const::None)
            }
            "pop" => {
                self.nargs(name, &args, 0, 1, span)?;
                let n = self.list_items(h).len() as i64;
                if n == 0 {
                    return Err(self.exc_msg("IndexError", "pop from empty list", span));
                }
                let i = match args.first() {
                    Some(a) => match a.as_int() {
                        Some(i) => i,
                        None => {
                            return Err(EvalError::user(
                                span,
                                "list.pop() index must be an integer",
                            ))
                        }
                    },
                    None => -1,
                };
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(self.exc_msg("IndexError", "pop index out of range", span));
                }
                Ok(self.list_mut(h).remove(j as usize))
            }
            "insert" => {
                self.nargs(name, &args, 2, 2, span)?;
                let n = self.list_items(h).len() as i64;
                let Some(i) = args[0].as_int() else {
                    return Err(EvalError::user(
                        span,
                        "list.insert() index must be an integer",
                    ));
                };
                let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
                self.list_mut(h).insert(j as usize, args[1].clone());
                Ok(Const::None)
            }
            "extend" => {
                self.nargs(name, &args, 1, 1, span)?;
                let items = self.collect_items(&args[0], span)?;
                self.list_mut(h).extend(items);
                Ok(Const::None)
            }
            "reverse" => {
                self.nargs(name, &args, 0, 0, span)?;
                self.list_mut(h).reverse();
                Ok(Const::None)
            }
            "sort" => {
                self.nargs(name, &args, 0, 0, span)?;
                let key = kwargs
                    .iter()
                    .position(|(k, _)| k == "key")
                    .map(|i| kwargs.remove(i).1);
                let rev = kwargs
                    .iter()
                    .position(|(k, _)| k == "reverse")
                    .map(|i| kwargs.remove(i).1);
                self.no_kwargs(name, &kwargs, span)?;
                let rev = match rev {
                    Some(r) => self.truth(&r, span)?,
                    None => false,
                };
                let items = self.list_items(h).clone();
                let sorted = self.sort_items(items, key.as_ref(), rev, span)?;
                *self.list_mut(h) = sorted;
                Ok(Const::None)
            }
            "remove" => {
                self.nargs(name, &args, 1, 1, span)?;
                let items = self.list_items(h).clone();
                for (i, x) in items.iter().enumerate() {
                    if self.py_eq(x, &args[0])? {
                        self.list_mut(h).remove(i);
                        return Ok(Const::None);
                    }
                }
                Err(self.exc_msg("ValueError", "list.remove(x): x not in list", span))
            }
            "copy" => {
                self.nargs(name, &args, 0, 0, span)?;
                let items = self.list_items(h).clone();
                Ok(self.new_list(items))
            }
            "clear" => {
                self.nargs(name, &args, 0, 0, span)?;
                self.list_mut(h).clear();
                Ok(Const::None)
            }
            _ => {
                let items = self.list_items(h).clone();
                self.seq_method(&items, name, &args, "list", span)
            }
        }
    }

    fn dict_items(&self, h: HostId) -> Vec<(Const, Const)> {
        match &self.prog.objs[h] {
            HostObj::Dict(d) => d.clone(),
            _ => unreachable!(),
        }
    }

    fn dict_method(
        &mut self,
        h: HostId,
        name: &str,
        args: Vec<Const>,
        span: Span,
    ) -> EvalResult<Const> {
        let d = Const::Host(h);
        // py2's iterator forms run as the list forms (a host list is
        // iterated the same way).
        let name = match name {
            "iteritems" | "iterkeys" | "itervalues" if self.py2 => &name[4..],
            _ => name,
        };
        match name {
            "has_key" if self.py2 => {
                self.nargs(name, &args, 1, 1, span)?;
                Ok(Const::Bool(self.dict_lookup(h, &args[0])?.is_some()))
            }
            "get" => {
                self.nargs(name, &args, 1, 2, span)?;
                Ok(self
                    .dict_lookup(h, &args[0])?
                    .unwrap_or_else(|| args.get(1).cloned().unwrap_or(Const::None)))
            }
            "setdefault" => {
                self.nargs(name, &args, 1, 2, span)?;
                match self.dict_lookup(h, &args[0])? {
                    Some(v) => Ok(v),
                    None => {
                        let v = args.get(1).cloned().unwrap_or(Const::None);
                        self.setitem(&d, &args[0], v.clone(), span)?;
                        Ok(v)
                    }
                }
            }
            "pop" => {
                self.nargs(name, &args, 1, 2, span)?;
                match self.dict_find(h, &args[0])? {
                    Some(i) => match &mut self.prog.objs[h] {
                        HostObj::Dict(items) => Ok(items.remove(i).1),
                        _ => unreachable!(),
                    },
                    None => match args.get(1) {
                        Some(v) => Ok(v.clone()),
                        None => Err(self.key_error(&args[0], span)?),
                    },
                }
            }
            "popitem" => {
                self.nargs(name, &args, 0, 0, span)?;
                match &mut self.prog.objs[h] {
                    HostObj::Dict(items) if !items.is_empty() => {
                        let (k, v) = items.pop().unwrap();
                        Ok(Const::Tuple(vec![k, v].into()))
                    }
                    // CPython's KeyError carries the message as its one
                    // argument (args, str() the repr of it).
                    _ => {
                        let msg = Const::Str("popitem(): dictionary is empty".into());
                        Err(self.key_error(&msg, span)?)
                    }
                }
            }
            "keys" | "values" | "items" => {
                self.nargs(name, &args, 0, 0, span)?;
                let items = self.dict_items(h);
                let v = items
                    .into_iter()
                    .map(|(k, v)| match name {
                        "keys" => k,
                        "values" => v,
                        _ => Const::Tuple(vec![k, v].into()),
                    })
                    .collect();
                Ok(self.new_list(v))
            }
            "clear" => {
                self.nargs(name, &args, 0, 0, span)?;
                if let HostObj::Dict(items) = &mut self.prog.objs[h] {
                    items.clear();
                }
                Ok(Const::None)
            }
            "update" => {
                self.nargs(name, &args, 1, 1, span)?;
                let other = match &args[0] {
                    Const::Host(o) if matches!(self.prog.objs[*o], HostObj::Dict(_)) => {
                        self.dict_items(*o)
                    }
                    a => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(
                            span,
                            format!("dict.update() needs a dict, got '{t}'"),
                        ));
                    }
                };
                for (k, v) in other {
                    self.setitem(&d, &k, v, span)?;
                }
                Ok(Const::None)
            }
            "copy" => {
                self.nargs(name, &args, 0, 0, span)?;
                let items = self.dict_items(h);
                let new = self.like_dict(h);
                if let Const::Host(n) = &new {
                    if let HostObj::Dict(d) = &mut self.prog.objs[*n] {
                        *d = items;
                    }
                }
                Ok(new)
            }
            _ => Err(EvalError::user(
                span,
                format!("'dict' object has no method '{name}'"),
            )),
        }
    }

    fn str_method(
        &mut self,
        recv: &Const,
        name: &str,
        mut args: Vec<Const>,
        mut kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        // Keyword arguments some methods take, moved to their positions.
        let params: &[&str] = match name {
            "splitlines" => &["keepends"],
            "split" | "rsplit" => &["sep", "maxsplit"],
            _ => &[],
        };
        for (k, p) in params.iter().enumerate() {
            if let Some(j) = kwargs.iter().position(|(n, _)| n == p) {
                let v = kwargs.remove(j).1;
                if args.len() > k {
                    return Err(self.exc_msg(
                        "TypeError",
                        format!(
                            "argument for {name}() given by name ('{p}') and position ({})",
                            k + 1
                        ),
                        span,
                    ));
                }
                while args.len() < k {
                    // Earlier parameters keep their defaults.
                    args.push(if *p == "maxsplit" {
                        Const::Int(-1)
                    } else {
                        Const::None
                    });
                }
                args.push(v);
            }
        }
        self.no_kwargs(name, &kwargs, span)?;
        let is_bytes = matches!(recv, Const::Bytes(_));
        let s = as_text(recv).unwrap();
        let mk = |t: &str| -> Const {
            if is_bytes {
                Const::Bytes(
                    t.chars()
                        .map(|c| c as u32 as u8)
                        .collect::<Vec<u8>>()
                        .into(),
                )
            } else {
                Const::str(t)
            }
        };
        let tname = if is_bytes { "bytes" } else { "str" };
        // The text of argument `i` (same type as the receiver).
        let text_arg = |ev: &mut Self, i: usize| -> EvalResult<String> {
            match args.get(i) {
                Some(a) if matches!(a, Const::Str(_)) != is_bytes => Ok(as_text(a).unwrap()),
                Some(a) => {
                    let t = ev.type_desc(a);
                    Err(EvalError::user(
                        span,
                        format!("{tname}.{name}() argument must be {tname}, not '{t}'"),
                    ))
                }
                None => Err(EvalError::user(
                    span,
                    format!("{tname}.{name}() takes more arguments"),
                )),
            }
        };
        // Optional start/end arguments after the first, as given (None
        // when absent).
        let raw_bounds = |ev: &mut Self| -> EvalResult<(Option<i64>, Option<i64>)> {
            let get = |ev: &mut Self, k: usize| -> EvalResult<Option<i64>> {
                match args.get(k) {
                    Some(Const::None) | None => Ok(None),
                    Some(a) => match a.as_int() {
                        Some(i) if !matches!(a, Const::Float(_)) => Ok(Some(i)),
                        _ => Err(ev.exc_msg(
                            "TypeError",
                            "slice indices must be integers or None or have an __index__ method",
                            span,
                        )),
                    },
                }
            };
            Ok((get(ev, 1)?, get(ev, 2)?))
        };
        // CPython's ADJUST_INDICES: negative from the end, the end clipped
        // to the length; the start may lie past the end.
        let bounds = |ev: &mut Self, n: usize| -> EvalResult<(usize, usize)> {
            let (st, en) = raw_bounds(ev)?;
            let len = n as i64;
            let adj = |v: i64| if v < 0 { (v + len).max(0) } else { v };
            Ok((
                st.map(adj).unwrap_or(0) as usize,
                en.map(adj).unwrap_or(len).min(len) as usize,
            ))
        };
        let chars: Vec<char> = s.chars().collect();
        let sub_of = |st: usize, en: usize| -> String {
            if st >= en {
                String::new()
            } else {
                chars[st..en].iter().collect()
            }
        };
        match name {
            "find" | "rfind" | "index" | "rindex" | "count" => {
                self.nargs(name, &args, 1, 3, span)?;
                let needle = text_arg(self, 0)?;
                let (st, en) = bounds(self, chars.len())?;
                let hay = sub_of(st, en);
                // Too short a range finds nothing (even the empty string).
                let fits = en as i64 - st as i64 >= needle.chars().count() as i64;
                if name == "count" {
                    let n = if !fits {
                        0
                    } else if needle.is_empty() {
                        hay.chars().count() + 1
                    } else {
                        hay.matches(needle.as_str()).count()
                    };
                    return Ok(Const::Int(n as i64));
                }
                let found = if !fits {
                    None
                } else if name.starts_with('r') {
                    hay.rfind(needle.as_str())
                } else {
                    hay.find(needle.as_str())
                };
                match found {
                    Some(b) => Ok(Const::Int(st as i64 + char_index(&hay, b))),
                    None if name.ends_with("index") => {
                        // CPython's bytes.index says "subsection".
                        let what = if is_bytes { "subsection" } else { "substring" };
                        Err(self.exc_msg("ValueError", &format!("{what} not found"), span))
                    }
                    None => Ok(Const::Int(-1)),
                }
            }
            "startswith" | "endswith" => {
                self.nargs(name, &args, 1, 3, span)?;
                let (st, en) = raw_bounds(self)?;
                let cands: Vec<Const> = match &args[0] {
                    Const::Tuple(t) => t.to_vec(),
                    _ => vec![args[0].clone()],
                };
                let mut ok = false;
                for c in &cands {
                    let fix = match c {
                        c if matches!(c, Const::Str(_)) != is_bytes && as_text(c).is_some() => {
                            as_text(c).unwrap()
                        }
                        c => {
                            let t = self.type_desc(c);
                            let msg = match (&args[0], is_bytes) {
                                (Const::Tuple(_), false) => {
                                    format!("tuple for {name} must only contain str, not {t}")
                                }
                                (Const::Tuple(_), true) => {
                                    format!("a bytes-like object is required, not '{t}'")
                                }
                                (_, false) => format!(
                                    "{name} first arg must be str or a tuple of str, not {t}"
                                ),
                                (_, true) => format!(
                                    "{name} first arg must be bytes or a tuple of bytes, not {t}"
                                ),
                            };
                            return Err(self.exc_msg("TypeError", msg, span));
                        }
                    };
                    let fix: Vec<char> = fix.chars().collect();
                    if case::tailmatch(&chars, &fix, st, en, name == "endswith") {
                        ok = true;
                        break;
                    }
                }
                Ok(Const::Bool(ok))
            }
            "split" | "rsplit" => {
                self.nargs(name, &args, 0, 2, span)?;
                let maxsplit = match args.get(1) {
                    Some(a) => a.as_int().unwrap_or(-1),
                    None => -1,
                };
                let sep = match args.first() {
                    None | Some(Const::None) => None,
                    Some(_) => Some(text_arg(self, 0)?),
                };
                let parts: Vec<String> = match sep {
                    Some(sep) => {
                        if sep.is_empty() {
                            return Err(self.exc_msg("ValueError", "empty separator", span));
                        }
                        if maxsplit < 0 {
                            s.split(sep.as_str()).map(str::to_string).collect()
                        } else if name == "split" {
                            s.splitn(maxsplit as usize + 1, sep.as_str())
                                .map(str::to_string)
                                .collect()
                        } else {
                            let mut v: Vec<String> = s
                                .rsplitn(maxsplit as usize + 1, sep.as_str())
                                .map(str::to_string)
                                .collect();
                            v.reverse();
                            v
                        }
                    }
                    None => whitespace_split(&s, maxsplit, name == "rsplit"),
                };
                let items = parts.iter().map(|p| mk(p)).collect();
                Ok(self.new_list(items))
            }
            "join" => {
                self.nargs(name, &args, 1, 1, span)?;
                let items = self.collect_items(&args[0], span)?;
                let mut out = String::new();
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&s);
                    }
                    match x {
                        x if matches!(x, Const::Str(_)) != is_bytes && as_text(x).is_some() => {
                            out.push_str(&as_text(x).unwrap())
                        }
                        x => {
                            let t = self.type_desc(x);
                            return Err(self.exc_msg(
                                "TypeError",
                                format!(
                                    "sequence item {i}: expected {} instance, {t} found",
                                    if is_bytes {
                                        "a bytes-like object"
                                    } else {
                                        "str"
                                    }
                                ),
                                span,
                            ));
                        }
                    }
                }
                Ok(mk(&out))
            }
            "strip" | "lstrip" | "rstrip" => {
                self.nargs(name, &args, 0, 1, span)?;
                let set: Option<Vec<char>> = match args.first() {
                    None | Some(Const::None) => None,
                    Some(_) => Some(text_arg(self, 0)?.chars().collect()),
                };
                let pred = |c: char| match &set {
                    Some(v) => v.contains(&c),
                    None => c.is_whitespace(),
                };
                let r = match name {
                    "strip" => s.trim_matches(pred),
                    "lstrip" => s.trim_start_matches(pred),
                    _ => s.trim_end_matches(pred),
                };
                Ok(mk(r))
            }
            "replace" => {
                self.nargs(name, &args, 2, 3, span)?;
                let (a, b) = (text_arg(self, 0)?, text_arg(self, 1)?);
                let r = match args.get(2).and_then(|c| c.as_int()) {
                    Some(n) if n >= 0 => s.replacen(a.as_str(), &b, n as usize),
                    _ => s.replace(a.as_str(), &b),
                };
                Ok(mk(&r))
            }
            "lower" => Ok(mk(&if is_bytes {
                s.to_ascii_lowercase()
            } else {
                s.to_lowercase()
            })),
            "upper" => Ok(mk(&if is_bytes {
                s.to_ascii_uppercase()
            } else {
                s.to_uppercase()
            })),
            "swapcase" | "capitalize" | "title" => {
                let fin = if is_bytes {
                    vec![false; chars.len()]
                } else {
                    case::final_sigmas(&chars)
                };
                let mut out = String::new();
                let mut prev_cased = false;
                for (i, &c) in chars.iter().enumerate() {
                    match name {
                        "swapcase" if case::is_upper(c, is_bytes) => {
                            case::lower(c, is_bytes, fin[i], &mut out)
                        }
                        "swapcase" if case::is_lower(c, is_bytes) => {
                            case::upper(c, is_bytes, &mut out)
                        }
                        "swapcase" => out.push(c),
                        "capitalize" if i == 0 => case::title(c, is_bytes, &mut out),
                        "capitalize" => case::lower(c, is_bytes, fin[i], &mut out),
                        _ if prev_cased => case::lower(c, is_bytes, fin[i], &mut out),
                        _ => case::title(c, is_bytes, &mut out),
                    }
                    prev_cased = case::is_cased(c, is_bytes);
                }
                Ok(mk(&out))
            }
            "isdigit" | "isdecimal" | "isnumeric" => Ok(Const::Bool(
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_digit() || (!is_bytes && numeric_class(c, name))),
            )),
            "isalpha" => Ok(Const::Bool(
                !s.is_empty()
                    && s.chars().all(|c| {
                        if is_bytes {
                            c.is_ascii_alphabetic()
                        } else {
                            c.is_alphabetic()
                        }
                    }),
            )),
            "isalnum" => Ok(Const::Bool(
                !s.is_empty()
                    && s.chars().all(|c| {
                        if is_bytes {
                            c.is_ascii_alphanumeric()
                        } else {
                            c.is_alphanumeric()
                        }
                    }),
            )),
            "isspace" => Ok(Const::Bool(
                !s.is_empty() && s.chars().all(|c| case::is_space(c, is_bytes)),
            )),
            "isupper" | "islower" => {
                // Some cased character, and none of the other case (a
                // titlecase letter is neither).
                let want_upper = name == "isupper";
                let mut cased = false;
                for &c in &chars {
                    let (mine, other) = if want_upper {
                        (case::is_upper(c, is_bytes), case::is_lower(c, is_bytes))
                    } else {
                        (case::is_lower(c, is_bytes), case::is_upper(c, is_bytes))
                    };
                    if other || (!is_bytes && case::is_title(c)) {
                        return Ok(Const::Bool(false));
                    }
                    cased |= mine;
                }
                Ok(Const::Bool(cased))
            }
            "istitle" => {
                // Uppercase/titlecase letters only start cased runs,
                // lowercase ones only continue them.
                let (mut cased, mut prev_cased) = (false, false);
                for &c in &chars {
                    if case::is_upper(c, is_bytes) || (!is_bytes && case::is_title(c)) {
                        if prev_cased {
                            return Ok(Const::Bool(false));
                        }
                        prev_cased = true;
                        cased = true;
                    } else if case::is_lower(c, is_bytes) {
                        if !prev_cased {
                            return Ok(Const::Bool(false));
                        }
                        prev_cased = true;
                        cased = true;
                    } else {
                        prev_cased = false;
                    }
                }
                Ok(Const::Bool(cased))
            }
            "encode" => {
                self.nargs(name, &args, 0, 2, span)?;
                let enc = match args.first() {
                    Some(Const::Str(e)) => e.to_lowercase(),
                    _ => "utf-8".into(),
                };
                match enc.as_str() {
                    "utf-8" | "utf8" => Ok(Const::Bytes(s.as_bytes().to_vec().into())),
                    "latin-1" | "latin1" | "ascii" | "iso-8859-1" => {
                        let lim = if enc == "ascii" { 128 } else { 256 };
                        match super::codec::encode_error(
                            &s,
                            if lim == 128 { "ascii" } else { "latin-1" },
                            lim,
                        ) {
                            None => Ok(Const::Bytes(s.chars().map(|c| c as u32 as u8).collect())),
                            Some(m) => Err(self.exc_msg("UnicodeEncodeError", m, span)),
                        }
                    }
                    _ => Err(EvalError::user(
                        span,
                        format!("unsupported encoding '{enc}'"),
                    )),
                }
            }
            "decode" => {
                self.nargs(name, &args, 0, 2, span)?;
                let Const::Bytes(b) = recv else {
                    unreachable!()
                };
                let enc = match args.first() {
                    Some(Const::Str(e)) => e.to_lowercase(),
                    _ => "utf-8".into(),
                };
                match enc.as_str() {
                    "utf-8" | "utf8" => match std::str::from_utf8(b) {
                        Ok(t) => Ok(Const::str(t)),
                        Err(e) => Err(self.exc_msg(
                            "UnicodeDecodeError",
                            super::codec::utf8_decode_error(b, e),
                            span,
                        )),
                    },
                    "latin-1" | "latin1" | "iso-8859-1" => Ok(Const::str(&b.iter().map(|&c| c as char).collect::<String>())),
                    "ascii" => match b.iter().position(|&c| c >= 128) {
                        None => Ok(Const::str(&s)),
                        Some(p) => Err(self.exc_msg(
                            "UnicodeDecodeError",
                            format!("'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)", b[p]),
                            span,
                        )),
                    },
                    _ => Err(EvalError::user(span, format!("unsupported encoding '{enc}'"))),
                }
            }
            "zfill" | "ljust" | "rjust" | "center" => {
                self.nargs(name, &args, 1, 2, span)?;
                let w = args[0].as_int().unwrap_or(0).max(0) as usize;
                let fill = match args.get(1) {
                    Some(_) => text_arg(self, 1)?.chars().next().unwrap_or(' '),
                    None => {
                        if name == "zfill" {
                            '0'
                        } else {
                            ' '
                        }
                    }
                };
                let n = chars.len();
                if n >= w {
                    return Ok(mk(&s));
                }
                let pad = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
                let r = match name {
                    "ljust" => format!("{s}{}", pad(w - n)),
                    "rjust" => format!("{}{s}", pad(w - n)),
                    "center" => {
                        let total = w - n;
                        let left = total / 2 + (total & w & 1);
                        format!("{}{s}{}", pad(left), pad(total - left))
                    }
                    _ => {
                        if s.starts_with(['+', '-']) {
                            format!("{}{}{}", &s[..1], pad(w - n), &s[1..])
                        } else {
                            format!("{}{s}", pad(w - n))
                        }
                    }
                };
                Ok(mk(&r))
            }
            "splitlines" => {
                self.nargs(name, &args, 0, 1, span)?;
                let keepends = match args.first() {
                    Some(a) => self.truth(a, span)?,
                    None => false,
                };
                let items = case::splitlines(&chars, is_bytes, keepends)
                    .iter()
                    .map(|l| mk(l))
                    .collect();
                Ok(self.new_list(items))
            }
            "partition" | "rpartition" => {
                self.nargs(name, &args, 1, 1, span)?;
                let sep = text_arg(self, 0)?;
                let found = if name == "partition" {
                    s.find(sep.as_str())
                } else {
                    s.rfind(sep.as_str())
                };
                let t = match found {
                    Some(i) => vec![mk(&s[..i]), mk(&sep), mk(&s[i + sep.len()..])],
                    None if name == "partition" => vec![mk(&s), mk(""), mk("")],
                    None => vec![mk(""), mk(""), mk(&s)],
                };
                Ok(Const::Tuple(t.into()))
            }
            "format" => {
                let r = self.str_format(&s, &args, span)?;
                Ok(Const::str(&r))
            }
            _ => Err(EvalError::user(
                span,
                format!("'{tname}' object has no method '{name}'"),
            )),
        }
    }

    /// `"...{}...{0}...{:spec}".format(args)` (positional fields only).
    fn str_format(&mut self, fmt: &str, args: &[Const], span: Span) -> EvalResult<String> {
        let mut out = String::new();
        let cs: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut auto = 0;
        while i < cs.len() {
            let c = cs[i];
            if c == '{' && cs.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if c == '}' && cs.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            let Some(close) = cs[i..].iter().position(|&x| x == '}') else {
                return Err(self.exc_msg(
                    "ValueError",
                    "Single '{' encountered in format string",
                    span,
                ));
            };
            let field: String = cs[i + 1..i + close].iter().collect();
            i += close + 1;
            let (head, spec) = field.split_once(':').unwrap_or((&field, ""));
            let (head, conv) = match head.split_once('!') {
                Some((h, c)) => (h, c.chars().next()),
                None => (head, None),
            };
            let idx = if head.is_empty() {
                auto += 1;
                auto - 1
            } else {
                match head.parse::<usize>() {
                    Ok(k) => k,
                    Err(_) => {
                        return Err(EvalError::user(
                            span,
                            format!(
                                "str.format: only positional fields are supported, found '{head}'"
                            ),
                        ))
                    }
                }
            };
            let Some(v) = args.get(idx) else {
                return Err(self.exc_msg(
                    "IndexError",
                    format!("Replacement index {idx} out of range for positional args tuple"),
                    span,
                ));
            };
            let v = match conv {
                Some('r') => Const::str(&self.to_repr(v, span)?),
                Some('s') => Const::str(&self.to_str(v, span)?),
                _ => v.clone(),
            };
            out.push_str(&self.format_value(&v, spec, span)?);
        }
        Ok(out)
    }
}

fn whitespace_split(s: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    if maxsplit < 0 {
        return s.split_whitespace().map(str::to_string).collect();
    }
    let mut parts = Vec::new();
    if !from_right {
        let mut rest = s.trim_start();
        while !rest.is_empty() {
            if parts.len() as i64 == maxsplit {
                parts.push(rest.to_string());
                break;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            parts.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    } else {
        let mut rest = s.trim_end();
        while !rest.is_empty() {
            if parts.len() as i64 == maxsplit {
                parts.push(rest.to_string());
                break;
            }
            let st = rest
                .rfind(char::is_whitespace)
                .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                .unwrap_or(0);
            parts.push(rest[st..].to_string());
            rest = rest[..st].trim_end();
        }
        parts.reverse();
    }
    parts
}

/// Case and line-break rules of `str` (Unicode, as CPython's database
/// classifies characters) and `bytes` (ASCII only).
mod case {
    /// Titlecase letters (general category Lt).
    pub fn is_title(c: char) -> bool {
        matches!(c as u32, 0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
    }
    pub fn is_upper(c: char, bytes: bool) -> bool {
        if bytes {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        }
    }
    pub fn is_lower(c: char, bytes: bool) -> bool {
        if bytes {
            c.is_ascii_lowercase()
        } else {
            c.is_lowercase()
        }
    }
    pub fn is_cased(c: char, bytes: bool) -> bool {
        is_upper(c, bytes) || is_lower(c, bytes) || (!bytes && is_title(c))
    }
    pub fn upper(c: char, bytes: bool, out: &mut String) {
        if bytes {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
    }
    /// Lowercase of `c`; `final_sigma` says a capital sigma ends a word.
    pub fn lower(c: char, bytes: bool, final_sigma: bool, out: &mut String) {
        if bytes {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{3A3}' {
            out.push(if final_sigma { '\u{3C2}' } else { '\u{3C3}' });
        } else {
            out.extend(c.to_lowercase());
        }
    }
    /// Titlecase of `c` (Unicode's titlecase mapping, with the special
    /// casings: `ß` -> `Ss`, ligatures, Greek iota subscripts).
    pub fn title(c: char, bytes: bool, out: &mut String) {
        if bytes {
            out.push(c.to_ascii_uppercase());
            return;
        }
        let u = c as u32;
        let single = match u {
            0x01C4..=0x01C6 => Some(0x01C5),
            0x01C7..=0x01C9 => Some(0x01C8),
            0x01CA..=0x01CC => Some(0x01CB),
            0x01F1..=0x01F3 => Some(0x01F2),
            0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => Some(u + 8),
            0x1FB3 => Some(0x1FBC),
            0x1FC3 => Some(0x1FCC),
            0x1FF3 => Some(0x1FFC),
            _ if is_title(c) => Some(u),
            0x0149 => {
                out.push_str("\u{2BC}N");
                return;
            }
            _ => None,
        };
        if let Some(t) = single {
            out.push(char::from_u32(t).unwrap());
            return;
        }
        let up: Vec<char> = c.to_uppercase().collect();
        if up.len() == 1 {
            out.push(up[0]);
            return;
        }
        if (0x1F00..=0x1FFF).contains(&u) && up.last() == Some(&'\u{399}') {
            // Greek with a subscript iota: the iota stays a subscript.
            out.extend(&up[..up.len() - 1]);
            out.push('\u{345}');
            return;
        }
        // `ß` -> `Ss`, `ﬁ` -> `Fi`: the first letter stays capital.
        out.push(up[0]);
        for &x in &up[1..] {
            out.extend(x.to_lowercase());
        }
    }
    /// Positions of the capital sigmas that end a word (preceded by a
    /// cased letter, not followed by one, skipping case-ignorable ones),
    /// as Rust's context-aware `to_lowercase` decides.
    pub fn final_sigmas(chars: &[char]) -> Vec<bool> {
        let mut out = vec![false; chars.len()];
        if !chars.contains(&'\u{3A3}') {
            return out;
        }
        let lowered: Vec<char> = chars
            .iter()
            .collect::<String>()
            .to_lowercase()
            .chars()
            .collect();
        let mut off = 0;
        for (i, &c) in chars.iter().enumerate() {
            if c == '\u{3A3}' {
                out[i] = lowered.get(off) == Some(&'\u{3C2}');
                off += 1;
            } else {
                off += c.to_lowercase().count();
            }
        }
        out
    }
    /// Whitespace as `str.isspace()` and `split()` see it.
    pub fn is_space(c: char, bytes: bool) -> bool {
        if bytes {
            matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
        } else {
            matches!(c as u32, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
        }
    }
    /// Line boundaries of `splitlines` (`\r\n` is one boundary).
    pub fn is_linebreak(c: char, bytes: bool) -> bool {
        if bytes {
            matches!(c, '\n' | '\r')
        } else {
            matches!(c as u32, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
        }
    }
    /// `str.splitlines(keepends)`.
    pub fn splitlines(chars: &[char], bytes: bool, keepends: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        let n = chars.len();
        while i < n {
            let st = i;
            while i < n && !is_linebreak(chars[i], bytes) {
                i += 1;
            }
            let mut eol = i;
            if i < n {
                i += if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                    2
                } else {
                    1
                };
                if keepends {
                    eol = i;
                }
            }
            out.push(chars[st..eol].iter().collect());
        }
        out
    }
    /// CPython's `tailmatch`: does `hay[start:end]` start (or end) with
    /// `fix`? `start` past the end never matches, even for an empty `fix`.
    pub fn tailmatch(
        hay: &[char],
        fix: &[char],
        start: Option<i64>,
        end: Option<i64>,
        at_end: bool,
    ) -> bool {
        let len = hay.len() as i64;
        let adj = |v: i64| if v < 0 { (v + len).max(0) } else { v };
        let start = start.map(adj).unwrap_or(0);
        let end = end.map(adj).unwrap_or(len).min(len);
        let flen = fix.len() as i64;
        let last = end - flen;
        if last < start {
            return false;
        }
        if flen == 0 {
            return true;
        }
        let at = if at_end { last } else { start } as usize;
        hay[at..at + fix.len()] == *fix
    }
}

/// CPython's `isdigit`/`isdecimal`/`isnumeric` of one non-ASCII code
/// point, as the runtime's `strmethods.rs` answers them (digits: decimal
/// digits plus superscripts; numeric: also fractions and numerals).
fn numeric_class(c: char, method: &str) -> bool {
    let superscript = matches!(c as u32, 0xB2 | 0xB3 | 0xB9 | 0x2070..=0x2079 | 0x2080..=0x2089);
    let digit = c.is_numeric() && c.to_digit(10).is_some()
        || superscript
        || matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9 | 0x0966..=0x096F | 0xFF10..=0xFF19);
    match method {
        "isdigit" => digit,
        "isdecimal" => digit && !superscript,
        _ => c.is_numeric(),
    }
}
