//! Numbers, comparisons, identity, truth and hashing on `Const`s, with
//! Python 3 semantics: 64-bit ints that wrap on `+ - * <<` (the translated
//! program's machine words; `intmask` is then the identity), floor `//`
//! and `%`, true division to float, ZeroDivisionError, float rules from
//! CPython's floatobject (floor division and modulo via fmod).

use super::{EvalError, EvalResult, Evaluator};
use crate::host::HostObj;
use crate::model::Const;
use crate::ops::FlowOp;
use rpy_syntax::Span;

/// Does a switch value select a link's exit case?
pub(super) fn switch_eq(v: &Const, case: &Const) -> bool {
    match (v, case) {
        (Const::Bool(a), Const::Bool(b)) => a == b,
        (a, b) => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}

/// `a is b`.
pub(super) fn is_same(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Host(x), Const::Host(y)) => x == y,
        (Const::None, Const::None) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Builtin(x), Const::Builtin(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            std::rc::Rc::ptr_eq(x, y) || (x.is_empty() && y.is_empty())
        }
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

#[derive(Copy, Clone, Debug, PartialEq, PartialOrd)]
enum Num {
    I(i64),
    F(f64),
}

fn num(c: &Const) -> Option<Num> {
    match c {
        Const::Int(i) => Some(Num::I(*i)),
        Const::Bool(b) => Some(Num::I(*b as i64)),
        Const::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn as_f(n: Num) -> f64 {
    match n {
        Num::I(i) => i as f64,
        Num::F(f) => f,
    }
}

pub(super) fn type_name(c: &Const) -> &'static str {
    match c {
        Const::None => "NoneType",
        Const::Bool(_) => "bool",
        Const::Int(_) => "int",
        Const::UInt(_) => "r_uint",
        Const::Float(_) => "float",
        Const::Str(_) => "str",
        Const::Bytes(_) => "bytes",
        Const::Tuple(_) => "tuple",
        Const::Builtin(_) => "builtin",
        Const::Host(_) => "object",
    }
}

/// CPython's float floor division and modulo.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn int_pow(mut base: i64, mut exp: i64) -> i64 {
    let mut r: i64 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            r = r.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    r
}

impl Evaluator<'_> {
    pub(super) fn unsupported(
        &mut self,
        what: &str,
        a: &Const,
        b: Option<&Const>,
        span: Span,
    ) -> EvalError {
        let ta = self.type_desc(a);
        let msg = match b {
            Some(b) => {
                let tb = self.type_desc(b);
                format!("unsupported operand types for {what}: '{ta}' and '{tb}'")
            }
            None => format!("bad operand type for {what}: '{ta}'"),
        };
        EvalError::user(span, msg)
    }

    /// Python's name for the type of a value (for messages).
    pub(crate) fn type_desc(&self, c: &Const) -> String {
        match c {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Module(_) => "module".into(),
                HostObj::Code(_) | HostObj::ClassCode(_) => "code".into(),
                HostObj::Function(_) => "function".into(),
                HostObj::Class(_) => "type".into(),
                HostObj::Instance { class, .. } => self.prog.class(*class).name.clone(),
                HostObj::List(_) => "list".into(),
                HostObj::Dict(_) => "dict".into(),
                HostObj::BoundMethod { .. } => "method".into(),
                HostObj::Range { .. } => "range".into(),
                HostObj::Iterator { .. } => "iterator".into(),
                HostObj::Intrinsic { kind, .. } => {
                    kind.name().rsplit('.').next().unwrap_or("intrinsic").into()
                }
            },
            Const::Builtin(b) => format!("builtin {}", b.name()),
            other => type_name(other).into(),
        }
    }

    pub(super) fn binop(
        &mut self,
        op: FlowOp,
        a: &Const,
        b: &Const,
        inplace: bool,
        span: Span,
    ) -> EvalResult<Const> {
        use FlowOp as F;
        if let Some(r) = self.uint_binop(op, a, b, span) {
            return r;
        }
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            let bool_pair = matches!((a, b), (Const::Bool(_), Const::Bool(_)));
            return self.num_binop(op, x, y, bool_pair, span);
        }
        let sym = op_symbol(op);
        match (op, a, b) {
            (F::Add, Const::Str(x), Const::Str(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Ok(Const::str(&s))
            }
            (F::Add, Const::Bytes(x), Const::Bytes(y)) => {
                Ok(Const::Bytes([&x[..], &y[..]].concat().into()))
            }
            (F::Add, Const::Tuple(x), Const::Tuple(y)) => Ok(Const::Tuple(
                x.iter().chain(y.iter()).cloned().collect::<Vec<_>>().into(),
            )),
            (F::Mul, Const::Str(s), n) | (F::Mul, n, Const::Str(s)) if num_int(n).is_some() => {
                Ok(Const::str(&s.repeat(num_int(n).unwrap().max(0) as usize)))
            }
            (F::Mul, Const::Bytes(s), n) | (F::Mul, n, Const::Bytes(s)) if num_int(n).is_some() => {
                Ok(Const::Bytes(
                    s.repeat(num_int(n).unwrap().max(0) as usize).into(),
                ))
            }
            (F::Mul, Const::Tuple(s), n) | (F::Mul, n, Const::Tuple(s)) if num_int(n).is_some() => {
                Ok(Const::Tuple(
                    repeat_items(s, num_int(n).unwrap().max(0) as usize).into(),
                ))
            }
            (F::Mod, Const::Str(fmt), args) => {
                Ok(Const::str(&self.percent_format(fmt, args, span)?))
            }
            (F::Add, Const::Host(x), Const::Host(y)) => {
                let (xs, ys) = match (&self.prog.objs[*x], &self.prog.objs[*y]) {
                    (HostObj::List(xs), HostObj::List(ys)) => (xs.clone(), ys.clone()),
                    _ => return Err(self.unsupported(sym, a, b.into(), span)),
                };
                if inplace {
                    if let HostObj::List(l) = &mut self.prog.objs[*x] {
                        l.extend(ys);
                    }
                    Ok(a.clone())
                } else {
                    let mut v = xs;
                    v.extend(ys);
                    Ok(self.new_list(v))
                }
            }
            (F::Add, Const::Host(x), other)
                if inplace && matches!(self.prog.objs[*x], HostObj::List(_)) =>
            {
                // `lst += iterable`
                let items = self.collect_items(other, span)?;
                if let HostObj::List(l) = &mut self.prog.objs[*x] {
                    l.extend(items);
                }
                Ok(a.clone())
            }
            (F::Mul, Const::Host(x), n) | (F::Mul, n, Const::Host(x)) if num_int(n).is_some() => {
                let n = num_int(n).unwrap().max(0) as usize;
                let items = match &self.prog.objs[*x] {
                    HostObj::List(xs) => repeat_items(xs, n),
                    _ => return Err(self.unsupported(sym, a, b.into(), span)),
                };
                if inplace && matches!(a, Const::Host(_)) {
                    self.prog.objs[*x] = HostObj::List(items);
                    Ok(a.clone())
                } else {
                    Ok(self.new_list(items))
                }
            }
            _ => Err(self.unsupported(sym, a, Some(b), span)),
        }
    }

    fn num_binop(
        &mut self,
        op: FlowOp,
        x: Num,
        y: Num,
        bool_pair: bool,
        span: Span,
    ) -> EvalResult<Const> {
        use FlowOp as F;
        match (x, y) {
            (Num::I(a), Num::I(b)) => {
                let r = match op {
                    F::Add => a.wrapping_add(b),
                    F::Sub => a.wrapping_sub(b),
                    F::Mul => a.wrapping_mul(b),
                    F::Div => return self.num_binop(F::FloorDiv, x, y, bool_pair, span),
                    F::TrueDiv => {
                        if b == 0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "division by zero",
                                span,
                            ));
                        }
                        return Ok(Const::Float(a as f64 / b as f64));
                    }
                    F::FloorDiv => {
                        if b == 0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                                span,
                            ));
                        }
                        let q = a.wrapping_div(b);
                        if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
                            q - 1
                        } else {
                            q
                        }
                    }
                    F::Mod => {
                        if b == 0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "integer modulo by zero",
                                span,
                            ));
                        }
                        let m = a.wrapping_rem(b);
                        if m != 0 && ((m < 0) != (b < 0)) {
                            m + b
                        } else {
                            m
                        }
                    }
                    F::Pow => {
                        if b < 0 {
                            if a == 0 {
                                return Err(self.exc_msg(
                                    "ZeroDivisionError",
                                    "0.0 cannot be raised to a negative power",
                                    span,
                                ));
                            }
                            return Ok(Const::Float((a as f64).powf(b as f64)));
                        }
                        int_pow(a, b)
                    }
                    F::LShift | F::RShift => {
                        if b < 0 {
                            return Err(self.exc_msg("ValueError", "negative shift count", span));
                        }
                        if op == F::LShift {
                            if b >= 64 {
                                0
                            } else {
                                a.wrapping_shl(b as u32)
                            }
                        } else if b >= 64 {
                            if a < 0 {
                                -1
                            } else {
                                0
                            }
                        } else {
                            a >> b
                        }
                    }
                    F::And | F::Or | F::Xor => {
                        let r = match op {
                            F::And => a & b,
                            F::Or => a | b,
                            _ => a ^ b,
                        };
                        if bool_pair {
                            return Ok(Const::Bool(r != 0));
                        }
                        r
                    }
                    _ => unreachable!("not a binary op: {op}"),
                };
                Ok(Const::Int(r))
            }
            _ => {
                let (a, b) = (as_f(x), as_f(y));
                let r = match op {
                    F::Add => a + b,
                    F::Sub => a - b,
                    F::Mul => a * b,
                    F::TrueDiv | F::Div => {
                        if b == 0.0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "float division by zero",
                                span,
                            ));
                        }
                        a / b
                    }
                    F::FloorDiv => {
                        if b == 0.0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "float floor division by zero",
                                span,
                            ));
                        }
                        float_divmod(a, b).0
                    }
                    F::Mod => {
                        if b == 0.0 {
                            return Err(self.exc_msg("ZeroDivisionError", "float modulo", span));
                        }
                        float_divmod(a, b).1
                    }
                    F::Pow => {
                        if a == 0.0 && b < 0.0 {
                            return Err(self.exc_msg(
                                "ZeroDivisionError",
                                "0.0 cannot be raised to a negative power",
                                span,
                            ));
                        }
                        if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                            return Err(EvalError::user(
                                span,
                                "negative number raised to a fractional power (complex result)",
                            ));
                        }
                        a.powf(b)
                    }
                    _ => {
                        let (ca, cb) = (num_const(x), num_const(y));
                        return Err(self.unsupported(op_symbol(op), &ca, Some(&cb), span));
                    }
                };
                Ok(Const::Float(r))
            }
        }
    }

    pub(super) fn unop(&mut self, op: FlowOp, a: &Const, span: Span) -> EvalResult<Const> {
        if let Some(r) = self.uint_unop(op, a) {
            return Ok(r);
        }
        match (op, num(a)) {
            (FlowOp::Neg, Some(Num::I(i))) => Ok(Const::Int(i.wrapping_neg())),
            (FlowOp::Neg, Some(Num::F(f))) => Ok(Const::Float(-f)),
            (FlowOp::Pos, Some(Num::I(i))) => Ok(Const::Int(i)),
            (FlowOp::Pos, Some(Num::F(f))) => Ok(Const::Float(f)),
            (FlowOp::Invert, Some(Num::I(i))) => Ok(Const::Int(!i)),
            _ => {
                let sym = match op {
                    FlowOp::Neg => "unary -",
                    FlowOp::Pos => "unary +",
                    _ => "unary ~",
                };
                Err(self.unsupported(sym, a, None, span))
            }
        }
    }

    /// Python truth value.
    pub(crate) fn truth(&mut self, a: &Const, span: Span) -> EvalResult<bool> {
        Ok(match a {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => *i != 0,
            Const::UInt(u) => *u != 0,
            Const::Float(f) => *f != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Bytes(b) => !b.is_empty(),
            Const::Tuple(t) => !t.is_empty(),
            Const::Builtin(_) => true,
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(l) => !l.is_empty(),
                HostObj::Dict(d) => !d.is_empty(),
                HostObj::Range { .. } => self.len(a, span)? != 0,
                _ => true,
            },
        })
    }

    pub(super) fn compare(
        &mut self,
        op: FlowOp,
        a: &Const,
        b: &Const,
        span: Span,
    ) -> EvalResult<Const> {
        use std::cmp::Ordering as O;
        use FlowOp as F;
        match op {
            F::Eq => return Ok(Const::Bool(self.py_eq(a, b)?)),
            F::Ne => return Ok(Const::Bool(!self.py_eq(a, b)?)),
            _ => {}
        }
        let ord = match self.py_cmp(a, b)? {
            Some(o) => o,
            None => {
                // NaN involved: every ordering is false.
                if matches!((num(a), num(b)), (Some(_), Some(_))) {
                    return Ok(Const::Bool(false));
                }
                let sym = match op {
                    F::Lt => "<",
                    F::Le => "<=",
                    F::Gt => ">",
                    _ => ">=",
                };
                let (ta, tb) = (self.type_desc(a), self.type_desc(b));
                return Err(EvalError::user(
                    span,
                    format!("'{sym}' not supported between instances of '{ta}' and '{tb}'"),
                ));
            }
        };
        Ok(Const::Bool(match op {
            F::Lt => ord == O::Less,
            F::Le => ord != O::Greater,
            F::Gt => ord == O::Greater,
            _ => ord != O::Less,
        }))
    }

    /// `a == b`.
    pub(crate) fn py_eq(&mut self, a: &Const, b: &Const) -> EvalResult<bool> {
        if let Some(o) = Self::uint_cmp(a, b) {
            return Ok(o == Some(std::cmp::Ordering::Equal));
        }
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(match (x, y) {
                (Num::I(p), Num::I(q)) => p == q,
                _ => as_f(x) == as_f(y),
            });
        }
        Ok(match (a, b) {
            (Const::None, Const::None) => true,
            (Const::Str(x), Const::Str(y)) => x == y,
            (Const::Bytes(x), Const::Bytes(y)) => x == y,
            (Const::Builtin(x), Const::Builtin(y)) => x == y,
            (Const::Tuple(x), Const::Tuple(y)) => self.seq_eq(&x.to_vec(), &y.to_vec())?,
            (Const::Host(x), Const::Host(y)) => {
                if x == y {
                    return Ok(true);
                }
                match (&self.prog.objs[*x], &self.prog.objs[*y]) {
                    (HostObj::List(p), HostObj::List(q)) => {
                        let (p, q) = (p.clone(), q.clone());
                        self.seq_eq(&p, &q)?
                    }
                    (HostObj::Dict(p), HostObj::Dict(q)) => {
                        if p.len() != q.len() {
                            return Ok(false);
                        }
                        let p = p.clone();
                        for (k, v) in p {
                            match self.dict_lookup(*y, &k)? {
                                Some(w) => {
                                    if !self.py_eq(&v, &w)? {
                                        return Ok(false);
                                    }
                                }
                                None => return Ok(false),
                            }
                        }
                        true
                    }
                    (
                        HostObj::Range {
                            start: a0,
                            stop: a1,
                            step: a2,
                        },
                        HostObj::Range {
                            start: b0,
                            stop: b1,
                            step: b2,
                        },
                    ) => (a0, a1, a2) == (b0, b1, b2),
                    _ => false,
                }
            }
            _ => false,
        })
    }

    fn seq_eq(&mut self, x: &[Const], y: &[Const]) -> EvalResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !self.py_eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering for `<` etc.; `None` when the values are not ordered.
    pub(crate) fn py_cmp(
        &mut self,
        a: &Const,
        b: &Const,
    ) -> EvalResult<Option<std::cmp::Ordering>> {
        if let Some(o) = Self::uint_cmp(a, b) {
            return Ok(o);
        }
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(match (x, y) {
                (Num::I(p), Num::I(q)) => Some(p.cmp(&q)),
                _ => as_f(x).partial_cmp(&as_f(y)),
            });
        }
        Ok(match (a, b) {
            (Const::Str(x), Const::Str(y)) => Some(x.cmp(y)),
            (Const::Bytes(x), Const::Bytes(y)) => Some(x.cmp(y)),
            (Const::Tuple(x), Const::Tuple(y)) => self.seq_cmp(&x.to_vec(), &y.to_vec())?,
            (Const::Host(x), Const::Host(y)) => match (&self.prog.objs[*x], &self.prog.objs[*y]) {
                (HostObj::List(p), HostObj::List(q)) => {
                    let (p, q) = (p.clone(), q.clone());
                    self.seq_cmp(&p, &q)?
                }
                _ => None,
            },
            _ => None,
        })
    }

    fn seq_cmp(&mut self, x: &[Const], y: &[Const]) -> EvalResult<Option<std::cmp::Ordering>> {
        for (p, q) in x.iter().zip(y) {
            if !self.py_eq(p, q)? {
                return self.py_cmp(p, q);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `hash(x)`: ints hash to themselves (-1 -> -2) like CPython; other
    /// values get a deterministic hash (CPython randomises str hashes).
    pub(crate) fn hash(&mut self, a: &Const, span: Span) -> EvalResult<i64> {
        let h = match a {
            Const::None => 0x5f3759df,
            Const::Bool(b) => *b as i64,
            Const::Int(i) => *i,
            Const::UInt(u) => *u as i64,
            Const::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    *f as i64
                } else {
                    f.to_bits() as i64
                }
            }
            Const::Str(s) => fnv(s.as_bytes()),
            Const::Bytes(b) => fnv(b),
            Const::Tuple(t) => {
                let mut h: i64 = 0x345678;
                for x in t.iter() {
                    h = (h ^ self.hash(x, span)?).wrapping_mul(1000003);
                }
                h
            }
            Const::Builtin(b) => fnv(b.name().as_bytes()),
            Const::Host(id) => match &self.prog.objs[*id] {
                HostObj::List(_) | HostObj::Dict(_) => {
                    let t = self.type_desc(a);
                    return Err(self.exc_msg("TypeError", format!("unhashable type: '{t}'"), span));
                }
                _ => id.as_u32() as i64 * 16 + 0x1000,
            },
        };
        Ok(if h == -1 { -2 } else { h })
    }
}

fn fnv(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

fn num_int(c: &Const) -> Option<i64> {
    match c {
        Const::Int(i) => Some(*i),
        Const::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn num_const(n: Num) -> Const {
    match n {
        Num::I(i) => Const::Int(i),
        Num::F(f) => Const::Float(f),
    }
}

fn op_symbol(op: FlowOp) -> &'static str {
    use FlowOp as F;
    match op {
        F::Add => "+",
        F::Sub => "-",
        F::Mul => "*",
        F::TrueDiv | F::Div => "/",
        F::FloorDiv => "//",
        F::Mod => "%",
        F::Pow => "** or pow()",
        F::LShift => "<<",
        F::RShift => ">>",
        F::And => "&",
        F::Or => "|",
        F::Xor => "^",
        _ => "?",
    }
}

fn repeat_items(items: &[Const], n: usize) -> Vec<Const> {
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    v
}
