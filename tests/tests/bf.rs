//! The Brainfuck VM of targets/bf, translated at -O2, against CPython
//! running the same targetbf.py: the example programs of
//! targets/bf/examples (with stdin where a `.in` file sits beside them),
//! programs generated here (tape growth, wrapping, EOF, errors), and from
//! ../shared/bench, when that folder exists, hello.b and factor.b with 360
//! on stdin (against CPython) and hanoi.b (against its expected md5,
//! CPython being too slow for it).
//! Stdout bytes and exit status must match; all failures are reported together.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rpy_goal::{OptLevel, Options};
use rpy_tests::check::{compare_outcomes, translate_guarded, Broken};
use rpy_tests::process::{run_with_stdin, Oracle, Outcome, ScratchDir};
use rpy_tests::repo_root;

/// hanoi.b's expected output md5, from ../shared/bench/README.md.
const HANOI_MD5: &str = "013caafcc396feaf9b6d8347d3c32f54";

/// One run of a Brainfuck program: its file and an optional stdin file.
struct Case {
    name: String,
    program: PathBuf,
    stdin: Option<PathBuf>,
}

fn stdin_of(path: &Option<PathBuf>) -> Result<Stdio, String> {
    match path {
        Some(p) => File::open(p)
            .map(Stdio::from)
            .map_err(|e| format!("cannot open {}: {}", p.display(), e)),
        None => Ok(Stdio::null()),
    }
}

fn run_cpython(oracle: &Oracle, target: &Path, case: &Case, cwd: &Path) -> Result<Outcome, String> {
    let mut cmd = Command::new(&oracle.python3);
    cmd.arg(target)
        .arg(&case.program)
        .current_dir(cwd)
        .env("PYTHONPATH", &oracle.pythonpath)
        .env("PYTHONDONTWRITEBYTECODE", "1");
    run_with_stdin(cmd, stdin_of(&case.stdin)?)
}

