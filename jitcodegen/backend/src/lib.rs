//! The Cranelift backend: traces to machine code with cranelift-jit (to come).
