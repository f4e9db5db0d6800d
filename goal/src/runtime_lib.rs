//! The runtime library (`librpyrt.a`), embedded in the `rpython` tool by
//! build.rs and written to a cache file when a program is linked.

use std::path::PathBuf;

pub const RUNTIME_LIB: &[u8] = include_bytes!(env!("RPY_RUNTIME_LIB"));
/// The runtime and the JIT runtime, for -Ojit executables.
pub const RUNTIME_JIT_LIB: &[u8] = include_bytes!(env!("RPY_RUNTIME_JIT_LIB"));

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Path of a file holding the runtime library, written on first use.
/// `$XDG_CACHE_HOME/rpython-rs` or `~/.cache/rpython-rs`, else the system
/// temp folder; the name carries a hash of the contents.
pub fn runtime_lib_file() -> Result<PathBuf, String> {
    lib_file("librpyrt", RUNTIME_LIB)
}

/// `runtime_lib_file` for -Ojit executables.
pub fn runtime_jit_lib_file() -> Result<PathBuf, String> {
    lib_file("librpyrtjit", RUNTIME_JIT_LIB)
}

fn lib_file(stem: &str, data: &[u8]) -> Result<PathBuf, String> {
    let dir = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .map(|d| d.join("rpython-rs"))
        .unwrap_or_else(|| std::env::temp_dir().join("rpython-rs"));
    let path = dir.join(format!("{stem}-{:016x}.a", fnv1a(data)));
    if path.is_file() && std::fs::metadata(&path).map(|m| m.len()).ok() == Some(data.len() as u64) {
        return Ok(path);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // Write then rename, so concurrent translations never see half a file.
    // Unique per writer: threads of one process (parallel translations in
    // the tests) must not write the same temporary file.
    static WRITERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!("{stem}-{}-{n}.tmp", std::process::id()));
    std::fs::write(&tmp, data).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}
