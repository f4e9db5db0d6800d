//! Text-in/text-out tests of the portal split: `tests/portal/*.ll` holds
//! a program whose `# driver: greens=a,b reds=c` lines declare its
//! JitDrivers (in index order), a `# expect:` line and the program after
//! the split. `BLESS=1` rewrites the expectations.

use rpy_backendopt::text;
use rpy_codewriter::portal::split_portals;
use rpy_rtyper::JitDriverInfo;
use std::path::Path;

fn drivers(src: &str) -> Vec<JitDriverInfo> {
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    src.lines()
        .filter_map(|l| l.strip_prefix("# driver:"))
        .enumerate()
        .map(|(i, rest)| {
            let mut greens = Vec::new();
            let mut reds = Vec::new();
            for part in rest.split_whitespace() {
                if let Some(g) = part.strip_prefix("greens=") {
                    greens = list(g);
                } else if let Some(r) = part.strip_prefix("reds=") {
                    reds = list(r);
                }
            }
            JitDriverInfo {
                name: format!("JitDriver #{i}"),
                greens,
                reds,
                auto_reds: false,
                get_printable_location: None,
            }
        })
        .collect()
}

#[test]
fn portal_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/portal");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        let r = text::run_text_test(path, |input, _types, graphs| {
            let ds = drivers(input);
            split_portals(graphs, &ds).map(|_| ()).map_err(|es| {
                es.iter()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        });
        if let Err(e) = r {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(!paths.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `tests/portal_errors/*.ll`: each `# error: substring` line must be
/// contained in one of the split's error messages.
#[test]
fn portal_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/portal_errors");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        let src = std::fs::read_to_string(path).unwrap();
        let (_, mut graphs) = text::parse_program(&src).expect("input parses");
        let got = match split_portals(&mut graphs, &drivers(&src)) {
            Ok(_) => vec![],
            Err(es) => es.into_iter().map(|d| d.message).collect(),
        };
        for want in src.lines().filter_map(|l| l.strip_prefix("# error: ")) {
            if !got.iter().any(|m| m.contains(want)) {
                failures.push(format!(
                    "{}: no error containing `{want}`; got {got:?}",
                    path.display()
                ));
            }
        }
    }
    assert!(!paths.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
