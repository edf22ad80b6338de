//! The `newskg` command line: parses arguments and maps the outcome to an exit code.
//! Everything it does is in the library; see `cli.rs` for the subcommands.

mod cli;
mod output;

use std::process::ExitCode;

/// jemalloc serves every allocation of the process, Rust's and RocksDB's C++ alike: with
/// `unprefixed_malloc_on_supported_platforms` it also provides `malloc` and `free`, so memory
/// that C allocates and Rust frees (Oxigraph takes RocksDB's error strings as `CString`s) goes
/// back to the allocator it came from. A Rust-only allocator would crash there. Extraction
/// allocates many small strings; jemalloc makes it markedly faster than glibc's malloc.
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        // The reader went away (`newskg extract ... | head`): stop quietly, as ripgrep does.
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newskg: {}", cli::describe(&err));
            ExitCode::from(cli::exit_code_of(&err))
        }
    }
}
