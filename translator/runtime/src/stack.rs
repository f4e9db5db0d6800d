//! Stack overflow reported as an escaping `RecursionError`.
//!
//! Generated code does not check the stack depth yet, so unbounded
//! recursion runs into the main thread's guard page. `main` installs a
//! `SIGSEGV`/`SIGBUS` handler running on an alternate signal stack: when
//! the faulting address lies within (or just below) the main thread's
//! stack, it prints what CPython prints for uncaught runaway recursion,
//! `RecursionError: maximum recursion depth exceeded` after the usual
//! traceback header, and exits with status 1. Any other fault restores the
//! default action and re-faults, so real crashes still crash.
//!
//! The handler only uses async-signal-safe calls (`write`, `_exit`), apart
//! from a `try_lock` of the stdout buffer so that what was printed before
//! the overflow is not lost.

use crate::exc::traceback_text;
use crate::io;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Size of the alternate signal stack.
const ALT_STACK_SIZE: usize = 64 * 1024;
/// Addresses this far below the stack's lowest address still count as
/// overflow (guard pages and big frames).
const GUARD_SLACK: usize = 1 << 20;

static STACK_LO: AtomicUsize = AtomicUsize::new(0);
static STACK_HI: AtomicUsize = AtomicUsize::new(0);

/// Whether a fault at `addr` is a stack overflow of a stack spanning
/// `[lo, hi)`.
pub fn is_overflow(addr: usize, lo: usize, hi: usize) -> bool {
    lo != 0 && addr < hi && addr >= lo.saturating_sub(GUARD_SLACK)
}

/// The calling thread's stack bounds, if the system tells them.
fn current_stack() -> Option<(usize, usize)> {
    // SAFETY: plain libc queries on the current thread with a local attr.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let r = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        (r == 0).then_some((addr as usize, addr as usize + size))
    }
}

extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    if is_overflow(
        addr,
        STACK_LO.load(Ordering::Relaxed),
        STACK_HI.load(Ordering::Relaxed),
    ) {
        io::try_flush_stdout();
        let text = traceback_text("RecursionError", "maximum recursion depth exceeded");
        let _ = io::write_all_fd(2, text.as_bytes());
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(1) };
    }
    // Not ours: restore the default action; returning re-executes the
    // faulting instruction, which then kills the process as usual.
    // SAFETY: resetting a signal disposition.
    unsafe { libc::signal(sig, libc::SIG_DFL) };
}

/// Installs the overflow handler for the calling (main) thread. Failures
/// leave the default behaviour in place.
pub fn install_overflow_handler() {
    let Some((lo, hi)) = current_stack() else {
        return;
    };
    crate::gc::install_stack_limit(lo);
    STACK_LO.store(lo, Ordering::Relaxed);
    STACK_HI.store(hi, Ordering::Relaxed);
    let alt: &'static mut [u8] = Vec::leak(vec![0u8; ALT_STACK_SIZE]);
    // SAFETY: the alternate stack lives for the rest of the process; the
    // sigaction struct is fully initialised before use.
    unsafe {
        let ss = libc::stack_t {
            ss_sp: alt.as_mut_ptr() as *mut libc::c_void,
            ss_flags: 0,
            ss_size: ALT_STACK_SIZE,
        };
        if libc::sigaltstack(&ss, std::ptr::null_mut()) != 0 {
            return;
        }
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = on_fault as *const () as usize;
        act.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(libc::SIGSEGV, &act, std::ptr::null_mut());
        libc::sigaction(libc::SIGBUS, &act, std::ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_means_inside_or_just_below_the_stack() {
        let (lo, hi) = (0x10_0000_0000usize, 0x10_0080_0000usize);
        let got: Vec<bool> = [lo - 4096, lo, hi - 1, hi, lo - GUARD_SLACK - 1, 0x1000]
            .iter()
            .map(|&a| is_overflow(a, lo, hi))
            .collect();
        assert_eq!(got, [true, true, true, false, false, false]);
        assert!(!is_overflow(5, 0, 0));
    }

    #[test]
    fn this_thread_has_a_known_stack() {
        let local = 0u8;
        let here = &local as *const u8 as usize;
        let (lo, hi) = current_stack().expect("pthread stack bounds");
        assert_eq!((lo < here, here < hi), (true, true));
    }
}
