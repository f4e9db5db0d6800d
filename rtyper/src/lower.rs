//! Rewriting one flow op into low-level ops, by the annotations of its
//! arguments (RPython's `rtype_*` methods of the reprs, as one dispatch).

use crate::emit::{c_signed, Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, TypeTable};
use crate::lower_call::{call_shape, CallShape};
use crate::rtype::RTyper;
use rpy_annotator::rules::arith_base;
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

const STR: LowType = LowType::Ptr(TypeTable::STR);

fn is_intlike(a: &S) -> bool {
    matches!(a, S::Int | S::Bool)
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// The low-level value of op argument `i` (constants lowered as their
    /// own annotation).
    pub(crate) fn arg(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
    ) -> Result<LlValue, Diagnostic> {
        match &op.args[i] {
            Value::Var(v) => Ok(Value::Var(*v)),
            Value::Const(c) => self
                .const_value(c, &anns[i])
                .map_err(|m| Diagnostic::new(e.span, m)),
        }
    }

    /// Argument `i` converted to the representation of `to`.
    pub(crate) fn arg_as(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
        to: &S,
    ) -> Result<LlValue, Diagnostic> {
        match &op.args[i] {
            Value::Const(c) => self
                .const_value(c, to)
                .map_err(|m| Diagnostic::new(e.span, m)),
            Value::Var(v) => Ok(self.convert(e, Value::Var(*v), &anns[i], to)),
        }
    }

    pub fn lower_op(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Result<LlValue, Diagnostic> {
        use FlowOp as F;
        if let Some(r) = self.lower_char_op(e, op, anns) {
            return r;
        }
        if let Some(r) = self.lower_rlib(e, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_dict_op(e, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_spec_call(e, gid, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_exc_op(e, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_class_op(e, gid, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_super_op(e, gid, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_str_op(e, op, anns, res) {
            return r;
        }
        if let Some(r) = self.lower_seq_op(e, gid, op, anns, res) {
            return r;
        }
        if let Some(base) = arith_base(op.kind) {
            return self.lower_arith(e, base, op, anns, res);
        }
        match op.kind {
            F::Neg | F::Pos | F::Invert => {
                let x = self.arg_as(e, op, anns, 0, res)?;
                Ok(match (op.kind, res) {
                    (F::Pos, _) => x,
                    (F::Neg, S::Float) => e.op(O::FloatNeg, vec![x], LowType::Float),
                    (F::Neg, _) => e.op(O::IntNeg, vec![x], LowType::Signed),
                    _ => e.op(O::IntInvert, vec![x], LowType::Signed),
                })
            }
            F::Bool => self.truth(e, op, anns, 0),
            F::Not => {
                let t = self.truth(e, op, anns, 0)?;
                Ok(e.op(O::BoolNot, vec![t], LowType::Bool))
            }
            F::Lt | F::Le | F::Eq | F::Ne | F::Gt | F::Ge => self.lower_compare(e, op, anns),
            F::Is => self.lower_is(e, op, anns),
            F::Contains => match (&anns[0], &anns[1]) {
                (S::Str { .. }, S::Str { .. }) => {
                    let a = self.arg(e, op, anns, 0)?;
                    let b = self.arg(e, op, anns, 1)?;
                    let f = self.helper_str_contains();
                    Ok(e.call_func(f, vec![a, b], LowType::Bool))
                }
                _ => Err(Diagnostic::new(
                    op.span,
                    format!("`in` on {} is not supported yet", anns[0].describe()),
                )),
            },
            F::Len => self.lower_len(e, op, anns, 0),
            F::GetItem => self.lower_getitem(e, op, anns, res),
            F::Iter => {
                let r = self.arg(e, op, anns, 0)?;
                let it = e.op(
                    O::Malloc,
                    vec![Value::Const(LlConst::Type(self.reprs.range_iter))],
                    LowType::Ptr(self.reprs.range_iter),
                );
                let start = e.getfield(r.clone(), "start", LowType::Signed);
                let step = e.getfield(r.clone(), "step", LowType::Signed);
                let length = e.getfield(r, "length", LowType::Signed);
                e.setfield(it.clone(), "next", start);
                e.setfield(it.clone(), "step", step);
                e.setfield(it.clone(), "remaining", length);
                Ok(it)
            }
            F::NewTuple => {
                let lts: Vec<LowType> = anns.iter().map(|a| self.lowtype(a)).collect();
                let t = self.reprs.tuple_type(&lts);
                let tup = e.op(
                    O::Malloc,
                    vec![Value::Const(LlConst::Type(t))],
                    LowType::Ptr(t),
                );
                for i in 0..anns.len() {
                    let v = self.arg(e, op, anns, i)?;
                    e.setfield(tup.clone(), &format!("f{i}"), v);
                }
                Ok(tup)
            }
            F::Str => self.to_str(e, op, anns, 0, false),
            F::Repr => self.to_str(e, op, anns, 0, true),
            F::Format => match op.args.get(1).and_then(Value::as_const) {
                Some(Const::Str(s)) if s.is_empty() => self.to_str(e, op, anns, 0, false),
                _ => Err(Diagnostic::new(
                    op.span,
                    "format specs in f-strings are not supported yet",
                )),
            },
            F::Type => {
                let x = self.arg(e, op, anns, 0)?;
                Ok(e.op(O::GetTypeId, vec![x], LowType::Signed))
            }
            F::ExcMatch => {
                let et = self.arg(e, op, anns, 0)?;
                match op.args[1].as_const() {
                    Some(Const::Host(h)) if self.reprs.class_ranges.contains_key(h) => {
                        let (lo, hi) = self.reprs.class_ranges[h];
                        let a = e.op(
                            O::IntGe,
                            vec![et.clone(), c_signed(lo as i64)],
                            LowType::Bool,
                        );
                        let b = e.op(O::IntLe, vec![et, c_signed(hi as i64)], LowType::Bool);
                        let ai = e.op(O::CastBoolToInt, vec![a], LowType::Signed);
                        let bi = e.op(O::CastBoolToInt, vec![b], LowType::Signed);
                        let both = e.op(O::IntAnd, vec![ai, bi], LowType::Signed);
                        Ok(e.op(O::IntIsTrue, vec![both], LowType::Bool))
                    }
                    _ => Err(Diagnostic::new(
                        op.span,
                        "an except clause must name exception classes",
                    )),
                }
            }
            F::SimpleCall | F::CallKw => self.lower_call(e, gid, op, anns, res),
            k => Err(Diagnostic::new(
                op.span,
                format!(
                    "the operation `{}` is not supported by the rtyper yet",
                    k.name()
                ),
            )),
        }
    }

    fn lower_arith(
        &mut self,
        e: &mut Emit,
        base: FlowOp,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Result<LlValue, Diagnostic> {
        use FlowOp as F;
        match res {
            S::Float => {
                let a = self.arg_as(e, op, anns, 0, &S::Float)?;
                let b = self.arg_as(e, op, anns, 1, &S::Float)?;
                let f = LowType::Float;
                Ok(match base {
                    F::Add => e.op(O::FloatAdd, vec![a, b], f),
                    F::Sub => e.op(O::FloatSub, vec![a, b], f),
                    F::Mul => e.op(O::FloatMul, vec![a, b], f),
                    F::TrueDiv | F::Div => e.op(O::FloatTrueDiv, vec![a, b], f),
                    F::FloorDiv => e.op(O::FloatFloorDiv, vec![a, b], f),
                    F::Mod => e.op(O::FloatMod, vec![a, b], f),
                    F::Pow => e.op(O::FloatPow, vec![a, b], f),
                    _ => return Err(Diagnostic::new(op.span, "unsupported float operation")),
                })
            }
            S::Int | S::Bool if is_intlike(&anns[0]) && is_intlike(&anns[1]) => {
                let a = self.arg_as(e, op, anns, 0, &S::Int)?;
                let b = self.arg_as(e, op, anns, 1, &S::Int)?;
                let nonzero_const = matches!(&b, Value::Const(LlConst::Signed(d)) if *d != 0);
                let i = LowType::Signed;
                let r = match base {
                    F::Add => e.op(O::IntAdd, vec![a, b], i),
                    F::Sub => e.op(O::IntSub, vec![a, b], i),
                    F::Mul => e.op(O::IntMul, vec![a, b], i),
                    F::FloorDiv | F::Div if nonzero_const => e.op(O::IntFloorDiv, vec![a, b], i),
                    F::FloorDiv | F::Div => e.op(O::IntFloorDivZer, vec![a, b], i),
                    F::Mod if nonzero_const => e.op(O::IntMod, vec![a, b], i),
                    F::Mod => e.op(O::IntModZer, vec![a, b], i),
                    F::Pow => e.op(O::IntPow, vec![a, b], i),
                    F::LShift => e.op(O::IntLShift, vec![a, b], i),
                    F::RShift => e.op(O::IntRShift, vec![a, b], i),
                    F::And => e.op(O::IntAnd, vec![a, b], i),
                    F::Or => e.op(O::IntOr, vec![a, b], i),
                    F::Xor => e.op(O::IntXor, vec![a, b], i),
                    _ => return Err(Diagnostic::new(op.span, "unsupported int operation")),
                };
                if *res == S::Bool {
                    Ok(e.op(O::IntIsTrue, vec![r], LowType::Bool))
                } else {
                    Ok(r)
                }
            }
            S::Str { .. } => {
                if base == F::Mul {
                    let (s, n) = if matches!(anns[0], S::Str { .. }) {
                        (0, 1)
                    } else {
                        (1, 0)
                    };
                    let sv = self.arg(e, op, anns, s)?;
                    let nv = self.arg_as(e, op, anns, n, &S::Int)?;
                    return Ok(e.call_extern("rpy_str_mul", vec![sv, nv], STR));
                }
                let a = self.arg(e, op, anns, 0)?;
                let b = self.arg(e, op, anns, 1)?;
                let f = self.helper_str_concat(crate::rstr_helpers::StrKind::Str);
                Ok(e.call_func(f, vec![a, b], STR))
            }
            S::Bytes { .. } => {
                let a = self.arg(e, op, anns, 0)?;
                let b = self.arg(e, op, anns, 1)?;
                let f = self.helper_str_concat(crate::rstr_helpers::StrKind::Bytes);
                Ok(e.call_func(f, vec![a, b], LowType::Ptr(TypeTable::BYTES)))
            }
            _ => Err(Diagnostic::new(
                op.span,
                format!("unsupported arithmetic giving {}", res.describe()),
            )),
        }
    }

    /// Truth value of argument `i` as a Bool.
    fn truth(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
    ) -> Result<LlValue, Diagnostic> {
        let x = self.arg(e, op, anns, i)?;
        Ok(match &anns[i] {
            S::Bool => x,
            S::Int => e.op(O::IntIsTrue, vec![x], LowType::Bool),
            S::Float => e.op(O::FloatIsTrue, vec![x], LowType::Bool),
            S::None => Value::Const(LlConst::Bool(false)),
            S::Dict { .. } => self.dict_truth(e, x, &anns[i]),
            S::Str { nullable: false } | S::Bytes { nullable: false } => {
                let n = e.op(O::GetArrayLen, vec![x], LowType::Signed);
                e.op(O::IntIsTrue, vec![n], LowType::Bool)
            }
            S::Str { nullable: true } | S::Bytes { nullable: true } => {
                let f = self.helper_nullable_len_is_true();
                e.call_func(f, vec![x], LowType::Bool)
            }
            S::List { .. } => {
                let n = e.getfield(x, "length", LowType::Signed);
                e.op(O::IntIsTrue, vec![n], LowType::Bool)
            }
            S::Tuple(items) => Value::Const(LlConst::Bool(!items.is_empty())),
            S::Instance {
                nullable: false, ..
            } => Value::Const(LlConst::Bool(true)),
            S::Instance { nullable: true, .. } => e.op(O::PtrNonNull, vec![x], LowType::Bool),
            other => {
                return Err(Diagnostic::new(
                    op.span,
                    format!("truth value of {} is not supported", other.describe()),
                ))
            }
        })
    }

    fn lower_compare(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
    ) -> Result<LlValue, Diagnostic> {
        use FlowOp as F;
        let (a0, a1) = (&anns[0], &anns[1]);
        let b = LowType::Bool;
        let num = |x: &S| matches!(x, S::Int | S::Bool | S::Float);
        if num(a0) && num(a1) {
            let float = matches!(a0, S::Float) || matches!(a1, S::Float);
            let to = if float { S::Float } else { S::Int };
            let x = self.arg_as(e, op, anns, 0, &to)?;
            let y = self.arg_as(e, op, anns, 1, &to)?;
            let k = match (op.kind, float) {
                (F::Lt, false) => O::IntLt,
                (F::Le, false) => O::IntLe,
                (F::Eq, false) => O::IntEq,
                (F::Ne, false) => O::IntNe,
                (F::Gt, false) => O::IntGt,
                (F::Ge, false) => O::IntGe,
                (F::Lt, true) => O::FloatLt,
                (F::Le, true) => O::FloatLe,
                (F::Eq, true) => O::FloatEq,
                (F::Ne, true) => O::FloatNe,
                (F::Gt, true) => O::FloatGt,
                _ => O::FloatGe,
            };
            return Ok(e.op(k, vec![x, y], b));
        }
        if matches!(a0, S::None) || matches!(a1, S::None) {
            let other = if matches!(a0, S::None) { 1 } else { 0 };
            let eq = if matches!(anns[other], S::None) {
                Value::Const(LlConst::Bool(true))
            } else if anns[other].can_be_none() {
                let x = self.arg(e, op, anns, other)?;
                e.op(O::PtrIsNull, vec![x], b)
            } else {
                Value::Const(LlConst::Bool(false))
            };
            return Ok(if op.kind == F::Ne {
                e.op(O::BoolNot, vec![eq], b)
            } else {
                eq
            });
        }
        if let Some(r) = self.lower_str_eq_char(e, op, anns) {
            return r;
        }
        let x = self.arg(e, op, anns, 0)?;
        let y = self.arg(e, op, anns, 1)?;
        match (a0, a1) {
            (S::Str { .. }, S::Str { .. }) | (S::Bytes { .. }, S::Bytes { .. }) => {
                let bytes = matches!(a0, S::Bytes { .. });
                if matches!(op.kind, F::Eq | F::Ne) {
                    let f = self.helper_str_eq(if bytes {
                        crate::rstr_helpers::StrKind::Bytes
                    } else {
                        crate::rstr_helpers::StrKind::Str
                    });
                    let eq = e.call_func(f, vec![x, y], b);
                    return Ok(if op.kind == F::Ne {
                        e.op(O::BoolNot, vec![eq], b)
                    } else {
                        eq
                    });
                }
                if bytes {
                    return Err(Diagnostic::new(
                        op.span,
                        "ordering comparisons of bytes are not supported yet",
                    ));
                }
                let c = e.call_extern("rpy_str_cmp", vec![x, y], LowType::Signed);
                let k = match op.kind {
                    F::Lt => O::IntLt,
                    F::Le => O::IntLe,
                    F::Gt => O::IntGt,
                    _ => O::IntGe,
                };
                Ok(e.op(k, vec![c, c_signed(0)], b))
            }
            _ => Err(Diagnostic::new(
                op.span,
                format!(
                    "comparison of {} and {} is not supported",
                    a0.describe(),
                    a1.describe()
                ),
            )),
        }
    }

    fn lower_is(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S]) -> Result<LlValue, Diagnostic> {
        let b = LowType::Bool;
        let l0 = self.lowtype(&anns[0]);
        let l1 = self.lowtype(&anns[1]);
        let x = self.arg(e, op, anns, 0)?;
        let y = self.arg(e, op, anns, 1)?;
        Ok(match (l0, l1) {
            (LowType::Void, LowType::Void) => Value::Const(LlConst::Bool(
                matches!(anns[0], S::None) == matches!(anns[1], S::None),
            )),
            (LowType::Void, LowType::Ptr(_)) => e.op(O::PtrIsNull, vec![y], b),
            (LowType::Ptr(_), LowType::Void) => e.op(O::PtrIsNull, vec![x], b),
            (LowType::Ptr(_), LowType::Ptr(_)) => e.op(O::PtrEq, vec![x, y], b),
            (LowType::Signed, LowType::Signed) => e.op(O::IntEq, vec![x, y], b),
            (LowType::Bool, LowType::Bool) => {
                let xi = e.op(O::CastBoolToInt, vec![x], LowType::Signed);
                let yi = e.op(O::CastBoolToInt, vec![y], LowType::Signed);
                e.op(O::IntEq, vec![xi, yi], b)
            }
            _ => Value::Const(LlConst::Bool(false)),
        })
    }

    fn lower_len(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
    ) -> Result<LlValue, Diagnostic> {
        let x = self.arg(e, op, anns, i)?;
        Ok(match &anns[i] {
            S::Str { .. } | S::Bytes { .. } => e.op(O::GetArrayLen, vec![x], LowType::Signed),
            S::List { .. } => e.getfield(x, "length", LowType::Signed),
            S::Tuple(items) => c_signed(items.len() as i64),
            S::Dict { .. } | S::DictPart { .. } => e.getfield(x, "num_items", LowType::Signed),
            other => {
                return Err(Diagnostic::new(
                    op.span,
                    format!("len() of {} is not supported", other.describe()),
                ))
            }
        })
    }

    fn lower_getitem(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Result<LlValue, Diagnostic> {
        match &anns[0] {
            S::Tuple(_) if op.args[1].as_const().and_then(Const::as_int).is_none() => {
                let t = self.arg(e, op, anns, 0)?;
                let i = self.arg_as(e, op, anns, 1, &S::Int)?;
                let h = self.helper_tuple_getitem_checked(&anns[0], res);
                let lt = self.lowtype(res);
                Ok(e.call_func(h, vec![t, i], lt))
            }
            S::Tuple(_) => {
                let i = op.args[1]
                    .as_const()
                    .and_then(Const::as_int)
                    .expect("annotator checked the index");
                let n = match &anns[0] {
                    S::Tuple(items) => items.len() as i64,
                    _ => 0,
                };
                let idx = if i < 0 { i + n } else { i };
                let t = self.arg(e, op, anns, 0)?;
                let lt = self.lowtype(res);
                Ok(e.getfield(t, &format!("f{idx}"), lt))
            }
            S::Str { .. } => {
                let s = self.arg(e, op, anns, 0)?;
                let i = self.arg_as(e, op, anns, 1, &S::Int)?;
                let f = self.helper_str_getitem_char();
                Ok(e.call_func(f, vec![s, i], LowType::Signed))
            }
            S::List { .. } => {
                let l = self.arg(e, op, anns, 0)?;
                let i = self.arg_as(e, op, anns, 1, &S::Int)?;
                let lt = self.lowtype(&anns[0]);
                let LowType::Ptr(list_t) = lt else {
                    unreachable!()
                };
                let f = self.helper_list_getitem(list_t);
                let item = self.lowtype(res);
                Ok(e.call_func(f, vec![l, i], item))
            }
            S::Bytes { .. } => {
                let b = self.arg(e, op, anns, 0)?;
                let i = self.arg_as(e, op, anns, 1, &S::Int)?;
                let f = self.helper_bytes_getitem();
                Ok(e.call_func(f, vec![b, i], LowType::Signed))
            }
            other => Err(Diagnostic::new(
                op.span,
                format!("indexing {} is not supported", other.describe()),
            )),
        }
    }

    /// `str(x)` (or `repr(x)`) of argument `i`.
    fn to_str(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
        repr: bool,
    ) -> Result<LlValue, Diagnostic> {
        let x = self.arg(e, op, anns, i)?;
        self.str_of(e, x, &anns[i], repr)
            .map_err(|m| Diagnostic::new(op.span, m))
    }

    /// Python 2's `str(x)`: as `str_of`, but a float has 12 significant
    /// digits.
    fn to_str_py2(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
    ) -> Result<LlValue, Diagnostic> {
        if anns[i] == S::Float {
            let x = self.arg_as(e, op, anns, i, &S::Float)?;
            return Ok(e.call_extern("rpy_str_from_float_py2", vec![x], STR));
        }
        self.to_str(e, op, anns, i, false)
    }

    pub fn str_of(
        &mut self,
        e: &mut Emit,
        x: LlValue,
        ann: &S,
        repr: bool,
    ) -> Result<LlValue, String> {
        Ok(match ann {
            S::Int => e.call_extern("rpy_str_from_int", vec![x], STR),
            S::Unsigned => e.call_extern("rpy_str_from_uint", vec![x], STR),
            S::Bool => e.call_extern("rpy_str_from_bool", vec![x], STR),
            // Python 2's str() of a float has 12 significant digits (`%s`,
            // print, str()); repr() is the same in both dialects.
            S::Float if self.prog.py2 && !repr => {
                e.call_extern("rpy_str_from_float_py2", vec![x], STR)
            }
            S::Float => e.call_extern("rpy_str_from_float", vec![x], STR),
            S::None => self.str_const("None"),
            S::Str { nullable: false } if repr => e.call_extern("rpy_str_repr", vec![x], STR),
            S::Str { nullable: false } => x,
            S::Bytes { nullable: false } => e.call_extern("rpy_bytes_repr", vec![x], STR),
            S::Dict { .. } => self.dict_str(e, x, ann),
            S::Str { nullable: true } | S::Bytes { nullable: true } => {
                let f = self.helper_repr_of(ann, repr);
                e.call_func(f, vec![x], STR)
            }
            S::Instance { class, .. } if repr => self.exc_repr(e, x, *class)?,
            S::Instance { .. } => self.exc_str(e, x).map_err(|d| d.message)?,
            S::List { .. } | S::Tuple(_) => self.emit_repr(e, x, ann),
            other => {
                return Err(format!(
                    "str() of {} is not supported yet",
                    other.describe()
                ))
            }
        })
    }

    /// A `memo` call over run-time bools: a helper graph of the bools that
    /// returns the matching translation-time result.
    fn lower_memo_choice(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        choice: &rpy_annotator::specialize::MemoChoice,
    ) -> Result<LlValue, Diagnostic> {
        let CallShape { first, .. } = call_shape(op);
        let mut flags = Vec::new();
        for &p in &choice.varying {
            flags.push(self.arg_as(e, op, anns, first + p, &S::Bool)?);
        }
        let mut values = Vec::new();
        for c in &choice.results {
            values.push(
                self.const_value(c, res)
                    .map_err(|m| Diagnostic::new(op.span, m))?,
            );
        }
        let res_lt = self.lowtype(res);
        let n = flags.len();
        let key = format!("memo_choice_{gid:?}_{}", op.result);
        let index = self.add_helper(key, |_| {
            let (mut f, p) =
                crate::fnbuild::FnBuilder::new("ll_memo_choice", &vec![LowType::Bool; n], res_lt);
            fn pick(
                f: &mut crate::fnbuild::FnBuilder,
                p: &[crate::fnbuild::Slot],
                values: &[LlValue],
            ) {
                if values.len() == 1 {
                    return f.ret(values[0].clone());
                }
                // The highest bit splits the results in halves.
                let half = values.len() / 2;
                let bit = half.trailing_zeros() as usize;
                let flag = f.get(p[bit]);
                f.if_else(
                    flag,
                    |f| pick(f, p, &values[half..]),
                    |f| pick(f, p, &values[..half]),
                );
            }
            pick(&mut f, &p, &values);
            f.finish()
        });
        Ok(e.call_func(index, flags, res_lt))
    }

    fn lower_call(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Result<LlValue, Diagnostic> {
        // A `specialize.memo()` call is its translation-time result, or
        // picks one of them by its run-time bool arguments.
        if let Some(choice) = self.ann.spec.memo_choice(gid, op.result).cloned() {
            return self.lower_memo_choice(e, gid, op, anns, res, &choice);
        }
        if let Some(c) = self.ann.spec.memo(gid, op.result) {
            return self
                .const_value(&c.clone(), res)
                .map_err(|m| Diagnostic::new(op.span, m));
        }
        // Positional args are op.args[first..first+npos], keywords after.
        let CallShape {
            first,
            npos,
            kwnames,
        } = call_shape(op);
        let res_lt = self.lowtype(res);
        match &anns[0] {
            S::Functions(fs) if fs.len() == 1 => {
                let f = fs[0];
                let index = self.call_index(gid, op.result, f);
                let callee = rpy_annotator::GraphId::from_u32(index);
                let args = self.call_args(e, op, anns, f, callee, None)?;
                Ok(e.call_func(index, args, res_lt))
            }
            S::Functions(_) => Err(Diagnostic::new(
                op.span,
                "calls through a variable holding one of several functions are not supported yet",
            )),
            S::Class(c) => {
                let t = self.reprs.class_types[c];
                let inst = e.op(
                    O::Malloc,
                    vec![Value::Const(LlConst::Type(t))],
                    LowType::Ptr(t),
                );
                if npos == 1 {
                    let m = self.arg(e, op, anns, first)?;
                    let s = self
                        .str_of(e, m, &anns[first], false)
                        .map_err(|m| Diagnostic::new(op.span, m))?;
                    e.setfield(inst.clone(), "message", s);
                }
                Ok(inst)
            }
            S::Builtin(b) => self.lower_builtin(e, *b, op, anns, first, npos, &kwnames, res),
            other => Err(Diagnostic::new(
                op.span,
                format!("calling {} is not supported", other.describe()),
            )),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_builtin(
        &mut self,
        e: &mut Emit,
        b: Builtin,
        op: &Op<Flow>,
        anns: &[S],
        first: usize,
        npos: usize,
        kwnames: &[String],
        res: &S,
    ) -> Result<LlValue, Diagnostic> {
        use Builtin as B;
        let err = |m: String| Diagnostic::new(op.span, m);
        let res_lt = self.lowtype(res);
        match b {
            B::Print => {
                let mut sep = None;
                let mut end = None;
                for (k, name) in kwnames.iter().enumerate() {
                    let i = first + npos + k;
                    let v = match &anns[i] {
                        S::None => None,
                        _ => Some(self.arg(e, op, anns, i)?),
                    };
                    if name == "sep" {
                        sep = v;
                    } else {
                        end = v;
                    }
                }
                let sep = match sep {
                    Some(s) => s,
                    None => self.str_const(" "),
                };
                let end = match end {
                    Some(s) => s,
                    None => self.str_const("\n"),
                };
                for i in 0..npos {
                    if i > 0 {
                        e.call_extern("rpy_print_str", vec![sep.clone()], LowType::Void);
                    }
                    let x = self.arg(e, op, anns, first + i)?;
                    let s = self.str_of(e, x, &anns[first + i], false).map_err(err)?;
                    e.call_extern("rpy_print_str", vec![s], LowType::Void);
                }
                Ok(e.call_extern("rpy_print_str", vec![end], LowType::Void))
            }
            B::Len => self.lower_len(e, op, anns, first),
            B::StrFn | B::Repr => {
                if npos == 0 {
                    return Ok(self.str_const(""));
                }
                self.to_str(e, op, anns, first, b == B::Repr)
            }
            B::Py2Str => {
                if npos == 0 {
                    return Ok(self.str_const(""));
                }
                self.to_str_py2(e, op, anns, first)
            }
            B::Py2PrintItem => {
                let fd = self.arg_as(e, op, anns, first, &S::Int)?;
                let s = self.to_str_py2(e, op, anns, first + 1)?;
                let is_str = matches!(anns[first + 1], S::Str { .. });
                let is_str = Value::Const(LlConst::Bool(is_str));
                Ok(e.call_extern("rpy_py2_print_item", vec![fd, s, is_str], LowType::Void))
            }
            B::Py2PrintNewline => {
                let fd = self.arg_as(e, op, anns, first, &S::Int)?;
                Ok(e.call_extern("rpy_py2_print_newline", vec![fd], LowType::Void))
            }
            B::IntFn => {
                if npos == 0 {
                    return Ok(c_signed(0));
                }
                match &anns[first] {
                    S::Int | S::Bool => self.arg_as(e, op, anns, first, &S::Int),
                    S::Float => {
                        let x = self.arg(e, op, anns, first)?;
                        Ok(e.op(O::CastFloatToInt, vec![x], LowType::Signed))
                    }
                    _ => {
                        let s = self.arg(e, op, anns, first)?;
                        let base = if npos == 2 {
                            self.arg_as(e, op, anns, first + 1, &S::Int)?
                        } else {
                            c_signed(10)
                        };
                        Ok(e.call_extern("rpy_int_from_str", vec![s, base], LowType::Signed))
                    }
                }
            }
            B::FloatFn => {
                if npos == 0 {
                    return Ok(Value::Const(LlConst::Float(0.0)));
                }
                match &anns[first] {
                    S::Str { .. } => {
                        let s = self.arg(e, op, anns, first)?;
                        Ok(e.call_extern("rpy_float_from_str", vec![s], LowType::Float))
                    }
                    _ => self.arg_as(e, op, anns, first, &S::Float),
                }
            }
            B::BoolFn => {
                if npos == 0 {
                    return Ok(Value::Const(LlConst::Bool(false)));
                }
                self.truth(e, op, anns, first)
            }
            B::Abs => {
                let x = self.arg_as(e, op, anns, first, res)?;
                Ok(match res {
                    S::Float => e.op(O::FloatAbs, vec![x], LowType::Float),
                    _ => e.op(O::IntAbs, vec![x], LowType::Signed),
                })
            }
            B::Min | B::Max => {
                let to = if *res == S::Bool { S::Int } else { res.clone() };
                let x = self.arg_as(e, op, anns, first, &to)?;
                let y = self.arg_as(e, op, anns, first + 1, &to)?;
                let k = match (b, &to) {
                    (B::Min, S::Float) => O::FloatMin,
                    (B::Max, S::Float) => O::FloatMax,
                    (B::Min, _) => O::IntMin,
                    _ => O::IntMax,
                };
                let r = e.op(k, vec![x, y], self.lowtype(&to));
                Ok(if *res == S::Bool {
                    e.op(O::IntIsTrue, vec![r], LowType::Bool)
                } else {
                    r
                })
            }
            B::Range => {
                let mut vals = Vec::new();
                for i in 0..npos {
                    vals.push(self.arg_as(e, op, anns, first + i, &S::Int)?);
                }
                let (start, stop, step) = match vals.len() {
                    1 => (c_signed(0), vals[0].clone(), c_signed(1)),
                    2 => (vals[0].clone(), vals[1].clone(), c_signed(1)),
                    _ => (vals[0].clone(), vals[1].clone(), vals[2].clone()),
                };
                let f = self.helper_newrange();
                Ok(e.call_func(f, vec![start, stop, step], res_lt))
            }
            B::OsWrite => {
                let fd = self.arg_as(e, op, anns, first, &S::Int)?;
                let mut data = self.arg(e, op, anns, first + 1)?;
                if matches!(anns[first + 1], S::Str { .. }) {
                    // py2: the str's code points are its bytes (latin-1).
                    let bytes = LowType::Ptr(crate::lltype::TypeTable::BYTES);
                    data = e.call_extern("rpy_str_encode", vec![data, c_signed(1)], bytes);
                }
                Ok(e.call_extern("rpy_os_write", vec![fd, data], LowType::Signed))
            }
            B::BytesFn => self.lower_bytes_ctor(e, op, anns, first, npos),
            B::Chr => {
                let x = self.arg_as(e, op, anns, first, &S::Int)?;
                let f = self.helper_chr();
                Ok(e.call_func(f, vec![x], LowType::Signed))
            }
            B::Ord => {
                let f = self.helper_ord();
                let s = self.arg(e, op, anns, first)?;
                Ok(e.call_func(f, vec![s], LowType::Signed))
            }
            _ => Err(err(format!(
                "the builtin {}() is not supported by the rtyper yet",
                b.name()
            ))),
        }
    }
}
