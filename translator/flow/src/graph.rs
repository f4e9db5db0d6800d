//! The shape of a graph, generic over its level (flow or low-level).
//!
//! SSA without phis: a block has input variables; a `Link` passes values to
//! the target block's inputs. A block ends with an exit switch:
//! * `Exitswitch::None`: one exit (or none for the return/except blocks);
//! * `Exitswitch::Value(v)`: exits chosen by comparing `v` with each link's
//!   `exitcase` (`False`/`True` for a bool switch; a link with no case is
//!   the default);
//! * `Exitswitch::LastException`: the block's last op may raise. `exits[0]`
//!   (no case) is taken when it does not; the other exits carry an exception
//!   class as `exitcase`, are tried in order, and may pass the two extra
//!   variables `last_exception` (the class) and `last_exc_value`.
//! The return block has one input (the result); the except block two (the
//! exception class and instance). Both have no ops and no exits.

use cranelift_entity::{entity_impl, PrimaryMap};
use rpy_syntax::Span;
use std::fmt;

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(u32);
entity_impl!(Block, "block");

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(u32);
entity_impl!(Var, "v");

/// What distinguishes one level of graph from another.
pub trait Level: Clone + fmt::Debug {
    type Op: Clone + fmt::Debug + PartialEq + fmt::Display;
    type Const: Clone + fmt::Debug + PartialEq + fmt::Display;
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<C> {
    Var(Var),
    Const(C),
}

impl<C> Value<C> {
    pub fn as_var(&self) -> Option<Var> {
        match self {
            Value::Var(v) => Some(*v),
            Value::Const(_) => None,
        }
    }
    pub fn as_const(&self) -> Option<&C> {
        match self {
            Value::Var(_) => None,
            Value::Const(c) => Some(c),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Op<L: Level> {
    pub kind: L::Op,
    pub args: Vec<Value<L::Const>>,
    pub result: Var,
    /// The source construct this op was made for.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Exitswitch {
    None,
    Value(Var),
    LastException,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link<L: Level> {
    pub args: Vec<Value<L::Const>>,
    pub target: Block,
    pub exitcase: Option<L::Const>,
    /// Only on exception links: fresh variables, defined by the link, that
    /// hold the caught class and instance; `args` may mention them.
    pub last_exception: Option<Var>,
    pub last_exc_value: Option<Var>,
    /// Where each passed value was last assigned in the source (parallel
    /// to `args`; may be empty when unknown). Error messages use it to say
    /// how a value got its type.
    pub arg_spans: Vec<Span>,
}

impl<L: Level> Link<L> {
    pub fn new(args: Vec<Value<L::Const>>, target: Block) -> Self {
        Link {
            args,
            target,
            exitcase: None,
            last_exception: None,
            last_exc_value: None,
            arg_spans: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BlockData<L: Level> {
    pub inputargs: Vec<Var>,
    pub ops: Vec<Op<L>>,
    pub exitswitch: Exitswitch,
    pub exits: Vec<Link<L>>,
}

impl<L: Level> Default for BlockData<L> {
    fn default() -> Self {
        BlockData {
            inputargs: Vec::new(),
            ops: Vec::new(),
            exitswitch: Exitswitch::None,
            exits: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct VarData {
    /// Source name the variable was made for, if any (for printing).
    pub hint: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Graph<L: Level> {
    pub name: String,
    pub blocks: PrimaryMap<Block, BlockData<L>>,
    pub vars: PrimaryMap<Var, VarData>,
    pub startblock: Block,
    pub returnblock: Block,
    pub exceptblock: Block,
    /// The `def` (or module) this graph was built from.
    pub span: Span,
}

impl<L: Level> Graph<L> {
    /// A graph with an empty start block taking `nparams` inputs, a return
    /// block (one input) and an except block (two inputs).
    pub fn new(name: impl Into<String>, span: Span) -> Self {
        let mut blocks = PrimaryMap::new();
        let startblock = blocks.push(BlockData::default());
        let returnblock = blocks.push(BlockData::default());
        let exceptblock = blocks.push(BlockData::default());
        let mut g = Graph {
            name: name.into(),
            blocks,
            vars: PrimaryMap::new(),
            startblock,
            returnblock,
            exceptblock,
            span,
        };
        let r = g.new_var(Some("result"));
        g.blocks[returnblock].inputargs.push(r);
        let et = g.new_var(Some("etype"));
        let ev = g.new_var(Some("evalue"));
        g.blocks[exceptblock].inputargs = vec![et, ev];
        g
    }

    pub fn new_var(&mut self, hint: Option<&str>) -> Var {
        self.vars.push(VarData {
            hint: hint.map(str::to_string),
        })
    }

    pub fn new_block(&mut self, inputargs: Vec<Var>) -> Block {
        self.blocks.push(BlockData {
            inputargs,
            ..BlockData::default()
        })
    }

    pub fn params(&self) -> &[Var] {
        &self.blocks[self.startblock].inputargs
    }

    /// Blocks reachable from the start block, in depth-first preorder.
    pub fn reachable_blocks(&self) -> Vec<Block> {
        let mut seen = cranelift_entity::EntitySet::with_capacity(self.blocks.len());
        let mut order = Vec::new();
        let mut stack = vec![self.startblock];
        while let Some(b) = stack.pop() {
            if !seen.insert(b) {
                continue;
            }
            order.push(b);
            for link in self.blocks[b].exits.iter().rev() {
                stack.push(link.target);
            }
        }
        order
    }

    /// Name of a var for printing: `v3` or `v3_x`.
    pub fn var_name(&self, v: Var) -> String {
        match &self.vars[v].hint {
            Some(h) => format!("{v}_{h}"),
            None => format!("{v}"),
        }
    }
}
