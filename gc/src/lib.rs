//! The GC transform (to come).
