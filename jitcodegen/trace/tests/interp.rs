//! The trace interpreter on a fake heap: loops, guards, bridges, memory,
//! calls and exceptions.

use rpy_jitformat::Descrs;
use rpy_jittrace::fake_heap::FakeHeap;
use rpy_jittrace::{
    parse_trace, run, run_trace, Const, Exc, Exit, GuardRef, InterpErrorKind, LoopRegistry,
    ResumeId,
};

fn parse(text: &str, d: &mut Descrs) -> rpy_jittrace::Trace {
    let t = parse_trace(text, d).unwrap_or_else(|e| panic!("{e}"));
    rpy_jittrace::check_trace(&t, d).unwrap();
    t
}

const COUNT: &str = "
[i0, i1]
label(i0, i1, descr=<loop 0>)
i4 = int_add(i0, i1)
i5 = int_sub(i1, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=<resume 9>) [i4, i5]
jump(i4, i5, descr=<loop 0>)
";

#[test]
fn loop_runs_until_guard_fails() {
    let mut d = Descrs::default();
    let t = parse(COUNT, &mut d);
    let mut h = FakeHeap::new();
    let exit = run_trace(&t, &d, &mut h, &[Const::Int(0), Const::Int(10)], Some(1000)).unwrap();
    match exit {
        Exit::GuardFailed {
            resume,
            values,
            guard,
        } => {
            assert_eq!(resume, ResumeId(9));
            assert_eq!(guard.op, 4);
            assert_eq!(values, vec![Const::Int(55), Const::Int(0)]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fuel_stops_an_endless_loop() {
    let mut d = Descrs::default();
    let t = parse(
        "[i0]\nlabel(i0, descr=<loop 0>)\njump(i0, descr=<loop 0>)\n",
        &mut d,
    );
    let e = run_trace(&t, &d, &mut FakeHeap::new(), &[Const::Int(0)], Some(50)).unwrap_err();
    assert_eq!(e.kind, InterpErrorKind::OutOfFuel);
}

#[test]
fn bridge_takes_over_and_jumps_back() {
    let mut d = Descrs::default();
    // Loop: i0 counts up; when i0 is odd, the guard fails into the bridge,
    // which adds 100 to the total and jumps back into the loop.
    let lp = parse(
        "[i0, i1]
label(i0, i1, descr=<loop 0>)
i3 = int_ge(i0, 10)
guard_false(i3) [i1]
i5 = int_and(i0, 1)
guard_false(i5) [i0, i1]
i7 = int_add(i0, 1)
i8 = int_add(i1, 1)
jump(i7, i8, descr=<loop 0>)
",
        &mut d,
    );
    let bridge = parse(
        "[i0, i1]\ni2 = int_add(i0, 1)\ni3 = int_add(i1, 100)\njump(i2, i3, descr=<loop 0>)\n",
        &mut d,
    );
    let mut reg = LoopRegistry::new();
    let id = reg.add(lp).unwrap();
    reg.attach_bridge(GuardRef { trace: id, op: 4 }, bridge)
        .unwrap();
    let exit = run(
        &reg,
        &d,
        &mut FakeHeap::new(),
        id,
        &[Const::Int(0), Const::Int(0)],
        Some(10_000),
    )
    .unwrap();
    match exit {
        Exit::GuardFailed { guard, values, .. } => {
            assert_eq!(guard, GuardRef { trace: id, op: 2 });
            assert_eq!(values, vec![Const::Int(5 + 500)]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn memory_ops() {
    let mut d = Descrs::default();
    let t = parse(
        "[i0]
p1 = new(descr=<size Node type=7 24>)
setfield_gc(p1, i0, descr=<field Node.x +8 i8>)
setfield_gc(p1, -1, descr=<field Node.b +16 u1>)
i4 = getfield_gc_i(p1, descr=<field Node.b +16 u1>)
i5 = gettypeid(p1)
p6 = new_array(4, descr=<array A type=3 len+8 items+16 i4>)
setarrayitem_gc(p6, 1, i4, descr=<array A type=3 len+8 items+16 i4>)
setarrayitem_gc(p6, 2, i5, descr=<array A type=3 len+8 items+16 i4>)
p9 = new_array(4, descr=<array A type=3 len+8 items+16 i4>)
arraycopy(p6, p9, 1, 0, 3, descr=<array A type=3 len+8 items+16 i4>)
i11 = getarrayitem_gc_i(p9, 0, descr=<array A type=3 len+8 items+16 i4>)
i12 = getarrayitem_gc_i(p9, 1, descr=<array A type=3 len+8 items+16 i4>)
i13 = arraylen_gc(p9, descr=<array A type=3 len+8 items+16 i4>)
i14 = getfield_gc_i(p1, descr=<field Node.x +8 i8>)
i15 = int_mul(i11, 1000000)
i16 = int_mul(i12, 1000)
i17 = int_add(i15, i16)
i18 = int_add(i17, i13)
i19 = int_add(i18, i14)
finish(i19)
",
        &mut d,
    );
    let exit = run_trace(&t, &d, &mut FakeHeap::new(), &[Const::Int(5)], None).unwrap();
    assert_eq!(
        exit,
        Exit::Finished(Some(Const::Int(255_000_000 + 7_000 + 4 + 5)))
    );
}

#[test]
fn out_of_bounds_and_null_are_errors() {
    let mut d = Descrs::default();
    let t = parse(
        "[i0]\np1 = new_array(2, descr=<array A type=3 len+8 items+16 i8>)\ni2 = getarrayitem_gc_i(p1, i0, descr=<array A type=3 len+8 items+16 i8>)\nfinish(i2)\n",
        &mut d,
    );
    let e = run_trace(&t, &d, &mut FakeHeap::new(), &[Const::Int(2)], None).unwrap_err();
    assert_eq!(
        e.kind,
        InterpErrorKind::IndexOutOfBounds {
            index: 2,
            length: 2
        }
    );
    let t = parse(
        "[p0]\ni1 = getfield_gc_i(p0, descr=<field N.x +8 i8>)\nfinish(i1)\n",
        &mut d,
    );
    let e = run_trace(&t, &d, &mut FakeHeap::new(), &[Const::Ref(0)], None).unwrap_err();
    assert_eq!(e.kind, InterpErrorKind::NullDeref);
}

fn add_or_raise(h: &mut FakeHeap, args: &[Const]) -> Option<Const> {
    let (a, b) = (args[0].as_int().unwrap(), args[1].as_int().unwrap());
    if b == 0 {
        let e = h.alloc_raw(42, 16);
        h.exception = Some(Exc {
            type_id: 42,
            value: e,
        });
        return Some(Const::Int(0));
    }
    Some(Const::Int(a + b))
}

#[test]
fn calls_and_exceptions() {
    let mut d = Descrs::default();
    let text = "[i0, i1]
i2 = call_i(77, i0, i1, descr=<call add_or_raise ii:i raise>)
guard_no_exception(descr=<resume 1>) [i0]
i4 = call_i(77, i2, 0, descr=<call add_or_raise ii:i raise>)
p5 = guard_exception(42, descr=<resume 2>) [i2]
i6 = gettypeid(p5)
i7 = int_add(i6, i2)
finish(i7)
";
    let t = parse(text, &mut d);
    let mut h = FakeHeap::new();
    h.register(77, add_or_raise);
    let exit = run_trace(&t, &d, &mut h, &[Const::Int(3), Const::Int(4)], None).unwrap();
    assert_eq!(exit, Exit::Finished(Some(Const::Int(42 + 7))));
    assert_eq!(h.exception, None);
    assert_eq!(h.calls.len(), 2);
    let mut h = FakeHeap::new();
    h.register(77, add_or_raise);
    match run_trace(&t, &d, &mut h, &[Const::Int(3), Const::Int(0)], None).unwrap() {
        Exit::GuardFailed { resume, values, .. } => {
            assert_eq!(resume, ResumeId(1));
            assert_eq!(values, vec![Const::Int(3)]);
            assert!(
                h.exception.is_some(),
                "the exception stays pending for resume"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn overflow_guards() {
    let mut d = Descrs::default();
    let t = parse(
        "[i0]\ni1 = int_mul_ovf(i0, 2)\nguard_no_overflow() [i0]\nfinish(i1)\n",
        &mut d,
    );
    let h = &mut FakeHeap::new();
    assert_eq!(
        run_trace(&t, &d, h, &[Const::Int(21)], None).unwrap(),
        Exit::Finished(Some(Const::Int(42)))
    );
    assert!(matches!(
        run_trace(&t, &d, h, &[Const::Int(i64::MAX)], None).unwrap(),
        Exit::GuardFailed { .. }
    ));
}

#[test]
fn guard_class_and_value() {
    let mut d = Descrs::default();
    let t = parse(
        "[p0, f1]\nguard_nonnull_class(p0, 7) [f1]\nguard_value(f1, 2.5) [p0]\nf4 = float_mul(f1, 2.0)\nfinish(f4)\n",
        &mut d,
    );
    let mut h = FakeHeap::new();
    let obj = h.alloc_raw(7, 16);
    let other = h.alloc_raw(8, 16);
    assert_eq!(
        run_trace(&t, &d, &mut h, &[Const::Ref(obj), Const::Float(2.5)], None).unwrap(),
        Exit::Finished(Some(Const::Float(5.0)))
    );
    for (p, f, op) in [(other, 2.5, 0), (0, 2.5, 0), (obj, 1.0, 1)] {
        match run_trace(&t, &d, &mut h, &[Const::Ref(p), Const::Float(f)], None).unwrap() {
            Exit::GuardFailed { guard, .. } => assert_eq!(guard.op, op),
            other => panic!("{other:?}"),
        }
    }
}
