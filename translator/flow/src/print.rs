//! Text printer for graphs of any level, used by text-in/text-out tests and
//! `--dump` output.
//!
//! The output is stable: blocks are printed in depth-first order from the
//! start block and both blocks and variables are renumbered in order of
//! first appearance (a variable keeps its source-name hint, `v3_x`). The
//! return and except blocks are not printed; links to them read
//! `return(v)` and `raise(t, v)`. Example:
//!
//! ```text
//! graph f(v0_n)
//! block0(v0_n):
//!   v1 = lt(v0_n, 0)
//!   switch v1:
//!     False: block1(v0_n)
//!     True: return(-1)
//! block1(v2_n):
//!   v3 = next(v2_n)
//!   switch last_exception:
//!     normal: block2(v3)
//!     <StopIteration>: return(None)
//!     <ValueError> as (v4, v5): raise(v4, v5)
//! ```
//!
//! A block with `Exitswitch::None` ends with `goto target(args)`.
//!
//! Host-object constants print as `<text>` (`<ValueError>`,
//! `<function m.f>`, `<list h7>`); `print_flow_graph` appends ` #id` when
//! the text alone does not name one object (`<Node #12>`: two classes
//! `Node`, or a class named like a builtin), so that `parse_text` can read
//! every constant back.
//!
//! With `PrintOptions::arg_spans`, a link arg whose `arg_spans` entry is
//! known is followed by `@line:col` (where the value was assigned):
//! `return(v3_x@7:9)`.

use crate::graph::{Block, Exitswitch, Graph, Level, Link, Value, Var};
use crate::host::{Builtin, HostId};
use crate::host::{HostObj, Program};
use crate::model::{Const, FlowGraph};
use cranelift_entity::EntityRef;
use rpy_syntax::Span;
use std::collections::HashMap;
use std::fmt::Write;

/// Print with the level's `Display` for constants.
pub fn print_graph<L: Level>(g: &Graph<L>) -> String {
    print_graph_with(g, &|c: &L::Const| c.to_string())
}

/// Print a flow graph naming host objects (`<ValueError>`, `<function m.f>`).
pub fn print_flow_graph(prog: &Program, g: &FlowGraph) -> String {
    let names = HostNames::new(prog);
    print_graph_with(g, &|c: &Const| names.text(c))
}

/// The texts of a program's host objects, with the ambiguous ones known
/// (see the module docs).
pub struct HostNames<'p> {
    prog: &'p Program,
    /// How many host objects print as each text (builtins count too).
    uses: HashMap<String, usize>,
    /// The object printing as each host text (last one wins; only used
    /// for texts with one use).
    by_text: HashMap<String, HostId>,
}

impl<'p> HostNames<'p> {
    pub fn new(prog: &'p Program) -> Self {
        let mut uses: HashMap<String, usize> = HashMap::new();
        for b in Builtin::ALL {
            *uses.entry(Const::Builtin(*b).to_string()).or_default() += 1;
        }
        let mut by_text = HashMap::new();
        for (h, _) in prog.objs.iter() {
            let t = const_text(prog, &Const::Host(h));
            *uses.entry(t.clone()).or_default() += 1;
            by_text.insert(t, h);
        }
        HostNames {
            prog,
            uses,
            by_text,
        }
    }

    /// `c` as text that names it unambiguously.
    pub fn text(&self, c: &Const) -> String {
        match c {
            Const::Host(h) => {
                let t = const_text(self.prog, c);
                if self.uses.get(&t).copied().unwrap_or(0) > 1 && !t.ends_with(&format!(" {h}>")) {
                    format!("{} #{}>", &t[..t.len() - 1], h.index())
                } else {
                    t
                }
            }
            Const::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|c| self.text(c)).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            other => other.to_string(),
        }
    }

    /// The object a host text (as printed by `text`) names, if exactly one.
    pub fn lookup(&self, text: &str) -> Option<HostId> {
        if self.uses.get(text).copied() != Some(1) {
            return None;
        }
        self.by_text.get(text).copied()
    }
}

/// A flow constant as text, with host objects named.
pub fn const_text(prog: &Program, c: &Const) -> String {
    match c {
        Const::Host(h) => match prog.objs.get(*h) {
            Some(HostObj::Module(m)) => format!("<module {}>", m.name),
            Some(HostObj::Code(d)) => format!("<code {}>", d.name),
            Some(HostObj::ClassCode(d)) => format!("<classcode {}>", d.name),
            Some(HostObj::Function(f)) => format!("<function {}>", f.qualname),
            Some(HostObj::Class(k)) => format!("<{}>", k.qualname),
            Some(HostObj::Instance { .. }) => format!("<instance {h}>"),
            Some(HostObj::List(_)) => format!("<list {h}>"),
            Some(HostObj::Dict(_)) => format!("<dict {h}>"),
            _ => format!("<{h}>"),
        },
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|c| const_text(prog, c)).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        other => other.to_string(),
    }
}

struct Names<'g, L: Level> {
    g: &'g Graph<L>,
    vars: HashMap<Var, usize>,
    blocks: HashMap<Block, usize>,
}

