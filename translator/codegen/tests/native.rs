//! End-to-end tests of the native backend: hand-built low-level programs
//! are compiled (Cranelift verifier on, at -O0 and -O2), linked with the
//! real runtime library and run; stdout, stderr and the exit code are
//! compared with the expected text.

mod common;

use common::*;
use rpy_rtyper::{GcType, LlConst, LlOp, LowType, TypeTable};
use LowType::*;

const STR: LowType = Ptr(TypeTable::STR);
const ARGV: LowType = Ptr(TypeTable::STR_LIST);

/// `show(a, b)` prints `a // b` and `a % b` (Python semantics).
fn add_show(p: &mut Prog) -> u32 {
    let sp = p.str(" ");
    let nl = p.str("\n");
    let (mut g, ps) = Gb::new("show", &[Signed, Signed], Void);
    let b = g.start();
    let q = g.op(b, LlOp::IntFloorDivZer, vec![v(ps[0]), v(ps[1])], Signed);
    let r = g.op(b, LlOp::IntModZer, vec![v(ps[0]), v(ps[1])], Signed);
    g.print_int(b, v(q));
    g.print(b, sp);
    g.print_int(b, v(r));
    g.print(b, nl);
    g.ret(b, Value::Const(LlConst::Void));
    p.add(g)
}

use rpy_flow::graph::Value;

#[test]
fn floor_division_and_modulo_follow_python() {
    let mut p = Prog::new();
    let show = add_show(&mut p);
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    for (x, y) in [
        (7, 2),
        (-7, 2),
        (7, -2),
        (-7, -2),
        (-6, 3),
        (6, -3),
        (i64::MIN, -1),
        (i64::MIN, 1),
        (5, 7),
        (-5, 7),
    ] {
        g.call(b, LlConst::Func(show), vec![int(x), int(y)], Void);
    }
    g.ret(b, int(0));
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "divmod", &[]),
        "3 1\n-4 1\n-4 -1\n3 -1\n-2 0\n-2 0\n-9223372036854775808 0\n-9223372036854775808 0\n0 5\n-1 2\nexit: 0\n"
    );
}

/// `div(a, b) = a // b`, raising ZeroDivisionError.
fn add_div(p: &mut Prog) -> u32 {
    let (mut g, ps) = Gb::new("div", &[Signed, Signed], Signed);
    let b = g.start();
    let q = g.op(b, LlOp::IntFloorDivZer, vec![v(ps[0]), v(ps[1])], Signed);
    g.ret(b, v(q));
    p.add(g)
}

#[test]
fn zero_division_propagates_out_of_a_call_and_is_caught() {
    let mut p = Prog::new();
    let div = add_div(&mut p);
    let zde = p.exc("ZeroDivisionError");
    let zde_t = p.exc_type("ZeroDivisionError");
    let caught = p.str("caught ZeroDivisionError: ");
    let nl = p.str("\n");
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    // try: print(div(7, 2)); print(div(7, 0)) except ZeroDivisionError as e: print(e.msg)
    let b0 = g.start();
    let r0 = g.call(b0, LlConst::Func(div), vec![int(7), int(2)], Signed);
    g.print_int(b0, v(r0));
    g.print(b0, nl.clone());
    let r1 = g.call(b0, LlConst::Func(div), vec![int(7), int(0)], Signed);
    let (ok, okv) = g.block(&[Signed]);
    g.print_int(ok, v(okv[0]));
    g.ret(ok, int(0));
    let (handler, hv) = g.block(&[Signed, Ptr(zde_t)]);
    let (et, ev) = g.exc_vars();
    g.catch(
        b0,
        (ok, vec![v(r1)]),
        vec![((zde, zde), Some((et, ev)), handler, vec![v(et), v(ev)])],
    );
    g.print(handler, caught);
    let msg = g.op(
        handler,
        LlOp::GetField,
        vec![v(hv[1]), Value::Const(LlConst::Field("msg".into()))],
        STR,
    );
    g.print(handler, v(msg));
    g.print(handler, nl);
    let same = g.op(handler, LlOp::IntEq, vec![v(hv[0]), int(zde as i64)], Bool);
    let code = g.op(handler, LlOp::CastBoolToInt, vec![v(same)], Signed);
    g.ret(handler, v(code));
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "zde_caught", &[]),
        "3\ncaught ZeroDivisionError: integer division or modulo by zero\nexit: 1\n"
    );
}

