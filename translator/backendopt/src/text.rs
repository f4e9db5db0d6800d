//! Text form of low-level programs: a printer and a parser that round-trip
//! (print -> parse -> print is the identity), for the passes' text-in /
//! text-out tests and `--dump-after`.
//!
//! Grammar (one item per line; blank lines and `#` comment lines are
//! skipped):
//! ```text
//! type TN NAME { FIELD: TYPE, ... }            GC types after the fixed ones,
//! type TN NAME { FIELD: TYPE, ... } [TYPE]     in id order (varsize: item type)
//! graph NAME(VAR:TYPE, ...) -> TYPE ! TYPE     result type, raised-value type
//! blockN(VAR:TYPE, ...):                       the first block is the start block
//!   VAR:TYPE = OP(VALUE, ...)
//!   goto TARGET(VALUE, ...)
//!   switch VAR:                                then `CASE: TARGET(...)` lines,
//!   switch last_exception:                     CASE a constant or `default`;
//!     normal: TARGET(...)                      or `normal` / `CONST as (X, X)`
//!     classes(5..=7) as (VAR:TYPE, _): TARGET(...)
//! ```
//! TARGET is `blockN`, `return` or `raise`. Graph `i` of the text is
//! `func{i}`. Constants print as `LlConst`'s `Display` does (`5`, `5u`,
//! `1.5`, `true`, `char(97)`, `unichar(97)`, `null(T5)`, `prebuilt3:T1`,
//! `func2`, `extern rpy_raise`, `.field`, `T5`, `classes(5..=7)`, `void`).
//!
//! The printer renumbers blocks (depth-first from the start block) and
//! variables (in order of first appearance) so that output does not depend
//! on how a pass allocated ids. Not in the text: spans, var hints, the
//! prebuilt-data table and class names.

use cranelift_entity::{EntityRef, SecondaryMap};
use rpy_flow::graph::{Block, Exitswitch, Graph, Link, Op, Value, Var};
use rpy_rtyper::{GcType, GcTypeId, Ll, LlConst, LlGraph, LlOp, LowType, TypeTable};
use rpy_syntax::Span;
use std::collections::HashMap;
use std::fmt::Write;

/// Print the types added after `TypeTable::new()` and every graph.
pub fn print_program(types: &TypeTable, graphs: &[LlGraph]) -> String {
    let mut out = String::new();
    let fixed = TypeTable::new().types.len();
    for (id, t) in types.types.iter() {
        if id.index() < fixed {
            continue;
        }
        let fields: Vec<String> = t
            .fields
            .iter()
            .map(|(n, ty)| format!("{n}: {ty}"))
            .collect();
        let _ = write!(out, "type {id} {} {{ {} }}", t.name, fields.join(", "));
        if let Some(item) = t.items {
            let _ = write!(out, " [{item}]");
        }
        out.push('\n');
    }
    for g in graphs {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&print_graph(g));
    }
    out
}

