//! Builds the runtime library (`rpyrt`, a staticlib) with a nested cargo
//! invocation into our OUT_DIR, so that `rpython` can embed it: `cargo
//! test`/`cargo build` of this crate alone then yield a self-contained
//! tool. (Cargo does not build a dependency's staticlib for us.)

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.parent().unwrap().to_path_buf();
    for p in [
        "translator/runtime/src",
        "jitcodegen/format/src",
        "jitcodegen/trace/src",
        "jitcodegen/optimizer/src",
        "jitcodegen/backend/src",
        "jitcodegen/metainterp/src",
        "jitcodegen/rtlib/src",
        "translator/runtime/Cargo.toml",
        "translator/runtime/build.rs",
        "translator/abi/src",
        "Cargo.lock",
    ] {
        println!("cargo:rerun-if-changed={}", root.join(p).display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let target_dir = out.join("rt");
    let rt = build_lib(&root, &target_dir, "rpyrt", "librpyrt.a");
    println!("cargo:rustc-env=RPY_RUNTIME_LIB={}", rt.display());
    // -Ojit executables link the runtime and the JIT runtime as one library.
    let rtjit = build_lib(&root, &target_dir, "rpyrt-jit", "librpyrtjit.a");
    println!("cargo:rustc-env=RPY_RUNTIME_JIT_LIB={}", rtjit.display());
}

fn build_lib(
    root: &std::path::Path,
    target_dir: &std::path::Path,
    package: &str,
    file: &str,
) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(&root)
        .args([
            "build",
            "--release",
            "--locked",
            "-p",
            package,
            "--lib",
            "--target-dir",
        ])
        .arg(target_dir);
    for var in [
        "CARGO_TARGET_DIR",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_TARGET",
        "CARGO_MAKEFLAGS",
        "MAKEFLAGS",
        "MFLAGS",
    ] {
        cmd.env_remove(var);
    }
    // Keep the nested build from fighting the outer one for both cores.
    cmd.env("CARGO_BUILD_JOBS", "2");
    let status = cmd
        .status()
        .expect("run cargo to build the runtime library");
    assert!(
        status.success(),
        "building the runtime library ({package}) failed"
    );
    let lib = target_dir.join("release").join(file);
    assert!(lib.is_file(), "no runtime library at {}", lib.display());
    lib
}
