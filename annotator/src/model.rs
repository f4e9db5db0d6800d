//! The annotation lattice (RPython's `SomeXxx`): what the annotator knows
//! about the values a variable can hold at run time.
//!
//! Lists share a `ListDefId`: every alias of a list points at one
//! definition, so a write through any alias generalises the item type seen
//! by all of them (definitions are merged with union-find in the
//! annotator).

use cranelift_entity::entity_impl;
use rpy_flow::{Builtin, HostId};
use std::fmt;

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListDefId(u32);
entity_impl!(ListDefId, "listdef");

/// A dict definition shared by all aliases of a dict (like `ListDefId`).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DictDefId(u32);
entity_impl!(DictDefId, "dictdef");

/// Which part of a dict's entries a view or iterator yields.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DictItems {
    Keys,
    Values,
    Items,
}

/// What a `SomeValue::DictPart` is, besides the dict it belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DictPart {
    /// `d.keys()`, `d.values()`, `d.items()`.
    View(DictItems),
    /// `d.get`, `d.pop`, ...: a method bound to the dict.
    Method(&'static str),
}

/// One point of the lattice. `Impossible` is bottom (no value yet).
#[derive(Clone, Debug, PartialEq)]
pub enum SomeValue {
    Impossible,
    /// The `None` constant (and nothing else).
    None,
    Bool,
    Int,
    /// An unsigned machine word (`r_uint`).
    Unsigned,
    Float,
    /// A str of exactly one character (RPython's `SomeChar`), represented
    /// as its code point in a machine word (`rules_char.rs`); never None.
    Char,
    Str {
        nullable: bool,
    },
    Bytes {
        nullable: bool,
    },
    Tuple(Vec<SomeValue>),
    List {
        def: ListDefId,
        nullable: bool,
    },
    /// A dict (annotator/src/rules_dict.rs); `def` holds key and value types.
    Dict {
        def: DictDefId,
        nullable: bool,
    },
    /// A view, iterator or bound method of a dict (represented as the dict).
    DictPart {
        def: DictDefId,
        part: DictPart,
    },
    /// The result of `range(...)`.
    Range,
    /// An iterator over a range.
    RangeIter,
    /// A set of prebuilt functions (usually one).
    Functions(Vec<HostId>),
    /// A prebuilt class (as a value: `except C`, `C(...)`, `isinstance`).
    Class(HostId),
    /// A builtin function or module.
    Builtin(Builtin),
    /// A support-package object or method (`crate::rules_rlib`).
    Intrinsic(crate::rules_rlib::Intrinsic),
    /// An instance of (a subclass of) this class (user classes and builtin
    /// exception classes alike), or `None` if `nullable`.
    Instance {
        class: HostId,
        nullable: bool,
    },
    /// `inst.name` where `name` is a method of the class family of `class`
    /// (the receiver's static class); represented as the receiver itself.
    Method {
        class: HostId,
        name: String,
    },
    /// `BaseException.__init__` (or a subclass's, not overridden), unbound:
    /// called as `Exception.__init__(self, msg)` or via `super()`.
    ExcInit,
    /// `super(start, obj)` (`name` None) or `super(start, obj).name`: a
    /// method found statically on the classes after `start` in the MRO of
    /// `obj` (of class `recv`); represented as `obj` (`rules_super.rs`).
    Super {
        start: HostId,
        recv: HostId,
        name: Option<String>,
    },
    /// `recv.name` where `name` is a method of a builtin type (str, bytes,
    /// string builders, ...), bound to its receiver. Represented as the
    /// receiver itself; calling it passes the receiver first.
    BuiltinMethod {
        recv: Box<SomeValue>,
        name: String,
    },
    /// An `rpython.rlib.rstring.StringBuilder` (or `UnicodeBuilder`).
    StrBuilder,
    /// An iterator over the iterable `0` (a list, str, bytes, tuple,
    /// `Enumerate`, `Zip` or `Reversed`; ranges have `RangeIter`).
    Iterator(Box<SomeValue>),
    /// `enumerate(x)`, `zip(a, b, ...)`, `reversed(x)`: only iterated.
    Enumerate(Box<SomeValue>),
    Zip(Vec<SomeValue>),
    Reversed(Box<SomeValue>),
    /// A float (or int) that is an int (or bool) on some path: RPython
    /// widens it, which changes its text (`716.0` for `716`, `1` for
    /// `True`). Only the annotator sees it: rules get the plain `base`,
    /// text conversions refuse it (`rules_widen.rs`), and it is erased
    /// before the rtyper runs.
    Widened(Box<Widened>),
}

