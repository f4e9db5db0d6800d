//! Statements: tree-sitter statement nodes lowered to `ast::Stmt`.
//!
//! Also where the statement-level subset rules live: nested `def`/`class`
//! inside a function (tracked with `Lower::func_depth`), parameter forms,
//! `with`, `match`, `nonlocal`, `exec`, and the py2-only statements
//! (`print x`, `except E, e`, `raise E, v`) which the py3 dialect refuses.

use super::expr::{self, lower_expr, lower_field, lower_target, placeholder};
use super::{all_children, field_children, named_children, subset, Dialect, Lower};
use crate::ast::{
    Alias, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Param, Stmt, StmtKind,
};
use tree_sitter::Node;

/// Lower the statements that are the named children of `node` (a `module`
/// or a `block`).
pub(super) fn lower_block_children(cx: &mut Lower, node: Node) -> Vec<Stmt> {
    let mut out = Vec::new();
    for child in named_children(node) {
        lower_stmt(cx, child, &mut out);
    }
    out
}

fn lower_body(cx: &mut Lower, node: Node, field: &str) -> Vec<Stmt> {
    match node.child_by_field_name(field) {
        Some(block) => lower_block_children(cx, block),
        None => {
            cx.error(node, "syntax error: expected an indented block");
            Vec::new()
        }
    }
}

fn push(cx: &Lower, out: &mut Vec<Stmt>, node: Node, kind: StmtKind) {
    out.push(Stmt {
        kind,
        span: cx.span(node),
    });
}

fn is_async(node: Node) -> bool {
    all_children(node).first().map(|c| c.kind()) == Some("async")
}

fn lower_stmt(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "expression_statement" => lower_expression_statement(cx, node, out),
        "pass_statement" => push(cx, out, node, StmtKind::Pass),
        "break_statement" => push(cx, out, node, StmtKind::Break),
        "continue_statement" => push(cx, out, node, StmtKind::Continue),
        "return_statement" => {
            let value = named_children(node).first().map(|v| lower_expr(cx, *v));
            push(cx, out, node, StmtKind::Return(value));
        }
        "if_statement" => {
            let s = lower_if(cx, node);
            out.push(s);
        }
        "while_statement" => {
            let test = lower_field(cx, node, "condition");
            let body = lower_body(cx, node, "body");
            let orelse = else_body(cx, node.child_by_field_name("alternative"));
            push(cx, out, node, StmtKind::While { test, body, orelse });
        }
        "for_statement" => {
            if is_async(node) {
                cx.error(node, subset::ASYNC);
            }
            let target = match node.child_by_field_name("left") {
                Some(t) => lower_target(cx, t),
                None => placeholder(cx, node),
            };
            let iter = lower_field(cx, node, "right");
            let body = lower_body(cx, node, "body");
            let orelse = else_body(cx, node.child_by_field_name("alternative"));
            push(
                cx,
                out,
                node,
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                },
            );
        }
        "function_definition" => {
            if let Some(f) = lower_def(cx, node, Vec::new(), node) {
                push(cx, out, node, StmtKind::FunctionDef(Box::new(f)));
            }
        }
        "class_definition" => {
            if let Some(c) = lower_class(cx, node, Vec::new(), node) {
                push(cx, out, node, StmtKind::ClassDef(Box::new(c)));
            }
        }
        "decorated_definition" => lower_decorated(cx, node, out),
        "import_statement" => {
            let names = field_children(node, "name")
                .into_iter()
                .map(|n| lower_alias(cx, n))
                .collect();
            push(cx, out, node, StmtKind::Import(names));
        }
        "import_from_statement" => lower_import_from(cx, node, out),
        "future_import_statement" => {
            let names: Vec<Alias> = field_children(node, "name")
                .into_iter()
                .map(|n| lower_alias(cx, n))
                .collect();
            for a in &names {
                match a.name.as_str() {
                    "print_function" => cx.print_function = true,
                    "division" => cx.true_division = true,
                    _ => {}
                }
            }
            push(
                cx,
                out,
                node,
                StmtKind::ImportFrom {
                    module: Some("__future__".to_string()),
                    names,
                    level: 0,
                },
            );
        }
        "global_statement" => {
            let names = named_children(node)
                .into_iter()
                .map(|n| cx.text_of(n).to_string())
                .collect();
            push(cx, out, node, StmtKind::Global(names));
        }
        "raise_statement" => lower_raise(cx, node, out),
        "try_statement" => lower_try(cx, node, out),
        "assert_statement" => {
            let parts = named_children(node);
            let test = match parts.first() {
                Some(t) => lower_expr(cx, *t),
                None => placeholder(cx, node),
            };
            let msg = parts.get(1).map(|m| lower_expr(cx, *m));
            push(cx, out, node, StmtKind::Assert { test, msg });
        }
        "delete_statement" => {
            let targets = match named_children(node).first() {
                Some(t) if t.kind() == "expression_list" => named_children(*t)
                    .into_iter()
                    .map(|t| lower_target(cx, t))
                    .collect(),
                Some(t) => vec![lower_target(cx, *t)],
                None => Vec::new(),
            };
            push(cx, out, node, StmtKind::Delete(targets));
        }
        "print_statement" => lower_print(cx, node, out),
        "exec_statement" => cx.error(node, subset::EXEC),
        "with_statement" => cx.error(
            node,
            if is_async(node) {
                subset::ASYNC
            } else {
                subset::WITH
            },
        ),
        "match_statement" => cx.error(node, subset::MATCH),
        "nonlocal_statement" => cx.error(node, subset::NONLOCAL),
        "type_alias_statement" => cx.error(node, subset::TYPE_ALIAS),
        other => cx.error(
            node,
            format!("syntax error: unexpected {}", other.replace('_', " ")),
        ),
    }
}

