//! The reference interpreter on the shared differential corpus
//! (`tests/corpus/*.py`): stdout and exit code must equal CPython's.
//! `RPY_EVAL_DIR` and `RPY_TEST_FILTER` pick other programs while iterating.

use rpy_flow::loader::{find_entry_point, load_program_with, run_program};
use rpy_syntax::parse::Dialect;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn header_args(src: &str) -> Vec<String> {
    src.lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l[1..].trim().strip_prefix("args:"))
        .flat_map(|r| r.split_whitespace().map(str::to_string))
        .collect()
}

/// stdout and exit code of the reference interpreter (plus its error
/// message, for the report).
fn ours(path: &Path, argv: &[String]) -> ((String, i32), Option<String>) {
    let root = repo_root();
    let (mut prog, m) = match load_program_with(path, Dialect::Py3, Some(&root.join("rpython"))) {
        Ok(x) => x,
        Err(ds) => return ((format!("LOAD ERROR: {ds:?}"), -1), None),
    };
    let entry = match find_entry_point(&mut prog, m) {
        Ok(e) => e,
        Err(d) => return ((format!("NO ENTRY: {d:?}"), -1), None),
    };
    let out = run_program(&mut prog, entry, argv.to_vec());
    (
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.exit_code,
        ),
        out.error,
    )
}

fn cpython(path: &Path, argv: &[String]) -> Option<(String, i32)> {
    let out = Command::new("python3")
        .arg("-u")
        .arg(path)
        .args(&argv[1..])
        .env("PYTHONPATH", repo_root())
        .env("PYTHONHASHSEED", "0")
        .output()
        .ok()?;
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    ))
}

/// `RPY_EVAL_DIR` runs another folder (e.g. `tests/pending/strings`);
/// `RPY_TEST_FILTER=substr` selects programs by file name.
#[test]
fn corpus_matches_cpython() {
    let dir = match std::env::var_os("RPY_EVAL_DIR") {
        Some(d) => PathBuf::from(d),
        None => repo_root().join("tests/corpus"),
    };
    let filter = std::env::var("RPY_TEST_FILTER").unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(&filter))
        })
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut compared = 0;
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let mut argv = vec![f.display().to_string()];
        argv.extend(header_args(&src));
        let Some(want) = cpython(f, &argv) else {
            continue;
        };
        compared += 1;
        let t0 = std::time::Instant::now();
        let (got, error) = ours(f, &argv);
        if std::env::var("TIMES").is_ok() {
            eprintln!("{:?} {}", t0.elapsed(), f.display());
        }
        if got != want {
            failures.push(format!(
                "== {}\n-- cpython (exit {}):\n{}-- ours (exit {}):\n{}{}",
                f.file_name().unwrap().to_string_lossy(),
                want.1,
                want.0,
                got.1,
                got.0,
                error
                    .map(|e| format!("-- error: {e}\n"))
                    .unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} programs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
