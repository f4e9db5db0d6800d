//! Specialisation (`annotator/src/specialize.rs`): which graphs a program's
//! `@specialize.*` functions get, with their annotations, and what the
//! constant folding of `specialize.arg` graphs leaves.

use rpy_annotator::Annotator;
mod common;

/// Annotate `src` (a whole program) and list every graph of a function
/// whose name starts with `prefix`: `name(param annotations) -> result`.
fn families(name: &str, src: &str, prefix: &str) -> String {
    with_annotated(name, src, |ann| {
        let mut out = String::new();
        for (_, ag) in ann.graphs.iter() {
            let short = ag.graph.name.rsplit('.').next().unwrap().to_string();
            if !short.starts_with(prefix) {
                continue;
            }
            let params: Vec<String> = ag
                .graph
                .params()
                .iter()
                .map(|p| ag.bindings[*p].describe_in(ann.prog))
                .collect();
            let ret = &ag.graph.blocks[ag.graph.returnblock].inputargs[0];
            out.push_str(&format!(
                "{short}({}) -> {}\n",
                params.join(", "),
                ag.bindings[*ret].describe_in(ann.prog)
            ));
        }
        out
    })
}

fn with_annotated(name: &str, src: &str, f: impl FnOnce(&Annotator) -> String) -> String {
    common::with_annotation(name, src, |ann, outcome| match outcome {
        Ok(()) => f(ann),
        Err(ds) => common::error_lines(&ds),
    })
}

const HEADER: &str = "from rpython.rlib.objectmodel import specialize\n";

#[test]
fn argtype_one_graph_per_kind() {
    let src = format!(
        "{HEADER}
class A(object):
    pass

@specialize.argtype(0)
def double(x):
    return x + x

@specialize.argtype(0, 1)
def pair(a, b):
    return (a, b)

def entry_point(argv):
    double(1)
    double(2)
    double(1.5)
    double('s')
    double(True)
    pair(1, A())
    pair(A(), None)
    return 0
"
    );
    assert_eq!(
        families("argtype", &src, "double"),
        "double__int(int) -> int\n\
         double__float(float) -> float\n\
         double__str(str) -> str\n\
         double__bool(bool) -> int\n"
    );
    assert_eq!(
        families("argtype2", &src, "pair"),
        "pair__int_A(int, an instance of A) -> tuple[int, an instance]\n\
         pair__A_None(an instance of A, None) -> tuple[an instance, None]\n"
    );
}

#[test]
fn arg_folds_constant_branches() {
    let src = format!(
        "{HEADER}
@specialize.arg(1)
def conv(x, as_text):
    if as_text:
        return str(x)
    return x * 2

@specialize.arg(0)
def op(name, a):
    if name == 'neg':
        return -a
    return a

def entry_point(argv):
    conv(1, True)
    conv(2, False)
    conv(3, True)
    op('neg', 4)
    op('id', 5)
    return 0
"
    );
    assert_eq!(
        families("arg", &src, ""),
        "entry_point(list) -> int\n\
         conv__True(int, bool) -> str\n\
         conv__False(int, bool) -> int\n\
         op__neg(str, int) -> int\n\
         op__id(str, int) -> int\n"
    );
    // The folded graphs keep only the branch their constant selects.
    let ops = with_annotated("arg_ops", &src, |ann| {
        let mut out = String::new();
        for (_, ag) in ann.graphs.iter() {
            let short = ag.graph.name.rsplit('.').next().unwrap();
            let mut kinds = Vec::new();
            for b in ag.graph.reachable_blocks() {
                for op in &ag.graph.blocks[b].ops {
                    kinds.push(op.kind.name());
                }
            }
            rpy_flow::check::check_graph(&ag.graph).unwrap();
            out.push_str(&format!("{short}: {}\n", kinds.join(" ")));
        }
        out
    });
    assert!(ops.contains("conv__True: simple_call\n"), "{ops}");
    assert!(ops.contains("conv__False: mul\n"), "{ops}");
    assert!(ops.contains("op__neg: neg\n"), "{ops}");
    assert!(ops.contains("op__id: \n"), "{ops}");
}

#[test]
fn call_location_and_memo() {
    let src = format!(
        "{HEADER}
@specialize.call_location()
def ident(x):
    return x

@specialize.memo()
def size(n):
    return n * 8

def entry_point(argv):
    ident(1)
    ident('a')
    ident(1)
    return size(2) - size(2) + size(3)
"
    );
    assert_eq!(
        families("loc", &src, "ident"),
        "ident__site1(int) -> int\n\
         ident__site2(str) -> str\n\
         ident__site3(int) -> int\n"
    );
    // memo functions get no graph: the calls are constants.
    assert_eq!(families("memo", &src, "size"), "");
}

#[test]
fn errors_name_the_decorator() {
    let src = format!(
        "{HEADER}
@specialize.arg(2)
def f(a, b):
    return a

def entry_point(argv):
    f(1, 2)
    return 0
"
    );
    assert_eq!(
        families("bad_index", &src, "f"),
        "error 8:5: @specialize.arg(2) names argument 2, but f() takes 2 arguments\n"
    );
}

#[test]
fn argtype_folds_isinstance() {
    let src = format!(
        "{HEADER}
class A(object):
    pass

class B(object):
    pass

@specialize.argtype(0)
def show(x):
    if isinstance(x, int):
        return x + 1
    elif isinstance(x, (A, str)):
        return 0
    return -1

def entry_point(argv):
    show(1)
    show('s')
    show(A())
    show(B())
    show(True)
    return 0
"
    );
    let ops = with_annotated("isinst", &src, |ann| {
        let mut out = String::new();
        for (_, ag) in ann.graphs.iter() {
            let short = ag.graph.name.rsplit('.').next().unwrap();
            if !short.starts_with("show") {
                continue;
            }
            let mut kinds = Vec::new();
            for b in ag.graph.reachable_blocks() {
                for op in &ag.graph.blocks[b].ops {
                    kinds.push(op.kind.name());
                }
            }
            rpy_flow::check::check_graph(&ag.graph).unwrap();
            let ret = &ag.graph.blocks[ag.graph.returnblock].inputargs[0];
            out.push_str(&format!(
                "{short}: [{}] -> {}\n",
                kinds.join(" "),
                ag.bindings[*ret].describe()
            ));
        }
        out
    });
    assert_eq!(
        ops,
        "show__int: [add] -> int\n\
         show__str: [] -> int\n\
         show__A: [] -> int\n\
         show__B: [] -> int\n\
         show__bool: [add] -> int\n"
    );
}
