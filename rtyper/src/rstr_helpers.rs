//! The hot str and bytes operations as low-level helper graphs (RPython's
//! rstr.py), so that backendopt can inline them and a JIT can trace into
//! them: indexing, equality, concatenation, `chr`, `in`, slicing with
//! step 1, `startswith`/`endswith` and `find` of one character.
//!
//! A str is `STR {hash} [UniChar]` (code points), a bytes `BYTES {hash}
//! [Char]`; a fresh object's hash field is 0 ("not computed yet").
//! One-character strs below 256 come from a prebuilt table (as CPython's
//! latin-1 cache), so `s[i]` and `chr(c)` usually allocate nothing.
//! The complex methods (formatting, split/join/replace/strip, codecs)
//! stay runtime calls (`lower_str.rs`).

use crate::fnbuild::{c_bool, c_int, FnBuilder, OpSinkExt, Slot};
use crate::llop::LlOp as O;
use crate::lltype::{GcTypeId, LlConst, LlValue, LowType, Prebuilt, TypeTable};
use crate::rtype::RTyper;
use rpy_flow::graph::Value;

const I: LowType = LowType::Signed;
const B: LowType = LowType::Bool;

/// Which of the two string types a helper works on.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StrKind {
    Str,
    Bytes,
}

impl StrKind {
    pub fn gc_type(self) -> GcTypeId {
        match self {
            StrKind::Str => TypeTable::STR,
            StrKind::Bytes => TypeTable::BYTES,
        }
    }
    pub fn lt(self) -> LowType {
        LowType::Ptr(self.gc_type())
    }
    fn item(self) -> LowType {
        match self {
            StrKind::Str => LowType::UniChar,
            StrKind::Bytes => LowType::Char,
        }
    }
    fn name(self) -> &'static str {
        match self {
            StrKind::Str => "str",
            StrKind::Bytes => "bytes",
        }
    }
}

/// Item access on str/bytes slots, as methods so that arguments may read
/// slots (`f.get`) while `f` is borrowed.
trait StrOps {
    /// Item `i` of `s` as a Signed code.
    fn item_code(&mut self, k: StrKind, s: LlValue, i: LlValue) -> LlValue;
    fn len_of(&mut self, s: LlValue) -> LlValue;
}

