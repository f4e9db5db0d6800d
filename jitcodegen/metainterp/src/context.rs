//! The JIT context: the one object holding the JIT runtime's state
//! (parameters, warm-up counters, the decoded program, the frames of
//! running blackholes), and the C ABI entry points that translated code
//! calls (`rpyjit_can_enter_jit`, `rpyjit_set_param`), which find it
//! through one pointer (JIT.md, "State, threads, controls, logs").
//!
//! The portal protocol, run time side: at `can_enter_jit` of driver `jd`
//! the greens and reds are in the driver's exchange object. The answer
//! is `JIT_NOTHING` (go on), `JIT_CONTINUE` (the exchange object holds the
//! greens and reds to continue with at the merge point), `JIT_RETURN`
//! (it holds the portal's result) or `JIT_RAISE` (an exception is
//! pending and leaves the portal).

use crate::blackhole::{Blackhole, Frame, Host, Stop};
use crate::log::Log;
use crate::loops::{after_trace, AfterTrace, Loops};
use crate::mem;
use crate::program::Program;
use crate::tracer::{Traced, Tracer};
use crate::warmup::{Params, WarmState};
use rpy_jitformat::jitcode::{DriverDescr, Insn};
use rpy_jitformat::Kind;
use rpy_jittrace::model::Const;
use std::sync::atomic::{AtomicPtr, Ordering};

/// What the JIT does at a hot `can_enter_jit`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `RPY_JIT=off`: nothing; the interpreter runs as if translated -O2.
    Off,
    /// The default: warm-up counters per green key.
    Normal,
    /// `RPY_JIT=blackhole`: a test mode; every `can_enter_jit` runs the
    /// portal in the blackhole interpreter up to the next merge point.
    Blackhole,
}

pub struct JitContext {
    pub prog: Program,
    pub mode: Mode,
    pub params: Params,
    pub warm: WarmState,
    /// Frame stacks of the blackholes running now (innermost last), for
    /// the GC root hook.
    pub active: Vec<*mut Vec<Frame>>,
    /// The tracer running now, if any (its constants are roots).
    pub tracing: Option<*mut Tracer<'static>>,
    /// Compiled loops (made on the first hot key).
    pub loops: Option<Loops>,
    pub log: Log,
    /// `can_enter_jit`'s buffer for the exchange object's values (not a
    /// root: it is read before anything can collect).
    scratch: Vec<Const>,
    /// Statistics for `jit-summary`: `can_enter_jit` calls, and how many
    /// of them ran a compiled loop.
    pub interpreted: u64,
    pub entered: u64,
}

static CONTEXT: AtomicPtr<JitContext> = AtomicPtr::new(std::ptr::null_mut());

impl Host for Params {
    fn set_param(&mut self, _driver: u32, param: u32, value: i64) {
        self.set(param as usize, value);
    }
}

impl JitContext {
    pub fn new(prog: Program, env: Option<&str>) -> Result<JitContext, String> {
        let (mode, params) = Params::from_env(env)?;
        Ok(JitContext {
            prog,
            mode,
            params,
            warm: WarmState::default(),
            active: Vec::new(),
            tracing: None,
            loops: None,
            log: Log::from_env(std::env::var("RPYLOG").ok().as_deref()),
            scratch: Vec::new(),
            interpreted: 0,
            entered: 0,
        })
    }

    fn exchange(&self, d: &DriverDescr) -> usize {
        self.prog.prebuilt[d.exchange as usize]
    }

    /// The greens and reds in the exchange object.
    fn read_exchange(&self, d: &DriverDescr) -> Vec<Const> {
        let mut out = Vec::new();
        self.read_exchange_into(d, &mut out);
        out
    }

    fn read_exchange_into(&self, d: &DriverDescr, out: &mut Vec<Const>) {
        let x = self.exchange(d);
        out.clear();
        out.extend(d.exchange_fields.iter().map(|&f| {
            let fd = &self.prog.jp.descrs.fields[f as usize];
            // SAFETY: the exchange object is a prebuilt object of this layout.
            unsafe { mem::load(mem::field_addr(x, fd), fd.width, fd.kind) }
        }));
    }

    /// Store values into the driver's exchange object (with barriers).
    fn store_exchange(&self, d: &DriverDescr, fields: &[u32], values: &[Const]) {
        let x = self.exchange(d);
        for (&f, v) in fields.iter().zip(values) {
            let fd = &self.prog.jp.descrs.fields[f as usize];
            if fd.kind == Kind::Void {
                continue;
            }
            if fd.kind == Kind::Ref {
                mem::barrier(x);
            }
            // SAFETY: as in `read_exchange`.
            unsafe { mem::store(mem::field_addr(x, fd), fd.width, *v) };
        }
    }

