//! The trace interpreter backend: runs traces on real memory, the oracle
//! for the Cranelift backend and for the optimiser's tests.
//!
//! GC objects are read and written through raw addresses as
//! ARCHITECTURE.md lays them out (a header word whose low 32 bits are the
//! type id; fields at descriptor offsets; arrays with a length word and
//! items). What it cannot do itself (allocate, write barriers, calls, the
//! pending exception) goes through `Runtime`, which the caller implements:
//! the metainterp with the real runtime, tests with a fake heap.
//!
//! Execution follows jumps to labels (of this trace or of another loop in
//! the `LoopRegistry`) and continues in a bridge when a guard that has one
//! fails; it returns when a `finish` is reached or a guard without a bridge
//! fails. A null dereference, an out-of-bounds index, a division by zero or
//! an unknown jump target is an `InterpError`, never undefined behaviour of
//! the interpreter itself (the addresses given must be valid objects).

use std::fmt;

use rpy_jitformat::{ArrayDescr, CallDescr, DescrRef, Descrs, FieldDescr, Kind, SizeDescr, Width};

use crate::eval::{eval_ovf, eval_pure};
use crate::model::{Const, FailArg, ResumeId, Trace, Value};
use crate::registry::{GuardRef, LoopRegistry, TraceId};
use crate::resop::OpCode;

/// A pending exception: its type id and instance.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Exc {
    pub type_id: u32,
    pub value: usize,
}

/// What the interpreter asks of its caller.
pub trait Runtime {
    /// A fresh zeroed object with its header set (type id, GC flags).
    fn alloc(&mut self, size: &SizeDescr) -> usize;
    /// A fresh zeroed array with its header and length set.
    fn alloc_array(&mut self, array: &ArrayDescr, length: i64) -> usize;
    /// After a GC pointer is stored into a field of `obj`.
    fn write_barrier(&mut self, _obj: usize) {}
    /// After a GC pointer is stored into item `index` of `array`.
    fn write_barrier_item(&mut self, _array: usize, _index: i64) {}
    /// Call `func` (the address the trace passes) with these arguments;
    /// `None` for a void result. It may set the pending exception.
    fn call(&mut self, func: i64, descr: &CallDescr, args: &[Const]) -> Option<Const>;
    fn exception(&self) -> Option<Exc>;
    fn set_exception(&mut self, exc: Option<Exc>);
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    Finished(Option<Const>),
    /// A guard without a bridge failed: the values of its fail args.
    GuardFailed {
        guard: GuardRef,
        resume: ResumeId,
        values: Vec<Const>,
    },
}

/// A trace that cannot run (a bug in the trace or its inputs).
#[derive(Clone, Debug, PartialEq)]
pub struct InterpError {
    pub trace: TraceId,
    pub op: usize,
    pub kind: InterpErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterpErrorKind {
    NullDeref,
    IndexOutOfBounds {
        index: i64,
        length: i64,
    },
    /// A foldable op whose precondition fails (zero divisor, negative
    /// shift) or whose operands have the wrong kinds.
    BadOperands,
    UnknownTarget(u32),
    WrongArgCount {
        expected: usize,
        got: usize,
    },
    MissingDescr,
    OutOfFuel,
}

impl fmt::Display for InterpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} op {}: {:?}", self.trace, self.op, self.kind)
    }
}

/// Run a registered trace from its start with these input values.
/// `fuel` bounds the number of ops executed (for tests of loops).
pub fn run(
    registry: &LoopRegistry,
    descrs: &Descrs,
    rt: &mut dyn Runtime,
    entry: TraceId,
    args: &[Const],
    fuel: Option<u64>,
) -> Result<Exit, InterpError> {
    let mut m = Machine {
        registry,
        descrs,
        rt,
        fuel,
        overflow: false,
    };
    m.run(entry, args)
}

/// Run a lone trace (its jumps may only target its own labels).
pub fn run_trace(
    trace: &Trace,
    descrs: &Descrs,
    rt: &mut dyn Runtime,
    args: &[Const],
    fuel: Option<u64>,
) -> Result<Exit, InterpError> {
    let mut reg = LoopRegistry::new();
    let id = reg
        .add(trace.clone())
        .expect("a fresh registry has no tokens");
    run(&reg, descrs, rt, id, args, fuel)
}

struct Machine<'a> {
    registry: &'a LoopRegistry,
    descrs: &'a Descrs,
    rt: &'a mut dyn Runtime,
    fuel: Option<u64>,
    /// Set by the last `_ovf` op.
    overflow: bool,
}

