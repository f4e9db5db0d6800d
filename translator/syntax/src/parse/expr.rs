//! Expressions: tree-sitter expression nodes lowered to `ast::Expr`.
//!
//! Every `lower_*` function always returns an expression; when the source
//! uses something RPython refuses, it records a diagnostic and returns a
//! `None` literal as a placeholder so lowering can go on and report the rest
//! of the file (the placeholder never escapes: `parse_module` fails).
//! Parentheses disappear (the inner expression keeps its own span).

use super::literal::{self, StrValue};
use super::{all_children, field_children, named_children, subset, Dialect, Lower};
use crate::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, FStringPart, Keyword, UnaryOp,
};
use tree_sitter::Node;

pub(super) fn placeholder(cx: &Lower, node: Node) -> Expr {
    Expr {
        kind: ExprKind::NoneLit,
        span: cx.span(node),
    }
}

fn refuse(cx: &mut Lower, node: Node, msg: &str) -> Expr {
    cx.error(node, msg);
    placeholder(cx, node)
}

fn mk(cx: &Lower, node: Node, kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: cx.span(node),
    }
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// Lower the node in field `field` of `node`, or report it missing.
pub(super) fn lower_field(cx: &mut Lower, node: Node, field: &str) -> Expr {
    match node.child_by_field_name(field) {
        Some(child) => lower_expr(cx, child),
        None => {
            cx.error(
                node,
                format!("syntax error: expected an expression ({field})"),
            );
            placeholder(cx, node)
        }
    }
}

/// Lower an expression node (any of tree-sitter's expression kinds, plus
/// `expression_list` and patterns, which become tuples / targets).
pub(super) fn lower_expr(cx: &mut Lower, node: Node) -> Expr {
    if cx.expr_depth >= MAX_EXPR_DEPTH {
        if !cx.depth_reported {
            cx.depth_reported = true;
            cx.error(node, format!("expression nested too deeply (more than {MAX_EXPR_DEPTH} levels); split it with temporary variables"));
        }
        return placeholder(cx, node);
    }
    cx.expr_depth += 1;
    let e = lower_expr_inner(cx, node);
    cx.expr_depth -= 1;
    e
}

/// Deeper expressions are refused rather than risking the stack.
const MAX_EXPR_DEPTH: u32 = 400;

