//! Exception state and the runtime's own raises.
//!
//! Generated code reads the pending exception directly from the data
//! symbols `rpy_exc_type` (type id of its class, 0 when none is pending) and
//! `rpy_exc_value` (the instance); atomics have the layout of plain words.
//!
//! The runtime raises builtin exceptions (`ExcKind`, in the order of
//! `rpy_abi::RUNTIME_EXCEPTIONS`) whose type ids the generated code defines
//! in `rpy_builtin_exc_typeids`. `start::main` installs that table with
//! `install_builtin_typeids` before calling the entry point; unit tests
//! install their own.
//!
//! A builtin exception instance is `{hdr, message: *STR}` (16 bytes), plus
//! the fields the program gives its class (`args`), which the runtime
//! allocates (size from the layout table) and leaves null.

use crate::alloc::alloc_object_unlimited;
use crate::io;
use crate::obj;
use rpy_abi::EXC_MSG_OFS;
use std::sync::atomic::{AtomicI64, AtomicPtr, AtomicUsize, Ordering};

/// Type id of the pending exception's class; 0 when none is pending.
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_exc_type: AtomicI64 = AtomicI64::new(0);

/// The pending exception instance.
#[allow(non_upper_case_globals)]
#[no_mangle]
pub static rpy_exc_value: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());

/// Size of a builtin exception instance `{hdr, message}`.
pub const BUILTIN_EXC_SIZE: usize = 16;

/// Builtin exception classes the runtime raises, in the order of
/// `rpy_abi::RUNTIME_EXCEPTIONS` (checked by a test).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    IndexError,
    KeyError,
    ZeroDivisionError,
    OverflowError,
    MemoryError,
    OSError,
    RuntimeError,
    RecursionError,
    TypeError,
    UnicodeDecodeError,
    UnicodeEncodeError,
}

impl ExcKind {
    /// Every kind, in table order.
    pub const ALL: [ExcKind; 12] = [
        ExcKind::ValueError,
        ExcKind::IndexError,
        ExcKind::KeyError,
        ExcKind::ZeroDivisionError,
        ExcKind::OverflowError,
        ExcKind::MemoryError,
        ExcKind::OSError,
        ExcKind::RuntimeError,
        ExcKind::RecursionError,
        ExcKind::TypeError,
        ExcKind::UnicodeDecodeError,
        ExcKind::UnicodeEncodeError,
    ];

    /// The Python class name.
    pub fn name(self) -> &'static str {
        rpy_abi::RUNTIME_EXCEPTIONS[self as usize]
    }
}

/// An exception the runtime is about to raise: class and message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RtError {
    pub kind: ExcKind,
    pub msg: String,
}

impl RtError {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> RtError {
        RtError {
            kind,
            msg: msg.into(),
        }
    }

    /// `MemoryError` without a message.
    pub fn memory() -> RtError {
        RtError::new(ExcKind::MemoryError, "")
    }

    /// `ClassName: message`, or `ClassName` alone, as CPython prints it.
    pub fn describe(&self) -> String {
        if self.msg.is_empty() {
            self.kind.name().to_string()
        } else {
            format!("{}: {}", self.kind.name(), self.msg)
        }
    }
}

/// Address and length of the installed type id table (0 = none).
static TYPEIDS_PTR: AtomicUsize = AtomicUsize::new(0);
static TYPEIDS_LEN: AtomicUsize = AtomicUsize::new(0);

/// Installs the type ids of the builtin exception classes (indexed by
/// `ExcKind`). The table must live for the rest of the process.
pub fn install_builtin_typeids(table: &'static [i64]) {
    TYPEIDS_LEN.store(table.len(), Ordering::Relaxed);
    TYPEIDS_PTR.store(table.as_ptr() as usize, Ordering::Release);
}

/// Type id of a builtin exception class. Without an installed table (or
/// with one too short) it is `1000 + index`, which only tests see.
pub fn builtin_typeid(kind: ExcKind) -> i64 {
    let base = TYPEIDS_PTR.load(Ordering::Acquire) as *const i64;
    let i = kind as usize;
    if base.is_null() || i >= TYPEIDS_LEN.load(Ordering::Relaxed) {
        return 1000 + i as i64;
    }
    // SAFETY: the installed table is 'static and has more than `i` entries.
    unsafe { base.add(i).read() }
}

/// `rpy_raise(typeid, value)`: sets the pending exception.
#[no_mangle]
pub extern "C" fn rpy_raise(typeid: i64, value: *mut u8) {
    rpy_exc_value.store(value, Ordering::Relaxed);
    rpy_exc_type.store(typeid, Ordering::Relaxed);
}

