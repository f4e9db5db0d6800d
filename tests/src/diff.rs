//! Readable differences between expected (CPython) and actual output.
//!
//! A line diff by longest common subsequence (outputs are small; above a
//! size limit we fall back to showing a window around the first differing
//! line). Lines only in the expected output are prefixed `-`, lines only in
//! the actual output `+`, shared context lines two spaces; at most
//! `CONTEXT` lines of context around each change, and at most `MAX_LINES`
//! lines in total. Bytes that are not UTF-8 are shown lossily.

const CONTEXT: usize = 2;
const MAX_LINES: usize = 60;
const LCS_LIMIT: usize = 4_000_000;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Tag {
    Same,
    Expected,
    Actual,
}

fn split_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn lcs_ops(a: &[String], b: &[String]) -> Vec<(Tag, usize)> {
    let (n, m) = (a.len(), b.len());
    // table[i][j] = LCS length of a[i..] and b[j..]
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let w = m + 1;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * w + j] = if a[i] == b[j] {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((Tag::Same, i));
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[(i + 1) * w + j] >= table[i * w + j + 1]) {
            ops.push((Tag::Expected, i));
            i += 1;
        } else {
            ops.push((Tag::Actual, j));
            j += 1;
        }
    }
    ops
}

/// Fallback for huge outputs: the first differing line with a little
/// context, as a replacement of the rest.
fn window_ops(a: &[String], b: &[String]) -> Vec<(Tag, usize)> {
    let first = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut ops: Vec<(Tag, usize)> = (0..first).map(|i| (Tag::Same, i)).collect();
    ops.extend((first..a.len().min(first + 10)).map(|i| (Tag::Expected, i)));
    ops.extend((first..b.len().min(first + 10)).map(|j| (Tag::Actual, j)));
    ops
}

/// A readable diff of `expected` against `actual`; empty when equal.
pub fn diff(expected: &[u8], actual: &[u8]) -> String {
    if expected == actual {
        return String::new();
    }
    let a = split_lines(expected);
    let b = split_lines(actual);
    let ops = if a.len().saturating_mul(b.len()) <= LCS_LIMIT {
        lcs_ops(&a, &b)
    } else {
        window_ops(&a, &b)
    };
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, (t, _))| *t != Tag::Same)
        .map(|(k, _)| k)
        .collect();
    let mut out = String::new();
    if changed.is_empty() {
        let ends = |x: &[u8]| x.last() == Some(&b'\n');
        out.push_str(&format!(
            "same lines; final newline: expected {}, actual {}\n",
            if ends(expected) { "yes" } else { "no" },
            if ends(actual) { "yes" } else { "no" }
        ));
        return out;
    }
    let keep = |k: usize| {
        changed
            .iter()
            .any(|&c| k + CONTEXT >= c && k <= c + CONTEXT)
    };
    let mut printed = 0;
    let mut last: Option<usize> = None;
    let mut expected_line = 0usize;
    for (k, &(tag, idx)) in ops.iter().enumerate() {
        if keep(k) {
            if printed >= MAX_LINES {
                out.push_str("... (diff truncated)\n");
                break;
            }
            if last.is_some_and(|l| l + 1 != k) || (last.is_none() && k > 0) {
                out.push_str(&format!("@@ expected line {} @@\n", expected_line + 1));
            }
            let (prefix, text) = match tag {
                Tag::Same => (' ', &a[idx]),
                Tag::Expected => ('-', &a[idx]),
                Tag::Actual => ('+', &b[idx]),
            };
            out.push_str(&format!("{} {}\n", prefix, text));
            printed += 1;
            last = Some(k);
        }
        if tag != Tag::Actual {
            expected_line += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn equal_outputs_have_no_diff() {
        assert_eq!(diff(b"a\nb\n", b"a\nb\n"), "");
    }

    #[test]
    fn changed_line_with_context() {
        let expected = b"1\n2\n3\n4\n5\n6\n7\n8\n";
        let actual = b"1\n2\n3\n4\nfive\n6\n7\n8\n";
        assert_eq!(
            diff(expected, actual),
            "@@ expected line 3 @@\n  3\n  4\n- 5\n+ five\n  6\n  7\n"
        );
    }

    #[test]
    fn missing_and_extra_lines() {
        assert_eq!(diff(b"a\nb\nc\n", b"a\nc\nd\n"), "  a\n- b\n  c\n+ d\n");
        assert_eq!(diff(b"", b"x\n"), "+ x\n");
    }

    #[test]
    fn final_newline_only() {
        assert_eq!(
            diff(b"a\nb\n", b"a\nb"),
            "same lines; final newline: expected yes, actual no\n"
        );
    }

    #[test]
    fn separate_hunks() {
        let expected = b"a\n1\n2\n3\n4\n5\n6\n7\nb\n";
        let actual = b"A\n1\n2\n3\n4\n5\n6\n7\nB\n";
        assert_eq!(
            diff(expected, actual),
            "- a\n+ A\n  1\n  2\n@@ expected line 7 @@\n  6\n  7\n- b\n+ B\n"
        );
    }
}
