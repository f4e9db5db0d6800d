//! The run-time modules `os` (open, close, lseek, getenv), `time` and
//! `math`, plus `str()` of an unsigned word (`r_uint`).
//!
//! Errors carry CPython's classes and texts: `OSError` with
//! `[Errno N] strerror: 'path'`, `ValueError("math domain error")`,
//! `OverflowError("math range error")`, and `math.floor`/`ceil` of an
//! infinity or NaN as `int()` of one. Pure functions return
//! `Result<_, RtError>`; the `extern "C"` wrappers raise.

use crate::exc::{or_raise, ExcKind, RtError};
use crate::io::os_error_text;
use crate::obj;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `str(r_uint)`: decimal digits of the unsigned word.
#[no_mangle]
pub extern "C" fn rpy_str_from_uint(n: i64) -> *mut u8 {
    obj::new_str(&(n as u64).to_string())
}

/// `float(r_uint)`.
#[no_mangle]
pub extern "C" fn rpy_uint_to_float(n: i64) -> f64 {
    n as u64 as f64
}

/// `os.open(path, flags, mode)` -> fd.
pub fn os_open(path: &str, flags: i64, mode: i64) -> Result<i64, RtError> {
    let named = |e: i32| {
        RtError::new(
            ExcKind::OSError,
            format!("{}: '{}'", os_error_text(e), path),
        )
    };
    let c = std::ffi::CString::new(path)
        .map_err(|_| RtError::new(ExcKind::ValueError, "embedded null byte"))?;
    let flags = i32::try_from(flags).map_err(|_| {
        RtError::new(
            ExcKind::OverflowError,
            "signed integer is greater than maximum",
        )
    })?;
    loop {
        // SAFETY: `c` is a NUL-terminated path; O_CLOEXEC as CPython does.
        let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
        if fd >= 0 {
            return Ok(fd as i64);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(named(e));
        }
    }
}

#[no_mangle]
pub extern "C" fn rpy_os_open(path: *mut u8, flags: i64, mode: i64) -> i64 {
    // SAFETY: generated code passes a str object.
    let p = obj::chars_to_string(unsafe { obj::str_chars(path) });
    or_raise(os_open(&p, flags, mode), -1)
}

pub fn os_close(fd: i64) -> Result<(), RtError> {
    let fd = i32::try_from(fd)
        .map_err(|_| RtError::new(ExcKind::OSError, os_error_text(libc::EBADF)))?;
    // SAFETY: closing a descriptor number has no memory effects.
    if unsafe { libc::close(fd) } != 0 {
        return Err(RtError::new(ExcKind::OSError, os_error_text(errno())));
    }
    Ok(())
}

#[no_mangle]
pub extern "C" fn rpy_os_close(fd: i64) {
    or_raise(os_close(fd), ())
}

pub fn os_lseek(fd: i64, pos: i64, how: i64) -> Result<i64, RtError> {
    let fd = i32::try_from(fd)
        .map_err(|_| RtError::new(ExcKind::OSError, os_error_text(libc::EBADF)))?;
    let how = i32::try_from(how)
        .map_err(|_| RtError::new(ExcKind::OSError, os_error_text(libc::EINVAL)))?;
    // SAFETY: lseek on a descriptor number has no memory effects.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(RtError::new(ExcKind::OSError, os_error_text(errno())));
    }
    Ok(r as i64)
}

#[no_mangle]
pub extern "C" fn rpy_os_lseek(fd: i64, pos: i64, how: i64) -> i64 {
    or_raise(os_lseek(fd, pos, how), -1)
}

/// `os.getenv(name)`: the value as str, or null (None) if unset.
#[no_mangle]
pub extern "C" fn rpy_os_getenv(name: *mut u8) -> *mut u8 {
    // SAFETY: generated code passes a str object.
    let n = obj::chars_to_string(unsafe { obj::str_chars(name) });
    if n.is_empty() || n.contains('\0') || n.contains('=') {
        return std::ptr::null_mut();
    }
    match std::env::var_os(&n) {
        Some(v) => {
            use std::os::unix::ffi::OsStrExt;
            let chars = obj::decode_surrogateescape(v.as_bytes());
            obj::new_str_from_chars(&chars)
        }
        None => std::ptr::null_mut(),
    }
}

/// `time.time()`: seconds since the epoch.
#[no_mangle]
pub extern "C" fn rpy_time_time() -> f64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(_) => 0.0,
    }
}

/// `time.perf_counter()`: a monotonic clock in seconds.
#[no_mangle]
pub extern "C" fn rpy_time_perf_counter() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn domain() -> RtError {
    RtError::new(ExcKind::ValueError, "math domain error")
}

fn range() -> RtError {
    RtError::new(ExcKind::OverflowError, "math range error")
}

