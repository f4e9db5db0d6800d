//! Loads and stores by descriptor width and sign on objects laid out as
//! GC objects, arrays, arraycopy, allocation through the nursery fast
//! path and the slow path, and write barriers.

mod common;

use common::*;
use rpy_abi::gc::{GcKind, GCFLAG_TRACK_YOUNG};
use rpy_jittrace::{Const, Exit};

const MEMORY: &str = "[i0]
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
";

#[test]
fn memory_ops_fast_and_slow_path() {
    for nursery in [true, false] {
        let _w = World::install(nursery);
        let mut p = Pair::new(GcKind::Generational);
        let id = p.add_loop(MEMORY);
        assert_eq!(
            p.check(id, &ints(&[5])),
            Exit::Finished(Some(Const::Int(255_000_000 + 7_000 + 4 + 5)))
        );
        let slow = world().malloc_calls;
        // The interpreter allocates through its runtime; compiled code
        // calls `rpy_malloc` only without a nursery.
        assert_eq!(slow, if nursery { 0 } else { 3 }, "nursery {nursery}");
    }
}

#[test]
fn widths_and_signs() {
    let _w = World::install(true);
    let w = world();
    let obj = w.alloc(9, 64);
    let mut p = Pair::new(GcKind::Generational);
    let mut text = String::from("[p0, i1]\n");
    let fields = [
        ("i1", 8),
        ("u1", 9),
        ("i2", 10),
        ("u2", 12),
        ("i4", 16),
        ("u4", 20),
        ("i8", 24),
    ];
    for (n, (w, off)) in fields.iter().enumerate() {
        text += &format!("setfield_gc(p0, i1, descr=<field N.f{n} +{off} {w}>)\n");
    }
    let mut sum = String::from("i1");
    for (n, (w, off)) in fields.iter().enumerate() {
        text += &format!(
            "i{} = getfield_gc_i(p0, descr=<field N.f{n} +{off} {w}>)\n",
            100 + n
        );
        text += &format!("i{} = int_xor({sum}, i{})\n", 200 + n, 100 + n);
        text += &format!("i{} = int_mul(i{}, 3)\n", 300 + n, 200 + n);
        sum = format!("i{}", 300 + n);
    }
    text += "f2 = cast_int_to_float(i1)\nsetfield_gc(p0, f2, descr=<field N.g +32 f8>)\nf3 = getfield_gc_f(p0, descr=<field N.g +32 f8>)\ni4 = cast_float_to_int(f3)\n";
    text += &format!("i5 = int_add({sum}, i4)\nfinish(i5)\n");
    let id = p.add_loop(&text);
    for v in [
        0,
        1,
        -1,
        127,
        128,
        255,
        256,
        -129,
        65535,
        -32769,
        1 << 31,
        (1 << 32) - 1,
        -(1 << 31) - 1,
        i64::MIN,
        i64::MAX,
    ] {
        p.check(id, &[Const::Ref(obj), Const::Int(v)]);
    }
}

#[test]
fn arrays_of_every_kind() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(
        "[i0, f1]
p2 = new_array(i0, descr=<array F type=4 len+8 items+16 f8>)
p3 = new_array(i0, descr=<array B type=5 len+8 items+16 u1>)
p4 = new_array(i0, descr=<array R type=6 len+8 items+16 r8>)
i5 = int_sub(i0, 1)
setarrayitem_gc(p2, i5, f1, descr=<array F type=4 len+8 items+16 f8>)
setarrayitem_gc(p3, i5, 300, descr=<array B type=5 len+8 items+16 u1>)
setarrayitem_gc(p4, i5, p3, descr=<array R type=6 len+8 items+16 r8>)
f9 = getarrayitem_gc_f(p2, i5, descr=<array F type=4 len+8 items+16 f8>)
p10 = getarrayitem_gc_r(p4, i5, descr=<array R type=6 len+8 items+16 r8>)
i11 = getarrayitem_gc_i(p10, i5, descr=<array B type=5 len+8 items+16 u1>)
i12 = arraylen_gc(p10, descr=<array B type=5 len+8 items+16 u1>)
i13 = gettypeid(p10)
i14 = cast_float_to_int(f9)
i15 = int_add(i11, i12)
i16 = int_add(i15, i13)
i17 = int_add(i16, i14)
finish(i17)
",
    );
    for n in [1, 2, 17, 100] {
        p.check(id, &[Const::Int(n), Const::Float(-2.5)]);
    }
}

#[test]
fn write_barriers_only_for_old_objects() {
    let _w = World::install(true);
    let w = world();
    let old = w.alloc(7, 24);
    let arr = w.alloc(6, 16 + 8 * 4);
    w.set_word(arr, 8, 4);
    let young = w.alloc(7, 24);
    let text = "[p0, p1, p2]
setfield_gc(p0, p2, descr=<field N.next +8 r8>)
setarrayitem_gc(p1, 2, p2, descr=<array R type=6 len+8 items+16 r8>)
setfield_gc(p2, p0, descr=<field N.next +8 r8>)
p3 = new(descr=<size N type=7 24>)
setfield_gc(p3, p0, descr=<field N.next +8 r8>)
arraycopy(p1, p1, 2, 0, 1, descr=<array R type=6 len+8 items+16 r8>)
p4 = getarrayitem_gc_r(p1, 0, descr=<array R type=6 len+8 items+16 r8>)
i5 = ptr_eq(p4, p2)
finish(i5)
";
    for gc in [GcKind::Generational, GcKind::SemiSpace] {
        let mut p = Pair::new(gc);
        let id = p.add_loop(text);
        let mut logs = Vec::new();
        for interp in [true, false] {
            let w = world();
            w.remembered.clear();
            w.remembered_items.clear();
            for o in [old, arr] {
                let h = w.word(o, 0) as u64;
                w.set_word(o, 0, (h | GCFLAG_TRACK_YOUNG) as i64);
            }
            let args = [Const::Ref(old), Const::Ref(arr), Const::Ref(young)];
            let exit = if interp {
                p.interp(id, &args)
            } else {
                p.compiled(id, &args)
            };
            assert_eq!(exit, Exit::Finished(Some(Const::Int(1))));
            let w = world();
            logs.push((
                w.remembered.clone(),
                w.remembered_items.clone(),
                w.word(old, 0) as u64 & GCFLAG_TRACK_YOUNG,
            ));
        }
        if gc == GcKind::Generational {
            // `arr` got an item barrier, and (its flag still set, as
            // remember_item leaves it) a whole-object one for arraycopy.
            assert_eq!(logs[0], (vec![old, arr], vec![(arr, 2)], 0));
            assert_eq!(logs[1], logs[0]);
        } else {
            assert_eq!(logs[1], (vec![], vec![], GCFLAG_TRACK_YOUNG));
        }
    }
}
