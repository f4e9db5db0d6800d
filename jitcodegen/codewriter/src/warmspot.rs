//! What the translated interpreter does at its hints in an -Ojit
//! executable (RPython's warmspot), the translated side of the portal
//! protocol (ARCHITECTURE.md, "The portal protocol"):
//!
//! - each driver gets an *exchange object*, a prebuilt GC struct with one
//!   field per green and red and one for the portal's result; being
//!   prebuilt it is a GC root, so the references in it are updated when
//!   objects move;
//! - `can_enter_jit(greens, reds)` stores its values there and calls
//!   `rpyjit_can_enter_jit(jd)`, then, by its answer, goes on, continues
//!   at the merge point with the values the runtime left in the exchange
//!   object, or returns the result left there (an exception is raised by
//!   the call itself);
//! - the other hints are stripped as at -O2, `set_param` becomes a call.

use crate::portal::Portal;
use rpy_backendopt::util::{copy_var, new_var, subst, subst_link, zero_const};
use rpy_flow::graph::{Block, BlockData, Exitswitch, Link, Op, Value, Var};
use rpy_rtyper::{GcType, GcTypeId, LlConst, LlGraph, LlOp, LlProgram, LowType, Prebuilt};
use std::collections::HashMap;

/// A driver's exchange object.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub typ: GcTypeId,
    /// Index into `LlProgram::prebuilt`.
    pub prebuilt: u32,
    /// Field names of the greens, then the reds.
    pub fields: Vec<String>,
    /// Field name of the result (None for a Void result).
    pub result: Option<String>,
}

/// Create each portal's exchange type and prebuilt object.
pub fn make_exchanges(prog: &mut LlProgram, portals: &[Portal]) -> Vec<Exchange> {
    let mut out = Vec::new();
    for p in portals {
        let mut fields = Vec::new();
        let mut names = Vec::new();
        for (i, t) in p.green_types.iter().enumerate() {
            names.push(format!("g{i}"));
            fields.push((format!("g{i}"), *t));
        }
        for (i, t) in p.red_types.iter().enumerate() {
            names.push(format!("r{i}"));
            fields.push((format!("r{i}"), *t));
        }
        let rt = prog.graphs[p.graph as usize].result_type;
        let result = (rt != LowType::Void).then(|| "result".to_string());
        if result.is_some() {
            fields.push(("result".into(), rt));
        }
        let values = fields
            .iter()
            .map(|(_, t)| zero_const(*t).unwrap_or(LlConst::Signed(0)))
            .collect();
        let typ = prog.types.types.push(GcType {
            name: format!("JitExchange{}", p.driver),
            fields,
            items: None,
        });
        prog.type_names.push(None);
        prog.prebuilt.push(Prebuilt {
            typ,
            fields: values,
            items: Vec::new(),
        });
        out.push(Exchange {
            typ,
            prebuilt: prog.prebuilt.len() as u32 - 1,
            fields: names,
            result,
        });
    }
    out
}

/// Rewrite the hints of every graph for translation with a JIT.
pub fn rewrite_hints(prog: &mut LlProgram, portals: &[Portal], exchanges: &[Exchange]) {
    for (p, x) in portals.iter().zip(exchanges) {
        let lg = &mut prog.graphs[p.graph as usize];
        loop {
            let at = lg.graph.reachable_blocks().into_iter().find_map(|b| {
                lg.graph.blocks[b]
                    .ops
                    .iter()
                    .position(|op| op.kind == LlOp::CanEnterJit)
                    .map(|i| (b, i))
            });
            let Some((b, i)) = at else { break };
            rewrite_can_enter_jit(lg, b, i, p, x);
        }
    }
    for lg in &mut prog.graphs {
        for bd in lg.graph.blocks.values_mut() {
            for op in &mut bd.ops {
                if op.kind == LlOp::JitSetParam {
                    op.kind = LlOp::DirectCall;
                    op.args
                        .insert(0, Value::Const(LlConst::Extern("rpyjit_set_param".into())));
                }
            }
        }
        crate::hints::strip_graph(lg);
    }
}

