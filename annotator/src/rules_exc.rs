//! Exception constructor arguments: `E(a, b)`, `BaseException.__init__(self,
//! a, b)`, the `args` tuple and `repr(e)`.
//!
//! * An exception's message (`str(e)`) is computed when it is constructed,
//!   as CPython's `BaseException.__str__`: no argument gives `""`, one gives
//!   `str(arg)` (`repr` for KeyError), several give the repr of the tuple.
//! * `args` is an instance attribute that exists only if the program reads
//!   it (`e.args`, `repr(e)`): every construction and `__init__` call is
//!   recorded (`ClassDefs::exc_args`) and replayed as a write of
//!   `args = (a, b)` into the classes whose `args` is read, so programs that
//!   never read it pay nothing and need no single shape.
//! * Builtin classes: the runtime and helper graphs raise instances with just
//!   a message (their `args` stays null and reads as `(message,)`), except
//!   dict lookups, which give KeyError `args = (key,)`; `finish_args`
//!   (after the fixpoint) adds those shapes where `args` is read on a family
//!   with builtin classes. MemoryError, OSError and the Unicode errors,
//!   whose CPython `args` differ from `(message,)`, are refused.

use crate::annotate::OpCx;
use crate::classdef::{lookup, real_base};
use crate::model::SomeValue as S;
use crate::rules_class::{is_exception_class, stringable};
use rpy_flow::{Const, HostId, HostObj, Program};
use rpy_syntax::ast::{Expr, ExprKind, StmtKind};
use rpy_syntax::{Diagnostic, Span};

type R = Result<S, Diagnostic>;

/// Can `a` be an item of an exception message's tuple repr?
pub fn reprable(a: &S) -> bool {
    match a {
        S::Tuple(items) => items.iter().all(reprable),
        S::Unsigned => false,
        a => stringable(a),
    }
}

fn class_name(cx: &OpCx, c: HostId) -> String {
    cx.ann.prog.class(c).name.clone()
}

/// Do the arguments of a call of class `c` become its `args`? Yes unless
/// `c` has a user `__init__` that always calls a base `__init__` that sets
/// them (CPython's `BaseException.__new__` keeps the constructor's
/// arguments, but `BaseException.__init__` replaces them). "Always": a
/// top-level statement of the `__init__` body, after only assignments.
pub fn ctor_args_survive(prog: &Program, c: HostId) -> bool {
    match user_init(prog, c) {
        None => true,
        Some(_) => !init_sets_args(prog, c, 0),
    }
}

fn user_init(prog: &Program, c: HostId) -> Option<(HostId, HostId)> {
    match lookup(prog, c, "__init__") {
        Some((owner, Const::Host(f))) if matches!(prog.objs[f], HostObj::Function(_)) => {
            Some((owner, f))
        }
        _ => None,
    }
}

/// Does calling `c.__init__` always set `args`?
fn init_sets_args(prog: &Program, c: HostId, depth: usize) -> bool {
    let Some((owner, f)) = user_init(prog, c) else {
        // BaseException.__init__ itself.
        return true;
    };
    if depth > 16 {
        return false;
    }
    let fo = prog.function(f);
    for st in &fo.def.body {
        match &st.kind {
            StmtKind::Expr(e) => {
                if let Some(k) = base_init_call(prog, fo.module, owner, e) {
                    if crate::rules_class::is_exception_class(prog, k)
                        && init_sets_args(prog, k, depth + 1)
                    {
                        return true;
                    }
                }
            }
            StmtKind::Assign { .. } | StmtKind::AugAssign { .. } | StmtKind::Pass => {}
            _ => return false,
        }
    }
    false
}

/// `K.__init__(self, ...)` or `super().__init__(...)` / `super(C,
/// self).__init__(...)`: the class whose `__init__` is called.
fn base_init_call(prog: &Program, module: HostId, owner: HostId, e: &Expr) -> Option<HostId> {
    let ExprKind::Call { func, .. } = &e.kind else {
        return None;
    };
    let ExprKind::Attribute { value, attr } = &func.kind else {
        return None;
    };
    if attr != "__init__" {
        return None;
    }
    match &value.kind {
        ExprKind::Name(n) => match prog.module(module).global(n) {
            Some(Const::Host(k)) if matches!(prog.objs[*k], HostObj::Class(_)) => Some(*k),
            Some(_) => None,
            None => prog.builtin_classes.get(n.as_str()).copied(),
        },
        ExprKind::Call { func, args, .. }
            if matches!(&func.kind, ExprKind::Name(n) if n == "super") && args.is_empty() =>
        {
            real_base(prog, owner)
        }
        _ => None,
    }
}

