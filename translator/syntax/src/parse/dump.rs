//! A compact text form of the AST, for tests (text in, text out) and for
//! `--dump` style debugging.
//!
//! Statements are one per line, indented by two spaces per block level:
//! `def f(a, b=1)`, `assign x y = (+ a 1)`, `if (< a b)` ... `else`.
//! Expressions are s-expressions: `(+ a 1)`, `(call f a k=1)`, `(. obj attr)`,
//! `(index a i)`, `(slice lo _ step)`, `(cmp a < b <= c)`, `(f "x=" {x !r :>5})`.
//! With spans, every statement and expression head is followed by
//! `@line:col-end_line:end_col`.

use crate::ast::*;
use crate::span::Span;
use std::fmt::Write;

/// The module as text, without positions.
pub fn dump_module(m: &Module) -> String {
    Dumper {
        spans: false,
        out: String::new(),
    }
    .module(m)
}

/// The module as text, with `@line:col-end_line:end_col` after every node.
pub fn dump_module_with_spans(m: &Module) -> String {
    Dumper {
        spans: true,
        out: String::new(),
    }
    .module(m)
}

struct Dumper {
    spans: bool,
    out: String,
}

impl Dumper {
    fn module(mut self, m: &Module) -> String {
        for s in &m.body {
            self.stmt(s, 0);
        }
        self.out
    }

    fn at(&self, span: Span) -> String {
        if self.spans {
            format!(
                "@{}:{}-{}:{}",
                span.line, span.col, span.end_line, span.end_col
            )
        } else {
            String::new()
        }
    }

    fn line(&mut self, depth: usize, head: &str, span: Option<Span>, rest: &str) {
        let at = span.map(|s| self.at(s)).unwrap_or_default();
        let _ = writeln!(
            self.out,
            "{}{head}{at}{}{rest}",
            "  ".repeat(depth),
            if rest.is_empty() { "" } else { " " }
        );
    }

    fn body(&mut self, stmts: &[Stmt], depth: usize) {
        for s in stmts {
            self.stmt(s, depth);
        }
    }

