//! Loop peeling (RPython's unroll, by LuaJIT's copy-substitution): the
//! loop body is optimised twice in one optimiser, first as the preamble,
//! then as the loop, so the loop copy finds what the preamble computed.
//!
//! Input: `label(L, T0) body jump(J, T0)`. Steps:
//! 1. Optimise the preamble: the label, then the body; the jump's mapped
//!    arguments J' are the values the first loop iteration starts with.
//! 2. Optimise the body again. Each label argument L[k] stands for J'[k]
//!    itself (assumed invariant) or, if position k is known to vary, for a
//!    placeholder with no facts. Caches and facts of the preamble stay, so
//!    pure ops of invariant values, guards on them and loads from them
//!    become preamble values: that is the hoisting. A heap entry of the
//!    preamble that the loop uses is assumed unchanged by the loop (the
//!    preamble's value serves) or, once known to change, becomes a
//!    placeholder too; allocations lose their freshness.
//! 3. At the loop's jump, check the assumptions: an invariant position
//!    must get J'[k] back, an entry assumed unchanged must still hold the
//!    preamble's value, and every placeholder's entry must still be in the
//!    cache (its current value is what the next iteration starts with).
//!    If one fails, mark it (variant position or entry, or entry not
//!    imported) and start again from step 1; the marks only grow, so this
//!    ends.
//! 4. Build the result: preamble, then `label(slots, T1)` where the slots
//!    are the placeholders (a `same_as` of their preamble value, or the
//!    value itself when that is unambiguous) and every preamble value the
//!    loop uses; then the loop; then `jump(slot values, T1)`.
//!
//! If the loop copy shows the loop can never complete an iteration, or
//! the shape is not a simple loop, the trace is optimised without peeling.
//! Guards copied into the loop keep their resume ids (both copies resume
//! at the same place).
//!
//! Not done: a short preamble for bridges entering T1 (they enter T0),
//! virtual state, bounds carried around the loop.

use rpy_jitformat::{DescrRef, Descrs};
use rpy_jittrace::{FailArg, Op, OpCode, OpDescr, TargetToken, Trace, TraceBuilder, Value, Var};

use crate::optimizer::{run_passes, Optimizer};
use crate::{InvalidLoop, Passes};

type HeapKey = (DescrRef, Value, Option<Value>);

#[derive(Clone, Debug)]
pub struct Placeholder {
    /// The `same_as` op standing for it in the optimiser's output.
    pub var: Var,
    /// The preamble value the first iteration starts with.
    pub source: Value,
    /// For a label argument: its position.
    pub position: Option<usize>,
    /// For a heap entry: its key.
    pub heap_key: Option<HeapKey>,
}

#[derive(Clone, Debug, Default)]
pub struct LoopCopy {
    pub placeholders: Vec<Placeholder>,
    /// Heap entries of the preamble that may change between iterations:
    /// the loop reads them through a placeholder.
    pub variant_heap: Vec<HeapKey>,
    /// Heap entries the loop assumed invariant (it uses the preamble's
    /// value directly), with that value: checked at the jump.
    pub assumed: Vec<(HeapKey, Value)>,
}

/// The heap pass found entry `k`: its value, through a placeholder when
/// the entry comes from the preamble.
pub fn use_entry(opt: &mut Optimizer, k: usize) -> Value {
    let (d, e) = opt.heap.entries[k].clone();
    if !e.imported || opt.loop_copy.is_none() {
        return e.value;
    }
    let key = (d, e.obj, e.index);
    let copy = opt.loop_copy.as_mut().unwrap();
    if !copy.variant_heap.contains(&key) {
        // Assume the loop leaves it unchanged (checked at the jump): the
        // preamble's value serves every iteration, like an invariant
        // label argument.
        copy.assumed.push((key, e.value));
        opt.heap.entries[k].1.imported = false;
        return e.value;
    }
    let kind = opt.out.kind_of(e.value);
    let same_as = OpCode::same_as_for(kind).expect("heap values have a kind");
    let ph = opt.emit_raw(Op::new(same_as, vec![e.value], OpDescr::None));
    opt.loop_copy
        .as_mut()
        .unwrap()
        .placeholders
        .push(Placeholder {
            var: ph.as_var().unwrap(),
            source: e.value,
            position: None,
            heap_key: Some(key),
        });
    let entry = &mut opt.heap.entries[k].1;
    entry.value = ph;
    entry.imported = false;
    ph
}

enum Attempt {
    Done(Trace),
    Retry {
        variant: Vec<usize>,
        blacklist: Vec<HeapKey>,
        variant_heap: Vec<HeapKey>,
    },
    GiveUp,
}

