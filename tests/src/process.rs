//! Child processes and scratch folders.
//!
//! Programs run with their working directory set to a fresh scratch
//! folder, stdin closed, stdout captured as bytes and stderr captured for
//! failure reports. Each run has a time limit so a miscompiled infinite
//! loop fails one program instead of hanging the suite.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Time limit for one program run (CPython or translated).
pub const RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// How a process ended.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "exit status {}", c),
            Exit::Signal(s) => write!(f, "killed by signal {}", s),
            Exit::TimedOut => write!(f, "timed out after {}s", RUN_TIMEOUT.as_secs()),
        }
    }
}

/// What a program run produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit: Exit,
}

/// A folder under the system temp dir, removed on drop unless `keep` was
/// called (the runner keeps folders of failing programs for inspection).
pub struct ScratchDir {
    path: PathBuf,
    keep: bool,
}

impl ScratchDir {
    /// A fresh folder named after `label` plus the process id and a
    /// timestamp, so concurrent test functions never share one.
    pub fn new(label: &str) -> std::io::Result<ScratchDir> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let safe: String = label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = std::env::temp_dir().join(format!(
            "rpy-tests-{}-{}-{}",
            std::process::id(),
            nanos,
            safe
        ));
        std::fs::create_dir_all(&path)?;
        Ok(ScratchDir { path, keep: false })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Do not delete the folder when dropped.
    pub fn keep(&mut self) {
        self.keep = true;
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Run `cmd` to completion or until `RUN_TIMEOUT` (generous: a JIT-enabled
/// interpreter under `RPY_GC_STRESS=1` collects at every allocation),
/// capturing its output.
pub fn run(cmd: Command) -> Result<Outcome, String> {
    run_with_stdin(cmd, Stdio::null())
}

/// `run` with `stdin` as the child's standard input (e.g. an opened file).
pub fn run_with_stdin(mut cmd: Command, stdin: Stdio) -> Result<Outcome, String> {
    let shown = format!("{:?}", cmd);
    cmd.stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {}", shown, e))?;
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_of(status),
            Ok(None) if start.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::TimedOut;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for {}: {}", shown, e)),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Outcome {
        stdout,
        stderr,
        exit,
    })
}

#[cfg(unix)]
fn exit_of(status: std::process::ExitStatus) -> Exit {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => Exit::Code(c),
        (None, Some(s)) => Exit::Signal(s),
        (None, None) => Exit::Code(-1),
    }
}

#[cfg(not(unix))]
fn exit_of(status: std::process::ExitStatus) -> Exit {
    Exit::Code(status.code().unwrap_or(-1))
}

/// CPython 3 as the oracle: the interpreter binary (resolved once, so that
/// version-manager shims are not paid for on every run) and the folder put
/// on `PYTHONPATH` (the repository root, which holds `rpython/`).
#[derive(Clone, Debug)]
pub struct Oracle {
    pub python3: PathBuf,
    pub pythonpath: PathBuf,
}

impl Oracle {
    /// Ask `python3` for its real executable; fall back to `python3`.
    pub fn discover(pythonpath: &Path) -> Oracle {
        let mut cmd = Command::new("python3");
        cmd.args(["-c", "import sys; sys.stdout.write(sys.executable)"]);
        let python3 = run(cmd)
            .ok()
            .filter(|o| o.exit == Exit::Code(0) && !o.stdout.is_empty())
            .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).into_owned()))
            .unwrap_or_else(|| PathBuf::from("python3"));
        Oracle {
            python3,
            pythonpath: pythonpath.to_path_buf(),
        }
    }

    /// CPython 2.7 (`PYENV_VERSION=2.7.18 python`, the oracle of the py2
    /// dialect) by its real executable; `None` when it is not installed.
    pub fn discover_py27(pythonpath: &Path) -> Option<Oracle> {
        let mut cmd = Command::new("python");
        cmd.args([
            "-c",
            "import sys; sys.stdout.write(sys.executable if sys.version_info[:2] == (2, 7) else '')",
        ])
        .env("PYENV_VERSION", "2.7.18");
        run(cmd)
            .ok()
            .filter(|o| o.exit == Exit::Code(0) && !o.stdout.is_empty())
            .map(|o| Oracle {
                python3: PathBuf::from(String::from_utf8_lossy(&o.stdout).into_owned()),
                pythonpath: pythonpath.to_path_buf(),
            })
    }

    /// Run `program` with `args` in `cwd`.
    pub fn run(&self, program: &Path, args: &[String], cwd: &Path) -> Result<Outcome, String> {
        let mut cmd = Command::new(&self.python3);
        cmd.arg(program)
            .args(args)
            .current_dir(cwd)
            .env("PYTHONPATH", &self.pythonpath)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONIOENCODING", "utf-8");
        run(cmd)
    }
}

/// Run a translated executable with `args` in `cwd`.
pub fn run_executable(exe: &Path, args: &[String], cwd: &Path) -> Result<Outcome, String> {
    let mut cmd = Command::new(exe);
    cmd.args(args).current_dir(cwd);
    run(cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "printf 'out\\n'; printf err >&2; exit 3"]);
        let o = run(cmd).unwrap();
        assert_eq!(
            (o.stdout, o.stderr, o.exit),
            (b"out\n".to_vec(), b"err".to_vec(), Exit::Code(3))
        );
    }

    #[test]
    fn oracle_runs_python3_with_the_package_on_the_path() {
        let root = crate::repo_root();
        let dir = ScratchDir::new("oracle").unwrap();
        let prog = dir.path().join("p.py");
        std::fs::write(&prog, "import sys\nfrom rpython.rlib.rarithmetic import intmask\nprint(intmask(2**63), sys.argv[1:])\nsys.exit(4)\n").unwrap();
        let o = Oracle::discover(&root)
            .run(&prog, &["a".to_string()], dir.path())
            .unwrap();
        assert_eq!(
            (o.stdout, o.exit),
            (b"-9223372036854775808 ['a']\n".to_vec(), Exit::Code(4))
        );
    }

    #[test]
    fn scratch_dir_is_removed() {
        let dir = ScratchDir::new("unit test/x").unwrap();
        let p = dir.path().to_path_buf();
        assert_eq!(
            (p.is_dir(), p.to_string_lossy().ends_with("unit_test_x")),
            (true, true)
        );
        drop(dir);
        assert_eq!(p.exists(), false);
    }
}
