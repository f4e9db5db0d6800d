//! Constant folding, copy propagation and branch folding.
//!
//! Algorithm, repeated until nothing changes:
//! 1. In each block, walk the ops with a substitution map: `same_as(x)` is
//!    dropped and its result replaced by `x`; an op with `can_fold()` whose
//!    arguments are all constants is evaluated (`fold`, the same arithmetic
//!    as codegen: Python floor division and modulo, wrapping add/sub/mul)
//!    and its result replaced by the constant. The map is applied to the
//!    later ops, the exit switch and the links.
//!    Algebraic identities (`x + 0`, `x * 1`, `x // 1`, ...) become their
//!    operand.
//! 2. A switch on a constant keeps only the exit it takes (the matching
//!    case, else the default).
//! 3. A block input that holds the same constant on every path (found by
//!    optimistic propagation over block inputs, so loop-carried copies of
//!    a constant count) becomes that constant: the input and the matching
//!    link arguments are removed.
//! 4. Blocks no longer reachable are emptied.
//!
//! Invariants: variables stay block-local (substitution never crosses a
//! link); only `can_fold` ops are removed, so effects and exceptions are
//! kept. When the op ending a `LastException` block is removed (or cannot
//! raise), the switch becomes a plain exit (`util::settle_exc_switch`).
//! Not folded: ops on unsigned, char or pointer constants other than
//! null/prebuilt tests, divisions by zero and `MIN // -1` (left to run
//! time), float min/max (NaN rules), `gettypeid` of prebuilt objects.

use crate::util::{clear_unreachable, preds, settle_exc_switch, subst, subst_block_from, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Exitswitch, Op, Value, Var};
use rpy_rtyper::{LlConst, LlGraph, LlOp};
use std::collections::HashMap;

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let mut changed = false;
    loop {
        let mut round = false;
        for b in lg.graph.reachable_blocks() {
            round |= fold_block(lg, b);
        }
        round |= const_inputs(lg);
        if !round {
            break;
        }
        changed = true;
        clear_unreachable(lg);
    }
    changed
}

fn fold_block(lg: &mut LlGraph, b: Block) -> bool {
    let bd = &mut lg.graph.blocks[b];
    let mut map: HashMap<Var, LlValue> = HashMap::new();
    let mut changed = false;
    let old_last = bd.ops.last().map(|o| o.result);
    let ops = std::mem::take(&mut bd.ops);
    // A switch with no exit for a constant (not in well-typed graphs) keeps
    // its variable's definition.
    let switch_var = match bd.exitswitch {
        Exitswitch::Value(v) => Some(v),
        _ => None,
    };
    let has_exit = |c: &LlValue, bd: &rpy_flow::graph::BlockData<rpy_rtyper::Ll>| match c {
        Value::Const(c) => bd
            .exits
            .iter()
            .any(|l| l.exitcase.is_none() || l.exitcase.as_ref() == Some(c)),
        Value::Var(_) => true,
    };
    for mut op in ops {
        for a in op.args.iter_mut() {
            subst(a, &map);
        }
        if Some(op.result) == switch_var {
            let value = if op.kind == LlOp::SameAs && op.args.len() == 1 {
                Some(op.args[0].clone())
            } else if op.kind.can_fold() {
                let consts: Option<Vec<&LlConst>> = op.args.iter().map(|a| a.as_const()).collect();
                consts.and_then(|cs| fold(op.kind, &cs)).map(Value::Const)
            } else {
                None
            };
            if value.is_some_and(|v| !has_exit(&v, bd)) {
                bd.ops.push(op);
                continue;
            }
        }
        if op.kind == LlOp::SameAs && op.args.len() == 1 {
            map.insert(op.result, op.args[0].clone());
            changed = true;
            continue;
        }
        if let Some(x) = identity(op.kind, &op.args) {
            map.insert(op.result, x);
            changed = true;
            continue;
        }
        if op.kind.can_fold() {
            let consts: Option<Vec<&LlConst>> = op.args.iter().map(|a| a.as_const()).collect();
            if let Some(c) = consts.and_then(|cs| fold(op.kind, &cs)) {
                map.insert(op.result, Value::Const(c));
                changed = true;
                continue;
            }
        }
        bd.ops.push(op);
    }
    if !map.is_empty() {
        let n = bd.ops.len();
        subst_block_from(bd, n, &map);
    }
    // Only ops that cannot raise were removed; if the block's last op went,
    // its exception switch goes with it.
    changed |= settle_exc_switch(bd, old_last);
    if let Exitswitch::Value(v) = bd.exitswitch {
        if let Some(Value::Const(c)) = map.get(&v) {
            let pick = bd
                .exits
                .iter()
                .position(|l| l.exitcase.as_ref() == Some(c))
                .or_else(|| bd.exits.iter().position(|l| l.exitcase.is_none()));
            if let Some(k) = pick {
                let mut l = bd.exits.swap_remove(k);
                l.exitcase = None;
                bd.exits = vec![l];
                bd.exitswitch = Exitswitch::None;
                changed = true;
            }
        }
    }
    changed
}

