//! The object's data: prebuilt GC objects (`rpy_obj{i}`, writable since
//! prebuilt objects are mutable and a str caches its hash), and the tables
//! the runtime reads: `rpy_type_names`, `rpy_type_count`,
//! `rpy_builtin_exc_typeids` (see `rpy_abi`).
//!
//! A prebuilt object is laid out exactly as the allocator would: header
//! word (type id, no GC flags), fields at their layout offsets, and for a
//! varsize type the length word and the items. Pointers to other prebuilt
//! objects and to functions are relocations.

use crate::symbols::Symbols;
use crate::{module_err, CodegenError};
use cranelift_module::{DataDescription, Linkage, Module};
use cranelift_object::ObjectModule;
use rpy_rtyper::{LlConst, LlProgram, LowType, Prebuilt};

/// GC flags of every prebuilt object's header: never moved or freed, and
/// (generational GC) remembered on the first store of a GC pointer.
pub(crate) const PREBUILT_HEADER_FLAGS: u64 =
    rpy_abi::gc::GCFLAG_PREBUILT | rpy_abi::gc::GCFLAG_TRACK_YOUNG;

pub(crate) fn define_all(
    module: &mut ObjectModule,
    prog: &LlProgram,
    syms: &mut Symbols,
    gc: rpy_abi::gc::GcKind,
) -> Result<(), CodegenError> {
    for (i, obj) in prog.prebuilt.iter().enumerate() {
        let desc = prebuilt_object(module, prog, syms, i, obj)?;
        module
            .define_data(syms.prebuilt[i], &desc)
            .map_err(module_err)?;
    }
    define_type_names(module, prog)?;
    let count = prog.types.types.len().max(prog.type_names.len()) as i64;
    define_words(module, rpy_abi::TYPE_COUNT_SYMBOL, &[count])?;
    let mut exc: Vec<i64> = prog.runtime_exc_typeids.clone();
    exc.resize(rpy_abi::RUNTIME_EXCEPTIONS.len().max(exc.len()), 0);
    define_words(module, rpy_abi::RUNTIME_EXC_SYMBOL, &exc)?;
    crate::gctables::define_gc_tables(module, prog, syms, gc)?;
    Ok(())
}

fn bad(index: usize, message: String) -> CodegenError {
    CodegenError::BadGraph {
        graph: format!("prebuilt object {index}"),
        message,
    }
}

fn prebuilt_object(
    module: &mut ObjectModule,
    prog: &LlProgram,
    syms: &mut Symbols,
    index: usize,
    obj: &Prebuilt,
) -> Result<DataDescription, CodegenError> {
    let Some(ty) = prog.types.types.get(obj.typ) else {
        return Err(bad(index, format!("unknown type {}", obj.typ)));
    };
    let layout = ty.layout();
    if obj.fields.len() != ty.fields.len() {
        return Err(bad(
            index,
            format!(
                "{} has {} fields, the object gives {}",
                ty.name,
                ty.fields.len(),
                obj.fields.len()
            ),
        ));
    }
    let mut size = layout.fixed_size as usize;
    if let Some(item) = ty.items {
        size += obj.items.len() * item.size() as usize;
    } else if !obj.items.is_empty() {
        return Err(bad(
            index,
            format!("{} is not varsize but the object has items", ty.name),
        ));
    }
    let mut w = Writer {
        bytes: vec![0; size.next_multiple_of(8).max(8)],
        desc: DataDescription::new(),
    };
    w.put(
        0,
        &(obj.typ.as_u32() as u64 | PREBUILT_HEADER_FLAGS).to_le_bytes(),
    );
    for (((_, fty), &ofs), value) in ty.fields.iter().zip(&layout.field_offsets).zip(&obj.fields) {
        w.constant(module, syms, ofs, *fty, value)
            .map_err(|m| bad(index, m))?;
    }
    if let (Some(item), Some(lo), Some(io)) = (ty.items, layout.length_offset, layout.items_offset)
    {
        w.put(lo, &(obj.items.len() as i64).to_le_bytes());
        for (k, value) in obj.items.iter().enumerate() {
            w.constant(module, syms, io + k as u32 * item.size(), item, value)
                .map_err(|m| bad(index, m))?;
        }
    }
    let Writer { bytes, mut desc } = w;
    desc.define(bytes.into_boxed_slice());
    desc.set_align(8);
    Ok(desc)
}