/// Check the positional arguments that become an exception's message;
/// `what` names the call for errors.
pub fn check_message_args(cx: &OpCx, what: &str, pos: &[S]) -> Result<(), Diagnostic> {
    match pos {
        [] => Ok(()),
        [a] if stringable(a) => Ok(()),
        [a] => Err(Diagnostic::new(
            cx.span,
            format!(
                "the message of {what} must be convertible to str, not {}",
                a.describe()
            ),
        )),
        _ => match pos.iter().find(|a| !reprable(a)) {
            None => Ok(()),
            Some(a) => Err(Diagnostic::new(
                cx.span,
                format!("the arguments of {what} become its message (the repr of the argument tuple), so each must be a str, bytes, number, None or a tuple of those, not {}", a.describe()),
            )),
        },
    }
}

/// A user-visible class whose instances are made only by the program
/// (not one of the toolchain's builtin exception classes).
fn is_user_class(cx: &OpCx, c: HostId) -> bool {
    !cx.ann.prog.class(c).builtin
}

/// Record that an instance of `c` gets `args = pos` (a construction or an
/// `__init__` call), and write it into `args` if someone reads it.
pub fn note_args(cx: &mut OpCx, c: HostId, pos: &[S]) -> Result<(), Diagnostic> {
    let t = S::Tuple(pos.to_vec());
    let rec = (c, t.clone(), cx.span);
    if !cx.ann.classdefs.exc_args.contains(&rec) {
        cx.ann.classdefs.exc_args.push(rec);
    }
    let prog = cx.ann.prog;
    // Only where `c` or an ancestor holds `args` (never move it up into a
    // class whose instances the runtime makes).
    if cx.ann.classdefs.home(prog, c, "args").is_some() {
        write_args(cx, c, &t, cx.span)?;
    }
    Ok(())
}

fn write_args(cx: &mut OpCx, c: HostId, t: &S, span: Span) -> Result<(), Diagnostic> {
    cx.ann.write_attr(c, "args", t, span).map_err(|d| {
        d.with_note(
            None,
            "an exception's args is the tuple of its constructor's (or BaseException.__init__'s) arguments; where e.args or repr(e) is used, all of them need one shape",
        )
    })
}

/// Builtin exception classes the runtime raises whose CPython `args` is not
/// `(message,)` (OSError's is `(errno, strerror)`, MemoryError's is empty,
/// the Unicode errors' five fields): their `args` cannot be read.
const ARGS_UNSUPPORTED: [&str; 4] = [
    "MemoryError",
    "OSError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
];

/// `e.args` on an instance of `c`.
pub fn getattr_args(cx: &mut OpCx, c: HostId) -> R {
    let family = cx.ann.classdefs.subtree(c);
    let prog = cx.ann.prog;
    // (A wider class that may hold one, such as ValueError, is checked at
    // run time: `rpy_fatal_exc_args`.)
    let bad = ARGS_UNSUPPORTED.iter().find(|n| {
        prog.builtin_classes
            .get(**n)
            .is_some_and(|k| crate::classdef::is_subclass(prog, c, *k))
    });
    if let Some(b) = bad {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "e.args is not supported on {}: the runtime raises {b} with just a message, and CPython's args of MemoryError, OSError and the Unicode errors is not (message,); use str(e)",
                class_name(cx, c)
            ),
        ));
    }
    if family.iter().any(|k| !is_user_class(cx, *k)) {
        let rec = (c, cx.span);
        if !cx.ann.classdefs.exc_args_reads.contains(&rec) {
            cx.ann.classdefs.exc_args_reads.push(rec);
        }
    }
    let reader = (cx.graph, cx.block);
    // Create the attribute on `c` first, so the replayed writes home there;
    // replay every recorded construction in the family (writes that change
    // nothing are free).
    cx.ann.read_attr(c, "args", reader, cx.span)?;
    let recs: Vec<(HostId, S, Span)> = cx
        .ann
        .classdefs
        .exc_args
        .iter()
        .filter(|(k, _, _)| family.contains(k))
        .cloned()
        .collect();
    for (k, t, span) in recs {
        write_args(cx, k, &t, span)?;
    }
    cx.ann.read_attr(c, "args", reader, cx.span)
}

