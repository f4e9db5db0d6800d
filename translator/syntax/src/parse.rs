//! The parser: tree-sitter-python's concrete tree lowered to `ast`.
//!
//! Steps, for one file:
//! 1. tree-sitter parses the text (it never fails; it marks bad regions with
//!    `ERROR` and `MISSING` nodes).
//! 2. `errors` turns those nodes into "syntax error: ..." diagnostics. If
//!    there are any, they are returned and lowering is skipped (a broken tree
//!    would only add noise).
//!    Without them, `indent` checks what tree-sitter lets through
//!    (empty blocks, inconsistent indentation).
//! 3. `stmt` and `expr` lower the tree to the typed AST, with `literal`
//!    decoding numbers and strings. Constructs outside RPython are refused
//!    where they are met (`subset` holds the messages), lowering continues
//!    with a placeholder so that every refusal in the file is reported.
//!
//! Positions: tree-sitter gives rows and byte columns; `Lower::span` turns
//! them into 1-based lines and 1-based *character* columns. `end_col` is
//! exclusive (one past the last character), like Python's `end_col_offset`.
//!
//! **Invariant:** no input makes this module panic; every user error is a
//! `Diagnostic` with the span of the offending construct.

mod dump;
mod errors;
mod expr;
mod indent;
mod literal;
mod stmt;
mod subset;

pub use dump::{dump_module, dump_module_with_spans};

use crate::ast::Module;
use crate::diag::Diagnostic;
use crate::span::{FileId, Span};
use tree_sitter::Node;

/// Which Python the source is written in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    Py3,
    Py2,
}

/// Parse one file into a module. All syntax and subset errors found are
/// returned, not just the first.
pub fn parse_module(
    file: FileId,
    text: &str,
    name: &str,
    dialect: Dialect,
) -> Result<Module, Vec<Diagnostic>> {
    let mut parser = tree_sitter::Parser::new();
    if parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .is_err()
    {
        panic!("tree-sitter-python grammar is incompatible with the tree-sitter runtime");
    }
    // A UTF-8 byte order mark is not part of the program (columns on the
    // first line are counted after it, as Python does).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = Lower::new(file, text, dialect);
    let Some(tree) = parser.parse(text, None) else {
        panic!("tree-sitter returned no tree without a timeout or cancellation");
    };
    let root = tree.root_node();
    let mut lower = lower;
    if root.has_error() {
        errors::collect(&mut lower, root);
    } else {
        indent::check(&mut lower, root);
    }
    if !lower.diags.is_empty() {
        return Err(lower.diags);
    }
    let body = stmt::lower_block_children(&mut lower, root);
    let span = lower.span(root);
    if lower.diags.is_empty() {
        Ok(Module {
            name: name.to_string(),
            body,
            span,
        })
    } else {
        lower.diags.sort_by_key(|d| (d.span.line, d.span.col));
        Err(lower.diags)
    }
}

/// The state of lowering one file: the text, where lines start, the
/// diagnostics found so far and how deep in function bodies we are.
pub(crate) struct Lower<'a> {
    pub file: FileId,
    pub text: &'a str,
    pub dialect: Dialect,
    line_starts: Vec<usize>,
    line_ascii: Vec<bool>,
    pub diags: Vec<Diagnostic>,
    /// Number of enclosing `def` bodies (nested ones are refused).
    pub func_depth: u32,
    /// Current expression nesting, bounded to protect the stack.
    pub expr_depth: u32,
    pub depth_reported: bool,
    /// py2: `from __future__ import print_function` was seen (`print(...)`
    /// is then a call of the builtin).
    pub print_function: bool,
    /// py2: `from __future__ import division` was seen (`/` is then true
    /// division; otherwise it is `BinOp::ClassicDiv`).
    pub true_division: bool,
    /// The file declares Latin-1 (`crate::source_encoding`): a py2 byte
    /// string holds one byte per char.
    pub latin1_source: bool,
}

impl<'a> Lower<'a> {
    fn new(file: FileId, text: &'a str, dialect: Dialect) -> Self {
        let mut line_starts = vec![0];
        let mut line_ascii = Vec::new();
        let mut ascii = true;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
                line_ascii.push(ascii);
                ascii = true;
            } else if b >= 0x80 {
                ascii = false;
            }
        }
        line_ascii.push(ascii);
        Lower {
            file,
            text,
            dialect,
            line_starts,
            line_ascii,
            diags: Vec::new(),
            func_depth: 0,
            expr_depth: 0,
            depth_reported: false,
            print_function: false,
            true_division: false,
            latin1_source: crate::source_encoding::declared(text.as_bytes())
                == Ok(Some(crate::source_encoding::SourceEncoding::Latin1)),
        }
    }

    /// 1-based character column of byte offset `byte` on 0-based row `row`.
    fn column(&self, row: usize, byte: usize) -> u32 {
        let Some(&start) = self.line_starts.get(row) else {
            return 1;
        };
        let byte = byte.max(start);
        let n = if self.line_ascii[row] {
            byte - start
        } else {
            match self.text.get(start..byte) {
                Some(s) => s.chars().count(),
                None => byte - start,
            }
        };
        n as u32 + 1
    }

    pub fn span(&self, node: Node) -> Span {
        let (s, e) = (node.start_position(), node.end_position());
        Span {
            file: self.file,
            line: s.row as u32 + 1,
            col: self.column(s.row, node.start_byte()),
            end_line: e.row as u32 + 1,
            end_col: self.column(e.row, node.end_byte()),
        }
    }

    /// From the start of `a` to the end of `b`.
    pub fn span2(&self, a: Node, b: Node) -> Span {
        let (sa, sb) = (self.span(a), self.span(b));
        Span {
            end_line: sb.end_line,
            end_col: sb.end_col,
            ..sa
        }
    }

    pub fn text_of(&self, node: Node) -> &'a str {
        self.text.get(node.byte_range()).unwrap_or("")
    }

    pub fn error(&mut self, node: Node, message: impl Into<String>) {
        let span = self.span(node);
        self.diags.push(Diagnostic::new(span, message));
    }
}

/// The named children of `node`, without comments and line continuations
/// (which may appear anywhere in the tree).
pub(crate) fn named_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|c| !is_extra(*c))
        .collect()
}

/// All children (named and anonymous), without comments.
pub(crate) fn all_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor)
        .filter(|c| !is_extra(*c))
        .collect()
}

/// Children of `node` under field `field`.
pub(crate) fn field_children<'t>(node: Node<'t>, field: &str) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children_by_field_name(field, &mut cursor)
        .filter(|c| !is_extra(*c))
        .collect()
}

fn is_extra(n: Node) -> bool {
    matches!(n.kind(), "comment" | "line_continuation")
}
