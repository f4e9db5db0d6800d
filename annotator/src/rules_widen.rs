//! Widened numbers: RPython makes a variable that holds an int on one path
//! and a float on another a float (and a bool joined with an int an int).
//! That is right for arithmetic but changes text: CPython prints `716`
//! where the widened value prints `716.0`, and `True` where it prints `1`.
//! We keep the widening and refuse every conversion to text of such a
//! value, naming the place where the narrower value enters.
//!
//! Algorithm:
//! 1. Marking, in a second pass over the final annotations
//!    (`mark_widened`). Where the annotator merges annotations with a known
//!    position (block inputs: assignments, calls, returns; attribute
//!    writes; list stores; dict value stores; the results of several
//!    callees of one call), `mark` wraps a `Float` (`Int`) that absorbed an
//!    `Int` or `Bool` (a `Bool`) as `SomeValue::Widened`, also inside
//!    tuples. `SomeValue::union` keeps the mark.
//! 2. Propagation. Rules see plain annotations (`erased`), except calls
//!    of user functions, methods and classes, whose arguments flow into
//!    the callee's parameters with their marks. After a rule, `rewiden`
//!    restores the mark where the value passes through unchanged: a new
//!    tuple's items, a tuple item read by a constant index, arithmetic
//!    whose float operands are all widened ints (CPython computes an int
//!    there); attribute stores and new lists get marked values, and
//!    `replay_store` stores a marked value again into the list it was
//!    appended, inserted or assigned to.
//! 3. Refusal, after the marking pass. `check_text` refuses `str`, `repr`, `print`, `%s`/`%r`,
//!    f-string fields without a float spec, exception messages and
//!    `isinstance` of a value with a mark (also the items of a tuple,
//!    list or dict being printed).
//! 4. Erasure. `erase_all` removes the marks after the fixpoint, so the
//!    rtyper sees the annotations RPython would have.
//!
//! Not done: marks of dict keys and of the values of a dict literal, and
//! of numbers widened inside a list merge (`merge_lists`); those still
//! print as RPython prints them.

use crate::annotate::Annotator;
use crate::model::{SomeValue as S, Widened};
use rpy_flow::graph::Value;
use rpy_flow::model::Flow;
use rpy_flow::{Builtin, Const, FlowOp, Op};
use rpy_syntax::{Diagnostic, Span};

/// Is `a` narrower than the number `new` (an int in a float, a bool in
/// an int)?
fn narrower(new: &S, a: &S) -> bool {
    matches!((new, a), (S::Float, S::Int | S::Bool) | (S::Int, S::Bool))
}

fn widened(base: &S, from: &S, at: Option<Span>) -> S {
    S::Widened(Box::new(Widened {
        base: base.clone(),
        from: from.clone(),
        at,
    }))
}

/// `new`, the union of `old` (first seen at `old_at`) and `cell` (coming
/// from `cell_at`), marked where a narrower number was widened.
pub fn mark(old: &S, cell: &S, new: &S, old_at: Option<Span>, cell_at: Option<Span>) -> S {
    match new {
        S::Float | S::Int if narrower(new, old) => widened(new, old, old_at),
        S::Float | S::Int if narrower(new, cell) => widened(new, cell, cell_at),
        S::Tuple(ns) => {
            let item = |a: &S, i: usize| match a {
                S::Tuple(xs) if xs.len() == ns.len() => xs[i].clone(),
                _ => S::Impossible,
            };
            S::Tuple(
                ns.iter()
                    .enumerate()
                    .map(|(i, n)| mark(&item(old, i), &item(cell, i), n, old_at, cell_at))
                    .collect(),
            )
        }
        _ => new.clone(),
    }
}

/// The first widened number in `a`, looking into tuples, list items and
/// dict keys and values.
pub fn find_widened(ann: &Annotator, a: &S) -> Option<Widened> {
    find_in(ann, a, 0)
}

