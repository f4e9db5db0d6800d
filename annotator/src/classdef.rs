//! Class definitions (RPython's `ClassDef`): the class tree seen by the
//! annotator and the instance attributes collected from every write.
//!
//! * The class tree follows each class's *real* base: the first base that
//!   is not a `_mixin_` class. A mixin's namespace is copied into every
//!   class that lists it (lookups see it right after the class's own
//!   namespace); it is never a base at run time.
//! * An instance attribute lives on the highest class of the family where
//!   it is written or read ("home"): a write on `C` of a name already homed
//!   on an ancestor generalises that attribute; a name homed on
//!   descendants moves up to `C`, merging their annotations and readers
//!   (sibling classes may each have a same-named attribute of another
//!   type until a common base uses it; then the union must exist, or the
//!   use on the base is refused).
//!   Every block that read an attribute is re-flowed when it generalises.
//! * Class-level namespace entries (methods, constants) are looked up
//!   through the class, its mixins, then its real base (`lookup`).

use crate::annotate::GraphId;
use crate::model::SomeValue;
use rpy_flow::{Block, Const, HostId, HostObj, Program};
use rpy_syntax::Span;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One instance attribute, on its home class.
#[derive(Clone, Debug, Default)]
pub struct AttrDef {
    pub ann: SomeValue,
    pub readers: HashSet<(GraphId, Block)>,
    /// First read and write positions (for errors).
    pub read_at: Option<Span>,
    pub written_at: Option<Span>,
}

/// An attribute of a subclass moved up to a class that uses the same
/// name (`ClassDefs::ensure_attr`).
#[derive(Clone, Debug)]
pub struct MovedAttr {
    pub class: HostId,
    pub ann: SomeValue,
    pub written_at: Option<Span>,
}

/// The annotator's view of the program's classes.
#[derive(Debug, Default)]
pub struct ClassDefs {
    /// Real subclasses of each class, in definition order.
    pub children: HashMap<HostId, Vec<HostId>>,
    /// Instance attributes by home class.
    pub attrs: HashMap<HostId, BTreeMap<String, AttrDef>>,
    /// Blocks that read a class-level constant or method by this name on
    /// an instance (re-flowed if an instance attribute of that name
    /// appears).
    pub class_readers: HashMap<String, HashSet<(GraphId, Block)>>,
    /// Prebuilt instances whose attributes were fed into the classdefs.
    pub seen_prebuilt: HashSet<HostId>,
    /// Attributes of prebuilt instances whose value has no run-time
    /// representation (a bound method, a range object, ...): (the
    /// instance's class, attribute, what the value is). Reading such an
    /// attribute at run time is refused (`check_attrs`).
    pub unusable: Vec<(HostId, String, String)>,
    /// Exception constructions and `__init__` calls: (class, args tuple,
    /// where), replayed into `args` when it is read (`rules_exc`).
    pub exc_args: Vec<(HostId, SomeValue, Span)>,
    /// Reads of `args` (`e.args`, `repr(e)`) on families that hold builtin
    /// exception classes: (static class, where); see `rules_exc::finish_args`.
    pub exc_args_reads: Vec<(HostId, Span)>,
}

/// Is `c` a `_mixin_ = True` class?
pub fn is_mixin(prog: &Program, c: HostId) -> bool {
    match &prog.objs[c] {
        HostObj::Class(cls) => cls
            .attrs
            .iter()
            .any(|(n, v)| n == "_mixin_" && matches!(v, Const::Bool(true))),
        _ => false,
    }
}

/// The real base of a class: its first non-mixin base.
pub fn real_base(prog: &Program, c: HostId) -> Option<HostId> {
    prog.class(c)
        .bases
        .iter()
        .copied()
        .find(|&b| !is_mixin(prog, b))
}

/// Is `sub` the class `sup` or a real subclass of it?
pub fn is_subclass(prog: &Program, sub: HostId, sup: HostId) -> bool {
    let mut c = Some(sub);
    while let Some(k) = c {
        if k == sup {
            return true;
        }
        c = real_base(prog, k);
    }
    false
}

/// The closest common real base of two classes.
pub fn common_base(prog: &Program, a: HostId, b: HostId) -> Option<HostId> {
    let mut c = Some(a);
    while let Some(k) = c {
        if is_subclass(prog, b, k) {
            return Some(k);
        }
        c = real_base(prog, k);
    }
    None
}

/// `c` and its real ancestors, nearest first.
pub fn ancestors(prog: &Program, c: HostId) -> Vec<HostId> {
    let mut out = Vec::new();
    let mut k = Some(c);
    while let Some(x) = k {
        out.push(x);
        k = real_base(prog, x);
    }
    out
}

