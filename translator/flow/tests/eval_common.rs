//! Shared helpers for the evaluator tests: write a program to a fresh temp
//! folder, load it (running module-level code), run its entry point, and
//! render what came out as text to compare with expected output.
#![allow(dead_code)]

use rpy_flow::loader::{find_entry_point, load_program, run_program};
use rpy_syntax::parse::Dialect;
use std::path::PathBuf;

/// A fresh folder under the system temp dir holding `files`.
pub fn write_files(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rpy-eval-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    dir
}

/// Load `target.py` (plus other files) and run it; the transcript is
/// stdout, then `exit N`, then the error line if any. Load errors are
/// rendered as `error: path:line:col: message` plus notes.
pub fn run(tag: &str, files: &[(&str, &str)], argv: &[&str]) -> String {
    let dir = write_files(tag, files);
    let target = dir.join("target.py");
    let (mut prog, module) = match load_program(&target, Dialect::Py3) {
        Ok(x) => x,
        Err(ds) => return render_errors(&ds, &dir),
    };
    let entry = match find_entry_point(&mut prog, module) {
        Ok(e) => e,
        Err(d) => return render_errors(&[d], &dir),
    };
    let out = run_program(
        &mut prog,
        entry,
        argv.iter().map(|s| s.to_string()).collect(),
    );
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&format!("exit {}\n", out.exit_code));
    if let Some(e) = out.error {
        text.push_str(&format!(
            "error: {}\n",
            e.replace(&dir.display().to_string(), "<dir>")
        ));
    }
    text
}

fn render_errors(ds: &[rpy_syntax::Diagnostic], dir: &std::path::Path) -> String {
    let mut s = String::new();
    for d in ds {
        let loc = |sp: rpy_syntax::Span| {
            if sp.is_none() {
                "<none>".to_string()
            } else {
                format!("{}:{}", sp.line, sp.col)
            }
        };
        s.push_str(&format!(
            "error: {}: {}\n",
            loc(d.span),
            d.message.replace(&dir.display().to_string(), "<dir>")
        ));
        for n in &d.notes {
            s.push_str(&format!(
                "  note: {}: {}\n",
                n.span.map(loc).unwrap_or_default(),
                n.message
            ));
        }
    }
    s
}

/// What CPython prints for the same program (the oracle), rendered like
/// `run`: `target.entry_point(argv)` with the folder on sys.path.
pub fn cpython(tag: &str, files: &[(&str, &str)], argv: &[&str]) -> Option<String> {
    let dir = write_files(&format!("{tag}-py"), files);
    let argv_py: Vec<String> = argv.iter().map(|a| format!("{a:?}")).collect();
    let script = format!(
        "import sys, os\nsys.path.insert(0, {dir:?})\nsys.setrecursionlimit(1000)\nimport target\n\
         try:\n    r = target.entry_point([{}])\n    sys.stdout.flush()\n    print('exit %d' % (r & 0xff))\n\
         except BaseException as e:\n    sys.stdout.flush()\n    print('exit 1')\n    m = str(e)\n    print('error: %s' % (type(e).__name__ + (': ' + m if m else '')))\n",
        argv_py.join(", "),
        dir = dir.display().to_string()
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::process::Command::new("python3")
        .arg("-u")
        .arg("-c")
        .arg(script)
        .env("PYTHONPATH", root)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Run a one-file program and compare with `expected`; when python3 is
/// installed, also check that `expected` is what CPython prints.
pub fn check(tag: &str, src: &str, argv: &[&str], expected: &str) {
    let files = [("target.py", src)];
    let got = run(tag, &files, argv);
    if let Some(py) = cpython(tag, &files, argv) {
        assert_eq!(py, expected, "expected text differs from CPython's output");
    }
    assert_eq!(got, expected);
    if std::env::var("SHOW").is_ok() {
        eprintln!("{got}");
    }
}
