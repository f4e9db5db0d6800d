//! GC refs live across collecting ops go on the shadow stack and are
//! reloaded: the test allocator's slow path (and a collecting call) moves
//! every object the roots reach and poisons the old copy, so a stale
//! pointer reads garbage. Ref constants come from the pool, which is a
//! root too.

mod common;

use std::sync::atomic::Ordering;

use common::*;
use rpy_abi::gc::GcKind;
use rpy_jittrace::{Const, Exit};

/// A call that may collect: it moves everything the roots reach (when
/// the world is moving) and returns the x field of its argument, which
/// the callee itself reads before collecting.
extern "C" fn collect_and_read(obj: usize) -> i64 {
    let w = world();
    let x = w.word(obj, 8);
    if w.moving {
        test_malloc(1, 16);
    }
    x
}

fn trace(konst: usize) -> String {
    format!(
        "[p0, i1]
label(p0, i1, descr=<loop 0>)
p2 = new(descr=<size N type=7 24>)
setfield_gc(p2, i1, descr=<field N.x +8 i8>)
i3 = getfield_gc_i(p0, descr=<field N.x +8 i8>)
i4 = int_add(i3, i1)
setfield_gc(p2, i4, descr=<field N.x +8 i8>)
setfield_gc(p2, p0, descr=<field N.next +16 r8>)
p5 = new(descr=<size N type=7 24>)
i6 = getfield_gc_i(p2, descr=<field N.x +8 i8>)
i7 = getfield_gc_i(ConstPtr({konst:#x}), descr=<field N.x +8 i8>)
i8 = int_add(i6, i7)
setfield_gc(p5, i8, descr=<field N.x +8 i8>)
i9 = call_i({f}, p5, descr=<call collect_and_read r:i collect>)
i10 = getfield_gc_i(p5, descr=<field N.x +8 i8>)
i11 = int_sub(i10, i9)
guard_value(i11, 0, descr=<resume 1>) [i10, i9]
i13 = int_sub(i1, 1)
i14 = int_gt(i13, 0)
guard_true(i14, descr=<resume 2>) [i10, i13]
jump(p5, i13, descr=<loop 0>)
",
        f = collect_and_read as *const () as usize
    )
}

#[test]
fn roots_survive_a_moving_collector() {
    let _w = World::install(false);
    let w = world();
    let konst = w.alloc(7, 24);
    w.set_word(konst, 8, 1000);
    let mut p = Pair::new(GcKind::SemiSpace);
    let id = p.add_loop(&trace(konst));
    let pool = p.be.const_pool(id);
    assert_eq!(pool.1, 1);
    let start = world().alloc(7, 24);
    world().set_word(start, 8, 5);
    let want = p.interp(id, &[Const::Ref(start), Const::Int(20)]);
    let w = world();
    w.moving = true;
    w.pools.push((pool.0 as *const () as usize, pool.1));
    let got = p.compiled(id, &[Const::Ref(start), Const::Int(20)]);
    assert_eq!(got, want);
    assert!(matches!(
        got,
        Exit::GuardFailed {
            resume: rpy_jittrace::ResumeId(2),
            ..
        }
    ));
    let w = world();
    assert!(w.moves > 60, "only {} moves", w.moves);
    assert_ne!(unsafe { *pool.0 }, konst, "the pool's constant was moved");
    assert_eq!(
        w.ss_top.load(Ordering::Relaxed),
        w.shadow_base(),
        "every push was popped"
    );
}

#[test]
fn no_roots_without_collecting_ops() {
    // The same trace with a nursery: no slow path, nothing moves, and
    // the answer is the same.
    let _w = World::install(true);
    let w = world();
    let konst = w.alloc(7, 24);
    w.set_word(konst, 8, 1000);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(&trace(konst));
    let start = world().alloc(7, 24);
    p.check(id, &[Const::Ref(start), Const::Int(20)]);
    assert_eq!(world().malloc_calls, 0);
}
