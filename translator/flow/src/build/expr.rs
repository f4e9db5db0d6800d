//! Expressions: names (local slots, build-time constants, or dynamic
//! `load_global` in module/class bodies), literals, operators, short-circuit
//! `and`/`or`/`if-else`/comparison chains (a merge block receives the
//! result), calls, attributes, subscripts and slices, displays,
//! f-strings and comprehensions (lowered to loops in the enclosing graph).

use super::{Builder, Cond, Slot, R};
use crate::graph::Value;
use crate::host::{Builtin, HostObj};
use crate::model::{Const, FlowValue};
use crate::ops::FlowOp;
use rpy_syntax::ast::{self, BinOp, BoolOp, CmpOp, Expr, ExprKind, FStringPart, UnaryOp};
use rpy_syntax::{Diagnostic, Span};
use std::rc::Rc;

pub(super) fn binop_kind(op: BinOp) -> FlowOp {
    match op {
        BinOp::Add => FlowOp::Add,
        BinOp::Sub => FlowOp::Sub,
        BinOp::Mul => FlowOp::Mul,
        BinOp::Div => FlowOp::TrueDiv,
        BinOp::ClassicDiv => FlowOp::Div,
        BinOp::FloorDiv => FlowOp::FloorDiv,
        BinOp::Mod => FlowOp::Mod,
        BinOp::Pow => FlowOp::Pow,
        BinOp::LShift => FlowOp::LShift,
        BinOp::RShift => FlowOp::RShift,
        BinOp::BitAnd => FlowOp::And,
        BinOp::BitOr => FlowOp::Or,
        BinOp::BitXor => FlowOp::Xor,
    }
}

pub(super) fn inplace_kind(op: BinOp) -> FlowOp {
    match op {
        BinOp::Add => FlowOp::InplaceAdd,
        BinOp::Sub => FlowOp::InplaceSub,
        BinOp::Mul => FlowOp::InplaceMul,
        BinOp::Div => FlowOp::InplaceTrueDiv,
        BinOp::ClassicDiv => FlowOp::InplaceDiv,
        BinOp::FloorDiv => FlowOp::InplaceFloorDiv,
        BinOp::Mod => FlowOp::InplaceMod,
        BinOp::Pow => FlowOp::InplacePow,
        BinOp::LShift => FlowOp::InplaceLShift,
        BinOp::RShift => FlowOp::InplaceRShift,
        BinOp::BitAnd => FlowOp::InplaceAnd,
        BinOp::BitOr => FlowOp::InplaceOr,
        BinOp::BitXor => FlowOp::InplaceXor,
    }
}

fn cst(c: Const) -> FlowValue {
    Value::Const(c)
}

/// What a comprehension's innermost body does with each element.
pub(super) enum CompBody<'a> {
    List {
        append: FlowValue,
        elt: &'a Expr,
    },
    Dict {
        dict: FlowValue,
        key: &'a Expr,
        value: &'a Expr,
    },
}