fn is_simple_loop(trace: &Trace) -> bool {
    let (Some(first), Some(last)) = (trace.ops.first(), trace.ops.last()) else {
        return false;
    };
    first.opcode == OpCode::Label
        && last.opcode == OpCode::Jump
        && first.target().is_some()
        && first.target() == last.target()
        && trace.ops[1..].iter().all(|op| op.opcode != OpCode::Label)
}

pub fn optimize_loop(
    trace: &Trace,
    descrs: &Descrs,
    passes: Passes,
    new_token: TargetToken,
) -> Result<Trace, InvalidLoop> {
    let passes = passes.without(Passes::UNROLL);
    if !is_simple_loop(trace) {
        return run_passes(trace, descrs, passes);
    }
    let n = trace.ops[0].args.len();
    let mut variant = vec![false; n];
    let mut blacklist: Vec<HeapKey> = Vec::new();
    let mut variant_heap: Vec<HeapKey> = Vec::new();
    for _ in 0..(n + 64) {
        let marks = (&variant[..], &blacklist[..], &variant_heap[..]);
        match attempt(trace, descrs, passes, new_token, marks)? {
            Attempt::Done(t) => return Ok(t),
            Attempt::Retry {
                variant: v,
                blacklist: b,
                variant_heap: h,
            } => {
                for k in v {
                    variant[k] = true;
                }
                blacklist.extend(b);
                variant_heap.extend(h);
            }
            Attempt::GiveUp => break,
        }
    }
    run_passes(trace, descrs, passes)
}

fn attempt(
    trace: &Trace,
    descrs: &Descrs,
    passes: Passes,
    new_token: TargetToken,
    (variant, blacklist, variant_heap): (&[bool], &[HeapKey], &[HeapKey]),
) -> Result<Attempt, InvalidLoop> {
    let last = trace.ops.len() - 1;
    let label = &trace.ops[0];
    let mut opt = Optimizer::new(trace, descrs, passes);
    // 1. The preamble.
    let args: Vec<Value> = label.args.iter().map(|&a| opt.get_raw(a)).collect();
    let v = opt.emit_raw(Op::new(OpCode::Label, args, label.descr.clone()));
    opt.set(trace.op_var(0), v);
    for i in 1..last {
        opt.process(trace, i)?;
    }
    let jprime = opt.map_op(&trace.ops[last]).args;
    let loop_start = opt.out.len();
    // 2. The loop copy.
    opt.loop_copy = Some(LoopCopy {
        variant_heap: variant_heap.to_vec(),
        ..LoopCopy::default()
    });
    for i in &mut opt.info {
        i.fresh = false;
    }
    opt.heap
        .entries
        .retain(|(d, e)| !blacklist.contains(&(*d, e.obj, e.index)));
    for (_, e) in &mut opt.heap.entries {
        e.imported = true;
    }
    for (k, &a) in label.args.iter().enumerate() {
        let var = a.as_var().expect("check_trace: label arguments are vars");
        if variant[k] {
            let kind = trace.kind_of(a);
            let ph = opt.emit_raw(Op::new(
                OpCode::same_as_for(kind).unwrap(),
                vec![jprime[k]],
                OpDescr::None,
            ));
            opt.loop_copy
                .as_mut()
                .unwrap()
                .placeholders
                .push(Placeholder {
                    var: ph.as_var().unwrap(),
                    source: jprime[k],
                    position: Some(k),
                    heap_key: None,
                });
            opt.set(var, ph);
        } else {
            opt.set(var, jprime[k]);
        }
    }
    for i in 1..last {
        if opt.process(trace, i).is_err() {
            return Ok(Attempt::GiveUp);
        }
    }
    let jl = opt.map_op(&trace.ops[last]).args;
    // 3. Check the assumptions.
    let moved: Vec<usize> = (0..jl.len())
        .filter(|&k| !variant[k] && jl[k] != jprime[k])
        .collect();
    let copy = opt.loop_copy.take().unwrap();
    let mut lost = Vec::new();
    let mut slot_values = Vec::new();
    for ph in &copy.placeholders {
        match (ph.position, ph.heap_key) {
            (Some(k), _) => slot_values.push(jl[k]),
            (None, Some(key)) => {
                let found = opt
                    .heap
                    .entries
                    .iter()
                    .find(|(d, e)| (*d, e.obj, e.index) == key);
                match found {
                    Some((_, e)) => slot_values.push(e.value),
                    None => lost.push(key),
                }
            }
            (None, None) => unreachable!("a placeholder stands for a position or an entry"),
        }
    }
    // An entry assumed invariant must still hold the preamble's value.
    let changed: Vec<HeapKey> = copy
        .assumed
        .iter()
        .filter(|(key, v)| {
            !opt.heap
                .entries
                .iter()
                .any(|(d, e)| (*d, e.obj, e.index) == *key && e.value == *v)
        })
        .map(|(key, _)| *key)
        .collect();
    if !moved.is_empty() || !lost.is_empty() || !changed.is_empty() {
        return Ok(Attempt::Retry {
            variant: moved,
            blacklist: lost,
            variant_heap: changed,
        });
    }
    Ok(Attempt::Done(assemble(
        opt.out.into_trace(),
        loop_start,
        &copy,
        slot_values,
        new_token,
    )))
}

