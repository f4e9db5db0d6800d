//! `isinstance(x, T)` with a builtin type `T` (int, bool, float, str,
//! bytes, list, dict, tuple) in ordinary code: the annotation of `x`
//! decides it (an int variable is an int, a list is never a str), so the
//! test is a constant; the annotator narrows the branch that cannot be
//! taken to dead, and the rtyper emits the constant. A test the
//! annotation cannot decide (a str that may be None, an int that may have
//! been a bool) is refused.

use crate::model::SomeValue as S;
use rpy_flow::{Builtin, Const};

/// Whether `isinstance(_, b)` names a builtin type this module decides.
pub fn is_builtin_type(b: Builtin) -> bool {
    b.is_builtin_type()
}

/// `isinstance(x, b)` where `x` may be a constant (an int literal is not a
/// bool, though an int variable may hold one).
pub fn decide_arg(x: Option<&Const>, x_ann: &S, b: Builtin) -> Result<bool, String> {
    match x {
        Some(Const::Int(_)) if b == Builtin::BoolFn => Ok(false),
        _ => decide(x_ann, b),
    }
}

/// The value of `isinstance(x, b)` for every `x` annotated `x_ann`, or why
/// the annotation does not decide it.
pub fn decide(x_ann: &S, b: Builtin) -> Result<bool, String> {
    use Builtin as B;
    let type_name = b.name();
    // (x is of this kind, x may be None)
    let (matches, nullable) = match (b, x_ann) {
        (B::IntFn, S::Int | S::Bool | S::Unsigned) => (true, false),
        (B::BoolFn, S::Bool) => (true, false),
        (B::BoolFn, S::Int) => {
            return Err(format!(
                "an int variable may hold a bool (bool is a subclass of int), so isinstance(x, {type_name}) is not decided by its annotation"
            ))
        }
        (B::FloatFn, S::Float) => (true, false),
        (B::StrFn, S::Str { nullable }) => (true, *nullable),
        (B::BytesFn, S::Bytes { nullable }) => (true, *nullable),
        (B::ListFn, S::List { nullable, .. }) => (true, *nullable),
        (B::DictFn, S::Dict { nullable, .. }) => (true, *nullable),
        (B::TupleFn, S::Tuple(_)) => (true, false),
        _ => (false, false),
    };
    if nullable {
        return Err(format!(
            "x is {} (it may be None), so isinstance(x, {type_name}) is not decided by its annotation; test `x is not None` instead",
            x_ann.describe()
        ));
    }
    Ok(matches)
}
