//! One low-level graph to one jitcode (RPython's flatten + assemble).
//!
//! Every non-Void variable gets its own register in the bank of its kind
//! (no colouring: jitcodes are run by an interpreter that indexes a frame,
//! and a register per variable keeps resume data trivially correct).
//! Blocks are laid out in reverse postorder; a link becomes the moves into
//! the target block's input registers followed by a jump. Moves of one
//! link are parallel: if a source is also a destination, they go through
//! temporaries.
//!
//! Resume points (`JitCode::live`): for a call or a raising op, the
//! registers live *after* it (its result included: execution resumes
//! after the call); for a branch, promote or merge point, the registers
//! live *before* it (the instruction is executed again on resume, which
//! is harmless since it has no effect).

use crate::descrs::DescrTables;
use rpy_flow::graph::{Block, Exitswitch, Link, Op, Value, Var};
use rpy_jitformat::jitcode::{
    for_each_reg, Callee, ConstInt, ConstRef, Insn, JitCode, KReg, Live, PureOp, Reg,
};
use rpy_jitformat::Kind;
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::{HashMap, HashSet};

/// The register bank of a low-level type.
pub fn kind_of(t: LowType) -> Kind {
    match t {
        LowType::Void => Kind::Void,
        LowType::Float => Kind::Float,
        LowType::Ptr(_) => Kind::Ref,
        _ => Kind::Int,
    }
}

fn bank(k: Kind) -> usize {
    match k {
        Kind::Ref => 1,
        Kind::Float => 2,
        _ => 0,
    }
}

/// A jump target before layout: a block, or an instruction index known
/// once the label is placed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
enum Label {
    Block(Block),
    Stub(u32),
}

pub struct Assembler<'a, 't, 'p> {
    lg: &'a LlGraph,
    tables: &'t mut DescrTables<'p>,
    /// How a call to graph `k` is made: inline (jitcode index) or not.
    inline: &'a dyn Fn(u32) -> Option<u32>,
    regs: HashMap<Var, KReg>,
    num: [u16; 3],
    temps: [u16; 3],
    consts_i: Vec<ConstInt>,
    consts_r: Vec<ConstRef>,
    consts_f: Vec<f64>,
    code: Vec<Insn>,
    /// Instruction index -> label its target field refers to.
    fixups: Vec<(usize, usize, Label)>,
    labels: HashMap<Label, u32>,
    next_stub: u32,
    live: Vec<(u32, Live)>,
    live_in: HashMap<Block, HashSet<Var>>,
    /// What cannot be expressed (the graph then becomes an opaque call).
    pub error: Option<String>,
}

type R<T> = Result<T, String>;

impl<'a, 't, 'p> Assembler<'a, 't, 'p> {
    pub fn new(
        lg: &'a LlGraph,
        tables: &'t mut DescrTables<'p>,
        inline: &'a dyn Fn(u32) -> Option<u32>,
    ) -> Self {
        Assembler {
            lg,
            tables,
            inline,
            regs: HashMap::new(),
            num: [0; 3],
            temps: [0; 3],
            consts_i: Vec::new(),
            consts_r: Vec::new(),
            consts_f: Vec::new(),
            code: Vec::new(),
            fixups: Vec::new(),
            labels: HashMap::new(),
            next_stub: 0,
            live: Vec::new(),
            live_in: HashMap::new(),
            error: None,
        }
    }

