//! Backend optimisations on low-level graphs (RPython's
//! `translator/backendopt`), run by the driver at `-O2` between the rtyper
//! and code generation.
//!
//! One pass manager runs `PIPELINE` over every graph, callees before
//! callers (post-order of the direct-call graph from the entry point), so
//! that a caller inlines already-optimised callees. Each pass is a free
//! function `fn(&mut LlGraph, &Ctx) -> bool` (changed?) in its own file;
//! the manager times it, runs `check_graph` after it (an internal error if
//! it fails) and, on request, prints the program after it.
//!
//! * `text`: printer and parser of the low-level text form (tests, dumps).
//! * `util`: shared graph helpers (splitting, substitution, predecessors).
//! * `effects`: what a call may write, per graph (cached for the run).
//! * `inline`, `constfold`, `malloc_removal`, `redundancy`, `simplify`,
//!   `merge_if`, `dup_params`, `dce`: the passes.

pub mod constfold;
pub mod dce;
pub mod dup_params;
pub mod effects;
pub mod inline;
pub mod malloc_removal;
pub mod merge_if;
pub mod redundancy;
pub mod simplify;
pub mod text;
pub mod util;

use rpy_flow::graph::Value;
use rpy_rtyper::{LlConst, LlGraph, LlOp, LlProgram, TypeTable};
use std::time::{Duration, Instant};

/// What a pass may read besides the graph it changes.
pub struct Ctx<'a> {
    pub types: &'a TypeTable,
    /// Every graph of the program; `graphs[this]` is the current graph as
    /// it was before this pass (callees see their optimised versions).
    pub graphs: &'a [LlGraph],
    pub this: usize,
    /// What calls may write (`effects`), cached over the whole run.
    pub effects: &'a effects::Cache,
}

/// A named pass: rewrites one graph, returns whether it changed it.
pub struct Pass {
    pub name: &'static str,
    pub run: fn(&mut LlGraph, &Ctx) -> bool,
}

/// The passes, in order.
pub const PIPELINE: &[Pass] = &[
    Pass {
        name: "inline",
        run: inline::run,
    },
    Pass {
        name: "constfold",
        run: constfold::run,
    },
    Pass {
        name: "malloc_removal",
        run: malloc_removal::run,
    },
    Pass {
        name: "redundancy",
        run: redundancy::run,
    },
    Pass {
        name: "constfold2",
        run: constfold::run,
    },
    Pass {
        name: "simplify",
        run: simplify::run,
    },
    Pass {
        name: "merge_if",
        run: merge_if::run,
    },
    Pass {
        name: "dup_params",
        run: dup_params::run,
    },
    Pass {
        name: "dce",
        run: dce::run,
    },
];

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Print the whole program as text after the pass of this name.
    pub dump_after: Option<String>,
}

/// Per-pass totals over the program.
#[derive(Clone, Debug, Default)]
pub struct PassStats {
    pub name: &'static str,
    pub time: Duration,
    /// Graphs the pass changed.
    pub changed: usize,
    /// Ops (reachable blocks, all graphs) after the pass.
    pub ops_after: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub ops_before: usize,
    pub passes: Vec<PassStats>,
    /// The program text after the `dump_after` pass.
    pub dump: Option<String>,
}

impl Report {
    /// One line per pass: time, graphs changed and the program's op count.
    pub fn summary(&self) -> String {
        let mut s = format!("backendopt: {} ops before\n", self.ops_before);
        for p in &self.passes {
            s.push_str(&format!(
                "  {:<16} {:>8.2} ms  {:>4} graphs changed  {:>7} ops\n",
                p.name,
                p.time.as_secs_f64() * 1e3,
                p.changed,
                p.ops_after
            ));
        }
        s
    }
}

/// An internal error: a pass produced a malformed graph.
#[derive(Clone, Debug)]
pub struct PassError(pub String);

