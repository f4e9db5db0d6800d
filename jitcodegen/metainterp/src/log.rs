//! `RPYLOG=jit-tracing,jit-log-noopt,jit-log-opt,jit-abort,jit-summary:FILE`
//! (PYPYLOG's spirit): which categories to write, and where (stderr when
//! no file is given). `RPYLOG=jit:FILE` turns on every `jit-*` category.

use rpy_jitformat::Descrs;
use rpy_jittrace::model::Trace;
use std::io::Write;

pub struct Log {
    cats: Vec<String>,
    out: Option<Box<dyn Write>>,
}

impl Log {
    pub fn from_env(v: Option<&str>) -> Log {
        let Some(v) = v.filter(|v| !v.is_empty()) else {
            return Log {
                cats: Vec::new(),
                out: None,
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
        Log {
            cats: cats.split(',').map(|s| s.trim().to_string()).collect(),
            out: Some(out),
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
