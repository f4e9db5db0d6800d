//! The translation driver: runs the stages in order (load and initialise
//! the program, annotate, rtype, backend optimisations, GC transform,
//! code generation, link) and renders user errors as text.
//!
//! This is the only crate that turns `Diagnostic`s into text.

use std::path::{Path, PathBuf};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OptLevel {
    O0,
    #[default]
    O2,
    Jit,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub opt_level: OptLevel,
    /// Executable to write; default: the target's stem beside it, `-c` suffix.
    pub output: Option<PathBuf>,
    /// Write one dot file per function and stage into this folder.
    pub view_dir: Option<PathBuf>,
    /// Print stage progress and timings on stderr.
    pub verbose: bool,
}

/// A translation that did not produce an executable, rendered for people:
/// each error starts with `file:line:col: error: ...`, then its notes.
#[derive(Clone, Debug)]
pub struct Failure {
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Translate `target` into a native executable; returns its path.
pub fn translate(target: &Path, opts: &Options) -> Result<PathBuf, Failure> {
    let _ = (target, opts);
    Err(Failure { message: "translation not implemented yet".into() })
}
