//! The rtyper: chooses a low-level representation for every annotation and
//! rewrites each flow op into low-level ops (`llop`) over machine types
//! (`lltype`). Output: `LlGraph`s, the same graph shape as flow graphs.

pub mod llop;
pub mod lltype;

pub use llop::LlOp;
pub use lltype::{GcType, GcTypeId, Ll, LlConst, LlGraph, LlProgram, LowType, Prebuilt, TypeTable};
