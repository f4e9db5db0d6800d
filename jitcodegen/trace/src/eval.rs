//! The one evaluator of the `canfold` ops and the `_ovf` ops: the trace
//! interpreter runs them with it and the optimiser folds constants with
//! it, so the two cannot disagree.

use crate::model::Const;
use crate::resop::OpCode;

/// Python's floor division (wrapping for `MIN / -1`); `None` for a zero divisor.
pub fn floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.wrapping_div(b);
    Some(if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// Python's modulo (the result has the divisor's sign).
pub fn pymod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// The value of a `canfold` op on constants; `None` when the op is not
/// foldable, the kinds are wrong, or the op's precondition does not hold
/// (zero divisor, negative shift count).
pub fn eval_pure(op: OpCode, args: &[Const]) -> Option<Const> {
    use OpCode::*;
    let i = |k: usize| args.get(k).and_then(|c| c.as_int());
    let f = |k: usize| args.get(k).and_then(|c| c.as_float());
    let b = |x: bool| Some(Const::Int(x as i64));
    let int = |x: i64| Some(Const::Int(x));
    let fl = |x: f64| Some(Const::Float(x));
    match op {
        IntAdd => int(i(0)?.wrapping_add(i(1)?)),
        IntSub => int(i(0)?.wrapping_sub(i(1)?)),
        IntMul => int(i(0)?.wrapping_mul(i(1)?)),
        IntFloorDiv => int(floordiv(i(0)?, i(1)?)?),
        IntMod => int(pymod(i(0)?, i(1)?)?),
        IntAnd => int(i(0)? & i(1)?),
        IntOr => int(i(0)? | i(1)?),
        IntXor => int(i(0)? ^ i(1)?),
        IntLShift => {
            let (x, n) = (i(0)?, i(1)?);
            match n {
                n if n < 0 => None,
                n if n >= 64 => int(0),
                n => int(x.wrapping_shl(n as u32)),
            }
        }
        IntRShift => {
            let (x, n) = (i(0)?, i(1)?);
            if n < 0 {
                None
            } else {
                int(x >> n.min(63))
            }
        }
        UintRShift => {
            let (x, n) = (i(0)?, i(1)?);
            match n {
                n if n < 0 => None,
                n if n >= 64 => int(0),
                n => int(((x as u64) >> n) as i64),
            }
        }
        UintFloorDiv => {
            let d = i(1)? as u64;
            if d == 0 {
                None
            } else {
                int(((i(0)? as u64) / d) as i64)
            }
        }
        IntNeg => int(i(0)?.wrapping_neg()),
        IntInvert => int(!i(0)?),
        IntAbs => int(i(0)?.wrapping_abs()),
        IntMin => int(i(0)?.min(i(1)?)),
        IntMax => int(i(0)?.max(i(1)?)),
        IntLt => b(i(0)? < i(1)?),
        IntLe => b(i(0)? <= i(1)?),
        IntEq => b(i(0)? == i(1)?),
        IntNe => b(i(0)? != i(1)?),
        IntGt => b(i(0)? > i(1)?),
        IntGe => b(i(0)? >= i(1)?),
        UintLt => b((i(0)? as u64) < (i(1)? as u64)),
        UintLe => b((i(0)? as u64) <= (i(1)? as u64)),
        UintGt => b((i(0)? as u64) > (i(1)? as u64)),
        UintGe => b((i(0)? as u64) >= (i(1)? as u64)),
        IntIsTrue => b(i(0)? != 0),
        IntIsZero => b(i(0)? == 0),
        IntBetween => {
            let (a, x, c) = (i(0)?, i(1)?, i(2)?);
            b(a <= x && x < c)
        }
        FloatAdd => fl(f(0)? + f(1)?),
        FloatSub => fl(f(0)? - f(1)?),
        FloatMul => fl(f(0)? * f(1)?),
        FloatTrueDiv => {
            let d = f(1)?;
            if d == 0.0 {
                None
            } else {
                fl(f(0)? / d)
            }
        }
        FloatNeg => fl(-f(0)?),
        FloatAbs => fl(f(0)?.abs()),
        FloatLt => b(f(0)? < f(1)?),
        FloatLe => b(f(0)? <= f(1)?),
        FloatEq => b(f(0)? == f(1)?),
        FloatNe => b(f(0)? != f(1)?),
        FloatGt => b(f(0)? > f(1)?),
        FloatGe => b(f(0)? >= f(1)?),
        CastIntToFloat => fl(i(0)? as f64),
        CastFloatToInt => int(f(0)? as i64),
        PtrEq => b(args.first()?.as_ref()? == args.get(1)?.as_ref()?),
        PtrNe => b(args.first()?.as_ref()? != args.get(1)?.as_ref()?),
        SameAsI | SameAsR | SameAsF => args.first().copied(),
        _ => None,
    }
}

/// An `_ovf` op: the wrapped result and whether it overflowed.
pub fn eval_ovf(op: OpCode, a: i64, b: i64) -> Option<(i64, bool)> {
    Some(match op {
        OpCode::IntAddOvf => a.overflowing_add(b),
        OpCode::IntSubOvf => a.overflowing_sub(b),
        OpCode::IntMulOvf => a.overflowing_mul(b),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ii(op: OpCode, a: i64, b: i64) -> Option<i64> {
        eval_pure(op, &[Const::Int(a), Const::Int(b)]).and_then(|c| c.as_int())
    }

    #[test]
    fn python_rounding() {
        assert_eq!(ii(OpCode::IntFloorDiv, -7, 2), Some(-4));
        assert_eq!(ii(OpCode::IntFloorDiv, 7, -2), Some(-4));
        assert_eq!(ii(OpCode::IntFloorDiv, -8, 2), Some(-4));
        assert_eq!(ii(OpCode::IntMod, -7, 2), Some(1));
        assert_eq!(ii(OpCode::IntMod, 7, -2), Some(-1));
        assert_eq!(ii(OpCode::IntFloorDiv, i64::MIN, -1), Some(i64::MIN));
        assert_eq!(ii(OpCode::IntMod, i64::MIN, -1), Some(0));
        assert_eq!(ii(OpCode::IntFloorDiv, 1, 0), None);
    }

    #[test]
    fn shifts_past_the_word() {
        assert_eq!(ii(OpCode::IntLShift, 1, 64), Some(0));
        assert_eq!(ii(OpCode::IntRShift, -5, 100), Some(-1));
        assert_eq!(ii(OpCode::IntRShift, 5, 100), Some(0));
        assert_eq!(ii(OpCode::UintRShift, -1, 63), Some(1));
        assert_eq!(ii(OpCode::IntLShift, 1, -1), None);
    }

    #[test]
    fn overflow() {
        assert_eq!(
            eval_ovf(OpCode::IntAddOvf, i64::MAX, 1),
            Some((i64::MIN, true))
        );
        assert_eq!(eval_ovf(OpCode::IntMulOvf, 3, 4), Some((12, false)));
    }
}
