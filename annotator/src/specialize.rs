//! Function specialisation (`rpython.rlib.objectmodel.specialize`).
//!
//! A function decorated with `@specialize.xxx` has a family of graphs, one
//! per specialisation key, instead of one graph; each call site picks (and
//! on first use builds) the graph of its key. Keys (RPython's
//! `annotator/specialize.py`, in our terms):
//! * `argtype(i, ...)`: the kind of the annotations of those arguments at
//!   the call site (`int`, `float`, `str`, an instance of class `C`...);
//!   graphs are named `f__int`, `f__str_float`, ...
//! * `arg(i, ...)`: the constant values of those arguments, which must be
//!   constants at the call site; the graph is built with the constants in
//!   place and folded (`rpy_flow::specialize`), so a constant flag picks a
//!   branch at translation time.
//! * `memo()`: every argument is a constant; the function is run once per
//!   distinct argument tuple by the flow evaluator at translation time and
//!   the call becomes that constant (no graph).
//! * `call_location()`: one graph per call site (`f__site1`, ...).
//!
//! Each specialised graph is a fresh build of the function's AST, so
//! annotations of different keys never mix. The annotator records, per
//! call op (caller graph, result variable), which graph each function
//! resolved to (`SpecState::target`) or the memo constant
//! (`SpecState::memo`); the rtyper reads both. A call site whose key
//! changes as its arguments generalise is re-pointed at the new key's
//! graph; the old graph stays (annotated, unused).

use crate::annotate::{Annotator, GraphId};
use crate::call::ArgSource;
use crate::model::SomeValue;
use rpy_flow::graph::Value;
use rpy_flow::rlib::{FnHint, Specialization};
use rpy_flow::specialize::ParamKind;
use rpy_flow::{Const, FlowOp, HostId, HostObj, Op, Program, Var};
use rpy_syntax::{Diagnostic, Span};
use std::collections::HashMap;

/// How many graphs one function may get (recursion that makes a new key
/// each time would not terminate).
const MAX_GRAPHS: usize = 200;

/// The raw arguments of a call op, for keys that need constants.
pub struct CallSite {
    /// The op's result variable: identifies the call op in its graph.
    pub result: Var,
    /// Positional arguments, then keyword arguments (in the op's order).
    pub pos: Vec<Value<Const>>,
    pub kw: Vec<Value<Const>>,
}

impl CallSite {
    /// The call site of a `simple_call` / `call_kw` op.
    pub fn of_op(op: &Op<rpy_flow::Flow>) -> CallSite {
        if op.kind == FlowOp::CallKw {
            let nkw = match op.args.get(1).and_then(|a| a.as_const()) {
                Some(Const::Tuple(t)) => t.len(),
                _ => 0,
            };
            let rest = &op.args[2.min(op.args.len())..];
            let npos = rest.len().saturating_sub(nkw);
            CallSite {
                result: op.result,
                pos: rest[..npos].to_vec(),
                kw: rest[npos..].to_vec(),
            }
        } else {
            CallSite {
                result: op.result,
                pos: op.args.get(1..).unwrap_or(&[]).to_vec(),
                kw: Vec::new(),
            }
        }
    }
}

/// Specialised graphs, and what each call site resolved to.
#[derive(Default)]
pub struct SpecState {
    graphs: HashMap<(HostId, String), GraphId>,
    targets: HashMap<(GraphId, Var), Vec<(HostId, GraphId)>>,
    memo: HashMap<(GraphId, Var), Const>,
    memo_choice: HashMap<(GraphId, Var), MemoChoice>,
    memo_cache: HashMap<(HostId, String), Const>,
    sites: HashMap<HostId, usize>,
}

impl SpecState {
    /// The graph that function `f` resolved to at the call op whose result
    /// is `site` in graph `caller`, if `f` is specialised.
    pub fn target(&self, caller: GraphId, site: Var, f: HostId) -> Option<GraphId> {
        self.targets
            .get(&(caller, site))?
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, g)| *g)
    }

    /// The translation-time result of a `memo` call op.
    pub fn memo(&self, caller: GraphId, site: Var) -> Option<&Const> {
        self.memo.get(&(caller, site))
    }

    /// The results of a `memo` call op with bool arguments known only at
    /// run time.
    pub fn memo_choice(&self, caller: GraphId, site: Var) -> Option<&MemoChoice> {
        self.memo_choice.get(&(caller, site))
    }
}