impl<'g, L: Level> Names<'g, L> {
    fn var(&mut self, v: Var) -> String {
        let n = self.vars.len();
        let i = *self.vars.entry(v).or_insert(n);
        match &self.g.vars[v].hint {
            Some(h) => format!("v{i}_{h}"),
            None => format!("v{i}"),
        }
    }
    fn block(&mut self, b: Block) -> String {
        if b == self.g.returnblock {
            return "return".into();
        }
        if b == self.g.exceptblock {
            return "raise".into();
        }
        let n = self.blocks.len();
        let i = *self.blocks.entry(b).or_insert(n);
        format!("block{i}")
    }
    fn value(&mut self, v: &Value<L::Const>, cf: &dyn Fn(&L::Const) -> String) -> String {
        match v {
            Value::Var(v) => self.var(*v),
            Value::Const(c) => cf(c),
        }
    }
    fn values(&mut self, vs: &[Value<L::Const>], cf: &dyn Fn(&L::Const) -> String) -> String {
        let parts: Vec<String> = vs.iter().map(|v| self.value(v, cf)).collect();
        parts.join(", ")
    }
}

/// What to print besides the graph's shape.
#[derive(Copy, Clone, Debug, Default, PartialEq)]
pub struct PrintOptions {
    /// Suffix link args with `@line:col` of their `arg_spans` entry.
    pub arg_spans: bool,
}

/// A flow graph with host objects named and link arg spans shown.
pub fn print_flow_graph_spans(prog: &Program, g: &FlowGraph) -> String {
    let names = HostNames::new(prog);
    print_graph_opts(
        g,
        &|c: &Const| names.text(c),
        PrintOptions { arg_spans: true },
    )
}

/// Print with a caller-chosen constant formatter.
pub fn print_graph_with<L: Level>(g: &Graph<L>, cf: &dyn Fn(&L::Const) -> String) -> String {
    print_graph_opts(g, cf, PrintOptions::default())
}

/// Print with a constant formatter and options.
pub fn print_graph_opts<L: Level>(
    g: &Graph<L>,
    cf: &dyn Fn(&L::Const) -> String,
    opts: PrintOptions,
) -> String {
    let mut n = Names {
        g,
        vars: HashMap::new(),
        blocks: HashMap::new(),
    };
    let mut out = String::new();
    let order: Vec<Block> = g
        .reachable_blocks()
        .into_iter()
        .filter(|&b| b != g.returnblock && b != g.exceptblock)
        .collect();
    for &b in &order {
        n.block(b);
    }
    let params: Vec<String> = g.params().iter().map(|&v| n.var(v)).collect();
    let _ = writeln!(out, "graph {}({})", g.name, params.join(", "));
    for &b in &order {
        let data = &g.blocks[b];
        let ins: Vec<String> = data.inputargs.iter().map(|&v| n.var(v)).collect();
        let _ = writeln!(out, "{}({}):", n.block(b), ins.join(", "));
        for op in &data.ops {
            let args = n.values(&op.args, cf);
            let res = n.var(op.result);
            let _ = writeln!(out, "  {res} = {}({args})", op.kind);
        }
        let target = |n: &mut Names<L>, l: &Link<L>| {
            let args = if opts.arg_spans {
                let parts: Vec<String> = l
                    .args
                    .iter()
                    .enumerate()
                    .map(|(k, a)| {
                        let v = n.value(a, cf);
                        match l.arg_spans.get(k).copied().unwrap_or(Span::NONE) {
                            s if s.is_none() => v,
                            s => format!("{v}@{}:{}", s.line, s.col),
                        }
                    })
                    .collect();
                parts.join(", ")
            } else {
                n.values(&l.args, cf)
            };
            format!("{}({args})", n.block(l.target))
        };
        match &data.exitswitch {
            Exitswitch::None => {
                for l in &data.exits {
                    let t = target(&mut n, l);
                    let _ = writeln!(out, "  goto {t}");
                }
            }
            Exitswitch::Value(v) => {
                let sv = n.var(*v);
                let _ = writeln!(out, "  switch {sv}:");
                for l in &data.exits {
                    let case = l
                        .exitcase
                        .as_ref()
                        .map(|c| cf(c))
                        .unwrap_or_else(|| "default".into());
                    let t = target(&mut n, l);
                    let _ = writeln!(out, "    {case}: {t}");
                }
            }
            Exitswitch::LastException => {
                let _ = writeln!(out, "  switch last_exception:");
                for l in &data.exits {
                    let mut case = l
                        .exitcase
                        .as_ref()
                        .map(|c| cf(c))
                        .unwrap_or_else(|| "normal".into());
                    if l.last_exception.is_some() || l.last_exc_value.is_some() {
                        let a = l
                            .last_exception
                            .map(|v| n.var(v))
                            .unwrap_or_else(|| "_".into());
                        let b = l
                            .last_exc_value
                            .map(|v| n.var(v))
                            .unwrap_or_else(|| "_".into());
                        case = format!("{case} as ({a}, {b})");
                    }
                    let t = target(&mut n, l);
                    let _ = writeln!(out, "    {case}: {t}");
                }
            }
        }
    }
    out
}
