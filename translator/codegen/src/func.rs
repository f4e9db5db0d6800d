//! One graph to one Cranelift function: blocks, links, exit switches and
//! the exception protocol. The ops themselves are lowered in `ops`.
//!
//! Shape:
//! 1. A fresh entry block takes the function parameters and jumps to the
//!    start block (so the start block may be a loop header).
//! 2. Each reachable graph block becomes one Cranelift block whose
//!    parameters are its non-Void input variables, except that a block
//!    entered by a single link has none: its inputs are the values that
//!    link passes. Blocks are translated in depth-first preorder, so a
//!    variable's definition (and a single-link block's source) is
//!    translated before any use in a block it dominates.
//! 3. A link is a jump passing its non-Void arguments. `Exitswitch::Value`
//!    on a Bool is a `brif`; on an integer or character it is a
//!    `cranelift_frontend::Switch` (jump tables for dense cases, binary
//!    search otherwise) whose fallback is the default link (or the last
//!    case when there is no default).
//! 4. Exceptions live in the runtime's `rpy_exc_type` / `rpy_exc_value`.
//!    After an operation that may raise, `rpy_exc_type` is loaded and a
//!    non-zero value branches to the op's handler: for the last op of a
//!    `LastException` block, a dispatch block that tests `exits[1..]` in
//!    order (a `ClassRange(min, max)` case matches `min <= type <= max`,
//!    the matching link clears the state and may pass the type and
//!    instance); otherwise, and when nothing matches, the function's
//!    propagate block, which returns zeros with the state still set.
//! 5. The return block returns its input; the except block calls
//!    `rpy_raise(type, value)` and returns zeros.
//!
//! Operations that raise inline (division by zero, overflow) call
//! `rpy_raise_new` and jump to the same handler.

use crate::symbols::Symbols;
use crate::types::{self, clif_type};
use crate::CodegenError;
use cranelift_codegen::ir::{
    self, condcodes::IntCC, types as ct, BlockArg, InstBuilder, MemFlagsData, Value,
};
use cranelift_entity::SecondaryMap;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch};
use cranelift_module::{DataId, FuncId, Module};
use cranelift_object::ObjectModule;
use rpy_flow::graph::{Exitswitch, Link, Var};
use rpy_rtyper::lltype::LlValue;
use rpy_rtyper::{Ll, LlConst, LlGraph, LlProgram, LowType};
use std::collections::HashMap;

/// State of the translation of one graph.
pub(crate) struct FnCx<'a, 'f> {
    pub b: FunctionBuilder<'f>,
    pub module: &'a mut ObjectModule,
    pub syms: &'a mut Symbols,
    pub prog: &'a LlProgram,
    pub g: &'a LlGraph,
    blocks: SecondaryMap<rpy_flow::graph::Block, Option<ir::Block>>,
    /// Blocks with a single incoming link: no Cranelift parameters.
    inherits: std::collections::HashSet<rpy_flow::graph::Block>,
    vals: HashMap<Var, Value>,
    funcrefs: HashMap<FuncId, ir::FuncRef>,
    gvs: HashMap<DataId, ir::GlobalValue>,
    propagate: Option<ir::Block>,
    /// Where a raising op branches when the exception state is set.
    handler: Handler,
    /// This frame's shadow-stack base: read at entry and kept in a stack
    /// slot, not a register (see `gcops`).
    pub(crate) ss_base: Option<ir::StackSlot>,
    /// Check the stack depth at entry (`stackcheck`).
    stack_check: bool,
}

#[derive(Copy, Clone)]
enum Handler {
    /// Return with the state set.
    Propagate,
    /// The dispatch block of the current `LastException` block.
    Dispatch(ir::Block),
}

