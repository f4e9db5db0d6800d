//! Low-level graphs to Cranelift IR and native executables (to come).
