//! Syntax errors: tree-sitter's `ERROR` and `MISSING` nodes as diagnostics.
//!
//! tree-sitter recovers from errors by wrapping the tokens it could not fit
//! in an `ERROR` node, or by inventing a zero-width `MISSING` token. We
//! report the outermost `ERROR` nodes (an inner one is usually a consequence
//! of the outer) and every `MISSING` node:
//! - `MISSING x` -> "syntax error: expected 'x'" at the place it is missing;
//! - `ERROR` -> "syntax error: unexpected 'tok'" at its first token, or
//!   "expected ':'" when the error follows the header of a compound
//!   statement that lacks its colon (the most common Python slip).

use super::Lower;
use tree_sitter::Node;

pub(super) fn collect(cx: &mut Lower, root: Node) {
    walk(cx, root);
}

fn walk(cx: &mut Lower, node: Node) {
    if node.is_missing() {
        let what = if node.is_named() { node.kind().replace('_', " ") } else { format!("'{}'", node.kind()) };
        cx.error(node, format!("syntax error: expected {what}"));
        return;
    }
    if node.is_error() {
        report_error(cx, node);
        return;
    }
    if !node.has_error() {
        return;
    }
    let mut cursor = node.walk();
    let children: Vec<Node> = node.children(&mut cursor).collect();
    for child in children {
        walk(cx, child);
    }
}

const COLON_HEADERS: &[&str] = &[
    "if_statement",
    "elif_clause",
    "while_statement",
    "for_statement",
    "function_definition",
    "class_definition",
    "try_statement",
    "except_clause",
    "with_statement",
];

fn report_error(cx: &mut Lower, node: Node) {
    // A compound statement whose header has no ':' yet: the ERROR follows
    // the header and the statement has no ':' token before the ERROR.
    if let Some(parent) = node.parent() {
        if COLON_HEADERS.contains(&parent.kind()) && !has_colon_before(parent, node) {
            let at = node.prev_sibling().unwrap_or(node);
            let span = cx.span(at);
            let span = crate::span::Span { line: span.end_line, col: span.end_col, ..span };
            cx.diags.push(crate::diag::Diagnostic::new(span, "syntax error: expected ':'"));
            return;
        }
    }
    match first_leaf(node) {
        Some(tok) => {
            let text = cx.text_of(tok);
            let shown: String = text.chars().take(30).collect();
            let msg = if shown.is_empty() {
                "syntax error: unexpected end of input".to_string()
            } else if shown.trim().is_empty() {
                "syntax error: unexpected indentation".to_string()
            } else {
                format!("syntax error: unexpected '{shown}'")
            };
            cx.error(tok, msg);
        }
        None => cx.error(node, "syntax error: invalid syntax"),
    }
}

fn has_colon_before(parent: Node, err: Node) -> bool {
    let mut cursor = parent.walk();
    for c in parent.children(&mut cursor) {
        if c.id() == err.id() {
            return false;
        }
        if c.kind() == ":" && !c.is_missing() {
            return true;
        }
    }
    false
}

fn first_leaf(node: Node) -> Option<Node> {
    let mut n = node;
    loop {
        if n.child_count() == 0 {
            return Some(n);
        }
        let mut cursor = n.walk();
        let next = n.children(&mut cursor).find(|c| c.kind() != "comment");
        n = next?;
    }
}
