//! The `meldpunt` binary: `serve` (default), `migrate`, `seed`, `user …`, `audit verify`, ….

#![recursion_limit = "256"]

use clap::Parser;
use server::cli::{Cli, run};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    server::logging::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("meldpunt: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("meldpunt: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