    /// Assemble the graph into a jitcode named `name` for function `func`.
    pub fn assemble(mut self, name: &str, func: u32) -> R<JitCode> {
        let g = &self.lg.graph;
        let order = reverse_postorder(self.lg);
        self.allocate(&order);
        self.live_in = liveness(self.lg, &order);
        let params: Vec<KReg> = g
            .params()
            .iter()
            .filter_map(|v| self.regs.get(v).copied())
            .collect();
        for &b in &order {
            if b == g.returnblock || b == g.exceptblock {
                continue;
            }
            self.place(Label::Block(b));
            self.block(b)?;
        }
        for (at, slot, label) in std::mem::take(&mut self.fixups) {
            let pc = *self
                .labels
                .get(&label)
                .ok_or_else(|| format!("no label {label:?}"))?;
            set_target(&mut self.code[at], slot, pc);
        }
        // Constant registers sit after the variables and temporaries.
        let base = [
            self.num[0] + self.temps[0],
            self.num[1] + self.temps[1],
            self.num[2] + self.temps[2],
        ];
        let has_loops = has_loops(self.lg);
        Ok(JitCode {
            name: name.to_string(),
            func,
            params,
            result: kind_of(self.lg.result_type),
            num_regs: base,
            consts_i: self.consts_i,
            consts_r: self.consts_r,
            consts_f: self.consts_f,
            code: fix_regs(self.code, self.num, base),
            live: self.live,
            has_loops,
        })
    }

    fn allocate(&mut self, order: &[Block]) {
        let g = &self.lg.graph;
        let mut max_link = [0u16; 3];
        let mut vars: Vec<Var> = Vec::new();
        for &b in order {
            let bd = &g.blocks[b];
            vars.extend(bd.inputargs.iter().copied());
            vars.extend(bd.ops.iter().map(|op| op.result));
            for l in &bd.exits {
                vars.extend(l.last_exception);
                vars.extend(l.last_exc_value);
                let mut n = [0u16; 3];
                for a in &l.args {
                    let t = match a {
                        Value::Var(v) => self.lg.var_types[*v],
                        Value::Const(_) => continue,
                    };
                    n[bank(kind_of(t))] += 1;
                }
                for i in 0..3 {
                    max_link[i] = max_link[i].max(n[i]);
                }
            }
        }
        for v in vars {
            if self.regs.contains_key(&v) {
                continue;
            }
            let k = kind_of(self.lg.var_types[v]);
            if k == Kind::Void {
                continue;
            }
            let b = bank(k);
            self.regs.insert(
                v,
                KReg {
                    kind: k,
                    reg: self.num[b],
                },
            );
            self.num[b] += 1;
        }
        self.temps = max_link;
    }

    fn place(&mut self, l: Label) {
        self.labels.insert(l, self.code.len() as u32);
    }

    fn stub(&mut self) -> Label {
        self.next_stub += 1;
        Label::Stub(self.next_stub)
    }

    fn emit(&mut self, i: Insn) -> usize {
        self.code.push(i);
        self.code.len() - 1
    }

    fn emit_to(&mut self, i: Insn, slot: usize, l: Label) {
        let at = self.emit(i);
        self.fixups.push((at, slot, l));
    }

    /// The register of an operand; constants get a pool entry, encoded as
    /// `CONST_BIT | pool index` until the variable count is final.
    fn reg(&mut self, v: &Value<LlConst>) -> R<Option<KReg>> {
        match v {
            Value::Var(v) => Ok(self.regs.get(v).copied()),
            Value::Const(c) => self.constant(c),
        }
    }

    fn reg_of(&mut self, v: &Value<LlConst>, what: &str) -> R<KReg> {
        self.reg(v)?
            .ok_or_else(|| format!("{what} has no value (Void)"))
    }

    fn constant(&mut self, c: &LlConst) -> R<Option<KReg>> {
        let (kind, index) = match c {
            LlConst::Void => return Ok(None),
            LlConst::Bool(b) => (Kind::Int, self.const_i(ConstInt::Value(*b as i64))),
            LlConst::Signed(i) => (Kind::Int, self.const_i(ConstInt::Value(*i))),
            LlConst::Unsigned(u) => (Kind::Int, self.const_i(ConstInt::Value(*u as i64))),
            LlConst::Char(c) => (Kind::Int, self.const_i(ConstInt::Value(*c as i64))),
            LlConst::UniChar(c) => (Kind::Int, self.const_i(ConstInt::Value(*c as i64))),
            LlConst::Float(x) => {
                let i = match self
                    .consts_f
                    .iter()
                    .position(|y| y.to_bits() == x.to_bits())
                {
                    Some(i) => i,
                    None => {
                        self.consts_f.push(*x);
                        self.consts_f.len() - 1
                    }
                };
                (Kind::Float, i)
            }
            LlConst::Null(_) => (Kind::Ref, self.const_r(ConstRef::Null)),
            LlConst::Prebuilt(i, _) => {
                let p = self.tables.prebuilt(*i);
                (Kind::Ref, self.const_r(ConstRef::Prebuilt(p)))
            }
            LlConst::Func(k) => {
                let f = self.tables.func(*k);
                (Kind::Int, self.const_i(ConstInt::Func(f)))
            }
            LlConst::Extern(s) => {
                let e = self.tables.extern_(s);
                (Kind::Int, self.const_i(ConstInt::Extern(e)))
            }
            other => return Err(format!("constant {other} has no register")),
        };
        Ok(Some(KReg {
            kind,
            reg: CONST_BIT | index as u16,
        }))
    }

