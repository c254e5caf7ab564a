//! Shared by the benches: timing.

use std::time::{Duration, Instant};

/// The fastest of `runs` runs of `f`: the figure least disturbed by the rest of the machine.
pub fn best(runs: u32, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}
