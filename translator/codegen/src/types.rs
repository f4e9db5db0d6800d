//! Machine types: how each `LowType` is held in Cranelift values and
//! passed across calls.
//!
//! Bool and Char are `i8`, UniChar `i32`, Signed/Unsigned/Ptr/Address
//! `i64`, Float `f64`; Void has no value and is left out of parameter and
//! result lists. Narrow integers are zero-extended at call boundaries, as
//! the C ABI used by the runtime library expects.

use cranelift_codegen::ir::{types, AbiParam, Signature, Type};
use cranelift_codegen::isa::CallConv;
use rpy_abi::AbiType;
use rpy_rtyper::{LlGraph, LowType};

/// The Cranelift type of a low-level type, or None for Void.
pub(crate) fn clif_type(t: LowType) -> Option<Type> {
    match t {
        LowType::Void => None,
        LowType::Bool | LowType::Char => Some(types::I8),
        LowType::UniChar => Some(types::I32),
        LowType::Signed | LowType::Unsigned | LowType::Ptr(_) | LowType::Address => {
            Some(types::I64)
        }
        LowType::Float => Some(types::F64),
    }
}

fn abi_type(t: AbiType) -> Option<Type> {
    match t {
        AbiType::Int | AbiType::Ptr => Some(types::I64),
        AbiType::Float => Some(types::F64),
        AbiType::Bool => Some(types::I8),
        AbiType::Void => None,
    }
}

/// A parameter or result of type `t`, extended to the ABI's width.
pub(crate) fn param(t: Type) -> AbiParam {
    if t.is_int() && t.bits() < 32 || t == types::I32 {
        AbiParam::new(t).uext()
    } else {
        AbiParam::new(t)
    }
}

pub(crate) fn signature(
    call_conv: CallConv,
    params: impl IntoIterator<Item = Type>,
    result: Option<Type>,
) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.extend(params.into_iter().map(param));
    sig.returns.extend(result.map(param));
    sig
}

/// Signature of the function made from a graph: its start block's
/// non-Void inputs, its non-Void result.
pub(crate) fn graph_signature(call_conv: CallConv, g: &LlGraph) -> Signature {
    let params = g
        .graph
        .params()
        .iter()
        .filter_map(|&v| clif_type(g.var_types[v]));
    signature(call_conv, params, clif_type(g.result_type))
}

/// Signature of a runtime function listed in `rpy_abi::RUNTIME_FUNCS`.
pub(crate) fn runtime_signature(call_conv: CallConv, f: &rpy_abi::RuntimeFunc) -> Signature {
    signature(
        call_conv,
        f.params.iter().filter_map(|&p| abi_type(p)),
        abi_type(f.result),
    )
}