/// Step 3: inputs that hold the same constant on every path. Optimistic
/// propagation over block inputs: an input starts unknown and meets the
/// values of its incoming link arguments (a constant, or the value of an
/// input of the predecessor; any other variable varies).
fn const_inputs(lg: &mut LlGraph) -> bool {
    #[derive(Clone, PartialEq)]
    enum L {
        Unknown,
        Const(LlConst),
        Varies,
    }
    let pr = preds(lg);
    let g = &lg.graph;
    let mut val: HashMap<Var, L> = HashMap::new();
    let mut blocks: Vec<Block> = pr
        .keys()
        .copied()
        .filter(|&b| b != g.startblock && b != g.returnblock && b != g.exceptblock)
        .collect();
    blocks.sort();
    for &b in &blocks {
        for &v in &g.blocks[b].inputargs {
            val.insert(v, L::Unknown);
        }
    }
    loop {
        let mut moved = false;
        for &b in &blocks {
            for (k, &v) in g.blocks[b].inputargs.iter().enumerate() {
                let mut acc = val[&v].clone();
                for &(p, i) in &pr[&b] {
                    let inc = match &g.blocks[p].exits[i].args[k] {
                        Value::Const(c) => L::Const(c.clone()),
                        Value::Var(x) => val.get(x).cloned().unwrap_or(L::Varies),
                    };
                    acc = match (acc, inc) {
                        (L::Varies, _) | (_, L::Varies) => L::Varies,
                        (L::Unknown, x) | (x, L::Unknown) => x,
                        (L::Const(a), L::Const(c)) => {
                            if a == c {
                                L::Const(a)
                            } else {
                                L::Varies
                            }
                        }
                    };
                }
                if acc != val[&v] {
                    val.insert(v, acc);
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    let mut todo: Vec<(Block, usize, LlConst)> = Vec::new();
    for &b in &blocks {
        for (k, v) in g.blocks[b].inputargs.iter().enumerate() {
            if let L::Const(c) = &val[v] {
                todo.push((b, k, c.clone()));
            }
        }
    }
    let mut changed = false;
    // Remove from the highest index down so positions stay valid.
    todo.sort_by(|a, b| (a.0, b.1).cmp(&(b.0, a.1)));
    for (b, k, c) in todo {
        let v = lg.graph.blocks[b].inputargs.remove(k);
        for &(p, i) in &pr[&b] {
            let l = &mut lg.graph.blocks[p].exits[i];
            l.args.remove(k);
            if l.arg_spans.len() > k {
                l.arg_spans.remove(k);
            }
        }
        let bd = &mut lg.graph.blocks[b];
        if bd.exitswitch == Exitswitch::Value(v) {
            // Keep the switch variable defined; the next round folds it.
            bd.ops.insert(
                0,
                Op {
                    kind: LlOp::SameAs,
                    args: vec![Value::Const(c.clone())],
                    result: v,
                    span: rpy_syntax::Span::NONE,
                },
            );
        }
        let map: HashMap<Var, LlValue> = [(v, Value::Const(c))].into_iter().collect();
        subst_block_from(bd, 0, &map);
        changed = true;
    }
    changed
}

/// `x + 0`, `0 + x`, `x - 0`, `x * 1`, `1 * x`, `x // 1`, `x | 0`,
/// `x ^ 0`: the operand itself.
fn identity(op: LlOp, args: &[LlValue]) -> Option<LlValue> {
    let is = |a: &LlValue, k: i64| matches!(a, Value::Const(LlConst::Signed(c)) if *c == k);
    match (op, args) {
        (LlOp::IntAdd | LlOp::IntSub | LlOp::IntOr | LlOp::IntXor, [x, z]) if is(z, 0) => {
            Some(x.clone())
        }
        (LlOp::IntAdd | LlOp::IntOr | LlOp::IntXor, [z, x]) if is(z, 0) => Some(x.clone()),
        (LlOp::IntMul | LlOp::IntFloorDiv, [x, o]) if is(o, 1) => Some(x.clone()),
        (LlOp::IntMul, [o, x]) if is(o, 1) => Some(x.clone()),
        _ => None,
    }
}

fn b(x: bool) -> Option<LlConst> {
    Some(LlConst::Bool(x))
}

/// Python floor division and modulo on i64 (`None` for a zero divisor and
/// `MIN // -1`).
pub fn py_divmod(a: i64, d: i64) -> Option<(i64, i64)> {
    if d == 0 || (a == i64::MIN && d == -1) {
        return None;
    }
    let (mut q, mut r) = (a / d, a % d);
    if r != 0 && ((r < 0) != (d < 0)) {
        q -= 1;
        r += d;
    }
    Some((q, r))
}

/// The value of a foldable op on constants, if this pass knows it.
pub fn fold(op: LlOp, args: &[&LlConst]) -> Option<LlConst> {
    use LlConst as C;
    use LlOp as O;
    let int = |c: &LlConst| match c {
        C::Signed(i) => Some(*i),
        C::Bool(x) => Some(*x as i64),
        _ => None,
    };
    let flt = |c: &LlConst| match c {
        C::Float(x) => Some(*x),
        _ => None,
    };
    match (op, args) {
        (O::IntNeg | O::IntAbs | O::IntInvert | O::IntIsTrue, [x]) => {
            let x = match x {
                C::Signed(i) => *i,
                _ => return None,
            };
            Some(match op {
                O::IntNeg => C::Signed(x.wrapping_neg()),
                O::IntAbs => C::Signed(x.wrapping_abs()),
                O::IntInvert => C::Signed(!x),
                _ => C::Bool(x != 0),
            })
        }
        (
            O::IntAdd
            | O::IntSub
            | O::IntMul
            | O::IntFloorDiv
            | O::IntMod
            | O::IntAnd
            | O::IntOr
            | O::IntXor
            | O::IntMin
            | O::IntMax,
            [C::Signed(x), C::Signed(y)],
        ) => {
            let (x, y) = (*x, *y);
            Some(C::Signed(match op {
                O::IntAdd => x.wrapping_add(y),
                O::IntSub => x.wrapping_sub(y),
                O::IntMul => x.wrapping_mul(y),
                O::IntFloorDiv => py_divmod(x, y)?.0,
                O::IntMod => py_divmod(x, y)?.1,
                O::IntAnd => x & y,
                O::IntOr => x | y,
                O::IntXor => x ^ y,
                O::IntMin => x.min(y),
                _ => x.max(y),
            }))
        }
        (O::IntBetween, [lo, x, hi]) => {
            let (lo, x, hi) = (int(lo)?, int(x)?, int(hi)?);
            b(lo <= x && x < hi)
        }
        (O::IntLt | O::IntLe | O::IntEq | O::IntNe | O::IntGt | O::IntGe, [x, y]) => {
            // Signed or Bool operands only (unsigned compares differ).
            let (x, y) = (int(x)?, int(y)?);
            b(match op {
                O::IntLt => x < y,
                O::IntLe => x <= y,
                O::IntEq => x == y,
                O::IntNe => x != y,
                O::IntGt => x > y,
                _ => x >= y,
            })
        }
        (O::FloatAdd | O::FloatSub | O::FloatMul, [x, y]) => {
            let (x, y) = (flt(x)?, flt(y)?);
            Some(C::Float(match op {
                O::FloatAdd => x + y,
                O::FloatSub => x - y,
                _ => x * y,
            }))
        }
        (O::FloatNeg, [x]) => Some(C::Float(-flt(x)?)),
        (O::FloatAbs, [x]) => Some(C::Float(flt(x)?.abs())),
        (O::FloatIsTrue, [x]) => b(flt(x)? != 0.0),
        (O::FloatLt | O::FloatLe | O::FloatEq | O::FloatNe | O::FloatGt | O::FloatGe, [x, y]) => {
            let (x, y) = (flt(x)?, flt(y)?);
            b(match op {
                O::FloatLt => x < y,
                O::FloatLe => x <= y,
                O::FloatEq => x == y,
                O::FloatNe => x != y,
                O::FloatGt => x > y,
                _ => x >= y,
            })
        }
        (O::BoolNot, [C::Bool(x)]) => b(!x),
        (O::CastBoolToInt, [C::Bool(x)]) => Some(C::Signed(*x as i64)),
        (O::CastIntToFloat, [C::Signed(x)]) => Some(C::Float(*x as f64)),
        (O::CastCharToInt, [C::Char(x)]) => Some(C::Signed(*x as i64)),
        (O::CastUniCharToInt, [C::UniChar(x)]) => Some(C::Signed(*x as i64)),
        (O::CastIntToChar, [C::Signed(x)]) => Some(C::Char(*x as u8)),
        (O::CastIntToUniChar, [C::Signed(x)]) => Some(C::UniChar(*x as u32)),
        (O::PtrIsNull | O::PtrNonNull, [x]) => {
            let null = match x {
                C::Null(_) => true,
                C::Prebuilt(..) => false,
                _ => return None,
            };
            b(null == (op == O::PtrIsNull))
        }
        (O::PtrEq | O::PtrNe, [x, y]) => {
            let same = match (x, y) {
                (C::Null(_), C::Null(_)) => true,
                (C::Prebuilt(i, _), C::Prebuilt(j, _)) => i == j,
                (C::Null(_), C::Prebuilt(..)) | (C::Prebuilt(..), C::Null(_)) => false,
                _ => return None,
            };
            b(same == (op == O::PtrEq))
        }
        _ => None,
    }
}
