//! The JIT runtime, linked into -Ojit executables only (JIT.md,
//! "Layering"): the decoded jitcodes (`program`), the blackhole
//! interpreter (`blackhole`), the tracer (`tracer`) and its resume data
//! (`resume`), warm-up (`warmup`), and the context with the
//! C ABI entry points of the portal protocol (`context`).

pub mod blackhole;
pub mod context;
pub mod liveness;
pub mod log;
pub mod loops;
pub mod mem;
pub mod program;
pub mod pure;
pub mod resume;
pub mod tracer;
pub mod warmup;
