//! Representations for strings and bytes beyond the fixed `STR`/`BYTES`
//! types: the string builder (`rpython.rlib.rstring.StringBuilder`).
//!
//! A builder is `{hdr, length: Signed, buf: Ptr(STR)}`: `buf` is null until
//! the first append, and its array length is the capacity. The runtime
//! (`rpy_sb_*`) grows it; the field offsets are fixed by `rpy_abi`
//! (`SB_LEN_OFS`, `SB_BUF_OFS`).

use crate::lltype::{GcType, GcTypeId, LowType, TypeTable};
use crate::repr::Reprs;

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
