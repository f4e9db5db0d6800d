//! Integer bounds (a cheap version of RPython's intbounds).
//!
//! 1. Every int value gets inclusive bounds: constants exactly, comparisons
//!    [0, 1], `arraylen_gc` and `x & c` (c >= 0) non-negative, `x % c`
//!    (c > 0) [0, c-1], narrow field and item reads their width's range,
//!    `gettypeid` [0, 2^32), and add/sub/mul of bounded values when the
//!    bounds arithmetic cannot overflow.
//! 2. A guard on a comparison narrows its operands: after
//!    `guard_true(int_lt(a, b))`, a < b; after `guard_false` of it, a >= b
//!    (likewise for le, gt, ge, eq, and `guard_value`).
//! 3. A comparison the bounds decide becomes a constant (the guard on it
//!    then goes in `fold`); an `_ovf` op that cannot overflow becomes the
//!    plain op and its `guard_no_overflow` goes.
//!
//! Not done: bounds through loops (peeling keeps only facts about
//! invariant values), unsigned comparisons, shifts.

use rpy_jitformat::{DescrRef, Kind, Width};
use rpy_jittrace::{Op, OpCode, Value};

use crate::info::IntBound;
use crate::optimizer::{Action, Optimizer};
use crate::InvalidLoop;

fn bound(opt: &Optimizer, v: Value) -> IntBound {
    opt.info(v).bound
}

fn width_bound(w: Width) -> IntBound {
    match (w.size, w.signed) {
        (8, _) => IntBound::FULL,
        (s, true) => {
            let m = 1i64 << (s * 8 - 1);
            IntBound { lo: -m, hi: m - 1 }
        }
        (s, false) => IntBound {
            lo: 0,
            hi: (1i64 << (s * 8)) - 1,
        },
    }
}

/// Decide `a OP b` from bounds, if possible.
fn decide(opc: OpCode, a: IntBound, b: IntBound) -> Option<bool> {
    use OpCode::*;
    match opc {
        IntLt if a.hi < b.lo => Some(true),
        IntLt if a.lo >= b.hi => Some(false),
        IntLe if a.hi <= b.lo => Some(true),
        IntLe if a.lo > b.hi => Some(false),
        IntGt => decide(IntLt, b, a),
        IntGe => decide(IntLe, b, a),
        IntEq | IntNe if a.hi < b.lo || b.hi < a.lo => Some(opc == IntNe),
        IntEq | IntNe => match (a.constant(), b.constant()) {
            (Some(x), Some(y)) => Some((x == y) == (opc == IntEq)),
            _ => None,
        },
        _ => None,
    }
}

pub fn optimize(opt: &mut Optimizer, op: &mut Op) -> Result<Action, InvalidLoop> {
    use OpCode::*;
    match op.opcode {
        IntLt | IntLe | IntGt | IntGe | IntEq | IntNe => {
            let (a, b) = (bound(opt, op.args[0]), bound(opt, op.args[1]));
            Ok(match decide(op.opcode, a, b) {
                Some(r) => Action::Replace(Value::int(r as i64)),
                None => Action::Emit,
            })
        }
        IntIsTrue | IntIsZero => {
            let a = bound(opt, op.args[0]);
            let nonzero = a.lo > 0 || a.hi < 0;
            let zero = a.constant() == Some(0);
            Ok(if nonzero || zero {
                Action::Replace(Value::int((nonzero == (op.opcode == IntIsTrue)) as i64))
            } else {
                Action::Emit
            })
        }
        IntAddOvf | IntSubOvf | IntMulOvf => {
            let (a, b) = (bound(opt, op.args[0]), bound(opt, op.args[1]));
            let safe = match op.opcode {
                IntAddOvf => a.add(b).is_some(),
                IntSubOvf => a.sub(b).is_some(),
                _ => a.mul(b).is_some(),
            };
            if safe {
                op.opcode = match op.opcode {
                    IntAddOvf => IntAdd,
                    IntSubOvf => IntSub,
                    _ => IntMul,
                };
                opt.ovf_resolved = Some(false);
            }
            Ok(Action::Emit)
        }
        _ => Ok(Action::Emit),
    }
}

fn narrow(opt: &mut Optimizer, v: Value, b: IntBound) {
    if let Some(i) = opt.info_mut(v) {
        i.bound = i.bound.intersect(b);
    }
}

