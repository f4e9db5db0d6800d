//! The heap cache: field and array item reads that are already known.
//!
//! 1. Entries `(object, field) -> value` and `(array, index, arraydescr) ->
//!    value` come from reads (their result) and writes (the value written).
//! 2. A read with an entry for the same object (same output value) becomes
//!    that value; a write of the value already known is removed.
//! 3. A write to a field invalidates the entries of that field on objects
//!    that may alias the written one; an item write those of that array
//!    descriptor on arrays that may alias, except other constant indices.
//!    Two values may alias unless one is an allocation of this trace and
//!    the other a constant, another allocation or a value defined before it.
//! 4. A call invalidates what its EffectInfo says it may write
//!    (`write_fields`, `write_arrays`, or everything); `arraycopy`
//!    invalidates its destination's items. Immutable fields and items are
//!    never invalidated.
//! 5. An allocation of this trace that has not escaped (been stored, passed
//!    to a call or a jump) reads 0 from fields and items never written;
//!    the length of a `new_array` is its argument.
//!
//! Not done: removing writes that are overwritten later (needs the
//! virtuals of allocation removal), caching through guards of other kinds.
//! `imported` entries are the preamble's, used by unroll.

use rpy_jitformat::{DescrRef, Kind};
use rpy_jittrace::{Const, Op, OpCode, Value};

use crate::optimizer::{Action, Optimizer};
use crate::InvalidLoop;

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub obj: Value,
    /// `Some` for array items.
    pub index: Option<Value>,
    pub value: Value,
    /// Known at the start of a peeled loop (from the preamble).
    pub imported: bool,
}

/// Keyed by descriptor: fields and arrays.
#[derive(Clone, Debug, Default)]
pub struct HeapCache {
    pub entries: Vec<(DescrRef, Entry)>,
    /// Array lengths known from `new_array` (array -> length).
    pub lengths: Vec<(Value, Value)>,
}

impl HeapCache {
    fn find(&self, d: DescrRef, obj: Value, index: Option<Value>) -> Option<usize> {
        self.entries
            .iter()
            .position(|(k, e)| *k == d && e.obj == obj && e.index == index)
    }
}

/// May two output values be the same object?
pub fn may_alias(opt: &Optimizer, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let new_distinct = |n: Value, other: Value| -> bool {
        if !opt.info(n).is_new {
            return false;
        }
        match other {
            Value::Const(_) => true,
            Value::Var(o) => opt.info(other).is_new || o < n.as_var().unwrap(),
        }
    };
    if let (Value::Const(x), Value::Const(y)) = (a, b) {
        return x == y;
    }
    // Nothing else can point to an allocation that has not escaped.
    if opt.info(a).fresh || opt.info(b).fresh {
        return false;
    }
    !(new_distinct(a, b) || new_distinct(b, a))
}

fn immutable(opt: &Optimizer, d: DescrRef) -> bool {
    match d {
        DescrRef::Field(f) => opt
            .descrs
            .fields
            .get(f as usize)
            .is_some_and(|f| f.immutable),
        DescrRef::Array(a) => opt
            .descrs
            .arrays
            .get(a as usize)
            .is_some_and(|a| a.immutable_items),
        _ => false,
    }
}

fn kind_of(opt: &Optimizer, d: DescrRef) -> Kind {
    match d {
        DescrRef::Field(f) => opt.descrs.fields[f as usize].kind,
        DescrRef::Array(a) => opt.descrs.arrays[a as usize].item_kind,
        _ => Kind::Void,
    }
}

pub fn optimize(opt: &mut Optimizer, op: &mut Op) -> Result<Action, InvalidLoop> {
    use OpCode::*;
    let Some(d) = op.descr_ref() else {
        return Ok(Action::Emit);
    };
    let (obj, index) = match op.opcode {
        GetfieldGcI | GetfieldGcR | GetfieldGcF | SetfieldGc => (op.args[0], None),
        GetarrayitemGcI | GetarrayitemGcR | GetarrayitemGcF | SetarrayitemGc => {
            (op.args[0], Some(op.args[1]))
        }
        ArraylenGc => {
            let known = opt
                .heap
                .lengths
                .iter()
                .find(|(a, _)| *a == op.args[0])
                .map(|(_, l)| *l);
            return Ok(known.map_or(Action::Emit, Action::Replace));
        }
        _ => return Ok(Action::Emit),
    };
    let hit = opt.heap.find(d, obj, index);
    match op.opcode {
        SetfieldGc | SetarrayitemGc => {
            let value = *op.args.last().unwrap();
            if let Some(k) = hit {
                if opt.heap.entries[k].1.value == value && !opt.heap.entries[k].1.imported {
                    return Ok(Action::Remove);
                }
            }
            Ok(Action::Emit)
        }
        _ => {
            if let Some(k) = hit {
                let v = crate::unroll::use_entry(opt, k);
                return Ok(Action::Replace(v));
            }
            if opt.info(obj).fresh {
                if let Some(z) = Const::zero(kind_of(opt, d)) {
                    return Ok(Action::Replace(Value::Const(z)));
                }
            }
            Ok(Action::Emit)
        }
    }
}

