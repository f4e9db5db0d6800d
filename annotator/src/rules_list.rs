//! Annotation rules for lists, tuples, iteration and the builtins over
//! sequences (RPython's `SomeList`/`SomeTuple`/`SomeIterator` rules).
//!
//! `annotate` is tried before the generic rules: it answers `None` for the
//! ops it does not own, so they fall through to `rules.rs`.
//!
//! Lists: every op that stores into a list generalises its `ListDef`
//! (shared by all aliases) and every op that reads items registers its
//! block as a reader, re-flowed when the item type generalises. Ops that
//! make a list from other lists (slices, `+`, `*`, `sorted`, `list(l)`)
//! share the definition of their operands (sound, and keeps one item
//! type per family of lists); ops that make a list from scratch
//! (`[...]`, `list(str)`, ...) reuse the definition already bound to
//! their result, so re-flowing a block does not make a new one.

use crate::annotate::OpCx;
use crate::model::{ListDefId, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

fn is_intlike(a: &S) -> bool {
    matches!(a, S::Int | S::Bool)
}

fn is_num(a: &S) -> bool {
    matches!(a, S::Int | S::Bool | S::Float)
}

fn unsupported(cx: &OpCx, what: &str, args: &[S]) -> Diagnostic {
    let types: Vec<String> = args.iter().map(|a| a.describe()).collect();
    Diagnostic::new(
        cx.span,
        format!("unsupported operation: {what} on {}", types.join(" and ")),
    )
}

/// The item annotation of list `def`, registering this block as a reader.
pub fn read_items(cx: &mut OpCx, def: ListDefId) -> S {
    let reader = (cx.graph, cx.block);
    cx.ann.read_list(def, reader)
}

/// Store values of annotation `item` into list `def`.
pub fn write_items(cx: &mut OpCx, def: ListDefId, item: &S) -> Result<(), Diagnostic> {
    let root = cx.ann.list_root(def);
    let old = cx.ann.listdefs[root].item.clone();
    if cx.ann.write_list(def, item, Some(cx.span)).is_err() {
        let mut d = Diagnostic::new(
            cx.span,
            format!(
                "type conflict: storing {} into a list of {}; a list holds items of one type",
                cx.ann.describe_deep(item),
                cx.ann.describe_deep(&old)
            ),
        );
        d = d.with_note(
            cx.ann.listdefs[root].origin,
            format!(
                "the list's items are {} because of this",
                cx.ann.describe_deep(&old)
            ),
        );
        return Err(cx.ann.list_item_notes(&old, item, d));
    }
    if old.is_impossible() && !item.is_impossible() {
        let root = cx.ann.list_root(def);
        cx.ann.listdefs[root].origin = Some(cx.span);
    }
    Ok(())
}

/// The list definition of this op's result: the one bound by an earlier
/// flow of the block, or a new one.
fn result_list(cx: &mut OpCx, op: &Op<Flow>) -> ListDefId {
    match &cx.ann.graphs[cx.graph].bindings[op.result] {
        S::List { def, .. } => *def,
        _ => cx.ann.new_list(S::Impossible),
    }
}

/// What iterating over `x` gives, if `x` is iterable (lists register the
/// block as a reader).
pub fn iter_item(cx: &mut OpCx, x: &S) -> Option<S> {
    Some(match x {
        S::List { def, .. } => read_items(cx, *def),
        S::Str { nullable: false } => S::Str { nullable: false },
        S::Bytes { nullable: false } => S::Int,
        S::Range => S::Int,
        S::Tuple(items) => {
            let mut u = S::Impossible;
            for i in items {
                u = cx.ann.union(&u, i)?;
            }
            u
        }
        S::Enumerate(x) => S::Tuple(vec![S::Int, iter_item(cx, x)?]),
        S::Zip(xs) => S::Tuple(
            xs.iter()
                .map(|x| iter_item(cx, x))
                .collect::<Option<Vec<_>>>()?,
        ),
        S::Reversed(x) => iter_item(cx, x)?,
        S::Dict { .. } | S::DictPart { .. } => return crate::rules_dict::iter_item(cx, x),
        _ => return None,
    })
}

fn iterable(cx: &mut OpCx, x: &S) -> Result<S, Diagnostic> {
    iter_item(cx, x).ok_or_else(|| {
        Diagnostic::new(cx.span, format!("expected an iterable (list, tuple, str, bytes, range, enumerate, zip, reversed), found {}", x.describe()))
    })
}

/// `str()`/`repr()`/`print` of a list or tuple: every item must be printable.
pub fn stringable_seq(cx: &OpCx, a: &S) -> Result<(), Diagnostic> {
    match a {
        S::List { def, .. } => {
            let item = cx.ann.listdef(*def).item.clone();
            if item.is_impossible() {
                Ok(())
            } else {
                crate::rules::stringable(cx, &item)
            }
        }
        S::Tuple(items) => items
            .iter()
            .try_for_each(|i| crate::rules::stringable(cx, i)),
        _ => Ok(()),
    }
}

/// Can values of `a` and `b` be compared with `==` inside a sequence op?
fn eq_comparable(cx: &OpCx, a: &S, b: &S) -> bool {
    match (a, b) {
        (x, y) if is_num(x) && is_num(y) => true,
        (S::Str { .. }, S::Str { .. }) | (S::Bytes { .. }, S::Bytes { .. }) => true,
        (S::None, _) | (_, S::None) => true,
        (S::List { def: d1, .. }, S::List { def: d2, .. }) => {
            let (i1, i2) = (
                cx.ann.listdef(*d1).item.clone(),
                cx.ann.listdef(*d2).item.clone(),
            );
            i1.is_impossible() || i2.is_impossible() || eq_comparable(cx, &i1, &i2)
        }
        (S::Tuple(x), S::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq_comparable(cx, p, q))
        }
        (S::Impossible, _) | (_, S::Impossible) => true,
        (x, y) => x == y,
    }
}

