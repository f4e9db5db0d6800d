//! What generated code and the runtime library must agree on. Depends on
//! nothing, so the runtime (and its collectors) stay free of toolchain
//! crates.
//!
//! Object layout: every GC object starts with a header word:
//! bits 0..32 the type id, bits 32..64 GC flags.
//!
//! Strings (`str`): `{ hdr, hash: i64, length: i64, chars: [u32; length] }`
//! (code points; hash 0 means "not computed yet").
//! Bytes: `{ hdr, hash: i64, length: i64, bytes: [u8; length] }`.
//! Lists: `{ hdr, length: i64, items: ptr to array }`, the item array
//! `{ hdr, capacity: i64, items: [T; capacity] }`.
//! Instances: `{ hdr, fields... }`; the class is the type id.

pub mod gc;

/// Size of the GC header word.
pub const HDR_SIZE: u32 = 8;
/// Mask of the type id in the header.
pub const TYPEID_MASK: u64 = 0xffff_ffff;

/// Type ids fixed by the ABI (the runtime allocates these itself).
pub const TYPEID_STR: u32 = 1;
pub const TYPEID_BYTES: u32 = 2;
/// Array of GC pointers (the argv list's items).
pub const TYPEID_PTR_ARRAY: u32 = 3;
/// List of str (the entry point's argv).
pub const TYPEID_STR_LIST: u32 = 4;
/// First type id the rtyper assigns freely.
pub const FIRST_FREE_TYPEID: u32 = 5;

/// Offsets inside str and bytes objects.
pub const STR_HASH_OFS: u32 = 8;
pub const STR_LEN_OFS: u32 = 16;
pub const STR_CHARS_OFS: u32 = 24;

/// Offsets inside lists and their item arrays.
pub const LIST_LEN_OFS: u32 = 8;
pub const LIST_ITEMS_OFS: u32 = 16;
pub const ARRAY_LEN_OFS: u32 = 8;
pub const ARRAY_ITEMS_OFS: u32 = 16;

/// Offsets inside string builders `{hdr, length: i64, buf: *STR}` (`buf`
/// null until the first append; its length is the capacity).
pub const SB_LEN_OFS: u32 = 8;
pub const SB_BUF_OFS: u32 = 16;

/// Symbol of the translated entry point: `fn(argv: *mut List) -> i64`.
pub const ENTRY_SYMBOL: &str = "rpy_entry_point";

/// Offset of the message (a str pointer, may be null) in instances of the
/// builtin exception classes (and so of every exception class: user
/// classes add their fields after it).
pub const EXC_MSG_OFS: u32 = 8;

/// Machine types at the runtime boundary.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AbiType {
    /// i64.
    Int,
    /// f64.
    Float,
    /// i8 holding 0 or 1.
    Bool,
    /// Pointer (GC object or raw), 64 bits.
    Ptr,
    /// No result.
    Void,
}

use AbiType::*;

/// One function exported by the runtime library.
pub struct RuntimeFunc {
    pub name: &'static str,
    pub params: &'static [AbiType],
    pub result: AbiType,
    /// May set the exception state (callers must check `rpy_exc_type`).
    pub can_raise: bool,
}

macro_rules! runtime_funcs {
    ($( $name:literal ( $($p:ident),* ) -> $r:ident $(, $raise:ident)? ; )*) => {
        /// Every function of the runtime library that generated code calls.
        pub const RUNTIME_FUNCS: &[RuntimeFunc] = &[
            $( RuntimeFunc { name: $name, params: &[$($p),*], result: $r,
                             can_raise: runtime_funcs!(@raise $($raise)?) }, )*
        ];
    };
    (@raise) => { false };
    (@raise raises) => { true };
}

