//! Graphviz writer for graphs of any level (`--view`, dump folders).
//!
//! One box node per block: its inputargs on the first line, then its ops,
//! then the exit switch; the return and except blocks are drawn as
//! distinct shapes. One edge per link, labelled with its exitcase (and
//! caught exception vars) and its args. `var_label` lets later stages
//! decorate variable names with types: `v3: SomeInteger`.
//!
//! Labels are written as quoted strings with left-justified lines (`\l`);
//! `escape` doubles backslashes and escapes quotes so any constant text
//! (strings with quotes, braces, `<`, `>`, `|`) renders verbatim. Boxes
//! (not record shapes) are used, so braces and bars need no escaping.

use crate::graph::{Block, Exitswitch, Graph, Level, Value, Var};
use dot_writer::{Attributes, DotWriter, Shape};

/// Escape text for a quoted dot label; newlines become left-justified breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\l"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn value_text<L: Level>(
    g: &Graph<L>,
    v: &Value<L::Const>,
    var_label: &dyn Fn(Var) -> Option<String>,
) -> String {
    match v {
        Value::Var(v) => var_text(g, *v, var_label),
        Value::Const(c) => c.to_string(),
    }
}

fn var_text<L: Level>(g: &Graph<L>, v: Var, var_label: &dyn Fn(Var) -> Option<String>) -> String {
    match var_label(v) {
        Some(l) => format!("{}: {l}", g.var_name(v)),
        None => g.var_name(v),
    }
}

fn block_id(b: Block) -> String {
    format!("{b}")
}

/// The whole graph as a dot `digraph`.
pub fn graph_to_dot<L: Level>(g: &Graph<L>, var_label: &dyn Fn(Var) -> Option<String>) -> String {
    let mut bytes = Vec::new();
    {
        let mut w = DotWriter::from(&mut bytes);
        w.set_pretty_print(true);
        let mut dg = w.digraph();
        dg.graph_attributes()
            .set_label(&escape(&g.name))
            .set("labelloc", "t", false);
        dg.node_attributes()
            .set_font("monospace")
            .set_shape(Shape::Rectangle);
        dg.edge_attributes().set_font("monospace");
        let mut blocks = g.reachable_blocks();
        for b in [g.returnblock, g.exceptblock] {
            if !blocks.contains(&b) {
                blocks.push(b);
            }
        }
        for &b in &blocks {
            let data = &g.blocks[b];
            let ins: Vec<String> = data
                .inputargs
                .iter()
                .map(|&v| var_text(g, v, var_label))
                .collect();
            let mut text = if b == g.returnblock {
                format!("return({})\n", ins.join(", "))
            } else if b == g.exceptblock {
                format!("raise({})\n", ins.join(", "))
            } else {
                format!("{b}({})\n", ins.join(", "))
            };
            for op in &data.ops {
                let args: Vec<String> = op
                    .args
                    .iter()
                    .map(|a| value_text(g, a, var_label))
                    .collect();
                text.push_str(&format!(
                    "{} = {}({})\n",
                    var_text(g, op.result, var_label),
                    op.kind,
                    args.join(", ")
                ));
            }
            match &data.exitswitch {
                Exitswitch::None => {}
                Exitswitch::Value(v) => text.push_str(&format!("switch {}\n", g.var_name(*v))),
                Exitswitch::LastException => text.push_str("switch last_exception\n"),
            }
            let mut node = dg.node_named(block_id(b));
            node.set("label", &escape(&text), true);
            if b == g.returnblock {
                node.set("style", "rounded", false)
                    .set("color", "green", false);
            } else if b == g.exceptblock {
                node.set("style", "rounded", false)
                    .set("color", "red", false);
            } else if b == g.startblock {
                node.set("penwidth", "2", false);
            }
        }
        for &b in &blocks {
            for l in &g.blocks[b].exits {
                let mut label = String::new();
                if let Some(c) = &l.exitcase {
                    label.push_str(&c.to_string());
                }
                if l.last_exception.is_some() || l.last_exc_value.is_some() {
                    let a = l.last_exception.map(|v| g.var_name(v)).unwrap_or_default();
                    let e = l.last_exc_value.map(|v| g.var_name(v)).unwrap_or_default();
                    label.push_str(&format!(" as ({a}, {e})"));
                }
                let args: Vec<String> =
                    l.args.iter().map(|a| value_text(g, a, var_label)).collect();
                if !label.is_empty() {
                    label.push('\n');
                }
                label.push_str(&format!("({})\n", args.join(", ")));
                let e = dg.edge(block_id(b), block_id(l.target));
                e.attributes().set("label", &escape(&label), true);
            }
        }
    }
    String::from_utf8(bytes).expect("dot output is utf-8")
}
