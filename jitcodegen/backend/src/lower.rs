//! Python-semantics lowering of primitive operations to Cranelift IR, for
//! both code generators (JIT.md, "Layering": compiled traces and
//! translated code must not drift).
//!
//! The interface depends on `cranelift-codegen`, `cranelift-frontend` and
//! `rpy-abi` only: values are Cranelift `Value`s (64-bit ints are `I64`,
//! conditions `I8`), and everything that differs between the ahead-of-time
//! generator and the JIT (how a runtime symbol's address is formed, how a
//! runtime function is called, what happens around a call that collects)
//! goes through the `RuntimeAccess` trait the caller implements.
//!
//! What is here:
//! * integers: Python floor division and modulo (`MIN // -1` wraps),
//!   shifts whose count may be 64 or more (0, or the sign for `>>`),
//!   overflow-checked add/sub/mul (value and flag), `a <= x < c`;
//! * GC: the allocation fast path (bump in `[nursery_free, nursery_top)`,
//!   header store, `rpy_malloc(typeid, size)` on a cold slow path, sizes
//!   compared unsigned so huge or negative ones take it), the generational
//!   write barriers (test `GCFLAG_TRACK_YOUNG` in the header inline, call
//!   the runtime only when set), and shadow-stack root spills (store the
//!   roots at the top, move the top past them, reload them after).
//!
//! The AOT code generator (`translator/codegen`) still has its own copies;
//! switching it to this module is a later step that must leave its object
//! code unchanged (the sequences here are written to be the same).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, BlockArg, InstBuilder, MemFlagsData, Value};
use cranelift_frontend::FunctionBuilder;
use rpy_abi::gc::{GCFLAG_TRACK_YOUNG, MIN_OBJECT_SIZE};

/// Runtime data words the lowering reads or writes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RtData {
    /// `rpy_gc_nursery_free`: next free byte of the bump region.
    NurseryFree,
    /// `rpy_gc_nursery_top`: end of the bump region.
    NurseryTop,
    /// `rpy_shadowstack_top`: next free root slot.
    ShadowStackTop,
}

/// Runtime functions the lowering calls.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RtFunc {
    /// `rpy_malloc(typeid: i64, size: i64) -> ptr`; may collect.
    Malloc,
    /// `rpy_gc_remember(obj)`.
    Remember,
    /// `rpy_gc_remember_item(array, index)`.
    RememberItem,
}

/// What the lowering needs from its code generator.
pub trait RuntimeAccess {
    /// The address of a runtime data word.
    fn data_addr(&mut self, b: &mut FunctionBuilder, d: RtData) -> Value;
    /// Call a runtime function (the implementer keeps live GC pointers on
    /// the shadow stack around `Malloc`, and checks exceptions if it must).
    fn call(&mut self, b: &mut FunctionBuilder, f: RtFunc, args: &[Value]) -> Option<Value>;
}

fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Python's `x // y` on i64 (`y != 0`; `MIN // -1` wraps to `MIN`).
pub fn floordiv(b: &mut FunctionBuilder, x: Value, y: Value) -> Value {
    python_divmod(b, x, y, true)
}

/// Python's `x % y` on i64 (`y != 0`; the result has `y`'s sign).
pub fn pymod(b: &mut FunctionBuilder, x: Value, y: Value) -> Value {
    python_divmod(b, x, y, false)
}

fn python_divmod(b: &mut FunctionBuilder, x: Value, y: Value, div: bool) -> Value {
    // `sdiv` traps on MIN / -1: divide by 1 instead and negate.
    let minus_one = b.ins().icmp_imm_s(IntCC::Equal, y, -1);
    let one = b.ins().iconst(types::I64, 1);
    let safe_y = b.ins().select(minus_one, one, y);
    let q0 = b.ins().sdiv(x, safe_y);
    let neg_x = b.ins().ineg(x);
    let q = b.ins().select(minus_one, neg_x, q0);
    let qy = b.ins().imul(q, y);
    let r = b.ins().isub(x, qy);
    // Round towards negative infinity: adjust when r != 0 and its sign
    // differs from y's.
    let r_nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
    let signs = b.ins().bxor(r, y);
    let differ = b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
    let adjust = b.ins().band(r_nonzero, differ);
    if div {
        let q1 = b.ins().iadd_imm_s(q, -1);
        b.ins().select(adjust, q1, q)
    } else {
        let r1 = b.ins().iadd(r, y);
        b.ins().select(adjust, r1, r)
    }
}

