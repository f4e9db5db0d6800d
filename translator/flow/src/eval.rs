//! Concrete evaluation of flow graphs.
//!
//! The same evaluator runs module-level code at translation time (module
//! initialisation, see LANGUAGE.md "Two phases") and whole programs
//! untranslated (the reference interpreter, a second oracle for tests).
//! Values are `Const`s: scalars inline, everything with identity in
//! `Program::objs`, mutated in place.
//!
//! Algorithm: an explicit stack of frames, one per flow graph being run,
//! so deep Python recursion never deepens the Rust stack (a call pushes a
//! frame; only builtins that call back into Python code, e.g. `sorted` with
//! a `key`, re-enter the loop). In a frame:
//! 1. run the ops of the current block in order; an op either produces a
//!    value, pushes a callee frame (the result arrives when it returns), or
//!    raises;
//! 2. at the end of the block pick the exit (`Exitswitch`), pass the link's
//!    values to the target's inputs; the return block returns, the except
//!    block raises;
//! 3. a raise from the last op of a block whose switch is `LastException`
//!    takes the first exception exit whose class matches, binding
//!    `last_exception`/`last_exc_value`; otherwise it pops the frame and is
//!    re-raised at the caller's call op.
//! Python exceptions are `EvalError::Exception`; operations that have no
//! meaning on their values (RPython would refuse them) are
//! `EvalError::User` diagnostics, which no `except` catches.
//!
//! Submodules: `format` (str/repr/format specs), `arith` (numbers,
//! comparisons, truth), `seq` (containers, iteration, items), `builtins`
//! (builtin functions and modules), `methods` (methods of builtin types),
//! `objects` (attributes, calls, classes, instances), `inherit`
//! (`BaseException.__init__`, `super`, the MRO), `rdict` (`r_dict`).

mod arith;
mod builtins;
mod codec;
pub mod format;
mod inherit;
mod methods;
mod objects;
mod rbuilder;
mod rdict;
mod rlib;
pub(crate) use builtins::module_constant;
pub(crate) use objects::sys_attr_refusal;
mod seq;

use crate::graph::{Block, Exitswitch};
use crate::host::{HostId, HostObj, Program};
use crate::model::{Const, FlowGraph, FlowValue};
use crate::ops::FlowOp;
use rpy_syntax::{Diagnostic, Span};
use std::collections::HashMap;
use std::rc::Rc;

/// Python-level recursion limit (frames), like CPython's default.
pub const MAX_DEPTH: usize = 1000;

/// A Python exception escaping an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct PyException {
    /// The exception's class.
    pub class: HostId,
    /// The instance. `Const::None` only inside the evaluator, for builtin
    /// exceptions not yet made into objects (see `Evaluator::materialize`).
    pub value: Const,
    /// `str()` of the instance.
    pub message: String,
    /// Where it was raised.
    pub span: Span,
    /// Call sites it propagated through, innermost first.
    pub traceback: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    Exception(PyException),
    /// An operation with no meaning on its values, a bad call, an unknown
    /// name...: a user error, never caught by `except`.
    User(Diagnostic),
}

impl EvalError {
    pub fn user(span: Span, msg: impl Into<String>) -> EvalError {
        EvalError::User(Diagnostic::new(span, msg))
    }
}

pub type EvalResult<T> = Result<T, EvalError>;

/// Where `load_global`/`store_global` go.
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// Module-level code and function bodies: the module's globals.
    Module(HostId),
    /// A class body: names go to the namespace `ns` (a `HostObj::Dict` with
    /// str keys) and are looked up there first, then in the module.
    Class {
        module: HostId,
        ns: HostId,
        qualname: Rc<str>,
    },
}

impl Scope {
    pub fn module(&self) -> HostId {
        match self {
            Scope::Module(m) => *m,
            Scope::Class { module, .. } => *module,
        }
    }
}

