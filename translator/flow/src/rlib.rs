//! The support package `rpython.*` as intrinsics (LANGUAGE.md, "One
//! source, two ways to run it").
//!
//! The loader never runs the shim sources under `rpython/` (they are for
//! CPython). Importing `rpython.rlib.jit` makes a module object whose
//! globals are `Const::Builtin` rows named by qualified name plus plain
//! constants (`LONG_BIT`). The evaluator gives each row CPython's
//! behaviour (`eval/rlib.rs`); the annotator and rtyper give it its
//! translated meaning. Decorators record `FnHint`s in
//! `Program::fn_hints` and return the function itself.

use crate::host::{Builtin, HostId, HostObj, Program};
use crate::model::Const;

/// How calls of a function are specialised: one graph per distinct key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Specialization {
    /// `specialize.argtype(i, ...)`: by the annotations of these arguments.
    ArgType(Vec<usize>),
    /// `specialize.arg(i, ...)`: by the constant values of these arguments.
    Arg(Vec<usize>),
    /// `specialize.memo()`: by the constant values of all arguments.
    Memo,
    /// `specialize.call_location()`: one graph per call site.
    CallLocation,
}

/// What a support-package decorator recorded on a function.
#[derive(Clone, Debug, PartialEq)]
pub enum FnHint {
    Specialize(Specialization),
    AlwaysInline,
    DontInline,
    /// Must not be reached from the entry point.
    NotRpython,
    /// `enforceargs(...)`: accepted, not checked yet.
    EnforceArgs,
    // JIT hints, for the future codewriter.
    Elidable,
    DontLookInside,
    LookInside,
    UnrollSafe,
    LoopInvariant,
    Oopspec(String),
}

impl FnHint {
    /// The hint a plain decorator (`@elidable`) records, if `b` is one.
    pub fn of_decorator(b: Builtin) -> Option<FnHint> {
        use Builtin as B;
        Some(match b {
            B::ObjAlwaysInline => FnHint::AlwaysInline,
            B::ObjDontInline => FnHint::DontInline,
            B::ObjNotRpython => FnHint::NotRpython,
            B::JitElidable => FnHint::Elidable,
            B::JitDontLookInside => FnHint::DontLookInside,
            B::JitLookInside => FnHint::LookInside,
            B::JitUnrollSafe => FnHint::UnrollSafe,
            B::JitLoopInvariant => FnHint::LoopInvariant,
            _ => return None,
        })
    }
}

/// The intrinsic modules, in import order of their parents.
pub const INTRINSIC_MODULES: &[&str] = &[
    "rpython",
    "rpython.rlib",
    "rpython.rlib.rarithmetic",
    "rpython.rlib.objectmodel",
    "rpython.rlib.jit",
    "rpython.rlib.rstring",
    "rpython.rlib.unroll",
    "rpython.rlib.streamio",
];

/// Is `name` an intrinsic module or under the support package?
pub fn is_support_name(name: &str) -> bool {
    name == "rpython" || name.starts_with("rpython.")
}

/// The globals of an intrinsic module (besides its submodules), or `None`
/// if there is no such module.
pub fn module_globals(module: &str) -> Option<Vec<(String, Const)>> {
    if !INTRINSIC_MODULES.contains(&module) {
        return None;
    }
    let mut g: Vec<(String, Const)> = Vec::new();
    // Every row whose qualified name is `module.name` (one more component).
    for &b in Builtin::ALL {
        if let Some(rest) = b
            .name()
            .strip_prefix(module)
            .and_then(|r| r.strip_prefix('.'))
        {
            if !rest.contains('.') {
                g.push((rest.to_string(), Const::Builtin(b)));
            }
        }
    }
    let mut alias = |name: &str, b: Builtin| g.push((name.to_string(), Const::Builtin(b)));
    match module {
        "rpython.rlib.rarithmetic" => {
            alias("r_longlong", Builtin::RarithRInt);
            alias("r_ulonglong", Builtin::RarithRUint);
            g.push(("LONG_BIT".into(), Const::Int(64)));
            g.push(("maxint".into(), Const::Int(i64::MAX)));
            g.push(("minint".into(), Const::Int(i64::MIN)));
        }
        "rpython.rlib.jit" => {
            alias("purefunction", Builtin::JitElidable);
            alias("promote_unicode", Builtin::JitPromoteString);
        }
        "rpython.rlib.rstring" => {
            g.push(("INIT_SIZE".into(), Const::Int(100)));
        }
        _ => {}
    }
    Some(g)
}

