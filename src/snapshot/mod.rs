//! Start-up snapshots: what a process builds before its first check, as bytes to keep and
//! restore in a later process instead of building it again.
//!
//! Two things are built once per process: the built-in lexicon compiled into its automaton
//! ([`crate::lexicon::builtin_base`], on the first [`crate::Checker::new`]) and the statistics
//! of the context typo check ([`crate::wording::model`], on the first check). [`save`] builds
//! both if needed and encodes them; [`restore`] installs them from such bytes, so that neither
//! is built again. The browser extension keeps a snapshot in its own IndexedDB and restores it
//! when its service worker restarts (the CLI builds; it starts once per run).
//!
//! **Invariants.** A snapshot is only accepted by the build that wrote it: it carries
//! [`build_id`], a hash of the sources and lists the crate was compiled from, and a checksum of
//! its content; anything else (another build, truncated or altered bytes) is a
//! [`SnapshotError`] and changes nothing. A restored part behaves exactly as the built one
//! (tested: equal encodings, equal findings). A part that this process has already built is
//! left alone.

pub(crate) mod codec;

use crate::lexicon::Base;
use crate::wording::Model;
use codec::{checksum, Reader, Writer};

/// Why a snapshot was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError(pub String);

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SnapshotError {}

const MAGIC: &[u8; 8] = b"WXLINTSS";
/// Version of the layout below; part of what [`build_id`] identifies, kept for clear errors.
const FORMAT: u32 = 2;
const HEADER: usize = 8 + 4 + 8 + 8;

/// The build of wxlint this binary is (a hash of its sources and lists, see `build.rs`), as 16
/// hex digits.
pub fn build_id() -> &'static str {
    env!("WXLINT_BUILD_ID")
}

fn build_id_u64() -> u64 {
    u64::from_str_radix(build_id(), 16).expect("build.rs writes 16 hex digits")
}

/// Which parts [`restore`] installed (`false`: this process had built that part already).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Restored {
    pub lexicon: bool,
    pub statistics: bool,
}

/// Which parts this process holds already (built or restored).
pub fn held() -> Restored {
    Restored { lexicon: crate::lexicon::builtin_base_is_built(), statistics: crate::wording::model_is_built() }
}

/// The snapshot of this process: the built-in lexicon and the statistics, built first if they
/// are not yet.
///
/// Layout: `WXLINTSS`, format (u32), build id (u64), checksum of the rest (u64), then the
/// lexicon and the statistics as length-prefixed parts.
pub fn save() -> Vec<u8> {
    let mut body = Writer::default();
    let mut part = Writer::default();
    crate::lexicon::builtin_base().encode(&mut part);
    body.bytes(&part.buf);
    part.buf.clear();
    crate::wording::model().encode(&mut part);
    body.bytes(&part.buf);
    let mut out = Writer { buf: Vec::with_capacity(HEADER + body.buf.len()) };
    out.buf.extend_from_slice(MAGIC);
    out.u32(FORMAT);
    out.u64(build_id_u64());
    out.u64(checksum(&body.buf));
    out.buf.extend_from_slice(&body.buf);
    out.buf
}

/// Installs the parts of a snapshot written by [`save`] that this process has not built yet.
/// On error nothing is installed.
pub fn restore(bytes: &[u8]) -> Result<Restored, SnapshotError> {
    restore_parts(bytes, Restored { lexicon: true, statistics: true })
}

/// [`restore`], limited to the parts marked in `wanted`: a part not wanted is not decoded (a
/// process that runs without the built-in lexicon does not decode the automaton it would not
/// use). The whole snapshot's checksum is still verified. On error nothing is installed.
pub fn restore_parts(bytes: &[u8], wanted: Restored) -> Result<Restored, SnapshotError> {
    let (base_bytes, model_bytes) = parts(bytes)?;
    // Decode both before installing either: all or nothing.
    let base = (wanted.lexicon && !crate::lexicon::builtin_base_is_built())
        .then(|| decode_all(base_bytes, "lexicon", Base::decode))
        .transpose()?;
    let model = (wanted.statistics && !crate::wording::model_is_built())
        .then(|| decode_all(model_bytes, "statistics", Model::decode))
        .transpose()?;
    Ok(Restored {
        lexicon: base.is_some_and(crate::lexicon::install_builtin_base),
        statistics: model.is_some_and(crate::wording::install_model),
    })
}

/// Whether [`restore`] would accept the snapshot: decodes every part, installs nothing.
pub fn verify(bytes: &[u8]) -> Result<(), SnapshotError> {
    let (base_bytes, model_bytes) = parts(bytes)?;
    decode_all(base_bytes, "lexicon", Base::decode)?;
    decode_all(model_bytes, "statistics", Model::decode)?;
    Ok(())
}

/// The lexicon and statistics parts of a snapshot of this build, checksum verified.
fn parts(bytes: &[u8]) -> Result<(&[u8], &[u8]), SnapshotError> {
    let mut r = Reader::new(bytes, "snapshot");
    if bytes.len() < HEADER || r.take(8)? != MAGIC {
        return Err(SnapshotError("not a wxlint snapshot".into()));
    }
    let format = r.u32()?;
    let id = r.u64()?;
    if format != FORMAT || id != build_id_u64() {
        return Err(SnapshotError(format!("snapshot of another build of wxlint ({id:016x}, format {format}; this is {})", build_id())));
    }
    let sum = r.u64()?;
    if checksum(&bytes[HEADER..]) != sum {
        return Err(SnapshotError("snapshot is damaged (checksum mismatch)".into()));
    }
    let parts = (r.bytes()?, r.bytes()?);
    if !r.is_done() {
        return Err(r.error("bytes after the last part"));
    }
    Ok(parts)
}

fn decode_all<T>(bytes: &[u8], part: &'static str, decode: fn(&mut Reader) -> Result<T, SnapshotError>) -> Result<T, SnapshotError> {
    let mut r = Reader::new(bytes, part);
    let value = decode(&mut r)?;
    if !r.is_done() {
        return Err(r.error("trailing bytes"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