/// Can values of `a` be ordered (`<`, sort, min, max)?
fn orderable(a: &S) -> bool {
    match a {
        S::Int | S::Bool | S::Float | S::Str { nullable: false } | S::Impossible => true,
        S::Tuple(items) => items.iter().all(orderable),
        _ => false,
    }
}

fn bound_is_ok(a: &S) -> bool {
    is_intlike(a) || matches!(a, S::None)
}

/// Positional and keyword argument annotations of a call.
fn call_args(op: &Op<Flow>, args: &[S]) -> (Vec<S>, Vec<(String, S)>) {
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
    let kw = names
        .into_iter()
        .zip(rest[npos..].iter().cloned())
        .collect();
    (rest[..npos].to_vec(), kw)
}

fn check_arity(
    cx: &OpCx,
    name: &str,
    pos: &[S],
    kw: &[(String, S)],
    allowed_kw: &[&str],
    min: usize,
    max: usize,
) -> Result<(), Diagnostic> {
    for (k, _) in kw {
        if !allowed_kw.contains(&k.as_str()) {
            return Err(Diagnostic::new(
                cx.span,
                format!("{name}() got an unexpected keyword argument '{k}'"),
            ));
        }
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
                "{name}() takes {expect} positional argument{} ({} given)",
                if max == 1 { "" } else { "s" },
                pos.len()
            ),
        ));
    }
    Ok(())
}

