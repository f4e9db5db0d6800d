//! The two checks and the reports the test functions print.
//!
//! * `check_program`: CPython's stdout bytes and exit status must equal
//!   those of the program translated at the given optimisation level.
//! * `check_wrong_program`: translation must fail with a message naming
//!   `<file name>:LINE:COL` and containing the header's substring
//!   (compared case-insensitively), without writing an executable and
//!   without a Rust panic leaking into the message.
//!
//! Translation runs on its own thread so that an internal panic or a hang
//! in the toolchain fails one program, not the whole suite.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use rpy_goal::{Dialect, Failure, OptLevel, Options};

use crate::header::{parse_args, parse_errors};
use crate::pool::{map_parallel, WORKERS};
use crate::process::{run_executable, Oracle, Outcome, ScratchDir};
use crate::{file_name, filter_from_env, python_files, repo_root};

/// Time limit for one translation.
pub const TRANSLATE_TIMEOUT: Duration = Duration::from_secs(180);

/// `-O0`, `-O2`, `-Ojit`: how modes are named in reports.
pub fn mode_name(opt: OptLevel) -> &'static str {
    match opt {
        OptLevel::O0 => "-O0",
        OptLevel::O2 => "-O2",
        OptLevel::Jit => "-Ojit",
    }
}

/// How a guarded translation ended when it did not return normally.
#[derive(Debug)]
pub enum Broken {
    Panicked(String),
    TimedOut,
}

/// Run `rpy_goal::translate` on a separate thread with a time limit.
pub fn translate_guarded(
    target: &Path,
    opts: &Options,
) -> Result<Result<PathBuf, Failure>, Broken> {
    let (tx, rx) = mpsc::channel();
    let target = target.to_path_buf();
    let opts = opts.clone();
    let handle = std::thread::Builder::new()
        .name(format!("translate {}", target.display()))
        .stack_size(64 << 20)
        .spawn(move || {
            let r = rpy_goal::translate(&target, &opts);
            let _ = tx.send(r);
        })
        .map_err(|e| Broken::Panicked(format!("cannot start translation thread: {}", e)))?;
    match rx.recv_timeout(TRANSLATE_TIMEOUT) {
        Ok(r) => {
            let _ = handle.join();
            Ok(r)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let payload = handle.join().err();
            let msg = payload
                .as_ref()
                .and_then(|p| {
                    p.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                })
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Broken::Panicked(msg))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Broken::TimedOut),
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {}\n", l)).collect()
}

fn tail(bytes: &[u8], max_lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(max_lines)..].join("\n")
}

/// Compare CPython and the translated program; `Err` holds a readable
/// report of every difference found.
pub fn check_program(oracle: &Oracle, program: &Path, opt: OptLevel) -> Result<(), String> {
    check_program_in(oracle, program, opt, Dialect::Py3)
}

