//! Computes `WXLINT_BUILD_ID`: a hash of everything the compiled built-in lexicon and the typo
//! statistics depend on (the sources, the lists, the locked dependency versions). A start-up
//! snapshot (`src/snapshot/`) is accepted only by the build whose id it carries.

use std::fs;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &["src", "lexicons", "Cargo.lock", "Cargo.toml", "build.rs"];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path).expect("readable source folder").map(|e| e.expect("folder entry").path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// FNV-1a, 64 bits.
fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h = (*h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let mut all = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files(Path::new(input), &mut all);
    }
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for f in &all {
        fnv(&mut h, f.to_string_lossy().as_bytes());
        fnv(&mut h, &[0]);
        fnv(&mut h, &fs::read(f).expect("readable source file"));
        fnv(&mut h, &[0]);
    }
    fnv(&mut h, std::env::var("TARGET").unwrap_or_default().as_bytes());
    println!("cargo:rustc-env=WXLINT_BUILD_ID={h:016x}");
}
