//! Call families (RPython's `normalizecalls`): the graphs that one call
//! site may reach (one of several functions held by a variable, or the
//! implementations of a method over the receiver's class family) get one
//! signature. Every member's return annotation is generalised to the
//! union of the family's results, and each parameter to the union of that
//! parameter over the family, inside the fixpoint: a member's direct
//! callers see the general result too. The rtyper then gives the members
//! one low-level signature and converts a member's own result on its
//! return links (`RTyper::convert`: `None` to a null instance pointer, a
//! subclass to its base for free, an int to a float).
//! Results without a common annotation (an int and a str) are refused
//! where the union is taken, as RPython does.

use crate::annotate::{Annotator, GraphId, Origin};
use crate::model::SomeValue;
use rpy_syntax::{Diagnostic, Span};

impl Annotator<'_> {
    /// Give the call family `members` the call's `result` and a common
    /// type per parameter (`skip_receiver`: a method's `self` stays its
    /// own class). Members that do not return yet are left alone: when
    /// they do, the calling block is flowed again and comes back here.
    pub(crate) fn normalize_family(
        &mut self,
        members: &[GraphId],
        skip_receiver: bool,
        result: &SomeValue,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let mut members = members.to_vec();
        members.sort();
        members.dedup();
        if members.len() < 2 {
            return Ok(());
        }
        if !result.is_impossible() {
            for &g in &members {
                if self.return_annotation(g).is_impossible() {
                    continue;
                }
                let ret = self.graphs[g].graph.returnblock;
                let origin = Origin {
                    span: Some(span),
                    why: "the result of another function of its call family".into(),
                };
                self.add_pending(g, ret, vec![(result.clone(), origin)]);
            }
        }
        self.normalize_params(&members, skip_receiver, span)
    }

    fn normalize_params(
        &mut self,
        members: &[GraphId],
        skip_receiver: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let n = self.graphs[members[0]].graph.params().len();
        // Members that take different numbers of parameters (defaults,
        // `*args`) cannot share a signature; the rtyper refuses the call.
        if members
            .iter()
            .any(|&g| self.graphs[g].graph.params().len() != n)
        {
            return Ok(());
        }
        let first = usize::from(skip_receiver);
        let mut common = vec![SomeValue::Impossible; n];
        for &g in members {
            let ag = &self.graphs[g];
            let params: Vec<SomeValue> = ag
                .graph
                .params()
                .iter()
                .map(|p| ag.bindings[*p].clone())
                .collect();
            for i in first..n {
                common[i] = self.union(&common[i], &params[i]).ok_or_else(|| {
                    let fo = self.prog.function(self.graphs[g].func);
                    let name = self.graphs[g].graph.vars[self.graphs[g].graph.params()[i]]
                        .hint
                        .clone()
                        .unwrap_or_else(|| format!("#{i}"));
                    Diagnostic::new(
                        span,
                        format!(
                            "the functions that may be called here take different types for parameter '{name}' ({} and {}); RPython needs them to have a common type",
                            common[i].describe(),
                            params[i].describe()
                        ),
                    )
                    .with_note(Some(fo.def.span), format!("{} is defined here", fo.qualname))
                })?;
            }
        }
        for &g in members {
            let ag = &self.graphs[g];
            let params = ag.graph.params().to_vec();
            let cells = params
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let ann = if i < first || common[i].is_impossible() {
                        ag.bindings[*p].clone()
                    } else {
                        common[i].clone()
                    };
                    let origin = Origin {
                        span: Some(span),
                        why: "a parameter of another function of its call family".into(),
                    };
                    (ann, origin)
                })
                .collect();
            let start = ag.graph.startblock;
            // A member not flowed yet gets its own call's arguments first.
            if ag.seen.contains(&start) {
                self.add_pending(g, start, cells);
            }
        }
        Ok(())
    }
}
