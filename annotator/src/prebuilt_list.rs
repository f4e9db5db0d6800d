//! Prebuilt lists: lists that module initialisation left behind (tables,
//! boards, lists held by prebuilt instances, dicts and tuples).
//!
//! Every list object of the program gets one `ListDef`, so every alias of
//! it (two globals, an attribute and a global, ...) shares the definition;
//! its item type is the union of its items' annotations. Items that do not
//! unify are remembered and reported when a function uses the list (a list
//! only module initialisation used may hold anything). Containers seen by
//! a function have their prebuilt instances fed into the classdefs.

use crate::annotate::Annotator;
use crate::model::{ListDefId, SomeValue};
use rpy_flow::graph::Value;
use rpy_flow::{BlockData, Const, Flow, HostId, HostObj};
use rpy_syntax::{Diagnostic, Span};
use std::collections::{HashMap, HashSet};

/// The definitions of the prebuilt lists and their item conflicts.
#[derive(Default)]
pub struct PrebuiltLists {
    pub defs: HashMap<HostId, ListDefId>,
    /// Lists whose items do not unify: the two clashing annotations.
    conflicts: HashMap<HostId, (SomeValue, SomeValue)>,
    /// Conflicts already reported.
    reported: HashSet<HostId>,
    /// Containers whose items were fed to the classdefs.
    seen: HashSet<HostId>,
}

impl<'p> Annotator<'p> {
    /// Give every list of the program a definition (items unknown yet), so
    /// that `const_annotation` of any container can name it.
    pub(crate) fn create_prebuilt_lists(&mut self) {
        let ids: Vec<HostId> = self
            .prog
            .objs
            .iter()
            .filter(|(_, o)| matches!(o, HostObj::List(_)))
            .map(|(h, _)| h)
            .collect();
        for h in ids {
            let def = self.new_list(SomeValue::Impossible);
            self.prebuilt_lists.defs.insert(h, def);
        }
    }

    /// Generalise every prebuilt list's definition with its items.
    pub(crate) fn fill_prebuilt_lists(&mut self) {
        let mut ids: Vec<(HostId, ListDefId)> = self
            .prebuilt_lists
            .defs
            .iter()
            .map(|(h, d)| (*h, *d))
            .collect();
        ids.sort_by_key(|(h, _)| *h);
        for (h, def) in ids {
            let HostObj::List(items) = &self.prog.objs[h] else {
                continue;
            };
            for c in items.iter() {
                let a = self.const_annotation(c);
                let old = self.listdef(def).item.clone();
                if self.write_list(def, &a, None).is_err() {
                    self.prebuilt_lists.conflicts.entry(h).or_insert((old, a));
                }
            }
        }
    }

    /// The annotation of a prebuilt list object.
    pub fn prebuilt_list_annotation(&self, h: HostId) -> SomeValue {
        match self.prebuilt_lists.defs.get(&h) {
            Some(&def) => SomeValue::List {
                def,
                nullable: false,
            },
            None => SomeValue::Impossible,
        }
    }

    /// Report the prebuilt lists with clashing items that this block uses.
    pub(crate) fn check_prebuilt_lists(
        &mut self,
        data: &BlockData<Flow>,
    ) -> Result<(), Diagnostic> {
        for op in &data.ops {
            for a in &op.args {
                if let Value::Const(c) = a {
                    self.check_prebuilt_const(c, op.span)?;
                }
            }
        }
        Ok(())
    }

    fn check_prebuilt_const(&mut self, c: &Const, span: Span) -> Result<(), Diagnostic> {
        let Const::Host(h) = c else { return Ok(()) };
        let Some((a, b)) = self.prebuilt_lists.conflicts.get(h) else {
            return Ok(());
        };
        if !self.prebuilt_lists.reported.insert(*h) {
            return Ok(());
        }
        let (a, b) = (a.describe_in(self.prog), b.describe_in(self.prog));
        Err(Diagnostic::new(
            span,
            format!("type conflict: this list, built at module level, holds both {a} and {b}; a list holds items of one type"),
        )
        .with_note(None, format!("its first items are {a}, a later one is {b}")))
    }

    /// Feed the prebuilt instances held by a prebuilt container (list,
    /// dict, tuple) to the classdefs, once; true if `c` is a container.
    pub(crate) fn see_container(&mut self, c: &Const) -> bool {
        let items: Vec<Const> = match c {
            Const::Tuple(items) => items.to_vec(),
            Const::Host(h) => match &self.prog.objs[*h] {
                HostObj::List(items) => {
                    if !self.prebuilt_lists.seen.insert(*h) {
                        return true;
                    }
                    items.clone()
                }
                HostObj::Dict(entries) => {
                    if !self.prebuilt_lists.seen.insert(*h) {
                        return true;
                    }
                    entries
                        .iter()
                        .flat_map(|(k, v)| [k.clone(), v.clone()])
                        .collect()
                }
                _ => return false,
            },
            _ => return false,
        };
        for i in &items {
            self.see_const(i);
        }
        true
    }
}
