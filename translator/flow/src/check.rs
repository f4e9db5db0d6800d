//! The graph verifier, run after every pass (in debug builds, in all tests,
//! and under `--verify`). Works on graphs of any level.
//!
//! Rules, checked on the blocks reachable from the start block plus the
//! return and except blocks:
//! 1. Every variable is defined once in the whole graph: as a block
//!    inputarg, an op result, or a link's `last_exception`/`last_exc_value`.
//! 2. Variables are block-local: a var used by an op, the exit switch or a
//!    link arg must be defined in that block (inputargs or an earlier op);
//!    link args may also use the link's own `last_exception`/`last_exc_value`.
//! 3. A link passes exactly as many args as its target has inputargs.
//! 4. The return block has 1 input, the except block 2; neither has ops or
//!    exits, and their switch is `None`.
//! 5. `Exitswitch::None`: exactly one exit (zero only for return/except).
//! 6. `Exitswitch::Value(v)`: `v` is defined in the block, there is at least
//!    one exit, every exit but a final default has an exitcase, and the
//!    cases are distinct.
//! 7. `Exitswitch::LastException`: the block has at least one op, at least
//!    one exit; `exits[0]` has no exitcase and no exception vars; every other
//!    exit has an exitcase. Only those links may carry exception vars.
//!
//! Errors are data: each names the block (and link index / var) concerned.

use crate::graph::{Block, Exitswitch, Graph, Level, Value, Var};
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphError {
    /// Rule 1: `var` defined again in `block`.
    VarDefinedTwice { var: Var, block: Block },
    /// Rule 2: `var` used in `block` without a definition there.
    VarNotDefined { var: Var, block: Block },
    /// Rule 3: link `link` of `block` passes `found` args, target wants `expected`.
    LinkArity {
        block: Block,
        link: usize,
        expected: usize,
        found: usize,
    },
    /// Rule 4: return block with other than 1 input / except block with other than 2.
    FinalBlockArity {
        block: Block,
        expected: usize,
        found: usize,
    },
    /// Rule 4: return/except block with ops, exits or a switch.
    FinalBlockNotEmpty { block: Block },
    /// Rule 5: non-final block without exits.
    NoExits { block: Block },
    /// Rule 5: `Exitswitch::None` with more than one exit.
    TooManyExits { block: Block },
    /// Rule 6/7: link `link` needs an exitcase.
    MissingExitcase { block: Block, link: usize },
    /// Rule 6: link `link` repeats an earlier case.
    DuplicateExitcase { block: Block, link: usize },
    /// Rule 7: `exits[0]` of a `LastException` block has an exitcase, or an
    /// exitcase appears on a link of an `Exitswitch::None` block.
    UnexpectedExitcase { block: Block, link: usize },
    /// Rule 7: `LastException` block without ops.
    NoRaisingOp { block: Block },
    /// Rule 7: exception vars on a link that is not an exception link.
    UnexpectedExceptionVars { block: Block, link: usize },
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::VarDefinedTwice { var, block } => {
                write!(f, "{block}: {var} is defined a second time")
            }
            GraphError::VarNotDefined { var, block } => {
                write!(f, "{block}: {var} is used but not defined in this block")
            }
            GraphError::LinkArity {
                block,
                link,
                expected,
                found,
            } => {
                write!(
                    f,
                    "{block}: link {link} passes {found} args, its target takes {expected}"
                )
            }
            GraphError::FinalBlockArity {
                block,
                expected,
                found,
            } => {
                write!(
                    f,
                    "{block}: final block must take {expected} inputs, takes {found}"
                )
            }
            GraphError::FinalBlockNotEmpty { block } => write!(
                f,
                "{block}: return/except block must have no ops and no exits"
            ),
            GraphError::NoExits { block } => write!(f, "{block}: block has no exits"),
            GraphError::TooManyExits { block } => {
                write!(f, "{block}: block without exit switch has several exits")
            }
            GraphError::MissingExitcase { block, link } => {
                write!(f, "{block}: link {link} has no exitcase")
            }
            GraphError::DuplicateExitcase { block, link } => {
                write!(f, "{block}: link {link} repeats an exitcase")
            }
            GraphError::UnexpectedExitcase { block, link } => {
                write!(f, "{block}: link {link} must not have an exitcase")
            }
            GraphError::NoRaisingOp { block } => {
                write!(f, "{block}: exception switch on a block without ops")
            }
            GraphError::UnexpectedExceptionVars { block, link } => {
                write!(
                    f,
                    "{block}: link {link} is not an exception link but defines exception vars"
                )
            }
        }
    }
}