fn lower_expression_statement(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let children = named_children(node);
    if cx.dialect == Dialect::Py2
        && !cx.print_function
        && children.first().is_some_and(|c| starts_with_print(cx, *c))
    {
        return lower_py2_print_expr(cx, &children, node, out);
    }
    match children.as_slice() {
        [one] if one.kind() == "assignment" => lower_assignment(cx, *one, node, out),
        [one] if one.kind() == "augmented_assignment" => {
            let target = match one.child_by_field_name("left") {
                Some(t) => lower_target(cx, t),
                None => placeholder(cx, *one),
            };
            if matches!(target.kind, ExprKind::Tuple(_) | ExprKind::List(_)) {
                cx.error(
                    *one,
                    "augmented assignment needs a single target, not a tuple or list",
                );
            }
            let value = lower_field(cx, *one, "right");
            if let Some(op_node) = one.child_by_field_name("operator") {
                if let Some(op) = expr::aug_binop(cx, op_node) {
                    push(cx, out, node, StmtKind::AugAssign { target, op, value });
                }
            }
        }
        [one]
            if cx.dialect == Dialect::Py2
                && one.kind() == "identifier"
                && cx.text_of(*one) == "print" =>
        {
            // py2 bare `print`: an empty line.
            push(
                cx,
                out,
                node,
                StmtKind::Print {
                    dest: None,
                    values: Vec::new(),
                    newline: true,
                },
            );
        }
        [one] => {
            let e = lower_expr(cx, *one);
            push(cx, out, node, StmtKind::Expr(e));
        }
        [] => {}
        [first, .., last] => {
            // `1, 2` as a statement: a tuple.
            let items = children.iter().map(|c| lower_expr(cx, *c)).collect();
            let e = Expr {
                kind: ExprKind::Tuple(items),
                span: cx.span2(*first, *last),
            };
            push(cx, out, node, StmtKind::Expr(e));
        }
    }
}

/// `a = b = v` (nested `assignment` nodes on the right), `x: T = v`, `x: T`.
fn lower_assignment(cx: &mut Lower, node: Node, stmt: Node, out: &mut Vec<Stmt>) {
    let mut targets = Vec::new();
    let mut cur = node;
    loop {
        if let Some(left) = cur.child_by_field_name("left") {
            targets.push(lower_target(cx, left));
        }
        match cur.child_by_field_name("right") {
            None => {
                // Bare annotation `x: T`: dropped.
                if cur.child_by_field_name("type").is_none() {
                    cx.error(cur, "syntax error: expected '=' and a value");
                }
                return;
            }
            Some(right) if right.kind() == "assignment" => cur = right,
            Some(right) if right.kind() == "augmented_assignment" => {
                cx.error(
                    right,
                    "syntax error: an augmented assignment cannot be chained with '='",
                );
                return;
            }
            Some(right) => {
                let value = lower_expr(cx, right);
                push(cx, out, stmt, StmtKind::Assign { targets, value });
                return;
            }
        }
    }
}

