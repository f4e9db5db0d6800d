//! Restricted-Python syntax: source files, spans, the typed AST, and the
//! parser that lowers tree-sitter-python's concrete tree into that AST.
//!
//! **Architecture invariant:** this crate knows nothing of flow graphs or
//! types. It only says what the source *says*, and refuses constructs that
//! RPython never accepts (lambda, generators, closures, `*args`, ...), each
//! with a `Diagnostic` that carries the span of the construct.

pub mod ast;
pub mod diag;
pub mod parse;
pub mod source_encoding;
pub mod span;

pub use diag::{Diagnostic, Note};
pub use span::{FileId, SourceMap, Span};
