//! The backend context: the JIT module, the compiled traces with their
//! guard tables and constant pools, the exits, and the entry trampoline.
//! One value owns all of it; nothing is global.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_entity::PrimaryMap;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module};
use rpy_jitformat::{Descrs, Kind};
use rpy_jittrace::{Const, GuardRef, OpCode, ResumeId, TargetToken, Trace, TraceId, Value};

use crate::compile::{self, Layout};
use crate::env::JitEnv;
use crate::CompileError;

/// What compiled code returns: the number of the exit taken (a guard
/// that failed with no bridge attached, or a `finish`). Numbers are
/// unique in one `Backend`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExitId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub enum ExitKind {
    Guard { guard: GuardRef, resume: ResumeId },
    Finish { trace: TraceId, op: u32 },
}

/// An exit's meaning and the kinds of the values it left in frame slots
/// `0..kinds.len()` (fail args, or the finish's value).
#[derive(Clone, Debug, PartialEq)]
pub struct ExitInfo {
    pub kind: ExitKind,
    pub kinds: Vec<Kind>,
}

/// One compiled trace.
pub struct CompiledTrace {
    code: usize,
    code_size: usize,
    inputargs: Vec<Kind>,
    /// One word per guard: null, or the address of the attached bridge.
    guard_table: Box<[AtomicUsize]>,
    /// Guard op index -> its slot.
    guard_slots: HashMap<u32, usize>,
    /// Ref constants, loaded by the code at each use (a GC root).
    const_pool: Box<[AtomicUsize]>,
    bridges: HashMap<u32, TraceId>,
    /// The Cranelift IR, when `Backend::set_keep_ir` asked for it.
    ir: Option<String>,
}

impl CompiledTrace {
    /// The Cranelift IR of the trace (before Cranelift's optimisations),
    /// kept for logs (`jit-backend`) when `Backend::set_keep_ir(true)`.
    pub fn ir(&self) -> Option<&str> {
        self.ir.as_deref()
    }
    pub fn code_address(&self) -> usize {
        self.code
    }
    pub fn code_size(&self) -> usize {
        self.code_size
    }
    pub fn inputargs(&self) -> &[Kind] {
        &self.inputargs
    }
}

type Trampoline = unsafe extern "C" fn(code: usize, frame: *mut u64, entry: i64) -> i64;

pub struct Backend {
    module: Option<JITModule>,
    env: JitEnv,
    call_conv: CallConv,
    tail_sig: Signature,
    trampoline: Trampoline,
    traces: PrimaryMap<TraceId, CompiledTrace>,
    /// Label token -> (trace, entry number: 1 + the label's ordinal).
    labels: HashMap<TargetToken, (TraceId, u32)>,
    exits: Vec<ExitInfo>,
    frame_slots: usize,
    keep_ir: bool,
    ctx: Context,
    fctx: FunctionBuilderContext,
}

extern "C" fn jit_memmove(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: compiled `arraycopy` passes two item ranges of valid arrays.
    unsafe { std::ptr::copy(src, dst, n) }
}

fn backend_err(e: impl std::fmt::Display) -> CompileError {
    CompileError {
        op: None,
        msg: e.to_string(),
    }
}

impl Backend {
    /// A backend for the host machine.
    pub fn new(env: JitEnv) -> Result<Backend, CompileError> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").map_err(backend_err)?;
        flags.set("is_pic", "false").map_err(backend_err)?;
        // Cranelift's IR verifier costs a tenth of warm-up; the trace is
        // checked by `check_trace` before it gets here. Debug builds keep it.
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        flags.set("enable_verifier", verify).map_err(backend_err)?;
        flags
            .set("use_colocated_libcalls", "false")
            .map_err(backend_err)?;
        flags
            .set("preserve_frame_pointers", "true")
            .map_err(backend_err)?;
        let isa = cranelift_native::builder()
            .map_err(backend_err)?
            .finish(settings::Flags::new(flags))
            .map_err(backend_err)?;
        let call_conv = isa.default_call_conv();
        let mut module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let mut tail_sig = Signature::new(CallConv::Tail);
        tail_sig.params.extend([AbiParam::new(types::I64); 2]);
        tail_sig.returns.push(AbiParam::new(types::I64));