/// What to do with the value a frame returns.
#[derive(Clone, Debug)]
enum OnReturn {
    Value,
    /// An `__init__` frame: the call's value is the new instance.
    Instance(Const),
}

struct Frame {
    graph: Rc<FlowGraph>,
    vals: Vec<Option<Const>>,
    block: Block,
    op: usize,
    scope: Scope,
    on_return: OnReturn,
}

/// The result of one op.
pub(crate) enum Step {
    Value(Const),
    /// Run this graph with these inputs; its return value is the op's value.
    Call {
        graph: Rc<FlowGraph>,
        args: Vec<Const>,
        scope: Scope,
        on_return: Option<Const>,
    },
}

/// Resolves `import_module` for the evaluator (the loader implements it).
pub trait Importer {
    /// Load (once) and return the module named `name` (dotted, possibly
    /// with leading dots relative to the module `from`).
    fn import(
        &self,
        ev: &mut Evaluator<'_>,
        name: &str,
        from: HostId,
        span: Span,
    ) -> EvalResult<Const>;
    /// Is there a source module of this (absolute, dotted) name?
    fn exists(&self, name: &str) -> bool;
}

pub struct Evaluator<'p> {
    pub prog: &'p mut Program,
    frames: Vec<Frame>,
    /// Graphs of functions, built once per function object.
    graphs: HashMap<HostId, Rc<FlowGraph>>,
    /// Bound methods made for host receivers, reused.
    bound: HashMap<(HostId, String), HostId>,
    /// What the program wrote to fd 1 (print, os.write(1, ...)).
    pub stdout: Vec<u8>,
    /// What the program wrote to fd 2.
    pub stderr: Vec<u8>,
    /// What os.read(0, n) reads.
    pub stdin: Vec<u8>,
    stdin_pos: usize,
    /// Files opened with os.open: fd -> file.
    files: HashMap<i64, std::fs::File>,
    importer: Option<Rc<dyn Importer>>,
    /// Recursion limit in frames.
    pub max_depth: usize,
    /// Python 2 semantics where the dialects differ after parsing: a
    /// float's `str()` has 12 significant digits.
    pub py2: bool,
    /// py2 print's softspace of stdout and stderr.
    softspace: [bool; 2],
    /// Cleared value vectors of finished frames, reused.
    spare_vals: Vec<Vec<Option<Const>>>,
    /// Origin of `time.perf_counter()`.
    clock_start: std::time::Instant,
    /// The dicts made by `r_dict`: their `(key_eq, key_hash)`.
    rdicts: HashMap<HostId, (Const, Const)>,
}

impl<'p> Evaluator<'p> {
    pub fn new(prog: &'p mut Program) -> Self {
        Evaluator {
            prog,
            frames: Vec::new(),
            graphs: HashMap::new(),
            bound: HashMap::new(),
            stdout: Vec::new(),
            stderr: Vec::new(),
            stdin: Vec::new(),
            stdin_pos: 0,
            files: HashMap::new(),
            importer: None,
            max_depth: MAX_DEPTH,
            clock_start: std::time::Instant::now(),
            spare_vals: Vec::new(),
            py2: false,
            softspace: [false; 2],
            rdicts: HashMap::new(),
        }
    }

    pub fn set_importer(&mut self, imp: Rc<dyn Importer>) {
        self.importer = Some(imp);
    }

    /// Call any callable value with positional and keyword arguments.
    pub fn call(
        &mut self,
        func: &Const,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
    ) -> EvalResult<Const> {
        let span = self.current_span();
        let step = self.call_value(func, args, kwargs, span)?;
        self.finish_step(step)
    }

    /// Run one graph with its inputs and the globals it sees.
    pub fn run_graph(
        &mut self,
        graph: &FlowGraph,
        args: Vec<Const>,
        globals: Scope,
    ) -> EvalResult<Const> {
        let step = Step::Call {
            graph: Rc::new(graph.clone()),
            args,
            scope: globals,
            on_return: None,
        };
        self.finish_step(step)
    }

