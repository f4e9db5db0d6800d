//! PEP 263 source encodings: `# -*- coding: iso-8859-1 -*-` on the first
//! or second line. UTF-8 (the default) and Latin-1 are supported; a
//! Latin-1 file is read byte for byte (RPython's `rmd5.py` is one), and
//! in py2 its plain string literals hold those bytes.

/// The source encodings the toolchain reads.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Latin1,
}

/// The encoding named by a coding declaration in the first two lines of
/// `src`, `Ok(None)` without one, `Err(name)` for an unsupported one.
pub fn declared(src: &[u8]) -> Result<Option<SourceEncoding>, String> {
    for line in src.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let t = line.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            // Only a comment line may declare it, and a first line of code
            // ends the search.
            if t.trim().is_empty() {
                continue;
            }
            return Ok(None);
        }
        let Some(at) = t.find("coding") else { continue };
        let rest = &t[at + "coding".len()..];
        let Some(rest) = rest.strip_prefix([':', '=']) else {
            continue;
        };
        let name: String = rest
            .trim_start_matches([' ', '\t'])
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        let norm = name.to_ascii_lowercase().replace('_', "-");
        return match norm.as_str() {
            "utf-8" | "utf8" | "utf-8-sig" => Ok(Some(SourceEncoding::Utf8)),
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "cp819" | "iso-latin-1" => {
                Ok(Some(SourceEncoding::Latin1))
            }
            _ => Err(name),
        };
    }
    Ok(None)
}

/// The text of a source file: its bytes decoded as its coding declaration
/// says (UTF-8 without one).
pub fn decode(src: &[u8]) -> Result<String, String> {
    match declared(src) {
        Ok(Some(SourceEncoding::Latin1)) => Ok(src.iter().map(|&b| b as char).collect()),
        Ok(_) => String::from_utf8(src.to_vec())
            .map_err(|_| "it is not valid UTF-8 (declare another encoding with `# -*- coding: latin-1 -*-`)".to_string()),
        Err(name) => Err(format!(
            "its coding declaration names `{name}`; the supported source encodings are UTF-8 and Latin-1"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        assert_eq!(
            declared(b"# -*- coding: iso-8859-1 -*-\nx"),
            Ok(Some(SourceEncoding::Latin1))
        );
        assert_eq!(
            declared(b"#!/usr/bin/env python\n# vim: set fileencoding=utf-8 :\n"),
            Ok(Some(SourceEncoding::Utf8))
        );
        assert_eq!(declared(b"x = 1\n# coding: latin-1\n"), Ok(None));
        assert_eq!(declared(b"# coding: koi8-r\n"), Err("koi8-r".to_string()));
        assert_eq!(
            decode(b"# coding: latin-1\ns = '\xe9'\n").unwrap(),
            "# coding: latin-1\ns = '\u{e9}'\n"
        );
        assert!(decode(b"s = '\xe9'\n").is_err());
    }
}
