//! `check_trace`: the trace verifier, run after building, parsing and
//! every optimiser pass (in tests and debug builds). Rules:
//!
//! 1. SSA: every var used is defined earlier (an input argument or an
//!    earlier op) and has a value (not a void op); a `label` starts a new
//!    scope in which only its arguments and later ops are visible (what a
//!    jump to it rebinds is all that is live there).
//! 2. Arity as in the op table; `finish` has at most one argument, calls
//!    at least the function address.
//! 3. Kinds: every argument has the kind the op expects, from the op table
//!    and its descriptor (field, array item and call argument kinds; a
//!    `getfield_gc_i` needs an int field); the result kind of a call
//!    matches its descriptor.
//! 4. Descriptor slots: ops flagged `descr` carry the right descriptor
//!    kind, existing in the table; `label`/`jump` carry a target;
//!    `debug_merge_point` its text; no other op carries anything.
//! 5. Guards have guard data (fail args, all defined values) and only
//!    guards do; `guard_value`'s second argument and the type ids of
//!    `guard_class`, `guard_nonnull_class` and `guard_exception` are constants.
//! 6. An `_ovf` op is followed by `guard_no_overflow`/`guard_overflow` and
//!    those follow one; `guard_no_exception`/`guard_exception` follow a call.
//! 7. The last op is `jump` or `finish`, and no other is.
//! 8. Label arguments are distinct vars; a jump to a label of this trace
//!    passes as many values of the same kinds.

use std::fmt;

use rpy_jitformat::{DescrRef, Descrs, Kind};

use crate::model::{FailArg, OpDescr, Trace, Value, Var};
use crate::resop::OpCode;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceError {
    /// The offending op (`None`: the trace as a whole).
    pub op: Option<usize>,
    pub msg: String,
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.op {
            Some(i) => write!(f, "op {i}: {}", self.msg),
            None => write!(f, "{}", self.msg),
        }
    }
}

/// Check a trace; all errors found, in op order.
pub fn check_trace(trace: &Trace, descrs: &Descrs) -> Result<(), Vec<TraceError>> {
    let mut c = Checker {
        trace,
        descrs,
        errors: Vec::new(),
        visible: vec![false; trace.num_vars()],
        at: None,
    };
    c.run();
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

struct Checker<'a> {
    trace: &'a Trace,
    descrs: &'a Descrs,
    errors: Vec<TraceError>,
    visible: Vec<bool>,
    at: Option<usize>,
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Int => "int",
        Kind::Ref => "ref",
        Kind::Float => "float",
        Kind::Void => "void",
    }
}

impl<'a> Checker<'a> {
    fn err(&mut self, msg: impl Into<String>) {
        self.errors.push(TraceError {
            op: self.at,
            msg: msg.into(),
        });
    }

    fn run(&mut self) {
        let t = self.trace;
        for i in 0..t.inputargs.len() {
            if t.inputargs[i] == Kind::Void {
                self.err(format!("input argument {i} is void"));
            }
            self.visible[i] = true;
        }
        if t.ops.is_empty() {
            self.err("empty trace (it must end in jump or finish)");
        }
        for (i, op) in t.ops.iter().enumerate() {
            self.at = Some(i);
            self.check_op(i);
            let last = i + 1 == t.ops.len();
            if op.opcode.is_final() != last {
                self.err(if last {
                    "the last op must be jump or finish"
                } else {
                    "jump/finish before the end"
                });
            }
            if op.opcode == OpCode::Label {
                self.visible.iter_mut().for_each(|v| *v = false);
                for a in &op.args {
                    if let Value::Var(v) = a {
                        self.visible[v.as_u32() as usize] = true;
                    }
                }
            }
            let v = t.op_var(i);
            self.visible[v.as_u32() as usize] = op.opcode.result_kind() != Kind::Void;
        }
    }

    fn use_value(&mut self, v: Value, what: &str) -> Kind {
        match v {
            Value::Const(c) => c.kind(),
            Value::Var(var) => {
                let n = var.as_u32() as usize;
                if n >= self.trace.num_vars() || !self.visible[n] {
                    self.err(format!(
                        "{what} v{n} is not defined before here (or not visible after a label)"
                    ));
                    return Kind::Void;
                }
                self.trace.var_kind(var)
            }
        }
    }

    fn expect_kind(&mut self, k: usize, v: Value, want: Kind) {
        let got = self.use_value(v, "argument");
        if got != Kind::Void && got != want {
            self.err(format!(
                "argument {k} is {}, expected {}",
                kind_name(got),
                kind_name(want)
            ));
        }
    }

