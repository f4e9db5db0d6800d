//! Links the runtime's staticlib with a C stand-in for generated code
//! (tests/link/prog.c) using the system `cc`, runs the program in several
//! scenarios and compares stdout, stderr and exit status with what CPython
//! would produce for the equivalent Python program.

use std::path::PathBuf;
use std::process::Command;

/// The staticlib. `cargo test` does not build a staticlib of the crate
/// under test in a fresh target directory, so build it once with a nested
/// cargo into this test's own scratch folder.
fn staticlib() -> PathBuf {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rpyrt-link");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(&root)
        .args([
            "build",
            "--release",
            "-q",
            "-p",
            "rpyrt",
            "--lib",
            "--target-dir",
        ])
        .arg(&target);
    for var in [
        "CARGO_TARGET_DIR",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_TARGET",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd.output().expect("run cargo");
    assert!(
        out.status.success(),
        "building rpyrt failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    target.join("release/librpyrt.a")
}

fn build() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rpyrt-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let exe = dir.join("prog");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/link/prog.c");
    let out = Command::new("cc")
        .arg(src)
        .arg(staticlib())
        .args(["-lpthread", "-lm", "-ldl", "-o"])
        .arg(&exe)
        .output()
        .expect("run cc");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "cc failed");
    exe
}

fn run(exe: &PathBuf, arg: &str, env: &[(&str, &str)]) -> String {
    let out = Command::new(exe)
        .arg(arg)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    format!(
        "status {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn linked_program_behaves_like_cpython() {
    let exe = build();
    let got = [
        run(&exe, "order", &[]),
        run(&exe, "value", &[]),
        run(&exe, "index", &[]),
        run(&exe, "mem", &[("RPY_GC_MAX", "4MB")]),
        run(&exe, "write", &[]),
        run(&exe, "recurse", &[]),
        run(&exe, "null", &[]),
        run(&exe, "x's", &[]),
    ]
    .join("\n");
    let tb = "Traceback (most recent call last):\n  (translated code)\n";
    let want = [
        "status 7\n--- stdout\nargv: 'order'\nprinted 1\nwritten 2\nprinted 3\n--- stderr\n".to_string(),
        format!("status 1\n--- stdout\nargv: 'value'\n1.4142135623730951\n--- stderr\n{tb}ValueError: invalid literal for int() with base 10: '12x'\n"),
        format!("status 1\n--- stdout\nargv: 'index'\ncaught IndexError\n--- stderr\n{tb}MyError\n"),
        format!("status 1\n--- stdout\nargv: 'mem'\n1\n--- stderr\n{tb}MemoryError\n"),
        format!("status 1\n--- stdout\nargv: 'write'\n--- stderr\n{tb}OSError: [Errno 9] Bad file descriptor\n"),
        format!("status 1\n--- stdout\nargv: 'recurse'\nrecursing\n--- stderr\n{tb}RecursionError: maximum recursion depth exceeded\n"),
        // Buffered output is lost in a real crash.
        "status signal\n--- stdout\n--- stderr\n".to_string(),
        "status 3\n--- stdout\nargv: \"x's\"\n--- stderr\n".to_string(),
    ]
    .join("\n");
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    assert_eq!(got, want);
}
