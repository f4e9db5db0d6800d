//! AST -> flow graph: functions (`build_function`), module bodies
//! (`build_module_body`) and class bodies (`build_class_body`).
//!
//! # How a graph is built
//! 1. The builder walks the AST once, emitting ops into the current block
//!    in *global SSA* form: a value computed in one block may be used in any
//!    block it dominates. Locals live in a slot vector (`Slot`: unbound,
//!    maybe-bound, bound to a value). At control-flow merges (`Join`) a block
//!    inputarg (a phi) is made only for locals whose incoming values differ;
//!    loop headers get a phi for every bound local.
//! 2. `simplify` (build/simplify.rs) merges straight-line blocks, removes
//!    phis whose incoming values are all the same (or the phi itself) and
//!    phis nobody reads.
//! 3. `ssi` (build/ssi.rs) makes every variable block-local, as the rest
//!    of the toolchain expects: values used in a block but defined in a
//!    dominator are passed along links as extra inputargs.
//! 4. `check_graph` runs on the result in debug builds and tests.
//!
//! # Conventions the annotator and evaluator rely on
//! * Function graphs: the start block's inputargs are the parameters, in
//!   order. A name assigned anywhere in the function (or a parameter, or an
//!   `except ... as` name) is local; reading a local that may be unbound on
//!   some path is an error. Comprehension targets are scoped to the
//!   comprehension (py3 rule).
//! * Non-local names resolve at build time to constants: the module's
//!   global, else a builtin function (`Const::Builtin`), else a builtin
//!   exception class (`Const::Host`). `os.write` folds to
//!   `Const::Builtin(OsWrite)`; `m.x` on a module constant folds to the
//!   module's global.
//! * Calls: `f(a)` -> `simple_call(f, a)`; with keywords ->
//!   `call_kw(f, ("k1", ...), positional..., kwvalues...)`. Method calls
//!   are `getattr` + `simple_call`. Builtins (`len`, `str`, `isinstance`)
//!   stay calls of `Const::Builtin`; f-strings use `str`/`repr`/`format`
//!   and `add`.
//! * Conditions: `bool(x)` then a switch with exits `[False, True]`; the
//!   `bool` op is omitted when `x` is the result of a comparison, `not_`,
//!   `bool`, `is_`, `contains`, `isinstance` or `exc_match`. Tests on
//!   immutable constants (`while True`) are folded.
//! * `for`: `it = iter(x)`, then a header block whose only op is
//!   `v = next(it)` with `Exitswitch::LastException`: `exits[0]` -> body,
//!   `exits[1]` (case `<StopIteration>`) -> loop `else`/after, then the
//!   handlers of enclosing `try`s.
//! * Exceptions: inside a `try` (or a `try/finally`), every op whose
//!   `can_raise()` holds ends its block with `Exitswitch::LastException`;
//!   after `exits[0]` come one link per handler class (innermost `try`
//!   first, duplicates dropped, `except:` is `BaseException`), each with
//!   fresh `last_exception`/`last_exc_value` vars; a `finally` adds a
//!   catch-all `BaseException` link to a copy of the finally body that
//!   re-raises. Outside any `try`, ops have no exception links (an
//!   exception propagates to the caller). `raise` computes
//!   `t = type(inst)` (a class constant is first instantiated with
//!   `simple_call(C)`) and links `(t, inst)` to the innermost handler
//!   dispatch (`exc_match(t, C)` switches) or to the except block.
//! * `finally` bodies are duplicated for each way out: normal, exception,
//!   return, break, continue.
//! * Module and class bodies: names are dynamic: reads are
//!   `load_global("x")` (the evaluator resolves the namespace, then module
//!   globals, then builtins), writes are `store_global("x", v)`. A class
//!   body graph uses the same two ops; the evaluator runs it with a fresh
//!   namespace layered over the module globals and makes the class from
//!   that namespace. `def` -> `make_function(<code f>, defaults...)` (only
//!   the defaults actually given, in order), decorators applied with
//!   `simple_call(deco, f)` innermost first (decorator expressions are
//!   evaluated before the defaults). `class C(B)` ->
//!   `make_class(<classcode C>, bases...)`, decorators likewise. `import a`
//!   -> `import_module("a")` + `store_global("a")`; `import a.b` imports
//!   `"a.b"` then binds `import_module("a")` to `a`; `import a.b as c`
//!   binds the `"a.b"` module to `c`; `from m import x as y` ->
//!   `import_module("m")`, `getattr(m, "x")`, `store_global("y")`; a
//!   relative import's name keeps its leading dots (`"..m"`). Inside a
//!   module-level `try`, raising ops get one catch-all `BaseException`
//!   link to a dispatch block that evaluates the handler expressions and
//!   tests them with `exc_match`.
//! * py2 `print >>sys.stderr, a, b` -> `simple_call(<__py2__.print_item>,
//!   2, a)`, the same for `b`, then `simple_call(<__py2__.print_newline>,
//!   2)` unless a comma ends the statement (fd 1 without `>>`).
//! * `/` is `truediv`; py2's classic `/` (`BinOp::ClassicDiv`) is `div`.
//! * In a py2 program (`Program::py2`) a call of `str` calls
//!   `<__py2__.str>` (floats with 12 significant digits), and `xrange`,
//!   `long`, `unicode`, `unichr` name `range`, `int`, `str`, `chr`.

