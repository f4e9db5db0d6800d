//! Number formatting with CPython's exact text: `repr(float)` / `str(float)`
//! and `str(int)`.
//!
//! Float repr algorithm (CPython's `float_repr_style = 'short'`):
//! 1. `nan`, `inf`, `-inf` are spelled out.
//! 2. Otherwise take the shortest digit string that reads back to the same
//!    double (Rust's `{:e}` formatting yields exactly that) and its decimal
//!    exponent `e` (value = d.ddd × 10^e).
//! 3. If `e < -4` or `e >= 16`, print scientific: `d.ddde±XX` (the `.ddd`
//!    only when there is more than one digit, at least two exponent digits,
//!    the sign always).
//! 4. Else print positional with at least one digit after the point:
//!    `1.0`, `0.0001`, `123456789012345.0`.

/// `repr(x)` for a float, byte for byte as CPython prints it.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return out;
    }
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
        return out;
    }
    let decpt = exp + 1; // digits before the point
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', decpt - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

/// Python 2's `str(x)` for a float: `'%.12g'` (12 significant digits, no
/// trailing zeros) with `.0` added to a positional integral result:
/// `0.333333333333`, `1e+16`, `1.23456789012e+11`, `3.0`. As CPython's
/// `format_float_short` with `Py_DTSF_ADD_DOT_0`, the exponent form starts
/// one digit earlier than `%g`'s (at 1e+11).
pub fn float_str_py2(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return out;
    }
    let sci = format!("{:.11e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if !(-4..11).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
        return out;
    }
    let decpt = exp + 1;
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(digits);
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', decpt - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

/// `str(n)` for an int.
pub fn int_str(n: i64) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line of the table: the double's bits in hex, then CPython 3's
    /// `repr()` of it (generated once with python3).
    const TABLE: &str = include_str!("../testdata/float_repr.txt");

    #[test]
    fn float_repr_matches_cpython_table() {
        let mut mismatches = Vec::new();
        let mut n = 0;
        for line in TABLE.lines() {
            let (bits, want) = line.split_once(' ').expect("table line");
            let x = f64::from_bits(u64::from_str_radix(bits, 16).expect("hex bits"));
            let got = float_repr(x);
            if got != want {
                mismatches.push(format!("{bits}: got {got}, want {want}"));
            }
            n += 1;
        }
        assert_eq!(mismatches, Vec::<String>::new());
        assert_eq!(n, 300);
    }

    #[test]
    fn float_str_py2_matches_cpython27() {
        for (x, s) in [
            (1.0 / 3.0, "0.333333333333"),
            (1e16, "1e+16"),
            (123456789012.5, "1.23456789012e+11"),
            (1e-5, "1e-05"),
            (0.1, "0.1"),
            (2f64.powi(60), "1.15292150461e+18"),
            (3.0, "3.0"),
            (-2.5, "-2.5"),
            (100000000000.0, "1e+11"),
            (99999999999.0, "99999999999.0"),
            (12345678901.0, "12345678901.0"),
            (0.00001234, "1.234e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(float_str_py2(x), s, "{x}");
        }
    }

    #[test]
    fn float_repr_specials() {
        let got: Vec<String> = [
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            1e16,
            1.5e-5,
            -2.5e100,
            0.0001,
        ]
        .iter()
        .map(|&x| float_repr(x))
        .collect();
        assert_eq!(
            got,
            [
                "nan",
                "nan",
                "inf",
                "-inf",
                "-0.0",
                "1e+16",
                "1.5e-05",
                "-2.5e+100",
                "0.0001"
            ]
        );
    }

    #[test]
    fn int_str_extremes() {
        assert_eq!(
            [int_str(0), int_str(-42), int_str(i64::MIN)],
            ["0", "-42", "-9223372036854775808"]
        );
    }
}
