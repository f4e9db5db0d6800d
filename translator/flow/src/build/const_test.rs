//! Operations on constants computed while building, as RPython's flow
//! space keeps constants in its frame states: `fold_pure` gives an
//! expression's value when literals, module constants and locals bound to
//! constants on this path decide it (so its test takes one way), and
//! `while_stmt` builds the first iteration of a loop on its own when such
//! locals decide its test true on entry. Nothing is emitted for a folded
//! expression; the ops are computed by `crate::fold::fold`, the one table
//! of folding (`crate::fold::propagate` folds what is left after building).

use super::expr::binop_kind;
use super::{Builder, Slot};
use crate::fold::{fold, truth};
use crate::graph::Value;
use crate::model::Const;
use crate::ops::FlowOp;
use rpy_syntax::ast::{BoolOp, CmpOp, Expr, ExprKind, UnaryOp};

impl Builder<'_> {
    /// The truth of `test` in the current state, when it is a pure
    /// expression of literals, module constants and locals bound to
    /// constants, and reads at least one such local (a test that is
    /// constant by itself, `while True:`, is an ordinary loop).
    pub(super) fn fold_test_on_entry(&self, test: &Expr) -> Option<bool> {
        let (c, reads_local) = self.fold_expr(test)?;
        if reads_local {
            truth(&c)
        } else {
            None
        }
    }

    /// The value of an operation on constants in a function (`k * 2 == 6`
    /// with `k` bound to 3 on this path), computed instead of emitted, so
    /// tests on it are decided and locals stay constants along the path.
    pub(super) fn fold_pure(&self, e: &Expr) -> Option<Const> {
        let op = matches!(
            e.kind,
            ExprKind::BinOp { .. }
                | ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
        );
        if op && self.is_function() {
            self.fold_expr(e).map(|(c, _)| c)
        } else {
            None
        }
    }

    /// The constant value of `e`, and whether it reads a local.
    fn fold_expr(&self, e: &Expr) -> Option<(Const, bool)> {
        Some(match &e.kind {
            ExprKind::Int(i) => (Const::Int(*i), false),
            ExprKind::Float(f) => (Const::Float(*f), false),
            ExprKind::Str(s) => (Const::str(s), false),
            ExprKind::Bool(b) => (Const::Bool(*b), false),
            ExprKind::NoneLit => (Const::None, false),
            ExprKind::Name(n) => {
                if self.comp_scope.iter().any(|(c, _)| c == n) {
                    return None;
                }
                match self.slot_of.get(n.as_str()) {
                    Some(&slot) => match &self.state[slot] {
                        Slot::Bound(Value::Const(c), _) if is_scalar(c) => (c.clone(), true),
                        _ => return None,
                    },
                    None => match self.global_const(n) {
                        Some(c) if is_scalar(&c) => (c, false),
                        _ => return None,
                    },
                }
            }
            ExprKind::BinOp { op, left, right } => {
                let (a, ra) = self.fold_expr(left)?;
                let (b, rb) = self.fold_expr(right)?;
                (fold(binop_kind(*op), &[a, b])?, ra || rb)
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => {
                let (a, r) = self.fold_expr(operand)?;
                (Const::Bool(!truth(&a)?), r)
            }
            ExprKind::BoolOp { op, values } => {
                let mut reads = false;
                let mut last = Const::None;
                for v in values {
                    let (c, r) = self.fold_expr(v)?;
                    reads |= r;
                    let t = truth(&c)?;
                    last = c;
                    if t == (*op == BoolOp::Or) {
                        break;
                    }
                }
                (last, reads)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let (mut a, mut reads) = self.fold_expr(left)?;
                let mut result = Const::Bool(true);
                for (op, c) in ops.iter().zip(comparators) {
                    let (b, r) = self.fold_expr(c)?;
                    reads |= r;
                    let (kind, negate) = match op {
                        CmpOp::Eq => (FlowOp::Eq, false),
                        CmpOp::NotEq => (FlowOp::Ne, false),
                        CmpOp::Lt => (FlowOp::Lt, false),
                        CmpOp::LtE => (FlowOp::Le, false),
                        CmpOp::Gt => (FlowOp::Gt, false),
                        CmpOp::GtE => (FlowOp::Ge, false),
                        CmpOp::Is => (FlowOp::Is, false),
                        CmpOp::IsNot => (FlowOp::Is, true),
                        _ => return None,
                    };
                    let t = truth(&fold(kind, &[a, b.clone()])?)? != negate;
                    result = Const::Bool(t);
                    if !t {
                        break;
                    }
                    a = b;
                }
                (result, reads)
            }
            _ => return None,
        })
    }
}

/// A value whose identity does not matter (folding never sees objects).
fn is_scalar(c: &Const) -> bool {
    matches!(
        c,
        Const::Int(_) | Const::Float(_) | Const::Str(_) | Const::Bool(_) | Const::None
    )
}
