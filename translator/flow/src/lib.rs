//! Flow graphs.
//!
//! * `graph`: the level-generic graph shape (blocks, links, vars), shared by
//!   flow graphs and the rtyper's low-level graphs.
//! * `model`: the flow level: `FlowOp`, `Const`, and the translation-time
//!   object space (`host`) that constants point into.
//! * `build`: AST function/module body -> flow graph.
//! * `check`: the graph verifier, run after every pass.
//! * `print` / `dot`: text and Graphviz writers; `parse_text` reads the
//!   printed text back.
//! * `eval`: concrete evaluation of flow graphs (module initialisation and
//!   the reference interpreter).
//!
//! **Architecture invariant:** this crate never calls the annotator; the
//! annotator asks it for graphs.

pub mod build;
pub mod check;
pub mod dot;
pub mod eval;
pub mod fold;
pub mod graph;
pub mod host;
pub mod loader;
pub mod mixin;
pub mod model;
pub mod ops;
pub mod parse_text;
pub mod print;
pub mod rlib;
pub mod specialize;

pub use graph::{Block, BlockData, Exitswitch, Graph, Level, Link, Op, Value, Var, VarData};
pub use host::{Builtin, HostId, HostObj, Program};
pub use model::{Const, Flow, FlowGraph};
pub use ops::FlowOp;
