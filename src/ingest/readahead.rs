//! Asking the kernel to read files before a preparing thread needs them.
//!
//! The preparing threads are as many as the cores, and a file not in the
//! page cache stops one of them on the disk: importing 100,000 files that
//! the page cache had partly dropped, a per-100-ms timeline showed each
//! preparing thread waiting in `read` in about 5% of its samples. The
//! import names a chunk's files here when it queues the chunk, so the
//! kernel reads them in the background while the chunks before it are
//! prepared. Only a hint: on other systems, or should it fail, nothing
//! happens and the file is read when its turn comes.

use std::path::Path;

/// Starts reading each of `paths` into the page cache, without waiting.
pub fn advise<'a>(paths: impl IntoIterator<Item = &'a Path>) {
    for path in paths {
        will_need(path);
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn will_need(path: &Path) {
    if let Ok(file) = std::fs::File::open(path) {
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn will_need(_path: &Path) {}
