//! Compiled loops: tracing a hot green key, optimising the trace,
//! compiling it with the Cranelift backend, and running it; a failing
//! guard rebuilds the interpreter frames from its resume data and the
//! blackhole runs them to the next merge point.

use crate::blackhole::{Frame, Stop};
use crate::program::Program;
use crate::resume::ResumeData;
use crate::tracer::{Abort, Traced};
use rpy_jitbackend::{Backend, ExitKind, JitEnv};
use rpy_jittrace::model::{Const, TargetToken};
use rpy_jittrace::registry::{GuardRef, TraceId};
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::AtomicI64;

/// One compiled loop: its trace in the backend and its guards' resume data.
pub struct Loop {
    pub trace: TraceId,
    /// The token of its first label (where other traces jump in).
    pub token: TargetToken,
    pub resume: Vec<ResumeData>,
}

pub struct Loops {
    pub backend: Backend,
    /// By warm-up cell (green key).
    pub by_cell: HashMap<usize, usize>,
    pub loops: Vec<Loop>,
    by_trace: HashMap<TraceId, usize>,
    next_token: u32,
    frame: Vec<u64>,
    /// Failures per guard; `None` once a bridge was tried.
    failures: HashMap<GuardRef, Option<i64>>,
    /// Statistics for `jit-summary`.
    pub traced: usize,
    pub aborted: usize,
    pub guard_failures: usize,
    pub bridges: usize,
    /// Time spent tracing, optimising and compiling.
    pub warmup_time: std::time::Duration,
}

/// The runtime's addresses, for compiled code.
pub fn env(prog: &Program) -> JitEnv {
    use rpyrt::gc;
    let addr = |a: &AtomicI64| a as *const AtomicI64 as usize;
    JitEnv {
        exc_type: addr(&rpyrt::exc::rpy_exc_type),
        exc_value: &rpyrt::exc::rpy_exc_value as *const _ as usize,
        shadowstack_top: &gc::rpy_shadowstack_top as *const _ as usize,
        nursery_free: &gc::rpy_gc_nursery_free as *const _ as usize,
        nursery_top: &gc::rpy_gc_nursery_top as *const _ as usize,
        malloc: rpyrt::alloc::rpy_malloc as *const () as usize,
        remember: gc::rpy_gc_remember as *const () as usize,
        remember_item: gc::rpy_gc_remember_item as *const () as usize,
        gc: gc::kind(),
        prebuilt: prog.prebuilt.iter().map(|&p| (p, p + 8)).collect(),
    }
}

impl Loops {
    pub fn new(prog: &Program) -> Result<Loops, String> {
        let backend = Backend::new(env(prog)).map_err(|e| format!("JIT backend: {e:?}"))?;
        Ok(Loops {
            backend,
            by_cell: HashMap::default(),
            loops: Vec::new(),
            by_trace: HashMap::default(),
            next_token: 0,
            frame: Vec::new(),
            failures: HashMap::default(),
            traced: 0,
            aborted: 0,
            guard_failures: 0,
            bridges: 0,
            warmup_time: std::time::Duration::ZERO,
        })
    }

    pub fn token(&mut self) -> TargetToken {
        self.next_token += 1;
        TargetToken(self.next_token)
    }

    /// Optimise and compile a traced loop for `cell`.
    pub fn install(
        &mut self,
        prog: &Program,
        cell: usize,
        (trace, resume, closes): (rpy_jittrace::model::Trace, Vec<ResumeData>, bool),
        log: &mut crate::log::Log,
    ) -> Result<(), String> {
        let descrs = &prog.jp.descrs;
        log.trace("jit-log-noopt", &trace, descrs);
        let new_token = self.token();
        let token = trace.ops[0]
            .target()
            .expect("a trace starts with its label");
        // Peeling needs a loop to itself; a trace that jumps into another
        // loop is optimised straight.
        let passes = if closes {
            rpy_jitopt::Passes::ALL
        } else {
            rpy_jitopt::Passes::ALL.without(rpy_jitopt::Passes::UNROLL)
        };
        let t_opt = std::time::Instant::now();
        let opt = rpy_jitopt::optimize(&trace, descrs, passes, new_token)
            .map_err(|e| format!("invalid loop: {e:?}"))?;
        log.line(
            "jit-backend",
            &format!(
                "loop {}: {} ops optimised to {} in {:.3} ms",
                self.loops.len(),
                trace.ops.len(),
                opt.ops.len(),
                t_opt.elapsed().as_secs_f64() * 1e3
            ),
        );
        log.trace("jit-log-opt", &opt, descrs);
        let t0 = std::time::Instant::now();
        let id = self
            .backend
            .compile_loop(&opt, descrs)
            .map_err(|e| format!("backend: {e:?}"))?;
        let c = self.backend.trace(id);
        let name = format!("loop {} ({})", self.loops.len(), first_location(&opt));
        log.code(&name, c.code_address(), c.code_size(), t0.elapsed());
        self.by_trace.insert(id, self.loops.len());
        self.by_cell.insert(cell, self.loops.len());
        self.loops.push(Loop {
            trace: id,
            token,
            resume,
        });
        self.traced += 1;
        Ok(())
    }

