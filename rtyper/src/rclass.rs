//! Instance representations: type ids and layouts of every class,
//! prebuilt instances, and per-family dispatch tables.
//!
//! * Every class (builtin exception classes and user classes) gets a GC
//!   type; ids are given in preorder of the real-base class tree, so a
//!   class and its subclasses have contiguous ids (`class_ranges`) and
//!   `isinstance`/`except` are a range check on `gettypeid`.
//! * Layout: {header, fields of the root class, ..., own fields}: a
//!   subclass's layout extends its base's (prefix layout), so upcasts are
//!   free. `BaseException` has the single field `message` (a str or null,
//!   at `rpy_abi::EXC_MSG_OFS`); instance attributes are `inst_<name>`
//!   fields on their home class (`rpy_annotator::classdef`).
//! * No vtable pointer: a method with several implementations in a family
//!   is called through a prebuilt array of function addresses indexed by
//!   `typeid - family_min`; class constants that differ per subclass are
//!   read through such an array of values.

use crate::emit::LlValue;
use crate::lltype::{GcType, GcTypeId, LlConst, LowType, Prebuilt, TypeTable};
use crate::rtype::RTyper;
use rpy_annotator::classdef;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::{Const, HostId, HostObj, Program};
use std::collections::HashMap;

/// Type ids of all classes, in preorder of the class tree: pushes one
/// (fieldless, but for `BaseException.message`) GC type per class.
pub fn class_type_ids(
    prog: &Program,
    types: &mut TypeTable,
    names: &mut Vec<Option<String>>,
) -> (HashMap<HostId, GcTypeId>, HashMap<HostId, (u32, u32)>) {
    let mut children: HashMap<HostId, Vec<HostId>> = HashMap::new();
    let mut roots = Vec::new();
    let root_exc = prog.exc_class("BaseException");
    roots.push(root_exc);
    for (id, obj) in prog.objs.iter() {
        if let HostObj::Class(_) = obj {
            if classdef::is_mixin(prog, id) {
                continue;
            }
            match classdef::real_base(prog, id) {
                Some(b) => children.entry(b).or_default().push(id),
                None if id != root_exc => roots.push(id),
                None => {}
            }
        }
    }
    let mut class_types = HashMap::new();
    let mut ranges = HashMap::new();
    fn visit(
        c: HostId,
        prog: &Program,
        children: &HashMap<HostId, Vec<HostId>>,
        types: &mut TypeTable,
        names: &mut Vec<Option<String>>,
        class_types: &mut HashMap<HostId, GcTypeId>,
        ranges: &mut HashMap<HostId, (u32, u32)>,
    ) {
        let cls = prog.class(c);
        let fields = if c == prog.exc_class("BaseException") {
            vec![("message".into(), LowType::Ptr(TypeTable::STR))]
        } else {
            vec![]
        };
        let t = types.types.push(GcType {
            name: cls.name.clone(),
            fields,
            items: None,
        });
        names.push(Some(cls.name.clone()));
        class_types.insert(c, t);
        let min = t.as_u32();
        for &k in children.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
            visit(k, prog, children, types, names, class_types, ranges);
        }
        ranges.insert(c, (min, types.types.len() as u32 - 1));
    }
    for r in roots {
        visit(
            r,
            prog,
            &children,
            types,
            names,
            &mut class_types,
            &mut ranges,
        );
    }
    (class_types, ranges)
}

/// The field name of instance attribute `name`.
pub fn field_name(name: &str) -> String {
    format!("inst_{name}")
}

/// Per-translation state of class lowering (prebuilt instances and
/// dispatch tables already made).
#[derive(Default)]
pub struct ClassState {
    /// Prebuilt instances (and translation-time string builders, `rstr.rs`).
    pub instances: HashMap<HostId, u32>,
    pub tables: HashMap<(HostId, String), (u32, GcTypeId)>,
    pub array_types: HashMap<LowType, GcTypeId>,
    /// Class of each class type id.
    pub class_of_type: HashMap<u32, HostId>,
}

