//! The fixpoint engine: pending blocks, bindings, re-flow on
//! generalisation, calls between graphs, and error chains.
//!
//! Algorithm (RPython's `annrpython.py`, in our terms):
//! 1. `add_pending(graph, block, cells)` unions `cells` into the block's
//!    input bindings; if anything changed (or the block is new) the block
//!    is queued.
//! 2. `flow_block` annotates the block's ops in order with `rules`; a
//!    call whose callee has no return annotation yet yields `Impossible`,
//!    which *blocks* the rest of the block until the callee's return
//!    generalises (callers are recorded and re-queued then).
//! 3. Each exit link sends its argument annotations to its target.
//! 4. Repeat until the queue is empty.

use crate::call::{bind_args, ArgSource};
use crate::dictdef::DictDef;
use crate::model::{DictDefId, ListDefId, SomeValue, UnionCx, UnionError};
use crate::rules;
use cranelift_entity::{entity_impl, PrimaryMap, SecondaryMap};
use rpy_flow::graph::{Exitswitch, Value};
use rpy_flow::{Block, Const, FlowGraph, HostId, HostObj, Program, Var};
use rpy_syntax::{Diagnostic, Span};
use std::collections::{HashMap, HashSet, VecDeque};

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GraphId(u32);
entity_impl!(GraphId, "graph");

/// How a variable got its annotation, for error messages.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub span: Option<Span>,
    pub why: String,
}

/// A flow graph with the annotations of its variables.
pub struct AnnGraph {
    pub func: HostId,
    pub graph: FlowGraph,
    pub bindings: SecondaryMap<Var, SomeValue>,
    pub origins: SecondaryMap<Var, Origin>,
    /// Blocks (of any graph) that read this graph's return annotation.
    return_readers: HashSet<(GraphId, Block)>,
    /// Blocks whose annotation has been started at least once.
    pub seen: HashSet<Block>,
}

/// A list definition shared by all aliases of a list (union-find).
#[derive(Clone, Debug)]
pub struct ListDef {
    pub item: SomeValue,
    /// Where the item type was first given (for type-conflict notes).
    pub origin: Option<Span>,
    parent: Option<ListDefId>,
    /// Blocks that read items and must re-flow when `item` generalises.
    readers: HashSet<(GraphId, Block)>,
}

pub struct Annotator<'p> {
    pub prog: &'p Program,
    pub graphs: PrimaryMap<GraphId, AnnGraph>,
    graph_of: HashMap<HostId, GraphId>,
    pub listdefs: PrimaryMap<ListDefId, ListDef>,
    /// Classes and their instance attributes (`classdef.rs`).
    pub classdefs: crate::classdef::ClassDefs,
    /// Dict definitions (union-find, see `dictdef.rs`) and those of prebuilt dicts.
    pub dictdefs: PrimaryMap<DictDefId, DictDef>,
    pub prebuilt_dicts: HashMap<HostId, DictDefId>,
    /// Definitions of prebuilt lists (`prebuilt_list.rs`).
    pub prebuilt_lists: crate::prebuilt_list::PrebuiltLists,
    /// The dict made by each `newdict` op (one definition per site).
    pub dict_sites: HashMap<(GraphId, Var), DictDefId>,
    pending: VecDeque<(GraphId, Block)>,
    queued: HashSet<(GraphId, Block)>,
    pub errors: Vec<Diagnostic>,
    /// Blocks that produced an error: not re-flowed (one report each).
    failed: HashSet<(GraphId, Block)>,
    /// The call chain that first reached each graph (for error notes).
    reached_from: SecondaryMap<GraphId, Option<(Span, String)>>,
    /// Specialised graph families and call-site targets (`specialize.rs`).
    pub spec: crate::specialize::SpecState,
    /// Second pass (`rules_widen`): mark widened numbers over the final
    /// annotations.
    pub(crate) marking: bool,
    /// Translating with the JIT (-Ojit): the drivers' helper functions
    /// (`get_printable_location`) are annotated too.
    pub jit: bool,
}

