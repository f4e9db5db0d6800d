//! tree-sitter-python's concrete tree lowered to `ast`. (In progress.)
use crate::ast::Module;
use crate::diag::Diagnostic;
use crate::span::FileId;

/// Which Python the source is written in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    Py3,
    Py2,
}

/// Parse one file into a module. All syntax and subset errors found are
/// returned, not just the first.
pub fn parse_module(_file: FileId, _text: &str, _name: &str, _dialect: Dialect) -> Result<Module, Vec<Diagnostic>> {
    todo!("parser")
}