/// Print one graph (see the module docs).
pub fn print_graph(lg: &LlGraph) -> String {
    let g = &lg.graph;
    let order: Vec<Block> = g
        .reachable_blocks()
        .into_iter()
        .filter(|&b| b != g.returnblock && b != g.exceptblock)
        .collect();
    let bnames: HashMap<Block, String> = order
        .iter()
        .enumerate()
        .map(|(i, &b)| (b, format!("block{i}")))
        .collect();
    let mut p = Printer {
        lg,
        vnames: HashMap::new(),
        out: String::new(),
    };
    let params: Vec<String> = g.params().iter().map(|&v| p.def(v)).collect();
    let exc_t = lg.var_types[g.blocks[g.exceptblock].inputargs[1]];
    let _ = writeln!(
        p.out,
        "graph {}({}) -> {} ! {}",
        g.name,
        params.join(", "),
        lg.result_type,
        exc_t
    );
    for &b in &order {
        let bd = &g.blocks[b];
        let ins: Vec<String> = if b == g.startblock {
            bd.inputargs.iter().map(|&v| p.use_(v)).collect()
        } else {
            bd.inputargs.iter().map(|&v| p.def(v)).collect()
        };
        let _ = writeln!(p.out, "{}({}):", bnames[&b], ins.join(", "));
        for op in &bd.ops {
            let args: Vec<String> = op.args.iter().map(|a| p.value(a)).collect();
            let r = p.def(op.result);
            let _ = writeln!(p.out, "  {r} = {}({})", op.kind, args.join(", "));
        }
        let target = |p: &mut Printer, l: &Link<Ll>| {
            let name = if l.target == g.returnblock {
                "return".to_string()
            } else if l.target == g.exceptblock {
                "raise".to_string()
            } else {
                bnames[&l.target].clone()
            };
            let args: Vec<String> = l.args.iter().map(|a| p.value(a)).collect();
            format!("{name}({})", args.join(", "))
        };
        match &bd.exitswitch {
            Exitswitch::None => {
                if let Some(l) = bd.exits.first() {
                    let t = target(&mut p, l);
                    let _ = writeln!(p.out, "  goto {t}");
                }
            }
            Exitswitch::Value(v) => {
                let s = p.use_(*v);
                let _ = writeln!(p.out, "  switch {s}:");
                for l in &bd.exits {
                    let case = l
                        .exitcase
                        .as_ref()
                        .map_or("default".to_string(), |c| c.to_string());
                    let t = target(&mut p, l);
                    let _ = writeln!(p.out, "    {case}: {t}");
                }
            }
            Exitswitch::LastException => {
                let _ = writeln!(p.out, "  switch last_exception:");
                for (i, l) in bd.exits.iter().enumerate() {
                    let mut case = if i == 0 {
                        "normal".to_string()
                    } else {
                        l.exitcase
                            .as_ref()
                            .map_or("default".to_string(), |c| c.to_string())
                    };
                    if i > 0 && (l.last_exception.is_some() || l.last_exc_value.is_some()) {
                        let e = l.last_exception.map_or("_".to_string(), |v| p.def(v));
                        let x = l.last_exc_value.map_or("_".to_string(), |v| p.def(v));
                        case = format!("{case} as ({e}, {x})");
                    }
                    let t = target(&mut p, l);
                    let _ = writeln!(p.out, "    {case}: {t}");
                }
            }
        }
    }
    p.out
}

struct Printer<'a> {
    lg: &'a LlGraph,
    vnames: HashMap<Var, String>,
    out: String,
}

impl Printer<'_> {
    fn use_(&mut self, v: Var) -> String {
        let n = self.vnames.len();
        self.vnames
            .entry(v)
            .or_insert_with(|| format!("v{n}"))
            .clone()
    }
    fn def(&mut self, v: Var) -> String {
        format!("{}:{}", self.use_(v), self.lg.var_types[v])
    }
    fn value(&mut self, a: &Value<LlConst>) -> String {
        match a {
            Value::Var(v) => self.use_(*v),
            Value::Const(c) => c.to_string(),
        }
    }
}

