//! The low-level operation set: one table generating the enum, names,
//! parsing and flags (RPython's lloperation.py).
//!
//! Flags: `canfold` (pure: same args give the same result and no effect),
//! `canraise` (may set the exception state; the op then ends its block's
//! normal flow with an exception check), `gc` (may allocate, so may
//! collect: GC pointers live across it are roots), `pure` (may raise, but
//! otherwise a function of its arguments with no effect).
//!
//! Arithmetic follows Python where it differs from C: `int_floordiv` and
//! `int_mod` round towards negative infinity; the `_zer` variants raise
//! ZeroDivisionError on a zero divisor; the `_ovf` variants raise
//! OverflowError instead of wrapping.

macro_rules! ll_ops {
    ($( $(#[$doc:meta])* $variant:ident $text:literal [$($flag:ident),*] ; )*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum LlOp { $( $(#[$doc])* $variant, )* }

        impl LlOp {
            pub const ALL: &'static [LlOp] = &[ $( LlOp::$variant, )* ];

            pub fn name(self) -> &'static str {
                match self { $( LlOp::$variant => $text, )* }
            }

            pub fn parse(s: &str) -> Option<LlOp> {
                match s { $( $text => Some(LlOp::$variant), )* _ => None }
            }

            pub fn can_fold(self) -> bool {
                match self { $( LlOp::$variant => ll_ops!(@has canfold $($flag)*), )* }
            }

            pub fn can_raise(self) -> bool {
                match self { $( LlOp::$variant => ll_ops!(@has canraise $($flag)*), )* }
            }

            pub fn can_collect(self) -> bool {
                match self { $( LlOp::$variant => ll_ops!(@has gc $($flag)*), )* }
            }

            /// A function of its arguments that may raise but has no
            /// other effect (`canfold` ops, and the rows flagged `pure`):
            /// a repeat on a path where the first did not raise gives the
            /// same value and cannot raise.
            pub fn is_pure(self) -> bool {
                match self {
                    $( LlOp::$variant => ll_ops!(@has canfold $($flag)*)
                        || ll_ops!(@has pure $($flag)*), )*
                }
            }
        }
    };
    (@has $want:ident) => { false };
    (@has $want:ident $first:ident $($rest:ident)*) => {
        ll_ops!(@eq $want $first) || ll_ops!(@has $want $($rest)*)
    };
    (@eq canfold canfold) => { true };
    (@eq canraise canraise) => { true };
    (@eq gc gc) => { true };
    (@eq pure pure) => { true };
    (@eq $a:ident $b:ident) => { false };
}

ll_ops! {
    SameAs "same_as" [canfold];
    // Signed integers (wrapping unless _ovf).
    IntAdd "int_add" [canfold];
    IntSub "int_sub" [canfold];
    IntMul "int_mul" [canfold];
    /// Floor division; the divisor is known non-zero.
    IntFloorDiv "int_floordiv" [canfold];
    IntMod "int_mod" [canfold];
    IntFloorDivZer "int_floordiv_zer" [canraise, pure];
    IntModZer "int_mod_zer" [canraise, pure];
    IntAddOvf "int_add_ovf" [canraise, pure];
    IntSubOvf "int_sub_ovf" [canraise, pure];
    IntMulOvf "int_mul_ovf" [canraise, pure];
    IntNegOvf "int_neg_ovf" [canraise, pure];
    /// Shifts: a negative count raises ValueError (Python), a count >= 64
    /// gives 0 (lshift) or the sign (rshift).
    IntLShift "int_lshift" [canraise, pure];
    IntRShift "int_rshift" [canraise, pure];
    IntAnd "int_and" [canfold];
    IntOr "int_or" [canfold];
    IntXor "int_xor" [canfold];
    IntNeg "int_neg" [canfold];
    IntAbs "int_abs" [canfold];
    IntInvert "int_invert" [canfold];
    /// `x ** y` on ints; a negative exponent raises ValueError.
    IntPow "int_pow" [canraise, pure];
    IntLt "int_lt" [canfold];
    IntLe "int_le" [canfold];
    IntEq "int_eq" [canfold];
    IntNe "int_ne" [canfold];
    IntGt "int_gt" [canfold];
    IntGe "int_ge" [canfold];
    IntIsTrue "int_is_true" [canfold];
    /// (a, b, c) -> `a <= b < c`, for `a <= c` (bounds checks: one
    /// unsigned compare of `b - a` against `c - a`).
    IntBetween "int_between" [canfold];
    /// (index, length, message str) -> the index normalised into
    /// `0..length` (a negative one counts from the end), or raises
    /// IndexError(message): the bounds check of every list, str and bytes
    /// access, one op so that passes can merge repeated checks.
    IndexCheck "index_check" [canraise, pure];
    IntMin "int_min" [canfold];
    IntMax "int_max" [canfold];
    // Floats.
    FloatAdd "float_add" [canfold];
    FloatSub "float_sub" [canfold];
    FloatMul "float_mul" [canfold];
    /// Division by zero raises ZeroDivisionError.
    FloatTrueDiv "float_truediv" [canraise, pure];
    FloatFloorDiv "float_floordiv" [canraise, pure];
    FloatMod "float_mod" [canraise, pure];
    FloatPow "float_pow" [canraise, pure];
    FloatNeg "float_neg" [canfold];
    FloatAbs "float_abs" [canfold];
    FloatLt "float_lt" [canfold];
    FloatLe "float_le" [canfold];
    FloatEq "float_eq" [canfold];
    FloatNe "float_ne" [canfold];
    FloatGt "float_gt" [canfold];
    FloatGe "float_ge" [canfold];
    FloatIsTrue "float_is_true" [canfold];
    FloatMin "float_min" [canfold];
    FloatMax "float_max" [canfold];
    // Booleans and casts.
    BoolNot "bool_not" [canfold];
    CastBoolToInt "cast_bool_to_int" [canfold];
    CastIntToFloat "cast_int_to_float" [canfold];
    /// Truncating; NaN or out of range raises (OverflowError/ValueError).
    CastFloatToInt "cast_float_to_int" [canraise, pure];
    CastCharToInt "cast_char_to_int" [canfold];
    CastIntToChar "cast_int_to_char" [canfold];
    CastUniCharToInt "cast_unichar_to_int" [canfold];
    CastIntToUniChar "cast_int_to_unichar" [canfold];
    // Pointers and memory.
    PtrEq "ptr_eq" [canfold];
    PtrNe "ptr_ne" [canfold];
    PtrIsNull "ptr_iszero" [canfold];
    PtrNonNull "ptr_nonzero" [canfold];
    /// (type) -> fresh object with zeroed fields and its header set.
    Malloc "malloc" [gc];
    /// (type, length) -> fresh varsize object.
    MallocVarsize "malloc_varsize" [gc];
    /// (ptr, field) -> value.
    GetField "getfield" [];
    /// (ptr, field, value).
    SetField "setfield" [];
    /// (ptr) -> length of a varsize object.
    GetArrayLen "getarraysize" [];
    /// (ptr, index) -> item; the index is known to be in bounds.
    GetArrayItem "getarrayitem" [];
    /// (ptr, index, value).
    SetArrayItem "setarrayitem" [];
    /// (src, dst, src_start, dst_start, length): copies `length` items
    /// between two arrays of the same item type with memmove semantics
    /// (RPython's ll_arraycopy). No bounds checks: the helper graph that
    /// emits it has checked. The GC transform puts a whole-object barrier
    /// on `dst` before a copy of GC pointers.
    ArrayCopy "arraycopy" [];
    /// (ptr) -> type id from the header, as Signed.
    GetTypeId "gettypeid" [canfold];
    // Exceptions.
    /// (class type id, instance) -> raises it (sets the exception state).
    Raise "raise" [canraise];
    /// (class type id, message str) -> raises a fresh builtin exception.
    RaiseNew "raise_new" [canraise, gc];
    // Calls.
    /// (func const, args...) -> result.
    DirectCall "direct_call" [canraise, gc];
    /// (func ptr, args...) -> result.
    IndirectCall "indirect_call" [canraise, gc];
    // JIT hints (RPython's jit_marker ops). They survive the rtyper so the
    // JIT generator sees them; `rpy_codewriter::hints` strips them before
    // backend optimisations (-O0/-O2) or rewrites them (-Ojit), so code
    // generation never meets them.
    /// (driver index, greens..., reds...): the interpreter's merge point.
    JitMergePoint "jit_merge_point" [];
    /// (driver index, greens..., reds...): a backward jump of the
    /// interpreted program (where warm-up counters tick).
    CanEnterJit "can_enter_jit" [];
    /// (driver index): marks a loop header for function-entry traces.
    JitLoopHeader "jit_loop_header" [];
    /// (x) -> x, a constant in the trace behind a guard.
    JitPromote "jit_promote" [];
    /// () -> Bool: true in jitcodes, false in translated code.
    JitWeAreJitted "jit_we_are_jitted" [];
    /// (driver index, parameter index (`rpy_jitformat::params`), value).
    JitSetParam "jit_set_param" [];
    // Inserted by the GC transform (`rpy-gc`), after rtyping.
    /// (roots...): stores the GC pointers in this frame's shadow stack
    /// slots 0..n and sets the shadow stack top just past them.
    GcPushRoots "gc_push_roots" [];
    /// (slot: Signed) -> the pointer saved in that slot (moved by a
    /// collection, maybe).
    GcReloadRoot "gc_reload_root" [];
    /// () -> collects if a collection is pending.
    GcSafepoint "gc_safepoint" [gc];
    /// (obj): before a GC pointer is stored into obj (generational GC).
    GcWriteBarrier "gc_write_barrier" [];
    /// (array, index): before a GC pointer is stored into item `index` of
    /// the array (generational GC; large arrays mark a card).
    GcWriteBarrierItem "gc_write_barrier_item" [];
}

impl std::fmt::Display for LlOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &op in LlOp::ALL {
            assert_eq!(LlOp::parse(op.name()), Some(op));
        }
        assert!(LlOp::IntAdd.can_fold() && !LlOp::IntAdd.can_raise());
        assert!(LlOp::DirectCall.can_raise() && LlOp::DirectCall.can_collect());
        assert!(LlOp::IndexCheck.is_pure() && LlOp::IntAdd.is_pure());
        assert!(!LlOp::DirectCall.is_pure() && !LlOp::SetField.is_pure() && !LlOp::Raise.is_pure());
    }
}
