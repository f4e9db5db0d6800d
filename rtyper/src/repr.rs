//! Representations: the low-level type chosen for each annotation, and
//! the GC types the rtyper creates on demand (tuples, lists, ranges,
//! exception classes).

use crate::lltype::{GcType, GcTypeId, LowType, TypeTable};
use rpy_annotator::SomeValue;
use rpy_flow::{HostId, Program};
use std::collections::HashMap;

/// The GC types of one translation and how annotations map onto them.
pub struct Reprs {
    pub types: TypeTable,
    tuples: HashMap<Vec<LowType>, GcTypeId>,
    lists: HashMap<LowType, GcTypeId>,
    pub range: GcTypeId,
    pub range_iter: GcTypeId,
    /// Type id of each class (exception classes, in preorder so that a
    /// class and its subclasses form a contiguous range).
    pub class_types: HashMap<HostId, GcTypeId>,
    /// `min..=max` type ids of each class's subtree.
    pub class_ranges: HashMap<HostId, (u32, u32)>,
    pub type_names: Vec<Option<String>>,
    /// Dict types and definitions (`rdict.rs`).
    pub dicts: crate::rdict::DictReprs,
    /// The string builder's type, made on first use (`rstr.rs`).
    pub str_builder: Option<GcTypeId>,
    /// Plain structs made on demand by name and fields (iterators, ...).
    pub(crate) structs: HashMap<(String, Vec<(String, LowType)>), GcTypeId>,
}

impl Reprs {
    pub fn new(prog: &Program) -> Self {
        let mut types = TypeTable::new();
        let mut type_names = vec![None; types.types.len()];
        // Classes first: preorder of the class tree (`rclass.rs`).
        let (class_types, class_ranges) =
            crate::rclass::class_type_ids(prog, &mut types, &mut type_names);
        let range = types.types.push(GcType {
            name: "RANGE".into(),
            fields: vec![
                ("start".into(), LowType::Signed),
                ("step".into(), LowType::Signed),
                ("length".into(), LowType::Signed),
            ],
            items: None,
        });
        let range_iter = types.types.push(GcType {
            name: "RANGEITER".into(),
            fields: vec![
                ("next".into(), LowType::Signed),
                ("step".into(), LowType::Signed),
                ("remaining".into(), LowType::Signed),
            ],
            items: None,
        });
        type_names.push(None);
        type_names.push(None);
        let mut lists = HashMap::new();
        lists.insert(LowType::Ptr(TypeTable::STR), TypeTable::STR_LIST);
        Reprs {
            types,
            tuples: HashMap::new(),
            lists,
            range,
            range_iter,
            class_types,
            class_ranges,
            type_names,
            str_builder: None,
            dicts: Default::default(),
            structs: HashMap::new(),
        }
    }

    pub(crate) fn push_type(&mut self, t: GcType) -> GcTypeId {
        self.type_names.push(None);
        self.types.types.push(t)
    }

    /// A fixed-size struct type, shared by every request with the same
    /// name and fields.
    pub fn struct_type(&mut self, name: &str, fields: Vec<(String, LowType)>) -> GcTypeId {
        let key = (name.to_string(), fields);
        if let Some(&t) = self.structs.get(&key) {
            return t;
        }
        let t = self.push_type(GcType {
            name: format!("{name}{}", self.structs.len()),
            fields: key.1.clone(),
            items: None,
        });
        self.structs.insert(key, t);
        t
    }

    pub fn tuple_type(&mut self, items: &[LowType]) -> GcTypeId {
        if let Some(&t) = self.tuples.get(items) {
            return t;
        }
        let fields = items
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("f{i}"), *t))
            .collect();
        let t = self.push_type(GcType {
            name: format!("TUPLE{}", self.tuples.len()),
            fields,
            items: None,
        });
        self.tuples.insert(items.to_vec(), t);
        t
    }

    pub fn list_type(&mut self, item: LowType) -> GcTypeId {
        if let Some(&t) = self.lists.get(&item) {
            return t;
        }
        let arr = self.push_type(GcType {
            name: format!("ARRAY_{item}"),
            fields: vec![],
            items: Some(item),
        });
        let t = self.push_type(GcType {
            name: format!("LIST_{item}"),
            fields: vec![
                ("length".into(), LowType::Signed),
                ("items".into(), LowType::Ptr(arr)),
            ],
            items: None,
        });
        self.lists.insert(item, t);
        t
    }

    /// The low-level type of values with annotation `s`.
    pub fn lowtype(
        &mut self,
        s: &SomeValue,
        list_item: &dyn Fn(rpy_annotator::ListDefId) -> SomeValue,
    ) -> LowType {
        match s {
            SomeValue::Impossible | SomeValue::None | SomeValue::Builtin(_) => LowType::Void,
            SomeValue::Functions(fs) if fs.len() == 1 => LowType::Void,
            SomeValue::Functions(_) => LowType::Address,
            SomeValue::Bool => LowType::Bool,
            SomeValue::Int | SomeValue::Char => LowType::Signed,
            SomeValue::Unsigned => LowType::Unsigned,
            SomeValue::Intrinsic(_) => LowType::Void,
            SomeValue::Float => LowType::Float,
            SomeValue::Str { .. } => LowType::Ptr(TypeTable::STR),
            SomeValue::Bytes { .. } => LowType::Ptr(TypeTable::BYTES),
            SomeValue::Tuple(items) => {
                let lts: Vec<LowType> = items.iter().map(|i| self.lowtype(i, list_item)).collect();
                LowType::Ptr(self.tuple_type(&lts))
            }
            SomeValue::List { def, .. } => {
                let item = list_item(*def);
                let lt = self.lowtype(&item, list_item);
                LowType::Ptr(self.list_type(lt))
            }
            SomeValue::Dict { def, .. } => LowType::Ptr(self.dict_ll(*def, list_item).dict),
            SomeValue::DictPart { def, .. } => LowType::Ptr(self.dict_ll(*def, list_item).dict),
            SomeValue::Range => LowType::Ptr(self.range),
            SomeValue::RangeIter => LowType::Ptr(self.range_iter),
            SomeValue::Class(_) => LowType::Signed,
            SomeValue::Instance { class, .. } | SomeValue::Method { class, .. } => {
                LowType::Ptr(self.class_types[class])
            }
            SomeValue::ExcInit => LowType::Void,
            SomeValue::Super { recv, .. } => LowType::Ptr(self.class_types[recv]),
            SomeValue::BuiltinMethod { recv, .. } => self.lowtype(recv, list_item),
            SomeValue::StrBuilder => LowType::Ptr(self.str_builder_type()),
            SomeValue::Iterator(x) => self.iter_lowtype(x, list_item),
            // `(iterable, start)`.
            SomeValue::Enumerate(x) => {
                let lt = self.lowtype(x, list_item);
                LowType::Ptr(self.tuple_type(&[lt, LowType::Signed]))
            }
            SomeValue::Reversed(x) => self.lowtype(x, list_item),
            SomeValue::Zip(xs) => self.lowtype(&SomeValue::Tuple(xs.clone()), list_item),
            // Erased by the annotator before rtyping; its base otherwise.
            SomeValue::Widened(w) => self.lowtype(&w.base, list_item),
        }
    }
}
