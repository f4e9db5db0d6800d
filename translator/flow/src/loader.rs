//! Finding and initialising modules, finding the entry point, and running
//! a whole program untranslated (the reference interpreter).
//!
//! * `load_program`: parse the target, build its module-body graph and
//!   evaluate it (translation-time initialisation). The target's
//!   `__name__` is its file stem, never `"__main__"`, so
//!   `if __name__ == "__main__":` blocks do not run.
//! * Imports resolve `a/b.py` or `a/b/__init__.py` under each search-path
//!   root: the target's folder, then the folder holding the support
//!   package `rpython/`. A name under `rpython.` is an intrinsic module
//!   (`crate::rlib`) when the toolchain provides it, else the program's
//!   own file (never a shim of the support package). `os`, `time`, `math` are builtin modules; `sys` is
//!   refused. A module is registered in `Program::modules` before its body
//!   runs, so import cycles see the partly initialised module (as Python).
//! * Errors in module-level code become `Diagnostic`s at the failing op,
//!   with one note per call frame.

use crate::eval::{EvalError, EvalResult, Evaluator, Importer, Scope};
use crate::host::{HostId, HostObj, ModuleObj, Program};
use crate::model::Const;
use rpy_syntax::parse::{parse_module, Dialect};
use rpy_syntax::{Diagnostic, Note, Span};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Where and how modules are found.
#[derive(Clone, Debug)]
pub struct Loader {
    /// Roots searched in order for `a/b.py` / `a/b/__init__.py`.
    pub search_path: Vec<PathBuf>,
    /// The root holding the support package (its shims are never run).
    pub support_root: Option<PathBuf>,
    pub dialect: Dialect,
}

impl Loader {
    /// A loader for a target in `target_dir`, with the support package
    /// folder (`.../rpython`, or the folder containing it) if any.
    pub fn new(target_dir: &Path, support: Option<&Path>, dialect: Dialect) -> Loader {
        let mut search_path = vec![target_dir.to_path_buf()];
        let support_root = support.map(|s| {
            if s.file_name().is_some_and(|n| n == "rpython") {
                s.parent().map(Path::to_path_buf).unwrap_or_default()
            } else {
                s.to_path_buf()
            }
        });
        search_path.extend(support_root.clone());
        Loader {
            search_path,
            support_root,
            dialect,
        }
    }

    /// The source file of a dotted module name, and whether it is a package.
    pub fn find(&self, dotted: &str) -> Option<(PathBuf, bool)> {
        self.find_in(dotted, false)
    }

    /// `find`, skipping the support package's root when `user_only`: a
    /// program may bring its own modules under `rpython.` (RPython's
    /// `rpython.jit.tl.tlopcode` beside a target), never run our shims.
    fn find_in(&self, dotted: &str, user_only: bool) -> Option<(PathBuf, bool)> {
        let rel: PathBuf = dotted.split('.').collect();
        for root in &self.search_path {
            if user_only && Some(root) == self.support_root.as_ref() {
                continue;
            }
            let base = root.join(&rel);
            let file = base.with_extension("py");
            if file.is_file() {
                return Some((file, false));
            }
            let init = base.join("__init__.py");
            if init.is_file() {
                return Some((init, true));
            }
        }
        None
    }

    /// Is `dotted` a folder without `__init__.py` (a namespace package)?
    fn find_namespace(&self, dotted: &str) -> bool {
        let rel: PathBuf = dotted.split('.').collect();
        self.search_path.iter().any(|r| r.join(&rel).is_dir())
    }