    /// Like `run_graph` for a shared graph (no copy).
    pub fn run_graph_rc(
        &mut self,
        graph: Rc<FlowGraph>,
        args: Vec<Const>,
        globals: Scope,
    ) -> EvalResult<Const> {
        self.finish_step(Step::Call {
            graph,
            args,
            scope: globals,
            on_return: None,
        })
    }

    fn finish_step(&mut self, step: Step) -> EvalResult<Const> {
        match step {
            Step::Value(v) => Ok(v),
            Step::Call {
                graph,
                args,
                scope,
                on_return,
            } => {
                let base = self.frames.len();
                let span = self.current_span();
                self.push_frame(graph, args, scope, on_return, span)?;
                let r = self.run_loop(base);
                self.frames.truncate(base);
                match r {
                    Err(EvalError::Exception(mut e)) => {
                        self.materialize(&mut e);
                        Err(EvalError::Exception(e))
                    }
                    r => r,
                }
            }
        }
    }

    /// The span of the op being run in the innermost frame.
    fn current_span(&self) -> Span {
        match self.frames.last() {
            Some(f) => {
                let bd = &f.graph.blocks[f.block];
                bd.ops.get(f.op).map(|o| o.span).unwrap_or(f.graph.span)
            }
            None => Span::NONE,
        }
    }

    fn push_frame(
        &mut self,
        graph: Rc<FlowGraph>,
        args: Vec<Const>,
        scope: Scope,
        on_return: Option<Const>,
        span: Span,
    ) -> EvalResult<()> {
        if self.frames.len() >= self.max_depth {
            return Err(self.exc_msg("RecursionError", "maximum recursion depth exceeded", span));
        }
        let start = graph.startblock;
        let params = &graph.blocks[start].inputargs;
        if params.len() != args.len() {
            return Err(EvalError::user(
                span,
                format!(
                    "`{}` takes {} inputs, got {}",
                    graph.name,
                    params.len(),
                    args.len()
                ),
            ));
        }
        let mut vals = self.spare_vals.pop().unwrap_or_default();
        vals.resize(graph.vars.len(), None);
        for (p, a) in params.iter().zip(args) {
            vals[p.index()] = Some(a);
        }
        let on_return = match on_return {
            Some(inst) => OnReturn::Instance(inst),
            None => OnReturn::Value,
        };
        self.frames.push(Frame {
            graph,
            vals,
            block: start,
            op: 0,
            scope,
            on_return,
        });
        Ok(())
    }

    fn read(&self, v: &FlowValue) -> Const {
        match v {
            FlowValue::Const(c) => c.clone(),
            FlowValue::Var(var) => {
                let f = self.frames.last().expect("no frame");
                match &f.vals[var.index()] {
                    Some(c) => c.clone(),
                    None => panic!(
                        "{} read before definition in {}",
                        f.graph.var_name(*var),
                        f.graph.name
                    ),
                }
            }
        }
    }

