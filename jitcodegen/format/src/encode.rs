//! The binary encoding of a `JitProgram` embedded in the executable
//! (postcard: serde's compact varint format), and the RON text used for
//! dumps (`--dump-jitcodes`) and fixtures.

use crate::jitcode::JitProgram;

pub fn to_bytes(p: &JitProgram) -> Vec<u8> {
    postcard::to_allocvec(p).expect("a JitProgram always serialises")
}

pub fn from_bytes(b: &[u8]) -> Result<JitProgram, String> {
    postcard::from_bytes(b).map_err(|e| format!("corrupt jitcode blob: {e}"))
}

pub fn to_ron(p: &JitProgram) -> String {
    ron::ser::to_string_pretty(p, ron::ser::PrettyConfig::default().struct_names(false))
        .expect("a JitProgram always serialises")
}
