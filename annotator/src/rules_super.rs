//! `super()`: the builder turns zero-argument `super()` in a method into
//! `super(C, self)` (C the defining class). `super(C, obj)` is annotated
//! `Super { start: C, recv: class of obj, name: None }`; `.name` on it looks
//! the method up statically on the classes after C in the MRO (C's mixins,
//! then its real base's chain), so calling it is a direct call of that
//! function with `obj` first. `__init__` found nowhere is
//! `BaseException.__init__` for exceptions, `object.__init__` (no
//! arguments, does nothing) otherwise.

use crate::annotate::OpCx;
use crate::classdef::{is_mixin, is_subclass, lookup, real_base};
use crate::model::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, HostId, HostObj, Op, Program};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

/// What `super(start, obj).name` is.
#[derive(Clone, Debug, PartialEq)]
pub enum SuperTarget {
    Function(HostId),
    /// `BaseException.__init__(obj[, msg])`.
    ExcInit,
    /// `object.__init__(obj)`: nothing.
    ObjectInit,
    /// A class attribute that is not a function.
    Other(Const),
    Missing,
}

/// Look `name` up on the classes after `start` in its MRO.
pub fn resolve(prog: &Program, start: HostId, name: &str) -> SuperTarget {
    let cls = prog.class(start);
    let mut found = None;
    for &b in &cls.bases {
        if is_mixin(prog, b) {
            if let Some(r) = lookup(prog, b, name) {
                found = Some(r);
                break;
            }
        }
    }
    if found.is_none() {
        found = real_base(prog, start).and_then(|b| lookup(prog, b, name));
    }
    match found {
        Some((_, Const::Host(f))) if matches!(prog.objs[f], HostObj::Function(_)) => {
            SuperTarget::Function(f)
        }
        Some((_, c)) => SuperTarget::Other(c),
        None if name == "__init__" => {
            if crate::rules_class::is_exception_class(prog, start) {
                SuperTarget::ExcInit
            } else {
                SuperTarget::ObjectInit
            }
        }
        None => SuperTarget::Missing,
    }
}

/// The call `super(C, obj).name(args)` rewritten as a direct call of its
/// target with `obj` first: the op and its argument annotations (used by
/// the rtyper too, so both stages see the same call).
pub fn direct_call(op: &Op<Flow>, args: &[S], target: Const, target_ann: S) -> (Op<Flow>, Vec<S>) {
    let S::Super { recv, .. } = &args[0] else {
        panic!("direct_call: not a super() method")
    };
    let me = S::Instance {
        class: *recv,
        nullable: false,
    };
    let skip = if op.kind == FlowOp::CallKw { 2 } else { 1 };
    let mut new_args = vec![Value::Const(target)];
    let mut anns = vec![target_ann];
    new_args.extend(op.args[1..skip].iter().cloned());
    anns.extend(args[1..skip].iter().cloned());
    new_args.push(op.args[0].clone());
    anns.push(me);
    new_args.extend(op.args[skip..].iter().cloned());
    anns.extend(args[skip..].iter().cloned());
    (
        Op {
            kind: op.kind,
            args: new_args,
            result: op.result,
            span: op.span,
        },
        anns,
    )
}

/// The `super` ops: `super(C, obj)`, `.name` on it, and calls of that.
pub fn annotate(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<R> {
    let prog = cx.ann.prog;
    match (op.kind, args.first()?) {
        (FlowOp::SimpleCall | FlowOp::CallKw, S::Builtin(Builtin::Super)) => {
            Some(make_super(cx, op, args))
        }
        (
            FlowOp::GetAttr,
            S::Super {
                start,
                recv,
                name: None,
            },
        ) => {
            let (start, recv) = (*start, *recv);
            let name = op.args.get(1)?.as_const()?.as_str()?.to_string();
            Some(match resolve(prog, start, &name) {
                SuperTarget::Missing => Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "super().{name}: no base class of {} defines '{name}'",
                        prog.class(start).name
                    ),
                )
                .with_note(
                    Some(prog.class(start).span),
                    format!("class {} is defined here", prog.class(start).name),
                )),
                SuperTarget::Other(c) => {
                    cx.ann.see_const(&c);
                    Ok(cx.ann.const_annotation(&c))
                }
                _ => Ok(S::Super {
                    start,
                    recv,
                    name: Some(name),
                }),
            })
        }
        (
            FlowOp::SimpleCall | FlowOp::CallKw,
            S::Super {
                start,
                name: Some(name),
                ..
            },
        ) => {
            let (start, name) = (*start, name.clone());
            let target = match resolve(prog, start, &name) {
                SuperTarget::Function(f) => (Const::Host(f), S::Functions(vec![f])),
                SuperTarget::ExcInit => (Const::None, S::ExcInit),
                SuperTarget::ObjectInit if args.len() == 1 && op.kind == FlowOp::SimpleCall => {
                    return Some(Ok(S::None))
                }
                SuperTarget::ObjectInit => {
                    return Some(Err(Diagnostic::new(
                        cx.span,
                        format!(
                            "super().__init__() takes no arguments here: no base class of {} defines __init__",
                            prog.class(start).name
                        ),
                    )))
                }
                _ => {
                    return Some(Err(Diagnostic::new(
                        cx.span,
                        format!("super().{name} is not a method"),
                    )))
                }
            };
            let (op2, args2) = direct_call(op, args, target.0, target.1);
            Some(crate::rules::annotate_op(cx, &op2, &args2))
        }
        _ => None,
    }
}

fn make_super(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    let prog = cx.ann.prog;
    let bad = |m: &str| Err(Diagnostic::new(cx.span, m.to_string()));
    if op.kind != FlowOp::SimpleCall || args.len() != 3 {
        return bad("super() is supported only inside a method (super()) or as super(Class, self)");
    }
    let start = match (&op.args[1].as_const(), &args[1]) {
        (Some(Const::Host(c)), S::Class(_)) => *c,
        _ => return bad("super(C, obj): C must be a class named directly"),
    };
    if is_mixin(prog, start) {
        // Each class that lists the mixin gets its own copy of the method
        // (`rpy_flow::mixin`), and where super() continues depends on that
        // class's bases: not supported yet.
        let m = &prog.class(start).name;
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "super() in a method of the _mixin_ class {m} is not supported: \
                 {m}'s methods are copied into each class that lists it"
            ),
        )
        .with_note(
            Some(prog.class(start).span),
            format!("call the next method explicitly instead (e.g. `Base.f(self)`); class {m} is defined here"),
        ));
    }
    match &args[2] {
        S::Instance { class, .. } if is_subclass(prog, *class, start) => Ok(S::Super {
            start,
            recv: *class,
            name: None,
        }),
        other => Err(Diagnostic::new(
            cx.span,
            format!(
                "super({}, obj): obj must be an instance of {} or a subclass, not {}",
                prog.class(start).name,
                prog.class(start).name,
                other.describe_in(prog)
            ),
        )),
    }
}
