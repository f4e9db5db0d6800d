//! Lowering of `for` loops (and comprehensions): the flow graph's
//! `next(it)` that ends a block and exits to the loop's end on
//! StopIteration becomes a "has next" test and a branch; the "next value"
//! ops run at the start of the loop body. No exception is raised.
//!
//! Every iterable kind provides three pieces, all straight-line ops (they
//! may call helper graphs), emitted into any `OpSink`:
//! * `iter_start(x)`: a fresh iterator object for the iterable `x`,
//! * `iter_has_next(it)`: a Bool,
//! * `iter_next(it)`: the next value, advancing the iterator (only called
//!   after `iter_has_next` said true).
//!
//! Kinds: ranges (`RANGEITER {next, step, remaining}`), lists, str and
//! bytes (`{seq, index}`), `reversed` of those (index counting down),
//! tuples (`{seq, index}`, items read through a switch helper),
//! `enumerate` (`{it, count}`) and `zip` (`{it0, it1, ...}`). A dict
//! iterator plugs in by adding an arm to each of the three functions and
//! to `Reprs::iter_lowtype`.

use crate::emit::{Emit, LlValue};
use crate::fnbuild::{c_int, FnBuilder, OpSink, OpSinkExt};
use crate::llop::LlOp;
use crate::lltype::{LlConst, LlGraph, LowType};
use crate::repr::Reprs;
use crate::rlist::{ListT, B, I, STR};
use crate::rtype::RTyper;
use cranelift_entity::SecondaryMap;
use rpy_annotator::{GraphId, ListDefId, SomeValue as S};
use rpy_flow::graph::{Exitswitch, Graph, Link, Op, Value};
use rpy_flow::{Block, Const, Flow, Var};
use rpy_syntax::Diagnostic;
use std::collections::HashMap;