/// The rules for list, tuple and iterator ops; `None` for ops owned by
/// other rules.
pub fn annotate(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<R> {
    use FlowOp::*;
    let a0 = args.first().cloned().unwrap_or(S::Impossible);
    Some(match op.kind {
        NewList => {
            let mut item = S::Impossible;
            for a in args {
                match cx.ann.union(&item, a) {
                    Some(u) if cx.ann.marking => {
                        let at = Some(cx.span);
                        item = crate::rules_widen::mark(&item, a, &u, at, at)
                    }
                    Some(u) => item = u,
                    None => {
                        return Some(Err(Diagnostic::new(
                            cx.span,
                            format!("type conflict: this list mixes {} and {}; a list holds items of one type", item.describe(), a.describe()),
                        )))
                    }
                }
            }
            let def = result_list(cx, op);
            write_items(cx, def, &item).map(|_| S::List {
                def,
                nullable: false,
            })
        }
        GetAttr => match &a0 {
            S::List { .. } => {
                let name = op.args[1]
                    .as_const()
                    .and_then(Const::as_str)
                    .unwrap_or("?")
                    .to_string();
                const METHODS: &[&str] = &[
                    "append", "extend", "insert", "pop", "remove", "index", "count", "reverse",
                    "sort", "clear", "copy",
                ];
                if METHODS.contains(&name.as_str()) {
                    Ok(S::BuiltinMethod {
                        recv: Box::new(a0.clone()),
                        name,
                    })
                } else {
                    Err(Diagnostic::new(
                        cx.span,
                        format!(
                            "'list' object has no attribute '{name}' (supported: {})",
                            METHODS.join(", ")
                        ),
                    ))
                }
            }
            _ => return None,
        },
        SimpleCall | CallKw => match &a0 {
            S::BuiltinMethod { recv, name } if matches!(**recv, S::List { .. }) => {
                let S::List { def, .. } = **recv else {
                    unreachable!()
                };
                let (pos, kw) = call_args(op, args);
                list_method(cx, def, name, &pos, &kw)
            }
            S::Builtin(b) => {
                let (pos, kw) = call_args(op, args);
                return builtin(cx, op, *b, &pos, &kw);
            }
            _ => return None,
        },
        SetItem => match (&a0, &args[1]) {
            (S::List { def, .. }, i) if is_intlike(i) => {
                write_items(cx, *def, &args[2]).map(|_| S::None)
            }
            (S::List { .. }, i) => Err(Diagnostic::new(
                cx.span,
                format!("list indices must be integers, not {}", i.describe()),
            )),
            (S::Tuple(_), _) => Err(Diagnostic::new(
                cx.span,
                "'tuple' object does not support item assignment",
            )),
            _ => return None,
        },
        DelItem => match (&a0, &args[1]) {
            (S::List { .. }, i) if is_intlike(i) => Ok(S::None),
            (S::List { .. }, i) => Err(Diagnostic::new(
                cx.span,
                format!("list indices must be integers, not {}", i.describe()),
            )),
            _ => return None,
        },
        GetSlice | DelSlice | SetSlice => match &a0 {
            S::List { def, .. } => {
                if !args[1..4].iter().all(bound_is_ok) {
                    return Some(Err(unsupported(
                        cx,
                        "slicing with non-integer bounds",
                        &args[1..4],
                    )));
                }
                match op.kind {
                    GetSlice => Ok(S::List {
                        def: *def,
                        nullable: false,
                    }),
                    DelSlice => Ok(S::None),
                    _ => match iter_item(cx, &args[4]) {
                        Some(item) => write_items(cx, *def, &item).map(|_| S::None),
                        None => Err(Diagnostic::new(
                            cx.span,
                            format!(
                                "can only assign an iterable to a list slice, not {}",
                                args[4].describe()
                            ),
                        )),
                    },
                }
            }
            S::Tuple(items) if op.kind == GetSlice => {
                let bound = |i: usize| match op.args[i].as_const() {
                    Some(Const::None) => Some(None),
                    Some(c) => c.as_int().map(Some),
                    None => None,
                };
                match (bound(1), bound(2), bound(3)) {
                    (Some(lo), Some(hi), Some(None)) => {
                        let n = items.len() as i64;
                        let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
                        let lo = lo.map(clamp).unwrap_or(0);
                        let hi = hi.map(clamp).unwrap_or(n).max(lo);
                        Ok(S::Tuple(items[lo as usize..hi as usize].to_vec()))
                    }
                    _ => Err(Diagnostic::new(
                        cx.span,
                        "tuples can only be sliced with constant bounds and no step",
                    )),
                }
            }
            _ => return None,
        },
        Add | InplaceAdd => match (&a0, &args[1]) {
            (S::List { def: d1, .. }, S::List { def: d2, .. }) => {
                if op.kind == InplaceAdd {
                    let item = read_items(cx, *d2);
                    write_items(cx, *d1, &item).map(|_| S::List {
                        def: *d1,
                        nullable: false,
                    })
                } else {
                    let (i1, i2) = (read_items(cx, *d1), read_items(cx, *d2));
                    if cx.ann.union(&i1, &i2).is_none() {
                        return Some(Err(unsupported(cx, "`+`", args)));
                    }
                    cx.ann
                        .union(&a0, &args[1])
                        .map(|_| ())
                        .ok_or_else(|| unsupported(cx, "`+`", args))
                        .map(|_| S::List {
                            def: cx.ann.list_root(*d1),
                            nullable: false,
                        })
                }
            }
            (S::List { def, .. }, other) if op.kind == InplaceAdd => match iter_item(cx, other) {
                Some(item) => write_items(cx, *def, &item).map(|_| S::List {
                    def: *def,
                    nullable: false,
                }),
                None => Err(unsupported(cx, "`+=`", args)),
            },
            (S::Tuple(x), S::Tuple(y)) => Ok(S::Tuple(x.iter().chain(y).cloned().collect())),
            (S::List { .. }, _) | (_, S::List { .. }) => Err(unsupported(cx, "`+`", args)),
            _ => return None,
        },
        Mul | InplaceMul => match (&a0, &args[1]) {
            (S::List { def, .. }, n) | (n, S::List { def, .. }) if is_intlike(n) => Ok(S::List {
                def: *def,
                nullable: false,
            }),
            (S::List { .. }, _) | (_, S::List { .. }) => Err(unsupported(cx, "`*`", args)),
            _ => return None,
        },
        Eq | Ne | Lt | Le | Gt | Ge => match (&a0, &args[1]) {
            (S::List { def: d1, .. }, S::List { def: d2, .. }) => {
                let (i1, i2) = (read_items(cx, *d1), read_items(cx, *d2));
                let ok = if matches!(op.kind, Eq | Ne) {
                    eq_comparable(cx, &i1, &i2)
                } else {
                    orderable(&i1) && orderable(&i2) && eq_comparable(cx, &i1, &i2)
                };
                if ok {
                    Ok(S::Bool)
                } else {
                    Err(unsupported(
                        cx,
                        &format!("comparison `{}`", op.kind.name()),
                        args,
                    ))
                }
            }
            (S::Tuple(_), S::Tuple(_)) => {
                let ok = if matches!(op.kind, Eq | Ne) {
                    eq_comparable(cx, &a0, &args[1])
                } else {
                    orderable(&a0) && orderable(&args[1]) && eq_comparable(cx, &a0, &args[1])
                };
                if ok {
                    Ok(S::Bool)
                } else {
                    Err(unsupported(
                        cx,
                        &format!("comparison `{}`", op.kind.name()),
                        args,
                    ))
                }
            }
            _ => return None,
        },
        Contains => match &a0 {
            S::Tuple(items) => {
                if items.iter().all(|i| eq_comparable(cx, i, &args[1])) {
                    Ok(S::Bool)
                } else {
                    Err(unsupported(cx, "`in`", args))
                }
            }
            _ => return None,
        },
        Iter => match &a0 {
            S::Range => return None,
            x => iterable(cx, x).map(|_| S::Iterator(Box::new(x.clone()))),
        },
        Next => match &a0 {
            // A `for` loop over a str yields chars (`rules_char.rs`).
            S::Iterator(x) if matches!(**x, S::Str { nullable: false }) => Ok(S::Char),
            S::Iterator(x) => {
                let x = (**x).clone();
                iterable(cx, &x)
            }
            _ => return None,
        },
        _ => return None,
    })
}

fn list_method(cx: &mut OpCx, def: ListDefId, name: &str, pos: &[S], kw: &[(String, S)]) -> R {
    let m = format!("list.{name}");
    match name {
        "append" => {
            check_arity(cx, &m, pos, kw, &[], 1, 1)?;
            write_items(cx, def, &pos[0]).map(|_| S::None)
        }
        "extend" => {
            check_arity(cx, &m, pos, kw, &[], 1, 1)?;
            let item = iterable(cx, &pos[0])?;
            write_items(cx, def, &item).map(|_| S::None)
        }
        "insert" => {
            check_arity(cx, &m, pos, kw, &[], 2, 2)?;
            if !is_intlike(&pos[0]) {
                return Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "list.insert() index must be an int, not {}",
                        pos[0].describe()
                    ),
                ));
            }
            write_items(cx, def, &pos[1]).map(|_| S::None)
        }
        "pop" => {
            check_arity(cx, &m, pos, kw, &[], 0, 1)?;
            if let Some(i) = pos.first() {
                if !is_intlike(i) {
                    return Err(Diagnostic::new(
                        cx.span,
                        format!("list.pop() index must be an int, not {}", i.describe()),
                    ));
                }
            }
            Ok(read_items(cx, def))
        }
        "remove" | "index" | "count" => {
            let max = if name == "index" { 3 } else { 1 };
            check_arity(cx, &m, pos, kw, &[], 1, max)?;
            let item = read_items(cx, def);
            if !eq_comparable(cx, &item, &pos[0]) {
                return Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "{m}() of {} in a list of {}",
                        pos[0].describe(),
                        item.describe()
                    ),
                ));
            }
            if pos[1..].iter().any(|b| !is_intlike(b)) {
                return Err(Diagnostic::new(
                    cx.span,
                    format!("{m}() bounds must be ints"),
                ));
            }
            Ok(if name == "remove" { S::None } else { S::Int })
        }
        "reverse" | "clear" => {
            check_arity(cx, &m, pos, kw, &[], 0, 0)?;
            Ok(S::None)
        }
        "copy" => {
            check_arity(cx, &m, pos, kw, &[], 0, 0)?;
            Ok(S::List {
                def,
                nullable: false,
            })
        }
        "sort" => {
            check_arity(cx, &m, pos, kw, &["reverse"], 0, 0)?;
            let item = read_items(cx, def);
            sortable(cx, &item)?;
            Ok(S::None)
        }
        _ => Err(Diagnostic::new(
            cx.span,
            format!("'list' object has no attribute '{name}'"),
        )),
    }
}

