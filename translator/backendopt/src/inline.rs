//! Inlining of direct calls to small graphs (RPython's `inline.py`).
//!
//! Algorithm, for each call `r = direct_call(funcK, args...)` found in the
//! caller's original blocks (blocks copied in by inlining are scanned again
//! only when they are a copy of the caller itself, up to
//! `RECURSIVE_DEPTH` levels: a self-recursive call is unrolled that deep,
//! like gcc's recursive inlining, and the innermost copies' calls stay
//! calls):
//! 1. Skip unless the callee has at most `BUDGET` ops, its parameter count
//!    matches, it does no bulk copy (`arraycopy`: its work grows with the
//!    data, so the call is cheap next to it), every exception exit of the
//!    call site is a class range, and the caller stays under
//!    `CALLER_LIMIT` ops.
//! 2. Unless the call ends a block that catches exceptions, split the block
//!    after the call, so the call is the last op and `exits[0]` continues.
//! 3. The variables the call block's exits use (besides `r`) are "passed
//!    on": every copied callee block gets fresh copies of them as extra
//!    inputs, and every link between copied blocks passes them along.
//! 4. Copy the callee's reachable blocks with fresh variables. A link to
//!    the callee's return block becomes the call's normal exit with `r`
//!    replaced by the returned value. A link to the callee's except block
//!    goes to the caller's except block (the call did not catch) or, when
//!    the call caught exceptions, to a dispatch chain that tests the
//!    caller's exception exits in order (`lo <= type`, `type <= hi`) and
//!    falls through to the caller's except block.
//! 5. When the call caught exceptions, exceptions raised implicitly inside
//!    the copy must reach that dispatch too: every op that can raise
//!    (`util::may_raise`: calls, allocations, `canraise` ops) is
//!    made the last op of its block (splitting) and given a catch-all exit
//!    (`classes(0..=MAX)`) into the dispatch chain.
//! 6. The call block jumps to the copy of the callee's start block.
//!
//! Invariants kept: SSA and block-local variables (checked by
//! `check_graph`); evaluation order and exception behaviour are unchanged.
//! Not done: indirect calls, inlining heuristics based on call frequency.

