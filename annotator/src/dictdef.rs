//! Dict definitions: the key and value annotations shared by every alias
//! of a dict (RPython's `DictDef`). Like lists, definitions are merged by
//! union-find when two dicts meet (same variable, same container); blocks
//! that read a dict's key or value are re-flowed when either generalises.

use crate::annotate::{Annotator, Cx, GraphId};
use crate::model::{DictDefId, SomeValue};
use cranelift_entity::PrimaryMap;
use rpy_flow::{Block, HostId, HostObj};
use std::collections::HashSet;

#[derive(Clone, Debug)]
pub struct DictDef {
    pub key: SomeValue,
    pub value: SomeValue,
    /// `r_dict(key_eq, key_hash)`: the two functions, else `None`.
    pub custom: Option<(HostId, HostId)>,
    parent: Option<DictDefId>,
    /// Blocks that read keys or values.
    readers: HashSet<(GraphId, Block)>,
}

/// Which half of a dict's entries a write concerns (for error messages).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DictSide {
    Key,
    Value,
}

pub(crate) fn find(defs: &PrimaryMap<DictDefId, DictDef>, mut d: DictDefId) -> DictDefId {
    while let Some(p) = defs[d].parent {
        d = p;
    }
    d
}

/// Merge two definitions (the union of their key and value types).
pub(crate) fn merge(cx: &mut Cx, a: DictDefId, b: DictDefId) -> DictDefId {
    let ra = find(cx.dictdefs, a);
    let rb = find(cx.dictdefs, b);
    if ra == rb {
        return ra;
    }
    let (ka, va) = (cx.dictdefs[ra].key.clone(), cx.dictdefs[ra].value.clone());
    let (kb, vb) = (cx.dictdefs[rb].key.clone(), cx.dictdefs[rb].value.clone());
    // Link first so that recursive unions (a dict holding itself) stop.
    cx.dictdefs[rb].parent = Some(ra);
    let key = ka.union(&kb, cx).unwrap_or(ka);
    let value = va.union(&vb, cx).unwrap_or(va);
    let readers_b = std::mem::take(&mut cx.dictdefs[rb].readers);
    let custom_b = cx.dictdefs[rb].custom;
    let da = &mut cx.dictdefs[ra];
    da.custom = da.custom.or(custom_b);
    da.key = key;
    da.value = value;
    da.readers.extend(readers_b);
    cx.requeue.extend(da.readers.iter().copied());
    ra
}

impl<'p> Annotator<'p> {
    pub fn new_dict(&mut self, key: SomeValue, value: SomeValue) -> DictDefId {
        self.dictdefs.push(DictDef {
            key,
            value,
            custom: None,
            parent: None,
            readers: HashSet::new(),
        })
    }

    /// Remove widened-number marks from keys and values (`rules_widen`).
    pub(crate) fn erase_dicts(&mut self) {
        for (_, d) in self.dictdefs.iter_mut() {
            d.key = d.key.erased();
            d.value = d.value.erased();
        }
    }

    /// The (representative) definition of a dict.
    pub fn dictdef(&self, d: DictDefId) -> &DictDef {
        &self.dictdefs[find(&self.dictdefs, d)]
    }

    /// Make `d` an `r_dict` with these key functions.
    pub fn set_dict_custom(&mut self, d: DictDefId, eq: HostId, hash: HostId) {
        let r = find(&self.dictdefs, d);
        self.dictdefs[r].custom = Some((eq, hash));
    }

    pub fn dict_root(&self, d: DictDefId) -> DictDefId {
        find(&self.dictdefs, d)
    }

    /// Record that `reader` reads dict `d`; returns (key, value).
    pub fn read_dict(&mut self, d: DictDefId, reader: (GraphId, Block)) -> (SomeValue, SomeValue) {
        let r = find(&self.dictdefs, d);
        self.dictdefs[r].readers.insert(reader);
        (self.dictdefs[r].key.clone(), self.dictdefs[r].value.clone())
    }

    /// Generalise the key (or value) type of dict `d` with `new`; on a
    /// conflict returns the type it had.
    /// `at` is where the value comes from (a widened number is marked
    /// there, `rules_widen`).
    pub fn write_dict(
        &mut self,
        d: DictDefId,
        side: DictSide,
        new: &SomeValue,
        at: Option<rpy_syntax::Span>,
    ) -> Result<(), SomeValue> {
        let r = find(&self.dictdefs, d);
        let old = match side {
            DictSide::Key => self.dictdefs[r].key.clone(),
            DictSide::Value => self.dictdefs[r].value.clone(),
        };
        let merged = match self.union(&old, new) {
            Some(m) => m,
            None => return Err(old),
        };
        let merged = if self.marking && side == DictSide::Value {
            crate::rules_widen::mark(&old, new, &merged, None, at)
        } else {
            merged
        };
        if merged != old {
            let r = find(&self.dictdefs, d);
            match side {
                DictSide::Key => self.dictdefs[r].key = merged,
                DictSide::Value => self.dictdefs[r].value = merged,
            }
            let readers: Vec<_> = self.dictdefs[r].readers.iter().copied().collect();
            for b in readers {
                self.schedule(b);
            }
        }
        Ok(())
    }

    /// Give every dict that module initialisation built a definition
    /// holding the union of its entries' annotations.
    pub(crate) fn init_prebuilt_dicts(&mut self) {
        let ids: Vec<_> = self
            .prog
            .objs
            .iter()
            .filter(|(_, o)| matches!(o, HostObj::Dict(_)))
            .map(|(h, _)| h)
            .collect();
        for &h in &ids {
            let def = self.new_dict(SomeValue::Impossible, SomeValue::Impossible);
            self.prebuilt_dicts.insert(h, def);
        }
        self.fill_prebuilt_dicts();
    }

    /// Union the entries of every prebuilt dict into its definition (again
    /// in the marking pass, `rules_widen`).
    pub(crate) fn fill_prebuilt_dicts(&mut self) {
        let mut ids: Vec<_> = self.prebuilt_dicts.keys().copied().collect();
        ids.sort();
        for &h in &ids {
            let HostObj::Dict(items) = &self.prog.objs[h] else {
                continue;
            };
            let def = self.prebuilt_dicts[&h];
            for (k, v) in items {
                let ka = self.const_annotation(k);
                let va = self.const_annotation(v);
                // A prebuilt dict with mixed types is reported when a
                // function uses it (its entries just keep the first type).
                let _ = self.write_dict(def, DictSide::Key, &ka, None);
                let _ = self.write_dict(def, DictSide::Value, &va, None);
            }
        }
    }
}
