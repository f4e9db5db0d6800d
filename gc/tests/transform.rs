//! Text-in/text-out tests of the GC transform: each `tests/transform/*.ll`
//! holds a low-level program (in `rpy_backendopt::text` form), a
//! `# expect:` line and the program printed after `rpy_gc::transform_graphs_with`.
//! The collector is the generational one unless the input has a
//! `# gc: NAME` line. The runner is `rpy_backendopt::text::run_text_test`
//! (`BLESS=1` rewrites the expectations).

use rpy_backendopt::text;
use rpy_gc::{transform_graphs_with, GcKind, GcOptions};
use std::path::Path;

fn run_one(path: &Path) -> Result<(), String> {
    text::run_text_test(path, |input, types, graphs| {
        let kind = match input.lines().find_map(|l| l.strip_prefix("# gc: ")) {
            Some(name) => {
                GcKind::parse(name.trim()).ok_or_else(|| format!("no collector {name}"))?
            }
            None => GcKind::Generational,
        };
        let gc_items =
            |t: rpy_rtyper::GcTypeId| types.types[t].items.is_some_and(|i| i.is_gc_ptr());
        transform_graphs_with(graphs, &GcOptions { kind }, &gc_items);
        Ok(())
    })
}

#[test]
fn transform_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transform");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/transform")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ll"))
        .collect();
    files.sort();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| run_one(f).err().map(|e| format!("{}: {e}", f.display())))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} transform tests failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
    assert!(files.len() >= 5, "transform tests missing");
}
