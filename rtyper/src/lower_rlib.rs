//! Lowering of the support package's intrinsics, `r_uint` arithmetic,
//! the `_ovf` ops of `ovfcheck(...)` and the run-time modules `os`,
//! `time`, `math` (the annotations come from `rules_rlib.rs`).
//!
//! `r_uint` values are `Unsigned` words; the int ops act on them with
//! unsigned semantics where it matters (division, modulo, right shift,
//! comparisons) because codegen reads the result/operand type.
//! JIT hints become the ops of `lower_jit.rs`.

use crate::emit::{c_signed, Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::rules::arith_base;
use rpy_annotator::rules_rlib::{is_rlib_builtin, Intrinsic};
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<LlValue, Diagnostic>;

const STR: LowType = LowType::Ptr(TypeTable::STR);

impl<'a, 'p> RTyper<'a, 'p> {
    /// Argument `i` in the representation of `to`.
    fn rl_arg(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], i: usize, to: &S) -> R {
        match &op.args[i] {
            Value::Const(c) => self
                .const_value(c, to)
                .map_err(|m| Diagnostic::new(e.span, m)),
            Value::Var(v) => Ok(self.convert(e, Value::Var(*v), &anns[i], to)),
        }
    }

    /// The lowering of `op` if it is this module's business.
    pub fn lower_rlib(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> Option<R> {
        use FlowOp as F;
        match op.kind {
            F::AddOvf | F::SubOvf | F::MulOvf | F::NegOvf | F::LShiftOvf => {
                return Some(self.lower_ovf(e, op, anns))
            }
            F::SimpleCall | F::CallKw => {
                return match &anns[0] {
                    S::Builtin(b) if is_rlib_builtin(*b) => {
                        Some(self.lower_rlib_call(e, *b, op, anns, res))
                    }
                    S::Intrinsic(Intrinsic::JitMethod { driver, name }) => {
                        let (d, n) = (*driver, *name);
                        Some(self.lower_jit_method(e, op, anns, d, n))
                    }
                    S::Intrinsic(_) => Some(Ok(Value::Const(LlConst::Void))),
                    _ => None,
                };
            }
            F::GetAttr if matches!(anns[0], S::Intrinsic(Intrinsic::JitDriver(_))) => {
                return Some(Ok(Value::Const(LlConst::Void)));
            }
            _ => {}
        }
        if !anns.iter().any(|a| matches!(a, S::Unsigned))
            || rpy_annotator::rules_rlib::stores_unsigned(op.kind, anns)
        {
            return None;
        }
        Some(self.lower_unsigned(e, op, anns, res))
    }

    fn lower_ovf(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S]) -> R {
        let mut a = Vec::new();
        for i in 0..op.args.len() {
            a.push(self.rl_arg(e, op, anns, i, &S::Int)?);
        }
        if op.kind == FlowOp::LShiftOvf {
            let h = self.helper_int_lshift_ovf();
            return Ok(e.call_func(h, a, LowType::Signed));
        }
        let k = match op.kind {
            FlowOp::AddOvf => O::IntAddOvf,
            FlowOp::SubOvf => O::IntSubOvf,
            FlowOp::MulOvf => O::IntMulOvf,
            _ => O::IntNegOvf,
        };
        Ok(e.op(k, a, LowType::Signed))
    }

    fn lower_unsigned(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> R {
        use FlowOp as F;
        let u = LowType::Unsigned;
        if let Some(base) = arith_base(op.kind) {
            let a = self.rl_arg(e, op, anns, 0, &S::Unsigned)?;
            if matches!(base, F::LShift | F::RShift) {
                let n = self.rl_arg(e, op, anns, 1, &S::Int)?;
                let k = if base == F::LShift {
                    O::IntLShift
                } else {
                    O::IntRShift
                };
                return Ok(e.op(k, vec![a, n], u));
            }
            let b = self.rl_arg(e, op, anns, 1, &S::Unsigned)?;
            let nonzero_const = matches!(&b, Value::Const(LlConst::Unsigned(d)) if *d != 0);
            let k = match base {
                F::Add => O::IntAdd,
                F::Sub => O::IntSub,
                F::Mul => O::IntMul,
                F::FloorDiv | F::Div if nonzero_const => O::IntFloorDiv,
                F::FloorDiv | F::Div => O::IntFloorDivZer,
                F::Mod if nonzero_const => O::IntMod,
                F::Mod => O::IntModZer,
                F::And => O::IntAnd,
                F::Or => O::IntOr,
                F::Xor => O::IntXor,
                _ => {
                    return Err(Diagnostic::new(
                        op.span,
                        format!("`{}` on r_uint is not supported", op.kind),
                    ))
                }
            };
            return Ok(e.op(k, vec![a, b], u));
        }
        match op.kind {
            F::Neg | F::Invert | F::Pos => {
                let x = self.rl_arg(e, op, anns, 0, &S::Unsigned)?;
                Ok(match op.kind {
                    F::Neg => e.op(O::IntNeg, vec![x], u),
                    F::Invert => e.op(O::IntInvert, vec![x], u),
                    _ => x,
                })
            }
            F::Bool | F::Not => {
                let x = self.rl_arg(e, op, anns, 0, &S::Unsigned)?;
                let t = e.op(O::IntIsTrue, vec![x], LowType::Bool);
                Ok(if op.kind == F::Not {
                    e.op(O::BoolNot, vec![t], LowType::Bool)
                } else {
                    t
                })
            }
            F::Lt | F::Le | F::Eq | F::Ne | F::Gt | F::Ge => {
                let x = self.rl_arg(e, op, anns, 0, &S::Unsigned)?;
                let y = self.rl_arg(e, op, anns, 1, &S::Unsigned)?;
                // codegen compares unsigned when the first operand is.
                let x = match x {
                    Value::Const(c) => e.op(O::SameAs, vec![Value::Const(c)], u),
                    v => v,
                };
                let k = match op.kind {
                    F::Lt => O::IntLt,
                    F::Le => O::IntLe,
                    F::Eq => O::IntEq,
                    F::Ne => O::IntNe,
                    F::Gt => O::IntGt,
                    _ => O::IntGe,
                };
                Ok(e.op(k, vec![x, y], LowType::Bool))
            }
            F::Str | F::Format => {
                if op.kind == F::Format
                    && !matches!(op.args.get(1).and_then(Value::as_const), Some(Const::Str(s)) if s.is_empty())
                {
                    return Err(Diagnostic::new(
                        op.span,
                        "format specs on r_uint are not supported; use str()",
                    ));
                }
                let x = self.rl_arg(e, op, anns, 0, &S::Unsigned)?;
                Ok(e.call_extern("rpy_str_from_uint", vec![x], STR))
            }
            F::NewTuple | F::Is => Err(Diagnostic::new(
                op.span,
                format!("`{}` with r_uint values is not supported yet", op.kind),
            )),
            k => {
                let _ = res;
                Err(Diagnostic::new(
                    op.span,
                    format!("`{k}` on r_uint is not supported"),
                ))
            }
        }
    }

    fn lower_rlib_call(
        &mut self,
        e: &mut Emit,
        b: Builtin,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> R {
        use Builtin as B;
        let first = if op.kind == FlowOp::CallKw { 2 } else { 1 };
        let nkw = match op.args.get(1).and_then(Value::as_const) {
            Some(Const::Tuple(t)) if op.kind == FlowOp::CallKw => t.len(),
            _ => 0,
        };
        let npos = op.args.len() - first - nkw;
        let f = LowType::Float;
        let int = LowType::Signed;
        let void = || Value::Const(LlConst::Void);
        let boolc = |x: bool| Value::Const(LlConst::Bool(x));
        match b {
            B::RarithIntmask | B::RarithRInt => {
                let x = self.rl_arg(e, op, anns, first, &anns[first].clone())?;
                Ok(match &anns[first] {
                    S::Unsigned => e.op(O::SameAs, vec![x], int),
                    S::Bool => e.op(O::CastBoolToInt, vec![x], int),
                    _ => x,
                })
            }
            B::RarithRUint => {
                if npos == 0 {
                    return Ok(Value::Const(LlConst::Unsigned(0)));
                }
                self.rl_arg(e, op, anns, first, &S::Unsigned)
            }
            B::RarithWiden | B::JitHint => self.rl_arg(e, op, anns, first, res),
            B::JitPromote | B::JitPromoteString => {
                let x = self.rl_arg(e, op, anns, first, res)?;
                let t = self.lowtype(res);
                Ok(e.op(O::JitPromote, vec![x], t))
            }
            B::RarithIsValidInt => Ok(boolc(matches!(anns[first], S::Int | S::Bool))),
            B::ObjWeAreTranslated => Ok(boolc(true)),
            B::JitWeAreJitted => Ok(e.op(O::JitWeAreJitted, vec![], LowType::Bool)),
            B::JitIsConstant | B::JitIsVirtual => Ok(boolc(false)),
            B::JitSetParam => self.lower_jit_set_param(e, op, anns, first),
            B::ObjKeepalive => Ok(void()),
            B::ObjComputeHash => {
                let x = self.rl_arg(e, op, anns, first, &anns[first].clone())?;
                Ok(match &anns[first] {
                    S::Str { .. } => e.call_extern("rpy_str_hash", vec![x], int),
                    S::Float => e.call_extern("rpy_float_hash", vec![x], int),
                    S::Bool => e.op(O::CastBoolToInt, vec![x], int),
                    _ => {
                        // hash(-1) is -2, as CPython.
                        let is_m1 = e.op(O::IntEq, vec![x.clone(), c_signed(-1)], LowType::Bool);
                        let d = e.op(O::CastBoolToInt, vec![is_m1], int);
                        e.op(O::IntSub, vec![x, d], int)
                    }
                })
            }
            B::ObjComputeIdentityHash | B::ObjComputeUniqueId => {
                let x = self.rl_arg(e, op, anns, first, &anns[first].clone())?;
                Ok(e.call_extern("rpy_identity_hash", vec![x], int))
            }
            B::OsRead => {
                let fd = self.rl_arg(e, op, anns, first, &S::Int)?;
                let n = self.rl_arg(e, op, anns, first + 1, &S::Int)?;
                let data =
                    e.call_extern("rpy_os_read", vec![fd, n], LowType::Ptr(TypeTable::BYTES));
                if self.prog.py2 {
                    // py2's byte string is a str of one code point per byte.
                    return Ok(e.call_extern(
                        "rpy_bytes_decode",
                        vec![data, c_signed(1)],
                        LowType::Ptr(TypeTable::STR),
                    ));
                }
                Ok(data)
            }
            B::OsOpen => {
                let p = self.rl_arg(e, op, anns, first, &S::Str { nullable: false })?;
                let fl = self.rl_arg(e, op, anns, first + 1, &S::Int)?;
                let mode = if npos == 3 {
                    self.rl_arg(e, op, anns, first + 2, &S::Int)?
                } else {
                    c_signed(0o777)
                };
                Ok(e.call_extern("rpy_os_open", vec![p, fl, mode], int))
            }
            B::OsClose => {
                let fd = self.rl_arg(e, op, anns, first, &S::Int)?;
                // The call must stay the block's last op (it can raise).
                Ok(e.call_extern("rpy_os_close", vec![fd], LowType::Void))
            }
            B::OsLseek => {
                let mut a = Vec::new();
                for i in 0..3 {
                    a.push(self.rl_arg(e, op, anns, first + i, &S::Int)?);
                }
                Ok(e.call_extern("rpy_os_lseek", a, int))
            }
            B::OsGetenv => {
                let n = self.rl_arg(e, op, anns, first, &S::Str { nullable: false })?;
                Ok(e.call_extern("rpy_os_getenv", vec![n], STR))
            }
            B::TimeTime => Ok(e.call_extern("rpy_time_time", vec![], f)),
            B::TimePerfCounter => Ok(e.call_extern("rpy_time_perf_counter", vec![], f)),
            B::MathFabs => {
                let x = self.rl_arg(e, op, anns, first, &S::Float)?;
                Ok(e.op(O::FloatAbs, vec![x], f))
            }
            B::MathIsnan => {
                let x = self.rl_arg(e, op, anns, first, &S::Float)?;
                Ok(e.op(O::FloatNe, vec![x.clone(), x], LowType::Bool))
            }
            B::MathIsinf => {
                let x = self.rl_arg(e, op, anns, first, &S::Float)?;
                let a = e.op(O::FloatAbs, vec![x], f);
                Ok(e.op(
                    O::FloatEq,
                    vec![a, Value::Const(LlConst::Float(f64::INFINITY))],
                    LowType::Bool,
                ))
            }
            B::MathFloor | B::MathCeil => {
                let x = self.rl_arg(e, op, anns, first, &S::Float)?;
                let name = if b == B::MathFloor {
                    "rpy_math_floor"
                } else {
                    "rpy_math_ceil"
                };
                Ok(e.call_extern(name, vec![x], int))
            }
            B::MathLog if npos == 2 => {
                // log(x, base) = log(x) / log(base), as CPython.
                let x = self.rl_arg(e, op, anns, first, &S::Float)?;
                let base = self.rl_arg(e, op, anns, first + 1, &S::Float)?;
                let lx = e.call_extern("rpy_math_log", vec![x], f);
                let lb = e.call_extern("rpy_math_log", vec![base], f);
                Ok(e.op(O::FloatTrueDiv, vec![lx, lb], f))
            }
            _ if b.name().starts_with("math.") => {
                let sym = format!("rpy_math_{}", &b.name()[5..]);
                if rpy_abi::runtime_func(&sym).is_none() {
                    return Err(Diagnostic::new(
                        op.span,
                        format!("{}() is not supported by the rtyper yet", b.name()),
                    ));
                }
                let mut a = Vec::new();
                for i in 0..npos {
                    a.push(self.rl_arg(e, op, anns, first + i, &S::Float)?);
                }
                Ok(e.call_extern(&sym, a, f))
            }
            _ => Err(Diagnostic::new(
                op.span,
                format!("{}() cannot be called at run time", b.name()),
            )),
        }
    }
}
