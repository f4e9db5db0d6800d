//! One trace to one Cranelift function (the protocol is in the crate doc).
//!
//! Steps:
//! 1. The entry block reads `(frame, entry)`; `entry` 0 starts at the
//!    trace's input arguments (loaded from frame slots `0..n`), `entry`
//!    k > 0 at the trace's k-th `label` (its arguments loaded from the
//!    frame), through a chain of compares.
//! 2. Every trace var is a frontend `Variable`, so redefinitions (label
//!    rebinding, roots reloaded after a collection) get their block
//!    parameters from the SSA builder.
//! 3. Ops are lowered in order; a label is a block (fallen into, or jumped
//!    to by this trace's `jump`); a guard branches to a cold failure
//!    block that stores the fail args into the frame and then either
//!    returns the guard's exit number (its slot in the guard table is
//!    null) or tail-calls the bridge whose address is in the slot.
//! 4. Around a call whose descriptor says `can_collect`, and on the slow
//!    path of an allocation, the GC refs that are visible and used later
//!    are pushed on the shadow stack and reloaded after (`lower.rs`).
//!
//! Not done: null and bounds checks (a trace's ops are known valid), and
//! keeping values in registers across a jump to another loop (they go
//! through the frame).

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    types, AbiParam, Block, BlockArg, Function, InstBuilder, MemFlagsData, SigRef, Signature, Type,
    Value as CValue,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use rpy_jitformat::{ArrayDescr, CallDescr, DescrRef, Descrs, FieldDescr, Kind, SizeDescr, Width};
use rpy_jittrace::{Const, FailArg, OpCode, TargetToken, Trace, Value, Var};

use crate::env::JitEnv;
use crate::lower::{self, OvfOp, RtData, RtFunc, RuntimeAccess};
use crate::CompileError;

/// Everything the lowering of one trace needs besides the trace.
pub(crate) struct Layout<'a> {
    pub env: &'a JitEnv,
    /// Convention of runtime and called functions.
    pub call_conv: CallConv,
    /// `(frame, entry) -> exit` with the tail convention.
    pub tail_sig: Signature,
    /// Base address of this trace's guard table (one word per guard).
    pub guard_table: usize,
    /// Per op: its index in the guard table (guards only).
    pub guard_slot: Vec<Option<usize>>,
    /// Per op: its exit number (guards and `finish`).
    pub exit: Vec<Option<u32>>,
    /// Base address of the constant pool and each ref constant's index.
    pub pool: usize,
    pub pool_index: HashMap<usize, usize>,
    /// Labels of other compiled traces: code address and entry number.
    pub other_labels: &'a HashMap<TargetToken, (usize, u32)>,
    /// `memmove(dst, src, n)`.
    pub memmove: usize,
    pub frontend: TargetFrontendConfig,
}

pub(crate) fn type_of(kind: Kind) -> Option<Type> {
    match kind {
        Kind::Int | Kind::Ref => Some(types::I64),
        Kind::Float => Some(types::F64),
        Kind::Void => None,
    }
}

fn heap() -> MemFlagsData {
    MemFlagsData::new()
}

fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Index of each op's last use (args, fail args), per var.
fn last_uses(trace: &Trace) -> Vec<usize> {
    let mut last = vec![0usize; trace.num_vars()];
    for (i, op) in trace.ops.iter().enumerate() {
        let fail = op.fail_args().iter().filter_map(|fa| fa.value());
        for v in op.args.iter().copied().chain(fail) {
            if let Value::Var(v) = v {
                last[v.as_u32() as usize] = i;
            }
        }
    }
    last
}

/// The `RuntimeAccess` of compiled traces: addresses are constants, and
/// `rpy_malloc` is wrapped with the current roots.
struct Rt<'a> {
    env: &'a JitEnv,
    call_conv: CallConv,
    roots: Vec<Variable>,
}

