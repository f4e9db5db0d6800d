//! Binding the arguments of a call site to a function's parameters.
//! Shared by the annotator and the rtyper so both agree on where each
//! parameter's value comes from.

use rpy_flow::host::FunctionObj;

/// Where one parameter's value comes from at a call site.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgSource {
    /// The i-th positional argument.
    Positional(usize),
    /// The i-th keyword argument.
    Keyword(usize),
    /// The function's i-th default value (`FunctionObj::defaults`).
    Default(usize),
}

/// Binds `npos` positional arguments and keyword arguments `kwnames` to the
/// parameters of `func`. The error says what is wrong, as CPython would.
pub fn bind_args(
    func: &FunctionObj,
    npos: usize,
    kwnames: &[String],
) -> Result<Vec<ArgSource>, String> {
    if let Some(v) = &func.def.vararg {
        return Err(format!(
            "{}() has a *{} parameter: such functions run only at translation time (module-level code, `target`), not in translated code; use a fixed list of parameters",
            func.name, v.name
        ));
    }
    let params = &func.def.params;
    let nparams = params.len();
    let first_default = nparams - func.defaults.len();
    if npos > nparams {
        return Err(format!(
            "{}() takes {} positional argument{} but {} {} given",
            func.name,
            nparams,
            if nparams == 1 { "" } else { "s" },
            npos,
            if npos == 1 { "was" } else { "were" }
        ));
    }
    let mut sources: Vec<Option<ArgSource>> = (0..nparams)
        .map(|i| (i < npos).then_some(ArgSource::Positional(i)))
        .collect();
    for (k, name) in kwnames.iter().enumerate() {
        let Some(i) = params.iter().position(|p| &p.name == name) else {
            return Err(format!(
                "{}() got an unexpected keyword argument '{}'",
                func.name, name
            ));
        };
        if sources[i].is_some() {
            return Err(format!(
                "{}() got multiple values for argument '{}'",
                func.name, name
            ));
        }
        sources[i] = Some(ArgSource::Keyword(k));
    }
    let mut missing = Vec::new();
    for i in 0..nparams {
        if sources[i].is_none() {
            if i >= first_default {
                sources[i] = Some(ArgSource::Default(i - first_default));
            } else {
                missing.push(format!("'{}'", params[i].name));
            }
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "{}() missing {} required positional argument{}: {}",
            func.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            missing.join(" and ")
        ));
    }
    Ok(sources.into_iter().map(|s| s.expect("bound")).collect())
}
