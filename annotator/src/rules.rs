//! What each flow op produces, given its arguments' annotations (RPython's
//! `binaryop.py`, `unaryop.py` and `builtin.py` in one table-like match).

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::model::Flow;
use rpy_flow::{Builtin, Const, FlowOp, Op};
use rpy_syntax::Diagnostic;

type R = Result<S, Diagnostic>;

fn is_num(a: &S) -> bool {
    matches!(a, S::Int | S::Bool | S::Float)
}

fn is_intlike(a: &S) -> bool {
    matches!(a, S::Int | S::Bool)
}

fn unsupported(cx: &OpCx, what: &str, args: &[S]) -> Diagnostic {
    let types: Vec<String> = args.iter().map(|a| a.describe()).collect();
    Diagnostic::new(
        cx.span,
        format!("unsupported operation: {what} on {}", types.join(" and ")),
    )
}

/// The binary arithmetic ops (plain and in-place) as their plain form.
pub fn arith_base(op: FlowOp) -> Option<FlowOp> {
    use FlowOp::*;
    Some(match op {
        Add | InplaceAdd => Add,
        Sub | InplaceSub => Sub,
        Mul | InplaceMul => Mul,
        TrueDiv | InplaceTrueDiv => TrueDiv,
        Div | InplaceDiv => Div,
        FloorDiv | InplaceFloorDiv => FloorDiv,
        Mod | InplaceMod => Mod,
        Pow | InplacePow => Pow,
        LShift | InplaceLShift => LShift,
        RShift | InplaceRShift => RShift,
        And | InplaceAnd => And,
        Or | InplaceOr => Or,
        Xor | InplaceXor => Xor,
        _ => return None,
    })
}

fn binary(cx: &OpCx, op: FlowOp, a: &S, b: &S) -> R {
    use FlowOp::*;
    let sym = match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        TrueDiv | Div => "/",
        FloorDiv => "//",
        Mod => "%",
        Pow => "**",
        LShift => "<<",
        RShift => ">>",
        And => "&",
        Or => "|",
        Xor => "^",
        _ => unreachable!(),
    };
    Ok(match (op, a, b) {
        (And | Or | Xor, S::Bool, S::Bool) => S::Bool,
        (TrueDiv, x, y) if is_num(x) && is_num(y) => S::Float,
        (_, x, y) if is_intlike(x) && is_intlike(y) => S::Int,
        (Add | Sub | Mul | Div | FloorDiv | Mod | Pow, x, y) if is_num(x) && is_num(y) => S::Float,
        (Add, S::Str { nullable: false }, S::Str { nullable: false }) => S::Str { nullable: false },
        (Add, S::Bytes { nullable: false }, S::Bytes { nullable: false }) => {
            S::Bytes { nullable: false }
        }
        (Mul, S::Str { nullable: false }, y) if is_intlike(y) => S::Str { nullable: false },
        (Mul, x, S::Str { nullable: false }) if is_intlike(x) => S::Str { nullable: false },
        _ => {
            return Err(unsupported(
                cx,
                &format!("`{sym}`"),
                &[a.clone(), b.clone()],
            ))
        }
    })
}

fn compare(cx: &OpCx, op: FlowOp, a: &S, b: &S) -> R {
    let ok = match (a, b) {
        (x, y) if is_num(x) && is_num(y) => true,
        (S::Str { .. }, S::Str { .. }) | (S::Bytes { .. }, S::Bytes { .. }) => true,
        (S::None, _) | (_, S::None) => matches!(op, FlowOp::Eq | FlowOp::Ne),
        (S::Instance { .. }, S::Instance { .. }) => matches!(op, FlowOp::Eq | FlowOp::Ne),
        _ => false,
    };
    if ok {
        Ok(S::Bool)
    } else {
        Err(unsupported(
            cx,
            &format!("comparison `{}`", op.name()),
            &[a.clone(), b.clone()],
        ))
    }
}

fn const_arg(op: &Op<Flow>, i: usize) -> Option<&Const> {
    op.args.get(i).and_then(Value::as_const)
}

