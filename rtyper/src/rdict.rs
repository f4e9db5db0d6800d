//! Dict representation and its low-level helper graphs.
//!
//! Layout (CPython's compact ordered dict, one GC type per key/value
//! low-level type pair):
//! `DICT { num_items, num_used, indexes: *[Signed], hashes: *[Signed],
//! keys: *[K], values: *[V] }`.
//! * `keys`/`values`/`hashes` are the dense entries, in insertion order;
//!   `num_used` of them are in use, live or deleted. A deleted entry has
//!   hash -1 (no key hashes to -1) and zeroed key and value, so the
//!   collector never sees a stale pointer. Iteration walks the entries, so
//!   it follows insertion order.
//! * `indexes` is the open-addressing table (a power of two long): 0 is a
//!   free slot, -1 a deleted one, `k + 1` points at entry `k`. It always
//!   has free slots (entries capacity = 2/3 of its length); probing is
//!   CPython's perturbation scheme.
//! * `indexes == null` means "not indexed": a fresh `{}` (no arrays yet)
//!   or a prebuilt dict (entries only; hashes are computed at run time, so
//!   prebuilt data needs no translation-time hash). Every helper first
//!   calls `ll_dict_reindex` then, which also compacts and grows the
//!   entries when they are full.
//! * `DICTITER { dict, index }` iterates; `next` raises StopIteration.
//!
//! All operations are helper graphs (`FnBuilder`), so inlining and the
//! JIT see through them; hashes and equality per key type are helpers
//! too, calling the runtime only for str/bytes/float hashes and identity.

use crate::emit::{Emit, LlValue};
use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSink, OpSinkExt, Slot};
use crate::llop::LlOp as O;
use crate::lltype::{GcType, GcTypeId, Ll, LlConst, LlGraph, LowType, Prebuilt, TypeTable};
use crate::repr::Reprs;
use crate::rtype::RTyper;
use cranelift_entity::SecondaryMap;
use rpy_annotator::model::{DictDefId, DictItems};
use rpy_annotator::{Annotator, ListDefId, SomeValue as S};
use rpy_flow::graph::{Graph, Link, Value};
use rpy_flow::{Const, HostId, HostObj};
use rpy_syntax::Span;
use std::collections::HashMap;

const I: LowType = LowType::Signed;
const B: LowType = LowType::Bool;
const STR: LowType = LowType::Ptr(TypeTable::STR);
/// 2**61 - 1, CPython's modulus for numeric hashes.
const HASH_MODULUS: i64 = (1 << 61) - 1;

/// The dict types made so far and the annotator's dict definitions.
#[derive(Default)]
pub struct DictReprs {
    /// Key and value annotation of every dict definition (its root's).
    defs: HashMap<DictDefId, (S, S)>,
    /// `r_dict` key functions (eq, hash) of a definition.
    customs: HashMap<DictDefId, (HostId, HostId)>,
    types: HashMap<(LowType, LowType, Option<(HostId, HostId)>), DictLl>,
    arrays: HashMap<LowType, GcTypeId>,
    /// Prebuilt dict objects already emitted, by host object.
    pub(crate) prebuilt: HashMap<HostId, u32>,
}

/// The low-level types of one dict type.
#[derive(Copy, Clone, Debug)]
pub struct DictLl {
    pub dict: GcTypeId,
    pub iter: GcTypeId,
    /// Low-level types of keys and values as the program sees them.
    pub key: LowType,
    pub value: LowType,
    /// As stored in the entry arrays (`Void` is stored as a Signed 0).
    pub kst: LowType,
    pub vst: LowType,
    /// `r_dict` key functions (eq, hash).
    pub custom: Option<(HostId, HostId)>,
    /// Array of Signed (indexes and hashes), keys, values.
    pub signed_arr: GcTypeId,
    pub keys_arr: GcTypeId,
    pub values_arr: GcTypeId,
}

impl DictLl {
    fn dp(&self) -> LowType {
        LowType::Ptr(self.dict)
    }
    fn sarr(&self) -> LowType {
        LowType::Ptr(self.signed_arr)
    }
    fn karr(&self) -> LowType {
        LowType::Ptr(self.keys_arr)
    }
    fn varr(&self) -> LowType {
        LowType::Ptr(self.values_arr)
    }
}

fn storage(lt: LowType) -> LowType {
    if lt == LowType::Void {
        I
    } else {
        lt
    }
}

/// The zero of a storage type (what a deleted entry holds).
pub fn zero(lt: LowType) -> LlValue {
    Value::Const(match lt {
        LowType::Ptr(t) => LlConst::Null(t),
        LowType::Float => LlConst::Float(0.0),
        LowType::Bool => LlConst::Bool(false),
        LowType::Char => LlConst::Char(0),
        LowType::UniChar => LlConst::UniChar(0),
        LowType::Unsigned => LlConst::Unsigned(0),
        _ => LlConst::Signed(0),
    })
}

impl DictReprs {
    /// Record the key and value types of every dict definition (the
    /// annotator is done when the rtyper starts).
    pub fn snapshot(&mut self, ann: &Annotator) {
        for (id, _) in ann.dictdefs.iter() {
            let d = ann.dictdef(id);
            self.defs.insert(id, (d.key.clone(), d.value.clone()));
            if let Some(c) = d.custom {
                self.customs.insert(id, c);
            }
        }
    }

    pub fn key_value(&self, def: DictDefId) -> (S, S) {
        self.defs
            .get(&def)
            .cloned()
            .unwrap_or((S::Impossible, S::Impossible))
    }
}

impl Reprs {
    fn dict_array(&mut self, item: LowType) -> GcTypeId {
        if let Some(&t) = self.dicts.arrays.get(&item) {
            return t;
        }
        let t = self.push_type(GcType {
            name: format!("DICTARRAY_{item}"),
            fields: vec![],
            items: Some(item),
        });
        self.dicts.arrays.insert(item, t);
        t
    }

