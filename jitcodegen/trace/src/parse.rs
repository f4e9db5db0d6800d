//! Parsing the trace text form (see `print.rs` for the grammar by example).
//!
//! Lines: blank lines and lines starting with `#` are skipped; `descr <...>`
//! lines declare descriptors before the input arguments; then one `[...]`
//! line of input arguments; then one op per line. Names are a kind letter
//! (`i`, `p`, `f`) and a number, defined once; the parsed trace numbers its
//! vars by position, so printing it renames them. A guard without
//! `descr=<resume N>` gets its ordinal among the trace's guards.

use std::collections::HashMap;

use rpy_jitformat::{DescrRef, Descrs, Kind};

use crate::cursor::{Cursor, ParseError};
use crate::descr_text::{parse_descr, resolve_effects, PendingEffects};
use crate::model::{Const, FailArg, GuardData, Op, OpDescr, ResumeId, TargetToken, Trace, Value};
use crate::resop::OpCode;

/// Parse one trace, interning its descriptors into `descrs`.
pub fn parse_trace(text: &str, descrs: &mut Descrs) -> Result<Trace, ParseError> {
    let mut p = Parser {
        descrs,
        pending: Vec::new(),
        names: HashMap::new(),
        trace: Trace::default(),
        have_inputargs: false,
        guards: 0,
    };
    let mut last_line = 0;
    for (n, line) in text.lines().enumerate() {
        last_line = n + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut c = Cursor::new(line, n + 1);
        p.line(&mut c)?;
        if !c.at_end() {
            return Err(c.error("unexpected text at the end of the line"));
        }
    }
    if !p.have_inputargs {
        return Err(ParseError {
            line: last_line.max(1),
            col: 1,
            msg: "no input arguments line `[...]`".into(),
        });
    }
    let map = resolve_effects(p.descrs, std::mem::take(&mut p.pending))?;
    for op in &mut p.trace.ops {
        if let OpDescr::Descr(DescrRef::Call(c)) = &mut op.descr {
            *c = map[*c as usize];
        }
    }
    Ok(p.trace)
}

struct Parser<'a> {
    descrs: &'a mut Descrs,
    pending: Vec<PendingEffects>,
    names: HashMap<String, Value>,
    trace: Trace,
    have_inputargs: bool,
    guards: u32,
}

fn name_kind(name: &str) -> Option<Kind> {
    let mut chars = name.chars();
    let kind = match chars.next()? {
        'i' => Kind::Int,
        'p' => Kind::Ref,
        'f' => Kind::Float,
        _ => return None,
    };
    let rest = chars.as_str();
    (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())).then_some(kind)
}

impl<'a> Parser<'a> {
    fn line(&mut self, c: &mut Cursor) -> Result<(), ParseError> {
        if c.peek() == Some('[') {
            if self.have_inputargs {
                return Err(c.error("a second input arguments line"));
            }
            c.expect("[")?;
            if !c.eat("]") {
                loop {
                    let at = c.error("");
                    let name = c.word();
                    let kind = name_kind(name).ok_or_else(|| ParseError {
                        msg: format!("bad input argument name `{name}`"),
                        ..at.clone()
                    })?;
                    let var = self.trace.inputarg(self.trace.inputargs.len());
                    self.trace.inputargs.push(kind);
                    self.define(name, Value::Var(var), at)?;
                    if c.eat("]") {
                        break;
                    }
                    c.expect(",")?;
                }
            }
            self.have_inputargs = true;
            return Ok(());
        }
        let at = c.error("");
        let first = c.word();
        if first == "descr" && !self.have_inputargs {
            c.expect("<")?;
            parse_descr(c, self.descrs, &mut self.pending)?;
            return Ok(());
        }
        if !self.have_inputargs {
            return Err(ParseError {
                msg: "expected the input arguments line `[...]` first".into(),
                ..at
            });
        }
        let (result_name, opname, op_at) = if c.eat("=") {
            let op_at = c.error("");
            (Some((first.to_string(), at)), c.word(), op_at)
        } else {
            (None, first, at)
        };
        let opcode = OpCode::parse(opname).ok_or_else(|| ParseError {
            msg: format!("unknown operation `{opname}`"),
            ..op_at.clone()
        })?;
        let mut op = Op::new(opcode, Vec::new(), OpDescr::None);
        let mut resume = None;
        c.expect("(")?;
        if !c.eat(")") {
            loop {
                if c.eat("descr=") {
                    c.expect("<")?;
                    self.op_descr(c, &mut op, &mut resume)?;
                } else if c.peek() == Some('"') {
                    op.descr = OpDescr::Text(c.string()?.into());
                } else {
                    let v = self.value(c)?;
                    op.args.push(v);
                }
                if c.eat(")") {
                    break;
                }
                c.expect(",")?;
            }
        }
        if opcode.is_guard() {
            let mut fail_args = Vec::new();
            c.expect("[")?;
            if !c.eat("]") {
                loop {
                    fail_args.push(FailArg::Value(self.value(c)?));
                    if c.eat("]") {
                        break;
                    }
                    c.expect(",")?;
                }
            }
            let resume = resume.unwrap_or(ResumeId(self.guards));
            self.guards += 1;
            op.guard = Some(Box::new(GuardData { fail_args, resume }));
        } else if resume.is_some() {
            return Err(ParseError {
                msg: "only guards have a resume descr".into(),
                ..op_at
            });
        }
        let var = self.trace.op_var(self.trace.ops.len());
        let kind = opcode.result_kind();
        match result_name {
            Some((name, at)) => {
                if kind == Kind::Void {
                    return Err(ParseError {
                        msg: format!("`{opname}` has no result"),
                        ..at
                    });
                }
                if name_kind(&name) != Some(kind) {
                    let want = crate::print::kind_prefix(kind);
                    return Err(ParseError {
                        msg: format!(
                            "`{opname}` gives a {kind:?}: name it `{want}N`, not `{name}`"
                        ),
                        ..at
                    });
                }
                self.define(&name, Value::Var(var), at)?;
            }
            None if kind != Kind::Void => {
                return Err(ParseError {
                    msg: format!("`{opname}` has a result: write `x = {opname}(...)`"),
                    ..op_at
                });
            }
            None => {}
        }
        self.trace.ops.push(op);
        Ok(())
    }

