//! Parser for the text form of flow graphs that `print` writes, so that
//! print -> parse -> print is the identity (STYLE habit 9) and tests can
//! start from a graph written by hand.
//!
//! Grammar (one item per line; blank lines are skipped):
//! ```text
//! graph NAME(VAR, ...)
//! blockN(VAR, ...):                 the first block is the start block
//!   VAR = OP(VALUE, ...)
//!   goto TARGET(ARG, ...)
//!   switch VAR:                     then cases, each `CASE: TARGET(ARG, ...)`
//!   switch last_exception:          with CASE `normal`, or `CONST as (VAR|_, VAR|_)`
//!     CASE: TARGET(ARG, ...)        CASE is a constant or `default`
//! ```
//! TARGET is `blockN`, `return` or `raise`; an ARG is a VALUE optionally
//! followed by `@line:col` (its `arg_spans` entry). VAR is `vN` or
//! `vN_hint`. Constants: `None`, `True`, `False`, ints, floats (Rust
//! `{:?}` form: `1.0`, `1e100`, `inf`, `NaN`), strings (Rust `{:?}`
//! escapes), bytes `b"..."` (`\xNN` escapes), tuples `(a, b)` / `(a,)`,
//! and `<...>`: a builtin (`<len>`), a host object named as
//! `print::HostNames` prints it (`<ValueError>`, `<function m.f>`,
//! `<Node #12>`, `<list h7>`), or `<hN>`. Resolving host names needs the
//! `Program`; ids (`#12`, `h7`) do not.
//!
//! Not in the text, so not restored: op spans and the graph span
//! (`Span::NONE`), the file of arg spans (file 0), var/block numbering
//! (the printer renumbers anyway).

use crate::graph::{Block, Exitswitch, Link, Op, Value, Var};
use crate::host::{Builtin, HostId, Program};
use crate::model::{Const, FlowGraph, FlowValue};
use crate::ops::FlowOp;
use crate::print::HostNames;
use cranelift_entity::EntityRef;
use rpy_syntax::{FileId, Span};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// A syntax error in graph text: 1-based line and column, and what was
/// expected.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Parse every graph in `text` (each starting with a `graph` line).
/// `prog` resolves host-object names; without it only builtins and ids do.
pub fn parse_flow_graphs(text: &str, prog: Option<&Program>) -> Result<Vec<FlowGraph>, ParseError> {
    let names = prog.map(HostNames::new);
    let mut out = Vec::new();
    let mut cur: Option<GraphParser> = None;
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let mut c = Cursor {
            s: raw,
            pos: 0,
            line: i + 1,
            names: names.as_ref(),
        };
        if c.eat("graph ") {
            if let Some(g) = cur.take() {
                out.push(g.finish()?);
            }
            cur = Some(GraphParser::header(&mut c)?);
            continue;
        }
        match cur.as_mut() {
            Some(g) => g.line(&mut c)?,
            None => return Err(c.err("expected a `graph NAME(...)` line")),
        }
    }
    if let Some(g) = cur.take() {
        out.push(g.finish()?);
    }
    Ok(out)
}

/// Parse text holding exactly one graph.
pub fn parse_flow_graph(text: &str, prog: Option<&Program>) -> Result<FlowGraph, ParseError> {
    let mut gs = parse_flow_graphs(text, prog)?;
    match gs.len() {
        1 => Ok(gs.pop().expect("one graph")),
        n => Err(ParseError {
            line: 1,
            col: 1,
            message: format!("expected one graph, found {n}"),
        }),
    }
}

struct GraphParser {
    g: FlowGraph,
    vars: HashMap<String, Var>,
    blocks: HashMap<String, Block>,
    /// Blocks defined so far (to report references to undefined ones).
    defined: Vec<String>,
    cur: Option<Block>,
    /// Inside a `switch`: cases follow.
    in_switch: bool,
    header_line: usize,
}

impl GraphParser {
    fn header(c: &mut Cursor) -> Result<GraphParser, ParseError> {
        let open = c
            .rest()
            .rfind('(')
            .ok_or_else(|| c.err("expected `(` after the graph name"))?;
        let name = c.rest()[..open].to_string();
        c.pos += open;
        let mut p = GraphParser {
            g: FlowGraph::new(name, Span::NONE),
            vars: HashMap::new(),
            blocks: HashMap::new(),
            defined: Vec::new(),
            cur: None,
            in_switch: false,
            header_line: c.line,
        };
        let params = p.var_list(c)?;
        c.end()?;
        let start = p.g.startblock;
        p.g.blocks[start].inputargs = params;
        Ok(p)
    }