/// Context of the op being annotated, handed to `rules`.
pub struct OpCx<'a, 'p> {
    pub ann: &'a mut Annotator<'p>,
    pub graph: GraphId,
    pub block: Block,
    pub span: Span,
}

pub(crate) struct Cx<'a> {
    pub(crate) listdefs: &'a mut PrimaryMap<ListDefId, ListDef>,
    pub(crate) dictdefs: &'a mut PrimaryMap<DictDefId, DictDef>,
    pub(crate) prog: &'a Program,
    /// Blocks to re-flow because a list's item type generalised.
    pub(crate) requeue: Vec<(GraphId, Block)>,
}

impl UnionCx for Cx<'_> {
    fn merge_lists(&mut self, a: ListDefId, b: ListDefId) -> Result<ListDefId, UnionError> {
        let ra = find(self.listdefs, a);
        let rb = find(self.listdefs, b);
        if ra == rb {
            return Ok(ra);
        }
        let item_b = self.listdefs[rb].item.clone();
        let item_a = self.listdefs[ra].item.clone();
        // Linked first so that a list reached again through its items
        // stops; unlinked if the item types clash (reported by the caller).
        self.listdefs[rb].parent = Some(ra);
        let merged = match item_a.union(&item_b, self) {
            Ok(m) => m,
            Err(e) => {
                self.listdefs[rb].parent = None;
                return Err(e);
            }
        };
        if self.listdefs[rb].origin.is_some() && self.listdefs[ra].origin.is_none() {
            self.listdefs[ra].origin = self.listdefs[rb].origin;
        }
        let readers_b = std::mem::take(&mut self.listdefs[rb].readers);
        self.listdefs[rb].parent = Some(ra);
        let da = &mut self.listdefs[ra];
        da.item = merged;
        da.readers.extend(readers_b);
        self.requeue.extend(da.readers.iter().copied());
        Ok(ra)
    }

    fn merge_dicts(&mut self, a: DictDefId, b: DictDefId) -> DictDefId {
        crate::dictdef::merge(self, a, b)
    }

    fn common_base(&self, a: HostId, b: HostId) -> Option<HostId> {
        crate::classdef::common_base(self.prog, a, b)
    }
}

fn find(defs: &PrimaryMap<ListDefId, ListDef>, mut d: ListDefId) -> ListDefId {
    while let Some(p) = defs[d].parent {
        d = p;
    }
    d
}

/// An error while annotating one op: the message and its notes.
pub type RuleError = Diagnostic;

impl<'p> Annotator<'p> {
    pub fn new(prog: &'p Program) -> Self {
        Annotator {
            prog,
            graphs: PrimaryMap::new(),
            graph_of: HashMap::new(),
            listdefs: PrimaryMap::new(),
            classdefs: crate::classdef::ClassDefs::new(prog),
            dictdefs: PrimaryMap::new(),
            prebuilt_dicts: HashMap::new(),
            prebuilt_lists: Default::default(),
            dict_sites: HashMap::new(),
            pending: VecDeque::new(),
            queued: HashSet::new(),
            errors: Vec::new(),
            failed: HashSet::new(),
            reached_from: SecondaryMap::new(),
            spec: Default::default(),
            marking: false,
            jit: false,
        }
    }

