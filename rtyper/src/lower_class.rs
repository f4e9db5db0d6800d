//! Lowering of class and instance operations: instantiation (malloc,
//! defaults, message, `__init__`), attribute reads and writes, method
//! calls (direct, or through a per-family table of function addresses
//! indexed by `typeid - family_min`), `isinstance` (a type-id range check),
//! identity comparisons, `str()` of exceptions, and calls through
//! variables holding one of several functions (`indirect_call`).

use crate::emit::{c_signed, Emit, LlValue};
use crate::fnbuild::{FnBuilder, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, Prebuilt, TypeTable};
use crate::lower_call::call_shape;
use crate::rclass::{class_default, field_name};
use crate::rtype::RTyper;
use rpy_annotator::classdef;
use rpy_annotator::rules_class::{is_exception_class, method_impls};
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, HostId, HostObj, Op};
use rpy_syntax::Diagnostic;

const STR: LowType = LowType::Ptr(TypeTable::STR);

type R = Result<LlValue, Diagnostic>;

impl<'a, 'p> RTyper<'a, 'p> {
    /// Lower `op` if it is a class/instance operation.
    pub fn lower_class_op(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<R> {
        let _ = gid;
        let name = || {
            op.args
                .get(1)
                .and_then(Value::as_const)
                .and_then(Const::as_str)
                .unwrap_or("?")
                .to_string()
        };
        Some(match (op.kind, anns.first()?) {
            (FlowOp::GetAttr, S::Instance { class, .. }) => {
                self.lower_getattr_inst(e, op, anns, *class, &name(), res)
            }
            (FlowOp::GetAttr, S::Class(_)) => {
                // Class-level constants and functions (annotated constant).
                let lt = self.lowtype(res);
                Ok(match lt {
                    LowType::Void => Value::Const(LlConst::Void),
                    _ => {
                        let S::Class(c) = &anns[0] else {
                            unreachable!()
                        };
                        match classdef::lookup(self.prog, *c, &name()) {
                            Some((_, v)) => match self.const_value(&v, res) {
                                Ok(x) => x,
                                Err(m) => return Some(Err(Diagnostic::new(op.span, m))),
                            },
                            None => {
                                return Some(Err(Diagnostic::new(
                                    op.span,
                                    "unknown class attribute",
                                )))
                            }
                        }
                    }
                })
            }
            (FlowOp::SetAttr, S::Instance { class, .. }) => {
                let c = *class;
                let n = name();
                let Some((_, a)) = self.attr_ann(c, &n) else {
                    return Some(Err(Diagnostic::new(op.span, format!("no attribute '{n}'"))));
                };
                let obj = match self.arg(e, op, anns, 0) {
                    Ok(v) => v,
                    Err(d) => return Some(Err(d)),
                };
                let obj = self.receiver_not_none(e, obj, &anns[0], &n);
                let v = match self.arg_as(e, op, anns, 2, &a) {
                    Ok(v) => v,
                    Err(d) => return Some(Err(d)),
                };
                Ok(e.op(
                    O::SetField,
                    vec![obj, Value::Const(LlConst::Field(field_name(&n))), v],
                    LowType::Void,
                ))
            }
            (FlowOp::SimpleCall | FlowOp::CallKw, S::Class(c)) => {
                self.lower_instantiate(e, op, anns, *c)
            }
            (FlowOp::SimpleCall | FlowOp::CallKw, S::Method { class, name }) => {
                let (c, n) = (*class, name.clone());
                self.lower_method_call(e, op, anns, c, &n, res)
            }
            (FlowOp::SimpleCall | FlowOp::CallKw, S::ExcInit) => {
                let shape = call_shape(op);
                let r = (|| {
                    let inst = self.arg(e, op, anns, shape.first)?;
                    let S::Instance { class, .. } = &anns[shape.first] else {
                        return Err(Diagnostic::new(
                            op.span,
                            "BaseException.__init__ needs an instance",
                        ));
                    };
                    let c = *class;
                    let n = shape.npos - 1;
                    self.exc_set_args(e, op, anns, inst, c, shape.first + 1, n, false)?;
                    Ok(Value::Const(LlConst::Void))
                })();
                r
            }
            (FlowOp::SimpleCall, S::Builtin(Builtin::IsInstance)) => {
                self.lower_isinstance(e, op, anns)
            }
            (FlowOp::SimpleCall | FlowOp::CallKw, S::Functions(fs)) if fs.len() > 1 => {
                let fs = fs.clone();
                self.lower_indirect_function_call(e, op, anns, &fs, res)
            }
            (FlowOp::Eq | FlowOp::Ne, S::Instance { .. })
                if matches!(anns.get(1), Some(S::Instance { .. })) =>
            {
                let r = (|| {
                    let x = self.arg(e, op, anns, 0)?;
                    let y = self.arg(e, op, anns, 1)?;
                    let k = if op.kind == FlowOp::Eq {
                        O::PtrEq
                    } else {
                        O::PtrNe
                    };
                    Ok(e.op(k, vec![x, y], LowType::Bool))
                })();
                r
            }
            (FlowOp::Repr, S::Instance { class, .. }) => {
                let c = *class;
                let r = (|| {
                    let x = self.arg(e, op, anns, 0)?;
                    self.exc_repr(e, x, c)
                        .map_err(|m| Diagnostic::new(op.span, m))
                })();
                r
            }
            (FlowOp::Str | FlowOp::Format, S::Instance { .. }) => {
                let r = (|| {
                    let x = self.arg(e, op, anns, 0)?;
                    self.exc_str(e, x)
                })();
                r
            }
            _ => return None,
        })
    }

    /// `str(e)` of an exception instance: its message ("" when null).
    pub fn exc_str(&mut self, e: &mut Emit, x: LlValue) -> R {
        let m = e.getfield(x, "message", STR);
        let f = self.helper_exc_message();
        Ok(e.call_func(f, vec![m], STR))
    }

    fn helper_exc_message(&mut self) -> u32 {
        self.add_helper("ll_exc_message".into(), |rt| {
            let empty = rt.str_const("");
            let (mut f, p) = FnBuilder::new("ll_exc_message", &[STR], STR);
            let isnull = f.op(O::PtrIsNull, vec![f.get(p[0])], LowType::Bool);
            f.if_(isnull, |f| f.ret(empty));
            f.ret(f.get(p[0]));
            f.finish()
        })
    }

    fn lower_getattr_inst(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        c: HostId,
        name: &str,
        res: &S,
    ) -> R {
        let obj = self.arg(e, op, anns, 0)?;
        let obj = self.receiver_not_none(e, obj, &anns[0], name);
        if let Some((_, a)) = self.attr_ann(c, name) {
            let lt = self.lowtype(&a);
            let v = e.getfield(obj, &field_name(name), lt);
            return Ok(self.convert(e, v, &a, res));
        }
        match res {
            // The receiver itself is the bound method.
            S::Method { .. } => Ok(obj),
            _ if self.lowtype(res) == LowType::Void => Ok(Value::Const(LlConst::Void)),
            _ => self
                .lower_class_constant(e, obj, c, name, res)
                .map_err(|m| Diagnostic::new(op.span, m)),
        }
    }

    /// A class-level constant read on an instance of the family of `c`:
    /// a constant if all agree, else a table indexed by type id.
    fn lower_class_constant(
        &mut self,
        e: &mut Emit,
        obj: LlValue,
        c: HostId,
        name: &str,
        res: &S,
    ) -> Result<LlValue, String> {
        let (lo, hi) = self.reprs.class_ranges[&c];
        let mut vals = Vec::new();
        for t in lo..=hi {
            let k = self.class_state.class_of_type[&t];
            vals.push(class_default(self.prog, k, name));
        }
        let first = vals
            .iter()
            .flatten()
            .next()
            .cloned()
            .ok_or_else(|| format!("no class attribute '{name}'"))?;
        if vals
            .iter()
            .all(|v| v.as_ref().map_or(true, |v| *v == first))
        {
            return self.const_value(&first, res);
        }
        let lt = self.lowtype(res);
        self.family_table(e, obj, c, format!("const {name}"), lt, |rt| {
            let mut items = Vec::new();
            for v in &vals {
                let v = v.clone().unwrap_or_else(|| first.clone());
                match rt.const_value(&v, res)? {
                    Value::Const(k) => items.push(k),
                    Value::Var(_) => return Err("a class constant must be a constant".into()),
                }
            }
            Ok(items)
        })
    }

    /// `table[typeid(obj) - lo]` for the class family of `c` (type ids
    /// `lo..=hi`): a prebuilt array of `lt` items made once per `what` by
    /// `items` (one per type id, in order).
    pub(crate) fn family_table(
        &mut self,
        e: &mut Emit,
        obj: LlValue,
        c: HostId,
        what: String,
        lt: LowType,
        items: impl FnOnce(&mut Self) -> Result<Vec<LlConst>, String>,
    ) -> Result<LlValue, String> {
        let (lo, _) = self.reprs.class_ranges[&c];
        let key = (c, what);
        let (idx, arr_t) = match self.class_state.tables.get(&key) {
            Some(&x) => x,
            None => {
                let items = items(self)?;
                let arr_t = self.const_array_type(lt);
                let i = self.prebuilt.len() as u32;
                self.prebuilt.push(Prebuilt {
                    typ: arr_t,
                    fields: vec![],
                    items,
                });
                self.class_state.tables.insert(key, (i, arr_t));
                (i, arr_t)
            }
        };
        let tid = e.op(O::GetTypeId, vec![obj], LowType::Signed);
        let ix = e.op(O::IntSub, vec![tid, c_signed(lo as i64)], LowType::Signed);
        Ok(e.op(
            O::GetArrayItem,
            vec![Value::Const(LlConst::Prebuilt(idx, arr_t)), ix],
            lt,
        ))
    }

    /// Arguments for calling graph `f` (`self_arg` first when given) with
    /// the call's arguments, converted to the callee's parameters.
    fn call_args_for(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        f: HostId,
        self_arg: Option<(LlValue, S)>,
    ) -> Result<Vec<LlValue>, Diagnostic> {
        let callee = GraphId::from_u32(self.func_index(f));
        self.call_args(e, op, anns, f, callee, self_arg)
    }

    fn lower_instantiate(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], c: HostId) -> R {
        let prog = self.prog;
        let t = self.reprs.class_types[&c];
        let inst = e.op(
            O::Malloc,
            vec![Value::Const(LlConst::Type(t))],
            LowType::Ptr(t),
        );
        // Class-level constants are the defaults of same-named attributes.
        let fields = self.reprs.types.types[t].fields.clone();
        for (fname, _) in &fields {
            if let Some(n) = fname.strip_prefix("inst_") {
                if let Some(v) = class_default(prog, c, n) {
                    let (_, a) = self.attr_ann(c, n).expect("field has an attribute");
                    let cv = self
                        .const_value(&v, &a)
                        .map_err(|m| Diagnostic::new(op.span, m))?;
                    e.setfield(inst.clone(), fname, cv);
                }
            }
        }
        let shape = call_shape(op);
        if is_exception_class(prog, c) {
            // Message and args from the positional arguments (lower_exc).
            self.exc_set_args(e, op, anns, inst.clone(), c, shape.first, shape.npos, true)?;
        }
        if let Some((_, Const::Host(f))) = classdef::lookup(prog, c, "__init__") {
            if matches!(prog.objs[f], HostObj::Function(_)) {
                let me = S::Instance {
                    class: c,
                    nullable: false,
                };
                let args = self.call_args_for(e, op, anns, f, Some((inst.clone(), me)))?;
                let index = self.func_index(f);
                e.call_func(index, args, LowType::Void);
            }
        }
        Ok(inst)
    }

