//! A multi-class averaged perceptron over hashed features with sparse rows: each feature
//! holds weights only for the classes training ever moved it towards or away from, so
//! the parser's hundred transition classes cost no more than the tagger's seventeen.
//! Training keeps running totals and timestamps (the averaged perceptron of Collins 2002,
//! averaged lazily); [`Trainer::finish`] gives the averaged [`Perceptron`] that decodes.

use crate::extract::tagger::FeatureMap;

/// The averaged weights: for each feature, `(class, weight)` pairs in class order, all
/// rows in one array, found through an open-addressing table of their own. Decoding is
/// bound by memory, not arithmetic: [`Perceptron::scores`] first finds every feature's
/// row and only then reads them, so the cache misses of one transition's features overlap
/// instead of following one another.
#[derive(Debug, Clone, Default)]
pub struct Perceptron {
    pub classes: usize,
    /// Rows by feature: linear probing from the slot the key's top bits pick; the table
    /// is at most half full.
    slots: Vec<Slot>,
    rows: usize,
    pairs: Vec<Pair>,
}

/// One slot of the row table: a feature key and where its row lies in `pairs`.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u64,
    start: u32,
    /// The row's length; [`EMPTY`] for a free slot.
    len: u32,
}

const EMPTY: u32 = u32::MAX;

impl Slot {
    /// Where the slot's row lies in `pairs`.
    fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

const FREE: Slot = Slot {
    key: 0,
    start: 0,
    len: EMPTY,
};

/// A class and its weight in steps of 1/[`WEIGHT_SCALE`], as stored (four bytes: a row of
/// a dozen classes is one cache line).
#[derive(Debug, Clone, Copy)]
struct Pair {
    class: u8,
    weight: i16,
}

impl Pair {
    fn weight(self) -> f32 {
        f32::from(self.weight) * (1.0 / WEIGHT_SCALE)
    }
}

/// Asks the processor to bring a value's cache line in while other work goes on.
#[inline(always)]
fn prefetch<T>(value: &T) {
    // SAFETY: a prefetch is a hint: it reads nothing into the program and never faults,
    // and the pointer comes from a live reference; SSE is part of every x86-64.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (value as *const T).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// How many features [`Perceptron::scores`] looks up before it reads their rows.
const LOOKUP_BATCH: usize = 64;

impl Perceptron {
    /// The score of every class for a set of features. (Weights are multiples of 1/64 and
    /// the sums stay far below 2^17: every sum is exact, whatever the order.)
    pub fn scores(&self, features: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.classes, 0.0);
        let mut found = [FREE; LOOKUP_BATCH];
        for batch in features.chunks(LOOKUP_BATCH) {
            if !self.slots.is_empty() {
                for &feature in batch {
                    prefetch(&self.slots[self.home(feature)]);
                }
            }
            let mut n = 0;
            for &feature in batch {
                if let Some(slot) = self.slot(feature) {
                    if let Some(first) = self.pairs.get(slot.start as usize) {
                        prefetch(first);
                    }
                    found[n] = slot;
                    n += 1;
                }
            }
            for slot in &found[..n] {
                for pair in &self.pairs[slot.range()] {
                    out[usize::from(pair.class)] += pair.weight();
                }
            }
        }
    }

    /// The slot a key's search starts from.
    fn home(&self, key: u64) -> usize {
        // Keys are hashes already, and their top bits pick the slot: a model file, written
        // in key order, is read into the table front to back, not at random.
        let bits = self.slots.len().trailing_zeros();
        (key >> (64 - bits)) as usize
    }

    /// The index of the slot that holds `key`, or of the free slot where it would go (the
    /// table is never full).
    fn probe(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].len != EMPTY && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        i
    }