fn lower_expr_inner(cx: &mut Lower, node: Node) -> Expr {
    match node.kind() {
        "identifier" => mk(cx, node, ExprKind::Name(cx.text_of(node).to_string())),
        "true" => mk(cx, node, ExprKind::Bool(true)),
        "false" => mk(cx, node, ExprKind::Bool(false)),
        "none" => mk(cx, node, ExprKind::NoneLit),
        "integer" => lower_int(cx, node, false),
        "float" => match literal::parse_float(cx.text_of(node)) {
            Ok(v) => mk(cx, node, ExprKind::Float(v)),
            Err(msg) => refuse(cx, node, &msg),
        },
        "string" | "concatenated_string" => lower_string(cx, node),
        "parenthesized_expression" => match named_children(node).first() {
            Some(inner) if inner.kind() == "yield" => refuse(cx, *inner, subset::YIELD),
            Some(inner) => lower_expr(cx, *inner),
            None => refuse(cx, node, "syntax error: empty parentheses"),
        },
        "binary_operator" => lower_binary(cx, node),
        "unary_operator" => lower_unary(cx, node),
        "not_operator" => {
            let operand = lower_field(cx, node, "argument");
            mk(
                cx,
                node,
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: boxed(operand),
                },
            )
        }
        "boolean_operator" => lower_boolop(cx, node),
        "comparison_operator" => lower_compare(cx, node),
        "conditional_expression" => {
            let parts = named_children(node);
            if parts.len() != 3 {
                return refuse(cx, node, "syntax error: expected `a if cond else b`");
            }
            let body = lower_expr(cx, parts[0]);
            let test = lower_expr(cx, parts[1]);
            let orelse = lower_expr(cx, parts[2]);
            mk(
                cx,
                node,
                ExprKind::IfExp {
                    test: boxed(test),
                    body: boxed(body),
                    orelse: boxed(orelse),
                },
            )
        }
        "call" => lower_call(cx, node),
        "attribute" => {
            let value = lower_field(cx, node, "object");
            let attr = node
                .child_by_field_name("attribute")
                .map(|a| cx.text_of(a).to_string())
                .unwrap_or_default();
            mk(
                cx,
                node,
                ExprKind::Attribute {
                    value: boxed(value),
                    attr,
                },
            )
        }
        "subscript" => lower_subscript(cx, node),
        "slice" => lower_slice(cx, node),
        "tuple" | "expression_list" | "pattern_list" | "tuple_pattern" => {
            let items = lower_items(cx, node);
            mk(cx, node, ExprKind::Tuple(items))
        }
        "list" | "list_pattern" => {
            let items = lower_items(cx, node);
            mk(cx, node, ExprKind::List(items))
        }
        "dictionary" => lower_dict(cx, node),
        "list_comprehension" => {
            let elt = lower_field(cx, node, "body");
            let generators = lower_generators(cx, node);
            mk(
                cx,
                node,
                ExprKind::ListComp {
                    elt: boxed(elt),
                    generators,
                },
            )
        }
        "dictionary_comprehension" => {
            let Some(pair) = node.child_by_field_name("body") else {
                return refuse(cx, node, "syntax error: expected `key: value`");
            };
            let key = lower_field(cx, pair, "key");
            let value = lower_field(cx, pair, "value");
            let generators = lower_generators(cx, node);
            mk(
                cx,
                node,
                ExprKind::DictComp {
                    key: boxed(key),
                    value: boxed(value),
                    generators,
                },
            )
        }
        "lambda" => refuse(cx, node, subset::LAMBDA),
        "yield" => refuse(cx, node, subset::YIELD),
        "generator_expression" => refuse(cx, node, subset::GENEXP),
        "set" => refuse(cx, node, subset::SET),
        "set_comprehension" => refuse(cx, node, subset::SETCOMP),
        "await" => refuse(cx, node, subset::ASYNC),
        "named_expression" => refuse(cx, node, subset::WALRUS),
        "ellipsis" => refuse(cx, node, subset::ELLIPSIS),
        "list_splat" | "parenthesized_list_splat" => refuse(cx, node, subset::STAR_EXPR),
        "list_splat_pattern" => refuse(cx, node, subset::STAR_TARGET),
        "dictionary_splat" => refuse(cx, node, subset::STARSTAR_DICT),
        other => refuse(
            cx,
            node,
            &format!("syntax error: unexpected {}", other.replace('_', " ")),
        ),
    }
}

fn lower_int(cx: &mut Lower, node: Node, negated: bool) -> Expr {
    match literal::parse_int(cx.text_of(node), cx.dialect) {
        Ok(v) if v <= i64::MAX as u128 => mk(
            cx,
            node,
            ExprKind::Int(if negated { -(v as i64) } else { v as i64 }),
        ),
        Ok(v) if negated && v == 1u128 << 63 => mk(cx, node, ExprKind::Int(i64::MIN)),
        Ok(v)
            if !negated
                && v <= u64::MAX as u128
                && node.parent().map(|p| p.kind()) != Some("unary_operator") =>
        {
            refuse(
                cx,
                node,
                &format!(
                    "{} (an unsigned word is written r_uint(<literal>))",
                    subset::INT_RANGE
                ),
            )
        }
        Ok(_) => refuse(cx, node, subset::INT_RANGE),
        Err(msg) => refuse(cx, node, &msg),
    }
}