    fn var(&mut self, c: &mut Cursor) -> Result<Var, ParseError> {
        let col = c.pos;
        let name = c.word();
        let digits = name
            .strip_prefix('v')
            .ok_or_else(|| c.err_at(col, format!("expected a variable `vN`, found `{name}`")))?;
        let (num, hint) = match digits.split_once('_') {
            Some((n, h)) => (n, Some(h)),
            None => (digits, None),
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(c.err_at(col, format!("expected a variable `vN`, found `{name}`")));
        }
        if let Some(&v) = self.vars.get(name) {
            return Ok(v);
        }
        let v = self.g.new_var(hint);
        self.vars.insert(name.to_string(), v);
        Ok(v)
    }

    /// `(VAR, ...)`
    fn var_list(&mut self, c: &mut Cursor) -> Result<Vec<Var>, ParseError> {
        c.expect("(")?;
        let mut vs = Vec::new();
        if c.eat(")") {
            return Ok(vs);
        }
        loop {
            vs.push(self.var(c)?);
            if c.eat(")") {
                return Ok(vs);
            }
            c.expect(", ")?;
        }
    }

    fn value(&mut self, c: &mut Cursor) -> Result<FlowValue, ParseError> {
        let b = c.rest().as_bytes();
        if b.len() >= 2 && b[0] == b'v' && b[1].is_ascii_digit() {
            Ok(Value::Var(self.var(c)?))
        } else {
            Ok(Value::Const(c.constant()?))
        }
    }

    fn block_ref(&mut self, name: &str) -> Block {
        if let Some(&b) = self.blocks.get(name) {
            return b;
        }
        let b = self.g.new_block(vec![]);
        self.blocks.insert(name.to_string(), b);
        b
    }

    /// `TARGET(ARG, ...)` as a link.
    fn link(&mut self, c: &mut Cursor) -> Result<Link<crate::model::Flow>, ParseError> {
        let col = c.pos;
        let name = c.word().to_string();
        let target = match name.as_str() {
            "return" => self.g.returnblock,
            "raise" => self.g.exceptblock,
            n if n.starts_with("block") => self.block_ref(n),
            n => {
                return Err(c.err_at(
                    col,
                    format!("expected a block, `return` or `raise`, found `{n}`"),
                ))
            }
        };
        c.expect("(")?;
        let mut args = Vec::new();
        let mut spans = Vec::new();
        if !c.eat(")") {
            loop {
                args.push(self.value(c)?);
                spans.push(if c.eat("@") {
                    c.line_col()?
                } else {
                    Span::NONE
                });
                if c.eat(")") {
                    break;
                }
                c.expect(", ")?;
            }
        }
        let mut l = Link::new(args, target);
        l.arg_spans = spans;
        Ok(l)
    }

    fn cur_block(&self, c: &Cursor) -> Result<Block, ParseError> {
        self.cur
            .ok_or_else(|| c.err("expected a `blockN(...):` line before ops and exits"))
    }

    fn line(&mut self, c: &mut Cursor) -> Result<(), ParseError> {
        if c.eat("    ") {
            if !self.in_switch {
                return Err(c.err("expected a case line only after `switch`"));
            }
            return self.case(c);
        }
        if c.eat("  ") {
            let b = self.cur_block(c)?;
            if c.eat("goto ") {
                self.in_switch = false;
                let l = self.link(c)?;
                c.end()?;
                self.g.blocks[b].exits.push(l);
                return Ok(());
            }
            if c.eat("switch ") {
                self.in_switch = true;
                if c.eat("last_exception:") {
                    self.g.blocks[b].exitswitch = Exitswitch::LastException;
                } else {
                    let v = self.var(c)?;
                    c.expect(":")?;
                    self.g.blocks[b].exitswitch = Exitswitch::Value(v);
                }
                return c.end();
            }
            if self.in_switch || !self.g.blocks[b].exits.is_empty() {
                return Err(c.err("expected no op after the block's exits"));
            }
            let result = self.var(c)?;
            c.expect(" = ")?;
            let col = c.pos;
            let open = c
                .rest()
                .find('(')
                .ok_or_else(|| c.err("expected `(` after the op name"))?;
            let opname = &c.rest()[..open];
            let kind = FlowOp::parse(opname).ok_or_else(|| {
                c.err_at(col, format!("expected an operation name, found `{opname}`"))
            })?;
            c.pos += open + 1;
            let mut args = Vec::new();
            if !c.eat(")") {
                loop {
                    args.push(self.value(c)?);
                    if c.eat(")") {
                        break;
                    }
                    c.expect(", ")?;
                }
            }
            c.end()?;
            self.g.blocks[b].ops.push(Op {
                kind,
                args,
                result,
                span: Span::NONE,
            });
            return Ok(());
        }
        // `blockN(VAR, ...):`
        let col = c.pos;
        let name = c.word().to_string();
        if !name.starts_with("block") {
            return Err(c.err_at(col, format!("expected `blockN(...):`, found `{name}`")));
        }
        if self.defined.contains(&name) {
            return Err(c.err_at(col, format!("block `{name}` is defined twice")));
        }
        let first = self.defined.is_empty();
        let b = if first {
            // The start block, whatever it is called.
            let s = self.g.startblock;
            self.blocks.insert(name.clone(), s);
            s
        } else {
            self.block_ref(&name)
        };
        self.defined.push(name);
        let ins = self.var_list(c)?;
        c.expect(":")?;
        c.end()?;
        if first && ins != self.g.blocks[b].inputargs {
            return Err(c.err_at(
                col,
                "expected the start block to take the graph's parameters",
            ));
        }
        self.g.blocks[b].inputargs = ins;
        self.cur = Some(b);
        self.in_switch = false;
        Ok(())
    }