enum Step {
    Next,
    Goto {
        trace: TraceId,
        pc: usize,
        bind: Vec<Const>,
    },
    Done(Exit),
}

fn read(addr: usize, width: Width, kind: Kind) -> Const {
    // SAFETY: the caller of `run` promises that the trace only reaches
    // valid objects; null was checked by the caller of `read`.
    unsafe {
        let p = addr as *const u8;
        match kind {
            Kind::Ref => Const::Ref(std::ptr::read_unaligned(p as *const usize)),
            Kind::Float => Const::Float(std::ptr::read_unaligned(p as *const f64)),
            _ => Const::Int(match (width.size, width.signed) {
                (1, true) => std::ptr::read_unaligned(p as *const i8) as i64,
                (1, false) => std::ptr::read_unaligned(p) as i64,
                (2, true) => std::ptr::read_unaligned(p as *const i16) as i64,
                (2, false) => std::ptr::read_unaligned(p as *const u16) as i64,
                (4, true) => std::ptr::read_unaligned(p as *const i32) as i64,
                (4, false) => std::ptr::read_unaligned(p as *const u32) as i64,
                _ => std::ptr::read_unaligned(p as *const i64),
            }),
        }
    }
}

fn write(addr: usize, width: Width, v: Const) {
    // SAFETY: as for `read`.
    unsafe {
        let p = addr as *mut u8;
        match v {
            Const::Ref(r) => std::ptr::write_unaligned(p as *mut usize, r),
            Const::Float(f) => std::ptr::write_unaligned(p as *mut f64, f),
            Const::Int(i) => match width.size {
                1 => std::ptr::write_unaligned(p, i as u8),
                2 => std::ptr::write_unaligned(p as *mut u16, i as u16),
                4 => std::ptr::write_unaligned(p as *mut u32, i as u32),
                _ => std::ptr::write_unaligned(p as *mut i64, i),
            },
        }
    }
}

/// Narrow an int result the way a call descriptor says.
fn narrow(v: Const, width: Width) -> Const {
    match (v, width.size) {
        (Const::Int(i), 1) => Const::Int(if width.signed {
            i as i8 as i64
        } else {
            i as u8 as i64
        }),
        (Const::Int(i), 2) => Const::Int(if width.signed {
            i as i16 as i64
        } else {
            i as u16 as i64
        }),
        (Const::Int(i), 4) => Const::Int(if width.signed {
            i as i32 as i64
        } else {
            i as u32 as i64
        }),
        _ => v,
    }
}

impl<'a> Machine<'a> {
    fn run(&mut self, entry: TraceId, args: &[Const]) -> Result<Exit, InterpError> {
        let mut trace_id = entry;
        let mut pc = 0;
        let mut env = self.fresh_env(trace_id);
        {
            let t = self.registry.trace(trace_id);
            if args.len() != t.inputargs.len() {
                return Err(InterpError {
                    trace: trace_id,
                    op: 0,
                    kind: InterpErrorKind::WrongArgCount {
                        expected: t.inputargs.len(),
                        got: args.len(),
                    },
                });
            }
            for (i, a) in args.iter().enumerate() {
                env[i] = Some(*a);
            }
        }
        loop {
            if let Some(f) = &mut self.fuel {
                if *f == 0 {
                    return Err(InterpError {
                        trace: trace_id,
                        op: pc,
                        kind: InterpErrorKind::OutOfFuel,
                    });
                }
                *f -= 1;
            }
            let trace = self.registry.trace(trace_id);
            let step = self
                .step(trace_id, trace, pc, &mut env)
                .map_err(|kind| InterpError {
                    trace: trace_id,
                    op: pc,
                    kind,
                })?;
            match step {
                Step::Next => pc += 1,
                Step::Done(exit) => return Ok(exit),
                Step::Goto {
                    trace: t,
                    pc: to,
                    bind,
                } => {
                    let target = self.registry.trace(t);
                    if t != trace_id {
                        env = self.fresh_env(t);
                    }
                    if to == usize::MAX {
                        // A bridge: bind its input arguments.
                        for (i, v) in bind.into_iter().enumerate() {
                            env[i] = Some(v);
                        }
                        pc = 0;
                    } else {
                        let label = &target.ops[to];
                        if label.args.len() != bind.len() {
                            return Err(InterpError {
                                trace: trace_id,
                                op: pc,
                                kind: InterpErrorKind::WrongArgCount {
                                    expected: label.args.len(),
                                    got: bind.len(),
                                },
                            });
                        }
                        for (a, v) in label.args.iter().zip(bind) {
                            if let Value::Var(var) = a {
                                env[var.as_u32() as usize] = Some(v);
                            }
                        }
                        pc = to + 1;
                    }
                    trace_id = t;
                }
            }
        }
    }

