//! Source files and positions.

/// Index of a file in the `SourceMap`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A position in restricted-Python source: file, 1-based line and column
/// (columns count characters, as Python's tracebacks do), plus the end.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Span {
    /// A span for toolchain-made code that has no source (builtins).
    pub const NONE: Span = Span {
        file: FileId(u32::MAX),
        line: 0,
        col: 0,
        end_line: 0,
        end_col: 0,
    };

    pub fn is_none(&self) -> bool {
        self.file.0 == u32::MAX
    }
}

/// All source files of one translation.
#[derive(Default, Debug, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it or as it was resolved (for messages).
    pub path: String,
    pub text: String,
}

impl SourceMap {
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile {
            path: path.into(),
            text: text.into(),
        });
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn path(&self, id: FileId) -> &str {
        match self.file(id) {
            Some(f) => &f.path,
            None if id.0 == u32::MAX => "<builtin>",
            None => "<unknown file>",
        }
    }

    /// The text of line `line` (1-based) of a file, without its newline.
    pub fn line_text(&self, span: Span) -> Option<&str> {
        if span.is_none() {
            return None;
        }
        self.file(span.file)?
            .text
            .lines()
            .nth(span.line.checked_sub(1)? as usize)
    }

    /// `path:line:col`, the prefix of every message.
    pub fn location(&self, span: Span) -> String {
        if span.is_none() {
            "<builtin>".to_string()
        } else {
            format!("{}:{}:{}", self.path(span.file), span.line, span.col)
        }
    }
}