fn sortable(cx: &OpCx, item: &S) -> Result<(), Diagnostic> {
    if orderable(item) {
        Ok(())
    } else {
        Err(Diagnostic::new(
            cx.span,
            format!(
                "sorting needs items of int, float or str (or tuples of those), found {}",
                item.describe()
            ),
        ))
    }
}

fn builtin(cx: &mut OpCx, op: &Op<Flow>, b: Builtin, pos: &[S], kw: &[(String, S)]) -> Option<R> {
    use Builtin as B;
    let name = b.name();
    let mut r = || -> R {
        match b {
            B::Enumerate => {
                check_arity(cx, name, pos, kw, &["start"], 1, 2 - kw.len())?;
                iterable(cx, &pos[0])?;
                // The start (positional or `start=`) is carried in the
                // value: `rtyper/src/lower_iter.rs`.
                if let Some(s) = pos.get(1).or(kw.first().map(|(_, s)| s)) {
                    if !matches!(s, S::Int | S::Bool) {
                        return Err(Diagnostic::new(
                            cx.span,
                            format!("enumerate() start must be an int, got {}", s.describe()),
                        ));
                    }
                }
                Ok(S::Enumerate(Box::new(pos[0].clone())))
            }
            B::Zip => {
                check_arity(cx, name, pos, kw, &[], 1, 8)?;
                for p in pos {
                    iterable(cx, p)?;
                }
                Ok(S::Zip(pos.to_vec()))
            }
            B::Reversed => {
                check_arity(cx, name, pos, kw, &[], 1, 1)?;
                match &pos[0] {
                    S::List { .. } | S::Range | S::Str { nullable: false } => {
                        Ok(S::Reversed(Box::new(pos[0].clone())))
                    }
                    other => Err(Diagnostic::new(
                        cx.span,
                        format!(
                            "reversed() takes a list, range or str, not {}",
                            other.describe()
                        ),
                    )),
                }
            }
            B::Sum => {
                check_arity(cx, name, pos, kw, &[], 1, 2)?;
                let item = iterable(cx, &pos[0])?;
                let start = pos.get(1).cloned().unwrap_or(S::Int);
                match (&item, &start) {
                    (S::Impossible, s) if is_num(s) => {
                        Ok(if *s == S::Bool { S::Int } else { s.clone() })
                    }
                    (i, s) if is_intlike(i) && is_intlike(s) => Ok(S::Int),
                    (i, s) if is_num(i) && is_num(s) => Ok(S::Float),
                    _ => Err(Diagnostic::new(
                        cx.span,
                        format!("sum() needs numbers, found items of {}", item.describe()),
                    )),
                }
            }
            B::Any | B::All => {
                check_arity(cx, name, pos, kw, &[], 1, 1)?;
                iterable(cx, &pos[0])?;
                Ok(S::Bool)
            }
            B::Sorted => {
                check_arity(cx, name, pos, kw, &["reverse"], 1, 1)?;
                list_from(cx, op, &pos[0], true)
            }
            B::ListFn => {
                check_arity(cx, name, pos, kw, &[], 0, 1)?;
                match pos.first() {
                    None => Ok(S::List {
                        def: result_list(cx, op),
                        nullable: false,
                    }),
                    Some(x) => list_from(cx, op, x, false),
                }
            }
            B::Min | B::Max => {
                if !kw.is_empty() {
                    return Err(Diagnostic::new(
                        cx.span,
                        format!("{name}() takes no keyword arguments here"),
                    ));
                }
                let items: Vec<S> = match pos {
                    [] => {
                        return Err(Diagnostic::new(
                            cx.span,
                            format!("{name}() expects at least 1 argument, got 0"),
                        ))
                    }
                    [one] => vec![iterable(cx, one)?],
                    many => many.to_vec(),
                };
                let mut u = S::Impossible;
                for i in &items {
                    u = cx
                        .ann
                        .union(&u, i)
                        .ok_or_else(|| unsupported(cx, &format!("{name}()"), pos))?;
                }
                // Tuples compare item by item: the rtyper's `emit_lt`, shared with sort.
                if !orderable(&u) {
                    return Err(Diagnostic::new(
                        cx.span,
                        format!(
                            "{name}() compares items of int, float or str (or tuples of those), found {}",
                            u.describe()
                        ),
                    ));
                }
                Ok(u)
            }
            _ => unreachable!(),
        }
    };
    match b {
        B::Enumerate | B::Zip | B::Reversed | B::Sum | B::Any | B::All | B::Sorted | B::ListFn => {
            Some(r())
        }
        // min/max of two numbers stay with the generic rule.
        B::Min | B::Max if !(pos.len() == 2 && is_num(&pos[0]) && is_num(&pos[1])) => Some(r()),
        _ => None,
    }
}

/// `list(x)` / `sorted(x)`: a list sharing `x`'s definition if `x` is a
/// list, else a fresh list of `x`'s items.
pub(crate) fn list_from(cx: &mut OpCx, op: &Op<Flow>, x: &S, sorting: bool) -> R {
    let item = iterable(cx, x)?;
    if sorting {
        sortable(cx, &item)?;
    }
    match x {
        S::List { def, .. } => Ok(S::List {
            def: *def,
            nullable: false,
        }),
        _ => {
            let def = result_list(cx, op);
            write_items(cx, def, &item)?;
            Ok(S::List {
                def,
                nullable: false,
            })
        }
    }
}
