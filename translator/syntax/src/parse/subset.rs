//! The sentences used to refuse constructs that RPython does not accept.
//!
//! Each refusal says what is not supported and, when there is one, what to
//! write instead. Kept in one place so that messages stay consistent and
//! tests can name them.

pub const LAMBDA: &str =
    "lambda is not supported in RPython; define a named function at module level instead";
pub const YIELD: &str =
    "generators (yield) are not supported in RPython; build and return a list instead";
pub const GENEXP: &str =
    "generator expressions are not supported in RPython; use a list comprehension [...] instead";
pub const SET: &str =
    "set literals are not supported in RPython; use a dict with None values instead";
pub const SETCOMP: &str =
    "set comprehensions are not supported in RPython; use a dict comprehension instead";
pub const NESTED_DEF: &str =
    "nested functions (closures) are not supported in RPython; move the function to module level and pass what it needs as arguments";
pub const NESTED_CLASS: &str =
    "a class defined inside a function is not supported in RPython; define it at module level";
pub const STAR_PARAM: &str =
    "*args parameters are not supported in RPython; use a fixed list of parameters";
pub const STARSTAR_PARAM: &str =
    "**kwargs parameters are not supported in RPython; use a fixed list of parameters";
pub const KW_ONLY: &str =
    "keyword-only parameters (a bare `*` marker) are not supported in RPython";
pub const POS_ONLY: &str = "positional-only parameters (a `/` marker) are not supported in RPython";
pub const TUPLE_PARAM: &str =
    "tuple parameters are not supported in RPython; take one parameter and unpack it in the body";
pub const STAR_ARG: &str =
    "`*x` in a call is not supported in RPython; pass the arguments one by one";
pub const STARSTAR_ARG: &str =
    "`**x` in a call is not supported in RPython; pass keyword arguments one by one";
pub const STAR_TARGET: &str = "starred assignment targets (`a, *b = ...`) are not supported in RPython; use indexing and slicing";
pub const STAR_EXPR: &str =
    "`*x` unpacking inside a literal is not supported in RPython; use `+` to concatenate";
pub const STARSTAR_DICT: &str =
    "`**x` inside a dict literal is not supported in RPython; use dict.update()";
pub const ASYNC: &str = "async/await is not supported in RPython";
pub const WITH: &str = "the `with` statement is not supported in RPython; use try/finally instead";
pub const WALRUS: &str =
    "assignment expressions (`:=`) are not supported in RPython; assign in a separate statement";
pub const MATCH: &str = "the `match` statement is not supported in RPython; use if/elif";
pub const NONLOCAL: &str = "`nonlocal` is not supported in RPython (there are no closures)";
pub const PRINT_STMT_PY3: &str =
    "`print x` is a Python 2 statement; write print(x) (or translate the file as the py2 dialect)";
pub const BACKQUOTE: &str =
    "backquotes are Python 2's repr(); write repr(x) (the same in both dialects)";
pub const EXEC: &str = "exec is not supported in RPython: code cannot be compiled at run time";
pub const INT_RANGE: &str = "integer literal out of range for a 64-bit int";
pub const IMAGINARY: &str =
    "complex numbers (imaginary literals like `1j`) are not supported in RPython";
pub const ELLIPSIS: &str =
    "`...` (Ellipsis) is not supported in RPython; use `pass` in an empty body";
pub const MATMUL: &str = "the `@` operator is not supported in RPython";
pub const TYPE_ALIAS: &str = "`type X = ...` aliases are not supported in RPython";
pub const TYPE_PARAMS: &str = "generic type parameters (`def f[T]`) are not supported in RPython";
pub const CLASS_KEYWORD: &str =
    "keyword arguments in a class definition (e.g. metaclass=) are not supported in RPython";
pub const EXCEPT_COMMA_PY3: &str = "`except E, e:` is Python 2 syntax; write `except E as e:`";
pub const RAISE_COMMA_PY3: &str = "`raise E, v` is Python 2 syntax; write `raise E(v)`";
pub const EXCEPT_STAR: &str = "`except*` (exception groups) is not supported in RPython";
pub const BACKTICK_NE_PY3: &str = "`<>` is Python 2 syntax; write `!=`";
