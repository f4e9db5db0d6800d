//! Common subexpression elimination of pure ops.
//!
//! A `canfold` or `pure` op (`arraylen_gc`, `gettypeid`, `call_pure_*`)
//! repeated with the same arguments and descriptor gives the earlier
//! result (commutative ops match either order). A `call_loopinvariant_*`
//! of the same function gives the earlier result whatever its arguments
//! (RPython's rule: one value per loop). A dropped call takes its
//! `guard_no_exception` with it (the driver does that).
//!
//! Not done: merging `_ovf` ops (their guard would need merging too).

use std::collections::HashMap;

use rpy_jitformat::DescrRef;
use rpy_jittrace::{Const, Op, OpCode, Value};

use crate::optimizer::{Action, Optimizer};
use crate::InvalidLoop;

type Key = (OpCode, Vec<Value>, Option<DescrRef>);

#[derive(Clone, Debug, Default)]
pub struct PureCache {
    pub table: HashMap<Key, Value>,
}

fn order(v: &Value) -> (u8, u64) {
    match *v {
        Value::Var(x) => (0, x.as_u32() as u64),
        Value::Const(Const::Int(i)) => (1, i as u64),
        Value::Const(Const::Ref(p)) => (2, p as u64),
        Value::Const(Const::Float(f)) => (3, f.to_bits()),
    }
}

fn key(op: &Op) -> Option<Key> {
    if op.opcode.is_call_loopinvariant() {
        return Some((op.opcode, vec![op.args[0]], op.descr_ref()));
    }
    if !op.opcode.is_pure() {
        return None;
    }
    let mut args = op.args.clone();
    if op.opcode.is_commutative() {
        args.sort_by_key(order);
    }
    Some((op.opcode, args, op.descr_ref()))
}

pub fn optimize(opt: &mut Optimizer, op: &mut Op) -> Result<Action, InvalidLoop> {
    if let Some(k) = key(op) {
        if let Some(&v) = opt.pure.table.get(&k) {
            if op.opcode.result_kind() == rpy_jitformat::Kind::Void {
                return Ok(Action::Remove);
            }
            return Ok(Action::Replace(v));
        }
    }
    Ok(Action::Emit)
}

pub fn emitted(opt: &mut Optimizer, op: &Op, result: Value) {
    if let Some(k) = key(op) {
        opt.pure.table.entry(k).or_insert(result);
    }
}