    /// Run the portal of driver `jd` in the blackhole from its merge point
    /// with the given greens and reds, up to the next merge point.
    fn blackhole_iteration(&mut self, jd: u32, values: &[Const]) -> i64 {
        let d = self.prog.jp.drivers[jd as usize].clone();
        let mut frame = Frame::new(&self.prog, d.portal);
        let Insn::JitMergePoint { greens, reds, .. } =
            &self.prog.jitcode(d.portal).code[d.merge_point as usize]
        else {
            unreachable!("the driver's merge point")
        };
        for (k, v) in greens.iter().chain(reds.iter()).zip(values) {
            frame.set(*k, *v);
        }
        frame.pc = d.merge_point as usize + 1;
        let stop = self.run_blackhole(vec![frame], true, false);
        self.finish(&d, stop)
    }

    /// Run a blackhole over `frames`, its registers visible to the GC.
    /// `pending`: an exception is pending at the innermost frame's
    /// position (a guard on a call's exception failed).
    pub fn run_blackhole(
        &mut self,
        frames: Vec<Frame>,
        stop_at_merge_point: bool,
        pending: bool,
    ) -> (Stop, Vec<Frame>) {
        // SAFETY: `prog` lives as long as the context, which is never
        // freed; the blackhole's frames are registered as roots while it
        // runs and unregistered before they are dropped.
        let prog: &'static Program = unsafe { &*(&self.prog as *const Program) };
        let mut bh = Blackhole::new(prog, frames, stop_at_merge_point);
        self.active.push(&mut *bh.frames as *mut Vec<Frame>);
        let early = if pending { bh.raised() } else { None };
        let stop = match early {
            Some(s) => s,
            None => bh.run(&mut self.params),
        };
        self.active.pop();
        (stop, *bh.frames)
    }

    /// Hand the outcome of a blackhole run back to the translated portal.
    fn finish(&mut self, d: &DriverDescr, (stop, frames): (Stop, Vec<Frame>)) -> i64 {
        match stop {
            Stop::MergePoint => {
                let f = &frames[0];
                let Insn::JitMergePoint { greens, reds, .. } =
                    &self.prog.jitcode(f.jitcode).code[f.pc]
                else {
                    unreachable!("stopped at a merge point")
                };
                let values: Vec<Const> = greens
                    .iter()
                    .chain(reds.iter())
                    .map(|k| {
                        if k.kind == Kind::Void {
                            Const::Int(0)
                        } else {
                            f.get(*k)
                        }
                    })
                    .collect();
                self.store_exchange(d, &d.exchange_fields, &values);
                rpy_abi::JIT_CONTINUE
            }
            Stop::Return(v) => {
                if let (Some(f), Some(v)) = (d.result_field, v) {
                    self.store_exchange(d, &[f], &[v]);
                }
                rpy_abi::JIT_RETURN
            }
            Stop::Raise => rpy_abi::JIT_RAISE,
        }
    }

    fn can_enter_jit(&mut self, jd: u32) -> i64 {
        match self.mode {
            Mode::Off => rpy_abi::JIT_NOTHING,
            Mode::Blackhole => {
                let d = self.prog.jp.drivers[jd as usize].clone();
                let values = self.read_exchange(&d);
                self.blackhole_iteration(jd, &values)
            }
            Mode::Normal => self.warm_can_enter_jit(jd),
        }
    }

    /// The default mode: run the compiled loop of the green key, or count
    /// and trace it when it gets hot.
    fn warm_can_enter_jit(&mut self, jd: u32) -> i64 {
        // SAFETY: see `run_blackhole`.
        let prog: &'static Program = unsafe { &*(&self.prog as *const Program) };
        let d = &prog.jp.drivers[jd as usize];
        // The common case (a cold key) allocates nothing: the values go
        // into a buffer kept in the context.
        let mut values = std::mem::take(&mut self.scratch);
        self.read_exchange_into(d, &mut values);
        let ngreens = d.greens.len();
        let cell = self.warm.cell(jd, &values[..ngreens]);
        let looped = self
            .loops
            .as_ref()
            .and_then(|ls| ls.by_cell.get(&cell).copied());
        self.interpreted += 1;
        let answer = if let Some(l) = looped {
            self.entered += 1;
            let reds: Vec<Const> = values[ngreens..]
                .iter()
                .zip(&d.reds)
                .filter(|(_, (_, k))| *k != Kind::Void)
                .map(|(v, _)| *v)
                .collect();
            let bt = self.params.get("bridge_threshold");
            let (frames, pending, hot) =
                self.loops.as_mut().expect("loops").run(prog, l, &reds, bt);
            if let Some(hot) = hot {
                self.trace_bridge(jd, hot, frames)
            } else {
                let r = self.run_blackhole(frames, true, pending);
                self.finish(d, r)
            }
        } else if !self.warm.tick(cell, &self.params) {
            rpy_abi::JIT_NOTHING
        } else {
            let greens = values[..ngreens].to_vec();
            self.trace(jd, cell, &greens, &values[ngreens..])
        };
        self.scratch = values;
        answer
    }

