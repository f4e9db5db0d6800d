//! `rpython.rlib.objectmodel.r_dict(key_eq, key_hash)`: an ordinary
//! `HostObj::Dict` whose keys are matched by the user's functions (listed
//! in `Evaluator::rdicts`): a stored key matches when its `key_hash`
//! equals the probe's and `key_eq(stored, probe)` is true, as CPython's dict
//! does for the support package's `r_dict`.

use super::{EvalError, EvalResult, Evaluator};
use crate::host::HostId;
use crate::model::Const;
use rpy_syntax::Span;

impl Evaluator<'_> {
    /// `r_dict(key_eq, key_hash, force_non_null=False, simple_hash_eq=False)`.
    pub(super) fn new_r_dict(
        &mut self,
        args: Vec<Const>,
        kwargs: Vec<(String, Const)>,
        span: Span,
    ) -> EvalResult<Const> {
        const PARAMS: [&str; 4] = ["key_eq", "key_hash", "force_non_null", "simple_hash_eq"];
        if args.len() > PARAMS.len() {
            return Err(EvalError::user(
                span,
                format!("r_dict() takes at most 4 arguments ({} given)", args.len()),
            ));
        }
        let mut slots: Vec<Option<Const>> = args.into_iter().map(Some).collect();
        slots.resize(PARAMS.len(), None);
        for (k, v) in kwargs {
            let Some(i) = PARAMS.iter().position(|p| *p == k) else {
                return Err(EvalError::user(
                    span,
                    format!("r_dict() got an unexpected keyword argument '{k}'"),
                ));
            };
            if slots[i].replace(v).is_some() {
                return Err(EvalError::user(
                    span,
                    format!("r_dict() got multiple values for argument '{k}'"),
                ));
            }
        }
        let (Some(eq), Some(hash)) = (slots[0].take(), slots[1].take()) else {
            return Err(EvalError::user(
                span,
                "r_dict() needs the functions key_eq and key_hash",
            ));
        };
        let d = self.new_dict(Vec::new());
        if let Const::Host(h) = d {
            self.rdicts.insert(h, (eq, hash));
        }
        Ok(d)
    }

    pub(crate) fn is_r_dict(&self, d: HostId) -> bool {
        self.rdicts.contains_key(&d)
    }

    /// An empty dict with the same key functions as `d` (for `copy`).
    pub(super) fn like_dict(&mut self, d: HostId) -> Const {
        let new = self.new_dict(Vec::new());
        if let (Some(fns), Const::Host(n)) = (self.rdicts.get(&d).cloned(), &new) {
            self.rdicts.insert(*n, fns);
        }
        new
    }

    /// Position of `key` in r_dict `d`; `None` if `d` is an ordinary dict.
    pub(super) fn r_dict_find(
        &mut self,
        d: HostId,
        key: &Const,
    ) -> Option<EvalResult<Option<usize>>> {
        let (eq, hash) = self.rdicts.get(&d).cloned()?;
        Some(self.r_dict_find_with(d, key, &eq, &hash))
    }

    fn r_dict_find_with(
        &mut self,
        d: HostId,
        key: &Const,
        eq: &Const,
        hash: &Const,
    ) -> EvalResult<Option<usize>> {
        let span = self.current_span();
        let want = self.r_dict_hash(hash, key, span)?;
        let mut i = 0;
        while let Some(k) = self.dict_key_at(d, i) {
            if self.r_dict_hash(hash, &k, span)? == want {
                let same = self.call_at(eq, vec![k, key.clone()], span)?;
                if self.truth(&same, span)? {
                    return Ok(Some(i));
                }
            }
            i += 1;
        }
        Ok(None)
    }

    fn dict_key_at(&self, d: HostId, i: usize) -> Option<Const> {
        match &self.prog.objs[d] {
            crate::host::HostObj::Dict(items) => items.get(i).map(|(k, _)| k.clone()),
            _ => None,
        }
    }

    fn r_dict_hash(&mut self, hash: &Const, key: &Const, span: Span) -> EvalResult<i64> {
        match self.call_at(hash, vec![key.clone()], span)? {
            Const::Int(-1) => Ok(-2),
            Const::Int(i) => Ok(i),
            Const::Bool(b) => Ok(b as i64),
            other => {
                let t = self.type_desc(&other);
                Err(self.exc_msg(
                    "TypeError",
                    format!("__hash__ method should return an integer, not {t}"),
                    span,
                ))
            }
        }
    }
}
