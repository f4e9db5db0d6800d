fn main() { eprintln!("rpython: not yet"); std::process::exit(2); }
