//! Annotation rules for dicts: literals, `d[k]`, `in`, `len`, iteration,
//! views and methods. Every key written or looked up generalises the
//! dict's key type, every value stored its value type (`dictdef.rs`).

use crate::annotate::OpCx;
use crate::dictdef::DictSide;
use crate::model::{DictDefId, DictItems, DictPart, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, HostId, Op};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

/// The methods of dicts the toolchain implements.
pub const METHODS: &[&str] = &[
    "get",
    "setdefault",
    "pop",
    "keys",
    "values",
    "items",
    "update",
    "copy",
    "clear",
    "popitem",
];

/// The dict methods of a py2 program that differ from py3's: the
/// `iter*` forms are the views, `keys()`/`values()`/`items()` return
/// fresh lists (`py2_*`), and `has_key(k)` is `k in d`.
fn py2_method(name: &str) -> Option<&'static str> {
    Some(match name {
        "iterkeys" => "keys",
        "itervalues" => "values",
        "iteritems" => "items",
        "keys" => "py2_keys",
        "values" => "py2_values",
        "items" => "py2_items",
        "has_key" => "has_key",
        _ => return None,
    })
}

/// Can values of this annotation be dict keys?
fn hashable(a: &S) -> bool {
    match a {
        S::Impossible | S::Bool | S::Int | S::Float | S::Str { .. } | S::Bytes { .. } | S::None => {
            true
        }
        S::Instance { .. } => true,
        S::Tuple(items) => items.iter().all(hashable),
        _ => false,
    }
}

fn write_key(cx: &mut OpCx, def: DictDefId, k: &S) -> Result<(), Diagnostic> {
    if !hashable(k) {
        return Err(Diagnostic::new(cx.span, format!("unhashable dict key: {} cannot be a dict key (keys are ints, floats, str, bytes, tuples of those, or instances)", k.describe())));
    }
    cx.ann.write_dict(def, DictSide::Key, k, Some(cx.span)).map_err(|old| {
        Diagnostic::new(cx.span, format!("dict key type conflict: this key is {} but the dict's keys are {}; a dict has one key type", cx.ann.describe_deep(k), cx.ann.describe_deep(&old)))
    })?;
    if let Some((eq, hash)) = cx.ann.dictdef(def).custom {
        custom_calls(cx, eq, hash, k)?;
    }
    Ok(())
}

/// An `r_dict` calls `key_eq(k, k)` and `key_hash(k)` on its keys.
fn custom_calls(cx: &mut OpCx, eq: HostId, hash: HostId, k: &S) -> Result<(), Diagnostic> {
    if k.is_impossible() {
        return Ok(());
    }
    let caller = (cx.graph, cx.block);
    let r = cx
        .ann
        .call_functions(caller, cx.span, &[eq], &[k.clone(), k.clone()], &[])?;
    if !matches!(r, S::Bool | S::Impossible) {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "the key_eq function of an r_dict must return a bool, not {}",
                r.describe()
            ),
        ));
    }
    let r = cx
        .ann
        .call_functions(caller, cx.span, &[hash], &[k.clone()], &[])?;
    if !matches!(r, S::Int | S::Impossible) {
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "the key_hash function of an r_dict must return an int, not {}",
                r.describe()
            ),
        ));
    }
    Ok(())
}

/// `r_dict(key_eq, key_hash)`: an empty dict with custom key functions.
fn r_dict(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    let (eq, hash) = match (args.first(), args.get(1)) {
        (Some(S::Functions(e)), Some(S::Functions(h))) if e.len() == 1 && h.len() == 1 => {
            (e[0], h[0])
        }
        _ => {
            return Err(Diagnostic::new(
                cx.span,
                "r_dict() takes two functions: key_eq(a, b) and key_hash(a)",
            ))
        }
    };
    let d = new_dict(cx, op, &[])?;
    if let S::Dict { def, .. } = &d {
        let def = *def;
        cx.ann.set_dict_custom(def, eq, hash);
        let k = cx.ann.dictdef(def).key.clone();
        custom_calls(cx, eq, hash, &k)?;
    }
    Ok(d)
}

