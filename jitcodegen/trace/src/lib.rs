//! The trace IR (JIT.md, "Traces, guards, resume"): one op table
//! (`resop`), SSA values and traces (`model`), a builder for the
//! metainterp and the optimiser (`builder`), the text form (`print`,
//! `parse`, `descr_text`), the verifier (`check`), the one evaluator of
//! pure ops (`eval`), and the trace interpreter backend (`interp`) with
//! its registry of compiled loops (`registry`).
//!
//! **Invariant:** this crate knows nothing of the metainterp: traces are
//! built from text or through `TraceBuilder`, and run alone.

pub mod builder;
pub mod check;
pub mod cursor;
pub mod descr_text;
pub mod eval;
pub mod fake_heap;
pub mod interp;
pub mod model;
pub mod parse;
pub mod print;
pub mod registry;
pub mod resop;

pub use builder::TraceBuilder;
pub use check::{check_trace, TraceError};
pub use cursor::ParseError;
pub use interp::{run, run_trace, Exc, Exit, InterpError, InterpErrorKind, Runtime};
pub use model::{Const, FailArg, GuardData, Op, OpDescr, ResumeId, TargetToken, Trace, Value, Var};
pub use parse::parse_trace;
pub use print::print_trace;
pub use registry::{GuardRef, LoopRegistry, RegistryError, TraceId};
pub use resop::OpCode;
