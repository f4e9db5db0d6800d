//! `t[i]` with a variable index: allowed when the tuple's items have one
//! common annotation (RPython's homogeneous tuples, e.g. a module-level
//! table `MONTH_DAYS = (31, 28, ...)`); the result is that annotation.
//! Constant indices stay in `rules::getitem` (any tuple, exact item).

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use rpy_syntax::Diagnostic;

pub fn getitem_var(cx: &mut OpCx, items: &[S], index: &S) -> Result<S, Diagnostic> {
    if !matches!(index, S::Int | S::Bool) {
        return Err(Diagnostic::new(
            cx.span,
            format!("tuple indices must be integers, found {}", index.describe()),
        ));
    }
    if items.is_empty() {
        return Err(Diagnostic::new(
            cx.span,
            "indexing an empty tuple by a variable always fails (tuple index out of range)",
        ));
    }
    let mut u = S::Impossible;
    for (k, it) in items.iter().enumerate() {
        match cx.ann.union(&u, it) {
            Some(j) => u = j,
            None => {
                return Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "a tuple indexed by a variable must hold items of one type, but item {k} is {} and the items before it are {}",
                        it.describe(),
                        u.describe()
                    ),
                )
                .with_note(None, "index it by a constant, or use a list"))
            }
        }
    }
    Ok(u)
}
