//! Lowering of the GC transform's ops and of allocation (see `rpy_abi::gc`
//! for the runtime's side):
//! * allocation: inline bump in `[rpy_gc_nursery_free, rpy_gc_nursery_top)`
//!   (memory the runtime keeps zeroed), header store, and `rpy_malloc` on
//!   the cold slow path (when the size does not fit, including huge or
//!   negative sizes compared unsigned);
//! * `gc_push_roots(v..)`: stores into this frame's shadow-stack slots,
//!   which start at the shadow-stack top read at function entry (kept in a
//!   machine stack slot, loaded where needed), then sets the top past
//!   them; `gc_reload_root(k)` loads slot k back;
//! * `gc_safepoint`: calls `rpy_gc_safepoint` when `rpy_gc_pending` is set;
//! * `gc_write_barrier(obj)`: calls `rpy_gc_remember(obj)` when the header
//!   has `GCFLAG_TRACK_YOUNG`; `gc_write_barrier_item(arr, i)` tests the
//!   same bit and calls `rpy_gc_remember_item(arr, i)` (which marks a card
//!   of a large array, or remembers the whole array).

use crate::func::FnCx;
use cranelift_codegen::ir::{types as ct, InstBuilder, MemFlagsData, Value};
use cranelift_module::{DataId, Linkage, Module};
use rpy_abi::gc::*;
use rpy_flow::graph::{Op, Value as GValue};
use rpy_rtyper::{GcTypeId, Ll, LlConst, LlGraph, LlOp};

/// Whether the graph uses the shadow stack (so its entry reads the top).
pub(crate) fn uses_shadow_stack(g: &LlGraph) -> bool {
    g.graph.blocks.values().any(|b| {
        b.ops
            .iter()
            .any(|op| matches!(op.kind, LlOp::GcPushRoots | LlOp::GcReloadRoot))
    })
}

impl FnCx<'_, '_> {
    fn runtime_data(&mut self, name: &str) -> Result<DataId, String> {
        self.module
            .declare_data(name, Linkage::Import, true, false)
            .map_err(|e| e.to_string())
    }

    fn runtime_data_addr(&mut self, name: &str) -> Result<Value, String> {
        let id = self.runtime_data(name)?;
        Ok(self.global_addr(id))
    }

    /// At function entry: the shadow-stack top, base of this frame's slots.
    pub(crate) fn load_shadowstack_base(&mut self) -> Result<Value, String> {
        let addr = self.runtime_data_addr(SHADOWSTACK_TOP_SYMBOL)?;
        Ok(self.b.ins().load(ct::I64, MemFlagsData::trusted(), addr, 0))
    }

