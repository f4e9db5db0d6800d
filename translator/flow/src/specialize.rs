//! Specialised copies of function graphs (`@specialize.arg`, ...).
//!
//! `build_specialized` builds a fresh graph of a function in which some
//! parameters are known constants (the specialisation key of
//! `specialize.arg(i)`) or of a known kind (`specialize.argtype`), and
//! folds what follows from them with `crate::fold::propagate`, so a
//! constant flag selects one branch at translation time (RPython gets the
//! same from constant annotations in its annotator).
//!
//! The parameters stay parameters (callers pass them as usual), so the
//! calling convention of a specialised graph is the function's own.

use crate::host::{HostId, Program};
use crate::model::{Const, FlowGraph};
use rpy_syntax::Diagnostic;

pub use crate::fold::ParamKind;

/// Build `func`'s graph named `name`, with parameter `i` fixed to `c` for
/// every `(i, c)` in `consts` and known to be of kind `k` for every
/// `(i, k)` in `kinds`, and fold what follows from them.
pub fn build_specialized(
    prog: &Program,
    func: HostId,
    name: &str,
    consts: &[(usize, Const)],
    kinds: &[(usize, ParamKind)],
) -> Result<FlowGraph, Vec<Diagnostic>> {
    let mut g = crate::build::build_function(prog, func)?;
    g.name = name.to_string();
    if !consts.is_empty() || !kinds.is_empty() {
        crate::fold::propagate(prog, &mut g, consts, kinds);
    }
    Ok(g)
}
