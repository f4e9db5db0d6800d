//! Annotation rules for classes and instances: attribute reads and writes
//! (through `ClassDefs`), instantiation, method calls over a class family,
//! `isinstance`, exception constructors, prebuilt instances, and the
//! narrowing of `isinstance`/`is None`/truth tests on exit links.

use crate::annotate::{Annotator, GraphId, OpCx};
use crate::classdef::{self, is_function, is_hint, is_staticmethod, lookup};
use crate::model::SomeValue as S;
use rpy_flow::graph::BlockData;
use rpy_flow::graph::{Exitswitch, Link, Value};
use rpy_flow::{Block, Builtin, Const, Flow, FlowOp, HostId, HostObj, Program, Var};
use rpy_syntax::{Diagnostic, Span};

type R = Result<S, Diagnostic>;

/// Is `c` (a subclass of) BaseException?
pub fn is_exception_class(prog: &Program, c: HostId) -> bool {
    classdef::is_subclass(prog, c, prog.exc_class("BaseException"))
}

/// The `(class, function)` implementations of method `name` in the family
/// of `c` (c and its subclasses, preorder): each function once, with the
/// first class that sees it.
pub fn method_impls(ann: &Annotator, c: HostId, name: &str) -> Vec<(HostId, HostId)> {
    let prog = ann.prog;
    let mut out: Vec<(HostId, HostId)> = Vec::new();
    for d in ann.classdefs.subtree(c) {
        if let Some((_, Const::Host(f))) = lookup(prog, d, name) {
            if matches!(prog.objs[f], HostObj::Function(_)) && !out.iter().any(|(_, g)| *g == f) {
                out.push((d, f));
            }
        }
    }
    out
}

fn class_name(prog: &Program, c: HostId) -> String {
    prog.class(c).name.clone()
}