    /// Trace a bridge from a guard that failed often, starting from the
    /// frames it rebuilt; it ends by jumping into a compiled loop.
    fn trace_bridge(&mut self, jd: u32, hot: crate::loops::HotGuard, frames: Vec<Frame>) -> i64 {
        let d = self.prog.jp.drivers[jd as usize].clone();
        let limit = self.params.get("trace_limit").max(1) as usize;
        // SAFETY: see `run_blackhole`.
        let prog: &'static Program = unsafe { &*(&self.prog as *const Program) };
        let tracer = Box::new(Tracer::for_bridge(
            prog,
            jd,
            &hot.resume,
            frames,
            &hot.kinds,
            limit,
        ));
        let t0 = std::time::Instant::now();
        let (traced, frames) = self.run_tracer(jd, tracer);
        if let Traced::Aborted(a) = &traced {
            self.log
                .line("jit-abort", &format!("bridge from {:?}: {a:?}", hot.guard));
        }
        let (after, looped) = after_trace(traced, frames);
        if let Some((trace, resume, _)) = looped {
            let loops = self.loops.as_mut().expect("loops");
            match loops.install_bridge(prog, hot.guard, (trace, resume), &mut self.log) {
                Ok(()) => self.log.line(
                    "jit-summary",
                    &format!("bridge from {:?} compiled", hot.guard),
                ),
                Err(e) => self.log.line("jit-abort", &e),
            }
        }
        self.loops.as_mut().expect("loops").warmup_time += t0.elapsed();
        self.resume_after(&d, after)
    }

    /// Run a tracer to its end, its frames and constants GC roots while it
    /// runs; it may close into any compiled loop of the driver.
    fn run_tracer(&mut self, jd: u32, mut tracer: Box<Tracer<'static>>) -> (Traced, Vec<Frame>) {
        let loops = self.loops.as_ref().expect("loops");
        tracer.known = self
            .warm
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.driver == jd)
            .filter_map(|(i, c)| {
                loops
                    .by_cell
                    .get(&i)
                    .map(|&l| (c.key.clone(), loops.loops[l].token))
            })
            .collect();
        tracer.describe_greens = ["jit-log-noopt", "jit-log-opt", "jit-tracing"]
            .iter()
            .any(|c| self.log.on(c));
        self.active.push(&mut *tracer.bh.frames as *mut Vec<Frame>);
        self.tracing = Some(&mut *tracer as *mut Tracer<'static>);
        let traced = tracer.run(&mut self.params);
        self.tracing = None;
        self.active.pop();
        let frames = std::mem::take(&mut *tracer.bh.frames);
        (traced, frames)
    }

    fn resume_after(&mut self, d: &DriverDescr, after: AfterTrace) -> i64 {
        match after {
            AfterTrace::Compiled(frames) => self.finish(d, (Stop::MergePoint, frames)),
            AfterTrace::Stopped(stop) => self.finish(d, (stop, Vec::new())),
            AfterTrace::Continue(frames, pending) => {
                let r = self.run_blackhole(frames, true, pending);
                self.finish(d, r)
            }
        }
    }

