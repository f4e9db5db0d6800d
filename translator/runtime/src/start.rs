//! Program start and exit: the C `main` of every translated program.
//!
//! `main(argc, argv)`:
//! 1. installs the generated `rpy_builtin_exc_typeids` table and the
//!    stack overflow handler (`stack`);
//! 2. builds the argv list (`TYPEID_STR_LIST` of str, argv[0] being the
//!    program path as given; bytes are decoded as UTF-8 with
//!    `surrogateescape`, as CPython does);
//! 3. calls the generated `rpy_entry_point(list) -> i64`;
//! 4. if an exception is pending: flushes stdout, prints
//!    `Traceback (most recent call last):\n  (translated code)\n` and
//!    `ClassName: message` (or `ClassName`) to stderr, exits with 1;
//!    otherwise flushes stdout and exits with the result (the OS keeps the
//!    low 8 bits, as with CPython's `sys.exit`).
//!
//! The generated symbols do not exist in this crate's unit tests, so `main`
//! and everything referring to them is `#[cfg(not(test))]`; the pieces
//! (argv decoding, class names, the traceback text) are plain functions.

use crate::exc;
use crate::io;
use crate::obj;

/// Class name of type id `typeid` in a generated name table (`names` has
/// `count` entries, each null or a NUL-terminated string); `None` for an
/// unknown id.
///
/// # Safety
/// `names` points to `count` readable pointers, each null or a valid C
/// string.
pub unsafe fn class_name(names: *const *const u8, count: i64, typeid: i64) -> Option<String> {
    if names.is_null() || typeid < 0 || typeid >= count {
        return None;
    }
    let p = names.add(typeid as usize).read();
    if p.is_null() {
        return None;
    }
    let s = std::ffi::CStr::from_ptr(p as *const std::ffi::c_char);
    Some(s.to_string_lossy().into_owned())
}

/// Builds the entry point's argv list from C's `argc`/`argv`.
///
/// # Safety
/// `argv` holds `argc` valid C strings.
pub unsafe fn build_argv(argc: i32, argv: *const *const u8) -> Result<*mut u8, exc::RtError> {
    let mut items = Vec::with_capacity(argc.max(0) as usize);
    for i in 0..argc.max(0) as usize {
        let p = argv.add(i).read();
        let bytes = if p.is_null() {
            &[][..]
        } else {
            std::ffi::CStr::from_ptr(p as *const std::ffi::c_char).to_bytes()
        };
        let chars = obj::decode_surrogateescape(bytes);
        let (s, dst) = obj::try_alloc_str(chars.len())?;
        dst.copy_from_slice(&chars);
        items.push(s);
    }
    obj::new_str_list(&items)
}

/// Finishes the program: reports a pending exception (status 1) or
/// returns `result` as the exit status, after flushing stdout.
pub fn finish(result: i64, class_of: impl Fn(i64) -> Option<String>) -> i32 {
    io::finish_py2_softspace();
    io::flush_stdout();
    match exc::pending() {
        None => result as i32,
        Some((typeid, inst)) => {
            let name = class_of(typeid).unwrap_or_else(|| format!("<exception type {typeid}>"));
            // SAFETY: a pending exception instance has the builtin layout.
            let msg = unsafe { exc::exc_message(inst) };
            io::write_stderr(&exc::traceback_text(&name, &msg));
            1
        }
    }
}

#[cfg(not(test))]
mod entry {
    use super::*;

    const N_RUNTIME_EXC: usize = rpy_abi::RUNTIME_EXCEPTIONS.len();

    extern "C" {
        fn rpy_entry_point(argv: *mut u8) -> i64;
        static rpy_type_names: [*const u8; 0];
        static rpy_type_count: i64;
        static rpy_builtin_exc_typeids: [i64; N_RUNTIME_EXC];
        static rpy_gc_typeinfo: [u32; 0];
        static rpy_gc_ptr_offsets: [u32; 0];
        static rpy_gc_prebuilt_roots: [usize; 0];
        static rpy_gc_prebuilt_count: i64;
        static rpy_gc_kind: i64;
    }

