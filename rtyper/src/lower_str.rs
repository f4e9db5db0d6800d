//! Lowering of string and bytes operations: methods, slicing, `%`
//! formatting, format specs, bytes comparisons and string builders.
//!
//! `lower_str_op` is tried before the generic dispatch of `lower.rs` and
//! returns `None` for ops that are not about strings. Slicing with step
//! 1, `find` without bounds and `startswith`/`endswith` without bounds
//! call helper graphs (`rstr_helpers.rs`). Other methods become calls
//! of the runtime's `rpy_str_*` / `rpy_bytes_*` functions (CPython's
//! semantics live there, written once for both types); `%` with a constant
//! format string becomes one runtime call per conversion, concatenated
//! with the literal pieces.

use crate::emit::{c_signed, Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, TypeTable};
use crate::lower_call::{call_shape, CallShape};
use crate::rstr_helpers::StrKind;
use crate::rtype::RTyper;
use rpy_annotator::rules_str::{
    bind_method_args, encoding_name, method_params, parse_percent, Kind,
};
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

const STR: LowType = LowType::Ptr(TypeTable::STR);
const BYTES: LowType = LowType::Ptr(TypeTable::BYTES);

type LR = Result<LlValue, Diagnostic>;

fn kind_of(s: &S) -> Option<Kind> {
    match s {
        S::Str { .. } => Some(Kind::Str),
        S::Bytes { .. } => Some(Kind::Bytes),
        S::StrBuilder => Some(Kind::Builder),
        _ => None,
    }
}

/// The helper-graph kind of a str or bytes `kind`.
fn sk(kind: Kind) -> StrKind {
    if kind == Kind::Bytes {
        StrKind::Bytes
    } else {
        StrKind::Str
    }
}