pub fn annotate_op(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    use FlowOp::*;
    if let Some(r) = crate::rules_char::annotate(cx, op, args) {
        return r;
    }
    if let Some(r) = crate::rules_rlib::annotate_op(cx, op, args) {
        return r;
    }
    if let Some(r) = crate::rules_list::annotate(cx, op, args) {
        return r;
    }
    if let Some(r) = crate::rules_super::annotate(cx, op, args) {
        return r;
    }
    let k = op.kind;
    if let Some(r) = crate::rules_dict::annotate(cx, op, args) {
        return r;
    }
    if let Some(r) = crate::rules_str::annotate(cx, op, args) {
        return r;
    }
    if let Some(base) = arith_base(k) {
        return binary(cx, base, &args[0], &args[1]);
    }
    match k {
        Neg | Pos => match &args[0] {
            S::Int | S::Bool => Ok(S::Int),
            S::Float => Ok(S::Float),
            a => Err(unsupported(cx, &format!("unary `{}`", if k == Neg { "-" } else { "+" }), &[a.clone()])),
        },
        Invert => match &args[0] {
            S::Int | S::Bool => Ok(S::Int),
            a => Err(unsupported(cx, "`~`", &[a.clone()])),
        },
        Bool | Not => match &args[0] {
            S::Range | S::RangeIter | S::Functions(_) | S::Class(_) | S::Builtin(_) => {
                Err(unsupported(cx, "truth test", &[args[0].clone()]))
            }
            _ => Ok(S::Bool),
        },
        Lt | Le | Eq | Ne | Gt | Ge => compare(cx, k, &args[0], &args[1]),
        Is => Ok(S::Bool),
        Contains => match (&args[0], &args[1]) {
            (S::Str { nullable: false }, S::Str { .. }) => Ok(S::Bool),
            (S::Bytes { nullable: false }, S::Bytes { .. }) => Ok(S::Bool),
            (S::List { def, .. }, item) => {
                let def = *def;
                let reader = (cx.graph, cx.block);
                let it = cx.ann.read_list(def, reader);
                if cx.ann.union(&it, item).is_none() {
                    return Err(unsupported(cx, "`in`", args));
                }
                Ok(S::Bool)
            }
            _ => Err(unsupported(cx, "`in`", args)),
        },
        GetItem => getitem(cx, op, args),
        Len => len_of(cx, &args[0]),
        Iter => match &args[0] {
            S::Range => Ok(S::RangeIter),
            a => Err(Diagnostic::new(cx.span, format!("iteration over {} is not supported yet (only range() in this version)", a.describe()))),
        },
        Next => match &args[0] {
            S::RangeIter => Ok(S::Int),
            a => Err(unsupported(cx, "next()", &[a.clone()])),
        },
        NewTuple => Ok(S::Tuple(args.to_vec())),
        Repr if matches!(&args[0], S::Instance { .. }) => {
            let S::Instance { class, .. } = &args[0] else { unreachable!() };
            crate::rules_exc::repr_exc(cx, *class)
        }
        Str | Repr | Format => {
            stringable(cx, &args[0])?;
            Ok(S::Str { nullable: false })
        }
        Type => match &args[0] {
            S::Instance { class, .. } if crate::rules_class::is_exception_class(cx.ann.prog, *class) => Ok(S::Class(*class)),
            S::Instance { class, .. } => Err(Diagnostic::new(
                cx.span,
                format!("exceptions must derive from BaseException, but an instance of {} is raised here", cx.ann.prog.class(*class).name),
            )),
            a => Err(unsupported(cx, "type()", &[a.clone()])),
        },
        ExcMatch => Ok(S::Bool),
        SimpleCall | CallKw => call(cx, op, args),
        SetAttr => {
            let name = const_arg(op, 1).and_then(Const::as_str).unwrap_or("?");
            match crate::rules_class::setattr(cx, &args[0], name, &args[2]) {
                Some(r) => r,
                None => Err(Diagnostic::new(cx.span, format!("cannot set attribute '{name}' of {}", args[0].describe()))),
            }
        }
        GetAttr => {
            let name = const_arg(op, 1).and_then(Const::as_str).unwrap_or("?");
            if let Some(r) = crate::rules_class::getattr(cx, &args[0], name) {
                return r;
            }
            Err(Diagnostic::new(cx.span, format!("attribute '{name}' of {} is not supported", args[0].describe())))
        }
        _ => Err(Diagnostic::new(cx.span, format!("the operation `{}` is not supported in this version of rpython-rs", k.name()))),
    }
}

pub(crate) fn stringable(cx: &OpCx, a: &S) -> Result<(), Diagnostic> {
    match a {
        S::List { .. } | S::Tuple(_) => crate::rules_list::stringable_seq(cx, a),
        S::Int | S::Bool | S::Float | S::Str { .. } | S::Bytes { .. } | S::None => Ok(()),
        S::Dict { .. } => Ok(()),
        S::Unsigned => Ok(()),
        S::Instance {
            class,
            nullable: false,
        } => crate::rules_dunder_str::instance_to_str(
            cx,
            *class,
            crate::rules_class::is_exception_class(cx.ann.prog, *class),
        ),
        other => Err(unsupported(cx, "conversion to str", &[other.clone()])),
    }
}

