//! The host target: Cranelift ISA for the machine we run on, with the
//! settings every object needs (position-independent code, so `cc` can
//! link a PIE executable) and the user's optimisation level.

use crate::{CodegenError, CodegenOptions, OptLevel};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};

pub(crate) fn host_isa(opts: &CodegenOptions) -> Result<OwnedTargetIsa, CodegenError> {
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, name: &str, value: &str| {
        flags
            .set(name, value)
            .map_err(|e| CodegenError::Isa(format!("setting {name}={value}: {e}")))
    };
    set(&mut flags, "is_pic", "true")?;
    set(
        &mut flags,
        "opt_level",
        match opts.opt_level {
            OptLevel::None => "none",
            OptLevel::Speed => "speed",
        },
    )?;
    set(
        &mut flags,
        "enable_verifier",
        if opts.verify { "true" } else { "false" },
    )?;
    set(&mut flags, "preserve_frame_pointers", "true")?;
    let isa_builder = cranelift_native::builder().map_err(|e| CodegenError::Isa(e.to_string()))?;
    isa_builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| CodegenError::Isa(e.to_string()))
}
