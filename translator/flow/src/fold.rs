//! Constant propagation over a flow graph, as RPython's flow space keeps
//! constants: ops whose arguments are constants are computed, switches on
//! constants keep their one exit, and blocks only reached through folded
//! branches are dropped, before the annotator sees the graph. Every
//! function graph gets it (`build::build_function`, with no known
//! parameters); specialised graphs (`crate::specialize`) start from their
//! constant or kind-known parameters.
//!
//! Algorithm (sparse conditional constant propagation on the block-local
//! graph):
//! 1. Every variable starts "unknown"; the constant parameters are
//!    constants, the other parameters "varying". Only the start block is
//!    executable.
//! 2. An executable block is (re)visited: an op whose arguments are all
//!    constants and which `fold` can compute (pure, does not raise on them)
//!    gets a constant result, any other op a varying one. A `Value` switch
//!    on a constant takes only its matching exit; a folded last op with a
//!    `LastException` switch takes only its normal exit.
//! 3. A taken link makes its target executable and meets each argument
//!    into the target's inputarg (equal constants stay constant, anything
//!    else is varying); a change re-visits the target.
//! 4. Rewrite: constant variables are replaced by their constants, folded
//!    ops removed, folded switches reduced to their one exit. Blocks never
//!    made executable become unreachable.
//!
//! `argtype` graphs pass the kinds of their key's parameters
//! (`ParamKind`): a variable carrying such a parameter unchanged is
//! "of kind k" in the same lattice, and `isinstance(x, T)` on it folds
//! when the kind decides it (`isinstance(x, int)` in the `str` graph is
//! `False`), as RPython's annotator does with its known types.

use crate::graph::{Block, Exitswitch, Value, Var};
use crate::host::{Builtin, HostId, HostObj, Program};
use crate::model::{Const, FlowGraph};
use crate::ops::FlowOp;
use std::collections::{HashMap, HashSet, VecDeque};

#[derive(Clone, Debug, PartialEq)]
enum Lat {
    Const(Const),
    /// Not a known constant, but a value of this kind.
    Kind(ParamKind),
    Varying,
}

/// What a specialised graph knows about a parameter's value: it is not
/// `None` and of this kind (`Instance(c)`: an instance of `c` or of a
/// subclass).
#[derive(Clone, Debug, PartialEq)]
pub enum ParamKind {
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    None,
    List,
    Dict,
    Tuple,
    Instance(HostId),
}