/// The names listed in `_attrs_` by `c` and its ancestors, if any of them
/// restricts its attributes.
fn allowed_attrs(prog: &Program, c: HostId) -> Option<Vec<String>> {
    let mut out: Option<Vec<String>> = None;
    for k in classdef::ancestors(prog, c) {
        if let Some((_, v)) = prog.class(k).attrs.iter().find(|(n, _)| n == "_attrs_") {
            let names = out.get_or_insert_with(Vec::new);
            match v {
                Const::Str(s) => names.push(s.to_string()),
                Const::Tuple(t) => {
                    names.extend(t.iter().filter_map(|x| x.as_str().map(str::to_string)))
                }
                Const::Host(h) => {
                    if let HostObj::List(items) = &prog.objs[*h] {
                        names.extend(items.iter().filter_map(|x| x.as_str().map(str::to_string)));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

impl<'p> Annotator<'p> {
    /// Generalise instance attribute `name` of class `c` with `value`.
    pub fn write_attr(
        &mut self,
        c: HostId,
        name: &str,
        value: &S,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let prog = self.prog;
        if let Some(allowed) = allowed_attrs(prog, c) {
            if !allowed.iter().any(|a| a == name) {
                return Err(Diagnostic::new(
                    span,
                    format!("attribute '{name}' is written on an instance of {}, but its _attrs_ allows only {}", class_name(prog, c), allowed.join(", ")),
                ));
            }
        }
        let (home, requeue, moved) = self.classdefs.ensure_attr(prog, c, name);
        let mut ann = self.classdefs.attrs[&home][name].ann.clone();
        let old = ann.clone();
        ann = self.merge_moved(home, name, ann, &moved, span)?;
        match self.union(&ann, value) {
            Some(u) => ann = u,
            None => {
                let a = &self.classdefs.attrs[&home][name];
                let mut d = Diagnostic::new(
                    span,
                    format!(
                        "type conflict: attribute {}.{name} is {} here but {} elsewhere; RPython needs one type per attribute",
                        class_name(prog, home),
                        self.describe_deep(value),
                        self.describe_deep(&ann)
                    ),
                );
                if let Some(w) = a.written_at {
                    d = d.with_note(
                        Some(w),
                        format!("{}.{name} is first written here", class_name(prog, home)),
                    );
                }
                return Err(self.list_item_notes(&ann, value, d));
            }
        }
        // A class-level constant of that name is the attribute's default.
        for k in self.classdefs.subtree(home) {
            if let Some((_, v)) = lookup(prog, k, name) {
                if !is_function(prog, &v) {
                    self.see_const(&v);
                    let ca = self.const_annotation(&v);
                    if let Some(u) = self.union(&ann, &ca) {
                        ann = u;
                    }
                }
            }
        }
        let first = self.classdefs.attrs[&home][name].written_at;
        let ann = if self.marking {
            crate::rules_widen::mark(&old, value, &ann, first, Some(span))
        } else {
            ann
        };
        let a = self
            .classdefs
            .attrs
            .get_mut(&home)
            .unwrap()
            .get_mut(name)
            .unwrap();
        a.written_at = a.written_at.or(Some(span));
        let mut requeue = requeue;
        if ann != old {
            a.ann = ann;
            requeue.extend(a.readers.iter().copied());
        }
        for b in requeue {
            self.schedule(b);
        }
        Ok(())
    }

    /// Read instance attribute `name` on class `c` from `reader`.
    pub fn read_attr(
        &mut self,
        c: HostId,
        name: &str,
        reader: (GraphId, Block),
        span: Span,
    ) -> Result<S, Diagnostic> {
        let prog = self.prog;
        let (home, requeue, moved) = self.classdefs.ensure_attr(prog, c, name);
        let ann = self.classdefs.attrs[&home][name].ann.clone();
        let ann = self.merge_moved(home, name, ann, &moved, span)?;
        let a = self
            .classdefs
            .attrs
            .get_mut(&home)
            .unwrap()
            .get_mut(name)
            .unwrap();
        a.ann = ann.clone();
        a.readers.insert(reader);
        a.read_at = a.read_at.or(Some(span));
        for b in requeue {
            self.schedule(b);
        }
        Ok(ann)
    }

    /// Union the attributes of subclasses moved up to `home` (a use of
    /// `name` on a common base) into `ann`. Siblings may hold different
    /// types under one name only while no common base uses it: a use on
    /// the base that has no union is refused here, naming both homes.
    fn merge_moved(
        &mut self,
        home: HostId,
        name: &str,
        mut ann: S,
        moved: &[classdef::MovedAttr],
        span: Span,
    ) -> Result<S, Diagnostic> {
        let prog = self.prog;
        let mut first: Option<&classdef::MovedAttr> = None;
        for m in moved {
            match self.union(&ann, &m.ann) {
                Some(u) => ann = u,
                None => {
                    let mut d = Diagnostic::new(
                        span,
                        format!(
                            "type conflict: attribute '{name}' is used here on {}, whose subclasses give it different types ({} and {}); RPython keeps same-named attributes of sibling classes apart only while no common base uses them",
                            class_name(prog, home),
                            self.describe_deep(&ann),
                            self.describe_deep(&m.ann)
                        ),
                    );
                    for x in first.iter().copied().chain(std::iter::once(m)) {
                        d = d.with_note(
                            x.written_at,
                            format!(
                                "{}.{name} is {} (written here)",
                                class_name(prog, x.class),
                                self.describe_deep(&x.ann)
                            ),
                        );
                    }
                    return Err(d.with_note(
                        None,
                        "narrow the object first (`isinstance`), or give the attributes different names",
                    ));
                }
            }
            first = first.or(Some(m));
        }
        Ok(ann)
    }

    /// Feed a prebuilt instance's attributes (and those of prebuilt
    /// instances it refers to) into the classdefs, once.
    pub fn see_const(&mut self, c: &Const) {
        if self.see_container(c) {
            return;
        }
        let Const::Host(h) = c else { return };
        let HostObj::Instance { class, attrs } = &self.prog.objs[*h] else {
            return;
        };
        if !self.classdefs.seen_prebuilt.insert(*h) {
            return;
        }
        let class = *class;
        let prog = self.prog;
        let is_exc = is_exception_class(prog, class);
        for (name, v) in attrs.clone() {
            if is_exc && name == "args" {
                continue;
            }
            self.see_const(&v);
            let a = self.const_annotation(&v);
            if a.is_impossible() {
                let what = match &v {
                    Const::Host(o) => match &prog.objs[*o] {
                        HostObj::BoundMethod { .. } => {
                            "a bound method (keep the object and call the method on it)".to_string()
                        }
                        HostObj::Range { .. } => "a range object".to_string(),
                        HostObj::Iterator { .. } => "an iterator".to_string(),
                        HostObj::Intrinsic { kind, .. } => format!("a {} object", kind.name()),
                        _ => "an object built at module level".to_string(),
                    },
                    other => format!("the constant {other}"),
                };
                self.classdefs.unusable.push((class, name.clone(), what));
            }
            let span = prog.class(class).span;
            if let Err(d) = self.write_attr(class, &name, &a, span) {
                self.errors.push(d);
            }
        }
    }

    /// Attributes read somewhere but never given a value: errors.
    pub fn check_attrs(&mut self) {
        let prog = self.prog;
        let mut errs = Vec::new();
        for (c, attrs) in &self.classdefs.attrs {
            for (name, a) in attrs {
                if let Some(span) = a.read_at {
                    let subtree = self.classdefs.subtree(*c);
                    if let Some((k, _, what)) = self
                        .classdefs
                        .unusable
                        .iter()
                        .find(|(k, n, _)| n == name && subtree.contains(k))
                    {
                        let cls = prog.class(*k);
                        errs.push(
                            Diagnostic::new(span, format!("attribute '{name}' of a prebuilt {} instance holds {what}, which has no run-time representation", cls.name))
                                .with_note(Some(cls.span), format!("class {} is defined here; the instance is built at module level", cls.name)),
                        );
                        continue;
                    }
                }
                if a.ann.is_impossible() && a.written_at.is_none() {
                    if let Some(span) = a.read_at {
                        let cls = prog.class(*c);
                        // `x.__class__` (RPython's `promote(x.__class__)`) is
                        // Python's special attribute, not a missing one.
                        let msg = if name.starts_with("__") && name.ends_with("__") {
                            format!("instances of {}: the special attribute '{name}' is not supported in translated code yet", cls.name)
                        } else {
                            format!("instances of {} have no attribute '{name}' (it is never assigned and is not a method or class attribute)", cls.name)
                        };
                        errs.push(Diagnostic::new(span, msg).with_note(
                            Some(cls.span),
                            format!("class {} is defined here", cls.name),
                        ));
                    }
                }
            }
        }
        errs.sort_by_key(|d| (d.span.line, d.span.col));
        self.errors.extend(errs);
    }
}

/// `getattr(obj, name)` on instances and classes.
pub fn getattr(cx: &mut OpCx, obj: &S, name: &str) -> Option<R> {
    let prog = cx.ann.prog;
    Some(match obj {
        // Only None so far (an instance may come later): nothing flows on.
        S::None => Ok(S::Impossible),
        S::Instance { class, .. } => getattr_instance(cx, *class, name),
        S::Class(c) => {
            let c = *c;
            match lookup(prog, c, name) {
                Some((_, v)) if !is_hint(name) => {
                    cx.ann.see_const(&v);
                    Ok(cx.ann.const_annotation(&v))
                }
                None if name == "__init__" && is_exception_class(prog, c) => Ok(S::ExcInit),
                _ => Err(Diagnostic::new(
                    cx.span,
                    format!("class {} has no attribute '{name}'", class_name(prog, c)),
                )
                .with_note(
                    Some(prog.class(c).span),
                    format!("class {} is defined here", class_name(prog, c)),
                )),
            }
        }
        _ => return None,
    })
}

fn getattr_instance(cx: &mut OpCx, c: HostId, name: &str) -> R {
    let prog = cx.ann.prog;
    let reader = (cx.graph, cx.block);
    if is_exception_class(prog, c) && name == "args" {
        return crate::rules_exc::getattr_args(cx, c);
    }
    if cx.ann.classdefs.has_instance_attr(prog, c, name) {
        return cx.ann.read_attr(c, name, reader, cx.span);
    }
    // Class-level: methods and constants over the family.
    let family = cx.ann.classdefs.subtree(c);
    let mut found: Vec<Const> = Vec::new();
    for d in &family {
        if let Some((_, v)) = lookup(prog, *d, name) {
            if !found.contains(&v) {
                found.push(v);
            }
        }
    }
    if !found.is_empty() && !is_hint(name) {
        cx.ann
            .classdefs
            .class_readers
            .entry(name.to_string())
            .or_default()
            .insert(reader);
        if found.iter().all(|v| is_function(prog, v)) {
            let statics: Vec<bool> = found
                .iter()
                .map(|v| matches!(v, Const::Host(f) if is_staticmethod(prog, *f)))
                .collect();
            if statics.iter().all(|s| *s) {
                let fs = found
                    .iter()
                    .filter_map(|v| {
                        if let Const::Host(f) = v {
                            Some(*f)
                        } else {
                            None
                        }
                    })
                    .collect::<Vec<_>>();
                let mut fs = fs;
                fs.sort();
                return Ok(S::Functions(fs));
            }
            if statics.iter().any(|s| *s) {
                return Err(Diagnostic::new(cx.span, format!("'{name}' is a staticmethod in some classes of the family of {} and a method in others", class_name(prog, c))));
            }
            return Ok(S::Method {
                class: c,
                name: name.to_string(),
            });
        }
        if found.iter().any(|v| is_function(prog, v)) {
            return Err(Diagnostic::new(cx.span, format!("'{name}' is a method in some classes of the family of {} and a constant in others", class_name(prog, c))));
        }
        let mut ann = S::Impossible;
        for v in &found {
            cx.ann.see_const(v);
            let a = cx.ann.const_annotation(v);
            ann = cx.ann.union(&ann, &a).ok_or_else(|| {
                Diagnostic::new(
                    cx.span,
                    format!(
                        "class attribute '{name}' has different types in the family of {}",
                        class_name(prog, c)
                    ),
                )
            })?;
        }
        return Ok(ann);
    }
    // Not known yet: an instance attribute that may be written later
    // (checked after annotation).
    cx.ann.read_attr(c, name, reader, cx.span)
}

/// `setattr(obj, name, value)`.
pub fn setattr(cx: &mut OpCx, obj: &S, name: &str, value: &S) -> Option<R> {
    if *obj == S::None {
        return Some(Ok(S::Impossible));
    }
    let S::Instance { class, .. } = obj else {
        return None;
    };
    let c = *class;
    let prog = cx.ann.prog;
    if prog.class(c).builtin {
        // The runtime makes instances of builtin classes with no room for
        // attributes.
        return Some(Err(Diagnostic::new(
            cx.span,
            format!(
                "cannot set attribute '{name}' on an instance of the builtin class {}; subclass it",
                class_name(prog, c)
            ),
        )));
    }
    if is_hint(name) {
        return Some(Err(Diagnostic::new(
            cx.span,
            format!("'{name}' is a class hint; it cannot be assigned on an instance"),
        )));
    }
    if let Some((_, v)) = lookup(prog, c, name) {
        if is_function(prog, &v) {
            return Some(Err(Diagnostic::new(
                cx.span,
                format!(
                    "'{name}' is a method of {}; it cannot be assigned on an instance",
                    class_name(prog, c)
                ),
            )));
        }
    }
    Some(cx.ann.write_attr(c, name, value, cx.span).map(|_| S::None))
}

pub fn stringable(a: &S) -> bool {
    matches!(
        a,
        S::Int | S::Bool | S::Float | S::Str { .. } | S::Bytes { .. } | S::None
    )
}

/// Calling a class: allocate and run `__init__`.
pub fn call_class(cx: &mut OpCx, c: HostId, pos: &[S], kw: &[(String, S)]) -> R {
    let prog = cx.ann.prog;
    let inst = S::Instance {
        class: c,
        nullable: false,
    };
    if classdef::is_mixin(prog, c) {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "{} is a _mixin_ class; it cannot be instantiated",
                class_name(prog, c)
            ),
        ));
    }
    match lookup(prog, c, "__init__") {
        Some((_, Const::Host(f))) if matches!(prog.objs[f], HostObj::Function(_)) => {
            let mut args = vec![inst.clone()];
            args.extend(pos.iter().cloned());
            if is_exception_class(prog, c) && crate::rules_exc::ctor_args_survive(prog, c) {
                // BaseException.__new__ keeps the positional arguments.
                crate::rules_exc::note_args(cx, c, pos)?;
            }
            let caller = (cx.graph, cx.block);
            let r = cx.ann.call_functions(caller, cx.span, &[f], &args, kw)?;
            if r.is_impossible() {
                return Ok(S::Impossible);
            }
            Ok(inst)
        }
        Some(_) => Err(Diagnostic::new(
            cx.span,
            format!("{}.__init__ is not a function", class_name(prog, c)),
        )),
        None if is_exception_class(prog, c) => {
            if !kw.is_empty() {
                return Err(Diagnostic::new(
                    cx.span,
                    format!("{}() takes no keyword arguments", class_name(prog, c)),
                ));
            }
            let what = format!("{}()", class_name(prog, c));
            crate::rules_exc::check_message_args(cx, &what, pos)?;
            crate::rules_exc::note_args(cx, c, pos)?;
            Ok(inst)
        }
        None => {
            if !pos.is_empty() || !kw.is_empty() {
                return Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "{}() takes no arguments (the class has no __init__)",
                        class_name(prog, c)
                    ),
                )
                .with_note(
                    Some(prog.class(c).span),
                    format!("class {} is defined here", class_name(prog, c)),
                ));
            }
            Ok(inst)
        }
    }
}

