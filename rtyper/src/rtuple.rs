//! Tuple helper graphs (`==`, ordering, hash) and the text of lists and
//! tuples (`str`/`repr`, exactly as CPython prints them).
//!
//! A tuple is a GC struct `{hdr, f0, f1, ...}`, one field per position
//! (`Reprs::tuple_type`). For dict keys, `helper_tuple_hash` and
//! `emit_eq` (rlist.rs) give hash and equality of any tuple annotation:
//! the hash combines the items' hashes as CPython's tuplehash (xxHash
//! lanes), so equal tuples hash equally.

use crate::emit::LlValue;
use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSink, OpSinkExt, Slot};
use crate::llop::LlOp as O;
use crate::lltype::{LowType, TypeTable};
use crate::rlist::{non_nullable, ListOps, B, I, STR};
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;

const XXPRIME_1: i64 = 11400714785074694791u64 as i64;
const XXPRIME_2: i64 = 14029467366897019727u64 as i64;
const XXPRIME_5: i64 = 2870177450012600261u64 as i64;

/// The common annotation of items of different primitive annotations
/// (iterating a tuple), if there is one.
pub fn join_anns(items: &[S]) -> Option<S> {
    let mut u = S::Impossible;
    for i in items {
        u = match (&u, i) {
            (S::Impossible, x) => x.clone(),
            (a, b) if a == b => a.clone(),
            (S::Int | S::Bool, S::Int | S::Bool) => S::Int,
            (S::Int | S::Bool | S::Float, S::Int | S::Bool | S::Float) => S::Float,
            (S::Str { nullable: a }, S::Str { nullable: b }) => S::Str { nullable: *a || *b },
            (S::Str { .. }, S::None) | (S::None, S::Str { .. }) => S::Str { nullable: true },
            _ => return None,
        };
    }
    Some(u)
}

/// Field `i` (annotation `it`) of the tuples in slots `a` and `b`.
fn tuple_pair(
    rt: &mut RTyper,
    f: &mut FnBuilder,
    a: Slot,
    b: Slot,
    i: usize,
    it: &S,
) -> (LlValue, LlValue) {
    let lt = rt.lowtype(it);
    let x = f.getfield(f.get(a), &format!("f{i}"), lt);
    let y = f.getfield(f.get(b), &format!("f{i}"), lt);
    (x, y)
}

impl<'a, 'p> RTyper<'a, 'p> {
    fn tuple_items(ann: &S) -> Vec<S> {
        match ann {
            S::Tuple(items) => items.clone(),
            other => panic!("rtyper: {} is not a tuple", other.describe()),
        }
    }

