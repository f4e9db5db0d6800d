//! Descriptors: what the JIT needs to know about a field, an array type,
//! an allocation or a call, without knowing the toolchain's types.
//!
//! Traces, jitcodes and resume data refer to descriptors by index into one
//! `Descrs` table per translated program.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The register bank (and machine kind) of a value: RPython's 'i', 'r',
/// 'f' and 'v'. Bools, chars and unsigned words are `Int` (a full 64-bit
/// word); GC pointers are `Ref`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Kind {
    Int,
    Ref,
    Float,
    Void,
}

impl Kind {
    /// One letter, as in RPython's jitcodes and trace dumps.
    pub fn letter(self) -> char {
        match self {
            Kind::Int => 'i',
            Kind::Ref => 'r',
            Kind::Float => 'f',
            Kind::Void => 'v',
        }
    }

    pub fn from_letter(c: char) -> Option<Kind> {
        Some(match c {
            'i' => Kind::Int,
            'r' => Kind::Ref,
            'f' => Kind::Float,
            'v' => Kind::Void,
            _ => return None,
        })
    }
}

/// How a value of kind `Int` (or `Float`, `Ref`) is stored in memory.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Width {
    /// Bytes: 1, 4 or 8.
    pub size: u8,
    /// Sign-extend on load (only meaningful below 8 bytes).
    pub signed: bool,
}

impl Width {
    pub const WORD: Width = Width {
        size: 8,
        signed: true,
    };
    pub const BYTE: Width = Width {
        size: 1,
        signed: false,
    };
    pub const U32: Width = Width {
        size: 4,
        signed: false,
    };
}

/// A field of a GC struct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldDescr {
    /// `Type.field`, for dumps.
    pub name: String,
    pub offset: u32,
    pub width: Width,
    pub kind: Kind,
    /// Never written after the object is initialised
    /// (`_immutable_fields_`, `_immutable_`): reads from a constant
    /// object fold, and reads are not invalidated by writes or calls.
    pub immutable: bool,
    /// Index of the field among the virtualizable's fields, if any.
    pub virtualizable: Option<u32>,
}

/// A GC array type (the variable-size tail of a type: list item arrays,
/// strings, bytes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArrayDescr {
    pub name: String,
    /// The type id of arrays of this type (for allocation).
    pub type_id: u32,
    /// Size of the fixed part (header, fields, length word).
    pub base_size: u32,
    pub length_offset: u32,
    pub items_offset: u32,
    pub item: Width,
    pub item_kind: Kind,
    /// Items are never written after initialisation (`x[*]` in
    /// `_immutable_fields_`, or a list that is never mutated).
    pub immutable_items: bool,
}

/// A fixed-size GC struct: enough to allocate one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SizeDescr {
    pub name: String,
    pub type_id: u32,
    pub size: u32,
}

/// What a call may do (RPython's EffectInfo). Field and array sets are
/// descriptor indices; `writes_everything` covers indirect calls and
/// runtime functions given a pointer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EffectInfo {
    pub can_raise: bool,
    pub can_collect: bool,
    /// Pure: constant arguments give a constant result (`@elidable`).
    pub elidable: bool,
    /// Same result for the whole loop (`@loop_invariant`).
    pub loop_invariant: bool,
    pub reads_everything: bool,
    pub writes_everything: bool,
    pub write_fields: Vec<u32>,
    pub write_arrays: Vec<u32>,
}

impl EffectInfo {
    /// A call that may do anything.
    pub fn anything() -> EffectInfo {
        EffectInfo {
            can_raise: true,
            can_collect: true,
            reads_everything: true,
            writes_everything: true,
            ..EffectInfo::default()
        }
    }

    pub fn may_write_field(&self, field: u32) -> bool {
        self.writes_everything || self.write_fields.contains(&field)
    }

    pub fn may_write_array(&self, array: u32) -> bool {
        self.writes_everything || self.write_arrays.contains(&array)
    }
}

/// The signature and effects of a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallDescr {
    /// The callee, for dumps (`func12 ll_append` or `rpy_str_concat`).
    pub name: String,
    pub args: Vec<Kind>,
    pub result: Kind,
    /// How an `Int` result is narrowed (bools and chars are returned in a
    /// full register but only their low byte is meaningful).
    pub result_width: Width,
    pub effect: EffectInfo,
}

impl CallDescr {
    /// The signature as letters, e.g. `ir>i` (RPython's call stub key).
    pub fn signature(&self) -> String {
        let mut s: String = self.args.iter().map(|k| k.letter()).collect();
        s.push('>');
        s.push(self.result.letter());
        s
    }
}

/// Every descriptor of one translated program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Descrs {
    pub fields: Vec<FieldDescr>,
    pub arrays: Vec<ArrayDescr>,
    pub sizes: Vec<SizeDescr>,
    pub calls: Vec<CallDescr>,
}

/// A reference to one descriptor, as operands carry them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DescrRef {
    Field(u32),
    Array(u32),
    Size(u32),
    Call(u32),
}

impl fmt::Display for FieldDescr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<Field {} +{} {}{}{}>",
            self.name,
            self.offset,
            self.kind.letter(),
            self.width.size,
            if self.immutable { " pure" } else { "" }
        )
    }
}