impl<'a, 'p> RTyper<'a, 'p> {
    /// Fill in the fields of every class type from the classdefs (after
    /// all type ids are fixed, so fields may point to any class).
    pub fn setup_class_fields(&mut self) {
        let prog = self.prog;
        let mut order: Vec<(HostId, GcTypeId)> = self
            .reprs
            .class_types
            .iter()
            .map(|(c, t)| (*c, *t))
            .collect();
        order.sort_by_key(|(_, t)| *t);
        for (c, t) in &order {
            self.class_state.class_of_type.insert(t.as_u32(), *c);
        }
        for (c, t) in order {
            let mut fields = match classdef::real_base(prog, c) {
                Some(b) => self.reprs.types.types[self.reprs.class_types[&b]]
                    .fields
                    .clone(),
                None => self.reprs.types.types[t].fields.clone(),
            };
            let own: Vec<(String, S)> = match self.ann.classdefs.attrs.get(&c) {
                Some(attrs) => attrs
                    .iter()
                    .map(|(n, a)| (n.clone(), a.ann.clone()))
                    .collect(),
                None => Vec::new(),
            };
            for (n, a) in own {
                let lt = self.lowtype(&a);
                fields.push((field_name(&n), lt));
            }
            self.reprs.types.types[t].fields = fields;
        }
    }

    /// The annotation of instance attribute `name` seen from class `c`.
    pub fn attr_ann(&self, c: HostId, name: &str) -> Option<(HostId, S)> {
        let home = self.ann.classdefs.home(self.prog, c, name)?;
        Some((home, self.ann.classdefs.attrs[&home][name].ann.clone()))
    }

    /// A GC array type of `item`s (dispatch and constant tables).
    pub fn const_array_type(&mut self, item: LowType) -> GcTypeId {
        if let Some(&t) = self.class_state.array_types.get(&item) {
            return t;
        }
        let t = self.reprs.push_type(GcType {
            name: format!("TABLE_{item}"),
            fields: vec![],
            items: Some(item),
        });
        self.class_state.array_types.insert(item, t);
        t
    }

    /// The prebuilt object for a prebuilt instance.
    pub fn prebuilt_instance(&mut self, h: HostId) -> Result<LlValue, String> {
        let HostObj::Instance { class, attrs } = &self.prog.objs[h] else {
            return Err("not an instance".into());
        };
        let (class, attrs) = (*class, attrs.clone());
        let t = self.reprs.class_types[&class];
        if let Some(&i) = self.class_state.instances.get(&h) {
            return Ok(Value::Const(LlConst::Prebuilt(i, t)));
        }
        let i = self.prebuilt.len() as u32;
        self.prebuilt.push(Prebuilt {
            typ: t,
            fields: vec![],
            items: vec![],
        });
        self.class_state.instances.insert(h, i);
        let fields = self.reprs.types.types[t].fields.clone();
        let mut vals = Vec::new();
        for (fname, lt) in fields {
            let v = if fname == "message" {
                match attrs.iter().find(|(n, _)| n == "args") {
                    Some((_, Const::Tuple(items))) if items.len() == 1 => {
                        let s = const_str(&items[0])
                            .ok_or("the message of a prebuilt exception must be a str or number")?;
                        self.str_const(&s)
                    }
                    _ => Value::Const(LlConst::Null(TypeTable::STR)),
                }
            } else {
                let name = fname.strip_prefix("inst_").unwrap_or(&fname).to_string();
                let value = attrs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
                    .or_else(|| class_default(self.prog, class, &name));
                let ann = self
                    .attr_ann(class, &name)
                    .map(|(_, a)| a)
                    .unwrap_or(S::Impossible);
                match value {
                    Some(c) => self.const_value(&c, &ann)?,
                    None => zero(lt),
                }
            };
            match v {
                Value::Const(c) => vals.push(c),
                Value::Var(_) => return Err("a prebuilt field needs a constant".into()),
            }
        }
        self.prebuilt[i as usize].fields = vals;
        Ok(Value::Const(LlConst::Prebuilt(i, t)))
    }
}

/// A non-function class-level constant that is the default of attribute
/// `name` for instances of `c`.
pub fn class_default(prog: &Program, c: HostId, name: &str) -> Option<Const> {
    match classdef::lookup(prog, c, name) {
        Some((_, v)) if !classdef::is_function(prog, &v) && !classdef::is_hint(name) => Some(v),
        _ => None,
    }
}

/// The zero value of a low-level type.
pub fn zero(lt: LowType) -> LlValue {
    Value::Const(match lt {
        LowType::Void => LlConst::Void,
        LowType::Bool => LlConst::Bool(false),
        LowType::Float => LlConst::Float(0.0),
        LowType::Ptr(t) => LlConst::Null(t),
        LowType::Char => LlConst::Char(0),
        LowType::UniChar => LlConst::UniChar(0),
        _ => LlConst::Signed(0),
    })
}

/// `str(c)` of a constant message.
fn const_str(c: &Const) -> Option<String> {
    Some(match c {
        Const::Str(s) => s.to_string(),
        Const::Int(i) => i.to_string(),
        Const::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        _ => return None,
    })
}