    fn const_i(&mut self, c: ConstInt) -> usize {
        match self.consts_i.iter().position(|x| *x == c) {
            Some(i) => i,
            None => {
                self.consts_i.push(c);
                self.consts_i.len() - 1
            }
        }
    }

    fn const_r(&mut self, c: ConstRef) -> usize {
        match self.consts_r.iter().position(|x| *x == c) {
            Some(i) => i,
            None => {
                self.consts_r.push(c);
                self.consts_r.len() - 1
            }
        }
    }

    fn ty(&self, v: &Value<LlConst>) -> LowType {
        match v {
            Value::Var(v) => self.lg.var_types[*v],
            Value::Const(c) => c.low_type().unwrap_or(LowType::Void),
        }
    }

    fn record_live(&mut self, pc: usize, vars: &HashSet<Var>) {
        let mut live = Live::default();
        let mut vs: Vec<&Var> = vars.iter().collect();
        vs.sort();
        for v in vs {
            if let Some(r) = self.regs.get(v) {
                match r.kind {
                    Kind::Int => live.ints.push(r.reg),
                    Kind::Ref => live.refs.push(r.reg),
                    Kind::Float => live.floats.push(r.reg),
                    Kind::Void => {}
                }
            }
        }
        self.live.push((pc as u32, live));
    }

    fn block(&mut self, b: Block) -> R<()> {
        let g = &self.lg.graph;
        let bd = &g.blocks[b];
        // Live after each op, computed backwards from the block's exits.
        let mut after: Vec<HashSet<Var>> = vec![HashSet::new(); bd.ops.len()];
        let mut live = exits_live(self.lg, b, &self.live_in);
        for (i, op) in bd.ops.iter().enumerate().rev() {
            after[i] = live.clone();
            live.remove(&op.result);
            live.extend(op.args.iter().filter_map(Value::as_var));
        }
        let n = bd.ops.len();
        for (i, op) in bd.ops.iter().enumerate() {
            let last_raises = i + 1 == n && bd.exitswitch == Exitswitch::LastException;
            self.op(op, &after[i])?;
            if last_raises {
                let handler = self.stub();
                let at = self.emit(Insn::Catch { handler: 0 });
                self.fixups.push((at, 0, handler));
                self.exits(b, Some(handler))?;
                return Ok(());
            }
        }
        self.exits(b, None)
    }

