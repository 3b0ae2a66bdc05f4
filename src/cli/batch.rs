//! Work on a batch of files on every core, results in input order.
//!
//! `report` reads, extracts and checks thousands of files; each file is independent, so worker
//! threads take the next index from a shared counter and the results are put back in order. The
//! calling thread only draws the progress bar. Small batches run on the calling thread.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// Below this many items, one thread.
const MIN_PARALLEL: usize = 32;
/// At most this many workers.
const MAX_THREADS: usize = 8;

/// `f(0)`, `f(1)` … `f(n - 1)`, computed on all cores, in order. `progress(done)` is called from
/// the calling thread as items complete.
pub fn map_ordered<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync, mut progress: impl FnMut(usize)) -> Vec<T> {
    let threads = thread::available_parallelism().map_or(1, |p| p.get()).min(MAX_THREADS);
    if n < MIN_PARALLEL || threads < 2 {
        return (0..n)
            .map(|i| {
                let out = f(i);
                progress(i + 1);
                out
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let caller = thread::current();
    let mut parts: Vec<Vec<(usize, T)>> = thread::scope(|s| {
        let workers: Vec<_> = (0..threads.min(n))
            .map(|_| {
                let caller = caller.clone();
                let (next, done, f) = (&next, &done, &f);
                s.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        out.push((i, f(i)));
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    caller.unpark();
                    out
                })
            })
            .collect();
        while !workers.iter().all(|w| w.is_finished()) {
            progress(done.load(Ordering::Relaxed));
            thread::park_timeout(Duration::from_millis(50));
        }
        progress(n);
        workers.into_iter().map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut all: Vec<(usize, T)> = parts.iter_mut().flat_map(std::mem::take).collect();
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_and_progress_ends_at_n() {
        for n in [0, 1, 31, 32, 1000] {
            let mut last = 0;
            let out = map_ordered(n, |i| i * 2, |d| {
                assert!(d >= last || d == n, "progress does not go back");
                last = d;
            });
            assert_eq!(out, (0..n).map(|i| i * 2).collect::<Vec<_>>());
            assert_eq!(last, n);
        }
    }
}