/// `rpy_raise_new(typeid, message)`: allocates a builtin exception instance
/// `{hdr, message}` of class `typeid` and makes it pending.
#[no_mangle]
pub extern "C" fn rpy_raise_new(typeid: i64, message: *mut u8) {
    let inst = new_exc_instance(typeid, message);
    rpy_raise(typeid, inst);
}

/// Address and length of the generated layout table (`rpy_gc_typeinfo`),
/// for the size of builtin exception instances (0 = none installed).
static TYPEINFO_PTR: AtomicUsize = AtomicUsize::new(0);
static TYPEINFO_LEN: AtomicUsize = AtomicUsize::new(0);

/// Installs the layout table: a builtin exception class may have more
/// fields than `{hdr, message}` (`args` where the program reads it), which
/// the runtime leaves null.
pub fn install_typeinfo(info: &'static [u32]) {
    TYPEINFO_LEN.store(info.len(), Ordering::Relaxed);
    TYPEINFO_PTR.store(info.as_ptr() as usize, Ordering::Release);
}

/// Size of an instance of exception class `typeid`: its fixed size in the
/// layout table, at least `BUILTIN_EXC_SIZE`.
fn exc_instance_size(typeid: i64) -> usize {
    use rpy_abi::gc::{TI_FIXED_SIZE, TYPEINFO_WORDS};
    let base = TYPEINFO_PTR.load(Ordering::Acquire) as *const u32;
    let i = (typeid.max(0) as usize) * TYPEINFO_WORDS + TI_FIXED_SIZE;
    if base.is_null() || i >= TYPEINFO_LEN.load(Ordering::Relaxed) {
        return BUILTIN_EXC_SIZE;
    }
    // SAFETY: the installed table is 'static and has more than `i` words.
    let size = unsafe { base.add(i).read() } as usize;
    size.next_multiple_of(8).max(BUILTIN_EXC_SIZE)
}

fn new_exc_instance(typeid: i64, message: *mut u8) -> *mut u8 {
    match alloc_object_unlimited(typeid as u32, exc_instance_size(typeid)) {
        Ok(p) => {
            // SAFETY: fresh 16-byte object; the message slot is at 8.
            unsafe { (p.add(EXC_MSG_OFS as usize) as *mut *mut u8).write(message) };
            p
        }
        Err(_) => fatal_memory_error(),
    }
}

/// Makes `e` the pending exception (allocating its message str).
pub fn raise_error(e: &RtError) {
    let msg = if e.msg.is_empty() {
        std::ptr::null_mut()
    } else {
        obj::try_new_str(&e.msg).unwrap_or(std::ptr::null_mut())
    };
    rpy_raise_new(builtin_typeid(e.kind), msg);
}

/// Unwraps a runtime result for an `extern "C"` function: on error, raises
/// it and returns `fallback` (which callers must ignore).
pub fn or_raise<T>(r: Result<T, RtError>, fallback: T) -> T {
    match r {
        Ok(v) => v,
        Err(e) => {
            raise_error(&e);
            fallback
        }
    }
}

/// The pending exception, if any: (type id, instance).
pub fn pending() -> Option<(i64, *mut u8)> {
    match rpy_exc_type.load(Ordering::Relaxed) {
        0 => None,
        t => Some((t, rpy_exc_value.load(Ordering::Relaxed))),
    }
}

/// Clears the pending exception.
pub fn clear() {
    rpy_exc_type.store(0, Ordering::Relaxed);
    rpy_exc_value.store(std::ptr::null_mut(), Ordering::Relaxed);
}

/// The message text of an exception instance (empty when null).
///
/// # Safety
/// `inst` is null or an exception instance whose message slot holds null or
/// a str.
pub unsafe fn exc_message(inst: *const u8) -> String {
    if inst.is_null() {
        return String::new();
    }
    let msg = (inst.add(EXC_MSG_OFS as usize) as *const *const u8).read();
    if msg.is_null() {
        String::new()
    } else {
        obj::chars_to_string(obj::str_chars(msg))
    }
}

/// The text printed for an exception escaping the entry point.
pub fn traceback_text(class_name: &str, message: &str) -> String {
    let mut s = String::from("Traceback (most recent call last):\n  (translated code)\n");
    s.push_str(class_name);
    if !message.is_empty() {
        s.push_str(": ");
        s.push_str(message);
    }
    s.push('\n');
    s
}

/// `rpy_fatal_none_attr(name)`: an attribute access on None. RPython
/// leaves it undefined; translated programs stop cleanly, as CPython does
/// for an uncaught AttributeError (stdout flushed, exit status 1).
#[no_mangle]
pub extern "C" fn rpy_fatal_none_attr(name: *const u8) {
    let name = if name.is_null() {
        String::new()
    } else {
        // SAFETY: generated code passes a str object.
        unsafe { obj::chars_to_string(obj::str_chars(name)) }
    };
    io::flush_stdout();
    io::write_stderr(&traceback_text(
        "AttributeError",
        &format!("'NoneType' object has no attribute '{name}'"),
    ));
    std::process::exit(1)
}

