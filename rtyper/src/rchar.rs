//! Chars (`SomeValue::Char`, `annotator/src/rules_char.rs`): a
//! one-character str as its code point in a Signed word.
//!
//! Ops the annotator's `rules_char::view` keeps on chars are lowered here
//! as int ops (so an `if c == "+"` chain is a chain of `int_eq` that
//! backendopt's `merge_if` turns into a switch); `char_args` converts
//! every other char argument into a str before its op is lowered, and
//! `RTyper::convert` does the same on links.
//! The conversion is `ll_char_str`: the prebuilt one-character str below
//! 256 (`rstr_helpers.rs`), a fresh one above.

use crate::emit::{Emit, LlValue};
use crate::fnbuild::{c_int, FnBuilder, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LowType, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::rules_char::{one_char, PREDICATES};
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

const I: LowType = LowType::Signed;
const B: LowType = LowType::Bool;
const STR: LowType = LowType::Ptr(TypeTable::STR);

/// A constant str searched for a char inline (`c in "+-<>"`) when it has
/// at most this many distinct characters; longer ones use a loop.
const INLINE_IN: usize = 8;

impl<'a, 'p> RTyper<'a, 'p> {
    /// `op` with the arguments its rules see (`rules_char::view`): each
    /// char variable seen as a str is converted here (in `e`).
    pub(crate) fn char_args(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: Vec<S>,
    ) -> (Op<Flow>, Vec<S>) {
        let view = rpy_annotator::rules_char::view(op, &anns);
        if view == anns {
            return (op.clone(), anns);
        }
        let mut op = op.clone();
        for (i, (was, now)) in anns.iter().zip(&view).enumerate() {
            if let (S::Char, S::Str { .. }, Value::Var(v)) = (was, now, &op.args[i]) {
                let s = self.char_to_str(e, Value::Var(*v));
                let Value::Var(nv) = s else {
                    unreachable!("a call result")
                };
                op.args[i] = Value::Var(nv);
            }
        }
        (op, view)
    }

    /// The str of one character whose code point is `code`.
    pub(crate) fn char_to_str(&mut self, e: &mut Emit, code: LlValue) -> LlValue {
        let f = self.add_helper("char_str".into(), |rt| {
            let (mut f, p) = FnBuilder::new("ll_char_str", &[I], STR);
            let c = f.get(p[0]);
            let r = rt.char_str(&mut f, c);
            f.ret(r);
            f.finish()
        });
        e.call_func(f, vec![code], STR)
    }

    /// The ops `rules_char` keeps on chars; `None` for the others.
    pub(crate) fn lower_char_op(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
    ) -> Option<Result<LlValue, Diagnostic>> {
        use FlowOp as F;
        let k = match op.kind {
            F::Eq => O::IntEq,
            F::Ne => O::IntNe,
            F::Lt => O::IntLt,
            F::Le => O::IntLe,
            F::Gt => O::IntGt,
            F::Ge => O::IntGe,
            F::Bool | F::Not if matches!(anns[0], S::Char) => {
                // A one-character str is never empty.
                return Some(Ok(Value::Const(crate::lltype::LlConst::Bool(
                    op.kind == F::Bool,
                ))));
            }
            F::Contains if matches!(anns[1], S::Char) => {
                return Some(self.lower_char_in(e, op, anns))
            }
            // `c.isdigit`: the method is represented by the char.
            F::GetAttr if matches!(anns[0], S::Char) => return Some(self.arg(e, op, anns, 0)),
            F::SimpleCall if matches!(&anns[0], S::BuiltinMethod { recv, .. } if **recv == S::Char) =>
            {
                let S::BuiltinMethod { name, .. } = &anns[0] else {
                    unreachable!()
                };
                let which = PREDICATES.iter().position(|p| p == name)?;
                return Some((|| {
                    let c = self.arg(e, op, anns, 0)?;
                    let f = self.helper_char_predicate(which);
                    Ok(e.call_func(f, vec![c], B))
                })());
            }
            F::SimpleCall
                if anns.len() == 2
                    && matches!(anns[1], S::Char)
                    && matches!(anns[0], S::Builtin(Builtin::Ord)) =>
            {
                return Some(self.arg(e, op, anns, 1));
            }
            _ => return None,
        };
        if !matches!((&anns[0], &anns[1]), (S::Char, S::Char)) {
            return None;
        }
        Some((|| {
            let x = self.arg(e, op, anns, 0)?;
            let y = self.arg(e, op, anns, 1)?;
            Ok(e.op(k, vec![x, y], B))
        })())
    }

    /// `c in s`: int compares against a short constant str, else a loop.
    fn lower_char_in(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
    ) -> Result<LlValue, Diagnostic> {
        let c = self.arg(e, op, anns, 1)?;
        if let Some(Const::Str(s)) = op.args[0].as_const() {
            let mut chars: Vec<char> = s.chars().collect();
            chars.sort_unstable();
            chars.dedup();
            if chars.len() <= INLINE_IN {
                let mut acc: Option<LlValue> = None;
                for ch in chars {
                    let eq = e.op(O::IntEq, vec![c.clone(), c_int(ch as i64)], B);
                    let eq = e.op(O::CastBoolToInt, vec![eq], I);
                    acc = Some(match acc {
                        None => eq,
                        Some(a) => e.op(O::IntOr, vec![a, eq], I),
                    });
                }
                return Ok(match acc {
                    None => Value::Const(crate::lltype::LlConst::Bool(false)),
                    Some(a) => e.op(O::IntIsTrue, vec![a], B),
                });
            }
        }
        let s = self.arg(e, op, anns, 0)?;
        let f = self.helper_str_contains_char();
        Ok(e.call_func(f, vec![s, c], B))
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// `s == "+"` / `s != "+"` of a str (an item of a list of one-character
    /// strs, say) and a one-character literal: the length and the first
    /// code point, not the general string equality.
    pub(crate) fn lower_str_eq_char(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
    ) -> Option<Result<LlValue, Diagnostic>> {
        if !matches!(op.kind, FlowOp::Eq | FlowOp::Ne) {
            return None;
        }
        let lit = (0..2).find(|&i| op.args[i].as_const().and_then(char_const).is_some())?;
        let other = 1 - lit;
        if !matches!(anns[other], S::Str { .. }) || op.args[other].as_var().is_none() {
            return None;
        }
        let code = op.args[lit].as_const().and_then(char_const)?;
        Some((|| {
            let s = self.arg(e, op, anns, other)?;
            let f = self.helper_str_eq_char(anns[other].can_be_none());
            let eq = e.call_func(f, vec![s, c_int(code)], B);
            Ok(if op.kind == FlowOp::Ne {
                e.op(O::BoolNot, vec![eq], B)
            } else {
                eq
            })
        })())
    }

    /// `ll_str_eq_char(s, code)`: `s` (None if `nullable`) is the
    /// one-character str of `code`.
    fn helper_str_eq_char(&mut self, nullable: bool) -> u32 {
        self.add_helper(format!("str_eq_char_{nullable}"), |_| {
            let (mut f, p) = FnBuilder::new("ll_str_eq_char", &[STR, I], B);
            if nullable {
                let null = f.op(O::PtrIsNull, vec![f.get(p[0])], B);
                f.if_(null, |f| {
                    f.ret(Value::Const(crate::lltype::LlConst::Bool(false)))
                });
            }
            let n = f.op(O::GetArrayLen, vec![f.get(p[0])], I);
            let not_one = f.cmp(O::IntNe, n, c_int(1));
            f.if_(not_one, |f| {
                f.ret(Value::Const(crate::lltype::LlConst::Bool(false)))
            });
            let c = f.op(
                O::GetArrayItem,
                vec![f.get(p[0]), c_int(0)],
                LowType::UniChar,
            );
            let c = f.op(O::CastUniCharToInt, vec![c], I);
            let r = f.cmp(O::IntEq, c, f.get(p[1]));
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_char_<predicate>(code)`: ASCII answered on the word; other code
    /// points (and the ASCII separators 28..31, whose class the runtime
    /// decides) by the runtime's `rpy_str_is` on the one-character str.
    fn helper_char_predicate(&mut self, which: usize) -> u32 {
        let name = PREDICATES[which];
        self.add_helper(format!("char_{name}"), |rt| {
            let (mut f, p) = FnBuilder::new(&format!("ll_char_{name}"), &[I], B);
            let c = p[0];
            let between = |f: &mut FnBuilder, lo: i64, hi: i64| {
                let x = f.get(c);
                let b = f.op(O::IntBetween, vec![c_int(lo), x, c_int(hi)], B);
                f.op(O::CastBoolToInt, vec![b], I)
            };
            let ascii = between(&mut f, 0, 128);
            let seps = between(&mut f, 28, 32);
            let fast = f.int(O::IntSub, ascii, seps);
            let fast = f.op(O::IntIsTrue, vec![fast], B);
            f.if_(fast, |f| {
                let r = match name {
                    "isdigit" => between(f, 48, 58),
                    "isupper" => between(f, 65, 91),
                    "islower" => between(f, 97, 123),
                    "isalpha" | "isalnum" => {
                        let up = between(f, 65, 91);
                        let low = between(f, 97, 123);
                        let r = f.int(O::IntOr, up, low);
                        if name == "isalnum" {
                            let d = between(f, 48, 58);
                            f.int(O::IntOr, r, d)
                        } else {
                            r
                        }
                    }
                    _ => {
                        // isspace: 9..13 and 32.
                        let ws = between(f, 9, 14);
                        let x = f.get(c);
                        let sp = f.cmp(O::IntEq, x, c_int(32));
                        let sp = f.op(O::CastBoolToInt, vec![sp], I);
                        f.int(O::IntOr, ws, sp)
                    }
                };
                let r = f.op(O::IntIsTrue, vec![r], B);
                f.ret(r);
            });
            let x = f.get(c);
            let s = rt.char_str(&mut f, x);
            let r = f.call_extern("rpy_str_is", vec![s, c_int(which as i64)], B);
            f.ret(r);
            f.finish()
        })
    }
}

/// The code point of a one-character str constant (for `const_value`).
pub fn char_const(c: &Const) -> Option<i64> {
    one_char(c).map(|ch| ch as i64)
}
