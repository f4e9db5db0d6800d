//! Descriptors and address tables, interned while jitcodes are
//! assembled: each field, array type, allocation and call signature gets
//! one descriptor; each function, runtime function and prebuilt object the
//! JIT names gets one slot in the tables the code generator emits.

use rpy_backendopt::effects;
use rpy_flow::graph::Value;
use rpy_jitformat::{
    ArrayDescr, CallDescr, Descrs, EffectInfo, FieldDescr, Kind, SizeDescr, Width,
};
use rpy_rtyper::{GcTypeId, LlConst, LlGraph, LlProgram, LowType};
use std::collections::HashMap;

use crate::assembler::kind_of;

/// How a low-level type is stored in memory.
pub fn width_of(t: LowType) -> Width {
    match t {
        LowType::Bool | LowType::Char => Width::BYTE,
        LowType::UniChar => Width::U32,
        LowType::Unsigned => Width {
            size: 8,
            signed: false,
        },
        _ => Width::WORD,
    }
}

pub struct DescrTables<'p> {
    prog: &'p LlProgram,
    pub descrs: Descrs,
    fields: HashMap<(GcTypeId, String), u32>,
    arrays: HashMap<GcTypeId, u32>,
    sizes: HashMap<GcTypeId, u32>,
    calls: HashMap<String, u32>,
    pub funcs: Vec<u32>,
    func_ids: HashMap<u32, u32>,
    pub externs: Vec<String>,
    pub prebuilt: Vec<u32>,
    prebuilt_ids: HashMap<u32, u32>,
    effects: effects::Cache,
    /// Number of greens of each driver.
    pub greens: Vec<usize>,
}

impl<'p> DescrTables<'p> {
    pub fn new(prog: &'p LlProgram) -> Self {
        DescrTables {
            prog,
            descrs: Descrs::default(),
            fields: HashMap::new(),
            arrays: HashMap::new(),
            sizes: HashMap::new(),
            calls: HashMap::new(),
            funcs: Vec::new(),
            func_ids: HashMap::new(),
            externs: Vec::new(),
            prebuilt: Vec::new(),
            prebuilt_ids: HashMap::new(),
            effects: effects::Cache::default(),
            greens: prog.jit.drivers.iter().map(|d| d.greens.len()).collect(),
        }
    }

    pub fn driver_greens(&self, jd: u32) -> usize {
        self.greens.get(jd as usize).copied().unwrap_or(0)
    }

    pub fn field(&mut self, t: GcTypeId, name: &str) -> Result<u32, String> {
        if let Some(&i) = self.fields.get(&(t, name.to_string())) {
            return Ok(i);
        }
        let ty = &self.prog.types.types[t];
        let k = ty
            .field_index(name)
            .ok_or_else(|| format!("type {} has no field {name}", ty.name))?;
        let lt = ty.fields[k].1;
        let layout = ty.layout();
        let immutable = self
            .prog
            .jit
            .immutable_fields
            .contains(&(t, name.to_string()));
        let i = self.descrs.fields.len() as u32;
        self.descrs.fields.push(FieldDescr {
            name: format!("{}.{}", ty.name, name),
            offset: layout.field_offsets[k],
            width: width_of(lt),
            kind: kind_of(lt),
            immutable,
            virtualizable: None,
        });
        self.fields.insert((t, name.to_string()), i);
        Ok(i)
    }

    pub fn array(&mut self, t: GcTypeId) -> Result<u32, String> {
        if let Some(&i) = self.arrays.get(&t) {
            return Ok(i);
        }
        let ty = &self.prog.types.types[t];
        let item = ty
            .items
            .ok_or_else(|| format!("type {} has no items", ty.name))?;
        let layout = ty.layout();
        let i = self.descrs.arrays.len() as u32;
        self.descrs.arrays.push(ArrayDescr {
            name: ty.name.clone(),
            type_id: t.as_u32(),
            base_size: layout.fixed_size,
            length_offset: layout.length_offset.unwrap_or(0),
            items_offset: layout.items_offset.unwrap_or(0),
            item: width_of(item),
            item_kind: kind_of(item),
            // str and bytes never change after they are made.
            immutable_items: self.prog.jit.immutable_arrays.contains(&t)
                || t == rpy_rtyper::TypeTable::STR
                || t == rpy_rtyper::TypeTable::BYTES,
        });
        self.arrays.insert(t, i);
        Ok(i)
    }

    pub fn size(&mut self, t: GcTypeId) -> u32 {
        if let Some(&i) = self.sizes.get(&t) {
            return i;
        }
        let ty = &self.prog.types.types[t];
        let i = self.descrs.sizes.len() as u32;
        self.descrs.sizes.push(SizeDescr {
            name: ty.name.clone(),
            type_id: t.as_u32(),
            size: ty.layout().fixed_size,
        });
        self.sizes.insert(t, i);
        i
    }

