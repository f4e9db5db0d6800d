//! The compiled loops a caller owns: traces by id, where each label token
//! lives, and the bridges attached to guards. The trace interpreter follows
//! jumps and failing guards through it; nothing here is global.

use std::collections::HashMap;

use cranelift_entity::{entity_impl, PrimaryMap};

use crate::model::{TargetToken, Trace};
use crate::resop::OpCode;

/// A trace in a registry.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TraceId(u32);
entity_impl!(TraceId, "trace");

/// A guard of a registered trace: where a bridge attaches.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GuardRef {
    pub trace: TraceId,
    /// Index of the guard op in its trace.
    pub op: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryError {
    /// Another registered trace already has a label with this token.
    DuplicateToken(TargetToken),
    /// The op named is not a guard of that trace.
    NotAGuard(GuardRef),
    /// The guard already has a bridge.
    BridgeExists(GuardRef),
}

#[derive(Default)]
pub struct LoopRegistry {
    traces: PrimaryMap<TraceId, Trace>,
    labels: HashMap<TargetToken, (TraceId, usize)>,
    bridges: HashMap<GuardRef, TraceId>,
}

impl LoopRegistry {
    pub fn new() -> LoopRegistry {
        LoopRegistry::default()
    }

    /// Register a loop (or any trace); its labels become jump targets.
    pub fn add(&mut self, trace: Trace) -> Result<TraceId, RegistryError> {
        let labels: Vec<(TargetToken, usize)> = trace
            .ops
            .iter()
            .enumerate()
            .filter(|(_, op)| op.opcode == OpCode::Label)
            .filter_map(|(i, op)| op.target().map(|t| (t, i)))
            .collect();
        for (t, _) in &labels {
            if self.labels.contains_key(t) {
                return Err(RegistryError::DuplicateToken(*t));
            }
        }
        let id = self.traces.push(trace);
        for (t, i) in labels {
            self.labels.insert(t, (id, i));
        }
        Ok(id)
    }

    /// Register a bridge and attach it to a guard: when that guard fails,
    /// execution continues in the bridge with the guard's fail args as its
    /// input arguments.
    pub fn attach_bridge(
        &mut self,
        guard: GuardRef,
        bridge: Trace,
    ) -> Result<TraceId, RegistryError> {
        let is_guard = self
            .traces
            .get(guard.trace)
            .and_then(|t| t.ops.get(guard.op as usize))
            .is_some_and(|op| op.opcode.is_guard());
        if !is_guard {
            return Err(RegistryError::NotAGuard(guard));
        }
        if self.bridges.contains_key(&guard) {
            return Err(RegistryError::BridgeExists(guard));
        }
        let id = self.add(bridge)?;
        self.bridges.insert(guard, id);
        Ok(id)
    }

    pub fn trace(&self, id: TraceId) -> &Trace {
        &self.traces[id]
    }

    /// Where a label token lives (trace, op index).
    pub fn label(&self, token: TargetToken) -> Option<(TraceId, usize)> {
        self.labels.get(&token).copied()
    }

    pub fn bridge(&self, guard: GuardRef) -> Option<TraceId> {
        self.bridges.get(&guard).copied()
    }
}
