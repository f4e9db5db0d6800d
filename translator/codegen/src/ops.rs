//! Lowering of one low-level op (`rpy_rtyper::LlOp`) to Cranelift
//! instructions, with Python's semantics where they differ from the
//! machine's:
//! * `int_floordiv` / `int_mod` round towards negative infinity: the
//!   truncating quotient is decremented (the remainder moved by the
//!   divisor) when the remainder is non-zero and its sign differs from the
//!   divisor's; `i64::MIN // -1` wraps instead of trapping (the divisor -1
//!   is replaced by 1 and the quotient negated).
//! * `_zer` ops raise ZeroDivisionError, `_ovf` ops OverflowError; shifts
//!   raise ValueError on a negative count and saturate past 63.
//! * float `min`/`max` return the first operand unless the second is
//!   strictly smaller/greater (so NaN handling matches Python's builtins).
//! * `int_pow`, `float_pow`, `float_mod`, `float_floordiv` and
//!   `cast_float_to_int` call the runtime, which raises itself.
//!
//! Allocation goes through [`FnCx::allocate`] only, so that inline bump
//! allocation can replace the runtime call in one place.

use crate::func::FnCx;
use crate::symbols::Message;
use crate::types::{self, clif_type};
use cranelift_codegen::ir::{
    condcodes::FloatCC, condcodes::IntCC, types as ct, InstBuilder, MemFlagsData, Value,
};
use cranelift_module::Module;
use rpy_flow::graph::{Op, Value as GValue};
use rpy_rtyper::{GcType, GcTypeId, Ll, LlConst, LlOp, LowType};

type R = Result<Option<Value>, String>;