runtime_funcs! {
    // Memory. Returns a zeroed object of `size` bytes with its header set
    // to `typeid`. Raises MemoryError past the heap limit.
    "rpy_malloc"(Int, Int) -> Ptr, raises;
    // GC (see `gc`): collect if one is pending; full collection; add an
    // old object to the remembered set (write barrier slow path); the
    // same for a store into item `index` of an array (marks a card when
    // the array has a card table); identity hash stable across moves.
    "rpy_gc_safepoint"() -> Void;
    "rpy_gc_collect"() -> Void;
    "rpy_gc_remember"(Ptr) -> Void;
    "rpy_gc_remember_item"(Ptr, Int) -> Void;
    "rpy_identity_hash"(Ptr) -> Int;
    // Raises RecursionError (the stack-depth check at function entry).
    "rpy_stack_overflow"() -> Void, raises;
    // Exceptions: set the state; `rpy_raise_new` makes a builtin exception
    // instance (class type id, message str or null).
    "rpy_raise"(Int, Ptr) -> Void;
    "rpy_raise_new"(Int, Ptr) -> Void;
    // An attribute read, write or method call on None: prints CPython's
    // `AttributeError: 'NoneType' object has no attribute '<name str>'`
    // on stderr and exits with status 1 (never returns).
    "rpy_fatal_none_attr"(Ptr) -> Void;
    // `e.args` of an exception the runtime made with just a message, where
    // the program gives args another shape: prints the reason str (after
    // a traceback header) on stderr and exits with status 1.
    "rpy_fatal_exc_args"(Ptr) -> Void;
    // Code the annotator found unreachable was reached (an internal
    // error): prints `Fatal RPython error` and the function's name str on
    // stderr and aborts (never returns).
    "rpy_fatal_unreachable"(Ptr) -> Void;
    // A method call on an instance whose class does not have the method
    // (only other classes of the family do): prints CPython's
    // `AttributeError: '<class str>' object has no attribute '<name str>'`
    // on stderr and exits with status 1 (never returns).
    "rpy_fatal_no_attr"(Ptr, Ptr) -> Void;
    // Strings (str = code points, see the layout above).
    "rpy_str_concat"(Ptr, Ptr) -> Ptr;
    // Three-way comparison: negative, zero, positive.
    "rpy_str_cmp"(Ptr, Ptr) -> Int;
    "rpy_str_hash"(Ptr) -> Int;
    "rpy_str_mul"(Ptr, Int) -> Ptr;
    "rpy_str_contains"(Ptr, Ptr) -> Bool;
    // Conversions to str, with CPython's exact text.
    "rpy_str_from_int"(Int) -> Ptr;
    "rpy_str_from_float"(Float) -> Ptr;
    "rpy_str_from_float_py2"(Float) -> Ptr;
    "rpy_str_from_bool"(Bool) -> Ptr;
    "rpy_str_from_char"(Int) -> Ptr;
    "rpy_str_repr"(Ptr) -> Ptr;
    "rpy_bytes_repr"(Ptr) -> Ptr;
    // Parsing: int(s), int(s, base), float(s); raise ValueError with
    // CPython's message.
    "rpy_int_from_str"(Ptr, Int) -> Int, raises;
    "rpy_float_from_str"(Ptr) -> Float, raises;
    // Arithmetic with Python semantics that is not inline.
    "rpy_int_pow"(Int, Int) -> Int, raises;
    "rpy_float_pow"(Float, Float) -> Float, raises;
    "rpy_float_mod"(Float, Float) -> Float, raises;
    "rpy_float_floordiv"(Float, Float) -> Float, raises;
    "rpy_float_to_int"(Float) -> Int, raises;
    // Output: print's text goes through a buffered stdout (flushed at exit
    // and before os.write to fd 1 or 2).
    "rpy_print_str"(Ptr) -> Void;
    // py2's print statement on fd 1 (buffered) or 2: one item (its str,
    // and whether the value is a string, for the softspace rule), then
    // the newline.
    "rpy_py2_print_item"(Int, Ptr, Bool) -> Void;
    "rpy_py2_print_newline"(Int) -> Void;
    "rpy_os_write"(Int, Ptr) -> Int, raises;
    "rpy_os_read"(Int, Int) -> Ptr, raises;
    // The run-time modules os, time, math and r_uint conversions
    // (runtime/src/rtmodules.rs), with CPython's errors. getenv gives
    // null for an unset variable.
    "rpy_os_open"(Ptr, Int, Int) -> Int, raises;
    "rpy_os_close"(Int) -> Void, raises;
    "rpy_os_lseek"(Int, Int, Int) -> Int, raises;
    "rpy_os_getenv"(Ptr) -> Ptr;
    "rpy_time_time"() -> Float;
    "rpy_time_perf_counter"() -> Float;
    "rpy_str_from_uint"(Int) -> Ptr;
    "rpy_uint_to_float"(Int) -> Float;
    "rpy_math_sqrt"(Float) -> Float, raises;
    "rpy_math_exp"(Float) -> Float, raises;
    "rpy_math_log"(Float) -> Float, raises;
    "rpy_math_log10"(Float) -> Float, raises;
    "rpy_math_sin"(Float) -> Float, raises;
    "rpy_math_cos"(Float) -> Float, raises;
    "rpy_math_tan"(Float) -> Float, raises;
    "rpy_math_atan"(Float) -> Float, raises;
    "rpy_math_atan2"(Float, Float) -> Float, raises;
    "rpy_math_hypot"(Float, Float) -> Float, raises;
    "rpy_math_fmod"(Float, Float) -> Float, raises;
    "rpy_math_pow"(Float, Float) -> Float, raises;
    "rpy_math_floor"(Float) -> Int, raises;
    "rpy_math_ceil"(Float) -> Int, raises;
    // Dict key hashes (never -1): CPython's float hash, bytes (cached).
    "rpy_float_hash"(Float) -> Int;
    "rpy_bytes_hash"(Ptr) -> Int;
    // String and bytes methods (translator/runtime/src/strmethods.rs),
    // one row per type. Optional bounds come as a value plus a bit of
    // `mask` (bit 0 start, 1 stop/end, 2 step); optional str arguments as
    // null. `which` selects a variant (see the runtime's docs).
    "rpy_str_getslice"(Ptr, Int, Int, Int, Int) -> Ptr, raises;
    "rpy_str_search"(Ptr, Ptr, Int, Int, Int, Int) -> Int, raises;
    "rpy_str_startswith"(Ptr, Ptr, Int, Int, Int, Int) -> Bool;
    "rpy_str_split"(Ptr, Ptr, Int, Int, Int, Int) -> Ptr, raises;
    "rpy_str_splitlines"(Ptr, Int, Int, Int) -> Ptr;
    "rpy_str_join"(Ptr, Ptr) -> Ptr;
    "rpy_str_strip"(Ptr, Ptr, Int) -> Ptr;
    "rpy_str_replace"(Ptr, Ptr, Ptr, Int) -> Ptr;
    "rpy_str_case"(Ptr, Int) -> Ptr;
    "rpy_str_is"(Ptr, Int) -> Bool;
    "rpy_str_pad"(Ptr, Int, Ptr, Int) -> Ptr, raises;
    "rpy_str_partition"(Ptr, Ptr, Int, Int) -> Ptr, raises;
    "rpy_bytes_getslice"(Ptr, Int, Int, Int, Int) -> Ptr, raises;
    "rpy_bytes_search"(Ptr, Ptr, Int, Int, Int, Int) -> Int, raises;
    "rpy_bytes_startswith"(Ptr, Ptr, Int, Int, Int, Int) -> Bool;
    "rpy_bytes_split"(Ptr, Ptr, Int, Int, Int, Int) -> Ptr, raises;
    "rpy_bytes_splitlines"(Ptr, Int, Int, Int) -> Ptr;
    "rpy_bytes_join"(Ptr, Ptr) -> Ptr;
    "rpy_bytes_strip"(Ptr, Ptr, Int) -> Ptr;
    "rpy_bytes_replace"(Ptr, Ptr, Ptr, Int) -> Ptr;
    "rpy_bytes_case"(Ptr, Int) -> Ptr;
    "rpy_bytes_is"(Ptr, Int) -> Bool;
    "rpy_bytes_pad"(Ptr, Int, Ptr, Int) -> Ptr, raises;
    "rpy_bytes_partition"(Ptr, Ptr, Int, Int) -> Ptr, raises;
    "rpy_bytes_mul"(Ptr, Int) -> Ptr;
    "rpy_bytes_contains"(Ptr, Ptr) -> Bool;
    "rpy_bytes_contains_int"(Ptr, Int) -> Bool, raises;
    "rpy_bytes_cmp"(Ptr, Ptr) -> Int;
    // Codecs: encoding 0 utf-8, 1 latin-1, 2 ascii.
    "rpy_str_encode"(Ptr, Int) -> Ptr, raises;
    "rpy_bytes_decode"(Ptr, Int) -> Ptr, raises;
    // Format specs (value, spec str) and `%` conversions (value, flags
    // str, conversion code point), CPython's text (fmt_spec.rs).
    "rpy_format_int"(Int, Ptr) -> Ptr, raises;
    "rpy_format_float"(Float, Ptr) -> Ptr, raises;
    "rpy_format_str"(Ptr, Ptr) -> Ptr, raises;
    "rpy_percent_int"(Int, Ptr, Int) -> Ptr, raises;
    "rpy_percent_float"(Float, Ptr, Int) -> Ptr, raises;
    "rpy_percent_str"(Ptr, Ptr) -> Ptr, raises;
    // String builders (builder.rs; layout SB_*).
    "rpy_sb_append"(Ptr, Ptr) -> Void;
    "rpy_sb_append_slice"(Ptr, Ptr, Int, Int) -> Void, raises;
    "rpy_sb_append_multiple_char"(Ptr, Ptr, Int) -> Void, raises;
    "rpy_sb_build"(Ptr) -> Ptr;
    // The JIT runtime (-Ojit executables only; ARCHITECTURE.md, "The
    // portal protocol"): a `can_enter_jit` of driver `jd` whose greens and
    // reds are in the driver's exchange object; returns what the portal
    // does next (`JIT_*` below).
    "rpyjit_can_enter_jit"(Int) -> Int, raises;
    // `set_param(driver, parameter index, value)`.
    "rpyjit_set_param"(Int, Int, Int) -> Void;
}

