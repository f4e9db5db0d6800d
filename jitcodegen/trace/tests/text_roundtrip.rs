//! print → parse → print is the identity; parse errors carry line:col.

use rpy_jitformat::Descrs;
use rpy_jittrace::{check_trace, parse_trace, print_trace};

fn roundtrip(text: &str) -> String {
    let mut d = Descrs::default();
    let t = parse_trace(text, &mut d).unwrap_or_else(|e| panic!("{e}\n{text}"));
    check_trace(&t, &d).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let printed = print_trace(&t, &d);
    let mut d2 = Descrs::default();
    let t2 = parse_trace(&printed, &mut d2).unwrap_or_else(|e| panic!("{e}\n{printed}"));
    assert_eq!(d, d2);
    assert_eq!(print_trace(&t2, &d2), printed);
    printed
}

const RICH: &str = r#"
# every kind of operand and descriptor
descr <field Other.y +16 i8>
[i0, p1, f2]
label(i0, p1, f2, descr=<loop 3>)
debug_merge_point("bf: 3 '+' \"q\"")
i4 = int_add(i0, -9223372036854775808)
i5 = int_add_ovf(i4, 1)
guard_no_overflow(descr=<resume 2>) [i0, p1, f2]
f6 = float_add(f2, 1.5)
f7 = float_mul(f6, -inf)
f8 = float_sub(f7, 1e-300)
i9 = getfield_gc_i(p1, descr=<field Node.x +8 i8>)
i10 = getfield_gc_i(p1, descr=<field Node.flag +24 u1 immutable>)
p11 = getarrayitem_gc_r(p1, i9, descr=<array List.items type=3 len+8 items+16 r8>)
guard_nonnull_class(p11, 5, descr=<resume 3>) [i0, NULL, f2]
p12 = new(descr=<size Node type=5 32>)
setfield_gc(p12, i5, descr=<field Node.x +8 i8>)
i13 = call_i(4096, p12, i5, descr=<call "func12 ll_append" ri:u1 raise collect wf=(Node.x, Other.y) wa=(List.items)>)
guard_no_exception(descr=<resume 4>) [i0, p1, f2]
i14 = ptr_eq(p12, ConstPtr(0x1000))
guard_false(i14) [i0, p1, f2]
p15 = call_r(4104, descr=<call get :r writes_all>)
p16 = guard_exception(7, descr=<resume 6>) [i0, p1, f2]
jump(i5, p12, f8, descr=<loop 3>)
"#;

#[test]
fn rich_trace_roundtrips() {
    let printed = roundtrip(RICH);
    assert!(
        printed.starts_with("descr <field Other.y +16 i8>\n[i0, p1, f2]\n"),
        "{printed}"
    );
    assert!(
        printed.contains("guard_false(i19, descr=<resume 3>) [i0, p1, f2]"),
        "{printed}"
    );
}

#[test]
fn bridge_and_finish_roundtrip() {
    roundtrip("[i0]\ni1 = int_lt(i0, 10)\nguard_true(i1) []\nfinish(i0)\n");
    roundtrip("[]\nfinish()\n");
    roundtrip("[p0]\nfinish(p0)\n");
    roundtrip("[f0]\nf1 = float_neg(f0)\nf2 = float_add(f1, nan)\nfinish(f2)\n");
}

fn parse_err(text: &str) -> String {
    let mut d = Descrs::default();
    match parse_trace(text, &mut d) {
        Ok(t) => panic!("parsed: {}", print_trace(&t, &d)),
        Err(e) => e.to_string(),
    }
}

#[test]
fn parse_errors_have_positions() {
    assert_eq!(
        parse_err("[i0]\ni1 = int_frob(i0)\n"),
        "2:6: unknown operation `int_frob`"
    );
    assert_eq!(
        parse_err("[i0]\ni1 = int_add(i0, i7)\n"),
        "2:18: `i7` is not defined before this use"
    );
    assert_eq!(
        parse_err("[i0]\np1 = int_add(i0, 1)\n"),
        "2:1: `int_add` gives a Int: name it `iN`, not `p1`"
    );
    assert_eq!(
        parse_err("[i0]\ni0 = int_add(i0, 1)\n"),
        "2:1: `i0` is defined twice"
    );
    assert_eq!(
        parse_err("[i0]\ni1 = int_add(i0, 1\n"),
        "2:19: expected `,`"
    );
    assert_eq!(
        parse_err("i1 = int_add(i0, 1)\n"),
        "1:1: expected the input arguments line `[...]` first"
    );
    assert_eq!(
        parse_err("[i0]\ni1 = getfield_gc_i(i0, descr=<field X +8 q8>)\n"),
        "2:42: expected a width such as i8, u1, r8 or f8"
    );
    assert_eq!(
        parse_err("[i0]\ncall_n(1, descr=<call f :v wf=(Nope)>)\n"),
        "2:32: unknown field `Nope` (declare it: descr <field ...>)"
    );
    assert_eq!(
        parse_err("[i0]\ni1 = int_add(i0, 99999999999999999999)\n"),
        "2:18: bad value `99999999999999999999`"
    );
    assert_eq!(parse_err("[i0]\nguard_true(i0)\n"), "2:15: expected `[`");
}