    /// Parse, build and run one module's body; registers it first.
    pub fn load_file(
        &self,
        ev: &mut Evaluator<'_>,
        path: &Path,
        name: &str,
        package: &str,
        span: Span,
    ) -> Result<HostId, Vec<Diagnostic>> {
        let cannot_read = |why: String| {
            vec![Diagnostic::new(
                span,
                format!("cannot read module `{name}` from {}: {why}", path.display()),
            )]
        };
        let bytes = std::fs::read(path).map_err(|e| cannot_read(e.to_string()))?;
        let text = rpy_syntax::source_encoding::decode(&bytes).map_err(cannot_read)?;
        let file = ev
            .prog
            .sources
            .add(path.display().to_string(), text.clone());
        let module = parse_module(file, &text, name, self.dialect)?;
        let id = ev.prog.objs.push(HostObj::Module(ModuleObj {
            name: name.to_string(),
            file,
            globals: vec![
                ("__name__".to_string(), Const::str(name)),
                ("__package__".to_string(), Const::str(package)),
            ],
        }));
        ev.prog.modules.insert(name.to_string(), id);
        self.bind_in_parent(ev, name, id);
        let graph = crate::build::build_module_body(ev.prog, id, &module.body)?;
        match ev.run_graph_rc(Rc::new(graph), Vec::new(), Scope::Module(id)) {
            Ok(_) => Ok(id),
            Err(e) => Err(vec![error_to_diagnostic(ev.prog, e)]),
        }
    }

    /// After loading `a.b`, module `a` gets the global `b`.
    fn bind_in_parent(&self, ev: &mut Evaluator<'_>, name: &str, id: HostId) {
        if let Some((parent, leaf)) = name.rsplit_once('.') {
            if let Some(&p) = ev.prog.modules.get(parent) {
                if let HostObj::Module(m) = &mut ev.prog.objs[p] {
                    if m.global(leaf).is_none() {
                        m.set_global(leaf, Const::Host(id));
                    }
                }
            }
        }
    }

    /// Resolve leading dots against the importing module's package.
    fn absolute_name(
        &self,
        ev: &Evaluator<'_>,
        name: &str,
        from: HostId,
        span: Span,
    ) -> EvalResult<String> {
        let dots = name.chars().take_while(|&c| c == '.').count();
        if dots == 0 {
            return Ok(name.to_string());
        }
        let package = match &ev.prog.objs[from] {
            HostObj::Module(m) => m
                .global("__package__")
                .and_then(|c| c.as_str().map(str::to_string))
                .unwrap_or_default(),
            _ => String::new(),
        };
        let mut parts: Vec<&str> = if package.is_empty() {
            vec![]
        } else {
            package.split('.').collect()
        };
        if dots > parts.len() {
            return Err(EvalError::user(
                span,
                format!("relative import `{name}` beyond the top-level package"),
            ));
        }
        parts.truncate(parts.len() - (dots - 1));
        let rest = &name[dots..];
        if !rest.is_empty() {
            parts.push(rest);
        }
        Ok(parts.join("."))
    }
}

impl Importer for Loader {
    fn import(
        &self,
        ev: &mut Evaluator<'_>,
        name: &str,
        from: HostId,
        span: Span,
    ) -> EvalResult<Const> {
        let name = self.absolute_name(ev, name, from, span)?;
        if let Some(&m) = ev.prog.modules.get(&name) {
            return Ok(Const::Host(m));
        }
        // Parents first, as Python does.
        if let Some((parent, _)) = name.rsplit_once('.') {
            ev.import(parent, span)?;
        }
        if let Some(&m) = ev.prog.modules.get(&name) {
            return Ok(Const::Host(m));
        }
        // A module of the support package is an intrinsic; a name under
        // `rpython.` that the toolchain does not provide may be the
        // program's own file.
        let support = crate::rlib::is_support_name(&name);
        let found = match support {
            true if crate::rlib::module_globals(&name).is_some() => None,
            true => self.find_in(&name, true),
            false => self.find(&name),
        };
        if support && found.is_none() {
            return self.load_intrinsic(ev, &name, span);
        }
        match found {
            Some((path, is_pkg)) => {
                let package = if is_pkg {
                    name.clone()
                } else {
                    name.rsplit_once('.')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default()
                };
                match self.load_file(ev, &path, &name, &package, span) {
                    Ok(id) => Ok(Const::Host(id)),
                    Err(mut ds) => {
                        let mut d = ds.remove(0);
                        d.notes.push(Note {
                            span: Some(span),
                            message: format!("while importing `{name}`"),
                        });
                        Err(EvalError::User(d))
                    }
                }
            }
            None if self.find_namespace(&name) => {
                let id = ev.prog.objs.push(HostObj::Module(ModuleObj {
                    name: name.clone(),
                    file: rpy_syntax::FileId(u32::MAX),
                    globals: vec![
                        ("__name__".to_string(), Const::str(&name)),
                        ("__package__".to_string(), Const::str(&name)),
                    ],
                }));
                ev.prog.modules.insert(name.clone(), id);
                self.bind_in_parent(ev, &name, id);
                Ok(Const::Host(id))
            }
            None => {
                let mut d = Diagnostic::new(span, format!("no module named '{name}'"));
                let roots: Vec<String> = self
                    .search_path
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                d.notes.push(Note {
                    span: None,
                    message: format!("searched: {}", roots.join(", ")),
                });
                Err(EvalError::User(d))
            }
        }
    }

