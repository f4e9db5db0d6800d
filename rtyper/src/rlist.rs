//! List helper graphs (RPython's `rlist.py` `ll_*` functions), built with
//! `FnBuilder` so that backendopt can inline them and the JIT can trace
//! them.
//!
//! Layout (`rpy_abi`): `LIST { hdr, length, items: Ptr(ARRAY) }`,
//! `ARRAY { hdr, capacity, items[capacity] }`. Growing over-allocates like
//! CPython (`n + n/8 + (n < 9 ? 3 : 6)`), so `append` is amortised O(1).
//! Every index is checked; a bad one raises IndexError with CPython's
//! message. Slice bounds use `NONE` (i64::MIN) for an absent bound and are
//! adjusted as CPython's `PySlice_AdjustIndices`.
//!
//! Helpers that depend only on the layout are keyed by the list's GC type;
//! those that compare or print items (eq, index, sort, repr, ...) are keyed
//! by the item annotation (`ann_key`).

use crate::emit::LlValue;
use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSink, OpSinkExt, Slot};
use crate::llop::LlOp as O;
use crate::lltype::{GcTypeId, LlConst, LowType, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;

pub const I: LowType = LowType::Signed;
pub const B: LowType = LowType::Bool;
pub const STR: LowType = LowType::Ptr(TypeTable::STR);
/// An absent slice bound.
pub const NONE: i64 = i64::MIN;

/// The GC types of one list type.
#[derive(Copy, Clone, Debug)]
pub struct ListT {
    pub list: GcTypeId,
    pub arr: GcTypeId,
    pub item: LowType,
}

impl ListT {
    pub fn lt(&self) -> LowType {
        LowType::Ptr(self.list)
    }
    pub fn arr_lt(&self) -> LowType {
        LowType::Ptr(self.arr)
    }
}

/// `cond ? a : b` on Signed values, without control flow.
/// List item access shared by every `OpSink`.
pub trait ListOps: OpSink {
    /// `l.items[k]` of a list of type `lt` (no bounds check).
    fn list_item(&mut self, lt: ListT, l: LlValue, k: LlValue) -> LlValue {
        let items = self.getfield(l, "items", lt.arr_lt());
        self.emit(O::GetArrayItem, vec![items, k], lt.item)
    }
}

impl<T: OpSink + ?Sized> ListOps for T {}

/// `ann` without None: what a nullable pointer holds once tested non-null.
pub fn non_nullable(ann: &S) -> S {
    match ann {
        S::Str { .. } => S::Str { nullable: false },
        S::Bytes { .. } => S::Bytes { nullable: false },
        S::List { def, .. } => S::List {
            def: *def,
            nullable: false,
        },
        S::Dict { def, .. } => S::Dict {
            def: *def,
            nullable: false,
        },
        S::Instance { class, .. } => S::Instance {
            class: *class,
            nullable: false,
        },
        other => other.clone(),
    }
}

pub fn select(f: &mut dyn OpSink, cond: LlValue, a: LlValue, b: LlValue) -> LlValue {
    let c = f.emit(O::CastBoolToInt, vec![cond], I);
    let d = f.int(O::IntSub, a, b.clone());
    let m = f.int(O::IntMul, c, d);
    f.int(O::IntAdd, b, m)
}

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn list_t(&self, list: GcTypeId) -> ListT {
        let l = &self.reprs.types.types[list];
        let LowType::Ptr(arr) = l.fields[1].1 else {
            panic!("{} is not a list type", l.name)
        };
        let item = self.reprs.types.types[arr].items.expect("list item array");
        ListT { list, arr, item }
    }

    /// The list type of a list annotation.
    pub fn list_t_of(&mut self, ann: &S) -> ListT {
        match self.lowtype(ann) {
            LowType::Ptr(t) => self.list_t(t),
            other => panic!("rtyper: {} is not a list ({other})", ann.describe()),
        }
    }

    /// The list type and item annotation of lists of `item`.
    pub fn list_of_item(&mut self, item: &S) -> (ListT, S) {
        let it = self.lowtype(item);
        let t = self.reprs.list_type(it);
        (self.list_t(t), item.clone())
    }

    /// The item annotation of a list annotation.
    pub fn list_item_ann(&self, ann: &S) -> S {
        match ann {
            S::List { def, .. } => self.ann.listdef(*def).item.clone(),
            other => panic!("rtyper: {} is not a list", other.describe()),
        }
    }

    /// A key naming an annotation's run-time semantics (lists by item).
    pub fn ann_key(&self, s: &S) -> String {
        match s {
            S::List { def, nullable } => format!(
                "list{}[{}]",
                if *nullable { "?" } else { "" },
                self.ann_key(&self.ann.listdef(*def).item)
            ),
            S::Tuple(items) => format!(
                "({})",
                items
                    .iter()
                    .map(|i| self.ann_key(i))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            other => format!("{other:?}"),
        }
    }

    /// `ll_arraycopy(src, src_start, dst, dst_start, n)` with memmove
    /// semantics (overlap in one array is fine): one `arraycopy` op.
    pub fn helper_arraycopy(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("arraycopy_{}", lt.arr), |_| {
            let a = lt.arr_lt();
            let (mut f, p) = FnBuilder::new("ll_arraycopy", &[a, I, a, I, I], LowType::Void);
            let (src, ss, dst, ds, n) = (p[0], p[1], p[2], p[3], p[4]);
            f.op(
                O::ArrayCopy,
                vec![f.get(src), f.get(dst), f.get(ss), f.get(ds), f.get(n)],
                LowType::Void,
            );
            f.finish()
        })
    }

    /// `ll_newlist(n)`: a list of length `n` with zeroed items.
    pub fn helper_newlist(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("newlist_{}", lt.list), |_| {
            let (mut f, p) = FnBuilder::new("ll_newlist", &[I], lt.lt());
            let l = f.malloc(lt.list);
            let a = f.malloc_varsize(lt.arr, f.get(p[0]));
            f.setfield(l.clone(), "length", f.get(p[0]));
            f.setfield(l.clone(), "items", a);
            f.ret(l);
            f.finish()
        })
    }

    /// `ll_list_resize(l, newlen)`: grows the item array if needed.
    pub fn helper_list_resize(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_resize_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let (mut f, p) = FnBuilder::new("ll_list_resize", &[lt.lt(), I], LowType::Void);
            let (l, n) = (p[0], p[1]);
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            let cap = f.emit(O::GetArrayLen, vec![items], I);
            let grow = f.cmp(O::IntGt, f.get(n), cap);
            f.if_(grow, |f| {
                let nv = f.get(n);
                let small = f.cmp(O::IntLt, nv.clone(), c_int(9));
                let extra = select(f, small, c_int(3), c_int(6));
                let eighth = f.int(O::IntRShift, nv.clone(), c_int(3));
                let c1 = f.int(O::IntAdd, nv, eighth);
                let newcap = f.int(O::IntAdd, c1, extra);
                let na = f.malloc_varsize(lt.arr, newcap);
                let old = f.getfield(f.get(l), "items", lt.arr_lt());
                let len = f.getfield(f.get(l), "length", I);
                f.call(
                    copy,
                    vec![old, c_int(0), na.clone(), c_int(0), len],
                    LowType::Void,
                );
                f.setfield(f.get(l), "items", na);
            });
            f.setfield(f.get(l), "length", f.get(n));
            f.finish()
        })
    }

    /// `l.append(x)`.
    pub fn helper_list_append(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_append_{}", lt.list), |rt| {
            let resize = rt.helper_list_resize(lt);
            let (mut f, p) = FnBuilder::new("ll_list_append", &[lt.lt(), lt.item], LowType::Void);
            let (l, x) = (p[0], p[1]);
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            let cap = f.emit(O::GetArrayLen, vec![items], I);
            let room = f.cmp(O::IntLt, f.get(n), cap);
            f.if_else(
                room,
                |f| {
                    let n1 = f.int(O::IntAdd, f.get(n), c_int(1));
                    f.setfield(f.get(l), "length", n1);
                },
                |f| {
                    let n1 = f.int(O::IntAdd, f.get(n), c_int(1));
                    f.call(resize, vec![f.get(l), n1], LowType::Void);
                },
            );
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            f.op(
                O::SetArrayItem,
                vec![items, f.get(n), f.get(x)],
                LowType::Void,
            );
            f.finish()
        })
    }

    /// `helpers::index_check` of list slot `l`.
    fn check_index(&mut self, f: &mut FnBuilder, l: Slot, i: Slot, msg: &str) {
        self.index_check(f, l, i, |f, l| f.getfield(l, "length", I), msg)
    }

    /// `l[i] = x`.
    pub fn helper_list_setitem(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_setitem_{}", lt.list), |rt| {
            let (mut f, p) =
                FnBuilder::new("ll_list_setitem", &[lt.lt(), I, lt.item], LowType::Void);
            rt.check_index(&mut f, p[0], p[1], "list assignment index out of range");
            let items = f.getfield(f.get(p[0]), "items", lt.arr_lt());
            f.op(
                O::SetArrayItem,
                vec![items, f.get(p[1]), f.get(p[2])],
                LowType::Void,
            );
            f.finish()
        })
    }

    /// `l.pop(i)` (`pop()` is `pop(-1)`); also `del l[i]` (`is_del`).
    pub fn helper_list_pop(&mut self, lt: ListT, is_del: bool) -> u32 {
        let key = format!(
            "list_{}_{}",
            if is_del { "delitem" } else { "pop" },
            lt.list
        );
        self.add_helper(key, |rt| {
            let copy = rt.helper_arraycopy(lt);
            let res = if is_del { LowType::Void } else { lt.item };
            let (mut f, p) = FnBuilder::new(
                if is_del {
                    "ll_list_delitem"
                } else {
                    "ll_list_pop"
                },
                &[lt.lt(), I],
                res,
            );
            let (l, i) = (p[0], p[1]);
            if is_del {
                rt.check_index(&mut f, l, i, "list assignment index out of range");
            } else {
                let n = f.getfield(f.get(l), "length", I);
                let empty = f.cmp(O::IntEq, n, c_int(0));
                let t = rt.exc_type("IndexError");
                let m = rt.str_const("pop from empty list");
                f.if_(empty, |f| f.raise(t, m));
                rt.check_index(&mut f, l, i, "pop index out of range");
            }
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            let x = f.op(O::GetArrayItem, vec![items.clone(), f.get(i)], lt.item);
            let x = f.local(lt.item, x);
            let n = f.getfield(f.get(l), "length", I);
            let i1 = f.int(O::IntAdd, f.get(i), c_int(1));
            let rest = f.int(O::IntSub, n.clone(), i1.clone());
            f.call(
                copy,
                vec![items.clone(), i1, items, f.get(i), rest],
                LowType::Void,
            );
            let n1 = f.int(O::IntSub, n, c_int(1));
            f.setfield(f.get(l), "length", n1);
            f.ret(if is_del {
                Value::Const(LlConst::Void)
            } else {
                f.get(x)
            });
            f.finish()
        })
    }

    /// `l.insert(i, x)`.
    pub fn helper_list_insert(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_insert_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let resize = rt.helper_list_resize(lt);
            let (mut f, p) =
                FnBuilder::new("ll_list_insert", &[lt.lt(), I, lt.item], LowType::Void);
            let (l, i, x) = (p[0], p[1], p[2]);
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let neg = f.cmp(O::IntLt, f.get(i), c_int(0));
            let adj = f.int(O::IntAdd, f.get(i), f.get(n));
            let g2 = f.get(i);
            let iv = select(&mut f, neg, adj, g2);
            let iv = f.int(O::IntMax, iv, c_int(0));
            let iv = f.int(O::IntMin, iv, f.get(n));
            f.set(i, iv);
            let n1 = f.int(O::IntAdd, f.get(n), c_int(1));
            f.call(resize, vec![f.get(l), n1], LowType::Void);
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            let i1 = f.int(O::IntAdd, f.get(i), c_int(1));
            let rest = f.int(O::IntSub, f.get(n), f.get(i));
            f.call(
                copy,
                vec![items.clone(), f.get(i), items.clone(), i1, rest],
                LowType::Void,
            );
            f.op(
                O::SetArrayItem,
                vec![items, f.get(i), f.get(x)],
                LowType::Void,
            );
            f.finish()
        })
    }

    /// `l.extend(other)` / `l += other` for two lists of one type.
    pub fn helper_list_extend(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_extend_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let resize = rt.helper_list_resize(lt);
            let (mut f, p) = FnBuilder::new("ll_list_extend", &[lt.lt(), lt.lt()], LowType::Void);
            let (l, o) = (p[0], p[1]);
            let n1 = f.getfield(f.get(l), "length", I);
            let n2 = f.getfield(f.get(o), "length", I);
            let tot = f.int(O::IntAdd, n1.clone(), n2.clone());
            f.call(resize, vec![f.get(l), tot], LowType::Void);
            let src = f.getfield(f.get(o), "items", lt.arr_lt());
            let dst = f.getfield(f.get(l), "items", lt.arr_lt());
            f.call(copy, vec![src, c_int(0), dst, n1, n2], LowType::Void);
            f.finish()
        })
    }

    /// `a + b` -> a new list.
    pub fn helper_list_add(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_add_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let new = rt.helper_newlist(lt);
            let (mut f, p) = FnBuilder::new("ll_list_add", &[lt.lt(), lt.lt()], lt.lt());
            let (a, b) = (p[0], p[1]);
            let na = f.getfield(f.get(a), "length", I);
            let nb = f.getfield(f.get(b), "length", I);
            let tot = f.int(O::IntAdd, na.clone(), nb.clone());
            let r = f.call(new, vec![tot], lt.lt());
            let ri = f.getfield(r.clone(), "items", lt.arr_lt());
            let ai = f.getfield(f.get(a), "items", lt.arr_lt());
            let bi = f.getfield(f.get(b), "items", lt.arr_lt());
            f.call(
                copy,
                vec![ai, c_int(0), ri.clone(), c_int(0), na.clone()],
                LowType::Void,
            );
            f.call(copy, vec![bi, c_int(0), ri, na, nb], LowType::Void);
            f.ret(r);
            f.finish()
        })
    }

    /// `l * n` -> a new list.
    pub fn helper_list_mul(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_mul_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let new = rt.helper_newlist(lt);
            let (mut f, p) = FnBuilder::new("ll_list_mul", &[lt.lt(), I], lt.lt());
            let (l, n) = (p[0], p[1]);
            let nv = f.int(O::IntMax, f.get(n), c_int(0));
            f.set(n, nv);
            let len = f.getfield(f.get(l), "length", I);
            let len = f.local(I, len);
            let tot = f.int(O::IntMul, f.get(len), f.get(n));
            let r = f.call(new, vec![tot], lt.lt());
            let r = f.local(lt.lt(), r);
            f.for_range(c_int(0), n, |f, k| {
                let src = f.getfield(f.get(l), "items", lt.arr_lt());
                let dst = f.getfield(f.get(r), "items", lt.arr_lt());
                let at = f.int(O::IntMul, f.get(k), f.get(len));
                f.call(
                    copy,
                    vec![src, c_int(0), dst, at, f.get(len)],
                    LowType::Void,
                );
            });
            f.ret(f.get(r));
            f.finish()
        })
    }

    /// `l.reverse()`.
    pub fn helper_list_reverse(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_reverse_{}", lt.list), |_| {
            let (mut f, p) = FnBuilder::new("ll_list_reverse", &[lt.lt()], LowType::Void);
            let l = p[0];
            let n = f.getfield(f.get(l), "length", I);
            let i = f.local(I, c_int(0));
            let j0 = f.int(O::IntSub, n, c_int(1));
            let j = f.local(I, j0);
            f.while_(
                |f| f.cmp(O::IntLt, f.get(i), f.get(j)),
                |f| {
                    let items = f.getfield(f.get(l), "items", lt.arr_lt());
                    let a = f.op(O::GetArrayItem, vec![items.clone(), f.get(i)], lt.item);
                    let b = f.op(O::GetArrayItem, vec![items.clone(), f.get(j)], lt.item);
                    f.op(
                        O::SetArrayItem,
                        vec![items.clone(), f.get(i), b],
                        LowType::Void,
                    );
                    f.op(O::SetArrayItem, vec![items, f.get(j), a], LowType::Void);
                    let i1 = f.int(O::IntAdd, f.get(i), c_int(1));
                    f.set(i, i1);
                    let j1 = f.int(O::IntSub, f.get(j), c_int(1));
                    f.set(j, j1);
                },
            );
            f.finish()
        })
    }

    /// Adjusts slice bounds (slots, `NONE` when absent) to the length
    /// `len` as CPython does; returns a slot with the slice length.
    /// Raises ValueError on a zero step.
    fn adjust_slice(
        &mut self,
        f: &mut FnBuilder,
        len: Slot,
        start: Slot,
        stop: Slot,
        step: Slot,
    ) -> Slot {
        let zero = f.cmp(O::IntEq, f.get(step), c_int(0));
        let t = self.exc_type("ValueError");
        let m = self.str_const("slice step cannot be zero");
        f.if_(zero, |f| f.raise(t, m));
        for (k, s) in [start, stop].into_iter().enumerate() {
            let is_none = f.cmp(O::IntEq, f.get(s), c_int(NONE));
            f.if_else(
                is_none,
                |f| {
                    let neg = f.cmp(O::IntLt, f.get(step), c_int(0));
                    let n1 = f.int(O::IntSub, f.get(len), c_int(1));
                    // start: neg ? len-1 : 0; stop: neg ? -1 : len
                    let g3 = f.get(len);
                    let v = if k == 0 {
                        select(f, neg, n1, c_int(0))
                    } else {
                        select(f, neg, c_int(-1), g3)
                    };
                    f.set(s, v);
                },
                |f| {
                    let below = f.cmp(O::IntLt, f.get(s), c_int(0));
                    f.if_else(
                        below,
                        |f| {
                            let v = f.int(O::IntAdd, f.get(s), f.get(len));
                            let still = f.cmp(O::IntLt, v.clone(), c_int(0));
                            let neg = f.cmp(O::IntLt, f.get(step), c_int(0));
                            let floor = select(f, neg, c_int(-1), c_int(0));
                            let v = select(f, still, floor, v);
                            f.set(s, v);
                        },
                        |f| {
                            let above = f.cmp(O::IntGe, f.get(s), f.get(len));
                            let neg = f.cmp(O::IntLt, f.get(step), c_int(0));
                            let n1 = f.int(O::IntSub, f.get(len), c_int(1));
                            let g4 = f.get(len);
                            let ceil = select(f, neg, n1, g4);
                            let g5 = f.get(s);
                            let v = select(f, above, ceil, g5);
                            f.set(s, v);
                        },
                    );
                },
            );
        }
        let count = f.local(I, c_int(0));
        let neg = f.cmp(O::IntLt, f.get(step), c_int(0));
        f.if_else(
            neg,
            |f| {
                let some = f.cmp(O::IntLt, f.get(stop), f.get(start));
                f.if_(some, |f| {
                    let d = f.int(O::IntSub, f.get(start), f.get(stop));
                    let d1 = f.int(O::IntSub, d, c_int(1));
                    let ns = f.emit(O::IntNeg, vec![f.get(step)], I);
                    let q = f.int(O::IntFloorDiv, d1, ns);
                    let c = f.int(O::IntAdd, q, c_int(1));
                    f.set(count, c);
                });
            },
            |f| {
                let some = f.cmp(O::IntLt, f.get(start), f.get(stop));
                f.if_(some, |f| {
                    let d = f.int(O::IntSub, f.get(stop), f.get(start));
                    let d1 = f.int(O::IntSub, d, c_int(1));
                    let q = f.int(O::IntFloorDiv, d1, f.get(step));
                    let c = f.int(O::IntAdd, q, c_int(1));
                    f.set(count, c);
                });
            },
        );
        count
    }

    /// `l[start:stop:step]` -> a new list.
    pub fn helper_list_getslice(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_getslice_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let new = rt.helper_newlist(lt);
            let (mut f, p) = FnBuilder::new("ll_list_getslice", &[lt.lt(), I, I, I], lt.lt());
            let (l, start, stop, step) = (p[0], p[1], p[2], p[3]);
            let len = f.getfield(f.get(l), "length", I);
            let len = f.local(I, len);
            let count = rt.adjust_slice(&mut f, len, start, stop, step);
            let r = f.call(new, vec![f.get(count)], lt.lt());
            let r = f.local(lt.lt(), r);
            let one = f.cmp(O::IntEq, f.get(step), c_int(1));
            f.if_else(
                one,
                |f| {
                    let src = f.getfield(f.get(l), "items", lt.arr_lt());
                    let dst = f.getfield(f.get(r), "items", lt.arr_lt());
                    f.call(
                        copy,
                        vec![src, f.get(start), dst, c_int(0), f.get(count)],
                        LowType::Void,
                    );
                },
                |f| {
                    f.for_range(c_int(0), count, |f, k| {
                        let src = f.getfield(f.get(l), "items", lt.arr_lt());
                        let dst = f.getfield(f.get(r), "items", lt.arr_lt());
                        let off = f.int(O::IntMul, f.get(k), f.get(step));
                        let si = f.int(O::IntAdd, f.get(start), off);
                        let v = f.op(O::GetArrayItem, vec![src, si], lt.item);
                        f.op(O::SetArrayItem, vec![dst, f.get(k), v], LowType::Void);
                    });
                },
            );
            f.ret(f.get(r));
            f.finish()
        })
    }

    /// `del l[start:stop:step]`.
    pub fn helper_list_delslice(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_delslice_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let (mut f, p) = FnBuilder::new("ll_list_delslice", &[lt.lt(), I, I, I], LowType::Void);
            let (l, start, stop, step) = (p[0], p[1], p[2], p[3]);
            let len = f.getfield(f.get(l), "length", I);
            let len = f.local(I, len);
            let count = rt.adjust_slice(&mut f, len, start, stop, step);
            let some = f.cmp(O::IntGt, f.get(count), c_int(0));
            f.if_(some, |f| {
                let neg = f.cmp(O::IntLt, f.get(step), c_int(0));
                f.if_(neg, |f| {
                    let c1 = f.int(O::IntSub, f.get(count), c_int(1));
                    let back = f.int(O::IntMul, c1, f.get(step));
                    let s = f.int(O::IntAdd, f.get(start), back);
                    f.set(start, s);
                    let ns = f.emit(O::IntNeg, vec![f.get(step)], I);
                    f.set(step, ns);
                });
                let one = f.cmp(O::IntEq, f.get(step), c_int(1));
                f.if_else(
                    one,
                    |f| {
                        let items = f.getfield(f.get(l), "items", lt.arr_lt());
                        let from = f.int(O::IntAdd, f.get(start), f.get(count));
                        let rest = f.int(O::IntSub, f.get(len), from.clone());
                        f.call(
                            copy,
                            vec![items.clone(), from, items, f.get(start), rest],
                            LowType::Void,
                        );
                    },
                    |f| {
                        let w = f.local(I, f.get(start));
                        let removed = f.local(I, c_int(0));
                        let next = f.local(I, f.get(start));
                        f.for_range(f.get(start), len, |f, r| {
                            let more = f.cmp(O::IntLt, f.get(removed), f.get(count));
                            let hit = f.cmp(O::IntEq, f.get(r), f.get(next));
                            let del = f.and(more, hit);
                            f.if_else(
                                del,
                                |f| {
                                    let x = f.int(O::IntAdd, f.get(removed), c_int(1));
                                    f.set(removed, x);
                                    let x = f.int(O::IntAdd, f.get(next), f.get(step));
                                    f.set(next, x);
                                },
                                |f| {
                                    let items = f.getfield(f.get(l), "items", lt.arr_lt());
                                    let v = f.op(
                                        O::GetArrayItem,
                                        vec![items.clone(), f.get(r)],
                                        lt.item,
                                    );
                                    f.op(O::SetArrayItem, vec![items, f.get(w), v], LowType::Void);
                                    let x = f.int(O::IntAdd, f.get(w), c_int(1));
                                    f.set(w, x);
                                },
                            );
                        });
                    },
                );
                let n = f.int(O::IntSub, f.get(len), f.get(count));
                f.setfield(f.get(l), "length", n);
            });
            f.finish()
        })
    }

    /// `l[start:stop:step] = v` (`v` a list of the same type).
    pub fn helper_list_setslice(&mut self, lt: ListT) -> u32 {
        self.add_helper(format!("list_setslice_{}", lt.list), |rt| {
            let copy = rt.helper_arraycopy(lt);
            let resize = rt.helper_list_resize(lt);
            let getslice = rt.helper_list_getslice(lt);
            let (mut f, p) = FnBuilder::new(
                "ll_list_setslice",
                &[lt.lt(), I, I, I, lt.lt()],
                LowType::Void,
            );
            let (l, start, stop, step, v) = (p[0], p[1], p[2], p[3], p[4]);
            let same = f.cmp(O::PtrEq, f.get(l), f.get(v));
            f.if_(same, |f| {
                let c = f.call(
                    getslice,
                    vec![f.get(v), c_int(NONE), c_int(NONE), c_int(1)],
                    lt.lt(),
                );
                f.set(v, c);
            });
            let len = f.getfield(f.get(l), "length", I);
            let len = f.local(I, len);
            let count = rt.adjust_slice(&mut f, len, start, stop, step);
            let m = f.getfield(f.get(v), "length", I);
            let m = f.local(I, m);
            let one = f.cmp(O::IntEq, f.get(step), c_int(1));
            let bad_t = rt.exc_type("ValueError");
            let pre = rt.str_const("attempt to assign sequence of size ");
            let mid = rt.str_const(" to extended slice of size ");
            f.if_else(
                one,
                |f| {
                    let after = f.int(O::IntAdd, f.get(start), f.get(count));
                    let tail = f.int(O::IntSub, f.get(len), after);
                    let tail = f.local(I, tail);
                    let d = f.int(O::IntSub, f.get(m), f.get(count));
                    let newlen = f.int(O::IntAdd, f.get(len), d);
                    let newlen = f.local(I, newlen);
                    let move_tail = |f: &mut FnBuilder| {
                        let items = f.getfield(f.get(l), "items", lt.arr_lt());
                        let from = f.int(O::IntAdd, f.get(start), f.get(count));
                        let to = f.int(O::IntAdd, f.get(start), f.get(m));
                        f.call(
                            copy,
                            vec![items.clone(), from, items, to, f.get(tail)],
                            LowType::Void,
                        );
                    };
                    let grows = f.cmp(O::IntGt, f.get(m), f.get(count));
                    f.if_else(
                        grows,
                        |f| {
                            f.call(resize, vec![f.get(l), f.get(newlen)], LowType::Void);
                            move_tail(f);
                        },
                        |f| {
                            move_tail(f);
                            f.call(resize, vec![f.get(l), f.get(newlen)], LowType::Void);
                        },
                    );
                    let src = f.getfield(f.get(v), "items", lt.arr_lt());
                    let dst = f.getfield(f.get(l), "items", lt.arr_lt());
                    f.call(
                        copy,
                        vec![src, c_int(0), dst, f.get(start), f.get(m)],
                        LowType::Void,
                    );
                },
                |f| {
                    let differ = f.cmp(O::IntNe, f.get(m), f.get(count));
                    f.if_(differ, |f| {
                        let ms = f.call_extern("rpy_str_from_int", vec![f.get(m)], STR);
                        let cs = f.call_extern("rpy_str_from_int", vec![f.get(count)], STR);
                        let s1 = f.call_extern("rpy_str_concat", vec![pre, ms], STR);
                        let s2 = f.call_extern("rpy_str_concat", vec![s1, mid], STR);
                        let s3 = f.call_extern("rpy_str_concat", vec![s2, cs], STR);
                        f.raise(bad_t, s3);
                    });
                    f.for_range(c_int(0), count, |f, k| {
                        let src = f.getfield(f.get(v), "items", lt.arr_lt());
                        let dst = f.getfield(f.get(l), "items", lt.arr_lt());
                        let x = f.op(O::GetArrayItem, vec![src, f.get(k)], lt.item);
                        let off = f.int(O::IntMul, f.get(k), f.get(step));
                        let di = f.int(O::IntAdd, f.get(start), off);
                        f.op(O::SetArrayItem, vec![dst, di, x], LowType::Void);
                    });
                },
            );
            f.finish()
        })
    }

    // ---- Operations that depend on the items' semantics ----

    /// `a == b` for two values of annotation `ann`.
    pub fn emit_eq(&mut self, f: &mut dyn OpSink, a: LlValue, b: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Int => f.cmp(O::IntEq, a, b),
            S::Bool => {
                let x = f.emit(O::CastBoolToInt, vec![a], I);
                let y = f.emit(O::CastBoolToInt, vec![b], I);
                f.cmp(O::IntEq, x, y)
            }
            S::Float => f.cmp(O::FloatEq, a, b),
            S::None | S::Impossible => c_bool(true),
            S::Str { nullable: false } => {
                let h = self.helper_str_eq(crate::rstr_helpers::StrKind::Str);
                f.call(h, vec![a, b], B)
            }
            S::Bytes { nullable: false } => {
                let h = self.helper_str_eq(crate::rstr_helpers::StrKind::Bytes);
                f.call(h, vec![a, b], B)
            }
            S::Str { nullable: true }
            | S::Bytes { nullable: true }
            | S::List { nullable: true, .. } => {
                let h = self.helper_nullable_eq(ann);
                f.call(h, vec![a, b], B)
            }
            S::List { .. } => {
                let item = self.list_item_ann(ann);
                let h = self.helper_list_eq(&item);
                f.call(h, vec![a, b], B)
            }
            S::Tuple(_) => {
                let h = self.helper_tuple_eq(ann);
                f.call(h, vec![a, b], B)
            }
            _ => match self.lowtype(ann) {
                LowType::Ptr(_) => f.cmp(O::PtrEq, a, b),
                LowType::Signed => f.cmp(O::IntEq, a, b),
                _ => c_bool(true),
            },
        }
    }

    /// Equality of two None-able values: both None, or both not None and equal.
    fn helper_nullable_eq(&mut self, ann: &S) -> u32 {
        let key = format!("nullable_eq_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let inner = non_nullable(&ann);
            let t = rt.lowtype(&ann);
            let (mut f, p) = FnBuilder::new("ll_nullable_eq", &[t, t], B);
            let an = f.emit(O::PtrIsNull, vec![f.get(p[0])], B);
            let bn = f.emit(O::PtrIsNull, vec![f.get(p[1])], B);
            let ai = f.emit(O::CastBoolToInt, vec![an], I);
            let bi = f.emit(O::CastBoolToInt, vec![bn], I);
            let either = f.int(O::IntOr, ai.clone(), bi.clone());
            let either = f.emit(O::IntIsTrue, vec![either], B);
            let both_same = f.cmp(O::IntEq, ai, bi);
            let both_same = f.local(B, both_same);
            f.if_else(
                either,
                |f| f.ret(f.get(both_same)),
                |f| {
                    let g6 = f.get(p[0]);
                    let g7 = f.get(p[1]);
                    let r = rt.emit_eq(f, g6, g7, &inner);
                    f.ret(r);
                },
            );
            f.finish()
        })
    }

    /// `==` of two lists of annotation `ann`.
    pub fn helper_list_eq(&mut self, ann: &S) -> u32 {
        let key = format!("list_eq_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let (lt, item) = rt.list_of_item(&ann);
            let (mut f, p) = FnBuilder::new("ll_list_eq", &[lt.lt(), lt.lt()], B);
            let (a, b) = (p[0], p[1]);
            let na = f.getfield(f.get(a), "length", I);
            let na = f.local(I, na);
            let nb = f.getfield(f.get(b), "length", I);
            let differ = f.cmp(O::IntNe, f.get(na), nb);
            f.if_(differ, |f| f.ret(c_bool(false)));
            rt.list_first_difference(&mut f, lt, &item, a, b, na, false);
            f.ret(c_bool(true));
            f.finish()
        })
    }

    /// The item loop of list `==` and `<`: for `k` in `0..n`, compares
    /// `a[k]` with `b[k]`; at the first pair that differs, returns
    /// `a[k] < b[k]` when `less`, else `false`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn list_first_difference(
        &mut self,
        f: &mut FnBuilder,
        lt: ListT,
        item: &S,
        a: Slot,
        b: Slot,
        n: Slot,
        less: bool,
    ) {
        f.for_range(c_int(0), n, |f, k| {
            let x = f.list_item(lt, f.get(a), f.get(k));
            let y = f.list_item(lt, f.get(b), f.get(k));
            self.differ_at(f, item, less, (x, y))
        });
    }

    /// One compare of a sequence `==`/`<` item loop on the pair `(x, y)`:
    /// when they differ, returns `x < y` when `less`, else `false`.
    pub(crate) fn differ_at(
        &mut self,
        f: &mut FnBuilder,
        item: &S,
        less: bool,
        (x, y): (LlValue, LlValue),
    ) {
        let eq = self.emit_eq(f, x.clone(), y.clone(), item);
        let ne = f.op(O::BoolNot, vec![eq], B);
        if !less {
            f.if_(ne, |f| f.ret(c_bool(false)));
            return;
        }
        let t = self.lowtype(item);
        let (xs, ys) = (f.local(t, x), f.local(t, y));
        f.if_(ne, |f| {
            let (x, y) = (f.get(xs), f.get(ys));
            let r = self.emit_lt(f, x, y, item);
            f.ret(r);
        });
    }

    /// `a < b` for two values of an orderable annotation.
    pub fn emit_lt(&mut self, f: &mut dyn OpSink, a: LlValue, b: LlValue, ann: &S) -> LlValue {
        match ann {
            S::Int => f.cmp(O::IntLt, a, b),
            S::Bool => {
                let x = f.emit(O::CastBoolToInt, vec![a], I);
                let y = f.emit(O::CastBoolToInt, vec![b], I);
                f.cmp(O::IntLt, x, y)
            }
            S::Float => f.cmp(O::FloatLt, a, b),
            S::Str { .. } => {
                let c = f.call_extern("rpy_str_cmp", vec![a, b], I);
                f.cmp(O::IntLt, c, c_int(0))
            }
            S::Tuple(_) | S::List { .. } => {
                let h = self.helper_seq_lt(ann);
                f.call(h, vec![a, b], B)
            }
            _ => c_bool(false),
        }
    }

    /// `index(l, x, start, stop)`: the first position of `x`, or -1.
    pub fn helper_list_find(&mut self, ann: &S) -> u32 {
        let key = format!("list_find_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let (lt, item) = rt.list_of_item(&ann);
            let (mut f, p) = FnBuilder::new("ll_list_find", &[lt.lt(), lt.item, I, I], I);
            let (l, x, start, stop) = (p[0], p[1], p[2], p[3]);
            let n = f.getfield(f.get(l), "length", I);
            for s in [start, stop] {
                let neg = f.cmp(O::IntLt, f.get(s), c_int(0));
                let adj = f.int(O::IntAdd, f.get(s), n.clone());
                let g8 = f.get(s);
                let v = select(&mut f, neg, adj, g8);
                let v = f.int(O::IntMax, v, c_int(0));
                let v = f.int(O::IntMin, v, n.clone());
                f.set(s, v);
            }
            f.for_range(f.get(start), stop, |f, k| {
                // The list may shrink while comparing (never for primitives).
                let n = f.getfield(f.get(l), "length", I);
                let inside = f.cmp(O::IntLt, f.get(k), n);
                f.if_(inside, |f| {
                    let y = f.list_item(lt, f.get(l), f.get(k));
                    let g9 = f.get(x);
                    let eq = rt.emit_eq(f, y, g9, &item);
                    f.if_(eq, |f| f.ret(f.get(k)));
                });
            });
            f.ret(c_int(-1));
            f.finish()
        })
    }

    /// `l.count(x)`.
    pub fn helper_list_count(&mut self, ann: &S) -> u32 {
        let key = format!("list_count_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let (lt, item) = rt.list_of_item(&ann);
            let (mut f, p) = FnBuilder::new("ll_list_count", &[lt.lt(), lt.item], I);
            let (l, x) = (p[0], p[1]);
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let c = f.local(I, c_int(0));
            f.for_range(c_int(0), n, |f, k| {
                let y = f.list_item(lt, f.get(l), f.get(k));
                let g10 = f.get(x);
                let eq = rt.emit_eq(f, y, g10, &item);
                let ei = f.emit(O::CastBoolToInt, vec![eq], I);
                let c1 = f.int(O::IntAdd, f.get(c), ei);
                f.set(c, c1);
            });
            f.ret(f.get(c));
            f.finish()
        })
    }

    /// `l.index(x[, start[, stop]])`: ValueError "<repr x> is not in list".
    pub fn helper_list_index(&mut self, ann: &S) -> u32 {
        let key = format!("list_index_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let find = rt.helper_list_find(&ann);
            let (lt, item) = rt.list_of_item(&ann);
            let (mut f, p) = FnBuilder::new("ll_list_index", &[lt.lt(), lt.item, I, I], I);
            let r = f.call(
                find,
                vec![f.get(p[0]), f.get(p[1]), f.get(p[2]), f.get(p[3])],
                I,
            );
            let r = f.local(I, r);
            let missing = f.cmp(O::IntLt, f.get(r), c_int(0));
            let t = rt.exc_type("ValueError");
            let tail = rt.str_const(" is not in list");
            f.if_(missing, |f| {
                let g11 = f.get(p[1]);
                let s = rt.emit_repr(f, g11, &item);
                let m = f.call_extern("rpy_str_concat", vec![s, tail], STR);
                f.raise(t, m);
            });
            f.ret(f.get(r));
            f.finish()
        })
    }

    /// `l.remove(x)`.
    pub fn helper_list_remove(&mut self, ann: &S) -> u32 {
        let key = format!("list_remove_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let find = rt.helper_list_find(&ann);
            let (lt, _) = rt.list_of_item(&ann);
            let del = rt.helper_list_pop(lt, true);
            let (mut f, p) = FnBuilder::new("ll_list_remove", &[lt.lt(), lt.item], LowType::Void);
            let r = f.call(
                find,
                vec![f.get(p[0]), f.get(p[1]), c_int(0), c_int(i64::MAX)],
                I,
            );
            let r = f.local(I, r);
            let missing = f.cmp(O::IntLt, f.get(r), c_int(0));
            let t = rt.exc_type("ValueError");
            let m = rt.str_const("list.remove(x): x not in list");
            f.if_(missing, |f| f.raise(t, m));
            f.call(del, vec![f.get(p[0]), f.get(r)], LowType::Void);
            f.finish()
        })
    }

    /// `l.sort()`: a stable bottom-up merge sort (so equal items keep
    /// their order, as CPython's sort). `reverse` sorts descending, also
    /// stably (reverse, sort, reverse, as CPython).
    pub fn helper_list_sort(&mut self, ann: &S) -> u32 {
        let key = format!("list_sort_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let (lt, item) = rt.list_of_item(&ann);
            let copy = rt.helper_arraycopy(lt);
            let rev = rt.helper_list_reverse(lt);
            let (mut f, p) = FnBuilder::new("ll_list_sort", &[lt.lt(), B], LowType::Void);
            let (l, reverse) = (p[0], p[1]);
            f.if_(f.get(reverse), |f| {
                f.call(rev, vec![f.get(l)], LowType::Void);
            });
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let orig = f.getfield(f.get(l), "items", lt.arr_lt());
            let src = f.local(lt.arr_lt(), orig.clone());
            let tmp = f.malloc_varsize(lt.arr, f.get(n));
            let dst = f.local(lt.arr_lt(), tmp);
            let width = f.local(I, c_int(1));
            f.while_(
                |f| f.cmp(O::IntLt, f.get(width), f.get(n)),
                |f| {
                    let i = f.local(I, c_int(0));
                    f.while_(
                        |f| f.cmp(O::IntLt, f.get(i), f.get(n)),
                        |f| {
                            let m0 = f.int(O::IntAdd, f.get(i), f.get(width));
                            let mid = f.int(O::IntMin, m0, f.get(n));
                            let mid = f.local(I, mid);
                            let w2 = f.int(O::IntAdd, f.get(width), f.get(width));
                            let h0 = f.int(O::IntAdd, f.get(i), w2);
                            let hi = f.int(O::IntMin, h0, f.get(n));
                            let hi = f.local(I, hi);
                            let a = f.local(I, f.get(i));
                            let b = f.local(I, f.get(mid));
                            f.for_range(f.get(i), hi, |f, k| {
                                let take = |f: &mut FnBuilder, from: Slot| {
                                    let v = f.op(
                                        O::GetArrayItem,
                                        vec![f.get(src), f.get(from)],
                                        lt.item,
                                    );
                                    f.op(
                                        O::SetArrayItem,
                                        vec![f.get(dst), f.get(k), v],
                                        LowType::Void,
                                    );
                                    let x = f.int(O::IntAdd, f.get(from), c_int(1));
                                    f.set(from, x);
                                };
                                let a_left = f.cmp(O::IntLt, f.get(a), f.get(mid));
                                f.if_else(
                                    a_left,
                                    |f| {
                                        let b_left = f.cmp(O::IntLt, f.get(b), f.get(hi));
                                        f.if_else(
                                            b_left,
                                            |f| {
                                                let x = f.op(
                                                    O::GetArrayItem,
                                                    vec![f.get(src), f.get(a)],
                                                    lt.item,
                                                );
                                                let y = f.op(
                                                    O::GetArrayItem,
                                                    vec![f.get(src), f.get(b)],
                                                    lt.item,
                                                );
                                                let b_first = rt.emit_lt(f, y, x, &item);
                                                f.if_else(b_first, |f| take(f, b), |f| take(f, a));
                                            },
                                            |f| take(f, a),
                                        );
                                    },
                                    |f| take(f, b),
                                );
                            });
                            f.set(i, f.get(hi));
                        },
                    );
                    let s = f.get(src);
                    let d = f.get(dst);
                    f.set(src, d);
                    f.set(dst, s);
                    let w = f.int(O::IntAdd, f.get(width), f.get(width));
                    f.set(width, w);
                },
            );
            let items = f.getfield(f.get(l), "items", lt.arr_lt());
            let moved = f.cmp(O::PtrNe, f.get(src), items.clone());
            f.if_(moved, |f| {
                let items = f.getfield(f.get(l), "items", lt.arr_lt());
                f.call(
                    copy,
                    vec![f.get(src), c_int(0), items, c_int(0), f.get(n)],
                    LowType::Void,
                );
            });
            f.if_(f.get(reverse), |f| {
                f.call(rev, vec![f.get(l)], LowType::Void);
            });
            f.finish()
        })
    }

    /// `min(l)` / `max(l)`: ValueError on an empty list.
    pub fn helper_list_minmax(&mut self, ann: &S, is_max: bool) -> u32 {
        let name = if is_max { "max" } else { "min" };
        let key = format!("list_{name}_{}", self.ann_key(ann));
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let (lt, item) = rt.list_of_item(&ann);
            let (mut f, p) = FnBuilder::new(&format!("ll_list_{name}"), &[lt.lt()], lt.item);
            let l = p[0];
            let n = f.getfield(f.get(l), "length", I);
            let n = f.local(I, n);
            let empty = f.cmp(O::IntEq, f.get(n), c_int(0));
            let t = rt.exc_type("ValueError");
            let m = rt.str_const(&format!("{name}() arg is an empty sequence"));
            f.if_(empty, |f| f.raise(t, m));
            let first = f.list_item(lt, f.get(l), c_int(0));
            let best = f.local(lt.item, first);
            f.for_range(c_int(1), n, |f, k| {
                let x = f.list_item(lt, f.get(l), f.get(k));
                let g12 = f.get(best);
                let better = if is_max {
                    rt.emit_lt(f, g12, x.clone(), &item)
                } else {
                    rt.emit_lt(f, x.clone(), g12, &item)
                };
                let x = f.local(lt.item, x);
                f.if_(better, |f| f.set(best, f.get(x)));
            });
            f.ret(f.get(best));
            f.finish()
        })
    }
}