fn write_value(cx: &mut OpCx, def: DictDefId, v: &S) -> Result<(), Diagnostic> {
    cx.ann.write_dict(def, DictSide::Value, v, Some(cx.span)).map_err(|old| {
        Diagnostic::new(cx.span, format!("dict value type conflict: this value is {} but the dict's values are {}; a dict has one value type", cx.ann.describe_deep(v), cx.ann.describe_deep(&old)))
    })
}

fn read(cx: &mut OpCx, def: DictDefId) -> (S, S) {
    let reader = (cx.graph, cx.block);
    cx.ann.read_dict(def, reader)
}

fn item_of(cx: &mut OpCx, def: DictDefId, what: DictItems) -> S {
    let (k, v) = read(cx, def);
    match what {
        DictItems::Keys => k,
        DictItems::Values => v,
        DictItems::Items => {
            if k.is_impossible() || v.is_impossible() {
                S::Impossible
            } else {
                S::Tuple(vec![k, v])
            }
        }
    }
}

/// `x or default`: the union, or an error naming what cannot mix.
fn union_or(cx: &mut OpCx, what: &str, a: &S, b: &S) -> R {
    cx.ann.union(a, b).ok_or_else(|| {
        Diagnostic::new(
            cx.span,
            format!(
                "{what} gives the dict's value ({}) or the default ({}), which cannot be one type",
                a.describe(),
                b.describe()
            ),
        )
    })
}

/// The result of `get`/`pop` with a default: the union of the values and
/// the default. A default that needs another representation than the
/// values (an instance of a sibling class, a float beside int values)
/// generalises the dict's values, as RPython's `generalize_value` does,
/// so the lookup and the default agree; a `None` default only makes the
/// result nullable.
fn with_default(cx: &mut OpCx, def: DictDefId, what: &str, v: &S, default: &S) -> R {
    let u = union_or(cx, what, v, default)?;
    // An int default beside float values: the result is a widened int
    // there (`rules_widen`), whose text would differ from CPython's.
    let u = if cx.ann.marking {
        crate::rules_widen::mark(v, default, &u, None, Some(cx.span))
    } else {
        u
    };
    // Compared without widening marks: an int default beside float values
    // marks the result only, not the values.
    let (ue, ve) = (u.erased(), v.erased());
    if ve.is_impossible() || ue == ve || Some(&ue) == ve.or_none().as_ref() {
        return Ok(u);
    }
    write_value(cx, def, default)?;
    Ok(u)
}

/// What iterating over a dict or one of its views gives (iteration
/// itself is the generic `Iterator` of `rules_list.rs`).
pub fn iter_item(cx: &mut OpCx, x: &S) -> Option<S> {
    match x {
        S::Dict { def, .. } => Some(item_of(cx, *def, DictItems::Keys)),
        S::DictPart {
            def,
            part: DictPart::View(w),
        } => Some(item_of(cx, *def, *w)),
        _ => None,
    }
}