/// Calling `inst.name(...)`: every implementation in the family.
pub fn call_method(cx: &mut OpCx, c: HostId, name: &str, pos: &[S], kw: &[(String, S)]) -> R {
    let impls = method_impls(cx.ann, c, name);
    let caller = (cx.graph, cx.block);
    let mut result = S::Impossible;
    let mut first_at = None;
    let mut members = Vec::new();
    let mut first_impl: Option<(rpy_flow::HostId, S)> = None;
    for (d, f) in impls {
        let mut args = vec![S::Instance {
            class: d,
            nullable: false,
        }];
        args.extend(pos.iter().cloned());
        let (r, gids) = cx.ann.call_graphs(caller, None, cx.span, &[f], &args, kw)?;
        members.extend(gids);
        if r.is_impossible() {
            // Not known yet, or never returns (e.g. an abstract method that
            // raises): this block is re-flowed when it generalises.
            continue;
        }
        let u = cx.ann.union(&result, &r).ok_or_else(|| {
            let prog = cx.ann.prog;
            let mut d = Diagnostic::new(cx.span, format!("the implementations of {name}() in the family of {} return different types ({} and {}); RPython needs their results to have a common type", class_name(prog, c), result.describe(), r.describe()));
            if let Some((g, gr)) = &first_impl {
                let fo = prog.function(*g);
                d = d.with_note(Some(fo.def.span), format!("{} returns {}", fo.qualname, gr.describe()));
            }
            let fo = prog.function(f);
            d.with_note(Some(fo.def.span), format!("{} returns {}", fo.qualname, r.describe()))
        })?;
        first_impl = first_impl.or(Some((f, r.clone())));
        // An implementation returning an int where another returns a
        // float: the int comes from that method (`rules_widen`).
        let here = Some(cx.ann.prog.function(f).def.span);
        result = if cx.ann.marking {
            crate::rules_widen::mark(&result, &r, &u, first_at, here)
        } else {
            u
        };
        first_at = first_at.or(here);
    }
    // The implementations are one call family (`normalize_calls.rs`).
    cx.ann.normalize_family(&members, true, &result, cx.span)?;
    Ok(result)
}