    /// Annotate the program from `entry(argv: list[str])`.
    pub fn annotate_entry(&mut self, entry: HostId) -> Result<GraphId, Vec<Diagnostic>> {
        let argv = self.new_list(SomeValue::Str { nullable: false });
        self.create_prebuilt_lists();
        self.init_prebuilt_dicts();
        self.fill_prebuilt_lists();
        let gid = match self.graph_for(entry) {
            Ok(g) => g,
            Err(d) => return Err(d),
        };
        let params = self.graphs[gid].graph.params().len();
        if params != 1 {
            let f = self.prog.function(entry);
            return Err(vec![Diagnostic::new(
                f.def.span,
                format!(
                    "the entry point must take exactly one argument (argv), but {}() takes {}",
                    f.name, params
                ),
            )]);
        }
        let start = self.graphs[gid].graph.startblock;
        let origin = Origin {
            span: None,
            why: "the entry point's argv".into(),
        };
        self.add_pending(
            gid,
            start,
            vec![(
                SomeValue::List {
                    def: argv,
                    nullable: false,
                },
                origin,
            )],
        );
        self.run();
        while crate::rules_exc::finish_args(self) {
            self.run();
        }
        if self.errors.is_empty() {
            self.mark_widened();
        }
        // After an error the blocks behind it were never annotated, so an
        // attribute they assign would look "never assigned": check only a
        // program that annotated cleanly.
        if self.errors.is_empty() {
            self.check_attrs();
        }
        self.erase_all();
        if !self.errors.is_empty() {
            return Err(dedup_errors(std::mem::take(&mut self.errors)));
        }
        let ret = self.return_annotation(gid);
        if !matches!(
            ret,
            SomeValue::Int | SomeValue::Bool | SomeValue::Impossible
        ) {
            let f = self.prog.function(entry);
            return Err(vec![Diagnostic::new(
                f.def.span,
                format!(
                    "the entry point must return an int (the exit code), but {}() returns {}",
                    f.name,
                    ret.describe()
                ),
            )]);
        }
        Ok(gid)
    }

    pub fn new_list(&mut self, item: SomeValue) -> ListDefId {
        self.listdefs.push(ListDef {
            item,
            origin: None,
            parent: None,
            readers: HashSet::new(),
        })
    }

    /// The (representative) definition of a list.
    pub fn listdef(&self, d: ListDefId) -> &ListDef {
        &self.listdefs[find(&self.listdefs, d)]
    }

    pub fn list_root(&self, d: ListDefId) -> ListDefId {
        find(&self.listdefs, d)
    }

    /// Record that (graph, block) reads list `d`'s items.
    pub fn read_list(&mut self, d: ListDefId, reader: (GraphId, Block)) -> SomeValue {
        let r = find(&self.listdefs, d);
        self.listdefs[r].readers.insert(reader);
        self.listdefs[r].item.clone()
    }

    /// Generalise list `d`'s items with `item`.
    /// `at` is where the item comes from (marks a widened number there).
    pub fn write_list(
        &mut self,
        d: ListDefId,
        item: &SomeValue,
        at: Option<Span>,
    ) -> Result<(), ()> {
        let r = find(&self.listdefs, d);
        let old = self.listdefs[r].item.clone();
        let first = self.listdefs[r].origin;
        let mut cx = Cx {
            listdefs: &mut self.listdefs,
            dictdefs: &mut self.dictdefs,
            prog: self.prog,
            requeue: Vec::new(),
        };
        let new = old.union(item, &mut cx).map_err(|_| ())?;
        let new = if self.marking {
            crate::rules_widen::mark(&old, item, &new, first, at)
        } else {
            new
        };
        let mut requeue = cx.requeue;
        if new != old {
            self.listdefs[r].item = new;
            requeue.extend(self.listdefs[r].readers.iter().copied());
        }
        for b in requeue {
            self.schedule(b);
        }
        Ok(())
    }

    pub fn union(&mut self, a: &SomeValue, b: &SomeValue) -> Option<SomeValue> {
        let mut cx = Cx {
            listdefs: &mut self.listdefs,
            dictdefs: &mut self.dictdefs,
            prog: self.prog,
            requeue: Vec::new(),
        };
        let r = a.union(b, &mut cx).ok();
        let requeue = cx.requeue;
        for blk in requeue {
            self.schedule(blk);
        }
        r
    }

    /// The graph already made for a (not specialised) function.
    pub fn graph_of(&self, func: HostId) -> Option<GraphId> {
        self.graph_of.get(&func).copied()
    }

