//! The trace IR: op table, text form, check_trace, and the trace interpreter backend (to come).