    /// At function entry: raise RecursionError when the machine stack
    /// pointer is below `rpy_stack_limit` or (for a frame using the shadow
    /// stack) the shadow-stack top is near its end.
    pub(crate) fn stack_depth_check(&mut self) -> Result<(), String> {
        use cranelift_codegen::ir::condcodes::IntCC;
        let sp = self.b.ins().get_stack_pointer(ct::I64);
        let addr = self.runtime_data_addr(STACK_LIMIT_SYMBOL)?;
        let limit = self.b.ins().load(ct::I64, MemFlagsData::trusted(), addr, 0);
        let mut over = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, limit);
        if self.ss_base.is_some() {
            let base = self.ss_base()?;
            let addr = self.runtime_data_addr(SHADOWSTACK_LIMIT_SYMBOL)?;
            let ss_limit = self.b.ins().load(ct::I64, MemFlagsData::trusted(), addr, 0);
            let ss_over = self
                .b
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, base, ss_limit);
            over = self.b.ins().bor(over, ss_over);
        }
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let cont = self.b.create_block();
        self.b.ins().brif(over, slow, &[], cont, &[]);
        self.b.switch_to_block(slow);
        self.call_runtime("rpy_stack_overflow", &[])?;
        // `call_runtime` branched to the handler; this path is never taken.
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// This frame's shadow-stack base, loaded from its stack slot where it
    /// is needed: a register kept across the whole function for it would
    /// be taken from the loops' values.
    fn ss_base(&mut self) -> Result<Value, String> {
        let slot = self.ss_base.ok_or_else(|| {
            "shadow-stack op in a graph whose entry did not read the top".to_string()
        })?;
        Ok(self.b.ins().stack_load(ct::I64, ct::I64, slot, 0))
    }

    pub(crate) fn gc_op(&mut self, op: &Op<Ll>) -> Result<Option<Value>, String> {
        match op.kind {
            LlOp::GcPushRoots => {
                let base = self.ss_base()?;
                let mut n = 0i32;
                for a in &op.args {
                    let v = self.value(a)?;
                    self.b.ins().store(MemFlagsData::trusted(), v, base, 8 * n);
                    n += 1;
                }
                let top = self.b.ins().iadd_imm_s(base, 8 * n as i64);
                let addr = self.runtime_data_addr(SHADOWSTACK_TOP_SYMBOL)?;
                self.b.ins().store(MemFlagsData::trusted(), top, addr, 0);
                Ok(None)
            }
            LlOp::GcReloadRoot => {
                let Some(GValue::Const(LlConst::Signed(k))) = op.args.first() else {
                    return Err("gc_reload_root needs a constant slot".into());
                };
                let base = self.ss_base()?;
                Ok(Some(self.b.ins().load(
                    ct::I64,
                    MemFlagsData::trusted(),
                    base,
                    8 * *k as i32,
                )))
            }
            LlOp::GcSafepoint => {
                let addr = self.runtime_data_addr(GC_PENDING_SYMBOL)?;
                let pending = self.b.ins().load(ct::I64, MemFlagsData::trusted(), addr, 0);
                self.cold_call_if(pending, "rpy_gc_safepoint", &[])?;
                Ok(None)
            }
            LlOp::GcWriteBarrier => {
                let Some(obj) = op.args.first() else {
                    return Err("gc_write_barrier needs an object".into());
                };
                let obj = self.value(obj)?;
                let hdr = self.b.ins().load(ct::I64, MemFlagsData::trusted(), obj, 0);
                let bit = self.b.ins().band_imm_s(hdr, GCFLAG_TRACK_YOUNG as i64);
                self.cold_call_if(bit, "rpy_gc_remember", &[obj])?;
                Ok(None)
            }
            LlOp::GcWriteBarrierItem => {
                let [obj, index] = &op.args[..] else {
                    return Err("gc_write_barrier_item needs an array and an index".into());
                };
                let obj = self.value(obj)?;
                let index = self.value(index)?;
                let hdr = self.b.ins().load(ct::I64, MemFlagsData::trusted(), obj, 0);
                let bit = self.b.ins().band_imm_s(hdr, GCFLAG_TRACK_YOUNG as i64);
                self.cold_call_if(bit, "rpy_gc_remember_item", &[obj, index])?;
                Ok(None)
            }
            other => Err(format!("{other} is not a GC op")),
        }
    }

    /// `if cond { name(args) }` with the call in a cold block.
    fn cold_call_if(&mut self, cond: Value, name: &str, args: &[Value]) -> Result<(), String> {
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let cont = self.b.create_block();
        self.b.ins().brif(cond, slow, &[], cont, &[]);
        self.b.switch_to_block(slow);
        self.call_runtime(name, args)?;
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// Allocates a zeroed object of `size` bytes (a multiple of 8) with
    /// its header set: inline bump, `rpy_malloc` on the slow path.
    pub(crate) fn gc_allocate(&mut self, t: GcTypeId, size: Value) -> Result<Value, String> {
        let min = self.b.ins().iconst(ct::I64, MIN_OBJECT_SIZE as i64);
        let size = self.b.ins().smax(size, min);
        let free_addr = self.runtime_data_addr(NURSERY_FREE_SYMBOL)?;
        let top_addr = self.runtime_data_addr(NURSERY_TOP_SYMBOL)?;
        let free = self
            .b
            .ins()
            .load(ct::I64, MemFlagsData::trusted(), free_addr, 0);
        let top = self
            .b
            .ins()
            .load(ct::I64, MemFlagsData::trusted(), top_addr, 0);
        let avail = self.b.ins().isub(top, free);
        let fits = self.b.ins().icmp(
            cranelift_codegen::ir::condcodes::IntCC::UnsignedLessThanOrEqual,
            size,
            avail,
        );
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let join = self.b.create_block();
        let result = self.b.append_block_param(join, ct::I64);
        self.b.ins().brif(fits, fast, &[], slow, &[]);

        self.b.switch_to_block(fast);
        let new_free = self.b.ins().iadd(free, size);
        self.b
            .ins()
            .store(MemFlagsData::trusted(), new_free, free_addr, 0);
        let hdr = self.b.ins().iconst(ct::I64, t.as_u32() as i64);
        self.b.ins().store(MemFlagsData::trusted(), hdr, free, 0);
        self.b
            .ins()
            .jump(join, &[cranelift_codegen::ir::BlockArg::Value(free)]);

        self.b.switch_to_block(slow);
        let tid = self.b.ins().iconst(ct::I64, t.as_u32() as i64);
        let obj = self
            .call_runtime("rpy_malloc", &[tid, size])?
            .expect("rpy_malloc returns a pointer");
        self.b
            .ins()
            .jump(join, &[cranelift_codegen::ir::BlockArg::Value(obj)]);

        self.b.switch_to_block(join);
        Ok(result)
    }
}
