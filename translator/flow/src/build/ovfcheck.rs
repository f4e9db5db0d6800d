//! `ovfcheck(expr)` (rpython.rlib.rarithmetic), as RPython's flow space
//! does it: the call disappears and the arithmetic op of its argument
//! becomes the `_ovf` op that raises OverflowError instead of wrapping.
//! Only in function bodies, where `ovfcheck` is a known constant; in
//! module-level code it is an ordinary call (see eval/rlib.rs).

use super::{Builder, R};
use crate::model::FlowValue;
use crate::ops::FlowOp;
use rpy_syntax::ast::{BinOp, Expr, ExprKind, Keyword, UnaryOp};
use rpy_syntax::{Diagnostic, Span};

impl Builder<'_> {
    pub(super) fn ovfcheck(
        &mut self,
        args: &[Expr],
        keywords: &[Keyword],
        span: Span,
    ) -> R<FlowValue> {
        if args.len() != 1 || !keywords.is_empty() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "ovfcheck() takes exactly one argument (an arithmetic expression), found {}",
                    args.len() + keywords.len()
                ),
            ));
        }
        let arg = &args[0];
        match &arg.kind {
            ExprKind::BinOp { op, left, right } => {
                let kind = match op {
                    BinOp::Add => FlowOp::AddOvf,
                    BinOp::Sub => FlowOp::SubOvf,
                    BinOp::Mul => FlowOp::MulOvf,
                    BinOp::LShift => FlowOp::LShiftOvf,
                    other => {
                        return Err(Diagnostic::new(
                            arg.span,
                            format!("ovfcheck() supports `+`, `-`, `*`, `<<` and unary `-`, found `{}`", other.symbol()),
                        ))
                    }
                };
                let a = self.expr(left)?;
                let b = self.expr(right)?;
                Ok(self.emit(kind, vec![a, b], arg.span))
            }
            ExprKind::UnaryOp { op: UnaryOp::Neg, operand } => {
                let a = self.expr(operand)?;
                Ok(self.emit(FlowOp::NegOvf, vec![a], arg.span))
            }
            _ => Err(Diagnostic::new(
                arg.span,
                "ovfcheck() expects an arithmetic expression as its argument (`a + b`, `a - b`, `a * b`, `a << b` or `-a`), found another expression",
            )),
        }
    }
}
