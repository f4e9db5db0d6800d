//! Text-in/text-out parser tests driven by the files in `tests/cases/`.
//!
//! A file holds several cases. Each case starts with a header line
//! `#### name [py2] [spans]`, then the Python source, then a line
//! `# expect:` and the expected output up to the next header. The output is
//! the AST dump (`dump_module`, or `dump_module_with_spans` with `spans`),
//! or, when parsing fails, one `line:col: message` line per diagnostic.
//! Run with `BLESS=1` to rewrite the expectations from the actual output.

use rpy_syntax::parse::{dump_module, dump_module_with_spans, parse_module, Dialect};
use rpy_syntax::FileId;
use std::fmt::Write;
use std::path::Path;

struct Case {
    header: String,
    source: String,
    expected: String,
}

fn split_cases(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expect = false;
    for line in text.split_inclusive('\n') {
        if let Some(h) = line.strip_prefix("#### ") {
            cases.push(Case {
                header: h.trim().to_string(),
                source: String::new(),
                expected: String::new(),
            });
            in_expect = false;
        } else if line.trim_end() == "# expect:" {
            in_expect = true;
        } else if let Some(c) = cases.last_mut() {
            if in_expect {
                c.expected.push_str(line);
            } else {
                c.source.push_str(line);
            }
        }
    }
    cases
}

fn run_case(case: &Case) -> String {
    let words: Vec<&str> = case.header.split_whitespace().collect();
    let dialect = if words.contains(&"py2") {
        Dialect::Py2
    } else {
        Dialect::Py3
    };
    match parse_module(FileId(0), &case.source, "__main__", dialect) {
        Ok(m) if words.contains(&"spans") => dump_module_with_spans(&m),
        Ok(m) => dump_module(&m),
        Err(diags) => {
            let mut out = String::new();
            for d in diags {
                let _ = writeln!(out, "{}:{}: {}", d.span.line, d.span.col, d.message);
            }
            out
        }
    }
}

fn check_file(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read test file");
    let cases = split_cases(&text);
    let bless = std::env::var("BLESS").is_ok();
    let mut failures = Vec::new();
    let mut blessed = String::new();
    for case in &cases {
        let actual = run_case(case);
        let expected = case.expected.trim_end_matches('\n');
        if actual.trim_end_matches('\n') != expected {
            failures.push(format!(
                "{} / {}\n--- expected\n{}\n--- actual\n{}",
                path.display(),
                case.header,
                expected,
                actual.trim_end_matches('\n')
            ));
        }
        let _ = write!(
            blessed,
            "#### {}\n{}# expect:\n{}",
            case.header, case.source, actual
        );
        if !blessed.ends_with("\n\n") {
            blessed.push('\n');
        }
    }
    if bless {
        std::fs::write(path, blessed.trim_end_matches('\n').to_string() + "\n")
            .expect("write blessed file");
        return Vec::new();
    }
    failures
}

#[test]
fn parser_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "test"))
    {
        count += 1;
        failures.extend(check_file(p));
    }
    assert!(count > 0, "no .test files in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
