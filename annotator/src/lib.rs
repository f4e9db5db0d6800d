//! Type inference by forward propagation (to come).
