//! Constant folding.
//!
//! 1. A `canfold` op whose arguments are all constants becomes its value
//!    (computed by `rpy_jittrace::eval`, the interpreter's evaluator).
//! 2. An `_ovf` op on constants becomes its value; its overflow guard goes
//!    (or the trace is invalid if that guard must fail).
//! 3. A few identities with one constant (`x + 0`, `x * 1`, `x * 0`,
//!    `x & 0`, `x - x`, `x == x`, `same_as(x)`).
//! 4. A guard on constants is removed when it passes, and reports
//!    `InvalidLoop` when it must fail.
//!
//! Not done: folding reads of constant objects (the optimiser never
//! reads the heap), calls (it never calls).

use rpy_jittrace::eval::{eval_ovf, eval_pure};
use rpy_jittrace::{Const, Op, OpCode, Value};

use crate::optimizer::{Action, Optimizer};
use crate::InvalidLoop;

pub fn optimize(opt: &mut Optimizer, op: &mut Op) -> Result<Action, InvalidLoop> {
    let consts: Option<Vec<Const>> = op.args.iter().map(|a| a.as_const()).collect();
    if op.opcode.can_fold() {
        if let Some(cs) = &consts {
            if let Some(v) = eval_pure(op.opcode, cs) {
                return Ok(Action::Replace(Value::Const(v)));
            }
        }
        return Ok(identity(op).map_or(Action::Emit, Action::Replace));
    }
    if op.opcode.is_ovf() {
        if let Some(cs) = &consts {
            if let Some((v, o)) = eval_ovf(
                op.opcode,
                cs[0].as_int().unwrap_or(0),
                cs[1].as_int().unwrap_or(0),
            ) {
                opt.ovf_resolved = Some(o);
                return Ok(Action::Replace(Value::int(v)));
            }
        }
        return Ok(Action::Emit);
    }
    guard_on_constants(opt, op)
}

/// Step 4, shared with the guards pass.
pub fn guard_on_constants(opt: &Optimizer, op: &Op) -> Result<Action, InvalidLoop> {
    use OpCode::*;
    let c = |k: usize| op.args.get(k).and_then(|a| a.as_const());
    let passes = match op.opcode {
        GuardTrue => c(0).map(|v| v != Const::Int(0)),
        GuardFalse => c(0).map(|v| v == Const::Int(0)),
        GuardValue => match (c(0), c(1)) {
            (Some(a), Some(b)) => Some(a == b),
            _ => None,
        },
        GuardNonnull => c(0).map(|v| v != Const::Ref(0)),
        GuardIsnull => c(0).map(|v| v == Const::Ref(0)),
        GuardNonnullClass => (c(0) == Some(Const::Ref(0))).then_some(false),
        _ => None,
    };
    match passes {
        Some(true) => Ok(Action::Remove),
        Some(false) => Err(opt.invalid(format!("{} always fails", op.opcode.name()))),
        None => Ok(Action::Emit),
    }
}

fn identity(op: &Op) -> Option<Value> {
    use OpCode::*;
    let a = |k: usize| op.args[k];
    let ci = |k: usize| op.args[k].as_int_const();
    match op.opcode {
        SameAsI | SameAsR | SameAsF => Some(a(0)),
        IntAdd | IntOr | IntXor if ci(1) == Some(0) => Some(a(0)),
        IntAdd | IntOr | IntXor if ci(0) == Some(0) => Some(a(1)),
        IntSub | IntLShift | IntRShift | UintRShift if ci(1) == Some(0) => Some(a(0)),
        IntMul if ci(1) == Some(1) => Some(a(0)),
        IntMul if ci(0) == Some(1) => Some(a(1)),
        IntMul | IntAnd if ci(1) == Some(0) || ci(0) == Some(0) => Some(Value::int(0)),
        IntFloorDiv if ci(1) == Some(1) => Some(a(0)),
        IntSub | IntXor if a(0) == a(1) => Some(Value::int(0)),
        IntAnd | IntOr | IntMin | IntMax if a(0) == a(1) => Some(a(0)),
        IntEq | IntLe | IntGe | UintLe | UintGe | PtrEq if a(0) == a(1) => Some(Value::int(1)),
        IntNe | IntLt | IntGt | UintLt | UintGt | PtrNe if a(0) == a(1) => Some(Value::int(0)),
        _ => None,
    }
}
