//! Objects and calls: attribute access on instances, classes, modules and
//! builtin values; calling functions (argument binding with defaults and
//! keywords), classes (instance creation and `__init__`), bound methods
//! and builtins; globals; `make_function`/`make_class`; raising.

use super::{EvalError, EvalResult, Evaluator, PyException, Scope, Step};
use crate::host::{Builtin, ClassObj, FunctionObj, HostId, HostObj};
use crate::model::{Const, FlowGraph};
use rpy_syntax::ast::ExprKind;
use rpy_syntax::Span;
use std::rc::Rc;

impl Evaluator<'_> {
    /// Call from Rust (a builtin calling back into Python code): runs the
    /// callee to completion.
    pub(crate) fn call_at(&mut self, f: &Const, args: Vec<Const>, span: Span) -> EvalResult<Const> {
        let step = self.call_value(f, args, Vec::new(), span)?;
        self.finish_step(step)
    }

    pub(crate) fn call_value(
        &mut self,
        f: &Const,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Step> {
        match f {
            Const::Builtin(b) => Ok(Step::Value(self.call_builtin(*b, args, kwargs, span)?)),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Function(_) => self.call_function(*h, args, kwargs, span),
                HostObj::Class(_) => self.instantiate(*h, args, kwargs, span),
                HostObj::Intrinsic {
                    kind: Builtin::JitDriverClass,
                    attrs,
                } => {
                    let attrs = attrs.clone();
                    Ok(Step::Value(
                        self.new_jitdriver_of_class(attrs, args, kwargs, span)?,
                    ))
                }
                HostObj::Intrinsic { .. } => match self.call_intrinsic(*h, args, span) {
                    Some(r) => Ok(Step::Value(r?)),
                    None => Err(self.not_callable(f, span)),
                },
                HostObj::BoundMethod { receiver, name } => {
                    let (receiver, name) = (receiver.clone(), name.clone());
                    if let Const::Host(r) = &receiver {
                        if self.super_parts(*r).is_some() {
                            return self
                                .call_super_method(*r, &name, args, kwargs, span)
                                .expect("super object");
                        }
                        if let Some(res) = self.intrinsic_method(*r, &name, &args, &kwargs, span) {
                            return Ok(Step::Value(res?));
                        }
                        if let HostObj::Instance { class, .. } = &self.prog.objs[*r] {
                            let class = *class;
                            match self.class_lookup(class, &name) {
                                Some(m @ Const::Host(_)) => {
                                    let mut full = vec![receiver.clone()];
                                    full.extend(args);
                                    return self.call_value(&m, full, kwargs, span);
                                }
                                _ => {
                                    return Err(EvalError::user(
                                        span,
                                        format!("method `{name}` not found"),
                                    ));
                                }
                            }
                        }
                    }
                    Ok(Step::Value(
                        self.call_method(&receiver, &name, args, kwargs, span)?,
                    ))
                }
                _ => Err(self.not_callable(f, span)),
            },
            _ => Err(self.not_callable(f, span)),
        }
    }

    fn not_callable(&mut self, f: &Const, span: Span) -> EvalError {
        let t = self.type_desc(f);
        EvalError::user(span, format!("'{t}' object is not callable"))
    }

    /// The flow graph of a function object (built once).
    fn function_graph(&mut self, fid: HostId, span: Span) -> EvalResult<Rc<FlowGraph>> {
        if let Some(g) = self.graphs.get(&fid) {
            return Ok(g.clone());
        }
        let g = crate::build::build_function(self.prog, fid).map_err(|mut ds| {
            let mut d = ds.remove(0);
            d.notes.push(rpy_syntax::Note {
                span: Some(span),
                message: "while calling this function".into(),
            });
            EvalError::User(d)
        })?;
        let g = Rc::new(g);
        self.graphs.insert(fid, g.clone());
        Ok(g)
    }

    /// Bind call arguments to a function's parameters.
    fn bind_args(
        &mut self,
        fid: HostId,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Vec<Const>> {
        let f = self.prog.function(fid);
        if kwargs.is_empty() && args.len() == f.def.params.len() && f.def.vararg.is_none() {
            return Ok(args);
        }
        if f.def.vararg.is_some() {
            // The extra positional arguments become the `*args` tuple,
            // passed as the graph's last parameter.
            let mut args = args;
            let extra = args.split_off(args.len().min(f.def.params.len()));
            let mut bound = self.bind_args_fixed(fid, args, kwargs, span)?;
            bound.push(Const::Tuple(extra.into()));
            return Ok(bound);
        }
        self.bind_args_fixed(fid, args, kwargs, span)
    }

    /// `bind_args` for the named parameters.
    fn bind_args_fixed(
        &mut self,
        fid: HostId,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Vec<Const>> {
        let f = self.prog.function(fid);
        let params: Vec<String> = f.def.params.iter().map(|p| p.name.clone()).collect();
        let defaults = f.defaults.clone();
        let fname = f.name.clone();
        let n = params.len();
        if args.len() > n {
            return Err(EvalError::user(
                span,
                format!(
                    "{fname}() takes {n} positional argument{} but {} were given",
                    plural(n),
                    args.len()
                ),
            ));
        }
        let mut slots: Vec<Option<Const>> = args.into_iter().map(Some).collect();
        slots.resize(n, None);
        for (k, v) in kwargs {
            let Some(i) = params.iter().position(|p| *p == k) else {
                return Err(EvalError::user(
                    span,
                    format!("{fname}() got an unexpected keyword argument '{k}'"),
                ));
            };
            if slots[i].is_some() {
                return Err(EvalError::user(
                    span,
                    format!("{fname}() got multiple values for argument '{k}'"),
                ));
            }
            slots[i] = Some(v);
        }
        let first_default = n - defaults.len().min(n);
        let mut missing = Vec::new();
        for i in 0..n {
            if slots[i].is_none() {
                if i >= first_default {
                    slots[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(format!("'{}'", params[i]));
                }
            }
        }
        if !missing.is_empty() {
            return Err(EvalError::user(
                span,
                format!(
                    "{fname}() missing {} required positional argument{}: {}",
                    missing.len(),
                    plural(missing.len()),
                    missing.join(", ")
                ),
            ));
        }
        Ok(slots.into_iter().map(|s| s.unwrap()).collect())
    }

    fn call_function(
        &mut self,
        fid: HostId,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Step> {
        let args = self.bind_args(fid, args, kwargs, span)?;
        let graph = self.function_graph(fid, span)?;
        let module = self.prog.function(fid).module;
        Ok(Step::Call {
            graph,
            args,
            scope: Scope::Module(module),
            on_return: None,
        })
    }

    pub(crate) fn is_exception_class(&self, class: HostId) -> bool {
        self.prog
            .is_subclass(class, self.prog.exc_class("BaseException"))
    }

    fn instantiate(
        &mut self,
        cls: HostId,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Step> {
        let is_exc = self.is_exception_class(cls);
        let mut attrs = Vec::new();
        if is_exc {
            attrs.push(("args".to_string(), Const::Tuple(args.clone().into())));
        }
        let inst = Const::Host(self.prog.objs.push(HostObj::Instance { class: cls, attrs }));
        match self.class_lookup(cls, "__init__") {
            Some(init @ Const::Host(_)) => {
                let mut full = vec![inst.clone()];
                full.extend(args);
                match self.call_value(&init, full, kwargs, span)? {
                    Step::Call {
                        graph, args, scope, ..
                    } => Ok(Step::Call {
                        graph,
                        args,
                        scope,
                        on_return: Some(inst),
                    }),
                    Step::Value(_) => Ok(Step::Value(inst)),
                }
            }
            _ => {
                if !is_exc && (!args.is_empty() || !kwargs.is_empty()) {
                    let name = self.prog.class(cls).name.clone();
                    return Err(EvalError::user(
                        span,
                        format!("{name}() takes no arguments"),
                    ));
                }
                Ok(Step::Value(inst))
            }
        }
    }

    /// An attribute of a class or its bases (depth-first, left to right).
    pub(crate) fn class_lookup(&self, cls: HostId, name: &str) -> Option<Const> {
        let c = self.prog.class(cls);
        if let Some((_, v)) = c.attrs.iter().find(|(n, _)| n == name) {
            return Some(v.clone());
        }
        c.bases.iter().find_map(|b| self.class_lookup(*b, name))
    }

    /// Attributes the toolchain provides itself (none can shadow a user
    /// `__str__`): currently none are stored in classes.
    pub(crate) fn is_builtin_attr(&self, v: &Const) -> bool {
        matches!(v, Const::Builtin(_))
    }

    pub(super) fn is_static(&self, f: &Const) -> bool {
        if let Const::Host(h) = f {
            if let HostObj::Function(fo) = &self.prog.objs[*h] {
                return fo
                    .def
                    .decorators
                    .iter()
                    .any(|d| matches!(&d.kind, ExprKind::Name(n) if n == "staticmethod"));
            }
        }
        false
    }

    pub(super) fn bound_method(&mut self, receiver: &Const, name: &str) -> Const {
        if let Const::Host(h) = receiver {
            if let Some(&b) = self.bound.get(&(*h, name.to_string())) {
                return Const::Host(b);
            }
            let b = self.prog.objs.push(HostObj::BoundMethod {
                receiver: receiver.clone(),
                name: name.to_string(),
            });
            self.bound.insert((*h, name.to_string()), b);
            return Const::Host(b);
        }
        Const::Host(self.prog.objs.push(HostObj::BoundMethod {
            receiver: receiver.clone(),
            name: name.to_string(),
        }))
    }

    fn attr_error(&mut self, obj: &Const, name: &str, span: Span) -> EvalError {
        let msg = match obj {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
                HostObj::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                _ => format!("'{}' object has no attribute '{name}'", self.type_desc(obj)),
            },
            _ => format!("'{}' object has no attribute '{name}'", self.type_desc(obj)),
        };
        self.exc_msg("AttributeError", msg, span)
    }

    pub(crate) fn getattr(&mut self, obj: &Const, name: &str, span: Span) -> EvalResult<Const> {
        match obj {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Instance { class, attrs } => {
                    if let Some((_, v)) = attrs.iter().find(|(n, _)| n == name) {
                        return Ok(v.clone());
                    }
                    let class = *class;
                    if name == "__class__" {
                        return Ok(Const::Host(class));
                    }
                    match self.class_lookup(class, name) {
                        Some(v) => {
                            let is_fn = matches!(&v, Const::Host(f) if matches!(self.prog.objs[*f], HostObj::Function(_)));
                            if is_fn && !self.is_static(&v) {
                                Ok(self.bound_method(obj, name))
                            } else {
                                Ok(v)
                            }
                        }
                        None => Err(self.attr_error(obj, name, span)),
                    }
                }
                HostObj::Class(c) => {
                    if name == "__name__" {
                        return Ok(Const::str(&c.name));
                    }
                    match self.class_lookup(*h, name) {
                        Some(v) => Ok(v),
                        None => match self.builtin_class_attr(*h, name) {
                            Some(v) => Ok(v),
                            None => Err(self.attr_error(obj, name, span)),
                        },
                    }
                }
                HostObj::Module(m) => match m.global(name) {
                    Some(v) => Ok(v.clone()),
                    None => {
                        let pkg = m.name.clone();
                        match self.import_submodule(&pkg, name, span)? {
                            Some(sub) => Ok(sub),
                            None => Err(self.attr_error(obj, name, span)),
                        }
                    }
                },
                HostObj::Function(f) if name == "__name__" => Ok(Const::str(&f.name)),
                HostObj::Intrinsic {
                    kind: Builtin::Super,
                    ..
                } => self.super_getattr(obj, *h, name, span),
                HostObj::Intrinsic { .. } => match self.intrinsic_getattr(obj, *h, name) {
                    Some(v) => Ok(v),
                    None => Err(self.attr_error(obj, name, span)),
                },
                HostObj::List(_) | HostObj::Dict(_)
                    if super::methods::has_method(self, obj, name) =>
                {
                    Ok(self.bound_method(obj, name))
                }
                _ => Err(self.attr_error(obj, name, span)),
            },
            Const::Builtin(b) => {
                if let Some(v) = super::builtins::module_constant(*b, name) {
                    return Ok(v);
                }
                match b.module_attr(name) {
                    Some(f) => Ok(Const::Builtin(f)),
                    None => {
                        let m = match b {
                            Builtin::SysModule => {
                                return Err(EvalError::user(span, sys_attr_refusal(name)))
                            }
                            Builtin::OsModule | Builtin::TimeModule | Builtin::MathModule => {
                                format!("module '{}' has no attribute '{name}'", b.name())
                            }
                            _ => format!(
                                "'builtin_function_or_method' object has no attribute '{name}'"
                            ),
                        };
                        Err(self.exc_msg("AttributeError", m, span))
                    }
                }
            }
            _ if super::methods::has_method(self, obj, name) => Ok(self.bound_method(obj, name)),
            _ => Err(self.attr_error(obj, name, span)),
        }
    }

    pub(crate) fn setattr(
        &mut self,
        obj: &Const,
        name: &str,
        value: Const,
        span: Span,
    ) -> EvalResult<()> {
        if let Const::Host(h) = obj {
            match &mut self.prog.objs[*h] {
                HostObj::Instance { attrs, .. } => {
                    match attrs.iter_mut().find(|(n, _)| n == name) {
                        Some(slot) => slot.1 = value,
                        None => attrs.push((name.to_string(), value)),
                    }
                    return Ok(());
                }
                HostObj::Class(c) => {
                    match c.attrs.iter_mut().find(|(n, _)| n == name) {
                        Some(slot) => slot.1 = value,
                        None => c.attrs.push((name.to_string(), value)),
                    }
                    return Ok(());
                }
                HostObj::Module(m) => {
                    m.set_global(name, value);
                    self.graphs.clear();
                    return Ok(());
                }
                _ => {}
            }
        }
        let t = self.type_desc(obj);
        Err(EvalError::user(
            span,
            format!("cannot set attribute '{name}' of '{t}' object"),
        ))
    }

    pub(crate) fn delattr(&mut self, obj: &Const, name: &str, span: Span) -> EvalResult<()> {
        if let Const::Host(h) = obj {
            if let HostObj::Instance { attrs, .. } = &mut self.prog.objs[*h] {
                if let Some(i) = attrs.iter().position(|(n, _)| n == name) {
                    attrs.remove(i);
                    return Ok(());
                }
            }
        }
        Err(self.attr_error(obj, name, span))
    }

    /// `type(x)`: the class of an instance; the builtin type function for
    /// builtin values (so `type(x) is int` works).
    pub(crate) fn type_of(&mut self, v: &Const) -> Const {
        let b = match v {
            Const::None => return Const::None,
            Const::Bool(_) => Builtin::BoolFn,
            Const::Int(_) => Builtin::IntFn,
            Const::UInt(_) => Builtin::RarithRUint,
            Const::Float(_) => Builtin::FloatFn,
            Const::Str(_) => Builtin::StrFn,
            Const::Bytes(_) => Builtin::BytesFn,
            Const::Tuple(_) => Builtin::TupleFn,
            Const::Builtin(_) => return Const::None,
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Instance { class, .. } => return Const::Host(*class),
                HostObj::List(_) => Builtin::ListFn,
                HostObj::Dict(_) => Builtin::DictFn,
                HostObj::Range { .. } => Builtin::Range,
                _ => return Const::None,
            },
        };
        Const::Builtin(b)
    }

    pub(crate) fn isinstance(&mut self, v: &Const, cls: &Const, span: Span) -> EvalResult<bool> {
        Ok(match cls {
            Const::Tuple(t) => {
                for c in t.iter() {
                    if self.isinstance(v, c, span)? {
                        return Ok(true);
                    }
                }
                false
            }
            Const::Host(c) if matches!(self.prog.objs[*c], HostObj::Class(_)) => match v {
                Const::Host(h) => match &self.prog.objs[*h] {
                    HostObj::Instance { class, .. } => self.prog.is_subclass(*class, *c),
                    _ => false,
                },
                _ => false,
            },
            Const::Builtin(b) => {
                let t = self.type_of(v);
                match (b, &t) {
                    (Builtin::IntFn, Const::Builtin(Builtin::BoolFn)) => true,
                    (Builtin::ObjectType, _) => true,
                    (_, Const::Builtin(tb)) => tb == b,
                    _ => false,
                }
            }
            _ => {
                return Err(EvalError::user(
                    span,
                    "isinstance() arg 2 must be a type or tuple of types",
                ));
            }
        })
    }

    pub(crate) fn load_global(&mut self, name: &str, span: Span) -> EvalResult<Const> {
        let scope = self.frames.last().expect("frame").scope.clone();
        if let Scope::Class { ns, .. } = &scope {
            if let Some(v) = self.dict_lookup(*ns, &Const::str(name))? {
                return Ok(v);
            }
        }
        if let Some(v) = self.prog.module(scope.module()).global(name) {
            return Ok(v.clone());
        }
        if let Some(b) = Builtin::global_in(name, self.prog.py2) {
            return Ok(Const::Builtin(b));
        }
        if let Some(&c) = self.prog.builtin_classes.get(name) {
            return Ok(Const::Host(c));
        }
        Err(EvalError::user(
            span,
            format!(
                "name '{name}' is not defined{}",
                Builtin::py2_hint(name, self.prog.py2)
            ),
        ))
    }

    pub(crate) fn store_global(&mut self, name: &str, value: Const) {
        let scope = self.frames.last().expect("frame").scope.clone();
        match scope {
            Scope::Class { ns, .. } => {
                if let HostObj::Dict(d) = &mut self.prog.objs[ns] {
                    match d.iter_mut().find(|(k, _)| k.as_str() == Some(name)) {
                        Some(slot) => slot.1 = value,
                        None => d.push((Const::str(name), value)),
                    }
                }
            }
            Scope::Module(m) => {
                if let HostObj::Module(mo) = &mut self.prog.objs[m] {
                    mo.set_global(name, value);
                }
                // Function graphs see globals as constants: rebuild them.
                self.graphs.clear();
            }
        }
    }

    /// `del name` at module or class level.
    pub(crate) fn delete_global(&mut self, name: &str, span: Span) -> EvalResult<()> {
        let scope = self.frames.last().expect("frame").scope.clone();
        let found = match scope {
            Scope::Class { ns, .. } => match &mut self.prog.objs[ns] {
                HostObj::Dict(d) => {
                    let before = d.len();
                    d.retain(|(k, _)| k.as_str() != Some(name));
                    d.len() != before
                }
                _ => false,
            },
            Scope::Module(m) => {
                self.graphs.clear();
                match &mut self.prog.objs[m] {
                    HostObj::Module(mo) => {
                        let before = mo.globals.len();
                        mo.globals.retain(|(n, _)| n != name);
                        mo.globals.len() != before
                    }
                    _ => false,
                }
            }
        };
        if found {
            Ok(())
        } else {
            Err(EvalError::user(
                span,
                format!("name '{name}' is not defined"),
            ))
        }
    }

    /// `from m import *`: the module's `__all__`, or its names that do not
    /// start with `_`, bound in the current scope.
    pub(crate) fn import_star(&mut self, m: &Const, span: Span) -> EvalResult<()> {
        let globals = match m {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Module(mo) => mo.globals.clone(),
                _ => Vec::new(),
            },
            _ => {
                return Err(EvalError::user(
                    span,
                    "`from m import *` is supported for Python modules of the program and the support package only",
                ))
            }
        };
        let names: Vec<String> = match globals.iter().find(|(n, _)| n == "__all__") {
            Some((_, all)) => {
                let items = self.collect_items(&all.clone(), span)?;
                let mut names = Vec::new();
                for it in items {
                    match it.as_str() {
                        Some(s) => names.push(s.to_string()),
                        None => return Err(EvalError::user(span, "__all__ must hold names (str)")),
                    }
                }
                names
            }
            None => globals
                .iter()
                .filter(|(n, _)| !n.starts_with('_'))
                .map(|(n, _)| n.clone())
                .collect(),
        };
        for n in names {
            match globals.iter().rev().find(|(g, _)| *g == n) {
                Some((_, v)) => self.store_global(&n, v.clone()),
                None => {
                    return Err(self.exc_msg(
                        "AttributeError",
                        format!("module has no attribute '{n}' (named in __all__)"),
                        span,
                    ))
                }
            }
        }
        Ok(())
    }

    fn qual_prefix(&self) -> String {
        match &self.frames.last().expect("frame").scope {
            Scope::Module(m) => self.prog.module(*m).name.clone(),
            Scope::Class { qualname, .. } => qualname.to_string(),
        }
    }

    pub(crate) fn make_function(
        &mut self,
        code: &Const,
        defaults: Vec<Const>,
        span: Span,
    ) -> EvalResult<Const> {
        let def = match code {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Code(d) => d.clone(),
                _ => return Err(EvalError::user(span, "make_function needs a code object")),
            },
            _ => return Err(EvalError::user(span, "make_function needs a code object")),
        };
        let module = self.frames.last().expect("frame").scope.module();
        let qualname = format!("{}.{}", self.qual_prefix(), def.name);
        let f = FunctionObj {
            name: def.name.clone(),
            qualname,
            def,
            module,
            defaults,
        };
        Ok(Const::Host(self.prog.objs.push(HostObj::Function(f))))
    }

    pub(crate) fn make_class(
        &mut self,
        code: &Const,
        bases: Vec<Const>,
        span: Span,
    ) -> EvalResult<Step> {
        let cdef = match code {
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::ClassCode(d) => d.clone(),
                _ => {
                    return Err(EvalError::user(
                        span,
                        "make_class needs a class code object",
                    ))
                }
            },
            _ => {
                return Err(EvalError::user(
                    span,
                    "make_class needs a class code object",
                ))
            }
        };
        let mut base_ids = Vec::new();
        let jitdriver_base = bases
            .iter()
            .any(|b| matches!(b, Const::Builtin(Builtin::JitDriver)));
        if jitdriver_base && bases.len() != 1 {
            return Err(EvalError::user(
                span,
                "a JitDriver subclass must have JitDriver as its only base",
            ));
        }
        for b in &bases {
            match b {
                Const::Builtin(Builtin::ObjectType | Builtin::JitDriver) => {}
                Const::Host(h) if matches!(self.prog.objs[*h], HostObj::Class(_)) => {
                    base_ids.push(*h)
                }
                other => {
                    let t = self.type_desc(other);
                    return Err(EvalError::user(
                        span,
                        format!("class bases must be classes, found a '{t}'"),
                    ));
                }
            }
        }
        let module = self.frames.last().expect("frame").scope.module();
        let qualname = format!("{}.{}", self.qual_prefix(), cdef.name);
        let ns = self.prog.objs.push(HostObj::Dict(Vec::new()));
        let graph = crate::build::build_class_body(self.prog, module, &cdef)
            .map_err(|mut ds| EvalError::User(ds.remove(0)))?;
        let scope = Scope::Class {
            module,
            ns,
            qualname: Rc::from(qualname.as_str()),
        };
        self.run_graph_rc(Rc::new(graph), Vec::new(), scope)?;
        let attrs = match &self.prog.objs[ns] {
            HostObj::Dict(d) => d
                .iter()
                .map(|(k, v)| (k.as_str().unwrap_or("?").to_string(), v.clone()))
                .collect(),
            _ => unreachable!(),
        };
        if jitdriver_base {
            return Ok(Step::Value(self.jitdriver_class(attrs)));
        }
        let cls = ClassObj {
            name: cdef.name.clone(),
            qualname,
            bases: base_ids,
            attrs,
            span: cdef.span,
            builtin: false,
        };
        Ok(Step::Value(Const::Host(
            self.prog.objs.push(HostObj::Class(cls)),
        )))
    }

    /// The exception that `raise` with this class and value raises.
    pub(crate) fn raise_value(
        &mut self,
        cls: Const,
        value: Const,
        span: Span,
    ) -> EvalResult<EvalError> {
        let inst = match (&cls, &value) {
            (_, Const::Host(h)) if matches!(self.prog.objs[*h], HostObj::Instance { .. }) => {
                value.clone()
            }
            (_, Const::Host(h)) if matches!(self.prog.objs[*h], HostObj::Class(_)) => {
                self.call_at(&value, vec![], span)?
            }
            (Const::Host(h), Const::None) if matches!(self.prog.objs[*h], HostObj::Class(_)) => {
                self.call_at(&cls, vec![], span)?
            }
            _ => {
                return Err(EvalError::user(
                    span,
                    "exceptions must derive from BaseException",
                ))
            }
        };
        let Const::Host(ih) = &inst else {
            unreachable!()
        };
        let HostObj::Instance { class, .. } = &self.prog.objs[*ih] else {
            return Err(EvalError::user(
                span,
                "exceptions must derive from BaseException",
            ));
        };
        let class = *class;
        if !self.is_exception_class(class) {
            return Err(EvalError::user(
                span,
                "exceptions must derive from BaseException",
            ));
        }
        let message = self.exc_message(&inst);
        Ok(EvalError::Exception(PyException {
            class,
            value: inst,
            message,
            span,
            traceback: Vec::new(),
        }))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Why `sys.<name>` is refused (module-level code and function graphs).
pub(crate) fn sys_attr_refusal(name: &str) -> String {
    format!(
        "`sys.{name}` is not supported: the `sys` module only serves `print >>sys.stdout/sys.stderr` (use the entry point's argv, and os.write for output)"
    )
}