/// `x << n` for `n >= 0`; 0 when `n >= 64`.
pub fn lshift(b: &mut FunctionBuilder, x: Value, n: Value) -> Value {
    let big = b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, n, 63);
    let shifted = b.ins().ishl(x, n);
    let zero = b.ins().iconst(types::I64, 0);
    b.ins().select(big, zero, shifted)
}

/// Arithmetic `x >> n` for `n >= 0`; the sign when `n >= 64`.
pub fn rshift(b: &mut FunctionBuilder, x: Value, n: Value) -> Value {
    let c63 = b.ins().iconst(types::I64, 63);
    let c = b.ins().umin(n, c63);
    b.ins().sshr(x, c)
}

/// Logical `x >> n` for `n >= 0`; 0 when `n >= 64`.
pub fn urshift(b: &mut FunctionBuilder, x: Value, n: Value) -> Value {
    let big = b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, n, 63);
    let shifted = b.ins().ushr(x, n);
    let zero = b.ins().iconst(types::I64, 0);
    b.ins().select(big, zero, shifted)
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OvfOp {
    Add,
    Sub,
    Mul,
}

/// The wrapped result and the overflow flag (`I8`).
pub fn ovf(b: &mut FunctionBuilder, op: OvfOp, x: Value, y: Value) -> (Value, Value) {
    match op {
        OvfOp::Add => b.ins().sadd_overflow(x, y),
        OvfOp::Sub => b.ins().ssub_overflow(x, y),
        OvfOp::Mul => b.ins().smul_overflow(x, y),
    }
}

/// `a <= x < c` (signed), as a condition.
pub fn int_between(b: &mut FunctionBuilder, a: Value, x: Value, c: Value) -> Value {
    let lo = b.ins().icmp(IntCC::SignedLessThanOrEqual, a, x);
    let hi = b.ins().icmp(IntCC::SignedLessThan, x, c);
    b.ins().band(lo, hi)
}

/// A condition (`I8`) as a 0/1 word.
pub fn bool_to_word(b: &mut FunctionBuilder, c: Value) -> Value {
    b.ins().uextend(types::I64, c)
}

/// The size of a variable-size object: `base + length * item`, rounded up
/// to a multiple of 8.
pub fn varsize(b: &mut FunctionBuilder, base: u32, item: u32, length: Value) -> Value {
    let items = b.ins().imul_imm_s(length, item as i64);
    let raw = b.ins().iadd_imm_s(items, base as i64 + 7);
    b.ins().band_imm_s(raw, -8)
}