    fn op(&mut self, op: &Op<Ll>, after: &HashSet<Var>) -> R<()> {
        use LlOp as O;
        let dst = self.regs.get(&op.result).copied();
        let pc = self.code.len();
        let live_after = |s: &mut Self| {
            let mut l = after.clone();
            l.insert(op.result);
            s.record_live(pc, &l);
        };
        match op.kind {
            O::Malloc => {
                let Some(Value::Const(LlConst::Type(t))) = op.args.first() else {
                    return Err("malloc of a non-constant type".into());
                };
                let size = self.tables.size(*t);
                let dst = dst.ok_or("malloc without a result")?.reg;
                self.emit(Insn::New { size, dst });
                live_after(self);
            }
            O::MallocVarsize => {
                let Some(Value::Const(LlConst::Type(t))) = op.args.first() else {
                    return Err("malloc_varsize of a non-constant type".into());
                };
                let descr = self.tables.array(*t)?;
                let length = self.reg_of(&op.args[1], "length")?.reg;
                let dst = dst.ok_or("malloc_varsize without a result")?.reg;
                self.emit(Insn::NewArray { descr, length, dst });
                live_after(self);
            }
            O::GetField | O::SetField => {
                let obj = self.reg_of(&op.args[0], "object")?.reg;
                let LowType::Ptr(t) = self.ty(&op.args[0]) else {
                    return Err(format!("{} on a non-pointer", op.kind));
                };
                let Some(Value::Const(LlConst::Field(name))) = op.args.get(1) else {
                    return Err(format!("{} without a field name", op.kind));
                };
                let field = self.tables.field(t, name)?;
                if op.kind == O::GetField {
                    if let Some(dst) = dst {
                        self.emit(Insn::GetField { obj, field, dst });
                    }
                } else if let Some(value) = self.reg(&op.args[2])? {
                    self.emit(Insn::SetField { obj, field, value });
                }
            }
            O::GetArrayLen => {
                let array = self.reg_of(&op.args[0], "array")?.reg;
                let descr = self.array_of(&op.args[0])?;
                let dst = dst.ok_or("getarraysize without a result")?.reg;
                self.emit(Insn::ArrayLen { array, descr, dst });
            }
            O::GetArrayItem | O::SetArrayItem => {
                let array = self.reg_of(&op.args[0], "array")?.reg;
                let descr = self.array_of(&op.args[0])?;
                let index = self.reg_of(&op.args[1], "index")?.reg;
                if op.kind == O::GetArrayItem {
                    if let Some(dst) = dst {
                        self.emit(Insn::GetArrayItem {
                            array,
                            index,
                            descr,
                            dst,
                        });
                    }
                } else if let Some(value) = self.reg(&op.args[2])? {
                    self.emit(Insn::SetArrayItem {
                        array,
                        index,
                        descr,
                        value,
                    });
                }
            }
            O::ArrayCopy => {
                let descr = self.array_of(&op.args[0])?;
                let r: Vec<Reg> = op
                    .args
                    .iter()
                    .map(|a| self.reg_of(a, "arraycopy operand").map(|k| k.reg))
                    .collect::<R<_>>()?;
                self.emit(Insn::ArrayCopy {
                    src: r[0],
                    dst: r[1],
                    src_start: r[2],
                    dst_start: r[3],
                    length: r[4],
                    descr,
                });
            }
            O::GetTypeId => {
                let obj = self.reg_of(&op.args[0], "object")?.reg;
                let dst = dst.ok_or("gettypeid without a result")?.reg;
                self.emit(Insn::GetTypeId { obj, dst });
            }
            O::Raise => {
                let value = self.reg_of(&op.args[1], "exception instance")?.reg;
                self.emit(Insn::Raise { value });
                live_after(self);
            }
            O::RaiseNew => {
                let typeid = self.reg_of(&op.args[0], "type id")?.reg;
                let message = self.reg_of(&op.args[1], "message")?.reg;
                self.emit(Insn::RaiseNew { typeid, message });
                live_after(self);
            }
            O::DirectCall | O::IndirectCall => {
                self.call(op, dst)?;
                live_after(self);
            }
            O::JitMergePoint | O::CanEnterJit => {
                let Some(Value::Const(LlConst::Signed(jd))) = op.args.first() else {
                    return Err("a merge point without its driver".into());
                };
                let driver = *jd as u32;
                if op.kind == O::CanEnterJit {
                    self.emit(Insn::LoopHeader { driver });
                    return Ok(());
                }
                let ngreens = self.tables.driver_greens(driver);
                let mut vals = Vec::new();
                for a in &op.args[1..] {
                    vals.push(self.reg(a)?.unwrap_or(KReg {
                        kind: Kind::Void,
                        reg: 0,
                    }));
                }
                let reds = vals.split_off(ngreens);
                let mut before = after.clone();
                before.extend(op.args.iter().filter_map(Value::as_var));
                self.record_live(pc, &before);
                self.emit(Insn::JitMergePoint {
                    driver,
                    greens: vals,
                    reds,
                });
            }
            O::JitLoopHeader => {
                if let Some(Value::Const(LlConst::Signed(jd))) = op.args.first() {
                    self.emit(Insn::LoopHeader { driver: *jd as u32 });
                }
            }
            O::JitPromote => {
                let (Some(src), Some(dst)) = (self.reg(&op.args[0])?, dst) else {
                    return Ok(());
                };
                let mut before = after.clone();
                before.extend(op.args[0].as_var());
                self.record_live(pc, &before);
                self.emit(Insn::Promote { src, dst });
            }
            O::JitWeAreJitted => {
                let one = self.constant(&LlConst::Signed(1))?.expect("int");
                if let Some(dst) = dst {
                    self.emit(Insn::Copy {
                        kind: Kind::Int,
                        src: one.reg,
                        dst: dst.reg,
                    });
                }
            }
            O::JitSetParam => {
                let (
                    Some(Value::Const(LlConst::Signed(jd))),
                    Some(Value::Const(LlConst::Signed(p))),
                ) = (op.args.first(), op.args.get(1))
                else {
                    return Err("set_param without constant driver and parameter".into());
                };
                let value = self.reg_of(&op.args[2], "parameter value")?.reg;
                self.emit(Insn::SetParam {
                    driver: *jd as u32,
                    param: *p as u32,
                    value,
                });
            }
            O::GcPushRoots
            | O::GcReloadRoot
            | O::GcSafepoint
            | O::GcWriteBarrier
            | O::GcWriteBarrierItem => {
                return Err(format!("{} in a graph before the GC transform", op.kind))
            }
            _ => return self.pure(op, dst, after),
        }
        Ok(())
    }

