//! Native code generation: low-level graphs (`rpy_rtyper::LlProgram`) to
//! Cranelift IR, an ELF object file, and a linked executable.
//!
//! Entry points:
//! * [`emit_object`]: every graph becomes one local function
//!   `rpy_fn{index}_{name}`, plus the exported `rpy_entry_point(argv) -> i64`
//!   (`rpy_abi::ENTRY_SYMBOL`) and the data symbols the runtime reads
//!   (type names, builtin exception type ids) and the prebuilt objects.
//! * [`emit_ir`]: the same translation, returning the Cranelift IR text of
//!   each function (for tests and `--view`-style dumps).
//! * [`link`]: joins the object with the runtime staticlib through `cc`.
//!
//! Module map: `isa` (target and settings), `types` (LowType to Cranelift
//! types and signatures), `symbols` (every function and data symbol of the
//! object, declared up front), `data` (prebuilt objects and tables), `func`
//! (one graph: blocks, links, exit switches, exception checks), `ops` (one
//! low-level op), `gcops` (allocation fast path, shadow stack, barriers,
//! safepoints), `gctables` (the layout table the collectors read), `raises` (which graphs may raise), `link` (the system
//! linker).

mod data;
mod func;
mod gcops;
pub mod gctables;
mod isa;
mod jitdata;
mod link;
mod ops;
mod raises;
mod stackcheck;
mod symbols;
mod types;

use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::Module;
use cranelift_object::{ObjectBuilder, ObjectModule};
use rpy_rtyper::LlProgram;
use std::fmt;

pub use link::link;

/// Cranelift optimisation level.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OptLevel {
    None,
    #[default]
    Speed,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CodegenOptions {
    pub opt_level: OptLevel,
    /// Run the Cranelift IR verifier on every function.
    pub verify: bool,
    /// The collector the program is translated for (`rpy_gc_kind`).
    pub gc: rpy_abi::gc::GcKind,
}

impl Default for CodegenOptions {
    fn default() -> Self {
        CodegenOptions {
            opt_level: OptLevel::Speed,
            verify: cfg!(debug_assertions),
            gc: Default::default(),
        }
    }
}

/// Why no object file or executable came out. These are internal errors
/// (malformed low-level graphs, Cranelift rejecting IR) or environment
/// errors (no `cc`, link failure), never user errors in the source program.
#[derive(Clone, Debug, PartialEq)]
pub enum CodegenError {
    /// The host machine is not supported by Cranelift, or a setting failed.
    Isa(String),
    /// A graph that the code generator cannot translate (an op with
    /// operands of the wrong kind, a missing layout...).
    BadGraph {
        graph: String,
        message: String,
    },
    /// Cranelift rejected a function (verifier or compilation error); the
    /// message includes the IR with the errors marked when available.
    Cranelift {
        function: String,
        message: String,
    },
    /// Declaring or defining a symbol, or writing the object, failed.
    Module(String),
    /// Running the linker failed; `stderr` is what it printed.
    Link {
        command: String,
        stderr: String,
    },
    Io(String),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Isa(m) => write!(f, "code generation: unsupported host: {m}"),
            CodegenError::BadGraph { graph, message } => {
                write!(f, "code generation of `{graph}`: {message}")
            }
            CodegenError::Cranelift { function, message } => {
                write!(f, "Cranelift rejected `{function}`: {message}")
            }
            CodegenError::Module(m) => write!(f, "object file: {m}"),
            CodegenError::Link { command, stderr } => {
                write!(f, "link failed: `{command}`:\n{stderr}")
            }
            CodegenError::Io(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for CodegenError {}

pub(crate) fn module_err(e: impl fmt::Display) -> CodegenError {
    CodegenError::Module(e.to_string())
}

/// Translates the whole program into a relocatable object file for the
/// host (ELF on Linux).
pub fn emit_object(prog: &LlProgram, opts: &CodegenOptions) -> Result<Vec<u8>, CodegenError> {
    let (module, _) = translate(prog, opts, false, None)?;
    module.finish().emit().map_err(module_err)
}

/// `emit_object` for an -Ojit executable: also the jitcodes and the
/// address tables and call stubs the JIT runtime reads (`jitdata`).
pub fn emit_object_with_jit(
    prog: &LlProgram,
    opts: &CodegenOptions,
    jit: &rpy_jitformat::jitcode::JitProgram,
) -> Result<Vec<u8>, CodegenError> {
    let (module, _) = translate(prog, opts, false, Some(jit))?;
    module.finish().emit().map_err(module_err)
}

/// Translates the whole program and returns the Cranelift IR of each
/// function (before Cranelift's own optimisations), in symbol order:
/// the graphs, then the entry point.
pub fn emit_ir(prog: &LlProgram, opts: &CodegenOptions) -> Result<Vec<String>, CodegenError> {
    let (_, ir) = translate(prog, opts, true, None)?;
    Ok(ir)
}

fn translate(
    prog: &LlProgram,
    opts: &CodegenOptions,
    keep_ir: bool,
    jit: Option<&rpy_jitformat::jitcode::JitProgram>,
) -> Result<(ObjectModule, Vec<String>), CodegenError> {
    let isa = isa::host_isa(opts)?;
    let builder = ObjectBuilder::new(isa, "rpython", cranelift_module::default_libcall_names())
        .map_err(module_err)?;
    let mut module = ObjectModule::new(builder);
    let mut syms = symbols::Symbols::declare(&mut module, prog)?;
    data::define_all(&mut module, prog, &mut syms, opts.gc)?;
    if let Some(jp) = jit {
        jitdata::define_jit_data(&mut module, &mut syms, jp, opts)?;
    }

    let mut ir = Vec::new();
    let mut ctx = Context::new();
    let mut fctx = FunctionBuilderContext::new();
    for (index, graph) in prog.graphs.iter().enumerate() {
        module.clear_context(&mut ctx);
        let id = syms.graphs[index];
        func::translate_graph(
            &mut module,
            &mut syms,
            prog,
            graph,
            id,
            &mut ctx.func,
            &mut fctx,
        )?;
        define(
            &mut module,
            &mut ctx,
            id,
            &syms.graph_names[index],
            opts,
            keep_ir.then_some(&mut ir),
        )?;
    }
    module.clear_context(&mut ctx);
    func::translate_entry(&mut module, &mut syms, prog, &mut ctx.func, &mut fctx)?;
    define(
        &mut module,
        &mut ctx,
        syms.entry,
        rpy_abi::ENTRY_SYMBOL,
        opts,
        keep_ir.then_some(&mut ir),
    )?;
    Ok((module, ir))
}

fn define(
    module: &mut ObjectModule,
    ctx: &mut Context,
    id: cranelift_module::FuncId,
    name: &str,
    opts: &CodegenOptions,
    ir: Option<&mut Vec<String>>,
) -> Result<(), CodegenError> {
    if let Some(ir) = ir {
        ir.push(ctx.func.display().to_string());
    }
    if opts.verify {
        if let Err(errors) = cranelift_codegen::verify_function(&ctx.func, module.isa()) {
            let message =
                cranelift_codegen::print_errors::pretty_verifier_error(&ctx.func, None, errors);
            return Err(CodegenError::Cranelift {
                function: name.to_string(),
                message,
            });
        }
    }
    module.define_function(id, ctx).map_err(|e| {
        let message = match e {
            cranelift_module::ModuleError::Compilation(err) => {
                cranelift_codegen::print_errors::pretty_error(&ctx.func, err)
            }
            other => other.to_string(),
        };
        CodegenError::Cranelift {
            function: name.to_string(),
            message,
        }
    })
}