/// Where a widened number comes from (`SomeValue::Widened`).
#[derive(Clone, Debug, PartialEq)]
pub struct Widened {
    /// `Float` or `Int`.
    pub base: SomeValue,
    /// `Int` or `Bool`: what the value is on the narrower path.
    pub from: SomeValue,
    /// Where the narrower value enters (an assignment, a call, a store).
    pub at: Option<rpy_syntax::Span>,
}

/// Why two annotations cannot be merged.
#[derive(Clone, Debug, PartialEq)]
pub struct UnionError;

/// What `union` needs from the annotator: merging list definitions and
/// finding the common base of two classes.
pub trait UnionCx {
    /// Merge two list definitions; fails if their item types clash.
    fn merge_lists(&mut self, a: ListDefId, b: ListDefId) -> Result<ListDefId, UnionError>;
    fn merge_dicts(&mut self, a: DictDefId, b: DictDefId) -> DictDefId;
    fn common_base(&self, a: HostId, b: HostId) -> Option<HostId>;
}

impl Default for SomeValue {
    fn default() -> Self {
        SomeValue::Impossible
    }
}

impl SomeValue {
    pub fn is_impossible(&self) -> bool {
        matches!(self, SomeValue::Impossible)
    }

    /// Can this be `None` at run time?
    pub fn can_be_none(&self) -> bool {
        match self {
            SomeValue::None => true,
            SomeValue::Str { nullable }
            | SomeValue::Bytes { nullable }
            | SomeValue::List { nullable, .. } => *nullable,
            SomeValue::Instance { nullable, .. } => *nullable,
            SomeValue::Dict { nullable, .. } => *nullable,
            _ => false,
        }
    }

    /// The same annotation, also allowing `None`, if that is representable.
    pub fn or_none(&self) -> Option<SomeValue> {
        Some(match self {
            SomeValue::None => SomeValue::None,
            SomeValue::Str { .. } | SomeValue::Char => SomeValue::Str { nullable: true },
            SomeValue::Bytes { .. } => SomeValue::Bytes { nullable: true },
            SomeValue::List { def, .. } => SomeValue::List {
                def: *def,
                nullable: true,
            },
            SomeValue::Dict { def, .. } => SomeValue::Dict {
                def: *def,
                nullable: true,
            },
            SomeValue::Instance { class, .. } => SomeValue::Instance {
                class: *class,
                nullable: true,
            },
            _ => return None,
        })
    }

    /// The same annotation without `None`, if it allows `None` and
    /// something else (what `x is not None` or a true `if x:` tells).
    pub fn without_none(&self) -> Option<SomeValue> {
        Some(match self {
            SomeValue::Str { nullable: true } => SomeValue::Str { nullable: false },
            SomeValue::Bytes { nullable: true } => SomeValue::Bytes { nullable: false },
            SomeValue::List {
                def,
                nullable: true,
            } => SomeValue::List {
                def: *def,
                nullable: false,
            },
            SomeValue::Dict {
                def,
                nullable: true,
            } => SomeValue::Dict {
                def: *def,
                nullable: false,
            },
            SomeValue::Instance {
                class,
                nullable: true,
            } => SomeValue::Instance {
                class: *class,
                nullable: false,
            },
            _ => return None,
        })
    }

