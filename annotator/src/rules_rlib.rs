//! Annotation of the support package's intrinsics (`rpy_flow::rlib`),
//! `r_uint` arithmetic (`SomeValue::Unsigned`), the `_ovf` ops that
//! `ovfcheck(...)` becomes, and the run-time modules `os`, `time`, `math`.
//!
//! `annotate_op` is asked first for every op; it answers `None` for ops
//! that are not its business, so `rules.rs` only needs one hook.

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::model::Flow;
use rpy_flow::rlib::check_livevars;
use rpy_flow::{Builtin, Const, FlowOp, HostId, HostObj, Op, Program};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

/// A support-package object seen at run time.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Intrinsic {
    /// A prebuilt `JitDriver`.
    JitDriver(HostId),
    /// `driver.jit_merge_point` / `driver.can_enter_jit` /
    /// `driver.loop_header`, bound to its driver.
    JitMethod { driver: HostId, name: &'static str },
}

impl Intrinsic {
    pub fn describe(&self) -> String {
        match self {
            Intrinsic::JitDriver(_) => "a JitDriver".into(),
            Intrinsic::JitMethod { name, .. } => format!("the JitDriver method {name}()"),
        }
    }
}

/// The annotation of a prebuilt intrinsic object.
pub fn const_annotation(prog: &Program, h: HostId) -> S {
    match &prog.objs[h] {
        HostObj::Intrinsic {
            kind: Builtin::JitDriver,
            ..
        } => S::Intrinsic(Intrinsic::JitDriver(h)),
        // A builder made at module level (or by the `__init__` of a
        // prebuilt instance) keeps what was appended so far
        // (`rtyper/src/rstr.rs`, `prebuilt_builder`).
        HostObj::Intrinsic {
            kind: Builtin::StringBuilder | Builtin::UnicodeBuilder,
            ..
        } => S::StrBuilder,
        _ => S::Impossible,
    }
}

fn is_intlike(a: &S) -> bool {
    matches!(a, S::Int | S::Bool)
}

fn is_word(a: &S) -> bool {
    matches!(a, S::Int | S::Bool | S::Unsigned)
}

fn describe_all(args: &[S]) -> String {
    args.iter()
        .map(|a| a.describe())
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The rlib/os/time/math builtins this module annotates.
pub fn is_rlib_builtin(b: Builtin) -> bool {
    use Builtin as B;
    let n = b.name();
    (n.starts_with("rpython.") && !matches!(b, B::StringBuilder | B::UnicodeBuilder | B::ObjRDict))
        || matches!(
            b,
            B::OsRead
                | B::OsOpen
                | B::OsClose
                | B::OsLseek
                | B::OsGetenv
                | B::TimeTime
                | B::TimePerfCounter
        )
        || n.starts_with("math.")
}

/// The annotation of `op`, if it is this module's business.
pub fn annotate_op(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<R> {
    use FlowOp as F;
    let k = op.kind;
    match k {
        F::AddOvf | F::SubOvf | F::MulOvf | F::NegOvf | F::LShiftOvf => {
            return Some(if args.iter().all(is_intlike) {
                Ok(S::Int)
            } else {
                Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "ovfcheck() works on ints only, found {}",
                        describe_all(args)
                    ),
                ))
            });
        }
        F::SimpleCall | F::CallKw => {
            return match &args[0] {
                S::Builtin(b) if is_rlib_builtin(*b) => Some(call(cx, op, *b, args)),
                S::Intrinsic(Intrinsic::JitMethod { driver, name }) => {
                    Some(jit_method(cx, op, *driver, name, args))
                }
                S::Intrinsic(i) => Some(Err(Diagnostic::new(
                    cx.span,
                    format!("{} is not callable", i.describe()),
                ))),
                S::Functions(fs) => not_rpython_call(cx, fs).map(Err),
                _ => None,
            };
        }
        F::GetAttr => {
            if let S::Intrinsic(Intrinsic::JitDriver(d)) = &args[0] {
                let name = op
                    .args
                    .get(1)
                    .and_then(Value::as_const)
                    .and_then(Const::as_str)
                    .unwrap_or("?");
                return Some(match name {
                    "jit_merge_point" => Ok(S::Intrinsic(Intrinsic::JitMethod { driver: *d, name: "jit_merge_point" })),
                    "can_enter_jit" => Ok(S::Intrinsic(Intrinsic::JitMethod { driver: *d, name: "can_enter_jit" })),
                    "loop_header" => Ok(S::Intrinsic(Intrinsic::JitMethod { driver: *d, name: "loop_header" })),
                    _ => Err(Diagnostic::new(cx.span, format!("a JitDriver has no run-time attribute '{name}' (only jit_merge_point, can_enter_jit, loop_header)"))),
                });
            }
            return None;
        }
        _ => {}
    }
    if !args.iter().any(|a| matches!(a, S::Unsigned)) {
        return None;
    }
    if stores_unsigned(k, args) {
        return None;
    }
    Some(unsigned_op(cx, k, args))
}