impl<'p> Builder<'p> {
    pub(super) fn expr(&mut self, e: &Expr) -> R<FlowValue> {
        let span = e.span;
        if let Some(c) = self.fold_pure(e) {
            return Ok(cst(c));
        }
        Ok(match &e.kind {
            ExprKind::Name(n) => self.load_name(n, span)?,
            ExprKind::Int(i) => cst(Const::Int(*i)),
            ExprKind::Float(f) => cst(Const::Float(*f)),
            ExprKind::Str(s) => cst(Const::str(s)),
            ExprKind::Bytes(b) => cst(Const::Bytes(Rc::from(b.as_slice()))),
            ExprKind::Bool(b) => cst(Const::Bool(*b)),
            ExprKind::NoneLit => cst(Const::None),
            ExprKind::FString(parts) => self.fstring(parts, span)?,
            ExprKind::BinOp { op, left, right } => {
                let l = self.expr(left)?;
                let r = self.expr(right)?;
                self.emit(binop_kind(*op), vec![l, r], span)
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if matches!(operand.kind, ExprKind::BoolOp { .. }) => {
                match self.cond_not(operand, span)? {
                    Cond::Known(t) => cst(Const::Bool(t)),
                    Cond::Var(c) => Value::Var(c),
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.expr(operand)?;
                match (op, &v) {
                    (UnaryOp::Neg, Value::Const(Const::Int(i))) if i.checked_neg().is_some() => cst(Const::Int(-i)),
                    (UnaryOp::Neg, Value::Const(Const::Float(f))) => cst(Const::Float(-f)),
                    (UnaryOp::Pos, Value::Const(Const::Int(_) | Const::Float(_))) => v,
                    _ => {
                        let kind = match op {
                            UnaryOp::Neg => FlowOp::Neg,
                            UnaryOp::Pos => FlowOp::Pos,
                            UnaryOp::Not => FlowOp::Not,
                            UnaryOp::Invert => FlowOp::Invert,
                        };
                        self.emit(kind, vec![v], span)
                    }
                }
            }
            ExprKind::BoolOp { op, values } => self.boolop(*op, values, span)?,
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, span)?,
            ExprKind::Call { func, args, keywords } => {
                let mut f = self.expr(func)?;
                if self.prog.py2 && matches!(f, Value::Const(Const::Builtin(Builtin::StrFn))) {
                    f = cst(Const::Builtin(Builtin::Py2Str));
                }
                if let Value::Const(Const::Builtin(Builtin::RarithOvfcheck)) = &f {
                    return self.ovfcheck(args, keywords, span);
                }
                if let Value::Const(Const::Builtin(Builtin::GetAttrFn)) = &f {
                    if self.is_function() {
                        return self.getattr_call(args, keywords, span);
                    }
                }
                let mut argv = vec![f];
                if let (Value::Const(Const::Builtin(Builtin::Super)), true, Some((cls, first))) =
                    (&argv[0], args.is_empty() && keywords.is_empty(), self.super_ctx.clone())
                {
                    // Zero-argument `super()` in a method: `super(C, self)`.
                    argv.push(cst(Const::Host(cls)));
                    argv.push(self.load_name(&first, span)?);
                }
                for a in args {
                    argv.push(self.expr(a)?);
                }
                if let (true, [Value::Const(Const::Builtin(Builtin::IsInstance)), x, Value::Const(Const::Tuple(cs))]) =
                    (keywords.is_empty(), argv.as_slice())
                {
                    return self.isinstance_any(x.clone(), cs.clone(), span);
                }
                if keywords.is_empty() {
                    self.emit(FlowOp::SimpleCall, argv, span)
                } else {
                    let names: Vec<Const> = keywords.iter().map(|k| Const::str(&k.name)).collect();
                    argv.insert(1, cst(Const::Tuple(Rc::from(names))));
                    for k in keywords {
                        argv.push(self.expr(&k.value)?);
                    }
                    self.emit(FlowOp::CallKw, argv, span)
                }
            }
            ExprKind::Attribute { value, attr } => {
                let o = self.expr(value)?;
                self.getattr(o, attr, span)?
            }
            ExprKind::Subscript { value, index } => {
                let o = self.expr(value)?;
                match &index.kind {
                    ExprKind::Slice { lower, upper, step } => {
                        let mut args = vec![o];
                        args.extend(self.slice_bounds(lower, upper, step)?);
                        self.emit(FlowOp::GetSlice, args, span)
                    }
                    _ => {
                        let i = self.expr(index)?;
                        self.emit(FlowOp::GetItem, vec![o, i], span)
                    }
                }
            }
            ExprKind::Slice { .. } => {
                return Err(Diagnostic::new(span, "expected a slice only inside a subscript (`x[a:b]`), found a slice expression elsewhere"))
            }
            ExprKind::Tuple(items) => {
                let vals = self.exprs(items)?;
                if vals.iter().all(|v| matches!(v, Value::Const(_))) {
                    let cs: Vec<Const> = vals.into_iter().map(|v| v.as_const().cloned().unwrap()).collect();
                    cst(Const::Tuple(Rc::from(cs)))
                } else {
                    self.emit(FlowOp::NewTuple, vals, span)
                }
            }
            ExprKind::List(items) => {
                let vals = self.exprs(items)?;
                self.emit(FlowOp::NewList, vals, span)
            }
            ExprKind::Dict(items) => {
                let mut vals = Vec::new();
                for (k, v) in items {
                    vals.push(self.expr(k)?);
                    vals.push(self.expr(v)?);
                }
                self.emit(FlowOp::NewDict, vals, span)
            }
            ExprKind::IfExp { test, body, orelse } => match self.cond(test)? {
                Cond::Known(true) => self.expr(body)?,
                Cond::Known(false) => self.expr(orelse)?,
                Cond::Var(c) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(c);
                    let after = self.new_join();
                    self.cur = Some(bt);
                    let v = self.expr(body)?;
                    let vs = self.value_span(body);
                    self.jump_spanned(after, vec![v], vec![vs]);
                    self.cur = Some(bf);
                    self.state = st;
                    let v = self.expr(orelse)?;
                    let vs = self.value_span(orelse);
                    self.jump_spanned(after, vec![v], vec![vs]);
                    self.finalize(after, &["ifexp"]).expect("if-expression result reached")[0].clone()
                }
            },
            ExprKind::ListComp { elt, generators } => {
                let l = self.emit(FlowOp::NewList, vec![], span);
                let append = self.emit(FlowOp::GetAttr, vec![l.clone(), cst(Const::str("append"))], span);
                self.comprehension(generators, &CompBody::List { append, elt }, span)?;
                l
            }
            ExprKind::DictComp { key, value, generators } => {
                let d = self.emit(FlowOp::NewDict, vec![], span);
                self.comprehension(generators, &CompBody::Dict { dict: d.clone(), key, value }, span)?;
                d
            }
        })
    }