fn binop_of(cx: &Lower, kind: &str) -> Option<BinOp> {
    Some(match kind {
        "/" | "/=" if cx.dialect == Dialect::Py2 && !cx.true_division => BinOp::ClassicDiv,
        "+" | "+=" => BinOp::Add,
        "-" | "-=" => BinOp::Sub,
        "*" | "*=" => BinOp::Mul,
        "/" | "/=" => BinOp::Div,
        "//" | "//=" => BinOp::FloorDiv,
        "%" | "%=" => BinOp::Mod,
        "**" | "**=" => BinOp::Pow,
        "<<" | "<<=" => BinOp::LShift,
        ">>" | ">>=" => BinOp::RShift,
        "&" | "&=" => BinOp::BitAnd,
        "|" | "|=" => BinOp::BitOr,
        "^" | "^=" => BinOp::BitXor,
        _ => return None,
    })
}

/// The operator of an augmented assignment token (`+=` ...).
pub(super) fn aug_binop(cx: &mut Lower, op: Node) -> Option<BinOp> {
    let r = binop_of(cx, op.kind());
    if r.is_none() {
        cx.error(
            op,
            if op.kind() == "@=" {
                subset::MATMUL.to_string()
            } else {
                format!("syntax error: unknown operator '{}'", op.kind())
            },
        );
    }
    r
}

fn lower_binary(cx: &mut Lower, node: Node) -> Expr {
    let left = lower_field(cx, node, "left");
    let right = lower_field(cx, node, "right");
    let Some(op_node) = node.child_by_field_name("operator") else {
        return refuse(cx, node, "syntax error: expected an operator");
    };
    match binop_of(cx, op_node.kind()) {
        Some(op) => mk(
            cx,
            node,
            ExprKind::BinOp {
                op,
                left: boxed(left),
                right: boxed(right),
            },
        ),
        None if op_node.kind() == "@" => refuse(cx, op_node, subset::MATMUL),
        None => refuse(
            cx,
            op_node,
            &format!("syntax error: unknown operator '{}'", op_node.kind()),
        ),
    }
}

fn lower_unary(cx: &mut Lower, node: Node) -> Expr {
    let op = match node.child_by_field_name("operator").map(|o| o.kind()) {
        Some("-") => UnaryOp::Neg,
        Some("+") => UnaryOp::Pos,
        Some("~") => UnaryOp::Invert,
        _ => return refuse(cx, node, "syntax error: unknown unary operator"),
    };
    let Some(arg) = node.child_by_field_name("argument") else {
        return refuse(cx, node, "syntax error: expected an operand");
    };
    // `-9223372036854775808` is the one literal whose magnitude alone does
    // not fit: fold the minus into it.
    if op == UnaryOp::Neg && arg.kind() == "integer" {
        if let Ok(v) = literal::parse_int(cx.text_of(arg), cx.dialect) {
            if v == 1u128 << 63 {
                return mk(cx, node, ExprKind::Int(i64::MIN));
            }
        }
    }
    let operand = lower_expr(cx, arg);
    mk(
        cx,
        node,
        ExprKind::UnaryOp {
            op,
            operand: boxed(operand),
        },
    )
}

fn lower_boolop(cx: &mut Lower, node: Node) -> Expr {
    let op_kind = node
        .child_by_field_name("operator")
        .map(|o| o.kind())
        .unwrap_or("and");
    let op = if op_kind == "or" {
        BoolOp::Or
    } else {
        BoolOp::And
    };
    let mut values = Vec::new();
    flatten_boolop(cx, node, op_kind, &mut values);
    mk(cx, node, ExprKind::BoolOp { op, values })
}

fn flatten_boolop(cx: &mut Lower, node: Node, op_kind: &str, out: &mut Vec<Expr>) {
    for field in ["left", "right"] {
        match node.child_by_field_name(field) {
            Some(c)
                if c.kind() == "boolean_operator"
                    && c.child_by_field_name("operator").map(|o| o.kind()) == Some(op_kind) =>
            {
                flatten_boolop(cx, c, op_kind, out)
            }
            Some(c) => out.push(lower_expr(cx, c)),
            None => out.push(placeholder(cx, node)),
        }
    }
}

