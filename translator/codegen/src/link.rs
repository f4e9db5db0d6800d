//! Linking: the system C compiler driver (`cc`) joins the object file with
//! the runtime staticlib into a PIE executable. No C code is compiled; `cc`
//! only supplies the C start-up files and system libraries.

use crate::CodegenError;
use std::path::Path;
use std::process::Command;

/// Links `object` (bytes of an object file from `emit_object`) with the
/// runtime library at `runtime_lib` into the executable `output`.
pub fn link(object: &[u8], runtime_lib: &Path, output: &Path) -> Result<(), CodegenError> {
    let dir = tempdir()?;
    let obj_path = dir.join("program.o");
    let io = |what: &str, e: std::io::Error| CodegenError::Io(format!("{what}: {e}"));
    std::fs::write(&obj_path, object)
        .map_err(|e| io(&format!("writing {}", obj_path.display()), e))?;
    let mut cmd = Command::new(std::env::var_os("RPY_CC").unwrap_or_else(|| "cc".into()));
    cmd.arg("-o").arg(output).arg(&obj_path).arg(runtime_lib);
    cmd.args(["-lpthread", "-ldl", "-lm"]);
    let command = format!("{cmd:?}");
    let out = cmd.output().map_err(|e| CodegenError::Link {
        command: command.clone(),
        stderr: format!("cannot run the linker: {e}"),
    });
    let _ = std::fs::remove_dir_all(&dir);
    let out = out?;
    if !out.status.success() {
        return Err(CodegenError::Link {
            command,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    Ok(())
}

/// A fresh private folder under the system temp dir.
fn tempdir() -> Result<std::path::PathBuf, CodegenError> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let base = std::env::temp_dir();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = base.join(format!("rpy-link-{}-{n}", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(CodegenError::Io(format!("creating {}: {e}", dir.display()))),
        }
    }
}