    /// Trace from the merge point with these greens and reds; compile the
    /// loop if one closes; finish the iteration either way.
    fn trace(&mut self, jd: u32, cell: usize, greens: &[Const], reds: &[Const]) -> i64 {
        let d = self.prog.jp.drivers[jd as usize].clone();
        if self.loops.is_none() {
            match Loops::new(&self.prog) {
                Ok(l) => self.loops = Some(l),
                Err(e) => {
                    self.log.line("jit-abort", &e);
                    self.mode = Mode::Off;
                    return rpy_abi::JIT_NOTHING;
                }
            }
        }
        let token = self.loops.as_mut().expect("loops").token();
        let limit = self.params.get("trace_limit").max(1) as usize;
        // SAFETY: see `run_blackhole`.
        let prog: &'static Program = unsafe { &*(&self.prog as *const Program) };
        let tracer = Box::new(Tracer::new(prog, jd, greens, reds, token, limit));
        let t0 = std::time::Instant::now();
        let (traced, frames) = self.run_tracer(jd, tracer);
        if let Traced::Aborted(a) = &traced {
            self.log
                .line("jit-abort", &format!("{} at {:?}: {a:?}", d.name, greens));
            self.loops.as_mut().expect("loops").aborted += 1;
            // Do not trace this key again soon.
            self.warm.cells[cell].counter = -(self.params.get("threshold") * 4);
        }
        let (after, looped) = after_trace(traced, frames);
        if let Some(looped) = looped {
            let loops = self.loops.as_mut().expect("loops");
            match loops.install(prog, cell, looped, &mut self.log) {
                Ok(()) => self.log.line(
                    "jit-summary",
                    &format!(
                        "loop at {:?} compiled in {:.3} ms",
                        greens,
                        t0.elapsed().as_secs_f64() * 1e3
                    ),
                ),
                Err(e) => {
                    self.log.line("jit-abort", &e);
                    self.warm.cells[cell].counter = i64::MIN / 2;
                }
            }
        }
        self.loops.as_mut().expect("loops").warmup_time += t0.elapsed();
        self.resume_after(&d, after)
    }

    /// Every GC pointer slot the JIT holds.
    fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        for &frames in &self.active {
            // SAFETY: registered frame stacks are alive while registered.
            for fr in unsafe { &mut *frames }.iter_mut() {
                for r in fr.refs.iter_mut() {
                    if *r != 0 {
                        f(r as *mut usize as *mut *mut u8);
                    }
                }
                if fr.exc.1 != 0 {
                    f(&mut fr.exc.1 as *mut usize as *mut *mut u8);
                }
            }
        }
        self.warm.for_each_root(f);
        if let Some(t) = self.tracing {
            // SAFETY: registered only while the tracer is alive.
            unsafe { (*t).for_each_root(f) };
        }
        if let Some(l) = &mut self.loops {
            l.for_each_root(f);
        }
    }
}

fn roots(f: &mut dyn FnMut(*mut *mut u8)) {
    let p = CONTEXT.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: the context is never freed; collections happen only
        // inside calls out of the JIT, when it does not touch its state.
        unsafe { (*p).for_each_root(f) };
    }
}

/// The context, made on first use from the executable's own tables and
/// `RPY_JIT`.
#[cfg(not(test))]
fn context() -> &'static mut JitContext {
    let p = CONTEXT.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: see `roots`; the JIT runs on the interpreter's thread.
        return unsafe { &mut *p };
    }
    let prog = crate::program::load().unwrap_or_else(|e| fatal(&e));
    let env = std::env::var("RPY_JIT").ok();
    let cx = JitContext::new(prog, env.as_deref()).unwrap_or_else(|e| fatal(&e));
    let summary = cx.log.on("jit-summary");
    let p = Box::into_raw(Box::new(cx));
    CONTEXT.store(p, Ordering::Release);
    rpyrt::gc::set_extra_roots(roots);
    if summary {
        extern "C" {
            fn atexit(f: extern "C" fn()) -> i32;
        }
        // SAFETY: registering a plain function.
        unsafe { atexit(print_summary) };
    }
    // SAFETY: just made.
    unsafe { &mut *p }
}

/// `jit-summary` at exit: loops, bridges, aborts, guard failures, the
/// time spent tracing and compiling, and the interpreter's visits of
/// `can_enter_jit`.
extern "C" fn print_summary() {
    let p = CONTEXT.load(Ordering::Acquire);
    if p.is_null() {
        return;
    }
    // SAFETY: the context is never freed; the program is exiting.
    let cx = unsafe { &mut *p };
    let text = match &cx.loops {
        Some(l) => format!(
            "loops {} bridges {} aborted {} guard failures {} tracing+compiling {:.1} ms; can_enter_jit {} (entering a loop {})",
            l.traced,
            l.bridges,
            l.aborted,
            l.guard_failures,
            l.warmup_time.as_secs_f64() * 1e3,
            cx.interpreted,
            cx.entered,
        ),
        None => "nothing traced".into(),
    };
    cx.log.line("jit-summary", &text);
}

fn fatal(msg: &str) -> ! {
    rpyrt::io::flush_stdout();
    eprintln!("rpython JIT: {msg}");
    std::process::exit(2)
}

#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rpyjit_can_enter_jit(jd: i64) -> i64 {
    context().can_enter_jit(jd as u32)
}

#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rpyjit_set_param(_jd: i64, param: i64, value: i64) {
    context().params.set(param as usize, value);
}