/// What the module offers, for "cannot import" messages.
pub fn offered_names(module: &str) -> Vec<String> {
    let mut names: Vec<String> = module_globals(module)
        .unwrap_or_default()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    for m in INTRINSIC_MODULES {
        if let Some(leaf) = m.strip_prefix(module).and_then(|r| r.strip_prefix('.')) {
            if !leaf.contains('.') {
                names.push(leaf.to_string());
            }
        }
    }
    names
}

/// The items of an `unrolling_iterable` object.
pub fn unrolling_items(prog: &Program, h: HostId) -> Option<std::rc::Rc<[Const]>> {
    let HostObj::Intrinsic {
        kind: Builtin::UnrollingIterable,
        attrs,
    } = &prog.objs[h]
    else {
        return None;
    };
    match attrs.iter().find(|(n, _)| n == "items") {
        Some((_, Const::Tuple(t))) => Some(t.clone()),
        _ => None,
    }
}

/// The green and red variable names of a JitDriver.
pub fn jitdriver_vars(prog: &Program, h: HostId) -> Option<(Vec<String>, Vec<String>)> {
    let HostObj::Intrinsic {
        kind: Builtin::JitDriver,
        attrs,
    } = &prog.objs[h]
    else {
        return None;
    };
    let get = |k: &str| -> Vec<String> {
        match attrs.iter().find(|(n, _)| n == k) {
            Some((_, Const::Tuple(t))) => t
                .iter()
                .filter_map(|c| c.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    Some((get("greens"), get("reds")))
}

/// `JitDriver(reds="auto")`: the reds are the variables live at the
/// merge point, found by the portal split; the hints name only the greens.
pub fn jitdriver_auto_reds(prog: &Program, h: HostId) -> bool {
    matches!(
        jitdriver_attr(prog, h, "auto_reds"),
        Some(Const::Bool(true))
    )
}

/// A JitDriver's keyword argument or class attribute (`get_printable_location`, ...).
pub fn jitdriver_attr<'p>(prog: &'p Program, h: HostId, name: &str) -> Option<&'p Const> {
    let HostObj::Intrinsic {
        kind: Builtin::JitDriver,
        attrs,
    } = &prog.objs[h]
    else {
        return None;
    };
    attrs.iter().find(|(n, _)| n == name).map(|(_, c)| c)
}

/// The keyword names of a merge point must be exactly the driver's greens
/// and reds; the error says which are missing and which unexpected.
pub fn check_livevars(
    method: &str,
    greens: &[String],
    reds: &[String],
    given: &[&str],
    auto_reds: bool,
) -> Result<(), String> {
    if auto_reds && method == "can_enter_jit" {
        return Err("can_enter_jit() is not supported with reds='auto' (as in RPython): list the reds by name, or leave the merge point as the loop header".into());
    }
    let expected: Vec<&str> = greens
        .iter()
        .chain(reds.iter())
        .map(String::as_str)
        .collect();
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|n| !given.contains(n))
        .collect();
    let mut extra: Vec<&str> = given
        .iter()
        .copied()
        .filter(|n| !expected.contains(n))
        .collect();
    extra.sort();
    if missing.is_empty() && extra.is_empty() {
        return Ok(());
    }
    let list = |v: &[&str]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    Err(format!(
        "{method}() must name exactly the JitDriver's greens and reds ({}); missing: {}; unexpected: {}",
        expected.join(", "),
        list(&missing),
        list(&extra)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_have_their_rows() {
        let jit = module_globals("rpython.rlib.jit").unwrap();
        assert!(jit
            .iter()
            .any(|(n, c)| n == "JitDriver" && *c == Const::Builtin(Builtin::JitDriver)));
        // Methods of JitDriver are not module globals.
        assert!(!jit.iter().any(|(n, _)| n == "jit_merge_point"));
        let ar = module_globals("rpython.rlib.rarithmetic").unwrap();
        assert!(ar
            .iter()
            .any(|(n, c)| n == "LONG_BIT" && *c == Const::Int(64)));
        assert!(module_globals("rpython.rlib.nothere").is_none());
        assert!(offered_names("rpython.rlib").contains(&"jit".to_string()));
    }
}
