//! Text-in/text-out tests of the flow-graph builder.
//!
//! Each file in `tests/build/` holds Python source, a line `# expect:`, and
//! the expected output: the printed graph of every top-level function in
//! source order (or, with a first line `# mode: module`, the graph of the
//! module body; with `# mode: class`, the graph of each top-level class
//! body; `# dialect: py2` parses as py2), or the diagnostics as `line:col: message`. Every built
//! graph is also checked with `check_graph`. A line `# show: spans` prints
//! link args with the position where each value was assigned (`v@line:col`). `BLESS=1 cargo test` rewrites
//! the expectations. `round_trip` checks that every printed graph parses
//! back (`parse_text`) and prints identically.

use rpy_flow::build::{build_class_body, build_function, build_module_body};
use rpy_flow::check::check_graph;
use rpy_flow::host::{ClassObj, FunctionObj, ModuleObj};
use rpy_flow::parse_text::parse_flow_graph;
use rpy_flow::print::{print_flow_graph, print_flow_graph_spans};
use rpy_flow::{Builtin, Const, HostObj, Program};
use rpy_syntax::ast::{ExprKind, StmtKind};
use rpy_syntax::parse::{parse_module, Dialect};
use rpy_syntax::{Diagnostic, Span};
use std::rc::Rc;

fn diag_text(out: &mut String, ds: &[Diagnostic]) {
    for d in ds {
        out.push_str(&format!("{}:{}: {}\n", d.span.line, d.span.col, d.message));
    }
}

/// Run one case's source; returns the actual output. With `round_trip`,
/// each graph's text is parsed back and printed again before output (so
/// the output is unchanged iff printing round-trips).
fn run(src: &str, round_trip: bool) -> String {
    let module_mode = src.starts_with("# mode: module");
    let class_mode = src.starts_with("# mode: class");
    let mut prog = Program::new();
    let file = prog.sources.add("test.py", src);
    let dialect = if src.starts_with("# dialect: py2") {
        Dialect::Py2
    } else {
        Dialect::Py3
    };
    prog.py2 = dialect == Dialect::Py2;
    let m = match parse_module(file, src, "test", dialect) {
        Ok(m) => m,
        Err(ds) => {
            let mut out = String::from("parse error\n");
            diag_text(&mut out, &ds);
            return out;
        }
    };
    let mid = prog.objs.push(HostObj::Module(ModuleObj {
        name: "test".into(),
        file,
        globals: Vec::new(),
    }));
    let show_spans = src.lines().any(|l| l.trim() == "# show: spans");
    let print_flow_graph = |prog: &Program, g: &rpy_flow::FlowGraph| {
        let print = |g: &rpy_flow::FlowGraph| {
            if show_spans {
                print_flow_graph_spans(prog, g)
            } else {
                print_flow_graph(prog, g)
            }
        };
        let text = print(g);
        if !round_trip {
            return text;
        }
        match parse_flow_graph(&text, Some(prog)) {
            Ok(back) => print(&back),
            Err(e) => format!("parse error {e} in:\n{text}"),
        }
    };
    let mut out = String::new();
    if class_mode {
        for s in &m.body {
            if let StmtKind::ClassDef(def) = &s.kind {
                match build_class_body(&mut prog, mid, def) {
                    Ok(g) => {
                        check_graph(&g).expect("class body graph is valid");
                        out.push_str(&print_flow_graph(&prog, &g));
                    }
                    Err(ds) => diag_text(&mut out, &ds),
                }
            }
        }
        return out;
    }
    if module_mode {
        match build_module_body(&mut prog, mid, &m.body) {
            Ok(g) => {
                check_graph(&g).expect("module graph is valid");
                out.push_str(&print_flow_graph(&prog, &g));
            }
            Err(ds) => diag_text(&mut out, &ds),
        }
        return out;
    }
    // A stand-in for module initialisation: functions, classes, simple
    // constants and `import os`.
    let mut funcs = Vec::new();
    for s in &m.body {
        let set = |prog: &mut Program, name: &str, c: Const| match &mut prog.objs[mid] {
            HostObj::Module(mo) => mo.set_global(name, c),
            _ => unreachable!(),
        };
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                let id = prog.objs.push(HostObj::Function(FunctionObj {
                    name: def.name.clone(),
                    qualname: def.name.clone(),
                    def: Rc::new((**def).clone()),
                    module: mid,
                    defaults: Vec::new(),
                }));
                set(&mut prog, &def.name, Const::Host(id));
                funcs.push(id);
            }
            StmtKind::ClassDef(def) => {
                let exc = prog.exc_class("Exception");
                let id = prog.objs.push(HostObj::Class(ClassObj {
                    name: def.name.clone(),
                    qualname: def.name.clone(),
                    bases: vec![exc],
                    attrs: Vec::new(),
                    span: def.span,
                    builtin: false,
                }));
                set(&mut prog, &def.name, Const::Host(id));
            }
            StmtKind::Assign { targets, value } => {
                if let (Some(ExprKind::Name(n)), ExprKind::Int(i)) =
                    (targets.first().map(|t| &t.kind), &value.kind)
                {
                    set(&mut prog, n, Const::Int(*i));
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if a.name == "os" {
                        set(&mut prog, "os", Const::Builtin(Builtin::OsModule));
                    }
                }
            }
            _ => {}
        }
    }
    let _ = Span::NONE;
    for f in funcs {
        match build_function(&prog, f) {
            Ok(g) => {
                if let Err(errs) = check_graph(&g) {
                    panic!("invalid graph: {errs:?}\n{}", print_flow_graph(&prog, &g));
                }
                out.push_str(&print_flow_graph(&prog, &g));
            }
            Err(ds) => diag_text(&mut out, &ds),
        }
    }
    out
}

#[test]
fn build_cases() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/build");
    let bless = std::env::var("BLESS").is_ok();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
    {
        let text = std::fs::read_to_string(p).unwrap();
        let (src, expected) = match text.split_once("# expect:\n") {
            Some((s, e)) => (s.to_string(), e.to_string()),
            None => (text.clone(), String::new()),
        };
        let actual = run(&src, false);
        if actual != expected {
            if bless {
                std::fs::write(p, format!("{src}# expect:\n{actual}")).unwrap();
            } else {
                failures.push(format!(
                    "--- {}\nexpected:\n{expected}\nactual:\n{actual}",
                    p.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ (BLESS=1 to update):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/build");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut graphs = 0;
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
    {
        let text = std::fs::read_to_string(p).unwrap();
        let src = text
            .split_once("# expect:\n")
            .map(|(s, _)| s)
            .unwrap_or(&text);
        let printed = run(src, false);
        graphs += printed.lines().filter(|l| l.starts_with("graph ")).count();
        let again = run(src, true);
        if again != printed {
            failures.push(format!(
                "--- {}\nprinted:\n{printed}\nafter parse and print:\n{again}",
                p.display()
            ));
        }
    }
    assert!(graphs > 20, "only {graphs} graphs printed");
    assert!(
        failures.is_empty(),
        "{} case(s) do not round-trip:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
