//! The start-up cache of the command line: the built-in lexicon's automaton and the typo
//! statistics, kept on disk as a [`wxlint::snapshot`] so that a run restores them (~30 ms)
//! instead of building them (~150 ms, most of a one-file `wxlint check`).
//!
//! Where: `$WXLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/wxlint`, else `~/.cache/wxlint`
//! (`%LOCALAPPDATA%\wxlint` on Windows); one file, `startup-<build id>.bin` (~14 MB). Off with
//! `--no-cache` or `WXLINT_CACHE_DIR=` (empty). A run without the built-in lexicon
//! (`--no-builtin-lexicon`, or `"builtinLexicon": false` in `--config`) restores only the
//! statistics and writes nothing (saving would build the lexicon it does not use).
//! The file holds only what the binary builds from its own lists, nothing of the articles checked.
//!
//! **Invariants.** The cache never changes a result: a snapshot is only accepted by the build
//! that wrote it (its build id and checksum are verified, see [`wxlint::snapshot`]), and a
//! restored part behaves exactly as a built one. The cache never makes a run fail: a missing,
//! unreadable, damaged, foreign or oversized (over 64 MB, not read) file is ignored (and replaced), a cache folder that cannot be
//! written leaves the run as it was. A file is written under a temporary name and renamed, so a
//! concurrent run reads either the whole file or none; files of other builds are removed when a
//! new one is written. `WXLINT_LOG=cache` tells on stderr what the cache did.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What [`restore`] found, for [`store`] at the end of the run.
#[derive(Debug)]
pub struct Cache {
    file: PathBuf,
    /// The file held this build's snapshot and it was installed.
    restored: bool,
}

/// The cache folder, if there is one (see the module documentation).
fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("WXLINT_CACHE_DIR") {
        return (!d.is_empty()).then(|| PathBuf::from(d));
    }
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        return nonempty("LOCALAPPDATA").map(|d| d.join("wxlint"));
    }
    nonempty("XDG_CACHE_HOME").or_else(|| nonempty("HOME").map(|h| h.join(".cache"))).map(|d| d.join("wxlint"))
}

fn log(what: std::fmt::Arguments<'_>) {
    if std::env::var("WXLINT_LOG").is_ok_and(|v| v.split(',').any(|t| t.trim() == "cache")) {
        eprintln!("wxlint: cache: {what}");
    }
}

const PREFIX: &str = "startup-";
const SUFFIX: &str = ".bin";

/// The name of this build's file in the cache folder.
fn file_name() -> String {
    format!("{PREFIX}{}{SUFFIX}", wxlint::snapshot::build_id())
}

/// Restores the start-up state from the cache, if it holds this build's: the typo statistics,
/// and the built-in lexicon if `lexicon`. `None`: no cache (turned off, or no folder for it).
pub fn restore(enabled: bool, lexicon: bool) -> Option<Cache> {
    if !enabled {
        return None;
    }
    let file = dir()?.join(file_name());
    let wanted = wxlint::snapshot::Restored { lexicon, statistics: true };
    let restored = match read_capped(&file) {
        Ok(bytes) => match wxlint::snapshot::restore_parts(&bytes, wanted) {
            Ok(_) => {
                let what = if lexicon { "lexicon and statistics" } else { "statistics only (no built-in lexicon)" };
                log(format_args!("restored {what} from {}", file.display()));
                true
            }
            Err(e) => {
                log(format_args!("ignored {}: {e}", file.display()));
                false
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            log(format_args!("no snapshot at {}: {e}", file.display()));
            false
        }
        Err(e) => {
            log(format_args!("ignored {}: {e}", file.display()));
            false
        }
    };
    Some(Cache { file, restored })
}

/// Largest cache file read (this build's snapshot is ~14 MB): a bigger one is not this build's
/// and is ignored (and replaced) without being read into memory.
const MAX_BYTES: u64 = 64 << 20;

/// The file's bytes, or an error when it is over [`MAX_BYTES`] (checked before reading, and
/// again while reading, should it grow meanwhile).
fn read_capped(file: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let f = fs::File::open(file)?;
    let len = f.metadata()?.len();
    let too_big = |n: u64| std::io::Error::other(format!("{n} bytes, over the {MAX_BYTES}-byte limit"));
    if len > MAX_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// At the end of a run: writes this process's start-up state to the cache if it was not there
/// (or was refused). Any failure is ignored: the cache is an optimisation.
pub fn store(cache: Option<Cache>) {
    let Some(cache) = cache else { return };
    if cache.restored || !wxlint::snapshot::held().lexicon {
        // Nothing new, or a run without the built-in lexicon: saving would build it.
        return;
    }
    match write(&cache.file) {
        Ok(()) => log(format_args!("wrote {}", cache.file.display())),
        Err(e) => log(format_args!("could not write {}: {e}", cache.file.display())),
    }
}

fn write(file: &Path) -> std::io::Result<()> {
    let dir = file.parent().expect("the cache file is in a folder");
    fs::create_dir_all(dir)?;
    let bytes = wxlint::snapshot::save();
    let tmp = dir.join(format!(".{PREFIX}{}.{}.tmp", wxlint::snapshot::build_id(), std::process::id()));
    let written = (|| {
        let mut f = fs::File::create(&tmp)?;
        // Not synced: a file cut short by a crash fails its checksum and is replaced.
        f.write_all(&bytes)?;
        fs::rename(&tmp, file)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
        return written;
    }
    // Snapshots of other builds are of no further use.
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(PREFIX) && name.ends_with(SUFFIX) && e.path() != file {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_of_other_builds_are_removed_and_stray_files_kept() {
        let dir = std::env::temp_dir().join(format!("wxlint-cache-unit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("startup-0000000000000000.bin"), b"old").unwrap();
        fs::write(dir.join("notes.txt"), b"mine").unwrap();
        let file = dir.join(file_name());
        write(&file).unwrap();
        let mut names: Vec<String> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, vec!["notes.txt".to_string(), file_name()]);
        wxlint::snapshot::verify(&fs::read(&file).unwrap()).expect("a snapshot this build accepts");
        fs::remove_dir_all(&dir).unwrap();
    }
}
