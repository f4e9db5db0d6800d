//! `Emit`: appends low-level ops to the block being rewritten, creating
//! typed result variables.

use crate::llop::LlOp;
use crate::lltype::{Ll, LlConst, LowType};
use cranelift_entity::SecondaryMap;
use rpy_flow::graph::{Graph, Op, Value};
use rpy_flow::Var;
use rpy_syntax::Span;

pub type LlValue = Value<LlConst>;

pub struct Emit<'g> {
    pub g: &'g mut Graph<Ll>,
    pub types: &'g mut SecondaryMap<Var, LowType>,
    pub ops: Vec<Op<Ll>>,
    pub span: Span,
}

impl<'g> Emit<'g> {
    pub fn new(
        g: &'g mut Graph<Ll>,
        types: &'g mut SecondaryMap<Var, LowType>,
        span: Span,
    ) -> Self {
        Emit {
            g,
            types,
            ops: Vec::new(),
            span,
        }
    }

    pub fn var(&mut self, ty: LowType) -> Var {
        let v = self.g.new_var(None);
        self.types[v] = ty;
        v
    }

    /// Emit `kind(args)` with a fresh result of type `ty`.
    pub fn op(&mut self, kind: LlOp, args: Vec<LlValue>, ty: LowType) -> LlValue {
        let result = self.var(ty);
        self.ops.push(Op {
            kind,
            args,
            result,
            span: self.span,
        });
        Value::Var(result)
    }

    /// Call a runtime library function.
    pub fn call_extern(&mut self, name: &str, mut args: Vec<LlValue>, ty: LowType) -> LlValue {
        debug_assert!(
            rpy_abi::runtime_func(name).is_some(),
            "unknown runtime function {name}"
        );
        args.insert(0, Value::Const(LlConst::Extern(name.to_string())));
        self.op(LlOp::DirectCall, args, ty)
    }

    /// Call a graph of this translation.
    pub fn call_func(&mut self, index: u32, mut args: Vec<LlValue>, ty: LowType) -> LlValue {
        args.insert(0, Value::Const(LlConst::Func(index)));
        self.op(LlOp::DirectCall, args, ty)
    }

    pub fn getfield(&mut self, obj: LlValue, field: &str, ty: LowType) -> LlValue {
        self.op(
            LlOp::GetField,
            vec![obj, Value::Const(LlConst::Field(field.into()))],
            ty,
        )
    }

    pub fn setfield(&mut self, obj: LlValue, field: &str, value: LlValue) {
        self.op(
            LlOp::SetField,
            vec![obj, Value::Const(LlConst::Field(field.into())), value],
            LowType::Void,
        );
    }

    /// Make `value` the value of `result`: rename the last op's result if
    /// it produced `value`, else emit `same_as`.
    pub fn finish(mut self, value: LlValue, result: Var) -> Vec<Op<Ll>> {
        if let (Value::Var(v), Some(last)) = (&value, self.ops.last_mut()) {
            if last.result == *v {
                last.result = result;
                return self.ops;
            }
        }
        self.ops.push(Op {
            kind: LlOp::SameAs,
            args: vec![value],
            result,
            span: self.span,
        });
        self.ops
    }
}

pub fn c_signed(i: i64) -> LlValue {
    Value::Const(LlConst::Signed(i))
}
