//! Rewriting the flow ops on lists, tuples and iterables into low-level
//! ops and calls of the helper graphs of `rlist.rs`, `rtuple.rs` and
//! `lower_iter.rs`. `lower_seq_op` answers `None` for ops it does not own.

use crate::emit::{c_signed, Emit, LlValue};
use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSink, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType};
use crate::lower_call::{call_shape, CallShape};
use crate::rlist::{B, I, NONE};
use crate::rtype::RTyper;
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<LlValue, Diagnostic>;

/// `?` for a `Result` inside a function returning `Option<Result>`.
macro_rules! try_r {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(d) => return Some(Err(d)),
        }
    };
}

fn is_num(a: &S) -> bool {
    matches!(a, S::Int | S::Bool | S::Float)
}

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn lower_seq_op(
        &mut self,
        e: &mut Emit,
        _gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<R> {
        use FlowOp as F;
        let a0 = anns.first().cloned().unwrap_or(S::Impossible);
        Some(match op.kind {
            F::NewList => self.lower_newlist(e, op, anns, res),
            F::GetAttr if matches!(a0, S::List { .. }) => self.arg(e, op, anns, 0),
            F::SimpleCall | F::CallKw => match &a0 {
                S::BuiltinMethod { recv, name } if matches!(**recv, S::List { .. }) => {
                    let CallShape { first, kwnames, .. } = call_shape(op);
                    let kw = kwnames;
                    self.lower_list_method(e, op, anns, (**recv).clone(), name, first, &kw, res)
                }
                S::Builtin(b) => {
                    let CallShape {
                        first,
                        npos,
                        kwnames: kw,
                    } = call_shape(op);
                    let pos_anns = &anns[first..first + npos];
                    match b {
                        Builtin::Min | Builtin::Max
                            if pos_anns.len() == 2
                                && is_num(&pos_anns[0])
                                && is_num(&pos_anns[1]) =>
                        {
                            return None
                        }
                        Builtin::Enumerate
                        | Builtin::Zip
                        | Builtin::Reversed
                        | Builtin::Sum
                        | Builtin::Any
                        | Builtin::All
                        | Builtin::Sorted
                        | Builtin::ListFn
                        | Builtin::Min
                        | Builtin::Max => {
                            self.lower_seq_builtin(e, op, anns, *b, first, npos, &kw, res)
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            },
            F::SetItem if matches!(a0, S::List { .. }) => {
                let lt = self.list_t_of(&a0);
                let item = self.list_item_ann(&a0);
                let h = self.helper_list_setitem(lt);
                let l = try_r!(self.arg(e, op, anns, 0));
                let i = try_r!(self.arg_as(e, op, anns, 1, &S::Int));
                let v = try_r!(self.arg_as(e, op, anns, 2, &item));
                Ok(e.call_func(h, vec![l, i, v], LowType::Void))
            }
            F::DelItem if matches!(a0, S::List { .. }) => {
                let lt = self.list_t_of(&a0);
                let h = self.helper_list_pop(lt, true);
                let l = try_r!(self.arg(e, op, anns, 0));
                let i = try_r!(self.arg_as(e, op, anns, 1, &S::Int));
                Ok(e.call_func(h, vec![l, i], LowType::Void))
            }
            F::GetSlice | F::SetSlice | F::DelSlice if matches!(a0, S::List { .. }) => {
                let lt = self.list_t_of(&a0);
                let l = try_r!(self.arg(e, op, anns, 0));
                let mut b = Vec::new();
                for i in 1..4 {
                    b.push(match &op.args[i] {
                        Value::Const(Const::None) => c_int(if i == 3 { 1 } else { NONE }),
                        _ => try_r!(self.arg_as(e, op, anns, i, &S::Int)),
                    });
                }
                match op.kind {
                    F::GetSlice => {
                        let h = self.helper_list_getslice(lt);
                        Ok(e.call_func(
                            h,
                            vec![l, b[0].clone(), b[1].clone(), b[2].clone()],
                            lt.lt(),
                        ))
                    }
                    F::DelSlice => {
                        let h = self.helper_list_delslice(lt);
                        Ok(e.call_func(
                            h,
                            vec![l, b[0].clone(), b[1].clone(), b[2].clone()],
                            LowType::Void,
                        ))
                    }
                    _ => {
                        let v = try_r!(self.arg(e, op, anns, 4));
                        let v = self.as_list_of(e, v, &anns[4], &a0);
                        let h = self.helper_list_setslice(lt);
                        Ok(e.call_func(
                            h,
                            vec![l, b[0].clone(), b[1].clone(), b[2].clone(), v],
                            LowType::Void,
                        ))
                    }
                }
            }
            F::GetSlice if matches!(a0, S::Tuple(_)) => {
                let S::Tuple(items) = &a0 else { unreachable!() };
                let S::Tuple(out) = res else {
                    return Some(Err(Diagnostic::new(op.span, "tuple slice")));
                };
                let bound = |i: usize| op.args[i].as_const().and_then(Const::as_int);
                let n = items.len() as i64;
                let lo = bound(1)
                    .map(|v| if v < 0 { (v + n).max(0) } else { v.min(n) })
                    .unwrap_or(0);
                let t = try_r!(self.arg(e, op, anns, 0));
                let mut vals = Vec::new();
                for (k, it) in out.iter().enumerate() {
                    let lt = self.lowtype(it);
                    vals.push(e.getfield(t.clone(), &format!("f{}", lo as usize + k), lt));
                }
                Ok(self.make_tuple(e, vals, res))
            }
            F::Add | F::InplaceAdd if matches!((&a0, &anns[1]), (S::List { .. }, _)) => {
                let lt = self.list_t_of(&a0);
                let a = try_r!(self.arg(e, op, anns, 0));
                let b = try_r!(self.arg(e, op, anns, 1));
                let b = self.as_list_of(e, b, &anns[1], &a0);
                if op.kind == F::InplaceAdd {
                    let h = self.helper_list_extend(lt);
                    e.call_func(h, vec![a.clone(), b], LowType::Void);
                    Ok(a)
                } else {
                    let h = self.helper_list_add(lt);
                    Ok(e.call_func(h, vec![a, b], lt.lt()))
                }
            }
            F::Add | F::InplaceAdd if matches!((&a0, &anns[1]), (S::Tuple(_), S::Tuple(_))) => {
                let mut vals = Vec::new();
                for k in 0..2 {
                    let S::Tuple(items) = &anns[k] else {
                        unreachable!()
                    };
                    let t = try_r!(self.arg(e, op, anns, k));
                    for (i, it) in items.iter().enumerate() {
                        let lt = self.lowtype(it);
                        vals.push(e.getfield(t.clone(), &format!("f{i}"), lt));
                    }
                }
                Ok(self.make_tuple(e, vals, res))
            }
            F::Mul | F::InplaceMul
                if matches!(a0, S::List { .. }) || matches!(anns[1], S::List { .. }) =>
            {
                let (li, ni) = if matches!(a0, S::List { .. }) {
                    (0, 1)
                } else {
                    (1, 0)
                };
                let lt = self.list_t_of(&anns[li]);
                let l = try_r!(self.arg(e, op, anns, li));
                let n = try_r!(self.arg_as(e, op, anns, ni, &S::Int));
                let h = self.helper_list_mul(lt);
                let r = e.call_func(h, vec![l.clone(), n], lt.lt());
                if op.kind == F::InplaceMul {
                    // `l *= n` mutates l: replace its contents.
                    let h = self.helper_list_setslice(lt);
                    e.call_func(
                        h,
                        vec![l.clone(), c_int(NONE), c_int(NONE), c_int(1), r],
                        LowType::Void,
                    );
                    Ok(l)
                } else {
                    Ok(r)
                }
            }
            F::Eq | F::Ne | F::Lt | F::Le | F::Gt | F::Ge
                if matches!(
                    (&a0, &anns[1]),
                    (S::List { .. }, S::List { .. }) | (S::Tuple(_), S::Tuple(_))
                ) =>
            {
                if self.lowtype(&a0) != self.lowtype(&anns[1]) {
                    return Some(Err(Diagnostic::new(
                        op.span,
                        format!(
                            "comparing {} with {} is not supported (different item types)",
                            a0.describe(),
                            anns[1].describe()
                        ),
                    )));
                }
                let a = try_r!(self.arg(e, op, anns, 0));
                let b = try_r!(self.arg(e, op, anns, 1));
                Ok(match op.kind {
                    F::Eq => self.emit_eq(e, a, b, &a0),
                    F::Ne => {
                        let r = self.emit_eq(e, a, b, &a0);
                        e.op(O::BoolNot, vec![r], B)
                    }
                    F::Lt => self.emit_lt(e, a, b, &a0),
                    F::Gt => self.emit_lt(e, b, a, &a0),
                    F::Le => {
                        let r = self.emit_lt(e, b, a, &a0);
                        e.op(O::BoolNot, vec![r], B)
                    }
                    _ => {
                        let r = self.emit_lt(e, a, b, &a0);
                        e.op(O::BoolNot, vec![r], B)
                    }
                })
            }
            F::Contains if matches!(a0, S::List { .. }) => {
                let item = self.list_item_ann(&a0);
                let h = self.helper_list_find(&item);
                let l = try_r!(self.arg(e, op, anns, 0));
                let x = try_r!(self.arg_as(e, op, anns, 1, &item));
                let r = e.call_func(h, vec![l, x, c_int(0), c_int(i64::MAX)], I);
                Ok(e.op(O::IntGe, vec![r, c_int(0)], B))
            }
            F::Contains if matches!(a0, S::Tuple(_)) => {
                let S::Tuple(items) = &a0 else { unreachable!() };
                let t = try_r!(self.arg(e, op, anns, 0));
                let x = try_r!(self.arg(e, op, anns, 1));
                let mut acc = c_bool(false);
                for (i, it) in items.iter().enumerate() {
                    let common = match crate::rtuple::join_anns(&[it.clone(), anns[1].clone()]) {
                        Some(c) => c,
                        None => it.clone(),
                    };
                    let lt = self.lowtype(it);
                    let v = e.getfield(t.clone(), &format!("f{i}"), lt);
                    let v = self.convert_sink(e, v, it, &common);
                    let xv = self.convert_sink(e, x.clone(), &anns[1], &common);
                    let eq = self.emit_eq(e, v, xv, &common);
                    acc = if i == 0 {
                        eq
                    } else {
                        let ai = e.op(O::CastBoolToInt, vec![acc], I);
                        let bi = e.op(O::CastBoolToInt, vec![eq], I);
                        let o = e.op(O::IntOr, vec![ai, bi], I);
                        e.op(O::IntIsTrue, vec![o], B)
                    };
                }
                Ok(acc)
            }
            F::Iter if !matches!(a0, S::Range) => {
                let x = try_r!(self.arg(e, op, anns, 0));
                Ok(self.iter_start(e, x, &a0))
            }
            F::Next if matches!(a0, S::Iterator(_)) => Err(Diagnostic::new(
                op.span,
                "next() outside a for loop is not supported",
            )),
            F::Bool | F::Not if matches!(a0, S::List { nullable: true, .. }) => {
                let x = try_r!(self.arg(e, op, anns, 0));
                let t = self.emit_truth(e, x, &a0);
                Ok(if op.kind == F::Not {
                    e.op(O::BoolNot, vec![t], B)
                } else {
                    t
                })
            }
            _ => return None,
        })
    }

    fn lower_newlist(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> R {
        let lt = self.list_t_of(res);
        let item = self.list_item_ann(res);
        let new = self.helper_newlist(lt);
        let l = e.call_func(new, vec![c_signed(op.args.len() as i64)], lt.lt());
        if !op.args.is_empty() && lt.item != LowType::Void {
            let items = e.getfield(l.clone(), "items", lt.arr_lt());
            for i in 0..op.args.len() {
                let v = self.arg_as(e, op, anns, i, &item)?;
                e.op(
                    O::SetArrayItem,
                    vec![items.clone(), c_signed(i as i64), v],
                    LowType::Void,
                );
            }
        }
        Ok(l)
    }

    /// A tuple of annotation `ann` from its item values.
    pub fn make_tuple(&mut self, e: &mut dyn OpSink, vals: Vec<LlValue>, ann: &S) -> LlValue {
        let LowType::Ptr(t) = self.lowtype(ann) else {
            unreachable!()
        };
        let tup = e.malloc(t);
        for (i, v) in vals.into_iter().enumerate() {
            e.setfield(tup.clone(), &format!("f{i}"), v);
        }
        tup
    }

    /// `x` (any iterable) as a list of the representation of `list_ann`:
    /// lists of that type as they are, others copied by iteration.
    fn as_list_of(&mut self, e: &mut Emit, x: LlValue, x_ann: &S, list_ann: &S) -> LlValue {
        if matches!(x_ann, S::List { .. }) && self.lowtype(x_ann) == self.lowtype(list_ann) {
            return x;
        }
        let h = self.helper_list_from_iter(x_ann, list_ann);
        let lt = self.lowtype(list_ann);
        e.call_func(h, vec![x], lt)
    }

    /// Truth value of a value of annotation `ann`.
    pub fn emit_truth(&mut self, f: &mut dyn OpSink, x: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Bool => x,
            S::Int => f.emit(O::IntIsTrue, vec![x], B),
            S::Float => f.emit(O::FloatIsTrue, vec![x], B),
            S::None | S::Impossible => c_bool(false),
            S::Str { nullable: false } | S::Bytes { nullable: false } => {
                let n = f.emit(O::GetArrayLen, vec![x], I);
                f.emit(O::IntIsTrue, vec![n], B)
            }
            S::List {
                nullable: false, ..
            } => {
                let n = f.getfield(x, "length", I);
                f.emit(O::IntIsTrue, vec![n], B)
            }
            S::Tuple(items) => c_bool(!items.is_empty()),
            S::Str { nullable: true } | S::Bytes { nullable: true } => {
                let h = self.helper_nullable_len_is_true();
                f.call(h, vec![x], B)
            }
            S::List { nullable: true, .. } => {
                let h = self.helper_nullable_list_truth(ann);
                f.call(h, vec![x], B)
            }
            _ => match self.lowtype(ann) {
                LowType::Ptr(_) => f.emit(O::PtrNonNull, vec![x], B),
                _ => c_bool(true),
            },
        }
    }

    fn helper_nullable_list_truth(&mut self, ann: &S) -> u32 {
        let key = format!("nullable_list_truth_{}", self.ann_key(ann));
        let lt = self.lowtype(ann);
        self.add_helper(key, |_| {
            let (mut f, p) = FnBuilder::new("ll_nullable_list_truth", &[lt], B);
            let nn = f.emit(O::PtrNonNull, vec![f.get(p[0])], B);
            f.if_else(
                nn,
                |f| {
                    let n = f.getfield(f.get(p[0]), "length", I);
                    let t = f.emit(O::IntIsTrue, vec![n], B);
                    f.ret(t);
                },
                |f| f.ret(c_bool(false)),
            );
            f.finish()
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_list_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        list_ann: S,
        name: &str,
        first: usize,
        kw: &[String],
        res: &S,
    ) -> R {
        let lt = self.list_t_of(&list_ann);
        let item = self.list_item_ann(&list_ann);
        let l = self.arg(e, op, anns, 0)?;
        let npos = op.args.len() - first - kw.len();
        let v = LowType::Void;
        Ok(match name {
            "append" => {
                let x = self.arg_as(e, op, anns, first, &item)?;
                let h = self.helper_list_append(lt);
                e.call_func(h, vec![l, x], v)
            }
            "extend" => {
                let o = self.arg(e, op, anns, first)?;
                let o = self.as_list_of(e, o, &anns[first], &list_ann);
                let h = self.helper_list_extend(lt);
                e.call_func(h, vec![l, o], v)
            }
            "insert" => {
                let i = self.arg_as(e, op, anns, first, &S::Int)?;
                let x = self.arg_as(e, op, anns, first + 1, &item)?;
                let h = self.helper_list_insert(lt);
                e.call_func(h, vec![l, i, x], v)
            }
            "pop" => {
                let i = if npos == 1 {
                    self.arg_as(e, op, anns, first, &S::Int)?
                } else {
                    c_int(-1)
                };
                let h = self.helper_list_pop(lt, false);
                e.call_func(h, vec![l, i], lt.item)
            }
            "remove" => {
                let x = self.arg_as(e, op, anns, first, &item)?;
                let h = self.helper_list_remove(&item);
                e.call_func(h, vec![l, x], v)
            }
            "index" => {
                let x = self.arg_as(e, op, anns, first, &item)?;
                let s = if npos > 1 {
                    self.arg_as(e, op, anns, first + 1, &S::Int)?
                } else {
                    c_int(0)
                };
                let t = if npos > 2 {
                    self.arg_as(e, op, anns, first + 2, &S::Int)?
                } else {
                    c_int(i64::MAX)
                };
                let h = self.helper_list_index(&item);
                e.call_func(h, vec![l, x, s, t], I)
            }
            "count" => {
                let x = self.arg_as(e, op, anns, first, &item)?;
                let h = self.helper_list_count(&item);
                e.call_func(h, vec![l, x], I)
            }
            "reverse" => {
                let h = self.helper_list_reverse(lt);
                e.call_func(h, vec![l], v)
            }
            "clear" => {
                let h = self.helper_list_delslice(lt);
                e.call_func(h, vec![l, c_int(NONE), c_int(NONE), c_int(1)], v)
            }
            "copy" => {
                let h = self.helper_list_getslice(lt);
                e.call_func(h, vec![l, c_int(NONE), c_int(NONE), c_int(1)], lt.lt())
            }
            "sort" => {
                let rev = match kw.iter().position(|k| k == "reverse") {
                    Some(k) => {
                        let i = first + npos + k;
                        let r = self.arg(e, op, anns, i)?;
                        self.emit_truth(e, r, &anns[i].clone())
                    }
                    None => c_bool(false),
                };
                let h = self.helper_list_sort(&item);
                e.call_func(h, vec![l, rev], v)
            }
            other => {
                return Err(Diagnostic::new(
                    op.span,
                    format!(
                        "list.{other}() is not supported by the rtyper (result {})",
                        res.describe()
                    ),
                ))
            }
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_seq_builtin(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        b: Builtin,
        first: usize,
        npos: usize,
        kw: &[String],
        res: &S,
    ) -> R {
        use Builtin as Bi;
        match b {
            Bi::Enumerate => {
                let x = self.arg(e, op, anns, first)?;
                let start = match npos + kw.len() {
                    1 => c_int(0),
                    _ => self.arg_as(e, op, anns, first + 1, &S::Int)?,
                };
                Ok(self.make_tuple(
                    e,
                    vec![x, start],
                    &S::Tuple(vec![anns[first].clone(), S::Int]),
                ))
            }
            Bi::Reversed => self.arg(e, op, anns, first),
            Bi::Zip => {
                let mut vals = Vec::new();
                for i in 0..npos {
                    vals.push(self.arg(e, op, anns, first + i)?);
                }
                let tup_ann = S::Tuple(anns[first..first + npos].to_vec());
                Ok(self.make_tuple(e, vals, &tup_ann))
            }
            Bi::ListFn if npos == 0 => {
                let lt = self.list_t_of(res);
                let new = self.helper_newlist(lt);
                Ok(e.call_func(new, vec![c_int(0)], lt.lt()))
            }
            Bi::ListFn | Bi::Sorted => {
                let x = self.arg(e, op, anns, first)?;
                let xa = anns[first].clone();
                let l = if matches!(xa, S::List { .. }) {
                    let lt = self.list_t_of(&xa);
                    let h = self.helper_list_getslice(lt);
                    e.call_func(h, vec![x, c_int(NONE), c_int(NONE), c_int(1)], lt.lt())
                } else {
                    let h = self.helper_list_from_iter(&xa, res);
                    let lt = self.lowtype(res);
                    e.call_func(h, vec![x], lt)
                };
                if b == Bi::Sorted {
                    let rev = match kw.iter().position(|k| k == "reverse") {
                        Some(k) => {
                            let i = first + npos + k;
                            let r = self.arg(e, op, anns, i)?;
                            self.emit_truth(e, r, &anns[i].clone())
                        }
                        None => c_bool(false),
                    };
                    let item = self.list_item_ann(res);
                    let h = self.helper_list_sort(&item);
                    e.call_func(h, vec![l.clone(), rev], LowType::Void);
                }
                Ok(l)
            }
            Bi::Min | Bi::Max => {
                let is_max = b == Bi::Max;
                if npos == 1 {
                    let x = self.arg(e, op, anns, first)?;
                    let xa = anns[first].clone();
                    let (lt, item) = self.list_of_item(res);
                    let list = if matches!(xa, S::List { .. }) && self.lowtype(&xa) == lt.lt() {
                        x
                    } else {
                        let list_ann_h = self.helper_list_from_iter_item(&xa, res);
                        e.call_func(list_ann_h, vec![x], lt.lt())
                    };
                    let h = self.helper_list_minmax(&item, is_max);
                    Ok(e.call_func(h, vec![list], lt.item))
                } else {
                    // min(a, b, c, ...): a temporary list of the arguments.
                    let (lt, item) = self.list_of_item(res);
                    let new = self.helper_newlist(lt);
                    let l = e.call_func(new, vec![c_int(npos as i64)], lt.lt());
                    let items = e.getfield(l.clone(), "items", lt.arr_lt());
                    for i in 0..npos {
                        let v = self.arg_as(e, op, anns, first + i, &item)?;
                        e.op(
                            O::SetArrayItem,
                            vec![items.clone(), c_int(i as i64), v],
                            LowType::Void,
                        );
                    }
                    let h = self.helper_list_minmax(&item, is_max);
                    Ok(e.call_func(h, vec![l], lt.item))
                }
            }
            Bi::Sum | Bi::Any | Bi::All => {
                let x = self.arg(e, op, anns, first)?;
                let start = if npos > 1 {
                    Some(self.arg_as(e, op, anns, first + 1, res)?)
                } else {
                    None
                };
                let h = self.helper_fold(&anns[first].clone(), b, res);
                let mut args = vec![x];
                if b == Bi::Sum {
                    args.push(start.unwrap_or(match res {
                        S::Float => Value::Const(LlConst::Float(0.0)),
                        _ => c_int(0),
                    }));
                }
                let rt = self.lowtype(res);
                Ok(e.call_func(h, args, rt))
            }
            _ => Err(Diagnostic::new(
                op.span,
                format!("{}() is not supported here", b.name()),
            )),
        }
    }

    /// A list of items of annotation `item` from any iterable.
    fn helper_list_from_iter_item(&mut self, x_ann: &S, item: &S) -> u32 {
        // Reuse the generic helper with a synthetic list annotation: the
        // helper only needs the list's representation and item annotation.
        let key = format!(
            "list_from_iter_item_{}_{}",
            self.ann_key(x_ann),
            self.ann_key(item)
        );
        let (x_ann, item) = (x_ann.clone(), item.clone());
        self.add_helper(key, |rt| {
            let (lt, _) = rt.list_of_item(&item);
            rt.build_list_from_iter(&x_ann, lt, &item)
        })
    }

    /// `sum(x[, start])`, `any(x)`, `all(x)` over any iterable.
    fn helper_fold(&mut self, x_ann: &S, b: Builtin, res: &S) -> u32 {
        let key = format!(
            "fold_{}_{}_{}",
            b.name(),
            self.ann_key(x_ann),
            self.ann_key(res)
        );
        let (x_ann, res) = (x_ann.clone(), res.clone());
        self.add_helper(key, |rt| {
            let item = rt.iter_item_ann(&x_ann);
            let xt = rt.lowtype(&x_ann);
            let rt_lt = rt.lowtype(&res);
            let params: Vec<LowType> = if b == Builtin::Sum {
                vec![xt, rt_lt]
            } else {
                vec![xt]
            };
            let (mut f, p) = FnBuilder::new(&format!("ll_{}", b.name()), &params, rt_lt);
            let acc = if b == Builtin::Sum {
                p[1]
            } else {
                f.local(B, c_bool(b == Builtin::All))
            };
            let x0 = f.get(p[0]);
            rt.for_each_item(&mut f, x0, &x_ann, |f, rt, v| match b {
                Builtin::Sum => {
                    let v = rt.convert_sink(f, v, &item, &res);
                    let s = if res == S::Float {
                        f.emit(O::FloatAdd, vec![f.get(acc), v], LowType::Float)
                    } else {
                        f.int(O::IntAdd, f.get(acc), v)
                    };
                    f.set(acc, s);
                }
                _ => {
                    let t = rt.emit_truth(f, v, &item);
                    let stop = if b == Builtin::Any {
                        t
                    } else {
                        f.emit(O::BoolNot, vec![t], B)
                    };
                    f.if_(stop, |f| f.ret(c_bool(b == Builtin::Any)));
                }
            });
            f.ret(f.get(acc));
            f.finish()
        })
    }
}
