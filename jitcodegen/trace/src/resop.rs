//! The trace operation set: one table generating the enum, names, parsing,
//! arities, result kinds and flags (RPython's resoperation.py `_oplist`).
//!
//! Each row is `Variant "name" (arity -> result) [flags]`, arity a number
//! or `*` (variadic), result one of `i r f v` (int, ref, float, void).
//!
//! Flags:
//! - `canfold`: a function of its arguments with no effect; the optimiser
//!   may fold it when the arguments are constants and merge repeats (CSE).
//! - `pure`: no effect and same arguments give the same result, but the
//!   optimiser cannot compute it (it would need the heap or a call): merge
//!   repeats only (`call_pure_*`, `arraylen_gc`, `gettypeid`).
//! - `readonly`: reads the heap, writes nothing (removable when unused).
//! - `descr`: carries a descriptor (field, array, size or call).
//! - `guard`: a guard (has fail args and a resume id).
//! - `call`: a call; argument 0 is the function address, the call
//!   descriptor says the other arguments' kinds and the effects.
//! - `ovf`: sets the overflow flag that the next op (`guard_no_overflow`
//!   or `guard_overflow`) tests.
//! - `alloc`: allocates (may collect).
//! - `final`: ends a trace (`jump`, `finish`).
//!
//! Semantics are machine-level with Python's rounding where the ops have
//! it: `int_floordiv`/`int_mod` round towards negative infinity and their
//! divisor is known non-zero; shift counts are known >= 0 and a count of 64
//! or more gives 0 (`int_lshift`, `uint_rshift`) or the sign (`int_rshift`).
//! Arithmetic wraps unless `_ovf`. The one evaluator of these is `eval.rs`.

use rpy_jitformat::Kind;