fn lower_if(cx: &mut Lower, node: Node) -> Stmt {
    let test = lower_field(cx, node, "condition");
    let body = lower_body(cx, node, "consequence");
    let alternatives = field_children(node, "alternative");
    let orelse = lower_elifs(cx, &alternatives);
    Stmt {
        kind: StmtKind::If { test, body, orelse },
        span: cx.span(node),
    }
}

/// `elif`/`else` clauses as the `orelse` of an `If`: each `elif` becomes a
/// nested `If` whose span runs from the `elif` to the end of the chain.
fn lower_elifs(cx: &mut Lower, alts: &[Node]) -> Vec<Stmt> {
    let Some((first, rest)) = alts.split_first() else {
        return Vec::new();
    };
    match first.kind() {
        "elif_clause" => {
            let test = lower_field(cx, *first, "condition");
            let body = lower_body(cx, *first, "consequence");
            let orelse = lower_elifs(cx, rest);
            let span = cx.span2(*first, *alts.last().unwrap_or(first));
            vec![Stmt {
                kind: StmtKind::If { test, body, orelse },
                span,
            }]
        }
        _ => else_body(cx, Some(*first)),
    }
}

fn else_body(cx: &mut Lower, node: Option<Node>) -> Vec<Stmt> {
    match node {
        Some(n) => lower_body(cx, n, "body"),
        None => Vec::new(),
    }
}

fn lower_decorated(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let decorators: Vec<Expr> = named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "decorator")
        .map(|d| match named_children(d).first() {
            Some(e) => lower_expr(cx, *e),
            None => placeholder(cx, d),
        })
        .collect();
    let Some(def) = node.child_by_field_name("definition") else {
        cx.error(
            node,
            "syntax error: expected a def or class after the decorators",
        );
        return;
    };
    match def.kind() {
        "function_definition" => {
            if let Some(f) = lower_def(cx, def, decorators, node) {
                push(cx, out, node, StmtKind::FunctionDef(Box::new(f)));
            }
        }
        _ => {
            if let Some(c) = lower_class(cx, def, decorators, node) {
                push(cx, out, node, StmtKind::ClassDef(Box::new(c)));
            }
        }
    }
}

fn name_of(cx: &Lower, node: Node) -> String {
    node.child_by_field_name("name")
        .map(|n| cx.text_of(n).to_string())
        .unwrap_or_default()
}

/// `def`; `whole` is the node whose span the definition gets (the
/// decorated definition when there are decorators).
fn lower_def(
    cx: &mut Lower,
    node: Node,
    decorators: Vec<Expr>,
    whole: Node,
) -> Option<FunctionDef> {
    let name = name_of(cx, node);
    if is_async(node) {
        cx.error(node, subset::ASYNC);
    }
    if cx.func_depth > 0 {
        cx.error(
            node,
            format!(
                "{} (`{name}` is defined inside another function)",
                subset::NESTED_DEF
            ),
        );
    }
    if let Some(tp) = node.child_by_field_name("type_parameters") {
        cx.error(tp, subset::TYPE_PARAMS);
    }
    let (params, vararg) = match node.child_by_field_name("parameters") {
        Some(p) => lower_params(cx, p),
        None => (Vec::new(), None),
    };
    cx.func_depth += 1;
    let body = lower_body(cx, node, "body");
    cx.func_depth -= 1;
    Some(FunctionDef {
        name,
        params,
        vararg,
        body,
        decorators,
        span: cx.span(whole),
    })
}