use crate::check::assert_valid;
use crate::graph::{Block, Exitswitch, Link, Value, Var};
use crate::host::{HostId, HostObj, Program};
use crate::model::{Const, FlowGraph, FlowValue};
use crate::ops::FlowOp;
use cranelift_entity::EntityRef;
use rpy_syntax::ast;
use rpy_syntax::{Diagnostic, Span};
use std::collections::{HashMap, HashSet};

mod const_test;
mod expr;
mod ovfcheck;
mod scan;
pub mod simplify;
pub mod ssi;
mod stmt;

/// Build the graph of a `HostObj::Function`.
pub fn build_function(prog: &Program, func: HostId) -> Result<FlowGraph, Vec<Diagnostic>> {
    let f = prog.function(func);
    let def = f.def.clone();
    let mut b = Builder::new(
        prog,
        Mode::Function { module: f.module },
        &f.qualname,
        def.span,
    );
    // A `*args` parameter is the graph's last parameter (a tuple).
    let params: Vec<ast::Param> = def.params.iter().chain(&def.vararg).cloned().collect();
    let (locals, globals) = scan::assigned_names(&params, &def.body);
    b.globals_declared = globals;
    b.super_ctx = defining_class(prog, func).zip(def.params.first().map(|p| p.name.clone()));
    for name in locals {
        b.slot_of.insert(name.clone(), b.names.len());
        b.names.push(name);
        b.state.push(Slot::Unbound);
    }
    let start = b.g.startblock;
    for p in &params {
        let v = b.g.new_var(Some(&p.name));
        b.g.blocks[start].inputargs.push(v);
        let slot = b.slot_of[&p.name];
        b.state[slot] = Slot::Bound(Value::Var(v), p.span);
    }
    b.stmts(&def.body);
    b.fall_off_end(def.span);
    let mut g = b.finish().0?;
    crate::fold::propagate(prog, &mut g, &[], &[]);
    Ok(g)
}

/// The class whose body defined function `func` (its qualified name is the
/// class's plus its own), for `super()`.
fn defining_class(prog: &Program, func: HostId) -> Option<HostId> {
    // A mixin's method copied into a class (`crate::mixin`) was defined in
    // the mixin.
    if let Some(&m) = prog.mixin_copies.get(&func) {
        return Some(m);
    }
    let f = prog.function(func);
    let owner = f
        .qualname
        .strip_suffix(f.name.as_str())?
        .strip_suffix('.')?;
    prog.objs.iter().find_map(|(id, o)| match o {
        HostObj::Class(c)
            if c.qualname == owner && c.attrs.iter().any(|(_, v)| *v == Const::Host(func)) =>
        {
            Some(id)
        }
        _ => None,
    })
}

/// Build the graph that initialises a module (run by the evaluator).
/// Allocates a `HostObj::Code` / `HostObj::ClassCode` for each `def` /
/// `class` it meets.
pub fn build_module_body(
    prog: &mut Program,
    module: HostId,
    body: &[ast::Stmt],
) -> Result<FlowGraph, Vec<Diagnostic>> {
    let name = prog.module(module).name.clone();
    let (res, objs) = {
        let mut b = Builder::new(prog, Mode::Module { module }, &name, body_span(body));
        b.stmts(body);
        b.fall_off_end(body_span(body));
        b.finish()
    };
    push_objs(prog, objs);
    res
}

