//! The JIT runtime, linked into -Ojit executables only (JIT.md,
//! "Layering"): the decoded jitcodes (`program`), the blackhole
//! interpreter (`blackhole`), warm-up (`warmup`), and the context with the
//! C ABI entry points of the portal protocol (`context`).

pub mod blackhole;
pub mod context;
pub mod mem;
pub mod program;
pub mod pure;
pub mod warmup;
