//! Malloc removal (scalar replacement; RPython's `malloc.py`).
//!
//! A "lifetime" is a set of variables that may hold one fresh object: the
//! results of `malloc`s of a fixed-size struct, and the block inputs that
//! links fill with them. A lifetime is removed when its object never
//! escapes: every use of its variables is `getfield`/`setfield` on it (not
//! storing it), `ptr_nonzero`/`ptr_iszero` of it, or passing it on a link
//! to a block input that is itself in the lifetime (never to the return or
//! except block, a call, a switch, another object).
//!
//! Algorithm, one lifetime at a time until none is left:
//! 1. Flood from a `malloc` result along uses and links; give up on any
//!    escaping use. Every block input of the lifetime must receive a
//!    variable of the lifetime on every incoming link, and no link may pass
//!    lifetime variables twice (that would alias two variables).
//! 2. Rewrite each block: an input of the lifetime becomes one input per
//!    field; a `malloc` starts the fields at their zero value; `setfield`
//!    updates the current value of a field and disappears; `getfield`
//!    becomes `same_as(current value)`; pointer tests become constants;
//!    a link argument of the lifetime becomes the current field values.
//!
//! A removed `malloc` or `setfield` that ended a `LastException` block
//! takes the switch with it (`util::settle_exc_switch`).
//!
//! Several `malloc`s of one type may share a lifetime: the state is kept
//! per variable, and distinct variables are distinct objects (no link
//! duplicates one). Not done: varsize objects, structs with `Address`
//! fields, objects whose identity is compared (`ptr_eq`), partial escape.

use crate::util::{clear_unreachable, new_var, preds, settle_exc_switch, zero_const, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Exitswitch, Op, Value, Var};
use rpy_rtyper::{GcTypeId, LlConst, LlGraph, LlOp, LowType, TypeTable};
use std::collections::{HashMap, HashSet};

pub fn run(lg: &mut LlGraph, cx: &Ctx) -> bool {
    let mut changed = false;
    let mut failed: HashSet<Var> = HashSet::new();
    loop {
        let Some((t, life)) = find_lifetime(lg, cx.types, &failed) else {
            break;
        };
        match life {
            Ok(vars) => {
                remove(lg, cx.types, t, &vars);
                changed = true;
            }
            Err(start) => {
                failed.insert(start);
            }
        }
    }
    changed
}

/// Where each variable is defined: (block, Some(op index) or None for an input).
fn definitions(lg: &LlGraph) -> HashMap<Var, (Block, Option<usize>)> {
    let mut out = HashMap::new();
    for b in lg.graph.reachable_blocks() {
        let bd = &lg.graph.blocks[b];
        for &v in &bd.inputargs {
            out.insert(v, (b, None));
        }
        for (i, op) in bd.ops.iter().enumerate() {
            out.insert(op.result, (b, Some(i)));
        }
    }
    out
}

fn removable_type(types: &TypeTable, t: GcTypeId) -> bool {
    let ty = &types.types[t];
    ty.items.is_none() && ty.fields.iter().all(|(_, ft)| zero_const(*ft).is_some())
}

/// The next candidate `malloc` (not in `failed`) and its lifetime, or the
/// malloc's result as `Err` when it escapes.
fn find_lifetime(
    lg: &LlGraph,
    types: &TypeTable,
    failed: &HashSet<Var>,
) -> Option<(GcTypeId, Result<Vec<Var>, Var>)> {
    for b in lg.graph.reachable_blocks() {
        for op in &lg.graph.blocks[b].ops {
            if op.kind != LlOp::Malloc || failed.contains(&op.result) {
                continue;
            }
            let Some(Value::Const(LlConst::Type(t))) = op.args.first() else {
                continue;
            };
            if !removable_type(types, *t) {
                continue;
            }
            return Some((*t, flood(lg, *t, op.result).ok_or(op.result)));
        }
    }
    None
}

fn flood(lg: &LlGraph, t: GcTypeId, start: Var) -> Option<Vec<Var>> {
    let g = &lg.graph;
    let defs = definitions(lg);
    let pr = preds(lg);
    let mut set: HashSet<Var> = HashSet::new();
    let mut order = vec![];
    let mut work = vec![start];
    while let Some(v) = work.pop() {
        if !set.insert(v) {
            continue;
        }
        order.push(v);
        let &(b, def) = defs.get(&v)?;
        if def.is_none() && b == g.startblock {
            return None;
        }
        if let Some(i) = def {
            let op = &g.blocks[b].ops[i];
            if op.kind != LlOp::Malloc || op.args.first() != Some(&Value::Const(LlConst::Type(t))) {
                return None;
            }
        }
        let bd = &g.blocks[b];
        let me = Value::Var(v);
        for op in &bd.ops {
            let ok = match op.kind {
                LlOp::GetField | LlOp::PtrNonNull | LlOp::PtrIsNull => {
                    op.args.iter().skip(1).all(|a| *a != me)
                }
                LlOp::SetField => op.args.get(2) != Some(&me),
                _ => !op.args.contains(&me),
            };
            if !ok {
                return None;
            }
        }
        if bd.exitswitch == Exitswitch::Value(v) {
            return None;
        }
        for l in &bd.exits {
            for (k, a) in l.args.iter().enumerate() {
                if *a == me {
                    if l.target == g.returnblock || l.target == g.exceptblock {
                        return None;
                    }
                    work.push(g.blocks[l.target].inputargs[k]);
                }
            }
        }
        // Every other variable of a block input's lifetime comes in on
        // every incoming link.
        if def.is_none() {
            let k = bd.inputargs.iter().position(|&x| x == v)?;
            for &(p, i) in pr.get(&b).map(|x| x.as_slice()).unwrap_or(&[]) {
                match &g.blocks[p].exits[i].args[k] {
                    Value::Var(x) => work.push(*x),
                    Value::Const(_) => return None,
                }
            }
        }
    }
    // No link passes two variables of the lifetime.
    for b in g.reachable_blocks() {
        for l in &g.blocks[b].exits {
            let n = l
                .args
                .iter()
                .filter(|a| matches!(a, Value::Var(x) if set.contains(x)))
                .count();
            if n > 1 {
                return None;
            }
        }
    }
    Some(order)
}

