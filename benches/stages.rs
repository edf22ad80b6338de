//! Per-stage benchmarks over the five seed articles and the bundled examples:
//! segmentation, rule candidates, the tagger, coreference, quotations and event dates,
//! relations, the RDF mapping and store writes. Run with `cargo bench --bench stages`;
//! throughput is in bytes of article text. `scripts/bench.py` measures whole runs.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newskg::document::{expand_paths, read_text_file, Document};
use newskg::extract::stages::*;
use newskg::segment::{segment, Segmented};
use newskg::store::KgStore;
use newskg::{process, rdf, Models};
use std::hint::black_box;
use std::path::PathBuf;

fn articles() -> Vec<Document> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dirs = [repo.join("../shared/corpora/seeds"), repo.join("examples")];
    expand_paths(&dirs)
        .into_iter()
        .map(|path| {
            let path = path.unwrap_or_else(|e| panic!("{e}"));
            read_text_file(&path, Default::default()).expect("article")
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = articles();
    let models = Models::shipped();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let segmented: Vec<Segmented> = docs.iter().map(|d| segment(&d.text)).collect();
    let stats: Vec<DocumentStats> = docs
        .iter()
        .zip(&segmented)
        .map(|(d, s)| DocumentStats::new(&d.text, s))
        .collect();
    let rules: Vec<Vec<Candidate>> = docs
        .iter()
        .zip(&segmented)
        .zip(&stats)
        .map(|((d, s), st)| rule_candidates(&d.text, s, models.kb, st))
        .collect();
    let named: Vec<Vec<Candidate>> = docs
        .iter()
        .zip(&segmented)
        .zip(&stats)
        .zip(&rules)
        .map(|(((d, s), st), r)| named_entities(&d.text, s, models, st, r.clone()))
        .collect();
    let processed: Vec<_> = docs.iter().map(|d| process(d.clone(), models)).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(segment(&d.text));
            }
        })
    });
    group.bench_function("rule_candidates", |b| {
        b.iter(|| {
            for ((d, s), st) in docs.iter().zip(&segmented).zip(&stats) {
                black_box(rule_candidates(&d.text, s, models.kb, st));
            }
        })
    });
    group.bench_function("tagger", |b| {
        b.iter_batched(
            || rules.clone(),
            |rules| {
                for (((d, s), st), r) in docs.iter().zip(&segmented).zip(&stats).zip(rules) {
                    black_box(named_entities(&d.text, s, models, st, r));
                }
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("coreference", |b| {
        b.iter_batched(
            || named.clone(),
            |named| {
                for ((d, s), n) in docs.iter().zip(&segmented).zip(named) {
                    black_box(coreference(&d.text, s, models.kb, n));
                }
            },
            BatchSize::LargeInput,
        )
    });
    let resolved: Vec<_> = docs
        .iter()
        .zip(&segmented)
        .zip(&named)
        .map(|((d, s), n)| coreference(&d.text, s, models.kb, n.clone()))
        .collect();
    group.bench_function("quotations_and_event_dates", |b| {
        b.iter_batched(
            || resolved.clone(),
            |mut resolved| {
                for ((d, s), ex) in docs.iter().zip(&segmented).zip(resolved.iter_mut()) {
                    quotations(&d.text, s, ex);
                    event_dates(&d.text, s, d.date, ex);
                }
                resolved
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("relations", |b| {
        b.iter_batched(
            || resolved.clone(),
            |mut resolved| {
                for ((d, s), ex) in docs.iter().zip(&segmented).zip(resolved.iter_mut()) {
                    relations(&d.text, s, ex, models.kb, models.syntax);
                }
                resolved
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("rdf_mapping", |b| {
        b.iter(|| {
            for p in &processed {
                black_box(rdf::to_quads(p));
            }
        })
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let store = KgStore::open(&dir.path().join("store")).expect("store");
    let mut round = 0usize;
    group.bench_function("store_writes", |b| {
        b.iter_batched(
            || {
                round += 1;
                docs.iter()
                    .map(|d| {
                        let mut d = d.clone();
                        d.id = format!("{}-{round}", d.id);
                        process(d, models)
                    })
                    .collect::<Vec<_>>()
            },
            |batch| {
                for p in &batch {
                    store.ingest(p).expect("ingest");
                }
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stages
}
criterion_main!(benches);