impl RuntimeAccess for Rt<'_> {
    fn data_addr(&mut self, b: &mut FunctionBuilder, d: RtData) -> CValue {
        let a = match d {
            RtData::NurseryFree => self.env.nursery_free,
            RtData::NurseryTop => self.env.nursery_top,
            RtData::ShadowStackTop => self.env.shadowstack_top,
        };
        b.ins().iconst(types::I64, a as i64)
    }

    fn call(&mut self, b: &mut FunctionBuilder, f: RtFunc, args: &[CValue]) -> Option<CValue> {
        let (addr, ret) = match f {
            RtFunc::Malloc => (self.env.malloc, true),
            RtFunc::Remember => (self.env.remember, false),
            RtFunc::RememberItem => (self.env.remember_item, false),
        };
        let mut sig = Signature::new(self.call_conv);
        sig.params
            .extend(args.iter().map(|_| AbiParam::new(types::I64)));
        if ret {
            sig.returns.push(AbiParam::new(types::I64));
        }
        let roots = if f == RtFunc::Malloc {
            std::mem::take(&mut self.roots)
        } else {
            Vec::new()
        };
        let r = with_roots(b, self, &roots, |b| {
            let sr = b.import_signature(sig);
            let callee = b.ins().iconst(types::I64, addr as i64);
            let inst = b.ins().call_indirect(sr, callee, args);
            b.inst_results(inst).first().copied()
        });
        if f == RtFunc::Malloc {
            self.roots = roots;
        }
        r
    }
}

/// Emit `call` with `roots` on the shadow stack, reloading them after.
fn with_roots(
    b: &mut FunctionBuilder,
    rt: &mut dyn RuntimeAccess,
    roots: &[Variable],
    call: impl FnOnce(&mut FunctionBuilder) -> Option<CValue>,
) -> Option<CValue> {
    if roots.is_empty() {
        return call(b);
    }
    let base = lower::shadowstack_top(b, rt);
    let values: Vec<CValue> = roots.iter().map(|&v| b.use_var(v)).collect();
    lower::push_roots(b, rt, base, &values);
    let r = call(b);
    for (k, &v) in roots.iter().enumerate() {
        let reloaded = lower::reload_root(b, base, k);
        b.def_var(v, reloaded);
    }
    lower::pop_roots(b, rt, base);
    r
}

struct Cx<'a, 'l> {
    trace: &'a Trace,
    descrs: &'a Descrs,
    l: &'a Layout<'l>,
    frame: CValue,
    tail_sig: SigRef,
    vars: Vec<Option<Variable>>,
    ovf: Variable,
    last_use: Vec<usize>,
    /// Ref vars visible at the current op (the label's scope).
    visible_refs: Vec<Var>,
    /// Objects allocated since the last op that can collect: young (or
    /// already remembered), so stores into them need no barrier.
    fresh: HashSet<Var>,
    /// Label op index -> block (params: the label's var arguments).
    label_blocks: HashMap<usize, Block>,
}

