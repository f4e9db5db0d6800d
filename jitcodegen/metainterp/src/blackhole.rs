//! The blackhole interpreter: runs jitcodes on concrete values, without
//! recording (RPython's blackhole.py). It runs a portal iteration in the
//! test mode `RPY_JIT=blackhole`, and it finishes the interpreter's work
//! from a failed guard up to the next merge point.
//!
//! Frames hold the registers of one jitcode each; the innermost frame is
//! last. Ref registers are GC roots (`roots.rs`): nothing here keeps a
//! GC pointer in a Rust local across a call out, everything is re-read
//! from the frame after it.

use crate::mem;
use crate::program::Program;
use crate::pure;
use rpy_jitformat::jitcode::{Callee, Insn, JitCode, KReg};
use rpy_jitformat::Kind;
use rpy_jittrace::model::Const;

pub struct Frame {
    pub jitcode: u32,
    /// The next instruction.
    pub pc: usize,
    pub ints: Vec<i64>,
    pub refs: Vec<usize>,
    pub floats: Vec<f64>,
    /// The exception being handled: type id and instance.
    pub exc: (i64, usize),
    /// The caller's register that receives this frame's result.
    pub ret: Option<KReg>,
}

impl Frame {
    /// A frame of jitcode `j` with its constant registers filled in.
    pub fn new(prog: &Program, j: u32) -> Frame {
        let jc = prog.jitcode(j);
        let mut ints = vec![0; jc.num_regs[0] as usize];
        ints.extend(jc.consts_i.iter().map(|c| prog.const_int(c)));
        let mut refs = vec![0; jc.num_regs[1] as usize];
        refs.extend(jc.consts_r.iter().map(|c| prog.const_ref(c)));
        let mut floats = vec![0.0; jc.num_regs[2] as usize];
        floats.extend(jc.consts_f.iter().copied());
        Frame {
            jitcode: j,
            pc: 0,
            ints,
            refs,
            floats,
            exc: (0, 0),
            ret: None,
        }
    }

    pub fn get(&self, k: KReg) -> Const {
        match k.kind {
            Kind::Ref => Const::Ref(self.refs[k.reg as usize]),
            Kind::Float => Const::Float(self.floats[k.reg as usize]),
            _ => Const::Int(self.ints[k.reg as usize]),
        }
    }

    pub fn set(&mut self, k: KReg, v: Const) {
        match (k.kind, v) {
            (Kind::Void, _) => {}
            (Kind::Ref, Const::Ref(p)) => self.refs[k.reg as usize] = p,
            (Kind::Float, Const::Float(x)) => self.floats[k.reg as usize] = x,
            (Kind::Int, Const::Int(i)) => self.ints[k.reg as usize] = i,
            (k, v) => panic!("register of kind {k:?} given {v:?}"),
        }
    }

    fn i(&self, r: u16) -> i64 {
        self.ints[r as usize]
    }

    fn r(&self, r: u16) -> usize {
        self.refs[r as usize]
    }
}

/// How a run of the blackhole ended.
#[derive(Debug, PartialEq)]
pub enum Stop {
    /// The outermost frame returned (None: no value).
    Return(Option<Const>),
    /// An exception left the outermost frame (it is pending in the runtime).
    Raise,
    /// The outermost frame, a portal, reached its merge point: its greens
    /// and reds are in the frame's registers named by the merge point.
    MergePoint,
}

/// Something the blackhole asks of the JIT context.
pub trait Host {
    fn set_param(&mut self, driver: u32, param: u32, value: i64);
}

/// Narrow an int call result as its descriptor says.
pub fn narrow(v: i64, w: rpy_jitformat::Width) -> i64 {
    match (w.size, w.signed) {
        (1, false) => v & 0xff,
        (1, true) => v as i8 as i64,
        (4, false) => v & 0xffff_ffff,
        (4, true) => v as i32 as i64,
        _ => v,
    }
}