#[test]
fn an_exception_no_handler_matches_escapes_the_entry_point() {
    let mut p = Prog::new();
    let div = add_div(&mut p);
    let ve = p.exc("ValueError");
    let before = p.str("before\n");
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b0 = g.start();
    g.print(b0, before);
    let r = g.call(b0, LlConst::Func(div), vec![int(1), int(0)], Signed);
    let (handler, _) = g.block(&[]);
    g.ret(handler, int(5));
    g.catch(
        b0,
        (g.g.returnblock, vec![v(r)]),
        vec![((ve, ve), None, handler, vec![])],
    );
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "zde_escapes", &[]),
        "before\nstderr: Traceback (most recent call last):\nstderr:   (translated code)\nstderr: ZeroDivisionError: integer division or modulo by zero\nexit: 1\n"
    );
}

#[test]
fn loop_with_block_parameters_and_an_integer_switch() {
    let mut p = Prog::new();
    let names = [p.str("zero\n"), p.str("one\n"), p.str("many\n")];
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    // i = 0; acc = 0; while i <= 100: acc += i; (print the kind of i if i < 4); i += 1
    let b0 = g.start();
    let (head, hv) = g.block(&[Signed, Signed]);
    g.goto(b0, head, vec![int(0), int(0)]);
    let c = g.op(head, LlOp::IntLe, vec![v(hv[0]), int(100)], Bool);
    let (body, bv) = g.block(&[Signed, Signed]);
    let (done, dv) = g.block(&[Signed]);
    g.branch(
        head,
        c,
        (body, vec![v(hv[0]), v(hv[1])]),
        (done, vec![v(hv[1])]),
    );
    let acc = g.op(body, LlOp::IntAdd, vec![v(bv[1]), v(bv[0])], Signed);
    let (next, nv) = g.block(&[Signed, Signed]);
    let small = g.op(body, LlOp::IntLt, vec![v(bv[0]), int(4)], Bool);
    let (sw, swv) = g.block(&[Signed, Signed]);
    g.branch(
        body,
        small,
        (sw, vec![v(bv[0]), v(acc)]),
        (next, vec![v(bv[0]), v(acc)]),
    );
    let mut cases = Vec::new();
    let mut targets = Vec::new();
    for name in &names {
        let (pb, pv) = g.block(&[Signed, Signed]);
        g.print(pb, name.clone());
        g.goto(pb, next, vec![v(pv[0]), v(pv[1])]);
        targets.push(pb);
    }
    cases.push((0, targets[0], vec![v(swv[0]), v(swv[1])]));
    cases.push((1, targets[1], vec![v(swv[0]), v(swv[1])]));
    g.switch(sw, swv[0], cases, (targets[2], vec![v(swv[0]), v(swv[1])]));
    let i1 = g.op(next, LlOp::IntAdd, vec![v(nv[0]), int(1)], Signed);
    g.goto(next, head, vec![v(i1), v(nv[1])]);
    g.print_int(done, v(dv[0]));
    let nl = p.str("\n");
    g.print(done, nl);
    g.ret(done, int(0));
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "loop", &[]),
        "zero\none\nmany\nmany\n5050\nexit: 0\n"
    );
}

