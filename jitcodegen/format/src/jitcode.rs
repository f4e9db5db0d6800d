//! Jitcodes: one register bytecode per graph the JIT may enter (JIT.md,
//! "Jitcodes and descriptors").
//!
//! A jitcode has three register banks (int, ref, float). A register index
//! below the bank's `num_regs` is a variable; from `num_regs` on it names
//! the constant pool entry `index - num_regs` of that bank, so every
//! operand is a plain register index and constants need no operand kind.
//! Instructions refer to descriptors and other jitcodes by index into the
//! program's tables; addresses come from run-time tables (`Addr`).
//!
//! Liveness: every instruction that can fail a guard or raise (calls,
//! raising ops, branches, merge points) has the registers live after it in
//! `JitCode::live`, which resume data uses to rebuild frames (RPython's
//! `-live-`).

use crate::descr::{Descrs, Kind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A register index within one bank.
pub type Reg = u16;

/// A register of a given bank (call arguments and merge points mix banks).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KReg {
    pub kind: Kind,
    pub reg: Reg,
}

/// Constant int pool entries: plain values, or addresses resolved at run
/// time from the executable's tables.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConstInt {
    Value(i64),
    /// Address of a translated function (`JitProgram::funcs` index).
    Func(u32),
    /// Address of a runtime library function (`JitProgram::externs` index).
    Extern(u32),
}

/// Constant ref pool entries: null, or a prebuilt object (never moves).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConstRef {
    Null,
    /// `JitProgram::prebuilt` index.
    Prebuilt(u32),
}

/// A call's target.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Callee {
    /// A translated function, by `JitProgram::funcs` index.
    Func(u32),
    /// A runtime function, by `JitProgram::externs` index.
    Extern(u32),
    /// A function pointer in an int register.
    Indirect(Reg),
}

/// The operation of a `Pure`/`PureRaise` instruction: the low-level ops
/// that compute a value from their operands (and may raise), by name, as
/// the low-level op table spells them. Operand and result banks follow
/// from the op.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PureOp(pub u16);

macro_rules! pure_ops {
    ($( $name:literal ; )*) => {
        /// Names of the pure ops, indexed by `PureOp`.
        pub const PURE_OPS: &[&str] = &[ $( $name, )* ];
    };
}

pure_ops! {
    "same_as"; "int_add"; "int_sub"; "int_mul"; "int_floordiv"; "int_mod";
    "int_floordiv_zer"; "int_mod_zer"; "int_add_ovf"; "int_sub_ovf";
    "int_mul_ovf"; "int_neg_ovf"; "int_lshift"; "int_rshift"; "int_and";
    "int_or"; "int_xor"; "int_neg"; "int_abs"; "int_invert"; "int_pow";
    "int_lt"; "int_le"; "int_eq"; "int_ne"; "int_gt"; "int_ge";
    "int_is_true"; "int_between"; "index_check"; "int_min"; "int_max";
    "uint_floordiv"; "uint_mod"; "uint_rshift"; "uint_lt"; "uint_le";
    "uint_gt"; "uint_ge";
    "float_add"; "float_sub"; "float_mul"; "float_truediv";
    "float_floordiv"; "float_mod"; "float_pow"; "float_neg"; "float_abs";
    "float_lt"; "float_le"; "float_eq"; "float_ne"; "float_gt"; "float_ge";
    "float_is_true"; "float_min"; "float_max"; "bool_not";
    "cast_bool_to_int"; "cast_int_to_float"; "cast_float_to_int";
    "cast_char_to_int"; "cast_int_to_char"; "cast_unichar_to_int";
    "cast_int_to_unichar"; "ptr_eq"; "ptr_ne"; "ptr_iszero"; "ptr_nonzero";
}

impl PureOp {
    pub fn from_name(name: &str) -> Option<PureOp> {
        PURE_OPS
            .iter()
            .position(|n| *n == name)
            .map(|i| PureOp(i as u16))
    }

    pub fn name(self) -> &'static str {
        PURE_OPS[self.0 as usize]
    }
}