/// A zeroed GC object of `size` bytes (a multiple of 8) with its header
/// set to `type_id`: inline bump in the nursery, `rpy_malloc` on the cold
/// slow path. Returns the object (`I64`).
pub fn alloc(
    b: &mut FunctionBuilder,
    rt: &mut dyn RuntimeAccess,
    type_id: u32,
    size: Value,
) -> Value {
    let min = b.ins().iconst(types::I64, MIN_OBJECT_SIZE as i64);
    let size = b.ins().smax(size, min);
    let free_addr = rt.data_addr(b, RtData::NurseryFree);
    let top_addr = rt.data_addr(b, RtData::NurseryTop);
    let free = b.ins().load(types::I64, trusted(), free_addr, 0);
    let top = b.ins().load(types::I64, trusted(), top_addr, 0);
    let avail = b.ins().isub(top, free);
    let fits = b.ins().icmp(IntCC::UnsignedLessThanOrEqual, size, avail);
    let fast = b.create_block();
    let slow = b.create_block();
    b.set_cold_block(slow);
    let join = b.create_block();
    let result = b.append_block_param(join, types::I64);
    b.ins().brif(fits, fast, &[], slow, &[]);
    b.seal_block(fast);
    b.seal_block(slow);

    b.switch_to_block(fast);
    let new_free = b.ins().iadd(free, size);
    b.ins().store(trusted(), new_free, free_addr, 0);
    let hdr = b.ins().iconst(types::I64, type_id as i64);
    b.ins().store(trusted(), hdr, free, 0);
    b.ins().jump(join, &[BlockArg::Value(free)]);

    b.switch_to_block(slow);
    let tid = b.ins().iconst(types::I64, type_id as i64);
    let obj = rt
        .call(b, RtFunc::Malloc, &[tid, size])
        .expect("rpy_malloc returns a pointer");
    b.ins().jump(join, &[BlockArg::Value(obj)]);
    b.seal_block(join);

    b.switch_to_block(join);
    result
}

/// `if header(obj) & GCFLAG_TRACK_YOUNG { f(args) }` with the call cold.
fn barrier(
    b: &mut FunctionBuilder,
    rt: &mut dyn RuntimeAccess,
    obj: Value,
    f: RtFunc,
    args: &[Value],
) {
    let hdr = b.ins().load(types::I64, trusted(), obj, 0);
    let bit = b.ins().band_imm_s(hdr, GCFLAG_TRACK_YOUNG as i64);
    let slow = b.create_block();
    b.set_cold_block(slow);
    let cont = b.create_block();
    b.ins().brif(bit, slow, &[], cont, &[]);
    b.seal_block(slow);
    b.switch_to_block(slow);
    rt.call(b, f, args);
    b.ins().jump(cont, &[]);
    b.seal_block(cont);
    b.switch_to_block(cont);
}

/// Before storing a GC pointer into a field of `obj` (generational GC).
pub fn write_barrier(b: &mut FunctionBuilder, rt: &mut dyn RuntimeAccess, obj: Value) {
    barrier(b, rt, obj, RtFunc::Remember, &[obj]);
}

/// Before storing a GC pointer into item `index` of `array`.
pub fn write_barrier_item(
    b: &mut FunctionBuilder,
    rt: &mut dyn RuntimeAccess,
    array: Value,
    index: Value,
) {
    barrier(b, rt, array, RtFunc::RememberItem, &[array, index]);
}

/// The current shadow-stack top (the base of the slots a push uses).
pub fn shadowstack_top(b: &mut FunctionBuilder, rt: &mut dyn RuntimeAccess) -> Value {
    let addr = rt.data_addr(b, RtData::ShadowStackTop);
    b.ins().load(types::I64, trusted(), addr, 0)
}

/// Store `roots` in the slots at `base` and move the top past them.
pub fn push_roots(
    b: &mut FunctionBuilder,
    rt: &mut dyn RuntimeAccess,
    base: Value,
    roots: &[Value],
) {
    for (k, &v) in roots.iter().enumerate() {
        b.ins().store(trusted(), v, base, 8 * k as i32);
    }
    let top = b.ins().iadd_imm_s(base, 8 * roots.len() as i64);
    let addr = rt.data_addr(b, RtData::ShadowStackTop);
    b.ins().store(trusted(), top, addr, 0);
}

/// Root `k` of a push at `base` (after a collection it may have moved).
pub fn reload_root(b: &mut FunctionBuilder, base: Value, k: usize) -> Value {
    b.ins().load(types::I64, trusted(), base, 8 * k as i32)
}

/// Set the shadow-stack top back to `base` (drop a push's slots).
pub fn pop_roots(b: &mut FunctionBuilder, rt: &mut dyn RuntimeAccess, base: Value) {
    let addr = rt.data_addr(b, RtData::ShadowStackTop);
    b.ins().store(trusted(), base, addr, 0);
}
