//! Per-article cost of each pure stage: decode, clean, extract (and its
//! parts), on the seed articles and the unseen fixtures. Run with
//! `cargo bench --bench pipeline`; results and machine in BENCHMARKS.md.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use chronik::extract::{dates, extract, names, ArticleText};
use chronik::ingest::{clean::clean, decode::decode};

fn articles() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["seeds", "tests/fixtures/unseen"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        out.extend(paths.into_iter().map(|p| std::fs::read(p).expect("read")));
    }
    out
}

fn stages(c: &mut Criterion) {
    let raw = articles();
    let bytes: u64 = raw.iter().map(|r| r.len() as u64).sum();
    let texts: Vec<String> = raw
        .iter()
        .map(|r| decode(r).expect("decodes").text)
        .collect();
    let cleaned: Vec<_> = texts.iter().map(|t| clean(t)).collect();
    let published = "2024-07-19".parse().ok();

    let mut g = c.benchmark_group("per corpus of 17 articles");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            raw.iter()
                .map(|r| decode(r).map(|d| d.text.len()).unwrap_or(0))
                .sum::<usize>()
        })
    });
    g.bench_function("clean", |b| {
        b.iter(|| texts.iter().map(|t| clean(t).body.len()).sum::<usize>())
    });
    g.bench_function("names", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|c| names::candidates(&c.body).len())
                .sum::<usize>()
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|c| dates::find_dates(&c.body, published).len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|c| {
                    extract(&ArticleText {
                        title: &c.title,
                        body: &c.body,
                        published,
                        credits: &c.credits,
                    })
                    .mentions
                    .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