    pub fn func(&mut self, graph: u32) -> u32 {
        *self.func_ids.entry(graph).or_insert_with(|| {
            self.funcs.push(graph);
            self.funcs.len() as u32 - 1
        })
    }

    pub fn extern_(&mut self, name: &str) -> u32 {
        match self.externs.iter().position(|e| e == name) {
            Some(i) => i as u32,
            None => {
                self.externs.push(name.to_string());
                self.externs.len() as u32 - 1
            }
        }
    }

    pub fn prebuilt(&mut self, index: u32) -> u32 {
        *self.prebuilt_ids.entry(index).or_insert_with(|| {
            self.prebuilt.push(index);
            self.prebuilt.len() as u32 - 1
        })
    }

    fn intern_call(&mut self, key: String, d: CallDescr) -> u32 {
        if let Some(&i) = self.calls.get(&key) {
            return i;
        }
        let i = self.descrs.calls.len() as u32;
        self.descrs.calls.push(d);
        self.calls.insert(key, i);
        i
    }

    /// What a call may write, as descriptor indices.
    fn effect_of(&mut self, w: &effects::Writes) -> EffectInfo {
        let mut e = EffectInfo {
            can_raise: true,
            can_collect: true,
            writes_everything: w.anything,
            ..EffectInfo::default()
        };
        if w.anything {
            return e;
        }
        // A field is named by name only (fields of two types sharing a
        // name are not told apart, as in `effects`): every descriptor of
        // that name, existing or future, must count. Descriptors made
        // later are checked by name at run time through `write_fields`,
        // so intern all fields of that name now.
        for name in &w.fields {
            let owners: Vec<GcTypeId> = self
                .prog
                .types
                .types
                .iter()
                .filter(|(_, t)| t.field_index(name).is_some())
                .map(|(id, _)| id)
                .collect();
            for t in owners {
                if let Ok(f) = self.field(t, name) {
                    e.write_fields.push(f);
                }
            }
        }
        for t in &w.arrays {
            if let LowType::Ptr(t) = t {
                if let Ok(a) = self.array(*t) {
                    e.write_arrays.push(a);
                }
            }
        }
        e
    }

    pub fn call_descr_func(
        &mut self,
        graph: u32,
        args: Vec<Kind>,
        result: Kind,
        width: Width,
    ) -> u32 {
        let hints = self
            .prog
            .jit
            .graph_hints
            .get(&graph)
            .cloned()
            .unwrap_or_default();
        let w = self.effects.of_graph(&self.prog.graphs, graph);
        let mut effect = self.effect_of(&w);
        effect.elidable = hints.elidable;
        effect.loop_invariant = hints.loop_invariant;
        let name = self.prog.graphs[graph as usize].graph.name.clone();
        let key = format!("func{graph}");
        self.intern_call(
            key,
            CallDescr {
                name,
                args,
                result,
                result_width: width,
                effect,
            },
        )
    }

    pub fn call_descr_extern(
        &mut self,
        name: &str,
        args_ll: &[Value<LlConst>],
        lg: &LlGraph,
        args: Vec<Kind>,
        result: Kind,
        width: Width,
    ) -> u32 {
        // A runtime function writes the program's objects only if it is
        // given a pointer (the rule of `effects`).
        let reaches_heap = rpy_abi::gc::HEAP_WRITING_RUNTIME_FUNCS.contains(&name)
            || args_ll.iter().any(|a| match a {
                Value::Var(v) => matches!(lg.var_types[*v], LowType::Ptr(_) | LowType::Address),
                Value::Const(c) => matches!(
                    c,
                    LlConst::Prebuilt(..)
                        | LlConst::Null(_)
                        | LlConst::Func(_)
                        | LlConst::Extern(_)
                ),
            });
        let rf = rpy_abi::runtime_func(name);
        let can_raise = rf.map(|f| f.can_raise).unwrap_or(true);
        let effect = EffectInfo {
            can_raise,
            can_collect: true,
            writes_everything: reaches_heap,
            reads_everything: true,
            ..EffectInfo::default()
        };
        let key = format!(
            "extern {name} {}",
            args.iter().map(|k| k.letter()).collect::<String>()
        );
        self.intern_call(
            key,
            CallDescr {
                name: name.to_string(),
                args,
                result,
                result_width: width,
                effect,
            },
        )
    }

    pub fn call_descr_anything(&mut self, args: Vec<Kind>, result: Kind, width: Width) -> u32 {
        let sig: String = args.iter().map(|k| k.letter()).collect();
        let key = format!("indirect {sig}>{}{}", result.letter(), width.size);
        self.intern_call(
            key,
            CallDescr {
                name: "<indirect>".into(),
                args,
                result,
                result_width: width,
                effect: EffectInfo::anything(),
            },
        )
    }
}
