//! Keeping a block's exception switch on a raising op.
//!
//! In a `LastException` block only the block's last op dispatches to the
//! exception links; codegen makes every earlier op that raises return to the
//! caller. A flow op often lowers to a raising call followed by ops that
//! cannot raise (instantiation: `malloc`, `__init__` call, then the instance
//! as result; a call whose result is converted). Those trailing ops move to a
//! new block on the normal link, so the call ends its block and its
//! exceptions reach the handlers of the `try`.

use crate::lltype::{Ll, LlConst, LowType};
use cranelift_entity::SecondaryMap;
use rpy_flow::graph::{BlockData, Exitswitch, Graph, Link, Op, Value};
use rpy_flow::{Block, Var};
use std::collections::HashMap;

/// May `op` set the exception state? A direct call to a runtime function
/// raises only when the `rpy_abi` table says so; every other call, every
/// allocation and every op flagged `canraise` may.
fn may_raise(op: &Op<Ll>) -> bool {
    use crate::llop::LlOp as O;
    match op.kind {
        O::DirectCall => match op.args.first().and_then(|a| a.as_const()) {
            Some(LlConst::Extern(name)) => {
                rpy_abi::runtime_func(name).map_or(true, |f| f.can_raise)
            }
            _ => true,
        },
        O::IndirectCall | O::Malloc | O::MallocVarsize => true,
        k => k.can_raise(),
    }
}

/// Block `b` holds the lowering of its flow ops; the last flow op's ops
/// start at `first`. If `b` switches on the last exception and ops that
/// cannot raise follow the last op (from `first` on) that can, move them,
/// with the normal exit, to a new block.
pub fn end_with_raising_op(
    g: &mut Graph<Ll>,
    types: &mut SecondaryMap<Var, LowType>,
    b: Block,
    first: usize,
) {
    let bd = &g.blocks[b];
    if bd.exitswitch != Exitswitch::LastException || bd.exits.is_empty() {
        return;
    }
    let n = bd.ops.len();
    let Some(k) = (first..n).rev().find(|&i| may_raise(&bd.ops[i])) else {
        return;
    };
    if k + 1 == n {
        return;
    }
    let tail: Vec<Op<Ll>> = g.blocks[b].ops.split_off(k + 1);
    let normal = std::mem::replace(&mut g.blocks[b].exits[0], Link::new(vec![], b));
    // Variables the tail and the normal link use but the tail does not define.
    let mut defined: Vec<Var> = Vec::new();
    let mut live: Vec<Var> = Vec::new();
    let mut note = |a: &Value<LlConst>, defined: &Vec<Var>| {
        if let Value::Var(v) = a {
            if !defined.contains(v) && !live.contains(v) {
                live.push(*v);
            }
        }
    };
    for op in &tail {
        for a in &op.args {
            note(a, &defined);
        }
        defined.push(op.result);
    }
    for a in &normal.args {
        note(a, &defined);
    }
    let mut map: HashMap<Var, Var> = HashMap::new();
    let mut fresh = Vec::new();
    for &v in &live {
        let hint = g.vars[v].hint.clone();
        let nv = g.new_var(hint.as_deref());
        types[nv] = types[v];
        map.insert(v, nv);
        fresh.push(nv);
    }
    let rename = |a: &mut Value<LlConst>| {
        if let Value::Var(v) = a {
            if let Some(n) = map.get(v) {
                *v = *n;
            }
        }
    };
    let mut tail = tail;
    for op in tail.iter_mut() {
        op.args.iter_mut().for_each(rename);
    }
    let mut normal = normal;
    normal.args.iter_mut().for_each(rename);
    let nb = g.blocks.push(BlockData {
        inputargs: fresh,
        ops: tail,
        exitswitch: Exitswitch::None,
        exits: vec![normal],
    });
    // `exits[0]` of a `LastException` block has no exitcase.
    g.blocks[b].exits[0] = Link::new(live.into_iter().map(Value::Var).collect(), nb);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llop::LlOp;
    use crate::lltype::TypeTable;
    use rpy_flow::print::print_graph;
    use rpy_syntax::Span;

    fn op(kind: LlOp, args: Vec<Value<LlConst>>, result: Var) -> Op<Ll> {
        Op {
            kind,
            args,
            result,
            span: Span::NONE,
        }
    }

    /// `try: x = C(n)` lowered as `malloc; __init__ call; same_as`: the
    /// call must end the block that switches on the exception.
    #[test]
    fn trailing_ops_move_to_the_normal_link() {
        let mut g: Graph<Ll> = Graph::new("f", Span::NONE);
        let mut types: SecondaryMap<Var, LowType> = SecondaryMap::new();
        let t = TypeTable::STR;
        let n = g.new_var(Some("n"));
        let (inst, call, x) = (g.new_var(None), g.new_var(None), g.new_var(Some("x")));
        types[inst] = LowType::Ptr(t);
        types[x] = LowType::Ptr(t);
        types[call] = LowType::Void;
        let b = g.startblock;
        g.blocks[b].inputargs = vec![n];
        let v = Value::Var;
        g.blocks[b].ops = vec![
            op(LlOp::Malloc, vec![Value::Const(LlConst::Type(t))], inst),
            op(
                LlOp::DirectCall,
                vec![Value::Const(LlConst::Func(1)), v(inst), v(n)],
                call,
            ),
            op(LlOp::SameAs, vec![v(inst)], x),
        ];
        g.blocks[b].exitswitch = Exitswitch::LastException;
        let (et, ev) = (g.new_var(None), g.new_var(None));
        let mut exc = Link::new(vec![v(et), v(ev)], g.exceptblock);
        exc.exitcase = Some(LlConst::Signed(0));
        exc.last_exception = Some(et);
        exc.last_exc_value = Some(ev);
        g.blocks[b].exits = vec![Link::new(vec![v(x)], g.returnblock), exc];
        end_with_raising_op(&mut g, &mut types, b, 0);
        rpy_flow::check::check_graph(&g).expect("valid graph");
        let text = print_graph(&g);
        let last = g.blocks[b].ops.last().unwrap();
        assert_eq!(last.kind, LlOp::DirectCall, "{text}");
        let nb = g.blocks[b].exits[0].target;
        assert_eq!(g.blocks[nb].ops.len(), 1, "{text}");
        assert_eq!(g.blocks[nb].ops[0].kind, LlOp::SameAs, "{text}");
        assert_eq!(g.blocks[nb].exits[0].target, g.returnblock, "{text}");
        assert_eq!(g.blocks[b].exits[1].target, g.exceptblock, "{text}");
        // A block already ending with its raising op is left alone.
        let before = print_graph(&g);
        end_with_raising_op(&mut g, &mut types, b, 0);
        assert_eq!(print_graph(&g), before);
    }
}
