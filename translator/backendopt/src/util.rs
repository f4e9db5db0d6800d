//! Graph utilities shared by the passes: sizes, predecessors, variable
//! substitution inside a block, block splitting, zero constants, and the
//! exception-switch rule (`settle_exc_switch`).

use cranelift_entity::EntitySet;
use rpy_flow::graph::{Block, BlockData, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::HashMap;

pub type LlValue = Value<LlConst>;

/// Number of ops in the reachable blocks.
pub fn op_count(lg: &LlGraph) -> usize {
    lg.graph
        .reachable_blocks()
        .iter()
        .map(|&b| lg.graph.blocks[b].ops.len())
        .sum()
}

/// Incoming links of each reachable block, as (source block, exit index).
pub fn preds(lg: &LlGraph) -> HashMap<Block, Vec<(Block, usize)>> {
    let mut out: HashMap<Block, Vec<(Block, usize)>> = HashMap::new();
    for b in lg.graph.reachable_blocks() {
        for (i, l) in lg.graph.blocks[b].exits.iter().enumerate() {
            out.entry(l.target).or_default().push((b, i));
        }
    }
    out
}

/// Empty the blocks no longer reachable from the start block, so that
/// nothing (predecessor counts, printers) sees their stale links.
pub fn clear_unreachable(lg: &mut LlGraph) {
    let g = &mut lg.graph;
    let mut live = EntitySet::with_capacity(g.blocks.len());
    for b in g.reachable_blocks() {
        live.insert(b);
    }
    let (r, e) = (g.returnblock, g.exceptblock);
    for (b, bd) in g.blocks.iter_mut() {
        if !live.contains(b) && b != r && b != e {
            *bd = BlockData::default();
        }
    }
}

/// A fresh variable of type `ty`.
pub fn new_var(lg: &mut LlGraph, ty: LowType) -> Var {
    let v = lg.graph.new_var(None);
    lg.var_types[v] = ty;
    v
}

/// A fresh variable with the type and hint of `v`.
pub fn copy_var(lg: &mut LlGraph, v: Var) -> Var {
    let hint = lg.graph.vars[v].hint.clone();
    let n = lg.graph.new_var(hint.as_deref());
    lg.var_types[n] = lg.var_types[v];
    n
}

pub fn subst(a: &mut LlValue, map: &HashMap<Var, LlValue>) {
    if let Value::Var(v) = a {
        if let Some(n) = map.get(v) {
            *a = n.clone();
        }
    }
}

/// Substitute `map` in a link's args.
pub fn subst_link(l: &mut Link<Ll>, map: &HashMap<Var, LlValue>) {
    for a in l.args.iter_mut() {
        subst(a, map);
    }
}

/// Substitute in ops `from..`, the exit switch and the links of a block.
/// A switch variable mapped to a constant is left alone (the caller folds
/// the switch); one mapped to a variable is renamed.
pub fn subst_block_from(bd: &mut BlockData<Ll>, from: usize, map: &HashMap<Var, LlValue>) {
    for op in bd.ops[from..].iter_mut() {
        for a in op.args.iter_mut() {
            subst(a, map);
        }
    }
    if let Exitswitch::Value(v) = &mut bd.exitswitch {
        if let Some(Value::Var(n)) = map.get(v) {
            *v = *n;
        }
    }
    for l in bd.exits.iter_mut() {
        subst_link(l, map);
    }
}

/// Variables used by ops `from..`, the switch and the links of a block but
/// not defined there (by those ops or as a link's exception variables), in
/// order of first use.
pub fn used_from(bd: &BlockData<Ll>, from: usize) -> Vec<Var> {
    let mut defined: Vec<Var> = Vec::new();
    let mut out: Vec<Var> = Vec::new();
    let note = |v: Var, defined: &Vec<Var>, out: &mut Vec<Var>| {
        if !defined.contains(&v) && !out.contains(&v) {
            out.push(v);
        }
    };
    for op in &bd.ops[from..] {
        for a in &op.args {
            if let Value::Var(v) = a {
                note(*v, &defined, &mut out);
            }
        }
        defined.push(op.result);
    }
    if let Exitswitch::Value(v) = bd.exitswitch {
        note(v, &defined, &mut out);
    }
    for l in &bd.exits {
        let mut d = defined.clone();
        d.extend(l.last_exception);
        d.extend(l.last_exc_value);
        for a in &l.args {
            if let Value::Var(v) = a {
                note(*v, &d, &mut out);
            }
        }
    }
    out
}

/// Split block `b` before op `at`: ops `at..`, the switch and the exits move
/// to a new block whose inputs are fresh copies of the variables they use;
/// `b` ends with a `goto` to it. Returns the new block.
pub fn split_block(lg: &mut LlGraph, b: Block, at: usize) -> Block {
    let live = used_from(&lg.graph.blocks[b], at);
    let fresh: Vec<Var> = live.iter().map(|&v| copy_var(lg, v)).collect();
    let map: HashMap<Var, LlValue> = live
        .iter()
        .zip(&fresh)
        .map(|(&v, &n)| (v, Value::Var(n)))
        .collect();
    let bd = &mut lg.graph.blocks[b];
    let ops = bd.ops.split_off(at);
    let mut rest = BlockData {
        inputargs: fresh,
        ops,
        exitswitch: std::mem::replace(&mut bd.exitswitch, Exitswitch::None),
        exits: std::mem::take(&mut bd.exits),
    };
    subst_block_from(&mut rest, 0, &map);
    // The switch moves with the last op; with no op left it has nothing to
    // catch.
    let last = rest.ops.last().map(|o| o.result);
    settle_exc_switch(&mut rest, last);
    let nb = lg.graph.blocks.push(rest);
    lg.graph.blocks[b].exits = vec![Link::new(live.into_iter().map(Value::Var).collect(), nb)];
    nb
}

/// The value a `malloc` gives a field of type `ty`, if it has a constant.
pub fn zero_const(ty: LowType) -> Option<LlConst> {
    Some(match ty {
        LowType::Void => LlConst::Void,
        LowType::Bool => LlConst::Bool(false),
        LowType::Signed => LlConst::Signed(0),
        LowType::Unsigned => LlConst::Unsigned(0),
        LowType::Float => LlConst::Float(0.0),
        LowType::Char => LlConst::Char(0),
        LowType::UniChar => LlConst::UniChar(0),
        LowType::Ptr(t) => LlConst::Null(t),
        LowType::Address => return None,
    })
}

/// May `op` set the exception state? Conservative: every call (the callee
/// or runtime function may raise), every allocation (`MemoryError`) and
/// every op flagged `canraise`.
pub fn may_raise(op: &Op<Ll>) -> bool {
    matches!(
        op.kind,
        LlOp::DirectCall | LlOp::IndirectCall | LlOp::Malloc | LlOp::MallocVarsize
    ) || op.kind.can_raise()
}

/// The exception-switch rule every pass that removes or replaces ops keeps:
/// in a `LastException` block the switch belongs to the block's last op.
/// `old_last` is the result of the op that ended the block before the
/// rewrite. If that op is gone (a pass only removes ops that cannot raise),
/// or the op now ending the block cannot raise, the block can no longer
/// take an exception exit: the switch becomes a plain exit to `exits[0]`.
/// Returns whether the block changed.
pub fn settle_exc_switch(bd: &mut BlockData<Ll>, old_last: Option<Var>) -> bool {
    if bd.exitswitch != Exitswitch::LastException {
        return false;
    }
    let live = match bd.ops.last() {
        Some(op) => Some(op.result) == old_last && may_raise(op),
        None => false,
    };
    if live {
        return false;
    }
    bd.exitswitch = Exitswitch::None;
    bd.exits.truncate(1);
    true
}

/// Is `lg`'s block `b` one whose last op has exception exits?
pub fn catches(bd: &BlockData<Ll>) -> bool {
    bd.exitswitch == Exitswitch::LastException && bd.exits.len() > 1
}
