//! The rtyper's driver: one low-level graph per annotated graph, with the
//! same blocks and variables; each flow op is rewritten by `lower`, each
//! link gets the conversions its target needs.
//!
//! Invariants kept: block and variable ids of the flow graph are kept in
//! the low-level graph (new ones are appended), so annotations and
//! low-level types can be compared side by side in dumps.

use crate::emit::{c_signed, Emit, LlValue};
use crate::lltype::{Ll, LlConst, LlGraph, LlProgram, LowType, Prebuilt, TypeTable};
use crate::repr::Reprs;
use cranelift_entity::{PrimaryMap, SecondaryMap};
use rpy_annotator::{Annotator, GraphId, SomeValue};
use rpy_flow::graph::{BlockData, Exitswitch, Graph, Link, Value};
use rpy_flow::{Block, Const, HostId, Program, Var};
use rpy_syntax::Diagnostic;
use std::collections::HashMap;

pub struct RTyper<'a, 'p> {
    pub ann: &'a Annotator<'p>,
    pub prog: &'p Program,
    pub reprs: Reprs,
    /// Graphs by `LlConst::Func` index: annotated graphs first (index =
    /// `GraphId`), then helpers.
    pub graphs: Vec<Option<LlGraph>>,
    pub helpers: HashMap<String, u32>,
    pub prebuilt: Vec<Prebuilt>,
    strs: HashMap<String, u32>,
    /// Prebuilt instances and dispatch tables (`rclass.rs`).
    pub class_state: crate::rclass::ClassState,
    bytes: HashMap<Vec<u8>, u32>,
    /// Prebuilt list objects already emitted (`rlist_prebuilt.rs`).
    pub(crate) prebuilt_lists: HashMap<HostId, u32>,
    /// The prebuilt table of one-character strs (`rstr_helpers.rs`).
    pub(crate) char_table: Option<u32>,
    /// JIT drivers met so far and per-graph hints (`lower_jit.rs`).
    pub(crate) jit: crate::lltype::JitInfo,
    pub(crate) jit_driver_ids: HashMap<HostId, u32>,
}

