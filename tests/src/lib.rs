//! Differential test runner (see tests/run_corpus.rs).
