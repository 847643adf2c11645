//! Independent tasks spread over the machine's cores.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Runs `task` on every index of `0..count`, on as many named threads as there are cores,
/// this one included. Each thread takes the next index not yet taken, so that long and
/// short tasks even out (a fixed split would leave a core idle). Once a result satisfies
/// `stop`, no further index is started.
///
/// Returns each index's result, in index order: `None` where no task ran, because of a
/// stop or because its thread panicked. The caller runs those again on its own thread (so
/// that a bug shows once) or skips them.
pub fn each_index<R: Send>(
    name: &str,
    count: usize,
    stop: impl Fn(&R) -> bool + Sync,
    task: impl Fn(usize) -> R + Sync,
) -> Vec<Option<R>> {
    let next = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let work = || {
        let mut done = Vec::new();
        while !stopped.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                break;
            }
            let result = task(i);
            if stop(&result) {
                stopped.store(true, Ordering::Relaxed);
            }
            done.push((i, result));
        }
        done
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(count)
        .max(1);
    let finished: Vec<(usize, R)> = std::thread::scope(|scope| {
        // A thread that cannot start leaves its share to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|k| {
                std::thread::Builder::new()
                    .name(format!("{name}-{k}"))
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().unwrap_or_default());
        }
        all
    });
    let mut results: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (i, result) in finished {
        results[i] = Some(result);
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_runs_once_in_order_and_a_stop_ends_the_rest() {
        let squares = each_index("test", 50, |_: &usize| false, |i| i * i);
        assert_eq!(squares, (0..50).map(|i| Some(i * i)).collect::<Vec<_>>());
        // Stopping at 3: the indices before it all ran; some after it never started.
        let ran = each_index("test", 10_000, |i: &usize| *i == 3, |i| i);
        assert!((0..=3).all(|i| ran[i] == Some(i)));
        assert!(ran.iter().any(Option::is_none));
        assert!(each_index("test", 0, |_: &()| false, |_| ()).is_empty());
    }
}