fn lower_compare(cx: &mut Lower, node: Node) -> Expr {
    let mut left = None;
    let mut ops = Vec::new();
    let mut comparators = Vec::new();
    for child in all_children(node) {
        if child.is_named() {
            let e = lower_expr(cx, child);
            if left.is_none() {
                left = Some(e);
            } else {
                comparators.push(e);
            }
            continue;
        }
        let op = match child.kind() {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::NotEq,
            "<>" => {
                if cx.dialect == Dialect::Py3 {
                    cx.error(child, subset::BACKTICK_NE_PY3);
                }
                CmpOp::NotEq
            }
            "<" => CmpOp::Lt,
            "<=" => CmpOp::LtE,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::GtE,
            "is" => CmpOp::Is,
            "is not" => CmpOp::IsNot,
            "in" => CmpOp::In,
            "not in" => CmpOp::NotIn,
            other => {
                cx.error(child, format!("syntax error: unknown comparison '{other}'"));
                continue;
            }
        };
        ops.push(op);
    }
    let Some(left) = left else {
        return refuse(cx, node, "syntax error: expected an operand");
    };
    if ops.len() != comparators.len() || ops.is_empty() {
        return refuse(cx, node, "syntax error: malformed comparison");
    }
    mk(
        cx,
        node,
        ExprKind::Compare {
            left: boxed(left),
            ops,
            comparators,
        },
    )
}

fn lower_call(cx: &mut Lower, node: Node) -> Expr {
    let func = lower_field(cx, node, "function");
    let Some(arglist) = node.child_by_field_name("arguments") else {
        return refuse(cx, node, "syntax error: expected '('");
    };
    if arglist.kind() == "generator_expression" {
        return refuse(cx, arglist, subset::GENEXP);
    }
    if let Some(e) =
        r_uint_literal(cx, &func, arglist).or_else(|| intmask_const(cx, &func, arglist))
    {
        return mk(
            cx,
            node,
            ExprKind::Call {
                func: boxed(func),
                args: vec![e],
                keywords: Vec::new(),
            },
        );
    }
    let (args, keywords) = lower_arguments(cx, arglist);
    mk(
        cx,
        node,
        ExprKind::Call {
            func: boxed(func),
            args,
            keywords,
        },
    )
}

/// `r_uint(<literal>)` with a literal in `2**63 .. 2**64` (hash constants
/// such as FNV's offset basis): the literal becomes the int with the same
/// 64 bits, which `r_uint` turns back into the intended unsigned word, so
/// neither the AST nor the evaluator needs integers wider than a word.
fn r_uint_literal(cx: &mut Lower, func: &Expr, arglist: Node) -> Option<Expr> {
    let named = match &func.kind {
        ExprKind::Name(n) => n == "r_uint",
        ExprKind::Attribute { attr, .. } => attr == "r_uint",
        _ => false,
    };
    let args = named_children(arglist);
    if !named || args.len() != 1 || args[0].kind() != "integer" {
        return None;
    }
    match literal::parse_int(cx.text_of(args[0]), cx.dialect) {
        Ok(v) if v > i64::MAX as u128 && v <= u64::MAX as u128 => {
            Some(mk(cx, args[0], ExprKind::Int(v as u64 as i64)))
        }
        _ => None,
    }
}