    /// Run frames until the frame at index `base` returns.
    fn run_loop(&mut self, base: usize) -> EvalResult<Const> {
        loop {
            let frame = self.frames.last().expect("frame");
            let graph = frame.graph.clone();
            let bd = &graph.blocks[frame.block];
            if frame.op < bd.ops.len() {
                let op = &bd.ops[frame.op];
                let args: Vec<Const> = op.args.iter().map(|a| self.read(a)).collect();
                let r = self.exec_op(op.kind, args, op.span);
                let r = match r {
                    Ok(Step::Value(v)) => {
                        let f = self.frames.last_mut().unwrap();
                        f.vals[op.result.index()] = Some(v);
                        f.op += 1;
                        continue;
                    }
                    Ok(Step::Call {
                        graph,
                        args,
                        scope,
                        on_return,
                    }) => self.push_frame(graph, args, scope, on_return, op.span),
                    Err(e) => Err(e),
                };
                if let Err(e) = r {
                    if let Some(v) = self.unwind(e, base)? {
                        return Ok(v);
                    }
                }
                continue;
            }
            // End of block: choose the exit.
            let link = match &bd.exitswitch {
                Exitswitch::None | Exitswitch::LastException => match bd.exits.first() {
                    Some(l) => l,
                    None => panic!("block {} of {} has no exit", frame.block, graph.name),
                },
                Exitswitch::Value(v) => {
                    let val = self.read(&FlowValue::Var(*v));
                    let mut chosen = None;
                    for l in &bd.exits {
                        match &l.exitcase {
                            Some(case) if arith::switch_eq(&val, case) => {
                                chosen = Some(l);
                                break;
                            }
                            None if chosen.is_none() => chosen = Some(l),
                            _ => {}
                        }
                    }
                    match chosen {
                        Some(l) => l,
                        None => panic!("no exit of {} matches {val}", graph.name),
                    }
                }
            };
            let vals: Vec<Const> = link.args.iter().map(|a| self.read(a)).collect();
            match self.follow(link.target, vals, base) {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err(e) => {
                    if let Some(v) = self.unwind(e, base)? {
                        return Ok(v);
                    }
                }
            }
        }
    }

    /// Pass `vals` to block `target` of the innermost frame. Returns the
    /// value when this returns from frame `base`.
    fn follow(
        &mut self,
        target: Block,
        vals: Vec<Const>,
        base: usize,
    ) -> EvalResult<Option<Const>> {
        let frame = self.frames.last_mut().unwrap();
        let (ret, exc) = (frame.graph.returnblock, frame.graph.exceptblock);
        if target == ret {
            let v = vals.into_iter().next().unwrap_or(Const::None);
            return Ok(self.return_value(v, base));
        }
        if target == exc {
            let mut it = vals.into_iter();
            let cls = it.next().unwrap_or(Const::None);
            let value = it.next().unwrap_or(Const::None);
            let span = self.current_span_or_graph();
            return Err(self.raise_value(cls, value, span)?);
        }
        let Frame {
            graph, vals: slots, ..
        } = frame;
        let inputs = &graph.blocks[target].inputargs;
        assert_eq!(
            inputs.len(),
            vals.len(),
            "link arity into {target} of {}",
            graph.name
        );
        for (p, v) in inputs.iter().zip(vals) {
            slots[p.index()] = Some(v);
        }
        frame.block = target;
        frame.op = 0;
        Ok(None)
    }

    fn current_span_or_graph(&self) -> Span {
        let f = self.frames.last().unwrap();
        let bd = &f.graph.blocks[f.block];
        bd.ops.last().map(|o| o.span).unwrap_or(f.graph.span)
    }

    /// Pop the innermost frame returning `v`; deliver it to the caller.
    fn return_value(&mut self, v: Const, base: usize) -> Option<Const> {
        let mut f = self.frames.pop().unwrap();
        let v = match f.on_return {
            OnReturn::Value => v,
            OnReturn::Instance(inst) => inst,
        };
        f.vals.clear();
        self.spare_vals.push(f.vals);
        if self.frames.len() == base {
            return Some(v);
        }
        let caller = self.frames.last_mut().unwrap();
        let op = &caller.graph.blocks[caller.block].ops[caller.op];
        let r = op.result;
        caller.vals[r.index()] = Some(v);
        caller.op += 1;
        None
    }

