//! The flow level: constants and the `Flow` level marker.
//!
//! A constant is a translation-time value. Immutable scalars are stored
//! inline; everything with identity (functions, classes, modules, prebuilt
//! instances, lists, dicts) is a `HostId` into the `Program`'s object space.
//! The flow-graph evaluator computes with the same `Const` values, so "what
//! exists after module initialisation" is exactly a set of constants.

use crate::graph::{Graph, Level};
use crate::host::{Builtin, HostId};
use crate::ops::FlowOp;
use std::fmt;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An unsigned machine word (`rpython.rlib.rarithmetic.r_uint`).
    UInt(u64),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    Builtin(Builtin),
    Host(HostId),
}

impl Const {
    pub fn str(s: &str) -> Const {
        Const::Str(Rc::from(s))
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Const::Int(i) => Some(*i),
            Const::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Const::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Const::None => f.write_str("None"),
            Const::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Const::Int(i) => write!(f, "{i}"),
            Const::UInt(u) => write!(f, "r_uint({u})"),
            Const::Float(x) => write!(f, "{x:?}"),
            Const::Str(s) => write!(f, "{s:?}"),
            Const::Bytes(b) => {
                f.write_str("b\"")?;
                for &c in b.iter() {
                    for e in std::ascii::escape_default(c) {
                        write!(f, "{}", e as char)?;
                    }
                }
                f.write_str("\"")
            }
            Const::Tuple(items) => {
                f.write_str("(")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{c}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Const::Builtin(b) => write!(f, "<{}>", b.name()),
            Const::Host(h) => write!(f, "<{h}>"),
        }
    }
}

/// Marker for flow-level graphs.
#[derive(Clone, Debug)]
pub struct Flow;

impl Level for Flow {
    type Op = FlowOp;
    type Const = Const;
}

pub type FlowGraph = Graph<Flow>;
pub type FlowValue = crate::graph::Value<Const>;