    /// Run the loop of `cell` from the reds; the frames of the failed
    /// guard's resume point, whether an exception is pending, and, when
    /// the guard has failed `bridge_threshold` times, what a bridge from it
    /// starts from.
    pub fn run(
        &mut self,
        prog: &Program,
        l: usize,
        reds: &[Const],
        bridge_threshold: i64,
    ) -> (Vec<Frame>, bool, Option<HotGuard>) {
        let n = self.backend.frame_slots().max(reds.len());
        self.frame.clear();
        self.frame.resize(n, 0);
        for (i, r) in reds.iter().enumerate() {
            self.frame[i] = rpy_jitbackend::const_to_word(*r);
        }
        let id = self.loops[l].trace;
        // SAFETY: the reds are the values the loop's trace was recorded for.
        let exit = unsafe { self.backend.execute(id, &mut self.frame) };
        let values = self.backend.exit_values(exit, &self.frame);
        match &self.backend.exit(exit).kind {
            ExitKind::Guard { guard, resume } => {
                self.guard_failures += 1;
                let owner = self.by_trace[&guard.trace];
                let rd = &self.loops[owner].resume[resume.0 as usize];
                let frames = rd.rebuild(prog, &values);
                let mut hot = None;
                if let Some(n) = self.failures.entry(*guard).or_insert(Some(0)) {
                    *n += 1;
                    if *n >= bridge_threshold && !rd.exception_pending {
                        hot = Some(HotGuard {
                            guard: *guard,
                            resume: rd.clone(),
                            kinds: self.backend.exit(exit).kinds.clone(),
                        });
                        self.failures.insert(*guard, None);
                    }
                }
                (frames, rd.exception_pending, hot)
            }
            ExitKind::Finish { .. } => unreachable!("loops end in jumps"),
        }
    }

    /// Optimise and compile a bridge from `guard` and attach it.
    pub fn install_bridge(
        &mut self,
        prog: &Program,
        guard: GuardRef,
        (trace, resume): (rpy_jittrace::model::Trace, Vec<ResumeData>),
        log: &mut crate::log::Log,
    ) -> Result<(), String> {
        let descrs = &prog.jp.descrs;
        log.trace("jit-log-noopt", &trace, descrs);
        let passes = rpy_jitopt::Passes::ALL.without(rpy_jitopt::Passes::UNROLL);
        let new_token = self.token();
        let t_opt = std::time::Instant::now();
        let opt = rpy_jitopt::optimize(&trace, descrs, passes, new_token)
            .map_err(|e| format!("invalid bridge: {e:?}"))?;
        log.line(
            "jit-backend",
            &format!(
                "bridge {}: {} ops optimised to {} in {:.3} ms",
                self.bridges,
                trace.ops.len(),
                opt.ops.len(),
                t_opt.elapsed().as_secs_f64() * 1e3
            ),
        );
        log.trace("jit-log-opt", &opt, descrs);
        let t0 = std::time::Instant::now();
        let id = self
            .backend
            .compile_bridge(guard, &opt, descrs)
            .map_err(|e| format!("backend: {e:?}"))?;
        let c = self.backend.trace(id);
        let name = format!(
            "bridge {} from {guard:?} ({})",
            self.bridges,
            first_location(&opt)
        );
        log.code(&name, c.code_address(), c.code_size(), t0.elapsed());
        self.by_trace.insert(id, self.loops.len());
        self.loops.push(Loop {
            trace: id,
            token: TargetToken(u32::MAX),
            resume,
        });
        self.bridges += 1;
        Ok(())
    }

    /// The ref constants of resume data are roots (compiled code's own
    /// constant pools too).
    pub fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        for l in &mut self.loops {
            for r in &mut l.resume {
                r.for_each_root(f);
            }
            let (p, n) = self.backend.const_pool(l.trace);
            for i in 0..n {
                // SAFETY: the pool has `n` words for the life of the backend.
                let slot = unsafe { p.add(i) };
                if unsafe { *slot } != 0 {
                    f(slot as *mut *mut u8);
                }
            }
        }
    }
}

/// The text of a trace's first merge point, to name its code.
fn first_location(t: &rpy_jittrace::model::Trace) -> String {
    t.ops
        .iter()
        .find_map(|op| match &op.descr {
            rpy_jittrace::model::OpDescr::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

/// A guard that failed often: where a bridge would start.
pub struct HotGuard {
    pub guard: GuardRef,
    pub resume: ResumeData,
    pub kinds: Vec<rpy_jitformat::Kind>,
}

/// What tracing left for the interpreter.
pub enum AfterTrace {
    /// The blackhole must finish from these frames (the tracer gave up).
    Continue(Vec<Frame>, bool),
    Stopped(Stop),
    /// A loop was compiled: continue at the merge point with the frame's values.
    Compiled(Vec<Frame>),
}

/// Turn a finished tracer into the interpreter state to go on from.
pub fn after_trace(
    t: Traced,
    frames: Vec<Frame>,
) -> (
    AfterTrace,
    Option<(rpy_jittrace::model::Trace, Vec<ResumeData>, bool)>,
) {
    match t {
        Traced::Loop {
            trace,
            resume,
            closes,
        } => (AfterTrace::Compiled(frames), Some((trace, resume, closes))),
        Traced::Aborted(Abort::Left(stop)) => (AfterTrace::Stopped(stop), None),
        Traced::Aborted(_) => {
            let pending = rpyrt::exc::pending().is_some();
            (AfterTrace::Continue(frames, pending), None)
        }
    }
}
