//! The JIT generator: codewriter, metainterp, optimiser, backend, blackhole (to come).