pub(crate) fn translate_graph(
    module: &mut ObjectModule,
    syms: &mut Symbols,
    prog: &LlProgram,
    g: &LlGraph,
    id: FuncId,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    func.signature = types::graph_signature(module.isa().default_call_conv(), g);
    func.name = ir::UserFuncName::user(0, id.as_u32());
    let stack_check = syms
        .graphs
        .iter()
        .position(|&f| f == id)
        .is_some_and(|i| syms.graph_stack_check[i]);
    let b = FunctionBuilder::new(func, fctx);
    let mut cx = FnCx {
        b,
        module,
        syms,
        prog,
        g,
        blocks: SecondaryMap::new(),
        inherits: Default::default(),
        vals: HashMap::new(),
        funcrefs: HashMap::new(),
        gvs: HashMap::new(),
        propagate: None,
        handler: Handler::Propagate,
        ss_base: None,
        stack_check,
    };
    let r = cx.graph_body();
    cx.b.seal_all_blocks();
    let config = cx.module.isa().frontend_config();
    cx.b.finalize(config);
    r.map_err(|message| CodegenError::BadGraph {
        graph: g.graph.name.clone(),
        message,
    })
}

/// `rpy_entry_point(argv: i64) -> i64`: calls the entry graph.
pub(crate) fn translate_entry(
    module: &mut ObjectModule,
    syms: &mut Symbols,
    prog: &LlProgram,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let cc = module.isa().default_call_conv();
    func.signature = types::signature(cc, [ct::I64], Some(ct::I64));
    func.name = ir::UserFuncName::user(0, syms.entry.as_u32());
    let bad = |message: String| CodegenError::BadGraph {
        graph: rpy_abi::ENTRY_SYMBOL.into(),
        message,
    };
    let Some(g) = prog.graphs.get(prog.entry as usize) else {
        return Err(bad(format!("entry graph {} does not exist", prog.entry)));
    };
    let nparams = g
        .graph
        .params()
        .iter()
        .filter(|&&v| g.var_types[v] != LowType::Void)
        .count();
    if nparams > 1 {
        return Err(bad(format!(
            "the entry graph `{}` takes {nparams} arguments, expected argv only",
            g.graph.name
        )));
    }
    let mut b = FunctionBuilder::new(func, fctx);
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let argv = b.block_params(block)[0];
    let fref = module.declare_func_in_func(syms.graphs[prog.entry as usize], b.func);
    let args: &[Value] = if nparams == 1 { &[argv] } else { &[] };
    let call = b.ins().call(fref, args);
    let result = match (g.result_type, b.inst_results(call).first().copied()) {
        (LowType::Signed | LowType::Unsigned, Some(v)) => v,
        (_, Some(v)) if b.func.dfg.value_type(v).is_int() => b.ins().uextend(ct::I64, v),
        _ => b.ins().iconst(ct::I64, 0),
    };
    b.ins().return_(&[result]);
    b.seal_all_blocks();
    b.finalize(module.isa().frontend_config());
    Ok(())
}

impl<'a, 'f> FnCx<'a, 'f> {
    fn graph_body(&mut self) -> Result<(), String> {
        let g = self.g;
        let order = g.graph.reachable_blocks();
        // Blocks entered by exactly one link take their inputs as the
        // values that link passes (its source dominates them), instead of
        // as Cranelift block parameters: their inputs are then the same SSA
        // values as in the source block, so value numbering, redundant load
        // elimination and register allocation see through the flow graph's
        // block-local renaming. (Cranelift's own constant-phi removal only
        // finds parameters that always receive one instruction's result.)
        let mut incoming: HashMap<rpy_flow::graph::Block, usize> = HashMap::new();
        *incoming.entry(g.graph.startblock).or_default() += 1;
        for &blk in &order {
            for l in &g.graph.blocks[blk].exits {
                *incoming.entry(l.target).or_default() += 1;
            }
        }
        for &blk in &order {
            let cb = self.b.create_block();
            if incoming.get(&blk) == Some(&1) && blk != g.graph.startblock {
                self.inherits.insert(blk);
                self.blocks[blk] = Some(cb);
                continue;
            }
            for &v in &g.graph.blocks[blk].inputargs {
                if let Some(t) = clif_type(g.var_types[v]) {
                    let p = self.b.append_block_param(cb, t);
                    self.vals.insert(v, p);
                }
            }
            self.blocks[blk] = Some(cb);
        }
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        let params: Vec<BlockArg> = self
            .b
            .block_params(entry)
            .iter()
            .map(|&v| BlockArg::Value(v))
            .collect();
        if crate::gcops::uses_shadow_stack(g) {
            let base = self.load_shadowstack_base()?;
            let slot = self.b.create_sized_stack_slot(ir::StackSlotData::new(
                ir::StackSlotKind::ExplicitSlot,
                8,
                3,
            ));
            self.b.ins().stack_store(ct::I64, base, slot, 0);
            self.ss_base = Some(slot);
        }
        if self.stack_check {
            self.stack_depth_check()?;
        }
        let start = self.block(g.graph.startblock);
        self.b.ins().jump(start, &params);
        for &blk in &order {
            self.block_body(blk)?;
        }
        if let Some(p) = self.propagate {
            self.b.switch_to_block(p);
            self.return_zeros();
        }
        Ok(())
    }

