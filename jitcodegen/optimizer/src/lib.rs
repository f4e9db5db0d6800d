//! The trace optimiser: one pass per file over the trace IR (to come).
