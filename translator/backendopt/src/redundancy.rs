//! Redundancy elimination over extended basic blocks: value numbering of
//! pure ops, forwarding of loads and stores, and folding of switches whose
//! value a dominating switch already decided.
//!
//! An extended basic block is a tree of blocks: a root (the start block or
//! a block with several incoming links) and, below each block, the targets
//! of its exits that have no other incoming link. Along a path of that tree
//! every earlier block dominates the later ones, so what is known at the
//! end of a block holds at the start of its children. The pass walks each
//! tree depth-first with a scoped table of what is known:
//! * `pure`: (op, value numbers of its arguments) -> value number, for
//!   `canfold` ops and `getarraysize` (an array's length never changes);
//! * `fields`: (object, field) -> value, from loads and stores;
//! * `items`: (array, index) -> value, from loads and stores;
//! * `facts`: value number -> constant, from the exit a switch took.
//!
//! A repeated computation becomes `same_as` of the earlier value (cleaned
//! up by `constfold`). Variables are block-local, so when the earlier value
//! lives in an ancestor block it is threaded down the tree path as a new
//! block parameter (free in code generation: a block with one incoming
//! link gets no machine-level parameters). A switch on a value a fact
//! decides becomes a plain exit.
//!
//! Memory: a `setfield` forgets every known value of that field name (two
//! objects may be the same), a `setarrayitem` or `arraycopy` the known
//! items of arrays of that type; a call forgets what its callee may write
//! (`effects`: field names and array types, or everything). Allocation changes no existing object. Ops that
//! compute a value or raise (`index_check`, `int_add_ovf`, ...) are merged
//! too: a repeat on the path where the first one did not raise cannot
//! raise either; along an exception link the first one's value is unknown.

use crate::effects::Writes;
use crate::util::{clear_unreachable, settle_exc_switch, LlValue};
use crate::Ctx;
use rpy_flow::graph::{Block, Exitswitch, Op, Value, Var};
use rpy_rtyper::{Ll, LlConst, LlGraph, LlOp, LowType};
use std::collections::HashMap;

/// A value number.
type Vn = u32;

pub fn run(lg: &mut LlGraph, cx: &Ctx) -> bool {
    let mut p = Pass::new(lg, cx);
    p.walk();
    let changed = p.changed;
    if p.folded {
        clear_unreachable(lg);
    }
    changed
}

/// What is known on the current tree path.
#[derive(Clone, Default)]
struct Known {
    pure: HashMap<(LlOp, Vec<Vn>), Vn>,
    fields: HashMap<(Vn, String), Vn>,
    /// (array, index) -> (item, array type).
    items: HashMap<(Vn, Vn), (Vn, Option<LowType>)>,
    facts: HashMap<Vn, LlConst>,
}

impl Known {
    fn forget_memory(&mut self) {
        self.fields.clear();
        self.items.clear();
    }

    /// Forget what a call or other op that writes `w` may have changed.
    fn forget(&mut self, w: &Writes) {
        if w.anything {
            return self.forget_memory();
        }
        self.fields.retain(|(_, f), _| !w.fields.contains(f));
        for t in &w.arrays {
            self.forget_items_of(Some(*t));
        }
    }

    fn forget_items_of(&mut self, ty: Option<LowType>) {
        match ty {
            Some(t) => self.items.retain(|_, (_, it)| it.is_some_and(|x| x != t)),
            None => self.items.clear(),
        }
    }
}

struct Pass<'a, 'c> {
    lg: &'a mut LlGraph,
    cx: &'c Ctx<'c>,
    /// Incoming links per block (at the start; folding only removes some).
    npreds: HashMap<Block, usize>,
    /// Tree parent of a non-root block: (block, exit index).
    parent: HashMap<Block, (Block, usize)>,
    vn_of: HashMap<Var, Vn>,
    /// The variable (and its block) that first held a value number.
    home: HashMap<Vn, (Block, Var)>,
    /// Constants by value number, and the reverse (by `Debug` text).
    consts: HashMap<Vn, LlConst>,
    const_vn: HashMap<String, Vn>,
    next: Vn,
    /// Values threaded into a block as new parameters.
    threaded: HashMap<(Block, Vn), Var>,
    changed: bool,
    folded: bool,
}

impl<'a, 'c> Pass<'a, 'c> {
    fn new(lg: &'a mut LlGraph, cx: &'c Ctx<'c>) -> Self {
        let mut npreds: HashMap<Block, usize> = HashMap::new();
        for b in lg.graph.reachable_blocks() {
            for l in &lg.graph.blocks[b].exits {
                *npreds.entry(l.target).or_default() += 1;
            }
        }
        Pass {
            lg,
            cx,
            npreds,
            parent: HashMap::new(),
            vn_of: HashMap::new(),
            home: HashMap::new(),
            consts: HashMap::new(),
            const_vn: HashMap::new(),
            next: 0,
            threaded: HashMap::new(),
            changed: false,
            folded: false,
        }
    }

