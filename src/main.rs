//! The `chronik` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived strings on every thread at once, and glibc's malloc and free
/// were about a tenth of an import's time (BENCHMARKS.md). Its version 2
/// without transparent huge pages (Cargo.toml): the default build held
/// 300 MB at 100,000 articles, over the 256 MB bound.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    chronik::cli::main()
}
