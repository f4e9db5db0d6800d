//! Which names of a function are local: its parameters and every name
//! assigned anywhere in its body (assignment and augmented-assignment
//! targets, `for` targets, `except ... as` names), minus names declared
//! `global`. Comprehension targets are not included: in py3 they are scoped
//! to the comprehension. Order: parameters, then first assignment in
//! source order (it fixes the order of phis, so printed graphs are stable).

use rpy_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use std::collections::HashSet;

pub(super) fn assigned_names(
    params: &[ast::Param],
    body: &[Stmt],
) -> (Vec<String>, HashSet<String>) {
    let mut globals = HashSet::new();
    collect_globals(body, &mut globals);
    let mut names: Vec<String> = params.iter().map(|p| p.name.clone()).collect();
    collect(body, &mut names);
    names.retain(|n| !globals.contains(n));
    let mut seen = HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    (names, globals)
}

fn collect_globals(body: &[Stmt], out: &mut HashSet<String>) {
    for s in body {
        match &s.kind {
            StmtKind::Global(names) => out.extend(names.iter().cloned()),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect_globals(body, out);
                collect_globals(orelse, out);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_globals(body, out);
                for h in handlers {
                    collect_globals(&h.body, out);
                }
                collect_globals(orelse, out);
                collect_globals(finalbody, out);
            }
            _ => {}
        }
    }
}

fn target_names(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                target_names(i, out);
            }
        }
        _ => {}
    }
}

fn collect(body: &[Stmt], out: &mut Vec<String>) {
    for s in body {
        match &s.kind {
            StmtKind::Assign { targets, .. } => {
                for t in targets {
                    target_names(t, out);
                }
            }
            StmtKind::AugAssign { target, .. } => target_names(target, out),
            StmtKind::For {
                target,
                body,
                orelse,
                ..
            } => {
                target_names(target, out);
                collect(body, out);
                collect(orelse, out);
            }
            StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                collect(body, out);
                collect(orelse, out);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect(body, out);
                for h in handlers {
                    if let Some(n) = &h.name {
                        out.push(n.clone());
                    }
                    collect(&h.body, out);
                }
                collect(orelse, out);
                collect(finalbody, out);
            }
            _ => {}
        }
    }
}