    fn block(&self, b: rpy_flow::graph::Block) -> ir::Block {
        self.blocks[b].expect("link to an unreachable block")
    }

    fn block_body(&mut self, blk: rpy_flow::graph::Block) -> Result<(), String> {
        let g = self.g;
        let data = &g.graph.blocks[blk];
        self.b.switch_to_block(self.block(blk));
        if blk == g.graph.returnblock {
            let result = data
                .inputargs
                .first()
                .and_then(|v| self.vals.get(v).copied());
            self.b.ins().return_(result.as_slice());
            return Ok(());
        }
        if blk == g.graph.exceptblock {
            let [t, v] = data.inputargs[..] else {
                return Err(format!(
                    "the except block has {} inputs, expected 2",
                    data.inputargs.len()
                ));
            };
            let (t, v) = (self.var(t)?, self.var(v)?);
            self.call_runtime("rpy_raise", &[t, v])?;
            self.return_zeros();
            return Ok(());
        }
        let catching = data.exitswitch == Exitswitch::LastException && data.exits.len() > 1;
        let dispatch = if catching {
            Some(self.b.create_block())
        } else {
            None
        };
        for (i, op) in data.ops.iter().enumerate() {
            self.handler = match dispatch {
                Some(d) if i + 1 == data.ops.len() => Handler::Dispatch(d),
                _ => Handler::Propagate,
            };
            let result = self
                .lower_op(op)
                .map_err(|m| format!("{} (op `{}` in {blk})", m, op.kind))?;
            if let Some(v) = result {
                self.vals.insert(op.result, v);
            }
        }
        self.handler = Handler::Propagate;
        match &data.exitswitch {
            Exitswitch::None | Exitswitch::LastException => match data.exits.first() {
                Some(link) => self.follow(link)?,
                None => {
                    self.b.ins().trap(ir::TrapCode::unwrap_user(1));
                }
            },
            Exitswitch::Value(v) => self.switch(*v, &data.exits)?,
        }
        if let Some(d) = dispatch {
            self.dispatch(d, &data.exits[1..])?;
        }
        Ok(())
    }

    /// Jumps along a link from the current block.
    fn follow(&mut self, link: &Link<Ll>) -> Result<(), String> {
        let args = self.link_args(link)?;
        let target = self.block(link.target);
        self.b.ins().jump(target, &args);
        Ok(())
    }

    fn link_args(&mut self, link: &Link<Ll>) -> Result<Vec<BlockArg>, String> {
        let params = &self.g.graph.blocks[link.target].inputargs;
        if params.len() != link.args.len() {
            return Err(format!(
                "a link passes {} values to {} with {} inputs",
                link.args.len(),
                link.target,
                params.len()
            ));
        }
        let inherit = self.inherits.contains(&link.target);
        let mut out = Vec::new();
        for (a, &p) in link.args.iter().zip(params) {
            if self.g.var_types[p] == LowType::Void {
                continue;
            }
            let v = self.value(a)?;
            if inherit {
                self.vals.insert(p, v);
            } else {
                out.push(BlockArg::Value(v));
            }
        }
        Ok(out)
    }