    fn fresh(&mut self, b: Block, v: Var) -> Vn {
        let n = self.next;
        self.next += 1;
        self.vn_of.insert(v, n);
        self.home.insert(n, (b, v));
        n
    }

    fn const_vn(&mut self, c: &LlConst) -> Vn {
        let key = format!("{c:?}");
        if let Some(&n) = self.const_vn.get(&key) {
            return n;
        }
        let n = self.next;
        self.next += 1;
        self.const_vn.insert(key, n);
        self.consts.insert(n, c.clone());
        n
    }

    fn vn(&mut self, b: Block, a: &LlValue) -> Vn {
        match a {
            Value::Const(c) => self.const_vn(c),
            Value::Var(v) => match self.vn_of.get(v) {
                Some(&n) => n,
                // Defined by a link (exception variables) or not yet seen.
                None => self.fresh(b, *v),
            },
        }
    }

    fn is_root(&self, b: Block) -> bool {
        b == self.lg.graph.startblock || self.npreds.get(&b).copied().unwrap_or(0) != 1
    }

    /// A value of block `b` holding value number `n`, threading it down
    /// the tree path from its home block when it lives in an ancestor.
    fn local(&mut self, b: Block, n: Vn) -> LlValue {
        if let Some(c) = self.consts.get(&n) {
            return Value::Const(c.clone());
        }
        let (hb, hv) = self.home[&n];
        if hb == b {
            return Value::Var(hv);
        }
        if let Some(&v) = self.threaded.get(&(b, n)) {
            return Value::Var(v);
        }
        let (p, i) = self.parent[&b];
        let pv = self.local(p, n);
        let v = crate::util::copy_var(self.lg, hv);
        self.lg.graph.blocks[b].inputargs.push(v);
        let link = &mut self.lg.graph.blocks[p].exits[i];
        link.args.push(pv);
        if !link.arg_spans.is_empty() {
            let s = *link.arg_spans.last().unwrap();
            link.arg_spans.push(s);
        }
        self.threaded.insert((b, n), v);
        self.vn_of.insert(v, n);
        Value::Var(v)
    }

    fn walk(&mut self) {
        let roots: Vec<Block> = self
            .lg
            .graph
            .reachable_blocks()
            .into_iter()
            .filter(|&b| self.is_root(b))
            .collect();
        for root in roots {
            let params = self.lg.graph.blocks[root].inputargs.clone();
            for v in params {
                self.fresh(root, v);
            }
            let mut stack = vec![(root, Known::default())];
            while let Some((b, mut known)) = stack.pop() {
                self.block(b, &mut known);
                self.push_children(b, known, &mut stack);
            }
        }
    }

    /// Value-number the parameters of each tree child from its link, record
    /// the fact the link's exit case gives, and queue the child.
    fn push_children(&mut self, b: Block, known: Known, stack: &mut Vec<(Block, Known)>) {
        let bd = &self.lg.graph.blocks[b];
        let switch = match bd.exitswitch {
            Exitswitch::Value(v) => Some(v),
            _ => None,
        };
        let mut kids = Vec::new();
        for (i, l) in bd.exits.iter().enumerate() {
            if self.is_root(l.target) || l.target == b {
                continue;
            }
            let exc = [l.last_exception, l.last_exc_value];
            kids.push((i, l.target, l.args.clone(), l.exitcase.clone(), exc));
        }
        let raised = match (&bd.exitswitch, bd.ops.last()) {
            (Exitswitch::LastException, Some(op)) => Some(op.result),
            _ => None,
        };
        let raised = raised.and_then(|v| self.vn_of.get(&v).copied());
        let switch_vn = switch.map(|v| self.vn(b, &Value::Var(v)));
        for (i, t, args, case, exc) in kids {
            self.parent.insert(t, (b, i));
            let params = self.lg.graph.blocks[t].inputargs.clone();
            for (p, a) in params.iter().zip(&args) {
                // The link defines its exception variables: their values
                // start in the child.
                if let Value::Var(v) = a {
                    if exc.contains(&Some(*v)) {
                        let n = self.fresh(t, *p);
                        self.vn_of.insert(*v, n);
                        continue;
                    }
                }
                let n = self.vn(b, a);
                self.vn_of.insert(*p, n);
                self.threaded.entry((t, n)).or_insert(*p);
                if !self.home.contains_key(&n) {
                    self.home.insert(n, (t, *p));
                }
            }
            let mut k = known.clone();
            if let (Some(n), Some(c)) = (switch_vn, case) {
                k.facts.insert(n, c);
            }
            // Along an exception link the block's last op raised: its
            // value does not exist there.
            if let Some(n) = raised.filter(|_| i > 0) {
                k.pure.retain(|_, m| *m != n);
            }
            stack.push((t, k));
        }
    }