/// Build the function of `trace` into `func` (signature already set).
pub(crate) fn build(
    trace: &Trace,
    descrs: &Descrs,
    l: &Layout,
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CompileError> {
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let frame = b.block_params(entry)[0];
    let entry_no = b.block_params(entry)[1];
    let tail_sig = b.import_signature(l.tail_sig.clone());
    let vars = (0..trace.num_vars())
        .map(|n| type_of(trace.var_kind(Var::from_u32(n as u32))).map(|t| b.declare_var(t)))
        .collect();
    let ovf = b.declare_var(types::I8);
    let zero8 = b.ins().iconst(types::I8, 0);
    b.def_var(ovf, zero8);
    let mut cx = Cx {
        trace,
        descrs,
        l,
        frame,
        tail_sig,
        vars,
        ovf,
        last_use: last_uses(trace),
        visible_refs: Vec::new(),
        fresh: HashSet::new(),
        label_blocks: HashMap::new(),
    };
    // Label blocks, and the entry dispatch.
    let labels: Vec<usize> = (0..trace.ops.len())
        .filter(|&i| trace.ops[i].opcode == OpCode::Label)
        .collect();
    for &i in &labels {
        let blk = b.create_block();
        for a in &trace.ops[i].args {
            if let Value::Var(v) = a {
                let t = type_of(trace.var_kind(*v)).ok_or_else(|| err(i, "void label argument"))?;
                b.append_block_param(blk, t);
            }
        }
        cx.label_blocks.insert(i, blk);
    }
    let start = b.create_block();
    for (k, &i) in labels.iter().enumerate() {
        let load = b.create_block();
        let next = b.create_block();
        let is_k = b.ins().icmp_imm_s(IntCC::Equal, entry_no, k as i64 + 1);
        b.ins().brif(is_k, load, &[], next, &[]);
        b.seal_block(load);
        b.seal_block(next);
        b.switch_to_block(load);
        let mut args = Vec::new();
        for (slot, a) in trace.ops[i].args.iter().enumerate() {
            if let Value::Var(v) = a {
                args.push(BlockArg::Value(cx.load_slot(
                    &mut b,
                    slot,
                    trace.var_kind(*v),
                )));
            }
        }
        b.ins().jump(cx.label_blocks[&i], &args);
        b.switch_to_block(next);
    }
    b.ins().jump(start, &[]);
    b.seal_block(start);
    b.switch_to_block(start);
    for (slot, &k) in trace.inputargs.iter().enumerate() {
        let v = cx.load_slot(&mut b, slot, k);
        let var = trace.inputarg(slot);
        b.def_var(cx.var(var), v);
        if k == Kind::Ref {
            cx.visible_refs.push(var);
        }
    }
    let mut ended = false;
    for i in 0..trace.ops.len() {
        cx.op(&mut b, i)?;
        if trace.ops[i].opcode.is_final() {
            ended = true;
            break;
        }
    }
    if !ended {
        return Err(CompileError {
            op: None,
            msg: "the trace does not end with jump or finish".into(),
        });
    }
    b.seal_all_blocks();
    b.finalize(l.frontend);
    Ok(())
}

fn err(op: usize, msg: impl Into<String>) -> CompileError {
    CompileError {
        op: Some(op),
        msg: msg.into(),
    }
}

impl<'a, 'l> Cx<'a, 'l> {
    fn var(&self, v: Var) -> Variable {
        self.vars[v.as_u32() as usize].expect("a void var has no value")
    }

    fn load_slot(&self, b: &mut FunctionBuilder, slot: usize, kind: Kind) -> CValue {
        let t = type_of(kind).unwrap_or(types::I64);
        b.ins().load(t, trusted(), self.frame, 8 * slot as i32)
    }

    fn store_slot(&self, b: &mut FunctionBuilder, slot: usize, v: CValue) {
        b.ins().store(trusted(), v, self.frame, 8 * slot as i32);
    }

    fn constant(&self, b: &mut FunctionBuilder, c: Const) -> CValue {
        match c {
            Const::Int(i) => b.ins().iconst(types::I64, i),
            Const::Float(f) => b.ins().f64const(f),
            Const::Ref(p) if !self.l.pool_index.contains_key(&p) => {
                // Null, or a prebuilt object (never moves).
                b.ins().iconst(types::I64, p as i64)
            }
            Const::Ref(p) => {
                // Loaded at every use: a moving collection updates the pool.
                let k = self.l.pool_index[&p];
                let addr = b.ins().iconst(types::I64, (self.l.pool + 8 * k) as i64);
                b.ins().load(types::I64, trusted(), addr, 0)
            }
        }
    }

    fn val(&self, b: &mut FunctionBuilder, v: Value) -> CValue {
        match v {
            Value::Var(v) => b.use_var(self.var(v)),
            Value::Const(c) => self.constant(b, c),
        }
    }

    fn args(&self, b: &mut FunctionBuilder, i: usize) -> Vec<CValue> {
        self.trace.ops[i]
            .args
            .iter()
            .map(|&a| self.val(b, a))
            .collect()
    }

    fn field(&self, i: usize) -> Result<&'a FieldDescr, CompileError> {
        match self.trace.ops[i].descr_ref() {
            Some(DescrRef::Field(f)) => self
                .descrs
                .fields
                .get(f as usize)
                .ok_or_else(|| err(i, "no such field descr")),
            _ => Err(err(i, "needs a field descr")),
        }
    }

    fn array(&self, i: usize) -> Result<&'a ArrayDescr, CompileError> {
        match self.trace.ops[i].descr_ref() {
            Some(DescrRef::Array(a)) => self
                .descrs
                .arrays
                .get(a as usize)
                .ok_or_else(|| err(i, "no such array descr")),
            _ => Err(err(i, "needs an array descr")),
        }
    }

    fn size(&self, i: usize) -> Result<&'a SizeDescr, CompileError> {
        match self.trace.ops[i].descr_ref() {
            Some(DescrRef::Size(s)) => self
                .descrs
                .sizes
                .get(s as usize)
                .ok_or_else(|| err(i, "no such size descr")),
            _ => Err(err(i, "needs a size descr")),
        }
    }

    fn calldescr(&self, i: usize) -> Result<&'a CallDescr, CompileError> {
        match self.trace.ops[i].descr_ref() {
            Some(DescrRef::Call(c)) => self
                .descrs
                .calls
                .get(c as usize)
                .ok_or_else(|| err(i, "no such call descr")),
            _ => Err(err(i, "needs a call descr")),
        }
    }

    /// The ref vars live across op `i` (visible, used after it).
    fn roots_across(&self, i: usize) -> Vec<Variable> {
        self.visible_refs
            .iter()
            .filter(|v| self.last_use[v.as_u32() as usize] > i)
            .map(|&v| self.var(v))
            .collect()
    }

    fn rt(&self, roots: Vec<Variable>) -> Rt<'l> {
        Rt {
            env: self.l.env,
            call_conv: self.l.call_conv,
            roots,
        }
    }

    fn barriers(&self) -> bool {
        self.l.env.gc.needs_write_barrier()
    }

    /// Is `v` an object allocated since the last collecting op?
    fn is_fresh(&self, v: Value) -> bool {
        matches!(v, Value::Var(v) if self.fresh.contains(&v))
    }

    fn op(&mut self, b: &mut FunctionBuilder, i: usize) -> Result<(), CompileError> {
        use OpCode::*;
        let op = &self.trace.ops[i];
        let opcode = op.opcode;
        if let Some(n) = opcode.arity() {
            if op.args.len() != n {
                return Err(err(i, format!("{} takes {n} arguments", opcode.name())));
            }
        }
        let int_cmp = |b: &mut FunctionBuilder, cc: IntCC, a: &[CValue]| {
            let c = b.ins().icmp(cc, a[0], a[1]);
            lower::bool_to_word(b, c)
        };
        let float_cmp = |b: &mut FunctionBuilder, cc: FloatCC, a: &[CValue]| {
            let c = b.ins().fcmp(cc, a[0], a[1]);
            lower::bool_to_word(b, c)
        };
        let result: Option<CValue> = match opcode {
            Label => {
                let blk = self.label_blocks[&i];
                let args: Vec<BlockArg> = op
                    .args
                    .iter()
                    .filter_map(|a| a.as_var())
                    .map(|v| BlockArg::Value(b.use_var(self.var(v))))
                    .collect();
                b.ins().jump(blk, &args);
                b.switch_to_block(blk);
                let params = b.block_params(blk).to_vec();
                self.visible_refs.clear();
                self.fresh.clear();
                for (v, p) in op.args.iter().filter_map(|a| a.as_var()).zip(params) {
                    b.def_var(self.var(v), p);
                    if self.trace.var_kind(v) == Kind::Ref {
                        self.visible_refs.push(v);
                    }
                }
                None
            }
            DebugMergePoint => None,
            Jump => {
                self.jump(b, i)?;
                return Ok(());
            }
            Finish => {
                let a = self.args(b, i);
                for (slot, v) in a.into_iter().enumerate() {
                    self.store_slot(b, slot, v);
                }
                let exit = self.l.exit[i].expect("finish has an exit number");
                let e = b.ins().iconst(types::I64, exit as i64);
                b.ins().return_(&[e]);
                return Ok(());
            }
            IntAdd | IntSub | IntMul | IntFloorDiv | IntMod | IntAnd | IntOr | IntXor
            | IntLShift | IntRShift | UintRShift | UintFloorDiv | IntMin | IntMax => {
                let a = self.args(b, i);
                let (x, y) = (a[0], a[1]);
                Some(match opcode {
                    IntAdd => b.ins().iadd(x, y),
                    IntSub => b.ins().isub(x, y),
                    IntMul => b.ins().imul(x, y),
                    IntFloorDiv => lower::floordiv(b, x, y),
                    IntMod => lower::pymod(b, x, y),
                    IntAnd => b.ins().band(x, y),
                    IntOr => b.ins().bor(x, y),
                    IntXor => b.ins().bxor(x, y),
                    IntLShift => lower::lshift(b, x, y),
                    IntRShift => lower::rshift(b, x, y),
                    UintRShift => lower::urshift(b, x, y),
                    UintFloorDiv => b.ins().udiv(x, y),
                    IntMin => b.ins().smin(x, y),
                    _ => b.ins().smax(x, y),
                })
            }
            IntNeg => {
                let a = self.args(b, i);
                Some(b.ins().ineg(a[0]))
            }
            IntInvert => {
                let a = self.args(b, i);
                Some(b.ins().bnot(a[0]))
            }
            IntAbs => {
                let a = self.args(b, i);
                Some(b.ins().iabs(a[0]))
            }
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintLe | UintGt | UintGe
            | PtrEq | PtrNe => {
                let cc = match opcode {
                    IntLt => IntCC::SignedLessThan,
                    IntLe => IntCC::SignedLessThanOrEqual,
                    IntEq | PtrEq => IntCC::Equal,
                    IntNe | PtrNe => IntCC::NotEqual,
                    IntGt => IntCC::SignedGreaterThan,
                    IntGe => IntCC::SignedGreaterThanOrEqual,
                    UintLt => IntCC::UnsignedLessThan,
                    UintLe => IntCC::UnsignedLessThanOrEqual,
                    UintGt => IntCC::UnsignedGreaterThan,
                    _ => IntCC::UnsignedGreaterThanOrEqual,
                };
                let a = self.args(b, i);
                Some(int_cmp(b, cc, &a))
            }
            IntIsTrue | IntIsZero => {
                let a = self.args(b, i);
                let cc = if opcode == IntIsTrue {
                    IntCC::NotEqual
                } else {
                    IntCC::Equal
                };
                let c = b.ins().icmp_imm_s(cc, a[0], 0);
                Some(lower::bool_to_word(b, c))
            }
            IntBetween => {
                let a = self.args(b, i);
                let c = lower::int_between(b, a[0], a[1], a[2]);
                Some(lower::bool_to_word(b, c))
            }
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let a = self.args(b, i);
                let o = match opcode {
                    IntAddOvf => OvfOp::Add,
                    IntSubOvf => OvfOp::Sub,
                    _ => OvfOp::Mul,
                };
                let (v, flag) = lower::ovf(b, o, a[0], a[1]);
                b.def_var(self.ovf, flag);
                Some(v)
            }
            FloatAdd | FloatSub | FloatMul | FloatTrueDiv => {
                let a = self.args(b, i);
                Some(match opcode {
                    FloatAdd => b.ins().fadd(a[0], a[1]),
                    FloatSub => b.ins().fsub(a[0], a[1]),
                    FloatMul => b.ins().fmul(a[0], a[1]),
                    _ => b.ins().fdiv(a[0], a[1]),
                })
            }
            FloatNeg => {
                let a = self.args(b, i);
                Some(b.ins().fneg(a[0]))
            }
            FloatAbs => {
                let a = self.args(b, i);
                Some(b.ins().fabs(a[0]))
            }
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => {
                let cc = match opcode {
                    FloatLt => FloatCC::LessThan,
                    FloatLe => FloatCC::LessThanOrEqual,
                    FloatEq => FloatCC::Equal,
                    FloatNe => FloatCC::NotEqual,
                    FloatGt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                let a = self.args(b, i);
                Some(float_cmp(b, cc, &a))
            }
            CastIntToFloat => {
                let a = self.args(b, i);
                Some(b.ins().fcvt_from_sint(types::F64, a[0]))
            }
            CastFloatToInt => {
                let a = self.args(b, i);
                Some(b.ins().fcvt_to_sint_sat(types::I64, a[0]))
            }
            SameAsI | SameAsR | SameAsF => {
                let a = self.args(b, i);
                Some(a[0])
            }
            GetfieldGcI | GetfieldGcR | GetfieldGcF => {
                let f = self.field(i)?;
                let a = self.args(b, i);
                Some(load_mem(b, f.kind, f.width, a[0], f.offset as i32))
            }
            SetfieldGc => {
                let f = self.field(i)?;
                let a = self.args(b, i);
                if f.kind == Kind::Ref
                    && self.barriers()
                    && !self.is_fresh(op.args[0])
                    && op.args[1] != Value::Const(Const::Ref(0))
                {
                    lower::write_barrier(b, &mut self.rt(Vec::new()), a[0]);
                }
                store_mem(b, f.kind, f.width, a[1], a[0], f.offset as i32);
                None
            }
            GetarrayitemGcI | GetarrayitemGcR | GetarrayitemGcF => {
                let d = self.array(i)?;
                let a = self.args(b, i);
                let addr = item_base(b, d, a[0], a[1]);
                Some(load_mem(
                    b,
                    d.item_kind,
                    d.item,
                    addr,
                    d.items_offset as i32,
                ))
            }
            SetarrayitemGc => {
                let d = self.array(i)?;
                let a = self.args(b, i);
                if d.item_kind == Kind::Ref
                    && self.barriers()
                    && !self.is_fresh(op.args[0])
                    && op.args[2] != Value::Const(Const::Ref(0))
                {
                    lower::write_barrier_item(b, &mut self.rt(Vec::new()), a[0], a[1]);
                }
                let addr = item_base(b, d, a[0], a[1]);
                store_mem(b, d.item_kind, d.item, a[2], addr, d.items_offset as i32);
                None
            }
            ArraylenGc => {
                let d = self.array(i)?;
                let a = self.args(b, i);
                Some(
                    b.ins()
                        .load(types::I64, heap(), a[0], d.length_offset as i32),
                )
            }
            Arraycopy => {
                let d = self.array(i)?;
                let a = self.args(b, i);
                let (src, dst, ss, ds, n) = (a[0], a[1], a[2], a[3], a[4]);
                let go = b.create_block();
                let done = b.create_block();
                let pos = b.ins().icmp_imm_s(IntCC::SignedGreaterThan, n, 0);
                b.ins().brif(pos, go, &[], done, &[]);
                b.seal_block(go);
                b.switch_to_block(go);
                if d.item_kind == Kind::Ref && self.barriers() && !self.is_fresh(op.args[1]) {
                    lower::write_barrier(b, &mut self.rt(Vec::new()), dst);
                }
                let from = item_base(b, d, src, ss);
                let from = b.ins().iadd_imm_s(from, d.items_offset as i64);
                let to = item_base(b, d, dst, ds);
                let to = b.ins().iadd_imm_s(to, d.items_offset as i64);
                let bytes = b.ins().imul_imm_s(n, d.item.size as i64);
                let mut sig = Signature::new(self.l.call_conv);
                sig.params.extend([AbiParam::new(types::I64); 3]);
                let sr = b.import_signature(sig);
                let f = b.ins().iconst(types::I64, self.l.memmove as i64);
                b.ins().call_indirect(sr, f, &[to, from, bytes]);
                b.ins().jump(done, &[]);
                b.seal_block(done);
                b.switch_to_block(done);
                None
            }
            GetTypeId => {
                let a = self.args(b, i);
                Some(b.ins().uload32(heap(), a[0], 0))
            }
            New => {
                let s = self.size(i)?;
                let size = (s.size as i64 + 7) & !7;
                let roots = self.roots_across(i);
                let size = b.ins().iconst(types::I64, size);
                let obj = lower::alloc(b, &mut self.rt(roots), s.type_id, size);
                Some(obj)
            }
            NewArray => {
                let d = self.array(i)?;
                let a = self.args(b, i);
                let roots = self.roots_across(i);
                let size = lower::varsize(b, d.base_size, d.item.size as u32, a[0]);
                let obj = lower::alloc(b, &mut self.rt(roots), d.type_id, size);
                b.ins().store(heap(), a[0], obj, d.length_offset as i32);
                Some(obj)
            }
            CallI | CallR | CallF | CallN | CallPureI | CallPureR | CallPureF | CallPureN
            | CallLoopinvariantI | CallLoopinvariantR | CallLoopinvariantF | CallLoopinvariantN => {
                self.call(b, i)?
            }
            GuardTrue | GuardFalse | GuardNonnull | GuardIsnull => {
                let a = self.args(b, i);
                let cc = if matches!(opcode, GuardTrue | GuardNonnull) {
                    IntCC::NotEqual
                } else {
                    IntCC::Equal
                };
                let ok = b.ins().icmp_imm_s(cc, a[0], 0);
                self.guard(b, i, ok);
                None
            }
            GuardValue => {
                let a = self.args(b, i);
                let ok = if self.trace.kind_of(op.args[0]) == Kind::Float {
                    let x = b.ins().bitcast(types::I64, MemFlagsData::new(), a[0]);
                    let y = b.ins().bitcast(types::I64, MemFlagsData::new(), a[1]);
                    b.ins().icmp(IntCC::Equal, x, y)
                } else {
                    b.ins().icmp(IntCC::Equal, a[0], a[1])
                };
                self.guard(b, i, ok);
                None
            }
            GuardClass => {
                let a = self.args(b, i);
                let tid = b.ins().uload32(heap(), a[0], 0);
                let want = b.ins().band_imm_s(a[1], 0xffff_ffff);
                let ok = b.ins().icmp(IntCC::Equal, tid, want);
                self.guard(b, i, ok);
                None
            }
            GuardNonnullClass => {
                let a = self.args(b, i);
                let fail = b.create_block();
                b.set_cold_block(fail);
                let check = b.create_block();
                let cont = b.create_block();
                b.ins().brif(a[0], check, &[], fail, &[]);
                b.seal_block(check);
                b.switch_to_block(check);
                let tid = b.ins().uload32(heap(), a[0], 0);
                let want = b.ins().band_imm_s(a[1], 0xffff_ffff);
                let ok = b.ins().icmp(IntCC::Equal, tid, want);
                b.ins().brif(ok, cont, &[], fail, &[]);
                self.fill_fail(b, i, fail);
                b.seal_block(cont);
                b.switch_to_block(cont);
                None
            }
            GuardNoException => {
                let addr = b.ins().iconst(types::I64, self.l.env.exc_type as i64);
                let t = b.ins().load(types::I64, trusted(), addr, 0);
                let ok = b.ins().icmp_imm_s(IntCC::Equal, t, 0);
                self.guard(b, i, ok);
                None
            }
            GuardException => {
                let a = self.args(b, i);
                let addr = b.ins().iconst(types::I64, self.l.env.exc_type as i64);
                let t = b.ins().load(types::I64, trusted(), addr, 0);
                let ok = b.ins().icmp(IntCC::Equal, t, a[0]);
                self.guard(b, i, ok);
                let vaddr = b.ins().iconst(types::I64, self.l.env.exc_value as i64);
                let v = b.ins().load(types::I64, trusted(), vaddr, 0);
                let zero = b.ins().iconst(types::I64, 0);
                b.ins().store(trusted(), zero, addr, 0);
                b.ins().store(trusted(), zero, vaddr, 0);
                Some(v)
            }
            GuardNoOverflow | GuardOverflow => {
                let flag = b.use_var(self.ovf);
                let cc = if opcode == GuardNoOverflow {
                    IntCC::Equal
                } else {
                    IntCC::NotEqual
                };
                let ok = b.ins().icmp_imm_s(cc, flag, 0);
                self.guard(b, i, ok);
                None
            }
        };
        if let Some(v) = result {
            let var = self.trace.op_var(i);
            b.def_var(self.var(var), v);
            if opcode.result_kind() == Kind::Ref {
                self.visible_refs.push(var);
            }
        }
        if opcode.is_alloc() {
            // Young objects are fresh until something collects; the
            // allocation itself may have collected first.
            self.fresh.clear();
            self.fresh.insert(self.trace.op_var(i));
        }
        Ok(())
    }

    fn call(&mut self, b: &mut FunctionBuilder, i: usize) -> Result<Option<CValue>, CompileError> {
        let d = self.calldescr(i)?;
        let op = &self.trace.ops[i];
        if op.args.len() != d.args.len() + 1 {
            return Err(err(
                i,
                format!(
                    "the call descr has {} arguments, the call {}",
                    d.args.len(),
                    op.args.len() - 1
                ),
            ));
        }
        let a = self.args(b, i);
        let mut sig = Signature::new(self.l.call_conv);
        for &k in &d.args {
            sig.params.push(AbiParam::new(
                type_of(k).ok_or_else(|| err(i, "void call argument"))?,
            ));
        }
        // An int result narrower than a word is returned in the low bits
        // only: declare it narrow and extend it as the descr says.
        let ret = match d.result {
            Kind::Void => None,
            Kind::Int => Some(match d.result_width.size {
                1 => types::I8,
                2 => types::I16,
                4 => types::I32,
                _ => types::I64,
            }),
            k => type_of(k),
        };
        if let Some(t) = ret {
            sig.returns.push(AbiParam::new(t));
        }
        let roots = if d.effect.can_collect {
            self.roots_across(i)
        } else {
            Vec::new()
        };
        let mut rt = self.rt(Vec::new());
        let r = with_roots(b, &mut rt, &roots, |b| {
            let sr = b.import_signature(sig);
            let inst = b.ins().call_indirect(sr, a[0], &a[1..]);
            b.inst_results(inst).first().copied()
        });
        if d.effect.can_collect {
            self.fresh.clear();
        }
        Ok(match (r, ret) {
            (Some(v), Some(t)) if t != types::I64 && t != types::F64 => {
                Some(if d.result_width.signed {
                    b.ins().sextend(types::I64, v)
                } else {
                    b.ins().uextend(types::I64, v)
                })
            }
            (r, _) => r,
        })
    }

    /// Branch to the guard's failure path unless `ok` (non-zero).
    fn guard(&mut self, b: &mut FunctionBuilder, i: usize, ok: CValue) {
        let fail = b.create_block();
        b.set_cold_block(fail);
        let cont = b.create_block();
        b.ins().brif(ok, cont, &[], fail, &[]);
        self.fill_fail(b, i, fail);
        b.seal_block(cont);
        b.switch_to_block(cont);
    }

    /// The failure path of guard `i` (all branches to `fail` emitted):
    /// store the fail args, then return the exit number or tail-call the
    /// bridge attached in the guard's slot.
    fn fill_fail(&mut self, b: &mut FunctionBuilder, i: usize, fail: Block) {
        b.seal_block(fail);
        b.switch_to_block(fail);
        let fail_args: Vec<FailArg> = self.trace.ops[i].fail_args().to_vec();
        for (slot, fa) in fail_args.into_iter().enumerate() {
            let FailArg::Value(v) = fa;
            let v = self.val(b, v);
            self.store_slot(b, slot, v);
        }
        let k = self.l.guard_slot[i].expect("a guard has a slot");
        let slot_addr = b
            .ins()
            .iconst(types::I64, (self.l.guard_table + 8 * k) as i64);
        let target = b.ins().load(types::I64, trusted(), slot_addr, 0);
        let tail = b.create_block();
        let ret = b.create_block();
        b.set_cold_block(tail);
        b.set_cold_block(ret);
        b.ins().brif(target, tail, &[], ret, &[]);
        b.seal_block(tail);
        b.seal_block(ret);
        b.switch_to_block(tail);
        let zero = b.ins().iconst(types::I64, 0);
        b.ins()
            .return_call_indirect(self.tail_sig, target, &[self.frame, zero]);
        b.switch_to_block(ret);
        let exit = self.l.exit[i].expect("a guard has an exit number");
        let e = b.ins().iconst(types::I64, exit as i64);
        b.ins().return_(&[e]);
    }

    fn jump(&mut self, b: &mut FunctionBuilder, i: usize) -> Result<(), CompileError> {
        let op = &self.trace.ops[i];
        let token = op.target().ok_or_else(|| err(i, "jump without a target"))?;
        if let Some(li) = self.trace.find_label(token) {
            let label = &self.trace.ops[li];
            if label.args.len() != op.args.len() {
                return Err(err(i, "jump and label arity differ"));
            }
            let mut args = Vec::new();
            for (la, &ja) in label.args.iter().zip(&op.args) {
                if la.as_var().is_some() {
                    args.push(BlockArg::Value(self.val(b, ja)));
                }
            }
            b.ins().jump(self.label_blocks[&li], &args);
            return Ok(());
        }
        let &(addr, entry) = self
            .l
            .other_labels
            .get(&token)
            .ok_or_else(|| err(i, format!("unknown jump target {}", token.0)))?;
        let a = self.args(b, i);
        for (slot, v) in a.into_iter().enumerate() {
            self.store_slot(b, slot, v);
        }
        let f = b.ins().iconst(types::I64, addr as i64);
        let e = b.ins().iconst(types::I64, entry as i64);
        b.ins()
            .return_call_indirect(self.tail_sig, f, &[self.frame, e]);
        Ok(())
    }
}

