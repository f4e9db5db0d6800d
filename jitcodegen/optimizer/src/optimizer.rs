//! The optimiser's driver: one forward walk over the input trace that
//! sends every op through the enabled passes in order (RPython's chain of
//! `Optimization`s, dispatched by `match`), then emits what is left into a
//! new trace.
//!
//! Each pass has two hooks:
//! - `optimize(opt, op)`: may rewrite the op in place, drop it
//!   (`Action::Remove`), or give its result as an existing value
//!   (`Action::Replace`); `Action::Emit` hands it to the next pass.
//! - `emitted(opt, op, result)`: learns from an op that was emitted (facts
//!   after a guard, cache entries after a read, invalidation after a write).
//!
//! Values are mapped from input vars to output values (`map`); facts live
//! beside the output ops (`info`, by output var). A var whose info holds a
//! constant reads as that constant everywhere after (the forwarding of
//! `guard_value`). A dropped call takes its `guard_no_exception` with it;
//! an `_ovf` op proven not to overflow takes its `guard_no_overflow`.

use rpy_jitformat::{CallDescr, DescrRef, Descrs};
use rpy_jittrace::{Const, FailArg, Op, OpCode, Trace, TraceBuilder, Value, Var};

use crate::info::ValueInfo;
use crate::{bounds, cse, fold, guards, heap, InvalidLoop, Passes};

pub enum Action {
    Emit,
    Remove,
    Replace(Value),
}

pub struct Optimizer<'a> {
    pub descrs: &'a Descrs,
    pub passes: Passes,
    pub out: TraceBuilder,
    /// Input var -> output value.
    pub map: Vec<Option<Value>>,
    /// Output var -> facts.
    pub info: Vec<ValueInfo>,
    pub heap: heap::HeapCache,
    pub pure: cse::PureCache,
    /// The last call was dropped: drop its exception guard too.
    skip_exc_guard: bool,
    /// The last `_ovf` op was resolved: did it overflow?
    pub ovf_resolved: Option<bool>,
    /// The input op being processed (for error reports).
    pub at: usize,
    /// While copying a peeled loop: what unroll needs to know.
    pub loop_copy: Option<crate::unroll::LoopCopy>,
}

impl<'a> Optimizer<'a> {
    pub fn new(input: &Trace, descrs: &'a Descrs, passes: Passes) -> Optimizer<'a> {
        let out = TraceBuilder::new(&input.inputargs);
        let mut map = vec![None; input.num_vars()];
        for (i, slot) in map.iter_mut().enumerate().take(input.inputargs.len()) {
            *slot = Some(out.inputarg(i));
        }
        Optimizer {
            descrs,
            passes,
            out,
            map,
            info: vec![ValueInfo::default(); input.inputargs.len()],
            heap: heap::HeapCache::default(),
            pure: cse::PureCache::default(),
            skip_exc_guard: false,
            ovf_resolved: None,
            at: 0,
            loop_copy: None,
        }
    }

    /// The output value of an input value, constants forwarded.
    pub fn get(&self, v: Value) -> Value {
        let v = self.get_raw(v);
        match v {
            Value::Var(o) => match self.info[o.as_u32() as usize].constant {
                Some(c) => Value::Const(c),
                None => v,
            },
            c => c,
        }
    }

    /// The output value of an input value, without constant forwarding.
    pub fn get_raw(&self, v: Value) -> Value {
        match v {
            Value::Var(i) => {
                self.map[i.as_u32() as usize].expect("check_trace: used before defined")
            }
            c => c,
        }
    }

    /// Facts about an output value.
    pub fn info(&self, v: Value) -> ValueInfo {
        match v {
            Value::Var(o) => self.info[o.as_u32() as usize].clone(),
            Value::Const(c) => ValueInfo::of_const(c),
        }
    }

    /// Facts about an output var, to update (constants have none to update).
    pub fn info_mut(&mut self, v: Value) -> Option<&mut ValueInfo> {
        match v {
            Value::Var(o) => Some(&mut self.info[o.as_u32() as usize]),
            Value::Const(_) => None,
        }
    }

    pub fn call_descr(&self, op: &Op) -> Option<&'a CallDescr> {
        match op.descr_ref() {
            Some(DescrRef::Call(c)) => self.descrs.calls.get(c as usize),
            _ => None,
        }
    }

    /// The output op defining an output var, if it is an op.
    pub fn out_op(&self, v: Value) -> Option<&Op> {
        let var = v.as_var()?;
        let t = self.out.trace();
        t.var_op(var).map(|i| &t.ops[i])
    }

    /// Record an input op's result.
    pub fn set(&mut self, input_var: Var, v: Value) {
        self.map[input_var.as_u32() as usize] = Some(v);
    }

    pub fn invalid(&self, reason: impl Into<String>) -> InvalidLoop {
        InvalidLoop {
            op: self.at,
            reason: reason.into(),
        }
    }

