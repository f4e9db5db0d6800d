//! Text-in/text-out tests of the optimiser passes (`tests/passes/<pass>/`,
//! `BLESS=1` to update expectations). A file:
//!
//! ```text
//! # passes: fold,guards          (which passes run; `all` with unroll)
//! # run: 3, 10                   (optional, repeatable: int inputs)
//! [i0, i1]
//! ...input trace...
//! # expect:
//! ...output trace, or `invalid: <reason>`...
//! ```
//!
//! Each test checks the input, print/parse/print identity, check_trace on
//! the output, and for every `# run:` line that the trace interpreter
//! gives the same exit before and after (same resume id and values when a
//! guard fails).

use std::path::Path;

use rpy_jitformat::Descrs;
use rpy_jitopt::{optimize, Passes};
use rpy_jittrace::fake_heap::FakeHeap;
use rpy_jittrace::{
    check_trace, parse_trace, print_trace, run_trace, Const, Exit, TargetToken, Trace,
};

fn outcome(t: &Trace, d: &Descrs, args: &[Const]) -> String {
    match run_trace(t, d, &mut FakeHeap::new(), args, Some(100_000)) {
        Ok(Exit::Finished(v)) => format!("finished {v:?}"),
        Ok(Exit::GuardFailed { resume, values, .. }) => {
            format!("guard {} failed with {values:?}", resume.0)
        }
        Err(e) => format!("error {:?}", e.kind),
    }
}

fn run_file(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (input, expect) = match src.split_once("# expect:\n") {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (src.clone(), String::new()),
    };
    let passes_line = input
        .lines()
        .find_map(|l| l.strip_prefix("# passes:"))
        .ok_or("no `# passes:` line")?;
    let passes = Passes::parse(passes_line).ok_or("bad `# passes:` line")?;
    let mut d = Descrs::default();
    let trace = parse_trace(&input, &mut d).map_err(|e| format!("input: {e}"))?;
    check_trace(&trace, &d).map_err(|e| format!("input is malformed: {e:?}"))?;
    let printed = print_trace(&trace, &d);
    let mut d2 = Descrs::default();
    let again = print_trace(
        &parse_trace(&printed, &mut d2).map_err(|e| format!("reparse: {e}"))?,
        &d2,
    );
    if again != printed {
        return Err(format!(
            "print/parse/print is not the identity:\n{printed}---\n{again}"
        ));
    }
    let result = optimize(&trace, &d, passes, TargetToken(1000));
    let out = match &result {
        Ok(t) => {
            check_trace(t, &d)
                .map_err(|e| format!("output is malformed: {e:?}\n{}", print_trace(t, &d)))?;
            print_trace(t, &d)
        }
        Err(inv) => format!("invalid: {}\n", inv.reason),
    };
    if let Ok(t) = &result {
        for line in input.lines().filter_map(|l| l.strip_prefix("# run:")) {
            let args: Vec<Const> = line
                .split(',')
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| {
                    if s.contains('.') {
                        Const::Float(s.parse().unwrap())
                    } else {
                        Const::Int(s.parse().unwrap())
                    }
                })
                .collect();
            let (before, after) = (outcome(&trace, &d, &args), outcome(t, &d, &args));
            if before != after {
                return Err(format!("run {args:?}: before: {before}, after: {after}"));
            }
        }
    }
    if out == expect {
        return Ok(());
    }
    if std::env::var_os("BLESS").is_some() {
        let mut head = input;
        if !head.ends_with('\n') {
            head.push('\n');
        }
        return std::fs::write(path, format!("{head}# expect:\n{out}")).map_err(|e| e.to_string());
    }
    Err(format!(
        "output differs (BLESS=1 to update)\n--- expected\n{expect}--- got\n{out}"
    ))
}

#[test]
fn pass_text_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/passes");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "trace") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| run_file(p).err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    if !failures.is_empty() {
        panic!(
            "{} of {} failed:\n{}",
            failures.len(),
            files.len(),
            failures.join("\n\n")
        );
    }
}
