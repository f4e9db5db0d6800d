//! Type inference by forward propagation (RPython's annotator).
//!
//! Starting from the entry point with `argv: list[str]`, annotations flow
//! along the links of the flow graphs until nothing changes. Each variable
//! gets one `SomeValue`; when a block is reached again with more general
//! inputs, its annotations are generalised and it is flowed again. Calls
//! connect graphs: arguments flow into the callee's start block, the
//! callee's return annotation flows back to every caller (which is
//! re-flowed when it generalises).
//!
//! **Architecture invariant:** the annotator never changes graph shape; it
//! only records annotations beside the graphs it asked `rpy_flow` for.

pub mod annotate;
pub mod call;
pub mod classdef;
pub mod dictdef;
pub mod list_report;
pub mod model;
pub mod normalize_calls;
pub mod prebuilt_list;
pub mod rules;
pub mod rules_bytes;
pub mod rules_char;
pub mod rules_class;
pub mod rules_dict;
pub mod rules_dunder_str;
pub mod rules_exc;
pub mod rules_isinstance;
pub mod rules_list;
pub mod rules_rlib;
pub mod rules_str;
pub mod rules_super;
pub mod rules_tuple_index;
pub mod rules_widen;
pub mod specialize;

pub use annotate::{AnnGraph, Annotator, GraphId};
pub use model::{ListDefId, SomeValue};
