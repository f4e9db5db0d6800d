//! Concrete evaluation of a jitcode `Pure` op with the semantics the code
//! generator gives the low-level op: Python's arithmetic, and the same
//! exceptions with the same messages (raised through the runtime).

use rpy_jitformat::jitcode::PureOp;
use rpy_jittrace::eval::{eval_ovf, eval_pure};
use rpy_jittrace::model::Const;
use rpy_jittrace::resop::OpCode;
use rpyrt::exc::{raise_error, ExcKind, RtError};

/// The trace op computing the same value as a pure jitcode op (for the
/// ops whose value needs no check), if there is one.
pub fn trace_op(op: PureOp) -> Option<OpCode> {
    let name = op.name();
    let t = match name {
        "same_as" => return None,
        "cast_bool_to_int"
        | "cast_char_to_int"
        | "cast_int_to_char"
        | "cast_unichar_to_int"
        | "cast_int_to_unichar" => return None,
        "bool_not" => "int_is_zero",
        "ptr_iszero" | "ptr_nonzero" => return None,
        "int_floordiv_zer" => "int_floordiv",
        "int_mod_zer" => "int_mod",
        n => n,
    };
    OpCode::parse(t)
}

/// Why a pure op did not produce a value: it raised (the exception is
/// pending in the runtime).
pub struct Raised;

fn raise(kind: ExcKind, msg: &str) -> Result<Const, Raised> {
    raise_error(&RtError::new(kind, msg));
    Err(Raised)
}

fn pending() -> Result<(), Raised> {
    if rpyrt::exc::pending().is_some() {
        Err(Raised)
    } else {
        Ok(())
    }
}

/// Evaluate `op` on concrete values. Index checks read their message
/// (a str) only when they raise.
pub fn eval(op: PureOp, args: &[Const]) -> Result<Const, Raised> {
    let i = |k: usize| args.get(k).and_then(|c| c.as_int()).unwrap_or(0);
    let f = |k: usize| args.get(k).and_then(|c| c.as_float()).unwrap_or(0.0);
    let r = |k: usize| args.get(k).and_then(|c| c.as_ref()).unwrap_or(0);
    let int = |x: i64| Ok(Const::Int(x));
    match op.name() {
        "same_as" => Ok(args[0]),
        "cast_bool_to_int" | "cast_char_to_int" | "cast_unichar_to_int" => int(i(0)),
        "cast_int_to_char" => int(i(0) & 0xff),
        "cast_int_to_unichar" => int(i(0) & 0xffff_ffff),
        "bool_not" => int((i(0) == 0) as i64),
        "ptr_iszero" => int((r(0) == 0) as i64),
        "ptr_nonzero" => int((r(0) != 0) as i64),
        "int_floordiv_zer" | "int_mod_zer" if i(1) == 0 => raise(
            ExcKind::ZeroDivisionError,
            "integer division or modulo by zero",
        ),
        "uint_mod" => int(((i(0) as u64) % (i(1) as u64).max(1)) as i64),
        "int_add_ovf" | "int_sub_ovf" | "int_mul_ovf" => {
            let code = OpCode::parse(op.name()).expect("ovf op");
            let (v, over) = eval_ovf(code, i(0), i(1)).expect("ovf op");
            if over {
                return raise(ExcKind::OverflowError, "integer overflow");
            }
            int(v)
        }
        "int_neg_ovf" => match i(0).checked_neg() {
            Some(v) => int(v),
            None => raise(ExcKind::OverflowError, "integer overflow"),
        },
        "int_lshift" | "int_rshift" if i(1) < 0 => {
            raise(ExcKind::ValueError, "negative shift count")
        }
        "index_check" => {
            let (x, len) = (i(0), i(1));
            let n = if x < 0 { x.wrapping_add(len) } else { x };
            if n < 0 || n >= len {
                rpyrt::exc::rpy_raise_new(
                    rpyrt::exc::builtin_typeid(ExcKind::IndexError),
                    r(2) as *mut u8,
                );
                return Err(Raised);
            }
            int(n)
        }
        "int_pow" => {
            let v = rpyrt::arith::rpy_int_pow(i(0), i(1));
            pending()?;
            int(v)
        }
        "float_truediv" if f(1) == 0.0 => {
            raise(ExcKind::ZeroDivisionError, "float division by zero")
        }
        "float_floordiv" | "float_mod" | "float_pow" => {
            let v = match op.name() {
                "float_floordiv" => rpyrt::arith::rpy_float_floordiv(f(0), f(1)),
                "float_mod" => rpyrt::arith::rpy_float_mod(f(0), f(1)),
                _ => rpyrt::arith::rpy_float_pow(f(0), f(1)),
            };
            pending()?;
            Ok(Const::Float(v))
        }
        "cast_float_to_int" => {
            let v = rpyrt::arith::rpy_float_to_int(f(0));
            pending()?;
            int(v)
        }
        "float_is_true" => int((f(0) != 0.0) as i64),
        "float_min" => Ok(Const::Float(f(0).min(f(1)))),
        "float_max" => Ok(Const::Float(f(0).max(f(1)))),
        "uint_floordiv" if i(1) == 0 => raise(
            ExcKind::ZeroDivisionError,
            "integer division or modulo by zero",
        ),
        name => {
            let code = trace_op(op).unwrap_or_else(|| panic!("pure op {name} has no evaluator"));
            Ok(eval_pure(code, args).unwrap_or_else(|| panic!("pure op {name} on {args:?}")))
        }
    }
}