/// Rules for ops on dicts; `None` if the op is not about a dict.
pub fn annotate(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> Option<R> {
    use FlowOp as F;
    if op.kind == F::NewDict {
        return Some(new_dict(cx, op, args));
    }
    let first = args.first()?;
    let r = match (op.kind, first) {
        (F::GetItem, S::Dict { def, .. }) => {
            let def = *def;
            write_key(cx, def, &args[1]).map(|_| read(cx, def).1)
        }
        (F::SetItem, S::Dict { def, .. }) => {
            let def = *def;
            write_key(cx, def, &args[1])
                .and_then(|_| write_value(cx, def, &args[2]))
                .map(|_| S::None)
        }
        (F::DelItem, S::Dict { def, .. }) => {
            let def = *def;
            write_key(cx, def, &args[1]).map(|_| S::None)
        }
        (F::Contains, S::Dict { def, .. })
        | (
            F::Contains,
            S::DictPart {
                def,
                part: DictPart::View(DictItems::Keys),
            },
        ) => {
            let def = *def;
            write_key(cx, def, &args[1]).map(|_| S::Bool)
        }
        (F::Len, S::Dict { .. })
        | (
            F::Len,
            S::DictPart {
                part: DictPart::View(_),
                ..
            },
        ) => Ok(S::Int),
        (
            F::Bool | F::Not,
            S::DictPart {
                part: DictPart::View(_),
                ..
            },
        ) => Ok(S::Bool),
        (F::GetAttr, S::Dict { def, nullable }) => {
            let def = *def;
            let name = op
                .args
                .get(1)
                .and_then(Value::as_const)
                .and_then(Const::as_str)
                .unwrap_or("?");
            let found = match cx.ann.prog.py2 {
                true => py2_method(name).or_else(|| METHODS.iter().find(|m| **m == name).copied()),
                false => METHODS.iter().find(|m| **m == name).copied(),
            };
            match found.as_ref() {
                Some(m) if !*nullable => Ok(S::DictPart {
                    def,
                    part: DictPart::Method(m),
                }),
                Some(_) => Err(Diagnostic::new(
                    cx.span,
                    format!("'{name}' of a dict that may be None: test it against None first"),
                )),
                None => Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "dicts have no method '{name}' in RPython (supported: {}){}",
                        METHODS.join(", "),
                        if py2_method(name).is_some() {
                            "; it is a Python 2 method: translate the program with --py2"
                        } else {
                            ""
                        }
                    ),
                )),
            }
        }
        (
            F::SimpleCall | F::CallKw,
            S::DictPart {
                def,
                part: DictPart::Method(m),
            },
        ) => {
            let (def, m) = (*def, *m);
            if op.kind == F::CallKw {
                Err(Diagnostic::new(
                    cx.span,
                    format!("dict.{m}() takes no keyword arguments"),
                ))
            } else if let Some(w) = py2_list_method(m) {
                let view = S::DictPart {
                    def,
                    part: DictPart::View(w),
                };
                arity(cx, m, &args[1..], 0, 0)
                    .and_then(|_| crate::rules_list::list_from(cx, op, &view, false))
            } else {
                method(cx, def, m, &args[1..])
            }
        }
        (F::SimpleCall | F::CallKw, S::Builtin(Builtin::ObjRDict)) => {
            let pos = if op.kind == F::CallKw {
                &args[2..]
            } else {
                &args[1..]
            };
            r_dict(cx, op, pos)
        }
        (F::SimpleCall, S::Builtin(Builtin::DictFn)) => dict_fn(cx, op, &args[1..]),
        (F::Eq | F::Ne, S::Dict { .. }) => Err(Diagnostic::new(
            cx.span,
            "comparing dicts with == is not supported; compare their entries",
        )),
        _ => return None,
    };
    Some(r)
}

fn new_dict(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    let site = (cx.graph, op.result);
    let def = match cx.ann.dict_sites.get(&site) {
        Some(&d) => d,
        None => {
            let d = cx.ann.new_dict(S::Impossible, S::Impossible);
            cx.ann.dict_sites.insert(site, d);
            d
        }
    };
    for pair in args.chunks(2) {
        write_key(cx, def, &pair[0])?;
        write_value(cx, def, &pair[1])?;
    }
    Ok(S::Dict {
        def,
        nullable: false,
    })
}

fn dict_fn(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    match args {
        [] => new_dict(cx, op, &[]),
        // `dict(d)` is a copy: same types as `d`.
        [S::Dict {
            def,
            nullable: false,
        }] => Ok(S::Dict {
            def: *def,
            nullable: false,
        }),
        _ => Err(Diagnostic::new(
            cx.span,
            "dict() takes no argument or a dict here",
        )),
    }
}

