//! Optimised loops over heap objects give the same exits as the originals
//! on the trace interpreter.

use rpy_jitformat::Descrs;
use rpy_jitopt::{optimize, Passes};
use rpy_jittrace::fake_heap::FakeHeap;
use rpy_jittrace::{parse_trace, run_trace, Const, Exit, TargetToken};

fn both(text: &str, setup: fn(&mut FakeHeap) -> Vec<Const>) -> (Exit, Exit) {
    let mut d = Descrs::default();
    let t = parse_trace(text, &mut d).unwrap();
    let o = optimize(&t, &d, Passes::ALL, TargetToken(99)).unwrap();
    let mut h1 = FakeHeap::new();
    let a1 = setup(&mut h1);
    let mut h2 = FakeHeap::new();
    let a2 = setup(&mut h2);
    let e1 = run_trace(&t, &d, &mut h1, &a1, Some(100_000)).unwrap();
    let e2 = run_trace(&o, &d, &mut h2, &a2, Some(100_000)).unwrap();
    let strip = |e: Exit| match e {
        Exit::GuardFailed { resume, values, .. } => Exit::GuardFailed {
            guard: rpy_jittrace::GuardRef {
                trace: cranelift_entity::EntityRef::new(0),
                op: 0,
            },
            resume,
            values: values
                .into_iter()
                .map(|v| {
                    if let Const::Ref(_) = v {
                        Const::Ref(1)
                    } else {
                        v
                    }
                })
                .collect(),
        },
        e => e,
    };
    (strip(e1), strip(e2))
}

#[test]
fn field_written_in_loop() {
    let text = "[i0, p1]
label(i0, p1, descr=<loop 0>)
guard_class(p1, 5) [i0, p1]
i3 = getfield_gc_i(p1, descr=<field Node.x +8 i8>)
i4 = int_add(i3, 1)
setfield_gc(p1, i4, descr=<field Node.x +8 i8>)
i5 = getfield_gc_i(p1, descr=<field Node.step +16 i8 immutable>)
i6 = int_add(i0, i5)
i7 = int_lt(i4, 100)
guard_true(i7) [i6, i4]
jump(i6, p1, descr=<loop 0>)
";
    let (a, b) = both(text, |h| {
        let p = h.alloc_raw(5, 24);
        h.set_word(p, 16, 3);
        vec![Const::Int(0), Const::Ref(p)]
    });
    assert_eq!(a, b);
    assert!(
        matches!(a, Exit::GuardFailed { ref values, .. } if values == &vec![Const::Int(300), Const::Int(100)])
    );
}