#[test]
fn prebuilt_strings_and_objects() {
    let mut p = Prog::new();
    let pair = p.add_type(GcType {
        name: "Pair".into(),
        fields: vec![
            ("name".into(), STR),
            ("n".into(), Signed),
            ("flag".into(), Bool),
        ],
        items: None,
    });
    let hello = p.str("héllo wörld ✓\n");
    let sp = p.str(" ");
    let Value::Const(LlConst::Prebuilt(hi, _)) = hello else {
        unreachable!()
    };
    let obj = p.p.prebuilt.len() as u32;
    p.p.prebuilt.push(rpy_rtyper::Prebuilt {
        typ: pair,
        fields: vec![
            LlConst::Prebuilt(hi, TypeTable::STR),
            LlConst::Signed(42),
            LlConst::Bool(true),
        ],
        items: vec![],
    });
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    g.print(b, hello);
    let objv = Value::Const(LlConst::Prebuilt(obj, pair));
    let name = g.op(
        b,
        LlOp::GetField,
        vec![objv.clone(), Value::Const(LlConst::Field("name".into()))],
        STR,
    );
    g.print(b, v(name));
    let n = g.op(
        b,
        LlOp::GetField,
        vec![objv.clone(), Value::Const(LlConst::Field("n".into()))],
        Signed,
    );
    g.print_int(b, v(n));
    g.print(b, sp.clone());
    // Prebuilt objects are writable.
    g.op(
        b,
        LlOp::SetField,
        vec![
            objv.clone(),
            Value::Const(LlConst::Field("n".into())),
            int(-7),
        ],
        Void,
    );
    let n2 = g.op(
        b,
        LlOp::GetField,
        vec![objv.clone(), Value::Const(LlConst::Field("n".into()))],
        Signed,
    );
    g.print_int(b, v(n2));
    g.print(b, sp.clone());
    let flag = g.op(
        b,
        LlOp::GetField,
        vec![objv.clone(), Value::Const(LlConst::Field("flag".into()))],
        Bool,
    );
    let len = g.op(b, LlOp::GetArrayLen, vec![v(name)], Signed);
    g.print_int(b, v(len));
    g.print(b, sp);
    let tid = g.op(b, LlOp::GetTypeId, vec![objv], Signed);
    g.print_int(b, v(tid));
    let code = g.op(b, LlOp::CastBoolToInt, vec![v(flag)], Signed);
    g.ret(b, v(code));
    p.p.entry = p.add(g);
    let expect = format!(
        "héllo wörld ✓\nhéllo wörld ✓\n42 -7 14 {}exit: 1\n",
        pair.as_u32()
    );
    assert_eq!(run(&p.p, "prebuilt", &[]), expect);
}

#[test]
fn fib_20_by_recursion_and_exit_code() {
    let mut p = Prog::new();
    let fib = p.next_index();
    let (mut g, ps) = Gb::new("fib", &[Signed], Signed);
    let b = g.start();
    let small = g.op(b, LlOp::IntLt, vec![v(ps[0]), int(2)], Bool);
    let (rec, rv) = g.block(&[Signed]);
    let r = g.g.returnblock;
    g.branch(b, small, (r, vec![v(ps[0])]), (rec, vec![v(ps[0])]));
    let n1 = g.op(rec, LlOp::IntSub, vec![v(rv[0]), int(1)], Signed);
    let f1 = g.call(rec, LlConst::Func(fib), vec![v(n1)], Signed);
    let n2 = g.op(rec, LlOp::IntSub, vec![v(rv[0]), int(2)], Signed);
    let f2 = g.call(rec, LlConst::Func(fib), vec![v(n2)], Signed);
    let s = g.op(rec, LlOp::IntAdd, vec![v(f1), v(f2)], Signed);
    g.ret(rec, v(s));
    p.add(g);
    let nl = p.str("\n");
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    let f = g.call(b, LlConst::Func(fib), vec![int(20)], Signed);
    g.print_int(b, v(f));
    g.print(b, nl);
    let code = g.call(b, LlConst::Func(fib), vec![int(7)], Signed);
    g.ret(b, v(code));
    p.p.entry = p.add(g);
    assert_eq!(run(&p.p, "fib", &[]), "6765\nexit: 13\n");
}

