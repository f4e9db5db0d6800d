//! Reaching methods of base classes: `BaseException.__init__` (which sets
//! an exception's `args`, and so its `str()`), `super(C, obj)` objects and
//! the method resolution order they follow (C3, as CPython).

use super::{EvalError, EvalResult, Evaluator, Step};
use crate::host::{Builtin, HostId, HostObj};
use crate::model::Const;
use rpy_syntax::Span;

impl Evaluator<'_> {
    /// `BaseException.__init__(self, *args)` and `super(C, obj)`.
    pub(super) fn call_inherit_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        match b {
            Builtin::ExcInit => {
                let Some(Const::Host(h)) = args.first() else {
                    return Err(EvalError::user(
                        span,
                        "BaseException.__init__() needs an exception instance",
                    ));
                };
                let h = *h;
                let class = match &self.prog.objs[h] {
                    HostObj::Instance { class, .. } if self.is_exception_class(*class) => *class,
                    _ => {
                        let t = self.type_desc(&args[0]);
                        let m = format!("descriptor '__init__' requires a 'BaseException' object but received a '{t}'");
                        return Err(self.exc_msg("TypeError", m, span));
                    }
                };
                if !kwargs.is_empty() {
                    let m = format!(
                        "{}() takes no keyword arguments",
                        self.prog.class(class).name
                    );
                    return Err(self.exc_msg("TypeError", m, span));
                }
                let value = Const::Tuple(args[1..].to_vec().into());
                if let HostObj::Instance { attrs, .. } = &mut self.prog.objs[h] {
                    match attrs.iter_mut().find(|(n, _)| n == "args") {
                        Some(slot) => slot.1 = value,
                        None => attrs.push(("args".into(), value)),
                    }
                }
                Ok(Const::None)
            }
            Builtin::Super => {
                if !kwargs.is_empty() {
                    return Err(EvalError::user(span, "super() takes no keyword arguments"));
                }
                let (cls, obj) = match args.as_slice() {
                    [] => return Err(self.exc_msg("RuntimeError", "super(): no arguments", span)),
                    [Const::Host(c), obj] if matches!(self.prog.objs[*c], HostObj::Class(_)) => {
                        (*c, obj.clone())
                    }
                    [_, _] => {
                        return Err(self.exc_msg(
                            "TypeError",
                            "super() argument 1 must be a type",
                            span,
                        ))
                    }
                    _ => {
                        return Err(EvalError::user(
                            span,
                            "super() takes a class and an instance (or no arguments in a method)",
                        ))
                    }
                };
                let inst_class = match &obj {
                    Const::Host(h) => match &self.prog.objs[*h] {
                        HostObj::Instance { class, .. } => Some(*class),
                        _ => None,
                    },
                    _ => None,
                };
                match inst_class {
                    Some(c) if self.prog.is_subclass(c, cls) => {}
                    _ => {
                        let m = "super(type, obj): obj must be an instance or subtype of type";
                        return Err(self.exc_msg("TypeError", m, span));
                    }
                }
                let attrs = vec![
                    ("__thisclass__".to_string(), Const::Host(cls)),
                    ("__self__".to_string(), obj),
                ];
                Ok(Const::Host(self.prog.objs.push(HostObj::Intrinsic {
                    kind: Builtin::Super,
                    attrs,
                })))
            }
            _ => unreachable!("not an inheritance builtin: {b:?}"),
        }
    }

    /// `C.name` for attributes no class defines but the builtin exception
    /// classes provide.
    pub(super) fn builtin_class_attr(&self, cls: HostId, name: &str) -> Option<Const> {
        (name == "__init__" && self.is_exception_class(cls))
            .then_some(Const::Builtin(Builtin::ExcInit))
    }

    /// The `(__thisclass__, __self__)` of a super object.
    pub(super) fn super_parts(&self, h: HostId) -> Option<(HostId, Const)> {
        match &self.prog.objs[h] {
            HostObj::Intrinsic {
                kind: Builtin::Super,
                attrs,
            } => {
                let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
                match (get("__thisclass__")?, get("__self__")?) {
                    (Const::Host(c), obj) => Some((c, obj)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `name` looked up in the classes after `this` in the MRO of `obj`'s
    /// class.
    fn super_lookup(&self, this: HostId, obj: &Const, name: &str) -> Option<Const> {
        let Const::Host(h) = obj else { return None };
        let HostObj::Instance { class, .. } = &self.prog.objs[*h] else {
            return None;
        };
        let mro = self.mro(*class);
        let at = mro.iter().position(|c| *c == this)?;
        mro[at + 1..].iter().find_map(|c| {
            let own = self
                .prog
                .class(*c)
                .attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone());
            own.or_else(|| {
                if self.prog.class(*c).builtin {
                    self.builtin_class_attr(*c, name)
                } else {
                    None
                }
            })
        })
    }

    /// `super_obj.name`: functions come back bound to the super object
    /// (called through `call_super_method`), other values as they are.
    pub(super) fn super_getattr(
        &mut self,
        sup: &Const,
        h: HostId,
        name: &str,
        span: Span,
    ) -> EvalResult<Const> {
        let (this, obj) = self.super_parts(h).expect("a super object");
        if name == "__thisclass__" {
            return Ok(Const::Host(this));
        }
        if name == "__self__" {
            return Ok(obj);
        }
        match self.super_lookup(this, &obj, name) {
            Some(v @ (Const::Host(_) | Const::Builtin(Builtin::ExcInit)))
                if self.is_method_value(&v) =>
            {
                Ok(self.bound_method(sup, name))
            }
            Some(v) => Ok(v),
            // `object.__init__`, called through `call_super_method`.
            None if name == "__init__" => Ok(self.bound_method(sup, name)),
            None => Err(self.exc_msg(
                "AttributeError",
                format!("'super' object has no attribute '{name}'"),
                span,
            )),
        }
    }

    fn is_method_value(&self, v: &Const) -> bool {
        match v {
            Const::Builtin(Builtin::ExcInit) => true,
            Const::Host(f) => {
                matches!(self.prog.objs[*f], HostObj::Function(_)) && !self.is_static(v)
            }
            _ => false,
        }
    }

    /// Call `super_obj.name(args)`: the base class's function with the
    /// super object's instance first. `None` if `h` is not a super object.
    pub(super) fn call_super_method(
        &mut self,
        h: HostId,
        name: &str,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> Option<EvalResult<Step>> {
        let (this, obj) = self.super_parts(h)?;
        let Some(f) = self.super_lookup(this, &obj, name) else {
            if name == "__init__" && args.is_empty() && kwargs.is_empty() {
                // `object.__init__(self)`: nothing to do.
                return Some(Ok(Step::Value(Const::None)));
            }
            return Some(Err(self.exc_msg(
                "AttributeError",
                format!("'super' object has no attribute '{name}'"),
                span,
            )));
        };
        let mut full = vec![obj];
        full.extend(args);
        Some(self.call_value(&f, full, kwargs, span))
    }

    /// The method resolution order of a class (C3 linearization; the
    /// bases' orders merged, falling back to depth-first order where they
    /// cannot be merged).
    pub(crate) fn mro(&self, cls: HostId) -> Vec<HostId> {
        let bases = self.prog.class(cls).bases.clone();
        let mut seqs: Vec<Vec<HostId>> = bases.iter().map(|b| self.mro(*b)).collect();
        seqs.push(bases);
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return out;
            }
            let head = seqs
                .iter()
                .map(|s| s[0])
                .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
            let Some(next) = head else {
                // Inconsistent hierarchy (CPython refuses the class): keep
                // the remaining classes in depth-first order.
                for s in &seqs {
                    for c in s {
                        if !out.contains(c) {
                            out.push(*c);
                        }
                    }
                }
                return out;
            };
            out.push(next);
            for s in &mut seqs {
                if s.first() == Some(&next) {
                    s.remove(0);
                }
            }
        }
    }
}
