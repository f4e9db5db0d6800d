//! The one crate where translation time and run time meet (JIT.md,
//! "Layering"): descriptors of memory layouts and calls, and (to come in
//! `jitcode`) the jitcode instruction table and its binary encoding.
//!
//! Everything here is plain data with indices, never addresses: addresses
//! of functions and prebuilt objects are resolved at run time through
//! tables the code generator emits. Depends on nothing of the toolchain.

pub mod descr;

pub use descr::*;

pub mod encode;
pub mod jitcode;
pub mod params;
pub mod text;
