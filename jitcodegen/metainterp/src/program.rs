//! The jitcodes and address tables of the running executable, decoded
//! once: the blob names functions, runtime functions, prebuilt objects
//! and call stubs by index; the code generator emitted their addresses in
//! tables in the same order (translator/codegen/src/jitdata.rs).

use rpy_jitformat::jitcode::{ConstInt, ConstRef, JitCode, JitProgram};

/// `u64 stub(u64 target, const u64 *args)`.
pub type Stub = unsafe extern "C" fn(u64, *const u64) -> u64;

pub struct Program {
    pub jp: JitProgram,
    pub funcs: Vec<usize>,
    pub externs: Vec<usize>,
    pub prebuilt: Vec<usize>,
    pub stubs: Vec<Stub>,
}

impl Program {
    /// The constant registers of a jitcode, resolved: ints (addresses
    /// included), refs (prebuilt objects never move), floats.
    pub fn const_int(&self, c: &ConstInt) -> i64 {
        match c {
            ConstInt::Value(v) => *v,
            ConstInt::Func(f) => self.funcs[*f as usize] as i64,
            ConstInt::Extern(e) => self.externs[*e as usize] as i64,
        }
    }

    pub fn const_ref(&self, c: &ConstRef) -> usize {
        match c {
            ConstRef::Null => 0,
            ConstRef::Prebuilt(i) => self.prebuilt[*i as usize],
        }
    }

    pub fn jitcode(&self, i: u32) -> &JitCode {
        &self.jp.jitcodes[i as usize]
    }

    /// Is the object at `addr` a prebuilt object the program never writes?
    pub fn is_immutable_prebuilt(&self, addr: usize) -> bool {
        self.jp
            .immutable_prebuilt
            .iter()
            .any(|&i| self.prebuilt[i as usize] == addr)
    }

    /// The jitcode of the translated function at `addr`, if it has one.
    pub fn jitcode_at(&self, addr: usize) -> Option<u32> {
        let f = self.funcs.iter().position(|&a| a == addr)?;
        let g = self.jp.funcs[f];
        self.jp.jitcode_of.get(g as usize).copied().flatten()
    }
}

#[cfg(not(test))]
mod linked {
    //! The tables of an -Ojit executable (absent from others: this crate
    //! is linked into -Ojit executables only).
    extern "C" {
        static rpyjit_blob: u8;
        static rpyjit_blob_len: u64;
        static rpyjit_funcs: usize;
        static rpyjit_externs: usize;
        static rpyjit_prebuilt: usize;
        static rpyjit_stubs: usize;
    }

    /// Decode the executable's own jitcodes.
    pub fn load() -> Result<super::Program, String> {
        // SAFETY: the code generator defines these symbols with the
        // lengths the blob states.
        unsafe {
            let blob =
                std::slice::from_raw_parts(&rpyjit_blob as *const u8, rpyjit_blob_len as usize);
            let jp = rpy_jitformat::encode::from_bytes(blob)?;
            let table =
                |p: &usize, n: usize| std::slice::from_raw_parts(p as *const usize, n).to_vec();
            let funcs = table(&rpyjit_funcs, jp.funcs.len());
            let externs = table(&rpyjit_externs, jp.externs.len());
            let prebuilt = table(&rpyjit_prebuilt, jp.prebuilt.len());
            let stubs = table(&rpyjit_stubs, jp.stubs.len())
                .into_iter()
                .map(|a| std::mem::transmute::<usize, super::Stub>(a))
                .collect();
            Ok(super::Program {
                jp,
                funcs,
                externs,
                prebuilt,
                stubs,
            })
        }
    }
}

#[cfg(not(test))]
pub use linked::load;
