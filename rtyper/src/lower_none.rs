//! Attribute reads, writes and method calls on a receiver the annotator
//! says may be None (`SomeValue::Instance { nullable: true }`): the
//! pointer goes through `ll_check_not_none`, which stops the program with
//! CPython's `AttributeError: 'NoneType' object has no attribute 'x'`
//! (`rpy_fatal_none_attr`). Receivers known not to be None pay nothing.

use crate::emit::{Emit, LlValue};
use crate::fnbuild::{FnBuilder, OpSink, OpSinkExt};
use crate::llop::LlOp as O;
use crate::lltype::{LowType, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;

const STR: LowType = LowType::Ptr(TypeTable::STR);

impl<'a, 'p> RTyper<'a, 'p> {
    /// `obj` (of annotation `ann`) checked not to be None before an access
    /// to attribute `name`.
    pub fn receiver_not_none(
        &mut self,
        e: &mut Emit,
        obj: LlValue,
        ann: &S,
        name: &str,
    ) -> LlValue {
        if !matches!(ann, S::Instance { nullable: true, .. }) {
            return obj;
        }
        let pt = self.lowtype(ann);
        let h = self.add_helper(format!("ll_check_not_none_{pt}"), |_rt| {
            let (mut f, p) = FnBuilder::new("ll_check_not_none", &[pt, STR], pt);
            let isnull = f.emit(O::PtrIsNull, vec![f.get(p[0])], LowType::Bool);
            f.if_(isnull, |f| {
                f.call_extern("rpy_fatal_none_attr", vec![f.get(p[1])], LowType::Void);
            });
            f.ret(f.get(p[0]));
            f.finish()
        });
        let n = self.str_const(name);
        e.call_func(h, vec![obj, n], pt)
    }
}