/// `BaseException.__init__(self, *args)`.
pub fn call_exc_init(cx: &mut OpCx, pos: &[S], kw: &[(String, S)]) -> R {
    crate::rules_exc::call_exc_init(cx, pos, kw)
}

/// `isinstance(x, C)`.
pub fn isinstance(cx: &mut OpCx, op: &rpy_flow::Op<Flow>, pos: &[S]) -> R {
    if pos.len() != 2 {
        return Err(Diagnostic::new(
            cx.span,
            format!("isinstance() takes 2 arguments ({} given)", pos.len()),
        ));
    }
    let last = op.args.last().and_then(Value::as_const);
    match (last, &pos[1]) {
        (Some(Const::Builtin(b)), _) if crate::rules_isinstance::is_builtin_type(*b) => {
            let x = op
                .args
                .len()
                .checked_sub(2)
                .and_then(|i| op.args[i].as_const());
            match crate::rules_isinstance::decide_arg(x, &pos[0], *b) {
                Ok(_) => Ok(S::Bool),
                Err(why) => Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "cannot decide isinstance() against the builtin type {}",
                        b.name()
                    ),
                )
                .with_note(None, why)),
            }
        }
        (Some(Const::Host(h)), S::Class(_))
            if matches!(cx.ann.prog.objs[*h], HostObj::Class(_)) =>
        {
            Ok(S::Bool)
        }
        _ => Err(Diagnostic::new(
            cx.span,
            format!(
                "the second argument of isinstance() must be a class, not {}",
                pos[1].describe()
            ),
        )),
    }
}