use crate::util::{
    catches, copy_var, may_raise, new_var, op_count, split_block, used_from, LlValue,
};
use crate::Ctx;
use rpy_flow::graph::{Block, BlockData, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::HashMap;

/// Largest callee inlined, in ops.
pub const BUDGET: usize = 40;
/// Stop inlining into a graph once it has this many ops.
pub const CALLER_LIMIT: usize = 3000;
/// Levels of a self-recursive call inlined into itself, while the graph
/// stays under `RECURSIVE_LIMIT` ops (gcc's max-inline-recursive-depth and
/// max-inline-insns-recursive).
pub const RECURSIVE_DEPTH: usize = 3;
pub const RECURSIVE_LIMIT: usize = 400;

pub fn run(lg: &mut LlGraph, cx: &Ctx) -> bool {
    let mut changed = false;
    let mut work: Vec<(Block, usize, usize)> = lg
        .graph
        .reachable_blocks()
        .into_iter()
        .filter(|&b| b != lg.graph.returnblock && b != lg.graph.exceptblock)
        .rev()
        .map(|b| (b, 0, 0))
        .collect();
    while let Some((b, from, depth)) = work.pop() {
        let bd = &lg.graph.blocks[b];
        let site = (from..bd.ops.len()).find(|&i| inlinable(lg, cx, b, i).is_some());
        let Some(i) = site else { continue };
        let k = inlinable(lg, cx, b, i).expect("checked");
        if op_count(lg) + op_count(&cx.graphs[k]) > CALLER_LIMIT {
            break;
        }
        let (cont, copied) = inline_call(lg, &cx.graphs[k], b, i);
        changed = true;
        if let Some(c) = cont {
            work.push((c, 0, depth));
        }
        if k == cx.this && depth + 1 < RECURSIVE_DEPTH && op_count(lg) < RECURSIVE_LIMIT {
            work.extend(copied.into_iter().rev().map(|c| (c, 0, depth + 1)));
        }
    }
    changed
}

/// The callee index if op `i` of block `b` is a call we may inline.
fn inlinable(lg: &LlGraph, cx: &Ctx, b: Block, i: usize) -> Option<usize> {
    let bd = &lg.graph.blocks[b];
    let op = &bd.ops[i];
    if op.kind != LlOp::DirectCall {
        return None;
    }
    let Some(Value::Const(LlConst::Func(k))) = op.args.first() else {
        return None;
    };
    let callee = cx.graphs.get(*k as usize)?;
    if op_count(callee) > BUDGET
        || callee.graph.params().len() + 1 != op.args.len()
        || copies_arrays(cx, callee, 1)
    {
        return None;
    }
    let guarded = i + 1 == bd.ops.len() && catches(bd);
    if guarded
        && !bd.exits[1..]
            .iter()
            .all(|l| matches!(l.exitcase, Some(LlConst::ClassRange(..))))
    {
        return None;
    }
    Some(*k as usize)
}

/// Does the graph move array items in bulk (`arraycopy`: growing a list,
/// concatenating strings), itself or through a call? Such a callee does work proportional to the
/// data, so a call costs little next to it, and keeping it out of line
/// keeps a caller's loop small (its registers go to the loop's values).
/// Looks `depth` calls deep: list growth calls a copy helper, and is then
/// kept out of line, while `append` (which calls the growth) is inlined.
fn copies_arrays(cx: &Ctx, g: &LlGraph, depth: usize) -> bool {
    g.graph.reachable_blocks().iter().any(|&b| {
        g.graph.blocks[b].ops.iter().any(|op| match op.kind {
            LlOp::ArrayCopy => true,
            LlOp::DirectCall if depth > 0 => match op.args.first() {
                Some(Value::Const(LlConst::Func(k))) => cx
                    .graphs
                    .get(*k as usize)
                    .is_some_and(|c| copies_arrays(cx, c, depth - 1)),
                _ => false,
            },
            _ => false,
        })
    })
}

/// Inline the call at op `i` of block `b`; returns the block holding the
/// caller's ops that followed the call (to scan for more calls) and the
/// copies of the callee's blocks.
fn inline_call(
    lg: &mut LlGraph,
    callee: &LlGraph,
    b: Block,
    i: usize,
) -> (Option<Block>, Vec<Block>) {
    let guarded = i + 1 == lg.graph.blocks[b].ops.len() && catches(&lg.graph.blocks[b]);
    let mut cont = None;
    if !guarded {
        let c = split_block(lg, b, i + 1);
        cont = Some(c);
    }
    let call = lg.graph.blocks[b].ops.pop().expect("the call");
    let r = call.result;
    let exits = std::mem::take(&mut lg.graph.blocks[b].exits);
    lg.graph.blocks[b].exitswitch = Exitswitch::None;
    let normal = exits[0].clone();
    let handlers: Vec<Link<Ll>> = exits[1..].to_vec();
    // Variables the exits need, other than the call's result.
    let probe = BlockData::<Ll> {
        inputargs: vec![],
        ops: vec![],
        exitswitch: Exitswitch::None,
        exits: exits.clone(),
    };
    let passon: Vec<Var> = used_from(&probe, 0)
        .into_iter()
        .filter(|&v| v != r)
        .collect();

    let cg = &callee.graph;
    let exc_t = lg.var_types[lg.graph.blocks[lg.graph.exceptblock].inputargs[1]];
    let mut cp = Copier {
        vmap: HashMap::new(),
        bmap: HashMap::new(),
        passon_of: HashMap::new(),
    };
    let blocks: Vec<Block> = cg
        .reachable_blocks()
        .into_iter()
        .filter(|&cb| cb != cg.returnblock && cb != cg.exceptblock)
        .collect();
    for &cb in &blocks {
        let ins: Vec<Var> = cg.blocks[cb]
            .inputargs
            .iter()
            .map(|&v| cp.var(lg, callee, v))
            .collect();
        let pass: Vec<Var> = passon.iter().map(|&v| copy_var(lg, v)).collect();
        let mut all = ins;
        all.extend(&pass);
        let nb = lg.graph.new_block(all);
        cp.bmap.insert(cb, nb);
        cp.passon_of.insert(nb, pass);
    }
    // The dispatch chain for a call that catches.
    let disp = if guarded {
        Some(build_dispatch(lg, &handlers, &passon, exc_t))
    } else {
        None
    };
    for &cb in &blocks {
        let nb = cp.bmap[&cb];
        let cbd = &cg.blocks[cb];
        let mut ops = Vec::with_capacity(cbd.ops.len());
        for op in &cbd.ops {
            let args = op.args.iter().map(|a| cp.value(lg, callee, a)).collect();
            let result = cp.var(lg, callee, op.result);
            ops.push(Op {
                kind: op.kind,
                args,
                result,
                span: if op.span == rpy_syntax::Span::NONE {
                    call.span
                } else {
                    op.span
                },
            });
        }
        let exitswitch = match &cbd.exitswitch {
            Exitswitch::Value(v) => Exitswitch::Value(cp.var(lg, callee, *v)),
            s => s.clone(),
        };
        let pass: Vec<LlValue> = cp.passon_of[&nb].iter().map(|&v| Value::Var(v)).collect();
        let mut links = Vec::new();
        for l in &cbd.exits {
            let le = l.last_exception.map(|v| cp.var(lg, callee, v));
            let lv = l.last_exc_value.map(|v| cp.var(lg, callee, v));
            let args: Vec<LlValue> = l.args.iter().map(|a| cp.value(lg, callee, a)).collect();
            let mut nl = if l.target == cg.returnblock {
                // The call's normal exit, with the result substituted.
                let mut map: HashMap<Var, LlValue> = passon
                    .iter()
                    .zip(&pass)
                    .map(|(&v, p)| (v, p.clone()))
                    .collect();
                map.insert(r, args[0].clone());
                let mut n = Link::new(normal.args.clone(), normal.target);
                crate::util::subst_link(&mut n, &map);
                n
            } else if l.target == cg.exceptblock {
                match disp {
                    Some(d) => {
                        let mut a = args;
                        a.extend(pass.iter().cloned());
                        Link::new(a, d)
                    }
                    None => Link::new(args, lg.graph.exceptblock),
                }
            } else {
                let mut a = args;
                a.extend(pass.iter().cloned());
                Link::new(a, cp.bmap[&l.target])
            };
            nl.exitcase = l.exitcase.clone();
            nl.last_exception = le;
            nl.last_exc_value = lv;
            links.push(nl);
        }
        let nbd = &mut lg.graph.blocks[nb];
        nbd.ops = ops;
        nbd.exitswitch = exitswitch;
        nbd.exits = links;
    }
    if let Some(d) = disp {
        for &cb in &blocks {
            guard_block(lg, cp.bmap[&cb], d, &cp.passon_of[&cp.bmap[&cb]], exc_t);
        }
    }
    let mut args: Vec<LlValue> = call.args[1..].to_vec();
    args.extend(passon.iter().map(|&v| Value::Var(v)));
    lg.graph.blocks[b].exits = vec![Link::new(args, cp.bmap[&cg.startblock])];
    (cont, blocks.iter().map(|cb| cp.bmap[cb]).collect())
}

struct Copier {
    vmap: HashMap<Var, Var>,
    bmap: HashMap<Block, Block>,
    passon_of: HashMap<Block, Vec<Var>>,
}

impl Copier {
    fn var(&mut self, lg: &mut LlGraph, callee: &LlGraph, v: Var) -> Var {
        if let Some(&n) = self.vmap.get(&v) {
            return n;
        }
        let n = lg.graph.new_var(callee.graph.vars[v].hint.as_deref());
        lg.var_types[n] = callee.var_types[v];
        self.vmap.insert(v, n);
        n
    }
    fn value(&mut self, lg: &mut LlGraph, callee: &LlGraph, a: &LlValue) -> LlValue {
        match a {
            Value::Var(v) => Value::Var(self.var(lg, callee, *v)),
            Value::Const(c) => Value::Const(c.clone()),
        }
    }
}

/// The catch-all exit case.
fn any_class() -> LlConst {
    LlConst::ClassRange(0, u32::MAX)
}

/// Blocks testing the caught type against each handler in order; the
/// entry takes `(type, value, passon...)`. Nothing matching re-raises.
fn build_dispatch(
    lg: &mut LlGraph,
    handlers: &[Link<Ll>],
    passon: &[Var],
    exc_t: LowType,
) -> Block {
    let fresh_ins = |lg: &mut LlGraph| -> (Vec<Var>, Var, Var, Vec<Var>) {
        let et = new_var(lg, LowType::Signed);
        let ev = new_var(lg, exc_t);
        let ps: Vec<Var> = passon.iter().map(|&v| copy_var(lg, v)).collect();
        let mut all = vec![et, ev];
        all.extend(&ps);
        (all, et, ev, ps)
    };
    // Built back to front: the fall-through re-raises.
    let (ins, et, ev, _) = fresh_ins(lg);
    let mut next = lg.graph.new_block(ins);
    let ex = lg.graph.exceptblock;
    lg.graph.blocks[next].exits = vec![Link::new(vec![Value::Var(et), Value::Var(ev)], ex)];
    for h in handlers.iter().rev() {
        let Some(LlConst::ClassRange(lo, hi)) = h.exitcase else {
            unreachable!("checked by inlinable")
        };
        let fwd = |et: Var, ev: Var, ps: &[Var]| -> Vec<LlValue> {
            let mut a = vec![Value::Var(et), Value::Var(ev)];
            a.extend(ps.iter().map(|&v| Value::Var(v)));
            a
        };
        // hi test: type <= hi -> handler target, else next.
        let (ins_hi, et2, ev2, ps2) = fresh_ins(lg);
        let hb = lg.graph.new_block(ins_hi);
        let c2 = new_var(lg, LowType::Bool);
        let mut map: HashMap<Var, LlValue> = passon
            .iter()
            .zip(&ps2)
            .map(|(&v, &p)| (v, Value::Var(p)))
            .collect();
        if let Some(v) = h.last_exception {
            map.insert(v, Value::Var(et2));
        }
        if let Some(v) = h.last_exc_value {
            map.insert(v, Value::Var(ev2));
        }
        let mut take = Link::new(h.args.clone(), h.target);
        crate::util::subst_link(&mut take, &map);
        take.exitcase = Some(LlConst::Bool(true));
        let mut skip = Link::new(fwd(et2, ev2, &ps2), next);
        skip.exitcase = Some(LlConst::Bool(false));
        let hbd = &mut lg.graph.blocks[hb];
        hbd.ops.push(Op {
            kind: LlOp::IntLe,
            args: vec![Value::Var(et2), Value::Const(LlConst::Signed(hi as i64))],
            result: c2,
            span: rpy_syntax::Span::NONE,
        });
        hbd.exitswitch = Exitswitch::Value(c2);
        hbd.exits = vec![skip, take];
        // lo test: lo <= type -> hi test, else next.
        let (ins_lo, et1, ev1, ps1) = fresh_ins(lg);
        let lb = lg.graph.new_block(ins_lo);
        let c1 = new_var(lg, LowType::Bool);
        let mut go = Link::new(fwd(et1, ev1, &ps1), hb);
        go.exitcase = Some(LlConst::Bool(true));
        let mut skip = Link::new(fwd(et1, ev1, &ps1), next);
        skip.exitcase = Some(LlConst::Bool(false));
        let lbd = &mut lg.graph.blocks[lb];
        lbd.ops.push(Op {
            kind: LlOp::IntGe,
            args: vec![Value::Var(et1), Value::Const(LlConst::Signed(lo as i64))],
            result: c1,
            span: rpy_syntax::Span::NONE,
        });
        lbd.exitswitch = Exitswitch::Value(c1);
        lbd.exits = vec![skip, go];
        next = lb;
    }
    next
}

/// Make every op of copied block `nb` that can raise end a block with a
/// catch-all exit into the dispatch chain `disp`.
fn guard_block(lg: &mut LlGraph, nb: Block, disp: Block, passon: &[Var], exc_t: LowType) {
    let mut blk = nb;
    let mut pass: Vec<Var> = passon.to_vec();
    let mut j = 0;
    loop {
        let bd = &lg.graph.blocks[blk];
        if j >= bd.ops.len() {
            return;
        }
        if !may_raise(&bd.ops[j]) {
            j += 1;
            continue;
        }
        let last = j + 1 == bd.ops.len();
        if last && catches(bd) {
            if !bd.exits.iter().any(|l| l.exitcase == Some(any_class())) {
                let l = catch_all(lg, &pass, disp, exc_t);
                lg.graph.blocks[blk].exits.push(l);
            }
            return;
        }
        // Split after the op; the rest continues in a new block.
        let rest = split_block(lg, blk, j + 1);
        let l = catch_all(lg, &pass, disp, exc_t);
        let bd = &mut lg.graph.blocks[blk];
        bd.exitswitch = Exitswitch::LastException;
        bd.exits.push(l);
        // The passed-on variables, as the rest block names them.
        let link = &lg.graph.blocks[blk].exits[0];
        let ins = &lg.graph.blocks[rest].inputargs;
        pass = pass
            .iter()
            .map(|p| {
                link.args
                    .iter()
                    .position(|a| *a == Value::Var(*p))
                    .map(|k| ins[k])
                    .unwrap_or(*p)
            })
            .collect();
        if pass.iter().any(|p| !ins.contains(p)) {
            // The rest never reaches the dispatch with these; nothing
            // more can raise into it from a block lacking them.
            if lg.graph.blocks[rest].ops.iter().any(may_raise) {
                // Thread them explicitly: extend the rest block's inputs.
                let missing: Vec<Var> = pass.iter().copied().filter(|p| !ins.contains(p)).collect();
                for m in missing {
                    let n = copy_var(lg, m);
                    lg.graph.blocks[rest].inputargs.push(n);
                    lg.graph.blocks[blk].exits[0].args.push(Value::Var(m));
                    for p in pass.iter_mut() {
                        if *p == m {
                            *p = n;
                        }
                    }
                }
            }
        }
        blk = rest;
        j = 0;
    }
}

fn catch_all(lg: &mut LlGraph, pass: &[Var], disp: Block, exc_t: LowType) -> Link<Ll> {
    let e = new_var(lg, LowType::Signed);
    let v = new_var(lg, exc_t);
    let mut args = vec![Value::Var(e), Value::Var(v)];
    args.extend(pass.iter().map(|&p| Value::Var(p)));
    let mut l = Link::new(args, disp);
    l.exitcase = Some(any_class());
    l.last_exception = Some(e);
    l.last_exc_value = Some(v);
    l
}
