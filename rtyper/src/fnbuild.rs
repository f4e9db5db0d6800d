//! `FnBuilder`: structured construction of low-level helper graphs (loops
//! and conditionals) for the list, tuple and iteration helpers.
//!
//! Graphs are SSA without phis (values cross blocks only as link
//! arguments), which makes loops tedious to write by hand. `FnBuilder`
//! keeps a stack of mutable *slots*: every block it creates takes the
//! slots live at that point as input arguments, and every jump passes
//! their current values. So a helper is written like an imperative
//! function: `let i = f.local(I, c(0)); f.while_(|f| ..., |f| ...)`.
//!
//! Rules for users: an `LlValue` computed by `op` is only valid in the
//! block it was made in; anything needed after an `if_`/`while_` must be
//! kept in a slot (read it again with `get`). Slots declared inside a
//! branch or loop body die at its end.

use crate::emit::LlValue;
use crate::llop::LlOp as O;
use crate::lltype::{GcTypeId, Ll, LlConst, LlGraph, LowType};
use cranelift_entity::SecondaryMap;
use rpy_flow::graph::{Exitswitch, Graph, Link, Op, Value};
use rpy_flow::{Block, Var};
use rpy_syntax::Span;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Slot(usize);

pub struct FnBuilder {
    g: Graph<Ll>,
    types: SecondaryMap<Var, LowType>,
    result: LowType,
    slot_types: Vec<LowType>,
    cur: Option<Block>,
    vals: Vec<LlValue>,
}

/// A shared jump target made by `FnBuilder::label`.
pub struct Label {
    block: Block,
    n: usize,
}

/// Something low-level ops can be appended to (a helper being built, or
/// the block the rtyper is rewriting).
pub trait OpSink {
    fn emit(&mut self, kind: O, args: Vec<LlValue>, ty: LowType) -> LlValue;
}

impl OpSink for FnBuilder {
    fn emit(&mut self, kind: O, args: Vec<LlValue>, ty: LowType) -> LlValue {
        self.op(kind, args, ty)
    }
}

impl OpSink for crate::emit::Emit<'_> {
    fn emit(&mut self, kind: O, args: Vec<LlValue>, ty: LowType) -> LlValue {
        self.op(kind, args, ty)
    }
}

pub fn c_int(i: i64) -> LlValue {
    Value::Const(LlConst::Signed(i))
}

pub fn c_bool(b: bool) -> LlValue {
    Value::Const(LlConst::Bool(b))
}

pub fn field(name: &str) -> LlValue {
    Value::Const(LlConst::Field(name.into()))
}

/// Typed op helpers shared by every `OpSink`.
pub trait OpSinkExt: OpSink {
    fn getfield(&mut self, obj: LlValue, name: &str, ty: LowType) -> LlValue {
        self.emit(O::GetField, vec![obj, field(name)], ty)
    }
    fn setfield(&mut self, obj: LlValue, name: &str, v: LlValue) {
        self.emit(O::SetField, vec![obj, field(name), v], LowType::Void);
    }
    fn malloc(&mut self, t: GcTypeId) -> LlValue {
        self.emit(
            O::Malloc,
            vec![Value::Const(LlConst::Type(t))],
            LowType::Ptr(t),
        )
    }
    fn malloc_varsize(&mut self, t: GcTypeId, n: LlValue) -> LlValue {
        self.emit(
            O::MallocVarsize,
            vec![Value::Const(LlConst::Type(t)), n],
            LowType::Ptr(t),
        )
    }
    fn int(&mut self, kind: O, a: LlValue, b: LlValue) -> LlValue {
        self.emit(kind, vec![a, b], LowType::Signed)
    }
    fn cmp(&mut self, kind: O, a: LlValue, b: LlValue) -> LlValue {
        self.emit(kind, vec![a, b], LowType::Bool)
    }
    fn call(&mut self, f: u32, mut args: Vec<LlValue>, ty: LowType) -> LlValue {
        args.insert(0, Value::Const(LlConst::Func(f)));
        self.emit(O::DirectCall, args, ty)
    }
    fn call_extern(&mut self, name: &str, mut args: Vec<LlValue>, ty: LowType) -> LlValue {
        debug_assert!(
            rpy_abi::runtime_func(name).is_some(),
            "unknown runtime function {name}"
        );
        args.insert(0, Value::Const(LlConst::Extern(name.to_string())));
        self.emit(O::DirectCall, args, ty)
    }
    /// `a and b` of two Bools without control flow.
    fn and(&mut self, a: LlValue, b: LlValue) -> LlValue {
        let ai = self.emit(O::CastBoolToInt, vec![a], LowType::Signed);
        let bi = self.emit(O::CastBoolToInt, vec![b], LowType::Signed);
        let both = self.int(O::IntAnd, ai, bi);
        self.emit(O::IntIsTrue, vec![both], LowType::Bool)
    }
}

