//! Lowering of `for` over a range: the flow graph's `next(it)` that ends
//! a block and exits to the loop's end on StopIteration becomes a test of
//! the iterator's remaining count and a branch, with no exception raised.

use crate::emit::{c_signed, Emit};
use crate::llop::LlOp;
use crate::lltype::{Ll, LlConst, LowType};
use crate::rtype::RTyper;
use cranelift_entity::SecondaryMap;
use rpy_annotator::{GraphId, SomeValue};
use rpy_flow::graph::{Exitswitch, Graph, Link, Op, Value};
use rpy_flow::{Block, Const, Flow, Var};
use rpy_syntax::Diagnostic;
use std::collections::HashMap;

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn lower_range_next(&mut self, g: &mut Graph<Ll>, types: &mut SecondaryMap<Var, LowType>, gid: GraphId, b: Block, next: &Op<Flow>) -> Result<(), Diagnostic> {
        let ag = &self.ann.graphs[gid];
        let fb = &ag.graph.blocks[b];
        let it_ann = self.ann_of(gid, &next.args[0]);
        if it_ann != SomeValue::RangeIter {
            return Err(Diagnostic::new(next.span, format!("iteration over {} is not supported yet", it_ann.describe())));
        }
        let stop_iter = self.prog.exc_class("StopIteration");
        let stop_link = fb.exits[1..]
            .iter()
            .find(|l| matches!(&l.exitcase, Some(Const::Host(h)) if self.prog.is_subclass(stop_iter, *h)))
            .ok_or_else(|| Diagnostic::new(next.span, "a range loop must end on StopIteration"))?
            .clone();
        let body_link = fb.exits[0].clone();
        let it = next.args[0].as_var().expect("iterator is a variable");

        // b: rem = it.remaining; has = rem > 0; switch has
        let mut e = Emit::new(g, types, next.span);
        let rem = e.getfield(Value::Var(it), "remaining", LowType::Signed);
        let has = e.op(LlOp::IntGt, vec![rem.clone(), c_signed(0)], LowType::Bool);
        let mut ops = e.ops;
        g.blocks[b].ops.append(&mut ops);
        let has_var = has.as_var().expect("var");
        let rem_var = rem.as_var().expect("var");

        let mut done = self.lower_link(g, types, gid, &stop_link)?;
        done.exitcase = Some(LlConst::Bool(false));
        done.last_exception = None;
        done.last_exc_value = None;

        // C(it', rem', live...): v = it'.next; it'.next = v + step; it'.remaining = rem' - 1
        let mut body = self.lower_link(g, types, gid, &body_link)?;
        let mut rename: HashMap<Var, Var> = HashMap::new();
        let mut passed = vec![Value::Var(it), Value::Var(rem_var)];
        let it2 = g.new_var(Some("it"));
        types[it2] = types[it];
        let rem2 = g.new_var(Some("rem"));
        types[rem2] = LowType::Signed;
        rename.insert(it, it2);
        let mut ins = vec![it2, rem2];
        for a in &body.args {
            if let Value::Var(v) = a {
                if *v != next.result && !rename.contains_key(v) {
                    let nv = g.new_var(g.vars[*v].hint.clone().as_deref());
                    types[nv] = types[*v];
                    rename.insert(*v, nv);
                    ins.push(nv);
                    passed.push(Value::Var(*v));
                }
            }
        }
        let c = g.new_block(ins);
        let mut e = Emit::new(g, types, next.span);
        let cur = e.getfield(Value::Var(it2), "next", LowType::Signed);
        let step = e.getfield(Value::Var(it2), "step", LowType::Signed);
        let n2 = e.op(LlOp::IntAdd, vec![cur.clone(), step], LowType::Signed);
        e.setfield(Value::Var(it2), "next", n2);
        let r2 = e.op(LlOp::IntSub, vec![Value::Var(rem2), c_signed(1)], LowType::Signed);
        e.setfield(Value::Var(it2), "remaining", r2);
        let mut ops = e.ops;
        // Define the loop variable itself in C.
        let cur_var = cur.as_var().expect("var");
        for op in ops.iter_mut() {
            for a in op.args.iter_mut() {
                if *a == Value::Var(cur_var) {
                    *a = Value::Var(next.result);
                }
            }
            if op.result == cur_var {
                op.result = next.result;
            }
        }
        types[next.result] = LowType::Signed;
        g.blocks[c].ops = ops;
        for a in body.args.iter_mut() {
            if let Value::Var(v) = a {
                if let Some(nv) = rename.get(v) {
                    *a = Value::Var(*nv);
                }
            }
        }
        body.exitcase = None;
        g.blocks[c].exits = vec![body];
        let mut go = Link::new(passed, c);
        go.exitcase = Some(LlConst::Bool(true));
        g.blocks[b].exitswitch = Exitswitch::Value(has_var);
        g.blocks[b].exits = vec![done, go];
        Ok(())
    }
}