    fn lower_method_call(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        c: HostId,
        name: &str,
        res: &S,
    ) -> R {
        let impls = method_impls(self.ann, c, name);
        let recv = self.arg(e, op, anns, 0)?;
        let res_lt = self.lowtype(res);
        let me = anns[0].clone();
        let me = match me {
            S::Method { class, .. } => S::Instance {
                class,
                nullable: false,
            },
            o => o,
        };
        // Classes of the receiver's family without the method (only other
        // classes of the family define it): CPython raises AttributeError
        // there, so their table entry stops with it (`no_method_stub`),
        // and the call goes through the table even with one implementation
        // (a direct call would pass a base-class pointer as the subclass's
        // `self`).
        let (lo, hi) = self.reprs.class_ranges[&c];
        let lacks = |rt: &Self, t: u32| {
            let k = rt.class_state.class_of_type[&t];
            !matches!(classdef::lookup(rt.prog, k, name),
                Some((_, Const::Host(f))) if impls.iter().any(|(_, g)| *g == f))
        };
        let any_missing = (lo..=hi).any(|t| lacks(self, t));
        if impls.len() == 1 && !any_missing {
            let f = impls[0].1;
            let args = self.call_args_for(e, op, anns, f, Some((recv, me)))?;
            let index = self.func_index(f);
            let callee_res = self.ann.return_annotation(GraphId::from_u32(index));
            let r = e.call_func(index, args, self.lowtype(&callee_res));
            return Ok(self.convert(e, r, &callee_res, res));
        }
        // Every implementation must take and return the same low-level
        // types (a result that never returns normally agrees with any).
        let sig = |rt: &mut Self, f: HostId| -> (Vec<LowType>, Option<LowType>) {
            let g = &rt.ann.graphs[GraphId::from_u32(rt.func_index(f))];
            let ps: Vec<S> = g
                .graph
                .params()
                .iter()
                .map(|p| g.bindings[*p].clone())
                .collect();
            let r = rt
                .ann
                .return_annotation(GraphId::from_u32(rt.func_index(f)));
            let mut lts: Vec<LowType> = ps.iter().map(|a| rt.lowtype(a)).collect();
            if let Some(first) = lts.first_mut() {
                if matches!(first, LowType::Ptr(_)) {
                    *first = LowType::Address;
                }
            }
            let rl = if r.is_impossible() {
                None
            } else {
                Some(rt.lowtype(&r))
            };
            (lts, rl)
        };
        let s0 = sig(self, impls[0].1);
        for &(_, f) in &impls[1..] {
            let s = sig(self, f);
            let res_ok = match (s.1, s0.1) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            if s.0 != s0.0 || !res_ok {
                let fo = self.prog.function(f);
                return Err(Diagnostic::new(op.span, format!("the implementations of {name}() in the family of {} have different low-level signatures; RPython needs them to agree", self.prog.class(c).name))
                    .with_note(Some(fo.def.span), format!("{} is defined here", fo.qualname)));
            }
        }
        let key = (c, name.to_string());
        let (idx, arr_t) = match self.class_state.tables.get(&key) {
            Some(&x) => x,
            None => {
                let mut items = Vec::new();
                for t in lo..=hi {
                    let k = self.class_state.class_of_type[&t];
                    let index = match classdef::lookup(self.prog, k, name) {
                        Some((_, Const::Host(f))) if impls.iter().any(|(_, g)| *g == f) => {
                            self.func_index(f)
                        }
                        _ => self.no_method_stub(k, name, impls[0].1),
                    };
                    items.push(LlConst::Func(index));
                }
                let arr_t = self.const_array_type(LowType::Address);
                let i = self.prebuilt.len() as u32;
                self.prebuilt.push(Prebuilt {
                    typ: arr_t,
                    fields: vec![],
                    items,
                });
                self.class_state.tables.insert(key, (i, arr_t));
                (i, arr_t)
            }
        };
        let args = self.call_args_for(e, op, anns, impls[0].1, Some((recv.clone(), me)))?;
        let tid = e.op(O::GetTypeId, vec![recv], LowType::Signed);
        let ix = e.op(O::IntSub, vec![tid, c_signed(lo as i64)], LowType::Signed);
        let fptr = e.op(
            O::GetArrayItem,
            vec![Value::Const(LlConst::Prebuilt(idx, arr_t)), ix],
            LowType::Address,
        );
        let mut full = vec![fptr];
        full.extend(args);
        let mut callee_res = S::Impossible;
        for &(_, f) in &impls {
            let r = self
                .ann
                .return_annotation(GraphId::from_u32(self.func_index(f)));
            if !r.is_impossible() {
                callee_res = r;
                break;
            }
        }
        let call_lt = self.lowtype(&callee_res);
        let r = e.op(O::IndirectCall, full, call_lt);
        Ok(if call_lt == res_lt {
            r
        } else {
            self.convert(e, r, &callee_res, res)
        })
    }