/// A word holding `c` as call stubs pass it.
pub fn word(c: Const) -> u64 {
    match c {
        Const::Int(i) => i as u64,
        Const::Ref(p) => p as u64,
        Const::Float(x) => x.to_bits(),
    }
}

pub fn from_word(kind: Kind, w: u64) -> Const {
    match kind {
        Kind::Ref => Const::Ref(w as usize),
        Kind::Float => Const::Float(f64::from_bits(w)),
        _ => Const::Int(w as i64),
    }
}

/// Call `target` through the stub of call descriptor `descr`.
pub fn call(prog: &Program, target: usize, descr: u32, args: &[Const]) -> Option<Const> {
    let buf: Vec<u64> = args.iter().map(|a| word(*a)).collect();
    let stub = prog.stubs[prog.jp.call_stubs[descr as usize] as usize];
    // SAFETY: the stub was generated for this descriptor's signature and
    // `target` has it.
    let w = unsafe { stub(target as u64, buf.as_ptr()) };
    let d = &prog.jp.descrs.calls[descr as usize];
    match d.result {
        Kind::Void => None,
        Kind::Int => Some(Const::Int(narrow(w as i64, d.result_width))),
        k => Some(from_word(k, w)),
    }
}

pub struct Blackhole<'p> {
    pub prog: &'p Program,
    /// Boxed so the GC root hook can hold its address while it runs.
    pub frames: Box<Vec<Frame>>,
    /// Stop when the outermost frame reaches a merge point.
    pub stop_at_merge_point: bool,
}

impl<'p> Blackhole<'p> {
    pub fn new(prog: &'p Program, frames: Vec<Frame>, stop_at_merge_point: bool) -> Self {
        Blackhole {
            prog,
            frames: Box::new(frames),
            stop_at_merge_point,
        }
    }

