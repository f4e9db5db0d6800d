//! Runtime library of translated programs (to come).
