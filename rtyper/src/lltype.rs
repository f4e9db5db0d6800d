//! Low-level types: machine words, floats, and pointers to GC objects whose
//! layouts live in one `TypeTable` (read by codegen and, at run time, by
//! the collectors).
//!
//! Every GC object starts with one header word (`rpy_abi::HDR_SIZE`) that
//! holds its type id and GC flags; there is no vtable pointer: a class's
//! vtable is found from the type id.

use crate::llop::LlOp;
use cranelift_entity::{entity_impl, PrimaryMap};
use rpy_flow::graph::{Graph, Level, Value};
use std::fmt;

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GcTypeId(u32);
entity_impl!(GcTypeId, "T");

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum LowType {
    /// No value (result of ops done for their effect).
    Void,
    Bool,
    /// Signed machine word (i64).
    Signed,
    /// Unsigned machine word (u64).
    Unsigned,
    Float,
    /// A byte.
    Char,
    /// A code point (u32).
    UniChar,
    /// Pointer to a GC object of the given type (may be null).
    Ptr(GcTypeId),
    /// Untyped address (runtime helpers, function pointers).
    Address,
}

impl LowType {
    /// Size in bytes when stored in a field or array.
    pub fn size(self) -> u32 {
        match self {
            LowType::Void => 0,
            LowType::Bool | LowType::Char => 1,
            LowType::UniChar => 4,
            LowType::Signed
            | LowType::Unsigned
            | LowType::Float
            | LowType::Ptr(_)
            | LowType::Address => 8,
        }
    }

    pub fn is_gc_ptr(self) -> bool {
        matches!(self, LowType::Ptr(_))
    }
}

impl fmt::Display for LowType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LowType::Void => f.write_str("Void"),
            LowType::Bool => f.write_str("Bool"),
            LowType::Signed => f.write_str("Signed"),
            LowType::Unsigned => f.write_str("Unsigned"),
            LowType::Float => f.write_str("Float"),
            LowType::Char => f.write_str("Char"),
            LowType::UniChar => f.write_str("UniChar"),
            LowType::Ptr(t) => write!(f, "Ptr({t})"),
            LowType::Address => f.write_str("Address"),
        }
    }
}

/// A GC object layout: fixed fields after the header, optionally followed
/// by a length word and inline array items (strings, lists' item arrays).
#[derive(Clone, Debug, PartialEq)]
pub struct GcType {
    pub name: String,
    pub fields: Vec<(String, LowType)>,
    /// Item type of the variable-size tail, if any.
    pub items: Option<LowType>,
}

/// Field offsets computed from a `GcType`.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub field_offsets: Vec<u32>,
    /// Offset of the length word (varsize types only).
    pub length_offset: Option<u32>,
    /// Offset of item 0 (varsize types only).
    pub items_offset: Option<u32>,
    /// Size of the fixed part (header, fields, length).
    pub fixed_size: u32,
}

impl GcType {
    pub fn layout(&self) -> Layout {
        let mut off = rpy_abi::HDR_SIZE;
        let mut field_offsets = Vec::new();
        for (_, t) in &self.fields {
            let sz = t.size().max(1);
            off = off.next_multiple_of(sz);
            field_offsets.push(off);
            off += t.size();
        }
        off = off.next_multiple_of(8);
        let (length_offset, items_offset) = match self.items {
            Some(item) => {
                let lo = off;
                off += 8;
                let io = off.next_multiple_of(item.size().max(1));
                off = io;
                (Some(lo), Some(io))
            }
            None => (None, None),
        };
        Layout {
            field_offsets,
            length_offset,
            items_offset,
            fixed_size: off,
        }
    }

    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|(n, _)| n == name)
    }
}

/// All GC types of a translation. Ids are the type ids stored in headers;
/// the first ones are fixed by `rpy_abi` (strings, bytes) so the runtime
/// knows them.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    pub types: PrimaryMap<GcTypeId, GcType>,
}

