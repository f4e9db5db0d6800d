//! The JIT generator's translation-time half (JIT.md, "Layering"): what
//! happens to the low-level program between the rtyper and backend
//! optimisations.
//!
//! - `hints`: the JIT hint ops are stripped (-O0/-O2: the output is the
//!   same as if the JIT did not exist) or rewritten into calls to the JIT
//!   runtime (-Ojit);
//! - `portal`: the interpreter's loop is split at `jit_merge_point` into a
//!   portal graph of (greens, reds).

pub mod hints;
pub mod portal;
