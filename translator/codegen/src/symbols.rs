//! Every symbol of the object file: functions made from graphs (declared
//! up front so calls and data can refer to any of them), prebuilt data
//! objects, and the runtime's functions and data, declared on first use
//! so the object names only what it needs.

use crate::{module_err, types, CodegenError};
use cranelift_codegen::ir::Signature;
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use cranelift_object::ObjectModule;
use rpy_rtyper::{LlProgram, TypeTable};
use std::collections::HashMap;

/// Error messages the generated code raises itself (CPython's text).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Message {
    IntDivZero,
    FloatDivZero,
    IntOverflow,
    NegativeShift,
}

impl Message {
    pub(crate) fn text(self) -> &'static str {
        match self {
            Message::IntDivZero => "integer division or modulo by zero",
            Message::FloatDivZero => "float division by zero",
            Message::IntOverflow => "integer overflow",
            Message::NegativeShift => "negative shift count",
        }
    }
}

pub(crate) struct Symbols {
    pub graphs: Vec<FuncId>,
    pub graph_names: Vec<String>,
    /// Whether each graph may return with the exception state set.
    pub graph_raises: Vec<bool>,
    /// Whether each graph checks the stack depth at entry (`stackcheck`).
    pub graph_stack_check: Vec<bool>,
    pub entry: FuncId,
    pub prebuilt: Vec<DataId>,
    pub exc_type: DataId,
    pub exc_value: DataId,
    externs: HashMap<String, FuncId>,
    messages: HashMap<Message, DataId>,
}

/// `rpy_fn{index}_{name}` with every character outside `[A-Za-z0-9_]`
/// replaced by `_`.
pub(crate) fn graph_symbol(index: usize, name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("rpy_fn{index}_{clean}")
}

impl Symbols {
    pub(crate) fn declare(
        module: &mut ObjectModule,
        prog: &LlProgram,
    ) -> Result<Symbols, CodegenError> {
        let cc = module.isa().default_call_conv();
        let mut graphs = Vec::new();
        let mut graph_names = Vec::new();
        for (i, g) in prog.graphs.iter().enumerate() {
            let name = graph_symbol(i, &g.graph.name);
            let sig = types::graph_signature(cc, g);
            graphs.push(
                module
                    .declare_function(&name, Linkage::Local, &sig)
                    .map_err(module_err)?,
            );
            graph_names.push(name);
        }
        let entry_sig = types::signature(
            cc,
            [cranelift_codegen::ir::types::I64],
            Some(cranelift_codegen::ir::types::I64),
        );
        let entry = module
            .declare_function(rpy_abi::ENTRY_SYMBOL, Linkage::Export, &entry_sig)
            .map_err(module_err)?;
        let mut prebuilt = Vec::new();
        for i in 0..prog.prebuilt.len() {
            prebuilt.push(
                module
                    .declare_data(&format!("rpy_obj{i}"), Linkage::Local, true, false)
                    .map_err(module_err)?,
            );
        }
        let exc_type = module
            .declare_data(rpy_abi::EXC_TYPE_SYMBOL, Linkage::Import, true, false)
            .map_err(module_err)?;
        let exc_value = module
            .declare_data(rpy_abi::EXC_VALUE_SYMBOL, Linkage::Import, true, false)
            .map_err(module_err)?;
        let graph_stack_check = crate::stackcheck::graphs_needing_stack_check(prog);
        let graph_raises = crate::raises::graphs_that_raise(prog, &graph_stack_check);
        Ok(Symbols {
            graphs,
            graph_names,
            graph_raises,
            graph_stack_check,
            entry,
            prebuilt,
            exc_type,
            exc_value,
            externs: HashMap::new(),
            messages: HashMap::new(),
        })
    }

    /// The imported function `name`: a runtime function of `rpy_abi` gets
    /// its table signature, any other the given one.
    pub(crate) fn extern_func(
        &mut self,
        module: &mut ObjectModule,
        name: &str,
        sig: &Signature,
    ) -> Result<FuncId, String> {
        if let Some(&id) = self.externs.get(name) {
            return Ok(id);
        }
        let sig = match rpy_abi::runtime_func(name) {
            Some(f) => types::runtime_signature(module.isa().default_call_conv(), f),
            None => sig.clone(),
        };
        let id = module
            .declare_function(name, Linkage::Import, &sig)
            .map_err(|e| e.to_string())?;
        self.externs.insert(name.to_string(), id);
        Ok(id)
    }

    /// A runtime function of the `rpy_abi` table.
    pub(crate) fn runtime_func(&mut self, module: &mut ObjectModule, name: &str) -> FuncId {
        let f = rpy_abi::runtime_func(name)
            .unwrap_or_else(|| panic!("{name} is not in rpy_abi::RUNTIME_FUNCS"));
        let sig = types::runtime_signature(module.isa().default_call_conv(), f);
        self.extern_func(module, name, &sig)
            .unwrap_or_else(|e| panic!("declaring {name}: {e}"))
    }

    /// A prebuilt str object holding the message, defined on first use.
    pub(crate) fn message(
        &mut self,
        module: &mut ObjectModule,
        msg: Message,
    ) -> Result<DataId, CodegenError> {
        if let Some(&id) = self.messages.get(&msg) {
            return Ok(id);
        }
        let id = module
            .declare_anonymous_data(true, false)
            .map_err(module_err)?;
        let mut desc = DataDescription::new();
        desc.define(str_object_bytes(msg.text()).into_boxed_slice());
        desc.set_align(8);
        module.define_data(id, &desc).map_err(module_err)?;
        self.messages.insert(msg, id);
        Ok(id)
    }
}

/// The bytes of a str object (`rpy_abi` layout) holding `text`.
pub(crate) fn str_object_bytes(text: &str) -> Vec<u8> {
    let chars: Vec<char> = text.chars().collect();
    let mut b = Vec::with_capacity(rpy_abi::STR_CHARS_OFS as usize + 4 * chars.len());
    b.extend_from_slice(
        &(TypeTable::STR.as_u32() as u64 | crate::data::PREBUILT_HEADER_FLAGS).to_le_bytes(),
    );
    b.extend_from_slice(&0i64.to_le_bytes());
    b.extend_from_slice(&(chars.len() as i64).to_le_bytes());
    for c in chars {
        b.extend_from_slice(&(c as u32).to_le_bytes());
    }
    b.resize(b.len().next_multiple_of(8), 0);
    b
}
