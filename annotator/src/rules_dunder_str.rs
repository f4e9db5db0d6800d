//! `str()`, `print`, `%s` and f-strings of instances. RPython has no
//! `__str__`/`__repr__` dispatch: the text of an exception instance is
//! CPython's `BaseException.__str__` of its arguments, and other instances
//! have no text at all. A class family that defines `__str__` or
//! `__repr__` would silently print something else than CPython, so such a
//! conversion is refused with a hint to call a method explicitly.

use crate::annotate::OpCx;
use crate::classdef;
use rpy_flow::host::HostId;
use rpy_syntax::Diagnostic;

/// The first class of `c`'s family (its ancestors, `c`, its subclasses)
/// whose own namespace defines `__str__` or `__repr__`, with that name.
fn user_text_method(cx: &OpCx, c: HostId) -> Option<(HostId, &'static str)> {
    let prog = cx.ann.prog;
    let mut family = classdef::ancestors(prog, c);
    family.extend(cx.ann.classdefs.subtree(c));
    family.into_iter().find_map(|k| {
        let cls = prog.class(k);
        if cls.builtin {
            return None;
        }
        ["__str__", "__repr__"]
            .into_iter()
            .find(|m| cls.attrs.iter().any(|(n, _)| n == m))
            .map(|m| (k, m))
    })
}

/// `Ok` if an instance of `class` may be converted to str, else why not.
pub fn instance_to_str(cx: &OpCx, class: HostId, is_exception: bool) -> Result<(), Diagnostic> {
    let prog = cx.ann.prog;
    let name = &prog.class(class).name;
    if let Some((k, m)) = user_text_method(cx, class) {
        let kcls = prog.class(k);
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "converting an instance of {name} to str would call {}.{m}, but RPython does not call {m} implicitly; rename it (for example to `show`) and call it explicitly",
                kcls.name
            ),
        )
        .with_note(Some(kcls.span), format!("{}.{m} is defined in this class", kcls.name)));
    }
    if is_exception {
        return Ok(());
    }
    Err(Diagnostic::new(
        cx.span,
        format!("unsupported operation: conversion to str on an instance of {name}; RPython gives instances no text, so write a method that returns a str and call it"),
    ))
}
