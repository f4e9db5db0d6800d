//! Lowering of dict operations: each becomes a call of a helper graph
//! from `rdict.rs` (or a field access: `len`, truth, `clear`).

use crate::emit::{c_signed, Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType, TypeTable};
use crate::rdict::{zero, DictLl};
use crate::rtype::RTyper;
use rpy_annotator::model::{DictItems, DictPart};
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<LlValue, Diagnostic>;

const VOID: LlValue = Value::Const(LlConst::Void);

impl<'a, 'p> RTyper<'a, 'p> {
    /// Argument `i` as a stored key (or value, `as_value`) of the dict `dl`.
    fn dict_arg(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        i: usize,
        dict: &S,
        as_value: bool,
    ) -> R {
        let dl = self.dict_ll(dict);
        let (k, v) = self.dict_kv(dict);
        let (to, lt) = if as_value { (v, dl.value) } else { (k, dl.key) };
        if lt == LowType::Void {
            return Ok(c_signed(0));
        }
        self.arg_as(e, op, anns, i, &to)
    }

    /// A stored value as the program sees it.
    fn dict_value_out(dl: DictLl, v: LlValue) -> LlValue {
        if dl.value == LowType::Void {
            VOID
        } else {
            v
        }
    }

    /// Lower `op` if it is about a dict.
    pub fn lower_dict_op(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> Option<R> {
        use FlowOp as F;
        if op.kind == F::NewDict {
            return Some(self.lower_newdict(e, op, anns, res));
        }
        let first = anns.first();
        let r = match (op.kind, first) {
            (F::GetItem, Some(d @ S::Dict { .. })) => {
                let d = d.clone();
                (|| {
                    let dl = self.dict_ll(&d);
                    let (k, _) = self.dict_kv(&d);
                    let f = self.helper_dict_getitem(dl, &k, false);
                    let dv = self.arg(e, op, anns, 0)?;
                    let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                    let v = e.call_func(f, vec![dv, kv], dl.vst);
                    Ok(Self::dict_value_out(dl, v))
                })()
            }
            (F::SetItem, Some(d @ S::Dict { .. })) => {
                let d = d.clone();
                (|| {
                    let dl = self.dict_ll(&d);
                    let (k, _) = self.dict_kv(&d);
                    let f = self.helper_dict_setitem(dl, &k);
                    let dv = self.arg(e, op, anns, 0)?;
                    let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                    let vv = self.dict_arg(e, op, anns, 2, &d, true)?;
                    Ok(e.call_func(f, vec![dv, kv, vv], LowType::Void))
                })()
            }
            (F::DelItem, Some(d @ S::Dict { .. })) => {
                let d = d.clone();
                (|| {
                    let dl = self.dict_ll(&d);
                    let (k, _) = self.dict_kv(&d);
                    let f = self.helper_dict_delitem(dl, &k);
                    let dv = self.arg(e, op, anns, 0)?;
                    let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                    Ok(e.call_func(f, vec![dv, kv], LowType::Void))
                })()
            }
            (
                F::Contains,
                Some(
                    d @ (S::Dict { .. }
                    | S::DictPart {
                        part: DictPart::View(DictItems::Keys),
                        ..
                    }),
                ),
            ) => {
                let d = d.clone();
                (|| {
                    let dl = self.dict_ll(&d);
                    let (k, _) = self.dict_kv(&d);
                    let f = self.helper_dict_contains(dl, &k);
                    let dv = self.arg(e, op, anns, 0)?;
                    let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                    Ok(e.call_func(f, vec![dv, kv], LowType::Bool))
                })()
            }
            (
                F::Len,
                Some(
                    S::Dict { .. }
                    | S::DictPart {
                        part: DictPart::View(_),
                        ..
                    },
                ),
            ) => self
                .arg(e, op, anns, 0)
                .map(|d| e.getfield(d, "num_items", LowType::Signed)),
            (
                F::Bool | F::Not,
                Some(S::DictPart {
                    part: DictPart::View(_),
                    ..
                }),
            ) => (|| {
                let d = self.arg(e, op, anns, 0)?;
                let n = e.getfield(d, "num_items", LowType::Signed);
                let t = e.op(O::IntIsTrue, vec![n], LowType::Bool);
                Ok(if op.kind == F::Not {
                    e.op(O::BoolNot, vec![t], LowType::Bool)
                } else {
                    t
                })
            })(),
            (F::GetAttr, Some(S::Dict { .. })) => self.arg(e, op, anns, 0),
            (
                F::SimpleCall,
                Some(S::DictPart {
                    part: DictPart::Method(m),
                    ..
                }),
            ) => {
                let m = *m;
                self.lower_dict_method(e, op, anns, res, m)
            }
            (F::SimpleCall | F::CallKw, Some(S::Builtin(Builtin::ObjRDict))) => {
                self.lower_newdict(e, op, &[], res)
            }
            (F::SimpleCall, Some(S::Builtin(Builtin::DictFn))) => (|| {
                if op.args.len() == 1 {
                    return self.lower_newdict(e, op, &[], res);
                }
                let dl = self.dict_ll(res);
                let (k, _) = self.dict_kv(res);
                let f = self.helper_dict_copy(dl, &k);
                let dv = self.arg(e, op, anns, 1)?;
                Ok(e.call_func(f, vec![dv], LowType::Ptr(dl.dict)))
            })(),
            _ => return None,
        };
        Some(r)
    }

    fn lower_newdict(&mut self, e: &mut Emit, op: &Op<Flow>, anns: &[S], res: &S) -> R {
        let dl = self.dict_ll(res);
        let d = e.op(
            O::Malloc,
            vec![Value::Const(LlConst::Type(dl.dict))],
            LowType::Ptr(dl.dict),
        );
        if anns.is_empty() {
            return Ok(d);
        }
        let (k, _) = self.dict_kv(res);
        let f = self.helper_dict_setitem(dl, &k);
        for i in (0..anns.len()).step_by(2) {
            let kv = self.dict_arg(e, op, anns, i, res, false)?;
            let vv = self.dict_arg(e, op, anns, i + 1, res, true)?;
            e.call_func(f, vec![d.clone(), kv, vv], LowType::Void);
        }
        Ok(d)
    }

    fn lower_dict_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        m: &str,
    ) -> R {
        let d = anns[0].clone();
        let dl = self.dict_ll(&d);
        let (k, v) = self.dict_kv(&d);
        let dv = self.arg(e, op, anns, 0)?;
        let nargs = op.args.len() - 1;
        let same_as_value = |rt: &mut Self, what: &str| -> Result<(), Diagnostic> {
            if rt.lowtype(res) != dl.value {
                return Err(Diagnostic::new(op.span, format!("dict.{what}() with a default of another type than the values ({}) is not supported", v.describe())));
            }
            Ok(())
        };
        if let Some(w) = rpy_annotator::rules_dict::py2_list_method(m) {
            let view = S::DictPart {
                def: match &d {
                    S::Dict { def, .. } | S::DictPart { def, .. } => *def,
                    _ => return Err(Diagnostic::new(op.span, "dict method on a non-dict")),
                },
                part: DictPart::View(w),
            };
            let h = self.helper_list_from_iter(&view, res);
            let lt = self.lowtype(res);
            return Ok(e.call_func(h, vec![dv], lt));
        }
        match m {
            "has_key" => {
                let f = self.helper_dict_contains(dl, &k);
                let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                Ok(e.call_func(f, vec![dv, kv], LowType::Bool))
            }
            "get" => {
                same_as_value(self, m)?;
                let f = self.helper_dict_getitem(dl, &k, true);
                let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                let default = if nargs == 2 {
                    self.dict_arg(e, op, anns, 2, &d, true)?
                } else if dl.value == LowType::Void {
                    c_signed(0)
                } else {
                    zero(dl.vst)
                };
                let r = e.call_func(f, vec![dv, kv, default], dl.vst);
                Ok(Self::dict_value_out(dl, r))
            }
            "pop" => {
                same_as_value(self, m)?;
                let f = self.helper_dict_pop(dl, &k, nargs == 2);
                let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                let mut args = vec![dv, kv];
                if nargs == 2 {
                    args.push(self.dict_arg(e, op, anns, 2, &d, true)?);
                }
                let r = e.call_func(f, args, dl.vst);
                Ok(Self::dict_value_out(dl, r))
            }
            "setdefault" => {
                let f = self.helper_dict_setdefault(dl, &k);
                let kv = self.dict_arg(e, op, anns, 1, &d, false)?;
                let vv = self.dict_arg(e, op, anns, 2, &d, true)?;
                let r = e.call_func(f, vec![dv, kv, vv], dl.vst);
                Ok(Self::dict_value_out(dl, r))
            }
            "popitem" => {
                let LowType::Ptr(tt) = self.lowtype(res) else {
                    return Err(Diagnostic::new(
                        op.span,
                        "dict.popitem() on a dict never filled",
                    ));
                };
                let f = self.helper_dict_popitem(dl, &k, tt);
                Ok(e.call_func(f, vec![dv], LowType::Ptr(tt)))
            }
            "keys" | "values" | "items" => Ok(dv),
            "update" => {
                let f = self.helper_dict_update(dl, &k);
                let other = self.arg(e, op, anns, 1)?;
                Ok(e.call_func(f, vec![dv, other], LowType::Void))
            }
            "copy" => {
                let f = self.helper_dict_copy(dl, &k);
                Ok(e.call_func(f, vec![dv], LowType::Ptr(dl.dict)))
            }
            "clear" => {
                e.setfield(dv.clone(), "num_items", c_signed(0));
                e.setfield(dv.clone(), "num_used", c_signed(0));
                for (name, t) in [
                    ("indexes", dl.signed_arr),
                    ("hashes", dl.signed_arr),
                    ("keys", dl.keys_arr),
                    ("values", dl.values_arr),
                ] {
                    e.setfield(dv.clone(), name, Value::Const(LlConst::Null(t)));
                }
                Ok(VOID)
            }
            _ => Err(Diagnostic::new(
                op.span,
                format!("dict.{m}() is not supported by the rtyper yet"),
            )),
        }
    }

