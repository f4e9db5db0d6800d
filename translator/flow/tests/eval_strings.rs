//! String formatting and str/bytes methods in the reference interpreter,
//! compared with CPython's output (`eval_programs/strings_*.out` is what
//! python3 prints; `check` also reruns python3 when it is installed).

mod eval_common;
use eval_common::check;

/// Format specs (`_`/`,` grouping with zero padding, `#`, `G`, errors)
/// and `%`-formatting (flags, `*`, precision of integers, errors).
#[test]
fn formatting_like_cpython() {
    check(
        "strfmt",
        include_str!("eval_programs/strings_format.py"),
        &["prog"],
        include_str!("eval_programs/strings_format.out"),
    );
}

/// Case mappings and predicates (titlecase letters, final sigma, ASCII
/// rules for bytes), `splitlines` boundaries, `startswith`/`find` bounds.
#[test]
fn methods_like_cpython() {
    check(
        "strmeth",
        include_str!("eval_programs/strings_methods.py"),
        &["prog"],
        include_str!("eval_programs/strings_methods.out"),
    );
}
