//! Text-in/text-out tests of the passes: `tests/passes/<pass>/*.ll` holds
//! an input program, a `# expect:` line and the program printed after
//! running pass `<pass>` (directory `pipeline`: the whole `PIPELINE`) over
//! every graph, callees first from graph 0. `BLESS=1` rewrites the
//! expectations. Every input must also survive print -> parse -> print and
//! pass `check_graph`.

use rpy_backendopt::{run_passes, text, Options, Pass, PIPELINE};
use std::path::Path;

fn run_one(pass_dir: &str, path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (input, expect) = match src.split_once("# expect:\n") {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (src.clone(), String::new()),
    };
    let (types, mut graphs) = text::parse_program(&input).map_err(|e| format!("input: {e}"))?;
    for g in &graphs {
        rpy_flow::check::check_graph(&g.graph)
            .map_err(|e| format!("input graph {} is malformed: {e:?}", g.graph.name))?;
    }
    let printed = text::print_program(&types, &graphs);
    let (t2, g2) = text::parse_program(&printed).map_err(|e| format!("reparse: {e}\n{printed}"))?;
    let again = text::print_program(&t2, &g2);
    if again != printed {
        return Err(format!(
            "print/parse/print is not the identity:\n{printed}\n---\n{again}"
        ));
    }
    let passes: Vec<Pass> = if pass_dir == "pipeline" {
        PIPELINE
            .iter()
            .map(|p| Pass {
                name: p.name,
                run: p.run,
            })
            .collect()
    } else {
        let p = PIPELINE
            .iter()
            .find(|p| p.name == pass_dir)
            .ok_or_else(|| format!("no pass named {pass_dir}"))?;
        vec![Pass {
            name: p.name,
            run: p.run,
        }]
    };
    run_passes(&types, &mut graphs, 0, &passes, &Options::default()).map_err(|e| e.0)?;
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
