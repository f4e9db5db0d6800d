//! Representations for strings and bytes beyond the fixed `STR`/`BYTES`
//! types: the string builder (`rpython.rlib.rstring.StringBuilder`).
//!
//! A builder is `{hdr, length: Signed, buf: Ptr(STR)}`: `buf` is null until
//! the first append, and its array length is the capacity. The runtime
//! (`rpy_sb_*`) grows it; the field offsets are fixed by `rpy_abi`
//! (`SB_LEN_OFS`, `SB_BUF_OFS`).
//!
//! A builder made at translation time (module level, or in the `__init__`
//! of a prebuilt instance) is a prebuilt builder whose `buf` is a fresh
//! prebuilt str of exactly the text appended so far (full, so the first
//! append at run time moves it to a new buffer; the runtime's write
//! barrier covers the prebuilt builder).

use crate::emit::LlValue;
use crate::lltype::{GcType, GcTypeId, LlConst, LowType, Prebuilt, TypeTable};
use crate::repr::Reprs;
use crate::rtype::RTyper;
use rpy_flow::graph::Value;
use rpy_flow::{Const, HostId, HostObj};

impl Reprs {
    /// The GC type of string builders, made on first use.
    pub fn str_builder_type(&mut self) -> GcTypeId {
        if let Some(t) = self.str_builder {
            return t;
        }
        let t = self.push_type(GcType {
            name: "STRBUILDER".into(),
            fields: vec![
                ("length".into(), LowType::Signed),
                ("buf".into(), LowType::Ptr(TypeTable::STR)),
            ],
            items: None,
        });
        let layout = self.types.types[t].layout();
        debug_assert_eq!(
            layout.field_offsets,
            vec![rpy_abi::SB_LEN_OFS, rpy_abi::SB_BUF_OFS]
        );
        self.str_builder = Some(t);
        t
    }
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// The prebuilt builder for the translation-time builder `h` (one
    /// object per builder, so every reference shares it).
    pub fn prebuilt_builder(&mut self, h: HostId) -> Result<LlValue, String> {
        let t = self.reprs.str_builder_type();
        if let Some(&i) = self.class_state.instances.get(&h) {
            return Ok(Value::Const(LlConst::Prebuilt(i, t)));
        }
        let HostObj::Intrinsic { attrs, .. } = &self.prog.objs[h] else {
            return Err("not a StringBuilder".into());
        };
        let mut text: Vec<u32> = Vec::new();
        if let Some((_, Const::Host(pieces))) = attrs.iter().find(|(n, _)| n == "pieces") {
            let HostObj::List(items) = &self.prog.objs[*pieces] else {
                return Err("a StringBuilder without its pieces".into());
            };
            for p in items {
                match p {
                    Const::Str(s) => text.extend(s.chars().map(|c| c as u32)),
                    Const::Bytes(b) => text.extend(b.iter().map(|&c| c as u32)),
                    other => return Err(format!("a StringBuilder holding {other}")),
                }
            }
        }
        let buf = if text.is_empty() {
            LlConst::Null(TypeTable::STR)
        } else {
            let b = self.prebuilt.len() as u32;
            self.prebuilt.push(Prebuilt {
                typ: TypeTable::STR,
                fields: vec![LlConst::Signed(0)],
                items: text.iter().map(|&c| LlConst::UniChar(c)).collect(),
            });
            LlConst::Prebuilt(b, TypeTable::STR)
        };
        let i = self.prebuilt.len() as u32;
        self.prebuilt.push(Prebuilt {
            typ: t,
            fields: vec![LlConst::Signed(text.len() as i64), buf],
            items: vec![],
        });
        self.class_state.instances.insert(h, i);
        Ok(Value::Const(LlConst::Prebuilt(i, t)))
    }
}
