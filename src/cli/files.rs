//! The inputs of `report`: files as given, folders searched recursively.
//!
//! In folders, files with the extensions of [`EXTENSIONS`] are taken (any case); hidden files
//! and folders (name starting with `.`) are skipped, symbolic links followed (each folder is
//! visited once), entries visited in name order so the report is reproducible. A file named on
//! the command line is taken whatever its extension. A file reached twice is taken once.

use super::input::{io_reason, STDIN};
use super::CliError;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The extensions of article files looked for in folders.
pub const EXTENSIONS: &[&str] = &["html", "htm", "md", "markdown", "txt"];

/// What was found.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Article files, in command-line order then name order within each folder.
    pub files: Vec<PathBuf>,
    /// Folders (or links) that could not be read, with the reason.
    pub unreadable: Vec<(String, String)>,
}

/// Collects the article files under `paths`, leaving out `exclude` (the report being written,
/// when it already exists: `wxlint report .` must not read its previous report).
///
/// A path that does not exist is a usage error; so is `-` (the report reads files).
pub fn collect(paths: &[PathBuf], exclude: Option<&Path>) -> Result<Inputs, CliError> {
    let mut walk = Walk { inputs: Inputs::default(), seen_files: HashSet::new(), seen_dirs: HashSet::new(), exclude };
    for path in paths {
        if path.as_os_str() == STDIN {
            return Err(CliError("report reads files and folders, not standard input ('-')".into()));
        }
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk.dir(path),
            Ok(_) => walk.file(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CliError(format!("{}: no such file or folder", path.display())));
            }
            Err(e) => walk.inputs.unreadable.push((path.display().to_string(), io_reason(&e))),
        }
    }
    Ok(walk.inputs)
}

struct Walk<'a> {
    inputs: Inputs,
    seen_files: HashSet<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
    exclude: Option<&'a Path>,
}

impl Walk<'_> {
    fn file(&mut self, path: &Path) {
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.file_with_key(path, key);
    }

    /// `key`: the file's canonical path (for finding it twice, and the report itself).
    fn file_with_key(&mut self, path: &Path, key: PathBuf) {
        if self.exclude == Some(key.as_path()) || !self.seen_files.insert(key) {
            return;
        }
        self.inputs.files.push(path.to_path_buf());
    }

    fn dir(&mut self, dir: &Path) {
        let key = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen_dirs.insert(key.clone()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.inputs.unreadable.push((dir.display().to_string(), io_reason(&e))),
        };
        // The type comes with the entry on most systems (no system call per file).
        let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| (e.file_name(), e.file_type().ok())).collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, kind) in names {
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = dir.join(&name);
            if kind.is_some_and(|k| k.is_file()) {
                // A plain file, not a link: its canonical path is the folder's and its name
                // (canonicalising each of 10,000 files was a tenth of a second of system calls).
                if is_article(&path) {
                    self.file_with_key(&path, key.join(&name));
                }
                continue;
            }
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.dir(&path),
                Ok(m) if m.is_file() && is_article(&path) => self.file(&path),
                // A FIFO, device or socket named like an article: reading it could hang or
                // never end. Listed as skipped.
                Ok(_) if is_article(&path) => self.inputs.unreadable.push((path.display().to_string(), NOT_REGULAR.into())),
                Ok(_) => {}
                // A broken link, or a file that vanished: report it if it looks like an article.
                Err(e) if is_article(&path) => self.inputs.unreadable.push((path.display().to_string(), io_reason(&e))),
                Err(_) => {}
            }
        }
    }
}

/// The reason given for a FIFO, device or socket found in a folder.
pub const NOT_REGULAR: &str = "not a regular file (a FIFO, device or socket): skipped";

fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_order_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["b/2.md", "b/1.TXT", "a.html", ".hidden/x.txt", "b/.x.txt", "c.pdf", "d/e/f.htm"] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let out = root.join("a.html");
        let exclude = fs::canonicalize(&out).unwrap();
        let inputs = collect(&[root.to_path_buf(), root.join("c.pdf"), root.join("b/2.md")], Some(&exclude)).unwrap();
        let rel: Vec<_> = inputs.files.iter().map(|p| p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")).collect();
        assert_eq!(rel, ["b/1.TXT", "b/2.md", "d/e/f.htm", "c.pdf"]);
        assert!(inputs.unreadable.is_empty());
        assert!(collect(&[root.join("nope")], None).unwrap_err().0.ends_with("nope: no such file or folder"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_by_name_link_or_linked_folder_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/x.md"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("a/x.md"), root.join("a/y.md")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("b")).unwrap();
        // Through a linked folder, the folder is seen once; the file given by name is not
        // added again; the link to it is the same file.
        let inputs = collect(&[root.join("a/x.md"), root.to_path_buf(), root.join("b/x.md")], None).unwrap();
        let rel: Vec<_> = inputs.files.iter().map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(rel, ["a/x.md"]);
        // The report itself, excluded when reached through a linked folder.
        let exclude = fs::canonicalize(root.join("a/x.md")).unwrap();
        let inputs = collect(&[root.join("b")], Some(&exclude)).unwrap();
        assert!(inputs.files.is_empty(), "{:?}", inputs.files);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_in_folders_are_skipped_and_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.txt"), "x").unwrap();
        let fifo = root.join("x.html");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
        let inputs = collect(&[root.to_path_buf()], None).unwrap();
        assert_eq!(inputs.files, [root.join("a.txt")]);
        let skipped: Vec<(String, &str)> =
            inputs.unreadable.iter().map(|(p, r)| (Path::new(p).file_name().unwrap().to_string_lossy().into_owned(), r.as_str())).collect();
        assert_eq!(skipped, [("x.html".to_string(), NOT_REGULAR), ("zero.txt".to_string(), NOT_REGULAR)]);
    }
}