/// `rpyjit_can_enter_jit` results: go on as if nothing happened.
pub const JIT_NOTHING: i64 = 0;
/// The exchange object holds new greens and reds: continue at the merge point with them.
pub const JIT_CONTINUE: i64 = 1;
/// The exchange object holds the portal's result: return it.
pub const JIT_RETURN: i64 = 2;
/// An exception is pending: it leaves the portal.
pub const JIT_RAISE: i64 = 3;

/// Looks up a runtime function by symbol name.
pub fn runtime_func(name: &str) -> Option<&'static RuntimeFunc> {
    RUNTIME_FUNCS.iter().find(|f| f.name == name)
}

/// Data symbols the runtime exports.
/// `rpy_exc_type: i64`: type id of the pending exception's class, 0 if none.
pub const EXC_TYPE_SYMBOL: &str = "rpy_exc_type";
/// `rpy_exc_value: ptr`: the pending exception instance.
pub const EXC_VALUE_SYMBOL: &str = "rpy_exc_value";
/// Data symbols generated code exports for the runtime:
/// `rpy_type_names: [*const u8 (NUL-terminated); rpy_type_count]`, the
/// class name of each type id (null for non-class types), used to report
/// an exception that escapes the entry point.
pub const TYPE_NAMES_SYMBOL: &str = "rpy_type_names";
pub const TYPE_COUNT_SYMBOL: &str = "rpy_type_count";
/// `rpy_builtin_exc_typeids: [i64; N]`: type ids of builtin exception
/// classes the runtime raises, in the order of `RUNTIME_EXCEPTIONS`.
pub const RUNTIME_EXC_SYMBOL: &str = "rpy_builtin_exc_typeids";
/// Exception classes the runtime itself raises, by index into
/// `rpy_builtin_exc_typeids`.
pub const RUNTIME_EXCEPTIONS: &[&str] = &[
    "ValueError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "MemoryError",
    "OSError",
    "RuntimeError",
    "RecursionError",
    "TypeError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
];
