//! Cleanups on a freshly built graph, still in global SSA form (a var may
//! be used in any block its definition dominates; see build.rs).
//!
//! Algorithm, repeated until nothing changes:
//! 1. Trivial phis: an inputarg of a non-start block whose incoming values
//!    (ignoring the inputarg itself, as on a loop back edge) are all the
//!    same value is replaced by that value everywhere; the inputarg and
//!    the matching link args are removed. A `Value` switch whose variable
//!    becomes a constant is folded to its matching exit.
//! 2. Straight-line merge: a block whose only predecessor link is the
//!    single, unconditional exit of its predecessor is appended to it.
//! Then once:
//! 3. Dead phis: inputargs whose value is never read (by an op, a switch,
//!    a link to the return/except block, or a live phi) are removed.
//!
//! Invariant kept: global SSA (every use dominated by its definition).
//! Not done here: making vars block-local (`ssi`), constant folding of ops.
//!
//! `cleanup_local` runs after `ssi`, on block-local graphs: it bypasses
//! empty forwarding blocks (no ops, one unconditional exit), merges
//! straight-line blocks, and removes dead inputargs again.
//!
//! Link `arg_spans` stay parallel to `args`: removing an inputarg removes
//! the matching span. When a var is replaced by a value (trivial phi,
//! merge, forwarding), a link arg that passed the var with an unknown span
//! (`Span::NONE`, e.g. a phi of differing assignments) takes the span the
//! replacing value was passed with, if that one is known.

use rpy_syntax::Span;

use crate::check::predecessors;
use crate::graph::{Block, Exitswitch, Value, Var};
use crate::model::{Flow, FlowGraph, FlowValue};
use std::collections::{HashMap, HashSet};

/// Run all cleanups; returns whether anything changed.
pub fn simplify(g: &mut FlowGraph) -> bool {
    let mut changed = false;
    loop {
        let a = remove_trivial_phis(g);
        let b = merge_blocks(g);
        if !(a || b) {
            break;
        }
        changed = true;
    }
    remove_dead_phis(g) || changed
}

/// Cleanups valid on block-local graphs (after `ssi`).
pub fn cleanup_local(g: &mut FlowGraph) -> bool {
    let mut changed = false;
    while forward_empty_blocks(g) || merge_blocks(g) {
        changed = true;
    }
    remove_dead_phis(g) || changed
}

/// Retarget links into a block that only forwards its inputargs (no ops,
/// one unconditional exit) to that block's target.
fn forward_empty_blocks(g: &mut FlowGraph) -> bool {
    let preds = predecessors(g);
    for b in g.reachable_blocks() {
        if b == g.startblock || b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let data = &g.blocks[b];
        if !data.ops.is_empty()
            || data.exitswitch != Exitswitch::None
            || data.exits.len() != 1
            || data.exits[0].target == b
        {
            continue;
        }
        let exit = data.exits[0].clone();
        let ins = data.inputargs.clone();
        for &(p, li) in &preds[&b] {
            let link = &mut g.blocks[p].exits[li];
            let map: HashMap<Var, FlowValue> =
                ins.iter().copied().zip(link.args.iter().cloned()).collect();
            let spans: HashMap<Var, Span> = ins
                .iter()
                .copied()
                .zip(link.arg_spans.iter().copied())
                .collect();
            link.arg_spans = exit
                .args
                .iter()
                .zip(&exit.arg_spans)
                .map(|(a, &s)| {
                    if s.is_none() {
                        resolve_span(&map, &spans, a)
                    } else {
                        s
                    }
                })
                .collect();
            link.args = exit.args.iter().map(|a| resolve(&map, a)).collect();
            link.target = exit.target;
        }
        return true;
    }
    false
}

fn resolve(map: &HashMap<Var, FlowValue>, v: &FlowValue) -> FlowValue {
    let mut cur = v.clone();
    while let Value::Var(x) = &cur {
        match map.get(x) {
            Some(next) => cur = next.clone(),
            None => break,
        }
    }
    cur
}

/// The first known span met while following `v` through `map`.
fn resolve_span(map: &HashMap<Var, FlowValue>, spans: &HashMap<Var, Span>, v: &FlowValue) -> Span {
    let mut cur = v;
    let mut steps = 0;
    while let Value::Var(x) = cur {
        if let Some(s) = spans.get(x).filter(|s| !s.is_none()) {
            return *s;
        }
        match map.get(x) {
            Some(next) if steps <= map.len() => cur = next,
            _ => break,
        }
        steps += 1;
    }
    Span::NONE
}

/// Remove the `i`th arg of a link (and its span).
fn remove_arg(l: &mut crate::graph::Link<Flow>, i: usize) {
    l.args.remove(i);
    if i < l.arg_spans.len() {
        l.arg_spans.remove(i);
    }
}

/// Apply a var replacement to every use in the graph; `spans` gives the
/// span each replaced var's value was passed with (see the module docs).
fn substitute(g: &mut FlowGraph, map: &HashMap<Var, FlowValue>, spans: &HashMap<Var, Span>) {
    if map.is_empty() {
        return;
    }
    for (_, data) in g.blocks.iter_mut() {
        for op in &mut data.ops {
            for a in &mut op.args {
                *a = resolve(map, a);
            }
        }
        for l in &mut data.exits {
            for (k, a) in l.args.iter_mut().enumerate() {
                if let Some(s) = l.arg_spans.get_mut(k) {
                    if s.is_none() {
                        *s = resolve_span(map, spans, a);
                    }
                }
                *a = resolve(map, a);
            }
        }
        if let Exitswitch::Value(v) = data.exitswitch {
            match resolve(map, &Value::Var(v)) {
                Value::Var(w) => data.exitswitch = Exitswitch::Value(w),
                Value::Const(c) => {
                    let pick = data
                        .exits
                        .iter()
                        .position(|l| l.exitcase.as_ref() == Some(&c))
                        .or_else(|| data.exits.iter().position(|l| l.exitcase.is_none()))
                        .expect("folded switch has no matching exit");
                    let mut l = data.exits.swap_remove(pick);
                    l.exitcase = None;
                    data.exits = vec![l];
                    data.exitswitch = Exitswitch::None;
                }
            }
        }
    }
}