    /// Step past the innermost frame's current instruction (what `run`
    /// does before executing it).
    pub(crate) fn top_pc_advance(&mut self) {
        self.top().pc += 1;
    }

    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame")
    }

    fn jc(&self) -> &'p JitCode {
        let prog: &'p Program = self.prog;
        prog.jitcode(self.frames.last().expect("a frame").jitcode)
    }

    /// Run until the outermost frame returns, raises, or (if asked)
    /// reaches a merge point.
    pub fn run(&mut self, host: &mut dyn Host) -> Stop {
        loop {
            let jc = self.jc();
            let pc = self.top().pc;
            let insn = &jc.code[pc];
            self.top().pc = pc + 1;
            if let Some(stop) = self.step(insn, host) {
                return stop;
            }
        }
    }

    fn args(&self, ks: &[KReg]) -> Vec<Const> {
        let f = self.frames.last().expect("a frame");
        ks.iter()
            .filter(|k| k.kind != Kind::Void)
            .map(|k| f.get(*k))
            .collect()
    }

    /// The exception pending in the runtime goes to the handler after the
    /// raising instruction, or leaves the frame.
    pub(crate) fn raised(&mut self) -> Option<Stop> {
        loop {
            let jc = self.jc();
            let pc = self.top().pc;
            if let Some(Insn::Catch { handler }) = jc.code.get(pc) {
                let (t, v) = rpyrt::exc::pending().expect("an exception is pending");
                rpyrt::exc::clear();
                let f = self.top();
                f.exc = (t, v as usize);
                f.pc = *handler as usize;
                return None;
            }
            self.frames.pop();
            if self.frames.is_empty() {
                return Some(Stop::Raise);
            }
        }
    }

    pub(crate) fn step(&mut self, insn: &Insn, host: &mut dyn Host) -> Option<Stop> {
        let prog = self.prog;
        let d = &prog.jp.descrs;
        match insn {
            Insn::Copy { kind, src, dst } => {
                let f = self.top();
                match kind {
                    Kind::Ref => f.refs[*dst as usize] = f.refs[*src as usize],
                    Kind::Float => f.floats[*dst as usize] = f.floats[*src as usize],
                    _ => f.ints[*dst as usize] = f.ints[*src as usize],
                }
            }
            Insn::Pure { op, args, dst, .. } => {
                let a = self.args(args);
                match pure::eval(*op, &a) {
                    Ok(v) => self.top().set(*dst, v),
                    Err(pure::Raised) => return self.raised(),
                }
            }
            Insn::GetField { obj, field, dst } => {
                let fd = &d.fields[*field as usize];
                let o = self.top().r(*obj);
                // SAFETY: the jitcode reads a field of a live object.
                let v = unsafe { mem::load(mem::field_addr(o, fd), fd.width, fd.kind) };
                self.top().set(*dst, v);
            }
            Insn::SetField { obj, field, value } => {
                let fd = &d.fields[*field as usize];
                let o = self.top().r(*obj);
                let v = self.top().get(*value);
                if fd.kind == Kind::Ref {
                    mem::barrier(o);
                }
                // SAFETY: as above.
                unsafe { mem::store(mem::field_addr(o, fd), fd.width, v) };
            }
            Insn::GetArrayItem {
                array,
                index,
                descr,
                dst,
            } => {
                let ad = &d.arrays[*descr as usize];
                let (a, i) = (self.top().r(*array), self.top().i(*index));
                // SAFETY: the index was checked by the graph.
                let v = unsafe { mem::load(mem::item_addr(a, ad, i), ad.item, ad.item_kind) };
                self.top().set(*dst, v);
            }
            Insn::SetArrayItem {
                array,
                index,
                descr,
                value,
            } => {
                let ad = &d.arrays[*descr as usize];
                let (a, i) = (self.top().r(*array), self.top().i(*index));
                let v = self.top().get(*value);
                if ad.item_kind == Kind::Ref {
                    mem::barrier_item(a, i);
                }
                // SAFETY: as above.
                unsafe { mem::store(mem::item_addr(a, ad, i), ad.item, v) };
            }
            Insn::ArrayLen { array, descr, dst } => {
                let ad = &d.arrays[*descr as usize];
                let a = self.top().r(*array);
                // SAFETY: a live array.
                let n = unsafe { mem::array_len(a, ad) };
                self.top().ints[*dst as usize] = n;
            }
            Insn::ArrayCopy {
                src,
                dst,
                src_start,
                dst_start,
                length,
                descr,
            } => {
                let ad = &d.arrays[*descr as usize];
                let f = self.top();
                let (s, t) = (f.r(*src), f.r(*dst));
                let (s0, d0, n) = (f.i(*src_start), f.i(*dst_start), f.i(*length));
                if ad.item_kind == Kind::Ref {
                    mem::barrier(t);
                }
                let size = ad.item.size as usize;
                // SAFETY: the graph checked the ranges (memmove semantics).
                unsafe {
                    std::ptr::copy(
                        mem::item_addr(s, ad, s0) as *const u8,
                        mem::item_addr(t, ad, d0) as *mut u8,
                        n.max(0) as usize * size,
                    )
                };
            }
            Insn::GetTypeId { obj, dst } => {
                let o = self.top().r(*obj);
                // SAFETY: a live object.
                self.top().ints[*dst as usize] = unsafe { mem::typeid(o) };
            }
            Insn::New { size, dst } => {
                let sd = &d.sizes[*size as usize];
                let p = rpyrt::alloc::rpy_malloc(sd.type_id as i64, sd.size as i64);
                if p.is_null() {
                    return self.raised();
                }
                self.top().refs[*dst as usize] = p as usize;
            }
            Insn::NewArray { descr, length, dst } => {
                let ad = &d.arrays[*descr as usize];
                let n = self.top().i(*length);
                let bytes = n.max(0) * ad.item.size as i64 + ad.items_offset as i64 + 7;
                let p = rpyrt::alloc::rpy_malloc(ad.type_id as i64, bytes & !7);
                if p.is_null() {
                    return self.raised();
                }
                // SAFETY: a fresh array of this descriptor.
                unsafe { *((p as usize + ad.length_offset as usize) as *mut i64) = n };
                self.top().refs[*dst as usize] = p as usize;
            }
            Insn::Call {
                callee,
                descr,
                args,
                dst,
            } => {
                let target = match callee {
                    Callee::Func(f) => prog.funcs[*f as usize],
                    Callee::Extern(e) => prog.externs[*e as usize],
                    Callee::Indirect(r) => self.top().i(*r) as usize,
                };
                let a = self.args(args);
                let r = call(prog, target, *descr, &a);
                if rpyrt::exc::pending().is_some() {
                    return self.raised();
                }
                if let (Some(dst), Some(v)) = (dst, r) {
                    self.top().set(*dst, v);
                }
            }
            Insn::InlineCall { jitcode, args, dst } => {
                let a = self.args(args);
                let mut f = Frame::new(prog, *jitcode);
                let params = &prog.jitcode(*jitcode).params;
                for (p, v) in params.iter().zip(a) {
                    f.set(*p, v);
                }
                f.ret = *dst;
                self.frames.push(f);
            }
            Insn::Raise { value } => {
                let v = self.top().r(*value);
                // SAFETY: a live exception instance.
                rpyrt::exc::rpy_raise(unsafe { mem::typeid(v) }, v as *mut u8);
                return self.raised();
            }
            Insn::RaiseNew { typeid, message } => {
                let (t, m) = (self.top().i(*typeid), self.top().r(*message));
                rpyrt::exc::rpy_raise_new(t, m as *mut u8);
                return self.raised();
            }
            Insn::Reraise => {
                let (t, v) = self.top().exc;
                rpyrt::exc::rpy_raise(t, v as *mut u8);
                return self.raised();
            }
            Insn::Catch { .. } => {}
            Insn::GotoIfExcMismatch { min, max, target } => {
                let t = self.top().exc.0;
                if !(*min as i64 <= t && t <= *max as i64) {
                    self.top().pc = *target as usize;
                }
            }
            Insn::LastExcType { dst } => {
                let t = self.top().exc.0;
                self.top().ints[*dst as usize] = t;
            }
            Insn::LastExcValue { dst } => {
                let v = self.top().exc.1;
                self.top().refs[*dst as usize] = v;
            }
            Insn::Goto { target } => self.top().pc = *target as usize,
            Insn::GotoIfNot { cond, target } => {
                if self.top().i(*cond) == 0 {
                    self.top().pc = *target as usize;
                }
            }
            Insn::Switch {
                value,
                cases,
                default,
            } => {
                let v = self.top().i(*value);
                let t = cases
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|c| c.1)
                    .unwrap_or(*default);
                self.top().pc = t as usize;
            }
            Insn::Return { value } => {
                let v = value
                    .filter(|k| k.kind != Kind::Void)
                    .map(|k| self.top().get(k));
                let done = self.frames.pop().expect("a frame");
                match self.frames.last_mut() {
                    None => return Some(Stop::Return(v)),
                    Some(caller) => {
                        if let (Some(r), Some(v)) = (done.ret, v) {
                            caller.set(r, v);
                        }
                    }
                }
            }
            Insn::JitMergePoint { .. } => {
                if self.stop_at_merge_point && self.frames.len() == 1 {
                    self.top().pc -= 1;
                    return Some(Stop::MergePoint);
                }
            }
            Insn::LoopHeader { .. } => {}
            Insn::Promote { src, dst } => {
                let v = self.top().get(*src);
                self.top().set(*dst, v);
            }
            Insn::SetParam {
                driver,
                param,
                value,
            } => {
                let v = self.top().i(*value);
                host.set_param(*driver, *param, v);
            }
        }
        None
    }
}
