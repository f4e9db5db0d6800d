//! The differential corpus: every program in tests/corpus must print the
//! same bytes and exit with the same status under CPython and translated
//! at -O0 and -O2; every program in tests/errors must be rejected with a
//! message at the position its header names. All failures of a mode are
//! reported together. `RPY_TEST_FILTER=substr` limits the programs.

use rpy_goal::OptLevel;
use rpy_tests::check::{corpus_report, errors_report};

fn finish(result: Result<usize, String>) {
    match result {
        Ok(n) => eprintln!("{} programs passed", n),
        Err(report) => panic!("{}", report),
    }
}

#[test]
fn corpus_o0() {
    finish(corpus_report(OptLevel::O0));
}

#[test]
fn corpus_o2() {
    finish(corpus_report(OptLevel::O2));
}

#[test]
fn errors() {
    finish(errors_report());
}