/// `intmask(<constant int expression>)`: RPython's flow space computes
/// the expression on Python's unbounded ints and folds `intmask`, so
/// `intmask(0xFFFFFFFFFFFFFFFF)` and `intmask(1 << 63)` are constants. The
/// expression (literals of any size, parentheses, unary `-`/`+`/`~`,
/// binary `+ - * << **`) is computed modulo 2**64, which these operations
/// respect, and becomes the int with those 64 bits. Anything else (a name,
/// `//`, `>>`, a negative shift or exponent) is left to the usual rules.
fn intmask_const(cx: &mut Lower, func: &Expr, arglist: Node) -> Option<Expr> {
    let named = match &func.kind {
        ExprKind::Name(n) => n == "intmask",
        ExprKind::Attribute { attr, .. } => attr == "intmask",
        _ => false,
    };
    let args = named_children(arglist);
    if !named || args.len() != 1 {
        return None;
    }
    let (_, bits) = fold_mod64(cx, args[0])?;
    Some(mk(cx, args[0], ExprKind::Int(bits as i64)))
}

/// The value of a constant int expression: exactly (when it fits in an
/// i128) and modulo 2**64.
fn fold_mod64(cx: &Lower, node: Node) -> Option<(Option<i128>, u64)> {
    match node.kind() {
        "integer" => {
            let v = literal::parse_int(cx.text_of(node), cx.dialect).ok()?;
            Some((i128::try_from(v).ok(), v as u64))
        }
        "parenthesized_expression" => match named_children(node).as_slice() {
            [one] => fold_mod64(cx, *one),
            _ => None,
        },
        "unary_operator" => {
            let (e, m) = fold_mod64(cx, node.child_by_field_name("argument")?)?;
            match node.child_by_field_name("operator")?.kind() {
                "-" => Some((e.and_then(i128::checked_neg), m.wrapping_neg())),
                "+" => Some((e, m)),
                "~" => Some((e.map(|x| !x), !m)),
                _ => None,
            }
        }
        "binary_operator" => {
            let (le, lm) = fold_mod64(cx, node.child_by_field_name("left")?)?;
            let (re, rm) = fold_mod64(cx, node.child_by_field_name("right")?)?;
            match node.child_by_field_name("operator")?.kind() {
                "+" => Some((
                    le.zip(re).and_then(|(a, b)| a.checked_add(b)),
                    lm.wrapping_add(rm),
                )),
                "-" => Some((
                    le.zip(re).and_then(|(a, b)| a.checked_sub(b)),
                    lm.wrapping_sub(rm),
                )),
                "*" => Some((
                    le.zip(re).and_then(|(a, b)| a.checked_mul(b)),
                    lm.wrapping_mul(rm),
                )),
                "<<" => {
                    let n = re?;
                    if n < 0 {
                        return None;
                    }
                    let m = if n >= 64 { 0 } else { lm << n };
                    let e = le.and_then(|a| {
                        let n = u32::try_from(n).ok()?;
                        let r = a.checked_shl(n)?;
                        (r >> n == a).then_some(r)
                    });
                    Some((e, m))
                }
                "**" => {
                    let n = re?;
                    if n < 0 {
                        return None;
                    }
                    let (mut base, mut exp, mut m) = (lm, n as u128, 1u64);
                    while exp > 0 {
                        if exp & 1 == 1 {
                            m = m.wrapping_mul(base);
                        }
                        base = base.wrapping_mul(base);
                        exp >>= 1;
                    }
                    let e = le.and_then(|a| a.checked_pow(u32::try_from(n).ok()?));
                    Some((e, m))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The positional and keyword arguments of an `argument_list`.
pub(super) fn lower_arguments(cx: &mut Lower, arglist: Node) -> (Vec<Expr>, Vec<Keyword>) {
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    for arg in named_children(arglist) {
        match arg.kind() {
            "keyword_argument" => {
                let name = arg
                    .child_by_field_name("name")
                    .map(|n| cx.text_of(n).to_string())
                    .unwrap_or_default();
                let value = lower_field(cx, arg, "value");
                keywords.push(Keyword {
                    name,
                    value,
                    span: cx.span(arg),
                });
            }
            "list_splat" => {
                cx.error(arg, subset::STAR_ARG);
            }
            "dictionary_splat" => {
                cx.error(arg, subset::STARSTAR_ARG);
            }
            _ => args.push(lower_expr(cx, arg)),
        }
    }
    (args, keywords)
}

fn lower_subscript(cx: &mut Lower, node: Node) -> Expr {
    let value = lower_field(cx, node, "value");
    let subs = field_children(node, "subscript");
    let trailing_comma = all_children(node).iter().any(|c| c.kind() == ",");
    let index = match subs.as_slice() {
        [] => return refuse(cx, node, "syntax error: expected an index"),
        [one] if !trailing_comma => lower_expr(cx, *one),
        [first, .., last] | [first @ last] => {
            let items = subs.iter().map(|s| lower_expr(cx, *s)).collect();
            Expr {
                kind: ExprKind::Tuple(items),
                span: cx.span2(*first, *last),
            }
        }
    };
    mk(
        cx,
        node,
        ExprKind::Subscript {
            value: boxed(value),
            index: boxed(index),
        },
    )
}

fn lower_slice(cx: &mut Lower, node: Node) -> Expr {
    let mut parts: [Option<Box<Expr>>; 3] = [None, None, None];
    let mut slot = 0;
    for child in all_children(node) {
        if child.kind() == ":" {
            slot += 1;
        } else if child.is_named() && slot < 3 {
            parts[slot] = Some(boxed(lower_expr(cx, child)));
        }
    }
    let [lower, upper, step] = parts;
    mk(cx, node, ExprKind::Slice { lower, upper, step })
}

/// Items of a tuple / list literal or target list.
fn lower_items(cx: &mut Lower, node: Node) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .map(|c| lower_expr(cx, c))
        .collect()
}

fn lower_dict(cx: &mut Lower, node: Node) -> Expr {
    let mut items = Vec::new();
    for child in named_children(node) {
        if child.kind() == "pair" {
            let k = lower_field(cx, child, "key");
            let v = lower_field(cx, child, "value");
            items.push((k, v));
        } else {
            lower_expr(cx, child);
        }
    }
    mk(cx, node, ExprKind::Dict(items))
}

/// The `for ... in ... if ...` clauses of a comprehension.
fn lower_generators(cx: &mut Lower, node: Node) -> Vec<Comprehension> {
    let mut gens: Vec<Comprehension> = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "for_in_clause" => {
                if all_children(child).first().map(|c| c.kind()) == Some("async") {
                    cx.error(child, subset::ASYNC);
                }
                let target = match child.child_by_field_name("left") {
                    Some(t) => lower_target(cx, t),
                    None => placeholder(cx, child),
                };
                let rights = field_children(child, "right");
                let rights: Vec<Node> = rights.into_iter().filter(|r| r.is_named()).collect();
                let iter = match rights.as_slice() {
                    [] => refuse(cx, child, "syntax error: expected an iterable after 'in'"),
                    [one] => lower_expr(cx, *one),
                    [first, .., last] => {
                        let items = rights.iter().map(|r| lower_expr(cx, *r)).collect();
                        Expr {
                            kind: ExprKind::Tuple(items),
                            span: cx.span2(*first, *last),
                        }
                    }
                };
                gens.push(Comprehension {
                    target,
                    iter,
                    ifs: Vec::new(),
                });
            }
            "if_clause" => {
                let cond = match named_children(child).first() {
                    Some(c) => lower_expr(cx, *c),
                    None => placeholder(cx, child),
                };
                match gens.last_mut() {
                    Some(g) => g.ifs.push(cond),
                    None => cx.error(child, "syntax error: `if` before `for` in a comprehension"),
                }
            }
            _ => {}
        }
    }
    gens
}

/// An assignment / for / del target: a name, attribute, subscript, or a
/// tuple / list of targets. Anything else is refused.
pub(super) fn lower_target(cx: &mut Lower, node: Node) -> Expr {
    let e = lower_expr(cx, node);
    check_target(cx, &e, node);
    e
}

fn check_target(cx: &mut Lower, e: &Expr, node: Node) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for item in items {
                check_target_expr(cx, item);
            }
        }
        // A placeholder: the refusal is already reported.
        ExprKind::NoneLit if node.kind() != "none" => {}
        _ => cx.error(node, format!("cannot assign to {}", describe(e))),
    }
}

