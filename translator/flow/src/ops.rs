//! The flow-level operation set: one table, from which the enum, names,
//! parsing and flags are generated. A new op is one new row.
//!
//! These are Python's generic operations (RPython's flow space ops). Their
//! meaning depends on the annotations of their arguments; the rtyper turns
//! each into low-level operations.

macro_rules! flow_ops {
    ($( $(#[$doc:meta])* $variant:ident $text:literal [$($flag:ident),*] ; )*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum FlowOp { $( $(#[$doc])* $variant, )* }

        impl FlowOp {
            pub const ALL: &'static [FlowOp] = &[ $( FlowOp::$variant, )* ];

            pub fn name(self) -> &'static str {
                match self { $( FlowOp::$variant => $text, )* }
            }

            pub fn parse(s: &str) -> Option<FlowOp> {
                match s { $( $text => Some(FlowOp::$variant), )* _ => None }
            }

            /// May raise an exception (explicitly or implicitly). Such an op
            /// inside a `try` ends its block with `Exitswitch::LastException`.
            pub fn can_raise(self) -> bool {
                match self { $( FlowOp::$variant => flow_ops!(@has canraise $($flag)*), )* }
            }

            /// Without side effects: with constant arguments it can be
            /// folded at flow time (if it does not raise on them).
            pub fn is_pure(self) -> bool {
                match self { $( FlowOp::$variant => flow_ops!(@has pure $($flag)*), )* }
            }
        }
    };
    (@has $want:ident) => { false };
    (@has $want:ident $first:ident $($rest:ident)*) => {
        flow_ops!(@eq $want $first) || flow_ops!(@has $want $($rest)*)
    };
    (@eq canraise canraise) => { true };
    (@eq pure pure) => { true };
    (@eq $a:ident $b:ident) => { false };
}

flow_ops! {
    // Arithmetic and bit operations: (a, b) -> result.
    Add "add" [pure, canraise];
    Sub "sub" [pure, canraise];
    Mul "mul" [pure, canraise];
    TrueDiv "truediv" [pure, canraise];
    /// py2's `/`: `floordiv` on ints, `truediv` once a float is involved.
    Div "div" [pure, canraise];
    FloorDiv "floordiv" [pure, canraise];
    Mod "mod" [pure, canraise];
    Pow "pow" [pure, canraise];
    LShift "lshift" [pure, canraise];
    RShift "rshift" [pure, canraise];
    And "and_" [pure, canraise];
    Or "or_" [pure, canraise];
    Xor "xor" [pure, canraise];
    /// `a += b` etc.: like the binary op, but may mutate `a` (lists).
    InplaceAdd "inplace_add" [canraise];
    InplaceSub "inplace_sub" [canraise];
    InplaceMul "inplace_mul" [canraise];
    InplaceTrueDiv "inplace_truediv" [canraise];
    InplaceDiv "inplace_div" [canraise];
    InplaceFloorDiv "inplace_floordiv" [canraise];
    InplaceMod "inplace_mod" [canraise];
    InplacePow "inplace_pow" [canraise];
    InplaceLShift "inplace_lshift" [canraise];
    InplaceRShift "inplace_rshift" [canraise];
    InplaceAnd "inplace_and" [canraise];
    InplaceOr "inplace_or" [canraise];
    InplaceXor "inplace_xor" [canraise];
    /// `ovfcheck(a + b)` etc. (rpython.rlib.rarithmetic): int arithmetic
    /// that raises OverflowError instead of wrapping.
    AddOvf "add_ovf" [canraise];
    SubOvf "sub_ovf" [canraise];
    MulOvf "mul_ovf" [canraise];
    /// `ovfcheck(-a)`.
    NegOvf "neg_ovf" [canraise];
    /// `ovfcheck(a << b)`: also ValueError for a negative count.
    LShiftOvf "lshift_ovf" [canraise];
    // Unary: (a) -> result.
    Neg "neg" [pure, canraise];
    Pos "pos" [pure];
    Invert "invert" [pure];
    /// Truth value: (a) -> bool.
    Bool "bool" [pure];
    /// `not a`: (a) -> bool.
    Not "not_" [pure];
    // Comparisons: (a, b) -> result (usually bool).
    Lt "lt" [pure];
    Le "le" [pure];
    Eq "eq" [pure];
    Ne "ne" [pure];
    Gt "gt" [pure];
    Ge "ge" [pure];
    /// `a is b`.
    Is "is_" [pure];
    /// `b in a`: (container, item) -> bool.
    Contains "contains" [pure, canraise];
    // Containers.
    /// (obj, index) -> item.
    GetItem "getitem" [canraise];
    /// (obj, index, value) -> None.
    SetItem "setitem" [canraise];
    /// (obj, index) -> None.
    DelItem "delitem" [canraise];
    /// (obj, start, stop, step) -> slice; absent bounds are `None`.
    GetSlice "getslice" [canraise];
    /// (obj, start, stop, step, value) -> None.
    SetSlice "setslice" [canraise];
    /// (obj, start, stop, step) -> None.
    DelSlice "delslice" [canraise];
    /// (items...) -> tuple.
    NewTuple "newtuple" [pure];
    /// (items...) -> list.
    NewList "newlist" [];
    /// (k0, v0, k1, v1, ...) -> dict.
    NewDict "newdict" [];
    /// `len(obj)` -> int.
    Len "len" [pure, canraise];
    /// `iter(obj)` -> iterator.
    Iter "iter" [canraise];
    /// (iterator) -> item; raises StopIteration at the end.
    Next "next" [canraise];
    // Attributes; the name is a constant string argument.
    /// (obj, name) -> value.
    GetAttr "getattr" [canraise];
    /// (obj, name, value) -> None.
    SetAttr "setattr" [canraise];
    /// (obj, name) -> None.
    DelAttr "delattr" [canraise];
    // Calls.
    /// (callable, args...) -> result.
    SimpleCall "simple_call" [canraise];
    /// (callable, kwnames, args...) -> result; `kwnames` is a constant
    /// tuple of strings naming the last `len(kwnames)` args.
    CallKw "call_kw" [canraise];
    // Strings.
    /// `str(x)` -> str.
    Str "str" [pure, canraise];
    /// `repr(x)` -> str.
    Repr "repr" [pure, canraise];
    /// f-string field: (value, spec: str) -> str.
    Format "format" [pure, canraise];
    // Types and exceptions.
    /// `type(x)`: the class of an instance.
    Type "type" [pure];
    /// (class, class_or_tuple) -> bool: does the raised class match an
    /// `except` clause?
    ExcMatch "exc_match" [pure];
    /// (obj, class_or_tuple) -> bool.
    IsInstance "isinstance" [pure];
    /// `hash(x)` -> int.
    Hash "hash" [pure, canraise];
    // Module-level only (the evaluator runs these; functions see globals
    // as constants).
    /// (name: str) -> value of the module global.
    LoadGlobal "load_global" [canraise];
    /// (name: str, value) -> None.
    StoreGlobal "store_global" [];
    /// `del name` at module or class level: (name: str) -> None; NameError
    /// if it is not bound.
    DeleteGlobal "delete_global" [canraise];
    /// `from m import *`: (module) -> None; binds the module's public names
    /// (its `__all__`, or every name not starting with `_`).
    ImportStar "import_star" [canraise];
    /// (code, default0, ...) -> function object.
    MakeFunction "make_function" [];
    /// (class code, base0, ...) -> class; the evaluator runs the body.
    MakeClass "make_class" [canraise];
    /// (dotted name: str) -> module object.
    ImportModule "import_module" [canraise];
}

impl std::fmt::Display for FlowOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &op in FlowOp::ALL {
            assert_eq!(FlowOp::parse(op.name()), Some(op));
        }
        assert!(FlowOp::Add.can_raise() && FlowOp::Add.is_pure());
        assert!(!FlowOp::NewList.is_pure() && !FlowOp::Pos.can_raise());
    }
}
