//! Output and file-descriptor I/O: the buffered stdout behind `print`,
//! `os.write` and `os.read`.
//!
//! `rpy_print_str` appends the UTF-8 encoding of a str to a process-wide
//! buffer, flushed when it exceeds `STDOUT_BUFFER` bytes, at exit, and
//! before every `os.write` to fd 1 or 2 so that output keeps its order.
//! Write errors on the buffered stdout (EPIPE, ...) are ignored, never a
//! panic. `os.write`/`os.read` errors raise `OSError` with CPython's text
//! `[Errno N] strerror`.

use crate::exc::{or_raise, ExcKind, RtError};
use crate::obj;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Flush threshold of the stdout buffer.
pub const STDOUT_BUFFER: usize = 8192;

static STDOUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

extern "C" {
    fn write(fd: i32, buf: *const u8, count: usize) -> isize;
    fn read(fd: i32, buf: *mut u8, count: usize) -> isize;
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// CPython's `str(OSError(errno, strerror))`: `[Errno 9] Bad file descriptor`.
pub fn os_error_text(errno: i32) -> String {
    let full = std::io::Error::from_raw_os_error(errno).to_string();
    let suffix = format!(" (os error {errno})");
    let text = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("[Errno {errno}] {text}")
}

/// Writes all of `data` to `fd`, retrying partial writes and EINTR.
/// Returns the errno of a failed write.
pub fn write_all_fd(fd: i32, mut data: &[u8]) -> Result<(), i32> {
    while !data.is_empty() {
        // SAFETY: `data` is a valid readable buffer of its length.
        let n = unsafe { write(fd, data.as_ptr(), data.len()) };
        if n < 0 {
            let e = last_errno();
            if e == 4 {
                continue; // EINTR
            }
            return Err(e);
        }
        if n == 0 {
            return Err(5); // EIO: the fd accepts nothing
        }
        data = &data[n as usize..];
    }
    Ok(())
}

/// Reads at most `n` bytes from `fd` (retrying EINTR).
pub fn read_fd(fd: i32, n: usize) -> Result<Vec<u8>, i32> {
    let mut buf = vec![0u8; n];
    loop {
        // SAFETY: `buf` is a valid writable buffer of length `n`.
        let got = unsafe { read(fd, buf.as_mut_ptr(), n) };
        if got >= 0 {
            buf.truncate(got as usize);
            return Ok(buf);
        }
        let e = last_errno();
        if e != 4 {
            return Err(e);
        }
    }
}

fn stdout_buffer() -> std::sync::MutexGuard<'static, Vec<u8>> {
    STDOUT.lock().unwrap_or_else(|e| e.into_inner())
}

fn flush_locked(buf: &mut Vec<u8>) {
    // Errors (a closed pipe, ...) drop the output, as there is nobody to
    // tell; they must not stop the program with a panic.
    let _ = write_all_fd(1, buf);
    buf.clear();
}

/// Writes out the buffered stdout.
pub fn flush_stdout() {
    flush_locked(&mut stdout_buffer());
}

/// Writes out the buffered stdout unless another thread (or the code a
/// signal interrupted) holds it; for the stack overflow handler.
pub fn try_flush_stdout() {
    if let Ok(mut buf) = STDOUT.try_lock() {
        flush_locked(&mut buf);
    }
}

/// Appends text to the buffered stdout.
pub fn print_text(text: &[u8]) {
    let mut buf = stdout_buffer();
    buf.extend_from_slice(text);
    if buf.len() > STDOUT_BUFFER {
        flush_locked(&mut buf);
    }
}

/// Writes text to stderr, unbuffered, ignoring errors.
pub fn write_stderr(text: &str) {
    let _ = write_all_fd(2, text.as_bytes());
}

/// `print`'s output: appends the UTF-8 of `s` (no newline is added; lone
/// surrogates become U+FFFD) to the stdout buffer.
#[no_mangle]
pub extern "C" fn rpy_print_str(s: *mut u8) {
    // SAFETY: generated code passes a str object.
    let chars = unsafe { obj::str_chars(s) };
    let mut utf8 = [0u8; 4];
    let mut buf = stdout_buffer();
    for &c in chars {
        let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
        buf.extend_from_slice(ch.encode_utf8(&mut utf8).as_bytes());
    }
    if buf.len() > STDOUT_BUFFER {
        flush_locked(&mut buf);
    }
}

/// Python 2's `softspace` of stdout (index 0) and stderr (index 1): set
/// after a print item, so that the next item is preceded by a space.
static SOFTSPACE: [AtomicBool; 2] = [AtomicBool::new(false), AtomicBool::new(false)];

fn softspace(fd: i64) -> &'static AtomicBool {
    &SOFTSPACE[usize::from(fd == 2)]
}

/// A py2 str's bytes: one byte per code point below 256 (a byte string),
/// UTF-8 above (text that could only come from a unicode value).
fn py2_bytes(chars: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len());
    let mut utf8 = [0u8; 4];
    for &c in chars {
        if c < 256 {
            out.push(c as u8);
        } else {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            out.extend_from_slice(ch.encode_utf8(&mut utf8).as_bytes());
        }
    }
    out
}