#[test]
fn overflow_and_shifts() {
    let mut p = Prog::new();
    let ovf = p.exc("OverflowError");
    let ve = p.exc("ValueError");
    let ovf_t = p.exc_type("OverflowError");
    let nl = p.str("\n");
    let (mut g, argv) = Gb::new("main", &[ARGV], Signed);
    // n = len(argv) (1): big = MAX - 1 + n overflows only through the _ovf op.
    let b0 = g.start();
    let n = g.op(
        b0,
        LlOp::GetField,
        vec![v(argv[0]), Value::Const(LlConst::Field("length".into()))],
        Signed,
    );
    let shl70 = g.op(b0, LlOp::IntLShift, vec![v(n), int(70)], Signed);
    g.print_int(b0, v(shl70));
    let shl3 = g.op(b0, LlOp::IntLShift, vec![v(n), int(3)], Signed);
    g.print_int(b0, v(shl3));
    let neg = g.op(b0, LlOp::IntNeg, vec![v(shl3)], Signed);
    let shr100 = g.op(b0, LlOp::IntRShift, vec![v(neg), int(100)], Signed);
    g.print_int(b0, v(shr100));
    let shr1 = g.op(b0, LlOp::IntRShift, vec![v(neg), int(1)], Signed);
    g.print_int(b0, v(shr1));
    g.print(b0, nl.clone());
    let sum = g.op(b0, LlOp::IntAddOvf, vec![int(i64::MAX), v(n)], Signed);
    let (ok, okv) = g.block(&[Signed]);
    g.print_int(ok, v(okv[0]));
    g.ret(ok, int(0));
    let (h, hv) = g.block(&[Ptr(ovf_t)]);
    let (et, ev) = g.exc_vars();
    g.catch(
        b0,
        (ok, vec![v(sum)]),
        vec![((ovf, ovf), Some((et, ev)), h, vec![v(ev)])],
    );
    let msg = g.op(
        h,
        LlOp::GetField,
        vec![v(hv[0]), Value::Const(LlConst::Field("msg".into()))],
        STR,
    );
    g.print(h, v(msg));
    g.print(h, nl);
    let bad = g.op(h, LlOp::IntLShift, vec![v(n), int(-1)], Signed);
    let (h2, _) = g.block(&[]);
    g.ret(h2, int(3));
    let (et2, ev2) = g.exc_vars();
    g.catch(
        h,
        (g.g.returnblock, vec![v(bad)]),
        vec![((ve, ve), Some((et2, ev2)), h2, vec![])],
    );
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "shifts", &[]),
        "08-1-4\ninteger overflow\nexit: 3\n"
    );
}

#[test]
fn varsize_allocation_and_array_items() {
    let mut p = Prog::new();
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    let s = g.op(
        b,
        LlOp::MallocVarsize,
        vec![Value::Const(LlConst::Type(TypeTable::STR)), int(3)],
        STR,
    );
    for (i, ch) in "ok\n".chars().enumerate() {
        g.op(
            b,
            LlOp::SetArrayItem,
            vec![
                v(s),
                int(i as i64),
                Value::Const(LlConst::UniChar(ch as u32)),
            ],
            Void,
        );
    }
    g.print(b, v(s));
    let c = g.op(b, LlOp::GetArrayItem, vec![v(s), int(1)], UniChar);
    let ci = g.op(b, LlOp::CastUniCharToInt, vec![v(c)], Signed);
    g.ret(b, v(ci));
    p.p.entry = p.add(g);
    assert_eq!(run(&p.p, "varsize", &[]), "ok\nexit: 107\n");
}

#[test]
fn dense_and_sparse_switches_with_negative_and_char_cases() {
    let mut p = Prog::new();
    // f(x): x in 0..8 -> 10*x; -1 -> -10; 1000 -> 1; else 99.
    let (mut g, ps) = Gb::new("f", &[Signed], Signed);
    let b = g.start();
    let r = g.g.returnblock;
    let mut cases: Vec<(i64, _, _)> = (0..8).map(|k| (k, r, vec![int(10 * k)])).collect();
    cases.push((-1, r, vec![int(-10)]));
    cases.push((1000, r, vec![int(1)]));
    g.switch(b, ps[0], cases, (r, vec![int(99)]));
    let f = p.add(g);
    // c(ch): 'a' -> 1, 'z' -> 26, 0xff -> 255, else 0 (a switch on a Char).
    let (mut g, ps) = Gb::new("c", &[Char], Signed);
    let b = g.start();
    let r = g.g.returnblock;
    let mut exits: Vec<rpy_flow::graph::Link<rpy_rtyper::Ll>> =
        [(b'a', 1), (b'z', 26), (0xff, 255)]
            .into_iter()
            .map(|(ch, res)| {
                let mut l = rpy_flow::graph::Link::new(vec![int(res)], r);
                l.exitcase = Some(LlConst::Char(ch));
                l
            })
            .collect();
    exits.push(rpy_flow::graph::Link::new(vec![int(0)], r));
    g.g.blocks[b].exitswitch = rpy_flow::graph::Exitswitch::Value(ps[0]);
    g.g.blocks[b].exits = exits;
    let c = p.add(g);
    let sp = p.str(" ");
    let (mut g, _) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    for x in [-2, -1, 0, 3, 7, 8, 999, 1000, i64::MIN] {
        let y = g.call(b, LlConst::Func(f), vec![int(x)], Signed);
        g.print_int(b, v(y));
        g.print(b, sp.clone());
    }
    for ch in [b'a', b'b', b'z', 0xff] {
        let y = g.call(
            b,
            LlConst::Func(c),
            vec![Value::Const(LlConst::Char(ch))],
            Signed,
        );
        g.print_int(b, v(y));
        g.print(b, sp.clone());
    }
    g.ret(b, int(0));
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "switches", &[]),
        "99 -10 0 30 70 99 99 1 99 1 0 26 255 exit: 0\n"
    );
}

