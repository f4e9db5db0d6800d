//! Lowering of exception arguments (see `rpy_annotator::rules_exc`): the
//! message computed at construction and at `BaseException.__init__`
//! (`""`, `str(arg)`, or the repr of the argument tuple), the `args` tuple
//! (only for classes whose `args` is read), and `repr(e)`.

use crate::emit::{c_signed, Emit, LlValue};
use crate::fnbuild::{FnBuilder, OpSink, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::classdef;
use rpy_annotator::rules_class::stringable;
use rpy_annotator::rules_exc::reprable;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Flow, HostId, Op};
use rpy_syntax::Diagnostic;

const STR: LowType = LowType::Ptr(TypeTable::STR);

impl<'a, 'p> RTyper<'a, 'p> {
    /// Give exception `inst` (of class `c`) the arguments
    /// `op.args[first..first + n]`: its message and, if `args` is read
    /// anywhere in its family, its `args`. `fresh`: a new instance (the
    /// message is already null); else `BaseException.__init__`, which
    /// resets the message even without arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn exc_set_args(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        inst: LlValue,
        c: HostId,
        first: usize,
        n: usize,
        fresh: bool,
    ) -> Result<(), Diagnostic> {
        let prog = self.prog;
        let err = |m: String| Diagnostic::new(op.span, m);
        let items: Vec<S> = anns[first..first + n].to_vec();
        let msg = match items.as_slice() {
            [] => Some(Value::Const(LlConst::Null(TypeTable::STR))),
            [a] if stringable(a) => {
                // KeyError's str() is the repr of its argument, as in CPython.
                let repr = classdef::is_subclass(prog, c, prog.exc_class("KeyError"));
                let m = self.arg(e, op, anns, first)?;
                Some(self.str_of(e, m, a, repr).map_err(err)?)
            }
            _ if n > 1 && items.iter().all(reprable) => {
                let mut vals = Vec::new();
                for i in 0..n {
                    vals.push(self.arg(e, op, anns, first + i)?);
                }
                let t = S::Tuple(items.clone());
                let tup = self.exc_tuple(e, vals, &t);
                Some(self.emit_repr(e, tup, &t))
            }
            // A user __init__ gets arguments that have no str (instances):
            // the message stays empty unless it calls BaseException.__init__.
            _ => None,
        };
        match msg {
            Some(m) if fresh && n == 0 => drop(m),
            Some(m) => e.setfield(inst.clone(), "message", m),
            None => {}
        }
        let keep = !fresh || rpy_annotator::rules_exc::ctor_args_survive(prog, c);
        let args = match self.attr_ann(c, "args") {
            Some((_, a @ S::Tuple(_))) if keep => Some(a),
            _ => None,
        };
        if let Some(a) = args {
            let S::Tuple(want) = &a else { unreachable!() };
            if want.len() != n {
                return Err(err(format!(
                    "internal: args of {} has {} items, {} given",
                    prog.class(c).name,
                    want.len(),
                    n
                )));
            }
            let mut vals = Vec::new();
            for (i, w) in want.iter().enumerate() {
                vals.push(self.arg_as(e, op, anns, first + i, w)?);
            }
            let tup = self.exc_tuple(e, vals, &a);
            e.setfield(inst, "inst_args", tup);
        }
        Ok(())
    }

    /// A tuple of annotation `ann` from its item values (Void items, such
    /// as None, have no field to store).
    fn exc_tuple(&mut self, e: &mut Emit, vals: Vec<LlValue>, ann: &S) -> LlValue {
        let LowType::Ptr(t) = self.lowtype(ann) else {
            unreachable!("a tuple is a pointer")
        };
        let tup = e.malloc(t);
        let S::Tuple(items) = ann else {
            unreachable!("a tuple annotation")
        };
        for (i, (v, it)) in vals.into_iter().zip(items).enumerate() {
            if self.lowtype(it) != LowType::Void {
                e.setfield(tup.clone(), &format!("f{i}"), v);
            }
        }
        tup
    }

    /// `repr(e)` for an exception instance of static class `c`:
    /// `Name(arg, ...)` from its `args` (or from its message where no
    /// `args` was kept: `Name('message')`).
    pub fn exc_repr(&mut self, e: &mut Emit, x: LlValue, c: HostId) -> Result<LlValue, String> {
        let name = self.class_name_of(e, x.clone(), c)?;
        let args = self.attr_ann(c, "args").map(|(_, a)| a);
        let key = match &args {
            Some(a) => format!("exc_repr_{}_{}", c.as_u32(), self.ann_key(a)),
            None => format!("exc_repr_{}", c.as_u32()),
        };
        let pt = self.lowtype(&S::Instance {
            class: c,
            nullable: false,
        });
        let h = self.add_helper(key, |rt| {
            let (lp, rp, sep) = (rt.str_const("("), rt.str_const(")"), rt.str_const(", "));
            let (mut f, p) = FnBuilder::new("ll_exc_repr", &[pt, STR], STR);
            let head = f.call_extern("rpy_str_concat", vec![f.get(p[1]), lp], STR);
            let acc = f.local(STR, head);
            let (p0, p1) = (p[0], p[1]);
            let rp2 = rp.clone();
            let from_message = move |f: &mut FnBuilder| {
                let m = f.getfield(f.get(p0), "message", STR);
                let isnull = f.emit(O::PtrIsNull, vec![m], LowType::Bool);
                f.if_(isnull, |f| {
                    let s = f.call_extern("rpy_str_concat", vec![f.get(acc), rp2.clone()], STR);
                    f.ret(s);
                });
                let m = f.getfield(f.get(p0), "message", STR);
                let r = f.call_extern("rpy_str_repr", vec![m], STR);
                let s = f.call_extern("rpy_str_concat", vec![f.get(acc), r], STR);
                let s = f.call_extern("rpy_str_concat", vec![s, rp2.clone()], STR);
                f.ret(s);
            };
            let _ = p1;
            match &args {
                Some(a @ S::Tuple(items)) => {
                    let at = rt.lowtype(a);
                    let t = f.getfield(f.get(p0), "inst_args", at);
                    let isnull = f.emit(O::PtrIsNull, vec![t], LowType::Bool);
                    f.if_else(
                        isnull,
                        |f| from_message(f),
                        |f| {
                            for (i, it) in items.iter().enumerate() {
                                let lt = rt.lowtype(it);
                                let t = f.getfield(f.get(p0), "inst_args", at);
                                let x = f.getfield(t, &format!("f{i}"), lt);
                                let s = rt.emit_repr(f, x, it);
                                let mut cur = f.get(acc);
                                if i > 0 {
                                    cur = f.call_extern(
                                        "rpy_str_concat",
                                        vec![cur, sep.clone()],
                                        STR,
                                    );
                                }
                                let cur = f.call_extern("rpy_str_concat", vec![cur, s], STR);
                                f.set(acc, cur);
                            }
                            let s =
                                f.call_extern("rpy_str_concat", vec![f.get(acc), rp.clone()], STR);
                            f.ret(s);
                        },
                    );
                }
                _ => from_message(&mut f),
            }
            f.finish()
        });
        Ok(e.call_func(h, vec![x, name], STR))
    }

    /// The class name of instance `x` of static class `c`: a constant, or
    /// a table of names indexed by type id.
    fn class_name_of(&mut self, e: &mut Emit, x: LlValue, c: HostId) -> Result<LlValue, String> {
        let (lo, hi) = self.reprs.class_ranges[&c];
        if lo == hi {
            return Ok(self.str_const(&self.prog.class(c).name.clone()));
        }
        self.family_table(e, x, c, "class name".into(), STR, |rt| {
            let mut items = Vec::new();
            for t in lo..=hi {
                let k = rt.class_state.class_of_type[&t];
                let name = rt.prog.class(k).name.clone();
                match rt.str_const(&name) {
                    Value::Const(k) => items.push(k),
                    Value::Var(_) => return Err("a class name must be a constant".into()),
                }
            }
            Ok(items)
        })
    }
}