fn py2_write(fd: i64, bytes: &[u8]) {
    if fd == 2 {
        let _ = write_all_fd(2, bytes);
    } else {
        print_text(bytes);
    }
}

/// One item of py2's `print` statement (CPython 2.7's `PRINT_ITEM`): a
/// space first if the previous item left softspace set, then `str(x)`;
/// softspace is set afterwards unless `x` is a string ending in
/// whitespace other than a space.
#[no_mangle]
pub extern "C" fn rpy_py2_print_item(fd: i64, s: *mut u8, is_str: i8) {
    // SAFETY: generated code passes a str object.
    let chars = unsafe { obj::str_chars(s) };
    if softspace(fd).swap(false, Ordering::Relaxed) {
        py2_write(fd, b" ");
    }
    py2_write(fd, &py2_bytes(chars));
    // C's isspace() on a byte, minus the space itself.
    let keep_clear = is_str != 0 && chars.last().is_some_and(|&c| matches!(c, 9..=13));
    if !keep_clear {
        softspace(fd).store(true, Ordering::Relaxed);
    }
}

/// The end of py2's `print` statement without a trailing comma.
#[no_mangle]
pub extern "C" fn rpy_py2_print_newline(fd: i64) {
    py2_write(fd, b"\n");
    softspace(fd).store(false, Ordering::Relaxed);
}

/// At exit, CPython 2 ends a line that a trailing-comma `print` left open.
pub fn finish_py2_softspace() {
    if SOFTSPACE[0].swap(false, Ordering::Relaxed) {
        print_text(b"\n");
    }
}

/// `os.write(fd, data)`: writes all bytes, returns their count; raises
/// `OSError` on failure. Flushes the print buffer first for fd 1 and 2.
#[no_mangle]
pub extern "C" fn rpy_os_write(fd: i64, data: *mut u8) -> i64 {
    // SAFETY: generated code passes a bytes object.
    let bytes = unsafe { obj::bytes_data(data) };
    or_raise(os_write(fd, bytes), -1)
}

/// The semantics of `rpy_os_write`.
pub fn os_write(fd: i64, bytes: &[u8]) -> Result<i64, RtError> {
    if fd == 1 || fd == 2 {
        flush_stdout();
    }
    let fd = i32::try_from(fd).map_err(|_| RtError::new(ExcKind::OSError, os_error_text(9)))?;
    write_all_fd(fd, bytes).map_err(|e| RtError::new(ExcKind::OSError, os_error_text(e)))?;
    Ok(bytes.len() as i64)
}

/// `os.read(fd, n)`: a fresh bytes object of at most `n` bytes (empty at
/// end of file); raises `OSError` on failure (EINVAL for a negative `n`).
#[no_mangle]
pub extern "C" fn rpy_os_read(fd: i64, n: i64) -> *mut u8 {
    match os_read(fd, n) {
        Ok(data) => obj::new_bytes(&data),
        Err(e) => or_raise(Err(e), std::ptr::null_mut()),
    }
}

/// The semantics of `rpy_os_read`.
pub fn os_read(fd: i64, n: i64) -> Result<Vec<u8>, RtError> {
    let n = usize::try_from(n).map_err(|_| RtError::new(ExcKind::OSError, os_error_text(22)))?;
    let fd = i32::try_from(fd).map_err(|_| RtError::new(ExcKind::OSError, os_error_text(9)))?;
    // Do not reserve more than a reasonable amount for huge requests.
    read_fd(fd, n.min(1 << 26)).map_err(|e| RtError::new(ExcKind::OSError, os_error_text(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_read_like_cpython() {
        assert_eq!(os_error_text(9), "[Errno 9] Bad file descriptor");
        assert_eq!(os_error_text(22), "[Errno 22] Invalid argument");
        assert_eq!(
            os_write(987, b"x").map_err(|e| e.describe()),
            Err("OSError: [Errno 9] Bad file descriptor".to_string())
        );
        assert_eq!(
            os_read(0, -1).map_err(|e| e.describe()),
            Err("OSError: [Errno 22] Invalid argument".to_string())
        );
        assert_eq!(
            os_read(987, 1).map_err(|e| e.describe()),
            Err("OSError: [Errno 9] Bad file descriptor".to_string())
        );
    }

    #[test]
    fn pipe_round_trip() {
        extern "C" {
            fn pipe(fds: *mut i32) -> i32;
            fn close(fd: i32) -> i32;
        }
        let mut fds = [0i32; 2];
        assert_eq!(unsafe { pipe(fds.as_mut_ptr()) }, 0);
        let written = os_write(fds[1] as i64, b"hello, pipe");
        let first = os_read(fds[0] as i64, 5);
        let rest = os_read(fds[0] as i64, 100);
        unsafe {
            close(fds[0]);
            close(fds[1]);
        }
        assert_eq!(
            (written, first, rest),
            (Ok(11), Ok(b"hello".to_vec()), Ok(b", pipe".to_vec()))
        );
    }
}
