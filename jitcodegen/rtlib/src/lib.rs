//! The runtime library of -Ojit executables: `rpyrt` and the JIT runtime
//! (`rpy-metainterp`) as one staticlib, never two side by side (their
//! globals would be duplicated; JIT.md, "Layering").

pub use rpy_metainterp;
pub use rpyrt;