impl Reprs {
    /// The low-level type of an iterator over the iterable `x`.
    pub fn iter_lowtype(&mut self, x: &S, list_item: &dyn Fn(ListDefId) -> S) -> LowType {
        let seq = |r: &mut Reprs, x: &S| {
            let st = r.lowtype(x, list_item);
            LowType::Ptr(r.struct_type(
                "SEQITER",
                vec![("seq".into(), st), ("index".into(), LowType::Signed)],
            ))
        };
        match x {
            S::Range | S::Reversed(_)
                if matches!(x, S::Range) || matches!(x, S::Reversed(r) if **r == S::Range) =>
            {
                LowType::Ptr(self.range_iter)
            }
            S::List { .. } | S::Str { .. } | S::Bytes { .. } | S::Tuple(_) => seq(self, x),
            S::Reversed(inner) => seq(self, inner),
            S::Enumerate(inner) => {
                let it = self.iter_lowtype(inner, list_item);
                LowType::Ptr(self.struct_type(
                    "ENUMERATE",
                    vec![("it".into(), it), ("count".into(), LowType::Signed)],
                ))
            }
            S::Zip(xs) => {
                let fields = xs
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("it{i}"), self.iter_lowtype(x, list_item)))
                    .collect();
                LowType::Ptr(self.struct_type("ZIP", fields))
            }
            S::Dict { def, .. } | S::DictPart { def, .. } => {
                LowType::Ptr(self.dict_ll(*def, list_item).iter)
            }
            other => panic!("rtyper: no iterator for {}", other.describe()),
        }
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// What iterating over `x` gives.
    pub fn iter_item_ann(&self, x: &S) -> S {
        match x {
            S::List { def, .. } => self.ann.listdef(*def).item.clone(),
            S::Str { .. } => S::Str { nullable: false },
            S::Bytes { .. } | S::Range => S::Int,
            S::Tuple(items) => crate::rtuple::join_anns(items).unwrap_or(S::Impossible),
            S::Enumerate(x) => S::Tuple(vec![S::Int, self.iter_item_ann(x)]),
            S::Zip(xs) => S::Tuple(xs.iter().map(|x| self.iter_item_ann(x)).collect()),
            S::Reversed(x) => self.iter_item_ann(x),
            S::Dict { .. } | S::DictPart { .. } => self.dict_iter_item_ann(x),
            other => panic!("rtyper: {} is not iterable", other.describe()),
        }
    }

    fn iter_struct(&mut self, x: &S) -> crate::lltype::GcTypeId {
        match self.lowtype(&S::Iterator(Box::new(x.clone()))) {
            LowType::Ptr(t) => t,
            _ => unreachable!(),
        }
    }

    /// A fresh iterator over `x` (of annotation `ann`).
    pub fn iter_start(&mut self, f: &mut dyn OpSink, x: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Range => {
                let t = self.reprs.range_iter;
                let it = f.malloc(t);
                let start = f.getfield(x.clone(), "start", I);
                let step = f.getfield(x.clone(), "step", I);
                let length = f.getfield(x, "length", I);
                f.setfield(it.clone(), "next", start);
                f.setfield(it.clone(), "step", step);
                f.setfield(it.clone(), "remaining", length);
                it
            }
            S::Reversed(inner) if **inner == S::Range => {
                let t = self.reprs.range_iter;
                let it = f.malloc(t);
                let start = f.getfield(x.clone(), "start", I);
                let step = f.getfield(x.clone(), "step", I);
                let length = f.getfield(x, "length", I);
                let l1 = f.int(LlOp::IntSub, length.clone(), c_int(1));
                let off = f.int(LlOp::IntMul, l1, step.clone());
                let last = f.int(LlOp::IntAdd, start, off);
                let nstep = f.emit(LlOp::IntNeg, vec![step], I);
                f.setfield(it.clone(), "next", last);
                f.setfield(it.clone(), "step", nstep);
                f.setfield(it.clone(), "remaining", length);
                it
            }
            S::List { .. } | S::Str { .. } | S::Bytes { .. } | S::Tuple(_) => {
                let t = self.iter_struct(ann);
                let it = f.malloc(t);
                f.setfield(it.clone(), "seq", x);
                f.setfield(it.clone(), "index", c_int(0));
                it
            }
            S::Reversed(inner) => {
                let t = self.iter_struct(ann);
                let it = f.malloc(t);
                let n = self.seq_len(f, x.clone(), inner);
                let last = f.int(LlOp::IntSub, n, c_int(1));
                f.setfield(it.clone(), "seq", x);
                f.setfield(it.clone(), "index", last);
                it
            }
            S::Enumerate(inner) => {
                // The enumerate value is the tuple `(iterable, start)`.
                let t = self.iter_struct(ann);
                let it = f.malloc(t);
                let inner_lt = self.lowtype(inner);
                let seq = f.getfield(x.clone(), "f0", inner_lt);
                let start = f.getfield(x, "f1", I);
                let sub = self.iter_start(f, seq, inner);
                f.setfield(it.clone(), "it", sub);
                f.setfield(it.clone(), "count", start);
                it
            }
            S::Zip(xs) => {
                let t = self.iter_struct(ann);
                let it = f.malloc(t);
                let tup_t = self.lowtype(&S::Tuple(xs.clone()));
                let _ = tup_t;
                for (i, xa) in xs.iter().enumerate() {
                    let lt = self.lowtype(xa);
                    let xi = f.getfield(x.clone(), &format!("f{i}"), lt);
                    let sub = self.iter_start(f, xi, xa);
                    f.setfield(it.clone(), &format!("it{i}"), sub);
                }
                it
            }
            S::Dict { .. } | S::DictPart { .. } => {
                let t = self.dict_ll(ann).iter;
                let it = f.malloc(t);
                f.setfield(it.clone(), "dict", x);
                f.setfield(it.clone(), "index", c_int(0));
                it
            }
            other => panic!("rtyper: no iterator for {}", other.describe()),
        }
    }

    /// Length of a list, str, bytes or tuple value.
    fn seq_len(&mut self, f: &mut dyn OpSink, x: LlValue, ann: &S) -> LlValue {
        match ann {
            S::List { .. } => f.getfield(x, "length", I),
            S::Tuple(items) => c_int(items.len() as i64),
            _ => f.emit(LlOp::GetArrayLen, vec![x], I),
        }
    }

    pub fn iter_has_next(&mut self, f: &mut dyn OpSink, it: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Range => {
                let rem = f.getfield(it, "remaining", I);
                f.cmp(LlOp::IntGt, rem, c_int(0))
            }
            S::Reversed(inner) if **inner == S::Range => {
                let rem = f.getfield(it, "remaining", I);
                f.cmp(LlOp::IntGt, rem, c_int(0))
            }
            S::List { .. } | S::Str { .. } | S::Bytes { .. } | S::Tuple(_) => {
                let st = self.lowtype(ann);
                let seq = f.getfield(it.clone(), "seq", st);
                let i = f.getfield(it, "index", I);
                let n = self.seq_len(f, seq, ann);
                f.cmp(LlOp::IntLt, i, n)
            }
            S::Reversed(inner) => {
                // index >= 0 and index < len (the list may have shrunk).
                let st = self.lowtype(inner);
                let seq = f.getfield(it.clone(), "seq", st);
                let i = f.getfield(it, "index", I);
                let n = self.seq_len(f, seq, inner);
                let lo = f.cmp(LlOp::IntGe, i.clone(), c_int(0));
                let hi = f.cmp(LlOp::IntLt, i, n);
                f.and(lo, hi)
            }
            S::Enumerate(inner) => {
                let lt = self.lowtype(&S::Iterator(inner.clone()));
                let sub = f.getfield(it, "it", lt);
                self.iter_has_next(f, sub, inner)
            }
            S::Zip(xs) => {
                let mut acc: Option<LlValue> = None;
                for (i, xa) in xs.iter().enumerate() {
                    let lt = self.lowtype(&S::Iterator(Box::new(xa.clone())));
                    let sub = f.getfield(it.clone(), &format!("it{i}"), lt);
                    let h = self.iter_has_next(f, sub, xa);
                    acc = Some(match acc {
                        None => h,
                        Some(a) => f.and(a, h),
                    });
                }
                acc.unwrap_or(Value::Const(LlConst::Bool(false)))
            }
            S::Dict { .. } | S::DictPart { .. } => {
                let dl = self.dict_ll(ann);
                let h = self.helper_dictiter_has_next(dl);
                f.call(h, vec![it], B)
            }
            other => panic!("rtyper: no iterator for {}", other.describe()),
        }
    }

    /// The item at `index` of a sequence value (in bounds).
    fn seq_item(&mut self, f: &mut dyn OpSink, seq: LlValue, i: LlValue, ann: &S) -> LlValue {
        match ann {
            S::List { .. } => {
                let lt = self.list_t_of(ann);
                let items = f.getfield(seq, "items", lt.arr_lt());
                f.emit(LlOp::GetArrayItem, vec![items, i], lt.item)
            }
            S::Str { .. } => {
                let c = f.emit(LlOp::GetArrayItem, vec![seq, i], LowType::UniChar);
                let code = f.emit(LlOp::CastUniCharToInt, vec![c], I);
                f.call_extern("rpy_str_from_char", vec![code], STR)
            }
            S::Bytes { .. } => {
                let c = f.emit(LlOp::GetArrayItem, vec![seq, i], LowType::Char);
                f.emit(LlOp::CastCharToInt, vec![c], I)
            }
            S::Tuple(_) => {
                let h = self.helper_tuple_getitem_var(ann);
                let item = self.iter_item_ann(ann);
                let lt = self.lowtype(&item);
                f.call(h, vec![seq, i], lt)
            }
            other => panic!("rtyper: not a sequence: {}", other.describe()),
        }
    }

    /// The next char of a str iterator (a `for` loop over a str yields
    /// chars, `rules_char.rs`): no one-character str is made.
    fn str_iter_next_char(&mut self, f: &mut dyn OpSink, it: LlValue) -> LlValue {
        let seq = f.getfield(it.clone(), "seq", STR);
        let i = f.getfield(it.clone(), "index", I);
        let i2 = f.int(LlOp::IntAdd, i.clone(), c_int(1));
        f.setfield(it, "index", i2);
        let c = f.emit(LlOp::GetArrayItem, vec![seq, i], LowType::UniChar);
        f.emit(LlOp::CastUniCharToInt, vec![c], I)
    }

    pub fn iter_next(&mut self, f: &mut dyn OpSink, it: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Range => self.range_next(f, it),
            S::Reversed(inner) if **inner == S::Range => self.range_next(f, it),
            S::List { .. } | S::Str { .. } | S::Bytes { .. } | S::Tuple(_) | S::Reversed(_) => {
                let (seq_ann, delta) = match ann {
                    S::Reversed(inner) => ((**inner).clone(), -1),
                    _ => (ann.clone(), 1),
                };
                let st = self.lowtype(&seq_ann);
                let seq = f.getfield(it.clone(), "seq", st);
                let i = f.getfield(it.clone(), "index", I);
                let i2 = f.int(LlOp::IntAdd, i.clone(), c_int(delta));
                f.setfield(it, "index", i2);
                self.seq_item(f, seq, i, &seq_ann)
            }
            S::Enumerate(inner) => {
                let tt = self.lowtype(&self.iter_item_ann(ann));
                let LowType::Ptr(tup) = tt else {
                    unreachable!()
                };
                let t = f.malloc(tup);
                let c = f.getfield(it.clone(), "count", I);
                f.setfield(t.clone(), "f0", c.clone());
                let c1 = f.int(LlOp::IntAdd, c, c_int(1));
                f.setfield(it.clone(), "count", c1);
                let lt = self.lowtype(&S::Iterator(inner.clone()));
                let sub = f.getfield(it, "it", lt);
                let v = self.iter_next(f, sub, inner);
                f.setfield(t.clone(), "f1", v);
                t
            }
            S::Dict { .. } | S::DictPart { .. } => self.dictiter_next(f, it, ann),
            S::Zip(xs) => {
                let tt = self.lowtype(&self.iter_item_ann(ann));
                let LowType::Ptr(tup) = tt else {
                    unreachable!()
                };
                let t = f.malloc(tup);
                for (i, xa) in xs.iter().enumerate() {
                    let lt = self.lowtype(&S::Iterator(Box::new(xa.clone())));
                    let sub = f.getfield(it.clone(), &format!("it{i}"), lt);
                    let v = self.iter_next(f, sub, xa);
                    f.setfield(t.clone(), &format!("f{i}"), v);
                }
                t
            }
            other => panic!("rtyper: no iterator for {}", other.describe()),
        }
    }

    fn range_next(&mut self, f: &mut dyn OpSink, it: LlValue) -> LlValue {
        let cur = f.getfield(it.clone(), "next", I);
        let step = f.getfield(it.clone(), "step", I);
        let n2 = f.int(LlOp::IntAdd, cur.clone(), step);
        f.setfield(it.clone(), "next", n2);
        let rem = f.getfield(it.clone(), "remaining", I);
        let r2 = f.int(LlOp::IntSub, rem, c_int(1));
        f.setfield(it, "remaining", r2);
        cur
    }

    /// `ll_tuple_getitem_var(t, i)`: item `i` (in bounds) of a tuple whose
    /// items share one representation, converted to their common one.
    pub fn helper_tuple_getitem_var(&mut self, ann: &S) -> u32 {
        let key = format!("tuple_getitem_var_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let S::Tuple(items) = &ann else {
                unreachable!()
            };
            let item = rt.iter_item_ann(&ann);
            let it_lt = rt.lowtype(&item);
            let t = rt.lowtype(&ann);
            let (mut f, p) = FnBuilder::new("ll_tuple_getitem_var", &[t, I], it_lt);
            for (k, ia) in items.iter().enumerate() {
                let is_k = f.cmp(LlOp::IntEq, f.get(p[1]), c_int(k as i64));
                let ia = ia.clone();
                let item = item.clone();
                f.if_(is_k, |f| {
                    let lt = rt.lowtype(&ia);
                    let v = f.getfield(f.get(p[0]), &format!("f{k}"), lt);
                    let v = rt.convert_sink(f, v, &ia, &item);
                    f.ret(v);
                });
            }
            // Unreachable for in-bounds indices.
            let zero = match it_lt {
                LowType::Ptr(t) => Value::Const(LlConst::Null(t)),
                LowType::Float => Value::Const(LlConst::Float(0.0)),
                LowType::Bool => Value::Const(LlConst::Bool(false)),
                LowType::Void => Value::Const(LlConst::Void),
                _ => c_int(0),
            };
            f.ret(zero);
            f.finish()
        })
    }

    /// Representation change between primitive annotations (int/bool to
    /// float, bool to int), for any `OpSink`.
    pub fn convert_sink(&mut self, f: &mut dyn OpSink, v: LlValue, from: &S, to: &S) -> LlValue {
        let (lf, lt) = (self.lowtype(from), self.lowtype(to));
        match (lf, lt) {
            (a, b) if a == b => v,
            (LowType::Bool, LowType::Signed) => f.emit(LlOp::CastBoolToInt, vec![v], I),
            (LowType::Bool, LowType::Float) => {
                let i = f.emit(LlOp::CastBoolToInt, vec![v], I);
                f.emit(LlOp::CastIntToFloat, vec![i], LowType::Float)
            }
            (LowType::Signed, LowType::Float) => {
                f.emit(LlOp::CastIntToFloat, vec![v], LowType::Float)
            }
            (LowType::Void, LowType::Ptr(t)) => Value::Const(LlConst::Null(t)),
            (LowType::Void, LowType::Signed) => c_int(0),
            (LowType::Void, LowType::Float) => Value::Const(LlConst::Float(0.0)),
            (LowType::Void, LowType::Bool) => Value::Const(LlConst::Bool(false)),
            _ => v,
        }
    }

    /// The flow op `next(it)` that ends block `b` of a `for` loop: block
    /// `b` tests "has next" and branches to the loop exit or to a new
    /// block that takes the next value and continues with the body.
    pub fn lower_range_next(
        &mut self,
        g: &mut Graph<Ll>,
        types: &mut SecondaryMap<Var, LowType>,
        gid: GraphId,
        b: Block,
        next: &Op<Flow>,
    ) -> Result<(), Diagnostic> {
        let ag = &self.ann.graphs[gid];
        let fb = &ag.graph.blocks[b];
        let it_ann = self.ann_of(gid, &next.args[0]);
        let kind = match &it_ann {
            S::RangeIter => S::Range,
            S::Iterator(x) => (**x).clone(),
            other => {
                return Err(Diagnostic::new(
                    next.span,
                    format!("iteration over {} is not supported yet", other.describe()),
                ))
            }
        };
        let stop_iter = self.prog.exc_class("StopIteration");
        let stop_link = fb.exits[1..]
            .iter()
            .find(|l| matches!(&l.exitcase, Some(Const::Host(h)) if self.prog.is_subclass(stop_iter, *h)))
            .ok_or_else(|| Diagnostic::new(next.span, "a for loop must end on StopIteration"))?
            .clone();
        let body_link = fb.exits[0].clone();
        let it = next.args[0].as_var().expect("iterator is a variable");

        // b: has = has_next(it); switch has
        let mut e = Emit::new(g, types, next.span);
        let has = self.iter_has_next(&mut e, Value::Var(it), &kind);
        let mut ops = e.ops;
        g.blocks[b].ops.append(&mut ops);
        let has_var = match has {
            Value::Var(v) => v,
            c => {
                let v = g.new_var(None);
                types[v] = B;
                g.blocks[b].ops.push(Op {
                    kind: LlOp::SameAs,
                    args: vec![c],
                    result: v,
                    span: next.span,
                });
                v
            }
        };

        let mut done = self.lower_link(g, types, gid, &stop_link)?;
        done.exitcase = Some(LlConst::Bool(false));
        done.last_exception = None;
        done.last_exc_value = None;

        // C(it', live...): value = next(it'); continue with the body.
        let mut body = self.lower_link(g, types, gid, &body_link)?;
        let mut rename: HashMap<Var, Var> = HashMap::new();
        let mut passed = vec![Value::Var(it)];
        let it2 = g.new_var(Some("it"));
        types[it2] = types[it];
        rename.insert(it, it2);
        let mut ins = vec![it2];
        for a in &body.args {
            if let Value::Var(v) = a {
                if *v != next.result && !rename.contains_key(v) {
                    let nv = g.new_var(g.vars[*v].hint.clone().as_deref());
                    types[nv] = types[*v];
                    rename.insert(*v, nv);
                    ins.push(nv);
                    passed.push(Value::Var(*v));
                }
            }
        }
        let c = g.new_block(ins);
        let mut e = Emit::new(g, types, next.span);
        let item = self.ann.graphs[gid].bindings[next.result].clone();
        let value = if item == S::Char {
            self.str_iter_next_char(&mut e, Value::Var(it2))
        } else {
            self.iter_next(&mut e, Value::Var(it2), &kind)
        };
        let ops = e.finish(value, next.result);
        let res_lt = self.lowtype(&self.ann.graphs[gid].bindings[next.result].clone());
        types[next.result] = res_lt;
        g.blocks[c].ops = ops;
        for a in body.args.iter_mut() {
            if let Value::Var(v) = a {
                if let Some(nv) = rename.get(v) {
                    *a = Value::Var(*nv);
                }
            }
        }
        body.exitcase = None;
        g.blocks[c].exits = vec![body];
        let mut go = Link::new(passed, c);
        go.exitcase = Some(LlConst::Bool(true));
        g.blocks[b].exitswitch = Exitswitch::Value(has_var);
        g.blocks[b].exits = vec![done, go];
        Ok(())
    }

    /// A helper that fills a new list with the items of any iterable.
    pub fn helper_list_from_iter(&mut self, x_ann: &S, list_ann: &S) -> u32 {
        let key = format!(
            "list_from_iter_{}_{}",
            self.ann_key(x_ann),
            self.ann_key(list_ann)
        );
        let (x_ann, list_ann) = (x_ann.clone(), list_ann.clone());
        self.add_helper(key, |rt| {
            let lt = rt.list_t_of(&list_ann);
            let list_item = rt.list_item_ann(&list_ann);
            rt.build_list_from_iter(&x_ann, lt, &list_item)
        })
    }

    /// `ll_list_from_iter(x)`: a new list of type `lt` (items of
    /// annotation `item`) holding the items of the iterable `x`.
    pub(crate) fn build_list_from_iter(&mut self, x_ann: &S, lt: ListT, item: &S) -> LlGraph {
        let src_item = self.iter_item_ann(x_ann);
        let new = self.helper_newlist(lt);
        let append = self.helper_list_append(lt);
        let xt = self.lowtype(x_ann);
        let (mut f, p) = FnBuilder::new("ll_list_from_iter", &[xt], lt.lt());
        let l = f.call(new, vec![c_int(0)], lt.lt());
        let l = f.local(lt.lt(), l);
        let x0 = f.get(p[0]);
        self.for_each_item(&mut f, x0, x_ann, |f, rt, v| {
            let v = rt.convert_sink(f, v, &src_item, item);
            f.call(append, vec![f.get(l), v], LowType::Void);
        });
        f.ret(f.get(l));
        f.finish()
    }

    /// `for v in x: body(v)` inside a helper being built: the iterator
    /// lives in a fresh slot; `body` gets each item (annotation
    /// `iter_item_ann(x_ann)`).
    pub(crate) fn for_each_item(
        &mut self,
        f: &mut FnBuilder,
        x: LlValue,
        x_ann: &S,
        body: impl FnOnce(&mut FnBuilder, &mut Self, LlValue),
    ) {
        let itt = self.lowtype(&S::Iterator(Box::new(x_ann.clone())));
        let it = self.iter_start(f, x, x_ann);
        let it = f.local(itt, it);
        f.while_with(
            self,
            |f, rt| {
                let itv = f.get(it);
                rt.iter_has_next(f, itv, x_ann)
            },
            |f, rt| {
                let itv = f.get(it);
                let v = rt.iter_next(f, itv, x_ann);
                body(f, rt, v)
            },
        );
    }
}

use crate::lltype::Ll;
