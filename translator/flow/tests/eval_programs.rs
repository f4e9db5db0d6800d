//! Whole programs run by the reference interpreter (load, init, entry
//! point), compared with CPython's output.

mod eval_common;
use eval_common::check;

#[test]
fn mixed_features() {
    check(
        "mixed",
        include_str!("eval_programs/mixed.py"),
        &["prog", "a"],
        include_str!("eval_programs/mixed.out"),
    );
}

#[test]
fn exception_init_super_and_index_bounds() {
    check(
        "inherit",
        include_str!("eval_programs/inherit.py"),
        &["prog"],
        include_str!("eval_programs/inherit.out"),
    );
}

#[test]
fn r_dict_uses_key_functions() {
    check(
        "rdict",
        include_str!("eval_programs/rdict.py"),
        &["prog"],
        include_str!("eval_programs/rdict.out"),
    );
}
