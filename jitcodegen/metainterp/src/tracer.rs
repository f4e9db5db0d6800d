//! The tracer (RPython's pyjitpl): runs the portal's jitcode with real
//! values, exactly as the blackhole does, and records every operation on
//! values that are not constants into a trace. Greens are constants,
//! branches become guards, `promote` a guard plus a constant, `elidable`
//! calls with constant arguments are done now and give constants, reads of
//! immutable fields and of array lengths of constants fold, residual calls
//! stay calls (with a guard on exceptions when they can raise). The loop
//! closes when the outermost portal frame reaches its merge point with
//! the green key it started from.
//!
//! What the tracer does not follow yet aborts the trace (the interpreter
//! then goes on normally, and the key is not traced again for a while):
//! exceptions raised while tracing, ops whose raising path would need a
//! runtime call, and the portal returning.

use crate::blackhole::{Blackhole, Frame, Host, Stop};
use crate::program::Program;
use crate::pure;
use crate::resume::{FrameSnapshot, ResumeData, Source};
use rpy_jitformat::jitcode::{Callee, Insn, JitCode, KReg, Live, PureOp};
use rpy_jitformat::{DescrRef, Kind};
use rpy_jittrace::builder::TraceBuilder;
use rpy_jittrace::model::{Const, FailArg, ResumeId, TargetToken, Trace, Value};
use rpy_jittrace::resop::OpCode;

/// The symbolic value of each register of one frame: `None` means the
/// register holds a constant (its concrete value).
#[derive(Clone, Default)]
pub struct Syms {
    pub ints: Vec<Option<Value>>,
    pub refs: Vec<Option<Value>>,
    pub floats: Vec<Option<Value>>,
}

impl Syms {
    fn for_frame(f: &Frame) -> Syms {
        Syms {
            ints: vec![None; f.ints.len()],
            refs: vec![None; f.refs.len()],
            floats: vec![None; f.floats.len()],
        }
    }

    fn slot(&mut self, k: KReg) -> Option<&mut Option<Value>> {
        match k.kind {
            Kind::Int => self.ints.get_mut(k.reg as usize),
            Kind::Ref => self.refs.get_mut(k.reg as usize),
            Kind::Float => self.floats.get_mut(k.reg as usize),
            Kind::Void => None,
        }
    }
}

/// Why tracing stopped without a loop.
#[derive(Debug)]
pub enum Abort {
    TooLong,
    Unsupported(String),
    /// The portal returned or raised: the blackhole's outcome.
    Left(Stop),
}

/// How tracing ended.
pub enum Traced {
    /// A loop: the trace (label first, then a jump to that label, or to
    /// the label of another compiled loop: `closes` is false) and the
    /// resume data of its guards, indexed by `ResumeId`.
    Loop {
        trace: Trace,
        resume: Vec<ResumeData>,
        closes: bool,
    },
    /// No loop; the interpreter state is in the blackhole's frames (the
    /// tracer ran them until it gave up) or the outcome is in `Abort::Left`.
    Aborted(Abort),
}

pub struct Tracer<'p> {
    pub bh: Blackhole<'p>,
    syms: Vec<Syms>,
    b: TraceBuilder,
    resume: Vec<ResumeData>,
    driver: u32,
    key: Vec<Const>,
    token: TargetToken,
    limit: usize,
    /// Green keys of this driver that have a compiled loop, and the token
    /// of its label: reaching one closes the trace with a jump there.
    pub known: Vec<(Vec<Const>, TargetToken)>,
    /// Label merge points with the driver's `get_printable_location`
    /// (set when a log shows traces).
    pub describe_greens: bool,
}