macro_rules! res_ops {
    ($( $(#[$doc:meta])* $variant:ident $text:literal ($arity:tt -> $res:ident) [$($flag:ident),*] ; )*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum OpCode { $( $(#[$doc])* $variant, )* }

        impl OpCode {
            pub const ALL: &'static [OpCode] = &[ $( OpCode::$variant, )* ];

            pub fn name(self) -> &'static str {
                match self { $( OpCode::$variant => $text, )* }
            }

            pub fn parse(s: &str) -> Option<OpCode> {
                match s { $( $text => Some(OpCode::$variant), )* _ => None }
            }

            /// Number of arguments, `None` for variadic ops.
            pub fn arity(self) -> Option<usize> {
                match self { $( OpCode::$variant => res_ops!(@arity $arity), )* }
            }

            /// The kind of the result (`Kind::Void`: no result).
            pub fn result_kind(self) -> Kind {
                match self { $( OpCode::$variant => res_ops!(@kind $res), )* }
            }

            fn flags(self) -> u16 {
                match self { $( OpCode::$variant => 0 $( | res_ops!(@flag $flag) )*, )* }
            }
        }
    };
    (@arity *) => { None };
    (@arity $n:literal) => { Some($n) };
    (@kind i) => { Kind::Int };
    (@kind r) => { Kind::Ref };
    (@kind f) => { Kind::Float };
    (@kind v) => { Kind::Void };
    (@flag canfold) => { CANFOLD };
    (@flag pure) => { PURE };
    (@flag readonly) => { READONLY };
    (@flag descr) => { DESCR };
    (@flag guard) => { GUARD };
    (@flag call) => { CALL };
    (@flag ovf) => { OVF };
    (@flag alloc) => { ALLOC };
    (@flag final) => { FINAL };
}

const CANFOLD: u16 = 1 << 0;
const PURE: u16 = 1 << 1;
const READONLY: u16 = 1 << 2;
const DESCR: u16 = 1 << 3;
const GUARD: u16 = 1 << 4;
const CALL: u16 = 1 << 5;
const OVF: u16 = 1 << 6;
const ALLOC: u16 = 1 << 7;
const FINAL: u16 = 1 << 8;

res_ops! {
    // Integers (64-bit, wrapping).
    IntAdd "int_add" (2 -> i) [canfold];
    IntSub "int_sub" (2 -> i) [canfold];
    IntMul "int_mul" (2 -> i) [canfold];
    /// Floor division (Python rounding); the divisor is known non-zero.
    IntFloorDiv "int_floordiv" (2 -> i) [canfold];
    /// Python's modulo (sign of the divisor); the divisor is known non-zero.
    IntMod "int_mod" (2 -> i) [canfold];
    IntAnd "int_and" (2 -> i) [canfold];
    IntOr "int_or" (2 -> i) [canfold];
    IntXor "int_xor" (2 -> i) [canfold];
    IntLShift "int_lshift" (2 -> i) [canfold];
    IntRShift "int_rshift" (2 -> i) [canfold];
    UintRShift "uint_rshift" (2 -> i) [canfold];
    /// Unsigned division; the divisor is known non-zero.
    UintFloorDiv "uint_floordiv" (2 -> i) [canfold];
    IntNeg "int_neg" (1 -> i) [canfold];
    IntInvert "int_invert" (1 -> i) [canfold];
    IntAbs "int_abs" (1 -> i) [canfold];
    IntMin "int_min" (2 -> i) [canfold];
    IntMax "int_max" (2 -> i) [canfold];
    IntLt "int_lt" (2 -> i) [canfold];
    IntLe "int_le" (2 -> i) [canfold];
    IntEq "int_eq" (2 -> i) [canfold];
    IntNe "int_ne" (2 -> i) [canfold];
    IntGt "int_gt" (2 -> i) [canfold];
    IntGe "int_ge" (2 -> i) [canfold];
    UintLt "uint_lt" (2 -> i) [canfold];
    UintLe "uint_le" (2 -> i) [canfold];
    UintGt "uint_gt" (2 -> i) [canfold];
    UintGe "uint_ge" (2 -> i) [canfold];
    IntIsTrue "int_is_true" (1 -> i) [canfold];
    IntIsZero "int_is_zero" (1 -> i) [canfold];
    /// (a, b, c) -> `a <= b < c`.
    IntBetween "int_between" (3 -> i) [canfold];
    /// Wrapping result; sets the overflow flag for the guard that follows.
    IntAddOvf "int_add_ovf" (2 -> i) [ovf];
    IntSubOvf "int_sub_ovf" (2 -> i) [ovf];
    IntMulOvf "int_mul_ovf" (2 -> i) [ovf];
    // Floats (IEEE double).
    FloatAdd "float_add" (2 -> f) [canfold];
    FloatSub "float_sub" (2 -> f) [canfold];
    FloatMul "float_mul" (2 -> f) [canfold];
    /// The divisor is known non-zero (the tracer guards before).
    FloatTrueDiv "float_truediv" (2 -> f) [canfold];
    FloatNeg "float_neg" (1 -> f) [canfold];
    FloatAbs "float_abs" (1 -> f) [canfold];
    FloatLt "float_lt" (2 -> i) [canfold];
    FloatLe "float_le" (2 -> i) [canfold];
    FloatEq "float_eq" (2 -> i) [canfold];
    FloatNe "float_ne" (2 -> i) [canfold];
    FloatGt "float_gt" (2 -> i) [canfold];
    FloatGe "float_ge" (2 -> i) [canfold];
    CastIntToFloat "cast_int_to_float" (1 -> f) [canfold];
    /// Truncating; the tracer has checked the range (saturates otherwise).
    CastFloatToInt "cast_float_to_int" (1 -> i) [canfold];
    // Pointers.
    PtrEq "ptr_eq" (2 -> i) [canfold];
    PtrNe "ptr_ne" (2 -> i) [canfold];
    SameAsI "same_as_i" (1 -> i) [canfold];
    SameAsR "same_as_r" (1 -> r) [canfold];
    SameAsF "same_as_f" (1 -> f) [canfold];
    // Memory (GC objects: header word at offset 0, type id in its low 32 bits).
    GetfieldGcI "getfield_gc_i" (1 -> i) [readonly, descr];
    GetfieldGcR "getfield_gc_r" (1 -> r) [readonly, descr];
    GetfieldGcF "getfield_gc_f" (1 -> f) [readonly, descr];
    /// (obj, value); a GC pointer store has a write barrier on obj.
    SetfieldGc "setfield_gc" (2 -> v) [descr];
    GetarrayitemGcI "getarrayitem_gc_i" (2 -> i) [readonly, descr];
    GetarrayitemGcR "getarrayitem_gc_r" (2 -> r) [readonly, descr];
    GetarrayitemGcF "getarrayitem_gc_f" (2 -> f) [readonly, descr];
    /// (array, index, value); the index is known in bounds.
    SetarrayitemGc "setarrayitem_gc" (3 -> v) [descr];
    /// Lengths never change: a repeat gives the same value.
    ArraylenGc "arraylen_gc" (1 -> i) [pure, descr];
    /// (src, dst, src_start, dst_start, length): memmove of items.
    Arraycopy "arraycopy" (5 -> v) [descr];
    /// The type id of an object (low 32 bits of its header).
    GetTypeId "gettypeid" (1 -> i) [pure];
    /// Fresh zeroed object with its header set (descr: size).
    New "new" (0 -> r) [alloc, descr];
    /// (length) -> fresh zeroed array with header and length set (descr: array).
    NewArray "new_array" (1 -> r) [alloc, descr];
    // Calls: (function address, args...; descr: call).
    CallI "call_i" (* -> i) [call, descr];
    CallR "call_r" (* -> r) [call, descr];
    CallF "call_f" (* -> f) [call, descr];
    CallN "call_n" (* -> v) [call, descr];
    /// Elidable calls: repeats may be merged, never folded (the optimiser
    /// cannot call functions).
    CallPureI "call_pure_i" (* -> i) [call, pure, descr];
    CallPureR "call_pure_r" (* -> r) [call, pure, descr];
    CallPureF "call_pure_f" (* -> f) [call, pure, descr];
    CallPureN "call_pure_n" (* -> v) [call, pure, descr];
    /// Same result for the whole loop: repeats of the same function merge.
    CallLoopinvariantI "call_loopinvariant_i" (* -> i) [call, descr];
    CallLoopinvariantR "call_loopinvariant_r" (* -> r) [call, descr];
    CallLoopinvariantF "call_loopinvariant_f" (* -> f) [call, descr];
    CallLoopinvariantN "call_loopinvariant_n" (* -> v) [call, descr];
    // Guards: fail args and a resume id; on failure leave to resume.
    GuardTrue "guard_true" (1 -> v) [guard];
    GuardFalse "guard_false" (1 -> v) [guard];
    /// (x, constant).
    GuardValue "guard_value" (2 -> v) [guard];
    /// (p, type id): p is non-null (known) and has exactly this type id.
    GuardClass "guard_class" (2 -> v) [guard];
    GuardNonnull "guard_nonnull" (1 -> v) [guard];
    GuardIsnull "guard_isnull" (1 -> v) [guard];
    /// (p, type id): p is non-null and has this type id.
    GuardNonnullClass "guard_nonnull_class" (2 -> v) [guard];
    GuardNoException "guard_no_exception" (0 -> v) [guard];
    /// (type id) -> the pending exception's instance, which must have
    /// exactly this type id; clears the exception state.
    GuardException "guard_exception" (1 -> r) [guard];
    GuardNoOverflow "guard_no_overflow" (0 -> v) [guard];
    GuardOverflow "guard_overflow" (0 -> v) [guard];
    // Control.
    /// A loop header: its arguments are (re)bound by jumps to its token.
    Label "label" (* -> v) [descr];
    /// Continue at the label with this token (in this trace or another).
    Jump "jump" (* -> v) [descr, final];
    /// Leave compiled code with zero or one value.
    Finish "finish" (* -> v) [final];
    /// No-op carrying the source location text, for logs.
    DebugMergePoint "debug_merge_point" (0 -> v) [];
}

impl OpCode {
    pub fn can_fold(self) -> bool {
        self.flags() & CANFOLD != 0
    }
    /// Repeats with the same arguments (and descriptor) give the same
    /// result and have no effect: `canfold` and `pure` rows.
    pub fn is_pure(self) -> bool {
        self.flags() & (CANFOLD | PURE) != 0
    }
    /// Removable when its result is unused.
    pub fn has_no_side_effect(self) -> bool {
        self.flags() & (CANFOLD | PURE | READONLY) != 0
    }
    pub fn has_descr(self) -> bool {
        self.flags() & DESCR != 0
    }
    pub fn is_guard(self) -> bool {
        self.flags() & GUARD != 0
    }
    pub fn is_call(self) -> bool {
        self.flags() & CALL != 0
    }
    pub fn is_ovf(self) -> bool {
        self.flags() & OVF != 0
    }
    pub fn is_alloc(self) -> bool {
        self.flags() & ALLOC != 0
    }
    pub fn is_final(self) -> bool {
        self.flags() & FINAL != 0
    }
    pub fn is_call_pure(self) -> bool {
        matches!(
            self,
            OpCode::CallPureI | OpCode::CallPureR | OpCode::CallPureF | OpCode::CallPureN
        )
    }
    pub fn is_call_loopinvariant(self) -> bool {
        matches!(
            self,
            OpCode::CallLoopinvariantI
                | OpCode::CallLoopinvariantR
                | OpCode::CallLoopinvariantF
                | OpCode::CallLoopinvariantN
        )
    }
    /// The plain call with the same result kind (what a `call_pure_*` or
    /// `call_loopinvariant_*` becomes when it must be executed).
    pub fn plain_call(self) -> OpCode {
        match self {
            OpCode::CallPureI | OpCode::CallLoopinvariantI => OpCode::CallI,
            OpCode::CallPureR | OpCode::CallLoopinvariantR => OpCode::CallR,
            OpCode::CallPureF | OpCode::CallLoopinvariantF => OpCode::CallF,
            OpCode::CallPureN | OpCode::CallLoopinvariantN => OpCode::CallN,
            other => other,
        }
    }
    /// `call_i`/`call_r`/`call_f`/`call_n` by result kind.
    pub fn call_for(kind: Kind) -> OpCode {
        match kind {
            Kind::Int => OpCode::CallI,
            Kind::Ref => OpCode::CallR,
            Kind::Float => OpCode::CallF,
            Kind::Void => OpCode::CallN,
        }
    }
    pub fn same_as_for(kind: Kind) -> Option<OpCode> {
        match kind {
            Kind::Int => Some(OpCode::SameAsI),
            Kind::Ref => Some(OpCode::SameAsR),
            Kind::Float => Some(OpCode::SameAsF),
            Kind::Void => None,
        }
    }
    /// Commutative binary ops (for CSE keys and folding identities).
    pub fn is_commutative(self) -> bool {
        matches!(
            self,
            OpCode::IntAdd
                | OpCode::IntMul
                | OpCode::IntAnd
                | OpCode::IntOr
                | OpCode::IntXor
                | OpCode::IntMin
                | OpCode::IntMax
                | OpCode::IntEq
                | OpCode::IntNe
                | OpCode::FloatAdd
                | OpCode::FloatMul
                | OpCode::FloatEq
                | OpCode::FloatNe
                | OpCode::PtrEq
                | OpCode::PtrNe
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for &op in OpCode::ALL {
            assert_eq!(OpCode::parse(op.name()), Some(op));
        }
    }

    #[test]
    fn guards_and_finals_have_no_result_except_guard_exception() {
        for &op in OpCode::ALL {
            if op.is_final() || (op.is_guard() && op != OpCode::GuardException) {
                assert_eq!(op.result_kind(), Kind::Void, "{}", op.name());
            }
        }
    }
}