fn remove(lg: &mut LlGraph, types: &TypeTable, t: GcTypeId, vars: &[Var]) {
    let life: HashSet<Var> = vars.iter().copied().collect();
    let fields: Vec<(String, LowType)> = types.types[t].fields.clone();
    let field_index = |c: &LlValue| -> usize {
        match c {
            Value::Const(LlConst::Field(f)) => fields
                .iter()
                .position(|(n, _)| n == f)
                .expect("field of the struct"),
            _ => panic!("malloc removal: field operand expected"),
        }
    };
    let mut retired = false;
    for b in lg.graph.reachable_blocks() {
        let bd = &lg.graph.blocks[b];
        let touches = bd.inputargs.iter().any(|v| life.contains(v))
            || bd.ops.iter().any(|op| life.contains(&op.result));
        if !touches {
            continue;
        }
        let mut state: HashMap<Var, Vec<LlValue>> = HashMap::new();
        let old_ins = bd.inputargs.clone();
        let mut ins = Vec::new();
        for v in old_ins {
            if life.contains(&v) {
                let fresh: Vec<Var> = fields.iter().map(|(_, ft)| new_var(lg, *ft)).collect();
                ins.extend(&fresh);
                state.insert(v, fresh.into_iter().map(Value::Var).collect());
            } else {
                ins.push(v);
            }
        }
        let old_last = lg.graph.blocks[b].ops.last().map(|o| o.result);
        let ops = std::mem::take(&mut lg.graph.blocks[b].ops);
        let mut out: Vec<Op<rpy_rtyper::Ll>> = Vec::new();
        for op in ops {
            if op.kind == LlOp::Malloc && life.contains(&op.result) {
                state.insert(
                    op.result,
                    fields
                        .iter()
                        .map(|(_, ft)| Value::Const(zero_const(*ft).expect("checked")))
                        .collect(),
                );
                continue;
            }
            let obj = op
                .args
                .first()
                .and_then(|a| a.as_var())
                .filter(|v| life.contains(v));
            let Some(obj) = obj else {
                out.push(op);
                continue;
            };
            match op.kind {
                LlOp::GetField => {
                    let v = state[&obj][field_index(&op.args[1])].clone();
                    out.push(Op {
                        kind: LlOp::SameAs,
                        args: vec![v],
                        result: op.result,
                        span: op.span,
                    });
                }
                LlOp::SetField => {
                    let k = field_index(&op.args[1]);
                    state.get_mut(&obj).expect("state")[k] = op.args[2].clone();
                }
                LlOp::PtrNonNull | LlOp::PtrIsNull => {
                    let c = LlConst::Bool(op.kind == LlOp::PtrNonNull);
                    out.push(Op {
                        kind: LlOp::SameAs,
                        args: vec![Value::Const(c)],
                        result: op.result,
                        span: op.span,
                    });
                }
                _ => unreachable!("malloc removal: escaping use survived the flood"),
            }
        }
        let bd = &mut lg.graph.blocks[b];
        bd.inputargs = ins;
        bd.ops = out;
        expand_links(bd, &life, &state);
        // A removed malloc or store ending a `LastException` block takes
        // the switch with it.
        retired |= settle_exc_switch(bd, old_last);
    }
    if retired {
        clear_unreachable(lg);
    }
    // Links into lifetime inputs from blocks that only pass them on were
    // expanded above (such blocks have the lifetime var as an input).
}

fn expand_links(
    bd: &mut rpy_flow::graph::BlockData<rpy_rtyper::Ll>,
    life: &HashSet<Var>,
    state: &HashMap<Var, Vec<LlValue>>,
) {
    for l in bd.exits.iter_mut() {
        if !l
            .args
            .iter()
            .any(|a| matches!(a, Value::Var(x) if life.contains(x)))
        {
            continue;
        }
        let mut args = Vec::new();
        for a in std::mem::take(&mut l.args) {
            match &a {
                Value::Var(x) if life.contains(x) => args.extend(state[x].iter().cloned()),
                _ => args.push(a),
            }
        }
        l.args = args;
        l.arg_spans.clear();
    }
}