    fn fresh_env(&self, id: TraceId) -> Vec<Option<Const>> {
        vec![None; self.registry.trace(id).num_vars()]
    }

    fn step(
        &mut self,
        trace_id: TraceId,
        trace: &Trace,
        pc: usize,
        env: &mut [Option<Const>],
    ) -> Result<Step, InterpErrorKind> {
        use OpCode::*;
        let op = &trace.ops[pc];
        let get = |v: Value| -> Result<Const, InterpErrorKind> {
            match v {
                Value::Const(c) => Ok(c),
                Value::Var(var) => env[var.as_u32() as usize].ok_or(InterpErrorKind::BadOperands),
            }
        };
        let args: Vec<Const> = op.args.iter().map(|&a| get(a)).collect::<Result<_, _>>()?;
        let int = |k: usize| args[k].as_int().ok_or(InterpErrorKind::BadOperands);
        let ptr = |k: usize| match args[k] {
            Const::Ref(0) => Err(InterpErrorKind::NullDeref),
            Const::Ref(p) => Ok(p),
            _ => Err(InterpErrorKind::BadOperands),
        };
        let field = |d: Option<DescrRef>| -> Result<&FieldDescr, InterpErrorKind> {
            match d {
                Some(DescrRef::Field(f)) => self
                    .descrs
                    .fields
                    .get(f as usize)
                    .ok_or(InterpErrorKind::MissingDescr),
                _ => Err(InterpErrorKind::MissingDescr),
            }
        };
        let array = |d: Option<DescrRef>| -> Result<&ArrayDescr, InterpErrorKind> {
            match d {
                Some(DescrRef::Array(a)) => self
                    .descrs
                    .arrays
                    .get(a as usize)
                    .ok_or(InterpErrorKind::MissingDescr),
                _ => Err(InterpErrorKind::MissingDescr),
            }
        };
        let length = |a: &ArrayDescr, p: usize| {
            read(p + a.length_offset as usize, Width::WORD, Kind::Int)
                .as_int()
                .unwrap()
        };
        let item_addr = |a: &ArrayDescr, p: usize, index: i64| -> Result<usize, InterpErrorKind> {
            let len = length(a, p);
            if index < 0 || index >= len {
                return Err(InterpErrorKind::IndexOutOfBounds { index, length: len });
            }
            Ok(p + a.items_offset as usize + index as usize * a.item.size as usize)
        };
        let mut result = None;
        let mut guard_ok = None;
        match op.opcode {
            op if op.can_fold() => {
                result = Some(eval_pure(op, &args).ok_or(InterpErrorKind::BadOperands)?)
            }
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let (v, o) =
                    eval_ovf(op.opcode, int(0)?, int(1)?).ok_or(InterpErrorKind::BadOperands)?;
                self.overflow = o;
                result = Some(Const::Int(v));
            }
            GetfieldGcI | GetfieldGcR | GetfieldGcF => {
                let f = field(op.descr_ref())?;
                result = Some(read(ptr(0)? + f.offset as usize, f.width, f.kind));
            }
            SetfieldGc => {
                let f = field(op.descr_ref())?;
                let p = ptr(0)?;
                write(p + f.offset as usize, f.width, args[1]);
                if f.kind == Kind::Ref {
                    self.rt.write_barrier(p);
                }
            }
            GetarrayitemGcI | GetarrayitemGcR | GetarrayitemGcF => {
                let a = array(op.descr_ref())?;
                let addr = item_addr(a, ptr(0)?, int(1)?)?;
                result = Some(read(addr, a.item, a.item_kind));
            }
            SetarrayitemGc => {
                let a = array(op.descr_ref())?;
                let (p, i) = (ptr(0)?, int(1)?);
                write(item_addr(a, p, i)?, a.item, args[2]);
                if a.item_kind == Kind::Ref {
                    self.rt.write_barrier_item(p, i);
                }
            }
            ArraylenGc => {
                let a = array(op.descr_ref())?;
                result = Some(Const::Int(length(a, ptr(0)?)));
            }
            Arraycopy => {
                let a = array(op.descr_ref())?;
                let (src, dst, ss, ds, n) = (ptr(0)?, ptr(1)?, int(2)?, int(3)?, int(4)?);
                if n > 0 {
                    let from = item_addr(a, src, ss)?;
                    item_addr(a, src, ss + n - 1)?;
                    let to = item_addr(a, dst, ds)?;
                    item_addr(a, dst, ds + n - 1)?;
                    // SAFETY: both ranges were bounds-checked above.
                    unsafe {
                        std::ptr::copy(
                            from as *const u8,
                            to as *mut u8,
                            n as usize * a.item.size as usize,
                        );
                    }
                    if a.item_kind == Kind::Ref {
                        self.rt.write_barrier(dst);
                    }
                }
            }
            GetTypeId => {
                result = Some(Const::Int(
                    read(ptr(0)?, Width::U32, Kind::Int).as_int().unwrap(),
                ))
            }
            New => match op.descr_ref() {
                Some(DescrRef::Size(s)) => {
                    let s = self
                        .descrs
                        .sizes
                        .get(s as usize)
                        .ok_or(InterpErrorKind::MissingDescr)?;
                    result = Some(Const::Ref(self.rt.alloc(s)));
                }
                _ => return Err(InterpErrorKind::MissingDescr),
            },
            NewArray => {
                let a = array(op.descr_ref())?;
                result = Some(Const::Ref(self.rt.alloc_array(a, int(0)?)));
            }
            CallI | CallR | CallF | CallN | CallPureI | CallPureR | CallPureF | CallPureN
            | CallLoopinvariantI | CallLoopinvariantR | CallLoopinvariantF | CallLoopinvariantN => {
                let d = match op.descr_ref() {
                    Some(DescrRef::Call(c)) => self
                        .descrs
                        .calls
                        .get(c as usize)
                        .ok_or(InterpErrorKind::MissingDescr)?,
                    _ => return Err(InterpErrorKind::MissingDescr),
                };
                let r = self.rt.call(int(0)?, d, &args[1..]);
                result = r.map(|v| narrow(v, d.result_width));
            }
            GuardTrue => guard_ok = Some(int(0)? != 0),
            GuardFalse => guard_ok = Some(int(0)? == 0),
            GuardValue => guard_ok = Some(args[0] == args[1]),
            GuardNonnull => guard_ok = Some(args[0] != Const::Ref(0)),
            GuardIsnull => guard_ok = Some(args[0] == Const::Ref(0)),
            GuardClass | GuardNonnullClass => {
                let ok = match args[0] {
                    Const::Ref(0) => {
                        if op.opcode == GuardClass {
                            return Err(InterpErrorKind::NullDeref);
                        }
                        false
                    }
                    Const::Ref(p) => read(p, Width::U32, Kind::Int).as_int() == Some(int(1)?),
                    _ => return Err(InterpErrorKind::BadOperands),
                };
                guard_ok = Some(ok);
            }
            GuardNoException => guard_ok = Some(self.rt.exception().is_none()),
            GuardException => {
                let want = int(0)?;
                match self.rt.exception() {
                    Some(e) if e.type_id as i64 == want => {
                        self.rt.set_exception(None);
                        result = Some(Const::Ref(e.value));
                        guard_ok = Some(true);
                    }
                    _ => guard_ok = Some(false),
                }
            }
            GuardNoOverflow => guard_ok = Some(!self.overflow),
            GuardOverflow => guard_ok = Some(self.overflow),
            Label | DebugMergePoint => {}
            Jump => {
                let token = op.target().ok_or(InterpErrorKind::MissingDescr)?;
                let (t, at) = self
                    .registry
                    .label(token)
                    .ok_or(InterpErrorKind::UnknownTarget(token.0))?;
                return Ok(Step::Goto {
                    trace: t,
                    pc: at,
                    bind: args,
                });
            }
            Finish => return Ok(Step::Done(Exit::Finished(args.first().copied()))),
            _ => return Err(InterpErrorKind::BadOperands),
        }
        if guard_ok == Some(false) {
            let g = op.guard.as_ref().ok_or(InterpErrorKind::MissingDescr)?;
            let values = g
                .fail_args
                .iter()
                .map(|fa| match *fa {
                    FailArg::Value(v) => get(v),
                })
                .collect::<Result<Vec<_>, _>>()?;
            let guard = GuardRef {
                trace: trace_id,
                op: pc as u32,
            };
            if let Some(bridge) = self.registry.bridge(guard) {
                return Ok(Step::Goto {
                    trace: bridge,
                    pc: usize::MAX,
                    bind: values,
                });
            }
            return Ok(Step::Done(Exit::GuardFailed {
                guard,
                resume: g.resume,
                values,
            }));
        }
        if let Some(r) = result {
            env[trace.op_var(pc).as_u32() as usize] = Some(r);
        }
        Ok(Step::Next)
    }
}