    /// Handle an error raised by the current op of the innermost frame:
    /// catch it there or pop frames. `Ok(None)`: caught, continue;
    /// `Err`: escaped frame `base`.
    fn unwind(&mut self, mut e: EvalError, base: usize) -> EvalResult<Option<Const>> {
        loop {
            let frame = self.frames.last().unwrap();
            let graph = frame.graph.clone();
            let bd = &graph.blocks[frame.block];
            let at_last = frame.op + 1 == bd.ops.len();
            if let (EvalError::Exception(exc), Exitswitch::LastException, true) =
                (&mut e, &bd.exitswitch, at_last)
            {
                let mut found = None;
                for l in bd.exits.iter().skip(1) {
                    if let Some(case) = &l.exitcase {
                        if self.exc_matches(exc.class, case) {
                            found = Some(l);
                            break;
                        }
                    }
                }
                if let Some(l) = found {
                    let mut exc = exc.clone();
                    self.materialize(&mut exc);
                    let f = self.frames.last_mut().unwrap();
                    if let Some(v) = l.last_exception {
                        f.vals[v.index()] = Some(Const::Host(exc.class));
                    }
                    if let Some(v) = l.last_exc_value {
                        f.vals[v.index()] = Some(exc.value.clone());
                    }
                    let vals: Vec<Const> = l.args.iter().map(|a| self.read(a)).collect();
                    match self.follow(l.target, vals, base) {
                        Ok(r) => return Ok(r),
                        Err(e2) => {
                            e = e2;
                            continue;
                        }
                    }
                }
            }
            // Not caught here: leave the frame.
            let f = self.frames.pop().unwrap();
            if self.frames.len() == base {
                return Err(e);
            }
            let _ = f;
            let call_span = self.current_span();
            match &mut e {
                EvalError::Exception(exc) => exc.traceback.push(call_span),
                EvalError::User(d) => d.notes.push(rpy_syntax::Note {
                    span: Some(call_span),
                    message: "called from here".into(),
                }),
            }
        }
    }

    /// Does a raised class match an exit case (a class or tuple of them)?
    fn exc_matches(&self, cls: HostId, case: &Const) -> bool {
        match case {
            Const::Host(c) => self.prog.is_subclass(cls, *c),
            Const::Tuple(items) => items.iter().any(|c| self.exc_matches(cls, c)),
            _ => false,
        }
    }

    /// Make the instance of a builtin exception raised with a message only.
    fn materialize(&mut self, e: &mut PyException) {
        if e.value == Const::None {
            let args: Vec<Const> = if e.message.is_empty() {
                vec![]
            } else {
                vec![Const::str(&e.message)]
            };
            let id = self.prog.objs.push(HostObj::Instance {
                class: e.class,
                attrs: vec![("args".to_string(), Const::Tuple(args.into()))],
            });
            e.value = Const::Host(id);
        }
    }

    /// A builtin exception of class `name` with a message (instance made
    /// lazily).
    pub(crate) fn exc_msg(&self, name: &str, msg: impl Into<String>, span: Span) -> EvalError {
        EvalError::Exception(PyException {
            class: self.prog.exc_class(name),
            value: Const::None,
            message: msg.into(),
            span,
            traceback: Vec::new(),
        })
    }

