//! What the annotator reports for wrong programs: each error once, at
//! its position, however often its block is flowed.

mod common;

/// Annotate `src` (a whole program): `ok`, or one `error L:C: message` line
/// per reported error.
fn annotate(name: &str, src: &str) -> String {
    common::with_annotation(name, src, |_, outcome| match outcome {
        Ok(()) => "ok\n".to_string(),
        Err(ds) => common::error_lines(&ds),
    })
}

#[test]
fn a_reflowed_block_reports_its_error_once() {
    let src = "class AppError(Exception):
    pass

def check(n):
    if n < 0:
        raise AppError(\"negative\")
    if n > 10:
        raise AppError(\"too big\", n)
    return n

def entry_point(argv):
    try:
        check(len(argv))
    except AppError as e:
        print(e.args)
    return 0
";
    assert_eq!(
        annotate("dup", src),
        "error 8:15: type conflict: attribute AppError.args is tuple[str, int] here but tuple[str] elsewhere; RPython needs one type per attribute\n"
    );
}

/// An error stops the flow behind it, so the attribute that code assigns
/// must not be reported as "never assigned" as well.
#[test]
fn an_error_does_not_make_later_attributes_look_unassigned() {
    let src = "class VMError(Exception):
    def __init__(self, msg):
        self.msg = msg

class Stats(object):
    calls = 0

def run(n):
    Stats.calls += 1
    if n > 3:
        raise VMError(\"too deep\")
    return n

def entry_point(argv):
    try:
        run(len(argv))
    except VMError as e:
        print(e.msg)
    return 0
";
    assert_eq!(
        annotate("cascade", src),
        "error 9:5: cannot set attribute 'calls' of a class\n"
    );
}

/// A function that returns an int on one path and falls off its end on
/// another: the note names the implicit `return None`.
#[test]
fn falling_off_the_end_is_named_as_an_implicit_return() {
    let src = "def find(items, x):
    for i in range(len(items)):
        if items[i] == x:
            return i

def entry_point(argv):
    r = find([1, 2, 3], len(argv))
    return 0
";
    let out = annotate("falloff", src);
    assert!(
        out.starts_with(
            "error 2:9: type conflict: the return value of find() is int here but None elsewhere"
        ),
        "{out}"
    );
    let ds = common::with_annotation("falloff_notes", src, |_, outcome| outcome.unwrap_err());
    let notes: Vec<String> = ds[0].notes.iter().map(|n| n.message.clone()).collect();
    assert!(
        notes.iter().any(|n| n == "None comes from reaching the end of find() without a `return` (an implicit `return None`)"),
        "{notes:?}"
    );
}
