//! Syntax errors: tree-sitter's `ERROR` and `MISSING` nodes as diagnostics.
//!
//! tree-sitter recovers from errors by wrapping the tokens it could not fit
//! in an `ERROR` node, or by inventing a zero-width `MISSING` token. We
//! report every `MISSING` node ("expected 'x'") and the outermost `ERROR`
//! nodes (an inner one is usually a consequence of the outer one). An
//! `ERROR` node only says "somewhere in these tokens", so we guess the
//! culprit with rules tried in order, each matching a common slip:
//! 1. a character no Python token starts with (`$`, `?`) -> invalid character;
//! 2. a compound statement header without its ':' -> "expected ':'";
//! 3. `else`/`elif`/`except`/`finally` with nothing to attach to;
//! 4. a string start with no end -> unterminated string literal;
//!    (4b. `f() = 1` -> "cannot assign to a function call")
//! 5. an opening bracket never closed -> "'(' was never closed";
//! 6. two adjacent tokens on one line that cannot follow each other
//!    (`a b`, `+ *`, `= )`, a statement keyword mid-line) -> "unexpected 'b'";
//! 7. a closing bracket without its opener -> "unmatched ')'";
//! 8. a line ending in an operator -> "expected an expression after '+'";
//! 9. otherwise "unexpected 'tok'" at the first token.

use super::Lower;
use crate::diag::Diagnostic;
use crate::span::Span;
use tree_sitter::Node;

pub(super) fn collect(cx: &mut Lower, root: Node) {
    walk(cx, root);
}