/// Build the graph of a class body (see the module docs for its naming
/// convention: `load_global`/`store_global` on the class namespace).
pub fn build_class_body(
    prog: &mut Program,
    module: HostId,
    class: &ast::ClassDef,
) -> Result<FlowGraph, Vec<Diagnostic>> {
    let (res, objs) = {
        let mut b = Builder::new(prog, Mode::Class { module }, &class.name, class.span);
        b.stmts(&class.body);
        b.fall_off_end(class.span);
        b.finish()
    };
    push_objs(prog, objs);
    res
}

fn push_objs(prog: &mut Program, objs: Vec<(HostId, HostObj)>) {
    for (want, o) in objs {
        let got = prog.objs.push(o);
        assert_eq!(got, want, "host object ids allocated out of order");
    }
}

fn body_span(body: &[ast::Stmt]) -> Span {
    match (body.first(), body.last()) {
        (Some(a), Some(b)) => Span {
            end_line: b.span.end_line,
            end_col: b.span.end_col,
            ..a.span
        },
        _ => Span::NONE,
    }
}

#[derive(Copy, Clone, Debug, PartialEq)]
enum Mode {
    Function { module: HostId },
    Module { module: HostId },
    Class { module: HostId },
}

/// What the builder knows about a local at the current point.
#[derive(Clone, Debug)]
enum Slot {
    Unbound,
    /// Bound on some paths only.
    Maybe,
    /// Bound to a value; the span is where it was last assigned
    /// (`Span::NONE` for a phi whose incoming assignments differ). It
    /// becomes the `arg_spans` entry of links passing the value.
    Bound(FlowValue, Span),
}

/// Slots compare by value only: two paths binding the same value at
/// different places need no phi.
impl PartialEq for Slot {
    fn eq(&self, other: &Slot) -> bool {
        match (self, other) {
            (Slot::Unbound, Slot::Unbound) | (Slot::Maybe, Slot::Maybe) => true,
            (Slot::Bound(a, _), Slot::Bound(b, _)) => a == b,
            _ => false,
        }
    }
}