impl FnCx<'_, '_> {
    pub(crate) fn lower_op(&mut self, op: &Op<Ll>) -> R {
        use LlOp::*;
        let rt = self.g.var_types[op.result];
        let n = op.args.len();
        let want = |k: usize| {
            if n == k {
                Ok(())
            } else {
                Err(format!("expected {k} operands, got {n}"))
            }
        };
        match op.kind {
            DirectCall => return self.direct_call(op),
            GcPushRoots | GcReloadRoot | GcSafepoint | GcWriteBarrier | GcWriteBarrierItem => {
                return self.gc_op(op)
            }
            IndirectCall => return self.indirect_call(op),
            Malloc => {
                want(1)?;
                let t = self.type_operand(&op.args[0])?;
                let size = self.gc_type(t)?.layout().fixed_size;
                let size = self.b.ins().iconst(ct::I64, size as i64);
                return self.allocate(t, size).map(Some);
            }
            MallocVarsize => {
                want(2)?;
                let t = self.type_operand(&op.args[0])?;
                let ty = self.gc_type(t)?;
                let layout = ty.layout();
                let (Some(item), Some(lo), Some(io)) =
                    (ty.items, layout.length_offset, layout.items_offset)
                else {
                    return Err(format!("malloc_varsize of the fixed-size type {}", ty.name));
                };
                let len = self.value(&op.args[1])?;
                let bytes = self.b.ins().imul_imm_s(len, item.size() as i64);
                let size = self.b.ins().iadd_imm_s(bytes, io as i64 + 7);
                let size = self.b.ins().band_imm_s(size, -8);
                let obj = self.allocate(t, size)?;
                self.b
                    .ins()
                    .store(MemFlagsData::trusted(), len, obj, lo as i32);
                return Ok(Some(obj));
            }
            _ => {}
        }
        let mut a = Vec::with_capacity(n);
        let mut voids = 0;
        for arg in &op.args {
            match arg {
                GValue::Const(LlConst::Field(_) | LlConst::Type(_)) => {}
                // A Void operand (an item of a list of Nones, or of a list
                // that never gets an item) has no value.
                GValue::Const(LlConst::Void) => voids += 1,
                GValue::Var(v) if self.g.var_types[*v] == LowType::Void => voids += 1,
                _ => a.push(self.value(arg)?),
            }
        }
        if voids > 0 && matches!(op.kind, SetField | SetArrayItem) {
            // Storing a Void value stores nothing.
            return Ok(None);
        }
        let arity = |k: usize| {
            if a.len() == k {
                Ok(())
            } else {
                Err(format!("expected {k} value operands, got {}", a.len()))
            }
        };
        if op.kind == SameAs && a.is_empty() && rt == LowType::Void {
            // `same_as(void)`: a Void result has no value.
            return Ok(None);
        }
        if op.kind == SameAs && a.is_empty() && rt == LowType::Void {
            // `same_as(void)`: a Void result has no value.
            return Ok(None);
        }
        if let Some(k) = value_arity(op.kind) {
            arity(k)?;
        }
        let unsigned = matches!(rt, LowType::Unsigned);
        let v = match op.kind {
            SameAs => {
                arity(1)?;
                a[0]
            }
            IntAdd => self.b.ins().iadd(a[0], a[1]),
            IntSub => self.b.ins().isub(a[0], a[1]),
            IntMul => self.b.ins().imul(a[0], a[1]),
            IntFloorDiv | IntMod | IntFloorDivZer | IntModZer => {
                arity(2)?;
                if matches!(op.kind, IntFloorDivZer | IntModZer) {
                    let zero = self.b.ins().icmp_imm_s(IntCC::Equal, a[1], 0);
                    self.raise_if(zero, "ZeroDivisionError", Message::IntDivZero)?;
                }
                let div = matches!(op.kind, IntFloorDiv | IntFloorDivZer);
                if unsigned {
                    if div {
                        self.b.ins().udiv(a[0], a[1])
                    } else {
                        self.b.ins().urem(a[0], a[1])
                    }
                } else {
                    self.python_divmod(a[0], a[1], div)
                }
            }
            IntAddOvf | IntSubOvf | IntMulOvf => {
                arity(2)?;
                let (v, of) = match op.kind {
                    IntAddOvf => self.b.ins().sadd_overflow(a[0], a[1]),
                    IntSubOvf => self.b.ins().ssub_overflow(a[0], a[1]),
                    _ => self.b.ins().smul_overflow(a[0], a[1]),
                };
                self.raise_if(of, "OverflowError", Message::IntOverflow)?;
                v
            }
            IntNegOvf => {
                arity(1)?;
                let of = self.b.ins().icmp_imm_s(IntCC::Equal, a[0], i64::MIN);
                self.raise_if(of, "OverflowError", Message::IntOverflow)?;
                self.b.ins().ineg(a[0])
            }
            IntLShift | IntRShift => {
                arity(2)?;
                let (x, count) = (a[0], a[1]);
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, count, 0);
                self.raise_if(neg, "ValueError", Message::NegativeShift)?;
                let big = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, count, 63);
                if op.kind == IntLShift {
                    let shifted = self.b.ins().ishl(x, count);
                    let zero = self.b.ins().iconst(ct::I64, 0);
                    self.b.ins().select(big, zero, shifted)
                } else if unsigned {
                    let shifted = self.b.ins().ushr(x, count);
                    let zero = self.b.ins().iconst(ct::I64, 0);
                    self.b.ins().select(big, zero, shifted)
                } else {
                    let c63 = self.b.ins().iconst(ct::I64, 63);
                    let c = self.b.ins().select(big, c63, count);
                    self.b.ins().sshr(x, c)
                }
            }
            IntAnd => self.b.ins().band(a[0], a[1]),
            IntOr => self.b.ins().bor(a[0], a[1]),
            IntXor => self.b.ins().bxor(a[0], a[1]),
            IntNeg => self.b.ins().ineg(a[0]),
            IntAbs => self.b.ins().iabs(a[0]),
            IntInvert => self.b.ins().bnot(a[0]),
            IntPow => return self.call_runtime("rpy_int_pow", &a),
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe => {
                arity(2)?;
                let unsigned_operands = self.operand_type(&op.args[0]) == Some(LowType::Unsigned);
                let cc = int_cc(op.kind, unsigned_operands);
                self.b.ins().icmp(cc, a[0], a[1])
            }
            IntIsTrue => self.b.ins().icmp_imm_s(IntCC::NotEqual, a[0], 0),
            IntBetween => {
                arity(3)?;
                let zero = matches!(op.args[0], GValue::Const(LlConst::Signed(0)));
                let (x, n) = if zero {
                    (a[1], a[2])
                } else {
                    (self.b.ins().isub(a[1], a[0]), self.b.ins().isub(a[2], a[0]))
                };
                self.b.ins().icmp(IntCC::UnsignedLessThan, x, n)
            }
            IndexCheck => {
                arity(3)?;
                self.index_check(a[0], a[1], a[2])?
            }
            IntMin => self.b.ins().smin(a[0], a[1]),
            IntMax => self.b.ins().smax(a[0], a[1]),
            FloatAdd => self.b.ins().fadd(a[0], a[1]),
            FloatSub => self.b.ins().fsub(a[0], a[1]),
            FloatMul => self.b.ins().fmul(a[0], a[1]),
            FloatTrueDiv => {
                arity(2)?;
                let zero = self.b.ins().f64const(0.0);
                let is_zero = self.b.ins().fcmp(FloatCC::Equal, a[1], zero);
                self.raise_if(is_zero, "ZeroDivisionError", Message::FloatDivZero)?;
                self.b.ins().fdiv(a[0], a[1])
            }
            FloatFloorDiv => return self.call_runtime("rpy_float_floordiv", &a),
            FloatMod => return self.call_runtime("rpy_float_mod", &a),
            FloatPow => return self.call_runtime("rpy_float_pow", &a),
            FloatNeg => self.b.ins().fneg(a[0]),
            FloatAbs => self.b.ins().fabs(a[0]),
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => {
                arity(2)?;
                self.b.ins().fcmp(float_cc(op.kind), a[0], a[1])
            }
            FloatIsTrue => {
                let zero = self.b.ins().f64const(0.0);
                self.b.ins().fcmp(FloatCC::NotEqual, a[0], zero)
            }
            FloatMin | FloatMax => {
                arity(2)?;
                let cc = if op.kind == FloatMin {
                    FloatCC::LessThan
                } else {
                    FloatCC::GreaterThan
                };
                let second = self.b.ins().fcmp(cc, a[1], a[0]);
                self.b.ins().select(second, a[1], a[0])
            }
            BoolNot => self.b.ins().bxor_imm_s(a[0], 1),
            CastBoolToInt | CastCharToInt | CastUniCharToInt => self.b.ins().uextend(ct::I64, a[0]),
            CastIntToFloat => self.b.ins().fcvt_from_sint(ct::F64, a[0]),
            CastFloatToInt => return self.call_runtime("rpy_float_to_int", &a),
            CastIntToChar => self.b.ins().ireduce(ct::I8, a[0]),
            CastIntToUniChar => self.b.ins().ireduce(ct::I32, a[0]),
            PtrEq => self.b.ins().icmp(IntCC::Equal, a[0], a[1]),
            PtrNe => self.b.ins().icmp(IntCC::NotEqual, a[0], a[1]),
            PtrIsNull => self.b.ins().icmp_imm_s(IntCC::Equal, a[0], 0),
            PtrNonNull => self.b.ins().icmp_imm_s(IntCC::NotEqual, a[0], 0),
            GetField | SetField => {
                let (ty, ofs) = self.field(op)?;
                let Some(t) = clif_type(ty) else {
                    return Ok(None);
                };
                if op.kind == GetField {
                    arity(1)?;
                    self.b
                        .ins()
                        .load(t, MemFlagsData::trusted(), a[0], ofs as i32)
                } else {
                    arity(2)?;
                    self.b
                        .ins()
                        .store(MemFlagsData::trusted(), a[1], a[0], ofs as i32);
                    return Ok(None);
                }
            }
            GetArrayLen => {
                arity(1)?;
                let ty = self.gc_type(self.ptr_type(&op.args[0])?)?;
                let Some(lo) = ty.layout().length_offset else {
                    return Err(format!("getarraysize on the fixed-size type {}", ty.name));
                };
                self.b
                    .ins()
                    .load(ct::I64, MemFlagsData::trusted(), a[0], lo as i32)
            }
            GetArrayItem | SetArrayItem => {
                let ty = self.gc_type(self.ptr_type(&op.args[0])?)?;
                let (Some(item), Some(io)) = (ty.items, ty.layout().items_offset) else {
                    return Err(format!("{} on the fixed-size type {}", op.kind, ty.name));
                };
                let Some(t) = clif_type(item) else {
                    return Ok(None);
                };
                let scaled = self.b.ins().imul_imm_s(a[1], item.size() as i64);
                let addr = self.b.ins().iadd(a[0], scaled);
                if op.kind == GetArrayItem {
                    arity(2)?;
                    self.b
                        .ins()
                        .load(t, MemFlagsData::trusted(), addr, io as i32)
                } else {
                    arity(3)?;
                    self.b
                        .ins()
                        .store(MemFlagsData::trusted(), a[2], addr, io as i32);
                    return Ok(None);
                }
            }
            ArrayCopy => {
                let ty = self.gc_type(self.ptr_type(&op.args[0])?)?;
                let (Some(item), Some(io)) = (ty.items, ty.layout().items_offset) else {
                    return Err(format!("arraycopy on the fixed-size type {}", ty.name));
                };
                if clif_type(item).is_none() {
                    return Ok(None);
                }
                arity(5)?;
                // memmove(dst + io + ds*k, src + io + ss*k, n*k)
                let k = item.size() as i64;
                let so = self.b.ins().imul_imm_s(a[2], k);
                let src = self.b.ins().iadd(a[0], so);
                let src = self.b.ins().iadd_imm_s(src, io as i64);
                let d_o = self.b.ins().imul_imm_s(a[3], k);
                let dst = self.b.ins().iadd(a[1], d_o);
                let dst = self.b.ins().iadd_imm_s(dst, io as i64);
                let size = self.b.ins().imul_imm_s(a[4], k);
                let config = self.module.isa().frontend_config();
                self.b.call_memmove(config, dst, src, size);
                return Ok(None);
            }
            GetTypeId => {
                arity(1)?;
                let hdr = self.b.ins().load(ct::I64, MemFlagsData::trusted(), a[0], 0);
                self.b.ins().band_imm_s(hdr, rpy_abi::TYPEID_MASK as i64)
            }
            Raise => {
                arity(2)?;
                self.call_runtime("rpy_raise", &a)?;
                self.check_exception();
                return Ok(None);
            }
            RaiseNew => {
                arity(2)?;
                self.call_runtime("rpy_raise_new", &a)?;
                self.check_exception();
                return Ok(None);
            }
            DirectCall | IndirectCall | Malloc | MallocVarsize | GcPushRoots | GcReloadRoot
            | GcSafepoint | GcWriteBarrier | GcWriteBarrierItem => unreachable!("handled above"),
            JitMergePoint | CanEnterJit | JitLoopHeader | JitPromote | JitWeAreJitted
            | JitSetParam => {
                return Err(format!(
                    "the JIT hint `{}` reached code generation (hints are stripped or rewritten before backend optimisations)",
                    op.kind
                ))
            }
        };
        Ok(Some(v))
    }

    /// Python's `//` (div) or `%` on i64 with a non-zero divisor.
    fn python_divmod(&mut self, x: Value, y: Value, div: bool) -> Value {
        let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
        let one = self.b.ins().iconst(ct::I64, 1);
        let safe_y = self.b.ins().select(minus_one, one, y);
        let q0 = self.b.ins().sdiv(x, safe_y);
        let neg_x = self.b.ins().ineg(x);
        let q = self.b.ins().select(minus_one, neg_x, q0);
        let qy = self.b.ins().imul(q, y);
        let r = self.b.ins().isub(x, qy);
        // Adjust when r != 0 and sign(r) != sign(y).
        let r_nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
        let signs = self.b.ins().bxor(r, y);
        let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
        let adjust = self.b.ins().band(r_nonzero, differ);
        if div {
            let q1 = self.b.ins().iadd_imm_s(q, -1);
            self.b.ins().select(adjust, q1, q)
        } else {
            let r1 = self.b.ins().iadd(r, y);
            self.b.ins().select(adjust, r1, r)
        }
    }

    /// Allocates a zeroed GC object of `size` bytes with its header set.
    pub(crate) fn allocate(&mut self, t: GcTypeId, size: Value) -> Result<Value, String> {
        self.gc_allocate(t, size)
    }

    fn direct_call(&mut self, op: &Op<Ll>) -> R {
        let Some(GValue::Const(callee)) = op.args.first() else {
            return Err("direct_call needs a constant function as first operand".into());
        };
        let mut args = Vec::new();
        let mut arg_types = Vec::new();
        for arg in &op.args[1..] {
            let Some(t) = self.operand_type(arg) else {
                return Err(format!("operand {arg:?} has no type"));
            };
            if let Some(ct) = clif_type(t) {
                args.push(self.value(arg)?);
                arg_types.push(ct);
            }
        }
        let (id, raises) = match callee {
            LlConst::Func(i) => {
                let Some(&id) = self.syms.graphs.get(*i as usize) else {
                    return Err(format!("call to function {i}, which does not exist"));
                };
                (id, self.syms.graph_raises[*i as usize])
            }
            LlConst::Extern(name) => {
                let cc = self.module.isa().default_call_conv();
                let rt = clif_type(self.g.var_types[op.result]);
                let sig = types::signature(cc, arg_types, rt);
                let id = self.syms.extern_func(self.module, name, &sig)?;
                (
                    id,
                    rpy_abi::runtime_func(name).map_or(true, |f| f.can_raise),
                )
            }
            other => return Err(format!("direct_call of {other}")),
        };
        let expected = self
            .module
            .declarations()
            .get_function_decl(id)
            .signature
            .params
            .len();
        if expected != args.len() {
            return Err(format!(
                "call passes {} arguments, the callee takes {expected}",
                args.len()
            ));
        }
        let fr = self.func_ref(id);
        let call = self.b.ins().call(fr, &args);
        let result = self.b.inst_results(call).first().copied();
        if raises {
            self.check_exception();
        }
        Ok(result.filter(|_| self.g.var_types[op.result] != LowType::Void))
    }

    fn indirect_call(&mut self, op: &Op<Ll>) -> R {
        let Some(fptr) = op.args.first() else {
            return Err("indirect_call without a callee".into());
        };
        let fptr = self.value(fptr)?;
        let mut args = Vec::new();
        let mut arg_types = Vec::new();
        for arg in &op.args[1..] {
            let Some(t) = self.operand_type(arg) else {
                continue;
            };
            if let Some(ct) = clif_type(t) {
                args.push(self.value(arg)?);
                arg_types.push(ct);
            }
        }
        let cc = self.module.isa().default_call_conv();
        let sig = types::signature(cc, arg_types, clif_type(self.g.var_types[op.result]));
        let sigref = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sigref, fptr, &args);
        let result = self.b.inst_results(call).first().copied();
        self.check_exception();
        Ok(result)
    }

    /// The low-level type of an operand (None for non-value constants).
    fn operand_type(&self, a: &GValue<LlConst>) -> Option<LowType> {
        match a {
            GValue::Var(v) => Some(self.g.var_types[*v]),
            GValue::Const(c) => c.low_type(),
        }
    }

    fn ptr_type(&self, a: &GValue<LlConst>) -> Result<GcTypeId, String> {
        match self.operand_type(a) {
            Some(LowType::Ptr(t)) => Ok(t),
            other => Err(format!("expected a GC pointer operand, found {other:?}")),
        }
    }

    fn type_operand(&self, a: &GValue<LlConst>) -> Result<GcTypeId, String> {
        match a {
            GValue::Const(LlConst::Type(t)) => Ok(*t),
            other => Err(format!("expected a type operand, found {other:?}")),
        }
    }

    fn gc_type(&self, t: GcTypeId) -> Result<&GcType, String> {
        self.prog
            .types
            .types
            .get(t)
            .ok_or_else(|| format!("unknown GC type {t}"))
    }

    /// Type and offset of the field named by operand 1 of get/setfield.
    fn field(&self, op: &Op<Ll>) -> Result<(LowType, u32), String> {
        let t = self.ptr_type(op.args.first().ok_or("missing object operand")?)?;
        let Some(GValue::Const(LlConst::Field(name))) = op.args.get(1) else {
            return Err("expected a field name as second operand".into());
        };
        let ty = self.gc_type(t)?;
        let Some(i) = ty.field_index(name) else {
            return Err(format!("type {} has no field `{name}`", ty.name));
        };
        Ok((ty.fields[i].1, ty.layout().field_offsets[i]))
    }
}