fn walk(cx: &mut Lower, node: Node) {
    if node.is_missing() {
        let what = if node.is_named() {
            node.kind().replace('_', " ")
        } else {
            format!("'{}'", node.kind())
        };
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

const COMPOUND_KEYWORDS: &[&str] = &[
    "if", "elif", "else", "while", "for", "def", "class", "try", "except", "finally", "with",
];

/// Keywords that can only begin a statement.
const STMT_KEYWORDS: &[&str] = &[
    "def", "class", "return", "while", "pass", "break", "continue", "raise", "try", "except",
    "finally", "with", "global", "nonlocal", "del", "assert", "elif",
];

fn after(cx: &Lower, node: Node) -> Span {
    let s = cx.span(node);
    Span {
        line: s.end_line,
        col: s.end_col,
        ..s
    }
}

fn push(cx: &mut Lower, span: Span, msg: String) {
    cx.diags
        .push(Diagnostic::new(span, format!("syntax error: {msg}")));
}

fn report_error(cx: &mut Lower, node: Node) {
    let mut leaves = Vec::new();
    collect_leaves(node, &mut leaves);
    let Some(&first) = leaves.first() else {
        cx.error(node, "syntax error: invalid syntax");
        return;
    };
    // 1. invalid characters
    if let Some(bad) = leaves
        .iter()
        .find(|l| matches!(cx.text_of(**l), "$" | "?" | "`"))
    {
        let msg = format!("invalid character '{}'", cx.text_of(*bad));
        push(cx, cx.span(*bad), msg);
        return;
    }
    // 2. missing ':' after a header, either inside the header's own node or
    // as a bare sequence of tokens starting with the keyword.
    if let Some(parent) = node.parent() {
        if COLON_HEADERS.contains(&parent.kind()) && !has_colon_before(parent, node) {
            let at = node.prev_sibling().unwrap_or(node);
            push(cx, after(cx, at), "expected ':'".to_string());
            return;
        }
    }
    let first_text = cx.text_of(first);
    if COMPOUND_KEYWORDS.contains(&first_text) && !first.is_named() {
        let row = first.start_position().row;
        let header: Vec<Node> = leaves
            .iter()
            .copied()
            .take_while(|l| l.start_position().row == row)
            .collect();
        if !header.iter().any(|l| l.kind() == ":") && unclosed_bracket(&header).is_none() {
            let last = *header.last().unwrap_or(&first);
            push(cx, after(cx, last), "expected ':'".to_string());
            return;
        }
        // 3. a clause with no statement to attach to
        if matches!(first_text, "else" | "elif" | "except" | "finally") {
            let msg = match first_text {
                "except" | "finally" => format!("'{first_text}' without a matching 'try' at the same indentation"),
                _ => format!("'{first_text}' without a matching 'if', 'for', 'while' or 'try' at the same indentation"),
            };
            push(cx, cx.span(first), msg);
            return;
        }
    }
    // 4. unterminated strings
    if let Some(s) = leaves.iter().find(|l| l.kind() == "string_start") {
        push(cx, cx.span(*s), "unterminated string literal".to_string());
        return;
    }
    // 4b. assignment to something that is not a target
    if let Some((culprit, what)) = bad_assignment(node) {
        let msg = format!("cannot assign to {what}; the target of '=' must be a name, an attribute, a subscript or a tuple of those");
        push(cx, cx.span(culprit), msg);
        return;
    }
    // 5. unclosed brackets
    if let Some(open) = unclosed_bracket(&leaves) {
        push(
            cx,
            cx.span(open),
            format!("'{}' was never closed", open.kind()),
        );
        return;
    }
    // 6. impossible neighbours, including the token after the ERROR
    let mut seq = leaves.clone();
    if let Some(next) = node.next_sibling().and_then(first_leaf) {
        seq.push(next);
    }
    for pair in seq.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.start_position().row != b.start_position().row {
            continue;
        }
        if cannot_follow(cx, a, b) {
            let shown = shown(cx.text_of(b));
            push(cx, cx.span(b), format!("unexpected '{shown}'"));
            return;
        }
    }
    // 7. unmatched closers
    if let Some(close) = unmatched_closer(&leaves) {
        push(cx, cx.span(close), format!("unmatched '{}'", close.kind()));
        return;
    }
    // 8. a line that ends in an operator
    let last = *leaves.last().unwrap_or(&first);
    let ends_line = node
        .next_sibling()
        .is_none_or(|n| n.start_position().row != last.end_position().row);
    if ends_line && class(cx, last) != Class::Operand {
        let what = if cx.text_of(last) == "import" {
            "a name"
        } else {
            "an expression"
        };
        push(
            cx,
            after(cx, last),
            format!("expected {what} after '{}'", shown(cx.text_of(last))),
        );
        return;
    }
    // 9. fallback
    let msg = if first_text.trim().is_empty() {
        "unexpected indentation".to_string()
    } else {
        format!("unexpected '{}'", shown(first_text))
    };
    push(cx, cx.span(first), msg);
}

fn shown(text: &str) -> String {
    text.chars().take(30).collect()
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Class {
    /// A value: names, literals, closing brackets.
    Operand,
    /// Can start an expression: `(`, `-`, `not`, ...
    Prefix,
    /// Only between two operands: `=`, `*`, `,`, `.`, ...
    Infix,
    /// Begins a statement.
    Statement,
    Other,
}

fn class(cx: &Lower, leaf: Node) -> Class {
    if leaf.is_named() {
        return match leaf.kind() {
            "identifier"
            | "integer"
            | "float"
            | "true"
            | "false"
            | "none"
            | "string"
            | "concatenated_string" => Class::Operand,
            _ => Class::Other,
        };
    }
    let t = cx.text_of(leaf);
    match t {
        ")" | "]" | "}" => Class::Operand,
        "(" | "[" | "{" | "-" | "+" | "~" | "not" | "lambda" | "await" => Class::Prefix,
        "=" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "*" | "**" | "/" | "//" | "%" | "@" | "&"
        | "|" | "^" | "<<" | ">>" | "." | "," | "and" | "or" | "in" | "is" | "+=" | "-=" | "*="
        | "/=" | "//=" | "%=" | "**=" | ">>=" | "<<=" | "&=" | "|=" | "^=" | "->" => Class::Infix,
        _ if STMT_KEYWORDS.contains(&t) => Class::Statement,
        _ => Class::Other,
    }
}

fn cannot_follow(cx: &Lower, a: Node, b: Node) -> bool {
    let (ca, cb) = (class(cx, a), class(cx, b));
    let closer = matches!(cx.text_of(b), ")" | "]" | "}");
    match cb {
        Class::Operand if closer => {
            !(ca == Class::Operand || matches!(cx.text_of(a), "(" | "[" | "{" | ","))
        }
        Class::Operand => ca == Class::Operand,
        Class::Infix => {
            let (ta, tb) = (cx.text_of(a), cx.text_of(b));
            // `not in`, and `*x` / `**x` where an argument or item starts.
            let allowed = (ta == "not" && tb == "in")
                || (matches!(tb, "*" | "**") && matches!(ta, "(" | "[" | "{" | ","));
            matches!(ca, Class::Infix | Class::Prefix | Class::Statement) && !allowed
        }
        Class::Statement => !matches!(cx.text_of(a), ";" | ":"),
        _ => false,
    }
}

/// `f() = 1` and friends: tree-sitter leaves `target =` in an ERROR (or
/// the target in the statement before an ERROR that starts with `=`).
fn bad_assignment(node: Node) -> Option<(Node, &'static str)> {
    let mut cursor = node.walk();
    let children: Vec<Node> = node
        .children(&mut cursor)
        .filter(|c| c.kind() != "comment")
        .collect();
    let eq = children.iter().position(|c| c.kind() == "=")?;
    let target = match eq {
        0 => {
            let prev = node.prev_sibling()?;
            if prev.kind() != "expression_statement"
                || prev.end_position().row != node.start_position().row
            {
                return None;
            }
            prev.named_child(0)?
        }
        1 => children[0],
        _ => return None,
    };
    non_target(target)
}

fn non_target(n: Node) -> Option<(Node, &'static str)> {
    match n.kind() {
        "identifier" | "attribute" | "subscript" => None,
        "tuple"
        | "list"
        | "pattern_list"
        | "expression_list"
        | "parenthesized_expression"
        | "tuple_pattern"
        | "list_pattern" => {
            let mut cursor = n.walk();
            let items: Vec<Node> = n.named_children(&mut cursor).collect();
            items.into_iter().find_map(non_target)
        }
        "call" => Some((n, "a function call")),
        "integer" | "float" | "string" | "concatenated_string" | "true" | "false" | "none" => {
            Some((n, "a literal"))
        }
        "binary_operator" | "unary_operator" | "boolean_operator" | "not_operator" => {
            Some((n, "an operator expression"))
        }
        "comparison_operator" => Some((n, "a comparison")),
        _ => Some((n, "this expression")),
    }
}

/// The outermost opening bracket with no matching closing bracket.
fn unclosed_bracket<'t>(leaves: &[Node<'t>]) -> Option<Node<'t>> {
    let mut stack: Vec<Node> = Vec::new();
    for leaf in leaves {
        match leaf.kind() {
            "(" | "[" | "{" if !leaf.is_missing() => stack.push(*leaf),
            ")" | "]" | "}" if !leaf.is_missing() => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.first().copied()
}

fn unmatched_closer<'t>(leaves: &[Node<'t>]) -> Option<Node<'t>> {
    let mut depth = 0usize;
    for leaf in leaves {
        match leaf.kind() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                if depth == 0 {
                    return Some(*leaf);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Tokens of `node` in order; a complete string counts as one token.
fn collect_leaves<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    if node.child_count() == 0 || (node.kind() == "string" && !node.has_error()) {
        if node.kind() != "comment" && !node.is_missing() {
            out.push(node);
        }
        return;
    }
    let mut cursor = node.walk();
    for c in node.children(&mut cursor) {
        collect_leaves(c, out);
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
        if n.child_count() == 0 || n.kind() == "string" {
            return Some(n);
        }
        let mut cursor = n.walk();
        let next = n.children(&mut cursor).find(|c| c.kind() != "comment");
        n = next?;
    }
}