    /// The table entry of class `k`, which lacks method `name`: a graph
    /// with the signature of the implementation `f` that stops with
    /// CPython's AttributeError.
    fn no_method_stub(&mut self, k: HostId, name: &str, f: HostId) -> u32 {
        let g = GraphId::from_u32(self.func_index(f));
        let params: Vec<S> = {
            let ag = &self.ann.graphs[g];
            ag.graph
                .params()
                .iter()
                .map(|p| ag.bindings[*p].clone())
                .collect()
        };
        let lts: Vec<LowType> = params.iter().map(|a| self.lowtype(a)).collect();
        let res = self.ann.return_annotation(g);
        let rl = self.lowtype(&res);
        let cname = self.prog.class(k).name.clone();
        let key = format!("ll_no_method_{cname}_{name}_{lts:?}_{rl}");
        let cls = self.str_const(&cname);
        let attr = self.str_const(name);
        self.add_helper(key, |_rt| {
            let (mut b, _) = FnBuilder::new("ll_no_method", &lts, rl);
            b.call_extern("rpy_fatal_no_attr", vec![cls, attr], LowType::Void);
            b.ret(crate::rclass::zero(rl));
            b.finish()
        })
    }

    fn lower_isinstance(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S]) -> R {
        if let Some(Const::Builtin(b)) = op.args[2].as_const() {
            // A builtin type: decided by the annotation (the annotator
            // refused the tests it cannot decide).
            return rpy_annotator::rules_isinstance::decide_arg(
                op.args[1].as_const(),
                &anns[1],
                *b,
            )
            .map(|d| Value::Const(LlConst::Bool(d)))
            .map_err(|why| Diagnostic::new(op.span, why));
        }
        let Some(Const::Host(c)) = op.args[2].as_const() else {
            return Err(Diagnostic::new(op.span, "isinstance() needs a class"));
        };
        let c = *c;
        let (lo, hi) = self.reprs.class_ranges[&c];
        let x = self.arg(e, op, anns, 1)?;
        match &anns[1] {
            S::Instance { class, nullable } => {
                if classdef::is_subclass(self.prog, *class, c) && !nullable {
                    return Ok(Value::Const(LlConst::Bool(true)));
                }
                let pt = self.lowtype(&anns[1]);
                let f = self.helper_isinstance(lo, hi, pt);
                Ok(e.call_func(f, vec![x], LowType::Bool))
            }
            _ => Ok(Value::Const(LlConst::Bool(false))),
        }
    }

    /// `ll_isinstance(p)`: p is non-null and its type id is in lo..=hi.
    fn helper_isinstance(&mut self, lo: u32, hi: u32, pt: LowType) -> u32 {
        self.add_helper(format!("ll_isinstance_{lo}_{hi}_{pt}"), |_rt| {
            let (mut f, p) =
                FnBuilder::new(&format!("ll_isinstance_{lo}_{hi}"), &[pt], LowType::Bool);
            let isnull = f.op(O::PtrIsNull, vec![f.get(p[0])], LowType::Bool);
            f.if_(isnull, |f| f.ret(Value::Const(LlConst::Bool(false))));
            let tid = f.op(O::GetTypeId, vec![f.get(p[0])], LowType::Signed);
            let rel = f.int(O::IntSub, tid, c_signed(lo as i64));
            // Unsigned compare: lo <= tid <= hi  <=>  (tid - lo) as unsigned <= hi - lo.
            let a = f.cmp(O::IntGe, rel.clone(), c_signed(0));
            let b = f.cmp(O::IntLe, rel, c_signed((hi - lo) as i64));
            let r = f.and(a, b);
            f.ret(r);
            f.finish()
        })
    }

    /// A call through a variable holding one of several functions.
    fn lower_indirect_function_call(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        fs: &[HostId],
        res: &S,
    ) -> R {
        let sig = |rt: &mut Self, f: HostId| -> (Vec<LowType>, LowType) {
            let gid = GraphId::from_u32(rt.func_index(f));
            let g = &rt.ann.graphs[gid];
            let ps: Vec<S> = g
                .graph
                .params()
                .iter()
                .map(|p| g.bindings[*p].clone())
                .collect();
            let r = rt.ann.return_annotation(gid);
            (ps.iter().map(|a| rt.lowtype(a)).collect(), rt.lowtype(&r))
        };
        let s0 = sig(self, fs[0]);
        for &f in &fs[1..] {
            if sig(self, f) != s0 {
                return Err(Diagnostic::new(op.span, "the functions that may be called here have different signatures; RPython needs them to agree"));
            }
        }
        let fptr = self.arg(e, op, anns, 0)?;
        let args = self.call_args_for(e, op, anns, fs[0], None)?;
        let mut full = vec![fptr];
        full.extend(args);
        let callee_res = self
            .ann
            .return_annotation(GraphId::from_u32(self.func_index(fs[0])));
        let r = e.op(O::IndirectCall, full, s0.1);
        Ok(if s0.1 == self.lowtype(res) {
            r
        } else {
            self.convert(e, r, &callee_res, res)
        })
    }
}
