//! Pathological nesting must give a diagnostic, never a stack overflow.

use rpy_syntax::parse::{parse_module, Dialect};
use rpy_syntax::FileId;

fn messages(src: &str) -> Vec<String> {
    match parse_module(FileId(0), src, "m", Dialect::Py3) {
        Ok(m) => vec![format!("ok: {} statement(s)", m.body.len())],
        Err(ds) => ds
            .iter()
            .map(|d| format!("{}:{}: {}", d.span.line, d.span.col, d.message))
            .collect(),
    }
}

#[test]
fn deeply_nested_parentheses_are_refused() {
    let src = format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(
        messages(&src),
        ["1:405: expression nested too deeply (more than 400 levels); split it with temporary variables"]
    );
}

#[test]
fn long_flat_sum_is_fine_up_to_the_limit() {
    let src = format!("x = {}\n", vec!["1"; 300].join(" + "));
    assert_eq!(messages(&src), ["ok: 1 statement(s)"]);
}

#[test]
fn deeply_nested_unclosed_parentheses_are_a_syntax_error() {
    let src = format!("x = {}1\n", "(".repeat(3000));
    assert_eq!(messages(&src), ["1:5: syntax error: '(' was never closed"]);
}
