//! The differential corpus: every program in tests/corpus must print the
//! same bytes and exit with the same status under CPython and translated
//! at -O0 and -O2; every program in tests/errors must be rejected with a
//! message at the position its header names. All failures of a mode are
//! reported together. `RPY_TEST_FILTER=substr` limits the corpus and error
//! programs. `shipped_programs` checks the demo target and the benchmark,
//! `shipped_minivm` the minivm target on its examples.

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
fn corpus_o2_gc_marksweep() {
    finish(rpy_tests::gcmodes::corpus_report_gc(
        rpy_gc::GcKind::MarkSweep,
        false,
    ));
}

#[test]
fn corpus_o2_gc_semispace() {
    finish(rpy_tests::gcmodes::corpus_report_gc(
        rpy_gc::GcKind::SemiSpace,
        false,
    ));
}

/// The default collector, collecting at every allocation and safepoint.
#[test]
fn corpus_o2_gc_stress() {
    finish(rpy_tests::gcmodes::corpus_report_gc(
        rpy_gc::GcKind::Generational,
        true,
    ));
}

/// The copying collector moves every object at every allocation.
#[test]
fn corpus_o2_gc_semispace_stress() {
    finish(rpy_tests::gcmodes::corpus_report_gc(
        rpy_gc::GcKind::SemiSpace,
        true,
    ));
}

#[test]
fn errors() {
    finish(errors_report());
}

/// The py2 dialect: `tests/corpus_py2` against CPython 2.7 (skipped with a
/// note where 2.7 is absent), and `tests/errors_py2`.
#[test]
fn corpus_py2_o0() {
    finish(rpy_tests::check::corpus_py2_report(OptLevel::O0));
}

#[test]
fn corpus_py2_o2() {
    finish(rpy_tests::check::corpus_py2_report(OptLevel::O2));
}

#[test]
fn errors_py2() {
    finish(rpy_tests::check::errors_py2_report());
}

/// The shipped demo target and the benchmark program, at -O2 with the
/// arguments the README and the benchmark use (smaller for fib).
#[test]
fn shipped_programs() {
    use rpy_tests::check::{check_program_with_args, report};
    let root = rpy_tests::repo_root();
    let oracle = rpy_tests::process::Oracle::discover(&root);
    let programs = [
        root.join("targets/demo/targetdemo.py"),
        root.join("tests/bench/fib.py"),
    ];
    finish(report("shipped -O2", &programs, |p| {
        let args: &[&str] = if p.ends_with("fib.py") {
            &["25"]
        } else {
            &["30"]
        };
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        check_program_with_args(&oracle, p, &args, OptLevel::O2)
    }));
}

/// The minivm target (targets/minivm) at -O2 on each of its example
/// programs (targets/minivm/examples/*.mini, with their default sizes),
/// against CPython running the same targetminivm.py.
#[test]
fn shipped_minivm() {
    use rpy_tests::check::{check_program_with_args, report};
    let root = rpy_tests::repo_root();
    let oracle = rpy_tests::process::Oracle::discover(&root);
    let target = root.join("targets/minivm/targetminivm.py");
    let mut examples: Vec<std::path::PathBuf> =
        std::fs::read_dir(root.join("targets/minivm/examples"))
            .expect("targets/minivm/examples")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "mini"))
            .collect();
    examples.sort();
    assert!(
        !examples.is_empty(),
        "no examples in targets/minivm/examples"
    );
    finish(report("minivm -O2", &examples, |example| {
        let args = vec![example.to_string_lossy().into_owned()];
        check_program_with_args(&oracle, &target, &args, OptLevel::O2)
    }));
}