/// A syntax error in program text: 1-based line, and what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parse a program: types (added to a fresh `TypeTable::new()`) and graphs.
pub fn parse_program(text: &str) -> Result<(TypeTable, Vec<LlGraph>), ParseError> {
    let mut types = TypeTable::new();
    let mut graphs = Vec::new();
    let mut cur: Option<GraphParser> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut c = Cursor {
            s: line,
            pos: 0,
            line: i + 1,
        };
        if c.eat("type ") {
            let id = c.word();
            let name = c.word().to_string();
            let want = format!("{}", GcTypeId::new(types.types.len()));
            if id != want {
                return Err(c.err(format!("expected type {want} next, found `{id}`")));
            }
            c.expect("{")?;
            let mut fields = Vec::new();
            while !c.eat("}") {
                let f = c.word().to_string();
                c.expect(":")?;
                let t = c.lowtype()?;
                fields.push((f, t));
                c.eat(",");
            }
            let items = if c.eat("[") {
                let t = c.lowtype()?;
                c.expect("]")?;
                Some(t)
            } else {
                None
            };
            types.types.push(GcType {
                name,
                fields,
                items,
            });
            continue;
        }
        if c.eat("graph ") {
            if let Some(g) = cur.take() {
                graphs.push(g.finish()?);
            }
            cur = Some(GraphParser::header(&mut c)?);
            continue;
        }
        match cur.as_mut() {
            Some(g) => g.line(&mut c)?,
            None => return Err(c.err("expected a `type` or `graph` line".into())),
        }
    }
    if let Some(g) = cur.take() {
        graphs.push(g.finish()?);
    }
    Ok((types, graphs))
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn skip_ws(&mut self) {
        while self.rest().starts_with(' ') {
            self.pos += 1;
        }
    }
    fn eat(&mut self, t: &str) -> bool {
        self.skip_ws();
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
            Err(self.err(format!("expected `{t}`, found `{}`", self.rest())))
        }
    }
    fn err(&self, message: String) -> ParseError {
        ParseError {
            line: self.line,
            message,
        }
    }
    /// A run of characters up to a space, comma, paren, bracket or colon
    /// (a colon is kept when followed by `T`, as in `prebuilt3:T1`).
    fn word(&mut self) -> &'a str {
        self.skip_ws();
        let r = self.rest();
        let b = r.as_bytes();
        let mut n = 0;
        while n < b.len() {
            match b[n] {
                b' ' | b',' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => break,
                b':' if !(b.get(n + 1) == Some(&b'T') && r.starts_with("prebuilt")) => break,
                _ => n += 1,
            }
        }
        self.pos += n;
        &r[..n]
    }
    fn number<T: std::str::FromStr>(&mut self) -> Result<T, ParseError> {
        let w = self.word();
        w.parse()
            .map_err(|_| self.err(format!("expected a number, found `{w}`")))
    }
    fn type_id(&mut self) -> Result<GcTypeId, ParseError> {
        let w = self.word();
        w.strip_prefix('T')
            .and_then(|d| d.parse::<usize>().ok())
            .map(GcTypeId::new)
            .ok_or_else(|| self.err(format!("expected a type `TN`, found `{w}`")))
    }
    fn lowtype(&mut self) -> Result<LowType, ParseError> {
        let w = self.word();
        Ok(match w {
            "Void" => LowType::Void,
            "Bool" => LowType::Bool,
            "Signed" => LowType::Signed,
            "Unsigned" => LowType::Unsigned,
            "Float" => LowType::Float,
            "Char" => LowType::Char,
            "UniChar" => LowType::UniChar,
            "Address" => LowType::Address,
            "Ptr" => {
                self.expect("(")?;
                let t = self.type_id()?;
                self.expect(")")?;
                LowType::Ptr(t)
            }
            _ => return Err(self.err(format!("expected a low-level type, found `{w}`"))),
        })
    }
    fn constant(&mut self) -> Result<LlConst, ParseError> {
        self.skip_ws();
        if self.eat("extern ") {
            return Ok(LlConst::Extern(self.word().to_string()));
        }
        if self.eat(".") {
            return Ok(LlConst::Field(self.word().to_string()));
        }
        let w = self.word();
        let paren = |c: &mut Self| -> Result<(), ParseError> { c.expect("(") };
        Ok(match w {
            "void" => LlConst::Void,
            "true" => LlConst::Bool(true),
            "false" => LlConst::Bool(false),
            "char" | "unichar" => {
                paren(self)?;
                let n: u32 = self.number()?;
                self.expect(")")?;
                if w == "char" {
                    LlConst::Char(n as u8)
                } else {
                    LlConst::UniChar(n)
                }
            }
            "null" => {
                paren(self)?;
                let t = self.type_id()?;
                self.expect(")")?;
                LlConst::Null(t)
            }
            "classes" => {
                paren(self)?;
                let w = self.word();
                let (a, b) = w
                    .split_once("..=")
                    .ok_or_else(|| self.err(format!("expected `A..=B`, found `{w}`")))?;
                let (a, b) = (
                    a.parse().map_err(|_| self.err("bad class range".into()))?,
                    b.parse().map_err(|_| self.err("bad class range".into()))?,
                );
                self.expect(")")?;
                LlConst::ClassRange(a, b)
            }
            _ if w.starts_with("prebuilt") => {
                let (i, t) = w["prebuilt".len()..]
                    .split_once(":T")
                    .ok_or_else(|| self.err(format!("bad prebuilt `{w}`")))?;
                let i = i
                    .parse()
                    .map_err(|_| self.err(format!("bad prebuilt `{w}`")))?;
                let t = t
                    .parse::<usize>()
                    .map_err(|_| self.err(format!("bad prebuilt `{w}`")))?;
                LlConst::Prebuilt(i, GcTypeId::new(t))
            }
            _ if w.starts_with("func") && w[4..].parse::<u32>().is_ok() => {
                LlConst::Func(w[4..].parse().expect("checked"))
            }
            _ if w.starts_with('T') && w[1..].parse::<usize>().is_ok() => {
                LlConst::Type(GcTypeId::new(w[1..].parse().expect("checked")))
            }
            _ if w.ends_with('u') && w[..w.len() - 1].parse::<u64>().is_ok() => {
                LlConst::Unsigned(w[..w.len() - 1].parse().expect("checked"))
            }
            _ if w.parse::<i64>().is_ok() => LlConst::Signed(w.parse().expect("checked")),
            _ if w.parse::<f64>().is_ok() => LlConst::Float(w.parse().expect("checked")),
            _ => return Err(self.err(format!("expected a constant, found `{w}`"))),
        })
    }
}