impl<'p> Tracer<'p> {
    /// Start tracing at the merge point of driver `jd`'s portal with the
    /// given greens (constants) and reds (the loop's input arguments).
    pub fn new(
        prog: &'p Program,
        jd: u32,
        greens: &[Const],
        reds: &[Const],
        token: TargetToken,
        limit: usize,
    ) -> Self {
        let d = &prog.jp.drivers[jd as usize];
        let mut frame = Frame::new(prog, d.portal);
        let Insn::JitMergePoint {
            greens: gk,
            reds: rk,
            ..
        } = &prog.jitcode(d.portal).code[d.merge_point as usize]
        else {
            unreachable!("the driver's merge point")
        };
        let mut syms = Syms::for_frame(&frame);
        for (k, v) in gk.iter().zip(greens) {
            frame.set(*k, *v);
        }
        let kinds: Vec<Kind> = rk
            .iter()
            .map(|k| k.kind)
            .filter(|k| *k != Kind::Void)
            .collect();
        let mut b = TraceBuilder::new(&kinds);
        let mut n = 0;
        for (k, v) in rk.iter().zip(reds) {
            if k.kind == Kind::Void {
                continue;
            }
            frame.set(*k, *v);
            *syms.slot(*k).expect("a red register") = Some(b.inputarg(n));
            n += 1;
        }
        let args = b.inputargs();
        b.label(&args, token);
        frame.pc = d.merge_point as usize + 1;
        Tracer {
            bh: Blackhole::new(prog, vec![frame], false),
            syms: vec![syms],
            b,
            resume: Vec::new(),
            driver: jd,
            key: greens.to_vec(),
            token,
            limit,
            known: Vec::new(),
            describe_greens: false,
        }
    }

    /// Start tracing a bridge from a failed guard: the frames its resume
    /// data rebuilt, the fail args of kinds `kinds` as input arguments.
    pub fn for_bridge(
        prog: &'p Program,
        jd: u32,
        rd: &ResumeData,
        frames: Vec<Frame>,
        kinds: &[Kind],
        limit: usize,
    ) -> Self {
        let b = TraceBuilder::new(kinds);
        let mut syms: Vec<Syms> = frames.iter().map(Syms::for_frame).collect();
        for (s, snap) in syms.iter_mut().zip(&rd.frames) {
            for (k, src) in &snap.regs {
                if let Source::FailArg(i) = src {
                    if let Some(slot) = s.slot(*k) {
                        *slot = Some(b.inputarg(*i as usize));
                    }
                }
            }
        }
        Tracer {
            bh: Blackhole::new(prog, frames, false),
            syms,
            b,
            resume: Vec::new(),
            driver: jd,
            key: Vec::new(),
            token: TargetToken(u32::MAX),
            limit,
            known: Vec::new(),
            describe_greens: false,
        }
    }

