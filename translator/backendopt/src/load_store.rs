//! Redundant load and store removal within a block.
//!
//! Algorithm, per block, walking the ops with a table of known memory
//! contents `(object, field) -> value`:
//! 1. `getfield(o, f)` with a known value becomes `same_as(value)`;
//!    otherwise its result becomes the known value of `(o, f)`.
//! 2. `setfield(o, f, x)` when `(o, f)` is already known to hold `x` is
//!    dropped. Otherwise every entry for field `f` is forgotten (another
//!    object may be the same one) and `(o, f) -> x` is recorded.
//! 3. `getarraysize(o)` is the same for the object's whole life: a repeat
//!    becomes `same_as` of the first.
//! 4. Calls (`direct_call`, `indirect_call`) and `raise` forget all fields
//!    (a callee may store anything); array lengths survive them.
//!
//! Invariants: only loads and stores are touched (neither raises; when one
//! ending a `LastException` block goes, so does the switch); `same_as` results are
//! cleaned up by `constfold`. Not done: knowledge across blocks, array
//! items, type-based alias analysis (two different struct types could
//! never alias, but field names are treated as global).

use crate::util::{clear_unreachable, settle_exc_switch, subst, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp};
use std::collections::HashMap;

pub fn run(lg: &mut LlGraph, _cx: &Ctx) -> bool {
    let mut changed = false;
    let mut retired = false;
    for b in lg.graph.reachable_blocks() {
        let old_last = lg.graph.blocks[b].ops.last().map(|o| o.result);
        let ops = std::mem::take(&mut lg.graph.blocks[b].ops);
        let mut known: Vec<((LlValue, String), LlValue)> = Vec::new();
        let mut lengths: Vec<(LlValue, LlValue)> = Vec::new();
        let mut out: Vec<Op<Ll>> = Vec::with_capacity(ops.len());
        // Results replaced by `same_as`, so later ops compare equal values.
        let mut copies: HashMap<Var, LlValue> = HashMap::new();
        for mut op in ops {
            for a in op.args.iter_mut() {
                subst(a, &copies);
            }
            if op.kind == LlOp::SameAs {
                copies.insert(op.result, op.args[0].clone());
            }
            match op.kind {
                LlOp::GetField => {
                    if let [obj, Value::Const(LlConst::Field(f))] = &op.args[..] {
                        let key = (obj.clone(), f.clone());
                        if let Some((_, v)) = known.iter().find(|(k, _)| *k == key) {
                            copies.insert(op.result, v.clone());
                            out.push(Op {
                                kind: LlOp::SameAs,
                                args: vec![v.clone()],
                                result: op.result,
                                span: op.span,
                            });
                            changed = true;
                            continue;
                        }
                        known.push((key, Value::Var(op.result)));
                    }
                }
                LlOp::SetField => {
                    if let [obj, Value::Const(LlConst::Field(f)), x] = &op.args[..] {
                        let key = (obj.clone(), f.clone());
                        if known.iter().any(|(k, v)| *k == key && v == x) {
                            changed = true;
                            continue;
                        }
                        known.retain(|((_, kf), _)| kf != f);
                        known.push((key, x.clone()));
                    }
                }
                LlOp::GetArrayLen => {
                    if let Some((_, v)) = lengths.iter().find(|(o, _)| *o == op.args[0]) {
                        copies.insert(op.result, v.clone());
                        out.push(Op {
                            kind: LlOp::SameAs,
                            args: vec![v.clone()],
                            result: op.result,
                            span: op.span,
                        });
                        changed = true;
                        continue;
                    }
                    lengths.push((op.args[0].clone(), Value::Var(op.result)));
                }
                LlOp::DirectCall | LlOp::IndirectCall | LlOp::Raise => known.clear(),
                _ => {}
            }
            out.push(op);
        }
        let bd = &mut lg.graph.blocks[b];
        bd.ops = out;
        // A dropped store or a forwarded load ending a `LastException`
        // block leaves nothing there to raise.
        if settle_exc_switch(bd, old_last) {
            changed = true;
            retired = true;
        }
    }
    if retired {
        clear_unreachable(lg);
    }
    changed
}