fn check_target_expr(cx: &mut Lower, e: &Expr) {
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Attribute { .. }
        | ExprKind::Subscript { .. }
        | ExprKind::NoneLit => {}
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for item in items {
                check_target_expr(cx, item);
            }
        }
        _ => cx.diags.push(crate::diag::Diagnostic::new(
            e.span,
            format!("cannot assign to {}", describe(e)),
        )),
    }
}

fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "a function call",
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLit => "a literal",
        ExprKind::FString(_) => "an f-string",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } | ExprKind::BoolOp { .. } => {
            "an operator expression"
        }
        ExprKind::Compare { .. } => "a comparison",
        ExprKind::IfExp { .. } => "a conditional expression",
        ExprKind::ListComp { .. } | ExprKind::DictComp { .. } => "a comprehension",
        ExprKind::Dict(_) => "a dict literal",
        _ => "this expression",
    }
}

// ---- strings -------------------------------------------------------------

fn lower_string(cx: &mut Lower, node: Node) -> Expr {
    let pieces = if node.kind() == "concatenated_string" {
        named_children(node)
    } else {
        vec![node]
    };
    let mut acc: Option<StrValue> = None;
    for piece in pieces {
        let Some(v) = string_piece(cx, piece) else {
            return placeholder(cx, node);
        };
        acc = Some(match acc {
            None => v,
            Some(prev) => match prev.concat(v) {
                Ok(v) => v,
                Err(msg) => return refuse(cx, piece, &format!("syntax error: {msg}")),
            },
        });
    }
    let kind = match acc {
        Some(StrValue::Text(s)) => ExprKind::Str(s),
        Some(StrValue::Bytes(b)) => ExprKind::Bytes(b),
        Some(StrValue::FString(parts)) => ExprKind::FString(parts),
        None => ExprKind::Str(String::new()),
    };
    mk(cx, node, kind)
}

