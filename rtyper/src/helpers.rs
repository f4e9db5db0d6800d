//! Low-level helper graphs (RPython's `ll_*` functions): list and string
//! operations that need control flow (bounds checks, ranges) are real
//! graphs, so later stages can inline them and the JIT can trace into
//! them. Each is built once per type with `HelperBuilder` and called with
//! `direct_call(Func(i), ...)`.

use crate::emit::{c_signed, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{GcTypeId, Ll, LlConst, LlGraph, LowType, TypeTable};
use crate::rtype::RTyper;
use cranelift_entity::SecondaryMap;
use rpy_flow::graph::{Exitswitch, Graph, Link, Op, Value};
use rpy_flow::{Block, Var};
use rpy_syntax::Span;

/// Builds one helper graph block by block.
pub struct HelperBuilder {
    g: Graph<Ll>,
    types: SecondaryMap<Var, LowType>,
    result: LowType,
}

impl HelperBuilder {
    pub fn new(name: &str, params: &[LowType], result: LowType) -> (Self, Vec<Var>) {
        let g = Graph::new(name, Span::NONE);
        let mut types = SecondaryMap::new();
        let ins = g.blocks[g.returnblock].inputargs.clone();
        types[ins[0]] = result;
        let ex = g.blocks[g.exceptblock].inputargs.clone();
        types[ex[0]] = LowType::Signed;
        types[ex[1]] = LowType::Address;
        let mut hb = HelperBuilder { g, types, result };
        let params: Vec<Var> = params.iter().map(|&t| hb.var(t)).collect();
        let start = hb.g.startblock;
        hb.g.blocks[start].inputargs = params.clone();
        (hb, params)
    }

    fn var(&mut self, t: LowType) -> Var {
        let v = self.g.new_var(None);
        self.types[v] = t;
        v
    }

    pub fn start(&self) -> Block {
        self.g.startblock
    }

    pub fn block(&mut self, tys: &[LowType]) -> (Block, Vec<Var>) {
        let ins: Vec<Var> = tys.iter().map(|&t| self.var(t)).collect();
        (self.g.new_block(ins.clone()), ins)
    }

    pub fn op(&mut self, b: Block, kind: O, args: Vec<LlValue>, ty: LowType) -> LlValue {
        let result = self.var(ty);
        self.g.blocks[b].ops.push(Op {
            kind,
            args,
            result,
            span: Span::NONE,
        });
        Value::Var(result)
    }

    pub fn field(&mut self, b: Block, obj: LlValue, name: &str, ty: LowType) -> LlValue {
        self.op(
            b,
            O::GetField,
            vec![obj, Value::Const(LlConst::Field(name.into()))],
            ty,
        )
    }

    pub fn set_field(&mut self, b: Block, obj: LlValue, name: &str, v: LlValue) {
        self.op(
            b,
            O::SetField,
            vec![obj, Value::Const(LlConst::Field(name.into())), v],
            LowType::Void,
        );
    }

    pub fn jump(&mut self, b: Block, target: Block, args: Vec<LlValue>) {
        self.g.blocks[b].exits = vec![Link::new(args, target)];
    }

    pub fn branch(
        &mut self,
        b: Block,
        cond: LlValue,
        yes: (Block, Vec<LlValue>),
        no: (Block, Vec<LlValue>),
    ) {
        let c = cond.as_var().expect("branch on a variable");
        let mut lf = Link::new(no.1, no.0);
        lf.exitcase = Some(LlConst::Bool(false));
        let mut lt = Link::new(yes.1, yes.0);
        lt.exitcase = Some(LlConst::Bool(true));
        self.g.blocks[b].exitswitch = Exitswitch::Value(c);
        self.g.blocks[b].exits = vec![lf, lt];
    }

    pub fn ret(&mut self, b: Block, v: LlValue) {
        let r = self.g.returnblock;
        self.jump(b, r, vec![v]);
    }

    /// Raise a fresh instance of exception class type `t` with `msg`.
    pub fn raise(&mut self, b: Block, t: GcTypeId, msg: LlValue) {
        let inst = self.op(
            b,
            O::Malloc,
            vec![Value::Const(LlConst::Type(t))],
            LowType::Ptr(t),
        );
        self.set_field(b, inst.clone(), "message", msg);
        let ex = self.g.exceptblock;
        self.jump(b, ex, vec![c_signed(t.as_u32() as i64), inst]);
    }

    pub fn finish(self) -> LlGraph {
        debug_assert!(
            rpy_flow::check::check_graph(&self.g).is_ok(),
            "helper {} is malformed",
            self.g.name
        );
        LlGraph {
            graph: self.g,
            var_types: self.types,
            result_type: self.result,
        }
    }
}

const B: LowType = LowType::Bool;
const I: LowType = LowType::Signed;

impl<'a, 'p> RTyper<'a, 'p> {
    pub(crate) fn add_helper(
        &mut self,
        key: String,
        build: impl FnOnce(&mut Self) -> LlGraph,
    ) -> u32 {
        if let Some(&i) = self.helpers.get(&key) {
            return i;
        }
        let i = self.graphs.len() as u32;
        self.graphs.push(None);
        self.helpers.insert(key, i);
        let g = build(self);
        self.graphs[i as usize] = Some(g);
        i
    }

    pub(crate) fn exc_type(&self, name: &str) -> GcTypeId {
        self.reprs.class_types[&self.prog.exc_class(name)]
    }

    /// Builds an index check: `i` (negative counts from the end) against
    /// `len`; returns the block that continues with (obj, normalised i).
    /// The common case costs one unsigned compare (`int_between(0, i,
    /// len)`); only an index outside `0..len` tests for negative and
    /// normalises.
    fn index_check(
        &mut self,
        hb: &mut HelperBuilder,
        obj_t: LowType,
        len: impl Fn(&mut HelperBuilder, Block, LlValue) -> LlValue,
        msg: &str,
    ) -> (Block, Var, Var) {
        let start = hb.start();
        let params = hb.g.blocks[start].inputargs.clone();
        let (obj, i) = (Value::Var(params[0]), Value::Var(params[1]));
        let n = len(hb, start, obj.clone());
        let inside = hb.op(
            start,
            O::IntBetween,
            vec![c_signed(0), i.clone(), n.clone()],
            B,
        );
        let (slow, slow_in) = hb.block(&[obj_t, I, I]);
        let (adj, adj_in) = hb.block(&[obj_t, I, I]);
        let (ok, ok_in) = hb.block(&[obj_t, I]);
        let (bad, _) = hb.block(&[]);
        hb.branch(
            start,
            inside,
            (ok, vec![obj.clone(), i.clone()]),
            (slow, vec![obj, i, n]),
        );
        let vars = |v: &[Var]| v.iter().map(|x| Value::Var(*x)).collect::<Vec<_>>();
        let neg = hb.op(slow, O::IntLt, vec![Value::Var(slow_in[1]), c_signed(0)], B);
        hb.branch(slow, neg, (adj, vars(&slow_in)), (bad, vec![]));
        let j = hb.op(
            adj,
            O::IntAdd,
            vec![Value::Var(adj_in[1]), Value::Var(adj_in[2])],
            I,
        );
        let inside = hb.op(
            adj,
            O::IntBetween,
            vec![c_signed(0), j.clone(), Value::Var(adj_in[2])],
            B,
        );
        hb.branch(
            adj,
            inside,
            (ok, vec![Value::Var(adj_in[0]), j]),
            (bad, vec![]),
        );
        let m = self.str_const(msg);
        let t = self.exc_type("IndexError");
        hb.raise(bad, t, m);
        (ok, ok_in[0], ok_in[1])
    }

    /// `ll_list_getitem(list, i)`: bounds-checked, negative indices allowed.
    pub fn helper_list_getitem(&mut self, list_t: GcTypeId) -> u32 {
        self.add_helper(format!("list_getitem_{list_t}"), |rt| {
            let list = &rt.reprs.types.types[list_t];
            let arr_lt = list.fields[1].1;
            let LowType::Ptr(arr_t) = arr_lt else {
                unreachable!()
            };
            let item = rt.reprs.types.types[arr_t].items.expect("array");
            let lt = LowType::Ptr(list_t);
            let (mut hb, _) = HelperBuilder::new("ll_list_getitem", &[lt, I], item);
            let (ok, l, i) = rt.index_check(
                &mut hb,
                lt,
                |hb, b, l| hb.field(b, l, "length", I),
                "list index out of range",
            );
            let items = hb.field(ok, Value::Var(l), "items", arr_lt);
            let v = hb.op(ok, O::GetArrayItem, vec![items, Value::Var(i)], item);
            hb.ret(ok, v);
            hb.finish()
        })
    }

    /// `ll_bytes_getitem(b, i)` -> int.
    pub fn helper_bytes_getitem(&mut self) -> u32 {
        self.add_helper("bytes_getitem".into(), |rt| {
            let bt = LowType::Ptr(TypeTable::BYTES);
            let (mut hb, _) = HelperBuilder::new("ll_bytes_getitem", &[bt, I], I);
            let (ok, b, i) = rt.index_check(
                &mut hb,
                bt,
                |hb, blk, s| hb.op(blk, O::GetArrayLen, vec![s], I),
                "index out of range",
            );
            let c = hb.op(
                ok,
                O::GetArrayItem,
                vec![Value::Var(b), Value::Var(i)],
                LowType::Char,
            );
            let r = hb.op(ok, O::CastCharToInt, vec![c], I);
            hb.ret(ok, r);
            hb.finish()
        })
    }

    /// `ll_newrange(start, stop, step)`: the length is computed once;
    /// step 0 raises ValueError.
    pub fn helper_newrange(&mut self) -> u32 {
        self.add_helper("newrange".into(), |rt| {
            let range_t = rt.reprs.range;
            let rt_lt = LowType::Ptr(range_t);
            let (mut hb, p) = HelperBuilder::new("ll_newrange", &[I, I, I], rt_lt);
            let s = hb.start();
            let (start, stop, step) = (Value::Var(p[0]), Value::Var(p[1]), Value::Var(p[2]));
            let (bad, _) = hb.block(&[]);
            let (nz, nz_in) = hb.block(&[I, I, I]);
            let (pos, pos_in) = hb.block(&[I, I, I]);
            let (posl, posl_in) = hb.block(&[I, I, I]);
            let (neg, neg_in) = hb.block(&[I, I, I]);
            let (negl, negl_in) = hb.block(&[I, I, I]);
            let (make, make_in) = hb.block(&[I, I, I]);
            let z = hb.op(s, O::IntEq, vec![step.clone(), c_signed(0)], B);
            hb.branch(s, z, (bad, vec![]), (nz, vec![start, stop, step]));
            let m = rt.str_const("range() arg 3 must not be zero");
            let t = rt.exc_type("ValueError");
            hb.raise(bad, t, m);
            let vars = |v: &[Var]| v.iter().map(|x| Value::Var(*x)).collect::<Vec<_>>();
            let gt = hb.op(nz, O::IntGt, vec![Value::Var(nz_in[2]), c_signed(0)], B);
            hb.branch(nz, gt, (pos, vars(&nz_in)), (neg, vars(&nz_in)));
            // step > 0
            let c = hb.op(
                pos,
                O::IntLt,
                vec![Value::Var(pos_in[0]), Value::Var(pos_in[1])],
                B,
            );
            hb.branch(
                pos,
                c,
                (posl, vars(&pos_in)),
                (
                    make,
                    vec![Value::Var(pos_in[0]), Value::Var(pos_in[2]), c_signed(0)],
                ),
            );
            let d = hb.op(
                posl,
                O::IntSub,
                vec![Value::Var(posl_in[1]), Value::Var(posl_in[0])],
                I,
            );
            let d1 = hb.op(posl, O::IntSub, vec![d, c_signed(1)], I);
            let q = hb.op(posl, O::IntFloorDiv, vec![d1, Value::Var(posl_in[2])], I);
            let n = hb.op(posl, O::IntAdd, vec![q, c_signed(1)], I);
            hb.jump(
                posl,
                make,
                vec![Value::Var(posl_in[0]), Value::Var(posl_in[2]), n],
            );
            // step < 0
            let c = hb.op(
                neg,
                O::IntGt,
                vec![Value::Var(neg_in[0]), Value::Var(neg_in[1])],
                B,
            );
            hb.branch(
                neg,
                c,
                (negl, vars(&neg_in)),
                (
                    make,
                    vec![Value::Var(neg_in[0]), Value::Var(neg_in[2]), c_signed(0)],
                ),
            );
            let d = hb.op(
                negl,
                O::IntSub,
                vec![Value::Var(negl_in[0]), Value::Var(negl_in[1])],
                I,
            );
            let d1 = hb.op(negl, O::IntSub, vec![d, c_signed(1)], I);
            let ns = hb.op(negl, O::IntNeg, vec![Value::Var(negl_in[2])], I);
            let q = hb.op(negl, O::IntFloorDiv, vec![d1, ns], I);
            let n = hb.op(negl, O::IntAdd, vec![q, c_signed(1)], I);
            hb.jump(
                negl,
                make,
                vec![Value::Var(negl_in[0]), Value::Var(negl_in[2]), n],
            );
            // make
            let r = hb.op(
                make,
                O::Malloc,
                vec![Value::Const(LlConst::Type(range_t))],
                rt_lt,
            );
            hb.set_field(make, r.clone(), "start", Value::Var(make_in[0]));
            hb.set_field(make, r.clone(), "step", Value::Var(make_in[1]));
            hb.set_field(make, r.clone(), "length", Value::Var(make_in[2]));
            hb.ret(make, r);
            hb.finish()
        })
    }

    /// Truth of a str or bytes that may be None.
    pub fn helper_nullable_len_is_true(&mut self) -> u32 {
        self.add_helper("nullable_len_is_true".into(), |_| {
            let st = LowType::Ptr(TypeTable::STR);
            let (mut hb, p) = HelperBuilder::new("ll_nullable_len_is_true", &[st], B);
            let s = hb.start();
            let (has, has_in) = hb.block(&[st]);
            let (none, _) = hb.block(&[]);
            let nn = hb.op(s, O::PtrNonNull, vec![Value::Var(p[0])], B);
            hb.branch(s, nn, (has, vec![Value::Var(p[0])]), (none, vec![]));
            hb.ret(none, Value::Const(LlConst::Bool(false)));
            let n = hb.op(has, O::GetArrayLen, vec![Value::Var(has_in[0])], I);
            let t = hb.op(has, O::IntIsTrue, vec![n], B);
            hb.ret(has, t);
            hb.finish()
        })
    }

    /// `ord(s)`: TypeError unless `s` has exactly one character.
    pub fn helper_ord(&mut self) -> u32 {
        self.add_helper("ord".into(), |rt| {
            let st = LowType::Ptr(TypeTable::STR);
            let (mut hb, p) = HelperBuilder::new("ll_ord", &[st], I);
            let s = hb.start();
            let (one, one_in) = hb.block(&[st]);
            let (bad, bad_in) = hb.block(&[I]);
            let n = hb.op(s, O::GetArrayLen, vec![Value::Var(p[0])], I);
            let is1 = hb.op(s, O::IntEq, vec![n.clone(), c_signed(1)], B);
            hb.branch(s, is1, (one, vec![Value::Var(p[0])]), (bad, vec![n]));
            let c = hb.op(
                one,
                O::GetArrayItem,
                vec![Value::Var(one_in[0]), c_signed(0)],
                LowType::UniChar,
            );
            let r = hb.op(one, O::CastUniCharToInt, vec![c], I);
            hb.ret(one, r);
            let ext = |name: &str| Value::Const(LlConst::Extern(name.into()));
            let ns = hb.op(
                bad,
                O::DirectCall,
                vec![ext("rpy_str_from_int"), Value::Var(bad_in[0])],
                st,
            );
            let pre = rt.str_const("ord() expected a character, but string of length ");
            let post = rt.str_const(" found");
            let m1 = hb.op(bad, O::DirectCall, vec![ext("rpy_str_concat"), pre, ns], st);
            let m = hb.op(
                bad,
                O::DirectCall,
                vec![ext("rpy_str_concat"), m1, post],
                st,
            );
            let t = rt.exc_type("TypeError");
            hb.raise(bad, t, m);
            hb.finish()
        })
    }
}
