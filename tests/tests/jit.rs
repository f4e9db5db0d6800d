//! The JIT generator end to end: the differential corpus translated with
//! -Ojit, run with the default warm-up, with `RPY_JIT=threshold=1`
//! (everything traced, compiled and run as machine code), and with `RPY_JIT=blackhole` (every
//! portal iteration that reaches `can_enter_jit` runs in the blackhole
//! interpreter of jitcodes: codewriter, call stubs, address tables and
//! the portal protocol), and again under the moving collector at every
//! allocation. The JIT's wrong programs are in tests/errors
//! (`# level: -Ojit`).

use rpy_gc::GcKind;
use rpy_goal::OptLevel;
use rpy_tests::gcmodes::corpus_report_variant;

fn finish(result: Result<usize, String>) {
    match result {
        Ok(n) => eprintln!("{} programs passed", n),
        Err(report) => panic!("{}", report),
    }
}

#[test]
fn corpus_ojit() {
    finish(corpus_report_variant(
        OptLevel::Jit,
        GcKind::Generational,
        &[
            &[],
            &[("RPY_JIT", "blackhole")],
            &[("RPY_JIT", "threshold=1")],
        ],
    ));
}

#[test]
fn corpus_ojit_semispace_stress() {
    finish(corpus_report_variant(
        OptLevel::Jit,
        GcKind::SemiSpace,
        &[
            &[("RPY_GC_STRESS", "1"), ("RPY_JIT", "blackhole")],
            // Every loop run a few times is traced (threshold=1 makes the
            // stressed runs of the bigger interpreters minutes long).
            &[("RPY_GC_STRESS", "1"), ("RPY_JIT", "threshold=7")],
        ],
    ));
}
