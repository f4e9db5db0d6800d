//! Lowering of calls of specialised methods (`annotator/src/specialize.rs`):
//! `inst.m(...)` where `m` has one implementation and a `@specialize.*`
//! decorator becomes a direct call of the graph the annotator chose for
//! this call op, with the receiver first. (Specialised functions and
//! staticmethods go through `lower_call`, which asks `call_index`.)

use crate::emit::{Emit, LlValue};
use crate::rtype::RTyper;
use rpy_annotator::rules_class::method_impls;
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::{Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

impl<'a, 'p> RTyper<'a, 'p> {
    /// `Some` for a call of a specialised method, `None` otherwise.
    pub fn lower_spec_call(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<Result<LlValue, Diagnostic>> {
        if !matches!(op.kind, FlowOp::SimpleCall | FlowOp::CallKw) {
            return None;
        }
        let S::Method { class, name } = anns.first()? else {
            return None;
        };
        let impls = method_impls(self.ann, *class, name);
        let [(_, f)] = impls[..] else {
            return None;
        };
        let target = self.ann.spec.target(gid, op.result, f)?;
        let me = S::Instance {
            class: *class,
            nullable: false,
        };
        Some(self.lower_spec_method(e, op, anns, res, target, me))
    }

    fn lower_spec_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        target: GraphId,
        me: S,
    ) -> Result<LlValue, Diagnostic> {
        let func = self.ann.graphs[target].func;
        let recv = self.arg(e, op, anns, 0)?;
        let args = self.call_args(e, op, anns, func, target, Some((recv, me)))?;
        let index = cranelift_entity::EntityRef::index(target) as u32;
        let callee_res = self.ann.return_annotation(target);
        let r = e.call_func(index, args, self.lowtype(&callee_res));
        Ok(self.convert(e, r, &callee_res, res))
    }
}