/// A `memo` call whose arguments include bools known only at run time:
/// the function ran once per combination of their values at translation
/// time, and the call picks the result at run time.
#[derive(Clone, Debug)]
pub struct MemoChoice {
    /// The positional arguments (index among the call's positional
    /// arguments) that vary, first = lowest bit of `results`' index.
    pub varying: Vec<usize>,
    /// One result per combination: bit j of the index is varying[j].
    pub results: Vec<Const>,
}

/// At most this many run-time bools in one `memo` call (2**n results).
const MAX_MEMO_BOOLS: usize = 3;

/// What a call of one function resolves to.
pub enum Target {
    Graph(GraphId),
    /// A `memo` call: its constant result.
    Memo(Const),
    /// A `memo` call over run-time bools: its possible results.
    MemoChoice(Vec<Const>),
}

/// The specialisation recorded on `f`, if any.
pub fn specialization(prog: &Program, f: HostId) -> Option<&Specialization> {
    prog.fn_hints.get(&f)?.iter().find_map(|h| match h {
        FnHint::Specialize(s) => Some(s),
        _ => None,
    })
}

fn decorator_name(s: &Specialization) -> String {
    match s {
        Specialization::ArgType(ix) => format!("specialize.argtype({})", join(ix)),
        Specialization::Arg(ix) => format!("specialize.arg({})", join(ix)),
        Specialization::Memo => "specialize.memo()".into(),
        Specialization::CallLocation => "specialize.call_location()".into(),
    }
}

