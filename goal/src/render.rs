//! Diagnostics rendered for people: `file:line:col: error: message`, the
//! source line with a caret, then the chain of reasons as notes.

use rpy_syntax::{Diagnostic, SourceMap, Span};

fn snippet(out: &mut String, sources: &SourceMap, span: Span) {
    if let Some(line) = sources.line_text(span) {
        let n = span.line.to_string();
        let pad = " ".repeat(n.len());
        out.push_str(&format!("  {n} | {line}\n"));
        let col = span.col.max(1) as usize - 1;
        let width = if span.end_line == span.line && span.end_col > span.col {
            (span.end_col - span.col) as usize
        } else {
            1
        };
        let lead: String = line
            .chars()
            .take(col)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out.push_str(&format!("  {pad} | {lead}{}\n", "^".repeat(width.min(80))));
    }
}

pub fn render(sources: &SourceMap, d: &Diagnostic) -> String {
    let mut out = format!("{}: error: {}\n", sources.location(d.span), d.message);
    snippet(&mut out, sources, d.span);
    for note in &d.notes {
        match note.span {
            Some(s) if !s.is_none() => out.push_str(&format!(
                "  note: {}: {}\n",
                sources.location(s),
                note.message
            )),
            _ => out.push_str(&format!("  note: {}\n", note.message)),
        }
    }
    out
}

pub fn render_all(sources: &SourceMap, ds: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in ds {
        out.push_str(&render(sources, d));
    }
    if ds.len() > 1 {
        out.push_str(&format!("{} errors\n", ds.len()));
    }
    out
}