impl<T: OpSink + ?Sized> OpSinkExt for T {}

impl FnBuilder {
    /// A helper `name(params) -> result`; the params are the first slots.
    pub fn new(name: &str, params: &[LowType], result: LowType) -> (Self, Vec<Slot>) {
        let g = Graph::new(name, Span::NONE);
        let mut types = SecondaryMap::new();
        let ret = g.blocks[g.returnblock].inputargs.clone();
        types[ret[0]] = result;
        let ex = g.blocks[g.exceptblock].inputargs.clone();
        types[ex[0]] = LowType::Signed;
        types[ex[1]] = LowType::Address;
        let mut f = FnBuilder {
            g,
            types,
            result,
            slot_types: params.to_vec(),
            cur: None,
            vals: Vec::new(),
        };
        let ins: Vec<Var> = params.iter().map(|&t| f.var(t)).collect();
        let start = f.g.startblock;
        f.g.blocks[start].inputargs = ins.clone();
        f.cur = Some(start);
        f.vals = ins.into_iter().map(Value::Var).collect();
        (f, (0..params.len()).map(Slot).collect())
    }

    fn var(&mut self, t: LowType) -> Var {
        let v = self.g.new_var(None);
        self.types[v] = t;
        v
    }

    /// A new slot holding `init`.
    pub fn local(&mut self, t: LowType, init: LlValue) -> Slot {
        self.slot_types.truncate(self.vals.len());
        self.slot_types.push(t);
        self.vals.push(init);
        Slot(self.vals.len() - 1)
    }

    pub fn get(&self, s: Slot) -> LlValue {
        self.vals[s.0].clone()
    }

    pub fn set(&mut self, s: Slot, v: LlValue) {
        self.vals[s.0] = v;
    }

    /// Is the current point reachable (not after a return or raise)?
    pub fn live(&self) -> bool {
        self.cur.is_some()
    }

    pub fn op(&mut self, kind: O, args: Vec<LlValue>, ty: LowType) -> LlValue {
        let b = self.cur.expect("FnBuilder: op after the end of the block");
        let result = self.var(ty);
        self.g.blocks[b].ops.push(Op {
            kind,
            args,
            result,
            span: Span::NONE,
        });
        Value::Var(result)
    }

    /// A block taking the first `n` slots.
    fn new_block(&mut self, n: usize) -> (Block, Vec<LlValue>) {
        let tys = self.slot_types[..n].to_vec();
        let ins: Vec<Var> = tys.iter().map(|&t| self.var(t)).collect();
        let b = self.g.new_block(ins.clone());
        (b, ins.into_iter().map(Value::Var).collect())
    }

    fn link_to(&self, target: Block) -> Link<Ll> {
        let n = self.g.blocks[target].inputargs.len();
        Link::new(self.vals[..n].to_vec(), target)
    }

    fn jump(&mut self, target: Block) {
        if let Some(b) = self.cur.take() {
            let l = self.link_to(target);
            self.g.blocks[b].exits = vec![l];
        }
    }

    fn enter(&mut self, b: Block, vals: Vec<LlValue>) {
        self.cur = Some(b);
        self.vals = vals;
    }

    /// Two-way branch on a Bool to two fresh blocks; returns them.
    fn branch(&mut self, cond: LlValue) -> ((Block, Vec<LlValue>), (Block, Vec<LlValue>)) {
        let n = self.vals.len();
        let yes = self.new_block(n);
        let no = self.new_block(n);
        let b = self.cur.take().expect("FnBuilder: branch after the end");
        let cond = match cond {
            Value::Var(v) => v,
            c => {
                // Branch on a constant: materialise it.
                self.cur = Some(b);
                let v = self.op(O::SameAs, vec![c], LowType::Bool);
                self.cur = None;
                v.as_var().expect("var")
            }
        };
        let mut lf = Link::new(self.vals.clone(), no.0);
        lf.exitcase = Some(LlConst::Bool(false));
        let mut lt = Link::new(self.vals.clone(), yes.0);
        lt.exitcase = Some(LlConst::Bool(true));
        self.g.blocks[b].exitswitch = Exitswitch::Value(cond);
        self.g.blocks[b].exits = vec![lf, lt];
        (yes, no)
    }

    /// `if cond { then } else { else_ }`, continuing after both.
    pub fn if_else(
        &mut self,
        cond: LlValue,
        then: impl FnOnce(&mut Self),
        else_: impl FnOnce(&mut Self),
    ) {
        self.if_else_with(&mut (), cond, |f, _| then(f), |f, _| else_(f))
    }