/// An r_uint stored as an attribute, a list item (not an index or key),
/// or a tuple item is an ordinary value: the generic rules (and the
/// rtyper's generic lowering, `lower_rlib.rs`) handle the op.
pub fn stores_unsigned(k: FlowOp, args: &[S]) -> bool {
    match k {
        FlowOp::SetAttr | FlowOp::NewList | FlowOp::NewTuple => true,
        FlowOp::SetItem => !matches!(args.get(1), Some(S::Unsigned)),
        _ => false,
    }
}

/// A call reaching a `@not_rpython` function (translation-time only).
fn not_rpython_call(cx: &OpCx, fs: &[HostId]) -> Option<Diagnostic> {
    let prog = cx.ann.prog;
    let f = *fs.iter().find(|f| {
        prog.fn_hints
            .get(f)
            .is_some_and(|h| h.contains(&rpy_flow::rlib::FnHint::NotRpython))
    })?;
    let fobj = prog.function(f);
    Some(
        Diagnostic::new(cx.span, format!("{}() is marked @not_rpython: it runs only at translation time and cannot be called from translated code", fobj.name))
            .with_note(Some(fobj.def.span), format!("{}() is defined here", fobj.name)),
    )
}

/// Ops with an `r_uint` operand: the other operand must be int-like.
fn unsigned_op(cx: &OpCx, k: FlowOp, args: &[S]) -> R {
    use FlowOp as F;
    let bad = || {
        Diagnostic::new(
            cx.span,
            format!(
                "unsupported operation: `{}` on {} (r_uint mixes only with int and bool)",
                k.name(),
                describe_all(args)
            ),
        )
    };
    if let Some(base) = crate::rules::arith_base(k) {
        if !(is_word(&args[0]) && is_word(&args[1])) {
            return Err(bad());
        }
        return match base {
            F::Add | F::Sub | F::Mul | F::FloorDiv | F::Div | F::Mod | F::And | F::Or | F::Xor => {
                Ok(S::Unsigned)
            }
            F::LShift | F::RShift if matches!(args[0], S::Unsigned) && is_intlike(&args[1]) => {
                Ok(S::Unsigned)
            }
            _ => Err(bad()),
        };
    }
    match k {
        F::Neg | F::Pos | F::Invert => Ok(S::Unsigned),
        F::Bool | F::Not => Ok(S::Bool),
        F::Lt | F::Le | F::Eq | F::Ne | F::Gt | F::Ge if is_word(&args[0]) && is_word(&args[1]) => {
            Ok(S::Bool)
        }
        F::Str | F::Format => Ok(S::Str { nullable: false }),
        F::Repr => Err(Diagnostic::new(
            cx.span,
            "repr() of an r_uint is not supported; use str()",
        )),
        F::NewTuple => Ok(S::Tuple(args.to_vec())),
        F::Is => Ok(S::Bool),
        _ => Err(bad()),
    }
}

/// Positional and keyword annotations of a call op.
fn split_args(op: &Op<Flow>, args: &[S]) -> (Vec<S>, Vec<(String, S)>) {
    if op.kind == FlowOp::SimpleCall {
        return (args[1..].to_vec(), Vec::new());
    }
    let names: Vec<String> = match op.args.get(1).and_then(Value::as_const) {
        Some(Const::Tuple(t)) => t
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let rest = &args[2..];
    let npos = rest.len() - names.len();
    (
        rest[..npos].to_vec(),
        names
            .into_iter()
            .zip(rest[npos..].iter().cloned())
            .collect(),
    )
}

fn short_name(b: Builtin) -> &'static str {
    let n = b.name();
    match n.strip_prefix("rpython.rlib.") {
        Some(r) => r.rsplit('.').next().unwrap_or(r),
        None => n,
    }
}