struct GraphParser {
    lg: LlGraph,
    vars: HashMap<String, Var>,
    blocks: HashMap<String, Block>,
    cur: Option<Block>,
    seen_first: bool,
}

impl GraphParser {
    fn header(c: &mut Cursor) -> Result<GraphParser, ParseError> {
        let open = c
            .rest()
            .find('(')
            .ok_or_else(|| c.err("expected `(` after the graph name".into()))?;
        let name = c.rest()[..open].trim().to_string();
        c.pos += open;
        let g: Graph<Ll> = Graph::new(name, Span::NONE);
        let mut p = GraphParser {
            lg: LlGraph {
                graph: g,
                var_types: SecondaryMap::new(),
                result_type: LowType::Void,
            },
            vars: HashMap::new(),
            blocks: HashMap::new(),
            cur: None,
            seen_first: false,
        };
        let params = p.def_list(c)?;
        c.expect("->")?;
        let rt = c.lowtype()?;
        c.expect("!")?;
        let et = c.lowtype()?;
        let g = &mut p.lg.graph;
        let start = g.startblock;
        g.blocks[start].inputargs = params;
        let r = g.blocks[g.returnblock].inputargs[0];
        let ex = g.blocks[g.exceptblock].inputargs.clone();
        p.lg.result_type = rt;
        p.lg.var_types[r] = rt;
        p.lg.var_types[ex[0]] = LowType::Signed;
        p.lg.var_types[ex[1]] = et;
        Ok(p)
    }

    fn var(&mut self, c: &mut Cursor) -> Result<Var, ParseError> {
        let w = c.word();
        if !(w.starts_with('v') && w.len() > 1 && w[1..].bytes().all(|b| b.is_ascii_digit())) {
            return Err(c.err(format!("expected a variable `vN`, found `{w}`")));
        }
        if let Some(&v) = self.vars.get(w) {
            return Ok(v);
        }
        let v = self.lg.graph.new_var(None);
        self.vars.insert(w.to_string(), v);
        Ok(v)
    }

    /// `VAR:TYPE`
    fn def(&mut self, c: &mut Cursor) -> Result<Var, ParseError> {
        let v = self.var(c)?;
        c.expect(":")?;
        self.lg.var_types[v] = c.lowtype()?;
        Ok(v)
    }

    fn def_list(&mut self, c: &mut Cursor) -> Result<Vec<Var>, ParseError> {
        c.expect("(")?;
        let mut vs = Vec::new();
        while !c.eat(")") {
            vs.push(self.def(c)?);
            c.eat(",");
        }
        Ok(vs)
    }

    fn value(&mut self, c: &mut Cursor) -> Result<Value<LlConst>, ParseError> {
        c.skip_ws();
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
        let b = self.lg.graph.new_block(vec![]);
        self.blocks.insert(name.to_string(), b);
        b
    }

    fn link(&mut self, c: &mut Cursor) -> Result<Link<Ll>, ParseError> {
        let name = c.word();
        let target = match name {
            "return" => self.lg.graph.returnblock,
            "raise" => self.lg.graph.exceptblock,
            n if n.starts_with("block") => self.block_ref(n),
            n => {
                return Err(c.err(format!(
                    "expected a block, `return` or `raise`, found `{n}`"
                )))
            }
        };
        c.expect("(")?;
        let mut args = Vec::new();
        while !c.eat(")") {
            args.push(self.value(c)?);
            c.eat(",");
        }
        Ok(Link::new(args, target))
    }

    fn cur(&self, c: &Cursor) -> Result<Block, ParseError> {
        self.cur
            .ok_or_else(|| c.err("expected a block header first".into()))
    }