    fn slot(&self, key: u64) -> Option<Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.slots[self.probe(key)];
        (slot.len != EMPTY).then_some(slot)
    }

    fn row(&self, feature: u64) -> Option<&[Pair]> {
        self.pairs.get(self.slot(feature)?.range())
    }

    /// Room for `rows` rows without growing the table.
    fn reserve(&mut self, rows: usize) {
        let wanted = (rows * 2).next_power_of_two().max(16);
        if wanted > self.slots.len() {
            let old = std::mem::replace(&mut self.slots, vec![FREE; wanted]);
            for slot in old.into_iter().filter(|s| s.len != EMPTY) {
                let i = self.probe(slot.key);
                self.slots[i] = slot;
            }
        }
    }

    /// Appends one feature's row of stored pairs (a feature added twice keeps its last row).
    fn push_row(&mut self, feature: u64, row: impl IntoIterator<Item = Pair>) {
        self.reserve(self.rows + 1);
        let start = self.pairs.len() as u32;
        self.pairs.extend(row);
        let i = self.probe(feature);
        if self.slots[i].len == EMPTY {
            self.rows += 1;
        }
        self.slots[i] = Slot {
            key: feature,
            start,
            len: self.pairs.len() as u32 - start,
        };
    }

    pub fn features(&self) -> usize {
        self.rows
    }

    /// Appends the weights to `out`: the class count, the row count, then each row (feature
    /// key, pair count, pairs of class and weight) in key order, so that one model always
    /// writes the same bytes. Weights are stored in steps of 1/[`WEIGHT_SCALE`] (an `i16`),
    /// far finer than any weight training keeps; classes in a byte.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.rows as u32).to_le_bytes());
        let mut keys: Vec<u64> = self
            .slots
            .iter()
            .filter(|s| s.len != EMPTY)
            .map(|s| s.key)
            .collect();
        keys.sort_unstable();
        for key in keys {
            let row = self.row(key).unwrap_or_default();
            out.extend_from_slice(&key.to_le_bytes());
            out.push(row.len() as u8);
            for pair in row {
                out.push(pair.class);
                out.extend_from_slice(&pair.weight.to_le_bytes());
            }
        }
    }

    /// Reads what [`Perceptron::write`] wrote from the front of `bytes`; `None` if the bytes
    /// end early or name a class out of range.
    pub fn read(bytes: &mut &[u8]) -> Option<Perceptron> {
        let classes = take_u32(bytes)? as usize;
        let count = take_u32(bytes)? as usize;
        if classes > MAX_CLASSES {
            return None;
        }
        let mut model = Perceptron {
            classes,
            ..Perceptron::default()
        };
        model.reserve(count.min(bytes.len() / 12));
        let mut row = Vec::new();
        for _ in 0..count {
            let key = u64::from_le_bytes(take(bytes, 8)?.try_into().ok()?);
            let pairs = usize::from(*take(bytes, 1)?.first()?);
            row.clear();
            for _ in 0..pairs {
                let pair = take(bytes, 3)?;
                let class = pair[0];
                if usize::from(class) >= classes {
                    return None;
                }
                let weight = i16::from_le_bytes([pair[1], pair[2]]);
                row.push(Pair { class, weight });
            }
            model.push_row(key, row.iter().copied());
        }
        Some(model)
    }
}

/// Stored weights are multiples of 1/64.
const WEIGHT_SCALE: f32 = 64.0;

/// The most classes a model can have: a class is stored in a byte.
pub const MAX_CLASSES: usize = 255;

fn quantize(weight: f32) -> i16 {
    (weight * WEIGHT_SCALE)
        .round()
        .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

pub(crate) fn take<'b>(bytes: &mut &'b [u8], n: usize) -> Option<&'b [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

pub(crate) fn take_u32(bytes: &mut &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(take(bytes, 4)?.try_into().ok()?))
}

/// One weight under training: its current value, the sum of its values over all updates
/// so far (up to `stamp`), and when it last changed.
#[derive(Debug, Clone, Copy, Default)]
struct Accumulator {
    weight: f32,
    total: f64,
    stamp: u64,
}