fn call(cx: &mut OpCx, op: &Op<Flow>, b: Builtin, args: &[S]) -> R {
    use Builtin as B;
    let (pos, kw) = split_args(op, args);
    let name = short_name(b);
    let arity = |min: usize, max: usize| -> Result<(), Diagnostic> {
        if !kw.is_empty() {
            return Err(Diagnostic::new(
                cx.span,
                format!("{name}() takes no keyword arguments"),
            ));
        }
        if pos.len() < min || pos.len() > max {
            let expect = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(Diagnostic::new(
                cx.span,
                format!(
                    "{name}() takes {expect} argument{} ({} given)",
                    if max == 1 { "" } else { "s" },
                    pos.len()
                ),
            ));
        }
        Ok(())
    };
    let expect = |what: &str| {
        Diagnostic::new(
            cx.span,
            format!("{name}() expects {what}, found {}", describe_all(&pos)),
        )
    };
    let num = |a: &S| matches!(a, S::Int | S::Bool | S::Float);
    match b {
        B::RarithIntmask => {
            arity(1, 1)?;
            if is_word(&pos[0]) { Ok(S::Int) } else { Err(expect("an int or r_uint")) }
        }
        B::RarithRUint => {
            arity(0, 1)?;
            if pos.iter().all(is_word) { Ok(S::Unsigned) } else { Err(expect("an int")) }
        }
        B::RarithRInt => {
            arity(1, 1)?;
            if is_word(&pos[0]) { Ok(S::Int) } else { Err(expect("an int")) }
        }
        B::RarithWiden => {
            arity(1, 1)?;
            match &pos[0] {
                S::Unsigned => Ok(S::Unsigned),
                a if is_intlike(a) => Ok(S::Int),
                _ => Err(expect("an int")),
            }
        }
        B::RarithOvfcheck => Err(Diagnostic::new(
            cx.span,
            "ovfcheck() must be called by name on an arithmetic expression, e.g. ovfcheck(a + b)",
        )),
        B::RarithIsValidInt => {
            arity(1, 1)?;
            Ok(S::Bool)
        }
        B::ObjWeAreTranslated | B::JitWeAreJitted => {
            arity(0, 0)?;
            Ok(S::Bool)
        }
        B::JitIsConstant | B::JitIsVirtual => {
            arity(1, 1)?;
            Ok(S::Bool)
        }
        B::JitPromote | B::JitPromoteString => {
            arity(1, 1)?;
            Ok(pos[0].clone())
        }
        B::JitHint => {
            if pos.len() != 1 {
                return Err(expect("one value and keyword hints"));
            }
            Ok(pos[0].clone())
        }
        B::JitSetParam => {
            arity(3, 3)?;
            Ok(S::None)
        }
        B::ObjKeepalive => Ok(S::None),
        B::ObjComputeHash => {
            arity(1, 1)?;
            match &pos[0] {
                S::Int | S::Bool | S::Str { nullable: false } | S::Float => Ok(S::Int),
                _ => Err(expect("an int, float or str")),
            }
        }
        B::ObjComputeIdentityHash | B::ObjComputeUniqueId => {
            arity(1, 1)?;
            match &pos[0] {
                S::Int | S::Bool | S::Float | S::Unsigned | S::None | S::Str { .. } | S::Bytes { .. } | S::Tuple(_) => Err(expect("an instance")),
                _ => Ok(S::Int),
            }
        }
        B::OsRead => {
            arity(2, 2)?;
            if !(is_intlike(&pos[0]) && is_intlike(&pos[1])) {
                Err(expect("an int fd and an int count"))
            } else if cx.ann.prog.py2 {
                // py2: os.read returns a byte string, which is the toolchain's str.
                Ok(S::Str { nullable: false })
            } else {
                Ok(S::Bytes { nullable: false })
            }
        }
        B::OsOpen => {
            arity(2, 3)?;
            if matches!(pos[0], S::Str { nullable: false }) && pos[1..].iter().all(is_intlike) {
                Ok(S::Int)
            } else {
                Err(expect("a str path, int flags and an optional int mode"))
            }
        }
        B::OsClose => {
            arity(1, 1)?;
            if is_intlike(&pos[0]) { Ok(S::None) } else { Err(expect("an int fd")) }
        }
        B::OsLseek => {
            arity(3, 3)?;
            if pos.iter().all(is_intlike) { Ok(S::Int) } else { Err(expect("an int fd, position and whence")) }
        }
        B::OsGetenv => {
            arity(1, 1)?;
            if matches!(pos[0], S::Str { nullable: false }) { Ok(S::Str { nullable: true }) } else { Err(expect("a str name")) }
        }
        B::TimeTime | B::TimePerfCounter => {
            arity(0, 0)?;
            Ok(S::Float)
        }
        B::MathFloor | B::MathCeil => {
            arity(1, 1)?;
            if num(&pos[0]) { Ok(S::Int) } else { Err(expect("a number")) }
        }
        B::MathIsnan | B::MathIsinf => {
            arity(1, 1)?;
            if num(&pos[0]) { Ok(S::Bool) } else { Err(expect("a number")) }
        }
        B::MathAtan2 | B::MathPow | B::MathFmod | B::MathHypot => {
            arity(2, 2)?;
            if pos.iter().all(num) { Ok(S::Float) } else { Err(expect("numbers")) }
        }
        B::MathLog => {
            arity(1, 2)?;
            if pos.iter().all(num) { Ok(S::Float) } else { Err(expect("numbers")) }
        }
        _ if b.name().starts_with("math.") => {
            arity(1, 1)?;
            if num(&pos[0]) { Ok(S::Float) } else { Err(expect("a number")) }
        }
        B::JitDriver => Err(Diagnostic::new(cx.span, "JitDriver(...) must be created at module level (a prebuilt constant), not at run time")),
        _ => Err(Diagnostic::new(
            cx.span,
            format!("{name}() is a translation-time decorator or helper of the support package; it cannot be called at run time"),
        )),
    }
}