/// One jitcode instruction. Branch targets are instruction indices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Insn {
    /// `dst = src` within one bank (link arguments).
    Copy {
        kind: Kind,
        src: Reg,
        dst: Reg,
    },
    /// `dst = op(args)`; `raises`: the op may raise (the next instruction
    /// may be a `Catch`).
    Pure {
        op: PureOp,
        args: Vec<KReg>,
        dst: KReg,
        raises: bool,
    },
    GetField {
        obj: Reg,
        field: u32,
        dst: KReg,
    },
    SetField {
        obj: Reg,
        field: u32,
        value: KReg,
    },
    GetArrayItem {
        array: Reg,
        index: Reg,
        descr: u32,
        dst: KReg,
    },
    SetArrayItem {
        array: Reg,
        index: Reg,
        descr: u32,
        value: KReg,
    },
    ArrayLen {
        array: Reg,
        descr: u32,
        dst: Reg,
    },
    ArrayCopy {
        src: Reg,
        dst: Reg,
        src_start: Reg,
        dst_start: Reg,
        length: Reg,
        descr: u32,
    },
    GetTypeId {
        obj: Reg,
        dst: Reg,
    },
    New {
        size: u32,
        dst: Reg,
    },
    NewArray {
        descr: u32,
        length: Reg,
        dst: Reg,
    },
    /// A call the JIT does not trace into (runtime functions, graphs
    /// without jitcode, `dont_look_inside`, `elidable`).
    Call {
        callee: Callee,
        descr: u32,
        args: Vec<KReg>,
        dst: Option<KReg>,
    },
    /// A call into another jitcode (the tracer inlines it).
    InlineCall {
        jitcode: u32,
        args: Vec<KReg>,
        dst: Option<KReg>,
    },
    /// Raise `value` (an exception instance; its class is its type id).
    Raise {
        value: Reg,
    },
    /// Raise a fresh builtin exception: type id, message (a str or null).
    RaiseNew {
        typeid: Reg,
        message: Reg,
    },
    /// Re-raise the exception being handled.
    Reraise,
    /// If the previous instruction raised, continue at `handler`; else
    /// fall through. Absent after a raising instruction: the exception
    /// leaves the frame.
    Catch {
        handler: u32,
    },
    /// In a handler: go to `target` unless the caught exception's type id
    /// lies in `min..=max`.
    GotoIfExcMismatch {
        min: u32,
        max: u32,
        target: u32,
    },
    /// The caught exception's type id / instance.
    LastExcType {
        dst: Reg,
    },
    LastExcValue {
        dst: Reg,
    },
    Goto {
        target: u32,
    },
    /// Go to `target` if the int register is zero.
    GotoIfNot {
        cond: Reg,
        target: u32,
    },
    /// Multi-way branch on an int register.
    Switch {
        value: Reg,
        cases: Vec<(i64, u32)>,
        default: u32,
    },
    Return {
        value: Option<KReg>,
    },
    /// The interpreter's merge point: the driver, its greens, its reds.
    JitMergePoint {
        driver: u32,
        greens: Vec<KReg>,
        reds: Vec<KReg>,
    },
    /// `can_enter_jit`: a backward jump of the interpreted program.
    LoopHeader {
        driver: u32,
    },
    /// `dst = promote(src)`: a constant in the trace, behind a guard.
    Promote {
        src: KReg,
        dst: KReg,
    },
    /// `set_param(driver, param, value)`.
    SetParam {
        driver: u32,
        param: u32,
        value: Reg,
    },
}

/// Registers live at one instruction, per bank.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Live {
    pub ints: Vec<Reg>,
    pub refs: Vec<Reg>,
    pub floats: Vec<Reg>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JitCode {
    pub name: String,
    /// Index of the graph (its address is `JitProgram::funcs[func]`).
    pub func: u32,
    /// Parameters in order.
    pub params: Vec<KReg>,
    pub result: Kind,
    /// Variable registers per bank: int, ref, float.
    pub num_regs: [u16; 3],
    pub consts_i: Vec<ConstInt>,
    pub consts_r: Vec<ConstRef>,
    pub consts_f: Vec<f64>,
    pub code: Vec<Insn>,
    /// Sorted by instruction index: the registers live after each
    /// instruction that can fail a guard or raise.
    pub live: Vec<(u32, Live)>,
    /// The graph has loops (traced into only if `unroll_safe`).
    pub has_loops: bool,
}

impl JitCode {
    fn bank(k: Kind) -> usize {
        match k {
            Kind::Int => 0,
            Kind::Ref => 1,
            Kind::Float => 2,
            Kind::Void => 0,
        }
    }

    /// Is `r` a constant of bank `k`?
    pub fn is_const(&self, k: Kind, r: Reg) -> bool {
        r >= self.num_regs[Self::bank(k)]
    }

    /// The registers live after instruction `pc`, if recorded.
    pub fn live_at(&self, pc: u32) -> Option<&Live> {
        self.live
            .binary_search_by_key(&pc, |(p, _)| *p)
            .ok()
            .map(|i| &self.live[i].1)
    }
}

/// One JitDriver: where its values are exchanged with translated code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriverDescr {
    pub name: String,
    pub greens: Vec<(String, Kind)>,
    pub reds: Vec<(String, Kind)>,
    /// The portal's jitcode.
    pub portal: u32,
    /// Instruction index of the portal's merge point.
    pub merge_point: u32,
    /// The prebuilt exchange object (`JitProgram::prebuilt` index) and
    /// its field descriptors: greens, reds, then the result.
    pub exchange: u32,
    pub exchange_fields: Vec<u32>,
    pub result_field: Option<u32>,
    pub result: Kind,
    /// `get_printable_location(*greens)`, if given: its `funcs` index and
    /// call descriptor (the non-Void greens in, a str out).
    pub printable_location: Option<(u32, u32)>,
}

