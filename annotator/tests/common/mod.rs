//! Shared by the annotator's integration tests: annotate a whole program
//! given as text (written to a temporary file so the loader sees a
//! target next to the support package).

use rpy_annotator::Annotator;
use rpy_syntax::Diagnostic;
use std::path::Path;

/// Load `src` as program `name`, annotate it from its entry point and
/// hand the annotator and the outcome to `report`.
pub fn with_annotation<R>(
    name: &str,
    src: &str,
    report: impl FnOnce(&Annotator, Result<(), Vec<Diagnostic>>) -> R,
) -> R {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = std::env::temp_dir().join(format!("rpy-ann-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).unwrap();
    let (mut prog, module) =
        rpy_flow::loader::load_program_with(&path, rpy_syntax::parse::Dialect::Py3, Some(root))
            .map_err(|ds| ds[0].message.clone())
            .unwrap();
    let entry = rpy_flow::loader::find_entry_point(&mut prog, module).unwrap();
    let mut ann = Annotator::new(&prog);
    let outcome = ann.annotate_entry(entry).map(|_| ());
    let out = report(&ann, outcome);
    let _ = std::fs::remove_file(&path);
    out
}

/// One `error L:C: message` line per diagnostic.
#[allow(dead_code)] // not every test binary uses it
pub fn error_lines(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| format!("error {}:{}: {}\n", d.span.line, d.span.col, d.message))
        .collect()
}