    fn stmt(&mut self, s: &Stmt, d: usize) {
        let sp = Some(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                let params: Vec<String> = f
                    .params
                    .iter()
                    .map(|p| match &p.default {
                        Some(e) => format!("{}{}={}", p.name, self.at(p.span), self.expr(e)),
                        None => format!("{}{}", p.name, self.at(p.span)),
                    })
                    .collect();
                self.line(d, "def", sp, &format!("{}({})", f.name, params.join(", ")));
                for dec in &f.decorators {
                    let e = self.expr(dec);
                    self.line(d + 1, "@", None, &e);
                }
                self.body(&f.body, d + 1);
            }
            StmtKind::ClassDef(c) => {
                let bases: Vec<String> = c.bases.iter().map(|b| self.expr(b)).collect();
                self.line(d, "class", sp, &format!("{}({})", c.name, bases.join(", ")));
                for dec in &c.decorators {
                    let e = self.expr(dec);
                    self.line(d + 1, "@", None, &e);
                }
                self.body(&c.body, d + 1);
            }
            StmtKind::Return(v) => {
                let rest = v.as_ref().map(|e| self.expr(e)).unwrap_or_default();
                self.line(d, "return", sp, &rest);
            }
            StmtKind::Assign { targets, value } => {
                let ts: Vec<String> = targets.iter().map(|t| self.expr(t)).collect();
                let rest = format!("{} = {}", ts.join(" "), self.expr(value));
                self.line(d, "assign", sp, &rest);
            }
            StmtKind::AugAssign { target, op, value } => {
                let rest = format!(
                    "{} {}= {}",
                    self.expr(target),
                    dump_symbol(*op),
                    self.expr(value)
                );
                self.line(d, "augassign", sp, &rest);
            }
            StmtKind::Expr(e) => {
                let rest = self.expr(e);
                self.line(d, "expr", sp, &rest);
            }
            StmtKind::If { test, body, orelse } => {
                let rest = self.expr(test);
                self.line(d, "if", sp, &rest);
                self.body(body, d + 1);
                if !orelse.is_empty() {
                    self.line(d, "else", None, "");
                    self.body(orelse, d + 1);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let rest = self.expr(test);
                self.line(d, "while", sp, &rest);
                self.body(body, d + 1);
                if !orelse.is_empty() {
                    self.line(d, "else", None, "");
                    self.body(orelse, d + 1);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let rest = format!("{} in {}", self.expr(target), self.expr(iter));
                self.line(d, "for", sp, &rest);
                self.body(body, d + 1);
                if !orelse.is_empty() {
                    self.line(d, "else", None, "");
                    self.body(orelse, d + 1);
                }
            }
            StmtKind::Break => self.line(d, "break", sp, ""),
            StmtKind::Continue => self.line(d, "continue", sp, ""),
            StmtKind::Pass => self.line(d, "pass", sp, ""),
            StmtKind::Import(names) => {
                let rest = self.aliases(names);
                self.line(d, "import", sp, &rest);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let rest = format!(
                    "{}{} import {}",
                    ".".repeat(*level as usize),
                    module.as_deref().unwrap_or(""),
                    self.aliases(names)
                );
                self.line(d, "from", sp, &rest);
            }
            StmtKind::Global(names) => self.line(d, "global", sp, &names.join(" ")),
            StmtKind::Raise { exc, cause } => {
                let mut rest = exc.as_ref().map(|e| self.expr(e)).unwrap_or_default();
                if let Some(c) = cause {
                    rest = format!("{rest} from {}", self.expr(c));
                }
                self.line(d, "raise", sp, &rest);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.line(d, "try", sp, "");
                self.body(body, d + 1);
                for h in handlers {
                    let mut rest = h.typ.as_ref().map(|t| self.expr(t)).unwrap_or_default();
                    if let Some(n) = &h.name {
                        rest = format!("{rest} as {n}");
                    }
                    self.line(d, "except", Some(h.span), &rest);
                    self.body(&h.body, d + 1);
                }
                if !orelse.is_empty() {
                    self.line(d, "else", None, "");
                    self.body(orelse, d + 1);
                }
                if !finalbody.is_empty() {
                    self.line(d, "finally", None, "");
                    self.body(finalbody, d + 1);
                }
            }
            StmtKind::Assert { test, msg } => {
                let mut rest = self.expr(test);
                if let Some(m) = msg {
                    rest = format!("{rest}, {}", self.expr(m));
                }
                self.line(d, "assert", sp, &rest);
            }
            StmtKind::Delete(targets) => {
                let ts: Vec<String> = targets.iter().map(|t| self.expr(t)).collect();
                self.line(d, "del", sp, &ts.join(" "));
            }
            StmtKind::Print {
                dest,
                values,
                newline,
            } => {
                let mut vs: Vec<String> =
                    dest.iter().map(|t| format!(">>{}", self.expr(t))).collect();
                vs.extend(values.iter().map(|t| self.expr(t)));
                if !newline {
                    vs.push(",".to_string());
                }
                self.line(d, "print", sp, &vs.join(" "));
            }
        }
    }

    fn aliases(&self, names: &[Alias]) -> String {
        let parts: Vec<String> = names
            .iter()
            .map(|a| match &a.asname {
                Some(n) => format!("{}{} as {n}", a.name, self.at(a.span)),
                None => format!("{}{}", a.name, self.at(a.span)),
            })
            .collect();
        parts.join(", ")
    }

    fn list(&self, items: &[Expr]) -> String {
        items.iter().map(|e| format!(" {}", self.expr(e))).collect()
    }

    fn opt(&self, e: &Option<Box<Expr>>) -> String {
        e.as_ref()
            .map(|e| self.expr(e))
            .unwrap_or_else(|| "_".to_string())
    }

    fn expr(&self, e: &Expr) -> String {
        let at = self.at(e.span);
        match &e.kind {
            ExprKind::Name(n) => format!("{n}{at}"),
            ExprKind::Int(v) => format!("{v}{at}"),
            ExprKind::Float(v) => format!("{v:?}{at}"),
            ExprKind::Str(s) => format!("{s:?}{at}"),
            ExprKind::Bytes(b) => format!("b\"{}\"{at}", b.escape_ascii()),
            ExprKind::Bool(b) => format!("{}{at}", if *b { "True" } else { "False" }),
            ExprKind::NoneLit => format!("None{at}"),
            ExprKind::FString(parts) => format!("(f{at}{})", self.fparts(parts)),
            ExprKind::BinOp { op, left, right } => format!(
                "({}{at} {} {})",
                dump_symbol(*op),
                self.expr(left),
                self.expr(right)
            ),
            ExprKind::UnaryOp { op, operand } => {
                let name = match op {
                    UnaryOp::Neg => "neg",
                    UnaryOp::Pos => "pos",
                    UnaryOp::Not => "not",
                    UnaryOp::Invert => "~",
                };
                format!("({name}{at} {})", self.expr(operand))
            }
            ExprKind::BoolOp { op, values } => {
                let name = if *op == BoolOp::And { "and" } else { "or" };
                format!("({name}{at}{})", self.list(values))
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut s = format!("(cmp{at} {}", self.expr(left));
                for (op, c) in ops.iter().zip(comparators) {
                    let _ = write!(s, " {} {}", op.symbol(), self.expr(c));
                }
                s + ")"
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut s = format!("(call{at} {}{}", self.expr(func), self.list(args));
                for k in keywords {
                    let _ = write!(s, " {}{}={}", k.name, self.at(k.span), self.expr(&k.value));
                }
                s + ")"
            }
            ExprKind::Attribute { value, attr } => format!("(.{at} {} {attr})", self.expr(value)),
            ExprKind::Subscript { value, index } => {
                format!("(index{at} {} {})", self.expr(value), self.expr(index))
            }
            ExprKind::Slice { lower, upper, step } => {
                format!(
                    "(slice{at} {} {} {})",
                    self.opt(lower),
                    self.opt(upper),
                    self.opt(step)
                )
            }
            ExprKind::Tuple(items) => format!("(tuple{at}{})", self.list(items)),
            ExprKind::List(items) => format!("(list{at}{})", self.list(items)),
            ExprKind::Dict(items) => {
                let s: String = items
                    .iter()
                    .map(|(k, v)| format!(" ({} {})", self.expr(k), self.expr(v)))
                    .collect();
                format!("(dict{at}{s})")
            }
            ExprKind::IfExp { test, body, orelse } => {
                format!(
                    "(ifexp{at} {} {} {})",
                    self.expr(test),
                    self.expr(body),
                    self.expr(orelse)
                )
            }
            ExprKind::ListComp { elt, generators } => {
                format!("(listcomp{at} {}{})", self.expr(elt), self.gens(generators))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                format!(
                    "(dictcomp{at} {} {}{})",
                    self.expr(key),
                    self.expr(value),
                    self.gens(generators)
                )
            }
        }
    }

    fn gens(&self, gens: &[Comprehension]) -> String {
        let mut s = String::new();
        for g in gens {
            let _ = write!(
                s,
                " (for {} in {}",
                self.expr(&g.target),
                self.expr(&g.iter)
            );
            for c in &g.ifs {
                let _ = write!(s, " if {}", self.expr(c));
            }
            s.push(')');
        }
        s
    }

    fn fparts(&self, parts: &[FStringPart]) -> String {
        let mut s = String::new();
        for p in parts {
            match p {
                FStringPart::Literal(l) => {
                    let _ = write!(s, " {l:?}");
                }
                FStringPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    let _ = write!(s, " {{{}", self.expr(value));
                    if let Some(c) = conversion {
                        let _ = write!(s, " !{c}");
                    }
                    if !spec.is_empty() {
                        let _ = write!(s, " :{}", self.fparts(spec).trim_start());
                    }
                    s.push('}');
                }
            }
        }
        s
    }
}

/// An operator as the dump shows it: py2's classic `/` is `div2`.
fn dump_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::ClassicDiv => "div2",
        _ => op.symbol(),
    }
}