fn len_of(cx: &OpCx, a: &S) -> R {
    match a {
        S::Str { nullable: false }
        | S::Bytes { nullable: false }
        | S::List { .. }
        | S::Tuple(_) => Ok(S::Int),
        S::Dict {
            nullable: false, ..
        }
        | S::DictPart {
            part: crate::model::DictPart::View(_),
            ..
        } => Ok(S::Int),
        other => Err(unsupported(cx, "len()", &[other.clone()])),
    }
}

fn getitem(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    match (&args[0], &args[1]) {
        (S::List { def, .. }, i) if is_intlike(i) => {
            let def = *def;
            let reader = (cx.graph, cx.block);
            Ok(cx.ann.read_list(def, reader))
        }
        (S::Str { nullable: false }, i) if is_intlike(i) => Ok(S::Char),
        (S::Bytes { nullable: false }, i) if is_intlike(i) => Ok(S::Int),
        (S::Tuple(items), _) => match const_arg(op, 1).and_then(Const::as_int) {
            Some(i) => {
                let n = items.len() as i64;
                let idx = if i < 0 { i + n } else { i };
                items
                    .get(idx as usize)
                    .cloned()
                    .filter(|_| idx >= 0)
                    .ok_or_else(|| Diagnostic::new(cx.span, "tuple index out of range"))
            }
            None => crate::rules_tuple_index::getitem_var(cx, items, &args[1]),
        },
        _ => Err(unsupported(cx, "indexing", args)),
    }
}

