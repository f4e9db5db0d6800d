//! Whole programs run by the reference interpreter (load, init, entry
//! point), compared with CPython's output.

mod eval_common;
use eval_common::check;

#[test]
fn mixed_features() {
    check("mixed", include_str!("eval_programs/mixed.py"), &["prog", "a"], include_str!("eval_programs/mixed.out"));
}
