//! Arithmetic with Python semantics that generated code does not inline:
//! integer and float power, float modulo and floor division, float to int.
//!
//! Deliberate differences from CPython, which has big ints and complex
//! numbers: `int ** negative` raises `ValueError("negative exponent")`
//! (CPython returns a float; RPython ints stay ints), an int result beyond
//! i64 raises `OverflowError("integer overflow")`, a negative float raised
//! to a fractional power raises `ValueError` (CPython returns a complex),
//! and `int(x)` of a float beyond i64 raises `OverflowError`.

use crate::exc::{or_raise, ExcKind, RtError};

/// `a ** b` on ints.
pub fn int_pow(mut base: i64, mut exp: i64) -> Result<i64, RtError> {
    if exp < 0 {
        return Err(RtError::new(ExcKind::ValueError, "negative exponent"));
    }
    let overflow = || RtError::new(ExcKind::OverflowError, "integer overflow");
    let mut result: i64 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result.checked_mul(base).ok_or_else(overflow)?;
        }
        exp >>= 1;
        if exp > 0 {
            // Squaring overflows only when the final result would too.
            base = base.checked_mul(base).ok_or_else(overflow)?;
        }
    }
    Ok(result)
}

fn is_odd_integer(y: f64) -> bool {
    (y.abs() % 2.0) == 1.0
}

/// `x ** y` on floats, following CPython's `float_pow` case by case.
pub fn float_pow(x: f64, y: f64) -> Result<f64, RtError> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(RtError::new(
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut negate = false;
    let mut ax = x;
    if x < 0.0 {
        if y != y.floor() {
            return Err(RtError::new(
                ExcKind::ValueError,
                "negative number cannot be raised to a fractional power",
            ));
        }
        ax = -x;
        negate = is_odd_integer(y);
    }
    if ax == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = ax.powf(y);
    if r.is_infinite() {
        return Err(RtError::new(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(if negate { -r } else { r })
}

/// `x % y` on floats: the result has the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> Result<f64, RtError> {
    if y == 0.0 {
        return Err(RtError::new(ExcKind::ZeroDivisionError, "float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    })
}

/// `x // y` on floats (CPython's `_float_div_mod`).
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, RtError> {
    if y == 0.0 {
        return Err(RtError::new(
            ExcKind::ZeroDivisionError,
            "float floor division by zero",
        ));
    }
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    Ok(if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    })
}

/// `int(x)` for a float: truncation toward zero.
pub fn float_to_int(x: f64) -> Result<i64, RtError> {
    if x.is_nan() {
        return Err(RtError::new(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if x.is_infinite() {
        return Err(RtError::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    let two_63 = -(i64::MIN as f64);
    if !(-two_63..two_63).contains(&t) {
        return Err(RtError::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    Ok(t as i64)
}

#[no_mangle]
pub extern "C" fn rpy_int_pow(a: i64, b: i64) -> i64 {
    or_raise(int_pow(a, b), 0)
}

#[no_mangle]
pub extern "C" fn rpy_float_pow(x: f64, y: f64) -> f64 {
    or_raise(float_pow(x, y), 0.0)
}

#[no_mangle]
pub extern "C" fn rpy_float_mod(x: f64, y: f64) -> f64 {
    or_raise(float_mod(x, y), 0.0)
}

#[no_mangle]
pub extern "C" fn rpy_float_floordiv(x: f64, y: f64) -> f64 {
    or_raise(float_floordiv(x, y), 0.0)
}

#[no_mangle]
pub extern "C" fn rpy_float_to_int(x: f64) -> i64 {
    or_raise(float_to_int(x), 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::float_repr;

    fn show_f(r: Result<f64, RtError>) -> String {
        r.map(float_repr).unwrap_or_else(|e| e.describe())
    }

    fn show_i(r: Result<i64, RtError>) -> String {
        r.map(|v| v.to_string()).unwrap_or_else(|e| e.describe())
    }

    /// Each line: `op x y|expected` where expected is python3's repr of
    /// the result or `ClassName: message` (generated once with python3).
    const CASES: &str = include_str!("../testdata/arith.txt");

    #[test]
    fn float_ops_match_cpython_table() {
        let mut bad = Vec::new();
        for line in CASES.lines() {
            let (call, want) = line.split_once('|').unwrap();
            let parts: Vec<&str> = call.split(' ').collect();
            let x: f64 = parts[1].parse().unwrap();
            let got = match parts[0] {
                "pow" => show_f(float_pow(x, parts[2].parse().unwrap())),
                "mod" => show_f(float_mod(x, parts[2].parse().unwrap())),
                "floordiv" => show_f(float_floordiv(x, parts[2].parse().unwrap())),
                "toint" => show_i(float_to_int(x)),
                op => panic!("unknown op {op} in table"),
            };
            if got != want {
                bad.push(format!("{call}: got {got}, want {want}"));
            }
        }
        assert_eq!(bad, Vec::<String>::new());
    }

    #[test]
    fn int_pow_cases() {
        let got: Vec<String> = [
            (2, 10),
            (-3, 3),
            (0, 0),
            (7, 0),
            (-1, i64::MAX),
            (2, 62),
            (2, 63),
            (-2, 63),
            (3, 40),
            (10, -1),
            (0, 5),
        ]
        .iter()
        .map(|&(a, b)| show_i(int_pow(a, b)))
        .collect();
        assert_eq!(
            got,
            [
                "1024",
                "-27",
                "1",
                "1",
                "-1",
                "4611686018427387904",
                "OverflowError: integer overflow",
                "-9223372036854775808",
                "OverflowError: integer overflow",
                "ValueError: negative exponent",
                "0"
            ]
        );
    }
}