/// `array + index * item_size` (add `items_offset` as the access offset).
fn item_base(b: &mut FunctionBuilder, d: &ArrayDescr, array: CValue, index: CValue) -> CValue {
    let scaled = b.ins().imul_imm_s(index, d.item.size as i64);
    b.ins().iadd(array, scaled)
}

fn load_mem(b: &mut FunctionBuilder, kind: Kind, width: Width, p: CValue, offset: i32) -> CValue {
    let f = heap();
    match kind {
        Kind::Float => b.ins().load(types::F64, f, p, offset),
        Kind::Int => match (width.size, width.signed) {
            (1, true) => b.ins().sload8(types::I64, f, p, offset),
            (1, false) => b.ins().uload8(types::I64, f, p, offset),
            (2, true) => b.ins().sload16(types::I64, f, p, offset),
            (2, false) => b.ins().uload16(types::I64, f, p, offset),
            (4, true) => b.ins().sload32(f, p, offset),
            (4, false) => b.ins().uload32(f, p, offset),
            _ => b.ins().load(types::I64, f, p, offset),
        },
        _ => b.ins().load(types::I64, f, p, offset),
    }
}

fn store_mem(b: &mut FunctionBuilder, kind: Kind, width: Width, v: CValue, p: CValue, offset: i32) {
    let f = heap();
    match (kind, width.size) {
        (Kind::Int, 1) => b.ins().istore8(f, v, p, offset),
        (Kind::Int, 2) => b.ins().istore16(f, v, p, offset),
        (Kind::Int, 4) => b.ins().istore32(f, v, p, offset),
        _ => b.ins().store(f, v, p, offset),
    };
}
