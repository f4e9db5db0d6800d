//! `RPYLOG=jit-tracing,jit-log-noopt,jit-log-opt,jit-backend,jit-abort,jit-summary:FILE`
//! (PYPYLOG's spirit): which categories to write, and where (stderr when
//! no file is given). `RPYLOG=jit:FILE` turns on every `jit-*` category.
//! `jit-perfmap` writes `/tmp/perf-<pid>.map`, the file `perf` reads to
//! name JIT-compiled code (it is not part of `jit`).

use rpy_jitformat::Descrs;
use rpy_jittrace::model::Trace;
use std::io::Write;

pub struct Log {
    cats: Vec<String>,
    out: Option<Box<dyn Write>>,
    perf_map: Option<std::fs::File>,
}

impl Log {
    pub fn from_env(v: Option<&str>) -> Log {
        let Some(v) = v.filter(|v| !v.is_empty()) else {
            return Log {
                cats: Vec::new(),
                out: None,
                perf_map: None,
            };
        };
        let (cats, file) = match v.split_once(':') {
            Some((c, f)) => (c, Some(f)),
            None => (v, None),
        };
        let out: Box<dyn Write> = match file.and_then(|f| std::fs::File::create(f).ok()) {
            Some(f) => Box::new(std::io::BufWriter::new(f)),
            None => Box::new(std::io::stderr()),
        };
        let cats: Vec<String> = cats.split(',').map(|s| s.trim().to_string()).collect();
        let perf_map = if cats.iter().any(|c| c == "jit-perfmap") {
            let path = format!("/tmp/perf-{}.map", std::process::id());
            std::fs::File::create(path).ok()
        } else {
            None
        };
        Log {
            cats,
            out: Some(out),
            perf_map,
        }
    }

    pub fn on(&self, cat: &str) -> bool {
        self.out.is_some()
            && self
                .cats
                .iter()
                .any(|c| c == cat || (c == "jit" && cat.starts_with("jit-")))
    }

    pub fn line(&mut self, cat: &str, text: &str) {
        if self.on(cat) {
            if let Some(o) = &mut self.out {
                let _ = writeln!(o, "[{cat}] {text}");
                let _ = o.flush();
            }
        }
    }

    /// Where a compiled loop or bridge went: a `jit-backend` line and a
    /// perf map entry.
    pub fn code(&mut self, name: &str, addr: usize, size: usize, compile: std::time::Duration) {
        if self.on("jit-backend") {
            let text = format!(
                "{name}: {size} bytes at {addr:#x}, compiled in {:.3} ms",
                compile.as_secs_f64() * 1e3
            );
            self.line("jit-backend", &text);
        }
        if let Some(f) = &mut self.perf_map {
            let _ = writeln!(f, "{addr:x} {size:x} rpyjit {name}");
        }
    }

    pub fn trace(&mut self, cat: &str, t: &Trace, d: &Descrs) {
        if self.on(cat) {
            let text = rpy_jittrace::print_trace(t, d);
            if let Some(o) = &mut self.out {
                let _ = writeln!(o, "[{cat}] {} ops\n{text}[/{cat}]", t.ops.len());
                let _ = o.flush();
            }
        }
    }
}