fn join(ix: &[usize]) -> String {
    ix.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One call argument as seen by the specialiser: its annotation and, if
/// it is a constant at the call site, its value.
struct Arg {
    ann: SomeValue,
    value: Option<Const>,
}

/// Resolve a call of `f` at `site` (in graph `caller`) to a graph or a
/// memo constant. `sources` binds the call's arguments to `f`'s
/// parameters; `pos`/`kw` are their annotations.
#[allow(clippy::too_many_arguments)]
pub fn resolve(
    ann: &mut Annotator,
    f: HostId,
    caller: GraphId,
    site: Option<&CallSite>,
    sources: &[ArgSource],
    pos: &[SomeValue],
    kw: &[(String, SomeValue)],
    span: Span,
) -> Result<Target, Diagnostic> {
    let prog = ann.prog;
    let Some(spec) = specialization(prog, f).cloned() else {
        return ann
            .graph_for(f)
            .map(Target::Graph)
            .map_err(|mut ds| ds.remove(0));
    };
    let fobj = prog.function(f);
    let defined = |d: Diagnostic| {
        d.with_note(
            Some(fobj.def.span),
            format!(
                "{}() is decorated with @{} here",
                fobj.name,
                decorator_name(&spec)
            ),
        )
    };
    let Some(site) = site else {
        return Err(defined(Diagnostic::new(
            span,
            format!(
                "{}() is specialised and can only be called directly here (by name or as a staticmethod), not as a method, constructor or hook",
                fobj.name
            ),
        )));
    };
    let args: Vec<Arg> = sources
        .iter()
        .map(|s| match s {
            // Keys ignore widened-number marks (`rules_widen`).
            ArgSource::Positional(i) => Arg {
                ann: pos[*i].erased(),
                value: site.pos.get(*i).and_then(|v| v.as_const()).cloned(),
            },
            ArgSource::Keyword(i) => Arg {
                ann: kw[*i].1.erased(),
                value: site.kw.get(*i).and_then(|v| v.as_const()).cloned(),
            },
            ArgSource::Default(i) => {
                let c = fobj.defaults[*i].clone();
                Arg {
                    ann: ann.const_annotation(&c),
                    value: Some(c),
                }
            }
        })
        .collect();
    let param_name = |i: usize| fobj.def.params[i].name.clone();
    let check_index = |i: usize| -> Result<(), Diagnostic> {
        if i >= args.len() {
            return Err(defined(Diagnostic::new(
                span,
                format!(
                    "@{} names argument {i}, but {}() takes {} argument{}",
                    decorator_name(&spec),
                    fobj.name,
                    args.len(),
                    if args.len() == 1 { "" } else { "s" }
                ),
            )));
        }
        Ok(())
    };
    let need_const = |i: usize, why: &str| -> Result<Const, Diagnostic> {
        match &args[i].value {
            Some(c) => Ok(c.clone()),
            None => Err(defined(Diagnostic::new(
                span,
                format!(
                    "argument '{}' of {}() must be a constant at each call site ({why}), but here it is {} computed at run time",
                    param_name(i),
                    fobj.name,
                    args[i].ann.describe_in(prog)
                ),
            ))),
        }
    };
    let mut kinds = Vec::new();
    let (key, suffix, consts) = match &spec {
        Specialization::ArgType(ix) => {
            let mut parts = Vec::new();
            let mut names = Vec::new();
            for &i in ix {
                check_index(i)?;
                parts.push(kind_key(prog, &args[i].ann, true));
                names.push(kind_key(prog, &args[i].ann, false));
                if let Some(k) = param_kind(&args[i].ann) {
                    kinds.push((i, k));
                }
            }
            (parts.join(","), names.join("_"), Vec::new())
        }
        Specialization::Arg(ix) => {
            let mut key = Vec::new();
            let mut names = Vec::new();
            let mut consts = Vec::new();
            for &i in ix {
                check_index(i)?;
                let c = need_const(i, &decorator_name(&spec))?;
                key.push(format!("{c}"));
                names.push(const_name(prog, &c));
                consts.push((i, c));
            }
            (key.join(","), names.join("_"), consts)
        }
        Specialization::Memo => {
            // Each argument is a constant, or a bool only known at run
            // time passed positionally: then the function runs once per
            // combination of their values and the call picks at run time.
            let mut vals = Vec::new();
            let mut varying = Vec::new();
            for i in 0..args.len() {
                match need_const(i, "specialize.memo(), or a bool passed by position") {
                    Ok(c) => vals.push(c),
                    Err(e) => match sources[i] {
                        ArgSource::Positional(p)
                            if matches!(args[i].ann, SomeValue::Bool)
                                && varying.len() < MAX_MEMO_BOOLS =>
                        {
                            varying.push((i, p));
                            vals.push(Const::Bool(false));
                        }
                        _ => return Err(e),
                    },
                }
            }
            if varying.is_empty() {
                let c = memo_value(ann, f, vals, span).map_err(defined)?;
                ann.spec.memo.insert((caller, site.result), c.clone());
                return Ok(Target::Memo(c));
            }
            let mut results = Vec::new();
            for bits in 0..1usize << varying.len() {
                let mut v = vals.clone();
                for (j, &(i, _)) in varying.iter().enumerate() {
                    v[i] = Const::Bool(bits >> j & 1 == 1);
                }
                results.push(memo_value(ann, f, v, span).map_err(defined)?);
            }
            let choice = MemoChoice {
                varying: varying.iter().map(|&(_, p)| p).collect(),
                results: results.clone(),
            };
            ann.spec.memo_choice.insert((caller, site.result), choice);
            return Ok(Target::MemoChoice(results));
        }
        Specialization::CallLocation => {
            let key = format!("{caller}/{}", site.result);
            let n = match ann.spec.graphs.get(&(f, key.clone())) {
                Some(_) => 0,
                None => {
                    let n = ann.spec.sites.entry(f).or_insert(0);
                    *n += 1;
                    *n
                }
            };
            (key, format!("site{n}"), Vec::new())
        }
    };
    let gid = match ann.spec.graphs.get(&(f, key.clone())) {
        Some(&g) => g,
        None => {
            let made = ann.spec.graphs.keys().filter(|(h, _)| *h == f).count();
            if made >= MAX_GRAPHS {
                return Err(defined(Diagnostic::new(
                    span,
                    format!(
                        "{}() has more than {MAX_GRAPHS} specialised graphs; a call inside a specialised graph probably makes a new key every time (e.g. arg(0) with n + 1)",
                        fobj.name
                    ),
                )));
            }
            let name = format!("{}__{}", fobj.qualname, sanitize(&suffix));
            let graph = rpy_flow::specialize::build_specialized(prog, f, &name, &consts, &kinds)
                .map_err(|mut ds| ds.remove(0))?;
            let g = ann.add_graph(f, graph);
            ann.spec.graphs.insert((f, key), g);
            g
        }
    };
    let entry = ann.spec.targets.entry((caller, site.result)).or_default();
    match entry.iter_mut().find(|(h, _)| *h == f) {
        Some(slot) => slot.1 = gid,
        None => entry.push((f, gid)),
    }
    Ok(Target::Graph(gid))
}

/// The `argtype` key of one annotation: its kind, not its details
/// (`qualified` names classes by qualified name, for keys; otherwise by
/// name, for graph names).
fn kind_key(prog: &Program, s: &SomeValue, qualified: bool) -> String {
    use SomeValue as S;
    match s {
        S::Int => "int".into(),
        S::Bool => "bool".into(),
        S::Float => "float".into(),
        S::Unsigned => "r_uint".into(),
        S::Str { nullable } => or_none("str", *nullable),
        S::Bytes { nullable } => or_none("bytes", *nullable),
        S::None => "None".into(),
        S::Instance { class, nullable } if qualified => {
            or_none(&prog.class(*class).qualname, *nullable)
        }
        S::Instance { class, nullable } => or_none(&prog.class(*class).name, *nullable),
        S::List { .. } => "list".into(),
        S::Dict { .. } => "dict".into(),
        S::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|i| kind_key(prog, i, qualified)).collect();
            format!("tuple_{}", parts.join("_"))
        }
        other => other.describe_in(prog),
    }
}