/// `repr(e)` of an exception instance: `Name(arg, ...)`, from `args`.
pub fn repr_exc(cx: &mut OpCx, c: HostId) -> R {
    if !is_exception_class(cx.ann.prog, c) {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "repr() of an instance of {} is not supported (only exceptions)",
                class_name(cx, c)
            ),
        ));
    }
    let args = getattr_args(cx, c).map_err(|d| {
        Diagnostic::new(
            d.span,
            d.message
                .replace("e.args is supported", "repr(e) is supported"),
        )
    })?;
    if !args.is_impossible() && !reprable(&args) {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "repr() of {} needs the repr of its args, which are {}",
                class_name(cx, c),
                args.describe()
            ),
        ));
    }
    Ok(S::Str { nullable: false })
}

/// `BaseException.__init__(self, *args)`.
pub fn call_exc_init(cx: &mut OpCx, pos: &[S], kw: &[(String, S)]) -> R {
    let cls = match pos.first() {
        Some(S::Instance { class, .. }) if is_exception_class(cx.ann.prog, *class) => Some(*class),
        _ => None,
    };
    let Some(c) = cls.filter(|_| kw.is_empty()) else {
        return Err(Diagnostic::new(
            cx.span,
            "BaseException.__init__ takes an exception instance and positional arguments",
        ));
    };
    check_message_args(cx, "an exception", &pos[1..])?;
    note_args(cx, c, &pos[1..])?;
    Ok(S::None)
}

/// After the fixpoint: give `args` of families with builtin classes the
/// shapes the runtime makes: `(key,)` for KeyError when the program has
/// dicts (their keys must be str), and `(str,)` where nothing else wrote
/// `args`. Returns whether an annotation changed (run the fixpoint again).
pub fn finish_args(ann: &mut crate::annotate::Annotator) -> bool {
    let prog = ann.prog;
    let key_error = prog.exc_class("KeyError");
    let mut changed = false;
    for (c, span) in ann.classdefs.exc_args_reads.clone() {
        let before = args_ann(ann, c);
        if ann.classdefs.subtree(c).contains(&key_error) {
            let roots: Vec<_> = ann
                .dictdefs
                .keys()
                .filter(|d| ann.dict_root(*d) == *d)
                .collect();
            for d in roots {
                let key = ann.dictdef(d).key.clone();
                let t = match &key {
                    S::Impossible => continue,
                    S::Str { .. } => S::Tuple(vec![key]),
                    k => {
                        ann.errors.push(Diagnostic::new(
                            span,
                            format!(
                                "e.args of a KeyError raised by a dict lookup is (key,), and this program has a dict with {} keys; only str keys are supported here; use str(e) (the repr of the key)",
                                k.describe()
                            ),
                        ));
                        // (Give args a type, so no second error follows.)
                        let t = S::Tuple(vec![S::Str { nullable: false }]);
                        let _ = ann.write_attr(c, "args", &t, span);
                        return false;
                    }
                };
                if let Err(d) = ann.write_attr(key_error, "args", &t, span) {
                    ann.errors.push(
                        d.with_note(None, "a KeyError raised by a dict lookup has args (key,)"),
                    );
                    return false;
                }
            }
        }
        if matches!(args_ann(ann, c), None | Some(S::Impossible)) {
            let t = S::Tuple(vec![S::Str { nullable: false }]);
            if let Err(d) = ann.write_attr(c, "args", &t, span) {
                ann.errors.push(d);
                return false;
            }
        }
        changed |= args_ann(ann, c) != before;
    }
    changed
}

fn args_ann(ann: &crate::annotate::Annotator, c: HostId) -> Option<S> {
    let home = ann.classdefs.home(ann.prog, c, "args")?;
    Some(ann.classdefs.attrs[&home]["args"].ann.clone())
}