    fn switch(&mut self, v: Var, exits: &[Link<Ll>]) -> Result<(), String> {
        let x = self.var(v)?;
        let default = exits.iter().position(|l| l.exitcase.is_none());
        if self.g.var_types[v] == LowType::Bool {
            let case = |want: bool| {
                exits
                    .iter()
                    .position(|l| l.exitcase == Some(LlConst::Bool(want)))
                    .or(default)
            };
            let (Some(t), Some(f)) = (case(true), case(false)) else {
                return Err(format!("bool switch on {v} lacks a True or False exit"));
            };
            let (ta, fa) = (self.link_args(&exits[t])?, self.link_args(&exits[f])?);
            let (tb, fb) = (self.block(exits[t].target), self.block(exits[f].target));
            self.b.ins().brif(x, tb, &ta, fb, &fa);
            return Ok(());
        }
        let cases: Vec<usize> = (0..exits.len()).filter(|&i| Some(i) != default).collect();
        let Some(&last) = cases.last() else {
            return match default {
                Some(d) => self.follow(&exits[d]),
                None => Err(format!("switch on {v} has no exits")),
            };
        };
        let fallback = default.unwrap_or(last);
        let bits = self.b.func.dfg.value_type(x).bits();
        let mask = if bits >= 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        let mut switch = Switch::new();
        let mut edges = Vec::new();
        for &i in &cases {
            let k = match &exits[i].exitcase {
                Some(LlConst::Signed(k)) => *k as u64,
                Some(LlConst::Unsigned(k)) => *k,
                Some(LlConst::Char(k)) => *k as u64,
                Some(LlConst::UniChar(k)) => *k as u64,
                Some(LlConst::Bool(k)) => *k as u64,
                other => return Err(format!("switch case {other:?} is not an integer")),
            };
            let key = (k & mask) as u128;
            if switch.entries().contains_key(&key) {
                continue; // a later duplicate case is never taken
            }
            let edge = self.b.create_block();
            switch.set_entry(key, edge);
            edges.push((edge, i));
        }
        let otherwise = self.b.create_block();
        if !self.dense_jump_table(x, &switch, otherwise) {
            switch.emit(&mut self.b, x, otherwise);
        }
        edges.push((otherwise, fallback));
        for (edge, i) in edges {
            self.b.switch_to_block(edge);
            self.follow(&exits[i])?;
        }
        Ok(())
    }

    /// A 64-bit switch whose cases are dense in `0..n` (an interpreter's
    /// opcode dispatch) as one jump table indexed by `umin(x, n)`:
    /// `cranelift_frontend::Switch` would first test `x` against
    /// `u32::MAX` (a constant-pool compare and a branch) before the table's
    /// own bounds check. Returns false (nothing emitted) otherwise.
    fn dense_jump_table(&mut self, x: Value, switch: &Switch, otherwise: ir::Block) -> bool {
        const MAX_TABLE: u128 = 1024;
        let entries = switch.entries();
        let Some(&max) = entries.keys().max() else {
            return false;
        };
        let n = max + 1;
        if self.b.func.dfg.value_type(x) != ct::I64
            || n > MAX_TABLE
            || entries.len() < 4
            || (entries.len() as u128) * 2 < n
        {
            return false;
        }
        let otherwise_call = self.b.func.dfg.block_call(otherwise, &[]);
        let table: Vec<ir::BlockCall> = (0..n)
            .map(|k| match entries.get(&k) {
                Some(&blk) => self.b.func.dfg.block_call(blk, &[]),
                None => otherwise_call,
            })
            .collect();
        let jt = self
            .b
            .create_jump_table(ir::JumpTableData::new(otherwise_call, &table));
        let limit = self.b.ins().iconst(ct::I64, n as i64);
        let index = self.b.ins().umin(x, limit);
        let index = self.b.ins().ireduce(ct::I32, index);
        self.b.ins().br_table(index, jt);
        true
    }

