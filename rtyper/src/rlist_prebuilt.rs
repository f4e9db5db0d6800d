//! Prebuilt lists: a list that module initialisation built becomes a
//! prebuilt `LIST` object pointing at a prebuilt `ARRAY` of exactly its
//! items (capacity = length). Both carry `GCFLAG_PREBUILT` like every
//! prebuilt object and stay mutable: growing the list replaces the array,
//! a store the generational write barrier records (prebuilt objects are
//! remembered on their first store of a GC pointer).

use crate::emit::LlValue;
use crate::lltype::{LlConst, LowType, Prebuilt};
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{HostId, HostObj};

impl<'a, 'p> RTyper<'a, 'p> {
    /// The prebuilt object of list `h`, seen as annotation `as_`.
    pub fn prebuilt_list(&mut self, h: HostId, as_: &S) -> Result<LlValue, String> {
        let lt = self.list_t_of(as_);
        if let Some(&i) = self.prebuilt_lists.get(&h) {
            return Ok(Value::Const(LlConst::Prebuilt(i, lt.list)));
        }
        let i = self.prebuilt.len() as u32;
        self.prebuilt.push(Prebuilt {
            typ: lt.list,
            fields: vec![],
            items: vec![],
        });
        // Registered before the items are made: a list may be reached
        // again through them (an instance pointing back at its table).
        self.prebuilt_lists.insert(h, i);
        let HostObj::List(consts) = &self.prog.objs[h] else {
            return Err("not a list".into());
        };
        let consts = consts.clone();
        let item_ann = self.list_item_ann(as_);
        let mut items = Vec::with_capacity(consts.len());
        for c in &consts {
            if lt.item == LowType::Void {
                items.push(LlConst::Void);
                continue;
            }
            match self.const_value(c, &item_ann)? {
                Value::Const(k) => items.push(k),
                Value::Var(_) => return Err("a prebuilt list item is not a constant".into()),
            }
        }
        let j = self.prebuilt.len() as u32;
        self.prebuilt.push(Prebuilt {
            typ: lt.arr,
            fields: vec![],
            items,
        });
        self.prebuilt[i as usize].fields = vec![
            LlConst::Signed(consts.len() as i64),
            LlConst::Prebuilt(j, lt.arr),
        ];
        Ok(Value::Const(LlConst::Prebuilt(i, lt.list)))
    }
}
