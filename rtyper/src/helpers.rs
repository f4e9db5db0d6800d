//! Low-level helper graphs (RPython's `ll_*` functions): list and string
//! operations that need control flow (bounds checks, ranges) are real
//! graphs, so later stages can inline them and the JIT can trace into
//! them. Each is built once per type with `FnBuilder` (rtyper/src/fnbuild.rs)
//! and called with `direct_call(Func(i), ...)`; `add_helper` caches them.

use crate::emit::LlValue;
use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSinkExt, Slot};
use crate::llop::LlOp as O;
use crate::lltype::{GcTypeId, LlGraph, LowType, TypeTable};
use crate::rtype::RTyper;

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

    /// Marks helper `g` elidable for the JIT (RPython's `@jit.elidable`
    /// on its pure `ll_*` string functions): a call with constant
    /// arguments is done while tracing and its result becomes a constant.
    /// Only for helpers whose result depends on their arguments alone and
    /// that write nothing.
    pub(crate) fn elidable(&mut self, g: u32) -> u32 {
        self.jit.graph_hints.entry(g).or_default().elidable = true;
        g
    }

    pub(crate) fn exc_type(&self, name: &str) -> GcTypeId {
        self.reprs.class_types[&self.prog.exc_class(name)]
    }

    /// Normalises index slot `i` against `len(obj)` (slot `obj`), raising
    /// IndexError(`msg`) when it is out of range (negative counts from the
    /// end): one `index_check` op (codegen: one unsigned compare on the
    /// common path), so backend passes can merge repeated checks. The one
    /// bounds check of lists, strs and bytes.
    pub(crate) fn index_check(
        &mut self,
        f: &mut FnBuilder,
        obj: Slot,
        i: Slot,
        len: impl FnOnce(&mut FnBuilder, LlValue) -> LlValue,
        msg: &str,
    ) {
        let m = self.str_const(msg);
        let n = len(f, f.get(obj));
        let j = f.op(O::IndexCheck, vec![f.get(i), n, m], I);
        f.set(i, j);
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
            let (mut f, p) = FnBuilder::new("ll_list_getitem", &[lt, I], item);
            let (l, i) = (p[0], p[1]);
            rt.index_check(
                &mut f,
                l,
                i,
                |f, l| f.getfield(l, "length", I),
                "list index out of range",
            );
            let items = f.getfield(f.get(l), "items", arr_lt);
            let v = f.op(O::GetArrayItem, vec![items, f.get(i)], item);
            f.ret(v);
            f.finish()
        })
    }

    /// `ll_bytes_getitem(b, i)` -> int.
    pub fn helper_bytes_getitem(&mut self) -> u32 {
        self.add_helper("bytes_getitem".into(), |rt| {
            let bt = LowType::Ptr(TypeTable::BYTES);
            let (mut f, p) = FnBuilder::new("ll_bytes_getitem", &[bt, I], I);
            let (b, i) = (p[0], p[1]);
            rt.index_check(
                &mut f,
                b,
                i,
                |f, s| f.op(O::GetArrayLen, vec![s], I),
                "index out of range",
            );
            let c = f.op(O::GetArrayItem, vec![f.get(b), f.get(i)], LowType::Char);
            let r = f.op(O::CastCharToInt, vec![c], I);
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_newrange(start, stop, step)`: the length is computed once;
    /// step 0 raises ValueError.
    pub fn helper_newrange(&mut self) -> u32 {
        self.add_helper("newrange".into(), |rt| {
            let range_t = rt.reprs.range;
            let (mut f, p) = FnBuilder::new("ll_newrange", &[I, I, I], LowType::Ptr(range_t));
            let (start, stop, step) = (p[0], p[1], p[2]);
            let z = f.cmp(O::IntEq, f.get(step), c_int(0));
            let m = rt.str_const("range() arg 3 must not be zero");
            let t = rt.exc_type("ValueError");
            f.if_(z, |f| f.raise(t, m));
            let n = f.local(I, c_int(0));
            // ceil((stop - start) / step) when the range is not empty.
            let count = |f: &mut FnBuilder, hi: Slot, lo: Slot, neg_step: bool| {
                let d = f.int(O::IntSub, f.get(hi), f.get(lo));
                let d1 = f.int(O::IntSub, d, c_int(1));
                let s = if neg_step {
                    f.op(O::IntNeg, vec![f.get(step)], I)
                } else {
                    f.get(step)
                };
                let q = f.int(O::IntFloorDiv, d1, s);
                let k = f.int(O::IntAdd, q, c_int(1));
                f.set(n, k);
            };
            let gt = f.cmp(O::IntGt, f.get(step), c_int(0));
            f.if_else(
                gt,
                |f| {
                    let c = f.cmp(O::IntLt, f.get(start), f.get(stop));
                    f.if_(c, |f| count(f, stop, start, false));
                },
                |f| {
                    let c = f.cmp(O::IntGt, f.get(start), f.get(stop));
                    f.if_(c, |f| count(f, start, stop, true));
                },
            );
            let r = f.malloc(range_t);
            f.setfield(r.clone(), "start", f.get(start));
            f.setfield(r.clone(), "step", f.get(step));
            f.setfield(r.clone(), "length", f.get(n));
            f.ret(r);
            f.finish()
        })
    }

    /// Truth of a str or bytes that may be None.
    pub fn helper_nullable_len_is_true(&mut self) -> u32 {
        self.add_helper("nullable_len_is_true".into(), |_| {
            let st = LowType::Ptr(TypeTable::STR);
            let (mut f, p) = FnBuilder::new("ll_nullable_len_is_true", &[st], B);
            let nn = f.op(O::PtrNonNull, vec![f.get(p[0])], B);
            f.if_(nn, |f| {
                let n = f.op(O::GetArrayLen, vec![f.get(p[0])], I);
                let t = f.op(O::IntIsTrue, vec![n], B);
                f.ret(t);
            });
            f.ret(c_bool(false));
            f.finish()
        })
    }

    /// `ord(s)`: TypeError unless `s` has exactly one character.
    pub fn helper_ord(&mut self) -> u32 {
        let g = self.add_helper("ord".into(), |rt| {
            let st = LowType::Ptr(TypeTable::STR);
            let (mut f, p) = FnBuilder::new("ll_ord", &[st], I);
            let s = p[0];
            let n = f.op(O::GetArrayLen, vec![f.get(s)], I);
            let is1 = f.cmp(O::IntEq, n.clone(), c_int(1));
            let n = f.local(I, n);
            f.if_(is1, |f| {
                let c = f.op(O::GetArrayItem, vec![f.get(s), c_int(0)], LowType::UniChar);
                let r = f.op(O::CastUniCharToInt, vec![c], I);
                f.ret(r);
            });
            let pre = rt.str_const("ord() expected a character, but string of length ");
            let post = rt.str_const(" found");
            let ns = f.call_extern("rpy_str_from_int", vec![f.get(n)], st);
            let m1 = f.call_extern("rpy_str_concat", vec![pre, ns], st);
            let m = f.call_extern("rpy_str_concat", vec![m1, post], st);
            let t = rt.exc_type("TypeError");
            f.raise(t, m);
            f.finish()
        });
        self.elidable(g)
    }
}