impl TypeTable {
    /// A table holding the types whose ids `rpy_abi` fixes.
    pub fn new() -> Self {
        let mut t = TypeTable::default();
        let none = t.types.push(GcType {
            name: "<none>".into(),
            fields: vec![],
            items: None,
        });
        let s = t.types.push(GcType {
            name: "STR".into(),
            fields: vec![("hash".into(), LowType::Signed)],
            items: Some(LowType::UniChar),
        });
        let b = t.types.push(GcType {
            name: "BYTES".into(),
            fields: vec![("hash".into(), LowType::Signed)],
            items: Some(LowType::Char),
        });
        let arr = t.types.push(GcType {
            name: "PTR_ARRAY".into(),
            fields: vec![],
            items: Some(LowType::Ptr(s)),
        });
        let l = t.types.push(GcType {
            name: "STR_LIST".into(),
            fields: vec![
                ("length".into(), LowType::Signed),
                ("items".into(), LowType::Ptr(arr)),
            ],
            items: None,
        });
        debug_assert_eq!(none.as_u32(), 0);
        debug_assert_eq!(s.as_u32(), rpy_abi::TYPEID_STR);
        debug_assert_eq!(b.as_u32(), rpy_abi::TYPEID_BYTES);
        debug_assert_eq!(arr.as_u32(), rpy_abi::TYPEID_PTR_ARRAY);
        debug_assert_eq!(l.as_u32(), rpy_abi::TYPEID_STR_LIST);
        t
    }

    pub const STR: GcTypeId = GcTypeId(rpy_abi::TYPEID_STR);
    pub const BYTES: GcTypeId = GcTypeId(rpy_abi::TYPEID_BYTES);
    pub const STR_LIST: GcTypeId = GcTypeId(rpy_abi::TYPEID_STR_LIST);
}

/// A prebuilt GC object in the binary's data: values of its fields, and
/// of its items for a varsize type.
#[derive(Clone, Debug, PartialEq)]
pub struct Prebuilt {
    pub typ: GcTypeId,
    pub fields: Vec<LlConst>,
    pub items: Vec<LlConst>,
}

/// The rtyper's output, the code generator's input.
#[derive(Clone, Debug)]
pub struct LlProgram {
    pub types: TypeTable,
    /// `LlConst::Func(i)` is `graphs[i]`.
    pub graphs: Vec<LlGraph>,
    /// `LlConst::Prebuilt(i, _)` is `prebuilt[i]`.
    pub prebuilt: Vec<Prebuilt>,
    /// Index of the entry point graph: `(argv: Ptr(STR_LIST)) -> Signed`.
    pub entry: u32,
    /// Class name of each type id (None for non-class types).
    pub type_names: Vec<Option<String>>,
    /// Type id of each class in `rpy_abi::RUNTIME_EXCEPTIONS`.
    pub runtime_exc_typeids: Vec<i64>,
    /// What the JIT generator needs beyond the graphs.
    pub jit: JitInfo,
}

/// What the rtyper keeps for the JIT generator (JIT.md, "What the earlier
/// stages must keep"); ignored by -O0/-O2.
#[derive(Clone, Debug, Default)]
pub struct JitInfo {
    /// The program's JitDrivers; hint ops name them by index.
    pub drivers: Vec<JitDriverInfo>,
    /// Hints of the graphs that have any, by graph index.
    pub graph_hints: std::collections::BTreeMap<u32, GraphHints>,
    /// Fields never written after the object is initialised
    /// (`_immutable_fields_`, `_immutable_`), by the GC type that holds them.
    pub immutable_fields: std::collections::BTreeSet<(GcTypeId, String)>,
    /// Array types whose items are never written after initialisation
    /// (`x[*]` in `_immutable_fields_`).
    pub immutable_arrays: std::collections::BTreeSet<GcTypeId>,
    /// Prebuilt objects the program never writes (the table of one-char
    /// strs), by prebuilt index: reads of them with constant indices fold.
    pub immutable_prebuilt: std::collections::BTreeSet<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JitDriverInfo {
    /// Where the driver was created, for messages.
    pub name: String,
    pub greens: Vec<String>,
    pub reds: Vec<String>,
    /// `reds="auto"`: `reds` is empty and the portal split takes the
    /// variables live at the merge point.
    pub auto_reds: bool,
    /// The graph of `get_printable_location(*greens)`, if given.
    pub get_printable_location: Option<u32>,
}

/// Per-graph JIT metadata: RPython's decorators, and whether the rtyper
/// made the graph (helpers of its own marked pure are elidable).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphHints {
    pub elidable: bool,
    pub dont_look_inside: bool,
    pub look_inside: bool,
    pub unroll_safe: bool,
    pub loop_invariant: bool,
}