/// `rpy_fatal_no_attr(class, name)`: a method call on an instance of a
/// class that lacks the method (other classes of its family define it);
/// stops as CPython's uncaught AttributeError does (exit status 1).
#[no_mangle]
pub extern "C" fn rpy_fatal_no_attr(class: *const u8, name: *const u8) {
    let text = |p: *const u8| {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: generated code passes str objects.
            unsafe { obj::chars_to_string(obj::str_chars(p)) }
        }
    };
    io::flush_stdout();
    io::write_stderr(&traceback_text(
        "AttributeError",
        &format!("'{}' object has no attribute '{}'", text(class), text(name)),
    ));
    std::process::exit(1)
}

/// `rpy_fatal_unreachable(function)`: generated code reached a block that
/// the annotator found unreachable, which is a toolchain bug; stop loudly
/// (stdout flushed, RPython's `Fatal RPython error`, abort) rather than
/// carry on with values that were never computed.
#[no_mangle]
pub extern "C" fn rpy_fatal_unreachable(function: *const u8) {
    let name = if function.is_null() {
        String::new()
    } else {
        // SAFETY: generated code passes a str object.
        unsafe { obj::chars_to_string(obj::str_chars(function)) }
    };
    io::flush_stdout();
    io::write_stderr(&format!(
        "Fatal RPython error: reached code of {name}() that the annotator found unreachable\n"
    ));
    std::process::abort()
}

/// `rpy_fatal_exc_args(reason)`: `e.args` of an exception the runtime
/// raised with just a message, where the program gives `args` a shape a
/// message cannot fill; stops cleanly (stdout flushed, exit status 1).
#[no_mangle]
pub extern "C" fn rpy_fatal_exc_args(reason: *const u8) {
    let reason = if reason.is_null() {
        String::new()
    } else {
        // SAFETY: generated code passes a str object.
        unsafe { obj::chars_to_string(obj::str_chars(reason)) }
    };
    io::flush_stdout();
    io::write_stderr(&traceback_text("NotImplementedError", &reason));
    std::process::exit(1)
}

/// Reports a `MemoryError` that a function the ABI marks as non-raising
/// cannot deliver, and ends the process with status 1.
pub fn fatal_memory_error() -> ! {
    io::flush_stdout();
    io::write_stderr(&traceback_text("MemoryError", ""));
    std::process::exit(1)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Serialises tests that touch the process-wide exception state.
    pub(crate) static EXC_LOCK: Mutex<()> = Mutex::new(());

    /// Runs `f` with a clean exception state and returns what it left
    /// pending as `ClassName: message` (type ids 1000+i, see
    /// `builtin_typeid`).
    pub(crate) fn capture<T>(f: impl FnOnce() -> T) -> (T, Option<String>) {
        let _g = EXC_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        clear();
        let v = f();
        let exc = pending().map(|(t, inst)| {
            let name = ExcKind::ALL
                .get((t - 1000) as usize)
                .map(|k| k.name().to_string())
                .unwrap_or_else(|| format!("type{t}"));
            let msg = unsafe { exc_message(inst) };
            if msg.is_empty() {
                name
            } else {
                format!("{name}: {msg}")
            }
        });
        clear();
        (v, exc)
    }

    #[test]
    fn kinds_follow_the_abi_table() {
        let names: Vec<&str> = ExcKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, rpy_abi::RUNTIME_EXCEPTIONS);
        let idx: Vec<usize> = ExcKind::ALL.iter().map(|&k| k as usize).collect();
        assert_eq!(idx, (0..ExcKind::ALL.len()).collect::<Vec<_>>());
    }

    #[test]
    fn raise_new_builds_an_instance_with_the_message() {
        let ((), got) = capture(|| {
            raise_error(&RtError::new(
                ExcKind::IndexError,
                "string index out of range",
            ))
        });
        assert_eq!(
            got.as_deref(),
            Some("IndexError: string index out of range")
        );
        let ((), got) = capture(|| raise_error(&RtError::memory()));
        assert_eq!(got.as_deref(), Some("MemoryError"));
    }

    #[test]
    fn traceback_text_matches_cpython_shape() {
        assert_eq!(
            traceback_text("ValueError", "bad"),
            "Traceback (most recent call last):\n  (translated code)\nValueError: bad\n"
        );
        assert_eq!(
            traceback_text("KeyError", ""),
            "Traceback (most recent call last):\n  (translated code)\nKeyError\n"
        );
        assert_eq!(
            RtError::new(ExcKind::OSError, "[Errno 9] Bad file descriptor").describe(),
            "OSError: [Errno 9] Bad file descriptor"
        );
    }
}