fn find_in(ann: &Annotator, a: &S, depth: u32) -> Option<Widened> {
    if depth > 8 {
        return None;
    }
    match a {
        S::Widened(w) => Some((**w).clone()),
        S::Tuple(items) | S::Zip(items) => items.iter().find_map(|i| find_in(ann, i, depth + 1)),
        S::List { def, .. } => find_in(ann, &ann.listdef(*def).item, depth + 1),
        S::Dict { def, .. } | S::DictPart { def, .. } => {
            let d = ann.dictdef(*def);
            let (k, v) = (d.key.clone(), d.value.clone());
            find_in(ann, &k, depth + 1).or_else(|| find_in(ann, &v, depth + 1))
        }
        _ => None,
    }
}

/// The error for converting `w` to text with `what` (at `span`);
/// `isinstance()` is a type test, not a text.
fn refuse(span: Span, what: &str, w: &Widened) -> Diagnostic {
    let (narrow, wide, fix, example) = match (&w.from, &w.base) {
        (S::Bool, S::Int) => ("a bool", "an int", "int(...)", "`1` for `True`"),
        (S::Bool, _) => ("a bool", "a float", "float(...)", "`1.0` for `True`"),
        _ => ("an int", "a float", "float(...)", "`716.0` for `716`"),
    };
    let differs = if what == "isinstance()" {
        "isinstance() would not answer as in CPython".to_string()
    } else {
        format!("its text would differ from CPython's ({example})")
    };
    Diagnostic::new(
        span,
        format!(
            "{what} of {wide} that is {narrow} on some paths: RPython makes it {wide}, so {differs}"
        ),
    )
    .with_note(
        w.at,
        match w.at {
            Some(_) => format!("{narrow} comes from here; write {fix} here to make it {wide} on every path"),
            None => format!("{narrow} comes from a list or dict built at module level; write {fix} there to make it {wide} everywhere"),
        },
    )
}

/// A format spec whose text does not depend on int versus float.
fn float_spec(spec: &str) -> bool {
    spec.ends_with(['e', 'E', 'f', 'F', 'g', 'G', '%'])
}

/// The conversion letters of a `%` format, in order (`%%` skipped).
fn percent_conversions(fmt: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut it = fmt.chars().peekable();
    while let Some(c) = it.next() {
        if c != '%' {
            continue;
        }
        while let Some(&n) = it.peek() {
            if n.is_ascii_alphabetic() || n == '%' {
                break;
            }
            it.next();
        }
        match it.next() {
            Some('%') | None => {}
            Some(k) => out.push(k),
        }
    }
    out
}

