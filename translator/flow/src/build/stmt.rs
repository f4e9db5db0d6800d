//! Statements: assignment forms, control flow (`if`, `while`, `for`,
//! `break`, `continue`, `return`), exceptions (`raise`, `try` with
//! handlers, `else` and `finally`), `assert`, `del`, and the module-level
//! statements (`def`, `class`, `import`). See build.rs for the conventions.

use super::expr::{binop_kind, inplace_kind};
use super::{Builder, Cond, Ctx, HandlerInfo, JoinId, LoopCont, Mode, Slot, R};
use crate::graph::Value;
use crate::host::{Builtin, HostId, HostObj};
use crate::model::{Const, FlowValue};
use crate::ops::FlowOp;
use rpy_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use rpy_syntax::{Diagnostic, Span};
use std::rc::Rc;

fn cst(c: Const) -> FlowValue {
    Value::Const(c)
}

impl<'p> Builder<'p> {
    /// Build statements until the end or until control cannot continue.
    pub(super) fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            if self.cur.is_none() {
                break;
            }
            if let Err(d) = self.stmt(s) {
                self.diags.push(d);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        let span = s.span;
        match &s.kind {
            StmtKind::Pass | StmtKind::Global(_) => {}
            StmtKind::Expr(e) => {
                let pure_literal = matches!(
                    e.kind,
                    ExprKind::Str(_)
                        | ExprKind::Int(_)
                        | ExprKind::Float(_)
                        | ExprKind::Bytes(_)
                        | ExprKind::Bool(_)
                        | ExprKind::NoneLit
                );
                if !pure_literal {
                    self.expr(e)?;
                }
            }
            StmtKind::Assign { targets, value } => self.assign_stmt(targets, value)?,
            StmtKind::AugAssign { target, op, value } => {
                self.augassign(target, *op, value, span)?
            }
            StmtKind::If { test, body, orelse } => match self.cond(test)? {
                Cond::Known(true) => self.stmts(body),
                Cond::Known(false) => self.stmts(orelse),
                Cond::Var(c) => {
                    let st = self.state.clone();
                    let (bf, bt) = self.switch_bool(c);
                    let after = self.new_join();
                    self.cur = Some(bt);
                    self.stmts(body);
                    self.jump(after, vec![]);
                    self.cur = Some(bf);
                    self.state = st;
                    self.stmts(orelse);
                    self.jump(after, vec![]);
                    self.finalize(after, &[]);
                }
            },
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse, span)?,
            StmtKind::Break => self.do_break(span)?,
            StmtKind::Continue => self.do_continue(span)?,
            StmtKind::Return(value) => {
                if !self.is_function() {
                    return Err(Diagnostic::new(
                        span,
                        "expected 'return' inside a function, found it at module or class level",
                    ));
                }
                let (v, vs) = match value {
                    Some(e) => {
                        let v = self.expr(e)?;
                        (v, self.value_span(e))
                    }
                    None => (cst(Const::None), span),
                };
                self.do_return(v, vs);
            }
            StmtKind::Raise { exc, cause: _ } => self.raise_stmt(exc.as_ref(), span)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Assert { test, msg } => {
                let fail = match self.cond(test)? {
                    Cond::Known(true) => return Ok(()),
                    Cond::Known(false) => None,
                    Cond::Var(c) => {
                        let st = self.state.clone();
                        let (bf, bt) = self.switch_bool(c);
                        Some((bf, bt, st))
                    }
                };
                let resume = fail.as_ref().map(|(_, bt, st)| (*bt, st.clone()));
                if let Some((bf, _, _)) = fail {
                    self.cur = Some(bf);
                }
                let mut args = vec![self.exc_class("AssertionError").into_value()];
                if let Some(m) = msg {
                    args.push(self.expr(m)?);
                }
                let inst = self.emit(FlowOp::SimpleCall, args, span);
                self.raise_inst(inst, span);
                if let Some((bt, st)) = resume {
                    self.cur = Some(bt);
                    self.state = st;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Print {
                dest,
                values,
                newline,
            } => {
                let fd = match dest {
                    None => 1,
                    Some(d) => print_dest_fd(d)?,
                };
                for v in values {
                    let x = self.expr(v)?;
                    let item = cst(Const::Builtin(Builtin::Py2PrintItem));
                    self.emit(
                        FlowOp::SimpleCall,
                        vec![item, cst(Const::Int(fd)), x],
                        v.span,
                    );
                }
                if *newline {
                    let nl = cst(Const::Builtin(Builtin::Py2PrintNewline));
                    self.emit(FlowOp::SimpleCall, vec![nl, cst(Const::Int(fd))], span);
                }
            }
            StmtKind::Import(aliases) => {
                self.no_import_in_function(span)?;
                for a in aliases {
                    let m = self.emit(FlowOp::ImportModule, vec![cst(Const::str(&a.name))], a.span);
                    match &a.asname {
                        Some(asname) => self.store_name(asname, m, a.span)?,
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                            let bound = if top != a.name {
                                self.emit(FlowOp::ImportModule, vec![cst(Const::str(&top))], a.span)
                            } else {
                                m
                            };
                            self.store_name(&top, bound, a.span)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.no_import_in_function(span)?;
                let name = format!(
                    "{}{}",
                    ".".repeat(*level as usize),
                    module.as_deref().unwrap_or("")
                );
                let m = self.emit(FlowOp::ImportModule, vec![cst(Const::str(&name))], span);
                for a in names {
                    if a.name == "*" {
                        self.emit(FlowOp::ImportStar, vec![m.clone()], a.span);
                        continue;
                    }
                    let v = self.emit(
                        FlowOp::GetAttr,
                        vec![m.clone(), cst(Const::str(&a.name))],
                        a.span,
                    );
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name), v, a.span)?;
                }
            }
            StmtKind::FunctionDef(def) => {
                if self.is_function() {
                    return Err(Diagnostic::new(def.span, "nested function definitions are not supported; define functions at module or class level"));
                }
                let decos = self.exprs(&def.decorators)?;
                let code = self.alloc_obj(HostObj::Code(Rc::new((**def).clone())));
                let mut args = vec![cst(Const::Host(code))];
                for p in &def.params {
                    if let Some(d) = &p.default {
                        args.push(self.expr(d)?);
                    }
                }
                let mut f = self.emit(FlowOp::MakeFunction, args, def.span);
                for d in decos.into_iter().rev() {
                    f = self.emit(FlowOp::SimpleCall, vec![d, f], def.span);
                }
                self.store_name(&def.name, f, def.span)?;
            }
            StmtKind::ClassDef(def) => {
                if self.is_function() {
                    return Err(Diagnostic::new(def.span, "class definitions inside a function are not supported; define classes at module level"));
                }
                let decos = self.exprs(&def.decorators)?;
                let code = self.alloc_obj(HostObj::ClassCode(Rc::new((**def).clone())));
                let mut args = vec![cst(Const::Host(code))];
                args.extend(self.exprs(&def.bases)?);
                let mut c = self.emit(FlowOp::MakeClass, args, def.span);
                for d in decos.into_iter().rev() {
                    c = self.emit(FlowOp::SimpleCall, vec![d, c], def.span);
                }
                self.store_name(&def.name, c, def.span)?;
            }
        }
        Ok(())
    }

    fn no_import_in_function(&self, span: Span) -> R<()> {
        if self.is_function() {
            Err(Diagnostic::new(
                span,
                "import inside a function is not supported; import at module level",
            ))
        } else {
            Ok(())
        }
    }

    // ---- assignment ------------------------------------------------------

    fn assign_stmt(&mut self, targets: &[Expr], value: &Expr) -> R<()> {
        // `a, b = b, a`: evaluate every item, then assign.
        if let [t] = targets {
            if let (
                ExprKind::Tuple(ts) | ExprKind::List(ts),
                ExprKind::Tuple(vs) | ExprKind::List(vs),
            ) = (&t.kind, &value.kind)
            {
                if ts.len() == vs.len() {
                    let vals = self.exprs(vs)?;
                    for (t, v) in ts.iter().zip(vals) {
                        self.assign(t, v)?;
                    }
                    return Ok(());
                }
            }
        }
        let v = self.expr(value)?;
        for t in targets {
            self.assign(t, v.clone())?;
        }
        Ok(())
    }

    pub(super) fn assign(&mut self, target: &Expr, v: FlowValue) -> R<()> {
        let span = target.span;
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n, v, span),
            ExprKind::Attribute { value, attr } => {
                let o = self.expr(value)?;
                self.emit(FlowOp::SetAttr, vec![o, cst(Const::str(attr)), v], span);
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                let o = self.expr(value)?;
                if let ExprKind::Slice { lower, upper, step } = &index.kind {
                    let mut args = vec![o];
                    args.extend(self.slice_bounds(lower, upper, step)?);
                    args.push(v);
                    self.emit(FlowOp::SetSlice, args, span);
                } else {
                    let i = self.expr(index)?;
                    self.emit(FlowOp::SetItem, vec![o, i, v], span);
                }
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for (i, t) in items.iter().enumerate() {
                    let item = match &v {
                        Value::Const(Const::Tuple(cs)) if cs.len() == items.len() => cst(cs[i].clone()),
                        _ => self.emit(FlowOp::GetItem, vec![v.clone(), cst(Const::Int(i as i64))], t.span),
                    };
                    self.assign(t, item)?;
                }
                Ok(())
            }
            _ => Err(Diagnostic::new(
                span,
                "expected a name, attribute, subscript or tuple as assignment target, found another expression",
            )),
        }
    }

    /// Bind a name: a local slot, or `store_global` at module/class level.
    pub(super) fn store_name(&mut self, n: &str, v: FlowValue, span: Span) -> R<()> {
        if !self.is_function() {
            self.emit(FlowOp::StoreGlobal, vec![cst(Const::str(n)), v], span);
            return Ok(());
        }
        match self.slot_of.get(n) {
            Some(&slot) => {
                if let Value::Var(x) = &v {
                    if self.g.vars[*x].hint.is_none() {
                        self.g.vars[*x].hint = Some(n.to_string());
                    }
                }
                self.state[slot] = Slot::Bound(v, span);
                Ok(())
            }
            None => Err(Diagnostic::new(
                span,
                format!("module globals are constants at run time; cannot rebind '{n}'"),
            )),
        }
    }

    fn augassign(&mut self, target: &Expr, op: ast::BinOp, value: &Expr, span: Span) -> R<()> {
        let kind = inplace_kind(op);
        let _ = binop_kind;
        match &target.kind {
            ExprKind::Name(n) => {
                if self.is_function() && !self.slot_of.contains_key(n.as_str()) {
                    return Err(Diagnostic::new(span, format!("module globals are constants at run time; cannot rebind '{n}'")));
                }
                let cur = self.load_name(n, target.span)?;
                let v = self.expr(value)?;
                let r = self.emit(kind, vec![cur, v], span);
                self.store_name(n, r, span)
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.expr(obj)?;
                let name = cst(Const::str(attr));
                let cur = self.emit(FlowOp::GetAttr, vec![o.clone(), name.clone()], target.span);
                let v = self.expr(value)?;
                let r = self.emit(kind, vec![cur, v], span);
                self.emit(FlowOp::SetAttr, vec![o, name, r], span);
                Ok(())
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.expr(obj)?;
                if let ExprKind::Slice { lower, upper, step } = &index.kind {
                    let bounds = self.slice_bounds(lower, upper, step)?;
                    let mut args = vec![o.clone()];
                    args.extend(bounds.iter().cloned());
                    let cur = self.emit(FlowOp::GetSlice, args.clone(), target.span);
                    let v = self.expr(value)?;
                    let r = self.emit(kind, vec![cur, v], span);
                    args.push(r);
                    self.emit(FlowOp::SetSlice, args, span);
                } else {
                    let i = self.expr(index)?;
                    let cur = self.emit(FlowOp::GetItem, vec![o.clone(), i.clone()], target.span);
                    let v = self.expr(value)?;
                    let r = self.emit(kind, vec![cur, v], span);
                    self.emit(FlowOp::SetItem, vec![o, i, r], span);
                }
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "expected a name, attribute or subscript as augmented assignment target, found another expression",
            )),
        }
    }

    fn delete(&mut self, t: &Expr) -> R<()> {
        let span = t.span;
        match &t.kind {
            ExprKind::Subscript { value, index } => {
                let o = self.expr(value)?;
                if let ExprKind::Slice { lower, upper, step } = &index.kind {
                    let mut args = vec![o];
                    args.extend(self.slice_bounds(lower, upper, step)?);
                    self.emit(FlowOp::DelSlice, args, span);
                } else {
                    let i = self.expr(index)?;
                    self.emit(FlowOp::DelItem, vec![o, i], span);
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let o = self.expr(value)?;
                self.emit(FlowOp::DelAttr, vec![o, cst(Const::str(attr))], span);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
                Ok(())
            }
            ExprKind::Name(n) if !self.is_function() => {
                self.emit(FlowOp::DeleteGlobal, vec![cst(Const::str(n))], span);
                Ok(())
            }
            ExprKind::Name(n) => Err(Diagnostic::new(
                span,
                format!("expected an item, slice or attribute to delete, found the variable '{n}' (deleting local variables is not supported; `del` of a module or class-level name is)"),
            )),
            _ => Err(Diagnostic::new(span, "expected an item, slice or attribute to delete, found another expression")),
        }
    }

    // ---- loops -------------------------------------------------------------

    fn while_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> R<()> {
        let brk = self.new_join();
        // As in RPython's flow space, whose frame states keep constants: a
        // test that locals bound to constants decide true on entry
        // (`i = 2; n = 3; while i < n:`) means the loop runs at least
        // once, so when its body binds a local that is unbound before it,
        // its first iteration is built on its own and that local is bound
        // after the loop.
        if self.is_function()
            && self.fold_test_on_entry(test) == Some(true)
            && self.binds_unbound(body)
        {
            let next = self.new_join();
            self.ctx.push(Ctx::Loop {
                cont: LoopCont::Join(next),
                brk,
            });
            self.stmts(body);
            self.ctx.pop();
            self.jump(next, vec![]);
            self.finalize(next, &[]);
        }
        if self.cur.is_some() {
            self.while_loop(test, body, orelse, brk)?;
        }
        self.finalize(brk, &[]);
        Ok(())
    }

    /// Does `body` assign a local that is not bound now?
    fn binds_unbound(&self, body: &[Stmt]) -> bool {
        let (assigned, _) = super::scan::assigned_names(&[], body);
        assigned.iter().any(|n| {
            self.slot_of
                .get(n.as_str())
                .is_some_and(|&i| !matches!(self.state[i], Slot::Bound(..)))
        })
    }

    /// The loop of a `while`; `break` goes to `brk`, which the caller
    /// finalizes.
    fn while_loop(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt], brk: JoinId) -> R<()> {
        let info = self.enter_loop();
        let exit = self.new_join();
        match self.cond(test)? {
            Cond::Known(false) => self.jump(exit, vec![]),
            Cond::Known(true) => {}
            Cond::Var(c) => {
                let st = self.state.clone();
                let (bf, bt) = self.switch_bool(c);
                self.cur = Some(bf);
                self.jump(exit, vec![]);
                self.cur = Some(bt);
                self.state = st;
            }
        }
        if self.cur.is_some() {
            self.ctx.push(Ctx::Loop {
                cont: LoopCont::Header(info.clone()),
                brk,
            });
            self.stmts(body);
            self.ctx.pop();
            self.goto_header(&info);
        }
        if self.finalize(exit, &[]).is_some() {
            self.stmts(orelse);
            self.jump(brk, vec![]);
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) -> R<()> {
        let seq = self.expr(iter)?;
        if let Value::Const(Const::Host(h)) = &seq {
            if let Some(items) = crate::rlib::unrolling_items(self.prog, *h) {
                return self.unrolled_for(target, &items, body, orelse);
            }
        }
        let it = self.emit(FlowOp::Iter, vec![seq], iter.span);
        let info = self.enter_loop();
        let brk = self.new_join();
        let stop = self.new_join();
        let item = self.emit_next(it, span, stop);
        self.ctx.push(Ctx::Loop {
            cont: LoopCont::Header(info.clone()),
            brk,
        });
        let res = self.assign(target, item);
        if res.is_ok() {
            self.stmts(body);
        }
        self.ctx.pop();
        res?;
        self.goto_header(&info);
        if self.finalize(stop, &[]).is_some() {
            self.stmts(orelse);
            self.jump(brk, vec![]);
        }
        self.finalize(brk, &[]);
        Ok(())
    }

    /// `for x in <unrolling_iterable>`: one copy of the body per item, with
    /// `x` the item as a constant (RPython's `rlib.unroll`); `continue`
    /// goes to the next copy, `break` past the `else`.
    fn unrolled_for(
        &mut self,
        target: &Expr,
        items: &[Const],
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> R<()> {
        let brk = self.new_join();
        for item in items {
            if self.cur.is_none() {
                break;
            }
            let next = self.new_join();
            self.ctx.push(Ctx::Loop {
                cont: LoopCont::Join(next),
                brk,
            });
            let res = self.assign(target, cst(item.clone()));
            if res.is_ok() {
                self.stmts(body);
            }
            self.ctx.pop();
            res?;
            self.jump(next, vec![]);
            self.finalize(next, &[]);
        }
        if self.cur.is_some() {
            self.stmts(orelse);
            self.jump(brk, vec![]);
        }
        self.finalize(brk, &[]);
        Ok(())
    }

    pub(super) fn do_break(&mut self, span: Span) -> R<()> {
        for c in self.ctx.iter().rev() {
            match c {
                Ctx::Finally { brk, .. } => {
                    let j = *brk;
                    self.jump(j, vec![]);
                    return Ok(());
                }
                Ctx::Loop { brk, .. } => {
                    let j = *brk;
                    self.jump(j, vec![]);
                    return Ok(());
                }
                Ctx::TryExcept { .. } => {}
            }
        }
        Err(Diagnostic::new(
            span,
            "expected 'break' inside a loop, found it outside any loop",
        ))
    }

    pub(super) fn do_continue(&mut self, span: Span) -> R<()> {
        for c in self.ctx.iter().rev() {
            match c {
                Ctx::Finally { cont, .. } => {
                    let j = *cont;
                    self.jump(j, vec![]);
                    return Ok(());
                }
                Ctx::Loop {
                    cont: LoopCont::Header(info),
                    ..
                } => {
                    let info = info.clone();
                    self.goto_header(&info);
                    return Ok(());
                }
                Ctx::Loop {
                    cont: LoopCont::Join(next),
                    ..
                } => {
                    let j = *next;
                    self.jump(j, vec![]);
                    return Ok(());
                }
                Ctx::TryExcept { .. } => {}
            }
        }
        Err(Diagnostic::new(
            span,
            "expected 'continue' inside a loop, found it outside any loop",
        ))
    }

    /// Return `v`, assigned at `vs` (a local's last assignment, else the
    /// returned expression).
    pub(super) fn do_return(&mut self, v: FlowValue, vs: Span) {
        for c in self.ctx.iter().rev() {
            if let Ctx::Finally { ret, .. } = c {
                let j = *ret;
                self.jump_spanned(j, vec![v], vec![vs]);
                return;
            }
        }
        if let Some(b) = self.cur.take() {
            let ret = self.g.returnblock;
            self.g.blocks[b]
                .exits
                .push(super::spanned_link(vec![v], vec![vs], ret));
        }
    }

    // ---- exceptions --------------------------------------------------------

    fn raise_stmt(&mut self, exc: Option<&Expr>, span: Span) -> R<()> {
        match exc {
            None => match self.caught.last().cloned() {
                Some((t, v)) => {
                    self.raise_pair(t, v);
                    Ok(())
                }
                None => Err(Diagnostic::new(
                    span,
                    "expected an exception to raise, found a bare 'raise' outside an except clause",
                )),
            },
            Some(e) => {
                let v = self.expr(e)?;
                let inst = match &v {
                    Value::Const(Const::Host(h))
                        if matches!(self.prog.objs.get(*h), Some(HostObj::Class(_))) =>
                    {
                        self.emit(FlowOp::SimpleCall, vec![v], span)
                    }
                    _ => v,
                };
                self.raise_inst(inst, span);
                Ok(())
            }
        }
    }

    /// Raise an instance: `t = type(inst)`, then to the handlers.
    fn raise_inst(&mut self, inst: FlowValue, span: Span) {
        if self.cur.is_none() {
            return;
        }
        let t = self.emit(FlowOp::Type, vec![inst.clone()], span);
        self.raise_pair(t, inst);
    }

    /// Send an exception pair to the innermost handler dispatch, finally,
    /// or the except block.
    pub(super) fn raise_pair(&mut self, t: FlowValue, v: FlowValue) {
        for c in self.ctx.iter().rev() {
            match c {
                Ctx::Loop { .. } => {}
                Ctx::TryExcept { dispatch, .. } => {
                    let j = *dispatch;
                    self.jump(j, vec![t, v]);
                    return;
                }
                Ctx::Finally { exc, .. } => {
                    let j = *exc;
                    self.jump(j, vec![t, v]);
                    return;
                }
            }
        }
        if let Some(b) = self.cur.take() {
            let eb = self.g.exceptblock;
            self.g.blocks[b]
                .exits
                .push(super::spanned_link(vec![t, v], vec![Span::NONE; 2], eb));
        }
    }

    /// The classes an `except` clause names, resolved at build time.
    fn handler_classes(&self, h: &ast::ExceptHandler) -> R<Vec<HostId>> {
        let typ = match &h.typ {
            None => return Ok(vec![self.prog.exc_class("BaseException")]),
            Some(t) => t,
        };
        let items: Vec<&Expr> = match &typ.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![typ],
        };
        let mut out = Vec::new();
        for e in items {
            let c = self.const_expr(e);
            match c {
                Some(Const::Host(h)) if matches!(self.prog.objs[h], HostObj::Class(_)) => out.push(h),
                _ => {
                    return Err(Diagnostic::new(
                        e.span,
                        "expected an exception class known at translation time in 'except', found another expression",
                    ))
                }
            }
        }
        Ok(out)
    }

    /// A name or `module.name` that denotes a build-time constant.
    fn const_expr(&self, e: &Expr) -> Option<Const> {
        match &e.kind {
            ExprKind::Name(n) => {
                if self.slot_of.contains_key(n.as_str())
                    || self.comp_scope.iter().any(|(c, _)| c == n)
                {
                    return None;
                }
                self.global_const(n)
            }
            ExprKind::Attribute { value, attr } => match self.const_expr(value)? {
                Const::Host(h) => match &self.prog.objs[h] {
                    HostObj::Module(m) => m.global(attr).cloned(),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> R<()> {
        let has_finally = !finalbody.is_empty();
        if has_finally {
            let (exc, ret, brk, cont) = (
                self.new_join(),
                self.new_join(),
                self.new_join(),
                self.new_join(),
            );
            self.ctx.push(Ctx::Finally {
                exc,
                ret,
                brk,
                cont,
            });
        }
        let after = self.new_join();
        let mut infos = Vec::new();
        let mut dispatch = None;
        if !handlers.is_empty() {
            for h in handlers {
                let classes = if self.is_function() {
                    match self.handler_classes(h) {
                        Ok(c) => c,
                        Err(d) => {
                            self.diags.push(d);
                            Vec::new()
                        }
                    }
                } else {
                    Vec::new()
                };
                let join = self.new_join();
                infos.push(HandlerInfo { classes, join });
            }
            let d = self.new_join();
            dispatch = Some(d);
            self.ctx.push(Ctx::TryExcept {
                handlers: infos,
                dispatch: d,
            });
        }
        self.stmts(body);
        let infos = if dispatch.is_some() {
            match self.ctx.pop() {
                Some(Ctx::TryExcept { handlers, .. }) => handlers,
                _ => unreachable!("try context stack out of order"),
            }
        } else {
            Vec::new()
        };
        self.stmts(orelse);
        self.jump(after, vec![]);
        if let Some(d) = dispatch {
            self.dispatch(d, handlers, &infos)?;
        }
        for (h, info) in handlers.iter().zip(&infos) {
            if let Some(extra) = self.finalize(info.join, &["etype", "evalue"]) {
                let (t, v) = (extra[0].clone(), extra[1].clone());
                if let Some(n) = &h.name {
                    self.store_name(n, v.clone(), h.span)?;
                }
                self.caught.push((t, v));
                self.stmts(&h.body);
                self.caught.pop();
                self.jump(after, vec![]);
            }
        }
        if has_finally {
            let (exc, ret, brk, cont) = match self.ctx.pop() {
                Some(Ctx::Finally {
                    exc,
                    ret,
                    brk,
                    cont,
                }) => (exc, ret, brk, cont),
                _ => unreachable!("finally context stack out of order"),
            };
            let fspan = finalbody[0].span;
            if let Some(extra) = self.finalize(exc, &["etype", "evalue"]) {
                self.stmts(finalbody);
                if self.cur.is_some() {
                    self.raise_pair(extra[0].clone(), extra[1].clone());
                }
            }
            if let Some((extra, spans)) = self.finalize_spanned(ret, &["result"]) {
                self.stmts(finalbody);
                if self.cur.is_some() {
                    self.do_return(extra[0].clone(), spans[0]);
                }
            }
            if self.finalize(brk, &[]).is_some() {
                self.stmts(finalbody);
                if self.cur.is_some() {
                    self.do_break(fspan)?;
                }
            }
            if self.finalize(cont, &[]).is_some() {
                self.stmts(finalbody);
                if self.cur.is_some() {
                    self.do_continue(fspan)?;
                }
            }
            if self.finalize(after, &[]).is_some() {
                self.stmts(finalbody);
            }
        } else {
            self.finalize(after, &[]);
        }
        Ok(())
    }

    /// The block explicit `raise`s inside a try body go to: test the
    /// handler classes in order with `exc_match`, else raise further out.
    fn dispatch(
        &mut self,
        d: JoinId,
        handlers: &[ast::ExceptHandler],
        infos: &[HandlerInfo],
    ) -> R<()> {
        let Some(extra) = self.finalize(d, &["etype", "evalue"]) else {
            return Ok(());
        };
        let (t, v) = (extra[0].clone(), extra[1].clone());
        for (h, info) in handlers.iter().zip(infos) {
            let tests: Vec<FlowValue> = match self.mode {
                Mode::Function { .. } => {
                    info.classes.iter().map(|&c| cst(Const::Host(c))).collect()
                }
                _ => match &h.typ {
                    None => {
                        self.jump(info.join, vec![t.clone(), v.clone()]);
                        return Ok(());
                    }
                    Some(e) => vec![self.expr(e)?],
                },
            };
            for c in tests {
                if c == cst(self.exc_class("BaseException")) {
                    self.jump(info.join, vec![t.clone(), v.clone()]);
                    return Ok(());
                }
                let m = self.emit(FlowOp::ExcMatch, vec![t.clone(), c], h.span);
                let Value::Var(m) = m else { unreachable!() };
                let st = self.state.clone();
                let (bf, bt) = self.switch_bool(m);
                self.cur = Some(bt);
                self.jump(info.join, vec![t.clone(), v.clone()]);
                self.cur = Some(bf);
                self.state = st;
            }
        }
        self.raise_pair(t, v);
        Ok(())
    }
}

trait IntoValue {
    fn into_value(self) -> FlowValue;
}

impl IntoValue for Const {
    fn into_value(self) -> FlowValue {
        Value::Const(self)
    }
}

/// The file descriptor of `print >>dest, ...`: `sys.stdout` or `sys.stderr`.
fn print_dest_fd(dest: &ast::Expr) -> Result<i64, Diagnostic> {
    if let ExprKind::Attribute { value, attr } = &dest.kind {
        if matches!(&value.kind, ExprKind::Name(m) if m == "sys") {
            match attr.as_str() {
                "stdout" => return Ok(1),
                "stderr" => return Ok(2),
                _ => {}
            }
        }
    }
    Err(Diagnostic::new(
        dest.span,
        "`print >>f, ...` is supported for f = sys.stdout or sys.stderr only; use os.write(fd, ...) for other files",
    ))
}