    /// The graph of a function, built on first use.
    pub fn graph_for(&mut self, func: HostId) -> Result<GraphId, Vec<Diagnostic>> {
        if let Some(&g) = self.graph_of.get(&func) {
            return Ok(g);
        }
        let graph = rpy_flow::build::build_function(self.prog, func)?;
        let gid = self.add_graph(func, graph);
        self.graph_of.insert(func, gid);
        Ok(gid)
    }

    /// Add a graph of `func` (its own, or a specialised copy).
    pub(crate) fn add_graph(&mut self, func: HostId, graph: FlowGraph) -> GraphId {
        self.graphs.push(AnnGraph {
            func,
            graph,
            bindings: SecondaryMap::new(),
            origins: SecondaryMap::new(),
            return_readers: HashSet::new(),
            seen: HashSet::new(),
        })
    }

    pub fn return_annotation(&self, g: GraphId) -> SomeValue {
        let ag = &self.graphs[g];
        ag.bindings[ag.graph.blocks[ag.graph.returnblock].inputargs[0]].clone()
    }

    pub(crate) fn schedule(&mut self, b: (GraphId, Block)) {
        if self.failed.contains(&b) {
            return;
        }
        if self.queued.insert(b) {
            self.pending.push_back(b);
        }
    }

    /// Union `cells` into the input bindings of `block`; queue it if they
    /// changed or it was never flowed.
    pub(crate) fn add_pending(
        &mut self,
        g: GraphId,
        block: Block,
        cells: Vec<(SomeValue, Origin)>,
    ) {
        let inputs = self.graphs[g].graph.blocks[block].inputargs.clone();
        debug_assert_eq!(inputs.len(), cells.len());
        let mut changed = !self.graphs[g].seen.contains(&block);
        for (v, (cell, origin)) in inputs.into_iter().zip(cells) {
            let old = self.graphs[g].bindings[v].clone();
            match self.union(&old, &cell) {
                Some(new) => {
                    let new = if self.marking {
                        let first = self.graphs[g].origins[v].span;
                        crate::rules_widen::mark(&old, &cell, &new, first, origin.span)
                    } else {
                        new
                    };
                    if new != old {
                        changed = true;
                        let ag = &mut self.graphs[g];
                        if old.is_impossible() || ag.origins[v].span.is_none() {
                            ag.origins[v] = origin;
                        }
                        ag.bindings[v] = new;
                    }
                }
                None => {
                    let diag = self.conflict(g, v, &old, &cell, &origin);
                    self.errors.push(diag);
                    self.failed.insert((g, block));
                    return;
                }
            }
        }
        if changed {
            self.graphs[g].seen.insert(block);
            if block == self.graphs[g].graph.returnblock {
                let readers: Vec<_> = self.graphs[g].return_readers.iter().copied().collect();
                for r in readers {
                    self.schedule(r);
                }
            } else if block != self.graphs[g].graph.exceptblock {
                self.schedule((g, block));
            }
        }
    }

    fn conflict(
        &self,
        g: GraphId,
        v: Var,
        old: &SomeValue,
        new: &SomeValue,
        new_origin: &Origin,
    ) -> Diagnostic {
        let ag = &self.graphs[g];
        let name = ag.graph.vars[v].hint.clone();
        let is_return = ag.graph.blocks[ag.graph.returnblock].inputargs[0] == v;
        let what = if is_return {
            format!("the return value of {}()", self.prog.function(ag.func).name)
        } else {
            match &name {
                Some(n) => format!("variable '{n}'"),
                None => "a value".to_string(),
            }
        };
        // Report at the later of the two positions (the one that breaks
        // what came before, in reading order); the other goes in a note.
        let old_origin = &ag.origins[v];
        let key = |s: Option<Span>| s.map(|s| (s.line, s.col));
        let old_is_later = key(old_origin.span) > key(new_origin.span);
        let (here, here_o, there, there_o) = if old_is_later {
            (old, old_origin, new, new_origin)
        } else {
            (new, new_origin, old, old_origin)
        };
        let span = here_o.span.or(there_o.span).unwrap_or(ag.graph.span);
        let mut d = Diagnostic::new(
            span,
            format!("type conflict: {what} is {} here but {} elsewhere; RPython needs one type per variable", self.describe_deep(here), self.describe_deep(there)),
        );
        d = d.with_note(
            there_o.span,
            format!("{} comes from {}", self.describe_deep(there), there_o.why),
        );
        d = d.with_note(
            here_o.span,
            format!("{} comes from {}", self.describe_deep(here), here_o.why),
        );
        let d = self.list_item_notes(there, here, d);
        self.add_call_chain(g, d)
    }