    /// Least upper bound, for everything but lists (whose definitions the
    /// annotator merges itself: `merge_lists` is called for two list defs).
    pub fn union(&self, other: &SomeValue, cx: &mut dyn UnionCx) -> Result<SomeValue, UnionError> {
        use SomeValue as S;
        Ok(match (self, other) {
            (S::Impossible, x) | (x, S::Impossible) => x.clone(),
            (a, b) if a == b => a.clone(),
            // A widened number stays widened (its first origin kept).
            (S::Widened(w), x) | (x, S::Widened(w)) => {
                let base = w.base.union(&x.erased(), cx)?;
                if !matches!(base, S::Int | S::Float) {
                    return Err(UnionError);
                }
                S::Widened(Box::new(Widened {
                    base,
                    from: w.from.clone(),
                    at: w.at,
                }))
            }
            (S::None, x) | (x, S::None) => x.or_none().ok_or(UnionError)?,
            (S::Bool, S::Int) | (S::Int, S::Bool) => S::Int,
            (S::Bool | S::Int, S::Unsigned) | (S::Unsigned, S::Bool | S::Int) => S::Unsigned,
            (S::Int | S::Bool, S::Float) | (S::Float, S::Int | S::Bool) => S::Float,
            (S::Str { nullable: a }, S::Str { nullable: b }) => S::Str { nullable: *a || *b },
            // A char meeting a str becomes a str (converted where it flows).
            (S::Char, S::Str { nullable }) | (S::Str { nullable }, S::Char) => S::Str {
                nullable: *nullable,
            },
            (S::Bytes { nullable: a }, S::Bytes { nullable: b }) => S::Bytes { nullable: *a || *b },
            (S::Tuple(a), S::Tuple(b)) if a.len() == b.len() => {
                let mut items = Vec::with_capacity(a.len());
                for (x, y) in a.iter().zip(b) {
                    items.push(x.union(y, cx)?);
                }
                S::Tuple(items)
            }
            (
                S::List {
                    def: a,
                    nullable: na,
                },
                S::List {
                    def: b,
                    nullable: nb,
                },
            ) => S::List {
                def: cx.merge_lists(*a, *b)?,
                nullable: *na || *nb,
            },
            (
                S::Dict {
                    def: a,
                    nullable: na,
                },
                S::Dict {
                    def: b,
                    nullable: nb,
                },
            ) => S::Dict {
                def: cx.merge_dicts(*a, *b),
                nullable: *na || *nb,
            },
            (S::DictPart { def: a, part: pa }, S::DictPart { def: b, part: pb }) if pa == pb => {
                S::DictPart {
                    def: cx.merge_dicts(*a, *b),
                    part: *pa,
                }
            }
            (S::Functions(a), S::Functions(b)) => {
                let mut all = a.clone();
                for f in b {
                    if !all.contains(f) {
                        all.push(*f);
                    }
                }
                all.sort();
                S::Functions(all)
            }
            (
                S::Instance {
                    class: a,
                    nullable: na,
                },
                S::Instance {
                    class: b,
                    nullable: nb,
                },
            ) => S::Instance {
                class: cx.common_base(*a, *b).ok_or(UnionError)?,
                nullable: *na || *nb,
            },
            (S::Method { class: a, name: na }, S::Method { class: b, name: nb }) if na == nb => {
                S::Method {
                    class: cx.common_base(*a, *b).ok_or(UnionError)?,
                    name: na.clone(),
                }
            }
            (S::Iterator(a), S::Iterator(b)) => S::Iterator(Box::new(a.union(b, cx)?)),
            (S::Enumerate(a), S::Enumerate(b)) => S::Enumerate(Box::new(a.union(b, cx)?)),
            (S::Reversed(a), S::Reversed(b)) => S::Reversed(Box::new(a.union(b, cx)?)),
            (S::Zip(a), S::Zip(b)) if a.len() == b.len() => S::Zip(
                a.iter()
                    .zip(b)
                    .map(|(x, y)| x.union(y, cx))
                    .collect::<Result<_, _>>()?,
            ),
            // A char's method is represented by the char: it does not
            // merge with a str's.
            (S::BuiltinMethod { recv: a, name: na }, S::BuiltinMethod { recv: b, name: nb })
                if na == nb && (**a == S::Char) == (**b == S::Char) =>
            {
                S::BuiltinMethod {
                    recv: Box::new(a.union(b, cx)?),
                    name: na.clone(),
                }
            }
            (S::Class(a), S::Class(b)) => S::Class(cx.common_base(*a, *b).ok_or(UnionError)?),
            _ => return Err(UnionError),
        })
    }

    /// The annotation without `Widened` marks (also inside tuples).
    pub fn erased(&self) -> SomeValue {
        match self {
            SomeValue::Widened(w) => w.base.clone(),
            SomeValue::Tuple(items) if items.iter().any(SomeValue::has_widened) => {
                SomeValue::Tuple(items.iter().map(SomeValue::erased).collect())
            }
            other => other.clone(),
        }
    }

    /// Is there a `Widened` mark here (or inside a tuple)?
    pub fn has_widened(&self) -> bool {
        match self {
            SomeValue::Widened(_) => true,
            SomeValue::Tuple(items) => items.iter().any(SomeValue::has_widened),
            _ => false,
        }
    }

    /// Like `describe`, naming classes.
    pub fn describe_in(&self, prog: &rpy_flow::Program) -> String {
        match self {
            SomeValue::Instance { class, nullable } => {
                format!(
                    "an instance of {}{}",
                    prog.class(*class).name,
                    if *nullable { " or None" } else { "" }
                )
            }
            SomeValue::Method { class, name } => {
                format!("the method {}.{name}()", prog.class(*class).name)
            }
            SomeValue::Class(c) => format!("the class {}", prog.class(*c).name),
            other => other.describe(),
        }
    }