fn int_cc(op: LlOp, unsigned: bool) -> IntCC {
    match (op, unsigned) {
        (LlOp::IntEq, _) => IntCC::Equal,
        (LlOp::IntNe, _) => IntCC::NotEqual,
        (LlOp::IntLt, false) => IntCC::SignedLessThan,
        (LlOp::IntLe, false) => IntCC::SignedLessThanOrEqual,
        (LlOp::IntGt, false) => IntCC::SignedGreaterThan,
        (LlOp::IntGe, false) => IntCC::SignedGreaterThanOrEqual,
        (LlOp::IntLt, true) => IntCC::UnsignedLessThan,
        (LlOp::IntLe, true) => IntCC::UnsignedLessThanOrEqual,
        (LlOp::IntGt, true) => IntCC::UnsignedGreaterThan,
        (LlOp::IntGe, true) => IntCC::UnsignedGreaterThanOrEqual,
        _ => unreachable!("not an int comparison: {op}"),
    }
}

fn float_cc(op: LlOp) -> FloatCC {
    match op {
        LlOp::FloatLt => FloatCC::LessThan,
        LlOp::FloatLe => FloatCC::LessThanOrEqual,
        LlOp::FloatEq => FloatCC::Equal,
        LlOp::FloatNe => FloatCC::NotEqual,
        LlOp::FloatGt => FloatCC::GreaterThan,
        LlOp::FloatGe => FloatCC::GreaterThanOrEqual,
        _ => unreachable!("not a float comparison: {op}"),
    }
}

/// Number of value operands (Field/Type operands excluded) of the ops
/// lowered from a plain operand list.
fn value_arity(op: LlOp) -> Option<usize> {
    use LlOp::*;
    Some(match op {
        SameAs | IntNeg | IntAbs | IntInvert | IntIsTrue | IntNegOvf | FloatNeg | FloatAbs
        | FloatIsTrue | BoolNot | CastBoolToInt | CastIntToFloat | CastFloatToInt
        | CastCharToInt | CastIntToChar | CastUniCharToInt | CastIntToUniChar | PtrIsNull
        | PtrNonNull | GetArrayLen | GetTypeId | GetField => 1,
        GetArrayItem | SetField | Raise | RaiseNew => 2,
        SetArrayItem | IntBetween | IndexCheck => 3,
        ArrayCopy => 5,
        DirectCall | IndirectCall | Malloc | MallocVarsize | GcPushRoots | GcReloadRoot
        | GcSafepoint | GcWriteBarrier | GcWriteBarrierItem => return None,
        _ => 2,
    })
}
