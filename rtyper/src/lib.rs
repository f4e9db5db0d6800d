//! The rtyper: chooses a low-level representation for every annotation and
//! rewrites each flow op into low-level ops (`llop`) over machine types
//! (`lltype`). Output: an `LlProgram` of `LlGraph`s, the same graph shape
//! as flow graphs, plus GC type layouts and prebuilt data.
//!
//! * `repr`: annotation -> low-level type, GC types made on demand.
//! * `rtype`: per-graph driver, links and conversions.
//! * `lower`: one flow op -> low-level ops.
//! * `lower_iter`: `for` over ranges without exceptions.
//! * `helpers`: low-level helper graphs (bounds checks, ranges, ...).

pub mod emit;
pub mod exc_tail;
pub mod fnbuild;
pub mod helpers;
pub mod llop;
pub mod lltype;
pub mod lower;
pub mod lower_call;
pub mod lower_class;
pub mod lower_dict;
pub mod lower_exc;
pub mod lower_iter;
pub mod lower_jit;
pub mod lower_list;
pub mod lower_none;
pub mod lower_rlib;
pub mod lower_spec;
pub mod lower_str;
pub mod lower_super;
pub mod rbytes;
pub mod rchar;
pub mod rclass;
pub mod rdict;
pub mod repr;
pub mod rint_ovf;
pub mod rlist;
pub mod rlist_prebuilt;
pub mod rstr;
pub mod rstr_helpers;
pub mod rtuple;
pub mod rtuple_index;
pub mod rtype;

pub use llop::LlOp;
pub use lltype::{
    GcType, GcTypeId, GraphHints, JitDriverInfo, JitInfo, Layout, Ll, LlConst, LlGraph, LlProgram,
    LlValue, LowType, Prebuilt, TypeTable,
};
pub use rtype::rtype_program;