    /// The low-level types of dicts of definition `def`.
    pub fn dict_ll(&mut self, def: DictDefId, list_item: &dyn Fn(ListDefId) -> S) -> DictLl {
        let (k, v) = self.dicts.key_value(def);
        let key = self.lowtype(&k, list_item);
        let value = self.lowtype(&v, list_item);
        let custom = self.dicts.customs.get(&def).copied();
        if let Some(&dl) = self.dicts.types.get(&(key, value, custom)) {
            return dl;
        }
        let (kst, vst) = (storage(key), storage(value));
        let signed_arr = self.dict_array(I);
        let keys_arr = self.dict_array(kst);
        let values_arr = self.dict_array(vst);
        let n = self.dicts.types.len();
        let dict = self.push_type(GcType {
            name: format!("DICT{n}_{key}_{value}"),
            fields: vec![
                ("num_items".into(), I),
                ("num_used".into(), I),
                ("indexes".into(), LowType::Ptr(signed_arr)),
                ("hashes".into(), LowType::Ptr(signed_arr)),
                ("keys".into(), LowType::Ptr(keys_arr)),
                ("values".into(), LowType::Ptr(values_arr)),
            ],
            items: None,
        });
        let iter = self.push_type(GcType {
            name: format!("DICTITER{n}"),
            fields: vec![("dict".into(), LowType::Ptr(dict)), ("index".into(), I)],
            items: None,
        });
        let dl = DictLl {
            dict,
            iter,
            key,
            value,
            kst,
            vst,
            custom,
            signed_arr,
            keys_arr,
            values_arr,
        };
        self.dicts.types.insert((key, value, custom), dl);
        dl
    }
}

