//! The portal split (RPython's warmspot): the graph holding a driver's
//! `jit_merge_point` is cut there into
//!
//! - the *portal*, a new graph of (greens..., reds...) that starts at the
//!   merge point and holds everything reachable from it (the interpreter's
//!   loop and what follows it); its first block begins with the
//!   `jit_merge_point` op, whose arguments are exactly its inputs;
//! - the original graph, which runs up to the merge point and then
//!   returns `portal(greens..., reds...)`.
//!
//! So execution can re-enter the interpreter at the merge point with given
//! values (the blackhole, compiled code leaving a loop) by calling or
//! jumping to the portal. Two errors are the user's:
//! - a variable live at the merge point that is neither green nor red
//!   (its value would be lost on re-entry);
//! - a green that changes between `can_enter_jit` and the merge point
//!   (the loop would be keyed on the wrong program position).
//!
//! A driver with no `can_enter_jit` gets one just before its merge point.

use rpy_backendopt::util::{clear_unreachable, copy_var, subst, subst_link};
use rpy_flow::graph::{Block, BlockData, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{JitDriverInfo, Ll, LlConst, LlGraph, LlOp, LowType};
use rpy_syntax::{Diagnostic, Span};
use std::collections::{HashMap, HashSet};

/// One driver's portal after the split.
#[derive(Clone, Debug, PartialEq)]
pub struct Portal {
    pub driver: u32,
    /// The new graph, `(greens..., reds...) -> result`.
    pub graph: u32,
    /// The graph that held the merge point and now calls the portal.
    pub caller: u32,
    /// The portal's block that starts with the merge point (where
    /// execution re-enters with given greens and reds).
    pub merge_block: Block,
    /// Low-level types of the greens then the reds.
    pub green_types: Vec<LowType>,
    pub red_types: Vec<LowType>,
    /// The reds' names (the driver's, or for `reds="auto"` the live
    /// variables' names).
    pub red_names: Vec<String>,
}

/// Where a hint op sits.
#[derive(Copy, Clone, Debug)]
struct At {
    graph: usize,
    block: Block,
    index: usize,
}

fn driver_of(op: &Op<Ll>) -> Option<u32> {
    match op.args.first() {
        Some(Value::Const(LlConst::Signed(i))) => Some(*i as u32),
        _ => None,
    }
}

fn find_ops(graphs: &[LlGraph], kind: LlOp, driver: u32) -> Vec<At> {
    let mut out = Vec::new();
    for (gi, lg) in graphs.iter().enumerate() {
        for b in lg.graph.reachable_blocks() {
            for (i, op) in lg.graph.blocks[b].ops.iter().enumerate() {
                if op.kind == kind && driver_of(op) == Some(driver) {
                    out.push(At {
                        graph: gi,
                        block: b,
                        index: i,
                    });
                }
            }
        }
    }
    out
}

fn var_label(lg: &LlGraph, v: Var) -> String {
    match &lg.graph.vars[v].hint {
        Some(h) => format!("'{h}'"),
        None => format!("a temporary ({v})"),
    }
}

/// Split every driver's portal out of its graph; the new graphs are
/// appended to `graphs`.
pub fn split_portals(
    graphs: &mut Vec<LlGraph>,
    drivers: &[JitDriverInfo],
) -> Result<Vec<Portal>, Vec<Diagnostic>> {
    let mut portals = Vec::new();
    let mut errors = Vec::new();
    for (jd, info) in drivers.iter().enumerate() {
        let jd = jd as u32;
        let mps = find_ops(graphs, LlOp::JitMergePoint, jd);
        let at = match mps.as_slice() {
            [one] => *one,
            [] => {
                // A driver used only by can_enter_jit is an error; one that
                // is only passed to set_param is harmless.
                if let Some(c) = find_ops(graphs, LlOp::CanEnterJit, jd).first() {
                    let span = graphs[c.graph].graph.blocks[c.block].ops[c.index].span;
                    errors.push(Diagnostic::new(
                        span,
                        format!(
                            "can_enter_jit() of {} without a jit_merge_point()",
                            info.name
                        ),
                    ));
                }
                continue;
            }
            [first, rest @ ..] => {
                let span = |a: &At| graphs[a.graph].graph.blocks[a.block].ops[a.index].span;
                let mut d = Diagnostic::new(
                    span(&rest[0]),
                    format!(
                        "a JitDriver has exactly one jit_merge_point(); {} has {}",
                        info.name,
                        mps.len()
                    ),
                );
                d = d.with_note(Some(span(first)), "the first one is here");
                errors.push(d);
                continue;
            }
        };
        match split_one(graphs, at, jd, info) {
            Ok(p) => portals.push(p),
            Err(mut ds) => errors.append(&mut ds),
        }
    }
    if errors.is_empty() {
        Ok(portals)
    } else {
        Err(errors)
    }
}

fn split_one(
    graphs: &mut Vec<LlGraph>,
    at: At,
    jd: u32,
    info: &JitDriverInfo,
) -> Result<Portal, Vec<Diagnostic>> {
    if info.auto_reds {
        add_auto_reds(&mut graphs[at.graph], at);
    }
    let lg = &graphs[at.graph];
    let bd = &lg.graph.blocks[at.block];
    let mp = bd.ops[at.index].clone();
    let live_args: Vec<Value<LlConst>> = mp.args[1..].to_vec();
    let ngreens = info.greens.len();
    let red_names: Vec<String> = if info.auto_reds {
        live_args[ngreens..]
            .iter()
            .map(|a| match a {
                Value::Var(v) => var_label(lg, *v).trim_matches('\'').to_string(),
                Value::Const(_) => "const".into(),
            })
            .collect()
    } else {
        info.reds.clone()
    };
    check_live_at_merge_point(lg, bd, at.index, &live_args, info, mp.span)?;
    check_greens(graphs, jd, at, ngreens, info)?;

    let types: Vec<LowType> = live_args
        .iter()
        .map(|a| match a {
            Value::Var(v) => lg.var_types[*v],
            Value::Const(c) => c.low_type().unwrap_or(LowType::Void),
        })
        .collect();

    // The portal: a copy whose merge-point block is cut in two; a new
    // start block of (greens, reds) jumps to the second half.
    let mut portal = lg.clone();
    portal.graph.name = format!("{}__portal", lg.graph.name);
    let fresh: Vec<Var> = types
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let name = info.greens.iter().chain(info.reds.iter()).nth(i).cloned();
            let v = portal.graph.new_var(name.as_deref());
            portal.var_types[v] = t;
            v
        })
        .collect();
    let mut map: HashMap<Var, Value<LlConst>> = HashMap::new();
    for (a, &z) in live_args.iter().zip(&fresh) {
        if let Value::Var(v) = a {
            map.entry(*v).or_insert(Value::Var(z));
        }
    }
    let mut head = std::mem::take(&mut portal.graph.blocks[at.block]);
    let mut tail_ops: Vec<Op<Ll>> = head.ops.split_off(at.index);
    for op in &mut tail_ops {
        for a in &mut op.args {
            subst(a, &map);
        }
    }
    // The merge point now names the portal's own inputs.
    tail_ops[0].args = std::iter::once(mp.args[0].clone())
        .chain(fresh.iter().map(|&z| Value::Var(z)))
        .collect();
    // A driver without `can_enter_jit` (the RPython tutorial's style) has
    // its merge point as the loop header: every iteration may enter the
    // JIT, as RPython's warmspot does by putting a `can_enter_jit` first
    // in the portal.
    if find_ops(graphs, LlOp::CanEnterJit, jd).is_empty() {
        let mut cej = tail_ops[0].clone();
        cej.kind = LlOp::CanEnterJit;
        cej.result = portal.graph.new_var(None);
        portal.var_types[cej.result] = LowType::Void;
        tail_ops.insert(0, cej);
    }
    let mut exits = std::mem::take(&mut head.exits);
    for l in &mut exits {
        subst_link(l, &map);
    }
    let exitswitch = match std::mem::replace(&mut head.exitswitch, Exitswitch::None) {
        Exitswitch::Value(v) => match map.get(&v) {
            Some(Value::Var(z)) => Exitswitch::Value(*z),
            _ => Exitswitch::Value(v),
        },
        other => other,
    };
    let tail = portal.graph.blocks.push(BlockData {
        inputargs: fresh.clone(),
        ops: tail_ops,
        exitswitch,
        exits,
    });
    head.exits = vec![Link::new(live_args.clone(), tail)];
    portal.graph.blocks[at.block] = head;
    let params: Vec<Var> = fresh.iter().map(|&z| copy_var(&mut portal, z)).collect();
    let start = portal.graph.blocks.push(BlockData {
        inputargs: params.clone(),
        exits: vec![Link::new(
            params.iter().map(|&p| Value::Var(p)).collect(),
            tail,
        )],
        ..BlockData::default()
    });
    portal.graph.startblock = start;
    clear_unreachable(&mut portal);
    let portal_index = graphs.len() as u32;

    // The caller: up to the merge point, then `return portal(...)`.
    let caller = &mut graphs[at.graph];
    let rt = caller.result_type;
    let r = caller.graph.new_var(Some("result"));
    caller.var_types[r] = rt;
    let bd = &mut caller.graph.blocks[at.block];
    bd.ops.truncate(at.index);
    let mut call_args = vec![Value::Const(LlConst::Func(portal_index))];
    call_args.extend(live_args);
    bd.ops.push(Op {
        kind: LlOp::DirectCall,
        args: call_args,
        result: r,
        span: mp.span,
    });
    bd.exitswitch = Exitswitch::None;
    let ret = caller.graph.returnblock;
    bd.exits = vec![Link::new(vec![Value::Var(r)], ret)];
    clear_unreachable(caller);
    graphs.push(portal);
    Ok(Portal {
        driver: jd,
        graph: portal_index,
        caller: at.graph as u32,
        merge_block: tail,
        green_types: types[..ngreens].to_vec(),
        red_types: types[ngreens..].to_vec(),
        red_names,
    })
}