        // The trampoline: (code, frame, entry) -> code(frame, entry), the
        // one place the host's convention meets the tail convention.
        let mut ctx = module.make_context();
        let mut fctx = FunctionBuilderContext::new();
        let mut sig = Signature::new(call_conv);
        sig.params.extend([AbiParam::new(types::I64); 3]);
        sig.returns.push(AbiParam::new(types::I64));
        ctx.func.signature = sig.clone();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let blk = b.create_block();
            b.append_block_params_for_function_params(blk);
            b.switch_to_block(blk);
            b.seal_block(blk);
            let p = b.block_params(blk).to_vec();
            let sr = b.import_signature(tail_sig.clone());
            let call = b.ins().call_indirect(sr, p[0], &[p[1], p[2]]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.finalize(module.target_config());
        }
        let id = module
            .declare_anonymous_function(&sig)
            .map_err(backend_err)?;
        module.define_function(id, &mut ctx).map_err(backend_err)?;
        module.clear_context(&mut ctx);
        module.finalize_definitions().map_err(backend_err)?;
        let ptr = module.get_finalized_function(id);
        // SAFETY: the function just compiled has this signature.
        let trampoline: Trampoline = unsafe { std::mem::transmute::<*const u8, Trampoline>(ptr) };
        Ok(Backend {
            module: Some(module),
            env,
            call_conv,
            tail_sig,
            trampoline,
            traces: PrimaryMap::new(),
            labels: HashMap::new(),
            exits: Vec::new(),
            frame_slots: 1,
            keep_ir: false,
            ctx,
            fctx,
        })
    }

    /// Keep each compiled trace's Cranelift IR text (`CompiledTrace::ir`).
    pub fn set_keep_ir(&mut self, keep: bool) {
        self.keep_ir = keep;
    }

    pub fn env(&self) -> &JitEnv {
        &self.env
    }

    /// Compile a loop (or any trace entered from the caller).
    pub fn compile_loop(
        &mut self,
        trace: &Trace,
        descrs: &Descrs,
    ) -> Result<TraceId, CompileError> {
        self.compile(trace, descrs, None)
    }

    /// Compile a bridge and attach it to `guard`: from now on a failure of
    /// that guard continues in the bridge (one store into its slot).
    /// The bridge's input arguments are the guard's fail args.
    pub fn compile_bridge(
        &mut self,
        guard: GuardRef,
        trace: &Trace,
        descrs: &Descrs,
    ) -> Result<TraceId, CompileError> {
        let parent = self
            .traces
            .get(guard.trace)
            .ok_or_else(|| backend_err("no such trace"))?;
        if !parent.guard_slots.contains_key(&guard.op) {
            return Err(backend_err(format!(
                "op {} of {} is not a guard",
                guard.op, guard.trace
            )));
        }
        if parent.bridges.contains_key(&guard.op) {
            return Err(backend_err(format!(
                "guard {} of {} already has a bridge",
                guard.op, guard.trace
            )));
        }
        self.compile(trace, descrs, Some(guard))
    }

    fn compile(
        &mut self,
        trace: &Trace,
        descrs: &Descrs,
        parent: Option<GuardRef>,
    ) -> Result<TraceId, CompileError> {
        let id = self.traces.next_key();
        let mut labels = Vec::new();
        let mut slots = 1usize.max(trace.inputargs.len());
        let mut guard_slot = vec![None; trace.ops.len()];
        let mut guard_slots = HashMap::new();
        let mut exit = vec![None; trace.ops.len()];
        let mut exits = Vec::new();
        let mut pool = Vec::new();
        let mut pool_index = HashMap::new();
        for (i, op) in trace.ops.iter().enumerate() {
            let fail = op.fail_args().iter().filter_map(|fa| fa.value());
            for v in op.args.iter().copied().chain(fail) {
                if let Value::Const(Const::Ref(p)) = v {
                    if p != 0 && !self.env.is_prebuilt(p) && !pool_index.contains_key(&p) {
                        pool_index.insert(p, pool.len());
                        pool.push(AtomicUsize::new(p));
                    }
                }
            }
            match op.opcode {
                OpCode::Label => {
                    let t = op.target().ok_or_else(|| CompileError {
                        op: Some(i),
                        msg: "label without a token".into(),
                    })?;
                    if self.labels.contains_key(&t) || labels.iter().any(|&(u, _)| u == t) {
                        return Err(CompileError {
                            op: Some(i),
                            msg: format!("label token {} is already compiled", t.0),
                        });
                    }
                    labels.push((t, labels.len() as u32 + 1));
                    slots = slots.max(op.args.len());
                }
                OpCode::Finish | OpCode::Jump => {
                    slots = slots.max(op.args.len());
                    if op.opcode == OpCode::Finish {
                        exit[i] = Some((self.exits.len() + exits.len()) as u32);
                        let kinds = op.args.iter().map(|&a| trace.kind_of(a)).collect();
                        exits.push(ExitInfo {
                            kind: ExitKind::Finish {
                                trace: id,
                                op: i as u32,
                            },
                            kinds,
                        });
                    }
                }
                o if o.is_guard() => {
                    let g = op.guard.as_ref().ok_or_else(|| CompileError {
                        op: Some(i),
                        msg: "guard without guard data".into(),
                    })?;
                    guard_slot[i] = Some(guard_slots.len());
                    guard_slots.insert(i as u32, guard_slots.len());
                    slots = slots.max(g.fail_args.len());
                    exit[i] = Some((self.exits.len() + exits.len()) as u32);
                    let kinds = op
                        .fail_args()
                        .iter()
                        .map(|fa| trace.kind_of(fa.value().expect("a value")))
                        .collect();
                    exits.push(ExitInfo {
                        kind: ExitKind::Guard {
                            guard: GuardRef {
                                trace: id,
                                op: i as u32,
                            },
                            resume: g.resume,
                        },
                        kinds,
                    });
                }
                _ => {}
            }
        }
        let guard_table: Box<[AtomicUsize]> = (0..guard_slots.len())
            .map(|_| AtomicUsize::new(0))
            .collect();
        let const_pool: Box<[AtomicUsize]> = pool.into_boxed_slice();
        let other_labels: HashMap<TargetToken, (usize, u32)> = self
            .labels
            .iter()
            .map(|(&t, &(tr, e))| (t, (self.traces[tr].code, e)))
            .collect();
        let layout = Layout {
            env: &self.env,
            call_conv: self.call_conv,
            tail_sig: self.tail_sig.clone(),
            guard_table: guard_table.as_ptr() as usize,
            guard_slot,
            exit,
            pool: const_pool.as_ptr() as usize,
            pool_index,
            other_labels: &other_labels,
            memmove: jit_memmove as *const () as usize,
            frontend: self.module.as_ref().expect("module").target_config(),
        };
        let module = self
            .module
            .as_mut()
            .expect("the module lives as long as the backend");
        self.ctx.clear();
        self.ctx.func.signature = self.tail_sig.clone();
        self.ctx.func.name = UserFuncName::user(0, id.as_u32());
        let built = compile::build(trace, descrs, &layout, &mut self.ctx.func, &mut self.fctx);
        if let Err(e) = built {
            // The builder stopped half-way: start the next one afresh.
            self.fctx = FunctionBuilderContext::new();
            self.ctx.clear();
            return Err(e);
        }
        let ir = self.keep_ir.then(|| self.ctx.func.display().to_string());
        let fid = module
            .declare_anonymous_function(&self.tail_sig)
            .map_err(backend_err)?;
        let defined = module.define_function(fid, &mut self.ctx);
        let code_size = self
            .ctx
            .compiled_code()
            .map_or(0, |c| c.code_buffer().len());
        self.ctx.clear();
        if let Err(e) = defined {
            return Err(CompileError {
                op: None,
                msg: format!("cranelift: {e:?}"),
            });
        }
        module.finalize_definitions().map_err(backend_err)?;
        let code = module.get_finalized_function(fid) as usize;
        let pushed = self.traces.push(CompiledTrace {
            code,
            code_size,
            inputargs: trace.inputargs.clone(),
            guard_table,
            guard_slots,
            const_pool,
            bridges: HashMap::new(),
            ir,
        });
        debug_assert_eq!(pushed, id);
        for (t, e) in labels {
            self.labels.insert(t, (id, e));
        }
        self.exits.extend(exits);
        self.frame_slots = self.frame_slots.max(slots);
        if let Some(g) = parent {
            let p = &mut self.traces[g.trace];
            p.bridges.insert(g.op, id);
            let slot = p.guard_slots[&g.op];
            p.guard_table[slot].store(code, Ordering::Release);
        }
        Ok(id)
    }

    /// How many words a frame buffer must have to run any compiled trace
    /// (it grows as traces are compiled).
    pub fn frame_slots(&self) -> usize {
        self.frame_slots
    }

    pub fn trace(&self, id: TraceId) -> &CompiledTrace {
        &self.traces[id]
    }

    pub fn exit(&self, e: ExitId) -> &ExitInfo {
        &self.exits[e.0 as usize]
    }

    /// The bridge attached to a guard, if any.
    pub fn bridge(&self, guard: GuardRef) -> Option<TraceId> {
        self.traces
            .get(guard.trace)?
            .bridges
            .get(&guard.op)
            .copied()
    }

    /// Where a label token lives: trace and entry number.
    pub fn label(&self, token: TargetToken) -> Option<(TraceId, u32)> {
        self.labels.get(&token).copied()
    }

    /// A trace's constant pool: `len` words at `ptr`, the non-prebuilt
    /// ref constants the code loads at each use. The metainterp registers
    /// it as a GC root; a moving collector updates the words in place.
    pub fn const_pool(&self, id: TraceId) -> (*mut usize, usize) {
        let p = &self.traces[id].const_pool;
        (p.as_ptr() as *mut usize, p.len())
    }

    /// Run trace `id` from its start: its input arguments are in
    /// `frame[0..n]` (ints as i64, floats as their bits, refs as
    /// addresses). Returns the exit taken; its values are in the frame.
    ///
    /// # Safety
    /// The input values must be what the trace expects (valid objects for
    /// refs) and the environment's addresses must be live.
    pub unsafe fn execute(&self, id: TraceId, frame: &mut [u64]) -> ExitId {
        self.enter(self.traces[id].code, frame, 0)
    }

    /// Run from a label: its arguments are in `frame[0..n]`.
    ///
    /// # Safety
    /// As `execute`.
    pub unsafe fn execute_label(&self, token: TargetToken, frame: &mut [u64]) -> Option<ExitId> {
        let &(id, entry) = self.labels.get(&token)?;
        Some(self.enter(self.traces[id].code, frame, entry as i64))
    }

    unsafe fn enter(&self, code: usize, frame: &mut [u64], entry: i64) -> ExitId {
        assert!(
            frame.len() >= self.frame_slots,
            "frame buffer of {} words, the backend needs {}",
            frame.len(),
            self.frame_slots
        );
        let r = (self.trampoline)(code, frame.as_mut_ptr(), entry);
        ExitId(r as u32)
    }

    /// The values an exit left in the frame, as constants.
    pub fn exit_values(&self, e: ExitId, frame: &[u64]) -> Vec<Const> {
        self.exit(e)
            .kinds
            .iter()
            .zip(frame)
            .map(|(&k, &w)| word_to_const(k, w))
            .collect()
    }
}

/// A frame word as a value of a kind.
pub fn word_to_const(kind: Kind, w: u64) -> Const {
    match kind {
        Kind::Float => Const::Float(f64::from_bits(w)),
        Kind::Ref => Const::Ref(w as usize),
        _ => Const::Int(w as i64),
    }
}

/// A value as a frame word.
pub fn const_to_word(c: Const) -> u64 {
    match c {
        Const::Int(i) => i as u64,
        Const::Ref(p) => p as u64,
        Const::Float(f) => f.to_bits(),
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the code is no longer reachable: the backend owns
            // every pointer to it, and no execution can be running
            // (executing borrows the backend).
            unsafe { m.free_memory() };
        }
    }
}