    /// Truth value of a dict (`len(d) != 0`; a None dict is false).
    pub fn dict_truth(&mut self, e: &mut Emit, x: LlValue, ann: &S) -> LlValue {
        if ann.can_be_none() {
            let f = self.helper_nullable_dict_truth(ann);
            return e.call_func(f, vec![x], LowType::Bool);
        }
        let n = e.getfield(x, "num_items", LowType::Signed);
        e.op(O::IntIsTrue, vec![n], LowType::Bool)
    }

    fn helper_nullable_dict_truth(&mut self, ann: &S) -> u32 {
        use crate::fnbuild::{c_bool, FnBuilder, OpSink, OpSinkExt};
        let dl = self.dict_ll(ann);
        self.add_helper(format!("dict_truth_{}", dl.dict), |_| {
            let (mut f, p) =
                FnBuilder::new("ll_dict_truth", &[LowType::Ptr(dl.dict)], LowType::Bool);
            let d = f.get(p[0]);
            let nn = f.emit(O::PtrNonNull, vec![d], LowType::Bool);
            f.if_(nn, |f| {
                let d = f.get(p[0]);
                let n = f.getfield(d, "num_items", LowType::Signed);
                let t = f.emit(O::IntIsTrue, vec![n], LowType::Bool);
                f.ret(t);
            });
            f.ret(c_bool(false));
            f.finish()
        })
    }

    /// `str(d)` / `repr(d)` of a dict.
    pub fn dict_str(&mut self, e: &mut Emit, x: LlValue, ann: &S) -> LlValue {
        if ann.can_be_none() {
            let f = self.helper_repr_of(ann, true);
            return e.call_func(f, vec![x], LowType::Ptr(TypeTable::STR));
        }
        let dl = self.dict_ll(ann);
        let (k, v) = self.dict_kv(ann);
        let f = self.helper_dict_repr(dl, &k, &v);
        e.call_func(f, vec![x], LowType::Ptr(TypeTable::STR))
    }
}