/// Propagate constants (and the constant or kind-known parameters
/// `consts`/`kinds`) through `g` (see the module comment).
pub fn propagate(
    prog: &Program,
    g: &mut FlowGraph,
    consts: &[(usize, Const)],
    kinds: &[(usize, ParamKind)],
) {
    let mut lat: HashMap<Var, Lat> = HashMap::new();
    let params = g.params().to_vec();
    for (i, &p) in params.iter().enumerate() {
        let l = match consts.iter().find(|(k, _)| *k == i) {
            Some((_, c)) => Lat::Const(c.clone()),
            None => match kinds.iter().find(|(k, _)| *k == i) {
                Some((_, k)) => Lat::Kind(k.clone()),
                None => Lat::Varying,
            },
        };
        lat.insert(p, l);
    }
    let value_of = |lat: &HashMap<Var, Lat>, v: &Value<Const>| -> Option<Lat> {
        match v {
            Value::Const(c) => Some(Lat::Const(c.clone())),
            Value::Var(v) => lat.get(v).cloned(),
        }
    };
    let mut executable: HashSet<Block> = HashSet::new();
    let mut work: VecDeque<Block> = VecDeque::new();
    executable.insert(g.startblock);
    work.push_back(g.startblock);
    // Which exits of each block are taken (by index).
    let mut taken: HashMap<Block, Vec<usize>> = HashMap::new();
    while let Some(b) = work.pop_front() {
        if b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let data = &g.blocks[b];
        let mut last_folded = false;
        for (k, op) in data.ops.iter().enumerate() {
            let args: Vec<Option<Lat>> = op.args.iter().map(|a| value_of(&lat, a)).collect();
            let consts: Option<Vec<Const>> = args
                .iter()
                .map(|a| match a {
                    Some(Lat::Const(c)) => Some(c.clone()),
                    _ => None,
                })
                .collect();
            let folded = consts
                .and_then(|cs| fold(op.kind, &cs))
                .or_else(|| fold_isinstance(prog, op, &args))
                .or_else(|| fold_is_none(op, &args));
            let r = match folded {
                Some(c) => {
                    last_folded = k + 1 == data.ops.len();
                    Lat::Const(c)
                }
                None => {
                    last_folded = false;
                    Lat::Varying
                }
            };
            lat.insert(op.result, r);
        }
        let exits: Vec<usize> = match &data.exitswitch {
            Exitswitch::Value(v) => match lat.get(v) {
                Some(Lat::Const(c)) => {
                    let m = data
                        .exits
                        .iter()
                        .position(|l| l.exitcase.as_ref().is_some_and(|e| switch_matches(e, c)));
                    match m {
                        Some(i) => vec![i],
                        None => (0..data.exits.len()).collect(),
                    }
                }
                _ => (0..data.exits.len()).collect(),
            },
            Exitswitch::LastException if last_folded => vec![0],
            _ => (0..data.exits.len()).collect(),
        };
        let mut targets = Vec::new();
        for &i in &exits {
            let link = &data.exits[i];
            let tins = g.blocks[link.target].inputargs.clone();
            let mut changed = executable.insert(link.target);
            for (a, t) in link.args.iter().zip(tins) {
                let is_exc_var = matches!(a, Value::Var(v) if Some(*v) == link.last_exception || Some(*v) == link.last_exc_value);
                let incoming = if is_exc_var {
                    Lat::Varying
                } else {
                    value_of(&lat, a).unwrap_or(Lat::Varying)
                };
                let new = match (lat.get(&t), incoming) {
                    (None, x) => x,
                    (Some(Lat::Const(a)), Lat::Const(b)) if *a == b => Lat::Const(b),
                    (Some(Lat::Kind(a)), Lat::Kind(b)) if *a == b => Lat::Kind(b),
                    _ => Lat::Varying,
                };
                if lat.get(&t) != Some(&new) {
                    lat.insert(t, new);
                    changed = true;
                }
            }
            if changed {
                targets.push(link.target);
            }
        }
        taken.insert(b, exits);
        for t in targets {
            if !work.contains(&t) {
                work.push_back(t);
            }
        }
    }
    // Rewrite the executable blocks.
    let subst = |lat: &HashMap<Var, Lat>, v: &mut Value<Const>| {
        if let Value::Var(x) = v {
            if let Some(Lat::Const(c)) = lat.get(x) {
                *v = Value::Const(c.clone());
            }
        }
    };
    for b in executable {
        if b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let data = &mut g.blocks[b];
        let nops = data.ops.len();
        let mut removed_last = false;
        let mut kept = Vec::with_capacity(nops);
        for (k, mut op) in std::mem::take(&mut data.ops).into_iter().enumerate() {
            // Only folding makes a constant result: the op is not needed.
            if matches!(lat.get(&op.result), Some(Lat::Const(_))) {
                removed_last = k + 1 == nops;
                continue;
            }
            for a in op.args.iter_mut() {
                subst(&lat, a);
            }
            kept.push(op);
        }
        data.ops = kept;
        let exits = taken.get(&b).cloned().unwrap_or_default();
        let reduced = exits.len() < data.exits.len()
            || (removed_last && data.exitswitch == Exitswitch::LastException);
        if reduced {
            let keep = exits.first().copied().unwrap_or(0);
            let mut link = data.exits[keep].clone();
            link.exitcase = None;
            data.exits = vec![link];
            data.exitswitch = Exitswitch::None;
        }
        for link in data.exits.iter_mut() {
            let (le, lv) = (link.last_exception, link.last_exc_value);
            for a in link.args.iter_mut() {
                if matches!(a, Value::Var(v) if Some(*v) == le || Some(*v) == lv) {
                    continue;
                }
                subst(&lat, a);
            }
        }
    }
}

fn switch_matches(case: &Const, c: &Const) -> bool {
    match (case, c) {
        (Const::Bool(a), c) => truth(c) == Some(*a),
        (a, b) => a == b,
    }
}

pub(crate) fn truth(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::UInt(u) => *u != 0,
        Const::Float(x) => *x != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) => !t.is_empty(),
        _ => return None,
    })
}

/// A number as a float, for mixed comparisons; only ints a float holds
/// exactly (CPython compares a big int with a float exactly).
fn num(c: &Const) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    match c {
        Const::Bool(b) => Some(*b as i64 as f64),
        Const::Int(i) if (-EXACT..=EXACT).contains(i) => Some(*i as f64),
        Const::Float(x) => Some(*x),
        _ => None,
    }
}