/// Splits call arguments into positional and keyword annotations.
fn call_args(op: &Op<Flow>, args: &[S]) -> (Vec<S>, Vec<(String, S)>) {
    if op.kind == FlowOp::SimpleCall {
        return (args[1..].to_vec(), Vec::new());
    }
    let names: Vec<String> = match const_arg(op, 1) {
        Some(Const::Tuple(t)) => t
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let rest = &args[2..];
    let npos = rest.len() - names.len();
    let kw = names
        .into_iter()
        .zip(rest[npos..].iter().cloned())
        .collect();
    (rest[..npos].to_vec(), kw)
}

fn call(cx: &mut OpCx, op: &Op<Flow>, args: &[S]) -> R {
    let (pos, kw) = call_args(op, args);
    match &args[0] {
        S::Functions(fs) => {
            let fs = fs.clone();
            let caller = (cx.graph, cx.block);
            let site = crate::specialize::CallSite::of_op(op);
            cx.ann
                .call_functions_at(caller, Some(&site), cx.span, &fs, &pos, &kw)
        }
        S::Builtin(Builtin::IsInstance) => crate::rules_class::isinstance(cx, op, &pos),
        S::Builtin(b) => builtin_call(cx, *b, &pos, &kw),
        S::Class(c) => crate::rules_class::call_class(cx, *c, &pos, &kw),
        S::Method { class, name } => {
            let (class, name) = (*class, name.clone());
            if let Some(r) = crate::specialize::call_method(cx, op, class, &name, &pos, &kw) {
                return r;
            }
            crate::rules_class::call_method(cx, class, &name, &pos, &kw)
        }
        S::ExcInit => crate::rules_class::call_exc_init(cx, &pos, &kw),
        other => Err(Diagnostic::new(
            cx.span,
            format!("{} is not callable", other.describe()),
        )),
    }
}

fn arity(
    cx: &OpCx,
    name: &str,
    pos: &[S],
    kw: &[(String, S)],
    min: usize,
    max: usize,
) -> Result<(), Diagnostic> {
    if !kw.is_empty() {
        return Err(Diagnostic::new(
            cx.span,
            format!("{name}() takes no keyword arguments"),
        ));
    }
    if pos.len() < min || pos.len() > max {
        let expect = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(Diagnostic::new(
            cx.span,
            format!(
                "{name}() takes {expect} argument{} ({} given)",
                if max == 1 { "" } else { "s" },
                pos.len()
            ),
        ));
    }
    Ok(())
}

fn builtin_call(cx: &mut OpCx, b: Builtin, pos: &[S], kw: &[(String, S)]) -> R {
    use Builtin as B;
    let name = b.name();
    match b {
        B::Print => {
            for (k, v) in kw {
                if k != "sep" && k != "end" {
                    return Err(Diagnostic::new(
                        cx.span,
                        format!("print() got an unexpected keyword argument '{k}'"),
                    ));
                }
                if !matches!(v, S::Str { .. } | S::None) {
                    return Err(Diagnostic::new(
                        cx.span,
                        format!("print()'s {k}= must be a str, not {}", v.describe()),
                    ));
                }
            }
            for a in pos {
                stringable(cx, a)?;
            }
            Ok(S::None)
        }
        B::Len => {
            arity(cx, name, pos, kw, 1, 1)?;
            len_of(cx, &pos[0])
        }
        B::Repr if matches!(pos, [S::Instance { .. }]) && kw.is_empty() => {
            let S::Instance { class, .. } = &pos[0] else {
                unreachable!()
            };
            crate::rules_exc::repr_exc(cx, *class)
        }
        B::Py2PrintItem => {
            arity(cx, name, pos, kw, 2, 2)?;
            stringable(cx, &pos[1])?;
            Ok(S::None)
        }
        B::Py2PrintNewline => {
            arity(cx, name, pos, kw, 1, 1)?;
            Ok(S::None)
        }
        B::StrFn | B::Py2Str | B::Repr => {
            arity(cx, name, pos, kw, 0, 1)?;
            if let Some(a) = pos.first() {
                stringable(cx, a)?;
            }
            Ok(S::Str { nullable: false })
        }
        B::IntFn => {
            arity(cx, name, pos, kw, 0, 2)?;
            match pos {
                [] => Ok(S::Int),
                [a] if is_num(a) || matches!(a, S::Str { nullable: false }) => Ok(S::Int),
                [S::Str { nullable: false }, base] if is_intlike(base) => Ok(S::Int),
                _ => Err(unsupported(cx, "int()", pos)),
            }
        }
        B::FloatFn => {
            arity(cx, name, pos, kw, 0, 1)?;
            match pos {
                [] => Ok(S::Float),
                [a] if is_num(a) || matches!(a, S::Str { nullable: false }) => Ok(S::Float),
                _ => Err(unsupported(cx, "float()", pos)),
            }
        }
        B::BoolFn => {
            arity(cx, name, pos, kw, 0, 1)?;
            Ok(S::Bool)
        }
        B::Abs => {
            arity(cx, name, pos, kw, 1, 1)?;
            match &pos[0] {
                S::Int | S::Bool => Ok(S::Int),
                S::Float => Ok(S::Float),
                a => Err(unsupported(cx, "abs()", &[a.clone()])),
            }
        }
        B::Min | B::Max => {
            arity(cx, name, pos, kw, 2, 2)?;
            match (&pos[0], &pos[1]) {
                (S::Bool, S::Bool) => Ok(S::Bool),
                (x, y) if is_intlike(x) && is_intlike(y) => Ok(S::Int),
                (x, y) if is_num(x) && is_num(y) => Ok(S::Float),
                _ => Err(unsupported(cx, &format!("{name}()"), pos)),
            }
        }
        B::Range => {
            arity(cx, name, pos, kw, 1, 3)?;
            if pos.iter().all(is_intlike) {
                Ok(S::Range)
            } else {
                Err(unsupported(cx, "range()", pos))
            }
        }
        B::OsWrite => {
            arity(cx, "os.write", pos, kw, 2, 2)?;
            match (&pos[0], &pos[1]) {
                (fd, S::Bytes { nullable: false }) if is_intlike(fd) => Ok(S::Int),
                // py2: a str is a byte string (one byte per code point).
                (fd, S::Str { nullable: false }) if is_intlike(fd) && cx.ann.prog.py2 => Ok(S::Int),
                _ => Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "os.write() takes an int fd and bytes, not {} and {}",
                        pos[0].describe(),
                        pos[1].describe()
                    ),
                )),
            }
        }
        B::BytesFn => crate::rules_bytes::bytes_ctor(cx, pos, kw),
        B::Chr => {
            arity(cx, name, pos, kw, 1, 1)?;
            if is_intlike(&pos[0]) {
                Ok(S::Char)
            } else {
                Err(unsupported(cx, "chr()", pos))
            }
        }
        B::Ord => {
            arity(cx, name, pos, kw, 1, 1)?;
            if matches!(pos[0], S::Str { nullable: false }) {
                Ok(S::Int)
            } else {
                Err(unsupported(cx, "ord()", pos))
            }
        }
        _ => Err(Diagnostic::new(
            cx.span,
            format!("the builtin {name}() is not supported in this version of rpython-rs"),
        )),
    }
}