/// A class-level name: the class's own namespace, then its bases in
/// order, a mixin's namespace (and its bases') or the real base's whole
/// chain, as CPython's method resolution order reads them (a mixin listed
/// after the real base only supplies what that chain lacks). Returns the
/// value and the class whose namespace holds it.
pub fn lookup(prog: &Program, c: HostId, name: &str) -> Option<(HostId, Const)> {
    let cls = prog.class(c);
    if let Some((_, v)) = cls.attrs.iter().find(|(n, _)| n == name) {
        return Some((c, v.clone()));
    }
    let real = real_base(prog, c);
    for &b in &cls.bases {
        let found = if is_mixin(prog, b) {
            lookup_mixin(prog, b, name)
        } else if Some(b) == real {
            lookup(prog, b, name)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn lookup_mixin(prog: &Program, m: HostId, name: &str) -> Option<(HostId, Const)> {
    let cls = prog.class(m);
    if let Some((_, v)) = cls.attrs.iter().find(|(n, _)| n == name) {
        return Some((m, v.clone()));
    }
    cls.bases.iter().find_map(|&b| lookup_mixin(prog, b, name))
}

/// Is this function a `@staticmethod`?
pub fn is_staticmethod(prog: &Program, f: HostId) -> bool {
    match &prog.objs[f] {
        HostObj::Function(fo) => {
            fo.def.decorators.iter().any(
                |d| matches!(&d.kind, rpy_syntax::ast::ExprKind::Name(n) if n == "staticmethod"),
            )
        }
        _ => false,
    }
}

/// Is `v` a function (a method when looked up on an instance)?
pub fn is_function(prog: &Program, v: &Const) -> bool {
    matches!(v, Const::Host(h) if matches!(prog.objs[*h], HostObj::Function(_)))
}

/// Names that a class body defines for the toolchain, not the program.
pub fn is_hint(name: &str) -> bool {
    matches!(
        name,
        "_attrs_"
            | "_immutable_fields_"
            | "_immutable_"
            | "_mixin_"
            | "_virtualizable_"
            | "__module__"
            | "__qualname__"
            | "__doc__"
            | "__slots__"
    )
}

impl ClassDefs {
    pub fn new(prog: &Program) -> Self {
        let mut children: HashMap<HostId, Vec<HostId>> = HashMap::new();
        for (id, obj) in prog.objs.iter() {
            if let HostObj::Class(_) = obj {
                if is_mixin(prog, id) {
                    continue;
                }
                if let Some(b) = real_base(prog, id) {
                    children.entry(b).or_default().push(id);
                }
            }
        }
        ClassDefs {
            children,
            ..Default::default()
        }
    }

    /// `c` and all its real subclasses, in preorder.
    pub fn subtree(&self, c: HostId) -> Vec<HostId> {
        let mut out = Vec::new();
        let mut stack = vec![c];
        while let Some(k) = stack.pop() {
            out.push(k);
            if let Some(ch) = self.children.get(&k) {
                stack.extend(ch.iter().rev().copied());
            }
        }
        out
    }

    /// The class among `c` and its ancestors where instance attribute
    /// `name` lives.
    pub fn home(&self, prog: &Program, c: HostId, name: &str) -> Option<HostId> {
        ancestors(prog, c)
            .into_iter()
            .find(|k| self.attrs.get(k).is_some_and(|a| a.contains_key(name)))
    }

    /// Does any class in `c`'s family (ancestors or descendants) have an
    /// instance attribute `name`?
    pub fn has_instance_attr(&self, prog: &Program, c: HostId, name: &str) -> bool {
        self.home(prog, c, name).is_some()
            || self
                .subtree(c)
                .iter()
                .any(|k| self.attrs.get(k).is_some_and(|a| a.contains_key(name)))
    }

    /// The instance attribute `name` as seen from class `c`, created on
    /// `c` if it lives nowhere above: attributes of the same name on
    /// descendants move up into it. Returns its home and the blocks to
    /// re-flow (readers of moved attributes) and the moved attributes
    /// (their class, annotation and first write), which the caller unions
    /// into the new one.
    pub fn ensure_attr(
        &mut self,
        prog: &Program,
        c: HostId,
        name: &str,
    ) -> (HostId, Vec<(GraphId, Block)>, Vec<MovedAttr>) {
        if let Some(h) = self.home(prog, c, name) {
            return (h, Vec::new(), Vec::new());
        }
        let mut merged = AttrDef::default();
        let mut requeue = Vec::new();
        let mut anns = Vec::new();
        for k in self.subtree(c) {
            if let Some(a) = self.attrs.get_mut(&k).and_then(|m| m.remove(name)) {
                requeue.extend(a.readers.iter().copied());
                merged.readers.extend(a.readers);
                merged.read_at = merged.read_at.or(a.read_at);
                merged.written_at = merged.written_at.or(a.written_at);
                anns.push(MovedAttr {
                    class: k,
                    ann: a.ann,
                    written_at: a.written_at,
                });
            }
        }
        if let Some(rs) = self.class_readers.get(name) {
            requeue.extend(rs.iter().copied());
        }
        merged.ann = SomeValue::Impossible;
        self.attrs
            .entry(c)
            .or_default()
            .insert(name.to_string(), merged);
        (c, requeue, anns)
    }
}