    fn define(&mut self, name: &str, v: Value, at: ParseError) -> Result<(), ParseError> {
        if self.names.insert(name.to_string(), v).is_some() {
            return Err(ParseError {
                msg: format!("`{name}` is defined twice"),
                ..at
            });
        }
        Ok(())
    }

    fn op_descr(
        &mut self,
        c: &mut Cursor,
        op: &mut Op,
        resume: &mut Option<ResumeId>,
    ) -> Result<(), ParseError> {
        let save = c.error("");
        if c.eat("loop") {
            let t = c.uint()?;
            c.expect(">")?;
            op.descr = OpDescr::Target(TargetToken(t));
        } else if c.eat("resume") {
            let r = c.uint()?;
            c.expect(">")?;
            *resume = Some(ResumeId(r));
        } else {
            let d = parse_descr(c, self.descrs, &mut self.pending).map_err(|e| {
                if e.msg.is_empty() {
                    save
                } else {
                    e
                }
            })?;
            op.descr = OpDescr::Descr(d);
        }
        Ok(())
    }

    /// A name or a constant.
    fn value(&mut self, c: &mut Cursor) -> Result<Value, ParseError> {
        let at = c.error("");
        if c.eat("ConstPtr(") {
            let p = c.int()?;
            c.expect(")")?;
            return Ok(Value::Const(Const::Ref(p as u64 as usize)));
        }
        c.skip_ws();
        let r = c.rest();
        let n = r
            .find(|ch: char| {
                !(ch.is_alphanumeric() || ch == '.' || ch == '-' || ch == '+' || ch == '_')
            })
            .unwrap_or(r.len());
        let tok = &r[..n];
        if tok.is_empty() {
            return Err(ParseError {
                msg: "expected a value".into(),
                ..at
            });
        }
        if let Some(&v) = self.names.get(tok) {
            c.advance(tok.len());
            return Ok(v);
        }
        if name_kind(tok).is_some() {
            return Err(ParseError {
                msg: format!("`{tok}` is not defined before this use"),
                ..at
            });
        }
        let v = match tok {
            "NULL" => Const::Ref(0),
            "nan" => Const::Float(f64::NAN),
            "inf" => Const::Float(f64::INFINITY),
            "-inf" => Const::Float(f64::NEG_INFINITY),
            _ if tok.contains(['.', 'e']) && !tok.starts_with("0x") && !tok.starts_with("-0x") => {
                Const::Float(tok.parse().map_err(|_| ParseError {
                    msg: format!("bad float `{tok}`"),
                    ..at.clone()
                })?)
            }
            _ => {
                let mut sub = Cursor::new(tok, at.line);
                let i = sub.int().ok().filter(|_| sub.at_end());
                Const::Int(i.ok_or_else(|| ParseError {
                    msg: format!("bad value `{tok}`"),
                    ..at.clone()
                })?)
            }
        };
        c.advance(tok.len());
        Ok(Value::Const(v))
    }
}