fn remove_trivial_phis(g: &mut FlowGraph) -> bool {
    let preds = predecessors(g);
    let mut map: HashMap<Var, FlowValue> = HashMap::new();
    let mut spans: HashMap<Var, Span> = HashMap::new();
    let mut changed = false;
    for b in g.reachable_blocks() {
        if b == g.startblock || b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let Some(ps) = preds.get(&b) else { continue };
        let mut i = 0;
        while i < g.blocks[b].inputargs.len() {
            let phi = g.blocks[b].inputargs[i];
            let mut common: Option<FlowValue> = None;
            let mut common_span: Option<Span> = None;
            let mut trivial = true;
            for &(p, li) in ps {
                let l = &g.blocks[p].exits[li];
                let v = resolve(&map, &l.args[i]);
                if v == Value::Var(phi) {
                    continue;
                }
                let s = l.arg_spans.get(i).copied().unwrap_or(Span::NONE);
                common_span = match common_span {
                    None => Some(s),
                    Some(c) if c == s => Some(c),
                    Some(_) => Some(Span::NONE),
                };
                match &common {
                    None => common = Some(v),
                    Some(c) if *c == v => {}
                    Some(_) => {
                        trivial = false;
                        break;
                    }
                }
            }
            match (trivial, common) {
                (true, Some(c)) => {
                    map.insert(phi, c);
                    spans.insert(phi, common_span.unwrap_or(Span::NONE));
                    g.blocks[b].inputargs.remove(i);
                    for &(p, li) in ps {
                        remove_arg(&mut g.blocks[p].exits[li], i);
                    }
                    changed = true;
                }
                _ => i += 1,
            }
        }
    }
    substitute(g, &map, &spans);
    changed
}

fn merge_blocks(g: &mut FlowGraph) -> bool {
    let mut changed = false;
    loop {
        let preds = predecessors(g);
        let mut merged = false;
        for b in g.reachable_blocks() {
            if b == g.startblock || b == g.returnblock || b == g.exceptblock {
                continue;
            }
            let ps = &preds[&b];
            if ps.len() != 1 {
                continue;
            }
            let (p, _) = ps[0];
            if p == b || g.blocks[p].exitswitch != Exitswitch::None || g.blocks[p].exits.len() != 1
            {
                continue;
            }
            let link = g.blocks[p].exits.pop().expect("one exit");
            let data = std::mem::take(&mut g.blocks[b]);
            let spans: HashMap<Var, Span> = data
                .inputargs
                .iter()
                .copied()
                .zip(link.arg_spans.iter().copied())
                .collect();
            let map: HashMap<Var, FlowValue> =
                data.inputargs.iter().copied().zip(link.args).collect();
            let pd = &mut g.blocks[p];
            pd.ops.extend(data.ops);
            pd.exitswitch = data.exitswitch;
            pd.exits = data.exits;
            substitute(g, &map, &spans);
            merged = true;
            changed = true;
            break;
        }
        if !merged {
            return changed;
        }
    }
}

fn remove_dead_phis(g: &mut FlowGraph) -> bool {
    let blocks = g.reachable_blocks();
    let preds = predecessors(g);
    // Where each phi lives.
    let mut phi_at: HashMap<Var, (Block, usize)> = HashMap::new();
    for &b in &blocks {
        if b == g.startblock || b == g.returnblock || b == g.exceptblock {
            continue;
        }
        for (i, &v) in g.blocks[b].inputargs.iter().enumerate() {
            phi_at.insert(v, (b, i));
        }
    }
    let mut live: HashSet<Var> = HashSet::new();
    let mut work: Vec<Var> = Vec::new();
    let mark = |v: &FlowValue, live: &mut HashSet<Var>, work: &mut Vec<Var>| {
        if let Value::Var(x) = v {
            if live.insert(*x) {
                work.push(*x);
            }
        }
    };
    for &b in &blocks {
        let data = &g.blocks[b];
        for op in &data.ops {
            for a in &op.args {
                mark(a, &mut live, &mut work);
            }
        }
        if let Exitswitch::Value(v) = data.exitswitch {
            mark(&Value::Var(v), &mut live, &mut work);
        }
        for l in &data.exits {
            if l.target == g.returnblock || l.target == g.exceptblock {
                for a in &l.args {
                    mark(a, &mut live, &mut work);
                }
            }
        }
    }
    while let Some(v) = work.pop() {
        if let Some(&(b, i)) = phi_at.get(&v) {
            for &(p, li) in preds.get(&b).map(|v| v.as_slice()).unwrap_or(&[]) {
                let a = g.blocks[p].exits[li].args[i].clone();
                mark(&a, &mut live, &mut work);
            }
        }
    }
    let mut changed = false;
    for &b in &blocks {
        if b == g.startblock || b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let mut i = 0;
        while i < g.blocks[b].inputargs.len() {
            if live.contains(&g.blocks[b].inputargs[i]) {
                i += 1;
                continue;
            }
            g.blocks[b].inputargs.remove(i);
            for &(p, li) in &preds[&b] {
                remove_arg(&mut g.blocks[p].exits[li], i);
            }
            changed = true;
        }
    }
    changed
}