impl StrOps for FnBuilder {
    fn item_code(&mut self, k: StrKind, s: LlValue, i: LlValue) -> LlValue {
        let c = self.op(O::GetArrayItem, vec![s, i], k.item());
        let cast = match k {
            StrKind::Str => O::CastUniCharToInt,
            StrKind::Bytes => O::CastCharToInt,
        };
        self.op(cast, vec![c], I)
    }
    fn len_of(&mut self, s: LlValue) -> LlValue {
        self.op(O::GetArrayLen, vec![s], I)
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// The prebuilt `PTR_ARRAY` of the 256 one-character strs.
    fn char_table(&mut self) -> LlValue {
        let LowType::Ptr(arr) = self.reprs.types.types[TypeTable::STR_LIST].fields[1].1 else {
            unreachable!("STR_LIST holds a PTR_ARRAY")
        };
        let i = match self.char_table {
            Some(i) => i,
            None => {
                let items = (0..256u32)
                    .map(|c| {
                        let s = char::from_u32(c).expect("latin-1").to_string();
                        match self.str_const(&s) {
                            Value::Const(k) => k,
                            Value::Var(_) => unreachable!("a constant"),
                        }
                    })
                    .collect();
                let i = self.prebuilt.len() as u32;
                self.prebuilt.push(Prebuilt {
                    typ: arr,
                    fields: vec![],
                    items,
                });
                self.char_table = Some(i);
                self.jit.immutable_prebuilt.insert(i);
                i
            }
        };
        Value::Const(LlConst::Prebuilt(i, arr))
    }

    /// The one-character str of code point `code` (known to be valid).
    pub(crate) fn char_str(&mut self, f: &mut FnBuilder, code: LlValue) -> LlValue {
        let table = self.char_table();
        let st = StrKind::Str.lt();
        let code = f.local(I, code);
        let res = f.local(st, Value::Const(LlConst::Null(TypeTable::STR)));
        let small = f.op(O::IntBetween, vec![c_int(0), f.get(code), c_int(256)], B);
        f.if_else(
            small,
            |f| {
                let s = f.op(O::GetArrayItem, vec![table, f.get(code)], st);
                f.set(res, s);
            },
            |f| {
                let s = f.malloc_varsize(TypeTable::STR, c_int(1));
                let u = f.op(O::CastIntToUniChar, vec![f.get(code)], LowType::UniChar);
                f.op(O::SetArrayItem, vec![s.clone(), c_int(0), u], LowType::Void);
                f.set(res, s);
            },
        );
        f.get(res)
    }

    /// `helpers::index_check` of str slot `s`.
    fn str_check_index(&mut self, f: &mut FnBuilder, s: Slot, i: Slot, msg: &str) {
        self.index_check(f, s, i, |f, s| f.len_of(s), msg)
    }

    /// `ll_str_getitem_char(s, i)`: `s[i]` as a char (its code point).
    pub fn helper_str_getitem_char(&mut self) -> u32 {
        let g = self.add_helper("str_getitem_char".into(), |rt| {
            let st = StrKind::Str.lt();
            let (mut f, p) = FnBuilder::new("ll_str_getitem_char", &[st, I], I);
            rt.str_check_index(&mut f, p[0], p[1], "string index out of range");
            let c = f.item_code(StrKind::Str, f.get(p[0]), f.get(p[1]));
            f.ret(c);
            f.finish()
        });
        self.elidable(g)
    }

    /// `ll_chr(code)`: `chr(code)` as a char; ValueError outside
    /// `range(0x110000)`.
    pub fn helper_chr(&mut self) -> u32 {
        self.add_helper("chr".into(), |rt| {
            let (mut f, p) = FnBuilder::new("ll_chr", &[I], I);
            let ok = f.op(
                O::IntBetween,
                vec![c_int(0), f.get(p[0]), c_int(0x110000)],
                B,
            );
            let bad = f.op(O::BoolNot, vec![ok], B);
            let t = rt.exc_type("ValueError");
            let m = rt.str_const("chr() arg not in range(0x110000)");
            f.if_(bad, |f| f.raise(t, m));
            f.ret(f.get(p[0]));
            f.finish()
        })
    }

    /// `ll_str_contains_char(s, c)`: `c in s` for a char `c`.
    pub fn helper_str_contains_char(&mut self) -> u32 {
        self.add_helper("str_contains_char".into(), |_| {
            let k = StrKind::Str;
            let (mut f, p) = FnBuilder::new("ll_str_contains_char", &[k.lt(), I], B);
            let at = Self::scan_char(&mut f, k, p[0], p[1], c_int(0));
            let r = f.cmp(O::IntGe, at, c_int(0));
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_streq(a, b)`: identity, then null, then length, then items.
    pub fn helper_str_eq(&mut self, k: StrKind) -> u32 {
        let g = self.add_helper(format!("{}_eq", k.name()), |_| {
            let (mut f, p) = FnBuilder::new("ll_streq", &[k.lt(), k.lt()], B);
            let (a, b) = (p[0], p[1]);
            let same = f.cmp(O::PtrEq, f.get(a), f.get(b));
            f.if_(same, |f| f.ret(c_bool(true)));
            let an = f.op(O::PtrIsNull, vec![f.get(a)], B);
            let bn = f.op(O::PtrIsNull, vec![f.get(b)], B);
            let ai = f.op(O::CastBoolToInt, vec![an], I);
            let bi = f.op(O::CastBoolToInt, vec![bn], I);
            let any = f.int(O::IntOr, ai, bi);
            let any = f.op(O::IntIsTrue, vec![any], B);
            f.if_(any, |f| f.ret(c_bool(false)));
            let n = f.len_of(f.get(a));
            let m = f.len_of(f.get(b));
            let n = f.local(I, n);
            let differ = f.cmp(O::IntNe, f.get(n), m);
            f.if_(differ, |f| f.ret(c_bool(false)));
            f.for_range(c_int(0), n, |f, i| {
                let x = f.item_code(k, f.get(a), f.get(i));
                let y = f.item_code(k, f.get(b), f.get(i));
                let ne = f.cmp(O::IntNe, x, y);
                f.if_(ne, |f| f.ret(c_bool(false)));
            });
            f.ret(c_bool(true));
            f.finish()
        });
        self.elidable(g)
    }

    /// `ll_strconcat(a, b)`: one allocation and two `arraycopy`s.
    pub fn helper_str_concat(&mut self, k: StrKind) -> u32 {
        self.add_helper(format!("{}_concat", k.name()), |_| {
            let (mut f, p) = FnBuilder::new("ll_strconcat", &[k.lt(), k.lt()], k.lt());
            let (a, b) = (p[0], p[1]);
            let n = f.len_of(f.get(a));
            let m = f.len_of(f.get(b));
            let total = f.int(O::IntAdd, n.clone(), m.clone());
            let r = f.malloc_varsize(k.gc_type(), total);
            f.op(
                O::ArrayCopy,
                vec![f.get(a), r.clone(), c_int(0), c_int(0), n.clone()],
                LowType::Void,
            );
            f.op(
                O::ArrayCopy,
                vec![f.get(b), r.clone(), c_int(0), n, m],
                LowType::Void,
            );
            f.ret(r);
            f.finish()
        })
    }

    /// Index of the first item of `s` equal to code `c` in `[start, n)`,
    /// or -1: a loop over slots.
    fn scan_char(f: &mut FnBuilder, k: StrKind, s: Slot, c: Slot, start: LlValue) -> LlValue {
        let n = f.len_of(f.get(s));
        let n = f.local(I, n);
        let found = f.local(I, c_int(-1));
        let i = f.local(I, start);
        f.while_(
            |f| {
                let more = f.cmp(O::IntLt, f.get(i), f.get(n));
                let notyet = f.cmp(O::IntLt, f.get(found), c_int(0));
                f.and(more, notyet)
            },
            |f| {
                let x = f.item_code(k, f.get(s), f.get(i));
                let eq = f.cmp(O::IntEq, x, f.get(c));
                f.if_(eq, |f| f.set(found, f.get(i)));
                let i1 = f.int(O::IntAdd, f.get(i), c_int(1));
                f.set(i, i1);
            },
        );
        f.get(found)
    }

    /// `ll_str_contains(s, sub)`: a loop when `sub` is one character,
    /// else the runtime's substring search.
    pub fn helper_str_contains(&mut self) -> u32 {
        let g = self.add_helper("str_contains".into(), |_| {
            let k = StrKind::Str;
            let (mut f, p) = FnBuilder::new("ll_str_contains", &[k.lt(), k.lt()], B);
            let (s, sub) = (p[0], p[1]);
            let m = f.len_of(f.get(sub));
            let one = f.cmp(O::IntEq, m, c_int(1));
            f.if_(one, |f| {
                let c = f.item_code(k, f.get(sub), c_int(0));
                let c = f.local(I, c);
                let at = Self::scan_char(f, k, s, c, c_int(0));
                let r = f.cmp(O::IntGe, at, c_int(0));
                f.ret(r);
            });
            let r = f.call_extern("rpy_str_contains", vec![f.get(s), f.get(sub)], B);
            f.ret(r);
            f.finish()
        });
        self.elidable(g)
    }

    /// `ll_str_find(s, sub)` (no start/end): a loop when `sub` is one
    /// character, else the runtime's search.
    pub fn helper_str_find(&mut self, k: StrKind) -> u32 {
        let g = self.add_helper(format!("{}_find", k.name()), |rt| {
            let (mut f, p) = FnBuilder::new("ll_str_find", &[k.lt(), k.lt()], I);
            let (s, sub) = (p[0], p[1]);
            let m = f.len_of(f.get(sub));
            let one = f.cmp(O::IntEq, m, c_int(1));
            f.if_(one, |f| {
                let c = f.item_code(k, f.get(sub), c_int(0));
                let c = f.local(I, c);
                let at = Self::scan_char(f, k, s, c, c_int(0));
                f.ret(at);
            });
            let search = match k {
                StrKind::Str => "rpy_str_search",
                StrKind::Bytes => "rpy_bytes_search",
            };
            let _ = rt;
            let r = f.call_extern(
                search,
                vec![f.get(s), f.get(sub), c_int(0), c_int(0), c_int(0), c_int(0)],
                I,
            );
            f.ret(r);
            f.finish()
        });
        self.elidable(g)
    }

    /// `ll_str_slice(s, start, stop)`, step 1, with Python's clamping; the
    /// caller passes 0 for a missing start and `i64::MAX` for a missing
    /// stop. The whole string is returned as is.
    pub fn helper_str_slice(&mut self, k: StrKind) -> u32 {
        self.add_helper(format!("{}_slice", k.name()), |rt| {
            let (mut f, p) = FnBuilder::new("ll_str_slice", &[k.lt(), I, I], k.lt());
            let (s, start, stop) = (p[0], p[1], p[2]);
            let n = f.len_of(f.get(s));
            let n = f.local(I, n);
            for x in [start, stop] {
                let neg = f.cmp(O::IntLt, f.get(x), c_int(0));
                f.if_else(
                    neg,
                    |f| {
                        let adj = f.int(O::IntAdd, f.get(x), f.get(n));
                        let adj = f.int(O::IntMax, adj, c_int(0));
                        f.set(x, adj);
                    },
                    |f| {
                        let cl = f.int(O::IntMin, f.get(x), f.get(n));
                        f.set(x, cl);
                    },
                );
            }
            let whole0 = f.cmp(O::IntEq, f.get(start), c_int(0));
            let whole1 = f.cmp(O::IntEq, f.get(stop), f.get(n));
            let whole = f.and(whole0, whole1);
            f.if_(whole, |f| f.ret(f.get(s)));
            let empty = f.cmp(O::IntGe, f.get(start), f.get(stop));
            let e = match k {
                StrKind::Str => rt.str_const(""),
                StrKind::Bytes => rt.bytes_const(b""),
            };
            f.if_(empty, |f| f.ret(e));
            let m = f.int(O::IntSub, f.get(stop), f.get(start));
            let r = f.malloc_varsize(k.gc_type(), m.clone());
            f.op(
                O::ArrayCopy,
                vec![f.get(s), r.clone(), f.get(start), c_int(0), m],
                LowType::Void,
            );
            f.ret(r);
            f.finish()
        })
    }

    /// `ll_startswith(s, fix)` / `ll_endswith(s, fix)` (no start/end).
    pub fn helper_str_startswith(&mut self, k: StrKind, end: bool) -> u32 {
        let what = if end { "endswith" } else { "startswith" };
        let g = self.add_helper(format!("{}_{what}", k.name()), |_| {
            let (mut f, p) = FnBuilder::new(&format!("ll_{what}"), &[k.lt(), k.lt()], B);
            let (s, fix) = (p[0], p[1]);
            let n = f.len_of(f.get(s));
            let m = f.len_of(f.get(fix));
            let long = f.cmp(O::IntGt, m.clone(), n.clone());
            let ofs = if end {
                f.int(O::IntSub, n, m.clone())
            } else {
                c_int(0)
            };
            let ofs = f.local(I, ofs);
            let m = f.local(I, m);
            f.if_(long, |f| f.ret(c_bool(false)));
            f.for_range(c_int(0), m, |f, i| {
                let j = f.int(O::IntAdd, f.get(i), f.get(ofs));
                let x = f.item_code(k, f.get(s), j);
                let y = f.item_code(k, f.get(fix), f.get(i));
                let ne = f.cmp(O::IntNe, x, y);
                f.if_(ne, |f| f.ret(c_bool(false)));
            });
            f.ret(c_bool(true));
            f.finish()
        });
        self.elidable(g)
    }
}
