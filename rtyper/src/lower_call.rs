//! How a call op's arguments bind to a callee's parameters: the one place
//! that reads a `simple_call`/`call_kw` op's layout (`call_shape`) and
//! lowers its arguments for a graph (`call_args`), used by plain function
//! calls, method calls, instantiation and specialised methods.

use crate::emit::{Emit, LlValue};
use crate::rtype::RTyper;
use rpy_annotator::call::{bind_args, ArgSource};
use rpy_annotator::{GraphId, SomeValue as S};
use rpy_flow::{Const, Flow, FlowOp, HostId, Op};
use rpy_syntax::Diagnostic;

/// How a call's arguments sit in the op: positional from `first`, then
/// keywords.
pub struct CallShape {
    pub first: usize,
    pub npos: usize,
    pub kwnames: Vec<String>,
}

impl CallShape {
    /// Op argument index of positional argument `i`.
    pub fn pos(&self, i: usize) -> usize {
        self.first + i
    }

    /// Op argument index of keyword argument `k`.
    pub fn kw(&self, k: usize) -> usize {
        self.first + self.npos + k
    }
}

pub fn call_shape(op: &Op<Flow>) -> CallShape {
    let (first, kwnames): (usize, Vec<String>) = if op.kind == FlowOp::CallKw {
        let names = match op.args[1].as_const() {
            Some(Const::Tuple(t)) => t
                .iter()
                .filter_map(|c| c.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        (2, names)
    } else {
        (1, Vec::new())
    };
    CallShape {
        first,
        npos: op.args.len() - first - kwnames.len(),
        kwnames,
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// Arguments for calling `callee` (a graph of function `f`), with
    /// `self_arg` first when given, from the call's arguments bound as
    /// Python binds them (keywords, defaults) and converted to the
    /// callee's parameter annotations.
    pub(crate) fn call_args(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        f: HostId,
        callee: GraphId,
        self_arg: Option<(LlValue, S)>,
    ) -> Result<Vec<LlValue>, Diagnostic> {
        let shape = call_shape(op);
        let fobj = self.prog.function(f);
        let extra = self_arg.is_some() as usize;
        let sources = bind_args(fobj, shape.npos + extra, &shape.kwnames)
            .map_err(|m| Diagnostic::new(op.span, m))?;
        let defaults = fobj.defaults.clone();
        let g = &self.ann.graphs[callee];
        let params: Vec<S> = g
            .graph
            .params()
            .iter()
            .map(|p| g.bindings[*p].clone())
            .collect();
        let mut args = Vec::new();
        for (to, src) in params.iter().zip(sources) {
            let v = match src {
                ArgSource::Positional(0) if extra == 1 => {
                    let (v, from) = self_arg.clone().unwrap();
                    self.convert(e, v, &from, to)
                }
                ArgSource::Positional(i) => self.arg_as(e, op, anns, shape.pos(i - extra), to)?,
                ArgSource::Keyword(k) => self.arg_as(e, op, anns, shape.kw(k), to)?,
                ArgSource::Default(d) => self
                    .const_value(&defaults[d], to)
                    .map_err(|m| Diagnostic::new(op.span, m))?,
            };
            args.push(v);
        }
        Ok(args)
    }
}