/// Is there a builtin exception class (whose instances the runtime or a
/// helper graph may make with just a message) in the family of `c`?
fn has_builtin(rt: &RTyper, c: HostId) -> bool {
    let (lo, hi) = rt.reprs.class_ranges[&c];
    (lo..=hi).any(|t| rt.prog.class(rt.class_state.class_of_type[&t]).builtin)
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// `e.args` on a family with builtin classes (`lower_exc_op`).
    pub fn lower_exc_op(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<Result<LlValue, Diagnostic>> {
        let (rpy_flow::FlowOp::GetAttr, Some(S::Instance { class, .. })) = (op.kind, anns.first())
        else {
            return None;
        };
        let c = *class;
        if op
            .args
            .get(1)
            .and_then(Value::as_const)
            .and_then(rpy_flow::Const::as_str)
            != Some("args")
            || !has_builtin(self, c)
        {
            return None;
        }
        let (_, a) = self.attr_ann(c, "args")?;
        Some((|| {
            let obj = self.arg(e, op, anns, 0)?;
            let obj = self.receiver_not_none(e, obj, &anns[0], "args");
            let v = self.exc_args_read(e, obj, c, &a);
            Ok(self.convert(e, v, &a, res))
        })())
    }

    /// `ll_exc_args(inst)`: the `args` tuple, or `(message,)` for an
    /// instance made with just a message (null `args`). Another shape
    /// cannot be made from a message: the program stops with a clear error.
    fn exc_args_read(&mut self, e: &mut Emit, obj: LlValue, c: HostId, a: &S) -> LlValue {
        let at = self.lowtype(a);
        let LowType::Ptr(tt) = at else {
            unreachable!("a tuple is a pointer")
        };
        let pt = self.lowtype(&S::Instance {
            class: c,
            nullable: false,
        });
        let one_str = matches!(a, S::Tuple(items) if matches!(items.as_slice(), [S::Str { .. }]));
        let cname = self.prog.class(c).name.clone();
        let key = format!("exc_args_{}_{}", c.as_u32(), self.ann_key(a));
        let h = self.add_helper(key, |rt| {
            let text = rt.str_const(&format!(
                "e.args of a {cname} raised by the runtime (with just a message) cannot have the shape {} that this program gives {cname}'s args",
                a.describe()
            ));
            // Runtime-made instances whose CPython args is not (message,).
            let mut unsupported = Vec::new();
            for n in ["MemoryError", "OSError", "UnicodeDecodeError", "UnicodeEncodeError"] {
                let k = rt.prog.exc_class(n);
                let (klo, khi) = rt.reprs.class_ranges[&k];
                let (lo, hi) = rt.reprs.class_ranges[&c];
                if klo >= lo && khi <= hi {
                    let why = rt.str_const(&format!(
                        "e.args of a {n} raised by the runtime is not supported (CPython's is not (message,)); use str(e)"
                    ));
                    unsupported.push((klo, khi, why));
                }
            }
            let (mut f, p) = FnBuilder::new("ll_exc_args", &[pt], at);
            let t = f.getfield(f.get(p[0]), "inst_args", at);
            let isnull = f.emit(O::PtrIsNull, vec![t], LowType::Bool);
            f.if_(isnull, |f| {
                for (klo, khi, why) in unsupported {
                    let tid = f.emit(O::GetTypeId, vec![f.get(p[0])], LowType::Signed);
                    let ge = f.cmp(O::IntGe, tid.clone(), c_signed(klo as i64));
                    let le = f.cmp(O::IntLe, tid, c_signed(khi as i64));
                    let inside = f.and(ge, le);
                    f.if_(inside, |f| {
                        f.call_extern("rpy_fatal_exc_args", vec![why], LowType::Void);
                    });
                }
                if one_str {
                    let m = f.getfield(f.get(p[0]), "message", STR);
                    let mnull = f.emit(O::PtrIsNull, vec![m], LowType::Bool);
                    f.if_(mnull, |f| {
                        f.call_extern("rpy_fatal_exc_args", vec![text.clone()], LowType::Void);
                    });
                    let m = f.getfield(f.get(p[0]), "message", STR);
                    let tup = f.malloc(tt);
                    f.setfield(tup.clone(), "f0", m);
                    f.ret(tup);
                } else {
                    f.call_extern("rpy_fatal_exc_args", vec![text.clone()], LowType::Void);
                }
            });
            let t = f.getfield(f.get(p[0]), "inst_args", at);
            f.ret(t);
            f.finish()
        });
        e.call_func(h, vec![obj], at)
    }

    /// The helper that raises KeyError for a missing dict key `key` (of
    /// annotation `k`) when the program reads KeyError's `args`: the
    /// instance gets `args = (key,)` and the message `repr(key)`. `None`
    /// when `args` is never read (the plain raise costs nothing more).
    pub fn helper_raise_key_error(&mut self, k: &S) -> Option<u32> {
        let ke = self.prog.exc_class("KeyError");
        let (_, a) = self.attr_ann(ke, "args")?;
        let S::Tuple(items) = &a else { return None };
        if !matches!(items.as_slice(), [S::Str { .. }]) || self.lowtype(k) != STR {
            return None;
        }
        let LowType::Ptr(tt) = self.lowtype(&a) else {
            return None;
        };
        let t = self.exc_type("KeyError");
        let repr = self.helper_repr_of(k, true);
        Some(
            self.add_helper(format!("raise_key_error_{}", self.ann_key(&a)), |_rt| {
                let (mut f, p) = FnBuilder::new("ll_raise_key_error", &[STR], LowType::Void);
                let inst = f.malloc(t);
                let msg = f.call(repr, vec![f.get(p[0])], STR);
                f.setfield(inst.clone(), "message", msg);
                let tup = f.malloc(tt);
                f.setfield(tup.clone(), "f0", f.get(p[0]));
                f.setfield(inst.clone(), "inst_args", tup);
                f.emit(
                    O::Raise,
                    vec![c_signed(t.as_u32() as i64), inst],
                    LowType::Void,
                );
                f.ret(Value::Const(LlConst::Void));
                f.finish()
            }),
        )
    }
}