/// The result of a pure op on constants, when it is simple, exact and
/// cannot raise; `None` leaves the op in the graph.
pub(crate) fn fold(kind: FlowOp, args: &[Const]) -> Option<Const> {
    use std::cmp::Ordering;
    use FlowOp as F;
    let ints = || match args {
        [a, b] => Some((a.as_int()?, b.as_int()?)),
        _ => None,
    };
    let order = || -> Option<Ordering> {
        match args {
            [Const::Int(a), Const::Int(b)] => Some(a.cmp(b)),
            [Const::Str(a), Const::Str(b)] => Some(a.cmp(b)),
            [a, b] => num(a)?.partial_cmp(&num(b)?),
            _ => None,
        }
    };
    let same = || -> Option<bool> {
        match args {
            [Const::None, Const::None] => Some(true),
            [Const::None, _] | [_, Const::None] => Some(false),
            [Const::Str(a), Const::Str(b)] => Some(a == b),
            [Const::Int(a), Const::Int(b)] => Some(a == b),
            // One object equals itself; two prebuilt lists may be equal.
            [Const::Host(a), Const::Host(b)] if a == b => Some(true),
            [Const::Str(_), b] | [b, Const::Str(_)] if num(b).is_some() => Some(false),
            [a, b] => Some(num(a)? == num(b)?),
            _ => None,
        }
    };
    Some(match kind {
        F::Bool => Const::Bool(truth(args.first()?)?),
        F::Not => Const::Bool(!truth(args.first()?)?),
        F::Eq => Const::Bool(same()?),
        F::Ne => Const::Bool(!same()?),
        F::Lt => Const::Bool(order()? == Ordering::Less),
        F::Le => Const::Bool(order()? != Ordering::Greater),
        F::Gt => Const::Bool(order()? == Ordering::Greater),
        F::Ge => Const::Bool(order()? != Ordering::Less),
        F::Is => match args {
            [Const::None, Const::None] => Const::Bool(true),
            [Const::None, _] | [_, Const::None] => Const::Bool(false),
            [Const::Bool(a), Const::Bool(b)] => Const::Bool(a == b),
            [Const::Host(a), Const::Host(b)] => Const::Bool(a == b),
            _ => return None,
        },
        F::Add | F::Sub | F::Mul if matches!(args, [Const::Int(_), Const::Int(_)]) => {
            let (a, b) = ints()?;
            Const::Int(match kind {
                F::Add => a.checked_add(b)?,
                F::Sub => a.checked_sub(b)?,
                _ => a.checked_mul(b)?,
            })
        }
        _ => return None,
    })
}

/// `x is None` where `x` has a known kind (kinds are never `None` but
/// for `ParamKind::None`).
fn fold_is_none(op: &crate::graph::Op<crate::model::Flow>, args: &[Option<Lat>]) -> Option<Const> {
    if op.kind != FlowOp::Is {
        return None;
    }
    match args {
        [Some(Lat::Kind(k)), Some(Lat::Const(Const::None))]
        | [Some(Lat::Const(Const::None)), Some(Lat::Kind(k))] => {
            Some(Const::Bool(*k == ParamKind::None))
        }
        _ => None,
    }
}

/// `isinstance(x, T)` where `x`'s kind (or constant value) decides it.
fn fold_isinstance(
    prog: &Program,
    op: &crate::graph::Op<crate::model::Flow>,
    args: &[Option<Lat>],
) -> Option<Const> {
    if op.kind != FlowOp::SimpleCall
        || args.len() != 3
        || op.args[0].as_const() != Some(&Const::Builtin(Builtin::IsInstance))
    {
        return None;
    }
    let kind = match &args[1] {
        Some(Lat::Kind(k)) => k.clone(),
        Some(Lat::Const(c)) => kind_of_const(prog, c)?,
        _ => return None,
    };
    let Some(Lat::Const(t)) = &args[2] else {
        return None;
    };
    Some(Const::Bool(isinstance_of(prog, &kind, t)?))
}

fn kind_of_const(prog: &Program, c: &Const) -> Option<ParamKind> {
    Some(match c {
        Const::None => ParamKind::None,
        Const::Bool(_) => ParamKind::Bool,
        Const::Int(_) => ParamKind::Int,
        Const::Float(_) => ParamKind::Float,
        Const::Str(_) => ParamKind::Str,
        Const::Bytes(_) => ParamKind::Bytes,
        Const::Tuple(_) => ParamKind::Tuple,
        Const::Host(h) => match &prog.objs[*h] {
            HostObj::Instance { class, .. } => ParamKind::Instance(*class),
            _ => return None,
        },
        _ => return None,
    })
}

/// Is a value of kind `k` an instance of `t` (a builtin type, a class or
/// a tuple of them)? `None` when the kind does not decide it.
fn isinstance_of(prog: &Program, k: &ParamKind, t: &Const) -> Option<bool> {
    use Builtin as B;
    use ParamKind as K;
    match t {
        Const::Tuple(ts) => {
            let rs: Vec<Option<bool>> = ts.iter().map(|t| isinstance_of(prog, k, t)).collect();
            if rs.contains(&Some(true)) {
                Some(true)
            } else if rs.iter().all(|r| *r == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
        Const::Builtin(b) => {
            if !b.is_builtin_type() {
                return None;
            }
            Some(matches!(
                (k, b),
                (K::Int, B::IntFn)
                    | (K::Bool, B::IntFn | B::BoolFn)
                    | (K::Float, B::FloatFn)
                    | (K::Str, B::StrFn)
                    | (K::Bytes, B::BytesFn)
                    | (K::List, B::ListFn)
                    | (K::Dict, B::DictFn)
                    | (K::Tuple, B::TupleFn)
            ))
        }
        Const::Host(c) if matches!(prog.objs[*c], HostObj::Class(_)) => match k {
            K::Instance(a) if prog.is_subclass(*a, *c) => Some(true),
            K::Instance(a) if prog.is_subclass(*c, *a) => None,
            _ => Some(false),
        },
        _ => None,
    }
}