#[test]
fn float_arithmetic_comparisons_and_division_by_zero() {
    let mut p = Prog::new();
    let zde = p.exc("ZeroDivisionError");
    let zde_t = p.exc_type("ZeroDivisionError");
    let sp = p.str(" ");
    let nl = p.str("\n");
    let (mut g, argv) = Gb::new("main", &[ARGV], Signed);
    let b = g.start();
    // one = float(len(argv)) keeps Cranelift from folding everything.
    let n = g.op(
        b,
        LlOp::GetField,
        vec![v(argv[0]), Value::Const(LlConst::Field("length".into()))],
        Signed,
    );
    let one = g.op(b, LlOp::CastIntToFloat, vec![v(n)], Float);
    let nan = flt(f64::NAN);
    let show = |g: &mut Gb, x: rpy_rtyper::lltype::LlValue| {
        let s = g.call(b, ext("rpy_str_from_float"), vec![x], STR);
        g.print(b, v(s));
        g.print(b, sp.clone());
    };
    let seven = g.op(b, LlOp::FloatMul, vec![v(one), flt(7.0)], Float);
    let q = g.op(b, LlOp::FloatTrueDiv, vec![v(seven), flt(2.0)], Float);
    show(&mut g, v(q));
    let m1 = g.op(b, LlOp::FloatMin, vec![nan.clone(), v(one)], Float);
    show(&mut g, v(m1));
    let m2 = g.op(b, LlOp::FloatMin, vec![v(one), nan.clone()], Float);
    show(&mut g, v(m2));
    let m3 = g.op(b, LlOp::FloatMax, vec![v(one), flt(2.5)], Float);
    show(&mut g, v(m3));
    let fd = g.op(b, LlOp::FloatFloorDiv, vec![flt(-7.5), v(one)], Float);
    let fd2 = g.op(b, LlOp::FloatFloorDiv, vec![v(fd), flt(2.0)], Float);
    show(&mut g, v(fd2));
    let fm = g.op(b, LlOp::FloatMod, vec![flt(-7.5), flt(2.0)], Float);
    show(&mut g, v(fm));
    let ne = g.op(b, LlOp::FloatNe, vec![nan.clone(), nan.clone()], Bool);
    let eq = g.op(b, LlOp::FloatEq, vec![nan.clone(), nan.clone()], Bool);
    let lt = g.op(b, LlOp::FloatLt, vec![v(one), flt(1.5)], Bool);
    let truth = g.op(b, LlOp::FloatIsTrue, vec![nan], Bool);
    for x in [ne, eq, lt, truth] {
        let i = g.op(b, LlOp::CastBoolToInt, vec![v(x)], Signed);
        g.print_int(b, v(i));
    }
    g.print(b, nl.clone());
    let zero = g.op(b, LlOp::FloatSub, vec![v(one), flt(1.0)], Float);
    let bad = g.op(b, LlOp::FloatTrueDiv, vec![v(one), v(zero)], Float);
    let (h, hv) = g.block(&[Ptr(zde_t)]);
    let (et, ev) = g.exc_vars();
    let r = g.g.returnblock;
    g.catch(
        b,
        (r, vec![int(0)]),
        vec![((zde, zde), Some((et, ev)), h, vec![v(ev)])],
    );
    let _ = bad;
    let msg = g.op(
        h,
        LlOp::GetField,
        vec![v(hv[0]), Value::Const(LlConst::Field("msg".into()))],
        STR,
    );
    g.print(h, v(msg));
    g.print(h, nl);
    g.ret(h, int(2));
    p.p.entry = p.add(g);
    assert_eq!(
        run(&p.p, "floats", &[]),
        "3.5 nan 1.0 2.5 -4.0 0.5 1011\nfloat division by zero\nexit: 2\n"
    );
}