/// What `bool(x) == case` tells about `x`.
fn truth_narrowing(ann: &Annotator, g: GraphId, x: Var, case: bool) -> Option<(Var, S)> {
    match &ann.graphs[g].bindings[x] {
        // A true `if x:` with x a None-able instance, str, bytes, list or
        // dict: x is not None there.
        a if case && a.without_none().is_some() => Some((x, a.without_none()?)),
        // `if x:` with x only ever None: the true way is dead.
        S::None if case => Some((x, S::Impossible)),
        _ => None,
    }
}

/// What a test in `bd` tells about one variable on the link taken when
/// the exit switch is `case`: (the variable, its narrowed annotation);
/// `Impossible` means the link cannot be taken.
/// Is `x` the result of a test in block `bd` (`isinstance`, `is`, `not`,
/// `bool`), which narrowing looks through?
fn made_by_test(bd: &BlockData<Flow>, x: Var) -> bool {
    bd.ops.iter().any(|o| {
        o.result == x
            && match o.kind {
                FlowOp::IsInstance | FlowOp::Is | FlowOp::Not | FlowOp::Bool => true,
                FlowOp::SimpleCall => matches!(
                    o.args.first().and_then(Value::as_const),
                    Some(Const::Builtin(Builtin::IsInstance | Builtin::BoolFn))
                ),
                _ => false,
            }
    })
}