/// The parameters and the `*args` parameter, if any.
fn lower_params(cx: &mut Lower, node: Node) -> (Vec<Param>, Option<Param>) {
    let mut params = Vec::new();
    let mut vararg: Option<Param> = None;
    for p in named_children(node) {
        let span = cx.span(p);
        if vararg.is_some() {
            // After `*args` a named parameter is keyword-only.
            cx.error(p, subset::KW_ONLY);
            continue;
        }
        let star = match p.kind() {
            "list_splat_pattern" => Some(p),
            "typed_parameter" => named_children(p)
                .first()
                .copied()
                .filter(|i| i.kind() == "list_splat_pattern"),
            _ => None,
        };
        if let Some(star) = star {
            match named_children(star).first() {
                Some(id) if id.kind() == "identifier" => {
                    vararg = Some(Param {
                        name: cx.text_of(*id).to_string(),
                        default: None,
                        span,
                    })
                }
                _ => cx.error(p, subset::STAR_PARAM),
            }
            continue;
        }
        match p.kind() {
            "identifier" => params.push(Param {
                name: cx.text_of(p).to_string(),
                default: None,
                span,
            }),
            "typed_parameter" => match named_children(p).first() {
                Some(inner) if inner.kind() == "identifier" => params.push(Param {
                    name: cx.text_of(*inner).to_string(),
                    default: None,
                    span,
                }),
                Some(inner) if inner.kind() == "dictionary_splat_pattern" => {
                    cx.error(p, subset::STARSTAR_PARAM)
                }
                _ => cx.error(p, "syntax error: expected a parameter name"),
            },
            "default_parameter" | "typed_default_parameter" => {
                let name_node = p.child_by_field_name("name");
                if name_node.map(|n| n.kind()) != Some("identifier") {
                    cx.error(p, subset::TUPLE_PARAM);
                    continue;
                }
                let name = name_node
                    .map(|n| cx.text_of(n).to_string())
                    .unwrap_or_default();
                let default = Some(lower_field(cx, p, "value"));
                params.push(Param {
                    name,
                    default,
                    span,
                });
            }
            "dictionary_splat_pattern" => cx.error(p, subset::STARSTAR_PARAM),
            "keyword_separator" => cx.error(p, subset::KW_ONLY),
            "positional_separator" => cx.error(p, subset::POS_ONLY),
            "tuple_pattern" => cx.error(p, subset::TUPLE_PARAM),
            other => cx.error(
                p,
                format!(
                    "syntax error: unexpected {} in parameters",
                    other.replace('_', " ")
                ),
            ),
        }
    }
    (params, vararg)
}

fn lower_class(cx: &mut Lower, node: Node, decorators: Vec<Expr>, whole: Node) -> Option<ClassDef> {
    let name = name_of(cx, node);
    if cx.func_depth > 0 {
        cx.error(
            node,
            format!(
                "{} (`{name}` is defined inside a function)",
                subset::NESTED_CLASS
            ),
        );
    }
    if let Some(tp) = node.child_by_field_name("type_parameters") {
        cx.error(tp, subset::TYPE_PARAMS);
    }
    let bases = match node.child_by_field_name("superclasses") {
        Some(list) => {
            let (args, keywords) = expr::lower_arguments(cx, list);
            for k in &keywords {
                cx.diags
                    .push(crate::diag::Diagnostic::new(k.span, subset::CLASS_KEYWORD));
            }
            args
        }
        None => Vec::new(),
    };
    // Methods are functions of the class, not nested functions: the class
    // body is lowered at the depth of the class itself.
    let body = lower_body(cx, node, "body");
    Some(ClassDef {
        name,
        bases,
        body,
        decorators,
        span: cx.span(whole),
    })
}

fn dotted(cx: &Lower, node: Node) -> String {
    // `dotted_name` text may contain spaces or comments (`a . b`): rebuild.
    if node.kind() == "dotted_name" {
        named_children(node)
            .iter()
            .map(|i| cx.text_of(*i))
            .collect::<Vec<_>>()
            .join(".")
    } else {
        cx.text_of(node).to_string()
    }
}

fn lower_alias(cx: &mut Lower, node: Node) -> Alias {
    let span = cx.span(node);
    if node.kind() == "aliased_import" {
        let name = node
            .child_by_field_name("name")
            .map(|n| dotted(cx, n))
            .unwrap_or_default();
        let asname = node
            .child_by_field_name("alias")
            .map(|a| cx.text_of(a).to_string());
        Alias { name, asname, span }
    } else {
        Alias {
            name: dotted(cx, node),
            asname: None,
            span,
        }
    }
}