    /// Fills the dispatch block of a `LastException` block.
    fn dispatch(&mut self, d: ir::Block, links: &[Link<Ll>]) -> Result<(), String> {
        self.b.switch_to_block(d);
        let t = self.load_global(self.syms.exc_type, ct::I64);
        for link in links {
            let matched = self.b.create_block();
            let next = self.b.create_block();
            match &link.exitcase {
                Some(LlConst::ClassRange(min, max)) => {
                    let rel = self.b.ins().iadd_imm_s(t, -(*min as i64));
                    let span = self.b.ins().iconst(ct::I64, (*max as i64) - (*min as i64));
                    let hit = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, rel, span);
                    self.b.ins().brif(hit, matched, &[], next, &[]);
                }
                None => {
                    self.b.ins().jump(matched, &[]);
                }
                Some(other) => {
                    return Err(format!("exception exit case {other} is not a class range"))
                }
            }
            self.b.switch_to_block(matched);
            let value = self.load_global(self.syms.exc_value, ct::I64);
            let zero = self.b.ins().iconst(ct::I64, 0);
            self.store_global(self.syms.exc_type, zero);
            self.store_global(self.syms.exc_value, zero);
            if let Some(v) = link.last_exception {
                self.vals.insert(v, t);
            }
            if let Some(v) = link.last_exc_value {
                self.vals.insert(v, value);
            }
            self.follow(link)?;
            self.b.switch_to_block(next);
        }
        let p = self.propagate_block();
        self.b.ins().jump(p, &[]);
        Ok(())
    }

    /// The block returning with the exception state set (filled at the
    /// end of the function).
    fn propagate_block(&mut self) -> ir::Block {
        if let Some(p) = self.propagate {
            return p;
        }
        let p = self.b.create_block();
        self.b.set_cold_block(p);
        self.propagate = Some(p);
        p
    }

    /// Returns zero (of the result type) from the current block.
    fn return_zeros(&mut self) {
        match clif_type(self.g.result_type) {
            Some(t) => {
                let z = self.zero(t);
                self.b.ins().return_(&[z]);
            }
            None => {
                self.b.ins().return_(&[]);
            }
        }
    }

    pub(crate) fn zero(&mut self, t: ir::Type) -> Value {
        if t == ct::F64 {
            self.b.ins().f64const(0.0)
        } else {
            self.b.ins().iconst(t, 0)
        }
    }

    /// The handler block for the current op.
    pub(crate) fn handler_block(&mut self) -> ir::Block {
        match self.handler {
            Handler::Dispatch(d) => d,
            Handler::Propagate => self.propagate_block(),
        }
    }

    /// After a call that may have raised: branch to the handler when the
    /// exception state is set; continue in a fresh block otherwise.
    pub(crate) fn check_exception(&mut self) {
        let t = self.load_global(self.syms.exc_type, ct::I64);
        let h = self.handler_block();
        let cont = self.b.create_block();
        self.b.ins().brif(t, h, &[], cont, &[]);
        self.b.switch_to_block(cont);
    }

    pub(crate) fn global_addr(&mut self, id: DataId) -> Value {
        let gv = match self.gvs.get(&id) {
            Some(&gv) => gv,
            None => {
                let gv = self.module.declare_data_in_func(id, self.b.func);
                self.gvs.insert(id, gv);
                gv
            }
        };
        self.b.ins().symbol_value(ct::I64, gv)
    }

    fn load_global(&mut self, id: DataId, t: ir::Type) -> Value {
        let addr = self.global_addr(id);
        self.b.ins().load(t, MemFlagsData::trusted(), addr, 0)
    }

    fn store_global(&mut self, id: DataId, v: Value) {
        let addr = self.global_addr(id);
        self.b.ins().store(MemFlagsData::trusted(), v, addr, 0);
    }

    pub(crate) fn func_ref(&mut self, id: FuncId) -> ir::FuncRef {
        if let Some(&r) = self.funcrefs.get(&id) {
            return r;
        }
        let r = self.module.declare_func_in_func(id, self.b.func);
        self.funcrefs.insert(id, r);
        r
    }

    /// Calls a function of the `rpy_abi` table; checks the exception
    /// state afterwards when the table says it may raise.
    pub(crate) fn call_runtime(
        &mut self,
        name: &str,
        args: &[Value],
    ) -> Result<Option<Value>, String> {
        let id = self.syms.runtime_func(self.module, name);
        let fr = self.func_ref(id);
        let call = self.b.ins().call(fr, args);
        let result = self.b.inst_results(call).first().copied();
        if rpy_abi::runtime_func(name).is_some_and(|f| f.can_raise) {
            self.check_exception();
        }
        Ok(result)
    }

    /// Raises a fresh builtin exception (`rpy_abi::RUNTIME_EXCEPTIONS`
    /// name) with a fixed message, then branches to the handler.
    pub(crate) fn raise_new(
        &mut self,
        class: &str,
        msg: crate::symbols::Message,
    ) -> Result<(), String> {
        let data = self
            .syms
            .message(self.module, msg)
            .map_err(|e| e.to_string())?;
        let m = self.global_addr(data);
        self.raise_new_with(class, m)
    }

    /// `raise_new` with the message as a value (a str object).
    pub(crate) fn raise_new_with(&mut self, class: &str, msg: Value) -> Result<(), String> {
        let idx = rpy_abi::RUNTIME_EXCEPTIONS
            .iter()
            .position(|c| *c == class)
            .expect("a runtime exception class");
        let Some(&typeid) = self.prog.runtime_exc_typeids.get(idx) else {
            return Err(format!("the program has no type id for {class}"));
        };
        let t = self.b.ins().iconst(ct::I64, typeid);
        self.call_runtime("rpy_raise_new", &[t, msg])?;
        let h = self.handler_block();
        self.b.ins().jump(h, &[]);
        Ok(())
    }

    /// `index_check(i, n, msg)`: `i` if `0 <= i < n` (one unsigned compare),
    /// else `i + n` if that is in range for a negative `i` (a cold block),
    /// else raise IndexError(msg) (another cold block).
    pub(crate) fn index_check(&mut self, i: Value, n: Value, msg: Value) -> Result<Value, String> {
        let cont = self.b.create_block();
        let idx = self.b.append_block_param(cont, ct::I64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, i, n);
        self.b
            .ins()
            .brif(inside, cont, &[BlockArg::Value(i)], slow, &[]);
        self.b.switch_to_block(slow);
        let j = self.b.ins().iadd(i, n);
        let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, j, n);
        let ok = self.b.ins().band(neg, inside);
        let raise = self.b.create_block();
        self.b.set_cold_block(raise);
        self.b
            .ins()
            .brif(ok, cont, &[BlockArg::Value(j)], raise, &[]);
        self.b.switch_to_block(raise);
        self.raise_new_with("IndexError", msg)?;
        self.b.switch_to_block(cont);
        Ok(idx)
    }

    /// Emits `if cond { raise class(msg) }` and continues on the other path.
    pub(crate) fn raise_if(
        &mut self,
        cond: Value,
        class: &str,
        msg: crate::symbols::Message,
    ) -> Result<(), String> {
        let raise = self.b.create_block();
        self.b.set_cold_block(raise);
        let cont = self.b.create_block();
        self.b.ins().brif(cond, raise, &[], cont, &[]);
        self.b.switch_to_block(raise);
        self.raise_new(class, msg)?;
        self.b.switch_to_block(cont);
        Ok(())
    }

    pub(crate) fn var(&self, v: Var) -> Result<Value, String> {
        self.vals.get(&v).copied().ok_or_else(|| {
            format!(
                "{} is used before it is defined (or is Void)",
                self.g.graph.var_name(v)
            )
        })
    }

    /// The value of an operand (a Void operand has none: error).
    pub(crate) fn value(&mut self, a: &LlValue) -> Result<Value, String> {
        match a {
            rpy_flow::graph::Value::Var(v) => self.var(*v),
            rpy_flow::graph::Value::Const(c) => self.constant(c),
        }
    }

    pub(crate) fn constant(&mut self, c: &LlConst) -> Result<Value, String> {
        Ok(match c {
            LlConst::Bool(b) => self.b.ins().iconst(ct::I8, *b as i64),
            LlConst::Signed(i) => self.b.ins().iconst(ct::I64, *i),
            LlConst::Unsigned(u) => self.b.ins().iconst(ct::I64, *u as i64),
            LlConst::Float(x) => self.b.ins().f64const(*x),
            LlConst::Char(ch) => self.b.ins().iconst(ct::I8, *ch as i64),
            LlConst::UniChar(ch) => self.b.ins().iconst(ct::I32, *ch as i64),
            LlConst::Null(_) => self.b.ins().iconst(ct::I64, 0),
            LlConst::Prebuilt(i, _) => {
                let Some(&id) = self.syms.prebuilt.get(*i as usize) else {
                    return Err(format!("prebuilt object {i} does not exist"));
                };
                self.global_addr(id)
            }
            LlConst::Func(i) => {
                let Some(&id) = self.syms.graphs.get(*i as usize) else {
                    return Err(format!("function {i} does not exist"));
                };
                let fr = self.func_ref(id);
                self.b.ins().func_addr(ct::I64, fr)
            }
            LlConst::Extern(name) if rpy_abi::runtime_func(name).is_some() => {
                let id = self.syms.runtime_func(self.module, name);
                let fr = self.func_ref(id);
                self.b.ins().func_addr(ct::I64, fr)
            }
            other => return Err(format!("constant {other} has no machine value")),
        })
    }
}