    /// `CASE: TARGET(...)` under a switch.
    fn case(&mut self, c: &mut Cursor) -> Result<(), ParseError> {
        let b = self.cur_block(c)?;
        let exc = self.g.blocks[b].exitswitch == Exitswitch::LastException;
        let keyword = if exc { "normal" } else { "default" };
        let exitcase = if c.eat(keyword) {
            None
        } else {
            Some(c.constant()?)
        };
        let mut pair = (None, None);
        if exc && c.eat(" as (") {
            let opt = |p: &mut GraphParser, c: &mut Cursor| -> Result<Option<Var>, ParseError> {
                if c.eat("_") {
                    Ok(None)
                } else {
                    p.var(c).map(Some)
                }
            };
            pair.0 = opt(self, c)?;
            c.expect(", ")?;
            pair.1 = opt(self, c)?;
            c.expect(")")?;
        }
        c.expect(": ")?;
        let mut l = self.link(c)?;
        c.end()?;
        l.exitcase = exitcase;
        l.last_exception = pair.0;
        l.last_exc_value = pair.1;
        self.g.blocks[b].exits.push(l);
        Ok(())
    }

    fn finish(self) -> Result<FlowGraph, ParseError> {
        if let Some(n) = self.blocks.keys().find(|n| !self.defined.contains(n)) {
            return Err(ParseError {
                line: self.header_line,
                col: 1,
                message: format!("block `{n}` is used but never defined"),
            });
        }
        if self.defined.is_empty() {
            return Err(ParseError {
                line: self.header_line,
                col: 1,
                message: "expected at least the start block".into(),
            });
        }
        Ok(self.g)
    }
}