    /// Whether a pointer of annotation `from` can be used unchanged as one
    /// of annotation `to` (both pointers). Instances of a subclass, a
    /// nullable str or list, the same GC type: yes. Tuples (and the tuples
    /// behind `enumerate` and `zip`) only when every field has the same
    /// representation: `(Node, None, 10)` has no room for the middle
    /// field of `(Node, Env or None, int)`, and `(1, 2)` holds an int
    /// where `(int, float)` holds a float.
    pub fn same_layout(&mut self, from: &S, to: &S) -> bool {
        let fields = |rt: &mut Self, a: &[S], b: &[S]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| rt.same_field(x, y))
        };
        match (from, to) {
            (S::Tuple(a), S::Tuple(b)) | (S::Zip(a), S::Zip(b)) => fields(self, a, b),
            (S::Enumerate(a), S::Enumerate(b))
            | (S::Reversed(a), S::Reversed(b))
            | (S::Iterator(a), S::Iterator(b)) => self.same_field(a, b),
            (S::BuiltinMethod { recv: a, .. }, S::BuiltinMethod { recv: b, .. }) => {
                self.same_field(a, b)
            }
            _ => true,
        }
    }

    /// Whether a field (or list item) of annotation `from` has the
    /// representation of one of annotation `to`.
    fn same_field(&mut self, from: &S, to: &S) -> bool {
        let (lf, lt) = (self.lowtype(from), self.lowtype(to));
        lf == lt
            || matches!((lf, lt), (LowType::Ptr(_), LowType::Ptr(_))) && self.same_layout(from, to)
    }

    /// A copy of the tuple `v` (annotation `from`) in the layout of `to`,
    /// each field converted (`RTyper::convert`); tuples are immutable, so
    /// the copy cannot be told apart from the original. Only tuples (and
    /// `enumerate`'s `(iterable, start)` pair) are ever copied: a
    /// mutable object of another layout is an internal error.
    pub fn convert_tuple(
        &mut self,
        e: &mut crate::emit::Emit,
        v: LlValue,
        from: &S,
        to: &S,
    ) -> LlValue {
        let (fa, ta) = match (from, to) {
            (S::Tuple(a), S::Tuple(b)) | (S::Zip(a), S::Zip(b)) => (a.clone(), b.clone()),
            (S::Enumerate(a), S::Enumerate(b)) => {
                (vec![(**a).clone(), S::Int], vec![(**b).clone(), S::Int])
            }
            _ => panic!(
                "rtyper: no conversion from {} to {} (layouts differ)",
                from.describe(),
                to.describe()
            ),
        };
        let LowType::Ptr(t) = self.lowtype(to) else {
            unreachable!("a tuple is a pointer")
        };
        let out = e.op(
            O::Malloc,
            vec![rpy_flow::graph::Value::Const(crate::lltype::LlConst::Type(
                t,
            ))],
            LowType::Ptr(t),
        );
        for (i, (x, y)) in fa.iter().zip(&ta).enumerate() {
            let lx = self.lowtype(x);
            let item = e.getfield(v.clone(), &format!("f{i}"), lx);
            let item = self.convert(e, item, x, y);
            e.setfield(out.clone(), &format!("f{i}"), item);
        }
        out
    }

    /// A prebuilt tuple holding the constants `items`, as annotation `ann`.
    pub fn tuple_const(&mut self, items: &[rpy_flow::Const], ann: &S) -> Result<LlValue, String> {
        let S::Tuple(anns) = ann else {
            return Err(format!(
                "cannot represent a tuple constant as {}",
                ann.describe()
            ));
        };
        let LowType::Ptr(t) = self.lowtype(ann) else {
            unreachable!()
        };
        let mut fields = Vec::new();
        for (c, a) in items.iter().zip(anns) {
            match self.const_value(c, a)? {
                rpy_flow::graph::Value::Const(k) => fields.push(k),
                _ => unreachable!(),
            }
        }
        let i = self.prebuilt.len() as u32;
        self.prebuilt.push(crate::lltype::Prebuilt {
            typ: t,
            fields,
            items: Vec::new(),
        });
        Ok(rpy_flow::graph::Value::Const(
            crate::lltype::LlConst::Prebuilt(i, t),
        ))
    }

    /// `==` of two tuples of annotation `ann`.
    pub fn helper_tuple_eq(&mut self, ann: &S) -> u32 {
        let key = format!("tuple_eq_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let t = rt.lowtype(&ann);
            let items = Self::tuple_items(&ann);
            let (mut f, p) = FnBuilder::new("ll_tuple_eq", &[t, t], B);
            for (i, it) in items.iter().enumerate() {
                let pair = tuple_pair(rt, &mut f, p[0], p[1], i, it);
                rt.differ_at(&mut f, it, false, pair);
            }
            f.ret(c_bool(true));
            f.finish()
        })
    }

    /// `a < b` of two tuples or two lists (lexicographic, as CPython).
    pub fn helper_seq_lt(&mut self, ann: &S) -> u32 {
        let key = format!("seq_lt_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let t = rt.lowtype(&ann);
            let (mut f, p) = FnBuilder::new("ll_seq_lt", &[t, t], B);
            match &ann {
                S::Tuple(items) => {
                    for (i, it) in items.iter().enumerate() {
                        let pair = tuple_pair(rt, &mut f, p[0], p[1], i, it);
                        rt.differ_at(&mut f, it, true, pair);
                    }
                    f.ret(c_bool(false));
                }
                _ => {
                    let lt = rt.list_t_of(&ann);
                    let item = rt.list_item_ann(&ann);
                    let (a, b) = (p[0], p[1]);
                    let na = f.getfield(f.get(a), "length", I);
                    let nb = f.getfield(f.get(b), "length", I);
                    let n = f.int(O::IntMin, na, nb);
                    let n = f.local(I, n);
                    rt.list_first_difference(&mut f, lt, &item, a, b, n, true);
                    let na = f.getfield(f.get(a), "length", I);
                    let nb = f.getfield(f.get(b), "length", I);
                    let r = f.cmp(O::IntLt, na, nb);
                    f.ret(r);
                }
            }
            f.finish()
        })
    }

    /// `hash(x)` of a value of a hashable annotation (ints as
    /// themselves, except -1 -> -2 as CPython; str/bytes by the runtime's
    /// cached hash; tuples by `helper_tuple_hash`).
    pub fn emit_hash(&mut self, f: &mut dyn OpSink, x: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Int => {
                let m1 = f.cmp(O::IntEq, x.clone(), c_int(-1));
                crate::rlist::select(f, m1, c_int(-2), x)
            }
            S::Bool => f.emit(O::CastBoolToInt, vec![x], I),
            S::Str { .. } | S::Bytes { .. } => f.call_extern("rpy_str_hash", vec![x], I),
            S::Tuple(_) => {
                let h = self.helper_tuple_hash(ann);
                f.call(h, vec![x], I)
            }
            S::None => c_int(0),
            _ => match self.lowtype(ann) {
                LowType::Float => {
                    // Integral floats hash as the int; others by truncation
                    // (equal floats hash equally).
                    let i = f.emit(O::CastFloatToInt, vec![x], I);
                    let m1 = f.cmp(O::IntEq, i.clone(), c_int(-1));
                    crate::rlist::select(f, m1, c_int(-2), i)
                }
                _ => c_int(0),
            },
        }
    }

    /// `ll_tuple_hash(t)`: CPython's tuplehash over the items' hashes.
    pub fn helper_tuple_hash(&mut self, ann: &S) -> u32 {
        let key = format!("tuple_hash_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let t = rt.lowtype(&ann);
            let items = Self::tuple_items(&ann);
            let (mut f, p) = FnBuilder::new("ll_tuple_hash", &[t], I);
            let mut acc = c_int(XXPRIME_5);
            for (i, it) in items.iter().enumerate() {
                let lt = rt.lowtype(it);
                let x = f.getfield(f.get(p[0]), &format!("f{i}"), lt);
                let lane = rt.emit_hash(&mut f, x, it);
                let m = f.int(O::IntMul, lane, c_int(XXPRIME_2));
                let a = f.int(O::IntAdd, acc, m);
                // rotate left by 31
                let hi = f.int(O::IntLShift, a.clone(), c_int(31));
                let lo = f.int(O::IntRShift, a, c_int(33));
                let lo = f.int(O::IntAnd, lo, c_int((1i64 << 31) - 1));
                let r = f.int(O::IntOr, hi, lo);
                acc = f.int(O::IntMul, r, c_int(XXPRIME_1));
            }
            let acc = f.int(
                O::IntAdd,
                acc,
                c_int((items.len() as i64) ^ (XXPRIME_5 ^ 3527539)),
            );
            let m1 = f.cmp(O::IntEq, acc.clone(), c_int(-1));
            let r = crate::rlist::select(&mut f, m1, c_int(1546275796), acc);
            f.ret(r);
            f.finish()
        })
    }

    /// `repr(x)` of a value of annotation `ann` (as an item of a list or
    /// tuple: strings quoted).
    pub fn emit_repr(&mut self, f: &mut dyn OpSink, x: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Int => f.call_extern("rpy_str_from_int", vec![x], STR),
            S::Bool => f.call_extern("rpy_str_from_bool", vec![x], STR),
            S::Float => f.call_extern("rpy_str_from_float", vec![x], STR),
            S::None | S::Impossible => self.str_const("None"),
            S::Str { nullable: false } => f.call_extern("rpy_str_repr", vec![x], STR),
            S::Bytes { nullable: false } => f.call_extern("rpy_bytes_repr", vec![x], STR),
            S::Str { nullable: true }
            | S::Bytes { nullable: true }
            | S::List { nullable: true, .. } => {
                let h = self.helper_nullable_repr(ann);
                f.call(h, vec![x], STR)
            }
            S::List { .. } => {
                let h = self.helper_list_repr(ann);
                f.call(h, vec![x], STR)
            }
            S::Tuple(_) => {
                let h = self.helper_tuple_repr(ann);
                f.call(h, vec![x], STR)
            }
            other => self.str_const(&format!("<{}>", other.describe())),
        }
    }

    fn helper_nullable_repr(&mut self, ann: &S) -> u32 {
        let key = format!("nullable_repr_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let inner = non_nullable(&ann);
            let t = rt.lowtype(&ann);
            let none = rt.str_const("None");
            let (mut f, p) = FnBuilder::new("ll_nullable_repr", &[t], STR);
            let isnull = f.emit(O::PtrIsNull, vec![f.get(p[0])], B);
            f.if_else(
                isnull,
                |f| f.ret(none),
                |f| {
                    let g5 = f.get(p[0]);
                    let r = rt.emit_repr(f, g5, &inner);
                    f.ret(r);
                },
            );
            f.finish()
        })
    }

    /// `sep.join(parts)` for a list of str.
    pub fn helper_str_join_list(&mut self) -> u32 {
        self.add_helper("seq_str_join".into(), |_| {
            let sl = LowType::Ptr(TypeTable::STR_LIST);
            let arr = LowType::Ptr(TypeTable::STR_LIST);
            let _ = arr;
            let st = crate::lltype::GcTypeId::from_u32(rpy_abi::TYPEID_PTR_ARRAY);
            let al = LowType::Ptr(st);
            let (mut f, p) = FnBuilder::new("ll_str_join_list", &[STR, sl], STR);
            let (sep, parts) = (p[0], p[1]);
            let n = f.getfield(f.get(parts), "length", I);
            let n = f.local(I, n);
            let seplen = f.emit(O::GetArrayLen, vec![f.get(sep)], I);
            let n1 = f.int(O::IntSub, f.get(n), c_int(1));
            let n1 = f.int(O::IntMax, n1, c_int(0));
            let total = f.int(O::IntMul, n1, seplen);
            let total = f.local(I, total);
            f.for_range(c_int(0), n, |f, k| {
                let items = f.getfield(f.get(parts), "items", al);
                let s = f.op(O::GetArrayItem, vec![items, f.get(k)], STR);
                let len = f.emit(O::GetArrayLen, vec![s], I);
                let t = f.int(O::IntAdd, f.get(total), len);
                f.set(total, t);
            });
            let r = f.malloc_varsize(TypeTable::STR, f.get(total));
            let r = f.local(STR, r);
            let pos = f.local(I, c_int(0));
            let copy_str = |f: &mut FnBuilder, s: crate::fnbuild::Slot| {
                let len = f.emit(O::GetArrayLen, vec![f.get(s)], I);
                let len = f.local(I, len);
                f.for_range(c_int(0), len, |f, j| {
                    let c = f.op(O::GetArrayItem, vec![f.get(s), f.get(j)], LowType::UniChar);
                    let at = f.int(O::IntAdd, f.get(pos), f.get(j));
                    f.op(O::SetArrayItem, vec![f.get(r), at, c], LowType::Void);
                });
                let np = f.int(O::IntAdd, f.get(pos), f.get(len));
                f.set(pos, np);
            };
            f.for_range(c_int(0), n, |f, k| {
                let notfirst = f.cmp(O::IntGt, f.get(k), c_int(0));
                f.if_(notfirst, |f| copy_str(f, sep));
                let items = f.getfield(f.get(parts), "items", al);
                let s = f.op(O::GetArrayItem, vec![items, f.get(k)], STR);
                let s = f.local(STR, s);
                copy_str(f, s);
            });
            f.ret(f.get(r));
            f.finish()
        })
    }

    /// `repr(l)` of a list: `[1, 'a', [2.5]]`.
    pub fn helper_list_repr(&mut self, ann: &S) -> u32 {
        let key = format!("list_repr_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let lt = rt.list_t_of(&ann);
            let item = rt.list_item_ann(&ann);
            let parts_t = rt.list_t(TypeTable::STR_LIST);
            let new = rt.helper_newlist(parts_t);
            let join = rt.helper_str_join_list();
            let (lb, rb, sep, empty) = (
                rt.str_const("["),
                rt.str_const("]"),
                rt.str_const(", "),
                rt.str_const("[]"),
            );
            let (mut f, p) = FnBuilder::new("ll_list_repr", &[lt.lt()], STR);
            let l = p[0];
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let is_empty = f.cmp(O::IntEq, f.get(n), c_int(0));
            f.if_(is_empty, |f| f.ret(empty));
            let parts = f.call(new, vec![f.get(n)], parts_t.lt());
            let parts = f.local(parts_t.lt(), parts);
            f.for_range(c_int(0), n, |f, k| {
                // Re-read the length: an item's repr cannot change it, but stay in bounds.
                let x = f.list_item(lt, f.get(l), f.get(k));
                let s = rt.emit_repr(f, x, &item);
                let pi = f.getfield(f.get(parts), "items", parts_t.arr_lt());
                f.op(O::SetArrayItem, vec![pi, f.get(k), s], LowType::Void);
            });
            let body = f.call(join, vec![sep, f.get(parts)], STR);
            let s1 = f.call_extern("rpy_str_concat", vec![lb, body], STR);
            let s2 = f.call_extern("rpy_str_concat", vec![s1, rb], STR);
            f.ret(s2);
            f.finish()
        })
    }

    /// `repr(t)` of a tuple: `(1, 'a')`, `(1,)`, `()`.
    pub fn helper_tuple_repr(&mut self, ann: &S) -> u32 {
        let key = format!("tuple_repr_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let t = rt.lowtype(&ann);
            let items = Self::tuple_items(&ann);
            let (lp, rp, comma, sep) = (
                rt.str_const("("),
                rt.str_const(")"),
                rt.str_const(",)"),
                rt.str_const(", "),
            );
            let empty = rt.str_const("()");
            let (mut f, p) = FnBuilder::new("ll_tuple_repr", &[t], STR);
            if items.is_empty() {
                f.ret(empty);
                return f.finish();
            }
            let mut acc = lp;
            for (i, it) in items.iter().enumerate() {
                let lt = rt.lowtype(it);
                if i > 0 {
                    acc = f.call_extern("rpy_str_concat", vec![acc, sep.clone()], STR);
                }
                let x = f.getfield(f.get(p[0]), &format!("f{i}"), lt);
                let s = rt.emit_repr(&mut f, x, it);
                acc = f.call_extern("rpy_str_concat", vec![acc, s], STR);
            }
            let close = if items.len() == 1 { comma } else { rp };
            let r = f.call_extern("rpy_str_concat", vec![acc, close], STR);
            f.ret(r);
            f.finish()
        })
    }
}