/// Runtime function name for `kind` (`rpy_str_x` or `rpy_bytes_x`).
fn rt(kind: Kind, what: &str) -> String {
    match kind {
        Kind::Bytes => format!("rpy_bytes_{what}"),
        _ => format!("rpy_str_{what}"),
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// Entry point from `lower_op`: `Some` when the op is about strings.
    pub fn lower_str_op(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> Option<LR> {
        use FlowOp as F;
        match op.kind {
            F::GetAttr if matches!(res, S::BuiltinMethod { recv, .. } if kind_of(recv).is_some()) => {
                Some(self.arg(e, op, anns, 0))
            }
            F::SimpleCall | F::CallKw => match &anns[0] {
                S::BuiltinMethod { recv, name } => {
                    let kind = kind_of(recv)?;
                    Some(self.lower_method(e, op, anns, res, kind, name))
                }
                S::Builtin(Builtin::StringBuilder | Builtin::UnicodeBuilder) => {
                    let t = self.reprs.str_builder_type();
                    Some(Ok(e.op(
                        O::Malloc,
                        vec![Value::Const(LlConst::Type(t))],
                        LowType::Ptr(t),
                    )))
                }
                _ => None,
            },
            F::Mod | F::InplaceMod if matches!(anns[0], S::Str { .. }) => {
                Some(self.lower_percent(e, op, anns))
            }
            F::Format => Some(self.lower_format(e, op, anns)),
            F::GetSlice => {
                let kind = kind_of(&anns[0])?;
                Some(self.lower_getslice(e, op, anns, kind))
            }
            F::Mul | F::InplaceMul if matches!(res, S::Bytes { .. }) => Some((|| {
                let (b, n) = if matches!(anns[0], S::Bytes { .. }) {
                    (0, 1)
                } else {
                    (1, 0)
                };
                let bv = self.arg(e, op, anns, b)?;
                let nv = self.arg_as(e, op, anns, n, &S::Int)?;
                Ok(e.call_extern("rpy_bytes_mul", vec![bv, nv], BYTES))
            })()),
            F::Contains if matches!(anns[0], S::Bytes { .. }) => Some((|| {
                let b = self.arg(e, op, anns, 0)?;
                if matches!(anns[1], S::Bytes { .. }) {
                    let x = self.arg(e, op, anns, 1)?;
                    Ok(e.call_extern("rpy_bytes_contains", vec![b, x], LowType::Bool))
                } else {
                    let x = self.arg_as(e, op, anns, 1, &S::Int)?;
                    Ok(e.call_extern("rpy_bytes_contains_int", vec![b, x], LowType::Bool))
                }
            })()),
            F::Lt | F::Le | F::Gt | F::Ge
                if matches!((&anns[0], &anns[1]), (S::Bytes { .. }, S::Bytes { .. })) =>
            {
                Some((|| {
                    let x = self.arg(e, op, anns, 0)?;
                    let y = self.arg(e, op, anns, 1)?;
                    let c = e.call_extern("rpy_bytes_cmp", vec![x, y], LowType::Signed);
                    let k = match op.kind {
                        F::Lt => O::IntLt,
                        F::Le => O::IntLe,
                        F::Gt => O::IntGt,
                        _ => O::IntGe,
                    };
                    Ok(e.op(k, vec![c, c_signed(0)], LowType::Bool))
                })())
            }
            _ => None,
        }
    }

    fn lower_getslice(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], kind: Kind) -> LR {
        let s = self.arg(e, op, anns, 0)?;
        if matches!(anns[3], S::None) && kind != Kind::Builder {
            // Step 1: a helper graph (`rstr_helpers.rs`).
            let start = if matches!(anns[1], S::None) {
                c_signed(0)
            } else {
                self.arg_as(e, op, anns, 1, &S::Int)?
            };
            let stop = if matches!(anns[2], S::None) {
                c_signed(i64::MAX)
            } else {
                self.arg_as(e, op, anns, 2, &S::Int)?
            };
            let k = sk(kind);
            let f = self.helper_str_slice(k);
            return Ok(e.call_func(f, vec![s, start, stop], k.lt()));
        }
        let mut vals = Vec::new();
        let mut mask = 0;
        for i in 0..3 {
            if matches!(anns[1 + i], S::None) {
                vals.push(c_signed(0));
            } else {
                vals.push(self.arg_as(e, op, anns, 1 + i, &S::Int)?);
                mask |= 1 << i;
            }
        }
        let ty = if kind == Kind::Bytes { BYTES } else { STR };
        let mut args = vec![s];
        args.extend(vals);
        args.push(c_signed(mask));
        Ok(e.call_extern(&rt(kind, "getslice"), args, ty))
    }

    /// The op argument index bound to each parameter of a method call.
    fn method_slots(
        &self,
        op: &Op<Flow>,
        kind: Kind,
        name: &str,
    ) -> Result<Vec<Option<usize>>, Diagnostic> {
        let CallShape {
            first,
            npos,
            kwnames,
        } = call_shape(op);
        let pos: Vec<usize> = (first..first + npos).collect();
        let kw: Vec<(String, usize)> = kwnames
            .into_iter()
            .enumerate()
            .map(|(k, n)| (n, first + npos + k))
            .collect();
        bind_method_args(kind, name, &pos, &kw).map_err(|m| Diagnostic::new(op.span, m))
    }

    /// An optional int argument: (value, present?) with None as absent.
    fn opt_int(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        slot: Option<usize>,
    ) -> Result<(LlValue, bool), Diagnostic> {
        match slot {
            Some(i) if !matches!(anns[i], S::None) => {
                Ok((self.arg_as(e, op, anns, i, &S::Int)?, true))
            }
            _ => Ok((c_signed(0), false)),
        }
    }

    /// An optional str/bytes argument: the object or null.
    fn opt_obj(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        slot: Option<usize>,
        kind: Kind,
    ) -> LR {
        match slot {
            Some(i) if !matches!(anns[i], S::None) => self.arg(e, op, anns, i),
            _ => Ok(Value::Const(LlConst::Null(if kind == Kind::Bytes {
                TypeTable::BYTES
            } else {
                TypeTable::STR
            }))),
        }
    }

    fn const_str_arg(op: &Op<Flow>, slot: Option<usize>) -> Option<String> {
        slot.and_then(|i| op.args[i].as_const())
            .and_then(Const::as_str)
            .map(str::to_string)
    }

    fn lower_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        kind: Kind,
        name: &str,
    ) -> LR {
        debug_assert!(method_params(kind, name).is_some());
        let slots = self.method_slots(op, kind, name)?;
        let recv = self.arg(e, op, anns, 0)?;
        let own = if kind == Kind::Bytes { BYTES } else { STR };
        let req = |i: usize| slots[i].expect("annotator checked required arguments");
        let res_lt = self.lowtype(res);
        let f = |w: &str| rt(kind, w);
        let search_which = |n: &str| match n {
            "find" => 0,
            "rfind" => 1,
            "index" => 2,
            "rindex" => 3,
            _ => 4,
        };
        Ok(match name {
            "find" | "rfind" | "index" | "rindex" | "count" => {
                let sub = self.arg(e, op, anns, req(0))?;
                let (st, m0) = self.opt_int(e, op, anns, slots[1])?;
                let (en, m1) = self.opt_int(e, op, anns, slots[2])?;
                let mask = m0 as i64 | (m1 as i64) << 1;
                if name == "find"
                    && mask == 0
                    && matches!(anns[req(0)], S::Str { .. } | S::Bytes { .. })
                {
                    let h = self.helper_str_find(sk(kind));
                    return Ok(e.call_func(h, vec![recv, sub], LowType::Signed));
                }
                e.call_extern(
                    &f("search"),
                    vec![
                        recv,
                        sub,
                        st,
                        en,
                        c_signed(mask),
                        c_signed(search_which(name)),
                    ],
                    LowType::Signed,
                )
            }
            "startswith" | "endswith" => {
                let which = c_signed((name == "endswith") as i64);
                let (st, m0) = self.opt_int(e, op, anns, slots[1])?;
                let (en, m1) = self.opt_int(e, op, anns, slots[2])?;
                let mask = c_signed(m0 as i64 | (m1 as i64) << 1);
                let i = req(0);
                match &anns[i] {
                    S::Tuple(items) => {
                        // Any of the prefixes (evaluated eagerly: no effects).
                        let n = items.len();
                        let fixes: Vec<LlValue> = match &op.args[i] {
                            Value::Const(Const::Tuple(cs)) => {
                                let mut v = Vec::new();
                                for (c, a) in cs.iter().zip(items) {
                                    v.push(
                                        self.const_value(c, a)
                                            .map_err(|m| Diagnostic::new(op.span, m))?,
                                    );
                                }
                                v
                            }
                            Value::Var(t) => (0..n)
                                .map(|k| e.getfield(Value::Var(*t), &format!("f{k}"), own))
                                .collect(),
                            Value::Const(_) => {
                                return Err(Diagnostic::new(op.span, "bad prefix tuple"))
                            }
                        };
                        let mut acc = Value::Const(LlConst::Bool(false));
                        for fx in fixes {
                            let r = e.call_extern(
                                &f("startswith"),
                                vec![
                                    recv.clone(),
                                    fx,
                                    st.clone(),
                                    en.clone(),
                                    mask.clone(),
                                    which.clone(),
                                ],
                                LowType::Bool,
                            );
                            let ri = e.op(O::CastBoolToInt, vec![r], LowType::Signed);
                            let ai = e.op(O::CastBoolToInt, vec![acc], LowType::Signed);
                            let o = e.op(O::IntOr, vec![ai, ri], LowType::Signed);
                            acc = e.op(O::IntIsTrue, vec![o], LowType::Bool);
                        }
                        acc
                    }
                    _ if !m0 && !m1 => {
                        let fx = self.arg(e, op, anns, i)?;
                        let h = self.helper_str_startswith(sk(kind), name == "endswith");
                        e.call_func(h, vec![recv, fx], LowType::Bool)
                    }
                    _ => {
                        let fx = self.arg(e, op, anns, i)?;
                        e.call_extern(
                            &f("startswith"),
                            vec![recv, fx, st, en, mask, which],
                            LowType::Bool,
                        )
                    }
                }
            }
            "split" | "rsplit" | "splitlines" => {
                let LowType::Ptr(list_t) = res_lt else {
                    unreachable!("a list")
                };
                let LowType::Ptr(arr_t) = self.reprs.types.types[list_t].fields[1].1 else {
                    unreachable!("an item array")
                };
                let (lt, at) = (
                    c_signed(list_t.as_u32() as i64),
                    c_signed(arr_t.as_u32() as i64),
                );
                if name == "splitlines" {
                    let keep = match slots[0] {
                        Some(i) => {
                            let v = self.arg_as(e, op, anns, i, &S::Int)?;
                            v
                        }
                        None => c_signed(0),
                    };
                    e.call_extern(&f("splitlines"), vec![recv, keep, lt, at], res_lt)
                } else {
                    let sep = self.opt_obj(e, op, anns, slots[0], kind)?;
                    let (max, given) = self.opt_int(e, op, anns, slots[1])?;
                    let max = if given { max } else { c_signed(-1) };
                    e.call_extern(
                        &f("split"),
                        vec![recv, sep, max, c_signed((name == "rsplit") as i64), lt, at],
                        res_lt,
                    )
                }
            }
            "join" => {
                let l = self.arg(e, op, anns, req(0))?;
                e.call_extern(&f("join"), vec![recv, l], own)
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = self.opt_obj(e, op, anns, slots[0], kind)?;
                let which = match name {
                    "strip" => 0,
                    "lstrip" => 1,
                    _ => 2,
                };
                e.call_extern(&f("strip"), vec![recv, chars, c_signed(which)], own)
            }
            "replace" => {
                let old = self.arg(e, op, anns, req(0))?;
                let new = self.arg(e, op, anns, req(1))?;
                let (n, given) = self.opt_int(e, op, anns, slots[2])?;
                let n = if given { n } else { c_signed(-1) };
                e.call_extern(&f("replace"), vec![recv, old, new, n], own)
            }
            "lower" | "upper" | "capitalize" | "title" | "swapcase" => {
                let which = ["lower", "upper", "capitalize", "title", "swapcase"]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap();
                e.call_extern(&f("case"), vec![recv, c_signed(which as i64)], own)
            }
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "istitle"
            | "isdecimal" | "isnumeric" => {
                let which = [
                    "isdigit",
                    "isalpha",
                    "isalnum",
                    "isspace",
                    "isupper",
                    "islower",
                    "istitle",
                    "isdecimal",
                    "isnumeric",
                ]
                .iter()
                .position(|n| *n == name)
                .unwrap();
                e.call_extern(&f("is"), vec![recv, c_signed(which as i64)], LowType::Bool)
            }
            "zfill" | "ljust" | "rjust" | "center" => {
                let w = self.arg_as(e, op, anns, req(0), &S::Int)?;
                let fill = if name == "zfill" {
                    Value::Const(LlConst::Null(TypeTable::STR))
                } else {
                    self.opt_obj(e, op, anns, slots[1], kind)?
                };
                let which = ["ljust", "rjust", "center", "zfill"]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap();
                e.call_extern(&f("pad"), vec![recv, w, fill, c_signed(which as i64)], own)
            }
            "partition" | "rpartition" => {
                let sep = self.arg(e, op, anns, req(0))?;
                let LowType::Ptr(tup_t) = res_lt else {
                    unreachable!("a tuple")
                };
                e.call_extern(
                    &f("partition"),
                    vec![
                        recv,
                        sep,
                        c_signed((name == "rpartition") as i64),
                        c_signed(tup_t.as_u32() as i64),
                    ],
                    res_lt,
                )
            }
            "encode" | "decode" => {
                let enc = Self::const_str_arg(op, slots[0])
                    .map(|s| encoding_name(&s).unwrap_or("utf-8"))
                    .unwrap_or("utf-8");
                let code = match enc {
                    "latin-1" => 1,
                    "ascii" => 2,
                    _ => 0,
                };
                if name == "encode" {
                    e.call_extern("rpy_str_encode", vec![recv, c_signed(code)], BYTES)
                } else {
                    e.call_extern("rpy_bytes_decode", vec![recv, c_signed(code)], STR)
                }
            }
            "append" => {
                let s = self.arg(e, op, anns, req(0))?;
                e.call_extern("rpy_sb_append", vec![recv, s], LowType::Void)
            }
            "append_slice" => {
                let s = self.arg(e, op, anns, req(0))?;
                let a = self.arg_as(e, op, anns, req(1), &S::Int)?;
                let b = self.arg_as(e, op, anns, req(2), &S::Int)?;
                e.call_extern("rpy_sb_append_slice", vec![recv, s, a, b], LowType::Void)
            }
            "append_multiple_char" => {
                let s = self.arg(e, op, anns, req(0))?;
                let n = self.arg_as(e, op, anns, req(1), &S::Int)?;
                e.call_extern(
                    "rpy_sb_append_multiple_char",
                    vec![recv, s, n],
                    LowType::Void,
                )
            }
            "getlength" => e.getfield(recv, "length", LowType::Signed),
            "build" => e.call_extern("rpy_sb_build", vec![recv], STR),
            _ => {
                return Err(Diagnostic::new(
                    op.span,
                    format!("{name}() is not supported by the rtyper yet"),
                ))
            }
        })
    }

    /// `fmt % args` with a constant format string.
    fn lower_percent(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S]) -> LR {
        let Some(Const::Str(fmt)) = op.args[0].as_const() else {
            return Err(Diagnostic::new(
                op.span,
                "the left side of `%` must be a constant format string",
            ));
        };
        let pf = parse_percent(fmt).map_err(|m| Diagnostic::new(op.span, m))?;
        // The values and their annotations.
        let mut items: Vec<(LlValue, S)> = Vec::new();
        match (&anns[1], &op.args[1]) {
            (S::Tuple(its), Value::Const(Const::Tuple(cs))) => {
                for (c, a) in cs.iter().zip(its) {
                    items.push((
                        self.const_value(c, a)
                            .map_err(|m| Diagnostic::new(op.span, m))?,
                        a.clone(),
                    ));
                }
            }
            (S::Tuple(its), Value::Var(t)) => {
                for (k, a) in its.iter().enumerate() {
                    let lt = self.lowtype(a);
                    items.push((e.getfield(Value::Var(*t), &format!("f{k}"), lt), a.clone()));
                }
            }
            (a, _) => {
                let v = self.arg(e, op, anns, 1)?;
                items.push((v, a.clone()));
            }
        }
        let mut parts: Vec<LlValue> = Vec::new();
        if !pf.pieces[0].is_empty() {
            parts.push(self.str_const(&pf.pieces[0]));
        }
        for (k, (spec, (v, a))) in pf.specs.iter().zip(items).enumerate() {
            let flags = self.str_const(&spec.flags);
            let piece = match (spec.conv, &a) {
                ('s' | 'r' | 'a', _) | ('c', S::Str { .. }) => {
                    let s = self
                        .str_of(e, v, &a, spec.conv != 's' && spec.conv != 'c')
                        .map_err(|m| Diagnostic::new(op.span, m))?;
                    if spec.flags.is_empty() {
                        s
                    } else {
                        e.call_extern("rpy_percent_str", vec![s, flags], STR)
                    }
                }
                (c, S::Float) => {
                    e.call_extern("rpy_percent_float", vec![v, flags, c_signed(c as i64)], STR)
                }
                (c, _) => {
                    let i = self.convert(e, v, &a, &S::Int);
                    e.call_extern("rpy_percent_int", vec![i, flags, c_signed(c as i64)], STR)
                }
            };
            parts.push(piece);
            if !pf.pieces[k + 1].is_empty() {
                parts.push(self.str_const(&pf.pieces[k + 1]));
            }
        }
        let mut it = parts.into_iter();
        let Some(mut acc) = it.next() else {
            return Ok(self.str_const(""));
        };
        for p in it {
            acc = e.call_extern("rpy_str_concat", vec![acc, p], STR);
        }
        Ok(acc)
    }

    /// `format(value, spec)` (f-string fields).
    fn lower_format(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S]) -> LR {
        let empty = matches!(op.args[1].as_const(), Some(Const::Str(s)) if s.is_empty());
        let v = self.arg(e, op, anns, 0)?;
        if empty {
            return self
                .str_of(e, v, &anns[0], false)
                .map_err(|m| Diagnostic::new(op.span, m));
        }
        let spec = self.arg(e, op, anns, 1)?;
        Ok(match &anns[0] {
            S::Int | S::Bool => {
                let i = self.convert(e, v, &anns[0], &S::Int);
                e.call_extern("rpy_format_int", vec![i, spec], STR)
            }
            S::Float => e.call_extern("rpy_format_float", vec![v, spec], STR),
            a => {
                let s = self
                    .str_of(e, v, a, false)
                    .map_err(|m| Diagnostic::new(op.span, m))?;
                e.call_extern("rpy_format_str", vec![s, spec], STR)
            }
        })
    }
}
