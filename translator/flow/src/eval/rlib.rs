//! The support package's intrinsics (`crate::rlib`) with CPython's
//! behaviour (the shims under `rpython/rlib/` are the oracle), and
//! `r_uint` arithmetic (`Const::UInt`, a word modulo 2**64).
//!
//! Decorators record a `FnHint` in `Program::fn_hints` and return the
//! function. A `JitDriver` is a `HostObj::Intrinsic` whose attributes
//! `greens`/`reds` are tuples of names; its merge points check the keyword
//! names as the shim does.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::{Builtin, HostId, HostObj};
use crate::model::Const;
use crate::ops::FlowOp;
use crate::rlib::{FnHint, Specialization};
use rpy_syntax::Span;

/// `x` as an unsigned word if it is an int-like value (r_uint, int, bool).
fn as_word(c: &Const) -> Option<u64> {
    match c {
        Const::UInt(u) => Some(*u),
        Const::Int(i) => Some(*i as u64),
        Const::Bool(b) => Some(*b as u64),
        _ => None,
    }
}

/// Mathematical value of an int-like constant (for comparisons).
fn as_wide(c: &Const) -> Option<i128> {
    match c {
        Const::UInt(u) => Some(*u as i128),
        Const::Int(i) => Some(*i as i128),
        Const::Bool(b) => Some(*b as i128),
        _ => None,
    }
}