fn lower_import_from(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let (module, level) = match node.child_by_field_name("module_name") {
        Some(m) if m.kind() == "relative_import" => {
            let mut level = 0;
            let mut module = None;
            for c in named_children(m) {
                match c.kind() {
                    "import_prefix" => {
                        level = all_children(c).iter().filter(|d| d.kind() == ".").count() as u32
                    }
                    "dotted_name" => module = Some(dotted(cx, c)),
                    _ => {}
                }
            }
            (module, level)
        }
        Some(m) => (Some(dotted(cx, m)), 0),
        None => (None, 0),
    };
    let mut names: Vec<Alias> = field_children(node, "name")
        .into_iter()
        .map(|n| lower_alias(cx, n))
        .collect();
    if let Some(w) = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "wildcard_import")
    {
        names.push(Alias {
            name: "*".to_string(),
            asname: None,
            span: cx.span(w),
        });
    }
    push(
        cx,
        out,
        node,
        StmtKind::ImportFrom {
            module,
            names,
            level,
        },
    );
}

fn lower_raise(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let cause = node.child_by_field_name("cause").map(|c| lower_expr(cx, c));
    let exc_node = named_children(node)
        .into_iter()
        .find(|c| Some(c.id()) != node.child_by_field_name("cause").map(|n| n.id()));
    let exc = match exc_node {
        Some(e) if e.kind() == "expression_list" => {
            // py2 `raise E, v` means `raise E(v)`.
            let items = named_children(e);
            if cx.dialect == Dialect::Py3 || items.len() != 2 {
                cx.error(
                    e,
                    if cx.dialect == Dialect::Py3 {
                        subset::RAISE_COMMA_PY3
                    } else {
                        "`raise E, v, tb` is not supported in RPython"
                    },
                );
                Some(placeholder(cx, e))
            } else {
                let func = lower_expr(cx, items[0]);
                let arg = lower_expr(cx, items[1]);
                let args = match arg.kind {
                    ExprKind::Tuple(items) => items,
                    _ => vec![arg],
                };
                Some(Expr {
                    kind: ExprKind::Call {
                        func: Box::new(func),
                        args,
                        keywords: Vec::new(),
                    },
                    span: cx.span(e),
                })
            }
        }
        Some(e) => Some(lower_expr(cx, e)),
        None => None,
    };
    push(cx, out, node, StmtKind::Raise { exc, cause });
}

fn lower_try(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let body = lower_body(cx, node, "body");
    let mut handlers = Vec::new();
    let mut orelse = Vec::new();
    let mut finalbody = Vec::new();
    for clause in named_children(node) {
        match clause.kind() {
            "except_clause" => handlers.push(lower_handler(cx, clause)),
            "else_clause" => orelse = lower_body(cx, clause, "body"),
            "finally_clause" => {
                if let Some(block) = named_children(clause)
                    .into_iter()
                    .find(|c| c.kind() == "block")
                {
                    finalbody = lower_block_children(cx, block);
                }
            }
            _ => {}
        }
    }
    push(
        cx,
        out,
        node,
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
    );
}

fn lower_handler(cx: &mut Lower, clause: Node) -> ExceptHandler {
    if all_children(clause).iter().any(|c| c.kind() == "except*") {
        cx.error(clause, subset::EXCEPT_STAR);
    }
    let values = field_children(clause, "value");
    let mut typ = None;
    let mut name = None;
    match values.as_slice() {
        [] => {}
        [v] if v.kind() == "as_pattern" => {
            let parts = named_children(*v);
            typ = parts.first().map(|t| lower_expr(cx, *t));
            name = v
                .child_by_field_name("alias")
                .map(|a| cx.text_of(a).trim().to_string());
        }
        [v] => typ = Some(lower_expr(cx, *v)),
        [v, n] => {
            if cx.dialect == Dialect::Py3 {
                cx.error(clause, subset::EXCEPT_COMMA_PY3);
            }
            typ = Some(lower_expr(cx, *v));
            if n.kind() == "identifier" {
                name = Some(cx.text_of(*n).to_string());
            } else {
                cx.error(*n, "`except E, target:` needs a plain name as its target");
            }
        }
        _ => cx.error(clause, "syntax error: malformed except clause"),
    }
    let body = match named_children(clause)
        .into_iter()
        .find(|c| c.kind() == "block")
    {
        Some(b) => lower_block_children(cx, b),
        None => Vec::new(),
    };
    ExceptHandler {
        typ,
        name,
        body,
        span: cx.span(clause),
    }
}

