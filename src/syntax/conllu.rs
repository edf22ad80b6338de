//! Reading Universal Dependencies treebanks in CoNLL-U (GUM's `dep/*.conllu`) as training
//! sentences: syntactic words with their part of speech, head and relation. Multiword
//! tokens ("don't" = "do" + "n't") give their syntactic words; empty nodes of enhanced
//! graphs are skipped. Words that the treebank splits at a hyphen ("Acme - owned", written
//! without spaces) are joined back into one word, as newskg's tokenizer reads them.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// One word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeWord {
    pub form: String,
    pub upos: String,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    pub deprel: String,
}

/// Reads every sentence of a CoNLL-U file.
pub fn read(path: &Path) -> Result<Vec<Vec<TreeWord>>, ConlluError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConlluError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, message)| ConlluError::Syntax {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// A word as read, before hyphenated parts are joined.
struct RawWord {
    word: TreeWord,
    /// No space after the word in the running text (`SpaceAfter=No`).
    joined_to_next: bool,
}

/// Parses CoNLL-U text; an error gives the 1-based line and what is wrong there.
pub fn parse(text: &str) -> Result<Vec<Vec<TreeWord>>, (usize, String)> {
    let mut sentences = Vec::new();
    let mut words: Vec<RawWord> = Vec::new();
    // The end of the multiword token being read, and whether a space follows it.
    let mut multiword: Option<(usize, bool)> = None;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            if !words.is_empty() {
                sentences.push(join_hyphenated(std::mem::take(&mut words)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err((line_no, format!("{} fields, not 10", fields.len())));
        }
        let id = fields[0];
        let no_space = fields[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((first, last)) = id.split_once('-') {
            let last: usize = last
                .parse()
                .map_err(|_| (line_no, format!("bad token range {id:?}")))?;
            if first.parse::<usize>().is_err() {
                return Err((line_no, format!("bad token range {id:?}")));
            }
            multiword = Some((last, no_space));
            continue;
        }
        if id.contains('.') {
            continue; // an empty node
        }
        let index: usize = id
            .parse()
            .map_err(|_| (line_no, format!("bad word id {id:?}")))?;
        if index != words.len() + 1 {
            return Err((line_no, format!("word {index} after word {}", words.len())));
        }
        let head: usize = fields[6]
            .parse()
            .map_err(|_| (line_no, format!("bad head {:?}", fields[6])))?;
        // Inside a multiword token the words touch; its last word takes the token's spacing.
        let joined_to_next = match multiword {
            Some((last, token_no_space)) if index == last => {
                multiword = None;
                token_no_space
            }
            Some(_) => true,
            None => no_space,
        };
        words.push(RawWord {
            word: TreeWord {
                form: fields[1].to_string(),
                upos: fields[3].to_string(),
                head: head.checked_sub(1),
                deprel: fields[7].to_string(),
            },
            joined_to_next,
        });
    }
    if !words.is_empty() {
        sentences.push(join_hyphenated(words));
    }
    for sentence in &sentences {
        if sentence
            .iter()
            .any(|w| w.head.is_some_and(|h| h >= sentence.len()))
        {
            return Err((0, "a head outside its sentence".to_string()));
        }
    }
    Ok(sentences)
}

/// Joins "word - word" written without spaces into one word whose head, part of speech and
/// relation are those of the part that the rest of the sentence attaches to.
fn join_hyphenated(words: Vec<RawWord>) -> Vec<TreeWord> {
    let alphanumeric = |w: &RawWord| w.word.form.chars().all(char::is_alphanumeric);
    // Groups of word indexes, in order.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 2 < words.len()
            && alphanumeric(&words[j])
            && words[j].joined_to_next
            && words[j + 1].word.form == "-"
            && words[j + 1].joined_to_next
            && alphanumeric(&words[j + 2])
        {
            j += 2;
        }
        let group: Vec<usize> = (i..=j).collect();
        // The part that the rest of the sentence attaches to: exactly one, or no join.
        let inside = |h: Option<usize>| h.is_some_and(|h| (i..=j).contains(&h));
        let outer: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&k| !inside(words[k].word.head))
            .collect();
        if j > i && outer.len() == 1 {
            groups.push(group);
        } else {
            groups.extend((i..=j).map(|k| vec![k]));
        }
        i = j + 1;
    }
    let mut new_index = vec![0; words.len()];
    for (g, group) in groups.iter().enumerate() {
        for &k in group {
            new_index[k] = g;
        }
    }
    groups
        .iter()
        .map(|group| {
            let lo = group[0];
            let hi = group[group.len() - 1];
            let head_part = group
                .iter()
                .copied()
                .find(|&k| !words[k].word.head.is_some_and(|h| (lo..=hi).contains(&h)))
                .unwrap_or(lo);
            let form: String = group.iter().map(|&k| words[k].word.form.as_str()).collect();
            let part = &words[head_part].word;
            TreeWord {
                form,
                upos: part.upos.clone(),
                head: part.head.map(|h| new_index[h]),
                deprel: part.deprel.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = x-1
# text = Acme-owned Zed didn't fall.
1\tAcme\tAcme\tPROPN\tNNP\t_\t3\tcompound\t_\tSpaceAfter=No
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No
3\towned\town\tVERB\tVBN\t_\t4\tamod\t_\t_
4\tZed\tZed\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
5-6\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
5\tdid\tdo\tAUX\tVBD\t_\t7\taux\t_\t_
6\tn't\tnot\tPART\tRB\t_\t7\tadvmod\t_\t_
7\tfall\tfall\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
7.1\tfell\tfall\tVERB\tVBD\t_\t_\t_\t0:root\t_
8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_

1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_
";

    #[test]
    fn reads_words_joins_hyphenated_parts_and_skips_empty_nodes() {
        let sentences = parse(SAMPLE).expect("valid");
        assert_eq!(sentences.len(), 2);
        let forms: Vec<&str> = sentences[0].iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Acme-owned", "Zed", "did", "n't", "fall", "."]);
        // The joined word is the part the sentence attaches to ("owned", amod of "Zed").
        assert_eq!(sentences[0][0].upos, "VERB");
        assert_eq!(sentences[0][0].head, Some(1));
        assert_eq!(sentences[0][0].deprel, "amod");
        assert_eq!(sentences[0][1].head, Some(4));
        assert_eq!(sentences[0][4].head, None);
        assert_eq!(sentences[1][0].deprel, "root");
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "1\tA\ta\tDET\tDT\t_\t0\troot\t_\n";
        assert_eq!(parse(bad).map_err(|e| e.0), Err(1));
        let bad = "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n";
        assert_eq!(parse(bad).map_err(|e| e.0), Err(2));
    }
}