    fn descr(&mut self, want: fn(DescrRef) -> bool, what: &str) -> Option<DescrRef> {
        let op = &self.trace.ops[self.at.unwrap()];
        match op.descr {
            OpDescr::Descr(d) if want(d) => {
                let exists = match d {
                    DescrRef::Field(i) => (i as usize) < self.descrs.fields.len(),
                    DescrRef::Array(i) => (i as usize) < self.descrs.arrays.len(),
                    DescrRef::Size(i) => (i as usize) < self.descrs.sizes.len(),
                    DescrRef::Call(i) => (i as usize) < self.descrs.calls.len(),
                };
                if exists {
                    return Some(d);
                }
                self.err(format!("{what} descriptor {d:?} is not in the table"));
                None
            }
            _ => {
                self.err(format!("needs a {what} descriptor"));
                None
            }
        }
    }

    fn check_op(&mut self, i: usize) {
        let op = &self.trace.ops[i];
        let opc = op.opcode;
        let args = &op.args;
        if let Some(n) = opc.arity() {
            if args.len() != n {
                self.err(format!(
                    "{} takes {n} arguments, got {}",
                    opc.name(),
                    args.len()
                ));
                return;
            }
        }
        // Descriptor slot shape (rule 4).
        match (&op.descr, opc) {
            (OpDescr::Target(_), OpCode::Label | OpCode::Jump) => {}
            (_, OpCode::Label | OpCode::Jump) => self.err("needs a target descr=<loop N>"),
            (OpDescr::Text(_), OpCode::DebugMergePoint) => {}
            (_, OpCode::DebugMergePoint) => self.err("needs its location text"),
            (OpDescr::None, _) if !opc.has_descr() => {}
            (OpDescr::Descr(_), _) if opc.has_descr() => {}
            (OpDescr::None, _) => self.err("needs a descriptor"),
            _ => self.err(format!("{} takes no descriptor", opc.name())),
        }
        // Guards (rule 5).
        match (&op.guard, opc.is_guard()) {
            (Some(g), true) => {
                for fa in &g.fail_args {
                    match *fa {
                        FailArg::Value(v) => {
                            self.use_value(v, "fail arg");
                        }
                    }
                }
            }
            (None, true) => self.err("a guard without fail args and resume id"),
            (Some(_), false) => self.err("only guards carry fail args"),
            (None, false) => {}
        }
        // Sequencing (rule 6).
        let prev = i.checked_sub(1).map(|p| self.trace.ops[p].opcode);
        let next = self.trace.ops.get(i + 1).map(|o| o.opcode);
        if opc.is_ovf() && !matches!(next, Some(OpCode::GuardNoOverflow | OpCode::GuardOverflow)) {
            self.err("an _ovf op must be followed by guard_no_overflow or guard_overflow");
        }
        if matches!(opc, OpCode::GuardNoOverflow | OpCode::GuardOverflow)
            && !prev.is_some_and(|p| p.is_ovf())
        {
            self.err(format!("{} must follow an _ovf op", opc.name()));
        }
        if matches!(opc, OpCode::GuardNoException | OpCode::GuardException)
            && !prev.is_some_and(|p| p.is_call())
        {
            self.err(format!("{} must follow a call", opc.name()));
        }
        self.check_kinds(i);
    }

