//! Methods of builtin types (str, bytes, list, dict, tuple), reached as
//! `HostObj::BoundMethod { receiver, name }` and run here.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{HostId, HostObj};
use crate::model::Const;
use rpy_syntax::Span;

const STR_METHODS: &[&str] = &[
    "find", "rfind", "index", "rindex", "startswith", "endswith", "split", "rsplit", "join", "strip", "lstrip",
    "rstrip", "replace", "lower", "upper", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
    "count", "encode", "zfill", "ljust", "rjust", "center", "splitlines", "capitalize", "title", "swapcase",
    "format", "decode", "isdecimal", "isnumeric", "partition", "rpartition",
];
const LIST_METHODS: &[&str] =
    &["append", "pop", "insert", "extend", "reverse", "sort", "index", "count", "remove", "copy", "clear"];
const DICT_METHODS: &[&str] =
    &["get", "setdefault", "pop", "keys", "values", "items", "clear", "update", "copy", "popitem"];
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
    table.contains(&name) && !(matches!(obj, Const::Str(_)) && name == "decode")
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
            Const::Float(f) if name == "is_integer" => Ok(Const::Bool(f.is_finite() && f.fract() == 0.0)),
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
            Some((k, _)) => Err(EvalError::user(span, format!("{name}() got an unexpected keyword argument '{k}'"))),
            None => Ok(()),
        }
    }

    fn nargs(&self, name: &str, args: &[Const], min: usize, max: usize, span: Span) -> EvalResult<()> {
        if args.len() < min || args.len() > max {
            let want = if min == max { format!("exactly {min}") } else { format!("{min} to {max}") };
            return Err(EvalError::user(span, format!("{name}() takes {want} arguments ({} given)", args.len())));
        }
        Ok(())
    }

    fn seq_method(&mut self, items: &[Const], name: &str, args: &[Const], what: &str, span: Span) -> EvalResult<Const> {
        match name {
            "index" => {
                self.nargs(name, args, 1, 1, span)?;
                for (i, x) in items.iter().enumerate() {
                    if self.py_eq(x, &args[0])? {
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
            _ => Err(EvalError::user(span, format!("'{what}' object has no method '{name}'"))),
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

    fn list_method(&mut self, h: HostId, name: &str, args: Vec<Const>, mut kwargs: Vec<(String, Const)>, span: Span) -> EvalResult<Const> {
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
                        None => return Err(EvalError::user(span, "list.pop() index must be an integer")),
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
                    return Err(EvalError::user(span, "list.insert() index must be an integer"));
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
                let key = kwargs.iter().position(|(k, _)| k == "key").map(|i| kwargs.remove(i).1);
                let rev = kwargs.iter().position(|(k, _)| k == "reverse").map(|i| kwargs.remove(i).1);
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

    fn dict_method(&mut self, h: HostId, name: &str, args: Vec<Const>, span: Span) -> EvalResult<Const> {
        let d = Const::Host(h);
        match name {
            "get" => {
                self.nargs(name, &args, 1, 2, span)?;
                Ok(self.dict_lookup(h, &args[0])?.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Const::None)))
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
                    _ => Err(self.exc_msg("KeyError", "'popitem(): dictionary is empty'", span)),
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
                    Const::Host(o) if matches!(self.prog.objs[*o], HostObj::Dict(_)) => self.dict_items(*o),
                    a => {
                        let t = self.type_desc(a);
                        return Err(EvalError::user(span, format!("dict.update() needs a dict, got '{t}'")));
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
                Ok(self.new_dict(items))
            }
            _ => Err(EvalError::user(span, format!("'dict' object has no method '{name}'"))),
        }
    }

    fn str_method(&mut self, recv: &Const, name: &str, args: Vec<Const>, kwargs: Vec<(String, Const)>, span: Span) -> EvalResult<Const> {
        self.no_kwargs(name, &kwargs, span)?;
        let is_bytes = matches!(recv, Const::Bytes(_));
        let s = as_text(recv).unwrap();
        let mk = |t: &str| -> Const {
            if is_bytes {
                Const::Bytes(t.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>().into())
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
                    Err(EvalError::user(span, format!("{tname}.{name}() argument must be {tname}, not '{t}'")))
                }
                None => Err(EvalError::user(span, format!("{tname}.{name}() takes more arguments"))),
            }
        };
        // Optional start/end arguments after the first.
        let bounds = |ev: &mut Self, n: usize| -> EvalResult<(usize, usize)> {
            let len = n as i64;
            let norm = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) } as usize;
            let st = match args.get(1) {
                Some(Const::None) | None => 0,
                Some(a) => norm(a.as_int().ok_or_else(|| EvalError::user(span, "slice indices must be integers"))?),
            };
            let en = match args.get(2) {
                Some(Const::None) | None => n,
                Some(a) => norm(a.as_int().ok_or_else(|| EvalError::user(span, "slice indices must be integers"))?),
            };
            let _ = ev;
            Ok((st, en))
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
                if name == "count" {
                    let n = if needle.is_empty() { hay.chars().count() + 1 } else { hay.matches(needle.as_str()).count() };
                    return Ok(Const::Int(if st > en && !needle.is_empty() { 0 } else { n as i64 }));
                }
                let found = if st > en && !(st == en) {
                    None
                } else if name.starts_with('r') {
                    hay.rfind(needle.as_str())
                } else {
                    hay.find(needle.as_str())
                };
                match found {
                    Some(b) => Ok(Const::Int(st as i64 + char_index(&hay, b))),
                    None if name.ends_with("index") => Err(self.exc_msg("ValueError", "substring not found", span)),
                    None => Ok(Const::Int(-1)),
                }
            }
            "startswith" | "endswith" => {
                self.nargs(name, &args, 1, 3, span)?;
                let (st, en) = bounds(self, chars.len())?;
                let hay = sub_of(st, en);
                let cands: Vec<String> = match &args[0] {
                    Const::Tuple(t) => t.iter().filter_map(as_text).collect(),
                    _ => vec![text_arg(self, 0)?],
                };
                let ok = cands.iter().any(|c| if name == "startswith" { hay.starts_with(c.as_str()) } else { hay.ends_with(c.as_str()) });
                Ok(Const::Bool(ok && st <= chars.len()))
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
                            s.splitn(maxsplit as usize + 1, sep.as_str()).map(str::to_string).collect()
                        } else {
                            let mut v: Vec<String> = s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(str::to_string).collect();
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
                        x if matches!(x, Const::Str(_)) != is_bytes && as_text(x).is_some() => out.push_str(&as_text(x).unwrap()),
                        x => {
                            let t = self.type_desc(x);
                            return Err(self.exc_msg(
                                "TypeError",
                                format!("sequence item {i}: expected {} instance, {t} found", if is_bytes { "a bytes-like object" } else { "str" }),
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
            "lower" => Ok(mk(&if is_bytes { s.to_ascii_lowercase() } else { s.to_lowercase() })),
            "upper" => Ok(mk(&if is_bytes { s.to_ascii_uppercase() } else { s.to_uppercase() })),
            "swapcase" => Ok(mk(&s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().next().unwrap() } else { c.to_uppercase().next().unwrap() }).collect::<String>())),
            "capitalize" => {
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    if i == 0 {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
                Ok(mk(&out))
            }
            "title" => {
                let mut out = String::new();
                let mut prev_cased = false;
                for c in s.chars() {
                    if prev_cased {
                        out.extend(c.to_lowercase());
                    } else {
                        out.extend(c.to_uppercase());
                    }
                    prev_cased = c.is_alphabetic();
                }
                Ok(mk(&out))
            }
            "isdigit" | "isdecimal" | "isnumeric" => Ok(Const::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || (!is_bytes && c.is_numeric())))),
            "isalpha" => Ok(Const::Bool(!s.is_empty() && s.chars().all(|c| if is_bytes { c.is_ascii_alphabetic() } else { c.is_alphabetic() }))),
            "isalnum" => Ok(Const::Bool(!s.is_empty() && s.chars().all(|c| if is_bytes { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }))),
            "isspace" => Ok(Const::Bool(!s.is_empty() && s.chars().all(|c| c.is_whitespace()))),
            "isupper" => Ok(Const::Bool(s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()))),
            "islower" => Ok(Const::Bool(s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()))),
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
                        match s.chars().map(|c| if (c as u32) < lim { Some(c as u32 as u8) } else { None }).collect::<Option<Vec<u8>>>() {
                            Some(b) => Ok(Const::Bytes(b.into())),
                            None => Err(self.exc_msg("UnicodeEncodeError", format!("'{enc}' codec can't encode character"), span)),
                        }
                    }
                    _ => Err(EvalError::user(span, format!("unsupported encoding '{enc}'"))),
                }
            }
            "decode" => {
                self.nargs(name, &args, 0, 2, span)?;
                let Const::Bytes(b) = recv else { unreachable!() };
                let enc = match args.first() {
                    Some(Const::Str(e)) => e.to_lowercase(),
                    _ => "utf-8".into(),
                };
                match enc.as_str() {
                    "utf-8" | "utf8" => match std::str::from_utf8(b) {
                        Ok(t) => Ok(Const::str(t)),
                        Err(e) => Err(self.exc_msg(
                            "UnicodeDecodeError",
                            format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[e.valid_up_to()], e.valid_up_to()),
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
                    None => if name == "zfill" { '0' } else { ' ' },
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
                let items = s.lines().map(mk).collect();
                Ok(self.new_list(items))
            }
            "partition" | "rpartition" => {
                self.nargs(name, &args, 1, 1, span)?;
                let sep = text_arg(self, 0)?;
                let found = if name == "partition" { s.find(sep.as_str()) } else { s.rfind(sep.as_str()) };
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
            _ => Err(EvalError::user(span, format!("'{tname}' object has no method '{name}'"))),
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
                return Err(self.exc_msg("ValueError", "Single '{' encountered in format string", span));
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
                    Err(_) => return Err(EvalError::user(span, format!("str.format: only positional fields are supported, found '{head}'"))),
                }
            };
            let Some(v) = args.get(idx) else {
                return Err(self.exc_msg("IndexError", format!("Replacement index {idx} out of range for positional args tuple"), span));
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
            let st = rest.rfind(char::is_whitespace).map(|i| i + rest[i..].chars().next().unwrap().len_utf8()).unwrap_or(0);
            parts.push(rest[st..].to_string());
            rest = rest[..st].trim_end();
        }
        parts.reverse();
    }
    parts
}
