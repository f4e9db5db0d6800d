//! The JIT generator's translation-time half (JIT.md, "Layering"): what
//! happens to the low-level program between the rtyper and backend
//! optimisations.
//!
//! - `hints`: the JIT hint ops are stripped (-O0/-O2: the output is the
//!   same as if the JIT did not exist) or rewritten into calls to the JIT
//!   runtime (-Ojit);
//! - `portal`: the interpreter's loop is split at `jit_merge_point` into a
//!   portal graph of (greens, reds);
//! - `warmspot`: the translated side of the portal protocol (exchange
//!   objects, `can_enter_jit` as a call into the JIT runtime);
//! - `codewriter` (with `assembler` and `descrs`): jitcodes and
//!   descriptors for every graph the JIT may enter.

pub mod assembler;
pub mod codewriter;
pub mod descrs;
pub mod hints;
pub mod portal;
pub mod warmspot;
