//! The byte encoding of snapshots: little-endian integers, length-prefixed strings and arrays,
//! and a checksum. A [`Reader`] never panics on bad input: every read is bounds-checked and
//! returns a [`SnapshotError`].

use super::SnapshotError;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("snapshot parts are under 4 GB"));
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub(crate) fn u16s(&mut self, v: &[u16]) {
        self.len(v.len());
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }

    pub(crate) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }

    pub(crate) fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }
}

/// Reads values written by a [`Writer`], in the same order.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// What is being read, for error messages.
    part: &'static str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], part: &'static str) -> Reader<'a> {
        Reader { data, pos: 0, part }
    }

    pub(crate) fn error(&self, what: &str) -> SnapshotError {
        SnapshotError(format!("{}: {what} at byte {}", self.part, self.pos))
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        if self.data.len() - self.pos < n {
            return Err(self.error("truncated"));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.data.len()
    }

    pub(crate) fn u32(&mut self) -> Result<u32, SnapshotError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, SnapshotError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    pub(crate) fn len(&mut self) -> Result<usize, SnapshotError> {
        Ok(self.u32()? as usize)
    }

    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], SnapshotError> {
        let n = self.len()?;
        self.take(n)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, SnapshotError> {
        let b = self.bytes()?;
        std::str::from_utf8(b).map_err(|_| self.error("invalid UTF-8"))
    }

    /// An array of `width`-byte items, as raw bytes (checked against the remaining length
    /// before anything is allocated).
    fn array(&mut self, width: usize) -> Result<&'a [u8], SnapshotError> {
        let n = self.len()?;
        let bytes = n.checked_mul(width).ok_or_else(|| self.error("array too long"))?;
        self.take(bytes)
    }

    pub(crate) fn u16s(&mut self) -> Result<Vec<u16>, SnapshotError> {
        Ok(self.array(2)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect())
    }

    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, SnapshotError> {
        Ok(self.array(4)?.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect())
    }

    pub(crate) fn u64s(&mut self) -> Result<Vec<u64>, SnapshotError> {
        Ok(self.array(8)?.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect())
    }
}

/// A 64-bit checksum of `data` (four independent multiply–rotate lanes over 8-byte words,
/// then mixed): catches the corruption of stored bytes, not an attacker.
pub(crate) fn checksum(data: &[u8]) -> u64 {
    const K: [u64; 4] = [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9, 0xd6e8_feb8_6659_fd93];
    let mut lanes = [0x243f_6a88_85a3_08d3u64, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0, 0x082e_fa98_ec4e_6c89];
    let mut chunks = data.chunks_exact(32);
    for c in &mut chunks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
            *lane = (*lane ^ w).wrapping_mul(K[i]).rotate_left(31);
        }
    }
    let mut tail = [0u8; 32];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let mut h = data.len() as u64;
    for (i, lane) in lanes.iter_mut().enumerate() {
        let w = u64::from_le_bytes(tail[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        *lane = (*lane ^ w).wrapping_mul(K[i]).rotate_left(31);
        h = (h ^ *lane).wrapping_mul(K[(i + 1) % 4]).rotate_left(27);
    }
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let mut w = Writer::default();
        w.u32(0xdead_beef);
        w.str("涉赌 ok");
        w.str("");
        w.u16s(&[1, 65535]);
        w.u32s(&[]);
        w.u64s(&[u64::MAX]);
        let mut r = Reader::new(&w.buf, "test");
        assert_eq!(r.u32().unwrap(), 0xdead_beef);
        assert_eq!(r.str().unwrap(), "涉赌 ok");
        assert_eq!(r.str().unwrap(), "");
        assert_eq!(r.u16s().unwrap(), vec![1, 65535]);
        assert_eq!(r.u32s().unwrap(), Vec::<u32>::new());
        assert_eq!(r.u64s().unwrap(), vec![u64::MAX]);
        assert!(r.is_done());
        assert!(r.u32().is_err());
    }

    #[test]
    fn a_huge_length_is_an_error_not_an_allocation() {
        let mut w = Writer::default();
        w.u32(u32::MAX);
        assert!(Reader::new(&w.buf, "test").u64s().is_err());
        assert!(Reader::new(&w.buf, "test").str().is_err());
    }

    #[test]
    fn the_checksum_sees_every_byte_and_the_length() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let h = checksum(&data);
        for i in [0, 31, 32, 500, 999] {
            let mut d = data.clone();
            d[i] ^= 1;
            assert_ne!(checksum(&d), h, "byte {i}");
        }
        assert_ne!(checksum(&data[..999]), h);
        assert_ne!(checksum(&[0]), checksum(&[0, 0]));
    }
}
