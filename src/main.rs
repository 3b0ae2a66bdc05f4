//! The `wxlint` command-line tool.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(cli::main());
}
