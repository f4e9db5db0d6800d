//! What a call may write (RPython's `writeanalyze`): for each graph, the
//! field names and array types its stores reach, its own and its callees'.
//! Passes that remember memory contents across a call forget only that.
//!
//! A store's target is named by field name (objects of two struct types
//! that share a field name are not told apart, the same rule the
//! `redundancy` pass uses) and by array type (arrays of two types never
//! alias). `anything` covers what cannot be followed: indirect calls,
//! runtime functions given a GC pointer (they may store into it), and
//! calls on a cycle still being summarised. Runtime functions without
//! pointer arguments write no object of the program. Allocation writes
//! only the fresh object.
//!
//! Summaries are cached for a whole `run_passes`: passes only remove
//! stores or move a callee's stores into its caller, so a summary computed
//! earlier stays a superset.

use rpy_flow::graph::Value;
use rpy_rtyper::{LlConst, LlGraph, LlOp, LowType};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Writes {
    pub anything: bool,
    pub fields: BTreeSet<String>,
    pub arrays: Vec<LowType>,
}

impl Writes {
    fn everything() -> Self {
        Writes {
            anything: true,
            ..Writes::default()
        }
    }

    fn add(&mut self, other: &Writes) {
        self.anything |= other.anything;
        self.fields.extend(other.fields.iter().cloned());
        for t in &other.arrays {
            self.add_array(*t);
        }
    }

    fn add_array(&mut self, t: LowType) {
        if !self.arrays.contains(&t) {
            self.arrays.push(t);
        }
    }
}

/// Summaries by graph index; `None` while a graph is being summarised.
#[derive(Default)]
pub struct Cache {
    done: RefCell<HashMap<u32, Option<Writes>>>,
}

impl Cache {
    /// What calling `graphs[k]` may write.
    pub fn of_graph(&self, graphs: &[LlGraph], k: u32) -> Writes {
        if let Some(w) = self.done.borrow().get(&k) {
            return w.clone().unwrap_or_else(Writes::everything);
        }
        let Some(g) = graphs.get(k as usize) else {
            return Writes::everything();
        };
        self.done.borrow_mut().insert(k, None);
        let mut w = Writes::default();
        for b in g.graph.reachable_blocks() {
            for op in &g.graph.blocks[b].ops {
                w.add(&self.of_op(graphs, g, op));
                if w.anything {
                    break;
                }
            }
        }
        self.done.borrow_mut().insert(k, Some(w.clone()));
        w
    }

    /// What one op of graph `g` may write.
    pub fn of_op(
        &self,
        graphs: &[LlGraph],
        g: &LlGraph,
        op: &rpy_flow::graph::Op<rpy_rtyper::Ll>,
    ) -> Writes {
        let mut w = Writes::default();
        let type_of = |a: &Value<LlConst>| match a {
            Value::Var(v) => Some(g.var_types[*v]),
            Value::Const(LlConst::Prebuilt(_, t)) => Some(LowType::Ptr(*t)),
            _ => None,
        };
        match op.kind {
            LlOp::SetField => match op.args.get(1) {
                Some(Value::Const(LlConst::Field(f))) => {
                    w.fields.insert(f.clone());
                }
                _ => return Writes::everything(),
            },
            LlOp::SetArrayItem | LlOp::ArrayCopy => {
                let arr = if op.kind == LlOp::SetArrayItem { 0 } else { 1 };
                match op.args.get(arr).and_then(type_of) {
                    Some(t) => w.add_array(t),
                    None => return Writes::everything(),
                }
            }
            LlOp::DirectCall => match op.args.first() {
                Some(Value::Const(LlConst::Func(k))) => return self.of_graph(graphs, *k),
                Some(Value::Const(LlConst::Extern(name))) => {
                    if rpy_abi::gc::HEAP_WRITING_RUNTIME_FUNCS.contains(&name.as_str()) {
                        return Writes::everything();
                    }
                    let reaches_heap = op.args[1..].iter().any(|a| match type_of(a) {
                        Some(LowType::Ptr(_) | LowType::Address) => true,
                        Some(_) => false,
                        None => !matches!(
                            a,
                            Value::Const(
                                LlConst::Signed(_)
                                    | LlConst::Unsigned(_)
                                    | LlConst::Bool(_)
                                    | LlConst::Float(_)
                                    | LlConst::Char(_)
                                    | LlConst::UniChar(_)
                                    | LlConst::Void
                            )
                        ),
                    });
                    if reaches_heap {
                        return Writes::everything();
                    }
                }
                _ => return Writes::everything(),
            },
            LlOp::IndirectCall
            | LlOp::GcPushRoots
            | LlOp::GcReloadRoot
            | LlOp::GcSafepoint
            | LlOp::GcWriteBarrier
            | LlOp::GcWriteBarrierItem => return Writes::everything(),
            _ => {}
        }
        w
    }
}
