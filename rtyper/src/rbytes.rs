//! The `bytes(...)` constructor (annotation in `annotator/src/rules_bytes.rs`):
//! `bytes()` is the prebuilt empty bytes, `bytes(n)` a fresh zeroed
//! object (ValueError "negative count" for n < 0), `bytes(b)` returns `b`
//! (bytes are immutable, as CPython), and `bytes(list)` copies the list's
//! ints, raising CPython's `ValueError: bytes must be in range(0, 256)`.

use crate::emit::{Emit, LlValue};
use crate::fnbuild::{c_int, FnBuilder, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LowType, TypeTable};
use crate::rlist::{B, I};
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Op;
use rpy_flow::model::Flow;
use rpy_syntax::Diagnostic;

const BYTES: LowType = LowType::Ptr(TypeTable::BYTES);

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn lower_bytes_ctor(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        first: usize,
        npos: usize,
    ) -> Result<LlValue, Diagnostic> {
        if npos == 0 {
            return Ok(self.bytes_const(b""));
        }
        match &anns[first] {
            S::Bytes { .. } => self.arg(e, op, anns, first),
            S::List { .. } => {
                let l = self.arg(e, op, anns, first)?;
                let h = self.helper_bytes_from_list(&anns[first]);
                Ok(e.call_func(h, vec![l], BYTES))
            }
            _ => {
                let n = self.arg_as(e, op, anns, first, &S::Int)?;
                let h = self.helper_bytes_zeros();
                Ok(e.call_func(h, vec![n], BYTES))
            }
        }
    }

    fn helper_bytes_zeros(&mut self) -> u32 {
        self.add_helper("bytes_zeros".to_string(), |rt| {
            let (mut f, p) = FnBuilder::new("ll_bytes_zeros", &[I], BYTES);
            let neg = f.cmp(O::IntLt, f.get(p[0]), c_int(0));
            let t = rt.exc_type("ValueError");
            let m = rt.str_const("negative count");
            f.if_(neg, |f| f.raise(t, m));
            let r = f.malloc_varsize(TypeTable::BYTES, f.get(p[0]));
            f.ret(r);
            f.finish()
        })
    }

    fn helper_bytes_from_list(&mut self, ann: &S) -> u32 {
        let lt = self.list_t_of(ann);
        self.add_helper(format!("bytes_from_list_{}", lt.list), |rt| {
            let (mut f, p) = FnBuilder::new("ll_bytes_from_list", &[lt.lt()], BYTES);
            let t = rt.exc_type("ValueError");
            let m = rt.str_const("bytes must be in range(0, 256)");
            let n = f.getfield(f.get(p[0]), "length", I);
            let n = f.local(I, n);
            let r = f.malloc_varsize(TypeTable::BYTES, f.get(n));
            let r = f.local(BYTES, r);
            f.for_range(c_int(0), n, |f, i| {
                let items = f.getfield(f.get(p[0]), "items", lt.arr_lt());
                let x = f.op(O::GetArrayItem, vec![items, f.get(i)], lt.item);
                let x = if lt.item == B {
                    f.op(O::CastBoolToInt, vec![x], I)
                } else {
                    x
                };
                let x = f.local(I, x);
                let inside = f.op(O::IntBetween, vec![c_int(0), f.get(x), c_int(256)], B);
                let outside = f.op(O::BoolNot, vec![inside], B);
                f.if_(outside, |f| f.raise(t, m.clone()));
                let c = f.op(O::CastIntToChar, vec![f.get(x)], LowType::Char);
                f.op(O::SetArrayItem, vec![f.get(r), f.get(i), c], LowType::Void);
            });
            f.ret(f.get(r));
            f.finish()
        })
    }
}
