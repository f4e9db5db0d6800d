//! Chains of equality tests against constants become one multi-way switch
//! (RPython's `merge_if_blocks`): an interpreter's `if op == A: ...
//! elif op == B: ...` dispatch then compiles to a jump table instead of a
//! compare per case.
//!
//! A chain starts at a block ending with `c = int_eq(x, K)` and a Bool
//! switch on `c`. Its false exit leads to a block whose only op is
//! `c' = int_eq(y, K')` and that switches on `c'`, where the link passes `x`
//! as `y`; and so on. The head block then switches on `x` with one case per
//! distinct constant (a repeated constant's block is unreachable through
//! the chain and is skipped) and the chain's last false exit as default.
//! Links copied from later blocks have their arguments rewritten from that
//! block's inputs to the values the chain passed in, so the intermediate
//! blocks need no other predecessors to be dropped and may keep others.
//!
//! Only chains of at least `MIN_CASES` tests are merged; a test whose
//! Bool result is also passed on by a link is not part of a chain.

use crate::util::{clear_unreachable, subst_link, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Exitswitch, Link, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp};
use std::collections::HashMap;

/// Fewer tests than this stay compare-and-branch.
pub const MIN_CASES: usize = 3;

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let mut changed = false;
    for b in lg.graph.reachable_blocks() {
        if let Some((x, cases, default)) = chain_from(lg, b) {
            let bd = &mut lg.graph.blocks[b];
            bd.exitswitch = Exitswitch::Value(x);
            bd.exits = cases;
            bd.exits.push(default);
            changed = true;
        }
    }
    if changed {
        clear_unreachable(lg);
    }
    changed
}

/// A block's equality test: (x, K, true exit, false exit) when the block
/// ends with `c = int_eq(x, K)` (either operand order), switches on `c` and
/// uses `c` nowhere else.
fn eq_test(lg: &LlGraph, b: Block) -> Option<(Var, LlConst, &Link<Ll>, &Link<Ll>)> {
    let bd = &lg.graph.blocks[b];
    let Exitswitch::Value(c) = bd.exitswitch else {
        return None;
    };
    let op = bd.ops.last()?;
    if op.kind != LlOp::IntEq || op.result != c || bd.exits.len() != 2 {
        return None;
    }
    let (x, k) = match (&op.args[0], &op.args[1]) {
        (Value::Var(x), Value::Const(k)) | (Value::Const(k), Value::Var(x)) => (*x, k.clone()),
        _ => return None,
    };
    let exit = |want: bool| {
        bd.exits
            .iter()
            .find(|l| l.exitcase == Some(LlConst::Bool(want)))
    };
    let (t, f) = (exit(true)?, exit(false)?);
    let mentions_c = |l: &Link<Ll>| l.args.iter().any(|a| *a == Value::Var(c));
    if mentions_c(t) || mentions_c(f) {
        return None;
    }
    Some((x, k, t, f))
}

/// The merged switch starting at `head`: the switched variable, one link per
/// case, and the default link.
fn chain_from(lg: &LlGraph, head: Block) -> Option<(Var, Vec<Link<Ll>>, Link<Ll>)> {
    let (x, k, t, f) = eq_test(lg, head)?;
    let mut cases = vec![case_link(t, k)];
    let mut seen = vec![head];
    let mut default = f.clone();
    loop {
        let next = default.target;
        let nd = &lg.graph.blocks[next];
        if seen.contains(&next) || nd.ops.len() != 1 {
            break;
        }
        let Some((y, k, t, f)) = eq_test(lg, next) else {
            break;
        };
        // `y` must be the chain's `x` as passed by the link into `next`.
        let Some(pos) = nd.inputargs.iter().position(|&v| v == y) else {
            break;
        };
        if default.args[pos] != Value::Var(x) {
            break;
        }
        let map: HashMap<Var, LlValue> = nd
            .inputargs
            .iter()
            .copied()
            .zip(default.args.iter().cloned())
            .collect();
        if !cases.iter().any(|l| l.exitcase.as_ref() == Some(&k)) {
            let mut l = case_link(t, k);
            subst_link(&mut l, &map);
            cases.push(l);
        }
        let mut d = f.clone();
        subst_link(&mut d, &map);
        d.exitcase = None;
        default = d;
        seen.push(next);
    }
    if cases.len() < MIN_CASES {
        return None;
    }
    default.exitcase = None;
    Some((x, cases, default))
}

fn case_link(l: &Link<Ll>, k: LlConst) -> Link<Ll> {
    let mut l = l.clone();
    l.exitcase = Some(k);
    l
}
