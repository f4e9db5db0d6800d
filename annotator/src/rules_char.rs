//! Characters (RPython's `SomeChar`): a str of exactly one character,
//! represented as its code point in a machine word.
//!
//! Chars are made by indexing a str (`s[i]`), by iterating a str in a
//! `for` loop, by `chr()`, and by a one-character literal passed on a
//! link (`c = "+"`) or met by a char rule (`c == "+"`).
//! A few ops work on the word: comparisons of two chars, `c in s`,
//! `ord(c)`, truth tests, the predicates `c.isdigit()` ..., JIT hints.
//! Every other op sees a char as a str: `view` gives the annotations the
//! rules see, and the rtyper calls the same `view` and converts each char
//! it turns into a str (a table lookup, `rtyper/src/rchar.rs`), so the
//! two stages agree on where a char becomes a str object.
//! Where a char meets a str on a link the union is a str, converted by
//! `RTyper::convert`.
//! Lists, dicts, tuples and attributes never hold chars: the ops that
//! store into them see a str; nor do function results (`returned`).

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use crate::rules_rlib::Intrinsic;
use rpy_flow::graph::Value;
use rpy_flow::model::Flow;
use rpy_flow::{Builtin, Const, FlowOp, Op};
use rpy_syntax::Diagnostic;

/// The str predicates a char answers on its word (`c.isdigit()`, ...),
/// in the runtime's numbering (`rpy_str_is`).
pub const PREDICATES: &[&str] = &[
    "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
];

/// The predicate `name` of a char, bound to it (`c.isdigit`).
fn is_predicate(op: &Op<Flow>) -> bool {
    matches!(op.args.get(1), Some(Value::Const(c)) if c.as_str().is_some_and(|n| PREDICATES.contains(&n)))
}

/// The character of a one-character str constant.
pub fn one_char(c: &Const) -> Option<char> {
    let s = c.as_str()?;
    let mut it = s.chars();
    let ch = it.next()?;
    it.next().is_none().then_some(ch)
}

/// The annotation of a constant passed on a link: a one-character str is
/// a char (the union with a longer str on another path makes it a str).
pub fn link_const(c: &Const, plain: S) -> S {
    match one_char(c) {
        Some(_) => S::Char,
        None => plain,
    }
}

/// What a function returns for a value of annotation `a`: a char is
/// returned as a str, so that the implementations of a method family (or
/// the functions behind one pointer) agree on their low-level signature
/// whichever return a literal like `"?"`.
pub fn returned(a: S) -> S {
    match a {
        S::Char => S::Str { nullable: false },
        other => other,
    }
}

/// The annotations the rules see for `op`'s arguments `args`: a char
/// stays a char only in a position a char rule takes (a one-character
/// literal there becomes a char); everywhere else it is a str.
pub fn view(op: &Op<Flow>, args: &[S]) -> Vec<S> {
    let keep = kept(op, args);
    args.iter()
        .enumerate()
        .map(|(i, a)| match (keep.get(i).copied().unwrap_or(false), a) {
            (true, S::Str { nullable: false }) if is_char_const(op, i) => S::Char,
            (false, S::Char) => S::Str { nullable: false },
            _ => a.clone(),
        })
        .collect()
}

fn is_char_const(op: &Op<Flow>, i: usize) -> bool {
    matches!(op.args.get(i), Some(Value::Const(c)) if one_char(c).is_some())
}

/// Which argument positions a char rule takes as chars.
fn kept(op: &Op<Flow>, args: &[S]) -> Vec<bool> {
    use FlowOp as F;
    let is_char = |i: usize| matches!(args.get(i), Some(S::Char)) || is_char_const(op, i);
    let any_char = args.iter().any(|a| matches!(a, S::Char));
    if !any_char {
        // Only `ord("a")` takes a literal without a char variable.
        let ord_lit = op.kind == F::SimpleCall
            && args.len() == 2
            && matches!(args[0], S::Builtin(Builtin::Ord))
            && is_char_const(op, 1);
        return if ord_lit {
            vec![false, true]
        } else {
            Vec::new()
        };
    }
    match op.kind {
        F::Eq | F::Ne | F::Lt | F::Le | F::Gt | F::Ge if is_char(0) && is_char(1) => {
            vec![true, true]
        }
        F::Contains if matches!(args[0], S::Str { nullable: false }) && is_char(1) => {
            vec![false, true]
        }
        F::Bool | F::Not => vec![true],
        F::GetAttr if is_predicate(op) => vec![true, false],
        F::SimpleCall if args.len() == 2 => match &args[0] {
            S::Builtin(Builtin::Ord | Builtin::JitPromote) => vec![false, true],
            S::Intrinsic(Intrinsic::JitMethod { .. }) => vec![true; args.len()],
            _ => Vec::new(),
        },
        F::SimpleCall | F::CallKw => match &args[0] {
            // The live variables of a portal keep their representation.
            S::Intrinsic(Intrinsic::JitMethod { .. }) => vec![true; args.len()],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The rules of ops on chars (after `view`); `None` for other ops.
pub fn annotate(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<Result<S, Diagnostic>> {
    use FlowOp as F;
    match op.kind {
        F::Eq | F::Ne | F::Lt | F::Le | F::Gt | F::Ge
            if matches!((&args[0], &args[1]), (S::Char, S::Char)) =>
        {
            Some(Ok(S::Bool))
        }
        F::Contains if matches!(args[1], S::Char) => Some(Ok(S::Bool)),
        F::Bool | F::Not if matches!(args[0], S::Char) => Some(Ok(S::Bool)),
        F::GetAttr if matches!(args[0], S::Char) => {
            let name = op.args[1].as_const().and_then(Const::as_str)?;
            Some(Ok(S::BuiltinMethod {
                recv: Box::new(S::Char),
                name: name.to_string(),
            }))
        }
        F::SimpleCall | F::CallKw => match &args[0] {
            S::BuiltinMethod { recv, name } if **recv == S::Char => Some(if args.len() == 1 {
                Ok(S::Bool)
            } else {
                // As the str method says (`rules_str.rs`).
                let given = args.len() - if op.kind == F::CallKw { 2 } else { 1 };
                Err(Diagnostic::new(
                    cx.span,
                    format!("str.{name}() takes at most 0 arguments ({given} given)"),
                ))
            }),
            S::Builtin(Builtin::Ord)
                if op.kind == F::SimpleCall && args.len() == 2 && args[1] == S::Char =>
            {
                Some(Ok(S::Int))
            }
            _ => None,
        },
        _ => None,
    }
}
