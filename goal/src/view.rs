//! `--view DIR`: one Graphviz file per function and stage (flow graph,
//! annotated, low-level).

use rpy_annotator::Annotator;
use rpy_rtyper::LlProgram;
use std::path::Path;

fn file_name(stage: &str, index: usize, name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{index:03}_{clean}.{stage}.dot")
}

pub fn write_flow_and_annotated(dir: &Path, ann: &Annotator) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, (_, ag)) in ann.graphs.iter().enumerate() {
        let flow = rpy_flow::dot::graph_to_dot(&ag.graph, &|_| None);
        std::fs::write(dir.join(file_name("flow", i, &ag.graph.name)), flow)?;
        let typed = rpy_flow::dot::graph_to_dot(&ag.graph, &|v| {
            let s = &ag.bindings[v];
            (!s.is_impossible()).then(|| s.describe())
        });
        std::fs::write(dir.join(file_name("annotated", i, &ag.graph.name)), typed)?;
    }
    Ok(())
}

pub fn write_lowlevel(dir: &Path, prog: &LlProgram) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, g) in prog.graphs.iter().enumerate() {
        let dot = rpy_flow::dot::graph_to_dot(&g.graph, &|v| Some(g.var_types[v].to_string()));
        std::fs::write(dir.join(file_name("lowlevel", i, &g.graph.name)), dot)?;
    }
    Ok(())
}
