//! Runtime library of translated programs (`rpyrt`).
//!
//! Built as a `staticlib` and linked by the system `cc` with the object file
//! Cranelift generates. It implements every function of
//! `rpy_abi::RUNTIME_FUNCS` with exactly the machine types listed there, the
//! exception-state data symbols, and the C `main` that calls the generated
//! `rpy_entry_point`.
//!
//! **Architecture invariant:** this crate depends on no toolchain crate,
//! only on `rpy-abi` (and `ryu`, `libc`).
//!
//! Conventions used throughout:
//! - Pure Rust functions (`format`, `parse`, `arith`, the `*_text` helpers)
//!   hold the semantics and return `Result<_, RtError>`; the `extern "C"`
//!   wrappers only translate between objects and Rust values and turn an
//!   `RtError` into the pending exception. Unit tests use the pure layer.
//! - Nothing may panic across `extern "C"`: errors are handled explicitly;
//!   an allocation failure inside a function the ABI marks as non-raising is
//!   reported like an escaping `MemoryError` and ends the process
//!   (`exc::fatal_memory_error`).
//! - The runtime's global state (heap, exception state, stdout buffer) is
//!   process-wide by nature: it lives in atomics and `Mutex`es, never in
//!   `static mut`.

// The `extern "C"` functions take object pointers from generated code by
// contract (see `rpy_abi`); marking them `unsafe fn` would change nothing
// for their only callers.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod alloc;
pub mod arith;
pub mod builder;
pub mod bytes;
pub mod codec;
pub mod exc;
pub mod fmt_spec;
pub mod format;
pub mod gc;
pub mod hash;
pub mod io;
pub mod obj;
pub mod parse;
pub mod rtmodules;
pub mod stack;
pub mod start;
pub mod str;
pub mod strmethods;
pub mod unicode_printable;
