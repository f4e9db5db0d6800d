//! Comment headers at the top of test programs.
//!
//! Corpus programs may start with `# args: a b c` (extra argv, split on
//! whitespace). Wrong programs start with one or more
//! `# error: LINE:COL: substring` lines: translation must fail with a
//! message that names `<file name>:LINE:COL` and contains the substring.
//! Headers are read from the leading block of comment lines only.

/// One expected translation error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedError {
    pub line: u32,
    pub col: u32,
    pub substring: String,
}

impl ExpectedError {
    /// The `name:LINE:COL` text the message must contain.
    pub fn location(&self, file_name: &str) -> String {
        format!("{}:{}:{}", file_name, self.line, self.col)
    }
}

/// The leading comment lines of `src`, without their `#`.
fn leading_comments(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l[1..].trim())
}

/// Extra arguments from a `# args:` header; empty when there is none.
pub fn parse_args(src: &str) -> Vec<String> {
    leading_comments(src)
        .filter_map(|l| l.strip_prefix("args:"))
        .flat_map(|rest| rest.split_whitespace().map(str::to_string))
        .collect()
}

/// Every `# error:` header of `src`. An error header that does not have
/// the form `LINE:COL: substring` is reported as `Err` with the reason.
pub fn parse_errors(src: &str) -> Result<Vec<ExpectedError>, String> {
    let mut out = Vec::new();
    for (i, comment) in leading_comments(src).enumerate() {
        let Some(rest) = comment.strip_prefix("error:") else {
            continue;
        };
        let bad = |what: &str| format!("header line {}: {} in `# error:{}`", i + 1, what, rest);
        let mut parts = rest.trim().splitn(3, ':');
        let line = parts.next().and_then(|s| s.trim().parse::<u32>().ok());
        let col = parts.next().and_then(|s| s.trim().parse::<u32>().ok());
        let substring = parts.next().map(str::trim).unwrap_or("");
        match (line, col) {
            (Some(line), Some(col)) if !substring.is_empty() => out.push(ExpectedError {
                line,
                col,
                substring: substring.to_string(),
            }),
            (Some(_), Some(_)) => return Err(bad("missing message substring")),
            _ => return Err(bad("expected LINE:COL")),
        }
    }
    if out.is_empty() {
        return Err("no `# error: LINE:COL: substring` header".to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn args_header() {
        assert_eq!(
            parse_args("# args: 1  two\tthree\ndef f(): pass\n"),
            vec!["1", "two", "three"]
        );
        assert_eq!(
            parse_args("def f(): pass\n# args: 1\n"),
            Vec::<String>::new()
        );
        assert_eq!(parse_args("#args:\n"), Vec::<String>::new());
        assert_eq!(parse_args("# a comment\n# args: x\n"), vec!["x"]);
    }

    #[test]
    fn error_headers() {
        let src = "# error: 4:15: not defined\n# error: 1:1: entry point: missing\nx = 1\n# error: 9:9: late\n";
        assert_eq!(
            parse_errors(src),
            Ok(vec![
                ExpectedError {
                    line: 4,
                    col: 15,
                    substring: "not defined".into()
                },
                ExpectedError {
                    line: 1,
                    col: 1,
                    substring: "entry point: missing".into()
                },
            ])
        );
        assert_eq!(
            parse_errors(src).unwrap()[0].location("prog.py"),
            "prog.py:4:15".to_string()
        );
    }

    #[test]
    fn malformed_error_headers() {
        assert_eq!(
            parse_errors("# error: four:1: x\n"),
            Err("header line 1: expected LINE:COL in `# error: four:1: x`".to_string())
        );
        assert_eq!(
            parse_errors("# error: 4:1:\n"),
            Err("header line 1: missing message substring in `# error: 4:1:`".to_string())
        );
        assert_eq!(
            parse_errors("x = 1\n"),
            Err("no `# error: LINE:COL: substring` header".to_string())
        );
    }
}