    /// Execute one op on its argument values.
    fn exec_op(&mut self, kind: FlowOp, a: Vec<Const>, span: Span) -> EvalResult<Step> {
        use FlowOp as F;
        let v = match kind {
            F::Add
            | F::Sub
            | F::Mul
            | F::TrueDiv
            | F::Div
            | F::FloorDiv
            | F::Mod
            | F::Pow
            | F::LShift
            | F::RShift
            | F::And
            | F::Or
            | F::Xor => self.binop(kind, &a[0], &a[1], false, span)?,
            F::InplaceAdd => self.binop(F::Add, &a[0], &a[1], true, span)?,
            F::InplaceSub => self.binop(F::Sub, &a[0], &a[1], true, span)?,
            F::InplaceMul => self.binop(F::Mul, &a[0], &a[1], true, span)?,
            F::InplaceTrueDiv => self.binop(F::TrueDiv, &a[0], &a[1], true, span)?,
            F::InplaceDiv => self.binop(F::Div, &a[0], &a[1], true, span)?,
            F::InplaceFloorDiv => self.binop(F::FloorDiv, &a[0], &a[1], true, span)?,
            F::InplaceMod => self.binop(F::Mod, &a[0], &a[1], true, span)?,
            F::InplacePow => self.binop(F::Pow, &a[0], &a[1], true, span)?,
            F::InplaceLShift => self.binop(F::LShift, &a[0], &a[1], true, span)?,
            F::InplaceRShift => self.binop(F::RShift, &a[0], &a[1], true, span)?,
            F::InplaceAnd => self.binop(F::And, &a[0], &a[1], true, span)?,
            F::InplaceOr => self.binop(F::Or, &a[0], &a[1], true, span)?,
            F::InplaceXor => self.binop(F::Xor, &a[0], &a[1], true, span)?,
            F::Neg | F::Pos | F::Invert => self.unop(kind, &a[0], span)?,
            F::AddOvf | F::SubOvf | F::MulOvf | F::NegOvf | F::LShiftOvf => {
                self.ovf_op(kind, &a, span)?
            }
            F::Bool => Const::Bool(self.truth(&a[0], span)?),
            F::Not => Const::Bool(!self.truth(&a[0], span)?),
            F::Lt | F::Le | F::Gt | F::Ge | F::Eq | F::Ne => {
                self.compare(kind, &a[0], &a[1], span)?
            }
            F::Is => Const::Bool(arith::is_same(&a[0], &a[1])),
            F::Contains => Const::Bool(self.contains(&a[0], &a[1], span)?),
            F::GetItem => self.getitem(&a[0], &a[1], span)?,
            F::SetItem => {
                self.setitem(&a[0], &a[1], a[2].clone(), span)?;
                Const::None
            }
            F::DelItem => {
                self.delitem(&a[0], &a[1], span)?;
                Const::None
            }
            F::GetSlice => self.getslice(&a[0], &a[1], &a[2], &a[3], span)?,
            F::SetSlice => {
                self.setslice(&a[0], &a[1], &a[2], &a[3], &a[4], span)?;
                Const::None
            }
            F::DelSlice => {
                self.delslice(&a[0], &a[1], &a[2], &a[3], span)?;
                Const::None
            }
            F::NewTuple => Const::Tuple(a.into()),
            F::NewList => self.new_list(a),
            F::NewDict => {
                let d = self.new_dict(Vec::new());
                for kv in a.chunks(2) {
                    self.setitem(&d, &kv[0], kv[1].clone(), span)?;
                }
                d
            }
            F::Len => Const::Int(self.len(&a[0], span)?),
            F::Iter => self.iter(&a[0], span)?,
            F::Next => self.next(&a[0], span)?,
            F::GetAttr => {
                let name = self.attr_name(&a[1], span)?;
                self.getattr(&a[0], &name, span)?
            }
            F::SetAttr => {
                let name = self.attr_name(&a[1], span)?;
                self.setattr(&a[0], &name, a[2].clone(), span)?;
                Const::None
            }
            F::DelAttr => {
                let name = self.attr_name(&a[1], span)?;
                self.delattr(&a[0], &name, span)?;
                Const::None
            }
            F::SimpleCall => {
                let mut it = a.into_iter();
                let f = it.next().expect("callee");
                return self.call_value(&f, it.collect(), Vec::new(), span);
            }
            F::CallKw => {
                let mut it = a.into_iter();
                let f = it.next().expect("callee");
                let names = match it.next() {
                    Some(Const::Tuple(t)) => t,
                    other => panic!("call_kw names must be a tuple, got {other:?}"),
                };
                let mut args: Vec<Const> = it.collect();
                let kw = args.split_off(args.len() - names.len());
                let kwargs = names
                    .iter()
                    .zip(kw)
                    .map(|(n, v)| (n.as_str().expect("keyword name").to_string(), v))
                    .collect();
                return self.call_value(&f, args, kwargs, span);
            }
            F::Str => Const::str(&self.to_str(&a[0], span)?),
            F::Repr => Const::str(&self.to_repr(&a[0], span)?),
            F::Format => {
                let spec = match &a[1] {
                    Const::Str(s) => s.clone(),
                    other => {
                        return Err(EvalError::user(
                            span,
                            format!("format spec must be a str, got {other}"),
                        ))
                    }
                };
                Const::str(&self.format_value(&a[0], &spec, span)?)
            }
            F::Type => self.type_of(&a[0]),
            F::ExcMatch => {
                let cls = match &a[0] {
                    Const::Host(c) => *c,
                    other => {
                        return Err(EvalError::user(
                            span,
                            format!("exc_match on non-class {other}"),
                        ))
                    }
                };
                Const::Bool(self.exc_matches(cls, &a[1]))
            }
            F::IsInstance => Const::Bool(self.isinstance(&a[0], &a[1], span)?),
            F::Hash => Const::Int(self.hash(&a[0], span)?),
            F::LoadGlobal => {
                let name = self.attr_name(&a[0], span)?;
                self.load_global(&name, span)?
            }
            F::StoreGlobal => {
                let name = self.attr_name(&a[0], span)?;
                self.store_global(&name, a[1].clone());
                Const::None
            }
            F::DeleteGlobal => {
                let name = self.attr_name(&a[0], span)?;
                self.delete_global(&name, span)?;
                Const::None
            }
            F::ImportStar => {
                self.import_star(&a[0], span)?;
                Const::None
            }
            F::MakeFunction => {
                let mut it = a.into_iter();
                let code = it.next().expect("code");
                self.make_function(&code, it.collect(), span)?
            }
            F::MakeClass => {
                let mut it = a.into_iter();
                let code = it.next().expect("class code");
                return self.make_class(&code, it.collect(), span);
            }
            F::ImportModule => {
                let name = self.attr_name(&a[0], span)?;
                self.import(&name, span)?
            }
        };
        Ok(Step::Value(v))
    }

