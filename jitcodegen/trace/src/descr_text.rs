//! Descriptors in trace text, printed in full so a trace's text carries its
//! own descriptor table:
//!
//! ```text
//! <field Node.x +8 i8>                       offset, kind letter and size
//! <field Node.flag +16 u1 immutable>         `u`: unsigned int
//! <field Frame.pc +24 i8 vable=0>
//! <array List.items type=3 len+8 items+16 r8>   (`base=N` if not items+)
//! <size Node type=5 24>
//! <call ll_append ir:v raise collect wf=(Node.x) wa=(List.items)>
//! ```
//!
//! A call's signature is argument letters `:` result (`u1` etc. for a
//! narrowed int result); its flags are `raise collect elidable
//! loopinvariant reads_all writes_all`, `wf=(...)`/`wa=(...)` the fields
//! and arrays it may write, by name (declared elsewhere in the text, or in
//! a `descr` header line). Parsing interns into a `Descrs` table: an equal
//! descriptor already there is reused.

use std::fmt::Write;

use rpy_jitformat::{
    ArrayDescr, CallDescr, DescrRef, Descrs, EffectInfo, FieldDescr, Kind, SizeDescr, Width,
};

use crate::cursor::{is_word_char, Cursor, ParseError};

pub fn write_name(out: &mut String, name: &str, force_quotes: bool) {
    if !force_quotes && !name.is_empty() && name.chars().all(is_word_char) {
        out.push_str(name);
        return;
    }
    out.push('"');
    for c in name.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

fn write_width(out: &mut String, kind: Kind, width: Width) {
    let letter = match kind {
        Kind::Int if !width.signed && width.size < 8 => 'u',
        k => k.letter(),
    };
    write!(out, "{letter}{}", width.size).unwrap();
}

pub fn write_descr(out: &mut String, descrs: &Descrs, d: DescrRef) {
    match d {
        DescrRef::Field(i) => match descrs.fields.get(i as usize) {
            Some(f) => {
                out.push_str("<field ");
                write_name(out, &f.name, false);
                write!(out, " +{} ", f.offset).unwrap();
                write_width(out, f.kind, f.width);
                if f.immutable {
                    out.push_str(" immutable");
                }
                if let Some(v) = f.virtualizable {
                    write!(out, " vable={v}").unwrap();
                }
                out.push('>');
            }
            None => write!(out, "<field #{i}?>").unwrap(),
        },
        DescrRef::Array(i) => match descrs.arrays.get(i as usize) {
            Some(a) => {
                out.push_str("<array ");
                write_name(out, &a.name, false);
                write!(out, " type={}", a.type_id).unwrap();
                if a.base_size != a.items_offset {
                    write!(out, " base={}", a.base_size).unwrap();
                }
                write!(out, " len+{} items+{} ", a.length_offset, a.items_offset).unwrap();
                write_width(out, a.item_kind, a.item);
                if a.immutable_items {
                    out.push_str(" immutable");
                }
                out.push('>');
            }
            None => write!(out, "<array #{i}?>").unwrap(),
        },
        DescrRef::Size(i) => match descrs.sizes.get(i as usize) {
            Some(s) => {
                out.push_str("<size ");
                write_name(out, &s.name, false);
                write!(out, " type={} {}>", s.type_id, s.size).unwrap();
            }
            None => write!(out, "<size #{i}?>").unwrap(),
        },
        DescrRef::Call(i) => match descrs.calls.get(i as usize) {
            Some(c) => {
                out.push_str("<call ");
                write_name(out, &c.name, false);
                out.push(' ');
                for k in &c.args {
                    out.push(k.letter());
                }
                out.push(':');
                if c.result == Kind::Int && c.result_width != Width::WORD {
                    write_width(out, Kind::Int, c.result_width);
                } else {
                    out.push(c.result.letter());
                }
                let e = &c.effect;
                for (on, word) in [
                    (e.can_raise, "raise"),
                    (e.can_collect, "collect"),
                    (e.elidable, "elidable"),
                    (e.loop_invariant, "loopinvariant"),
                    (e.reads_everything, "reads_all"),
                    (e.writes_everything, "writes_all"),
                ] {
                    if on {
                        out.push(' ');
                        out.push_str(word);
                    }
                }
                let list = |out: &mut String, tag: &str, names: Vec<&str>| {
                    if names.is_empty() {
                        return;
                    }
                    write!(out, " {tag}=(").unwrap();
                    for (k, n) in names.into_iter().enumerate() {
                        if k > 0 {
                            out.push_str(", ");
                        }
                        write_name(out, n, false);
                    }
                    out.push(')');
                };
                let field_name = |f: &u32| {
                    descrs
                        .fields
                        .get(*f as usize)
                        .map_or("?", |d| d.name.as_str())
                };
                let array_name = |a: &u32| {
                    descrs
                        .arrays
                        .get(*a as usize)
                        .map_or("?", |d| d.name.as_str())
                };
                list(out, "wf", e.write_fields.iter().map(field_name).collect());
                list(out, "wa", e.write_arrays.iter().map(array_name).collect());
                out.push('>');
            }
            None => write!(out, "<call #{i}?>").unwrap(),
        },
    }
}

/// A width like `i8`, `u1`, `r8`, `f8`.
fn parse_width(c: &mut Cursor) -> Result<(Kind, Width), ParseError> {
    let at = c.error("expected a width such as i8, u1, r8 or f8");
    let w = c.word();
    let mut chars = w.chars();
    let (kind, signed) = match chars.next() {
        Some('i') => (Kind::Int, true),
        Some('u') => (Kind::Int, false),
        Some('r') => (Kind::Ref, true),
        Some('f') => (Kind::Float, true),
        _ => return Err(at),
    };
    let size: u8 = match chars.as_str() {
        "1" => 1,
        "2" => 2,
        "4" => 4,
        "8" => 8,
        _ => return Err(at),
    };
    Ok((kind, Width { size, signed }))
}

fn parse_offset(c: &mut Cursor, tag: &str) -> Result<u32, ParseError> {
    c.expect(tag)?;
    c.expect("+")?;
    c.uint()
}

fn intern<T: PartialEq>(table: &mut Vec<T>, item: T) -> u32 {
    match table.iter().position(|x| *x == item) {
        Some(i) => i as u32,
        None => {
            table.push(item);
            (table.len() - 1) as u32
        }
    }
}

fn lookup(names: impl Iterator<Item = String>, name: &str) -> Option<u32> {
    names
        .enumerate()
        .find(|(_, n)| n == name)
        .map(|(i, _)| i as u32)
}

/// Call effects name fields and arrays that may be declared later in the
/// text: the parser resolves them once the whole text is read.
pub struct PendingEffects {
    pub call: u32,
    pub fields: Vec<(String, ParseError)>,
    pub arrays: Vec<(String, ParseError)>,
}

/// Parse a descriptor after its `<` and up to and including its `>`.
pub fn parse_descr(
    c: &mut Cursor,
    descrs: &mut Descrs,
    pending: &mut Vec<PendingEffects>,
) -> Result<DescrRef, ParseError> {
    let at = c.error("");
    let tag = c.word();
    let d = match tag {
        "field" => {
            let name = c.name()?;
            c.expect("+")?;
            let offset = c.uint()?;
            let (kind, width) = parse_width(c)?;
            let mut f = FieldDescr {
                name,
                offset,
                width,
                kind,
                immutable: false,
                virtualizable: None,
            };
            loop {
                if c.eat("immutable") {
                    f.immutable = true;
                } else if c.eat("vable=") {
                    f.virtualizable = Some(c.uint()?);
                } else {
                    break;
                }
            }
            DescrRef::Field(intern(&mut descrs.fields, f))
        }
        "array" => {
            let name = c.name()?;
            c.expect("type=")?;
            let type_id = c.uint()?;
            let base = if c.eat("base=") {
                Some(c.uint()?)
            } else {
                None
            };
            let length_offset = parse_offset(c, "len")?;
            let items_offset = parse_offset(c, "items")?;
            let (item_kind, item) = parse_width(c)?;
            let immutable_items = c.eat("immutable");
            let a = ArrayDescr {
                name,
                type_id,
                base_size: base.unwrap_or(items_offset),
                length_offset,
                items_offset,
                item,
                item_kind,
                immutable_items,
            };
            DescrRef::Array(intern(&mut descrs.arrays, a))
        }
        "size" => {
            let name = c.name()?;
            c.expect("type=")?;
            let type_id = c.uint()?;
            let size = c.uint()?;
            DescrRef::Size(intern(
                &mut descrs.sizes,
                SizeDescr {
                    name,
                    type_id,
                    size,
                },
            ))
        }
        "call" => {
            let name = c.name()?;
            let sig_at = c.error("expected a signature such as `ir:i`");
            let letters = c.word();
            let mut args = Vec::new();
            for ch in letters.chars() {
                match Kind::from_letter(ch) {
                    Some(k) if k != Kind::Void => args.push(k),
                    _ => return Err(sig_at),
                }
            }
            c.expect(":")?;
            let (result, result_width) = if c.eat("v") {
                (Kind::Void, Width::WORD)
            } else {
                let r = c.rest();
                let narrowed = r.len() >= 2 && r.as_bytes()[1].is_ascii_digit();
                if narrowed {
                    parse_width(c)?
                } else if c.eat("i") {
                    (Kind::Int, Width::WORD)
                } else if c.eat("r") {
                    (Kind::Ref, Width::WORD)
                } else if c.eat("f") {
                    (Kind::Float, Width::WORD)
                } else {
                    return Err(c.error("expected a result kind"));
                }
            };
            let mut effect = EffectInfo::default();
            let mut wf = Vec::new();
            let mut wa = Vec::new();
            loop {
                if c.peek() == Some('>') {
                    break;
                }
                let flag_at = c.error("");
                let w = c.word();
                match w {
                    "raise" => effect.can_raise = true,
                    "collect" => effect.can_collect = true,
                    "elidable" => effect.elidable = true,
                    "loopinvariant" => effect.loop_invariant = true,
                    "reads_all" => effect.reads_everything = true,
                    "writes_all" => effect.writes_everything = true,
                    "wf" | "wa" => {
                        c.expect("=")?;
                        c.expect("(")?;
                        let list = if w == "wf" { &mut wf } else { &mut wa };
                        if !c.eat(")") {
                            loop {
                                let at = c.error("");
                                let n = c.name()?;
                                list.push((n, at));
                                if c.eat(")") {
                                    break;
                                }
                                c.expect(",")?;
                            }
                        }
                    }
                    _ => {
                        return Err(ParseError {
                            msg: format!("unknown call flag `{w}`"),
                            ..flag_at
                        })
                    }
                }
            }
            let call = CallDescr {
                name,
                args,
                result,
                result_width,
                effect,
            };
            let index = descrs.calls.len() as u32;
            descrs.calls.push(call);
            pending.push(PendingEffects {
                call: index,
                fields: wf,
                arrays: wa,
            });
            DescrRef::Call(index)
        }
        _ => {
            return Err(ParseError {
                msg: format!("unknown descriptor `{tag}` (field, array, size, call, loop, resume)"),
                ..at
            })
        }
    };
    c.expect(">")?;
    Ok(d)
}

/// Resolve the names in call effects and merge calls that came out equal.
/// Returns a renumbering of call descriptors (old index -> kept index).
pub fn resolve_effects(
    descrs: &mut Descrs,
    pending: Vec<PendingEffects>,
) -> Result<Vec<u32>, ParseError> {
    for p in pending {
        let mut fields = Vec::new();
        for (n, at) in p.fields {
            match lookup(descrs.fields.iter().map(|f| f.name.clone()), &n) {
                Some(i) => fields.push(i),
                None => {
                    return Err(ParseError {
                        msg: format!("unknown field `{n}` (declare it: descr <field ...>)"),
                        ..at
                    })
                }
            }
        }
        let mut arrays = Vec::new();
        for (n, at) in p.arrays {
            match lookup(descrs.arrays.iter().map(|a| a.name.clone()), &n) {
                Some(i) => arrays.push(i),
                None => {
                    return Err(ParseError {
                        msg: format!("unknown array `{n}` (declare it: descr <array ...>)"),
                        ..at
                    })
                }
            }
        }
        let e = &mut descrs.calls[p.call as usize].effect;
        e.write_fields = fields;
        e.write_arrays = arrays;
    }
    // Intern calls now that they are complete.
    let mut map = Vec::with_capacity(descrs.calls.len());
    let mut kept: Vec<CallDescr> = Vec::new();
    for c in std::mem::take(&mut descrs.calls) {
        map.push(intern(&mut kept, c));
    }
    descrs.calls = kept;
    Ok(map)
}