/// Step 4: preamble, slots, label, loop, jump.
fn assemble(
    out: Trace,
    loop_start: usize,
    copy: &LoopCopy,
    slot_values: Vec<Value>,
    token: TargetToken,
) -> Trace {
    let preamble_var = |v: Value| -> bool {
        v.as_var()
            .is_some_and(|x| out.var_op(x).is_none_or(|i| i < loop_start))
    };
    let is_placeholder = |i: usize| {
        copy.placeholders
            .iter()
            .any(|p| out.var_op(p.var) == Some(i))
    };
    // Preamble values the loop uses: invariant slots.
    let mut invariants: Vec<Value> = Vec::new();
    let note = |v: Value, invariants: &mut Vec<Value>| {
        if preamble_var(v) && !invariants.contains(&v) {
            invariants.push(v);
        }
    };
    for (i, op) in out.ops.iter().enumerate().skip(loop_start) {
        if is_placeholder(i) {
            continue;
        }
        for &a in &op.args {
            note(a, &mut invariants);
        }
        for fa in op.fail_args() {
            match *fa {
                FailArg::Value(v) => note(v, &mut invariants),
            }
        }
    }
    for &v in &slot_values {
        note(v, &mut invariants);
    }
    let mut b = TraceBuilder::new(&out.inputargs);
    let mut remap: Vec<Option<Value>> = vec![None; out.num_vars()];
    for (i, slot) in remap.iter_mut().enumerate().take(out.inputargs.len()) {
        *slot = Some(b.inputarg(i));
    }
    let rv = |remap: &Vec<Option<Value>>, v: Value| -> Value {
        match v {
            Value::Var(x) => remap[x.as_u32() as usize].expect("assemble: defined before use"),
            c => c,
        }
    };
    let copy_op = |remap: &Vec<Option<Value>>, op: &Op| -> Op {
        let mut new = op.clone();
        for a in &mut new.args {
            *a = rv(remap, *a);
        }
        if let Some(g) = &mut new.guard {
            for fa in &mut g.fail_args {
                *fa = match *fa {
                    FailArg::Value(v) => FailArg::Value(rv(remap, v)),
                };
            }
        }
        new
    };
    for (i, op) in out.ops.iter().enumerate().take(loop_start) {
        let v = b.push(copy_op(&remap, op));
        remap[out.op_var(i).as_u32() as usize] = Some(v);
    }
    // Slots: placeholders first, then invariants.
    let mut label_args: Vec<Value> = Vec::new();
    let mut jump_args: Vec<Value> = Vec::new();
    for (ph, &jv) in copy.placeholders.iter().zip(&slot_values) {
        let src = rv(&remap, ph.source);
        let shared = invariants.contains(&ph.source)
            || label_args.contains(&src)
            || copy
                .placeholders
                .iter()
                .filter(|p| p.source == ph.source)
                .count()
                > 1;
        let slot = if src.as_var().is_some() && !shared {
            src
        } else {
            let same_as = OpCode::same_as_for(out.var_kind(ph.var)).unwrap();
            b.push(Op::new(same_as, vec![src], OpDescr::None))
        };
        remap[ph.var.as_u32() as usize] = Some(slot);
        label_args.push(slot);
        jump_args.push(jv);
    }
    for &v in &invariants {
        label_args.push(rv(&remap, v));
        jump_args.push(v);
    }
    b.label(&label_args, token);
    for (i, op) in out.ops.iter().enumerate().skip(loop_start) {
        if is_placeholder(i) {
            continue;
        }
        let v = b.push(copy_op(&remap, op));
        remap[out.op_var(i).as_u32() as usize] = Some(v);
    }
    let jump_args: Vec<Value> = jump_args.into_iter().map(|v| rv(&remap, v)).collect();
    b.jump(&jump_args, token)
}