    fn array_of(&mut self, v: &Value<LlConst>) -> R<u32> {
        match self.ty(v) {
            LowType::Ptr(t) => self.tables.array(t),
            other => Err(format!("array operation on {other}")),
        }
    }

    fn pure(&mut self, op: &Op<Ll>, dst: Option<KReg>, after: &HashSet<Var>) -> R<()> {
        let unsigned = op
            .args
            .first()
            .is_some_and(|a| self.ty(a) == LowType::Unsigned);
        let name = match (op.kind, unsigned) {
            (LlOp::IntFloorDiv, true) => "uint_floordiv",
            (LlOp::IntMod, true) => "uint_mod",
            (LlOp::IntRShift, true) => "uint_rshift",
            (LlOp::IntLt, true) => "uint_lt",
            (LlOp::IntLe, true) => "uint_le",
            (LlOp::IntGt, true) => "uint_gt",
            (LlOp::IntGe, true) => "uint_ge",
            (LlOp::IntFloorDivZer | LlOp::IntModZer, true) => {
                return Err(format!("{} on unsigned words has no jitcode yet", op.kind))
            }
            (k, _) => k.name(),
        };
        let pop = PureOp::from_name(name).ok_or_else(|| format!("no jitcode for `{}`", op.kind))?;
        let mut args = Vec::new();
        for a in &op.args {
            if let Some(r) = self.reg(a)? {
                args.push(r);
            }
        }
        let raises = op.kind.can_raise();
        let dst = match dst {
            Some(d) => d,
            None if !raises => return Ok(()),
            // A raising op whose Void result is unused still checks.
            None => KReg {
                kind: Kind::Void,
                reg: 0,
            },
        };
        let pc = self.code.len();
        self.emit(Insn::Pure {
            op: pop,
            args,
            dst,
            raises,
        });
        if raises {
            let mut l = after.clone();
            l.insert(op.result);
            self.record_live(pc, &l);
        }
        Ok(())
    }