/// Check all rules; returns every violation found.
pub fn check_graph<L: Level>(g: &Graph<L>) -> Result<(), Vec<GraphError>> {
    let mut errs = Vec::new();
    let mut blocks = g.reachable_blocks();
    for b in [g.returnblock, g.exceptblock] {
        if !blocks.contains(&b) {
            blocks.push(b);
        }
    }
    let mut defined_anywhere: HashSet<Var> = HashSet::new();
    let mut define = |v: Var, b: Block, errs: &mut Vec<GraphError>| {
        if !defined_anywhere.insert(v) {
            errs.push(GraphError::VarDefinedTwice { var: v, block: b });
        }
    };
    for &b in &blocks {
        let data = &g.blocks[b];
        let mut local: HashSet<Var> = HashSet::new();
        for &v in &data.inputargs {
            define(v, b, &mut errs);
            local.insert(v);
        }
        let use_val = |val: &Value<L::Const>,
                       local: &HashSet<Var>,
                       extra: &[Option<Var>],
                       errs: &mut Vec<GraphError>| {
            if let Value::Var(v) = val {
                if !local.contains(v) && !extra.contains(&Some(*v)) {
                    errs.push(GraphError::VarNotDefined { var: *v, block: b });
                }
            }
        };
        for op in &data.ops {
            for a in &op.args {
                use_val(a, &local, &[], &mut errs);
            }
            define(op.result, b, &mut errs);
            local.insert(op.result);
        }
        // Final blocks.
        if b == g.returnblock || b == g.exceptblock {
            let expected = if b == g.returnblock { 1 } else { 2 };
            if data.inputargs.len() != expected {
                errs.push(GraphError::FinalBlockArity {
                    block: b,
                    expected,
                    found: data.inputargs.len(),
                });
            }
            if !data.ops.is_empty() || !data.exits.is_empty() || data.exitswitch != Exitswitch::None
            {
                errs.push(GraphError::FinalBlockNotEmpty { block: b });
            }
            continue;
        }
        for (i, link) in data.exits.iter().enumerate() {
            let extra = [link.last_exception, link.last_exc_value];
            for v in extra.iter().flatten() {
                define(*v, b, &mut errs);
            }
            for a in &link.args {
                use_val(a, &local, &extra, &mut errs);
            }
            let expected = g.blocks[link.target].inputargs.len();
            if link.args.len() != expected {
                errs.push(GraphError::LinkArity {
                    block: b,
                    link: i,
                    expected,
                    found: link.args.len(),
                });
            }
        }
        if data.exits.is_empty() {
            errs.push(GraphError::NoExits { block: b });
        }
        let has_exc_vars = |i: usize| {
            let l = &data.exits[i];
            l.last_exception.is_some() || l.last_exc_value.is_some()
        };
        match &data.exitswitch {
            Exitswitch::None => {
                if data.exits.len() > 1 {
                    errs.push(GraphError::TooManyExits { block: b });
                }
                for (i, l) in data.exits.iter().enumerate() {
                    if l.exitcase.is_some() {
                        errs.push(GraphError::UnexpectedExitcase { block: b, link: i });
                    }
                    if has_exc_vars(i) {
                        errs.push(GraphError::UnexpectedExceptionVars { block: b, link: i });
                    }
                }
            }
            Exitswitch::Value(v) => {
                if !local.contains(v) {
                    errs.push(GraphError::VarNotDefined { var: *v, block: b });
                }
                let n = data.exits.len();
                let mut seen: Vec<&L::Const> = Vec::new();
                for (i, l) in data.exits.iter().enumerate() {
                    match &l.exitcase {
                        None if i + 1 == n => {}
                        None => errs.push(GraphError::MissingExitcase { block: b, link: i }),
                        Some(c) => {
                            if seen.contains(&c) {
                                errs.push(GraphError::DuplicateExitcase { block: b, link: i });
                            }
                            seen.push(c);
                        }
                    }
                    if has_exc_vars(i) {
                        errs.push(GraphError::UnexpectedExceptionVars { block: b, link: i });
                    }
                }
            }
            Exitswitch::LastException => {
                if data.ops.is_empty() {
                    errs.push(GraphError::NoRaisingOp { block: b });
                }
                for (i, l) in data.exits.iter().enumerate() {
                    if i == 0 {
                        if l.exitcase.is_some() {
                            errs.push(GraphError::UnexpectedExitcase { block: b, link: 0 });
                        }
                        if has_exc_vars(0) {
                            errs.push(GraphError::UnexpectedExceptionVars { block: b, link: 0 });
                        }
                    } else if l.exitcase.is_none() {
                        errs.push(GraphError::MissingExitcase { block: b, link: i });
                    }
                }
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// `check_graph` for tests and debug assertions: panics with a readable
/// list of violations (an internal bug, never a user error).
pub fn assert_valid<L: Level>(g: &Graph<L>) {
    if let Err(errs) = check_graph(g) {
        let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        panic!(
            "invalid graph {}:\n  {}\n{}",
            g.name,
            msgs.join("\n  "),
            crate::print::print_graph(g)
        );
    }
}

/// Predecessor links of every reachable block: (source block, exit index).
pub fn predecessors<L: Level>(g: &Graph<L>) -> HashMap<Block, Vec<(Block, usize)>> {
    let mut preds: HashMap<Block, Vec<(Block, usize)>> = HashMap::new();
    for b in g.reachable_blocks() {
        for (i, l) in g.blocks[b].exits.iter().enumerate() {
            preds.entry(l.target).or_default().push((b, i));
        }
    }
    preds
}