/// One `string` node: prefix, decoded content, replacement fields.
fn string_piece(cx: &mut Lower, node: Node) -> Option<StrValue> {
    let children = all_children(node);
    let start = children.first().filter(|c| c.kind() == "string_start")?;
    let prefix = match literal::parse_prefix(cx.text_of(*start)) {
        Ok(p) => p,
        Err(msg) => {
            cx.error(*start, format!("syntax error: {msg}"));
            return None;
        }
    };
    if prefix.unicode && (prefix.raw || prefix.bytes) && cx.dialect == Dialect::Py3 {
        cx.error(
            *start,
            "syntax error: the `ur` string prefix is Python 2 syntax; use r'...'",
        );
        return None;
    }
    // py2: a plain literal is a byte string (decoded byte by byte); u'' is
    // text. Both become `str` below.
    let bytes_like = prefix.bytes || (cx.dialect == Dialect::Py2 && !prefix.unicode);
    let mut cps: Vec<u32> = Vec::new();
    let mut parts: Vec<FStringPart> = Vec::new();
    let mut ok = true;
    for child in &children[1..] {
        match child.kind() {
            "string_content" => {
                if let Err(msg) = literal::decode(
                    cx.text_of(*child),
                    prefix,
                    bytes_like,
                    cx.latin1_source,
                    &mut cps,
                ) {
                    cx.error(*child, format!("syntax error: {msg}"));
                    ok = false;
                }
            }
            "interpolation" => {
                if !cps.is_empty() {
                    literal::push_part(&mut parts, FStringPart::Literal(literal::to_string(&cps)));
                    cps.clear();
                }
                field_parts(cx, *child, &mut parts);
            }
            _ => {}
        }
    }
    if !ok {
        return None;
    }
    if prefix.fstring {
        if !cps.is_empty() {
            literal::push_part(&mut parts, FStringPart::Literal(literal::to_string(&cps)));
        }
        if parts.iter().all(|p| matches!(p, FStringPart::Literal(_))) {
            let s = parts
                .into_iter()
                .map(|p| {
                    if let FStringPart::Literal(s) = p {
                        s
                    } else {
                        String::new()
                    }
                })
                .collect();
            return Some(StrValue::Text(s));
        }
        Some(StrValue::FString(parts))
    } else if bytes_like && cx.dialect == Dialect::Py2 {
        // py2 `str` is a byte string whose items are one-character strings:
        // the toolchain's text `str` with one code point (0..=255) per byte.
        Some(StrValue::Text(literal::to_string(&cps)))
    } else if bytes_like {
        Some(StrValue::Bytes(literal::to_bytes(&cps)))
    } else {
        Some(StrValue::Text(literal::to_string(&cps)))
    }
}