    fn attr_name(&self, c: &Const, span: Span) -> EvalResult<String> {
        match c {
            Const::Str(s) => Ok(s.to_string()),
            other => Err(EvalError::user(
                span,
                format!("expected a constant name, found {other}"),
            )),
        }
    }

    pub(crate) fn import(&mut self, name: &str, span: Span) -> EvalResult<Const> {
        let from = self.frames.last().map(|f| f.scope.module());
        match name {
            "os" => return Ok(Const::Builtin(crate::host::Builtin::OsModule)),
            "time" => return Ok(Const::Builtin(crate::host::Builtin::TimeModule)),
            "math" => return Ok(Const::Builtin(crate::host::Builtin::MathModule)),
            _ => {}
        }
        if let Some(&m) = self.prog.modules.get(name) {
            return Ok(Const::Host(m));
        }
        if name == "sys" && self.py2 {
            // For `print >>sys.stderr, ...`; its attributes are refused.
            return Ok(Const::Builtin(crate::host::Builtin::SysModule));
        }
        if name == "sys" {
            return Err(EvalError::user(
                span,
                "the `sys` module is not supported (use the entry point's argv)",
            ));
        }
        let Some(imp) = self.importer.clone() else {
            return Err(EvalError::user(
                span,
                format!("cannot import `{name}`: no module loader"),
            ));
        };
        let from = from.unwrap_or_else(|| HostId::from_u32(0));
        imp.import(self, name, from, span)
    }

    /// `pkg.name` where `name` is a submodule not imported yet.
    pub(crate) fn import_submodule(
        &mut self,
        pkg: &str,
        name: &str,
        span: Span,
    ) -> EvalResult<Option<Const>> {
        let full = format!("{pkg}.{name}");
        match self.importer.clone() {
            Some(imp) if imp.exists(&full) => Ok(Some(self.import(&full, span)?)),
            _ => Ok(None),
        }
    }

    pub(crate) fn new_list(&mut self, items: Vec<Const>) -> Const {
        Const::Host(self.prog.objs.push(HostObj::List(items)))
    }

    pub(crate) fn new_dict(&mut self, items: Vec<(Const, Const)>) -> Const {
        Const::Host(self.prog.objs.push(HostObj::Dict(items)))
    }
}

use cranelift_entity::EntityRef;