fn arity(cx: &OpCx, m: &str, args: &[S], min: usize, max: usize) -> Result<(), Diagnostic> {
    if args.len() < min || args.len() > max {
        let expect = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "dict.{m}() takes {expect} argument{} ({} given)",
                if max == 1 { "" } else { "s" },
                args.len()
            ),
        ));
    }
    Ok(())
}

/// py2's `keys()`/`values()`/`items()`: a list of the view's items.
pub fn py2_list_method(m: &str) -> Option<DictItems> {
    Some(match m {
        "py2_keys" => DictItems::Keys,
        "py2_values" => DictItems::Values,
        "py2_items" => DictItems::Items,
        _ => return None,
    })
}

fn method(cx: &mut OpCx, def: DictDefId, m: &'static str, args: &[S]) -> R {
    match m {
        "has_key" => {
            arity(cx, m, args, 1, 1)?;
            write_key(cx, def, &args[0])?;
            Ok(S::Bool)
        }
        "get" => {
            arity(cx, m, args, 1, 2)?;
            write_key(cx, def, &args[0])?;
            let v = read(cx, def).1;
            let default = args.get(1).cloned().unwrap_or(S::None);
            with_default(cx, def, "dict.get()", &v, &default)
        }
        "setdefault" => {
            arity(cx, m, args, 2, 2)?;
            write_key(cx, def, &args[0])?;
            write_value(cx, def, &args[1])?;
            Ok(read(cx, def).1)
        }
        "pop" => {
            arity(cx, m, args, 1, 2)?;
            write_key(cx, def, &args[0])?;
            let v = read(cx, def).1;
            match args.get(1) {
                Some(d) => with_default(cx, def, "dict.pop()", &v, d),
                None => Ok(v),
            }
        }
        "popitem" => {
            arity(cx, m, args, 0, 0)?;
            Ok(item_of(cx, def, DictItems::Items))
        }
        "keys" | "values" | "items" => {
            arity(cx, m, args, 0, 0)?;
            let w = match m {
                "keys" => DictItems::Keys,
                "values" => DictItems::Values,
                _ => DictItems::Items,
            };
            Ok(S::DictPart {
                def,
                part: DictPart::View(w),
            })
        }
        "update" => {
            arity(cx, m, args, 1, 1)?;
            match &args[0] {
                S::Dict {
                    def: other,
                    nullable: false,
                } => {
                    let other = *other;
                    let (k1, v1) = read(cx, def);
                    let (k2, v2) = read(cx, other);
                    if cx.ann.union(&k1, &k2).is_none() || cx.ann.union(&v1, &v2).is_none() {
                        return Err(Diagnostic::new(cx.span, format!(
                            "dict.update(): a dict of {} -> {} cannot take the entries of a dict of {} -> {}",
                            k1.describe(), v1.describe(), k2.describe(), v2.describe()
                        )));
                    }
                    let merged = cx.ann.union(
                        &S::Dict {
                            def,
                            nullable: false,
                        },
                        &S::Dict {
                            def: other,
                            nullable: false,
                        },
                    );
                    if merged.is_none() {
                        return Err(Diagnostic::new(
                            cx.span,
                            "dict.update(): the two dicts' key or value types differ",
                        ));
                    }
                    Ok(S::None)
                }
                a => Err(Diagnostic::new(
                    cx.span,
                    format!("dict.update() takes a dict here, not {}", a.describe()),
                )),
            }
        }
        "copy" => {
            arity(cx, m, args, 0, 0)?;
            Ok(S::Dict {
                def,
                nullable: false,
            })
        }
        "clear" => {
            arity(cx, m, args, 0, 0)?;
            Ok(S::None)
        }
        _ => Err(Diagnostic::new(
            cx.span,
            format!("dict.{m}() is not supported"),
        )),
    }
}
