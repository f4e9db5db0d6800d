//! The differential test runner behind `cargo test -p rpy-tests`.
//!
//! CPython is the oracle (see LANGUAGE.md): every program in `tests/corpus`
//! runs under `python3` with the support package on `PYTHONPATH`, then is
//! translated with `rpy_goal::translate` and run natively; stdout bytes and
//! exit status must match. Every program in `tests/errors` must be rejected
//! at translation time at the position its `# error:` header names.
//! `tests/corpus_py2` and `tests/errors_py2` are the same for the py2
//! dialect (`--py2`), whose oracle is CPython 2.7.
//!
//! The pieces are split by concern: `header` reads the comment headers,
//! `diff` renders readable differences, `process` runs child processes and
//! owns scratch folders, `pool` spreads work over worker threads, and
//! `check` holds the two checks and the reports the test functions print.

pub mod check;
pub mod diff;
pub mod gcmodes;
pub mod header;
pub mod pool;
pub mod process;

use std::path::{Path, PathBuf};

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests crate lives inside the repository")
        .to_path_buf()
}

/// The `.py` files of `dir`, sorted by name, keeping only those whose file
/// name contains `filter` (when given).
pub fn python_files(dir: &Path, filter: Option<&str>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .filter(|p| match filter {
                Some(f) => file_name(p).contains(f),
                None => true,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// The file name of `path` as text (for messages and filtering).
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The program filter from `RPY_TEST_FILTER`, if set and non-empty.
pub fn filter_from_env() -> Option<String> {
    std::env::var("RPY_TEST_FILTER")
        .ok()
        .filter(|s| !s.is_empty())
}