    pub(super) fn exprs(&mut self, es: &[Expr]) -> R<Vec<FlowValue>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    pub(super) fn slice_bounds(
        &mut self,
        lower: &Option<Box<Expr>>,
        upper: &Option<Box<Expr>>,
        step: &Option<Box<Expr>>,
    ) -> R<Vec<FlowValue>> {
        let mut out = Vec::new();
        for b in [lower, upper, step] {
            out.push(match b {
                Some(e) => self.expr(e)?,
                None => cst(Const::None),
            });
        }
        Ok(out)
    }

    /// A module-level constant a non-local name refers to, if any.
    pub(super) fn global_const(&self, name: &str) -> Option<Const> {
        if let Some(c) = self.prog.module(self.module()).global(name) {
            return Some(c.clone());
        }
        if let Some(b) = Builtin::global_in(name, self.prog.py2) {
            return Some(Const::Builtin(b));
        }
        self.prog.builtin_classes.get(name).map(|&h| Const::Host(h))
    }

    pub(super) fn load_name(&mut self, n: &str, span: Span) -> R<FlowValue> {
        if let Some((_, v)) = self.comp_scope.iter().rev().find(|(name, _)| name == n) {
            return Ok(v.clone());
        }
        if !self.is_function() {
            return Ok(self.emit(FlowOp::LoadGlobal, vec![cst(Const::str(n))], span));
        }
        if let Some(&slot) = self.slot_of.get(n) {
            return match &self.state[slot] {
                Slot::Bound(v, _) => Ok(v.clone()),
                _ => Err(Diagnostic::new(
                    span,
                    format!("local variable '{n}' might be referenced before assignment"),
                )),
            };
        }
        match self.global_const(n) {
            Some(c) => Ok(cst(c)),
            None => Err(Diagnostic::new(
                span,
                format!(
                    "name '{n}' is not defined{}",
                    Builtin::py2_hint(n, self.prog.py2)
                ),
            )),
        }
    }

