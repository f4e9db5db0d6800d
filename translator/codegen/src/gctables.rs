//! The tables the collectors read (see `rpy_abi::gc`): one layout row per
//! type id (`rpy_gc_typeinfo`) with the offsets of its GC pointer fields
//! (`rpy_gc_ptr_offsets`), the prebuilt objects holding GC pointers
//! (`rpy_gc_prebuilt_roots`, `rpy_gc_prebuilt_count`) and the collector
//! chosen at translation time (`rpy_gc_kind`).
//!
//! Every `GcType` of the `TypeTable` gets a row, computed generically from
//! `GcType::layout`: fixed size (at least `MIN_OBJECT_SIZE`), item size and
//! offsets for varsize types, pointer fields, pointer items.

use crate::symbols::Symbols;
use crate::{module_err, CodegenError};
use cranelift_module::{DataDescription, Linkage, Module};
use cranelift_object::ObjectModule;
use rpy_abi::gc::*;
use rpy_rtyper::{GcType, LlProgram, LowType};

/// The typeinfo row of one type, and its pointer field offsets.
pub fn type_row(ty: &GcType) -> ([u32; TYPEINFO_WORDS], Vec<u32>) {
    let layout = ty.layout();
    let mut row = [0u32; TYPEINFO_WORDS];
    row[TI_FIXED_SIZE] = layout.fixed_size.max(MIN_OBJECT_SIZE);
    if let (Some(item), Some(lo), Some(io)) = (ty.items, layout.length_offset, layout.items_offset)
    {
        row[TI_ITEM_SIZE] = item.size().max(1);
        row[TI_LENGTH_OFS] = lo;
        row[TI_ITEMS_OFS] = io;
        if item.is_gc_ptr() {
            row[TI_FLAGS] |= TI_ITEMS_ARE_GCPTR;
        }
    }
    let ptrs: Vec<u32> = ty
        .fields
        .iter()
        .zip(&layout.field_offsets)
        .filter(|((_, t), _)| t.is_gc_ptr())
        .map(|(_, &o)| o)
        .collect();
    row[TI_NPTRS] = ptrs.len() as u32;
    (row, ptrs)
}

/// Whether objects of this type may hold GC pointers.
fn has_gc_ptrs(ty: &GcType) -> bool {
    ty.fields.iter().any(|(_, t)| t.is_gc_ptr()) || ty.items.is_some_and(LowType::is_gc_ptr)
}

pub(crate) fn define_gc_tables(
    module: &mut ObjectModule,
    prog: &LlProgram,
    syms: &Symbols,
    kind: GcKind,
) -> Result<(), CodegenError> {
    let count = prog.types.types.len().max(prog.type_names.len());
    let mut info: Vec<u32> = Vec::with_capacity(count * TYPEINFO_WORDS);
    let mut offsets: Vec<u32> = Vec::new();
    for i in 0..count {
        let ty = prog.types.types.values().nth(i);
        let (mut row, ptrs) = match ty {
            Some(t) => type_row(t),
            None => ([0; TYPEINFO_WORDS], vec![]),
        };
        row[TI_PTRS_START] = offsets.len() as u32;
        offsets.extend(ptrs);
        info.extend(row);
    }
    define_u32s(module, TYPEINFO_SYMBOL, &info)?;
    define_u32s(module, PTR_OFFSETS_SYMBOL, &offsets)?;

    let roots: Vec<usize> = prog
        .prebuilt
        .iter()
        .enumerate()
        .filter(|(_, p)| prog.types.types.get(p.typ).is_some_and(has_gc_ptrs))
        .map(|(i, _)| i)
        .collect();
    let id = module
        .declare_data(PREBUILT_ROOTS_SYMBOL, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define(vec![0u8; 8 * roots.len().max(1)].into_boxed_slice());
    desc.set_align(8);
    for (k, &i) in roots.iter().enumerate() {
        let gv = module.declare_data_in_data(syms.prebuilt[i], &mut desc);
        desc.write_data_addr(8 * k as u32, gv, 0);
    }
    module.define_data(id, &desc).map_err(module_err)?;
    define_i64(module, PREBUILT_COUNT_SYMBOL, roots.len() as i64)?;
    define_i64(module, GC_KIND_SYMBOL, kind as i64)
}

fn define_u32s(module: &mut ObjectModule, name: &str, words: &[u32]) -> Result<(), CodegenError> {
    let id = module
        .declare_data(name, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    bytes.resize(bytes.len().max(8).next_multiple_of(8), 0);
    let mut desc = DataDescription::new();
    desc.define(bytes.into_boxed_slice());
    desc.set_align(8);
    module.define_data(id, &desc).map_err(module_err)
}

fn define_i64(module: &mut ObjectModule, name: &str, v: i64) -> Result<(), CodegenError> {
    let id = module
        .declare_data(name, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define(v.to_le_bytes().to_vec().into_boxed_slice());
    desc.set_align(8);
    module.define_data(id, &desc).map_err(module_err)
}