/// One `{...}` replacement field (an `interpolation` or, inside a format
/// spec, a `format_expression`) appended to `parts`.
fn field_parts(cx: &mut Lower, node: Node, parts: &mut Vec<FStringPart>) {
    let Some(expr_node) = node.child_by_field_name("expression") else {
        cx.error(
            node,
            "syntax error: f-string: expected an expression inside {}",
        );
        return;
    };
    // `{a, b}` is a tuple: `expression_list` lowers to one.
    let value = lower_expr(cx, expr_node);
    let mut conversion = None;
    if let Some(conv) = node.child_by_field_name("type_conversion") {
        match cx.text_of(conv) {
            "!r" => conversion = Some('r'),
            "!s" => conversion = Some('s'),
            "!a" => conversion = Some('a'),
            other => cx.error(
                conv,
                format!(
                    "syntax error: f-string: unknown conversion '{other}'; expected !r, !s or !a"
                ),
            ),
        }
    }
    let mut spec = Vec::new();
    if let Some(fs) = node.child_by_field_name("format_specifier") {
        spec_parts(cx, fs, &mut spec);
    }
    // `{x=}` prints the expression's text, then its repr (or its format).
    if all_children(node).iter().any(|c| c.kind() == "=") {
        let eq_end = all_children(node)
            .iter()
            .find(|c| c.kind() == "=")
            .map(|c| c.end_byte())
            .unwrap_or(0);
        let text = cx
            .text
            .get(expr_node.start_byte()..eq_end)
            .unwrap_or("")
            .to_string();
        literal::push_part(parts, FStringPart::Literal(text));
        if conversion.is_none() && spec.is_empty() {
            conversion = Some('r');
        }
    }
    parts.push(FStringPart::Field {
        value: boxed(value),
        conversion,
        spec,
    });
}

/// The parts of a format spec: the text between nested fields (taken from
/// the source, after the leading ':') and the nested fields themselves.
fn spec_parts(cx: &mut Lower, fs: Node, out: &mut Vec<FStringPart>) {
    let mut pos = fs.start_byte();
    for child in all_children(fs) {
        if child.kind() == ":" && child.start_byte() == fs.start_byte() {
            pos = child.end_byte();
            continue;
        }
        if child.kind() == "format_expression" {
            if child.start_byte() > pos {
                let text = cx.text.get(pos..child.start_byte()).unwrap_or("");
                literal::push_part(out, FStringPart::Literal(text.to_string()));
            }
            field_parts(cx, child, out);
            pos = child.end_byte();
        }
    }
    if fs.end_byte() > pos {
        let text = cx.text.get(pos..fs.end_byte()).unwrap_or("");
        literal::push_part(out, FStringPart::Literal(text.to_string()));
    }
}
