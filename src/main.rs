//! The `wxlint` command-line tool.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

// A faster allocator for the command line (the library and the WASM module keep theirs).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(cli::main());
}