/// One-argument math functions, by name, with CPython's errors (a NaN
/// result from a non-NaN argument is a domain error, an infinite one from
/// a finite argument a range error).
pub fn math1(name: &str, x: f64) -> Result<f64, RtError> {
    let r = match name {
        "sqrt" => x.sqrt(),
        "exp" => x.exp(),
        "log" => {
            if x <= 0.0 {
                return Err(domain());
            }
            x.ln()
        }
        "log10" => {
            if x <= 0.0 {
                return Err(domain());
            }
            x.log10()
        }
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "atan" => x.atan(),
        _ => {
            return Err(RtError::new(
                ExcKind::ValueError,
                format!("unknown math function {name}"),
            ))
        }
    };
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(r)
}

/// Two-argument math functions, with CPython's errors.
pub fn math2(name: &str, x: f64, y: f64) -> Result<f64, RtError> {
    let r = match name {
        "atan2" => return Ok(x.atan2(y)),
        "hypot" => {
            let r = x.hypot(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(range());
            }
            return Ok(r);
        }
        "fmod" => {
            if y == 0.0 || x.is_infinite() {
                if x.is_nan() || y.is_nan() {
                    return Ok(f64::NAN);
                }
                return Err(domain());
            }
            if y.is_infinite() && x.is_finite() {
                return Ok(x);
            }
            return Ok(x % y);
        }
        "pow" => {
            if x == 0.0 && y < 0.0 && y.is_finite() {
                return Err(domain());
            }
            if x.is_finite() && x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                return Err(domain());
            }
            x.powf(y)
        }
        _ => {
            return Err(RtError::new(
                ExcKind::ValueError,
                format!("unknown math function {name}"),
            ))
        }
    };
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.floor`/`math.ceil` to an int.
pub fn math_round(x: f64, up: bool) -> Result<i64, RtError> {
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
    let r = if up { x.ceil() } else { x.floor() };
    if !(-9.223372036854775808e18..9.223372036854775808e18).contains(&r) {
        return Err(RtError::new(
            ExcKind::OverflowError,
            "int too large to convert to a machine word",
        ));
    }
    Ok(r as i64)
}

macro_rules! math_fns {
    ($( $sym:ident $name:literal ; )*) => {
        $( #[no_mangle]
           pub extern "C" fn $sym(x: f64) -> f64 { or_raise(math1($name, x), 0.0) } )*
    };
}

math_fns! {
    rpy_math_sqrt "sqrt";
    rpy_math_exp "exp";
    rpy_math_log "log";
    rpy_math_log10 "log10";
    rpy_math_sin "sin";
    rpy_math_cos "cos";
    rpy_math_tan "tan";
    rpy_math_atan "atan";
}

macro_rules! math_fns2 {
    ($( $sym:ident $name:literal ; )*) => {
        $( #[no_mangle]
           pub extern "C" fn $sym(x: f64, y: f64) -> f64 { or_raise(math2($name, x, y), 0.0) } )*
    };
}

math_fns2! {
    rpy_math_atan2 "atan2";
    rpy_math_hypot "hypot";
    rpy_math_fmod "fmod";
    rpy_math_pow "pow";
}

#[no_mangle]
pub extern "C" fn rpy_math_floor(x: f64) -> i64 {
    or_raise(math_round(x, false), 0)
}

#[no_mangle]
pub extern "C" fn rpy_math_ceil(x: f64) -> i64 {
    or_raise(math_round(x, true), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_errors_like_cpython() {
        let d = |r: Result<f64, RtError>| r.map_err(|e| e.describe());
        assert_eq!(
            d(math1("sqrt", -1.0)),
            Err("ValueError: math domain error".into())
        );
        assert_eq!(
            d(math1("log", 0.0)),
            Err("ValueError: math domain error".into())
        );
        assert_eq!(
            d(math1("exp", 1000.0)),
            Err("OverflowError: math range error".into())
        );
        assert_eq!(
            d(math1("sin", f64::INFINITY)),
            Err("ValueError: math domain error".into())
        );
        assert_eq!(
            d(math2("fmod", 1.0, 0.0)),
            Err("ValueError: math domain error".into())
        );
        assert_eq!(
            d(math2("pow", 0.0, -1.0)),
            Err("ValueError: math domain error".into())
        );
        assert_eq!(
            d(math2("pow", 10.0, 400.0)),
            Err("OverflowError: math range error".into())
        );
        assert_eq!(math2("fmod", -7.0, 3.0), Ok(-1.0));
        assert_eq!(math_round(-2.5, false), Ok(-3));
        assert_eq!(
            math_round(f64::NAN, true).map_err(|e| e.describe()),
            Err("ValueError: cannot convert float NaN to integer".into())
        );
    }

    #[test]
    fn os_open_missing_file() {
        assert_eq!(
            os_open("/nonexistent/rpy", 0, 0o777).map_err(|e| e.describe()),
            Err("OSError: [Errno 2] No such file or directory: '/nonexistent/rpy'".into())
        );
        assert_eq!(
            os_close(-1).map_err(|e| e.describe()),
            Err("OSError: [Errno 9] Bad file descriptor".into())
        );
    }
}