    fn exists(&self, name: &str) -> bool {
        if crate::rlib::is_support_name(name) {
            // An unknown name under an intrinsic module is reported by
            // `load_intrinsic`, with what the module offers.
            let parent = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            return crate::rlib::module_globals(name).is_some()
                || crate::rlib::module_globals(parent).is_some()
                || self.find_in(name, true).is_some();
        }
        self.find(name).is_some() || self.find_namespace(name)
    }
}

impl Loader {
    /// An intrinsic module of the support package (`crate::rlib`): its
    /// globals are intrinsics; the shim source is not run.
    fn load_intrinsic(&self, ev: &mut Evaluator<'_>, name: &str, span: Span) -> EvalResult<Const> {
        let Some(globals) = crate::rlib::module_globals(name) else {
            let (parent, leaf) = name.rsplit_once('.').unwrap_or(("", name));
            let msg = if crate::rlib::module_globals(parent).is_some() {
                let offered = crate::rlib::offered_names(parent);
                format!(
                    "cannot import name '{leaf}' from the support module '{parent}': the toolchain does not provide it (it provides: {})",
                    offered.join(", ")
                )
            } else {
                format!(
                    "no module named '{name}' in the support package (known: {})",
                    crate::rlib::INTRINSIC_MODULES.join(", ")
                )
            };
            return Err(EvalError::user(span, msg));
        };
        let package = if name == "rpython" || name == "rpython.rlib" {
            name.to_string()
        } else {
            "rpython.rlib".to_string()
        };
        let mut all = vec![
            ("__name__".to_string(), Const::str(name)),
            ("__package__".to_string(), Const::str(&package)),
        ];
        all.extend(globals);
        let id = ev.prog.objs.push(HostObj::Module(ModuleObj {
            name: name.to_string(),
            file: rpy_syntax::FileId(u32::MAX),
            globals: all,
        }));
        ev.prog.modules.insert(name.to_string(), id);
        self.bind_in_parent(ev, name, id);
        Ok(Const::Host(id))
    }
}

/// A user-facing diagnostic for an evaluation error.
pub fn error_to_diagnostic(prog: &Program, e: EvalError) -> Diagnostic {
    match e {
        EvalError::User(d) => d,
        EvalError::Exception(exc) => {
            let name = prog.class(exc.class).name.clone();
            let text = if exc.message.is_empty() {
                name
            } else {
                format!("{name}: {}", exc.message)
            };
            let mut d = Diagnostic::new(
                exc.span,
                format!("exception raised during module initialisation: {text}"),
            );
            for s in exc.traceback {
                d.notes.push(Note {
                    span: Some(s),
                    message: "called from here".into(),
                });
            }
            d
        }
    }
}

/// Load the target module and everything it imports, running module-level
/// code. Support package: none.
pub fn load_program(target: &Path, dialect: Dialect) -> Result<(Program, HostId), Vec<Diagnostic>> {
    load_program_with(target, dialect, None)
}

/// `load_program` with the support package folder (`rpython/` or the
/// folder that contains it).
pub fn load_program_with(
    target: &Path,
    dialect: Dialect,
    support: Option<&Path>,
) -> Result<(Program, HostId), Vec<Diagnostic>> {
    let mut prog = Program::new();
    let id = load_program_into(&mut prog, target, dialect, support)?;
    Ok((prog, id))
}

/// `load_program_with` into a caller-owned `Program`, so that on error
/// the caller still has the sources to render the diagnostics against.
pub fn load_program_into(
    prog: &mut Program,
    target: &Path,
    dialect: Dialect,
    support: Option<&Path>,
) -> Result<HostId, Vec<Diagnostic>> {
    let dir = target
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    let loader = Rc::new(Loader::new(&dir, support, dialect));
    let stem = target
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("target")
        .to_string();
    prog.py2 = dialect == Dialect::Py2;
    let mut ev = Evaluator::new(prog);
    ev.py2 = dialect == Dialect::Py2;
    ev.set_importer(loader.clone());
    loader.load_file(&mut ev, target, &stem, "", Span::NONE)
}