    fn block(&mut self, b: Block, known: &mut Known) {
        let old_last = self.lg.graph.blocks[b].ops.last().map(|o| o.result);
        let ops = std::mem::take(&mut self.lg.graph.blocks[b].ops);
        let mut out: Vec<Op<Ll>> = Vec::with_capacity(ops.len());
        for op in ops {
            match self.rewrite(b, &op, known) {
                Step::Keep => out.push(op),
                Step::Drop => self.changed = true,
                Step::Reuse(n) => {
                    let v = self.local(b, n);
                    self.vn_of.insert(op.result, n);
                    out.push(Op {
                        kind: LlOp::SameAs,
                        args: vec![v],
                        result: op.result,
                        span: op.span,
                    });
                    self.changed = true;
                }
            }
        }
        let bd = &mut self.lg.graph.blocks[b];
        bd.ops = out;
        if settle_exc_switch(bd, old_last) {
            self.changed = true;
            self.folded = true;
        }
        self.fold_switch(b, known);
    }

    /// A switch on a value whose constant a fact gives keeps only the exit
    /// for that constant (or the default).
    fn fold_switch(&mut self, b: Block, known: &Known) {
        let Exitswitch::Value(v) = self.lg.graph.blocks[b].exitswitch else {
            return;
        };
        let n = self.vn(b, &Value::Var(v));
        let Some(c) = known.facts.get(&n).or_else(|| self.consts.get(&n)).cloned() else {
            return;
        };
        let bd = &mut self.lg.graph.blocks[b];
        let pick = bd
            .exits
            .iter()
            .position(|l| l.exitcase.as_ref() == Some(&c))
            .or_else(|| bd.exits.iter().position(|l| l.exitcase.is_none()));
        let Some(i) = pick else {
            return;
        };
        let mut l = bd.exits.swap_remove(i);
        l.exitcase = None;
        bd.exits = vec![l];
        bd.exitswitch = Exitswitch::None;
        self.changed = true;
        self.folded = true;
    }

    fn rewrite(&mut self, b: Block, op: &Op<Ll>, known: &mut Known) -> Step {
        let args: Vec<Vn> = op.args.iter().map(|a| self.vn(b, a)).collect();
        let field = || match op.args.get(1) {
            Some(Value::Const(LlConst::Field(f))) => Some(f.clone()),
            _ => None,
        };
        match op.kind {
            LlOp::SameAs => {
                self.vn_of.insert(op.result, args[0]);
                if !self.home.contains_key(&args[0]) {
                    self.home.insert(args[0], (b, op.result));
                }
                return Step::Keep;
            }
            // An array's length never changes: `getarraysize` is pure too.
            k if k.is_pure() || k == LlOp::GetArrayLen => {
                let mut key = (k, args);
                // The message only matters if the check fails; a repeat of
                // a check that passed cannot.
                if k == LlOp::IndexCheck {
                    key.1.truncate(2);
                }
                if let Some(&n) = known.pure.get(&key) {
                    return Step::Reuse(n);
                }
                let n = self.fresh(b, op.result);
                known.pure.insert(key, n);
                return Step::Keep;
            }
            LlOp::GetField => {
                if let Some(f) = field() {
                    let key = (args[0], f);
                    if let Some(&n) = known.fields.get(&key) {
                        return Step::Reuse(n);
                    }
                    let n = self.fresh(b, op.result);
                    known.fields.insert(key, n);
                    return Step::Keep;
                }
            }
            LlOp::SetField => {
                if let Some(f) = field() {
                    let key = (args[0], f.clone());
                    if known.fields.get(&key) == Some(&args[2]) {
                        return Step::Drop;
                    }
                    known.fields.retain(|(_, kf), _| *kf != f);
                    known.fields.insert(key, args[2]);
                } else {
                    known.forget_memory();
                }
            }
            LlOp::GetArrayItem => {
                let key = (args[0], args[1]);
                if let Some(&(n, _)) = known.items.get(&key) {
                    return Step::Reuse(n);
                }
                let ty = self.type_of(&op.args[0]);
                let n = self.fresh(b, op.result);
                known.items.insert(key, (n, ty));
                return Step::Keep;
            }
            LlOp::SetArrayItem => {
                let key = (args[0], args[1]);
                if known.items.get(&key).map(|x| x.0) == Some(args[2]) {
                    return Step::Drop;
                }
                let ty = self.type_of(&op.args[0]);
                known.forget_items_of(ty);
                known.items.insert(key, (args[2], ty));
            }
            LlOp::ArrayCopy => {
                let ty = self.type_of(&op.args[1]);
                known.forget_items_of(ty);
            }
            LlOp::Malloc | LlOp::MallocVarsize => {}
            _ => {
                let w = self.cx.effects.of_op(self.cx.graphs, self.lg, op);
                known.forget(&w);
            }
        }
        self.fresh(b, op.result);
        Step::Keep
    }

    fn type_of(&self, a: &LlValue) -> Option<LowType> {
        match a {
            Value::Var(v) => Some(self.lg.var_types[*v]),
            Value::Const(LlConst::Prebuilt(_, t)) => Some(LowType::Ptr(*t)),
            _ => None,
        }
    }
}

enum Step {
    Keep,
    Drop,
    /// The op computes a value already known: this value number.
    Reuse(Vn),
}
