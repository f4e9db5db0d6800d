//! A character cursor over one line of trace text, with the column kept
//! for errors. The parsers of traces and descriptors read through it.

use std::fmt;

/// A parse error at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.msg)
    }
}

impl std::error::Error for ParseError {}

pub struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, line: usize) -> Cursor<'a> {
        Cursor { text, pos: 0, line }
    }

    /// An error at the next non-space character.
    pub fn error(&self, msg: impl Into<String>) -> ParseError {
        let r = self.rest();
        let at = self.pos + (r.len() - r.trim_start().len());
        let col = self.text[..at].chars().count() + 1;
        ParseError {
            line: self.line,
            col,
            msg: msg.into(),
        }
    }

    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Skip `n` bytes of what `rest` returned.
    pub fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    pub fn skip_ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }

    pub fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.rest().chars().next()
    }

    pub fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// Consume `s` (after spaces) if it comes next.
    pub fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    pub fn expect(&mut self, s: &str) -> Result<(), ParseError> {
        if self.eat(s) {
            Ok(())
        } else {
            Err(self.error(format!("expected `{s}`")))
        }
    }

    /// A run of word characters (letters, digits, `_ . $`), possibly empty.
    pub fn word(&mut self) -> &'a str {
        self.skip_ws();
        let r = self.rest();
        let n = r.find(|c: char| !is_word_char(c)).unwrap_or(r.len());
        self.pos += n;
        &r[..n]
    }

    /// A name: a word or a double-quoted string.
    pub fn name(&mut self) -> Result<String, ParseError> {
        if self.peek() == Some('"') {
            return self.string();
        }
        let w = self.word();
        if w.is_empty() {
            return Err(self.error("expected a name"));
        }
        Ok(w.to_string())
    }

    /// A double-quoted string with `\"` and `\\` escapes.
    pub fn string(&mut self) -> Result<String, ParseError> {
        self.expect("\"")?;
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                '\\' => match chars.next() {
                    Some((_, c)) => out.push(c),
                    None => break,
                },
                c => out.push(c),
            }
        }
        Err(self.error("unterminated string"))
    }

    /// A decimal or `0x` hexadecimal integer, optionally negative.
    pub fn int(&mut self) -> Result<i64, ParseError> {
        self.skip_ws();
        let start = self.pos;
        let neg = self.eat("-");
        let r = self.rest();
        let (digits, radix) = match r.strip_prefix("0x") {
            Some(h) => (h, 16),
            None => (r, 10),
        };
        let n = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if n == 0 {
            self.pos = start;
            return Err(self.error("expected an integer"));
        }
        let text = &digits[..n];
        self.pos += r.len() - digits.len() + n;
        // Through u64 so that i64::MIN and hex words parse.
        let mag = u64::from_str_radix(text, radix).map_err(|_| {
            let e = self.error("integer out of range");
            self.pos = start;
            e
        })?;
        if neg {
            if mag > 1u64 << 63 {
                return Err(self.error("integer out of range"));
            }
            Ok((mag as i64).wrapping_neg())
        } else if radix == 10 && mag > i64::MAX as u64 {
            Err(self.error("integer out of range"))
        } else {
            Ok(mag as i64)
        }
    }

    pub fn uint(&mut self) -> Result<u32, ParseError> {
        let at = self.error("");
        let n = self.int()?;
        u32::try_from(n).map_err(|_| ParseError {
            msg: "expected a small unsigned integer".into(),
            ..at
        })
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.' || c == '$'
}
