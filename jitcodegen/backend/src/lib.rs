//! The Cranelift backend of the tracing JIT: traces (loops and bridges) to
//! machine code with cranelift-jit, with the trace interpreter
//! (`rpy_jittrace::interp`) as its oracle.
//!
//! # Entry and exit protocol
//!
//! Every compiled trace is one function with Cranelift's `tail` calling
//! convention, `fn(frame: *mut u64, entry: i64) -> i64`:
//! * `frame` is a buffer of 64-bit words owned by the caller, at least
//!   `Backend::frame_slots()` long. A value of kind `Int` is stored as its
//!   i64, a `Float` as its IEEE bits, a `Ref` as the object's address.
//! * On entry `entry == 0` means "start at the input arguments", which are
//!   in `frame[0..n]`; `entry == k` means "start at the trace's k-th
//!   `label`", whose arguments are in `frame[0..n]`.
//! * On exit the function has written the values of the exit (a guard's
//!   fail args, or the `finish`'s value) into `frame[0..m]` and returns
//!   the exit's number, an `ExitId` unique in the backend; `Backend::exit`
//!   says which guard (and resume id) or finish it is and the kinds of the
//!   values.
//! * A guard's failure path writes its fail args, then loads its slot in
//!   the trace's guard table: null means return the exit number; an
//!   address means tail-call that bridge (`return_call_indirect`) with the
//!   same frame and `entry = 0`. Attaching a bridge is one store into the
//!   slot. A `jump` to a label of the same trace is a branch; a `jump` to
//!   another compiled loop's label stores its arguments in the frame and
//!   tail-calls that loop with the label's entry number. So control never
//!   returns through Rust until a guard without a bridge fails or a
//!   `finish` is reached.
//! * Rust enters through a trampoline compiled once per backend (host
//!   convention to tail convention): `Backend::execute` /
//!   `Backend::execute_label`.
//!
//! # Runtime environment
//!
//! `JitEnv` holds the addresses compiled code uses (exception state,
//! shadow-stack top, nursery bounds, `rpy_malloc`, write-barrier slow
//! paths, the collector kind); they are embedded as constants. GC refs
//! live across a call whose descriptor says `can_collect`, or across the
//! slow path of an allocation, are pushed on the shadow stack and reloaded
//! after, as translated code does. Ref constants inside the prebuilt
//! ranges of `JitEnv` (and null) are embedded in the code; any other is
//! loaded at each use from the trace's constant pool
//! (`Backend::const_pool`), which the GC must treat as a root and update.
//!
//! **Invariant:** the backend never reads the GC heap while compiling.
//! **Invariant:** no global mutable state: one `Backend` owns the JIT
//! module, the compiled traces, their guard tables and constant pools.
//!
//! `lower` holds the Python-semantics lowering of primitive ops shared
//! (in time) with the AOT code generator.

mod backend;
mod compile;
pub mod env;
pub mod lower;

use std::fmt;

pub use backend::{
    const_to_word, word_to_const, Backend, CompiledTrace, ExitId, ExitInfo, ExitKind,
};
pub use env::JitEnv;

/// A trace the backend cannot compile (a bug in the trace, or a
/// Cranelift error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub op: Option<usize>,
    pub msg: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.op {
            Some(i) => write!(f, "op {i}: {}", self.msg),
            None => write!(f, "{}", self.msg),
        }
    }
}

impl std::error::Error for CompileError {}
