//! The JIT's tunable parameters: `RPY_JIT=name=value,...` at run time and
//! `set_param(driver, "name", value)` in the program name them; the rtyper
//! turns a name into its index here, so an unknown name is a translation
//! error.

/// (name, default, what it does).
pub const PARAMS: &[(&str, i64, &str)] = &[
    (
        "threshold",
        1039,
        "merge-point visits of one green key before it is traced",
    ),
    (
        "function_threshold",
        1619,
        "portal entries of one green key before a function-entry trace",
    ),
    (
        "trace_limit",
        6000,
        "trace length (ops) past which tracing aborts",
    ),
    (
        "bridge_threshold",
        200,
        "failures of one guard before a bridge is traced from it",
    ),
    (
        "inlining",
        1,
        "trace into calls of graphs that have jitcodes (0: never)",
    ),
    ("loop_longevity", 1000, "(accepted for compatibility)"),
    ("retrace_limit", 0, "(accepted for compatibility)"),
    ("max_unroll_loops", 0, "(accepted for compatibility)"),
];

/// The index of a parameter name.
pub fn param_index(name: &str) -> Option<usize> {
    PARAMS.iter().position(|(n, _, _)| *n == name)
}

/// Parameter names, for error messages.
pub fn param_names() -> String {
    PARAMS
        .iter()
        .map(|(n, _, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}