fn def_of(s: &S) -> DictDefId {
    match s {
        S::Dict { def, .. } | S::DictPart { def, .. } => *def,
        other => panic!("rtyper: {} is not a dict", other.describe()),
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// The low-level types of a dict (or of a view, iterator or method of one).
    pub fn dict_ll(&mut self, s: &S) -> DictLl {
        let ann = self.ann;
        self.reprs
            .dict_ll(def_of(s), &|d| ann.listdef(d).item.clone())
    }

    /// Key and value annotations of a dict.
    pub fn dict_kv(&self, s: &S) -> (S, S) {
        self.reprs.dicts.key_value(def_of(s))
    }

    /// A one-block helper `(x) -> str` giving `repr(x)` (or `str(x)`) of a
    /// value of annotation `ann` as stored in a dict (None for null).
    pub fn helper_repr_of(&mut self, ann: &S, repr: bool) -> u32 {
        let lt = self.lowtype(ann);
        let key = format!("repr_of_{repr}_{ann:?}");
        if ann.can_be_none() && lt.is_gc_ptr() {
            let nonnull = crate::rlist::non_nullable(ann);
            return self.add_helper(key, |rt| {
                let inner = rt.helper_repr_of(&nonnull, repr);
                let none = rt.str_const("None");
                let (mut f, p) = FnBuilder::new("ll_repr_or_none", &[lt], STR);
                let x = f.get(p[0]);
                let nn = f.emit_nonnull(x);
                f.if_(nn, |f| {
                    let x = f.get(p[0]);
                    let s = f.call(inner, vec![x], STR);
                    f.ret(s);
                });
                f.ret(none);
                f.finish()
            });
        }
        let ann = ann.clone();
        self.add_helper(key, |rt| {
            let st = storage(lt);
            let mut g: Graph<Ll> = Graph::new("ll_repr_of", Span::NONE);
            let mut types: SecondaryMap<rpy_flow::Var, LowType> = SecondaryMap::new();
            let ret = g.blocks[g.returnblock].inputargs[0];
            types[ret] = STR;
            let ex = g.blocks[g.exceptblock].inputargs.clone();
            types[ex[0]] = I;
            types[ex[1]] = LowType::Address;
            let x = g.new_var(None);
            types[x] = st;
            let start = g.startblock;
            g.blocks[start].inputargs = vec![x];
            let mut e = Emit::new(&mut g, &mut types, Span::NONE);
            let plain_instance = match &ann {
                S::Instance { class, .. } => {
                    let exc = rt.prog.exc_class("BaseException");
                    (!rt.prog.is_subclass(*class, exc)).then(|| rt.prog.class(*class).name.clone())
                }
                _ => None,
            };
            let s = match plain_instance {
                // CPython shows an address here; no program can rely on it.
                Some(name) => rt.str_const(&format!("<{name} object>")),
                None => match rt.str_of(&mut e, Value::Var(x), &ann, repr) {
                    Ok(s) => s,
                    Err(_) => rt.str_const(&format!("<{}>", ann.describe())),
                },
            };
            let ops = e.ops;
            g.blocks[start].ops = ops;
            let r = g.returnblock;
            g.blocks[start].exits = vec![Link::new(vec![s], r)];
            LlGraph {
                graph: g,
                var_types: types,
                result_type: STR,
            }
        })
    }

    /// `ll_int_hash(x)`: CPython's hash of an int (reduced modulo 2**61-1
    /// keeping the sign; -1 becomes -2).
    pub fn helper_int_hash(&mut self) -> u32 {
        self.add_helper("int_hash".into(), |_| {
            let (mut f, p) = FnBuilder::new("ll_int_hash", &[I], I);
            let h = f.local(I, c_int(0));
            let x = f.get(p[0]);
            let nonneg = f.cmp(O::IntGe, x, c_int(0));
            f.if_else(
                nonneg,
                |f| {
                    let x = f.get(p[0]);
                    let m = f.int(O::IntMod, x, c_int(HASH_MODULUS));
                    f.set(h, m);
                },
                |f| {
                    // |x| - 1 cannot overflow, even for the most negative int.
                    let x = f.get(p[0]);
                    let a = f.int(O::IntSub, c_int(-1), x);
                    let m = f.int(O::IntMod, a, c_int(HASH_MODULUS));
                    let m1 = f.int(O::IntAdd, m, c_int(1));
                    let m2 = f.int(O::IntMod, m1, c_int(HASH_MODULUS));
                    let n = f.emit(O::IntNeg, vec![m2], I);
                    f.set(h, n);
                },
            );
            let v = f.get(h);
            let r = not_minus_one(&mut f, v);
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_dict_hash(key)` for keys of annotation `k` (never -1).
    pub fn helper_dict_hash(&mut self, k: &S) -> u32 {
        let lt = self.lowtype(k);
        let st = storage(lt);
        let k = k.clone();
        self.add_helper(format!("dict_hash_{lt}_{}", k.can_be_none()), |rt| {
            let (mut f, p) = FnBuilder::new("ll_dict_hash", &[st], I);
            let x = f.get(p[0]);
            let h = match &k {
                S::Int => {
                    let ih = rt.helper_int_hash();
                    f.call(ih, vec![x], I)
                }
                S::Bool => {
                    let xi = f.emit(O::CastBoolToInt, vec![x], I);
                    xi
                }
                S::Float => f.call_extern("rpy_float_hash", vec![x], I),
                S::Str { nullable } | S::Bytes { nullable } => {
                    let ext = if matches!(k, S::Str { .. }) {
                        "rpy_str_hash"
                    } else {
                        "rpy_bytes_hash"
                    };
                    if *nullable {
                        let r = f.local(I, c_int(0));
                        let nn = f.emit_nonnull(x);
                        f.if_(nn, |f| {
                            let x = f.get(p[0]);
                            let h = f.call_extern(ext, vec![x], I);
                            let h = not_minus_one(f, h);
                            f.set(r, h);
                        });
                        f.get(r)
                    } else {
                        let h = f.call_extern(ext, vec![x], I);
                        not_minus_one(&mut f, h)
                    }
                }
                S::Tuple(items) => {
                    let LowType::Ptr(tt) = lt else {
                        unreachable!("tuples are pointers")
                    };
                    let fields = rt.reprs.types.types[tt].fields.clone();
                    let mut acc = c_int(0x345678);
                    for (i, item) in items.iter().enumerate() {
                        let hi = rt.helper_dict_hash(item);
                        let fv = if fields[i].1 == LowType::Void {
                            c_int(0)
                        } else {
                            f.getfield(x.clone(), &format!("f{i}"), fields[i].1)
                        };
                        let hv = f.call(hi, vec![fv], I);
                        let xo = f.int(O::IntXor, acc, hv);
                        acc = f.int(O::IntMul, xo, c_int(1_000_003));
                    }
                    let a = f.int(O::IntAdd, acc, c_int(97_531));
                    not_minus_one(&mut f, a)
                }
                S::None | S::Impossible => c_int(0),
                _ => f.call_extern("rpy_identity_hash", vec![x], I),
            };
            f.ret(h);
            f.finish()
        })
    }

    /// The key hash of dict `dl`: the `r_dict`'s function or the type's.
    fn helper_key_hash(&mut self, dl: DictLl, k: &S) -> u32 {
        match dl.custom {
            None => self.helper_dict_hash(k),
            Some((_, hash)) => self.add_helper(format!("rdict_hash_{}", dl.dict), |rt| {
                let gi = rt.func_index(hash);
                let callee = &rt.ann.graphs[rpy_annotator::GraphId::from_u32(gi)];
                let ret = rt
                    .ann
                    .return_annotation(rpy_annotator::GraphId::from_u32(gi));
                let _ = callee;
                let rlt = rt.lowtype(&ret);
                let (mut f, p) = FnBuilder::new("ll_rdict_hash", &[dl.kst], I);
                let x = f.get(p[0]);
                let h = f.call(gi, vec![x], rlt);
                let h = if rlt == B {
                    f.emit(O::CastBoolToInt, vec![h], I)
                } else {
                    h
                };
                let h = not_minus_one(&mut f, h);
                f.ret(h);
                f.finish()
            }),
        }
    }

    /// The key equality of dict `dl`: the `r_dict`'s function or the type's.
    fn helper_key_eq(&mut self, dl: DictLl, k: &S) -> u32 {
        match dl.custom {
            None => self.helper_dict_eq(k),
            Some((eq, _)) => self.add_helper(format!("rdict_eq_{}", dl.dict), |rt| {
                let gi = rt.func_index(eq);
                let (mut f, p) = FnBuilder::new("ll_rdict_eq", &[dl.kst, dl.kst], B);
                let (a, b) = (f.get(p[0]), f.get(p[1]));
                let r = f.call(gi, vec![a, b], B);
                f.ret(r);
                f.finish()
            }),
        }
    }

    /// `ll_dict_eq(a, b)` for keys of annotation `k`.
    pub fn helper_dict_eq(&mut self, k: &S) -> u32 {
        let lt = self.lowtype(k);
        let st = storage(lt);
        let k = k.clone();
        self.add_helper(format!("dict_eq_{lt}"), |rt| {
            let (mut f, p) = FnBuilder::new("ll_dict_eq", &[st, st], B);
            let (a, b) = (f.get(p[0]), f.get(p[1]));
            let r = match &k {
                S::Int => f.cmp(O::IntEq, a, b),
                S::Bool => {
                    let ai = f.emit(O::CastBoolToInt, vec![a], I);
                    let bi = f.emit(O::CastBoolToInt, vec![b], I);
                    f.cmp(O::IntEq, ai, bi)
                }
                S::Float => f.cmp(O::FloatEq, a, b),
                S::Str { .. } => {
                    let h = rt.helper_str_eq(crate::rstr_helpers::StrKind::Str);
                    f.call(h, vec![a, b], B)
                }
                S::Bytes { .. } => {
                    let h = rt.helper_str_eq(crate::rstr_helpers::StrKind::Bytes);
                    f.call(h, vec![a, b], B)
                }
                S::Tuple(items) => {
                    let LowType::Ptr(tt) = lt else {
                        unreachable!("tuples are pointers")
                    };
                    let fields = rt.reprs.types.types[tt].fields.clone();
                    let mut acc = c_bool(true);
                    for (i, item) in items.iter().enumerate() {
                        if fields[i].1 == LowType::Void {
                            continue;
                        }
                        let ei = rt.helper_dict_eq(item);
                        let x = f.getfield(a.clone(), &format!("f{i}"), fields[i].1);
                        let y = f.getfield(b.clone(), &format!("f{i}"), fields[i].1);
                        let e = f.call(ei, vec![x, y], B);
                        acc = f.and(acc, e);
                    }
                    acc
                }
                S::None | S::Impossible => c_bool(true),
                _ => f.cmp(O::PtrEq, a, b),
            };
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_dict_lookup(d, key, hash)`: the slot of `key` in `d.indexes`
    /// if present, else `-(free slot) - 1`. `d` must be indexed.
    pub fn helper_dict_lookup(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_lookup_{}", dl.dict), |rt| {
            let eq = rt.helper_key_eq(dl, &k);
            let (mut f, p) = FnBuilder::new("ll_dict_lookup", &[dl.dp(), dl.kst, I], I);
            let d = f.get(p[0]);
            let idx = f.getfield(d, "indexes", dl.sarr());
            let n = f.emit(O::GetArrayLen, vec![idx.clone()], I);
            let mask = f.int(O::IntSub, n, c_int(1));
            let h = f.get(p[2]);
            let idx = f.local(dl.sarr(), idx);
            let mask = f.local(I, mask);
            let probe = Probe::start(&mut f, h, mask);
            let i = probe.i;
            f.while_(
                |_| c_bool(true),
                |f| {
                    let (ia, iv) = (f.get(idx), f.get(i));
                    let ix = f.emit(O::GetArrayItem, vec![ia, iv], I);
                    let free = f.cmp(O::IntEq, ix.clone(), c_int(0));
                    let ix = f.local(I, ix);
                    f.if_(free, |f| {
                        let iv = f.get(i);
                        let neg = f.int(O::IntSub, c_int(-1), iv);
                        f.ret(neg);
                    });
                    let ixv = f.get(ix);
                    let live = f.cmp(O::IntGt, ixv, c_int(0));
                    f.if_(live, |f| {
                        let ixv = f.get(ix);
                        let e = f.int(O::IntSub, ixv, c_int(1));
                        let d = f.get(p[0]);
                        let hs = f.getfield(d.clone(), "hashes", dl.sarr());
                        let he = f.emit(O::GetArrayItem, vec![hs, e.clone()], I);
                        let h = f.get(p[2]);
                        let same = f.cmp(O::IntEq, he, h);
                        let e = f.local(I, e);
                        f.if_(same, |f| {
                            let d = f.get(p[0]);
                            let ks = f.getfield(d, "keys", dl.karr());
                            let ev = f.get(e);
                            let ke = f.emit(O::GetArrayItem, vec![ks, ev], dl.kst);
                            let key = f.get(p[1]);
                            let found = f.call(eq, vec![ke, key], B);
                            f.if_(found, |f| {
                                let iv = f.get(i);
                                f.ret(iv);
                            });
                        });
                    });
                    probe.advance(f);
                },
            );
            f.ret(c_int(-1));
            f.finish()
        })
    }

    /// `ll_dict_reindex(d)`: new entry arrays sized for `d.num_items`
    /// (live entries copied in order, hashes recomputed) and a new index.
    pub fn helper_dict_reindex(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_reindex_{}", dl.dict), |rt| {
            let hash = rt.helper_key_hash(dl, &k);
            let (mut f, p) = FnBuilder::new("ll_dict_reindex", &[dl.dp()], LowType::Void);
            let d = f.get(p[0]);
            let n = f.getfield(d, "num_items", I);
            let n3 = f.int(O::IntMul, n, c_int(3));
            let n3 = f.local(I, n3);
            let size = f.local(I, c_int(8));
            f.while_(
                |f| {
                    let (s, n3) = (f.get(size), f.get(n3));
                    f.cmp(O::IntLt, s, n3)
                },
                |f| {
                    let s = f.get(size);
                    let s2 = f.int(O::IntMul, s, c_int(2));
                    f.set(size, s2);
                },
            );
            let s = f.get(size);
            let s2 = f.int(O::IntMul, s.clone(), c_int(2));
            let cap = f.int(O::IntFloorDiv, s2, c_int(3));
            let idx = f.malloc_varsize(dl.signed_arr, s.clone());
            let hs = f.malloc_varsize(dl.signed_arr, cap.clone());
            let ks = f.malloc_varsize(dl.keys_arr, cap.clone());
            let vs = f.malloc_varsize(dl.values_arr, cap);
            let mask = f.int(O::IntSub, s, c_int(1));
            let d = f.get(p[0]);
            let oldk = f.getfield(d.clone(), "keys", dl.karr());
            let oldh = f.getfield(d.clone(), "hashes", dl.sarr());
            let oldv = f.getfield(d.clone(), "values", dl.varr());
            let used = f.getfield(d, "num_used", I);
            let (idx, hs, ks, vs, mask) = (
                f.local(dl.sarr(), idx),
                f.local(dl.sarr(), hs),
                f.local(dl.karr(), ks),
                f.local(dl.varr(), vs),
                f.local(I, mask),
            );
            let (oldk, oldh, oldv, used) = (
                f.local(dl.karr(), oldk),
                f.local(dl.sarr(), oldh),
                f.local(dl.varr(), oldv),
                f.local(I, used),
            );
            let j = f.local(I, c_int(0));
            let ok = f.get(oldk);
            let has_old = f.emit_nonnull(ok);
            f.if_(has_old, |f| {
                f.for_range(c_int(0), used, |f, i| {
                    let (oh, iv) = (f.get(oldh), f.get(i));
                    let hh = f.emit(O::GetArrayItem, vec![oh, iv], I);
                    let live = f.cmp(O::IntNe, hh, c_int(-1));
                    f.if_(live, |f| {
                        let (okv, iv) = (f.get(oldk), f.get(i));
                        let key = f.emit(O::GetArrayItem, vec![okv, iv.clone()], dl.kst);
                        let ov = f.get(oldv);
                        let val = f.emit(O::GetArrayItem, vec![ov, iv], dl.vst);
                        let h = f.call(hash, vec![key.clone()], I);
                        let jv = f.get(j);
                        let (ksv, vsv, hsv) = (f.get(ks), f.get(vs), f.get(hs));
                        f.emit(O::SetArrayItem, vec![ksv, jv.clone(), key], LowType::Void);
                        f.emit(O::SetArrayItem, vec![vsv, jv.clone(), val], LowType::Void);
                        f.emit(O::SetArrayItem, vec![hsv, jv, h.clone()], LowType::Void);
                        // Find a free slot (keys are distinct: no compare).
                        let probe = Probe::start(f, h, mask);
                        let slot = probe.i;
                        f.while_(
                            |f| {
                                let (ia, sv) = (f.get(idx), f.get(slot));
                                let ix = f.emit(O::GetArrayItem, vec![ia, sv], I);
                                f.cmp(O::IntNe, ix, c_int(0))
                            },
                            |f| probe.advance(f),
                        );
                        let jv = f.get(j);
                        let j1 = f.int(O::IntAdd, jv, c_int(1));
                        let (ia, sv) = (f.get(idx), f.get(slot));
                        f.emit(O::SetArrayItem, vec![ia, sv, j1.clone()], LowType::Void);
                        f.set(j, j1);
                    });
                });
            });
            let d = f.get(p[0]);
            let jv = f.get(j);
            f.setfield(d.clone(), "num_used", jv.clone());
            f.setfield(d.clone(), "num_items", jv);
            let (idxv, hsv, ksv, vsv) = (f.get(idx), f.get(hs), f.get(ks), f.get(vs));
            f.setfield(d.clone(), "indexes", idxv);
            f.setfield(d.clone(), "hashes", hsv);
            f.setfield(d.clone(), "keys", ksv);
            f.setfield(d, "values", vsv);
            f.finish()
        })
    }

    /// Emits "index `d` if needed; h = hash(key); s = lookup(d, key, h)"
    /// and returns the slots of `h` and `s`.
    fn dict_find(
        &mut self,
        f: &mut FnBuilder,
        dl: DictLl,
        k: &S,
        d: Slot,
        key: Slot,
    ) -> (Slot, Slot) {
        let reindex = self.helper_dict_reindex(dl, k);
        let hash = self.helper_key_hash(dl, k);
        let lookup = self.helper_dict_lookup(dl, k);
        let dv = f.get(d);
        let idx = f.getfield(dv, "indexes", dl.sarr());
        let null = f.emit(O::PtrIsNull, vec![idx], B);
        f.if_(null, |f| {
            let dv = f.get(d);
            f.call(reindex, vec![dv], LowType::Void);
        });
        let kv = f.get(key);
        let h = f.call(hash, vec![kv], I);
        let (dv, kv) = (f.get(d), f.get(key));
        let s = f.call(lookup, vec![dv, kv, h.clone()], I);
        let h = f.local(I, h);
        let s = f.local(I, s);
        (h, s)
    }

    /// Returns `default` (when given) or raises KeyError(key) unless the
    /// lookup found slot `s`.
    fn on_missing(&mut self, f: &mut FnBuilder, k: &S, s: Slot, key: Slot, default: Option<Slot>) {
        let sv = f.get(s);
        let missing = f.cmp(O::IntLt, sv, c_int(0));
        f.if_(missing, |f| match default {
            Some(d) => {
                let dv = f.get(d);
                f.ret(dv);
            }
            None => self.raise_key_error(f, k, key),
        });
    }

    /// Entry index of the found slot `s`.
    fn entry_of(f: &mut FnBuilder, dl: DictLl, d: Slot, s: Slot) -> LlValue {
        let dv = f.get(d);
        let idx = f.getfield(dv, "indexes", dl.sarr());
        let sv = f.get(s);
        let ix = f.emit(O::GetArrayItem, vec![idx, sv], I);
        f.int(O::IntSub, ix, c_int(1))
    }

    fn raise_key_error(&mut self, f: &mut FnBuilder, k: &S, key: Slot) {
        // Where KeyError's args is read, a helper raises it with args (key,).
        if let Some(h) = self.helper_raise_key_error(k) {
            let kv = f.get(key);
            f.call(h, vec![kv], LowType::Void);
            // Not reached (the helper always raises); ends the block.
            let t = self.exc_type("KeyError");
            f.raise(t, Value::Const(LlConst::Null(TypeTable::STR)));
            return;
        }
        let repr = self.helper_repr_of(k, true);
        let kv = f.get(key);
        let msg = f.call(repr, vec![kv], STR);
        let t = self.exc_type("KeyError");
        f.raise(t, msg);
    }

    /// `ll_dict_setitem(d, key, value)`.
    pub fn helper_dict_setitem(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_setitem_{}", dl.dict), |rt| {
            let reindex = rt.helper_dict_reindex(dl, &k);
            let lookup = rt.helper_dict_lookup(dl, &k);
            let (mut f, p) =
                FnBuilder::new("ll_dict_setitem", &[dl.dp(), dl.kst, dl.vst], LowType::Void);
            let (h, s) = rt.dict_find(&mut f, dl, &k, p[0], p[1]);
            let sv = f.get(s);
            let found = f.cmp(O::IntGe, sv, c_int(0));
            f.if_(found, |f| {
                let e = Self::entry_of(f, dl, p[0], s);
                let dv = f.get(p[0]);
                let vs = f.getfield(dv, "values", dl.varr());
                let v = f.get(p[2]);
                f.emit(O::SetArrayItem, vec![vs, e, v], LowType::Void);
                f.ret(Value::Const(LlConst::Void));
            });
            let dv = f.get(p[0]);
            let used = f.getfield(dv.clone(), "num_used", I);
            let ks = f.getfield(dv, "keys", dl.karr());
            let cap = f.emit(O::GetArrayLen, vec![ks], I);
            let full = f.cmp(O::IntGe, used, cap);
            f.if_(full, |f| {
                let dv = f.get(p[0]);
                f.call(reindex, vec![dv.clone()], LowType::Void);
                let (kv, hv) = (f.get(p[1]), f.get(h));
                let s2 = f.call(lookup, vec![dv, kv, hv], I);
                f.set(s, s2);
            });
            let dv = f.get(p[0]);
            let e = f.getfield(dv.clone(), "num_used", I);
            let ks = f.getfield(dv.clone(), "keys", dl.karr());
            let vs = f.getfield(dv.clone(), "values", dl.varr());
            let hs = f.getfield(dv.clone(), "hashes", dl.sarr());
            let idx = f.getfield(dv.clone(), "indexes", dl.sarr());
            let (kv, vv, hv) = (f.get(p[1]), f.get(p[2]), f.get(h));
            f.emit(O::SetArrayItem, vec![ks, e.clone(), kv], LowType::Void);
            f.emit(O::SetArrayItem, vec![vs, e.clone(), vv], LowType::Void);
            f.emit(O::SetArrayItem, vec![hs, e.clone(), hv], LowType::Void);
            let sv = f.get(s);
            let slot = f.int(O::IntSub, c_int(-1), sv);
            let e1 = f.int(O::IntAdd, e, c_int(1));
            f.emit(O::SetArrayItem, vec![idx, slot, e1.clone()], LowType::Void);
            f.setfield(dv.clone(), "num_used", e1);
            let n = f.getfield(dv.clone(), "num_items", I);
            let n1 = f.int(O::IntAdd, n, c_int(1));
            f.setfield(dv, "num_items", n1);
            f.finish()
        })
    }

    /// `ll_dict_getitem(d, key)` (KeyError), or with `default` the
    /// `get(d, key, default)` variant.
    pub fn helper_dict_getitem(&mut self, dl: DictLl, k: &S, with_default: bool) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_getitem_{}_{with_default}", dl.dict), |rt| {
            let mut params = vec![dl.dp(), dl.kst];
            if with_default {
                params.push(dl.vst);
            }
            let (mut f, p) = FnBuilder::new(
                if with_default {
                    "ll_dict_get"
                } else {
                    "ll_dict_getitem"
                },
                &params,
                dl.vst,
            );
            let (_, s) = rt.dict_find(&mut f, dl, &k, p[0], p[1]);
            rt.on_missing(&mut f, &k, s, p[1], with_default.then(|| p[2]));
            let e = Self::entry_of(&mut f, dl, p[0], s);
            let dv = f.get(p[0]);
            let vs = f.getfield(dv, "values", dl.varr());
            let v = f.emit(O::GetArrayItem, vec![vs, e], dl.vst);
            f.ret(v);
            f.finish()
        })
    }

    /// `ll_dict_contains(d, key)`.
    pub fn helper_dict_contains(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_contains_{}", dl.dict), |rt| {
            let (mut f, p) = FnBuilder::new("ll_dict_contains", &[dl.dp(), dl.kst], B);
            let (_, s) = rt.dict_find(&mut f, dl, &k, p[0], p[1]);
            let sv = f.get(s);
            let r = f.cmp(O::IntGe, sv, c_int(0));
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_dict_pop(d, key[, default])` -> value; `del d[key]` is a pop
    /// whose result is dropped.
    pub fn helper_dict_pop(&mut self, dl: DictLl, k: &S, with_default: bool) -> u32 {
        self.helper_dict_pop_or_del(dl, k, with_default, false)
    }

    /// `ll_dict_delitem(d, key)`: a pop returning nothing.
    pub fn helper_dict_delitem(&mut self, dl: DictLl, k: &S) -> u32 {
        self.helper_dict_pop_or_del(dl, k, false, true)
    }

    fn helper_dict_pop_or_del(
        &mut self,
        dl: DictLl,
        k: &S,
        with_default: bool,
        delete: bool,
    ) -> u32 {
        let k = k.clone();
        self.add_helper(
            format!("dict_pop_{}_{with_default}_{delete}", dl.dict),
            |rt| {
                let mut params = vec![dl.dp(), dl.kst];
                if with_default {
                    params.push(dl.vst);
                }
                let result = if delete { LowType::Void } else { dl.vst };
                let name = if delete {
                    "ll_dict_delitem"
                } else {
                    "ll_dict_pop"
                };
                let (mut f, p) = FnBuilder::new(name, &params, result);
                let (_, s) = rt.dict_find(&mut f, dl, &k, p[0], p[1]);
                rt.on_missing(&mut f, &k, s, p[1], with_default.then(|| p[2]));
                let e = Self::entry_of(&mut f, dl, p[0], s);
                let dv = f.get(p[0]);
                let vs = f.getfield(dv.clone(), "values", dl.varr());
                let ks = f.getfield(dv.clone(), "keys", dl.karr());
                let hs = f.getfield(dv.clone(), "hashes", dl.sarr());
                let idx = f.getfield(dv.clone(), "indexes", dl.sarr());
                let v = f.emit(O::GetArrayItem, vec![vs.clone(), e.clone()], dl.vst);
                let sv = f.get(s);
                f.emit(O::SetArrayItem, vec![idx, sv, c_int(-1)], LowType::Void);
                f.emit(
                    O::SetArrayItem,
                    vec![hs, e.clone(), c_int(-1)],
                    LowType::Void,
                );
                f.emit(
                    O::SetArrayItem,
                    vec![ks, e.clone(), zero(dl.kst)],
                    LowType::Void,
                );
                f.emit(O::SetArrayItem, vec![vs, e, zero(dl.vst)], LowType::Void);
                let n = f.getfield(dv.clone(), "num_items", I);
                let n1 = f.int(O::IntSub, n, c_int(1));
                f.setfield(dv, "num_items", n1);
                f.ret(if delete {
                    Value::Const(LlConst::Void)
                } else {
                    v
                });
                f.finish()
            },
        )
    }

    /// `ll_dict_setdefault(d, key, default)`.
    pub fn helper_dict_setdefault(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_setdefault_{}", dl.dict), |rt| {
            let setitem = rt.helper_dict_setitem(dl, &k);
            let (mut f, p) =
                FnBuilder::new("ll_dict_setdefault", &[dl.dp(), dl.kst, dl.vst], dl.vst);
            let (_, s) = rt.dict_find(&mut f, dl, &k, p[0], p[1]);
            let sv = f.get(s);
            let found = f.cmp(O::IntGe, sv, c_int(0));
            f.if_(found, |f| {
                let e = Self::entry_of(f, dl, p[0], s);
                let dv = f.get(p[0]);
                let vs = f.getfield(dv, "values", dl.varr());
                let v = f.emit(O::GetArrayItem, vec![vs, e], dl.vst);
                f.ret(v);
            });
            let (dv, kv, vv) = (f.get(p[0]), f.get(p[1]), f.get(p[2]));
            f.call(setitem, vec![dv, kv, vv.clone()], LowType::Void);
            let vv = f.get(p[2]);
            f.ret(vv);
            f.finish()
        })
    }

    /// `ll_dict_update(d, other)`: every live entry of `other`, in order.
    pub fn helper_dict_update(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_update_{}", dl.dict), |rt| {
            let setitem = rt.helper_dict_setitem(dl, &k);
            let (mut f, p) = FnBuilder::new("ll_dict_update", &[dl.dp(), dl.dp()], LowType::Void);
            let o = f.get(p[1]);
            let used = f.getfield(o, "num_used", I);
            let used = f.local(I, used);
            f.for_range(c_int(0), used, |f, i| {
                let (o, iv) = (f.get(p[1]), f.get(i));
                let hs = f.getfield(o.clone(), "hashes", dl.sarr());
                let hh = f.emit(O::GetArrayItem, vec![hs, iv], I);
                let live = f.cmp(O::IntNe, hh, c_int(-1));
                f.if_(live, |f| {
                    let (o, iv) = (f.get(p[1]), f.get(i));
                    let ks = f.getfield(o.clone(), "keys", dl.karr());
                    let vs = f.getfield(o, "values", dl.varr());
                    let kv = f.emit(O::GetArrayItem, vec![ks, iv.clone()], dl.kst);
                    let vv = f.emit(O::GetArrayItem, vec![vs, iv], dl.vst);
                    let d = f.get(p[0]);
                    f.call(setitem, vec![d, kv, vv], LowType::Void);
                });
            });
            f.finish()
        })
    }

    /// `ll_dict_copy(d)`.
    pub fn helper_dict_copy(&mut self, dl: DictLl, k: &S) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_copy_{}", dl.dict), |rt| {
            let update = rt.helper_dict_update(dl, &k);
            let (mut f, p) = FnBuilder::new("ll_dict_copy", &[dl.dp()], dl.dp());
            let n = f.malloc(dl.dict);
            let d = f.get(p[0]);
            f.call(update, vec![n.clone(), d], LowType::Void);
            f.ret(n);
            f.finish()
        })
    }

    /// `ll_dict_popitem(d)` -> (key, value) of the last entry.
    pub fn helper_dict_popitem(&mut self, dl: DictLl, k: &S, tuple_t: GcTypeId) -> u32 {
        let k = k.clone();
        self.add_helper(format!("dict_popitem_{}", dl.dict), |rt| {
            let pop = rt.helper_dict_pop(dl, &k, false);
            let msg = rt.str_const("'popitem(): dictionary is empty'");
            let ke = rt.exc_type("KeyError");
            let (mut f, p) = FnBuilder::new("ll_dict_popitem", &[dl.dp()], LowType::Ptr(tuple_t));
            let d = f.get(p[0]);
            let used = f.getfield(d, "num_used", I);
            let i = f.local(I, used);
            f.while_(
                |f| {
                    let iv = f.get(i);
                    f.cmp(O::IntGt, iv, c_int(0))
                },
                |f| {
                    let iv = f.get(i);
                    let j = f.int(O::IntSub, iv, c_int(1));
                    f.set(i, j.clone());
                    let d = f.get(p[0]);
                    let hs = f.getfield(d, "hashes", dl.sarr());
                    let hh = f.emit(O::GetArrayItem, vec![hs, j], I);
                    let live = f.cmp(O::IntNe, hh, c_int(-1));
                    f.if_(live, |f| {
                        let (d, iv) = (f.get(p[0]), f.get(i));
                        let ks = f.getfield(d.clone(), "keys", dl.karr());
                        let kv = f.emit(O::GetArrayItem, vec![ks, iv], dl.kst);
                        let v = f.call(pop, vec![d, kv.clone()], dl.vst);
                        let t = f.malloc(tuple_t);
                        let kv = if dl.key == LowType::Void {
                            Value::Const(LlConst::Void)
                        } else {
                            kv
                        };
                        let v = if dl.value == LowType::Void {
                            Value::Const(LlConst::Void)
                        } else {
                            v
                        };
                        f.setfield(t.clone(), "f0", kv);
                        f.setfield(t.clone(), "f1", v);
                        f.ret(t);
                    });
                },
            );
            match rt.helper_raise_key_error(&S::Str { nullable: false }) {
                Some(h) => {
                    let text = rt.str_const("popitem(): dictionary is empty");
                    f.call(h, vec![text], LowType::Void);
                    // Not reached (the helper always raises).
                    f.raise(ke, msg);
                }
                None => f.raise(ke, msg),
            }
            f.finish()
        })
    }

    /// `ll_dictiter_has_next(it)`: skips deleted entries; true if
    /// `it.index` is then a live entry.
    pub fn helper_dictiter_has_next(&mut self, dl: DictLl) -> u32 {
        self.add_helper(format!("dictiter_has_next_{}", dl.dict), |_| {
            let (mut f, p) = FnBuilder::new("ll_dictiter_has_next", &[LowType::Ptr(dl.iter)], B);
            let it = f.get(p[0]);
            let d = f.getfield(it.clone(), "dict", dl.dp());
            let i0 = f.getfield(it, "index", I);
            let d = f.local(dl.dp(), d);
            let i = f.local(I, i0);
            f.while_(
                |_| c_bool(true),
                |f| {
                    let (dv, iv) = (f.get(d), f.get(i));
                    let used = f.getfield(dv, "num_used", I);
                    let end = f.cmp(O::IntGe, iv, used);
                    f.if_(end, |f| {
                        let (it, iv) = (f.get(p[0]), f.get(i));
                        f.setfield(it, "index", iv);
                        f.ret(c_bool(false));
                    });
                    let (dv, iv) = (f.get(d), f.get(i));
                    let hs = f.getfield(dv, "hashes", dl.sarr());
                    let hh = f.emit(O::GetArrayItem, vec![hs, iv], I);
                    let live = f.cmp(O::IntNe, hh, c_int(-1));
                    f.if_(live, |f| {
                        let (it, iv) = (f.get(p[0]), f.get(i));
                        f.setfield(it, "index", iv);
                        f.ret(c_bool(true));
                    });
                    let iv = f.get(i);
                    let i1 = f.int(O::IntAdd, iv, c_int(1));
                    f.set(i, i1);
                },
            );
            f.ret(c_bool(false));
            f.finish()
        })
    }

    /// The entry at `it.index` (live: `has_next` said so), advancing.
    pub fn dictiter_next(&mut self, f: &mut dyn OpSink, it: LlValue, x: &S) -> LlValue {
        let dl = self.dict_ll(x);
        let what = match x {
            S::DictPart {
                part: rpy_annotator::model::DictPart::View(w),
                ..
            } => *w,
            _ => DictItems::Keys,
        };
        let d = f.getfield(it.clone(), "dict", dl.dp());
        let i = f.getfield(it.clone(), "index", I);
        let i1 = f.int(O::IntAdd, i.clone(), c_int(1));
        f.setfield(it, "index", i1);
        let void = Value::Const(LlConst::Void);
        let key = |f: &mut dyn OpSink| {
            if dl.key == LowType::Void {
                return void.clone();
            }
            let ks = f.getfield(d.clone(), "keys", dl.karr());
            f.emit(O::GetArrayItem, vec![ks, i.clone()], dl.kst)
        };
        let value = |f: &mut dyn OpSink| {
            if dl.value == LowType::Void {
                return void.clone();
            }
            let vs = f.getfield(d.clone(), "values", dl.varr());
            f.emit(O::GetArrayItem, vec![vs, i.clone()], dl.vst)
        };
        match what {
            DictItems::Keys => key(f),
            DictItems::Values => value(f),
            DictItems::Items => {
                let (k, v) = self.dict_kv(x);
                let LowType::Ptr(tt) = self.lowtype(&S::Tuple(vec![k, v])) else {
                    unreachable!("tuples are pointers")
                };
                let kv = key(f);
                let vv = value(f);
                let t = f.malloc(tt);
                f.setfield(t.clone(), "f0", kv);
                f.setfield(t.clone(), "f1", vv);
                t
            }
        }
    }

    /// `ll_dict_repr(d)`: `{k: v, ...}` with the reprs of keys and values.
    pub fn helper_dict_repr(&mut self, dl: DictLl, k: &S, v: &S) -> u32 {
        let (k, v) = (k.clone(), v.clone());
        self.add_helper(format!("dict_repr_{}_{k:?}_{v:?}", dl.dict), |rt| {
            let rk = rt.helper_repr_of(&k, true);
            let rv = rt.helper_repr_of(&v, true);
            let (open, close, colon, comma, empty) = (
                rt.str_const("{"),
                rt.str_const("}"),
                rt.str_const(": "),
                rt.str_const(", "),
                rt.str_const(""),
            );
            let (mut f, p) = FnBuilder::new("ll_dict_repr", &[dl.dp()], STR);
            let d = f.get(p[0]);
            let used = f.getfield(d, "num_used", I);
            let used = f.local(I, used);
            let s = f.local(STR, open);
            let sep = f.local(STR, empty);
            f.for_range(c_int(0), used, |f, i| {
                let (dv, iv) = (f.get(p[0]), f.get(i));
                let hs = f.getfield(dv, "hashes", dl.sarr());
                let hh = f.emit(O::GetArrayItem, vec![hs, iv], I);
                let live = f.cmp(O::IntNe, hh, c_int(-1));
                f.if_(live, |f| {
                    let (dv, iv) = (f.get(p[0]), f.get(i));
                    let ks = f.getfield(dv.clone(), "keys", dl.karr());
                    let vs = f.getfield(dv, "values", dl.varr());
                    let kv = f.emit(O::GetArrayItem, vec![ks, iv.clone()], dl.kst);
                    let vv = f.emit(O::GetArrayItem, vec![vs, iv], dl.vst);
                    let ktxt = f.call(rk, vec![kv], STR);
                    let vtxt = f.call(rv, vec![vv], STR);
                    let (sv, sepv) = (f.get(s), f.get(sep));
                    let a = f.call_extern("rpy_str_concat", vec![sv, sepv], STR);
                    let b = f.call_extern("rpy_str_concat", vec![a, ktxt], STR);
                    let c = f.call_extern("rpy_str_concat", vec![b, colon.clone()], STR);
                    let d = f.call_extern("rpy_str_concat", vec![c, vtxt], STR);
                    f.set(s, d);
                    f.set(sep, comma.clone());
                });
            });
            let sv = f.get(s);
            let r = f.call_extern("rpy_str_concat", vec![sv, close], STR);
            f.ret(r);
            f.finish()
        })
    }

    /// The prebuilt object of a dict made during module initialisation:
    /// its entries only (not indexed: the first operation indexes it).
    pub fn prebuilt_dict(&mut self, h: HostId, as_: &S) -> Result<LlValue, String> {
        let dl = self.dict_ll(as_);
        if let Some(&i) = self.reprs.dicts.prebuilt.get(&h) {
            return Ok(Value::Const(LlConst::Prebuilt(i, dl.dict)));
        }
        let i = self.prebuilt.len() as u32;
        self.prebuilt.push(Prebuilt {
            typ: dl.dict,
            fields: vec![],
            items: vec![],
        });
        self.reprs.dicts.prebuilt.insert(h, i);
        let (k, v) = self.dict_kv(as_);
        let HostObj::Dict(entries) = &self.prog.objs[h] else {
            return Err("not a dict".into());
        };
        let entries = entries.clone();
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for (kc, vc) in &entries {
            keys.push(self.prebuilt_item(kc, &k, dl.key)?);
            values.push(self.prebuilt_item(vc, &v, dl.value)?);
        }
        let n = entries.len() as i64;
        let arr = |rt: &mut Self, t: GcTypeId, items: Vec<LlConst>| {
            let j = rt.prebuilt.len() as u32;
            rt.prebuilt.push(Prebuilt {
                typ: t,
                fields: vec![],
                items,
            });
            LlConst::Prebuilt(j, t)
        };
        let hashes = arr(self, dl.signed_arr, vec![LlConst::Signed(0); entries.len()]);
        let keys = arr(self, dl.keys_arr, keys);
        let values = arr(self, dl.values_arr, values);
        self.prebuilt[i as usize].fields = vec![
            LlConst::Signed(n),
            LlConst::Signed(n),
            LlConst::Null(dl.signed_arr),
            hashes,
            keys,
            values,
        ];
        Ok(Value::Const(LlConst::Prebuilt(i, dl.dict)))
    }

    fn prebuilt_item(&mut self, c: &Const, ann: &S, lt: LowType) -> Result<LlConst, String> {
        if lt == LowType::Void {
            return Ok(LlConst::Signed(0));
        }
        match self.const_value(c, ann)? {
            Value::Const(c) => Ok(c),
            Value::Var(_) => Err("a prebuilt dict entry is not a constant".into()),
        }
    }
}

/// `h == -1 ? -2 : h` without a branch.
/// An open-addressing probe (CPython's order: `i = (5*i + perturb + 1) &
/// mask`, then `perturb >>= 5`) kept in slots: the one probe sequence of
/// lookup and reindex.
struct Probe {
    i: Slot,
    perturb: Slot,
    mask: Slot,
}

impl Probe {
    fn start(f: &mut FnBuilder, h: LlValue, mask: Slot) -> Probe {
        let m = f.get(mask);
        let i0 = f.int(O::IntAnd, h.clone(), m);
        let p0 = f.int(O::IntAnd, h, c_int(i64::MAX));
        Probe {
            i: f.local(I, i0),
            perturb: f.local(I, p0),
            mask,
        }
    }

    fn advance(&self, f: &mut FnBuilder) {
        let pv = f.get(self.perturb);
        let p2 = f.int(O::IntFloorDiv, pv, c_int(32));
        let iv = f.get(self.i);
        let i5 = f.int(O::IntMul, iv, c_int(5));
        let s1 = f.int(O::IntAdd, i5, p2.clone());
        let s2 = f.int(O::IntAdd, s1, c_int(1));
        let m = f.get(self.mask);
        let i2 = f.int(O::IntAnd, s2, m);
        f.set(self.perturb, p2);
        f.set(self.i, i2);
    }
}

fn not_minus_one(f: &mut FnBuilder, h: LlValue) -> LlValue {
    let is = f.cmp(O::IntEq, h.clone(), c_int(-1));
    let one = f.emit(O::CastBoolToInt, vec![is], I);
    f.int(O::IntSub, h, one)
}

/// Small additions to `FnBuilder` used here.
trait FnBuilderDictExt {
    fn emit_nonnull(&mut self, p: LlValue) -> LlValue;
}

impl FnBuilderDictExt for FnBuilder {
    fn emit_nonnull(&mut self, p: LlValue) -> LlValue {
        self.emit(O::PtrNonNull, vec![p], B)
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// What iterating over a dict or one of its views gives.
    pub fn dict_iter_item_ann(&self, x: &S) -> S {
        let (k, v) = self.dict_kv(x);
        match x {
            S::DictPart {
                part: rpy_annotator::model::DictPart::View(DictItems::Values),
                ..
            } => v,
            S::DictPart {
                part: rpy_annotator::model::DictPart::View(DictItems::Items),
                ..
            } => S::Tuple(vec![k, v]),
            _ => k,
        }
    }
}