/// Everything the JIT runtime needs, embedded in the executable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JitProgram {
    pub descrs: Descrs,
    pub jitcodes: Vec<JitCode>,
    pub drivers: Vec<DriverDescr>,
    /// Translated functions the JIT refers to (graph indices); the code
    /// generator emits their addresses in this order.
    pub funcs: Vec<u32>,
    /// Runtime functions the JIT refers to, by symbol.
    pub externs: Vec<String>,
    /// Prebuilt objects the JIT refers to (prebuilt-data indices).
    pub prebuilt: Vec<u32>,
    /// Per call descriptor: the call stub (`stubs` index).
    pub call_stubs: Vec<u32>,
    /// Call stub signatures (`CallDescr::signature`), one stub each.
    pub stubs: Vec<String>,
    /// Jitcode of each graph, by graph index (`None`: residual only).
    pub jitcode_of: Vec<Option<u32>>,
    /// Prebuilt objects never written (`prebuilt` table indices): item
    /// reads at constant indices fold while tracing.
    pub immutable_prebuilt: Vec<u32>,
    /// Graphs the policy wanted but the codewriter could not express
    /// (they are opaque calls), with the reason: (graph name, why).
    pub refused: Vec<(String, String)>,
}

impl fmt::Display for KReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}{}", self.kind.letter(), self.reg)
    }
}

/// Call `f` on every register operand of `i` with its bank.
pub fn for_each_reg(i: &mut Insn, f: &mut dyn FnMut(Kind, &mut Reg)) {
    let kr = |k: &mut KReg, f: &mut dyn FnMut(Kind, &mut Reg)| {
        if k.kind != Kind::Void {
            f(k.kind, &mut k.reg)
        }
    };
    match i {
        Insn::Copy { kind, src, dst } => {
            f(*kind, src);
            f(*kind, dst);
        }
        Insn::Pure { args, dst, .. } => {
            args.iter_mut().for_each(|a| kr(a, f));
            kr(dst, f);
        }
        Insn::GetField { obj, dst, .. } => {
            f(Kind::Ref, obj);
            kr(dst, f);
        }
        Insn::SetField { obj, value, .. } => {
            f(Kind::Ref, obj);
            kr(value, f);
        }
        Insn::GetArrayItem {
            array, index, dst, ..
        } => {
            f(Kind::Ref, array);
            f(Kind::Int, index);
            kr(dst, f);
        }
        Insn::SetArrayItem {
            array,
            index,
            value,
            ..
        } => {
            f(Kind::Ref, array);
            f(Kind::Int, index);
            kr(value, f);
        }
        Insn::ArrayLen { array, dst, .. } => {
            f(Kind::Ref, array);
            f(Kind::Int, dst);
        }
        Insn::ArrayCopy {
            src,
            dst,
            src_start,
            dst_start,
            length,
            ..
        } => {
            f(Kind::Ref, src);
            f(Kind::Ref, dst);
            f(Kind::Int, src_start);
            f(Kind::Int, dst_start);
            f(Kind::Int, length);
        }
        Insn::GetTypeId { obj, dst } => {
            f(Kind::Ref, obj);
            f(Kind::Int, dst);
        }
        Insn::New { dst, .. } => f(Kind::Ref, dst),
        Insn::NewArray { length, dst, .. } => {
            f(Kind::Int, length);
            f(Kind::Ref, dst);
        }
        Insn::Call {
            callee, args, dst, ..
        } => {
            if let Callee::Indirect(r) = callee {
                f(Kind::Int, r);
            }
            args.iter_mut().for_each(|a| kr(a, f));
            if let Some(d) = dst {
                kr(d, f);
            }
        }
        Insn::InlineCall { args, dst, .. } => {
            args.iter_mut().for_each(|a| kr(a, f));
            if let Some(d) = dst {
                kr(d, f);
            }
        }
        Insn::Raise { value } => f(Kind::Ref, value),
        Insn::RaiseNew { typeid, message } => {
            f(Kind::Int, typeid);
            f(Kind::Ref, message);
        }
        Insn::LastExcType { dst } => f(Kind::Int, dst),
        Insn::LastExcValue { dst } => f(Kind::Ref, dst),
        Insn::GotoIfNot { cond, .. } => f(Kind::Int, cond),
        Insn::Switch { value, .. } => f(Kind::Int, value),
        Insn::Return { value } => {
            if let Some(v) = value {
                kr(v, f);
            }
        }
        Insn::JitMergePoint { greens, reds, .. } => {
            greens
                .iter_mut()
                .chain(reds.iter_mut())
                .for_each(|a| kr(a, f));
        }
        Insn::Promote { src, dst } => {
            kr(src, f);
            kr(dst, f);
        }
        Insn::SetParam { value, .. } => f(Kind::Int, value),
        Insn::Reraise
        | Insn::Catch { .. }
        | Insn::GotoIfExcMismatch { .. }
        | Insn::Goto { .. }
        | Insn::LoopHeader { .. } => {}
    }
}