/// A program's text for reading its headers; a program may declare a
/// Latin-1 source encoding, so bytes that are not UTF-8 are replaced.
pub fn read_source(program: &Path) -> Result<String, String> {
    let bytes = std::fs::read(program).map_err(|e| format!("cannot read: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `check_program` for a program of the given dialect (its oracle is the
/// matching CPython).
pub fn check_program_in(
    oracle: &Oracle,
    program: &Path,
    opt: OptLevel,
    dialect: Dialect,
) -> Result<(), String> {
    let src = read_source(program)?;
    check_program_with_args_in(oracle, program, &parse_args(&src), opt, dialect)
}

/// `check_program` with explicit extra arguments instead of the header's.
pub fn check_program_with_args(
    oracle: &Oracle,
    program: &Path,
    args: &[String],
    opt: OptLevel,
) -> Result<(), String> {
    check_program_with_args_in(oracle, program, args, opt, Dialect::Py3)
}

fn check_program_with_args_in(
    oracle: &Oracle,
    program: &Path,
    args: &[String],
    opt: OptLevel,
    dialect: Dialect,
) -> Result<(), String> {
    let stem = program
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut scratch = ScratchDir::new(&format!("{}{}", stem, mode_name(opt)))
        .map_err(|e| format!("cannot create scratch folder: {}", e))?;
    let exe = scratch.path().join("program-c");
    let result = compare(oracle, program, args, opt, dialect, scratch.path(), &exe);
    match result {
        Err(msg) if exe.exists() => {
            // Keep the executable of a mismatch for inspection.
            scratch.keep();
            Err(format!("{}  (executable kept: {})\n", msg, exe.display()))
        }
        other => other,
    }
}

fn compare(
    oracle: &Oracle,
    program: &Path,
    args: &[String],
    opt: OptLevel,
    dialect: Dialect,
    dir: &Path,
    exe: &Path,
) -> Result<(), String> {
    let expected = oracle.run(program, args, dir)?;
    let opts = Options {
        opt_level: opt,
        dialect,
        output: Some(exe.to_path_buf()),
        ..Options::default()
    };
    let built = match translate_guarded(program, &opts) {
        Ok(Ok(path)) => path,
        Ok(Err(failure)) => {
            return Err(format!("translation failed:\n{}", indent(&failure.message)))
        }
        Err(Broken::Panicked(msg)) => return Err(format!("translation panicked: {}\n", msg)),
        Err(Broken::TimedOut) => {
            return Err(format!(
                "translation timed out after {}s\n",
                TRANSLATE_TIMEOUT.as_secs()
            ))
        }
    };
    // The program runs in `dir`: make sure a relative result path still works.
    let built = std::fs::canonicalize(&built).unwrap_or(built);
    let actual = run_executable(&built, args, dir)?;
    compare_outcomes(&expected, &actual)
}

/// The differences between CPython's run and the translated run.
pub fn compare_outcomes(expected: &Outcome, actual: &Outcome) -> Result<(), String> {
    let mut report = String::new();
    if expected.exit != actual.exit {
        report.push_str(&format!(
            "CPython: {}; translated: {}\n",
            expected.exit, actual.exit
        ));
    }
    if expected.stdout != actual.stdout {
        report.push_str("stdout differs (- CPython, + translated):\n");
        report.push_str(&indent(&crate::diff::diff(
            &expected.stdout,
            &actual.stdout,
        )));
    }
    if report.is_empty() {
        return Ok(());
    }
    if !actual.stderr.is_empty() {
        report.push_str(&format!(
            "translated stderr (tail):\n{}",
            indent(&tail(&actual.stderr, 10))
        ));
    }
    Err(report)
}

/// Check that translating a wrong program fails as its headers say.
pub fn check_wrong_program(program: &Path) -> Result<(), String> {
    check_wrong_program_in(program, Dialect::Py3)
}

/// `check_wrong_program` for a program of the given dialect.
pub fn check_wrong_program_in(program: &Path, dialect: Dialect) -> Result<(), String> {
    let src = read_source(program)?;
    let expected = parse_errors(&src)?;
    let name = file_name(program);
    let stem = program
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scratch = ScratchDir::new(&format!("{}-error", stem))
        .map_err(|e| format!("cannot create scratch folder: {}", e))?;
    let exe = scratch.path().join("program-c");
    let default_exe = program.with_file_name(format!("{}-c", stem));
    let default_existed = default_exe.exists();
    // `# level: -Ojit`: an error only the JIT generator finds.
    let jit = src
        .lines()
        .take_while(|l| l.starts_with('#'))
        .any(|l| l.trim() == "# level: -Ojit");
    let opts = Options {
        opt_level: if jit { OptLevel::Jit } else { OptLevel::O0 },
        dialect,
        output: Some(exe.clone()),
        ..Options::default()
    };
    let outcome = translate_guarded(program, &opts);
    let mut problems = Vec::new();
    if exe.exists() {
        problems.push(format!("an executable was written to {}", exe.display()));
    }
    if !default_existed && default_exe.exists() {
        problems.push(format!(
            "an executable was written to {}",
            default_exe.display()
        ));
        let _ = std::fs::remove_file(&default_exe);
    }
    match outcome {
        Ok(Ok(path)) => problems.push(format!("translation succeeded (wrote {})", path.display())),
        Err(Broken::Panicked(msg)) => problems.push(format!("translation panicked: {}", msg)),
        Err(Broken::TimedOut) => problems.push("translation timed out".to_string()),
        Ok(Err(failure)) => {
            let message = failure.message;
            let lower = message.to_lowercase();
            for e in &expected {
                let loc = e.location(&name);
                if !message.contains(&loc) {
                    problems.push(format!("message does not name `{}`", loc));
                }
                if !lower.contains(&e.substring.to_lowercase()) {
                    problems.push(format!("message does not contain `{}`", e.substring));
                }
            }
            for bad in ["panicked", "RUST_BACKTRACE"] {
                if message.contains(bad) {
                    problems.push(format!("message contains `{}`", bad));
                }
            }
            if !problems.is_empty() {
                problems.push(format!("the message was:\n{}", indent(&message).trim_end()));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n") + "\n")
    }
}

/// Run `check` over `programs` on the worker pool; `Err` lists every
/// failure, each headed by the program's path relative to the repo.
pub fn report(
    title: &str,
    programs: &[PathBuf],
    check: impl Fn(&Path) -> Result<(), String> + Sync,
) -> Result<usize, String> {
    let results = map_parallel(programs, WORKERS, |p| check(p));
    let root = repo_root();
    let mut failures = String::new();
    let mut count = 0;
    for (p, r) in programs.iter().zip(results) {
        if let Err(msg) = r {
            count += 1;
            let shown = p.strip_prefix(&root).unwrap_or(p);
            failures.push_str(&format!("\n--- {} [{}]\n{}", shown.display(), title, msg));
        }
    }
    if count == 0 {
        Ok(programs.len())
    } else {
        Err(format!(
            "{} of {} programs failed [{}]:\n{}",
            count,
            programs.len(),
            title,
            failures
        ))
    }
}

/// Every corpus program at one optimisation level (honours `RPY_TEST_FILTER`).
pub fn corpus_report(opt: OptLevel) -> Result<usize, String> {
    let root = repo_root();
    let programs = python_files(&root.join("tests/corpus"), filter_from_env().as_deref());
    let oracle = Oracle::discover(&root);
    report(mode_name(opt), &programs, |p| {
        check_program(&oracle, p, opt)
    })
}

/// Every program of the py2 corpus (`tests/corpus_py2`, Python 2.7
/// source translated with `--py2`) against CPython 2.7; `Ok(0)` with a
/// note on stderr where 2.7 is not installed.
pub fn corpus_py2_report(opt: OptLevel) -> Result<usize, String> {
    let root = repo_root();
    let Some(oracle) = Oracle::discover_py27(&root) else {
        eprintln!(
            "note: Python 2.7 (PYENV_VERSION=2.7.18 python) is not available; skipping the py2 corpus [{}]",
            mode_name(opt)
        );
        return Ok(0);
    };
    let programs = python_files(&root.join("tests/corpus_py2"), filter_from_env().as_deref());
    report(&format!("py2 {}", mode_name(opt)), &programs, |p| {
        check_program_in(&oracle, p, opt, Dialect::Py2)
    })
}

/// Every wrong py2 program (`tests/errors_py2`, translated with `--py2`).
pub fn errors_py2_report() -> Result<usize, String> {
    let programs = python_files(
        &repo_root().join("tests/errors_py2"),
        filter_from_env().as_deref(),
    );
    report("errors py2", &programs, |p| {
        check_wrong_program_in(p, Dialect::Py2)
    })
}

/// Every wrong program (honours `RPY_TEST_FILTER`).
pub fn errors_report() -> Result<usize, String> {
    let programs = python_files(
        &repo_root().join("tests/errors"),
        filter_from_env().as_deref(),
    );
    report("errors", &programs, check_wrong_program)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Exit;

    fn outcome(stdout: &[u8], exit: Exit) -> Outcome {
        Outcome {
            stdout: stdout.to_vec(),
            stderr: Vec::new(),
            exit,
        }
    }

    #[test]
    fn outcomes_compare_stdout_and_status() {
        assert_eq!(
            compare_outcomes(
                &outcome(b"1\n", Exit::Code(0)),
                &outcome(b"1\n", Exit::Code(0))
            ),
            Ok(())
        );
        assert_eq!(
            compare_outcomes(
                &outcome(b"1\n2\n", Exit::Code(1)),
                &outcome(b"1\n3\n", Exit::Signal(11))
            ),
            Err("CPython: exit status 1; translated: killed by signal 11\n\
                 stdout differs (- CPython, + translated):\n      1\n    - 2\n    + 3\n"
                .to_string())
        );
    }
}
