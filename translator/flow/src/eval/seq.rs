//! Containers: length, membership, items and slices of str, bytes, tuple,
//! list, dict and range; iteration (`iter`/`next`, StopIteration at the
//! end). Dicts are association lists in insertion order (the model's
//! `HostObj::Dict`), looked up with Python equality.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::HostObj;
use crate::model::Const;
use rpy_syntax::Span;
use std::rc::Rc;

/// Python's `slice.indices`: the positions a slice selects in a sequence
/// of length `len`.
pub(crate) fn slice_positions(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> Vec<usize> {
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |v: Option<i64>, dflt: i64| -> i64 {
        match v {
            None => dflt,
            Some(v) if v < 0 => (v + len).max(lo),
            Some(v) => v.min(hi),
        }
    };
    let (start, stop) = if step < 0 {
        (norm(start, hi), norm(stop, lo))
    } else {
        (norm(start, lo), norm(stop, hi))
    };
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

pub(super) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

impl Evaluator<'_> {
    pub(crate) fn len(&mut self, a: &Const, span: Span) -> EvalResult<i64> {
        Ok(match a {
            Const::Str(s) => s.chars().count() as i64,
            Const::Bytes(b) => b.len() as i64,
            Const::Tuple(t) => t.len() as i64,
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => l.len() as i64,
                HostObj::Dict(d) => d.len() as i64,
                HostObj::Range { start, stop, step } => range_len(*start, *stop, *step),
                _ => return Err(self.no_len(a, span)),
            },
            _ => return Err(self.no_len(a, span)),
        })
    }

    fn no_len(&mut self, a: &Const, span: Span) -> EvalError {
        let t = self.type_desc(a);
        EvalError::user(span, format!("object of type '{t}' has no len()"))
    }

    /// Items of any iterable, as a vector (a snapshot).
    pub(crate) fn collect_items(&mut self, a: &Const, span: Span) -> EvalResult<Vec<Const>> {
        Ok(match a {
            Const::Str(s) => s
                .chars()
                .map(|c| Const::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
            Const::Bytes(b) => b.iter().map(|&c| Const::Int(c as i64)).collect(),
            Const::Tuple(t) => t.to_vec(),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => l.clone(),
                HostObj::Dict(d) => d.iter().map(|(k, _)| k.clone()).collect(),
                HostObj::Intrinsic {
                    kind: crate::host::Builtin::UnrollingIterable,
                    ..
                } => crate::rlib::unrolling_items(self.prog, *h)
                    .map(|t| t.to_vec())
                    .unwrap_or_default(),
                &HostObj::Range { start, stop, step } => {
                    let n = range_len(start, stop, step);
                    (0..n).map(|i| Const::Int(start + i * step)).collect()
                }
                HostObj::Iterator { .. } => {
                    let mut v = Vec::new();
                    while let Some(x) = self.next_item(a, span)? {
                        v.push(x);
                    }
                    v
                }
                _ => return Err(self.not_iterable(a, span)),
            },
            _ => return Err(self.not_iterable(a, span)),
        })
    }

    fn not_iterable(&mut self, a: &Const, span: Span) -> EvalError {
        let t = self.type_desc(a);
        EvalError::user(span, format!("'{t}' object is not iterable"))
    }

    pub(super) fn iter(&mut self, a: &Const, span: Span) -> EvalResult<Const> {
        if let Const::Host(h) = a {
            if let Some(items) = crate::rlib::unrolling_items(self.prog, *h) {
                return self.iter(&Const::Tuple(items), span);
            }
        }
        let ok = match a {
            Const::Str(_) | Const::Bytes(_) | Const::Tuple(_) => true,
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Iterator { .. } => return Ok(a.clone()),
                HostObj::List(_) | HostObj::Dict(_) | HostObj::Range { .. } => true,
                _ => false,
            },
            _ => false,
        };
        if !ok {
            return Err(self.not_iterable(a, span));
        }
        Ok(Const::Host(self.prog.objs.push(HostObj::Iterator {
            seq: a.clone(),
            pos: 0,
        })))
    }

    pub(super) fn next(&mut self, it: &Const, span: Span) -> EvalResult<Const> {
        match self.next_item(it, span)? {
            Some(v) => Ok(v),
            None => Err(self.exc_msg("StopIteration", "", span)),
        }
    }

    /// The next item of an iterator, `None` at its end.
    pub(crate) fn next_item(&mut self, it: &Const, span: Span) -> EvalResult<Option<Const>> {
        let Const::Host(id) = it else {
            return Err(EvalError::user(
                span,
                format!("'{}' object is not an iterator", self.type_desc(it)),
            ));
        };
        let (seq, pos) = match &self.prog.objs[*id] {
            HostObj::Iterator { seq, pos } => (seq.clone(), *pos),
            _ => {
                return Err(EvalError::user(
                    span,
                    format!("'{}' object is not an iterator", self.type_desc(it)),
                ))
            }
        };
        // `pos` counts bytes for str, items otherwise.
        let (item, newpos) = match &seq {
            Const::Str(s) => match s[pos.min(s.len())..].chars().next() {
                Some(c) => (
                    Some(Const::str(c.encode_utf8(&mut [0; 4]))),
                    pos + c.len_utf8(),
                ),
                None => (None, pos),
            },
            Const::Bytes(b) => (b.get(pos).map(|&c| Const::Int(c as i64)), pos + 1),
            Const::Tuple(t) => (t.get(pos).cloned(), pos + 1),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => (l.get(pos).cloned(), pos + 1),
                HostObj::Dict(d) => (d.get(pos).map(|(k, _)| k.clone()), pos + 1),
                &HostObj::Range { start, stop, step } => {
                    if (pos as i64) < range_len(start, stop, step) {
                        (Some(Const::Int(start + pos as i64 * step)), pos + 1)
                    } else {
                        (None, pos)
                    }
                }
                _ => (None, pos),
            },
            _ => (None, pos),
        };
        if let HostObj::Iterator { pos, .. } = &mut self.prog.objs[*id] {
            *pos = newpos;
        }
        Ok(item)
    }

    pub(super) fn contains(
        &mut self,
        container: &Const,
        item: &Const,
        span: Span,
    ) -> EvalResult<bool> {
        match (container, item) {
            (Const::Str(s), Const::Str(sub)) => return Ok(s.contains(&**sub)),
            (Const::Str(_), _) => {
                let t = self.type_desc(item);
                return Err(EvalError::user(
                    span,
                    format!("'in <string>' requires string as left operand, not {t}"),
                ));
            }
            (Const::Bytes(b), Const::Bytes(sub)) => {
                return Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]));
            }
            (Const::Bytes(b), Const::Int(i)) => return Ok(b.iter().any(|&c| c as i64 == *i)),
            (Const::Host(h), _) => match &self.prog.objs[*h] {
                HostObj::Dict(_) => return Ok(self.dict_lookup(*h, item)?.is_some()),
                &HostObj::Range { start, stop, step } => {
                    if let Some(i) = item.as_int() {
                        let n = range_len(start, stop, step);
                        return Ok(n > 0
                            && (i - start) % step == 0
                            && (0..n).contains(&((i - start) / step)));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        for x in self.collect_items(container, span)? {
            if self.py_eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn index_of(&mut self, idx: &Const, len: usize, what: &str, span: Span) -> EvalResult<usize> {
        let Some(i) = idx.as_int() else {
            let t = self.type_desc(idx);
            return Err(EvalError::user(
                span,
                format!("{what} indices must be integers, not {t}"),
            ));
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.exc_msg("IndexError", format!("{what} index out of range"), span));
        }
        Ok(j as usize)
    }

    pub(crate) fn getitem(&mut self, obj: &Const, idx: &Const, span: Span) -> EvalResult<Const> {
        match obj {
            Const::Str(s) => {
                if s.is_ascii() {
                    let i = self.index_of(idx, s.len(), "string", span)?;
                    Ok(Const::str(&s[i..i + 1]))
                } else {
                    let n = s.chars().count();
                    let i = self.index_of(idx, n, "string", span)?;
                    let c = s.chars().nth(i).unwrap();
                    Ok(Const::str(c.encode_utf8(&mut [0; 4])))
                }
            }
            Const::Bytes(b) => {
                let i = self.index_of(idx, b.len(), "index", span)?;
                Ok(Const::Int(b[i] as i64))
            }
            Const::Tuple(t) => {
                let i = self.index_of(idx, t.len(), "tuple", span)?;
                Ok(t[i].clone())
            }
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => {
                    let n = l.len();
                    let i = self.index_of(idx, n, "list", span)?;
                    match &self.prog.objs[*h] {
                        HostObj::List(l) => Ok(l[i].clone()),
                        _ => unreachable!(),
                    }
                }
                HostObj::Dict(_) => match self.dict_lookup(*h, idx)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(idx, span)?),
                },
                &HostObj::Range { start, stop, step } => {
                    let n = range_len(start, stop, step) as usize;
                    let i = self.index_of(idx, n, "range object", span)?;
                    Ok(Const::Int(start + i as i64 * step))
                }
                _ => Err(self.not_subscriptable(obj, span)),
            },
            _ => Err(self.not_subscriptable(obj, span)),
        }
    }

    fn not_subscriptable(&mut self, obj: &Const, span: Span) -> EvalError {
        let t = self.type_desc(obj);
        EvalError::user(span, format!("'{t}' object is not subscriptable"))
    }

    /// KeyError(key), whose message is the key's repr.
    pub(crate) fn key_error(&mut self, key: &Const, span: Span) -> EvalResult<EvalError> {
        let msg = self.to_repr(key, span)?;
        let cls = self.prog.exc_class("KeyError");
        let inst = self.prog.objs.push(HostObj::Instance {
            class: cls,
            attrs: vec![("args".into(), Const::Tuple(Rc::from(vec![key.clone()])))],
        });
        Ok(EvalError::Exception(super::PyException {
            class: cls,
            value: Const::Host(inst),
            message: msg,
            span,
            traceback: vec![],
        }))
    }

    pub(crate) fn dict_lookup(
        &mut self,
        d: crate::host::HostId,
        key: &Const,
    ) -> EvalResult<Option<Const>> {
        Ok(self.dict_find(d, key)?.map(|i| match &self.prog.objs[d] {
            HostObj::Dict(items) => items[i].1.clone(),
            _ => unreachable!(),
        }))
    }

    /// Position of `key` in dict `d`.
    pub(crate) fn dict_find(
        &mut self,
        d: crate::host::HostId,
        key: &Const,
    ) -> EvalResult<Option<usize>> {
        if let Some(r) = self.r_dict_find(d, key) {
            return r;
        }
        let n = match &self.prog.objs[d] {
            HostObj::Dict(items) => items.len(),
            _ => return Ok(None),
        };
        for i in 0..n {
            let k = match &self.prog.objs[d] {
                HostObj::Dict(items) => items[i].0.clone(),
                _ => unreachable!(),
            };
            // Fast paths avoid cloning containers.
            let eq = match (&k, key) {
                (Const::Int(a), Const::Int(b)) => a == b,
                (Const::Str(a), Const::Str(b)) => a == b,
                _ => self.py_eq(&k, key)?,
            };
            if eq {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub(crate) fn check_hashable(&mut self, key: &Const, span: Span) -> EvalResult<()> {
        self.hash(key, span).map(|_| ())
    }

    pub(crate) fn setitem(
        &mut self,
        obj: &Const,
        idx: &Const,
        value: Const,
        span: Span,
    ) -> EvalResult<()> {
        if let Const::Host(h) = obj {
            match &self.prog.objs[*h] {
                HostObj::List(l) => {
                    let n = l.len();
                    let i = self.index_of(idx, n, "list assignment", span)?;
                    if let HostObj::List(l) = &mut self.prog.objs[*h] {
                        l[i] = value;
                    }
                    return Ok(());
                }
                HostObj::Dict(_) => {
                    if !self.is_r_dict(*h) {
                        self.check_hashable(idx, span)?;
                    }
                    match self.dict_find(*h, idx)? {
                        Some(i) => {
                            if let HostObj::Dict(d) = &mut self.prog.objs[*h] {
                                d[i].1 = value.clone();
                            }
                        }
                        None => {
                            if let HostObj::Dict(d) = &mut self.prog.objs[*h] {
                                d.push((idx.clone(), value.clone()));
                            }
                        }
                    }
                    if let (Some(&m), Const::Str(name)) = (self.prog.globals_views.get(h), idx) {
                        if let HostObj::Module(mo) = &mut self.prog.objs[m] {
                            mo.set_global(name, value);
                        }
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        let t = self.type_desc(obj);
        Err(EvalError::user(
            span,
            format!("'{t}' object does not support item assignment"),
        ))
    }

    pub(crate) fn delitem(&mut self, obj: &Const, idx: &Const, span: Span) -> EvalResult<()> {
        if let Const::Host(h) = obj {
            match &self.prog.objs[*h] {
                HostObj::List(l) => {
                    let n = l.len();
                    let i = self.index_of(idx, n, "list assignment", span)?;
                    if let HostObj::List(l) = &mut self.prog.objs[*h] {
                        l.remove(i);
                    }
                    return Ok(());
                }
                HostObj::Dict(_) => {
                    return match self.dict_find(*h, idx)? {
                        Some(i) => {
                            if let HostObj::Dict(d) = &mut self.prog.objs[*h] {
                                d.remove(i);
                            }
                            if let (Some(&m), Const::Str(name)) =
                                (self.prog.globals_views.get(h), idx)
                            {
                                if let HostObj::Module(mo) = &mut self.prog.objs[m] {
                                    mo.globals.retain(|(n, _)| **n != **name);
                                }
                            }
                            Ok(())
                        }
                        None => Err(self.key_error(idx, span)?),
                    };
                }
                _ => {}
            }
        }
        let t = self.type_desc(obj);
        Err(EvalError::user(
            span,
            format!("'{t}' object does not support item deletion"),
        ))
    }

    fn slice_args(
        &mut self,
        start: &Const,
        stop: &Const,
        step: &Const,
        span: Span,
    ) -> EvalResult<(Option<i64>, Option<i64>, i64)> {
        let get = |c: &Const| -> EvalResult<Option<i64>> {
            match c {
                Const::None => Ok(None),
                c => match c.as_int() {
                    Some(i) => Ok(Some(i)),
                    None => Err(EvalError::user(
                        span,
                        format!(
                            "slice indices must be integers or None, not {}",
                            self.type_desc(c)
                        ),
                    )),
                },
            }
        };
        let (a, b, s) = (get(start)?, get(stop)?, get(step)?);
        let s = s.unwrap_or(1);
        if s == 0 {
            return Err(self.exc_msg("ValueError", "slice step cannot be zero", span));
        }
        Ok((a, b, s))
    }

    pub(super) fn getslice(
        &mut self,
        obj: &Const,
        start: &Const,
        stop: &Const,
        step: &Const,
        span: Span,
    ) -> EvalResult<Const> {
        let (a, b, s) = self.slice_args(start, stop, step, span)?;
        match obj {
            Const::Str(st) => {
                if st.is_ascii() {
                    let pos = slice_positions(st.len() as i64, a, b, s);
                    if s == 1 {
                        return Ok(match (pos.first(), pos.last()) {
                            (Some(&f), Some(&l)) => Const::str(&st[f..=l]),
                            _ => Const::str(""),
                        });
                    }
                    let bytes = st.as_bytes();
                    Ok(Const::str(
                        &pos.iter().map(|&i| bytes[i] as char).collect::<String>(),
                    ))
                } else {
                    let chars: Vec<char> = st.chars().collect();
                    let pos = slice_positions(chars.len() as i64, a, b, s);
                    Ok(Const::str(
                        &pos.iter().map(|&i| chars[i]).collect::<String>(),
                    ))
                }
            }
            Const::Bytes(by) => {
                let pos = slice_positions(by.len() as i64, a, b, s);
                Ok(Const::Bytes(
                    pos.iter().map(|&i| by[i]).collect::<Vec<u8>>().into(),
                ))
            }
            Const::Tuple(t) => {
                let pos = slice_positions(t.len() as i64, a, b, s);
                Ok(Const::Tuple(
                    pos.iter().map(|&i| t[i].clone()).collect::<Vec<_>>().into(),
                ))
            }
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => {
                    let pos = slice_positions(l.len() as i64, a, b, s);
                    let items = pos.iter().map(|&i| l[i].clone()).collect();
                    Ok(self.new_list(items))
                }
                &HostObj::Range {
                    start: r0,
                    stop: r1,
                    step: r2,
                } => {
                    let n = range_len(r0, r1, r2);
                    let pos = slice_positions(n, a, b, s);
                    let items = pos
                        .iter()
                        .map(|&i| Const::Int(r0 + i as i64 * r2))
                        .collect();
                    Ok(self.new_list(items))
                }
                _ => Err(self.not_subscriptable(obj, span)),
            },
            _ => Err(self.not_subscriptable(obj, span)),
        }
    }

    pub(super) fn setslice(
        &mut self,
        obj: &Const,
        start: &Const,
        stop: &Const,
        step: &Const,
        value: &Const,
        span: Span,
    ) -> EvalResult<()> {
        let (a, b, s) = self.slice_args(start, stop, step, span)?;
        let Const::Host(h) = obj else {
            let t = self.type_desc(obj);
            return Err(EvalError::user(
                span,
                format!("'{t}' object does not support slice assignment"),
            ));
        };
        let len = match &self.prog.objs[*h] {
            HostObj::List(l) => l.len(),
            _ => {
                let t = self.type_desc(obj);
                return Err(EvalError::user(
                    span,
                    format!("'{t}' object does not support slice assignment"),
                ));
            }
        };
        let items = self.collect_items(value, span)?;
        let pos = slice_positions(len as i64, a, b, s);
        let HostObj::List(l) = &mut self.prog.objs[*h] else {
            unreachable!()
        };
        if s == 1 {
            let lo = match a {
                None => 0,
                Some(v) if v < 0 => (v + len as i64).max(0) as usize,
                Some(v) => (v as usize).min(len),
            };
            let hi = pos.last().map(|&p| p + 1).unwrap_or(lo).max(lo);
            l.splice(lo..hi, items);
            Ok(())
        } else if pos.len() != items.len() {
            let msg = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                pos.len()
            );
            Err(self.exc_msg("ValueError", msg, span))
        } else {
            for (p, v) in pos.into_iter().zip(items) {
                l[p] = v;
            }
            Ok(())
        }
    }

    pub(super) fn delslice(
        &mut self,
        obj: &Const,
        start: &Const,
        stop: &Const,
        step: &Const,
        span: Span,
    ) -> EvalResult<()> {
        let (a, b, s) = self.slice_args(start, stop, step, span)?;
        if let Const::Host(h) = obj {
            if let HostObj::List(l) = &mut self.prog.objs[*h] {
                let mut pos = slice_positions(l.len() as i64, a, b, s);
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    l.remove(p);
                }
                return Ok(());
            }
        }
        let t = self.type_desc(obj);
        Err(EvalError::user(
            span,
            format!("'{t}' object does not support slice deletion"),
        ))
    }
}