/// Low-level constants.
#[derive(Clone, Debug, PartialEq)]
pub enum LlConst {
    Void,
    Bool(bool),
    Signed(i64),
    Unsigned(u64),
    Float(f64),
    Char(u8),
    UniChar(u32),
    /// Null pointer of a GC type.
    Null(GcTypeId),
    /// A prebuilt GC object (string literals, prebuilt instances...), by
    /// index into the translation's prebuilt-data table.
    Prebuilt(u32, GcTypeId),
    /// A function of this translation, by graph index.
    Func(u32),
    /// A function of the runtime library, by symbol name.
    Extern(String),
    /// A field name (operand of getfield/setfield).
    Field(String),
    /// A GC type (operand of malloc).
    Type(GcTypeId),
    /// Exit case of an exception link: matches a raised class whose type
    /// id lies in `min..=max` (a class and its subclasses have contiguous
    /// type ids).
    ClassRange(u32, u32),
}

impl LlConst {
    /// The low-level type of a value constant (None for the operands that
    /// are not values: field names, types, class ranges).
    pub fn low_type(&self) -> Option<LowType> {
        Some(match self {
            LlConst::Void => LowType::Void,
            LlConst::Bool(_) => LowType::Bool,
            LlConst::Signed(_) => LowType::Signed,
            LlConst::Unsigned(_) => LowType::Unsigned,
            LlConst::Float(_) => LowType::Float,
            LlConst::Char(_) => LowType::Char,
            LlConst::UniChar(_) => LowType::UniChar,
            LlConst::Null(t) | LlConst::Prebuilt(_, t) => LowType::Ptr(*t),
            LlConst::Func(_) | LlConst::Extern(_) => LowType::Address,
            LlConst::Field(_) | LlConst::Type(_) | LlConst::ClassRange(..) => return None,
        })
    }
}

impl fmt::Display for LlConst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LlConst::Void => f.write_str("void"),
            LlConst::Bool(b) => write!(f, "{b}"),
            LlConst::Signed(i) => write!(f, "{i}"),
            LlConst::Unsigned(u) => write!(f, "{u}u"),
            LlConst::Float(x) => write!(f, "{x:?}"),
            LlConst::Char(c) => write!(f, "char({c})"),
            LlConst::UniChar(c) => write!(f, "unichar({c})"),
            LlConst::Null(t) => write!(f, "null({t})"),
            LlConst::Prebuilt(i, t) => write!(f, "prebuilt{i}:{t}"),
            LlConst::Func(i) => write!(f, "func{i}"),
            LlConst::Extern(s) => write!(f, "extern {s}"),
            LlConst::Field(s) => write!(f, ".{s}"),
            LlConst::Type(t) => write!(f, "{t}"),
            LlConst::ClassRange(a, b) => write!(f, "classes({a}..={b})"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Ll;

impl Level for Ll {
    type Op = LlOp;
    type Const = LlConst;
}

/// A low-level graph plus the low-level type of each of its variables.
#[derive(Clone, Debug)]
pub struct LlGraph {
    pub graph: Graph<Ll>,
    pub var_types: cranelift_entity::SecondaryMap<rpy_flow::Var, LowType>,
    pub result_type: LowType,
}

pub type LlValue = Value<LlConst>;

impl Default for LowType {
    fn default() -> Self {
        LowType::Void
    }
}