fn rewrite_can_enter_jit(lg: &mut LlGraph, b: Block, i: usize, p: &Portal, x: &Exchange) {
    let exch = Value::Const(LlConst::Prebuilt(x.prebuilt, x.typ));
    let mut bd = std::mem::take(&mut lg.graph.blocks[b]);
    // The rest of the block becomes a block of its own, fed with the
    // values it uses that were defined before.
    let live = crate::portal::live_after(&bd, i);
    let cej = bd.ops[i].clone();
    let after_ops: Vec<Op<_>> = bd.ops.split_off(i + 1);
    bd.ops.pop();
    let fresh: Vec<Var> = live.iter().map(|&v| copy_var(lg, v)).collect();
    let map: HashMap<Var, Value<LlConst>> = live
        .iter()
        .zip(&fresh)
        .map(|(&v, &f)| (v, Value::Var(f)))
        .collect();
    let mut rest_ops = after_ops;
    for op in &mut rest_ops {
        for a in &mut op.args {
            subst(a, &map);
        }
    }
    let mut exits = std::mem::take(&mut bd.exits);
    for l in &mut exits {
        subst_link(l, &map);
    }
    let exitswitch = match std::mem::replace(&mut bd.exitswitch, Exitswitch::None) {
        Exitswitch::Value(v) => match map.get(&v) {
            Some(Value::Var(f)) => Exitswitch::Value(*f),
            _ => Exitswitch::Value(v),
        },
        e => e,
    };
    let rest = lg.graph.blocks.push(BlockData {
        inputargs: fresh,
        ops: rest_ops,
        exitswitch,
        exits,
    });

    // Store the greens and reds, ask the runtime.
    let span = cej.span;
    for (name, a) in x.fields.iter().zip(&cej.args[1..]) {
        let r = new_var(lg, LowType::Void);
        bd.ops.push(Op {
            kind: LlOp::SetField,
            args: vec![
                exch.clone(),
                Value::Const(LlConst::Field(name.clone())),
                a.clone(),
            ],
            result: r,
            span,
        });
    }
    let status = new_var(lg, LowType::Signed);
    bd.ops.push(Op {
        kind: LlOp::DirectCall,
        args: vec![
            Value::Const(LlConst::Extern("rpyjit_can_enter_jit".into())),
            Value::Const(LlConst::Signed(p.driver as i64)),
        ],
        result: status,
        span,
    });
    bd.exitswitch = Exitswitch::Value(status);

    // JIT_CONTINUE: reload the greens and reds, go to the merge point.
    let mut reload_ops = Vec::new();
    let mut values = Vec::new();
    let types: Vec<LowType> = p.green_types.iter().chain(&p.red_types).copied().collect();
    for (name, t) in x.fields.iter().zip(&types) {
        let v = new_var(lg, *t);
        reload_ops.push(Op {
            kind: LlOp::GetField,
            args: vec![exch.clone(), Value::Const(LlConst::Field(name.clone()))],
            result: v,
            span,
        });
        values.push(Value::Var(v));
    }
    let reload = lg.graph.blocks.push(BlockData {
        ops: reload_ops,
        exits: vec![Link::new(values, p.merge_block)],
        ..BlockData::default()
    });

    // JIT_RETURN: return the result left in the exchange object.
    let ret_value = match &x.result {
        Some(f) => {
            let v = new_var(lg, lg.result_type);
            let op = Op {
                kind: LlOp::GetField,
                args: vec![exch.clone(), Value::Const(LlConst::Field(f.clone()))],
                result: v,
                span,
            };
            (vec![op], Value::Var(v))
        }
        None => (vec![], Value::Const(LlConst::Void)),
    };
    let ret = lg.graph.returnblock;
    let retb = lg.graph.blocks.push(BlockData {
        ops: ret_value.0,
        exits: vec![Link::new(vec![ret_value.1], ret)],
        ..BlockData::default()
    });
    let case = |k: i64, target: Block, args: Vec<Value<LlConst>>| {
        let mut l = Link::new(args, target);
        l.exitcase = Some(LlConst::Signed(k));
        l
    };
    bd.exits = vec![
        case(rpy_abi::JIT_CONTINUE, reload, vec![]),
        case(rpy_abi::JIT_RETURN, retb, vec![]),
        Link::new(live.iter().map(|&v| Value::Var(v)).collect(), rest),
    ];
    lg.graph.blocks[b] = bd;
}
