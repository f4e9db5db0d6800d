//! The text printer and the Graphviz writer on a small built graph.

use rpy_flow::build::build_function;
use rpy_flow::dot::graph_to_dot;
use rpy_flow::host::{FunctionObj, ModuleObj};
use rpy_flow::print::print_graph;
use rpy_flow::{Const, HostObj, Program};
use rpy_syntax::ast::StmtKind;
use rpy_syntax::parse::{parse_module, Dialect};
use std::rc::Rc;

fn graph(src: &str) -> rpy_flow::FlowGraph {
    let mut prog = Program::new();
    let file = prog.sources.add("t.py", src);
    let m = parse_module(file, src, "t", Dialect::Py3).expect("parses");
    let mid = prog.objs.push(HostObj::Module(ModuleObj {
        name: "t".into(),
        file,
        globals: Vec::new(),
    }));
    let StmtKind::FunctionDef(def) = &m.body[0].kind else {
        panic!("expected a def")
    };
    let f = prog.objs.push(HostObj::Function(FunctionObj {
        name: def.name.clone(),
        qualname: def.name.clone(),
        def: Rc::new((**def).clone()),
        module: mid,
        defaults: Vec::new(),
    }));
    let _ = Const::None;
    build_function(&prog, f).expect("builds")
}

#[test]
fn text_printer_uses_display_for_constants() {
    let g = graph(
        "def f(x):\n    try:\n        return x[0]\n    except IndexError:\n        return '\"'\n",
    );
    assert_eq!(
        print_graph(&g),
        "graph f(v0_x)\n\
         block0(v0_x):\n  v1 = getitem(v0_x, 0)\n  switch last_exception:\n    normal: return(v1)\n    <h6> as (v2_etype, v3_evalue): return(\"\\\"\")\n"
    );
}

#[test]
fn dot_output_escapes_and_labels() {
    let g = graph("def f(x):\n    if x:\n        return '{<|>}\"'\n    return x\n");
    let x = g.params()[0];
    let dot = graph_to_dot(&g, &|v| if v == x { Some("int".into()) } else { None });
    std::fs::write(concat!(env!("CARGO_TARGET_TMPDIR"), "/printers.dot"), &dot).unwrap();
    let expected = r#"digraph {
  graph [label="f", labelloc=t];
  node [fontname="monospace", shape=rectangle];
  edge [fontname="monospace"];
  block0 [label="block0(v3_x: int)\lv4 = bool(v3_x: int)\lswitch v4\l", penwidth=2];
  block1 [label="return(v0_result)\l", style=rounded, color=green];
  block2 [label="raise(v1_etype, v2_evalue)\l", style=rounded, color=red];
  block0 -> block1 [label="False\l(v3_x: int)\l"];
  block0 -> block1 [label="True\l(\"{<|>}\\\"\")\l"];
}
"#;
    assert_eq!(dot, expected);
}
