//! Guard removal on known values and classes.
//!
//! Facts come from emitted ops: `guard_value(x, C)` makes `x` the constant
//! C (uses of x become C); `guard_false(x)` makes x 0 and `guard_true(b)`
//! makes a boolean b 1; `guard_nonnull` gives non-null, `guard_isnull`
//! NULL; `guard_class`/`guard_nonnull_class` and `new`/`new_array` give the
//! type id (and non-null).
//!
//! Then a guard that the facts imply is removed; one they contradict makes
//! the trace invalid; `guard_nonnull_class` on a known non-null value
//! becomes `guard_class`; `gettypeid` of a known class is a constant, and
//! `ptr_eq`/`ptr_ne` of a non-null value and NULL fold.

use rpy_jitformat::DescrRef;
use rpy_jittrace::{Const, Op, OpCode, Value};

use crate::fold::guard_on_constants;
use crate::optimizer::{Action, Optimizer};
use crate::InvalidLoop;

/// Ops whose result is 0 or 1.
pub fn is_boolean(op: &Op) -> bool {
    use OpCode::*;
    matches!(
        op.opcode,
        IntLt
            | IntLe
            | IntEq
            | IntNe
            | IntGt
            | IntGe
            | UintLt
            | UintLe
            | UintGt
            | UintGe
            | IntIsTrue
            | IntIsZero
            | IntBetween
            | FloatLt
            | FloatLe
            | FloatEq
            | FloatNe
            | FloatGt
            | FloatGe
            | PtrEq
            | PtrNe
    )
}

pub fn optimize(opt: &mut Optimizer, op: &mut Op) -> Result<Action, InvalidLoop> {
    use OpCode::*;
    let a0 = op.args.first().copied();
    match op.opcode {
        GuardTrue | GuardFalse | GuardValue | GuardNonnull | GuardIsnull => {
            let a = guard_on_constants(opt, op)?;
            if !matches!(a, Action::Emit) {
                return Ok(a);
            }
            let i = opt.info(a0.unwrap());
            match op.opcode {
                GuardNonnull if i.nonnull => Ok(Action::Remove),
                GuardIsnull if i.nonnull => Err(opt.invalid("guard_isnull on a non-null value")),
                _ => Ok(Action::Emit),
            }
        }
        GuardClass | GuardNonnullClass => {
            let a = guard_on_constants(opt, op)?;
            if !matches!(a, Action::Emit) {
                return Ok(a);
            }
            let i = opt.info(a0.unwrap());
            let want = op.args[1].as_int_const().unwrap_or(-1);
            match i.class {
                Some(c) if c as i64 == want => Ok(Action::Remove),
                Some(_) => Err(opt.invalid(format!(
                    "{} on an object of another class",
                    op.opcode.name()
                ))),
                None => {
                    if op.opcode == GuardNonnullClass && i.nonnull {
                        op.opcode = GuardClass;
                    }
                    Ok(Action::Emit)
                }
            }
        }
        GetTypeId => Ok(match opt.info(a0.unwrap()).class {
            Some(c) => Action::Replace(Value::int(c as i64)),
            None => Action::Emit,
        }),
        PtrEq | PtrNe => {
            let (x, y) = (opt.info(op.args[0]), opt.info(op.args[1]));
            let is_null = |v: Value| v == Value::Const(Const::Ref(0));
            let differ = (x.nonnull && is_null(op.args[1])) || (y.nonnull && is_null(op.args[0]));
            Ok(if differ {
                Action::Replace(Value::int((op.opcode == PtrNe) as i64))
            } else {
                Action::Emit
            })
        }
        _ => Ok(Action::Emit),
    }
}

pub fn emitted(opt: &mut Optimizer, op: &Op, result: Value) {
    use OpCode::*;
    let a0 = op.args.first().copied();
    let type_id = |k: usize| {
        op.args
            .get(k)
            .and_then(|a| a.as_int_const())
            .map(|t| t as u32)
    };
    match op.opcode {
        GuardValue => {
            if let (Some(i), Some(c)) = (opt.info_mut(op.args[0]), op.args[1].as_const()) {
                i.constant = Some(c);
            }
        }
        GuardFalse => {
            if let Some(i) = opt.info_mut(op.args[0]) {
                i.constant = Some(Const::Int(0));
            }
        }
        GuardTrue => {
            let boolean = opt.out_op(op.args[0]).is_some_and(is_boolean);
            if boolean {
                if let Some(i) = opt.info_mut(op.args[0]) {
                    i.constant = Some(Const::Int(1));
                }
            }
        }
        GuardNonnull => {
            if let Some(i) = opt.info_mut(a0.unwrap()) {
                i.nonnull = true;
            }
        }
        GuardIsnull => {
            if let Some(i) = opt.info_mut(a0.unwrap()) {
                i.constant = Some(Const::Ref(0));
            }
        }
        GuardClass | GuardNonnullClass => {
            let t = type_id(1);
            if let Some(i) = opt.info_mut(a0.unwrap()) {
                i.nonnull = true;
                i.class = t;
            }
        }
        New | NewArray => {
            let t = match op.descr_ref() {
                Some(DescrRef::Size(s)) => opt.descrs.sizes.get(s as usize).map(|s| s.type_id),
                Some(DescrRef::Array(a)) => opt.descrs.arrays.get(a as usize).map(|a| a.type_id),
                _ => None,
            };
            if let Some(i) = opt.info_mut(result) {
                i.nonnull = true;
                i.class = t;
            }
        }
        _ => {}
    }
}
