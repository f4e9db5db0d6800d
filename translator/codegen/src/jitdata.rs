//! What an -Ojit executable carries for its JIT runtime (JIT.md, "Jitcodes
//! and descriptors"): the jitcodes as one read-only blob, and tables of
//! addresses the blob names by index (relocated by the linker):
//!
//! - `rpyjit_blob` / `rpyjit_blob_len`: `rpy_jitformat::encode` bytes;
//! - `rpyjit_funcs`: translated functions (`JitProgram::funcs`);
//! - `rpyjit_externs`: runtime functions (`JitProgram::externs`);
//! - `rpyjit_prebuilt`: prebuilt objects (`JitProgram::prebuilt`);
//! - `rpyjit_stubs`: one call stub per signature (`JitProgram::stubs`),
//!   `u64 stub(u64 target, const u64 *args)`: it loads the arguments from
//!   the buffer (floats as their bits), calls `target`, and returns the
//!   result as a word (a float's bits; 0 for none). Narrow integer
//!   arguments and results travel zero-extended in full words, which is
//!   how translated functions pass them.

use crate::symbols::Symbols;
use crate::{define, module_err, CodegenError, CodegenOptions};
use cranelift_codegen::ir::{types as ct, AbiParam, InstBuilder, MemFlagsData, Signature};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, Linkage, Module};
use cranelift_object::ObjectModule;
use rpy_jitformat::jitcode::JitProgram;

fn table(
    module: &mut ObjectModule,
    name: &str,
    n: usize,
    mut fill: impl FnMut(&mut ObjectModule, &mut DataDescription, u32) -> Result<(), CodegenError>,
) -> Result<(), CodegenError> {
    let id = module
        .declare_data(name, Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define(vec![0u8; 8 * n.max(1)].into_boxed_slice());
    desc.set_align(8);
    for i in 0..n {
        fill(module, &mut desc, 8 * i as u32)?;
    }
    module.define_data(id, &desc).map_err(module_err)
}

pub(crate) fn define_jit_data(
    module: &mut ObjectModule,
    syms: &mut Symbols,
    jp: &JitProgram,
    opts: &CodegenOptions,
) -> Result<(), CodegenError> {
    let blob = rpy_jitformat::encode::to_bytes(jp);
    let id = module
        .declare_data("rpyjit_blob", Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    let len = blob.len();
    desc.define(blob.into_boxed_slice());
    module.define_data(id, &desc).map_err(module_err)?;
    let id = module
        .declare_data("rpyjit_blob_len", Linkage::Export, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define((len as u64).to_le_bytes().to_vec().into_boxed_slice());
    desc.set_align(8);
    module.define_data(id, &desc).map_err(module_err)?;

    table(module, "rpyjit_funcs", jp.funcs.len(), |m, d, ofs| {
        let g = jp.funcs[ofs as usize / 8] as usize;
        let fr = m.declare_func_in_data(syms.graphs[g], d);
        d.write_function_addr(ofs, fr);
        Ok(())
    })?;
    let externs: Vec<_> = jp
        .externs
        .iter()
        .map(|name| syms.runtime_func(module, name))
        .collect();
    table(module, "rpyjit_externs", externs.len(), |m, d, ofs| {
        let fr = m.declare_func_in_data(externs[ofs as usize / 8], d);
        d.write_function_addr(ofs, fr);
        Ok(())
    })?;
    table(module, "rpyjit_prebuilt", jp.prebuilt.len(), |m, d, ofs| {
        let p = jp.prebuilt[ofs as usize / 8] as usize;
        let gv = m.declare_data_in_data(syms.prebuilt[p], d);
        d.write_data_addr(ofs, gv, 0);
        Ok(())
    })?;
    let mut stubs = Vec::new();
    for (i, sig) in jp.stubs.iter().enumerate() {
        stubs.push(define_stub(module, i, sig, opts)?);
    }
    table(module, "rpyjit_stubs", stubs.len(), |m, d, ofs| {
        let fr = m.declare_func_in_data(stubs[ofs as usize / 8], d);
        d.write_function_addr(ofs, fr);
        Ok(())
    })
}

/// The call stub of a signature written as in `CallDescr::signature`
/// (`iir>f`).
fn define_stub(
    module: &mut ObjectModule,
    index: usize,
    sig: &str,
    opts: &CodegenOptions,
) -> Result<cranelift_module::FuncId, CodegenError> {
    let cc = module.isa().default_call_conv();
    let (args, result) = sig.split_once('>').unwrap_or((sig, "v"));
    let clif = |c: char| match c {
        'f' => Some(ct::F64),
        'v' => None,
        _ => Some(ct::I64),
    };
    let mut stub_sig = Signature::new(cc);
    stub_sig.params.push(AbiParam::new(ct::I64));
    stub_sig.params.push(AbiParam::new(ct::I64));
    stub_sig.returns.push(AbiParam::new(ct::I64));
    let name = format!("rpyjit_stub{index}");
    let id = module
        .declare_function(&name, Linkage::Local, &stub_sig)
        .map_err(module_err)?;
    let mut callee_sig = Signature::new(cc);
    callee_sig
        .params
        .extend(args.chars().filter_map(clif).map(AbiParam::new));
    callee_sig
        .returns
        .extend(result.chars().next().and_then(clif).map(AbiParam::new));
    let mut ctx = Context::new();
    ctx.func.signature = stub_sig;
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let block = b.create_block();
        b.append_block_params_for_function_params(block);
        b.switch_to_block(block);
        b.seal_block(block);
        let target = b.block_params(block)[0];
        let buf = b.block_params(block)[1];
        let mut vals = Vec::new();
        for (i, c) in args.chars().enumerate() {
            if let Some(t) = clif(c) {
                vals.push(b.ins().load(t, MemFlagsData::trusted(), buf, 8 * i as i32));
            }
        }
        let sref = b.import_signature(callee_sig);
        let call = b.ins().call_indirect(sref, target, &vals);
        let r = match b.inst_results(call).first().copied() {
            Some(v) if b.func.dfg.value_type(v) == ct::F64 => {
                b.ins().bitcast(ct::I64, MemFlagsData::new(), v)
            }
            Some(v) => v,
            None => b.ins().iconst(ct::I64, 0),
        };
        b.ins().return_(&[r]);
        b.finalize(module.isa().frontend_config());
    }
    define(module, &mut ctx, id, &name, opts, None)?;
    Ok(id)
}