/// Nullable kinds are keys of their own: `isinstance` folds differently.
fn or_none(kind: &str, nullable: bool) -> String {
    if nullable {
        format!("{kind}_or_None")
    } else {
        kind.to_string()
    }
}

/// What the graph of an `argtype` key may assume about the argument (for
/// folding `isinstance`); `None` if nothing (e.g. it may be `None`).
fn param_kind(s: &SomeValue) -> Option<ParamKind> {
    use SomeValue as S;
    Some(match s {
        S::Int => ParamKind::Int,
        S::Bool => ParamKind::Bool,
        S::Float => ParamKind::Float,
        S::Str { nullable: false } => ParamKind::Str,
        S::Bytes { nullable: false } => ParamKind::Bytes,
        S::None => ParamKind::None,
        S::List {
            nullable: false, ..
        } => ParamKind::List,
        S::Dict {
            nullable: false, ..
        } => ParamKind::Dict,
        S::Tuple(_) => ParamKind::Tuple,
        S::Instance {
            class,
            nullable: false,
        } => ParamKind::Instance(*class),
        _ => return None,
    })
}

/// A readable name part for a constant (graph names only, not keys).
fn const_name(prog: &Program, c: &Const) -> String {
    match c {
        Const::Int(i) if *i < 0 => format!("m{}", -(*i as i128)),
        Const::Str(s) => s.chars().take(16).collect(),
        Const::Host(h) => match &prog.objs[*h] {
            HostObj::Function(f) => f.name.clone(),
            HostObj::Class(k) => k.name.clone(),
            HostObj::Instance { class, .. } => format!("{}_{}", prog.class(*class).name, h),
            _ => format!("{h}"),
        },
        other => format!("{other}"),
    }
}

