//! User errors as data. Every stage reports a `Diagnostic`; only the driver
//! (`goal`) renders them as text.

use crate::span::Span;

/// One user-facing error: where, what was expected and what was found (in
/// `message`), and the chain of reasons that led there (`notes`, outermost
/// last), each with its own position when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub span: Option<Span>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    pub fn with_note(mut self, span: Option<Span>, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            span,
            message: message.into(),
        });
        self
    }
}
