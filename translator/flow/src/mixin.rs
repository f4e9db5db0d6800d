//! `_mixin_` classes: copy a mixin's methods into every class that uses it.
//!
//! A mixin is never a base at run time (RPython's rule): its namespace
//! belongs to each class that lists it. Its *functions* are copied, so each
//! user class gets its own function object (RPython's `func_with_new_name`)
//! and the annotator builds one graph per user class, where `self` has that
//! class's type; unrelated class families can then share a mixin.
//! Constants stay in the mixin (lookups still go through it).
//!
//! Order, as CPython's method resolution order gives it: a name already in
//! the class's own namespace is kept; otherwise the first mixin listed
//! before the real base (in base order, depth first through the mixin's
//! own bases) that defines it wins; a mixin listed after the real base
//! only supplies names the real base and its ancestors do not define.
//! Runs once, after loading and module initialisation.

use crate::host::{HostId, HostObj, Program};
use crate::model::Const;

fn is_mixin(prog: &Program, c: HostId) -> bool {
    match &prog.objs[c] {
        HostObj::Class(cls) => cls
            .attrs
            .iter()
            .any(|(n, v)| n == "_mixin_" && matches!(v, Const::Bool(true))),
        _ => false,
    }
}

/// The functions of mixin `m` and its bases, first definition first, with
/// the mixin that defines each.
fn mixin_functions(prog: &Program, m: HostId, out: &mut Vec<(String, HostId, HostId)>) {
    let cls = prog.class(m);
    for (n, v) in &cls.attrs {
        if let Const::Host(f) = v {
            if matches!(prog.objs[*f], HostObj::Function(_)) && !out.iter().any(|(k, ..)| k == n) {
                out.push((n.clone(), *f, m));
            }
        }
    }
    for &b in &cls.bases {
        if matches!(prog.objs[b], HostObj::Class(_)) {
            mixin_functions(prog, b, out);
        }
    }
}

/// Does class `c` or one of its ancestors (mixins included) define `name`?
fn defines(prog: &Program, c: HostId, name: &str) -> bool {
    let HostObj::Class(cls) = &prog.objs[c] else {
        return false;
    };
    cls.attrs.iter().any(|(n, _)| n == name) || cls.bases.iter().any(|&b| defines(prog, b, name))
}

/// Give every non-mixin class that lists mixins its own copies of their
/// functions.
pub fn copy_mixin_methods(prog: &mut Program) {
    let classes: Vec<HostId> = prog
        .objs
        .iter()
        .filter(|(_, o)| matches!(o, HostObj::Class(_)))
        .map(|(id, _)| id)
        .collect();
    for c in classes {
        if is_mixin(prog, c) {
            continue;
        }
        let bases = prog.class(c).bases.clone();
        if !bases.iter().any(|&b| is_mixin(prog, b)) {
            continue;
        }
        // Mixins listed after the real base come after it (and its
        // ancestors) in CPython's method resolution order.
        let real_base = bases
            .iter()
            .position(|&b| !is_mixin(prog, b) && matches!(prog.objs[b], HostObj::Class(_)));
        let mut funcs = Vec::new();
        let mut after = Vec::new();
        for (i, &m) in bases.iter().enumerate() {
            if !is_mixin(prog, m) {
                continue;
            }
            if real_base.is_some_and(|r| i > r) {
                mixin_functions(prog, m, &mut after);
            } else {
                mixin_functions(prog, m, &mut funcs);
            }
        }
        for (name, f, m) in after {
            let shadowed = real_base.is_some_and(|r| defines(prog, bases[r], &name));
            if !shadowed && !funcs.iter().any(|(k, ..)| *k == name) {
                funcs.push((name, f, m));
            }
        }
        let cls = prog.class(c).clone();
        for (name, f, m) in funcs {
            if cls.attrs.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let HostObj::Function(mut fo) = prog.objs[f].clone() else {
                continue;
            };
            fo.qualname = format!("{}.{}", cls.qualname, name);
            let copy = prog.objs.push(HostObj::Function(fo));
            prog.mixin_copies.insert(copy, m);
            if let Some(h) = prog.fn_hints.get(&f).cloned() {
                prog.fn_hints.insert(copy, h);
            }
            if let HostObj::Class(k) = &mut prog.objs[c] {
                k.attrs.push((name, Const::Host(copy)));
            }
        }
    }
}
