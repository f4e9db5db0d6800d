//! Corpus runs under each collector (`--gc=NAME`) and under
//! `RPY_GC_STRESS=1` (a collection at every allocation and safepoint):
//! each program is translated once at -O2 per collector and run once, or
//! twice (normally, then stressed), against CPython's output.

use std::path::Path;
use std::process::Command;

use rpy_gc::GcKind;
use rpy_goal::{OptLevel, Options};

use crate::check::{compare_outcomes, report, translate_guarded, Broken};
use crate::header::parse_args;
use crate::process::{run, Oracle, ScratchDir};
use crate::{filter_from_env, python_files, repo_root};

fn check_gc(
    oracle: &Oracle,
    program: &Path,
    kind: GcKind,
    stress_only: bool,
) -> Result<(), String> {
    let src = std::fs::read_to_string(program).map_err(|e| format!("cannot read: {e}"))?;
    let args = parse_args(&src);
    let stem = program
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut scratch = ScratchDir::new(&format!("{stem}-gc-{}", kind.name()))
        .map_err(|e| format!("cannot create scratch folder: {e}"))?;
    let exe = scratch.path().join("program-c");
    let expected = oracle.run(program, &args, scratch.path())?;
    let opts = Options {
        opt_level: OptLevel::O2,
        output: Some(exe.clone()),
        gc: kind,
        ..Options::default()
    };
    let built = match translate_guarded(program, &opts) {
        Ok(Ok(path)) => std::fs::canonicalize(&path).unwrap_or(path),
        Ok(Err(f)) => return Err(format!("translation failed:\n{}", f.message)),
        Err(Broken::Panicked(m)) => return Err(format!("translation panicked: {m}\n")),
        Err(Broken::TimedOut) => return Err("translation timed out\n".into()),
    };
    let runs: &[bool] = if stress_only { &[true] } else { &[false] };
    for &stress in runs {
        let mut cmd = Command::new(&built);
        cmd.args(&args).current_dir(scratch.path());
        if stress {
            cmd.env("RPY_GC_STRESS", "1");
        }
        let actual = run(cmd)?;
        if let Err(msg) = compare_outcomes(&expected, &actual) {
            scratch.keep();
            let mode = if stress { " with RPY_GC_STRESS=1" } else { "" };
            return Err(format!(
                "--gc={}{mode}:\n{msg}  (executable kept: {})\n",
                kind.name(),
                exe.display()
            ));
        }
    }
    Ok(())
}

/// Every corpus program translated for collector `kind`, run normally or
/// (`stress`) under `RPY_GC_STRESS=1` (honours `RPY_TEST_FILTER`).
pub fn corpus_report_gc(kind: GcKind, stress: bool) -> Result<usize, String> {
    let root = repo_root();
    let programs = python_files(&root.join("tests/corpus"), filter_from_env().as_deref());
    let oracle = Oracle::discover(&root);
    let title = format!(
        "-O2 --gc={}{}",
        kind.name(),
        if stress { " stress" } else { "" }
    );
    report(&title, &programs, |p| check_gc(&oracle, p, kind, stress))
}