    /// Map an input op's operands to output values.
    pub fn map_op(&self, op: &Op) -> Op {
        let mut new = op.clone();
        for a in &mut new.args {
            *a = self.get(*a);
        }
        if let Some(g) = &mut new.guard {
            for fa in &mut g.fail_args {
                *fa = match *fa {
                    FailArg::Value(v) => FailArg::Value(self.get(v)),
                };
            }
        }
        new
    }

    /// Optimise one input op (not a label or the final op).
    pub fn process(&mut self, input: &Trace, index: usize) -> Result<(), InvalidLoop> {
        self.at = index;
        let op = &input.ops[index];
        let var = input.op_var(index);
        let mut new = self.map_op(op);
        match new.opcode {
            OpCode::GuardNoException | OpCode::GuardException if self.skip_exc_guard => {
                self.skip_exc_guard = false;
                if new.opcode == OpCode::GuardException {
                    return Err(self.invalid("guard_exception after a call that was removed"));
                }
                return Ok(());
            }
            OpCode::GuardNoOverflow | OpCode::GuardOverflow if self.ovf_resolved.is_some() => {
                let overflowed = self.ovf_resolved.take().unwrap();
                if overflowed == (new.opcode == OpCode::GuardNoOverflow) {
                    return Err(self.invalid("overflow guard that always fails"));
                }
                return Ok(());
            }
            _ => {}
        }
        self.skip_exc_guard = false;
        self.ovf_resolved = None;
        let is_call = new.opcode.is_call();
        let mut outcome = Action::Emit;
        let p = self.passes;
        for pass in [
            Passes::FOLD,
            Passes::BOUNDS,
            Passes::GUARDS,
            Passes::HEAP,
            Passes::CSE,
        ] {
            if !p.has(pass) {
                continue;
            }
            outcome = match pass {
                Passes::FOLD => fold::optimize(self, &mut new)?,
                Passes::BOUNDS => bounds::optimize(self, &mut new)?,
                Passes::GUARDS => guards::optimize(self, &mut new)?,
                Passes::HEAP => heap::optimize(self, &mut new)?,
                _ => cse::optimize(self, &mut new)?,
            };
            if !matches!(outcome, Action::Emit) {
                break;
            }
        }
        match outcome {
            Action::Emit => {
                let v = self.emit(new);
                self.set(var, v);
            }
            Action::Replace(v) => {
                self.set(var, v);
                self.skip_exc_guard = is_call;
            }
            Action::Remove => self.skip_exc_guard = is_call,
        }
        Ok(())
    }

    /// Append an op to the output and let every pass learn from it.
    pub fn emit(&mut self, op: Op) -> Value {
        let v = self.out.push(op.clone());
        self.info.push(ValueInfo::default());
        let p = self.passes;
        if p.has(Passes::BOUNDS) {
            bounds::emitted(self, &op, v);
        }
        if p.has(Passes::GUARDS) {
            guards::emitted(self, &op, v);
        }
        if p.has(Passes::HEAP) {
            heap::emitted(self, &op, v);
        }
        if p.has(Passes::CSE) {
            cse::emitted(self, &op, v);
        }
        v
    }

    /// Emit an op bypassing the passes (labels, jumps, unroll's copies).
    pub fn emit_raw(&mut self, op: Op) -> Value {
        let v = self.out.push(op);
        self.info.push(ValueInfo::default());
        v
    }

    /// Forget what a label rebinds: caches, and facts about its arguments.
    pub fn reset_at_label(&mut self, args: &[Value]) {
        self.heap = heap::HeapCache::default();
        self.pure = cse::PureCache::default();
        for &a in args {
            if let Some(i) = self.info_mut(a) {
                *i = ValueInfo::default();
            }
        }
    }

    /// Is `v` a known constant (after forwarding)?
    pub fn const_of(&self, v: Value) -> Option<Const> {
        match v {
            Value::Const(c) => Some(c),
            Value::Var(_) => self.info(v).constant,
        }
    }
}

/// Optimise a whole trace in one walk (no peeling).
pub fn run_passes(input: &Trace, descrs: &Descrs, passes: Passes) -> Result<Trace, InvalidLoop> {
    let mut opt = Optimizer::new(input, descrs, passes);
    for (i, op) in input.ops.iter().enumerate() {
        match op.opcode {
            OpCode::Label => {
                opt.at = i;
                let args: Vec<Value> = op.args.iter().map(|&a| opt.get_raw(a)).collect();
                if i > 0 {
                    opt.reset_at_label(&args);
                }
                let v = opt.emit_raw(Op::new(OpCode::Label, args, op.descr.clone()));
                opt.set(input.op_var(i), v);
            }
            OpCode::Jump | OpCode::Finish => {
                opt.at = i;
                let new = opt.map_op(op);
                if opt.passes.has(Passes::HEAP) {
                    heap::escape_all(&mut opt, &new.args);
                }
                let v = opt.emit_raw(new);
                opt.set(input.op_var(i), v);
            }
            _ => opt.process(input, i)?,
        }
    }
    Ok(opt.out.into_trace())
}