/// The module's `entry_point`, or the first item of what its
/// `target(driver, args)` returns when called with `(None, [])`.
pub fn find_entry_point(prog: &mut Program, module: HostId) -> Result<HostId, Diagnostic> {
    let file = prog.module(module).file;
    let at_top = Span {
        file,
        line: 1,
        col: 1,
        end_line: 1,
        end_col: 1,
    };
    let is_fn = |prog: &Program, c: &Const| matches!(c, Const::Host(h) if matches!(prog.objs[*h], HostObj::Function(_)));
    if let Some(c) = prog.module(module).global("entry_point").cloned() {
        if let (true, Const::Host(h)) = (is_fn(prog, &c), &c) {
            return Ok(*h);
        }
        return Err(Diagnostic::new(at_top, "`entry_point` must be a function"));
    }
    let Some(target) = prog.module(module).global("target").cloned() else {
        return Err(Diagnostic::new(
            at_top,
            "no entry point: define entry_point(argv) or target(driver, args)",
        ));
    };
    let mut ev = Evaluator::new(prog);
    let args = ev.new_list(Vec::new());
    let r = ev.call(&target, vec![Const::None, args], Vec::new());
    let r = r.map_err(|e| {
        let d = error_to_diagnostic(ev.prog, e);
        d.with_note(Some(at_top), "while calling target(None, [])")
    })?;
    let first = match &r {
        Const::Tuple(t) if !t.is_empty() => t[0].clone(),
        _ => r.clone(),
    };
    match first {
        Const::Host(h) if matches!(prog.objs[h], HostObj::Function(_)) => Ok(h),
        _ => Err(Diagnostic::new(
            at_top,
            "target(driver, args) must return (entry_point, None) with entry_point a function",
        )),
    }
}

/// What running a program untranslated produced.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOutcome {
    /// Bytes written to fd 1 (print, os.write(1, ...)), in order.
    pub stdout: Vec<u8>,
    /// Bytes written to fd 2 with os.write(2, ...).
    pub stderr: Vec<u8>,
    pub exit_code: i32,
    /// `Name: message` of an exception that escaped the entry point, or a
    /// `file:line:col: message` user error.
    pub error: Option<String>,
}

/// The reference interpreter: call `entry_point(argv)` like the translated
/// binary does. The result `& 0xff` is the exit code; an escaping
/// exception gives exit code 1 and `error`.
pub fn run_program(prog: &mut Program, entry: HostId, argv: Vec<String>) -> RunOutcome {
    run_program_with_stdin(prog, entry, argv, Vec::new())
}

/// `run_program` with bytes for `os.read(0, n)`.
pub fn run_program_with_stdin(
    prog: &mut Program,
    entry: HostId,
    argv: Vec<String>,
    stdin: Vec<u8>,
) -> RunOutcome {
    let mut ev = Evaluator::new(prog);
    ev.stdin = stdin;
    let args = ev.new_list(argv.iter().map(|a| Const::str(a)).collect());
    let r = ev.call(&Const::Host(entry), vec![args], Vec::new());
    let (exit_code, error) = match r {
        Ok(Const::Int(i)) => ((i & 0xff) as i32, None),
        Ok(Const::Bool(b)) => (b as i32, None),
        Ok(Const::None) => (0, None),
        Ok(other) => (
            1,
            Some(format!("entry_point returned {other}, expected an int")),
        ),
        Err(EvalError::Exception(e)) => {
            let name = ev.prog.class(e.class).name.clone();
            let text = if e.message.is_empty() {
                name
            } else {
                format!("{name}: {}", e.message)
            };
            (1, Some(text))
        }
        Err(EvalError::User(d)) => {
            let loc = ev.prog.sources.location(d.span);
            (1, Some(format!("{loc}: {}", d.message)))
        }
    };
    RunOutcome {
        stdout: std::mem::take(&mut ev.stdout),
        stderr: std::mem::take(&mut ev.stderr),
        exit_code,
        error,
    }
}