/// Rtype every annotated graph; `entry` is the entry point's graph.
pub fn rtype_program(ann: &Annotator, entry: GraphId) -> Result<LlProgram, Vec<Diagnostic>> {
    let mut rt = RTyper {
        ann,
        prog: ann.prog,
        reprs: Reprs::new(ann.prog),
        graphs: (0..ann.graphs.len()).map(|_| None).collect(),
        helpers: HashMap::new(),
        prebuilt: Vec::new(),
        strs: HashMap::new(),
        class_state: Default::default(),
        bytes: HashMap::new(),
        prebuilt_lists: HashMap::new(),
        char_table: None,
        jit: Default::default(),
        jit_driver_ids: HashMap::new(),
    };
    rt.reprs.dicts.snapshot(ann);
    rt.setup_class_fields();
    let mut errors = Vec::new();
    for (gid, _) in ann.graphs.iter() {
        match rt.rtype_graph(gid) {
            Ok(g) => rt.graphs[cranelift_entity::EntityRef::index(gid)] = Some(g),
            Err(d) => errors.push(ann.add_call_chain(gid, d)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    rt.collect_graph_hints();
    let runtime_exc_typeids = rpy_abi::RUNTIME_EXCEPTIONS
        .iter()
        .map(|name| rt.reprs.class_types[&rt.prog.exc_class(name)].as_u32() as i64)
        .collect();
    let mut type_names = rt.reprs.type_names.clone();
    type_names.resize(rt.reprs.types.types.len(), None);
    Ok(LlProgram {
        types: rt.reprs.types,
        graphs: rt
            .graphs
            .into_iter()
            .map(|g| g.expect("every graph rtyped"))
            .collect(),
        prebuilt: rt.prebuilt,
        entry: cranelift_entity::EntityRef::index(entry) as u32,
        type_names,
        runtime_exc_typeids,
        jit: rt.jit,
    })
}

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn lowtype(&mut self, s: &SomeValue) -> LowType {
        let ann = self.ann;
        self.reprs.lowtype(s, &|d| ann.listdef(d).item.clone())
    }

    pub fn ann_of(&self, g: GraphId, v: &Value<Const>) -> SomeValue {
        self.ann.annotation(g, v)
    }

    /// A prebuilt str object holding `s`.
    pub fn str_const(&mut self, s: &str) -> LlValue {
        let i = match self.strs.get(s) {
            Some(&i) => i,
            None => {
                let i = self.prebuilt.len() as u32;
                self.prebuilt.push(Prebuilt {
                    typ: TypeTable::STR,
                    fields: vec![LlConst::Signed(0)],
                    items: s.chars().map(|c| LlConst::UniChar(c as u32)).collect(),
                });
                self.strs.insert(s.to_string(), i);
                i
            }
        };
        Value::Const(LlConst::Prebuilt(i, TypeTable::STR))
    }

    pub fn bytes_const(&mut self, b: &[u8]) -> LlValue {
        let i = match self.bytes.get(b) {
            Some(&i) => i,
            None => {
                let i = self.prebuilt.len() as u32;
                self.prebuilt.push(Prebuilt {
                    typ: TypeTable::BYTES,
                    fields: vec![LlConst::Signed(0)],
                    items: b.iter().map(|&c| LlConst::Char(c)).collect(),
                });
                self.bytes.insert(b.to_vec(), i);
                i
            }
        };
        Value::Const(LlConst::Prebuilt(i, TypeTable::BYTES))
    }

    /// The low-level constant for `c` seen as a value of annotation `as_`.
    pub fn const_value(&mut self, c: &Const, as_: &SomeValue) -> Result<LlValue, String> {
        let lt = self.lowtype(as_);
        Ok(match (c, lt) {
            (_, LowType::Void) => Value::Const(LlConst::Void),
            (Const::Int(i), LowType::Signed) => c_signed(*i),
            (Const::Int(i), LowType::Unsigned) => Value::Const(LlConst::Unsigned(*i as u64)),
            (Const::UInt(u), LowType::Unsigned) => Value::Const(LlConst::Unsigned(*u)),
            (Const::Bool(b), LowType::Unsigned) => Value::Const(LlConst::Unsigned(*b as u64)),
            (Const::Int(i), LowType::Float) => Value::Const(LlConst::Float(*i as f64)),
            (Const::Bool(b), LowType::Bool) => Value::Const(LlConst::Bool(*b)),
            (Const::Bool(b), LowType::Signed) => c_signed(*b as i64),
            (Const::Bool(b), LowType::Float) => Value::Const(LlConst::Float(*b as i64 as f64)),
            (Const::Float(x), LowType::Float) => Value::Const(LlConst::Float(*x)),
            (Const::Str(s), LowType::Ptr(_)) => self.str_const(s),
            (c @ Const::Str(_), LowType::Signed) if *as_ == SomeValue::Char => {
                c_signed(crate::rchar::char_const(c).expect("a one-character str"))
            }
            (Const::Bytes(b), LowType::Ptr(_)) => self.bytes_const(b),
            (Const::None, LowType::Ptr(t)) => Value::Const(LlConst::Null(t)),
            (Const::Host(h), LowType::Signed) if self.reprs.class_types.contains_key(h) => {
                c_signed(self.reprs.class_types[h].as_u32() as i64)
            }
            (Const::Host(h), LowType::Ptr(_))
                if matches!(self.prog.objs[*h], rpy_flow::HostObj::Instance { .. }) =>
            {
                self.prebuilt_instance(*h)?
            }
            (Const::Host(h), LowType::Address)
                if matches!(self.prog.objs[*h], rpy_flow::HostObj::Function(_)) =>
            {
                Value::Const(LlConst::Func(self.func_index(*h)))
            }
            (Const::Host(h), LowType::Ptr(_))
                if matches!(self.prog.objs[*h], rpy_flow::HostObj::Dict(_)) =>
            {
                self.prebuilt_dict(*h, as_)?
            }
            (Const::Host(h), LowType::Ptr(_))
                if matches!(self.prog.objs[*h], rpy_flow::HostObj::Intrinsic { .. })
                    && *as_ == SomeValue::StrBuilder =>
            {
                self.prebuilt_builder(*h)?
            }
            (Const::Tuple(items), LowType::Ptr(_)) => return self.tuple_const(items, as_),
            (Const::Host(h), LowType::Ptr(_))
                if matches!(self.prog.objs[*h], rpy_flow::HostObj::List(_)) =>
            {
                self.prebuilt_list(*h, as_)?
            }
            _ => {
                return Err(format!(
                    "cannot represent the constant {c} as {}",
                    as_.describe()
                ))
            }
        })
    }

    /// Convert a low-level value of annotation `from` to the
    /// representation of `to`.
    pub fn convert(
        &mut self,
        e: &mut Emit,
        v: LlValue,
        from: &SomeValue,
        to: &SomeValue,
    ) -> LlValue {
        let lf = self.lowtype(from);
        let lt = self.lowtype(to);
        use crate::llop::LlOp as O;
        if matches!(from, SomeValue::Char) && matches!(to, SomeValue::Str { .. }) {
            return self.char_to_str(e, v);
        }
        match (lf, lt) {
            (a, b) if a == b => v,
            // Tuples of another layout (a `None` or an int slot that the
            // union widens) are copied field by field (`rtuple.rs`).
            (LowType::Ptr(_), LowType::Ptr(_)) if !self.same_layout(from, to) => {
                self.convert_tuple(e, v, from, to)
            }
            // An instance upcast, a nullable str or list: the same pointer.
            (LowType::Ptr(_), LowType::Ptr(_)) => v,
            (_, LowType::Void) => Value::Const(LlConst::Void),
            (LowType::Void, LowType::Ptr(t)) => Value::Const(LlConst::Null(t)),
            (LowType::Void, LowType::Address) if matches!(from, SomeValue::Functions(fs) if fs.len() == 1) =>
            {
                let SomeValue::Functions(fs) = from else {
                    unreachable!()
                };
                Value::Const(LlConst::Func(self.func_index(fs[0])))
            }
            (LowType::Bool, LowType::Signed) => e.op(O::CastBoolToInt, vec![v], LowType::Signed),
            (LowType::Bool, LowType::Float) => {
                let i = e.op(O::CastBoolToInt, vec![v], LowType::Signed);
                e.op(O::CastIntToFloat, vec![i], LowType::Float)
            }
            (LowType::Signed, LowType::Float) => e.op(O::CastIntToFloat, vec![v], LowType::Float),
            // r_uint: the same bits, read as unsigned.
            (LowType::Signed, LowType::Unsigned) => e.op(O::SameAs, vec![v], LowType::Unsigned),
            (LowType::Bool, LowType::Unsigned) => {
                let i = e.op(O::CastBoolToInt, vec![v], LowType::Signed);
                e.op(O::SameAs, vec![i], LowType::Unsigned)
            }
            (LowType::Void, LowType::Signed) => c_signed(0),
            (a, b) => panic!("rtyper: no conversion from {a} ({from}) to {b} ({to})"),
        }
    }

    fn rtype_graph(&mut self, gid: GraphId) -> Result<LlGraph, Diagnostic> {
        let ag = &self.ann.graphs[gid];
        let fg = &ag.graph;
        let mut blocks = PrimaryMap::new();
        for (_, bd) in fg.blocks.iter() {
            blocks.push(BlockData::<Ll> {
                inputargs: bd.inputargs.clone(),
                ..BlockData::default()
            });
        }
        let mut g: Graph<Ll> = Graph {
            name: fg.name.clone(),
            blocks,
            vars: fg.vars.clone(),
            startblock: fg.startblock,
            returnblock: fg.returnblock,
            exceptblock: fg.exceptblock,
            span: fg.span,
        };
        let mut types: SecondaryMap<Var, LowType> = SecondaryMap::new();
        for (v, _) in fg.vars.iter() {
            let s = ag.bindings[v].clone();
            types[v] = self.lowtype(&s);
        }
        // The except block always carries (class type id, instance).
        let exc_ins = fg.blocks[fg.exceptblock].inputargs.clone();
        types[exc_ins[0]] = LowType::Signed;
        let base = self.reprs.class_types[&self.prog.exc_class("BaseException")];
        if ag.bindings[exc_ins[1]].is_impossible() {
            types[exc_ins[1]] = LowType::Ptr(base);
        }
        let result_type = types[fg.blocks[fg.returnblock].inputargs[0]];
        for (b, bd) in fg.blocks.iter() {
            if b == fg.returnblock || b == fg.exceptblock {
                continue;
            }
            if !ag.seen.contains(&b) {
                // Never reached by annotation: dead code.
                self.dead_block(&mut g, b, base);
                continue;
            }
            let mut ops = Vec::new();
            let mut blocked = false;
            let mut only_exc = false;
            let mut range_next = None;
            let mut last_start = 0;
            for (i, op) in bd.ops.iter().enumerate() {
                let anns: Vec<SomeValue> = op.args.iter().map(|a| self.ann_of(gid, a)).collect();
                let res = ag.bindings[op.result].clone();
                if anns.iter().any(SomeValue::is_impossible) {
                    blocked = true;
                    break;
                }
                let is_last = i + 1 == bd.ops.len();
                if op.kind == rpy_flow::FlowOp::Next
                    && is_last
                    && bd.exitswitch == Exitswitch::LastException
                {
                    range_next = Some(op.clone());
                    break;
                }
                let mut e = Emit::new(&mut g, &mut types, op.span);
                let (op, anns) = self.char_args(&mut e, op, anns);
                let value = self.lower_op(&mut e, gid, &op, &anns, &res)?;
                last_start = ops.len();
                ops.extend(e.finish(value, op.result));
                if res.is_impossible() && !op.kind.can_raise() {
                    blocked = true;
                    break;
                } else if res.is_impossible() {
                    // A call that never returns normally (it may still
                    // raise into this block's exception links).
                    if is_last && bd.exitswitch == Exitswitch::LastException {
                        only_exc = true;
                    } else {
                        blocked = true;
                    }
                    break;
                }
            }
            g.blocks[b].ops = ops;
            if blocked {
                self.dead_exit(&mut g, b, base);
                continue;
            }
            if let Some(next_op) = range_next {
                self.lower_range_next(&mut g, &mut types, gid, b, &next_op)?;
                continue;
            }
            g.blocks[b].exitswitch = bd.exitswitch.clone();
            for (k, link) in bd.exits.iter().enumerate() {
                if only_exc && k == 0 {
                    let dead = g.new_block(vec![]);
                    self.dead_exit(&mut g, dead, base);
                    g.blocks[b].exits.push(Link::new(vec![], dead));
                    continue;
                }
                let l = self.lower_link(&mut g, &mut types, gid, link)?;
                g.blocks[b].exits.push(l);
            }
            crate::exc_tail::end_with_raising_op(&mut g, &mut types, b, last_start);
        }
        Ok(LlGraph {
            graph: g,
            var_types: types,
            result_type,
        })
    }

    /// End block `b` (never reached, by the annotation) with a stop: a
    /// call of `rpy_fatal_unreachable`, then the except block (which
    /// keeps the graph well formed).
    fn dead_exit(&mut self, g: &mut Graph<Ll>, b: Block, base: crate::lltype::GcTypeId) {
        let name = self.str_const(&g.name);
        let result = g.new_var(None);
        let span = g.span;
        g.blocks[b].ops.push(rpy_flow::graph::Op {
            kind: crate::llop::LlOp::DirectCall,
            args: vec![
                Value::Const(LlConst::Extern("rpy_fatal_unreachable".to_string())),
                name,
            ],
            result,
            span,
        });
        let ex = g.exceptblock;
        g.blocks[b].exitswitch = Exitswitch::None;
        g.blocks[b].exits = vec![Link::new(
            vec![c_signed(0), Value::Const(LlConst::Null(base))],
            ex,
        )];
    }

    fn dead_block(&mut self, g: &mut Graph<Ll>, b: Block, base: crate::lltype::GcTypeId) {
        g.blocks[b].ops.clear();
        self.dead_exit(g, b, base);
    }

    /// A flow link as a low-level link, inserting a conversion block when
    /// a passed value's representation differs from the target's.
    pub fn lower_link(
        &mut self,
        g: &mut Graph<Ll>,
        types: &mut SecondaryMap<Var, LowType>,
        gid: GraphId,
        link: &Link<rpy_flow::Flow>,
    ) -> Result<Link<Ll>, Diagnostic> {
        let ag = &self.ann.graphs[gid];
        let target_ins = ag.graph.blocks[link.target].inputargs.clone();
        let exitcase = match &link.exitcase {
            None => None,
            Some(Const::Bool(b)) => Some(LlConst::Bool(*b)),
            Some(Const::Int(i)) => Some(LlConst::Signed(*i)),
            Some(Const::Host(h)) if self.reprs.class_ranges.contains_key(h) => {
                let (a, b) = self.reprs.class_ranges[h];
                Some(LlConst::ClassRange(a, b))
            }
            Some(c) => panic!("rtyper: unexpected exit case {c}"),
        };
        if let Some(v) = link.last_exception {
            types[v] = LowType::Signed;
        }
        if let Some(v) = link.last_exc_value {
            let cls = match &link.exitcase {
                Some(Const::Host(h)) => *h,
                _ => self.prog.exc_class("BaseException"),
            };
            types[v] = LowType::Ptr(self.reprs.class_types[&cls]);
        }
        // Annotations of what is passed (the caught exception for the
        // link's own variables).
        let mut needs_block = false;
        let mut args = Vec::new();
        let mut from_anns = Vec::new();
        for (a, &t) in link.args.iter().zip(&target_ins) {
            let to = ag.bindings[t].clone();
            match a {
                Value::Const(c) => {
                    let v = self
                        .const_value(c, &to)
                        .map_err(|m| Diagnostic::new(ag.graph.span, m))?;
                    args.push(v);
                    from_anns.push(to);
                }
                Value::Var(v) => {
                    let from = if Some(*v) == link.last_exception {
                        SomeValue::Int
                    } else if Some(*v) == link.last_exc_value {
                        to.clone()
                    } else {
                        ag.bindings[*v].clone()
                    };
                    let lf = if Some(*v) == link.last_exception || Some(*v) == link.last_exc_value {
                        types[*v]
                    } else {
                        self.lowtype(&from)
                    };
                    let lt = self.lowtype(&to);
                    let same = lf == lt
                        || matches!((lf, lt), (LowType::Ptr(_), LowType::Ptr(_)))
                            && self.same_layout(&from, &to);
                    if !same {
                        needs_block = true;
                    }
                    args.push(Value::Var(*v));
                    from_anns.push(from);
                }
            }
        }
        let mut out = Link {
            args: args.clone(),
            target: link.target,
            exitcase,
            last_exception: link.last_exception,
            last_exc_value: link.last_exc_value,
            arg_spans: Vec::new(),
        };
        if needs_block {
            // source --args--> M(fresh inputs) --converted--> target
            let mut ins = Vec::new();
            let mut passed = Vec::new();
            for a in &args {
                if let Value::Var(v) = a {
                    let nv = g.new_var(None);
                    types[nv] = types[*v];
                    ins.push(nv);
                    passed.push(a.clone());
                }
            }
            let m = g.new_block(ins.clone());
            let mut e = Emit::new(g, types, ag.graph.span);
            let mut k = 0;
            let mut converted = Vec::new();
            for (a, (from, &t)) in args.iter().zip(from_anns.iter().zip(&target_ins)) {
                match a {
                    Value::Var(_) => {
                        let to = ag.bindings[t].clone();
                        let cv = self.convert(&mut e, Value::Var(ins[k]), from, &to);
                        k += 1;
                        converted.push(cv);
                    }
                    c => converted.push(c.clone()),
                }
            }
            let ops = e.ops;
            g.blocks[m].ops = ops;
            g.blocks[m].exits = vec![Link::new(converted, link.target)];
            out.args = passed;
            out.target = m;
        }
        Ok(out)
    }

    /// Index of the graph function `f` runs at the call op whose result is
    /// `site` in graph `caller` (its specialised graph, if it has several).
    pub fn call_index(&self, caller: GraphId, site: Var, f: HostId) -> u32 {
        match self.ann.spec.target(caller, site, f) {
            Some(g) => cranelift_entity::EntityRef::index(g) as u32,
            None => self.func_index(f),
        }
    }

    /// Index of the low-level graph of a function.
    pub fn func_index(&self, f: HostId) -> u32 {
        self.ann
            .graphs
            .iter()
            .find(|(_, ag)| ag.func == f)
            .map(|(g, _)| cranelift_entity::EntityRef::index(g) as u32)
            .expect("function was annotated")
    }
}
