//! Global SSA -> block-local variables (RPython's "SSA to SSI").
//!
//! The builder lets a block use any value defined in a dominating block.
//! The rest of the toolchain wants every var used in a block to be defined
//! in it (inputargs or ops), with values passed only along links.
//!
//! Algorithm:
//! 1. For each reachable block, find the vars it uses (op args, switch,
//!    link args other than the link's own exception vars) that it does not
//!    define.
//! 2. For each such (block, var) pair (worklist): give the block a fresh
//!    inputarg standing for the var, append the var to every predecessor
//!    link's args, and require it of each predecessor unless the link itself
//!    defines it (`last_exception`/`last_exc_value`) or the predecessor
//!    defines it.
//! 3. Rename uses inside each block to the block's own inputarg.
//!
//! Precondition: every use is dominated by its definition (a need that
//! reaches the start block is an internal builder bug and panics).

use crate::check::predecessors;
use crate::graph::{Block, Exitswitch, Value, Var};
use crate::model::FlowGraph;
use std::collections::{HashMap, HashSet};

pub fn to_block_local(g: &mut FlowGraph) {
    let blocks = g.reachable_blocks();
    let preds = predecessors(g);
    let mut defined: HashMap<Block, HashSet<Var>> = HashMap::new();
    for &b in &blocks {
        let d = &g.blocks[b];
        let mut s: HashSet<Var> = d.inputargs.iter().copied().collect();
        s.extend(d.ops.iter().map(|o| o.result));
        defined.insert(b, s);
    }
    let mut work: Vec<(Block, Var)> = Vec::new();
    for &b in &blocks {
        let d = &g.blocks[b];
        let def = &defined[&b];
        let need = |v: &Value<_>, extra: &[Option<Var>], work: &mut Vec<(Block, Var)>| {
            if let Value::Var(x) = v {
                if !def.contains(x) && !extra.contains(&Some(*x)) {
                    work.push((b, *x));
                }
            }
        };
        for op in &d.ops {
            for a in &op.args {
                need(a, &[], &mut work);
            }
        }
        if let Exitswitch::Value(v) = d.exitswitch {
            need(&Value::Var(v), &[], &mut work);
        }
        for l in &d.exits {
            let extra = [l.last_exception, l.last_exc_value];
            for a in &l.args {
                need(a, &extra, &mut work);
            }
        }
    }
    let mut renames: HashMap<Block, HashMap<Var, Var>> = HashMap::new();
    // Process in discovery order (stable output).
    work.reverse();
    while let Some((b, x)) = work.pop() {
        if defined[&b].contains(&x) || renames.get(&b).is_some_and(|m| m.contains_key(&x)) {
            continue;
        }
        assert!(
            b != g.startblock,
            "ssi: {x} used in {} without a dominating definition",
            g.name
        );
        let hint = g.vars[x].hint.clone();
        let local = g.new_var(hint.as_deref());
        g.blocks[b].inputargs.push(local);
        renames.entry(b).or_default().insert(x, local);
        for &(p, li) in preds.get(&b).map(|v| v.as_slice()).unwrap_or(&[]) {
            let link = &mut g.blocks[p].exits[li];
            if link.arg_spans.len() == link.args.len() {
                // A dominator's value passed along: not an assignment.
                link.arg_spans.push(rpy_syntax::Span::NONE);
            }
            link.args.push(Value::Var(x));
            if link.last_exception != Some(x) && link.last_exc_value != Some(x) {
                work.push((p, x));
            }
        }
    }
    for &b in &blocks {
        let Some(m) = renames.get(&b) else { continue };
        let data = &mut g.blocks[b];
        let ren = |v: &mut Value<_>| {
            if let Value::Var(x) = v {
                if let Some(n) = m.get(x) {
                    *x = *n;
                }
            }
        };
        for op in &mut data.ops {
            op.args.iter_mut().for_each(ren);
        }
        if let Exitswitch::Value(v) = &mut data.exitswitch {
            if let Some(n) = m.get(v) {
                *v = *n;
            }
        }
        for l in &mut data.exits {
            l.args.iter_mut().for_each(ren);
        }
    }
}
