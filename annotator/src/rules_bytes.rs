//! The `bytes(...)` constructor at run time: `bytes()`, `bytes(n)` (n zero
//! bytes), `bytes(list_of_ints)` (each item checked against range(0, 256)
//! by the rtyper, `rtyper/src/rbytes.rs`) and `bytes(b)` (a copy).

use crate::annotate::OpCx;
use crate::model::SomeValue as S;
use rpy_syntax::Diagnostic;

pub fn bytes_ctor(cx: &mut OpCx, pos: &[S], kw: &[(String, S)]) -> Result<S, Diagnostic> {
    if !kw.is_empty() {
        return Err(Diagnostic::new(
            cx.span,
            "bytes() with keyword arguments (encoding=...) is not supported; use str.encode()",
        ));
    }
    let ok = S::Bytes { nullable: false };
    match pos {
        [] => Ok(ok),
        [S::Int | S::Bool] | [S::Bytes { nullable: false }] => Ok(ok),
        [S::List { def, .. }] => {
            let item = cx.ann.read_list(*def, (cx.graph, cx.block));
            match item {
                S::Int | S::Bool | S::Impossible => Ok(ok),
                other => Err(Diagnostic::new(
                    cx.span,
                    format!(
                        "bytes() of a list needs a list of ints (each in range(0, 256)), found a list of {}",
                        other.describe()
                    ),
                )),
            }
        }
        [S::Str { .. }] => Err(Diagnostic::new(
            cx.span,
            "bytes() of a str needs an encoding; use s.encode(\"utf-8\")",
        )),
        [other] => Err(Diagnostic::new(
            cx.span,
            format!(
                "bytes() takes an int, a list of ints or bytes, found {}",
                other.describe()
            ),
        )),
        _ => Err(Diagnostic::new(
            cx.span,
            format!("bytes() takes at most 1 argument ({} given)", pos.len()),
        )),
    }
}