    /// `getattr(obj, name)` in a function: the name must fold to a
    /// constant str (RPython's rule; e.g. `'compile_' + name` in a loop over
    /// an `unrolling_iterable`).
    fn getattr_call(
        &mut self,
        args: &[Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> R<FlowValue> {
        if args.len() != 2 || !keywords.is_empty() {
            return Err(Diagnostic::new(
                span,
                "expected getattr(obj, name) with a constant name, found another form (a default is not supported at run time)",
            ));
        }
        let o = self.expr(&args[0])?;
        match self.const_str(&args[1])? {
            Some(s) => self.getattr(o, &s, span),
            None => Err(Diagnostic::new(
                args[1].span,
                "expected a constant attribute name in getattr() (known at translation time), found a run-time value",
            )),
        }
    }

    /// The value of `e` if it is a str known at translation time: a
    /// constant, or `+` of such (concatenation folded here).
    fn const_str(&mut self, e: &Expr) -> R<Option<String>> {
        if let ExprKind::BinOp {
            op: BinOp::Add,
            left,
            right,
        } = &e.kind
        {
            return Ok(match (self.const_str(left)?, self.const_str(right)?) {
                (Some(a), Some(b)) => Some(a + &b),
                _ => None,
            });
        }
        Ok(match self.expr(e)? {
            Value::Const(Const::Str(s)) => Some(s.to_string()),
            _ => None,
        })
    }

    /// `o.attr`, folded when `o` is a module constant.
    pub(super) fn getattr(&mut self, o: FlowValue, attr: &str, span: Span) -> R<FlowValue> {
        match &o {
            Value::Const(Const::Builtin(b)) if crate::eval::module_constant(*b, attr).is_some() => {
                Ok(cst(
                    crate::eval::module_constant(*b, attr).expect("just tested")
                ))
            }
            Value::Const(Const::Builtin(b)) if is_builtin_module(*b) => {
                if let Some(c) = crate::eval::module_constant(*b, attr) {
                    return Ok(cst(c));
                }
                match b.module_attr(attr) {
                    Some(f) => Ok(cst(Const::Builtin(f))),
                    None if *b == Builtin::SysModule => {
                        Err(Diagnostic::new(span, crate::eval::sys_attr_refusal(attr)))
                    }
                    None => Err(Diagnostic::new(
                        span,
                        format!(
                            "module '{}' has no attribute '{attr}' supported by the toolchain",
                            b.name()
                        ),
                    )),
                }
            }
            Value::Const(Const::Host(h)) => {
                if let HostObj::Module(m) = &self.prog.objs[*h] {
                    return match m.global(attr) {
                        Some(c) => Ok(cst(c.clone())),
                        None => Err(Diagnostic::new(
                            span,
                            format!("module '{}' has no attribute '{attr}'", m.name),
                        )),
                    };
                }
                Ok(self.emit(FlowOp::GetAttr, vec![o, cst(Const::str(attr))], span))
            }
            _ => Ok(self.emit(FlowOp::GetAttr, vec![o, cst(Const::str(attr))], span)),
        }
    }

    fn boolop(&mut self, op: BoolOp, values: &[Expr], span: Span) -> R<FlowValue> {
        let after = self.new_join();
        for (i, e) in values.iter().enumerate() {
            let v = self.expr(e)?;
            let vs = self.value_span(e);
            if i + 1 == values.len() {
                self.jump_spanned(after, vec![v], vec![vs]);
                break;
            }
            // `and` stops at a falsy value, `or` at a truthy one.
            let stop_on = op == BoolOp::Or;
            match self.cond_of(v.clone(), e.span) {
                Cond::Known(t) => {
                    if t == stop_on {
                        self.jump_spanned(after, vec![v], vec![vs]);
                        break;
                    }
                }
                Cond::Var(c) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(c);
                    let (stop, go) = if stop_on { (bt, bf) } else { (bf, bt) };
                    self.cur = Some(stop);
                    self.jump_spanned(after, vec![v], vec![vs]);
                    self.cur = Some(go);
                    self.state = st;
                }
            }
        }
        let _ = span;
        Ok(self
            .finalize(after, &["boolop"])
            .expect("boolean operation result reached")[0]
            .clone())
    }

    /// `and`/`or` whose value only serves as a truth value: each operand
    /// becomes a bool before the join, so operands of different types mix.
    pub(super) fn cond_boolop(&mut self, op: BoolOp, values: &[Expr]) -> R<Cond> {
        let after = self.new_join();
        let stop_on = op == BoolOp::Or;
        for (i, e) in values.iter().enumerate() {
            let c = self.cond(e)?;
            let v = match c {
                Cond::Known(t) => cst(Const::Bool(t)),
                Cond::Var(x) => Value::Var(x),
            };
            if i + 1 == values.len() {
                self.jump(after, vec![v]);
                break;
            }
            match c {
                Cond::Known(t) => {
                    if t == stop_on {
                        self.jump(after, vec![v]);
                        break;
                    }
                }
                Cond::Var(x) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(x);
                    let (stop, go) = if stop_on { (bt, bf) } else { (bf, bt) };
                    self.cur = Some(stop);
                    self.jump(after, vec![cst(Const::Bool(stop_on))]);
                    self.cur = Some(go);
                    self.state = st;
                }
            }
        }
        let v = self
            .finalize(after, &["cond"])
            .expect("boolean operation result reached")[0]
            .clone();
        let span = values.last().map_or(Span::NONE, |e| e.span);
        Ok(match v {
            Value::Const(Const::Bool(t)) => Cond::Known(t),
            Value::Var(x) => {
                // The join merges bools only: no `bool` op needed on it.
                self.def_op.insert(x, FlowOp::Bool);
                Cond::Var(x)
            }
            other => self.cond_of(other, span),
        })
    }