/// Keep identifier characters (graph names appear in symbols and dumps).
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Run memo function `f` on `args` at translation time (once per distinct
/// arguments), on a copy of the program's object space.
fn memo_value(
    ann: &mut Annotator,
    f: HostId,
    args: Vec<Const>,
    span: Span,
) -> Result<Const, Diagnostic> {
    let prog = ann.prog;
    let key = args
        .iter()
        .map(|c| format!("{c}"))
        .collect::<Vec<_>>()
        .join(",");
    if let Some(c) = ann.spec.memo_cache.get(&(f, key.clone())) {
        return Ok(c.clone());
    }
    let name = &prog.function(f).name;
    let mut space = prog.clone();
    let nobjs = space.objs.len();
    let result = {
        let mut ev = rpy_flow::eval::Evaluator::new(&mut space);
        ev.call(&Const::Host(f), args, Vec::new())
    };
    let c = match result {
        Ok(c) => c,
        Err(rpy_flow::eval::EvalError::Exception(e)) => {
            let cls = &space.class(e.class).name;
            let msg = if e.message.is_empty() {
                cls.clone()
            } else {
                format!("{cls}: {}", e.message)
            };
            return Err(Diagnostic::new(
                span,
                format!("the memo function {name}() raised {msg} when run at translation time"),
            )
            .with_note(Some(e.span), "raised here"));
        }
        Err(rpy_flow::eval::EvalError::User(d)) => {
            return Err(Diagnostic::new(
                span,
                format!(
                    "the memo function {name}() failed when run at translation time: {}",
                    d.message
                ),
            )
            .with_note(Some(d.span), "failed here"));
        }
    };
    if !prebuilt(&c, nobjs) {
        return Err(Diagnostic::new(
            span,
            format!(
                "the memo function {name}() returned {c}, an object made at translation time by the call itself; memo results must be scalars, strings or objects built at module level"
            ),
        ));
    }
    if ann.const_annotation(&c).is_impossible() {
        return Err(Diagnostic::new(
            span,
            format!("the memo function {name}() returned {c}, which cannot be used at run time"),
        ));
    }
    ann.spec.memo_cache.insert((f, key), c.clone());
    Ok(c)
}

/// Does `c` exist in the program before the memo call (no new objects)?
fn prebuilt(c: &Const, nobjs: usize) -> bool {
    match c {
        Const::Host(h) => cranelift_entity::EntityRef::index(*h) < nobjs,
        Const::Tuple(items) => items.iter().all(|i| prebuilt(i, nobjs)),
        _ => true,
    }
}

/// `inst.name(...)` where the method is specialised: each implementation
/// in the receiver's family is called like a function (its receiver
/// first) and gets its graph by the call's key, so the call site has a row
/// of graphs, one per implementation (the rtyper dispatches on the row,
/// `rtyper/src/lower_spec.rs`); `None` when no implementation is
/// specialised (the ordinary method call rules). A `memo` method cannot
/// be overridden (its result is a constant chosen at translation time).
pub fn call_method(
    cx: &mut crate::annotate::OpCx,
    op: &Op<rpy_flow::Flow>,
    class: HostId,
    name: &str,
    pos: &[SomeValue],
    kw: &[(String, SomeValue)],
) -> Option<Result<SomeValue, Diagnostic>> {
    let prog = cx.ann.prog;
    let impls = crate::rules_class::method_impls(cx.ann, class, name);
    if !impls
        .iter()
        .any(|(_, f)| specialization(prog, *f).is_some())
    {
        return None;
    }
    if impls.len() > 1 {
        let memo = impls
            .iter()
            .find(|(_, f)| matches!(specialization(prog, *f), Some(Specialization::Memo)));
        if let Some(&(_, m)) = memo {
            let other = impls.iter().find(|(_, f)| *f != m).expect("two impls").1;
            let mo = prog.function(m);
            let oo = prog.function(other);
            return Some(Err(Diagnostic::new(
                cx.span,
                format!(
                    "the method {name}() has {} implementations in the family of {}, and {} is @specialize.memo(): a memo method cannot be overridden (its result is fixed at translation time)",
                    impls.len(),
                    prog.class(class).name,
                    mo.qualname
                ),
            )
            .with_note(Some(mo.def.span), format!("{} is defined here", mo.qualname))
            .with_note(Some(oo.def.span), format!("{} is defined here", oo.qualname))));
        }
    }
    let mut site = CallSite::of_op(op);
    site.pos.insert(0, op.args[0].clone());
    let caller = (cx.graph, cx.block);
    let mut result = SomeValue::Impossible;
    for (d, f) in impls {
        let mut args = vec![SomeValue::Instance {
            class: d,
            nullable: false,
        }];
        args.extend(pos.iter().cloned());
        let r = match cx
            .ann
            .call_functions_at(caller, Some(&site), cx.span, &[f], &args, kw)
        {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        if r.is_impossible() {
            continue;
        }
        match cx.ann.union(&result, &r) {
            Some(u) => result = u,
            None => {
                return Some(Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "the implementations of {name}() in the family of {} return different types ({} and {})",
                        prog.class(class).name,
                        result.describe(),
                        r.describe()
                    ),
                )))
            }
        }
    }
    Some(Ok(result))
}