    fn line(&mut self, c: &mut Cursor) -> Result<(), ParseError> {
        let r = c.rest();
        if r.starts_with("block") && r.ends_with(':') {
            let open = r.find('(').ok_or_else(|| c.err("expected `(`".into()))?;
            let name = r[..open].to_string();
            c.pos += open;
            let b = if !self.seen_first {
                self.seen_first = true;
                let s = self.lg.graph.startblock;
                self.blocks.insert(name, s);
                // The start block's inputs were declared in the header.
                let params = self.lg.graph.blocks[s].inputargs.clone();
                let uses = self.use_list(c)?;
                if uses != params {
                    return Err(c.err("the start block must take the graph's parameters".into()));
                }
                s
            } else {
                let b = self.block_ref(&name);
                let ins = self.def_list(c)?;
                self.lg.graph.blocks[b].inputargs = ins;
                b
            };
            self.cur = Some(b);
            return Ok(());
        }
        let b = self.cur(c)?;
        if c.eat("goto ") {
            let l = self.link(c)?;
            self.lg.graph.blocks[b].exits.push(l);
            return Ok(());
        }
        if c.eat("switch last_exception:") {
            self.lg.graph.blocks[b].exitswitch = Exitswitch::LastException;
            return Ok(());
        }
        if c.eat("switch ") {
            let v = self.var(c)?;
            c.expect(":")?;
            self.lg.graph.blocks[b].exitswitch = Exitswitch::Value(v);
            return Ok(());
        }
        if c.eat("normal:") {
            let l = self.link(c)?;
            self.lg.graph.blocks[b].exits.push(l);
            return Ok(());
        }
        if c.eat("default:") {
            let l = self.link(c)?;
            self.lg.graph.blocks[b].exits.push(l);
            return Ok(());
        }
        let b2 = c.rest().as_bytes();
        if b2.len() >= 2 && b2[0] == b'v' && b2[1].is_ascii_digit() {
            let result = self.def(c)?;
            c.expect("=")?;
            let w = c.word();
            let kind = LlOp::parse(w).ok_or_else(|| c.err(format!("unknown op `{w}`")))?;
            c.expect("(")?;
            let mut args = Vec::new();
            while !c.eat(")") {
                args.push(self.value(c)?);
                c.eat(",");
            }
            self.lg.graph.blocks[b].ops.push(Op {
                kind,
                args,
                result,
                span: Span::NONE,
            });
            return Ok(());
        }
        // A switch case: CONST [as (X, X)]: TARGET(...)
        let case = c.constant()?;
        let (mut le, mut lv) = (None, None);
        if c.eat("as") {
            c.expect("(")?;
            if !c.eat("_") {
                le = Some(self.def(c)?);
            }
            c.expect(",")?;
            if !c.eat("_") {
                lv = Some(self.def(c)?);
            }
            c.expect(")")?;
        }
        c.expect(":")?;
        let mut l = self.link(c)?;
        l.exitcase = Some(case);
        l.last_exception = le;
        l.last_exc_value = lv;
        self.lg.graph.blocks[b].exits.push(l);
        Ok(())
    }

    fn use_list(&mut self, c: &mut Cursor) -> Result<Vec<Var>, ParseError> {
        c.expect("(")?;
        let mut vs = Vec::new();
        while !c.eat(")") {
            vs.push(self.var(c)?);
            if c.eat(":") {
                c.lowtype()?;
            }
            c.eat(",");
        }
        Ok(vs)
    }

    fn finish(self) -> Result<LlGraph, ParseError> {
        Ok(self.lg)
    }
}

/// Runs one text test file, the form the backend passes and the GC
/// transform are tested in: a program, a `# expect:` line, then the
/// program as it must print after `transform` (given the input text, for
/// options in comments). The input must pass `check_graph` and survive
/// print -> parse -> print; the output must pass `check_graph`. With
/// `BLESS=1` in the environment a differing expectation is rewritten.
pub fn run_text_test(
    path: &std::path::Path,
    transform: impl FnOnce(&str, &TypeTable, &mut Vec<LlGraph>) -> Result<(), String>,
) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (input, expect) = match src.split_once("# expect:\n") {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (src.clone(), String::new()),
    };
    let (types, mut graphs) = parse_program(&input).map_err(|e| format!("input: {e}"))?;
    let check = |graphs: &[LlGraph], what: &str| -> Result<(), String> {
        for g in graphs {
            rpy_flow::check::check_graph(&g.graph)
                .map_err(|e| format!("{what} graph {} is malformed: {e:?}", g.graph.name))?;
        }
        Ok(())
    };
    check(&graphs, "input")?;
    let printed = print_program(&types, &graphs);
    let (t2, g2) = parse_program(&printed).map_err(|e| format!("reparse: {e}\n{printed}"))?;
    let again = print_program(&t2, &g2);
    if again != printed {
        return Err(format!(
            "print/parse/print is not the identity:\n{printed}\n---\n{again}"
        ));
    }
    transform(&input, &types, &mut graphs)?;
    check(&graphs, "output")?;
    let out = print_program(&types, &graphs);
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
