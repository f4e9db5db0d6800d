//! The translation driver: runs the stages in order (load and initialise
//! the program, annotate, rtype, backend optimisations, GC transform,
//! code generation, link) and renders user errors as text.
//!
//! This is the only crate that turns `Diagnostic`s into text.

pub mod render;
pub mod runtime_lib;
pub mod view;

pub use rpy_syntax::parse::Dialect;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OptLevel {
    O0,
    #[default]
    O2,
    Jit,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub opt_level: OptLevel,
    /// Executable to write; default: `<target stem>-c` beside the target.
    pub output: Option<PathBuf>,
    /// Write one dot file per function and stage into this folder.
    pub view_dir: Option<PathBuf>,
    /// Print stage progress and timings on stderr.
    pub verbose: bool,
    /// Print the low-level program (text form) after this backend pass.
    pub dump_after: Option<String>,
    /// The garbage collector (`--gc=NAME`).
    pub gc: rpy_gc::GcKind,
    /// Print the jitcodes as text (-Ojit).
    pub dump_jitcodes: bool,
    /// The source dialect (`--py2`: Python 2.7 syntax and semantics).
    pub dialect: Dialect,
}

/// A translation that did not produce an executable, rendered for people:
/// each error starts with `file:line:col: error: ...`, then its notes.
#[derive(Clone, Debug)]
pub struct Failure {
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn fail(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
    }
}

/// The folder holding the support package `rpython/`: `$RPYTHON_SUPPORT`,
/// else the source tree this tool was built from.
pub fn support_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RPYTHON_SUPPORT") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    root.join("rpython").is_dir().then_some(root)
}

/// The default executable path: `<stem>-c` beside the target.
pub fn default_output(target: &Path) -> PathBuf {
    let stem = target
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("target");
    target.with_file_name(format!("{stem}-c"))
}

struct Stages {
    verbose: bool,
    start: Instant,
}

impl Stages {
    fn run<T>(&mut self, name: &str, f: impl FnOnce() -> T) -> T {
        if self.verbose {
            eprintln!("[rpython] {name}...");
        }
        let t = Instant::now();
        let r = f();
        if self.verbose {
            eprintln!(
                "[rpython] {name} done in {:.1} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        r
    }
}

/// The JIT generator's translation-time work (-Ojit), between the rtyper
/// and backend optimisations: split the portals, write the jitcodes from
/// the graphs as they are, then rewrite the hints of the graphs that are
/// compiled ahead of time.
fn jit_generator(
    ll: &mut rpy_rtyper::LlProgram,
    opts: &Options,
) -> Result<rpy_jitformat::jitcode::JitProgram, Vec<rpy_syntax::Diagnostic>> {
    use rpy_codewriter::{codewriter, portal, warmspot};
    let drivers = ll.jit.drivers.clone();
    let portals = portal::split_portals(&mut ll.graphs, &drivers)?;
    let exchanges = warmspot::make_exchanges(ll, &portals);
    let jp = codewriter::write_jitcodes(ll, &portals, &exchanges);
    if opts.dump_jitcodes {
        print!("{}", rpy_jitformat::text::print_program(&jp));
    }
    warmspot::rewrite_hints(ll, &portals, &exchanges);
    Ok(jp)
}

/// Translate `target` into a native executable; returns its path.
pub fn translate(target: &Path, opts: &Options) -> Result<PathBuf, Failure> {
    let mut st = Stages {
        verbose: opts.verbose,
        start: Instant::now(),
    };
    let support = support_dir();
    let mut prog = rpy_flow::Program::new();
    let module = st
        .run("load and initialise", || {
            rpy_flow::loader::load_program_into(&mut prog, target, opts.dialect, support.as_deref())
        })
        .map_err(|ds| fail(render::render_all(&prog.sources, &ds)))?;
    let entry = rpy_flow::loader::find_entry_point(&mut prog, module)
        .map_err(|d| fail(render::render(&prog.sources, &d)))?;
    rpy_flow::mixin::copy_mixin_methods(&mut prog);
    let mut ann = rpy_annotator::Annotator::new(&prog);
    ann.jit = opts.opt_level == OptLevel::Jit;
    let gid = st
        .run("annotate", || ann.annotate_entry(entry))
        .map_err(|ds| fail(render::render_all(&prog.sources, &ds)))?;
    if let Some(dir) = &opts.view_dir {
        view::write_flow_and_annotated(dir, &ann)
            .map_err(|e| fail(format!("--view {}: {e}", dir.display())))?;
    }
    let ll = st
        .run("rtype", || rpy_rtyper::rtype_program(&ann, gid))
        .map_err(|ds| fail(render::render_all(&prog.sources, &ds)))?;
    for g in &ll.graphs {
        if let Err(errs) = rpy_flow::check::check_graph(&g.graph) {
            return Err(fail(format!(
                "internal error: the rtyper produced a malformed graph `{}`: {errs:?}",
                g.graph.name
            )));
        }
    }
    let mut ll = ll;
    let mut jit = None;
    if opts.opt_level == OptLevel::Jit {
        jit = Some(
            st.run("codewriter", || jit_generator(&mut ll, opts))
                .map_err(|ds| fail(render::render_all(&prog.sources, &ds)))?,
        );
    } else {
        rpy_codewriter::hints::strip_hints(&mut ll);
    }
    if opts.opt_level != OptLevel::O0 {
        let bo = rpy_backendopt::Options {
            dump_after: opts.dump_after.clone(),
        };
        let report = st
            .run("backend optimisations", || {
                rpy_backendopt::optimize(&mut ll, &bo)
            })
            .map_err(|e| fail(format!("internal error: {}", e.0)))?;
        if st.verbose {
            eprint!("{}", report.summary());
        }
        if let Some(d) = report.dump {
            print!("{d}");
        }
    }
    if let Some(dir) = &opts.view_dir {
        view::write_lowlevel(dir, &ll)
            .map_err(|e| fail(format!("--view {}: {e}", dir.display())))?;
    }
    st.run("gc transform", || {
        rpy_gc::transform_program(&mut ll, &rpy_gc::GcOptions { kind: opts.gc })
    });
    for g in &ll.graphs {
        if let Err(errs) = rpy_flow::check::check_graph(&g.graph) {
            return Err(fail(format!(
                "internal error: the GC transform produced a malformed graph `{}`: {errs:?}",
                g.graph.name
            )));
        }
    }
    let cg = rpy_codegen::CodegenOptions {
        opt_level: if opts.opt_level == OptLevel::O0 {
            rpy_codegen::OptLevel::None
        } else {
            rpy_codegen::OptLevel::Speed
        },
        verify: cfg!(debug_assertions),
        gc: opts.gc,
    };
    let obj = st
        .run("generate code", || match &jit {
            Some(jp) => rpy_codegen::emit_object_with_jit(&ll, &cg, jp),
            None => rpy_codegen::emit_object(&ll, &cg),
        })
        .map_err(|e| fail(format!("internal error: {e}")))?;
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| default_output(target));
    let rt = match jit {
        Some(_) => runtime_lib::runtime_jit_lib_file(),
        None => runtime_lib::runtime_lib_file(),
    }
    .map_err(fail)?;
    st.run("link", || rpy_codegen::link(&obj, &rt, &output))
        .map_err(|e| fail(format!("error: {e}")))?;
    if st.verbose {
        eprintln!(
            "[rpython] wrote {} in {:.1} ms",
            output.display(),
            st.start.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(output)
}
