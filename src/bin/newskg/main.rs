//! The `newskg` command line: parses arguments and maps the outcome to an exit code.
//! Everything it does is in the library; see `cli.rs` for the subcommands.

mod cli;
mod output;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newskg: {}", cli::describe(&err));
            ExitCode::from(cli::exit_code_of(&err))
        }
    }
}
