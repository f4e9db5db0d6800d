//! Merging of block parameters that always receive the same value.
//!
//! Flow graphs pass every live value along every link, so a value known
//! under two names (`position` and the index a helper was called with, a
//! loop counter and its copy) arrives at a join as two parameters, which
//! the register allocator then keeps in two registers with moves between
//! them. Cranelift removes parameters that receive one value on every
//! edge; this pass removes the other kind: two parameters of one block
//! that receive equal values on each edge, possibly different per edge.
//!
//! Algorithm (optimistic partition refinement, like congruence-based value
//! numbering): start with the parameters of a block of one type in one
//! class (every other variable is its own class); split a class while two
//! of its parameters differ in the class of some incoming argument; at the
//! fixpoint, every parameter is replaced by the first of its class in the
//! block, and the others are dropped with their link arguments. Being
//! optimistic is what finds loop-carried duplicates, whose back edges only
//! agree once the loop header's own parameters are known to agree.
//!
//! The start block's parameters (the function's) and the return and except
//! blocks keep their shape.

use crate::util::{preds, subst_block_from, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Value, Var};
use rpy_rtyper::LlGraph;
use std::collections::HashMap;

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let g = &lg.graph;
    let incoming = preds(lg);
    let blocks: Vec<Block> = g
        .reachable_blocks()
        .into_iter()
        .filter(|&b| b != g.startblock && b != g.returnblock && b != g.exceptblock)
        .filter(|b| g.blocks[*b].inputargs.len() > 1 && incoming.contains_key(b))
        .collect();
    // class[v] for parameters of candidate blocks; other variables are
    // their own class (keyed by the variable itself).
    let mut class: HashMap<Var, usize> = HashMap::new();
    let mut next = 0usize;
    for &b in &blocks {
        let mut by_type: HashMap<String, usize> = HashMap::new();
        for &p in &g.blocks[b].inputargs {
            let key = format!("{:?}", lg.var_types[p]);
            let c = *by_type.entry(key).or_insert_with(|| {
                next += 1;
                next
            });
            class.insert(p, c);
        }
    }
    let key_of = |class: &HashMap<Var, usize>, a: &LlValue| -> String {
        match a {
            Value::Var(v) => match class.get(v) {
                Some(c) => format!("c{c}"),
                None => format!("v{}", v.as_u32()),
            },
            Value::Const(k) => format!("k{k:?}"),
        }
    };
    loop {
        let mut split = false;
        for &b in &blocks {
            let params = &g.blocks[b].inputargs;
            // New class per (old class, incoming argument classes).
            let mut fresh: HashMap<(usize, Vec<String>), usize> = HashMap::new();
            let mut seen_old: HashMap<usize, usize> = HashMap::new();
            let mut updates = Vec::new();
            for (i, &p) in params.iter().enumerate() {
                let old = class[&p];
                let sig: Vec<String> = incoming[&b]
                    .iter()
                    .map(|&(src, e)| key_of(&class, &g.blocks[src].exits[e].args[i]))
                    .collect();
                let n = fresh.len();
                let id = *fresh.entry((old, sig)).or_insert(n);
                // The first signature seen keeps the old class id.
                let first = *seen_old.entry(old).or_insert(id);
                if id != first {
                    updates.push((p, id));
                }
            }
            if !updates.is_empty() {
                split = true;
                let mut renum: HashMap<usize, usize> = HashMap::new();
                for (p, id) in updates {
                    let c = *renum.entry(id).or_insert_with(|| {
                        next += 1;
                        next
                    });
                    class.insert(p, c);
                }
            }
        }
        if !split {
            break;
        }
    }
    let mut changed = false;
    for &b in &blocks {
        let params = lg.graph.blocks[b].inputargs.clone();
        let mut keep_of: HashMap<usize, Var> = HashMap::new();
        let mut map: HashMap<Var, LlValue> = HashMap::new();
        let mut drop = Vec::new();
        for (i, &p) in params.iter().enumerate() {
            match keep_of.get(&class[&p]) {
                Some(&k) => {
                    map.insert(p, Value::Var(k));
                    drop.push(i);
                }
                None => {
                    keep_of.insert(class[&p], p);
                }
            }
        }
        if drop.is_empty() {
            continue;
        }
        changed = true;
        subst_block_from(&mut lg.graph.blocks[b], 0, &map);
        let bd = &mut lg.graph.blocks[b];
        for &i in drop.iter().rev() {
            bd.inputargs.remove(i);
        }
        for &(src, e) in &incoming[&b] {
            let l = &mut lg.graph.blocks[src].exits[e];
            for &i in drop.iter().rev() {
                l.args.remove(i);
                if i < l.arg_spans.len() {
                    l.arg_spans.remove(i);
                }
            }
        }
    }
    changed
}
