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

/// `RPYLOG=jit-log-opt:FILE` writes every optimised loop, each merge point
/// labelled with the driver's name and what its `get_printable_location`
/// returns for the greens (here `"<pc>:<op>"`), and `jit-summary` counts.
#[test]
fn trace_log_labels_merge_points_with_printable_location() {
    use rpy_goal::Options;
    use rpy_tests::check::translate_guarded;
    use rpy_tests::process::ScratchDir;
    let target = rpy_tests::repo_root().join("tests/corpus/jit_bf_tutorial.py");
    let scratch = ScratchDir::new("jit-log").expect("scratch folder");
    let exe = scratch.path().join("jit_bf_tutorial-c");
    let opts = Options {
        opt_level: OptLevel::Jit,
        output: Some(exe.clone()),
        ..Options::default()
    };
    match translate_guarded(&target, &opts) {
        Ok(Ok(_)) => {}
        Ok(Err(f)) => panic!("translation failed:\n{}", f.message),
        Err(e) => panic!("translation broke: {e:?}"),
    }
    let log = scratch.path().join("log.txt");
    let out = std::process::Command::new(&exe)
        .env(
            "RPYLOG",
            format!("jit-log-opt,jit-summary:{}", log.display()),
        )
        .output()
        .expect("run the translated program");
    assert!(out.status.success(), "exit status {:?}", out.status);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Hello World!\n"));
    let text = std::fs::read_to_string(&log).expect("the log file");
    let prefix = "debug_merge_point(\"JitDriver 'jit_bf_tutorial.jitdriver' ";
    let labels: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .collect();
    assert!(!labels.is_empty(), "no merge points in the log:\n{text}");
    for l in &labels {
        let (pc, op) = l.split_once(':').unwrap_or_else(|| panic!("label {l:?}"));
        assert!(pc.parse::<usize>().is_ok(), "label {l:?}");
        assert!(
            ["+", "-", "<", ">", ".", "[", "]"]
                .iter()
                .any(|c| op.starts_with(&format!("{c}\")"))),
            "label {l:?}"
        );
    }
    assert!(text.contains("[jit-summary] loops "), "{text}");
}