/// After a guard that `a OP b` holds.
fn learn(opt: &mut Optimizer, opc: OpCode, a: Value, b: Value) {
    use OpCode::*;
    let (ba, bb) = (bound(opt, a), bound(opt, b));
    match opc {
        IntLt => {
            narrow(
                opt,
                a,
                IntBound {
                    lo: i64::MIN,
                    hi: bb.hi.saturating_sub(1),
                },
            );
            narrow(
                opt,
                b,
                IntBound {
                    lo: ba.lo.saturating_add(1),
                    hi: i64::MAX,
                },
            );
        }
        IntLe => {
            narrow(
                opt,
                a,
                IntBound {
                    lo: i64::MIN,
                    hi: bb.hi,
                },
            );
            narrow(
                opt,
                b,
                IntBound {
                    lo: ba.lo,
                    hi: i64::MAX,
                },
            );
        }
        IntGt => learn(opt, IntLt, b, a),
        IntGe => learn(opt, IntLe, b, a),
        IntEq => {
            narrow(opt, a, bb);
            narrow(opt, b, ba);
        }
        _ => {}
    }
}

fn negate(opc: OpCode) -> Option<OpCode> {
    use OpCode::*;
    Some(match opc {
        IntLt => IntGe,
        IntLe => IntGt,
        IntGt => IntLe,
        IntGe => IntLt,
        IntEq => IntNe,
        IntNe => IntEq,
        _ => return None,
    })
}

pub fn emitted(opt: &mut Optimizer, op: &Op, result: Value) {
    use OpCode::*;
    if op.opcode.result_kind() == Kind::Int {
        let a = |k: usize| bound(opt, op.args[k]);
        let b = match op.opcode {
            IntAdd | IntAddOvf => a(0).add(a(1)),
            IntSub | IntSubOvf => a(0).sub(a(1)),
            IntMul | IntMulOvf => a(0).mul(a(1)),
            IntAnd => match (a(0).lo >= 0, a(1).lo >= 0) {
                (true, true) => Some(IntBound {
                    lo: 0,
                    hi: a(0).hi.min(a(1).hi),
                }),
                (true, false) => Some(IntBound { lo: 0, hi: a(0).hi }),
                (false, true) => Some(IntBound { lo: 0, hi: a(1).hi }),
                _ => None,
            },
            IntMod => op.args[1]
                .as_int_const()
                .filter(|&c| c > 0)
                .map(|c| IntBound { lo: 0, hi: c - 1 }),
            ArraylenGc => Some(IntBound::NONNEG),
            GetTypeId => Some(IntBound {
                lo: 0,
                hi: u32::MAX as i64,
            }),
            GetfieldGcI => match op.descr_ref() {
                Some(DescrRef::Field(f)) => Some(width_bound(opt.descrs.fields[f as usize].width)),
                _ => None,
            },
            GetarrayitemGcI => match op.descr_ref() {
                Some(DescrRef::Array(x)) => Some(width_bound(opt.descrs.arrays[x as usize].item)),
                _ => None,
            },
            IntMin => Some(IntBound {
                lo: a(0).lo.min(a(1).lo),
                hi: a(0).hi.min(a(1).hi),
            }),
            IntMax => Some(IntBound {
                lo: a(0).lo.max(a(1).lo),
                hi: a(0).hi.max(a(1).hi),
            }),
            _ if crate::guards::is_boolean(op) => Some(IntBound::BOOL),
            _ => None,
        };
        if let Some(b) = b {
            narrow(opt, result, b);
        }
        return;
    }
    match op.opcode {
        GuardTrue | GuardFalse => {
            let Some(cmp) = opt.out_op(op.args[0]).cloned() else {
                return;
            };
            let opc = if op.opcode == GuardTrue {
                Some(cmp.opcode)
            } else {
                negate(cmp.opcode)
            };
            // Only two-operand comparisons teach bounds (not int_is_true).
            if let (Some(opc), [a, b]) = (opc, cmp.args.as_slice()) {
                learn(opt, opc, *a, *b);
            }
        }
        GuardValue => {
            if let Some(c) = op.args[1].as_int_const() {
                narrow(opt, op.args[0], IntBound::exact(c));
            }
        }
        _ => {}
    }
}