/// `driver.jit_merge_point(**livevars)`: the keyword names must be the
/// driver's greens and reds; nothing is emitted (the JIT comes later).
fn jit_method(cx: &mut OpCx, op: &Op<Flow>, driver: HostId, name: &str, args: &[S]) -> R {
    let (pos, kw) = split_args(op, args);
    if name == "loop_header" {
        return Ok(S::None);
    }
    if !pos.is_empty() {
        return Err(Diagnostic::new(
            cx.span,
            format!("{name}() takes the live variables as keyword arguments only"),
        ));
    }
    let Some((greens, reds)) = rpy_flow::rlib::jitdriver_vars(cx.ann.prog, driver) else {
        return Err(Diagnostic::new(cx.span, "not a JitDriver"));
    };
    let given: Vec<&str> = kw.iter().map(|(n, _)| n.as_str()).collect();
    let auto = rpy_flow::rlib::jitdriver_auto_reds(cx.ann.prog, driver);
    check_livevars(name, &greens, &reds, &given, auto).map_err(|m| Diagnostic::new(cx.span, m))?;
    if name == "jit_merge_point" && cx.ann.jit {
        printable_location(cx, driver, &greens, &kw)?;
    }
    Ok(S::None)
}

/// With the JIT, the driver's `get_printable_location(*greens)` is
/// annotated as if the merge point called it (the JIT runtime calls it for
/// its logs); it must return a str.
fn printable_location(
    cx: &mut OpCx,
    driver: HostId,
    greens: &[String],
    kw: &[(String, S)],
) -> Result<(), Diagnostic> {
    let prog = cx.ann.prog;
    let Some(Const::Host(f)) =
        rpy_flow::rlib::jitdriver_attr(prog, driver, "get_printable_location")
    else {
        return Ok(());
    };
    let f = *f;
    if !matches!(prog.objs[f], rpy_flow::HostObj::Function(_)) {
        return Err(Diagnostic::new(
            cx.span,
            "the JitDriver's get_printable_location must be a function",
        ));
    }
    let pos: Vec<S> = greens
        .iter()
        .map(|g| {
            kw.iter()
                .find(|(n, _)| n == g)
                .map(|(_, a)| a.clone())
                .unwrap_or(S::Impossible)
        })
        .collect();
    let r = cx
        .ann
        .call_functions((cx.graph, cx.block), cx.span, &[f], &pos, &[])?;
    match r {
        S::Str { nullable: false } | S::Impossible => Ok(()),
        other => Err(Diagnostic::new(
            cx.span,
            format!(
                "the JitDriver's get_printable_location() must return a str, found {}",
                other.describe()
            ),
        )
        .with_note(
            Some(prog.function(f).def.span),
            "get_printable_location is defined here",
        )),
    }
}