/// `reds="auto"`: the merge point names only the greens; its reds are
/// the variables the rest of its block uses that were defined before it
/// (a flow graph passes everything live on its links), in variable order.
fn add_auto_reds(lg: &mut LlGraph, at: At) {
    let bd = &lg.graph.blocks[at.block];
    let greens: HashSet<Var> = bd.ops[at.index]
        .args
        .iter()
        .filter_map(Value::as_var)
        .collect();
    let mut live: Vec<Var> = live_after(bd, at.index)
        .into_iter()
        .filter(|v| !greens.contains(v) && lg.var_types[*v] != LowType::Void)
        .collect();
    live.sort();
    let mp = &mut lg.graph.blocks[at.block].ops[at.index];
    mp.args.extend(live.into_iter().map(Value::Var));
}

/// The variables defined before op `index` of a block (its inputs and
/// earlier results) that the rest of the block uses (later ops, the
/// exit switch, the exit links), in order of first use: what is live
/// across that op.
pub(crate) fn live_after(bd: &BlockData<Ll>, index: usize) -> Vec<Var> {
    let mut before: HashSet<Var> = bd.inputargs.iter().copied().collect();
    before.extend(bd.ops[..index].iter().map(|op| op.result));
    let mut live: Vec<Var> = Vec::new();
    let mut use_var = |v: Var| {
        if before.contains(&v) && !live.contains(&v) {
            live.push(v);
        }
    };
    for op in &bd.ops[index + 1..] {
        op.args
            .iter()
            .filter_map(Value::as_var)
            .for_each(&mut use_var);
    }
    if let Exitswitch::Value(v) = bd.exitswitch {
        use_var(v);
    }
    for l in &bd.exits {
        l.args
            .iter()
            .filter_map(Value::as_var)
            .for_each(&mut use_var);
    }
    live
}

