//! Text-in/text-out tests of the passes: `tests/passes/<pass>/*.ll` holds
//! an input program, a `# expect:` line and the program printed after
//! running pass `<pass>` (directory `pipeline`: the whole `PIPELINE`) over
//! every graph, callees first from graph 0. `BLESS=1` rewrites the
//! expectations. Every input must also survive print -> parse -> print and
//! pass `check_graph`.

use rpy_backendopt::{run_passes, text, Options, Pass, PIPELINE};
use std::path::Path;

fn run_one(pass_dir: &str, path: &Path) -> Result<(), String> {
    text::run_text_test(path, |_, types, graphs| {
        let passes: Vec<Pass> = PIPELINE
            .iter()
            .filter(|p| pass_dir == "pipeline" || p.name == pass_dir)
            .map(|p| Pass {
                name: p.name,
                run: p.run,
            })
            .collect();
        if passes.is_empty() {
            return Err(format!("no pass named {pass_dir}"));
        }
        run_passes(types, graphs, 0, &passes, &Options::default())
            .map(|_| ())
            .map_err(|e| e.0)
    })
}

#[test]
fn pass_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/passes");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/passes")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ll"))
            .collect();
        files.sort();
        for f in files {
            count += 1;
            if let Err(e) = run_one(&name, &f) {
                failures.push(format!("{}: {e}", f.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} pass tests failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(count >= 1, "no pass tests found");
}