    /// Notes naming the calls that led to graph `g`.
    pub fn add_call_chain(&self, mut g: GraphId, mut d: Diagnostic) -> Diagnostic {
        let mut seen = HashSet::new();
        while let Some((span, caller)) = self.reached_from[g].clone() {
            if !seen.insert(g) {
                break;
            }
            d = d.with_note(Some(span), format!("called from {caller}"));
            match self.graph_of_name(&caller) {
                Some(next) => g = next,
                None => break,
            }
        }
        d
    }

    fn graph_of_name(&self, qualname: &str) -> Option<GraphId> {
        self.graphs
            .iter()
            .find(|(_, ag)| self.prog.function(ag.func).qualname == qualname)
            .map(|(g, _)| g)
    }

    /// The annotation of a value in graph `g`.
    pub fn annotation(&self, g: GraphId, v: &Value<Const>) -> SomeValue {
        match v {
            Value::Var(var) => self.graphs[g].bindings[*var].clone(),
            Value::Const(c) => self.const_annotation(c),
        }
    }

    pub fn const_annotation(&self, c: &Const) -> SomeValue {
        match c {
            Const::None => SomeValue::None,
            Const::Bool(_) => SomeValue::Bool,
            Const::Int(_) => SomeValue::Int,
            Const::UInt(_) => SomeValue::Unsigned,
            Const::Float(_) => SomeValue::Float,
            Const::Str(_) => SomeValue::Str { nullable: false },
            Const::Bytes(_) => SomeValue::Bytes { nullable: false },
            Const::Tuple(items) => {
                SomeValue::Tuple(items.iter().map(|i| self.const_annotation(i)).collect())
            }
            Const::Builtin(b) => SomeValue::Builtin(*b),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::Function(_) => SomeValue::Functions(vec![*h]),
                HostObj::Class(_) => SomeValue::Class(*h),
                HostObj::Instance { class, .. } => SomeValue::Instance {
                    class: *class,
                    nullable: false,
                },
                HostObj::Intrinsic { .. } => crate::rules_rlib::const_annotation(self.prog, *h),
                HostObj::Dict(_) => match self.prebuilt_dicts.get(h) {
                    Some(&def) => SomeValue::Dict {
                        def,
                        nullable: false,
                    },
                    None => SomeValue::Impossible,
                },
                HostObj::List(_) => self.prebuilt_list_annotation(*h),
                _ => SomeValue::Impossible,
            },
        }
    }

    pub(crate) fn run(&mut self) {
        while let Some(b) = self.pending.pop_front() {
            self.queued.remove(&b);
            if self.failed.contains(&b) {
                continue;
            }
            if let Err(d) = self.flow_block(b.0, b.1) {
                let d = self.add_call_chain(b.0, d);
                self.errors.push(d);
                self.failed.insert(b);
            }
        }
    }

    fn flow_block(&mut self, g: GraphId, block: Block) -> Result<(), Diagnostic> {
        let data = self.graphs[g].graph.blocks[block].clone();
        for c in data
            .ops
            .iter()
            .flat_map(|o| o.args.iter())
            .chain(data.exits.iter().flat_map(|l| l.args.iter()))
        {
            if let Value::Const(c) = c {
                self.see_const(c);
            }
        }
        self.check_prebuilt_lists(&data)?;
        // A last op that never returns normally (so far) may still raise:
        // its exception links are followed, not its normal exit.
        let mut only_exc = false;
        for (k, op) in data.ops.iter().enumerate() {
            // `raw` keeps the marks of widened numbers (`rules_widen`);
            // rules see them only where a value flows on unchanged.
            let raw: Vec<SomeValue> = op.args.iter().map(|a| self.annotation(g, a)).collect();
            let erased: Vec<SomeValue> = raw.iter().map(SomeValue::erased).collect();
            let args = if crate::rules_widen::keeps_marks(self, op, &erased) {
                raw.clone()
            } else {
                erased.clone()
            };
            let args = crate::rules_char::view(op, &args);
            for (a, s) in op.args.iter().zip(&args) {
                if let (Value::Const(c), true) = (a, s.is_impossible()) {
                    // A prebuilt object the annotator has no annotation for:
                    // refuse it rather than treat the code as unreachable.
                    let what = match c {
                        Const::Host(h) => match &self.prog.objs[*h] {
                            HostObj::Module(_) => "a module",
                            _ => "an object built at module level",
                        },
                        _ => "this constant",
                    };
                    return Err(Diagnostic::new(
                        op.span,
                        format!("using {what} at run time is not supported"),
                    ));
                }
            }
            if args.iter().any(|a| a.is_impossible()) {
                // An input is not known yet (a call that has not returned):
                // this block is re-flowed when it becomes known.
                return Ok(());
            }
            let mut cx = OpCx {
                ann: self,
                graph: g,
                block,
                span: op.span,
            };
            let ruled = rules::annotate_op(&mut cx, op, &args);
            let result = match ruled {
                Ok(r) => crate::rules_widen::rewiden(self, op, &raw, r),
                Err(d) if !self.marking => return Err(d),
                // The marking pass: annotations are final, so a rule that
                // fails or disagrees now was confused by a mark (a list
                // whose items are marked, say); keep the first pass's.
                Err(_) => {
                    let old = self.graphs[g].bindings[op.result].erased();
                    crate::rules_widen::rewiden(self, op, &raw, old)
                }
            };
            let result = if self.marking {
                crate::rules_widen::keep_final(&self.graphs[g].bindings[op.result], result)
            } else {
                result
            };
            if raw.iter().any(SomeValue::has_widened) {
                crate::rules_widen::replay_store(self, op, &raw, &erased);
            }
            if result.is_impossible() {
                if k + 1 == data.ops.len() && data.exitswitch == Exitswitch::LastException {
                    only_exc = true;
                    break;
                }
                return Ok(());
            }
            let old = self.graphs[g].bindings[op.result].clone();
            let new = match self.union(&old, &result) {
                Some(n) => n,
                None => {
                    return Err(Diagnostic::new(
                        op.span,
                        format!(
                            "type conflict: `{}` gives {} here but {} before",
                            op.kind,
                            result.describe_in(self.prog),
                            old.describe_in(self.prog)
                        ),
                    ));
                }
            };
            let ag = &mut self.graphs[g];
            ag.bindings[op.result] = new;
            ag.origins[op.result] = Origin {
                span: Some(op.span),
                why: format!("the `{}` at this position", op.kind),
            };
        }
        let last_span = data.ops.last().map(|o| o.span);
        for (i, link) in data.exits.iter().enumerate() {
            if only_exc && i == 0 {
                continue;
            }
            let mut cells = Vec::with_capacity(link.args.len());
            let narrowed = crate::rules_class::narrowing(self, g, &data, link);
            if matches!(narrowed, Some((_, SomeValue::Impossible))) {
                continue; // the test rules this way out (e.g. `None is not None`)
            }
            let is_exc_link = data.exitswitch == Exitswitch::LastException && i > 0;
            for (k, a) in link.args.iter().enumerate() {
                let assigned = link.arg_spans.get(k).copied().filter(|s| !s.is_none());
                let (ann, origin) = match a {
                    Value::Var(v) if is_exc_link && Some(*v) == link.last_exception => {
                        let cls = self.exc_case(link.exitcase.as_ref());
                        (
                            SomeValue::Class(cls),
                            Origin {
                                span: last_span,
                                why: "the exception caught here".into(),
                            },
                        )
                    }
                    Value::Var(v) if is_exc_link && Some(*v) == link.last_exc_value => {
                        let cls = self.exc_case(link.exitcase.as_ref());
                        (
                            SomeValue::Instance {
                                class: cls,
                                nullable: false,
                            },
                            Origin {
                                span: last_span,
                                why: "the exception caught here".into(),
                            },
                        )
                    }
                    Value::Var(v) => {
                        let mut o = self.graphs[g].origins[*v].clone();
                        if let Some(s) = assigned {
                            o = Origin {
                                span: Some(s),
                                why: format!("the assignment here ({})", o.why),
                            };
                        }
                        match &narrowed {
                            Some((nv, a)) if nv == v => (a.clone(), o),
                            _ => (self.graphs[g].bindings[*v].clone(), o),
                        }
                    }
                    // The builder's link for falling off the end of a
                    // function carries no span: say so, not "the constant".
                    Value::Const(c @ Const::None)
                        if assigned.is_none()
                            && link.target == self.graphs[g].graph.returnblock =>
                    {
                        let f = &self.prog.function(self.graphs[g].func).name;
                        (
                            self.const_annotation(c),
                            Origin {
                                span: last_span,
                                why: format!("reaching the end of {f}() without a `return` (an implicit `return None`)"),
                            },
                        )
                    }
                    Value::Const(c) => (
                        crate::rules_char::link_const(c, self.const_annotation(c)),
                        Origin {
                            span: assigned.or(last_span),
                            why: format!("the constant {c}"),
                        },
                    ),
                };
                let ann = if link.target == self.graphs[g].graph.returnblock {
                    crate::rules_char::returned(ann)
                } else {
                    ann
                };
                cells.push((ann, origin));
            }
            self.add_pending(g, link.target, cells);
        }
        Ok(())
    }

    fn exc_case(&self, case: Option<&Const>) -> HostId {
        match case {
            Some(Const::Host(h)) => *h,
            _ => self.prog.exc_class("BaseException"),
        }
    }

    /// Annotate a call of the functions `funcs` with these arguments; the
    /// result is the union of their return annotations (`Impossible` while
    /// unknown: the calling block is re-flowed later).
    pub fn call_functions(
        &mut self,
        caller: (GraphId, Block),
        span: Span,
        funcs: &[HostId],
        pos: &[SomeValue],
        kw: &[(String, SomeValue)],
    ) -> Result<SomeValue, Diagnostic> {
        self.call_functions_at(caller, None, span, funcs, pos, kw)
    }

    /// `call_functions` for a call op (`site`), where specialised
    /// functions pick their graph by the call's arguments.
    pub fn call_functions_at(
        &mut self,
        caller: (GraphId, Block),
        site: Option<&crate::specialize::CallSite>,
        span: Span,
        funcs: &[HostId],
        pos: &[SomeValue],
        kw: &[(String, SomeValue)],
    ) -> Result<SomeValue, Diagnostic> {
        let (result, gids) = self.call_graphs(caller, site, span, funcs, pos, kw)?;
        // One of several functions called through a variable: the
        // callees are one call family (`normalize_calls.rs`).
        if funcs.len() > 1 {
            self.normalize_family(&gids, false, &result, span)?;
        }
        Ok(result)
    }

    /// `call_functions_at`, also giving the graphs called (not the
    /// `memo` results).
    pub(crate) fn call_graphs(
        &mut self,
        caller: (GraphId, Block),
        site: Option<&crate::specialize::CallSite>,
        span: Span,
        funcs: &[HostId],
        pos: &[SomeValue],
        kw: &[(String, SomeValue)],
    ) -> Result<(SomeValue, Vec<GraphId>), Diagnostic> {
        let mut gids = Vec::new();
        let mut result = SomeValue::Impossible;
        let mut first_at = None;
        let caller_name = self
            .prog
            .function(self.graphs[caller.0].func)
            .qualname
            .clone();
        for &f in funcs {
            let fobj = self.prog.function(f);
            let kwnames: Vec<String> = kw.iter().map(|(n, _)| n.clone()).collect();
            let sources = bind_args(fobj, pos.len(), &kwnames).map_err(|m| {
                Diagnostic::new(span, m).with_note(
                    Some(fobj.def.span),
                    format!("{}() is defined here", fobj.name),
                )
            })?;
            let defaults = fobj.defaults.clone();
            use crate::specialize::{resolve, Target};
            let gid = match resolve(self, f, caller.0, site, &sources, pos, kw, span)? {
                Target::Graph(g) => g,
                Target::Memo(c) => {
                    self.see_const(&c);
                    let r = self.const_annotation(&c);
                    result = self.union(&result, &r).ok_or_else(|| {
                        Diagnostic::new(span, "the functions called here return different types")
                    })?;
                    continue;
                }
                Target::MemoChoice(cs) => {
                    for c in &cs {
                        self.see_const(c);
                        let r = self.const_annotation(c);
                        result = self.union(&result, &r).ok_or_else(|| {
                            Diagnostic::new(
                                span,
                                "the memo function returns values of different types for the run-time bool arguments",
                            )
                        })?;
                    }
                    continue;
                }
            };
            gids.push(gid);
            if self.reached_from[gid].is_none() {
                self.reached_from[gid] = Some((span, caller_name.clone()));
            }
            let cells: Vec<(SomeValue, Origin)> = sources
                .iter()
                .map(|s| {
                    let ann = match s {
                        ArgSource::Positional(i) => pos[*i].clone(),
                        ArgSource::Keyword(i) => kw[*i].1.clone(),
                        ArgSource::Default(i) => self.const_annotation(&defaults[*i]),
                    };
                    (
                        ann,
                        Origin {
                            span: Some(span),
                            why: format!("the call at this position (from {caller_name})"),
                        },
                    )
                })
                .collect();
            let start = self.graphs[gid].graph.startblock;
            self.add_pending(gid, start, cells);
            self.graphs[gid].return_readers.insert(caller);
            let r = self.return_annotation(gid);
            let u = self.union(&result, &r).ok_or_else(|| {
                let mut d = Diagnostic::new(
                    span,
                    format!(
                        "the functions called here return different types ({} and {}); RPython needs their results to have a common type",
                        result.describe(),
                        r.describe()
                    ),
                );
                for &g in &gids {
                    let fo = self.prog.function(self.graphs[g].func);
                    let ret = self.return_annotation(g);
                    if !ret.is_impossible() {
                        d = d.with_note(
                            Some(fo.def.span),
                            format!("{}() returns {}", fo.qualname, ret.describe()),
                        );
                    }
                }
                d
            })?;
            // Several callees, one returning an int and one a float: the
            // int comes from that function (`rules_widen`).
            let here = Some(fobj.def.span);
            result = if self.marking {
                crate::rules_widen::mark(&result, &r, &u, first_at, here)
            } else {
                u
            };
            first_at = first_at.or(here);
        }
        Ok((result, gids))
    }
}

/// A block flowed again (its inputs generalised, or another caller) can
/// report the same error twice: keep the first of each (span, message).
fn dedup_errors(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    errors
        .into_iter()
        .filter(|d| seen.insert((d.span, d.message.clone())))
        .collect()
}
