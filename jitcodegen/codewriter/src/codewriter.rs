//! The codewriter: which graphs get jitcodes, and the `JitProgram` that
//! is embedded in the executable.
//!
//! Policy (RPython's JitPolicy): starting from the portals, follow direct
//! calls over the call graph (petgraph); a graph gets a jitcode unless it
//! is `dont_look_inside`, `elidable` or `loop_invariant` (those stay
//! calls, with their effects in the call descriptor), or has loops and is
//! not `unroll_safe` (a portal always gets one). A graph the assembler
//! cannot express becomes an opaque call, never an error.

use crate::assembler::{kind_of, Assembler};
use crate::descrs::DescrTables;
use crate::portal::Portal;
use crate::warmspot::Exchange;
use petgraph::graphmap::DiGraphMap;
use petgraph::visit::Dfs;
use rpy_flow::graph::Value;
use rpy_jitformat::jitcode::{DriverDescr, Insn, JitProgram};
use rpy_jitformat::{Kind, Width};
use rpy_rtyper::{LlConst, LlOp, LlProgram};
use std::collections::{BTreeMap, BTreeSet};

/// The call graph of direct calls between the program's graphs.
pub fn call_graph(prog: &LlProgram) -> DiGraphMap<u32, ()> {
    let mut cg = DiGraphMap::new();
    for (i, lg) in prog.graphs.iter().enumerate() {
        cg.add_node(i as u32);
        for b in lg.graph.reachable_blocks() {
            for op in &lg.graph.blocks[b].ops {
                if op.kind == LlOp::DirectCall {
                    if let Some(Value::Const(LlConst::Func(k))) = op.args.first() {
                        cg.add_edge(i as u32, *k, ());
                    }
                }
            }
        }
    }
    cg
}

/// Does the policy let the JIT look inside graph `k`?
fn look_inside(prog: &LlProgram, k: u32, portals: &[Portal]) -> bool {
    if portals.iter().any(|p| p.graph == k) {
        return true;
    }
    let h = prog.jit.graph_hints.get(&k).cloned().unwrap_or_default();
    if h.dont_look_inside || h.elidable || h.loop_invariant {
        return false;
    }
    h.unroll_safe || h.look_inside || !crate::assembler::has_loops(&prog.graphs[k as usize])
}

/// Jitcodes for every graph the JIT may enter, and everything the
/// runtime needs with them.
pub fn write_jitcodes(prog: &LlProgram, portals: &[Portal], exchanges: &[Exchange]) -> JitProgram {
    let cg = call_graph(prog);
    let mut refused: BTreeMap<u32, String> = BTreeMap::new();
    loop {
        // The graphs to assemble: reachable from a portal through graphs
        // the policy looks inside.
        let mut chosen: BTreeSet<u32> = BTreeSet::new();
        for p in portals {
            let mut dfs = Dfs::new(&cg, p.graph);
            while let Some(k) = dfs.next(&cg) {
                if !look_inside(prog, k, portals) || refused.contains_key(&k) {
                    continue;
                }
                chosen.insert(k);
            }
        }
        // Dfs walks through residual graphs too; keep only graphs reached
        // through chosen callers.
        let chosen = reachable_through(&cg, portals, &chosen);
        let index: BTreeMap<u32, u32> = chosen
            .iter()
            .enumerate()
            .map(|(i, &g)| (g, i as u32))
            .collect();
        let mut tables = DescrTables::new(prog);
        let mut jitcodes = Vec::new();
        let mut failed = false;
        for &g in &chosen {
            let inline = |k: u32| index.get(&k).copied();
            let lg = &prog.graphs[g as usize];
            let func = tables.func(g);
            match Assembler::new(lg, &mut tables, &inline).assemble(&lg.graph.name, func) {
                Ok(jc) => jitcodes.push(jc),
                Err(e) => {
                    refused.insert(g, e);
                    failed = true;
                    break;
                }
            }
        }
        if failed {
            continue;
        }
        let drivers = portals
            .iter()
            .zip(exchanges)
            .map(|(p, x)| driver_descr(prog, p, x, &index, &jitcodes, &mut tables))
            .collect();
        let mut jitcode_of = vec![None; prog.graphs.len()];
        for (&g, &i) in &index {
            jitcode_of[g as usize] = Some(i);
        }
        let immutable_prebuilt = prog
            .jit
            .immutable_prebuilt
            .iter()
            .map(|&i| tables.prebuilt(i))
            .collect();
        let mut jp = JitProgram {
            immutable_prebuilt,
            descrs: tables.descrs,
            jitcodes,
            drivers,
            funcs: tables.funcs,
            externs: tables.externs,
            prebuilt: tables.prebuilt,
            jitcode_of,
            ..JitProgram::default()
        };
        assign_call_stubs(&mut jp);
        jp.refused = refused
            .into_iter()
            .map(|(g, why)| (prog.graphs[g as usize].graph.name.clone(), why))
            .collect();
        return jp;
    }
}