/// The span shared by all of `spans`, else `Span::NONE`.
fn common_span(mut spans: impl Iterator<Item = Span>) -> Span {
    let Some(first) = spans.next() else {
        return Span::NONE;
    };
    if spans.all(|s| s == first) {
        first
    } else {
        Span::NONE
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct JoinId(usize);

/// A merge point whose block is made once all incoming links are known.
#[derive(Default)]
struct Join {
    incoming: Vec<Incoming>,
}

/// A link (already in its source block's exits, target not yet known) and
/// the state it carries: locals plus `extra` values (a result, or the
/// exception pair).
struct Incoming {
    block: Block,
    exit: usize,
    state: Vec<Slot>,
    extra: Vec<FlowValue>,
    /// Where each `extra` value was assigned (parallel to `extra`).
    extra_spans: Vec<Span>,
}

#[derive(Clone)]
struct LoopInfo {
    header: Block,
    /// Slots that have a phi in the header, in inputarg order.
    slots: Vec<usize>,
}

struct HandlerInfo {
    /// Classes caught (function mode; empty in module mode).
    classes: Vec<HostId>,
    join: JoinId,
}

/// Where `continue` goes: a loop's header, or (in a loop unrolled over an
/// `unrolling_iterable`) the next copy of the body.
enum LoopCont {
    Header(LoopInfo),
    Join(JoinId),
}

enum Ctx {
    Loop {
        cont: LoopCont,
        brk: JoinId,
    },
    TryExcept {
        handlers: Vec<HandlerInfo>,
        dispatch: JoinId,
    },
    Finally {
        exc: JoinId,
        ret: JoinId,
        brk: JoinId,
        cont: JoinId,
    },
}

enum Cond {
    Known(bool),
    Var(Var),
}

struct Builder<'p> {
    prog: &'p Program,
    mode: Mode,
    g: FlowGraph,
    cur: Option<Block>,
    names: Vec<String>,
    slot_of: HashMap<String, usize>,
    state: Vec<Slot>,
    globals_declared: HashSet<String>,
    /// Comprehension targets in scope, innermost last.
    comp_scope: Vec<(String, FlowValue)>,
    joins: Vec<Join>,
    ctx: Vec<Ctx>,
    /// The exception pairs caught by the enclosing `except` clauses.
    caught: Vec<(FlowValue, FlowValue)>,
    def_op: HashMap<Var, FlowOp>,
    diags: Vec<Diagnostic>,
    new_objs: Vec<(HostId, HostObj)>,
    /// In a method: its class and first parameter, what `super()` means.
    super_ctx: Option<(HostId, String)>,
}

type R<T> = Result<T, Diagnostic>;

impl<'p> Builder<'p> {
    fn new(prog: &'p Program, mode: Mode, name: &str, span: Span) -> Self {
        let g = FlowGraph::new(name, span);
        let cur = Some(g.startblock);
        Builder {
            prog,
            mode,
            g,
            cur,
            names: Vec::new(),
            slot_of: HashMap::new(),
            state: Vec::new(),
            globals_declared: HashSet::new(),
            comp_scope: Vec::new(),
            joins: Vec::new(),
            ctx: Vec::new(),
            caught: Vec::new(),
            def_op: HashMap::new(),
            diags: Vec::new(),
            new_objs: Vec::new(),
            super_ctx: None,
        }
    }

    fn is_function(&self) -> bool {
        matches!(self.mode, Mode::Function { .. })
    }

    fn module(&self) -> HostId {
        match self.mode {
            Mode::Function { module } | Mode::Module { module } | Mode::Class { module } => module,
        }
    }

    fn alloc_obj(&mut self, o: HostObj) -> HostId {
        let id = HostId::new(self.prog.objs.len() + self.new_objs.len());
        self.new_objs.push((id, o));
        id
    }

    fn exc_class(&self, name: &str) -> Const {
        Const::Host(self.prog.exc_class(name))
    }

    fn finish(mut self) -> (Result<FlowGraph, Vec<Diagnostic>>, Vec<(HostId, HostObj)>) {
        if !self.diags.is_empty() {
            let mut out: Vec<Diagnostic> = Vec::new();
            for d in self.diags {
                if !out.contains(&d) {
                    out.push(d);
                }
            }
            return (Err(out), Vec::new());
        }
        simplify::simplify(&mut self.g);
        ssi::to_block_local(&mut self.g);
        simplify::cleanup_local(&mut self.g);
        for (_, data) in self.g.blocks.iter() {
            for l in &data.exits {
                assert_eq!(
                    l.args.len(),
                    l.arg_spans.len(),
                    "builder: link arg_spans not parallel to args in {}",
                    self.g.name
                );
            }
        }
        if cfg!(debug_assertions) {
            assert_valid(&self.g);
        }
        (Ok(self.g), self.new_objs)
    }

    fn fall_off_end(&mut self, _span: Span) {
        if let Some(b) = self.cur.take() {
            let ret = self.g.returnblock;
            self.g.blocks[b].exits.push(spanned_link(
                vec![Value::Const(Const::None)],
                vec![Span::NONE],
                ret,
            ));
        }
    }

    // ---- emitting ops --------------------------------------------------

    fn cur_block(&self) -> Block {
        self.cur.expect("builder: no current block")
    }

    fn in_try(&self) -> bool {
        self.ctx.iter().any(|c| !matches!(c, Ctx::Loop { .. }))
    }

    /// Append an op to the current block. Inside a `try`, a raising op
    /// ends the block with exception links.
    fn emit(&mut self, kind: FlowOp, args: Vec<FlowValue>, span: Span) -> FlowValue {
        let r = self.push_op(kind, args, span);
        if kind.can_raise() && self.in_try() {
            let b = self.cur_block();
            self.g.blocks[b].exitswitch = Exitswitch::LastException;
            let next = self.g.new_block(vec![]);
            self.g.blocks[b].exits.push(Link::new(vec![], next));
            self.add_exception_links(b);
            self.cur = Some(next);
        }
        Value::Var(r)
    }

    fn push_op(&mut self, kind: FlowOp, args: Vec<FlowValue>, span: Span) -> Var {
        let b = self.cur_block();
        let r = self.g.new_var(None);
        self.g.blocks[b].ops.push(crate::graph::Op {
            kind,
            args,
            result: r,
            span,
        });
        self.def_op.insert(r, kind);
        r
    }

    /// `v = next(it)` ending the current block; StopIteration goes to `stop`.
    fn emit_next(&mut self, it: FlowValue, span: Span, stop: JoinId) -> FlowValue {
        let r = self.push_op(FlowOp::Next, vec![it], span);
        let b = self.cur_block();
        self.g.blocks[b].exitswitch = Exitswitch::LastException;
        let body = self.g.new_block(vec![]);
        self.g.blocks[b].exits.push(Link::new(vec![], body));
        let mut l = Link::new(vec![], self.g.returnblock);
        l.exitcase = Some(self.exc_class("StopIteration"));
        let state = self.state.clone();
        self.add_incoming(b, l, stop, state, vec![], vec![]);
        self.add_exception_links(b);
        self.cur = Some(body);
        Value::Var(r)
    }

    /// The links from a raising op's block to the handlers in scope.
    fn add_exception_links(&mut self, b: Block) {
        let base = self.prog.exc_class("BaseException");
        let mut targets: Vec<(HostId, JoinId)> = Vec::new();
        'walk: for c in self.ctx.iter().rev() {
            match c {
                Ctx::Loop { .. } => {}
                Ctx::TryExcept { handlers, dispatch } => {
                    if !self.is_function() {
                        targets.push((base, *dispatch));
                        break 'walk;
                    }
                    for h in handlers {
                        for &cls in &h.classes {
                            let already = targets.iter().any(|(c, _)| *c == cls)
                                || self.g.blocks[b]
                                    .exits
                                    .iter()
                                    .any(|l| l.exitcase == Some(Const::Host(cls)));
                            if !already {
                                targets.push((cls, h.join));
                            }
                            if cls == base {
                                break 'walk;
                            }
                        }
                    }
                }
                Ctx::Finally { exc, .. } => {
                    targets.push((base, *exc));
                    break 'walk;
                }
            }
        }
        for (cls, join) in targets {
            let t = self.g.new_var(Some("etype"));
            let v = self.g.new_var(Some("evalue"));
            let mut l = Link::new(vec![], self.g.returnblock);
            l.exitcase = Some(Const::Host(cls));
            l.last_exception = Some(t);
            l.last_exc_value = Some(v);
            let state = self.state.clone();
            self.add_incoming(
                b,
                l,
                join,
                state,
                vec![Value::Var(t), Value::Var(v)],
                vec![Span::NONE; 2],
            );
        }
    }

    // ---- joins and branches ----------------------------------------------

    fn new_join(&mut self) -> JoinId {
        self.joins.push(Join::default());
        JoinId(self.joins.len() - 1)
    }

    fn add_incoming(
        &mut self,
        block: Block,
        link: Link<crate::model::Flow>,
        join: JoinId,
        state: Vec<Slot>,
        extra: Vec<FlowValue>,
        extra_spans: Vec<Span>,
    ) {
        debug_assert_eq!(extra.len(), extra_spans.len());
        let exits = &mut self.g.blocks[block].exits;
        exits.push(link);
        let exit = exits.len() - 1;
        self.joins[join.0].incoming.push(Incoming {
            block,
            exit,
            state,
            extra,
            extra_spans,
        });
    }

    /// End the current block with a jump to `join`, carrying `extra`
    /// (values whose assignment position is unknown).
    fn jump(&mut self, join: JoinId, extra: Vec<FlowValue>) {
        let spans = vec![Span::NONE; extra.len()];
        self.jump_spanned(join, extra, spans);
    }

    /// `jump` with the position where each extra value was assigned.
    fn jump_spanned(&mut self, join: JoinId, extra: Vec<FlowValue>, extra_spans: Vec<Span>) {
        if let Some(b) = self.cur.take() {
            let l = Link::new(vec![], self.g.returnblock);
            let state = self.state.clone();
            self.add_incoming(b, l, join, state, extra, extra_spans);
        }
    }

    /// Where the value of `e` was assigned: for a bound local, its last
    /// assignment; otherwise the expression itself.
    fn value_span(&self, e: &ast::Expr) -> Span {
        if let ast::ExprKind::Name(n) = &e.kind {
            if self.comp_scope.iter().any(|(c, _)| c == n) {
                return e.span;
            }
            if let Some(&slot) = self.slot_of.get(n.as_str()) {
                if let Slot::Bound(_, s) = &self.state[slot] {
                    return *s;
                }
            }
        }
        e.span
    }

    /// Make the block of `join` and continue there. Returns the extra
    /// values (phis or the common value), or `None` (and no current
    /// block) when nothing reaches the join.
    fn finalize(&mut self, join: JoinId, hints: &[&str]) -> Option<Vec<FlowValue>> {
        self.finalize_spanned(join, hints).map(|(v, _)| v)
    }

    /// `finalize`, also returning where each extra value was assigned
    /// (the common position of the incoming ones, else `Span::NONE`).
    fn finalize_spanned(
        &mut self,
        join: JoinId,
        hints: &[&str],
    ) -> Option<(Vec<FlowValue>, Vec<Span>)> {
        let incoming = std::mem::take(&mut self.joins[join.0].incoming);
        if incoming.is_empty() {
            self.cur = None;
            return None;
        }
        let mut inputargs = Vec::new();
        // For each inputarg, where its incoming value comes from.
        enum Src {
            Slot(usize),
            Extra(usize),
        }
        let mut srcs = Vec::new();
        let mut state = Vec::with_capacity(self.names.len());
        for i in 0..self.names.len() {
            let all_bound = incoming
                .iter()
                .all(|inc| matches!(inc.state[i], Slot::Bound(..)));
            let any = incoming.iter().any(|inc| inc.state[i] != Slot::Unbound);
            if all_bound {
                let first = &incoming[0].state[i];
                let span = common_span(incoming.iter().map(|inc| match &inc.state[i] {
                    Slot::Bound(_, s) => *s,
                    _ => Span::NONE,
                }));
                if incoming.iter().all(|inc| &inc.state[i] == first) {
                    let Slot::Bound(v, _) = first else {
                        unreachable!("checked all bound")
                    };
                    state.push(Slot::Bound(v.clone(), span));
                } else {
                    let v = self.g.new_var(Some(&self.names[i]));
                    inputargs.push(v);
                    srcs.push(Src::Slot(i));
                    state.push(Slot::Bound(Value::Var(v), span));
                }
            } else if any {
                state.push(Slot::Maybe);
            } else {
                state.push(Slot::Unbound);
            }
        }
        let nextra = incoming[0].extra.len();
        let mut extras = Vec::with_capacity(nextra);
        let mut extra_spans = Vec::with_capacity(nextra);
        for k in 0..nextra {
            extra_spans.push(common_span(incoming.iter().map(|inc| inc.extra_spans[k])));
            let first = &incoming[0].extra[k];
            if incoming.iter().all(|inc| &inc.extra[k] == first) {
                extras.push(first.clone());
            } else {
                let v = self.g.new_var(hints.get(k).copied());
                inputargs.push(v);
                srcs.push(Src::Extra(k));
                extras.push(Value::Var(v));
            }
        }
        let block = self.g.new_block(inputargs);
        for inc in &incoming {
            let (args, spans): (Vec<FlowValue>, Vec<Span>) = srcs
                .iter()
                .map(|s| match s {
                    Src::Slot(i) => match &inc.state[*i] {
                        Slot::Bound(v, sp) => (v.clone(), *sp),
                        _ => unreachable!("phi for a slot not bound on every path"),
                    },
                    Src::Extra(k) => (inc.extra[*k].clone(), inc.extra_spans[*k]),
                })
                .unzip();
            let link = &mut self.g.blocks[inc.block].exits[inc.exit];
            link.target = block;
            link.args = args;
            link.arg_spans = spans;
        }
        self.cur = Some(block);
        self.state = state;
        Some((extras, extra_spans))
    }

    /// End the current block with a switch on a bool var; returns the
    /// (false, true) successor blocks. No current block afterwards.
    fn switch_bool(&mut self, v: Var) -> (Block, Block) {
        let b = self
            .cur
            .take()
            .expect("builder: switch without a current block");
        let bf = self.g.new_block(vec![]);
        let bt = self.g.new_block(vec![]);
        let mut lf = Link::new(vec![], bf);
        lf.exitcase = Some(Const::Bool(false));
        let mut lt = Link::new(vec![], bt);
        lt.exitcase = Some(Const::Bool(true));
        self.g.blocks[b].exitswitch = Exitswitch::Value(v);
        self.g.blocks[b].exits = vec![lf, lt];
        (bf, bt)
    }

    /// Start a loop: a header block with a phi per bound local.
    fn enter_loop(&mut self) -> LoopInfo {
        let b = self.cur_block();
        let mut slots = Vec::new();
        let mut inputargs = Vec::new();
        let mut args = Vec::new();
        let mut spans = Vec::new();
        let mut state = Vec::new();
        for (i, s) in self.state.iter().enumerate() {
            match s {
                Slot::Bound(v, sp) => {
                    let phi = self.g.new_var(Some(&self.names[i]));
                    slots.push(i);
                    inputargs.push(phi);
                    args.push(v.clone());
                    spans.push(*sp);
                    // The phi merges the value assigned before the loop
                    // with those of the back edges: no single position.
                    // If the body never reassigns it, `simplify` replaces
                    // the phi by the entry value and its span.
                    state.push(Slot::Bound(Value::Var(phi), Span::NONE));
                }
                _ => state.push(Slot::Maybe),
            }
        }
        let header = self.g.new_block(inputargs);
        self.g.blocks[b]
            .exits
            .push(spanned_link(args, spans, header));
        self.cur = Some(header);
        self.state = state;
        LoopInfo { header, slots }
    }

    /// Jump back to a loop header.
    fn goto_header(&mut self, info: &LoopInfo) {
        if let Some(b) = self.cur.take() {
            let (args, spans) = info
                .slots
                .iter()
                .map(|&i| match &self.state[i] {
                    Slot::Bound(v, sp) => (v.clone(), *sp),
                    other => unreachable!("local {} became {other:?} inside a loop", self.names[i]),
                })
                .unzip();
            self.g.blocks[b]
                .exits
                .push(spanned_link(args, spans, info.header));
        }
    }

    /// Evaluate a condition: a folded constant or a bool var.
    fn cond(&mut self, e: &ast::Expr) -> R<Cond> {
        if let Some(t) = self.fold_pure(e).as_ref().and_then(crate::fold::truth) {
            return Ok(Cond::Known(t));
        }
        // A test only needs truth values: `and`/`or` there merge bools, so
        // `if items and items[-1] == x:` does not mix a list with a bool.
        match &e.kind {
            ast::ExprKind::BoolOp { op, values } => return self.cond_boolop(*op, values),
            ast::ExprKind::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
            } if matches!(operand.kind, ast::ExprKind::BoolOp { .. }) => {
                return Ok(self.cond_not(operand, e.span)?);
            }
            _ => {}
        }
        let v = self.expr(e)?;
        Ok(self.cond_of(v, e.span))
    }

    fn cond_of(&mut self, v: FlowValue, span: Span) -> Cond {
        match v {
            Value::Const(c) => match const_truth(&c) {
                Some(t) => Cond::Known(t),
                None => match self.emit(FlowOp::Bool, vec![Value::Const(c)], span) {
                    Value::Var(r) => Cond::Var(r),
                    Value::Const(_) => unreachable!(),
                },
            },
            Value::Var(x) => {
                let boolish = matches!(
                    self.def_op.get(&x),
                    Some(
                        FlowOp::Lt
                            | FlowOp::Le
                            | FlowOp::Eq
                            | FlowOp::Ne
                            | FlowOp::Gt
                            | FlowOp::Ge
                            | FlowOp::Is
                            | FlowOp::Not
                            | FlowOp::Bool
                            | FlowOp::Contains
                            | FlowOp::IsInstance
                            | FlowOp::ExcMatch
                    )
                );
                if boolish {
                    Cond::Var(x)
                } else {
                    match self.emit(FlowOp::Bool, vec![Value::Var(x)], span) {
                        Value::Var(r) => Cond::Var(r),
                        Value::Const(_) => unreachable!(),
                    }
                }
            }
        }
    }
}

/// A link passing `args`, assigned at `spans` (parallel).
fn spanned_link(args: Vec<FlowValue>, spans: Vec<Span>, target: Block) -> Link<crate::model::Flow> {
    debug_assert_eq!(args.len(), spans.len());
    let mut l = Link::new(args, target);
    l.arg_spans = spans;
    l
}

/// Truth value of an immutable constant, if it can be known at build time.
fn const_truth(c: &Const) -> Option<bool> {
    match c {
        Const::None => Some(false),
        Const::Bool(b) => Some(*b),
        Const::Int(i) => Some(*i != 0),
        Const::UInt(u) => Some(*u != 0),
        Const::Float(f) => Some(*f != 0.0),
        Const::Str(s) => Some(!s.is_empty()),
        Const::Bytes(b) => Some(!b.is_empty()),
        Const::Tuple(t) => Some(!t.is_empty()),
        Const::Builtin(_) => Some(true),
        Const::Host(_) => None,
    }
}
