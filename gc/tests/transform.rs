//! Text-in/text-out tests of the GC transform: each `tests/transform/*.ll`
//! holds a low-level program (in `rpy_backendopt::text` form), a
//! `# expect:` line and the program printed after `rpy_gc::transform_graphs_with`.
//! The collector is the generational one unless the input has a
//! `# gc: NAME` line. `BLESS=1` rewrites the expectations. Every input
//! and output must pass `check_graph`.

use rpy_backendopt::text;
use rpy_gc::{transform_graphs_with, GcKind, GcOptions};
use std::path::Path;

fn run_one(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (input, expect) = match src.split_once("# expect:\n") {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (src.clone(), String::new()),
    };
    let kind = match input.lines().find_map(|l| l.strip_prefix("# gc: ")) {
        Some(name) => GcKind::parse(name.trim()).ok_or_else(|| format!("no collector {name}"))?,
        None => GcKind::Generational,
    };
    let (types, mut graphs) = text::parse_program(&input).map_err(|e| format!("input: {e}"))?;
    for g in &graphs {
        rpy_flow::check::check_graph(&g.graph)
            .map_err(|e| format!("input graph {} is malformed: {e:?}", g.graph.name))?;
    }
    let gc_items = |t: rpy_rtyper::GcTypeId| types.types[t].items.is_some_and(|i| i.is_gc_ptr());
    transform_graphs_with(&mut graphs, &GcOptions { kind }, &gc_items);
    for g in &graphs {
        rpy_flow::check::check_graph(&g.graph)
            .map_err(|e| format!("transformed graph {} is malformed: {e:?}", g.graph.name))?;
    }
    let out = text::print_program(&types, &graphs);
    if out != expect {
        if std::env::var_os("BLESS").is_some() {
            let mut head = input.clone();
            if !head.ends_with('\n') {
                head.push('\n');
            }
            std::fs::write(path, format!("{head}# expect:\n{out}")).map_err(|e| e.to_string())?;
            return Ok(());
        }
        return Err(format!(
            "output differs (BLESS=1 to update)\n--- expected\n{expect}--- got\n{out}"
        ));
    }
    Ok(())
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