    /// Installs the collector with the generated layout tables.
    fn init_gc(type_count: i64) {
        use rpy_abi::gc::*;
        // SAFETY: the generated tables have the sizes `rpy_abi::gc` states:
        // `TYPEINFO_WORDS` words per type id, offsets up to the last row's
        // pointer range, `rpy_gc_prebuilt_count` roots.
        unsafe {
            let n = type_count.max(0) as usize * TYPEINFO_WORDS;
            let info =
                std::slice::from_raw_parts(std::ptr::addr_of!(rpy_gc_typeinfo) as *const u32, n);
            let noffsets = info
                .chunks(TYPEINFO_WORDS)
                .map(|r| (r[TI_PTRS_START] + r[TI_NPTRS]) as usize)
                .max()
                .unwrap_or(0);
            let offsets = std::slice::from_raw_parts(
                std::ptr::addr_of!(rpy_gc_ptr_offsets) as *const u32,
                noffsets,
            );
            let nroots = std::ptr::addr_of!(rpy_gc_prebuilt_count).read().max(0) as usize;
            let roots = std::slice::from_raw_parts(
                std::ptr::addr_of!(rpy_gc_prebuilt_roots) as *const usize,
                nroots,
            );
            let kind = GcKind::from_i64(std::ptr::addr_of!(rpy_gc_kind).read());
            crate::gc::init(kind, crate::gc::types::Types { info, offsets }, roots);
            exc::install_typeinfo(info);
        }
    }

    /// The process entry point.
    #[no_mangle]
    pub extern "C" fn main(argc: i32, argv: *const *const u8) -> i32 {
        // SAFETY: the generated data symbols have the types the ABI names.
        let (names, count, table) = unsafe {
            (
                std::ptr::addr_of!(rpy_type_names) as *const *const u8,
                std::ptr::addr_of!(rpy_type_count).read(),
                &*std::ptr::addr_of!(rpy_builtin_exc_typeids),
            )
        };
        exc::install_builtin_typeids(table);
        init_gc(count);
        crate::stack::install_overflow_handler();
        // SAFETY: C passes `argc` valid strings.
        let list = match unsafe { build_argv(argc, argv) } {
            Ok(l) => l,
            Err(_) => exc::fatal_memory_error(),
        };
        // SAFETY: the generated entry point takes the argv list.
        let result = unsafe { rpy_entry_point(list) };
        // SAFETY: `names` has `count` entries.
        let status = finish(result, |t| unsafe { class_name(names, count, t) });
        crate::gc::report_at_exit();
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argv_list_holds_decoded_strings() {
        let args: [&[u8]; 3] = [b"./prog\0", b"h\xc3\xa9llo\0", b"bad\xff\0"];
        let ptrs: Vec<*const u8> = args.iter().map(|a| a.as_ptr()).collect();
        let list = unsafe { build_argv(3, ptrs.as_ptr()) }.unwrap();
        let got: Vec<Vec<u32>> = unsafe { obj::str_list_items(list) }
            .iter()
            .map(|&s| unsafe { obj::str_chars(s) }.to_vec())
            .collect();
        let want: Vec<Vec<u32>> = vec![
            "./prog".chars().map(|c| c as u32).collect(),
            "héllo".chars().map(|c| c as u32).collect(),
            vec![b'b' as u32, b'a' as u32, b'd' as u32, 0xDCFF],
        ];
        assert_eq!(got, want);
        assert_eq!(unsafe { obj::typeid_of(list) }, rpy_abi::TYPEID_STR_LIST);
    }

    #[test]
    fn class_names_come_from_the_table() {
        let names: [*const u8; 3] = [
            std::ptr::null(),
            c"ValueError".as_ptr() as *const u8,
            c"MyError".as_ptr() as *const u8,
        ];
        let got: Vec<Option<String>> = [0, 1, 2, 3, -1]
            .iter()
            .map(|&t| unsafe { class_name(names.as_ptr(), 3, t) })
            .collect();
        assert_eq!(
            got,
            [
                None,
                Some("ValueError".to_string()),
                Some("MyError".to_string()),
                None,
                None
            ]
        );
    }
}