/// The chosen graphs reachable from the portals through chosen graphs.
fn reachable_through(
    cg: &DiGraphMap<u32, ()>,
    portals: &[Portal],
    chosen: &BTreeSet<u32>,
) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    let mut stack: Vec<u32> = portals
        .iter()
        .map(|p| p.graph)
        .filter(|g| chosen.contains(g))
        .collect();
    while let Some(g) = stack.pop() {
        if !out.insert(g) {
            continue;
        }
        for n in cg.neighbors(g) {
            if chosen.contains(&n) && !out.contains(&n) {
                stack.push(n);
            }
        }
    }
    out
}

fn driver_descr(
    prog: &LlProgram,
    p: &Portal,
    x: &Exchange,
    index: &BTreeMap<u32, u32>,
    jitcodes: &[rpy_jitformat::jitcode::JitCode],
    tables: &mut DescrTables,
) -> DriverDescr {
    let info = &prog.jit.drivers[p.driver as usize];
    let portal = index[&p.graph];
    let merge_point = jitcodes[portal as usize]
        .code
        .iter()
        .position(|i| matches!(i, Insn::JitMergePoint { .. }))
        .unwrap_or(0) as u32;
    let exchange_fields = x
        .fields
        .iter()
        .map(|f| tables.field(x.typ, f).expect("exchange field"))
        .collect();
    let result_field = x
        .result
        .as_ref()
        .map(|f| tables.field(x.typ, f).expect("exchange field"));
    DriverDescr {
        name: info.name.clone(),
        greens: info
            .greens
            .iter()
            .cloned()
            .zip(p.green_types.iter().map(|t| kind_of(*t)))
            .collect(),
        reds: p
            .red_names
            .iter()
            .cloned()
            .zip(p.red_types.iter().map(|t| kind_of(*t)))
            .collect(),
        portal,
        merge_point,
        exchange: tables.prebuilt(x.prebuilt),
        exchange_fields,
        result_field,
        result: kind_of(prog.graphs[p.graph as usize].result_type),
        printable_location: info.get_printable_location.map(|g| {
            let args = p
                .green_types
                .iter()
                .map(|t| kind_of(*t))
                .filter(|k| *k != Kind::Void)
                .collect();
            let descr = tables.call_descr_func(g, args, Kind::Ref, Width::WORD);
            (tables.func(g), descr)
        }),
    }
}

/// One call stub per call signature (`CallDescr::signature`).
fn assign_call_stubs(jp: &mut JitProgram) {
    for c in &jp.descrs.calls {
        let sig = c.signature();
        let i = match jp.stubs.iter().position(|s| *s == sig) {
            Some(i) => i,
            None => {
                jp.stubs.push(sig);
                jp.stubs.len() - 1
            }
        };
        jp.call_stubs.push(i as u32);
    }
}