    fn call(&mut self, op: &Op<Ll>, dst: Option<KReg>) -> R<()> {
        let mut args = Vec::new();
        let mut kinds = Vec::new();
        for a in &op.args[1..] {
            if let Some(r) = self.reg(a)? {
                kinds.push(r.kind);
                args.push(r);
            }
        }
        let result = dst.map(|d| d.kind).unwrap_or(Kind::Void);
        let width = crate::descrs::width_of(self.lg.var_types[op.result]);
        match (&op.kind, &op.args[0]) {
            (LlOp::DirectCall, Value::Const(LlConst::Func(k))) => {
                if let Some(jitcode) = (self.inline)(*k) {
                    self.emit(Insn::InlineCall { jitcode, args, dst });
                    return Ok(());
                }
                let descr = self.tables.call_descr_func(*k, kinds, result, width);
                let f = self.tables.func(*k);
                self.emit(Insn::Call {
                    callee: Callee::Func(f),
                    descr,
                    args,
                    dst,
                });
            }
            (LlOp::DirectCall, Value::Const(LlConst::Extern(name))) => {
                let descr = self.tables.call_descr_extern(
                    name,
                    &op.args[1..],
                    self.lg,
                    kinds,
                    result,
                    width,
                );
                let e = self.tables.extern_(name);
                self.emit(Insn::Call {
                    callee: Callee::Extern(e),
                    descr,
                    args,
                    dst,
                });
            }
            (LlOp::IndirectCall, f) => {
                let fr = self.reg_of(f, "function pointer")?;
                let descr = self.tables.call_descr_anything(kinds, result, width);
                self.emit(Insn::Call {
                    callee: Callee::Indirect(fr.reg),
                    descr,
                    args,
                    dst,
                });
            }
            _ => return Err("direct_call without a constant function".into()),
        }
        Ok(())
    }

