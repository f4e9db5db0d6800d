//! Lowering `super()` (annotator `rules_super.rs`): the super object and
//! the method looked up on it are both the receiver itself; calling the
//! method is lowered as the direct call the annotator saw
//! (`rules_super::direct_call`), so defaults, keywords and conversions
//! follow the ordinary call paths.

use crate::emit::{Emit, LlValue};
use crate::lltype::LlConst;
use crate::rtype::RTyper;
use rpy_annotator::rules_super::{direct_call, resolve, SuperTarget};
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::graph::Value;
use rpy_flow::{Builtin, Const, Flow, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<LlValue, Diagnostic>;

impl<'a, 'p> RTyper<'a, 'p> {
    /// Lower `op` if it is a `super` operation.
    pub fn lower_super_op(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<R> {
        match (op.kind, anns.first()?) {
            // `super(C, obj)`: obj.
            (FlowOp::SimpleCall, S::Builtin(Builtin::Super)) => Some(self.arg(e, op, anns, 2)),
            // `super(C, obj).name`: still obj.
            (FlowOp::GetAttr, S::Super { name: None, .. })
                if matches!(res, S::Super { name: Some(_), .. }) =>
            {
                Some(self.arg(e, op, anns, 0))
            }
            (
                FlowOp::SimpleCall | FlowOp::CallKw,
                S::Super {
                    start,
                    name: Some(name),
                    ..
                },
            ) => {
                let target = match resolve(self.prog, *start, name) {
                    SuperTarget::Function(f) => (Const::Host(f), S::Functions(vec![f])),
                    SuperTarget::ExcInit => (Const::None, S::ExcInit),
                    SuperTarget::ObjectInit => return Some(Ok(Value::Const(LlConst::Void))),
                    _ => {
                        return Some(Err(Diagnostic::new(
                            op.span,
                            format!("super().{name} is not a method"),
                        )))
                    }
                };
                let (op2, anns2) = direct_call(op, anns, target.0, target.1);
                Some(self.lower_op(e, gid, &op2, &anns2, res))
            }
            _ => None,
        }
    }
}
