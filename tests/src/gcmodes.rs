//! Corpus runs under each collector (`--gc=NAME`), under
//! `RPY_GC_STRESS=1` (a collection at every allocation and safepoint) and
//! at -Ojit with the JIT's test modes (`RPY_JIT=...`): each program is
//! translated once per variant and run once per environment, against
//! CPython's output.

use std::path::Path;
use std::process::Command;

use rpy_gc::GcKind;
use rpy_goal::{OptLevel, Options};

use crate::check::{compare_outcomes, report, translate_guarded, Broken};
use crate::header::parse_args;
use crate::process::{run, Oracle, ScratchDir};
use crate::{filter_from_env, python_files, repo_root};

/// Environment variables of one run.
pub type RunEnv = &'static [(&'static str, &'static str)];

fn check_variant(
    oracle: &Oracle,
    program: &Path,
    opt: OptLevel,
    kind: GcKind,
    runs: &[RunEnv],
) -> Result<(), String> {
    let src = crate::check::read_source(program)?;
    let args = parse_args(&src);
    let stem = program
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut scratch = ScratchDir::new(&format!(
        "{stem}{}-gc-{}",
        crate::check::mode_name(opt),
        kind.name()
    ))
    .map_err(|e| format!("cannot create scratch folder: {e}"))?;
    let exe = scratch.path().join("program-c");
    let expected = oracle.run(program, &args, scratch.path())?;
    let opts = Options {
        opt_level: opt,
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
    for env in runs {
        let mut cmd = Command::new(&built);
        cmd.args(&args).current_dir(scratch.path());
        for (k, v) in env.iter() {
            cmd.env(k, v);
        }
        let actual = run(cmd)?;
        if let Err(msg) = compare_outcomes(&expected, &actual) {
            scratch.keep();
            let mode: String = env.iter().map(|(k, v)| format!(" {k}={v}")).collect();
            return Err(format!(
                "{} --gc={}{mode}:\n{msg}  (executable kept: {})\n",
                crate::check::mode_name(opt),
                kind.name(),
                exe.display()
            ));
        }
    }
    Ok(())
}

/// Every corpus program translated at `opt` for collector `kind`, run
/// once per environment of `runs` (honours `RPY_TEST_FILTER`).
pub fn corpus_report_variant(
    opt: OptLevel,
    kind: GcKind,
    runs: &[RunEnv],
) -> Result<usize, String> {
    let root = repo_root();
    let programs = python_files(&root.join("tests/corpus"), filter_from_env().as_deref());
    let oracle = Oracle::discover(&root);
    let envs: Vec<String> = runs
        .iter()
        .map(|e| {
            e.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let title = format!(
        "{} --gc={} [{}]",
        crate::check::mode_name(opt),
        kind.name(),
        envs.join("; ")
    );
    report(&title, &programs, |p| {
        check_variant(&oracle, p, opt, kind, runs)
    })
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
    let runs: &[RunEnv] = if stress {
        &[&[("RPY_GC_STRESS", "1")]]
    } else {
        &[&[]]
    };
    report(&title, &programs, |p| {
        check_variant(&oracle, p, OptLevel::O2, kind, runs)
    })
}
