//! Indentation errors, checked on the tree.
//!
//! tree-sitter-python's scanner is lenient about indentation: it accepts
//! `def f():` followed by an unindented body (giving an empty block), and a
//! statement indented deeper than its siblings. Python refuses both, so we
//! check, for every `block` and for the module:
//! - a block is not empty ("expected an indented block after 'def'");
//! - a block that does not start on its header's line is indented deeper
//!   than the header's line;
//! - every statement that begins a line starts at the same column as the
//!   first one ("unexpected indent" when deeper, "unindent does not match
//!   any outer indentation level" when shallower).
//!
//! Statements after `;` on the same line are not checked.

use super::{named_children, Lower};
use crate::span::Span;
use tree_sitter::Node;

pub(super) fn check(cx: &mut Lower, root: Node) {
    check_stmts(cx, &named_children(root), 0);
    walk(cx, root);
}

/// Visit the blocks under `node`; only statements can hold blocks, so
/// expressions are not entered.
fn walk(cx: &mut Lower, node: Node) {
    let mut cursor = node.walk();
    let children: Vec<Node> = node.named_children(&mut cursor).collect();
    for child in children {
        let kind = child.kind();
        if kind == "block" {
            check_block(cx, child);
            walk(cx, child);
        } else if kind.ends_with("_statement")
            || kind.ends_with("_definition")
            || kind.ends_with("_clause")
        {
            walk(cx, child);
        }
    }
}

/// Leading whitespace characters of 0-based line `row`.
fn indent_of_row(cx: &Lower, row: usize) -> usize {
    let start = cx.line_starts.get(row).copied().unwrap_or(cx.text.len());
    cx.text[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t' || *c == '\x0c')
        .count()
}

/// Does `node` begin its line (only whitespace before it)?
fn starts_line(cx: &Lower, node: Node) -> bool {
    let start = node.start_byte();
    let line_start = cx
        .line_starts
        .get(node.start_position().row)
        .copied()
        .unwrap_or(0);
    cx.text
        .get(line_start..start)
        .is_some_and(|s| s.chars().all(|c| c == ' ' || c == '\t' || c == '\x0c'))
}

fn check_block(cx: &mut Lower, block: Node) {
    let Some(header) = block.parent() else { return };
    let keyword = header
        .child(0)
        .map(|k| cx.text_of(k).to_string())
        .unwrap_or_default();
    let stmts = named_children(block);
    let Some(first) = stmts.first() else {
        let line = header.start_position().row + 1;
        // Point at the next statement if there is one, else after the header.
        let span = match header.next_sibling().or_else(|| block.next_sibling()) {
            Some(next) => cx.span(next),
            None => {
                let s = cx.span(header);
                Span {
                    line: s.end_line,
                    col: s.end_col,
                    ..s
                }
            }
        };
        cx.diags.push(crate::diag::Diagnostic::new(
            span,
            format!("syntax error: expected an indented block after '{keyword}' on line {line}"),
        ));
        return;
    };
    if !starts_line(cx, *first) {
        return;
    }
    let header_indent = indent_of_row(cx, header.start_position().row);
    let col = indent_of_row(cx, first.start_position().row);
    if col <= header_indent {
        let line = header.start_position().row + 1;
        cx.error(
            *first,
            format!("syntax error: expected an indented block after '{keyword}' on line {line}"),
        );
        return;
    }
    check_stmts(cx, &stmts, col);
}

fn check_stmts(cx: &mut Lower, stmts: &[Node], expected: usize) {
    for (i, s) in stmts.iter().enumerate() {
        if !starts_line(cx, *s) {
            continue;
        }
        let col = indent_of_row(cx, s.start_position().row);
        if col == expected {
            continue;
        }
        let prev_indent = if i > 0 {
            indent_of_row(cx, stmts[i - 1].end_position().row)
        } else {
            0
        };
        if col < prev_indent {
            cx.error(
                *s,
                "syntax error: unindent does not match any outer indentation level",
            );
        } else {
            cx.error(*s, "syntax error: unexpected indent");
        }
        return;
    }
}