    /// `if_else` with a context both branches may borrow mutably.
    pub fn if_else_with<C: ?Sized>(
        &mut self,
        cx: &mut C,
        cond: LlValue,
        then: impl FnOnce(&mut Self, &mut C),
        else_: impl FnOnce(&mut Self, &mut C),
    ) {
        let n = self.vals.len();
        let (yes, no) = self.branch(cond);
        let mut join: Option<Block> = None;
        self.enter(yes.0, yes.1);
        then(self, cx);
        if self.live() {
            self.vals.truncate(n);
            let j = *join.get_or_insert_with(|| self.new_block(n).0);
            self.jump(j);
        }
        self.enter(no.0, no.1);
        else_(self, cx);
        if self.live() {
            self.vals.truncate(n);
            let j = *join.get_or_insert_with(|| self.new_block(n).0);
            self.jump(j);
        }
        self.slot_types.truncate(n);
        match join {
            Some(j) => {
                let ins = self.g.blocks[j]
                    .inputargs
                    .iter()
                    .map(|v| Value::Var(*v))
                    .collect();
                self.enter(j, ins);
            }
            None => self.cur = None,
        }
    }

    pub fn if_(&mut self, cond: LlValue, then: impl FnOnce(&mut Self)) {
        self.if_else(cond, then, |_| {})
    }

    /// `while cond { body }`; `cond` must not branch.
    pub fn while_(
        &mut self,
        cond: impl FnOnce(&mut Self) -> LlValue,
        body: impl FnOnce(&mut Self),
    ) {
        self.while_with(&mut (), |f, _| cond(f), |f, _| body(f))
    }

    /// `while_` with a context the condition and body may borrow mutably.
    pub fn while_with<C: ?Sized>(
        &mut self,
        cx: &mut C,
        cond: impl FnOnce(&mut Self, &mut C) -> LlValue,
        body: impl FnOnce(&mut Self, &mut C),
    ) {
        let n = self.vals.len();
        let (h, hv) = self.new_block(n);
        self.jump(h);
        self.enter(h, hv);
        let c = cond(self, cx);
        let (yes, no) = self.branch(c);
        self.enter(yes.0, yes.1);
        body(self, cx);
        if self.live() {
            self.vals.truncate(n);
            self.jump(h);
        }
        self.slot_types.truncate(n);
        self.enter(no.0, no.1);
    }

    /// A block several places can jump to (`goto`), entered later with
    /// `bind`: it takes the slots live now. Use it for shared targets that
    /// `if_else` cannot express (a fast path and a slow path meeting).
    pub fn label(&mut self) -> Label {
        let n = self.vals.len();
        Label {
            block: self.new_block(n).0,
            n,
        }
    }

    /// Jumps to `l` with the current values of its slots; the current
    /// point becomes unreachable.
    pub fn goto(&mut self, l: &Label) {
        self.jump(l.block);
    }

    /// Continues at `l` (falling through into it when the current point
    /// is live); slots made after the label die.
    pub fn bind(&mut self, l: Label) {
        self.jump(l.block);
        self.vals.truncate(l.n);
        self.slot_types.truncate(l.n);
        let ins = self.g.blocks[l.block]
            .inputargs
            .iter()
            .map(|v| Value::Var(*v))
            .collect();
        self.enter(l.block, ins);
    }

    /// `for i in range(start, stop)` with `i` in a fresh slot.
    pub fn for_range(&mut self, start: LlValue, stop: Slot, body: impl FnOnce(&mut Self, Slot)) {
        let i = self.local(LowType::Signed, start);
        self.while_(
            |f| {
                let (a, b) = (f.get(i), f.get(stop));
                f.cmp(O::IntLt, a, b)
            },
            |f| {
                body(f, i);
                if f.live() {
                    let v = f.get(i);
                    let v1 = f.int(O::IntAdd, v, c_int(1));
                    f.set(i, v1);
                }
            },
        );
    }

    pub fn ret(&mut self, v: LlValue) {
        if let Some(b) = self.cur.take() {
            let r = self.g.returnblock;
            self.g.blocks[b].exits = vec![Link::new(vec![v], r)];
        }
    }

    /// Raise a fresh instance of the exception class of type `t` with
    /// message `msg` (a str).
    pub fn raise(&mut self, t: GcTypeId, msg: LlValue) {
        let inst = self.malloc(t);
        self.setfield(inst.clone(), "message", msg);
        if let Some(b) = self.cur.take() {
            let ex = self.g.exceptblock;
            self.g.blocks[b].exits = vec![Link::new(vec![c_int(t.as_u32() as i64), inst], ex)];
        }
    }

    pub fn finish(mut self) -> LlGraph {
        if self.cur.is_some() {
            assert_eq!(
                self.result,
                LowType::Void,
                "helper {} falls off its end",
                self.g.name
            );
            self.ret(Value::Const(LlConst::Void));
        }
        if let Err(e) = rpy_flow::check::check_graph(&self.g) {
            panic!("helper {} is malformed: {e:?}", self.g.name);
        }
        LlGraph {
            graph: self.g,
            var_types: self.types,
            result_type: self.result,
        }
    }
}
