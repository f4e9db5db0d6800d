//! The trace IR's nouns: values, operations, guards, traces.
//!
//! A trace is SSA over one id space: `Var(n)` for `n < inputargs.len()` is
//! input argument `n`, otherwise it is the result of op `n - inputargs.len()`
//! (every op has a `Var`, void ones included, so ids are positions and need
//! no table). Constants are values of their own, never ops.
//!
//! Descriptors are indices into a `rpy_jitformat::Descrs` table passed
//! alongside the trace; loop targets and resume ids are opaque numbers
//! owned by whoever builds traces (the metainterp, or a test).

use cranelift_entity::entity_impl;
use rpy_jitformat::{DescrRef, Kind};
use std::hash::{Hash, Hasher};

use crate::resop::OpCode;

/// An SSA value defined in the trace: an input argument or an op's result.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(u32);
entity_impl!(Var, "v");

/// A machine value: a 64-bit int, a GC pointer (address), or a double.
/// Also the run-time value of the trace interpreter. Equality and hashing
/// of floats are by bits (so constants can key tables).
#[derive(Copy, Clone, Debug)]
pub enum Const {
    Int(i64),
    /// Address of a GC object (0 is null).
    Ref(usize),
    Float(f64),
}

impl Const {
    pub fn kind(self) -> Kind {
        match self {
            Const::Int(_) => Kind::Int,
            Const::Ref(_) => Kind::Ref,
            Const::Float(_) => Kind::Float,
        }
    }
    /// The zero of a kind (what fresh objects hold).
    pub fn zero(kind: Kind) -> Option<Const> {
        match kind {
            Kind::Int => Some(Const::Int(0)),
            Kind::Ref => Some(Const::Ref(0)),
            Kind::Float => Some(Const::Float(0.0)),
            Kind::Void => None,
        }
    }
    pub fn as_int(self) -> Option<i64> {
        match self {
            Const::Int(i) => Some(i),
            _ => None,
        }
    }
    pub fn as_ref(self) -> Option<usize> {
        match self {
            Const::Ref(p) => Some(p),
            _ => None,
        }
    }
    pub fn as_float(self) -> Option<f64> {
        match self {
            Const::Float(f) => Some(f),
            _ => None,
        }
    }
    fn key(self) -> (u8, u64) {
        match self {
            Const::Int(i) => (0, i as u64),
            Const::Ref(p) => (1, p as u64),
            Const::Float(f) => (2, f.to_bits()),
        }
    }
}

impl PartialEq for Const {
    fn eq(&self, other: &Const) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Const {}
impl Hash for Const {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state)
    }
}

/// An operand.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    Var(Var),
    Const(Const),
}

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Const(Const::Int(i))
    }
    pub fn as_var(self) -> Option<Var> {
        match self {
            Value::Var(v) => Some(v),
            Value::Const(_) => None,
        }
    }
    pub fn as_const(self) -> Option<Const> {
        match self {
            Value::Const(c) => Some(c),
            Value::Var(_) => None,
        }
    }
    pub fn as_int_const(self) -> Option<i64> {
        self.as_const().and_then(Const::as_int)
    }
}

impl From<Var> for Value {
    fn from(v: Var) -> Value {
        Value::Var(v)
    }
}
impl From<Const> for Value {
    fn from(c: Const) -> Value {
        Value::Const(c)
    }
}

/// The token of a `label`: what jumps name as their target. Unique among
/// the loops of one registry (the caller allocates them).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TargetToken(pub u32);

/// Opaque id of a guard's resume data (owned by the metainterp). Two
/// guards may share one (a peeled loop copies its guards).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResumeId(pub u32);

/// What an op's descriptor slot holds.
#[derive(Clone, Debug, PartialEq)]
pub enum OpDescr {
    None,
    /// Field, array, size or call descriptor (index into `Descrs`).
    Descr(DescrRef),
    /// `label` and `jump`.
    Target(TargetToken),
    /// `debug_merge_point`: the location text.
    Text(Box<str>),
}

/// One value handed to resume when a guard fails. Allocation removal will
/// add a variant naming a virtual object to rebuild.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum FailArg {
    Value(Value),
}

impl FailArg {
    pub fn value(self) -> Option<Value> {
        match self {
            FailArg::Value(v) => Some(v),
        }
    }
}

impl From<Value> for FailArg {
    fn from(v: Value) -> FailArg {
        FailArg::Value(v)
    }
}

/// What a guard carries besides its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct GuardData {
    pub fail_args: Vec<FailArg>,
    pub resume: ResumeId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    pub opcode: OpCode,
    pub args: Vec<Value>,
    pub descr: OpDescr,
    /// `Some` exactly for guards.
    pub guard: Option<Box<GuardData>>,
}

impl Op {
    pub fn new(opcode: OpCode, args: Vec<Value>, descr: OpDescr) -> Op {
        Op {
            opcode,
            args,
            descr,
            guard: None,
        }
    }
    pub fn descr_ref(&self) -> Option<DescrRef> {
        match self.descr {
            OpDescr::Descr(d) => Some(d),
            _ => None,
        }
    }
    pub fn target(&self) -> Option<TargetToken> {
        match self.descr {
            OpDescr::Target(t) => Some(t),
            _ => None,
        }
    }
    pub fn fail_args(&self) -> &[FailArg] {
        match &self.guard {
            Some(g) => &g.fail_args,
            None => &[],
        }
    }
}

/// A loop (starts with a `label`, ends with a `jump`) or a bridge (starts
/// from a guard's fail args), or any straight-line trace ending in
/// `finish`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub inputargs: Vec<Kind>,
    pub ops: Vec<Op>,
}

impl Trace {
    pub fn num_inputargs(&self) -> usize {
        self.inputargs.len()
    }
    pub fn inputarg(&self, i: usize) -> Var {
        Var::from_u32(i as u32)
    }
    /// The var an op defines.
    pub fn op_var(&self, index: usize) -> Var {
        Var::from_u32((self.inputargs.len() + index) as u32)
    }
    /// The op defining a var, `None` for input arguments.
    pub fn var_op(&self, v: Var) -> Option<usize> {
        v.as_u32()
            .checked_sub(self.inputargs.len() as u32)
            .map(|i| i as usize)
    }
    /// Total number of vars (input arguments and ops).
    pub fn num_vars(&self) -> usize {
        self.inputargs.len() + self.ops.len()
    }
    pub fn var_kind(&self, v: Var) -> Kind {
        match self.var_op(v) {
            None => self.inputargs[v.as_u32() as usize],
            Some(i) => self
                .ops
                .get(i)
                .map_or(Kind::Void, |op| op.opcode.result_kind()),
        }
    }
    pub fn kind_of(&self, v: Value) -> Kind {
        match v {
            Value::Var(v) => self.var_kind(v),
            Value::Const(c) => c.kind(),
        }
    }
    /// Index of the label with this token in this trace.
    pub fn find_label(&self, token: TargetToken) -> Option<usize> {
        self.ops
            .iter()
            .position(|op| op.opcode == OpCode::Label && op.target() == Some(token))
    }
}