pub fn narrowing(
    ann: &Annotator,
    g: GraphId,
    bd: &BlockData<Flow>,
    link: &Link<Flow>,
) -> Option<(Var, S)> {
    let Exitswitch::Value(sw) = bd.exitswitch else {
        return None;
    };
    let Some(Const::Bool(mut case)) = link.exitcase.clone() else {
        return None;
    };
    let prog = ann.prog;
    let mut v = sw;
    // After a `not`, `v` is truth-tested whatever produced it.
    let mut via_not = false;
    loop {
        let Some(op) = bd.ops.iter().find(|o| o.result == v) else {
            return via_not.then(|| truth_narrowing(ann, g, v, case)).flatten();
        };
        match op.kind {
            FlowOp::Not => {
                v = op.args[0].as_var()?;
                case = !case;
                via_not = true;
            }
            FlowOp::Bool => {
                let x = op.args[0].as_var()?;
                // `bool(isinstance(...))`, `bool(x is None)`, `bool(not
                // ...)`: the test is the op that made x.
                if made_by_test(bd, x) {
                    v = x;
                    continue;
                }
                return truth_narrowing(ann, g, x, case);
            }
            FlowOp::Is => {
                let (x, other) = match (&op.args[0], &op.args[1]) {
                    (Value::Var(x), Value::Const(Const::None))
                    | (Value::Const(Const::None), Value::Var(x)) => (*x, ()),
                    _ => return None,
                };
                let _ = other;
                let a = &ann.graphs[g].bindings[x];
                return match a {
                    // `x is not None`: x without None (an instance, str,
                    // bytes, list or dict).
                    a if !case && a.without_none().is_some() => Some((x, a.without_none()?)),
                    // `x is not None` with x only ever None (so far: a
                    // later generalisation re-flows the block): dead way.
                    S::None if !case => Some((x, S::Impossible)),
                    _ => None,
                };
            }
            // `bool(x)` is the truth test of x.
            FlowOp::SimpleCall
                if op.args.len() == 2
                    && op.args[0].as_const() == Some(&Const::Builtin(Builtin::BoolFn)) =>
            {
                let x = op.args[1].as_var()?;
                if made_by_test(bd, x) {
                    v = x;
                    continue;
                }
                return truth_narrowing(ann, g, x, case);
            }
            FlowOp::SimpleCall | FlowOp::IsInstance => {
                let args: &[Value<Const>] = if op.kind == FlowOp::SimpleCall {
                    if op.args.first().and_then(Value::as_const)
                        != Some(&Const::Builtin(Builtin::IsInstance))
                    {
                        return None;
                    }
                    &op.args[1..]
                } else {
                    &op.args[..]
                };
                if args.len() != 2 {
                    return None;
                }
                if let (Some(x), Some(Const::Builtin(b))) = (args[0].as_var(), args[1].as_const()) {
                    // A builtin type: the annotation decides the test, so
                    // the other way is dead.
                    let decided = crate::rules_isinstance::decide(&ann.graphs[g].bindings[x], *b);
                    return match decided {
                        Ok(d) if d != case => Some((x, S::Impossible)),
                        _ => None,
                    };
                }
                let x = args[0].as_var()?;
                let Some(Const::Host(c)) = args[1].as_const() else {
                    return None;
                };
                let c = *c;
                let S::Instance { class: d, nullable } = ann.graphs[g].bindings[x] else {
                    return None;
                };
                if !case {
                    // `x` (never None) is always a `c`: the false way is
                    // dead (until x generalises and the block re-flows).
                    if !nullable && classdef::is_subclass(prog, d, c) {
                        return Some((x, S::Impossible));
                    }
                    return None;
                }
                if classdef::is_subclass(prog, c, d) {
                    return Some((
                        x,
                        S::Instance {
                            class: c,
                            nullable: false,
                        },
                    ));
                }
                if classdef::is_subclass(prog, d, c) {
                    return Some((
                        x,
                        S::Instance {
                            class: d,
                            nullable: false,
                        },
                    ));
                }
                // Unrelated classes: `x` is never a `c` (so far; a later
                // generalisation re-flows the block), so the true way is
                // not annotated with the wrong class. The result does not
                // depend on the order in which the callers are met.
                return Some((x, S::Impossible));
            }
            _ => return via_not.then(|| truth_narrowing(ann, g, v, case)).flatten(),
        }
    }
}