/// Refuse converting a widened number to text (or testing its type) in
/// `op`, whose arguments have the annotations `raw` (with marks).
pub fn check_text(ann: &Annotator, op: &Op<Flow>, raw: &[S]) -> Result<(), Diagnostic> {
    use FlowOp as F;
    let deep = |a: &S| find_widened(ann, a);
    let found = |what: &str, a: &S| match deep(a) {
        Some(w) => Err(refuse(op.span, what, &w)),
        None => Ok(()),
    };
    match op.kind {
        F::Str => found("str()", &raw[0]),
        F::Repr => found("repr()", &raw[0]),
        F::Format => {
            let spec = op.args.get(1).and_then(Value::as_const);
            match spec {
                Some(Const::Str(s)) if float_spec(s) => Ok(()),
                _ => found("formatting", &raw[0]),
            }
        }
        F::Mod | F::InplaceMod if matches!(raw[0].erased(), S::Str { .. }) => {
            let Some(Const::Str(fmt)) = op.args[0].as_const() else {
                return found("`%` formatting", &raw[1]);
            };
            let convs = percent_conversions(fmt);
            let items: Vec<S> = match &raw[1] {
                S::Tuple(items) => items.clone(),
                other => vec![other.clone()],
            };
            for (k, item) in convs.iter().zip(&items) {
                if matches!(k, 's' | 'r' | 'a') {
                    found(&format!("`%{k}`"), item)?;
                }
            }
            Ok(())
        }
        F::IsInstance => match &raw[0] {
            S::Widened(w) => Err(refuse(op.span, "isinstance()", w)),
            _ => Ok(()),
        },
        F::SimpleCall | F::CallKw => {
            let rest = if op.kind == F::SimpleCall { 1 } else { 2 };
            let args = raw.get(rest..).unwrap_or(&[]);
            match raw[0] {
                S::Builtin(Builtin::Print) => args.iter().try_for_each(|a| found("print()", a)),
                S::Builtin(Builtin::StrFn) => args.iter().try_for_each(|a| found("str()", a)),
                S::Builtin(Builtin::Repr) => args.iter().try_for_each(|a| found("repr()", a)),
                S::Builtin(Builtin::IsInstance) => match args.first() {
                    Some(S::Widened(w)) => Err(refuse(op.span, "isinstance()", w)),
                    _ => Ok(()),
                },
                S::Class(c) if crate::rules_class::is_exception_class(ann.prog, c) => args
                    .iter()
                    .try_for_each(|a| found("an exception message", a)),
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// Do the arguments of `op` (annotations `erased`) keep their marks for
/// its rule (a user function's parameters, an attribute, a new list)?
pub fn keeps_marks(ann: &Annotator, op: &Op<Flow>, erased: &[S]) -> bool {
    // Stores that only union the value in.
    if matches!(op.kind, FlowOp::SetAttr | FlowOp::NewList) {
        return true;
    }
    matches!(op.kind, FlowOp::SimpleCall | FlowOp::CallKw)
        && match &erased[0] {
            S::Functions(_) | S::Method { .. } => true,
            S::Class(c) => !crate::rules_class::is_exception_class(ann.prog, *c),
            _ => false,
        }
}

/// The result of `op` with the marks its rule could not see (see the
/// module doc, step 2); `raw` are the arguments with marks.
pub fn rewiden(ann: &Annotator, op: &Op<Flow>, raw: &[S], result: S) -> S {
    use FlowOp as F;
    // `sum`, `min`, `max`, `abs` of widened numbers (or of a list of
    // them) give an int in CPython where all of them are ints.
    if matches!(op.kind, F::SimpleCall)
        && matches!(result, S::Float | S::Int)
        && matches!(
            raw.first(),
            Some(S::Builtin(
                Builtin::Sum | Builtin::Min | Builtin::Max | Builtin::Abs
            ))
        )
    {
        let found: Vec<Option<Widened>> = raw[1..].iter().map(|a| find_widened(ann, a)).collect();
        let genuine = raw[1..]
            .iter()
            .zip(&found)
            .any(|(a, w)| w.is_none() && a.erased() == result && !matches!(a, S::List { .. }));
        if let (Some(w), false) = (found.iter().flatten().next(), genuine) {
            return widened(&result, &w.from, w.at);
        }
        return result;
    }
    if !raw.iter().any(S::has_widened) {
        return result;
    }
    let keep = |candidate: &S, result: S| {
        if candidate.erased() == result {
            candidate.clone()
        } else {
            result
        }
    };
    match op.kind {
        F::NewTuple => keep(&S::Tuple(raw.to_vec()), result),
        F::GetItem => match (&raw[0], op.args[1].as_const()) {
            (S::Tuple(items), Some(Const::Int(i))) => {
                let n = items.len() as i64;
                let i = if *i < 0 { i + n } else { *i };
                match items.get(i as usize) {
                    Some(item) if i >= 0 => keep(item, result),
                    _ => result,
                }
            }
            _ => result,
        },
        _ if result == S::Float && preserves_int(op.kind) => {
            // An int in CPython when every float operand is a widened int.
            let floats: Vec<&S> = raw.iter().filter(|a| a.erased() == S::Float).collect();
            match floats.first() {
                Some(S::Widened(w)) if floats.iter().all(|a| matches!(a, S::Widened(_))) => {
                    widened(&S::Float, &w.from, w.at)
                }
                _ => result,
            }
        }
        _ => result,
    }
}

/// In the marking pass, the result of an op: `result` if it is the
/// first pass's annotation `old` (with marks), else `old`.
pub fn keep_final(old: &S, result: S) -> S {
    if old.is_impossible() || result.erased() == old.erased() {
        result
    } else {
        old.clone()
    }
}

/// A widened value stored into a list by `op` (whose rule saw it
/// without its mark): store it again with the mark.
pub fn replay_store(ann: &mut Annotator, op: &Op<Flow>, raw: &[S], erased: &[S]) {
    use FlowOp as F;
    let stored = match (op.kind, erased.first()) {
        (F::SetItem, Some(S::List { def, .. })) => raw.get(2).map(|v| (*def, v)),
        (F::SimpleCall, Some(S::BuiltinMethod { recv, name })) => match (&**recv, name.as_str()) {
            (S::List { def, .. }, "append") => raw.get(1).map(|v| (*def, v)),
            (S::List { def, .. }, "insert") => raw.get(2).map(|v| (*def, v)),
            _ => None,
        },
        _ => None,
    };
    if let Some((def, v)) = stored {
        if v.has_widened() {
            let _ = ann.write_list(def, v, Some(op.span));
        }
    }
    if let (F::SetItem, Some(S::Dict { def, .. }), Some(v)) = (op.kind, erased.first(), raw.get(2))
    {
        if v.has_widened() {
            let _ = ann.write_dict(*def, crate::dictdef::DictSide::Value, v, Some(op.span));
        }
    }
}

/// Arithmetic that gives an int on ints (all but true division).
fn preserves_int(k: FlowOp) -> bool {
    use FlowOp as F;
    matches!(
        crate::rules::arith_base(k),
        Some(F::Add | F::Sub | F::Mul | F::FloorDiv | F::Mod | F::Pow)
    ) || matches!(k, F::Neg | F::Pos)
}

impl Annotator<'_> {
    /// The second pass: flow every annotated block again with marking
    /// on. The annotations are final, so only marks change; a number
    /// that was narrower only for a while during the first fixpoint (a
    /// `sum()` of a list whose items were not known yet) is not marked.
    pub(crate) fn mark_widened(&mut self) {
        self.marking = true;
        // Prebuilt instances, lists and dicts feed their contents again
        // (now marked).
        self.classdefs.seen_prebuilt.clear();
        self.fill_prebuilt_lists();
        self.fill_prebuilt_dicts();
        let blocks: Vec<_> = self
            .graphs
            .iter()
            .flat_map(|(g, ag)| ag.seen.iter().map(move |&b| (g, b)))
            .collect();
        for &b in &blocks {
            self.schedule(b);
        }
        self.run();
        // Refuse text conversions over the final marks (every one, not
        // only the first of a block).
        for (g, b) in blocks {
            let ops = self.graphs[g].graph.blocks[b].ops.clone();
            for op in &ops {
                let raw: Vec<S> = op.args.iter().map(|a| self.annotation(g, a)).collect();
                if raw.iter().any(S::is_impossible) {
                    break;
                }
                if let Err(d) = check_text(self, op, &raw) {
                    let d = self.add_call_chain(g, d);
                    self.errors.push(d);
                }
            }
        }
    }

    /// Remove every mark (bindings, attributes, list items, dict keys and
    /// values) once the fixpoint is reached.
    pub fn erase_all(&mut self) {
        for (_, ag) in self.graphs.iter_mut() {
            let vars: Vec<_> = ag.graph.vars.keys().collect();
            for v in vars {
                if ag.bindings[v].has_widened() {
                    ag.bindings[v] = ag.bindings[v].erased();
                }
            }
        }
        for attrs in self.classdefs.attrs.values_mut() {
            for a in attrs.values_mut() {
                a.ann = a.ann.erased();
            }
        }
        for (_, l) in self.listdefs.iter_mut() {
            l.item = l.item.erased();
        }
        self.erase_dicts();
    }
}
