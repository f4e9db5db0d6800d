//! One broken graph per `check_graph` rule; each test compares the exact
//! list of errors reported. Graphs are made by hand with the graph API.

use rpy_flow::check::{check_graph, GraphError};
use rpy_flow::graph::{Exitswitch, Link, Op, Value};
use rpy_flow::{Const, FlowGraph, FlowOp};
use rpy_syntax::Span;

fn op(kind: FlowOp, args: Vec<Value<Const>>, result: rpy_flow::Var) -> Op<rpy_flow::Flow> {
    Op {
        kind,
        args,
        result,
        span: Span::NONE,
    }
}

/// `f(x): return x + 1`, valid.
fn base() -> FlowGraph {
    let mut g = FlowGraph::new("f", Span::NONE);
    let x = g.new_var(Some("x"));
    let r = g.new_var(None);
    let s = g.startblock;
    g.blocks[s].inputargs = vec![x];
    g.blocks[s].ops.push(op(
        FlowOp::Add,
        vec![Value::Var(x), Value::Const(Const::Int(1))],
        r,
    ));
    let ret = g.returnblock;
    g.blocks[s].exits.push(Link::new(vec![Value::Var(r)], ret));
    g
}

fn errs(g: &FlowGraph) -> Vec<String> {
    match check_graph(g) {
        Ok(()) => vec![],
        Err(es) => es.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn valid_graph_passes() {
    assert_eq!(errs(&base()), Vec::<String>::new());
}

#[test]
fn var_defined_twice() {
    let mut g = base();
    let s = g.startblock;
    let x = g.blocks[s].inputargs[0];
    g.blocks[s]
        .ops
        .push(op(FlowOp::Neg, vec![Value::Const(Const::Int(1))], x));
    assert_eq!(errs(&g), ["block0: v3 is defined a second time"]);
    assert!(matches!(
        check_graph(&g).unwrap_err()[0],
        GraphError::VarDefinedTwice { .. }
    ));
}

#[test]
fn var_used_in_other_block() {
    let mut g = base();
    let s = g.startblock;
    let x = g.blocks[s].inputargs[0];
    let b = g.new_block(vec![]);
    let r = g.new_var(None);
    g.blocks[b]
        .ops
        .push(op(FlowOp::Neg, vec![Value::Var(x)], r));
    let ret = g.returnblock;
    g.blocks[b].exits.push(Link::new(vec![Value::Var(r)], ret));
    g.blocks[s].exits[0] = Link::new(vec![], b);
    assert_eq!(
        errs(&g),
        ["block3: v3 is used but not defined in this block"]
    );
}

#[test]
fn link_arity() {
    let mut g = base();
    let s = g.startblock;
    g.blocks[s].exits[0].args.push(Value::Const(Const::None));
    assert_eq!(
        errs(&g),
        ["block0: link 0 passes 2 args, its target takes 1"]
    );
}

#[test]
fn final_blocks() {
    let mut g = base();
    let e = g.exceptblock;
    g.blocks[e].inputargs.pop();
    let v = g.new_var(None);
    g.blocks[e]
        .ops
        .push(op(FlowOp::Neg, vec![Value::Const(Const::Int(1))], v));
    assert_eq!(
        errs(&g),
        [
            "block2: final block must take 2 inputs, takes 1",
            "block2: return/except block must have no ops and no exits"
        ]
    );
}

#[test]
fn no_exits_and_too_many() {
    let mut g = base();
    let s = g.startblock;
    let l = g.blocks[s].exits[0].clone();
    g.blocks[s].exits.push(l);
    assert_eq!(
        errs(&g),
        ["block0: block without exit switch has several exits"]
    );
    g.blocks[s].exits.clear();
    assert_eq!(errs(&g), ["block0: block has no exits"]);
}

#[test]
fn value_switch_rules() {
    let mut g = base();
    let s = g.startblock;
    let r = g.blocks[s].ops[0].result;
    let mut l0 = g.blocks[s].exits[0].clone();
    l0.exitcase = Some(Const::Bool(false));
    let l1 = g.blocks[s].exits[0].clone(); // no case, not last
    let mut l2 = l0.clone(); // duplicate case
    l2.exitcase = Some(Const::Bool(false));
    g.blocks[s].exits = vec![l0, l1, l2];
    g.blocks[s].exitswitch = Exitswitch::Value(r);
    assert_eq!(
        errs(&g),
        [
            "block0: link 1 has no exitcase",
            "block0: link 2 repeats an exitcase"
        ]
    );
    // Switch on an undefined var.
    let stray = g.new_var(None);
    g.blocks[s].exits.truncate(1);
    g.blocks[s].exitswitch = Exitswitch::Value(stray);
    assert_eq!(
        errs(&g),
        ["block0: v5 is used but not defined in this block"]
    );
}

#[test]
fn last_exception_rules() {
    let mut g = base();
    let s = g.startblock;
    let exc = g.exceptblock;
    let (t, v) = (g.new_var(None), g.new_var(None));
    let mut normal = g.blocks[s].exits[0].clone();
    normal.exitcase = Some(Const::Int(0));
    let mut caught = Link::new(vec![Value::Var(t), Value::Var(v)], exc);
    caught.last_exception = Some(t);
    caught.last_exc_value = Some(v);
    g.blocks[s].exits = vec![normal, caught];
    g.blocks[s].exitswitch = Exitswitch::LastException;
    assert_eq!(
        errs(&g),
        [
            "block0: link 0 must not have an exitcase",
            "block0: link 1 has no exitcase"
        ]
    );
    g.blocks[s].exits[0].exitcase = None;
    g.blocks[s].exits[1].exitcase = Some(Const::Int(7));
    assert_eq!(errs(&g), Vec::<String>::new());
    g.blocks[s].ops.clear();
    g.blocks[s].exits[0].args = vec![Value::Const(Const::None)];
    assert_eq!(
        errs(&g),
        ["block0: exception switch on a block without ops"]
    );
}

#[test]
fn exception_vars_on_plain_link() {
    let mut g = base();
    let s = g.startblock;
    let t = g.new_var(None);
    g.blocks[s].exits[0].last_exception = Some(t);
    assert_eq!(
        errs(&g),
        ["block0: link 0 is not an exception link but defines exception vars"]
    );
}