/// Every variable the rest of the block (after the merge point) uses that
/// was defined before it must be one of the merge point's arguments.
fn check_live_at_merge_point(
    lg: &LlGraph,
    bd: &BlockData<Ll>,
    index: usize,
    live_args: &[Value<LlConst>],
    info: &JitDriverInfo,
    span: Span,
) -> Result<(), Vec<Diagnostic>> {
    let given: HashSet<Var> = live_args.iter().filter_map(Value::as_var).collect();
    let used: Vec<Var> = live_after(bd, index)
        .into_iter()
        .filter(|v| !given.contains(v))
        .collect();
    if used.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = info
        .greens
        .iter()
        .chain(info.reds.iter())
        .cloned()
        .collect();
    Err(used
        .into_iter()
        .filter(|&v| lg.var_types[v] != LowType::Void)
        .map(|v| {
            Diagnostic::new(
                span,
                format!(
                    "the variable {} is live across jit_merge_point() but is neither a green nor a red of {} (greens and reds: {})",
                    var_label(lg, v),
                    info.name,
                    names.join(", ")
                ),
            )
            .with_note(None, "add it to the JitDriver's reds (or greens), or compute it after the merge point")
        })
        .collect())
}

/// From each `can_enter_jit`, follow the flow to the merge point and check
/// that every green arrives unchanged.
fn check_greens(
    graphs: &[LlGraph],
    jd: u32,
    mp: At,
    ngreens: usize,
    info: &JitDriverInfo,
) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for c in find_ops(graphs, LlOp::CanEnterJit, jd) {
        let lg = &graphs[c.graph];
        let cop = &lg.graph.blocks[c.block].ops[c.index];
        if c.graph != mp.graph {
            errors.push(Diagnostic::new(
                cop.span,
                format!(
                    "can_enter_jit() of {} must be in the function of its jit_merge_point()",
                    info.name
                ),
            ));
            continue;
        }
        // green index by variable, carried along links.
        let mut seen: HashSet<(Block, Vec<Option<usize>>)> = HashSet::new();
        let start: HashMap<Var, usize> = cop.args[1..=ngreens]
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_var().map(|v| (v, i)))
            .collect();
        let mut work: Vec<(Block, usize, HashMap<Var, usize>)> =
            vec![(c.block, c.index + 1, start)];
        while let Some((b, from, greens)) = work.pop() {
            let bd = &lg.graph.blocks[b];
            if b == mp.block && from <= mp.index {
                let mop = &bd.ops[mp.index];
                for (i, a) in mop.args[1..=ngreens].iter().enumerate() {
                    let ok = match a {
                        Value::Var(v) => greens.get(v) == Some(&i),
                        Value::Const(_) => true,
                    };
                    if !ok {
                        errors.push(
                            Diagnostic::new(
                                cop.span,
                                format!(
                                    "the green '{}' of {} changes between can_enter_jit() and jit_merge_point()",
                                    info.greens[i], info.name
                                ),
                            )
                            .with_note(Some(mop.span), "the merge point it reaches is here")
                            .with_note(None, "can_enter_jit() must be called with the greens the next merge point will see"),
                        );
                    }
                }
                continue;
            }
            for l in &bd.exits {
                let mut next = HashMap::new();
                for (a, &t) in l.args.iter().zip(&lg.graph.blocks[l.target].inputargs) {
                    let green = match a {
                        Value::Var(v) => greens.get(v).copied(),
                        // `pc = 0; can_enter_jit(pc=pc, ...)`: the constant
                        // itself is the green.
                        Value::Const(_) => cop.args[1..=ngreens].iter().position(|g| g == a),
                    };
                    if let Some(i) = green {
                        next.insert(t, i);
                    }
                }
                let key: Vec<Option<usize>> = lg.graph.blocks[l.target]
                    .inputargs
                    .iter()
                    .map(|v| next.get(v).copied())
                    .collect();
                if seen.insert((l.target, key)) {
                    work.push((l.target, 0, next));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