    fn prog(&self) -> &'p Program {
        self.bh.prog
    }

    fn top(&self) -> &Frame {
        self.bh.frames.last().expect("a frame")
    }

    /// The symbolic value of a register (a constant register or one
    /// holding a constant gives its concrete value).
    fn sym(&self, k: KReg) -> Value {
        let s = self.syms.last().expect("a frame");
        let slot = match k.kind {
            Kind::Int => s.ints.get(k.reg as usize),
            Kind::Ref => s.refs.get(k.reg as usize),
            Kind::Float => s.floats.get(k.reg as usize),
            Kind::Void => None,
        };
        match slot.copied().flatten() {
            Some(v) => v,
            None => Value::Const(self.top().get(k)),
        }
    }

    fn set_sym(&mut self, k: KReg, v: Option<Value>) {
        // A constant value is kept as "constant register".
        let v = v.filter(|v| v.as_var().is_some());
        if let Some(slot) = self.syms.last_mut().expect("a frame").slot(k) {
            *slot = v;
        }
    }

    fn is_const(&self, k: KReg) -> bool {
        self.sym(k).as_const().is_some()
    }

    fn record(&mut self, op: OpCode, args: &[Value], descr: Option<DescrRef>) -> Value {
        self.b.record(op, args, descr)
    }

    /// Resume data for a guard of the innermost frame at instruction
    /// `pc` with registers `live`; outer frames resume after their call.
    fn guard(&mut self, op: OpCode, args: &[Value], pc: u32, live: Live, exception_pending: bool) {
        let mut fail: Vec<Value> = Vec::new();
        let mut frames = Vec::new();
        let n = self.bh.frames.len();
        for i in 0..n {
            let f = &self.bh.frames[i];
            let jc = self.prog().jitcode(f.jitcode);
            let (fpc, live) = if i + 1 == n {
                (pc, live.clone())
            } else {
                // The caller's pc is after its inline call.
                let call_pc = f.pc as u32 - 1;
                (
                    f.pc as u32,
                    jc.live_at(call_pc).cloned().unwrap_or_else(|| all_regs(jc)),
                )
            };
            let mut regs = Vec::new();
            let syms = &self.syms[i];
            let mut add = |kind: Kind, r: u16, sym: Option<Value>, conc: Const| {
                let src = match sym {
                    Some(Value::Var(v)) => {
                        let val = Value::Var(v);
                        let idx = match fail.iter().position(|x| *x == val) {
                            Some(p) => p,
                            None => {
                                fail.push(val);
                                fail.len() - 1
                            }
                        };
                        Source::FailArg(idx as u32)
                    }
                    _ => Source::Const(conc),
                };
                regs.push((KReg { kind, reg: r }, src));
            };
            for &r in &live.ints {
                add(
                    Kind::Int,
                    r,
                    syms.ints[r as usize],
                    Const::Int(f.ints[r as usize]),
                );
            }
            for &r in &live.refs {
                add(
                    Kind::Ref,
                    r,
                    syms.refs[r as usize],
                    Const::Ref(f.refs[r as usize]),
                );
            }
            for &r in &live.floats {
                add(
                    Kind::Float,
                    r,
                    syms.floats[r as usize],
                    Const::Float(f.floats[r as usize]),
                );
            }
            frames.push(FrameSnapshot {
                jitcode: f.jitcode,
                pc: fpc,
                ret: f.ret,
                regs,
            });
        }
        let id = ResumeId(self.resume.len() as u32);
        self.resume.push(ResumeData {
            frames,
            exception_pending,
            pending: Vec::new(),
        });
        let fail: Vec<FailArg> = fail.into_iter().map(FailArg::Value).collect();
        self.b.guard(op, args, fail, id);
    }

    /// Registers live before instruction `pc` of the innermost frame.
    fn live_before(&self, pc: usize) -> Live {
        let jc = self.prog().jitcode(self.top().jitcode);
        match jc.live_at(pc as u32) {
            Some(l) => {
                // Recorded after a raising op or call: add its operands.
                let mut l = l.clone();
                crate::liveness::add_operands(&jc.code[pc], &mut l, jc);
                l
            }
            None => all_regs(jc),
        }
    }

    /// Trace until the loop closes or tracing gives up.
    pub fn run(&mut self, host: &mut dyn Host) -> Traced {
        loop {
            if self.b.len() > self.limit {
                return Traced::Aborted(Abort::TooLong);
            }
            let jc: &'p JitCode = self.prog().jitcode(self.top().jitcode);
            let pc = self.top().pc;
            let insn = &jc.code[pc];
            match self.record_insn(insn, pc, host) {
                Ok(None) => {}
                Ok(Some(t)) => return t,
                Err(a) => return Traced::Aborted(a),
            }
        }
    }

    /// Record one instruction and execute it; `Some` when tracing ends.
    fn record_insn(
        &mut self,
        insn: &'p Insn,
        pc: usize,
        host: &mut dyn Host,
    ) -> Result<Option<Traced>, Abort> {
        let prog = self.prog();
        let descrs = &prog.jp.descrs;
        let depth = self.bh.frames.len();
        let mut after: Option<(KReg, Option<Value>)> = None;
        match insn {
            Insn::Copy { kind, src, dst } => {
                let k = KReg {
                    kind: *kind,
                    reg: *src,
                };
                let v = self.sym(k);
                after = Some((
                    KReg {
                        kind: *kind,
                        reg: *dst,
                    },
                    Some(v),
                ));
            }
            Insn::Pure {
                op,
                args,
                dst,
                raises,
            } => {
                let all_const = args.iter().all(|a| self.is_const(*a));
                if !all_const {
                    let syms: Vec<Value> = args.iter().map(|a| self.sym(*a)).collect();
                    let v = self.record_pure(*op, &syms, args, *raises, pc)?;
                    after = Some((*dst, v));
                } else {
                    after = Some((*dst, None));
                }
            }
            Insn::GetField { obj, field, dst } => {
                let fd = &descrs.fields[*field as usize];
                let o = KReg {
                    kind: Kind::Ref,
                    reg: *obj,
                };
                if !(self.is_const(o) && fd.immutable) {
                    let code = match fd.kind {
                        Kind::Ref => OpCode::GetfieldGcR,
                        Kind::Float => OpCode::GetfieldGcF,
                        _ => OpCode::GetfieldGcI,
                    };
                    let v = self.record(code, &[self.sym(o)], Some(DescrRef::Field(*field)));
                    after = Some((*dst, Some(v)));
                } else {
                    after = Some((*dst, None));
                }
            }
            Insn::SetField { obj, field, value } => {
                let o = self.sym(KReg {
                    kind: Kind::Ref,
                    reg: *obj,
                });
                let v = self.sym(*value);
                self.record(OpCode::SetfieldGc, &[o, v], Some(DescrRef::Field(*field)));
            }
            Insn::GetArrayItem {
                array,
                index,
                descr,
                dst,
            } => {
                let ad = &descrs.arrays[*descr as usize];
                let a = KReg {
                    kind: Kind::Ref,
                    reg: *array,
                };
                let i = KReg {
                    kind: Kind::Int,
                    reg: *index,
                };
                let immutable = ad.immutable_items
                    || self
                        .sym(a)
                        .as_const()
                        .and_then(|c| c.as_ref())
                        .is_some_and(|p| prog.is_immutable_prebuilt(p));
                if self.is_const(a) && self.is_const(i) && immutable {
                    after = Some((*dst, None));
                } else {
                    let code = match ad.item_kind {
                        Kind::Ref => OpCode::GetarrayitemGcR,
                        Kind::Float => OpCode::GetarrayitemGcF,
                        _ => OpCode::GetarrayitemGcI,
                    };
                    let v = self.record(
                        code,
                        &[self.sym(a), self.sym(i)],
                        Some(DescrRef::Array(*descr)),
                    );
                    after = Some((*dst, Some(v)));
                }
            }
            Insn::SetArrayItem {
                array,
                index,
                descr,
                value,
            } => {
                let a = self.sym(KReg {
                    kind: Kind::Ref,
                    reg: *array,
                });
                let i = self.sym(KReg {
                    kind: Kind::Int,
                    reg: *index,
                });
                let v = self.sym(*value);
                self.record(
                    OpCode::SetarrayitemGc,
                    &[a, i, v],
                    Some(DescrRef::Array(*descr)),
                );
            }
            Insn::ArrayLen { array, descr, dst } => {
                // Arrays never change length: a constant array folds.
                let a = KReg {
                    kind: Kind::Ref,
                    reg: *array,
                };
                let d = KReg {
                    kind: Kind::Int,
                    reg: *dst,
                };
                if self.is_const(a) {
                    after = Some((d, None));
                } else {
                    let v = self.record(
                        OpCode::ArraylenGc,
                        &[self.sym(a)],
                        Some(DescrRef::Array(*descr)),
                    );
                    after = Some((d, Some(v)));
                }
            }
            Insn::ArrayCopy {
                src,
                dst,
                src_start,
                dst_start,
                length,
                descr,
            } => {
                let r = |x: u16| KReg {
                    kind: Kind::Ref,
                    reg: x,
                };
                let i = |x: u16| KReg {
                    kind: Kind::Int,
                    reg: x,
                };
                let args = [
                    self.sym(r(*src)),
                    self.sym(r(*dst)),
                    self.sym(i(*src_start)),
                    self.sym(i(*dst_start)),
                    self.sym(i(*length)),
                ];
                self.record(OpCode::Arraycopy, &args, Some(DescrRef::Array(*descr)));
            }
            Insn::GetTypeId { obj, dst } => {
                let o = KReg {
                    kind: Kind::Ref,
                    reg: *obj,
                };
                let d = KReg {
                    kind: Kind::Int,
                    reg: *dst,
                };
                if self.is_const(o) {
                    after = Some((d, None));
                } else {
                    let v = self.record(OpCode::GetTypeId, &[self.sym(o)], None);
                    after = Some((d, Some(v)));
                }
            }
            Insn::New { size, dst } => {
                let v = self.record(OpCode::New, &[], Some(DescrRef::Size(*size)));
                after = Some((
                    KReg {
                        kind: Kind::Ref,
                        reg: *dst,
                    },
                    Some(v),
                ));
            }
            Insn::NewArray { descr, length, dst } => {
                let n = self.sym(KReg {
                    kind: Kind::Int,
                    reg: *length,
                });
                let v = self.record(OpCode::NewArray, &[n], Some(DescrRef::Array(*descr)));
                after = Some((
                    KReg {
                        kind: Kind::Ref,
                        reg: *dst,
                    },
                    Some(v),
                ));
            }
            Insn::Call {
                callee,
                descr,
                args,
                dst,
            } => {
                return self.record_call(insn, pc, *callee, *descr, args, *dst, host);
            }
            Insn::InlineCall { jitcode, args, .. } => {
                if depth >= 64 {
                    return Err(Abort::Unsupported("inlining deeper than 64 frames".into()));
                }
                let jc = prog.jitcode(*jitcode);
                let vals: Vec<Value> = args.iter().map(|a| self.sym(*a)).collect();
                self.bh.top_pc_advance();
                if let Some(stop) = self.bh.step(insn, host) {
                    return Err(Abort::Left(stop));
                }
                let mut s = Syms::for_frame(self.top());
                for (p, v) in jc.params.iter().zip(vals) {
                    if let (Some(slot), Value::Var(_)) = (s.slot(*p), v) {
                        *slot = Some(v);
                    }
                }
                self.syms.push(s);
                return Ok(None);
            }
            Insn::Raise { .. } | Insn::RaiseNew { .. } | Insn::Reraise => {
                return Err(Abort::Unsupported(
                    "an exception raised while tracing".into(),
                ));
            }
            Insn::Catch { .. }
            | Insn::Goto { .. }
            | Insn::LoopHeader { .. }
            | Insn::SetParam { .. } => {}
            Insn::GotoIfExcMismatch { .. }
            | Insn::LastExcType { .. }
            | Insn::LastExcValue { .. } => {
                return Err(Abort::Unsupported(
                    "an exception handler while tracing".into(),
                ));
            }
            Insn::GotoIfNot { cond, .. } => {
                let c = KReg {
                    kind: Kind::Int,
                    reg: *cond,
                };
                if !self.is_const(c) {
                    let taken = self.top().get(c).as_int() != Some(0);
                    let live = self.live_before(pc);
                    let op = if taken {
                        OpCode::GuardTrue
                    } else {
                        OpCode::GuardFalse
                    };
                    let v = self.sym(c);
                    self.guard(op, &[v], pc as u32, live, false);
                    self.set_sym(c, None);
                }
            }
            Insn::Switch { value, .. } => {
                let c = KReg {
                    kind: Kind::Int,
                    reg: *value,
                };
                if !self.is_const(c) {
                    let live = self.live_before(pc);
                    let v = self.sym(c);
                    let now = Value::Const(self.top().get(c));
                    self.guard(OpCode::GuardValue, &[v, now], pc as u32, live, false);
                    self.set_sym(c, None);
                }
            }
            Insn::Return { value } => {
                if depth == 1 {
                    return Err(Abort::Unsupported(
                        "the portal returned while tracing".into(),
                    ));
                }
                let v = value.filter(|k| k.kind != Kind::Void).map(|k| self.sym(k));
                let ret = self.top().ret;
                self.bh.top_pc_advance();
                self.bh.step(insn, host);
                self.syms.pop();
                if let (Some(r), Some(v)) = (ret, v) {
                    self.set_sym(r, Some(v));
                }
                return Ok(None);
            }
            Insn::JitMergePoint { driver, greens, .. } => {
                if depth == 1 && *driver == self.driver {
                    // Greens are constants at a merge point: promote the
                    // ones computed from reds (`pc = targets[pc]`).
                    for k in greens.iter().filter(|k| k.kind != Kind::Void) {
                        if !self.is_const(*k) {
                            let live = self.live_before(pc);
                            let v = self.sym(*k);
                            let now = Value::Const(self.top().get(*k));
                            self.guard(OpCode::GuardValue, &[v, now], pc as u32, live, false);
                            self.set_sym(*k, None);
                        }
                    }
                    let key: Vec<Const> = greens
                        .iter()
                        .filter(|k| k.kind != Kind::Void)
                        .map(|k| self.top().get(*k))
                        .collect();
                    if key == self.key && self.b.len() > 1 {
                        return Ok(Some(self.close_loop(insn, self.token)));
                    }
                    if let Some(&(_, t)) = self.known.iter().find(|(k, _)| *k == key) {
                        return Ok(Some(self.close_loop(insn, t)));
                    }
                    let text = self.location_text(&key);
                    self.b.debug_merge_point(&text);
                }
            }
            Insn::Promote { src, dst } => {
                if !self.is_const(*src) {
                    let live = self.live_before(pc);
                    let v = self.sym(*src);
                    let now = Value::Const(self.top().get(*src));
                    self.guard(OpCode::GuardValue, &[v, now], pc as u32, live, false);
                    self.set_sym(*src, None);
                }
                after = Some((*dst, None));
            }
        }
        self.bh.top_pc_advance();
        if let Some(stop) = self.bh.step(insn, host) {
            return Err(Abort::Left(stop));
        }
        if rpyrt::exc::pending().is_some() || self.bh.frames.len() != depth {
            return Err(Abort::Unsupported(
                "an exception raised while tracing".into(),
            ));
        }
        if let Some((k, v)) = after {
            self.set_sym(k, v);
        }
        Ok(None)
    }

    fn record_pure(
        &mut self,
        op: PureOp,
        syms: &[Value],
        args: &[KReg],
        raises: bool,
        pc: usize,
    ) -> Result<Option<Value>, Abort> {
        let name = op.name();
        let conc: Vec<Const> = args.iter().map(|a| self.top().get(*a)).collect();
        let simple = |t: &mut Self, code: OpCode, a: &[Value]| Ok(Some(t.record(code, a, None)));
        match name {
            "same_as" | "cast_bool_to_int" | "cast_char_to_int" | "cast_unichar_to_int" => {
                Ok(Some(syms[0]))
            }
            "cast_int_to_char" => simple(self, OpCode::IntAnd, &[syms[0], Value::int(0xff)]),
            "cast_int_to_unichar" => {
                simple(self, OpCode::IntAnd, &[syms[0], Value::int(0xffff_ffff)])
            }
            "bool_not" => simple(self, OpCode::IntIsZero, &[syms[0]]),
            "ptr_iszero" => simple(self, OpCode::PtrEq, &[syms[0], Value::Const(Const::Ref(0))]),
            "ptr_nonzero" => simple(self, OpCode::PtrNe, &[syms[0], Value::Const(Const::Ref(0))]),
            "int_add_ovf" | "int_sub_ovf" | "int_mul_ovf" => {
                if pure::eval(op, &conc).is_err() {
                    rpyrt::exc::clear();
                    return Err(Abort::Unsupported(format!(
                        "{name} overflowed while tracing"
                    )));
                }
                let code = OpCode::parse(name).expect("ovf op");
                let v = self.record(code, syms, None);
                let live = self.live_before(pc);
                self.guard(OpCode::GuardNoOverflow, &[], pc as u32, live, false);
                Ok(Some(v))
            }
            "index_check" => {
                let (i, len) = (conc[0].as_int().unwrap_or(0), conc[1].as_int().unwrap_or(0));
                if i < 0 || i >= len {
                    return Err(Abort::Unsupported(
                        "a negative or out-of-range index while tracing".into(),
                    ));
                }
                let ok = self.record(OpCode::UintLt, &syms[..2], None);
                let live = self.live_before(pc);
                self.guard(OpCode::GuardTrue, &[ok], pc as u32, live, false);
                Ok(Some(syms[0]))
            }
            "int_floordiv_zer" | "int_mod_zer" | "int_lshift" | "int_rshift" => {
                // The divisor is not zero / the count not negative.
                let checked = syms[1];
                if checked.as_const().is_none() {
                    let cond = if name.ends_with("_zer") {
                        self.record(OpCode::IntIsTrue, &[checked], None)
                    } else {
                        self.record(OpCode::IntGe, &[checked, Value::int(0)], None)
                    };
                    let holds = if name.ends_with("_zer") {
                        conc[1].as_int() != Some(0)
                    } else {
                        conc[1].as_int().unwrap_or(0) >= 0
                    };
                    if !holds {
                        return Err(Abort::Unsupported(format!("{name} raised while tracing")));
                    }
                    let live = self.live_before(pc);
                    self.guard(OpCode::GuardTrue, &[cond], pc as u32, live, false);
                } else if pure::eval(op, &conc).is_err() {
                    rpyrt::exc::clear();
                    return Err(Abort::Unsupported(format!("{name} raised while tracing")));
                }
                let code = pure::trace_op(op).expect("a trace op");
                simple(self, code, syms)
            }
            "float_truediv" => {
                let d = syms[1];
                if conc[1].as_float() == Some(0.0) {
                    return Err(Abort::Unsupported(
                        "float division by zero while tracing".into(),
                    ));
                }
                if d.as_const().is_none() {
                    let cond =
                        self.record(OpCode::FloatNe, &[d, Value::Const(Const::Float(0.0))], None);
                    let live = self.live_before(pc);
                    self.guard(OpCode::GuardTrue, &[cond], pc as u32, live, false);
                }
                simple(self, OpCode::FloatTrueDiv, syms)
            }
            _ if raises => Err(Abort::Unsupported(format!("{name} in a trace"))),
            _ => match pure::trace_op(op) {
                Some(code) => simple(self, code, syms),
                None => Err(Abort::Unsupported(format!("{name} in a trace"))),
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record_call(
        &mut self,
        insn: &'p Insn,
        pc: usize,
        callee: Callee,
        descr: u32,
        args: &[KReg],
        dst: Option<KReg>,
        host: &mut dyn Host,
    ) -> Result<Option<Traced>, Abort> {
        let prog = self.prog();
        let cd = &prog.jp.descrs.calls[descr as usize];
        let func = match callee {
            Callee::Func(f) => Value::int(prog.funcs[f as usize] as i64),
            Callee::Extern(e) => Value::int(prog.externs[e as usize] as i64),
            Callee::Indirect(r) => self.sym(KReg {
                kind: Kind::Int,
                reg: r,
            }),
        };
        let vals: Vec<Value> = args
            .iter()
            .filter(|a| a.kind != Kind::Void)
            .map(|a| self.sym(*a))
            .collect();
        let fold = cd.effect.elidable
            && func.as_const().is_some()
            && vals.iter().all(|v| v.as_const().is_some());
        let mut result = None;
        if !fold {
            let code = match (cd.result, cd.effect.elidable, cd.effect.loop_invariant) {
                (Kind::Int, true, _) => OpCode::CallPureI,
                (Kind::Ref, true, _) => OpCode::CallPureR,
                (Kind::Float, true, _) => OpCode::CallPureF,
                (Kind::Void, true, _) => OpCode::CallPureN,
                (Kind::Int, _, true) => OpCode::CallLoopinvariantI,
                (Kind::Ref, _, true) => OpCode::CallLoopinvariantR,
                (Kind::Float, _, true) => OpCode::CallLoopinvariantF,
                (Kind::Void, _, true) => OpCode::CallLoopinvariantN,
                (Kind::Int, ..) => OpCode::CallI,
                (Kind::Ref, ..) => OpCode::CallR,
                (Kind::Float, ..) => OpCode::CallF,
                (Kind::Void, ..) => OpCode::CallN,
            };
            let mut a = vec![func];
            a.extend(vals);
            let v = self.record(code, &a, Some(DescrRef::Call(descr)));
            result = Some(v).filter(|_| cd.result != Kind::Void);
        }
        let _ = (insn, host);
        let target = match callee {
            Callee::Func(f) => prog.funcs[f as usize],
            Callee::Extern(e) => prog.externs[e as usize],
            Callee::Indirect(r) => self
                .top()
                .get(KReg {
                    kind: Kind::Int,
                    reg: r,
                })
                .as_int()
                .unwrap_or(0) as usize,
        };
        let conc: Vec<Const> = args
            .iter()
            .filter(|a| a.kind != Kind::Void)
            .map(|a| self.top().get(*a))
            .collect();
        let r = crate::blackhole::call(prog, target, descr, &conc);
        self.bh.top_pc_advance();
        if rpyrt::exc::pending().is_some() {
            // Left pending: the blackhole takes over from here.
            return Err(Abort::Unsupported(format!(
                "the call to {} raised while tracing",
                cd.name
            )));
        }
        if let (Some(d), Some(v)) = (dst, r) {
            self.bh.frames.last_mut().expect("a frame").set(d, v);
        }
        if !fold && cd.effect.can_raise {
            // Resume after the call with its exception pending.
            let jc = prog.jitcode(self.top().jitcode);
            let live = jc
                .live_at(pc as u32)
                .cloned()
                .unwrap_or_else(|| all_regs(jc));
            self.guard(OpCode::GuardNoException, &[], pc as u32 + 1, live, true);
        }
        if let Some(d) = dst {
            self.set_sym(d, result);
        }
        Ok(None)
    }

    /// A merge point's text in trace logs: the driver's name and what its
    /// `get_printable_location(*greens)` returns (the greens themselves
    /// when it has none, or it raised).
    fn location_text(&self, key: &[Const]) -> String {
        let prog = self.prog();
        let d = &prog.jp.drivers[self.driver as usize];
        if let (true, Some((f, descr))) = (self.describe_greens, d.printable_location) {
            // The call may collect: `key` holds copies of values the
            // tracer's frames keep alive (they are roots), and the result
            // is read before anything else runs.
            let r = crate::blackhole::call(prog, prog.funcs[f as usize], descr, key);
            if rpyrt::exc::pending().is_some() {
                rpyrt::exc::clear();
            } else if let Some(Const::Ref(p)) = r.filter(|r| *r != Const::Ref(0)) {
                // SAFETY: get_printable_location returns a str object.
                let chars = unsafe { rpyrt::obj::str_chars(p as *const u8) };
                return format!("{} {}", d.name, rpyrt::obj::chars_to_string(chars));
            }
        }
        format!("{} {:?}", d.name, key)
    }

    fn close_loop(&mut self, insn: &Insn, target: TargetToken) -> Traced {
        let Insn::JitMergePoint { reds, .. } = insn else {
            unreachable!()
        };
        let args: Vec<Value> = reds
            .iter()
            .filter(|k| k.kind != Kind::Void)
            .map(|k| self.sym(*k))
            .collect();
        let b = std::mem::replace(&mut self.b, TraceBuilder::new(&[]));
        let trace = b.jump(&args, target);
        Traced::Loop {
            trace,
            resume: std::mem::take(&mut self.resume),
            closes: target == self.token,
        }
    }

    /// GC roots: the trace's ref constants, the symbolic registers' and
    /// the resume data's (the blackhole's frames are registered apart).
    pub fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        let mut visit = |v: &mut Value| {
            if let Value::Const(Const::Ref(p)) = v {
                if *p != 0 {
                    f(p as *mut usize as *mut *mut u8);
                }
            }
        };
        for op in &mut self.b.trace_mut().ops {
            op.args.iter_mut().for_each(&mut visit);
            if let Some(g) = &mut op.guard {
                for fa in &mut g.fail_args {
                    let FailArg::Value(v) = fa;
                    visit(v);
                }
            }
        }
        for s in &mut self.syms {
            for v in s
                .ints
                .iter_mut()
                .chain(s.refs.iter_mut())
                .chain(s.floats.iter_mut())
                .flatten()
            {
                visit(v);
            }
        }
        for k in self
            .key
            .iter_mut()
            .chain(self.known.iter_mut().flat_map(|(k, _)| k.iter_mut()))
        {
            if let Const::Ref(p) = k {
                if *p != 0 {
                    f(p as *mut usize as *mut *mut u8);
                }
            }
        }
        for r in &mut self.resume {
            r.for_each_root(f);
        }
    }
}

/// Every variable register of a jitcode (when no liveness is recorded).
pub fn all_regs(jc: &JitCode) -> Live {
    Live {
        ints: (0..jc.num_regs[0]).collect(),
        refs: (0..jc.num_regs[1]).collect(),
        floats: (0..jc.num_regs[2]).collect(),
    }
}