fn lower_print(cx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    if cx.dialect == Dialect::Py3 {
        cx.error(node, subset::PRINT_STMT_PY3);
        return;
    }
    let dest = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "chevron")
        .map(|ch| match named_children(ch).first() {
            Some(e) => lower_expr(cx, *e),
            None => placeholder(cx, ch),
        });
    let values = field_children(node, "argument")
        .into_iter()
        .map(|a| lower_expr(cx, a))
        .collect();
    let newline = all_children(node).last().map(|c| c.kind()) != Some(",");
    push(
        cx,
        out,
        node,
        StmtKind::Print {
            dest,
            values,
            newline,
        },
    );
}

/// Does this expression start with the bare name `print` applied to
/// something (`print(...)`, `print[...]`, `print (a) + b`)? tree-sitter
/// reads py2's `print (x), y` and `print [x]` as a call or subscript.
fn starts_with_print(cx: &Lower, node: Node) -> bool {
    let mut n = node;
    loop {
        match n.kind() {
            "call" | "subscript" => {
                let f = n
                    .child_by_field_name("function")
                    .or_else(|| n.child_by_field_name("value"));
                match f {
                    Some(f) if f.kind() == "identifier" => return cx.text_of(f) == "print",
                    Some(f) => n = f,
                    None => return false,
                }
            }
            "binary_operator" | "attribute" | "comparison_operator" | "boolean_operator" => {
                match named_children(n).first() {
                    Some(f) => n = *f,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
}

/// py2 without `from __future__ import print_function`: `print(a)`,
/// `print (a), b`, `print [x], y` and the same with a trailing comma are
/// print statements whose first item is the parenthesised expression (a
/// tuple if it holds several) or the list.
fn lower_py2_print_expr(cx: &mut Lower, children: &[Node], node: Node, out: &mut Vec<Stmt>) {
    let first = children[0];
    let mut values = Vec::new();
    match first.kind() {
        "call" if is_print_call(cx, first) => {
            let Some(args) = first.child_by_field_name("arguments") else {
                cx.error(first, "syntax error: malformed print statement");
                return;
            };
            let items = named_children(args);
            if let Some(k) = items.iter().find(|a| {
                matches!(
                    a.kind(),
                    "keyword_argument" | "list_splat" | "dictionary_splat"
                )
            }) {
                cx.error(
                    *k,
                    "`print(..., keyword=...)` needs `from __future__ import print_function` in Python 2",
                );
                return;
            }
            let mut vs: Vec<Expr> = items.iter().map(|a| lower_expr(cx, *a)).collect();
            values.push(if vs.len() == 1 {
                vs.pop().expect("one item")
            } else {
                Expr {
                    kind: ExprKind::Tuple(vs),
                    span: cx.span(args),
                }
            });
        }
        "subscript"
            if first
                .child_by_field_name("value")
                .is_some_and(|v| v.kind() == "identifier") =>
        {
            let subs = field_children(first, "subscript");
            if subs.iter().any(|s| s.kind() == "slice") {
                cx.error(first, "syntax error: `print [a:b]` is not a list");
                return;
            }
            let items = subs.iter().map(|a| lower_expr(cx, *a)).collect();
            let start = first
                .child_by_field_name("value")
                .and_then(|v| v.next_sibling())
                .unwrap_or(first);
            values.push(Expr {
                kind: ExprKind::List(items),
                span: cx.span2(start, first),
            });
        }
        _ => {
            cx.error(
                first,
                "this py2 print statement starts with a parenthesised or bracketed expression that continues (e.g. `print (a) * 2`); put the whole item in parentheses: `print ((a) * 2)`",
            );
            return;
        }
    }
    for c in &children[1..] {
        values.push(lower_expr(cx, *c));
    }
    let newline = all_children(node).last().map(|c| c.kind()) != Some(",");
    push(
        cx,
        out,
        node,
        StmtKind::Print {
            dest: None,
            values,
            newline,
        },
    );
}

/// `print(...)` as a statement, where `print` is the bare name.
fn is_print_call(cx: &Lower, node: Node) -> bool {
    node.kind() == "call"
        && node
            .child_by_field_name("function")
            .is_some_and(|f| f.kind() == "identifier" && cx.text_of(f) == "print")
}