/// The perceptron while it learns.
#[derive(Debug, Default)]
pub struct Trainer {
    classes: usize,
    rows: FeatureMap<Vec<(u16, Accumulator)>>,
    /// How many examples have been seen: the clock of the averaging.
    clock: u64,
}

impl Trainer {
    /// A perceptron of `classes` classes (at most [`MAX_CLASSES`]).
    pub fn new(classes: usize) -> Self {
        assert!(
            classes <= MAX_CLASSES,
            "{classes} classes: at most {MAX_CLASSES}"
        );
        Trainer {
            classes,
            ..Trainer::default()
        }
    }

    /// The current (not averaged) score of every class.
    pub fn scores(&self, features: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.classes, 0.0);
        for feature in features {
            if let Some(row) = self.rows.get(feature) {
                for (class, acc) in row {
                    out[usize::from(*class)] += acc.weight;
                }
            }
        }
    }

    /// One example seen: if `guess` is not `truth`, moves the features towards the truth.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        for &feature in features {
            let row = self.rows.entry(feature).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u16;
                let at = match row.binary_search_by_key(&class, |&(c, _)| c) {
                    Ok(at) => at,
                    Err(at) => {
                        row.insert(
                            at,
                            (
                                class,
                                Accumulator {
                                    stamp: self.clock,
                                    ..Accumulator::default()
                                },
                            ),
                        );
                        at
                    }
                };
                let acc = &mut row[at].1;
                acc.total += f64::from(acc.weight) * (self.clock - acc.stamp) as f64;
                acc.stamp = self.clock;
                acc.weight += delta;
            }
        }
    }

    /// The averaged weights, without those that average to (almost) nothing.
    pub fn finish(&self, min_weight: f32) -> Perceptron {
        let mut model = Perceptron {
            classes: self.classes,
            ..Perceptron::default()
        };
        let mut features: Vec<u64> = self.rows.keys().copied().collect();
        features.sort_unstable();
        for feature in features {
            let row = &self.rows[&feature];
            // Stored as they will be written, so that a model behaves the same before and
            // after it is written.
            let kept: Vec<Pair> = row
                .iter()
                .filter_map(|&(class, acc)| {
                    let total = acc.total + f64::from(acc.weight) * (self.clock - acc.stamp) as f64;
                    let mean = (total / self.clock.max(1) as f64) as f32;
                    let pair = Pair {
                        class: class as u8,
                        weight: quantize(mean),
                    };
                    (pair.weight != 0 && pair.weight().abs() >= min_weight).then_some(pair)
                })
                .collect();
            if !kept.is_empty() {
                model.push_row(feature, kept);
            }
        }
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_writes_what_it_reads() {
        // Feature 1 means class 0, feature 2 class 1, feature 3 class 2; 9 is noise.
        let examples = [
            (vec![1, 9], 0),
            (vec![2, 9], 1),
            (vec![3, 9], 2),
            (vec![2], 1),
        ];
        let mut trainer = Trainer::new(3);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (features, truth) in &examples {
                trainer.scores(features, &mut scores);
                let guess = argmax(&scores);
                trainer.update(features, *truth, guess);
            }
        }
        let model = trainer.finish(0.0);
        for (features, truth) in &examples {
            model.scores(features, &mut scores);
            assert_eq!(argmax(&scores), *truth, "{features:?}");
        }
        let mut bytes = Vec::new();
        model.write(&mut bytes);
        let mut rest = bytes.as_slice();
        let read = Perceptron::read(&mut rest).expect("reads back");
        assert!(rest.is_empty());
        let mut again = Vec::new();
        read.write(&mut again);
        assert_eq!(bytes, again);
        // Truncated bytes are refused, not half-read.
        assert!(Perceptron::read(&mut &bytes[..bytes.len() - 1]).is_none());
    }

    fn argmax(scores: &[f32]) -> usize {
        scores
            .iter()
            .enumerate()
            .fold(
                (0, f32::MIN),
                |best, (i, &s)| if s > best.1 { (i, s) } else { best },
            )
            .0
    }
}