/// Graph indices, callees first: post-order of direct calls from `entry`,
/// then the graphs not reached from it.
pub fn bottom_up_order(graphs: &[LlGraph], entry: usize) -> Vec<usize> {
    let callees = |i: usize| -> Vec<usize> {
        let g = &graphs[i].graph;
        let mut out = Vec::new();
        for b in g.reachable_blocks() {
            for op in &g.blocks[b].ops {
                if op.kind == LlOp::DirectCall {
                    if let Some(Value::Const(LlConst::Func(k))) = op.args.first() {
                        if (*k as usize) < graphs.len() && !out.contains(&(*k as usize)) {
                            out.push(*k as usize);
                        }
                    }
                }
            }
        }
        out
    };
    let mut seen = vec![false; graphs.len()];
    let mut order = Vec::new();
    let mut roots = vec![entry];
    roots.extend(0..graphs.len());
    for root in roots {
        if root >= graphs.len() || seen[root] {
            continue;
        }
        // Iterative DFS: (node, its callees, next callee index).
        seen[root] = true;
        let mut stack = vec![(root, callees(root), 0usize)];
        while let Some(top) = stack.last_mut() {
            if top.2 < top.1.len() {
                let c = top.1[top.2];
                top.2 += 1;
                if !seen[c] {
                    seen[c] = true;
                    let cs = callees(c);
                    stack.push((c, cs, 0));
                }
            } else {
                order.push(top.0);
                stack.pop();
            }
        }
    }
    order
}

/// Run `passes` over the graphs (in `bottom_up_order`), verifying each
/// graph after each pass.
pub fn run_passes(
    types: &TypeTable,
    graphs: &mut [LlGraph],
    entry: usize,
    passes: &[Pass],
    opts: &Options,
) -> Result<Report, PassError> {
    let ops_before: usize = graphs.iter().map(util::op_count).sum();
    let mut stats: Vec<PassStats> = passes
        .iter()
        .map(|p| PassStats {
            name: p.name,
            ..PassStats::default()
        })
        .collect();
    let mut delta = vec![0isize; passes.len()];
    let mut dumps: Vec<Option<String>> = vec![None; graphs.len()];
    let effects = effects::Cache::default();
    for i in bottom_up_order(graphs, entry) {
        for (k, pass) in passes.iter().enumerate() {
            let t = Instant::now();
            let mut g = graphs[i].clone();
            let changed = (pass.run)(
                &mut g,
                &Ctx {
                    types,
                    graphs,
                    this: i,
                    effects: &effects,
                },
            );
            stats[k].time += t.elapsed();
            if changed {
                stats[k].changed += 1;
                if let Err(errs) = rpy_flow::check::check_graph(&g.graph) {
                    let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
                    return Err(PassError(format!(
                        "pass `{}` made graph `{}` malformed: {}\n{}",
                        pass.name,
                        g.graph.name,
                        msgs.join("; "),
                        text::print_graph(&g)
                    )));
                }
                delta[k] += util::op_count(&g) as isize - util::op_count(&graphs[i]) as isize;
                graphs[i] = g;
            }
            if opts.dump_after.as_deref() == Some(pass.name) {
                dumps[i] = Some(text::print_graph(&graphs[i]));
            }
        }
    }
    let mut ops = ops_before as isize;
    for (s, d) in stats.iter_mut().zip(&delta) {
        ops += d;
        s.ops_after = ops as usize;
    }
    let dump = opts.dump_after.as_ref().map(|_| {
        // Types, then each graph as it was right after the named pass.
        let mut out = text::print_program(types, &[]);
        for (i, d) in dumps.into_iter().enumerate() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&d.unwrap_or_else(|| text::print_graph(&graphs[i])));
        }
        out
    });
    Ok(Report {
        ops_before,
        passes: stats,
        dump,
    })
}

/// Run the whole `PIPELINE` over a program.
pub fn optimize(prog: &mut LlProgram, opts: &Options) -> Result<Report, PassError> {
    if let Some(name) = &opts.dump_after {
        if !PIPELINE.iter().any(|p| p.name == name) {
            let names: Vec<&str> = PIPELINE.iter().map(|p| p.name).collect();
            return Err(PassError(format!(
                "--dump-after: no pass named `{name}` (passes: {})",
                names.join(", ")
            )));
        }
    }
    let entry = prog.entry as usize;
    run_passes(&prog.types, &mut prog.graphs, entry, PIPELINE, opts)
}