/// Values stored or passed on lose their freshness.
pub fn escape_all(opt: &mut Optimizer, values: &[Value]) {
    for &v in values {
        if let Some(i) = opt.info_mut(v) {
            i.fresh = false;
        }
    }
}

fn invalidate(opt: &mut Optimizer, d: DescrRef, obj: Value, index: Option<Value>) {
    if immutable(opt, d) {
        return;
    }
    let keep: Vec<bool> = opt
        .heap
        .entries
        .iter()
        .map(|(k, e)| {
            if *k != d || !may_alias(opt, e.obj, obj) {
                return true;
            }
            // Different constant indices of the same array stay.
            matches!((e.index, index), (Some(Value::Const(a)), Some(Value::Const(b))) if a != b)
        })
        .collect();
    // A fresh object that loses an entry no longer reads 0 where unknown.
    let lost: Vec<Value> = opt
        .heap
        .entries
        .iter()
        .zip(&keep)
        .filter(|(_, k)| !**k)
        .map(|((_, e), _)| e.obj)
        .collect();
    for o in lost {
        if let Some(i) = opt.info_mut(o) {
            i.fresh = false;
        }
    }
    let mut it = keep.into_iter();
    opt.heap.entries.retain(|_| it.next().unwrap());
}

/// After a call that may write `d`: its entries go, except on objects
/// the call cannot reach (not escaped).
fn forget_descr(opt: &mut Optimizer, d: DescrRef) {
    if !immutable(opt, d) {
        let keep: Vec<bool> = opt
            .heap
            .entries
            .iter()
            .map(|(k, e)| *k != d || opt.info(e.obj).fresh)
            .collect();
        let mut it = keep.into_iter();
        opt.heap.entries.retain(|_| it.next().unwrap());
    }
}

pub fn emitted(opt: &mut Optimizer, op: &Op, result: Value) {
    use OpCode::*;
    let d = op.descr_ref();
    match op.opcode {
        GetfieldGcI | GetfieldGcR | GetfieldGcF => {
            let e = Entry {
                obj: op.args[0],
                index: None,
                value: result,
                imported: false,
            };
            opt.heap.entries.push((d.unwrap(), e));
        }
        GetarrayitemGcI | GetarrayitemGcR | GetarrayitemGcF => {
            let e = Entry {
                obj: op.args[0],
                index: Some(op.args[1]),
                value: result,
                imported: false,
            };
            opt.heap.entries.push((d.unwrap(), e));
        }
        SetfieldGc => {
            escape_all(opt, &op.args[1..]);
            invalidate(opt, d.unwrap(), op.args[0], None);
            let e = Entry {
                obj: op.args[0],
                index: None,
                value: op.args[1],
                imported: false,
            };
            opt.heap.entries.push((d.unwrap(), e));
        }
        SetarrayitemGc => {
            escape_all(opt, &op.args[2..]);
            invalidate(opt, d.unwrap(), op.args[0], Some(op.args[1]));
            let e = Entry {
                obj: op.args[0],
                index: Some(op.args[1]),
                value: op.args[2],
                imported: false,
            };
            opt.heap.entries.push((d.unwrap(), e));
        }
        Arraycopy => {
            escape_all(opt, &op.args[..2]);
            let dst = op.args[1];
            let d = d.unwrap();
            if !immutable(opt, d) {
                let keep: Vec<bool> = opt
                    .heap
                    .entries
                    .iter()
                    .map(|(k, e)| *k != d || !may_alias(opt, e.obj, dst))
                    .collect();
                let mut it = keep.into_iter();
                opt.heap.entries.retain(|_| it.next().unwrap());
            }
        }
        New | NewArray => {
            if let Some(i) = opt.info_mut(result) {
                i.is_new = true;
                i.fresh = true;
            }
            if op.opcode == NewArray {
                opt.heap.lengths.push((result, op.args[0]));
            }
        }
        _ if op.opcode.is_call() => {
            escape_all(opt, &op.args[1..]);
            let Some(cd) = opt.call_descr(op) else { return };
            let e = &cd.effect;
            if e.writes_everything {
                let keep: Vec<bool> = opt
                    .heap
                    .entries
                    .iter()
                    .map(|(k, e)| immutable(opt, *k) || opt.info(e.obj).fresh)
                    .collect();
                let mut it = keep.into_iter();
                opt.heap.entries.retain(|_| it.next().unwrap());
            } else {
                for &f in &e.write_fields {
                    forget_descr(opt, DescrRef::Field(f));
                }
                for &a in &e.write_arrays {
                    forget_descr(opt, DescrRef::Array(a));
                }
            }
        }
        _ => {}
    }
}