    fn exits(&mut self, b: Block, handler: Option<Label>) -> R<()> {
        let g = &self.lg.graph;
        let bd = &g.blocks[b];
        let exits = bd.exits.clone();
        match (&bd.exitswitch, handler) {
            (Exitswitch::LastException, Some(h)) => {
                self.follow(&exits[0])?;
                self.place(h);
                for l in &exits[1..] {
                    let next = self.stub();
                    match &l.exitcase {
                        Some(LlConst::ClassRange(min, max)) => {
                            self.emit_to(
                                Insn::GotoIfExcMismatch {
                                    min: *min,
                                    max: *max,
                                    target: 0,
                                },
                                0,
                                next,
                            );
                        }
                        None => {}
                        Some(other) => return Err(format!("exception exit case {other}")),
                    }
                    if let Some(v) = l.last_exception.and_then(|v| self.regs.get(&v).copied()) {
                        self.emit(Insn::LastExcType { dst: v.reg });
                    }
                    if let Some(v) = l.last_exc_value.and_then(|v| self.regs.get(&v).copied()) {
                        self.emit(Insn::LastExcValue { dst: v.reg });
                    }
                    self.follow(l)?;
                    self.place(next);
                }
                self.emit(Insn::Reraise);
            }
            (Exitswitch::LastException, None) | (Exitswitch::None, _) => {
                if let Some(l) = exits.first() {
                    self.follow(l)?;
                }
            }
            (Exitswitch::Value(v), _) => {
                let v = *v;
                let cond = self.regs.get(&v).copied().ok_or("switch on a Void value")?;
                let mut before = exits_live(self.lg, b, &self.live_in);
                before.insert(v);
                let pc = self.code.len();
                self.record_live(pc, &before);
                let default = exits.iter().position(|l| l.exitcase.is_none());
                if self.lg.var_types[v] == LowType::Bool {
                    let find = |want: bool| {
                        exits
                            .iter()
                            .position(|l| l.exitcase == Some(LlConst::Bool(want)))
                            .or(default)
                            .ok_or("a bool switch lacks an exit")
                    };
                    let (t, f) = (find(true)?, find(false)?);
                    let fl = self.stub();
                    self.emit_to(
                        Insn::GotoIfNot {
                            cond: cond.reg,
                            target: 0,
                        },
                        0,
                        fl,
                    );
                    self.follow(&exits[t])?;
                    self.place(fl);
                    self.follow(&exits[f])?;
                } else {
                    let mut cases = Vec::new();
                    let mut stubs = Vec::new();
                    for (i, l) in exits.iter().enumerate() {
                        let Some(c) = &l.exitcase else { continue };
                        let k = match c {
                            LlConst::Signed(k) => *k,
                            LlConst::Unsigned(k) => *k as i64,
                            LlConst::Char(k) => *k as i64,
                            LlConst::UniChar(k) => *k as i64,
                            LlConst::Bool(k) => *k as i64,
                            other => return Err(format!("switch case {other}")),
                        };
                        if cases.iter().any(|(c, _)| *c == k) {
                            continue;
                        }
                        let s = self.stub();
                        cases.push((k, 0u32));
                        stubs.push((i, s));
                    }
                    let dflt = self.stub();
                    let at = self.emit(Insn::Switch {
                        value: cond.reg,
                        cases,
                        default: 0,
                    });
                    for (slot, (_, s)) in stubs.iter().enumerate() {
                        self.fixups.push((at, slot + 1, *s));
                    }
                    self.fixups.push((at, 0, dflt));
                    for (i, s) in stubs {
                        self.place(s);
                        self.follow(&exits[i])?;
                    }
                    self.place(dflt);
                    match default {
                        Some(d) => self.follow(&exits[d])?,
                        None => {
                            // No default: CPython's semantics make the last
                            // case the fallback (as the code generator does).
                            let last = exits.len() - 1;
                            self.follow(&exits[last])?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The moves of a link, then the jump (or the return / raise).
    fn follow(&mut self, l: &Link<Ll>) -> R<()> {
        let g = &self.lg.graph;
        if l.target == g.returnblock {
            let value = match l.args.first() {
                Some(a) => self.reg(a)?,
                None => None,
            };
            self.emit(Insn::Return { value });
            return Ok(());
        }
        if l.target == g.exceptblock {
            let value = self.reg_of(&l.args[1], "exception instance")?.reg;
            self.emit(Insn::Raise { value });
            return Ok(());
        }
        let targets = g.blocks[l.target].inputargs.clone();
        let mut moves: Vec<(KReg, KReg)> = Vec::new();
        for (a, t) in l.args.iter().zip(&targets) {
            let (Some(src), Some(dst)) = (self.reg(a)?, self.regs.get(t).copied()) else {
                continue;
            };
            if src != dst {
                moves.push((src, dst));
            }
        }
        let dsts: HashSet<KReg> = moves.iter().map(|m| m.1).collect();
        let conflict = moves.iter().any(|(s, _)| dsts.contains(s));
        if conflict {
            let mut used = [0u16; 3];
            let mut staged = Vec::new();
            for (s, d) in &moves {
                let b = bank(s.kind);
                let t = KReg {
                    kind: s.kind,
                    reg: TEMP_BIT | used[b],
                };
                used[b] += 1;
                self.emit(Insn::Copy {
                    kind: s.kind,
                    src: s.reg,
                    dst: t.reg,
                });
                staged.push((t, *d));
            }
            for (t, d) in staged {
                self.emit(Insn::Copy {
                    kind: t.kind,
                    src: t.reg,
                    dst: d.reg,
                });
            }
        } else {
            for (s, d) in moves {
                self.emit(Insn::Copy {
                    kind: s.kind,
                    src: s.reg,
                    dst: d.reg,
                });
            }
        }
        self.emit_to(Insn::Goto { target: 0 }, 0, Label::Block(l.target));
        Ok(())
    }
}

/// Operand registers are written `CONST_BIT | pool index` or
/// `TEMP_BIT | temp index` until the number of variables is known.
const CONST_BIT: u16 = 0x8000;
const TEMP_BIT: u16 = 0x4000;

fn set_target(i: &mut Insn, slot: usize, pc: u32) {
    match i {
        Insn::Goto { target }
        | Insn::GotoIfNot { target, .. }
        | Insn::GotoIfExcMismatch { target, .. } => *target = pc,
        Insn::Catch { handler } => *handler = pc,
        Insn::Switch { cases, default, .. } => {
            if slot == 0 {
                *default = pc
            } else {
                cases[slot - 1].1 = pc
            }
        }
        _ => {}
    }
}

/// Rewrite pending constant and temporary register numbers into final
/// ones: temporaries follow the variables (`temps`), constants follow
/// both (`consts`).
fn fix_regs(mut code: Vec<Insn>, temps: [u16; 3], consts: [u16; 3]) -> Vec<Insn> {
    for i in &mut code {
        for_each_reg(i, &mut |k, r| {
            let b = bank(k);
            if *r & CONST_BIT != 0 {
                *r = consts[b] + (*r & !CONST_BIT);
            } else if *r & TEMP_BIT != 0 {
                *r = temps[b] + (*r & !TEMP_BIT);
            }
        });
    }
    code
}

fn reverse_postorder(lg: &LlGraph) -> Vec<Block> {
    let g = &lg.graph;
    let mut seen = HashSet::new();
    let mut post = Vec::new();
    let mut stack: Vec<(Block, usize)> = vec![(g.startblock, 0)];
    seen.insert(g.startblock);
    while let Some((b, i)) = stack.pop() {
        let exits = &g.blocks[b].exits;
        if i < exits.len() {
            stack.push((b, i + 1));
            let t = exits[i].target;
            if seen.insert(t) {
                stack.push((t, 0));
            }
        } else {
            post.push(b);
        }
    }
    post.reverse();
    post
}

/// Variables live on entry to each block (backward dataflow to a fixpoint).
fn liveness(lg: &LlGraph, order: &[Block]) -> HashMap<Block, HashSet<Var>> {
    let mut live_in: HashMap<Block, HashSet<Var>> = HashMap::new();
    loop {
        let mut changed = false;
        for &b in order.iter().rev() {
            let bd = &lg.graph.blocks[b];
            let mut live = exits_live(lg, b, &live_in);
            for op in bd.ops.iter().rev() {
                live.remove(&op.result);
                live.extend(op.args.iter().filter_map(Value::as_var));
            }
            for v in &bd.inputargs {
                live.remove(v);
            }
            // Inputs are live on entry if used (they are defined by the link).
            let used_inputs: HashSet<Var> = bd
                .inputargs
                .iter()
                .copied()
                .filter(|v| uses_in_block(lg, b, *v, &live_in))
                .collect();
            live.extend(used_inputs);
            if live_in.get(&b) != Some(&live) {
                live_in.insert(b, live);
                changed = true;
            }
        }
        if !changed {
            return live_in;
        }
    }
}

fn uses_in_block(lg: &LlGraph, b: Block, v: Var, live_in: &HashMap<Block, HashSet<Var>>) -> bool {
    let bd = &lg.graph.blocks[b];
    bd.ops
        .iter()
        .any(|op| op.args.iter().any(|a| a.as_var() == Some(v)))
        || exits_live(lg, b, live_in).contains(&v)
}

/// Variables of block `b` used by its exit switch and links.
fn exits_live(lg: &LlGraph, b: Block, _live_in: &HashMap<Block, HashSet<Var>>) -> HashSet<Var> {
    let bd = &lg.graph.blocks[b];
    let mut live = HashSet::new();
    if let Exitswitch::Value(v) = bd.exitswitch {
        live.insert(v);
    }
    for l in &bd.exits {
        for a in &l.args {
            if let Value::Var(v) = a {
                if Some(*v) != l.last_exception && Some(*v) != l.last_exc_value {
                    live.insert(*v);
                }
            }
        }
    }
    live
}

/// Does the control-flow graph have a cycle?
pub fn has_loops(lg: &LlGraph) -> bool {
    use petgraph::graphmap::DiGraphMap;
    let mut cfg: DiGraphMap<u32, ()> = DiGraphMap::new();
    for b in lg.graph.reachable_blocks() {
        let from = cranelift_entity::EntityRef::index(b) as u32;
        cfg.add_node(from);
        for l in &lg.graph.blocks[b].exits {
            cfg.add_edge(
                from,
                cranelift_entity::EntityRef::index(l.target) as u32,
                (),
            );
        }
    }
    petgraph::algo::is_cyclic_directed(&cfg)
}
