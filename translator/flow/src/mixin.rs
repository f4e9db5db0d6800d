//! `_mixin_` classes: copy a mixin's methods into every class that uses it.
//!
//! A mixin is never a base at run time (RPython's rule): its namespace
//! belongs to each class that lists it. Its *functions* are copied, so each
//! user class gets its own function object (RPython's `func_with_new_name`)
//! and the annotator builds one graph per user class, where `self` has that
//! class's type; unrelated class families can then share a mixin.
//! Constants stay in the mixin (lookups still go through it).
//!
//! Order: a name already in the class's own namespace is kept; otherwise
//! the first mixin (in base order, depth first through the mixin's own
//! bases) that defines it wins, as `rpy_annotator::classdef::lookup` reads.
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

/// The functions of mixin `m` and its bases, first definition first.
fn mixin_functions(prog: &Program, m: HostId, out: &mut Vec<(String, HostId)>) {
    let cls = prog.class(m);
    for (n, v) in &cls.attrs {
        if let Const::Host(f) = v {
            if matches!(prog.objs[*f], HostObj::Function(_)) && !out.iter().any(|(k, _)| k == n) {
                out.push((n.clone(), *f));
            }
        }
    }
    for &b in &cls.bases {
        if matches!(prog.objs[b], HostObj::Class(_)) {
            mixin_functions(prog, b, out);
        }
    }
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
        let mixins: Vec<HostId> = prog
            .class(c)
            .bases
            .iter()
            .copied()
            .filter(|&b| is_mixin(prog, b))
            .collect();
        if mixins.is_empty() {
            continue;
        }
        let mut funcs = Vec::new();
        for m in mixins {
            mixin_functions(prog, m, &mut funcs);
        }
        let cls = prog.class(c).clone();
        for (name, f) in funcs {
            if cls.attrs.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let HostObj::Function(mut fo) = prog.objs[f].clone() else {
                continue;
            };
            fo.qualname = format!("{}.{}", cls.qualname, name);
            let copy = prog.objs.push(HostObj::Function(fo));
            if let Some(h) = prog.fn_hints.get(&f).cloned() {
                prog.fn_hints.insert(copy, h);
            }
            if let HostObj::Class(k) = &mut prog.objs[c] {
                k.attrs.push((name, Const::Host(copy)));
            }
        }
    }
}