    /// `isinstance(x, (A, B, ...))`: one `isinstance` per class, stopping
    /// at the first true one.
    fn isinstance_any(&mut self, x: FlowValue, classes: Rc<[Const]>, span: Span) -> R<FlowValue> {
        let after = self.new_join();
        let isinst = cst(Const::Builtin(Builtin::IsInstance));
        for (i, c) in classes.iter().enumerate() {
            let r = self.emit(
                FlowOp::SimpleCall,
                vec![isinst.clone(), x.clone(), cst(c.clone())],
                span,
            );
            if i + 1 == classes.len() {
                self.jump(after, vec![r]);
                break;
            }
            match self.cond_of(r.clone(), span) {
                Cond::Known(true) => {
                    self.jump(after, vec![r]);
                    break;
                }
                Cond::Known(false) => {}
                Cond::Var(b) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(b);
                    self.cur = Some(bt);
                    self.jump(after, vec![cst(Const::Bool(true))]);
                    self.cur = Some(bf);
                    self.state = st;
                }
            }
        }
        Ok(match self.finalize(after, &["isinstance"]) {
            Some(vs) => vs[0].clone(),
            None => cst(Const::Bool(false)),
        })
    }

    /// `not <and/or>`: the negated truth value.
    pub(super) fn cond_not(&mut self, operand: &Expr, span: Span) -> R<Cond> {
        Ok(match self.cond(operand)? {
            Cond::Known(t) => Cond::Known(!t),
            Cond::Var(c) => match self.emit(FlowOp::Not, vec![Value::Var(c)], span) {
                Value::Var(r) => Cond::Var(r),
                Value::Const(k) => self.cond_of(Value::Const(k), span),
            },
        })
    }

    fn cmp(&mut self, op: CmpOp, a: FlowValue, b: FlowValue, span: Span) -> FlowValue {
        let simple = |k| Some(k);
        let kind = match op {
            CmpOp::Eq => simple(FlowOp::Eq),
            CmpOp::NotEq => simple(FlowOp::Ne),
            CmpOp::Lt => simple(FlowOp::Lt),
            CmpOp::LtE => simple(FlowOp::Le),
            CmpOp::Gt => simple(FlowOp::Gt),
            CmpOp::GtE => simple(FlowOp::Ge),
            CmpOp::Is => simple(FlowOp::Is),
            _ => None,
        };
        if let Some(k) = kind {
            return self.emit(k, vec![a, b], span);
        }
        match op {
            CmpOp::IsNot => {
                let r = self.emit(FlowOp::Is, vec![a, b], span);
                self.emit(FlowOp::Not, vec![r], span)
            }
            CmpOp::In => self.emit(FlowOp::Contains, vec![b, a], span),
            CmpOp::NotIn => {
                let r = self.emit(FlowOp::Contains, vec![b, a], span);
                self.emit(FlowOp::Not, vec![r], span)
            }
            _ => unreachable!(),
        }
    }

    fn compare(
        &mut self,
        left: &Expr,
        ops: &[CmpOp],
        comparators: &[Expr],
        span: Span,
    ) -> R<FlowValue> {
        let mut l = self.expr(left)?;
        if ops.len() == 1 {
            let r = self.expr(&comparators[0])?;
            return Ok(self.cmp(ops[0], l, r, span));
        }
        let after = self.new_join();
        for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
            let r = self.expr(c)?;
            let res = self.cmp(*op, l, r.clone(), span);
            if i + 1 == ops.len() {
                self.jump(after, vec![res]);
                break;
            }
            match self.cond_of(res.clone(), span) {
                Cond::Known(true) => {}
                Cond::Known(false) => {
                    self.jump(after, vec![res]);
                    break;
                }
                Cond::Var(c) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(c);
                    self.cur = Some(bf);
                    self.jump(after, vec![res]);
                    self.cur = Some(bt);
                    self.state = st;
                }
            }
            l = r;
        }
        Ok(self
            .finalize(after, &["cmp"])
            .expect("comparison result reached")[0]
            .clone())
    }

    fn fstring(&mut self, parts: &[FStringPart], span: Span) -> R<FlowValue> {
        let mut pieces: Vec<FlowValue> = Vec::new();
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if !s.is_empty() {
                        pieces.push(cst(Const::str(s)));
                    }
                }
                FStringPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    let mut v = self.expr(value)?;
                    match conversion {
                        Some('r') | Some('a') => v = self.emit(FlowOp::Repr, vec![v], value.span),
                        Some('s') => v = self.emit(FlowOp::Str, vec![v], value.span),
                        Some(c) => {
                            return Err(Diagnostic::new(
                                value.span,
                                format!("expected conversion !s, !r or !a, found !{c}"),
                            ))
                        }
                        None => {}
                    }
                    let spec_v = self.fstring(spec, span)?;
                    pieces.push(self.emit(FlowOp::Format, vec![v, spec_v], value.span));
                }
            }
        }
        // Join adjacent constant pieces, then add left to right.
        let mut merged: Vec<FlowValue> = Vec::new();
        for p in pieces {
            if let (Some(Value::Const(Const::Str(a))), Value::Const(Const::Str(b))) =
                (merged.last(), &p)
            {
                let joined = format!("{a}{b}");
                *merged.last_mut().unwrap() = cst(Const::str(&joined));
                continue;
            }
            merged.push(p);
        }
        let mut it = merged.into_iter();
        let mut acc = match it.next() {
            Some(v) => v,
            None => return Ok(cst(Const::str(""))),
        };
        for p in it {
            acc = self.emit(FlowOp::Add, vec![acc, p], span);
        }
        Ok(acc)
    }

    /// Lower comprehension loops into the current graph.
    fn comprehension(&mut self, gens: &[ast::Comprehension], body: &CompBody, span: Span) -> R<()> {
        let after = self.new_join();
        self.comp_loop(gens, body, after, span)?;
        self.finalize(after, &[]);
        Ok(())
    }

    fn comp_loop(
        &mut self,
        gens: &[ast::Comprehension],
        body: &CompBody,
        exit: super::JoinId,
        span: Span,
    ) -> R<()> {
        let g = &gens[0];
        let seq = self.expr(&g.iter)?;
        let it = self.emit(FlowOp::Iter, vec![seq], g.iter.span);
        let info = self.enter_loop();
        let stop = self.new_join();
        let item = self.emit_next(it, g.iter.span, stop);
        let mark = self.comp_scope.len();
        let res = self.comp_iteration(gens, body, &info, item, span);
        self.comp_scope.truncate(mark);
        res?;
        self.finalize(stop, &[]);
        self.jump(exit, vec![]);
        Ok(())
    }

    fn comp_iteration(
        &mut self,
        gens: &[ast::Comprehension],
        body: &CompBody,
        info: &super::LoopInfo,
        item: FlowValue,
        span: Span,
    ) -> R<()> {
        let g = &gens[0];
        self.bind_comp_target(&g.target, item)?;
        for cond in &g.ifs {
            match self.cond(cond)? {
                Cond::Known(true) => {}
                Cond::Known(false) => {
                    self.goto_header(info);
                    return Ok(());
                }
                Cond::Var(c) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(c);
                    self.cur = Some(bf);
                    self.goto_header(info);
                    self.cur = Some(bt);
                    self.state = st;
                }
            }
        }
        if gens.len() > 1 {
            let inner_exit = self.new_join();
            self.comp_loop(&gens[1..], body, inner_exit, span)?;
            self.finalize(inner_exit, &[]);
        } else {
            match body {
                CompBody::List { append, elt } => {
                    let v = self.expr(elt)?;
                    self.emit(FlowOp::SimpleCall, vec![append.clone(), v], elt.span);
                }
                CompBody::Dict { dict, key, value } => {
                    let k = self.expr(key)?;
                    let v = self.expr(value)?;
                    self.emit(FlowOp::SetItem, vec![dict.clone(), k, v], key.span);
                }
            }
        }
        self.goto_header(info);
        Ok(())
    }

    fn bind_comp_target(&mut self, target: &Expr, v: FlowValue) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                if let Value::Var(x) = &v {
                    if self.g.vars[*x].hint.is_none() {
                        self.g.vars[*x].hint = Some(n.clone());
                    }
                }
                self.comp_scope.push((n.clone(), v));
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for (i, t) in items.iter().enumerate() {
                    let item = self.emit(FlowOp::GetItem, vec![v.clone(), cst(Const::Int(i as i64))], t.span);
                    self.bind_comp_target(t, item)?;
                }
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "expected a name or a tuple of names as comprehension target, found another expression",
            )),
        }
    }
}

fn is_builtin_module(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::OsModule | Builtin::TimeModule | Builtin::MathModule | Builtin::SysModule
    )
}
