//! Each check_trace rule has a broken trace (parsed, so the parser's own
//! checks pass) and the error it must give.

use rpy_jitformat::Descrs;
use rpy_jittrace::{check_trace, parse_trace};

fn errors(text: &str) -> Vec<String> {
    let mut d = Descrs::default();
    let t = parse_trace(text, &mut d).unwrap_or_else(|e| panic!("{e}"));
    match check_trace(&t, &d) {
        Ok(()) => vec![],
        Err(es) => es.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn rule_1_visibility_after_label() {
    let t = "[i0, i1]\nlabel(i0, descr=<loop 0>)\ni3 = int_add(i1, 1)\njump(i0, descr=<loop 0>)\n";
    assert_eq!(
        errors(t),
        ["op 1: argument v1 is not defined before here (or not visible after a label)"]
    );
}

#[test]
fn rule_2_arity() {
    assert_eq!(
        errors("[i0]\nfinish(i0, i0)\n"),
        ["op 0: finish takes at most one value"]
    );
    assert_eq!(
        errors("[i0]\ni1 = int_add(i0)\nfinish(i1)\n"),
        ["op 0: int_add takes 2 arguments, got 1"]
    );
}

#[test]
fn rule_3_kinds() {
    assert_eq!(
        errors("[i0, p1]\ni2 = int_add(i0, p1)\nfinish(i2)\n"),
        ["op 0: argument 1 is ref, expected int"]
    );
    assert_eq!(
        errors("[p0]\ni1 = getfield_gc_i(p0, descr=<field A.r +8 r8>)\nfinish(i1)\n"),
        ["op 0: reads a ref field"]
    );
    assert_eq!(
        errors("[p0]\ni1 = call_i(1, p0, descr=<call f i:i>)\nfinish(i1)\n"),
        ["op 0: argument 1 is ref, expected int"]
    );
    assert_eq!(
        errors("[p0]\ni1 = call_i(1, descr=<call f :r>)\nfinish(i1)\n"),
        ["op 0: the callee returns ref"]
    );
}

#[test]
fn rule_4_descrs() {
    assert_eq!(
        errors("[p0]\ni1 = arraylen_gc(p0)\nfinish(i1)\n"),
        ["op 0: needs a descriptor", "op 0: needs a array descriptor"]
    );
    assert_eq!(
        errors("[p0]\ni1 = arraylen_gc(p0, descr=<size S type=1 8>)\nfinish(i1)\n"),
        ["op 0: needs a array descriptor"]
    );
}

#[test]
fn rule_5_guards() {
    assert_eq!(
        errors("[i0]\nguard_value(i0, i0) []\nfinish()\n"),
        ["op 0: guard_value's second argument must be a constant"]
    );
    assert_eq!(
        errors("[p0]\nguard_class(p0, p0) []\nfinish()\n"),
        ["op 0: the type id must be an int constant"]
    );
}

#[test]
fn rule_5_fail_args_must_be_defined() {
    // The parser rejects undefined names, so build the error with a later var.
    let mut d = Descrs::default();
    let mut t = parse_trace(
        "[i0]\ni1 = int_add(i0, 1)\nguard_true(i0) [i0]\nfinish(i1)\n",
        &mut d,
    )
    .unwrap();
    t.ops[1].guard.as_mut().unwrap().fail_args[0] =
        rpy_jittrace::FailArg::Value(rpy_jittrace::Value::Var(t.op_var(2)));
    let e: Vec<String> = check_trace(&t, &d)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        e,
        ["op 1: fail arg v3 is not defined before here (or not visible after a label)"]
    );
}

#[test]
fn rule_6_sequencing() {
    assert_eq!(
        errors("[i0]\ni1 = int_add_ovf(i0, 1)\nfinish(i1)\n"),
        ["op 0: an _ovf op must be followed by guard_no_overflow or guard_overflow"]
    );
    assert_eq!(
        errors("[i0]\nguard_no_exception() []\nfinish()\n"),
        ["op 0: guard_no_exception must follow a call"]
    );
}

#[test]
fn rule_7_final() {
    assert_eq!(
        errors("[i0]\ni1 = int_add(i0, 1)\n"),
        ["op 0: the last op must be jump or finish"]
    );
    assert_eq!(
        errors("[i0]\nfinish()\nfinish()\n"),
        ["op 0: jump/finish before the end"]
    );
}

#[test]
fn rule_8_labels() {
    assert_eq!(
        errors("[i0]\nlabel(i0, i0, descr=<loop 0>)\njump(i0, i0, descr=<loop 0>)\n"),
        ["op 0: label argument 1 repeats a var"]
    );
    assert_eq!(
        errors("[i0, p1]\nlabel(i0, p1, descr=<loop 0>)\njump(i0, descr=<loop 0>)\n"),
        ["op 1: jumps with 1 values to a label of 2"]
    );
    assert_eq!(
        errors("[i0, p1]\nlabel(i0, p1, descr=<loop 0>)\njump(i0, i0, descr=<loop 0>)\n"),
        ["op 1: jump argument 1 is int, the label's is ref"]
    );
}

#[test]
fn good_loop_passes() {
    let t = "[i0, p1]\nlabel(i0, p1, descr=<loop 0>)\ni3 = int_add(i0, 1)\ni4 = int_lt(i3, 10)\nguard_true(i4) [i3, p1]\njump(i3, p1, descr=<loop 0>)\n";
    assert_eq!(errors(t), Vec::<String>::new());
}
