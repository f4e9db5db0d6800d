//! Text-out tests of the Cranelift IR the backend makes (before
//! Cranelift's own optimisations): each case builds a small program and
//! compares `emit_ir` with `tests/ir/<case>.clif`. `BLESS=1 cargo test`
//! rewrites the expectations.

mod common;

use common::*;
use rpy_codegen::{CodegenOptions, OptLevel};
use rpy_flow::graph::Value;
use rpy_rtyper::{LlConst, LlOp, LowType, TypeTable};
use std::path::Path;
use LowType::*;

fn check(case: &str, prog: &rpy_rtyper::LlProgram) {
    let ir = rpy_codegen::emit_ir(
        prog,
        &CodegenOptions {
            opt_level: OptLevel::None,
            verify: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let actual = ir.join("\n");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ir")
        .join(format!("{case}.clif"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual,
        expected,
        "IR of {case} differs from {} (BLESS=1 to update)",
        path.display()
    );
}

/// `div(a, b) = a // b` (raising), called by `main` inside a try that
/// catches ZeroDivisionError and returns its type id; `sq(x) = x * x`
/// cannot raise, so calling it needs no check.
#[test]
fn floordiv_and_catching_call() {
    let mut p = Prog::new();
    let zde = p.exc("ZeroDivisionError");
    let (mut g, ps) = Gb::new("div", &[Signed, Signed], Signed);
    let b = g.start();
    let q = g.op(b, LlOp::IntFloorDivZer, vec![v(ps[0]), v(ps[1])], Signed);
    g.ret(b, v(q));
    let div = p.add(g);
    let (mut g, ps) = Gb::new("sq", &[Signed], Signed);
    let b = g.start();
    let q = g.op(b, LlOp::IntMul, vec![v(ps[0]), v(ps[0])], Signed);
    g.ret(b, v(q));
    let sq = p.add(g);
    let (mut g, ps) = Gb::new("main", &[Ptr(TypeTable::STR_LIST)], Signed);
    let b = g.start();
    let n = g.op(
        b,
        LlOp::GetField,
        vec![v(ps[0]), Value::Const(LlConst::Field("length".into()))],
        Signed,
    );
    let s = g.call(b, LlConst::Func(sq), vec![v(n)], Signed);
    let r = g.call(b, LlConst::Func(div), vec![int(7), v(s)], Signed);
    let (h, hv) = g.block(&[Signed]);
    let (et, ev) = g.exc_vars();
    let ret = g.g.returnblock;
    g.catch(
        b,
        (ret, vec![v(r)]),
        vec![((zde, zde), Some((et, ev)), h, vec![v(et)])],
    );
    g.ret(h, v(hv[0]));
    p.p.entry = p.add(g);
    check("floordiv_and_catching_call", &p.p);
}