impl Evaluator<'_> {
    /// Binary arithmetic where one side is an r_uint; `None` if neither is.
    pub(super) fn uint_binop(
        &mut self,
        op: FlowOp,
        a: &Const,
        b: &Const,
        span: Span,
    ) -> Option<EvalResult<Const>> {
        use FlowOp as F;
        if !matches!(a, Const::UInt(_)) && !matches!(b, Const::UInt(_)) {
            return None;
        }
        if let (Const::Float(_), _) | (_, Const::Float(_)) = (a, b) {
            return Some(Err(EvalError::user(
                span,
                "mixing r_uint and float is not supported: convert explicitly with float()",
            )));
        }
        let (Some(x), Some(y)) = (as_word(a), as_word(b)) else {
            return Some(Err(self.unsupported(op.name(), a, Some(b), span)));
        };
        let r = match op {
            F::Add => x.wrapping_add(y),
            F::Sub => x.wrapping_sub(y),
            F::Mul => x.wrapping_mul(y),
            F::FloorDiv | F::Div | F::Mod => {
                if y == 0 {
                    let m = if op == F::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Some(Err(self.exc_msg("ZeroDivisionError", m, span)));
                }
                if op == F::Mod {
                    x % y
                } else {
                    x / y
                }
            }
            F::TrueDiv => {
                if y == 0 {
                    return Some(Err(self.exc_msg(
                        "ZeroDivisionError",
                        "division by zero",
                        span,
                    )));
                }
                return Some(Ok(Const::Float(x as f64 / y as f64)));
            }
            F::And => x & y,
            F::Or => x | y,
            F::Xor => x ^ y,
            F::LShift | F::RShift => {
                if matches!(b, Const::UInt(_)) && !matches!(a, Const::UInt(_)) {
                    return Some(Err(EvalError::user(
                        span,
                        "shifting an int by an r_uint is not supported",
                    )));
                }
                let n = as_wide(b).unwrap_or(0);
                if n < 0 {
                    return Some(Err(self.exc_msg(
                        "ValueError",
                        "negative shift count",
                        span,
                    )));
                }
                match (op, n >= 64) {
                    (_, true) => 0,
                    (F::LShift, false) => x << n,
                    _ => x >> n,
                }
            }
            F::Pow => {
                let Some(mut e) = as_wide(b).filter(|e| *e >= 0) else {
                    return Some(Err(EvalError::user(
                        span,
                        "r_uint ** negative exponent is not supported",
                    )));
                };
                let (mut base, mut r) = (x, 1u64);
                while e > 0 {
                    if e & 1 == 1 {
                        r = r.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                r
            }
            _ => return Some(Err(self.unsupported(op.name(), a, Some(b), span))),
        };
        Some(Ok(Const::UInt(r)))
    }

    /// `add_ovf` and friends: int arithmetic raising OverflowError (the
    /// shim's message) instead of wrapping; ints only.
    pub(super) fn ovf_op(&mut self, op: FlowOp, a: &[Const], span: Span) -> EvalResult<Const> {
        let ints: Option<Vec<i64>> = a
            .iter()
            .map(|c| match c {
                Const::Int(i) => Some(*i),
                Const::Bool(b) => Some(*b as i64),
                _ => None,
            })
            .collect();
        let Some(x) = ints else {
            let types: Vec<String> = a
                .iter()
                .map(|c| format!("'{}'", self.type_desc(c)))
                .collect();
            return Err(EvalError::user(
                span,
                format!(
                    "ovfcheck() works on ints only, found {}",
                    types.join(" and ")
                ),
            ));
        };
        let r = match op {
            FlowOp::LShiftOvf if x[1] < 0 => {
                return Err(self.exc_msg("ValueError", "negative shift count", span))
            }
            FlowOp::LShiftOvf if x[0] == 0 => Some(0),
            FlowOp::LShiftOvf => (x[1] < 64)
                .then(|| x[0] << x[1])
                .filter(|r| r >> x[1] == x[0]),
            FlowOp::AddOvf => x[0].checked_add(x[1]),
            FlowOp::SubOvf => x[0].checked_sub(x[1]),
            FlowOp::MulOvf => x[0].checked_mul(x[1]),
            _ => x[0].checked_neg(),
        };
        match r {
            Some(v) => Ok(Const::Int(v)),
            None => Err(self.exc_msg("OverflowError", "integer overflow", span)),
        }
    }

    /// Unary ops on an r_uint; `None` if `a` is not one.
    pub(super) fn uint_unop(&mut self, op: FlowOp, a: &Const) -> Option<Const> {
        let Const::UInt(x) = a else { return None };
        Some(Const::UInt(match op {
            FlowOp::Neg => x.wrapping_neg(),
            FlowOp::Invert => !x,
            _ => *x,
        }))
    }

    /// Ordering of two ints when one is an r_uint (mathematical, as
    /// CPython compares an int subclass); `None` if neither is.
    pub(super) fn uint_cmp(a: &Const, b: &Const) -> Option<Option<std::cmp::Ordering>> {
        if !matches!(a, Const::UInt(_)) && !matches!(b, Const::UInt(_)) {
            return None;
        }
        Some(match (as_wide(a), as_wide(b)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => match (a, b) {
                (Const::UInt(x), Const::Float(f)) => (*x as f64).partial_cmp(f),
                (Const::Float(f), Const::UInt(x)) => f.partial_cmp(&(*x as f64)),
                _ => None,
            },
        })
    }

    /// The support package's intrinsics, called.
    pub(super) fn call_rlib(
        &mut self,
        b: Builtin,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        use Builtin as B;
        let name = b.name().rsplit('.').next().unwrap_or(b.name()).to_string();
        let want = |n: usize| -> EvalResult<()> {
            if args.len() != n || !kwargs.is_empty() {
                return Err(EvalError::user(
                    span,
                    format!(
                        "{name}() takes {n} positional argument{}, got {}",
                        if n == 1 { "" } else { "s" },
                        args.len() + kwargs.len()
                    ),
                ));
            }
            Ok(())
        };
        match b {
            B::RarithIntmask => {
                want(1)?;
                match &args[0] {
                    Const::Float(f) => Ok(Const::Int(*f as i64)),
                    c => match as_word(c) {
                        Some(w) => Ok(Const::Int(w as i64)),
                        None => {
                            Err(self.rlib_type_error("intmask", "an int or r_uint", &args[0], span))
                        }
                    },
                }
            }
            B::RarithRUint => {
                if args.is_empty() && kwargs.is_empty() {
                    return Ok(Const::UInt(0));
                }
                want(1)?;
                match &args[0] {
                    Const::Float(f) if f.is_finite() => Ok(Const::UInt((*f as i128) as u64)),
                    c => match as_word(c) {
                        Some(w) => Ok(Const::UInt(w)),
                        None => Err(self.rlib_type_error("r_uint", "an int", &args[0], span)),
                    },
                }
            }
            B::RarithRInt | B::RarithWiden => {
                want(1)?;
                match &args[0] {
                    c @ (Const::Int(_) | Const::Bool(_)) => Ok(Const::Int(c.as_int().unwrap_or(0))),
                    Const::UInt(u) if b == B::RarithWiden => Ok(Const::UInt(*u)),
                    Const::UInt(u) => Ok(Const::Int(*u as i64)),
                    other => Err(self.rlib_type_error(&name, "an int", other, span)),
                }
            }
            B::RarithOvfcheck => {
                // In function bodies the builder turns `ovfcheck(a + b)`
                // into `add_ovf`; here the value has already been computed.
                want(1)?;
                match &args[0] {
                    Const::UInt(_) => {
                        Err(self.exc_msg("TypeError", "ovfcheck() on an unsigned value", span))
                    }
                    c => Ok(c.clone()),
                }
            }
            B::RarithIsValidInt => {
                want(1)?;
                Ok(Const::Bool(matches!(
                    args[0],
                    Const::Int(_) | Const::Bool(_)
                )))
            }
            B::ObjWeAreTranslated | B::JitWeAreJitted | B::JitIsConstant | B::JitIsVirtual => {
                want(if matches!(b, B::JitIsConstant | B::JitIsVirtual) {
                    1
                } else {
                    0
                })?;
                Ok(Const::Bool(false))
            }
            B::ObjSpecArgtype | B::ObjSpecArg | B::ObjSpecMemo | B::ObjSpecCallLocation => {
                if !kwargs.is_empty() {
                    return Err(EvalError::user(
                        span,
                        format!("specialize.{name}() takes no keyword arguments"),
                    ));
                }
                let mut idx = Vec::new();
                for a in &args {
                    match a.as_int() {
                        Some(i) if i >= 0 => idx.push(Const::Int(i)),
                        _ => {
                            return Err(EvalError::user(
                                span,
                                format!("specialize.{name}() takes argument positions (ints >= 0)"),
                            ))
                        }
                    }
                }
                if matches!(b, B::ObjSpecArgtype | B::ObjSpecArg) && idx.is_empty() {
                    return Err(EvalError::user(
                        span,
                        format!("specialize.{name}() needs at least one argument position"),
                    ));
                }
                if matches!(b, B::ObjSpecMemo | B::ObjSpecCallLocation) && !idx.is_empty() {
                    return Err(EvalError::user(
                        span,
                        format!("specialize.{name}() takes no arguments"),
                    ));
                }
                Ok(self.intrinsic(b, vec![("args".into(), Const::Tuple(idx.into()))]))
            }
            B::ObjEnforceargs => Ok(self.intrinsic(b, Vec::new())),
            B::JitOopspec => {
                want(1)?;
                Ok(self.intrinsic(b, vec![("spec".into(), args[0].clone())]))
            }
            B::ObjAlwaysInline
            | B::ObjDontInline
            | B::ObjNotRpython
            | B::JitElidable
            | B::JitDontLookInside
            | B::JitLookInside
            | B::JitUnrollSafe
            | B::JitLoopInvariant => {
                want(1)?;
                let hint = FnHint::of_decorator(b).expect("decorator row");
                self.record_hint(&args[0], hint, &name, span)
            }
            B::ObjComputeHash => {
                want(1)?;
                Ok(Const::Int(self.hash(&args[0], span)?))
            }
            B::ObjComputeIdentityHash | B::ObjComputeUniqueId => {
                want(1)?;
                match &args[0] {
                    Const::Host(h) => Ok(Const::Int(h.as_u32() as i64 * 16 + 0x1000)),
                    other => Err(self.rlib_type_error(&name, "an instance", other, span)),
                }
            }
            B::ObjKeepalive => Ok(Const::None),
            B::JitPromote | B::JitPromoteString => {
                want(1)?;
                Ok(args[0].clone())
            }
            B::JitHint => {
                if args.len() != 1 {
                    return Err(EvalError::user(
                        span,
                        "hint() takes one positional argument and keyword hints",
                    ));
                }
                Ok(args[0].clone())
            }
            B::JitSetParam => {
                want(3)?;
                Ok(Const::None)
            }
            B::JitDriver => self.new_jitdriver(args, kwargs, span),
            B::UnrollingIterable => {
                if args.len() != 1 || !kwargs.is_empty() {
                    return Err(EvalError::user(
                        span,
                        "unrolling_iterable() takes one iterable",
                    ));
                }
                let items = self.collect_items(&args[0], span)?;
                Ok(self.intrinsic(
                    Builtin::UnrollingIterable,
                    vec![("items".into(), Const::Tuple(items.into()))],
                ))
            }
            _ => Err(EvalError::user(
                span,
                format!("{}() is not supported by the evaluator yet", b.name()),
            )),
        }
    }

    fn rlib_type_error(&self, func: &str, want: &str, got: &Const, span: Span) -> EvalError {
        let t = self.type_desc(got);
        EvalError::user(span, format!("{func}() expects {want}, got '{t}'"))
    }

    fn intrinsic(&mut self, kind: Builtin, attrs: Vec<(String, Const)>) -> Const {
        Const::Host(self.prog.objs.push(HostObj::Intrinsic { kind, attrs }))
    }

    fn record_hint(
        &mut self,
        f: &Const,
        hint: FnHint,
        deco: &str,
        span: Span,
    ) -> EvalResult<Const> {
        match f {
            Const::Host(h) if matches!(self.prog.objs[*h], HostObj::Function(_)) => {
                self.prog.fn_hints.entry(*h).or_default().push(hint);
                Ok(f.clone())
            }
            other => {
                let t = self.type_desc(other);
                Err(EvalError::user(
                    span,
                    format!("@{deco} decorates functions, not '{t}'"),
                ))
            }
        }
    }

    /// `class D(JitDriver): ...` made from its class body's attributes.
    pub(super) fn jitdriver_class(&mut self, attrs: Vec<(String, Const)>) -> Const {
        self.intrinsic(Builtin::JitDriverClass, attrs)
    }

    /// `D(...)` for a JitDriver subclass `D`: the class attributes that are
    /// JitDriver parameters (`greens`, `reds`, ...) are keyword arguments,
    /// overridden by those of the call.
    pub(super) fn new_jitdriver_of_class(
        &mut self,
        class_attrs: Vec<(String, Const)>,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        let mut all: Vec<(String, Const)> = class_attrs
            .into_iter()
            .filter(|(k, _)| JITDRIVER_PARAMS.contains(&k.as_str()))
            .filter(|(k, _)| !kwargs.iter().any(|(n, _)| n == k))
            .collect();
        all.extend(kwargs);
        self.new_jitdriver(args, all, span)
    }

    /// `JitDriver(greens=[...], reds=[...], ...)`.
    fn new_jitdriver(
        &mut self,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        if !args.is_empty() {
            return Err(EvalError::user(
                span,
                "JitDriver() takes keyword arguments only (greens=[...], reds=[...])",
            ));
        }
        const KNOWN: &[&str] = JITDRIVER_PARAMS;
        let mut attrs = Vec::new();
        for (k, v) in &kwargs {
            if !KNOWN.contains(&k.as_str()) {
                return Err(EvalError::user(
                    span,
                    format!("JitDriver() got an unexpected keyword argument '{k}'"),
                ));
            }
            if k == "reds" && matches!(v, Const::Str(a) if &**a == "auto") {
                attrs.push((k.clone(), Const::Tuple(Vec::new().into())));
                attrs.push(("auto_reds".into(), Const::Bool(true)));
            } else if k == "greens" || k == "reds" {
                let items = self.collect_items(v, span)?;
                let mut names = Vec::new();
                for it in items {
                    match it {
                        Const::Str(_) => names.push(it),
                        other => {
                            let t = self.type_desc(&other);
                            return Err(EvalError::user(span, format!("JitDriver(): {k} must be a list of variable names (str), found '{t}'")));
                        }
                    }
                }
                attrs.push((k.clone(), Const::Tuple(names.into())));
            } else {
                // Kept for the JIT (`get_printable_location`, ...).
                attrs.push((k.clone(), v.clone()));
            }
        }
        for k in ["greens", "reds"] {
            if !attrs.iter().any(|(n, _)| n == k) {
                return Err(EvalError::user(
                    span,
                    "JitDriver needs greens=[...] and reds=[...]",
                ));
            }
        }
        Ok(self.intrinsic(Builtin::JitDriver, attrs))
    }

    /// `obj.name` on an intrinsic object.
    pub(super) fn intrinsic_getattr(
        &mut self,
        obj: &Const,
        h: HostId,
        name: &str,
    ) -> Option<Const> {
        if let Some(m) = self.builder_getattr(obj, h, name) {
            return Some(m);
        }
        let HostObj::Intrinsic { kind, attrs } = &self.prog.objs[h] else {
            return None;
        };
        if *kind == Builtin::JitDriver
            && matches!(name, "jit_merge_point" | "can_enter_jit" | "loop_header")
        {
            return Some(self.bound_method(obj, name));
        }
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// Calls of intrinsic objects (decorators) and their methods; `None`
    /// if `h` is not an intrinsic object.
    pub(super) fn call_intrinsic(
        &mut self,
        h: HostId,
        args: Vec<Const>,
        span: Span,
    ) -> Option<EvalResult<Const>> {
        let HostObj::Intrinsic { kind, attrs } = &self.prog.objs[h] else {
            return None;
        };
        let (kind, attrs) = (*kind, attrs.clone());
        let positions = || -> Vec<usize> {
            match attrs.iter().find(|(n, _)| n == "args") {
                Some((_, Const::Tuple(t))) => t
                    .iter()
                    .filter_map(|c| c.as_int())
                    .map(|i| i as usize)
                    .collect(),
                _ => Vec::new(),
            }
        };
        let hint = match kind {
            Builtin::ObjSpecArgtype => FnHint::Specialize(Specialization::ArgType(positions())),
            Builtin::ObjSpecArg => FnHint::Specialize(Specialization::Arg(positions())),
            Builtin::ObjSpecMemo => FnHint::Specialize(Specialization::Memo),
            Builtin::ObjSpecCallLocation => FnHint::Specialize(Specialization::CallLocation),
            Builtin::ObjEnforceargs => FnHint::EnforceArgs,
            Builtin::JitOopspec => {
                let spec = attrs
                    .iter()
                    .find(|(n, _)| n == "spec")
                    .and_then(|(_, c)| c.as_str())
                    .unwrap_or("")
                    .to_string();
                FnHint::Oopspec(spec)
            }
            _ => {
                return Some(Err(EvalError::user(
                    span,
                    format!("'{}' object is not callable", kind.name()),
                )))
            }
        };
        if args.len() != 1 {
            return Some(Err(EvalError::user(
                span,
                "a decorator takes one argument (the function)",
            )));
        }
        let deco = kind.name().rsplit('.').next().unwrap_or("").to_string();
        Some(self.record_hint(&args[0], hint, &deco, span))
    }

    /// `driver.jit_merge_point(**kw)` and friends.
    pub(super) fn intrinsic_method(
        &mut self,
        h: HostId,
        name: &str,
        args: &[Const],
        kwargs: &[(String, Const)],
        span: Span,
    ) -> Option<EvalResult<Const>> {
        if let Some(r) = self.builder_method(h, name, args, span) {
            return Some(r);
        }
        let (greens, reds) = crate::rlib::jitdriver_vars(self.prog, h)?;
        if name == "loop_header" {
            return Some(Ok(Const::None));
        }
        if !args.is_empty() {
            return Some(Err(EvalError::user(
                span,
                format!("{name}() takes the live variables as keyword arguments only"),
            )));
        }
        let given: Vec<&str> = kwargs.iter().map(|(n, _)| n.as_str()).collect();
        Some(
            match crate::rlib::check_livevars(
                name,
                &greens,
                &reds,
                &given,
                crate::rlib::jitdriver_auto_reds(self.prog, h),
            ) {
                Ok(()) => Ok(Const::None),
                Err(m) => Err(EvalError::user(span, m)),
            },
        )
    }
}

/// The keyword parameters of `JitDriver(...)` (and the class attributes a
/// JitDriver subclass may set instead).
const JITDRIVER_PARAMS: &[&str] = &[
    "greens",
    "reds",
    "virtualizables",
    "get_printable_location",
    "confirm_enter_jit",
    "can_never_inline",
    "should_unroll_one_iteration",
    "name",
    "check_untranslated",
    "vectorize",
    "get_unique_id",
    "is_recursive",
    "get_location",
];
