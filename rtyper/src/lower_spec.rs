//! Lowering of calls of specialised methods (`annotator/src/specialize.rs`):
//! `inst.m(...)` where `m` has one implementation and a `@specialize.*`
//! decorator becomes a direct call of the graph the annotator chose for
//! this call op, with the receiver first. With several implementations
//! the call op has a row of graphs (one per implementation, by the call's
//! key; an undecorated override has its one graph), called through a
//! prebuilt table of that row indexed by type id, like ordinary method
//! families (`lower_class.rs`). (Specialised functions and staticmethods
//! go through `lower_call`, which asks `call_index`.)

use crate::emit::{Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{LlConst, LowType};
use crate::rtype::RTyper;
use rpy_annotator::classdef;
use rpy_annotator::rules_class::method_impls;
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::{Const, Flow, FlowOp, HostId, Op};
use rpy_syntax::Diagnostic;

impl<'a, 'p> RTyper<'a, 'p> {
    /// `Some` for a call of a specialised method, `None` otherwise.
    pub fn lower_spec_call(
        &mut self,
        e: &mut Emit,
        gid: GraphId,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
    ) -> Option<Result<LlValue, Diagnostic>> {
        if !matches!(op.kind, FlowOp::SimpleCall | FlowOp::CallKw) {
            return None;
        }
        let S::Method { class, name } = anns.first()? else {
            return None;
        };
        let impls = method_impls(self.ann, *class, name);
        let me = S::Instance {
            class: *class,
            nullable: false,
        };
        if let [(_, f)] = impls[..] {
            let target = self.ann.spec.target(gid, op.result, f)?;
            return Some(self.lower_spec_method(e, op, anns, res, target, me));
        }
        if !impls
            .iter()
            .any(|(_, f)| self.ann.spec.target(gid, op.result, *f).is_some())
        {
            return None;
        }
        let row: Vec<(HostId, GraphId)> = impls
            .iter()
            .map(|&(_, f)| {
                let g = self
                    .ann
                    .spec
                    .target(gid, op.result, f)
                    .unwrap_or_else(|| GraphId::from_u32(self.func_index(f)));
                (f, g)
            })
            .collect();
        Some(self.lower_spec_row(e, op, anns, res, *class, name, &row, me))
    }

    /// The low-level parameter types (the receiver as an address) and
    /// result type (`None` if it never returns) of graph `g`.
    fn spec_sig(&mut self, g: GraphId) -> (Vec<LowType>, Option<LowType>) {
        let ps: Vec<S> = {
            let ag = &self.ann.graphs[g];
            ag.graph
                .params()
                .iter()
                .map(|p| ag.bindings[*p].clone())
                .collect()
        };
        let mut lts: Vec<LowType> = ps.iter().map(|a| self.lowtype(a)).collect();
        if let Some(first) = lts.first_mut() {
            if matches!(first, LowType::Ptr(_)) {
                *first = LowType::Address;
            }
        }
        let r = self.ann.return_annotation(g);
        let rl = (!r.is_impossible()).then(|| self.lowtype(&r));
        (lts, rl)
    }

    /// A call through the family table of one row of graphs.
    #[allow(clippy::too_many_arguments)]
    fn lower_spec_row(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        class: HostId,
        name: &str,
        row: &[(HostId, GraphId)],
        me: S,
    ) -> Result<LlValue, Diagnostic> {
        let s0 = self.spec_sig(row[0].1);
        for &(f, g) in &row[1..] {
            let s = self.spec_sig(g);
            let res_ok = match (s.1, s0.1) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            if s.0 != s0.0 || !res_ok {
                let fo = self.prog.function(f);
                let f0 = self.prog.function(row[0].0);
                return Err(Diagnostic::new(
                    op.span,
                    format!(
                        "the implementations of {name}() in the family of {} have different low-level signatures for this call; RPython needs them to agree",
                        self.prog.class(class).name
                    ),
                )
                .with_note(Some(f0.def.span), format!("{} is defined here", f0.qualname))
                .with_note(Some(fo.def.span), format!("{} is defined here", fo.qualname)));
            }
        }
        let recv = self.arg(e, op, anns, 0)?;
        let what = format!(
            "{name}#{}",
            row.iter()
                .map(|(_, g)| cranelift_entity::EntityRef::index(*g).to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let fptr = self
            .family_table(e, recv.clone(), class, what, LowType::Address, |rt| {
                let (lo, hi) = rt.reprs.class_ranges[&class];
                let mut items = Vec::new();
                for t in lo..=hi {
                    let k = rt.class_state.class_of_type[&t];
                    let g = match classdef::lookup(rt.prog, k, name) {
                        Some((_, Const::Host(f))) => row.iter().find(|(h, _)| *h == f),
                        _ => None,
                    }
                    .unwrap_or(&row[0])
                    .1;
                    items.push(LlConst::Func(cranelift_entity::EntityRef::index(g) as u32));
                }
                Ok(items)
            })
            .map_err(|m| Diagnostic::new(op.span, m))?;
        let (f0, g0) = row[0];
        let args = self.call_args(e, op, anns, f0, g0, Some((recv, me)))?;
        let mut full = vec![fptr];
        full.extend(args);
        let callee_res = row
            .iter()
            .map(|(_, g)| self.ann.return_annotation(*g))
            .find(|r| !r.is_impossible())
            .unwrap_or(S::Impossible);
        let call_lt = self.lowtype(&callee_res);
        let r = e.op(O::IndirectCall, full, call_lt);
        Ok(self.convert(e, r, &callee_res, res))
    }

    fn lower_spec_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        res: &S,
        target: GraphId,
        me: S,
    ) -> Result<LlValue, Diagnostic> {
        let func = self.ann.graphs[target].func;
        let recv = self.arg(e, op, anns, 0)?;
        let args = self.call_args(e, op, anns, func, target, Some((recv, me)))?;
        let index = cranelift_entity::EntityRef::index(target) as u32;
        let callee_res = self.ann.return_annotation(target);
        let r = e.call_func(index, args, self.lowtype(&callee_res));
        Ok(self.convert(e, r, &callee_res, res))
    }
}