/// A position in one line of text.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
    line: usize,
    names: Option<&'a HostNames<'a>>,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn err(&self, message: impl Into<String>) -> ParseError {
        self.err_at(self.pos, message)
    }

    fn err_at(&self, pos: usize, message: impl Into<String>) -> ParseError {
        let col = self.s[..pos.min(self.s.len())].chars().count() + 1;
        ParseError {
            line: self.line,
            col,
            message: message.into(),
        }
    }

    fn found(&self) -> String {
        match self.rest() {
            "" => "the end of the line".to_string(),
            r => format!("`{}`", r.chars().take(20).collect::<String>()),
        }
    }

    fn eat(&mut self, t: &str) -> bool {
        if self.rest().starts_with(t) {
            self.pos += t.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, t: &str) -> Result<(), ParseError> {
        if self.eat(t) {
            Ok(())
        } else {
            Err(self.err(format!("expected `{t}`, found {}", self.found())))
        }
    }

    fn end(&self) -> Result<(), ParseError> {
        if self.rest().trim_end().is_empty() {
            Ok(())
        } else {
            Err(self.err(format!(
                "expected the end of the line, found {}",
                self.found()
            )))
        }
    }

    /// A run of characters up to a delimiter (`(),:@` or a space).
    fn word(&mut self) -> &'a str {
        let r = self.rest();
        let n = r
            .find(|ch: char| matches!(ch, '(' | ')' | ',' | ':' | '@' | ' '))
            .unwrap_or(r.len());
        self.pos += n;
        &r[..n]
    }

    fn number(&mut self) -> Result<u32, ParseError> {
        let r = self.rest();
        let n = r.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(r.len());
        let v = r[..n]
            .parse()
            .map_err(|_| self.err(format!("expected a number, found {}", self.found())))?;
        self.pos += n;
        Ok(v)
    }

    /// `line:col` after an `@`.
    fn line_col(&mut self) -> Result<Span, ParseError> {
        let line = self.number()?;
        self.expect(":")?;
        let col = self.number()?;
        Ok(Span {
            file: FileId(0),
            line,
            col,
            end_line: line,
            end_col: col,
        })
    }

    fn constant(&mut self) -> Result<Const, ParseError> {
        let start = self.pos;
        let r = self.rest();
        if r.starts_with('"') {
            self.pos += 1;
            return self.string().map(|s| Const::Str(Rc::from(s.as_str())));
        }
        if r.starts_with("b\"") {
            self.pos += 2;
            return self.bytes().map(|b| Const::Bytes(Rc::from(b)));
        }
        if r.starts_with('(') {
            self.pos += 1;
            let mut items = Vec::new();
            if self.eat(")") {
                return Ok(Const::Tuple(Rc::from(items)));
            }
            loop {
                items.push(self.constant()?);
                if self.eat(")") {
                    if items.len() == 1 {
                        return Err(self.err_at(start, "expected `,)` to end a one-item tuple"));
                    }
                    break;
                }
                if self.eat(",)") {
                    if items.len() != 1 {
                        return Err(self
                            .err_at(start, "expected a trailing comma only in a one-item tuple"));
                    }
                    break;
                }
                self.expect(", ")?;
            }
            return Ok(Const::Tuple(Rc::from(items)));
        }
        if r.starts_with('<') {
            return self.host();
        }
        let w = self.word();
        match w {
            "None" => return Ok(Const::None),
            "True" => return Ok(Const::Bool(true)),
            "False" => return Ok(Const::Bool(false)),
            _ => {}
        }
        if let Ok(i) = w.parse::<i64>() {
            return Ok(Const::Int(i));
        }
        let floaty =
            w.contains(['.', 'e', 'E']) || matches!(w.trim_start_matches('-'), "inf" | "NaN");
        match w.parse::<f64>() {
            Ok(x) if floaty => Ok(Const::Float(x)),
            _ => Err(self.err_at(start, format!("expected a value, found `{w}`"))),
        }
    }

    /// The body of a Rust-`{:?}` string, after the opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, ch)) = chars.next() {
            match ch {
                '"' => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let e = chars.next().map(|(_, e)| e);
                    match e {
                        Some('n') => out.push('\n'),
                        Some('r') => out.push('\r'),
                        Some('t') => out.push('\t'),
                        Some('0') => out.push('\0'),
                        Some(c @ ('\\' | '"' | '\'')) => out.push(c),
                        Some('u') => {
                            let mut hex = String::new();
                            if chars.next().map(|(_, c)| c) != Some('{') {
                                return Err(self.err_at(self.pos + i, "expected `\\u{HEX}`"));
                            }
                            for (_, c) in chars.by_ref() {
                                if c == '}' {
                                    break;
                                }
                                hex.push(c);
                            }
                            let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                            out.push(c.ok_or_else(|| {
                                self.err_at(
                                    self.pos + i,
                                    format!("expected a character code, found `{hex}`"),
                                )
                            })?);
                        }
                        _ => {
                            return Err(self.err_at(
                                self.pos + i,
                                "expected an escape (`\\n`, `\\\"`, `\\u{..}`, ...)",
                            ))
                        }
                    }
                }
                c => out.push(c),
            }
        }
        Err(self.err_at(
            self.pos - 1,
            "expected `\"` to end the string, found the end of the line",
        ))
    }

    /// The body of `b"..."` (ASCII escapes), after the opening quote.
    fn bytes(&mut self) -> Result<Vec<u8>, ParseError> {
        let mut out = Vec::new();
        let b = self.rest().as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                b'\\' => {
                    let e = b.get(i + 1).copied();
                    i += 2;
                    match e {
                        Some(b'n') => out.push(b'\n'),
                        Some(b'r') => out.push(b'\r'),
                        Some(b't') => out.push(b'\t'),
                        Some(c @ (b'\\' | b'"' | b'\'')) => out.push(c),
                        Some(b'x') => {
                            let hex =
                                std::str::from_utf8(b.get(i..i + 2).unwrap_or(b"")).unwrap_or("");
                            let v = u8::from_str_radix(hex, 16).map_err(|_| {
                                self.err_at(self.pos + i, "expected two hex digits after `\\x`")
                            })?;
                            out.push(v);
                            i += 2;
                        }
                        _ => {
                            return Err(self.err_at(
                                self.pos + i - 2,
                                "expected a byte escape (`\\n`, `\\xNN`, ...)",
                            ))
                        }
                    }
                    continue;
                }
                c => out.push(c),
            }
            i += 1;
        }
        Err(self.err_at(
            self.pos - 2,
            "expected `\"` to end the bytes, found the end of the line",
        ))
    }

    /// `<...>`: a builtin, a named host object, or an id.
    fn host(&mut self) -> Result<Const, ParseError> {
        let start = self.pos;
        let r = self.rest();
        let mut depth = 0;
        let mut end = None;
        for (i, ch) in r.char_indices() {
            match ch {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.ok_or_else(|| self.err("expected `>` to end the object name"))?;
        let text = &r[..=end];
        let inner = &r[1..end];
        self.pos += end + 1;
        let id = |s: &str| s.parse::<usize>().ok().map(HostId::new);
        if let Some((_, n)) = inner.rsplit_once(" #") {
            if let Some(h) = id(n) {
                return Ok(Const::Host(h));
            }
        }
        if let Some(h) = self.names.and_then(|n| n.lookup(text)) {
            return Ok(Const::Host(h));
        }
        if let Some(b) = Builtin::from_name(inner) {
            return Ok(Const::Builtin(b));
        }
        let last = inner.rsplit(' ').next().unwrap_or(inner);
        if let Some(h) = last.strip_prefix('h').and_then(id) {
            return Ok(Const::Host(h));
        }
        Err(self.err_at(
            start,
            format!("expected a builtin or a known object, found `{text}`"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::print_graph;

    fn round(text: &str) -> String {
        match parse_flow_graphs(text, None) {
            Ok(gs) => gs.iter().map(print_graph).collect(),
            Err(e) => format!("error {e}\n"),
        }
    }

    #[test]
    fn constants_round_trip() {
        let text = "graph f(v0_x)\n\
                    block0(v0_x):\n  \
                    v1 = simple_call(<len>, None, True, -3, 1.5, 1e100, -inf, NaN, \"a\\\"b\\n\\u{1b}:,)\", b\"\\x00\\\"\\\\ok\", (1, (2,), ()), <h4>)\n  \
                    switch v1:\n    \
                    \"a: b\": return(v1)\n    \
                    default: raise(<h3>, v0_x)\n";
        assert_eq!(round(text), text);
    }

    #[test]
    fn exception_switch_and_spans() {
        let text = "graph g.h(v0, v1_y)\n\
                    block0(v0, v1_y):\n  \
                    v2 = next(v0)\n  \
                    switch last_exception:\n    \
                    normal: block1(v1_y@3:5, v2@4:9, 7)\n    \
                    <h2> as (v3_etype, _): raise(v3_etype, None)\n\
                    block1(v4_y, v5, v6):\n  \
                    goto block1(v5, v4_y, v6)\n\
                    graph two()\n\
                    block0():\n  \
                    goto return(None)\n";
        let gs = parse_flow_graphs(text, None).unwrap();
        let l = &gs[0].blocks[gs[0].startblock].exits[0];
        assert_eq!(
            l.arg_spans
                .iter()
                .map(|s| (s.line, s.col))
                .collect::<Vec<_>>(),
            vec![(3, 5), (4, 9), (0, 0)]
        );
        let opts = crate::print::PrintOptions { arg_spans: true };
        let back: String = gs
            .iter()
            .map(|g| crate::print::print_graph_opts(g, &|c: &Const| c.to_string(), opts))
            .collect();
        assert_eq!(back, text);
    }

    #[test]
    fn errors() {
        let cases = [
            (
                "block0():\n",
                "error 1:1: expected a `graph NAME(...)` line\n",
            ),
            (
                "graph f()\nblock0():\n  v1 = frob(1)\n",
                "error 3:8: expected an operation name, found `frob`\n",
            ),
            (
                "graph f()\nblock0():\n  goto block7()\n",
                "error 1:1: block `block7` is used but never defined\n",
            ),
            (
                "graph f()\nblock0():\n  goto return(\"ab)\n",
                "error 3:15: expected `\"` to end the string, found the end of the line\n",
            ),
            (
                "graph f()\nblock0():\n  goto return(<nope>)\n",
                "error 3:15: expected a builtin or a known object, found `<nope>`\n",
            ),
            (
                "graph f()\nblock0():\n  goto return(1 2)\n",
                "error 3:16: expected `, `, found ` 2)`\n",
            ),
            (
                "graph f(v0)\nblock0():\n",
                "error 2:1: expected the start block to take the graph's parameters\n",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(round(text), want, "for {text:?}");
        }
    }
}
