//! `str.split()` and friends make one list per operation, however often the
//! annotator re-flows the block (`annotator/src/rules_str.rs`): a new list per
//! flow merged into the old one re-scheduled the block's readers forever.

mod common;

/// Annotate `src`; report the graphs named `name` and how many list
/// definitions the annotation made.
fn annotate(name: &str, src: &str) -> String {
    common::with_annotation(name, src, |ann, outcome| {
        let mut out = match outcome {
            Ok(()) => String::new(),
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
        out
    })
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