    fn check_kinds(&mut self, i: usize) {
        use OpCode::*;
        let op = &self.trace.ops[i];
        let opc = op.opcode;
        let args = op.args.clone();
        let all = |c: &mut Self, k: Kind| {
            for (n, &a) in args.iter().enumerate() {
                c.expect_kind(n, a, k);
            }
        };
        let int = Kind::Int;
        let rf = Kind::Ref;
        let fl = Kind::Float;
        match opc {
            IntAdd | IntSub | IntMul | IntFloorDiv | IntMod | IntAnd | IntOr | IntXor
            | IntLShift | IntRShift | UintRShift | UintFloorDiv | IntNeg | IntInvert | IntAbs
            | IntMin | IntMax | IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintLe
            | UintGt | UintGe | IntIsTrue | IntIsZero | IntBetween | IntAddOvf | IntSubOvf
            | IntMulOvf | SameAsI | CastIntToFloat | GuardTrue | GuardFalse => all(self, int),
            FloatAdd | FloatSub | FloatMul | FloatTrueDiv | FloatNeg | FloatAbs | FloatLt
            | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe | CastFloatToInt | SameAsF => {
                all(self, fl)
            }
            PtrEq | PtrNe | SameAsR | GuardNonnull | GuardIsnull | GetTypeId => all(self, rf),
            GuardValue => {
                let k = self.use_value(args[0], "argument");
                if args[1].as_const().is_none() {
                    self.err("guard_value's second argument must be a constant");
                } else if k != Kind::Void && args[1].as_const().unwrap().kind() != k {
                    self.err("guard_value compares values of different kinds");
                }
            }
            GuardClass | GuardNonnullClass => {
                self.expect_kind(0, args[0], rf);
                if args[1].as_int_const().is_none() {
                    self.err("the type id must be an int constant");
                }
            }
            GuardException => {
                if args[0].as_int_const().is_none() {
                    self.err("the type id must be an int constant");
                }
            }
            GuardNoException | GuardNoOverflow | GuardOverflow | DebugMergePoint => {}
            GetfieldGcI | GetfieldGcR | GetfieldGcF | SetfieldGc => {
                self.expect_kind(0, args[0], rf);
                if let Some(DescrRef::Field(f)) =
                    self.descr(|d| matches!(d, DescrRef::Field(_)), "field")
                {
                    let fk = self.descrs.fields[f as usize].kind;
                    if opc == SetfieldGc {
                        self.expect_kind(1, args[1], fk);
                    } else if fk != opc.result_kind() {
                        self.err(format!("reads a {} field", kind_name(fk)));
                    }
                }
            }
            GetarrayitemGcI | GetarrayitemGcR | GetarrayitemGcF | SetarrayitemGc => {
                self.expect_kind(0, args[0], rf);
                self.expect_kind(1, args[1], int);
                if let Some(DescrRef::Array(a)) =
                    self.descr(|d| matches!(d, DescrRef::Array(_)), "array")
                {
                    let ik = self.descrs.arrays[a as usize].item_kind;
                    if opc == SetarrayitemGc {
                        self.expect_kind(2, args[2], ik);
                    } else if ik != opc.result_kind() {
                        self.err(format!("reads {} items", kind_name(ik)));
                    }
                }
            }
            ArraylenGc | NewArray | Arraycopy => {
                let kinds: &[Kind] = match opc {
                    ArraylenGc => &[rf],
                    NewArray => &[int],
                    _ => &[rf, rf, int, int, int],
                };
                for (n, (&a, &k)) in args.iter().zip(kinds).enumerate() {
                    self.expect_kind(n, a, k);
                }
                self.descr(|d| matches!(d, DescrRef::Array(_)), "array");
            }
            New => {
                self.descr(|d| matches!(d, DescrRef::Size(_)), "size");
            }
            CallI | CallR | CallF | CallN | CallPureI | CallPureR | CallPureF | CallPureN
            | CallLoopinvariantI | CallLoopinvariantR | CallLoopinvariantF | CallLoopinvariantN => {
                if args.is_empty() {
                    self.err("a call needs the function address");
                    return;
                }
                self.expect_kind(0, args[0], int);
                if let Some(DescrRef::Call(c)) =
                    self.descr(|d| matches!(d, DescrRef::Call(_)), "call")
                {
                    let cd = &self.descrs.calls[c as usize];
                    if cd.args.len() + 1 != args.len() {
                        self.err(format!(
                            "the call descriptor has {} arguments, the call passes {}",
                            cd.args.len(),
                            args.len() - 1
                        ));
                    } else {
                        for (n, k) in cd.args.clone().into_iter().enumerate() {
                            self.expect_kind(n + 1, args[n + 1], k);
                        }
                    }
                    if cd.result != opc.result_kind() {
                        self.err(format!("the callee returns {}", kind_name(cd.result)));
                    }
                }
            }
            Label => {
                let mut seen: Vec<Var> = Vec::new();
                for (n, &a) in args.iter().enumerate() {
                    self.use_value(a, "label argument");
                    match a {
                        Value::Var(v) if !seen.contains(&v) => seen.push(v),
                        Value::Var(_) => self.err(format!("label argument {n} repeats a var")),
                        Value::Const(_) => self.err(format!("label argument {n} is a constant")),
                    }
                }
            }
            Jump => {
                for &a in &args {
                    self.use_value(a, "argument");
                }
                let target = op.target().and_then(|t| self.trace.find_label(t));
                if let Some(l) = target {
                    let label = &self.trace.ops[l];
                    if label.args.len() != args.len() {
                        self.err(format!(
                            "jumps with {} values to a label of {}",
                            args.len(),
                            label.args.len()
                        ));
                    } else {
                        for (n, (&a, &b)) in args.iter().zip(&label.args).enumerate() {
                            let (ka, kb) = (self.trace.kind_of(a), self.trace.kind_of(b));
                            if ka != kb {
                                self.err(format!(
                                    "jump argument {n} is {}, the label's is {}",
                                    kind_name(ka),
                                    kind_name(kb)
                                ));
                            }
                        }
                    }
                }
            }
            Finish => {
                if args.len() > 1 {
                    self.err("finish takes at most one value");
                }
                for &a in &args {
                    self.use_value(a, "argument");
                }
            }
        }
    }
}
