//! Every program of the differential corpus annotates and rtypes into
//! well-formed low-level graphs (the end-to-end runner checks behaviour).

use std::path::Path;

#[test]
fn corpus_rtypes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        n += 1;
        let (mut prog, module) = match rpy_flow::loader::load_program_with(
            &path,
            rpy_syntax::parse::Dialect::Py3,
            Some(root),
        ) {
            Ok(x) => x,
            Err(ds) => {
                failures.push(format!("{}: load: {:?}", path.display(), ds[0].message));
                continue;
            }
        };
        let entry = match rpy_flow::loader::find_entry_point(&mut prog, module) {
            Ok(e) => e,
            Err(d) => {
                failures.push(format!("{}: entry: {}", path.display(), d.message));
                continue;
            }
        };
        rpy_flow::mixin::copy_mixin_methods(&mut prog);
        let mut ann = rpy_annotator::Annotator::new(&prog);
        let gid = match ann.annotate_entry(entry) {
            Ok(g) => g,
            Err(ds) => {
                failures.push(format!(
                    "{}: annotate: {} at {}",
                    path.display(),
                    ds[0].message,
                    prog.sources.location(ds[0].span)
                ));
                continue;
            }
        };
        match rpy_rtyper::rtype_program(&ann, gid) {
            Ok(ll) => {
                for g in &ll.graphs {
                    if let Err(e) = rpy_flow::check::check_graph(&g.graph) {
                        failures.push(format!(
                            "{}: malformed {}: {e:?}",
                            path.display(),
                            g.graph.name
                        ));
                    }
                }
            }
            Err(ds) => failures.push(format!(
                "{}: rtype: {} at {}",
                path.display(),
                ds[0].message,
                prog.sources.location(ds[0].span)
            )),
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
