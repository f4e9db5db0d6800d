//! `rpython`: translate an RPython program into a native executable.

use clap::Parser;
use rpy_goal::{translate, OptLevel, Options};
use std::path::PathBuf;
use std::process::ExitCode;

/// Translate an RPython program (restricted Python 3) into a standalone
/// native executable.
#[derive(Parser, Debug)]
#[command(
    name = "rpython",
    version,
    about,
    after_help = "Optimisation levels (one token, as in RPython): -O0, -O2 (default), -Ojit (a tracing JIT generated from the interpreter; in progress)."
)]
struct Cli {
    /// Path of the executable to write (default: `<target stem>-c` beside the target).
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    /// Write Graphviz dot files of every function at every stage into DIR.
    #[arg(long, value_name = "DIR")]
    view: Option<PathBuf>,
    /// Print the low-level graphs as text after the backend pass NAME (-O2).
    #[arg(long, value_name = "NAME")]
    dump_after: Option<String>,
    /// Garbage collector: generational (default), semispace or marksweep.
    #[arg(long, value_name = "NAME", default_value = "generational", value_parser = parse_gc)]
    gc: rpy_gc::GcKind,
    /// Print the jitcodes the codewriter made (-Ojit).
    #[arg(long)]
    dump_jitcodes: bool,
    /// Print no progress or timings.
    #[arg(long)]
    batch: bool,
    /// The program is Python 2.7 source (RPython-classic): print
    /// statements, `except E, e`, `/` flooring on ints, `xrange`...
    #[arg(long)]
    py2: bool,
    /// The target: a Python file defining `entry_point(argv)` or `target(driver, args)`.
    target: PathBuf,
}

fn parse_gc(s: &str) -> Result<rpy_gc::GcKind, String> {
    rpy_gc::GcKind::parse(s).ok_or_else(|| {
        format!("unknown collector `{s}` (expected generational, semispace or marksweep)")
    })
}

fn main() -> ExitCode {
    // `-O0`/`-O2`/`-Ojit` are single tokens, as in RPython: split them off
    // before clap sees the rest.
    let mut level = OptLevel::O2;
    let mut args = Vec::new();
    for a in std::env::args() {
        match a.as_str() {
            "-O0" => level = OptLevel::O0,
            "-O2" => level = OptLevel::O2,
            "-Ojit" => level = OptLevel::Jit,
            s if s.starts_with("-O") && s.len() > 2 => {
                eprintln!("rpython: unknown optimisation level `{s}` (expected -O0, -O2 or -Ojit)");
                return ExitCode::from(2);
            }
            _ => args.push(a),
        }
    }
    let cli = Cli::parse_from(args);
    let opts = Options {
        opt_level: level,
        output: cli.output,
        view_dir: cli.view,
        verbose: !cli.batch,
        dump_after: cli.dump_after,
        gc: cli.gc,
        dump_jitcodes: cli.dump_jitcodes,
        dialect: if cli.py2 {
            rpy_syntax::parse::Dialect::Py2
        } else {
            rpy_syntax::parse::Dialect::Py3
        },
    };
    match translate(&cli.target, &opts) {
        Ok(path) => {
            if opts.verbose {
                eprintln!("[rpython] executable: {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{f}");
            if !f.message.ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(1)
        }
    }
}