    /// Short description for error messages (`int`, `str or None`, ...).
    pub fn describe(&self) -> String {
        match self {
            SomeValue::Impossible => "nothing (not yet known)".into(),
            SomeValue::None => "None".into(),
            SomeValue::Bool => "bool".into(),
            SomeValue::Int => "int".into(),
            SomeValue::Unsigned => "r_uint".into(),
            SomeValue::Intrinsic(i) => i.describe(),
            SomeValue::Float => "float".into(),
            SomeValue::Str { nullable } => if *nullable { "str or None" } else { "str" }.into(),
            SomeValue::Char => "str".into(),
            SomeValue::Bytes { nullable } => {
                if *nullable { "bytes or None" } else { "bytes" }.into()
            }
            SomeValue::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|i| i.describe()).collect();
                format!("tuple[{}]", parts.join(", "))
            }
            SomeValue::List { nullable, .. } => {
                if *nullable { "list or None" } else { "list" }.into()
            }
            SomeValue::Dict { nullable, .. } => {
                if *nullable { "dict or None" } else { "dict" }.into()
            }
            SomeValue::DictPart {
                part: DictPart::View(k),
                ..
            } => format!("dict_{}", format!("{k:?}").to_lowercase()),
            SomeValue::DictPart {
                part: DictPart::Method(m),
                ..
            } => format!("the dict method {m}()"),
            SomeValue::Range => "range".into(),
            SomeValue::RangeIter => "range iterator".into(),
            SomeValue::Functions(f) if f.len() == 1 => "a function".into(),
            SomeValue::Functions(_) => "one of several functions".into(),
            SomeValue::Class(_) => "a class".into(),
            SomeValue::Builtin(b) => format!("the builtin {}", b.name()),
            SomeValue::Instance { nullable, .. } => if *nullable {
                "an instance or None"
            } else {
                "an instance"
            }
            .into(),
            SomeValue::Method { name, .. } => format!("the method {name}()"),
            SomeValue::ExcInit => "BaseException.__init__".into(),
            SomeValue::Super { name: None, .. } => "a super() object".into(),
            SomeValue::Super { name: Some(n), .. } => format!("the method super().{n}()"),
            SomeValue::BuiltinMethod { recv, name } => {
                format!("the method {name}() of {}", recv.describe())
            }
            SomeValue::StrBuilder => "a StringBuilder".into(),
            SomeValue::Iterator(x) => format!("iterator over {}", x.describe()),
            SomeValue::Enumerate(x) => format!("enumerate({})", x.describe()),
            SomeValue::Reversed(x) => format!("reversed({})", x.describe()),
            SomeValue::Widened(w) => w.base.describe(),
            SomeValue::Zip(xs) => format!(
                "zip({})",
                xs.iter()
                    .map(|x| x.describe())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl fmt::Display for SomeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Cx;
    impl UnionCx for Cx {
        fn merge_lists(&mut self, a: ListDefId, _: ListDefId) -> Result<ListDefId, UnionError> {
            Ok(a)
        }
        fn merge_dicts(&mut self, a: DictDefId, _: DictDefId) -> DictDefId {
            a
        }
        fn common_base(&self, _: HostId, _: HostId) -> Option<HostId> {
            None
        }
    }

    fn u(a: SomeValue, b: SomeValue) -> Result<SomeValue, UnionError> {
        a.union(&b, &mut Cx)
    }

    #[test]
    fn unions() {
        use SomeValue as S;
        assert_eq!(u(S::Int, S::Bool), Ok(S::Int));
        assert_eq!(u(S::Int, S::Float), Ok(S::Float));
        assert_eq!(
            u(S::None, S::Str { nullable: false }),
            Ok(S::Str { nullable: true })
        );
        assert_eq!(u(S::Impossible, S::Float), Ok(S::Float));
        assert_eq!(u(S::Int, S::Str { nullable: false }), Err(UnionError));
        assert_eq!(u(S::None, S::Int), Err(UnionError));
        assert_eq!(u(S::Char, S::Char), Ok(S::Char));
        assert_eq!(
            u(S::Char, S::Str { nullable: false }),
            Ok(S::Str { nullable: false })
        );
        assert_eq!(u(S::None, S::Char), Ok(S::Str { nullable: true }));
        assert_eq!(u(S::Char, S::Int), Err(UnionError));
        assert_eq!(
            u(
                S::Tuple(vec![S::Int, S::Bool]),
                S::Tuple(vec![S::Bool, S::Float])
            ),
            Ok(S::Tuple(vec![S::Int, S::Float]))
        );
    }

    #[test]
    fn widened_marks_stay() {
        use SomeValue as S;
        let w = S::Widened(Box::new(Widened {
            base: S::Int,
            from: S::Bool,
            at: None,
        }));
        let f = u(w.clone(), S::Float).unwrap();
        assert!(matches!(&f, S::Widened(x) if x.base == S::Float && x.from == S::Bool));
        assert_eq!(u(S::Int, w.clone()), Ok(w.clone()));
        assert_eq!(u(w.clone(), S::Str { nullable: false }), Err(UnionError));
        let t = S::Tuple(vec![w.clone(), S::Int]);
        assert!(t.has_widened());
        assert_eq!(t.erased(), S::Tuple(vec![S::Int, S::Int]));
    }
}