fn run_translated(
    exe: &Path,
    case: &Case,
    cwd: &Path,
    env: &[(&str, &str)],
) -> Result<Outcome, String> {
    let mut cmd = Command::new(exe);
    cmd.arg(&case.program).current_dir(cwd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_with_stdin(cmd, stdin_of(&case.stdin)?)
}

/// Write a generated program (and its stdin) into `dir`.
fn generated(dir: &Path, name: &str, source: &[u8], stdin: Option<&[u8]>) -> Case {
    let program = dir.join(format!("{}.b", name));
    std::fs::write(&program, source).expect("write generated program");
    let stdin = stdin.map(|bytes| {
        let p = dir.join(format!("{}.in", name));
        std::fs::write(&p, bytes).expect("write generated stdin");
        p
    });
    Case {
        name: name.to_string(),
        program,
        stdin,
    }
}

fn cases(root: &Path, dir: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    let examples = root.join("targets/bf/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&examples)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "b"));
    files.sort();
    for program in files {
        let input = program.with_extension("in");
        let stdin = if input.exists() { Some(input) } else { None };
        cases.push(Case {
            name: rpy_tests::file_name(&program),
            program,
            stdin,
        });
    }
    // The tape grows on the right past its initial 30000 cells.
    let mut far = vec![b'>'; 40000];
    far.extend_from_slice(b"++++++++[<++++++++>-]<+.>>>>>>>>>>++++++++++.");
    cases.push(generated(dir, "tape_growth", &far, None));
    // Cells wrap both ways; `[-]` and `[+]` clear a cell.
    cases.push(generated(
        dir,
        "wrap",
        b"-.+.++[+]+++++[-]+++++++++++++++++++++++++++++++++++++++++++++++++.",
        None,
    ));
    // EOF leaves the cell unchanged; a byte read replaces it.
    cases.push(generated(
        dir,
        "eof",
        &[&[b'+'; 65][..], b",.,.,.,."].concat(),
        Some(b"xy"),
    ));
    // Errors: exit status 1, nothing on stdout but what was printed before.
    cases.push(generated(dir, "unmatched_open", b"+++[>+<-", None));
    cases.push(generated(dir, "unmatched_close", b"+++]", None));
    cases.push(generated(
        dir,
        "left_of_first_cell",
        b"+++++++++++++++++++++++++++++++++++++++++++++++++.<.",
        None,
    ));
    cases.push(generated(dir, "empty", b"no commands here", None));
    cases.push(Case {
        name: "missing_file".to_string(),
        program: dir.join("no-such-file.b"),
        stdin: None,
    });
    cases
}

fn md5_of(bytes: &[u8], dir: &Path) -> Option<String> {
    let path = dir.join("md5-input");
    std::fs::write(&path, bytes).ok()?;
    let out = Command::new("md5sum").arg(&path).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().next().map(|s| s.to_string())
}

#[test]
fn bf_vm_translated_matches_cpython() {
    check_bf(OptLevel::O2, &[]);
}

/// The same VM with its JIT: the default warm-up, and everything traced.
#[test]
fn bf_vm_ojit_matches_cpython() {
    check_bf(OptLevel::Jit, &[]);
    check_bf(OptLevel::Jit, &[("RPY_JIT", "threshold=1")]);
}

fn check_bf(opt: OptLevel, env: &[(&str, &str)]) {
    let root = repo_root();
    let target = root.join("targets/bf/targetbf.py");
    let oracle = Oracle::discover(&root);
    let scratch = ScratchDir::new("bf-vm").expect("scratch folder");
    let dir = scratch.path();
    let exe = dir.join("targetbf-c");
    let opts = Options {
        opt_level: opt,
        output: Some(exe.clone()),
        ..Options::default()
    };
    let exe = match translate_guarded(&target, &opts) {
        Ok(Ok(path)) => std::fs::canonicalize(&path).unwrap_or(path),
        Ok(Err(failure)) => panic!(
            "translating targets/bf/targetbf.py failed:\n{}",
            failure.message
        ),
        Err(Broken::Panicked(msg)) => {
            panic!("translating targets/bf/targetbf.py panicked: {}", msg)
        }
        Err(Broken::TimedOut) => panic!("translating targets/bf/targetbf.py timed out"),
    };

    let mut failures = Vec::new();
    let mut passed = 0;
    let mut all = cases(&root, dir);
    let bench = root.join("../shared/bench");
    let hanoi = bench.join("hanoi.b");
    if bench.is_dir() {
        all.push(Case {
            name: "shared hello.b".to_string(),
            program: bench.join("hello.b"),
            stdin: None,
        });
        let number = dir.join("factor.in");
        std::fs::write(&number, b"360\n").expect("write factor.b's input");
        all.push(Case {
            name: "shared factor.b".to_string(),
            program: bench.join("factor.b"),
            stdin: Some(number),
        });
    } else {
        eprintln!(
            "note: {} does not exist: skipping hello.b, factor.b and hanoi.b",
            bench.display()
        );
    }
    for case in &all {
        let result = run_cpython(&oracle, &target, case, dir)
            .and_then(|expected| {
                run_translated(&exe, case, dir, env).map(|actual| (expected, actual))
            })
            .and_then(|(expected, actual)| compare_outcomes(&expected, &actual));
        match result {
            Ok(()) => passed += 1,
            Err(msg) => failures.push(format!("{}:\n{}", case.name, msg)),
        }
    }
    if hanoi.exists() {
        let case = Case {
            name: "shared hanoi.b".to_string(),
            program: hanoi,
            stdin: None,
        };
        match run_translated(&exe, &case, dir, env) {
            Ok(out) => match md5_of(&out.stdout, dir) {
                Some(md5) if md5 == HANOI_MD5 && out.exit == rpy_tests::process::Exit::Code(0) => {
                    passed += 1
                }
                Some(md5) => failures.push(format!(
                    "hanoi.b: {}, output md5 {} (expected {})",
                    out.exit, md5, HANOI_MD5
                )),
                None => eprintln!("note: md5sum is not available: skipping the hanoi.b check"),
            },
            Err(msg) => failures.push(format!("hanoi.b: {}", msg)),
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} bf runs failed ({} {:?}):\n{}",
            failures.len(),
            passed + failures.len(),
            rpy_tests::check::mode_name(opt),
            env,
            failures.join("\n")
        );
    }
    eprintln!("{} bf runs passed", passed);
}