struct Writer {
    bytes: Vec<u8>,
    desc: DataDescription,
}

impl Writer {
    fn put(&mut self, ofs: u32, b: &[u8]) {
        self.bytes[ofs as usize..ofs as usize + b.len()].copy_from_slice(b);
    }

    fn constant(
        &mut self,
        module: &mut ObjectModule,
        syms: &mut Symbols,
        ofs: u32,
        ty: LowType,
        c: &LlConst,
    ) -> Result<(), String> {
        match (ty, c) {
            (LowType::Void, _) => {}
            (_, LlConst::Void) => {}
            (LowType::Bool, LlConst::Bool(b)) => self.put(ofs, &[*b as u8]),
            (LowType::Char, LlConst::Char(ch)) => self.put(ofs, &[*ch]),
            (LowType::UniChar, LlConst::UniChar(ch)) => self.put(ofs, &ch.to_le_bytes()),
            (LowType::Signed | LowType::Unsigned, LlConst::Signed(i)) => {
                self.put(ofs, &i.to_le_bytes())
            }
            (LowType::Signed | LowType::Unsigned, LlConst::Unsigned(u)) => {
                self.put(ofs, &u.to_le_bytes())
            }
            (LowType::Signed | LowType::Unsigned, LlConst::Bool(b)) => {
                self.put(ofs, &(*b as i64).to_le_bytes())
            }
            (LowType::Float, LlConst::Float(x)) => self.put(ofs, &x.to_le_bytes()),
            (LowType::Ptr(_) | LowType::Address, LlConst::Null(_)) => {}
            (LowType::Ptr(_) | LowType::Address, LlConst::Prebuilt(j, _)) => {
                let Some(&id) = syms.prebuilt.get(*j as usize) else {
                    return Err(format!(
                        "refers to prebuilt object {j}, which does not exist"
                    ));
                };
                let gv = module.declare_data_in_data(id, &mut self.desc);
                self.desc.write_data_addr(ofs, gv, 0);
            }
            (LowType::Address | LowType::Signed, LlConst::Func(i)) => {
                let Some(&id) = syms.graphs.get(*i as usize) else {
                    return Err(format!("refers to function {i}, which does not exist"));
                };
                let fr = module.declare_func_in_data(id, &mut self.desc);
                self.desc.write_function_addr(ofs, fr);
            }
            (LowType::Address | LowType::Signed, LlConst::Extern(name))
                if rpy_abi::runtime_func(name).is_some() =>
            {
                let id = syms.runtime_func(module, name);
                let fr = module.declare_func_in_data(id, &mut self.desc);
                self.desc.write_function_addr(ofs, fr);
            }
            (ty, c) => return Err(format!("cannot store constant {c} in a field of type {ty}")),
        }
        Ok(())
    }
}

fn define_words(module: &mut ObjectModule, name: &str, words: &[i64]) -> Result<(), CodegenError> {
    let id = module
        .declare_data(name, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    let mut bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    if bytes.is_empty() {
        bytes.resize(8, 0);
    }
    desc.define(bytes.into_boxed_slice());
    desc.set_align(8);
    module.define_data(id, &desc).map_err(module_err)
}

/// `rpy_type_names`: one pointer per type id to the class name as a
/// NUL-terminated string, null for non-class types.
fn define_type_names(module: &mut ObjectModule, prog: &LlProgram) -> Result<(), CodegenError> {
    let count = prog.types.types.len().max(prog.type_names.len());
    let table = module
        .declare_data(rpy_abi::TYPE_NAMES_SYMBOL, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define(vec![0u8; 8 * count.max(1)].into_boxed_slice());
    desc.set_align(8);
    for (i, name) in prog.type_names.iter().enumerate() {
        let Some(name) = name else { continue };
        let id = module
            .declare_anonymous_data(false, false)
            .map_err(module_err)?;
        let mut text = DataDescription::new();
        let mut bytes = name.as_bytes().to_vec();
        bytes.push(0);
        text.define(bytes.into_boxed_slice());
        module.define_data(id, &text).map_err(module_err)?;
        let gv = module.declare_data_in_data(id, &mut desc);
        desc.write_data_addr(8 * i as u32, gv, 0);
    }
    module.define_data(table, &desc).map_err(module_err)
}
