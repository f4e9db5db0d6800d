//! `str.split()` and friends make one list per operation, however often the
//! annotator re-flows the block (`annotator/src/rules_str.rs`): a new list per
//! flow merged into the old one re-scheduled the block's readers forever.

use rpy_annotator::Annotator;
use std::path::Path;

/// Annotate `src`; report the graphs named `name` and how many list
/// definitions the annotation made.
fn annotate(name: &str, src: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = std::env::temp_dir().join(format!("rpy-split-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).unwrap();
    let (mut prog, module) =
        rpy_flow::loader::load_program_with(&path, rpy_syntax::parse::Dialect::Py3, Some(root))
            .map_err(|ds| ds[0].message.clone())
            .unwrap();
    let entry = rpy_flow::loader::find_entry_point(&mut prog, module).unwrap();
    let mut ann = Annotator::new(&prog);
    let mut out = match ann.annotate_entry(entry) {
        Ok(_) => String::new(),
        Err(ds) => ds
            .iter()
            .map(|d| format!("error {}\n", d.message))
            .collect(),
    };
    for (_, ag) in ann.graphs.iter() {
        if ag.graph.name.ends_with(".col_row") {
            let p = ag.graph.params()[0];
            let ret = &ag.graph.blocks[ag.graph.returnblock].inputargs[0];
            out.push_str(&format!(
                "col_row({}) -> {}\n",
                ag.bindings[p].describe_in(ann.prog),
                ag.bindings[*ret].describe_in(ann.prog)
            ));
        }
    }
    out.push_str(&format!("listdefs {}\n", ann.listdefs.len()));
    let _ = std::fs::remove_file(&path);
    out
}

#[test]
fn split_items_passed_to_a_call_reach_a_fixpoint() {
    let src = "\
def col_row(name):
    return name[0], int(name[1:])


def entry_point(argv):
    x = argv[0].split(':')
    c, r = col_row(x[0])
    y = argv[0].rsplit(':', 1)
    c, r = col_row(y[1])
    z = argv[0].splitlines()
    c, r = col_row(z[0])
    return r
";
    // One list for argv and one per splitting operation.
    assert_eq!(
        annotate("split_fixpoint", src),
        "col_row(str) -> tuple[str, int]\nlistdefs 4\n"
    );
}
