//! Golden files: the BRAT annotation of each bundled example is the contract. After an
//! intended change, update them with `UPDATE_GOLDEN=1 cargo test --release --test golden`
//! and review the diff.

mod common;

use common::repo;
use std::fs;

#[test]
fn examples_match_their_golden_annotations() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(repo().join("examples")).expect("examples/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let doc =
            newskg::document::read_text_file(&path, Default::default()).expect("valid example");
        let ann = newskg::brat::to_ann(&newskg::process(doc.clone(), newskg::Models::shipped()));
        let golden = repo().join("tests/golden").join(format!("{}.ann", doc.id));
        if update {
            fs::write(&golden, &ann).expect("write golden");
        } else if fs::read_to_string(&golden).ok().as_deref() != Some(ann.as_str()) {
            mismatches.push(format!(
                "{} differs from {}:\n{ann}",
                path.display(),
                golden.display()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 2);
    assert!(
        mismatches.is_empty(),
        "{}\n(run with UPDATE_GOLDEN=1 to accept)",
        mismatches.join("\n")
    );
}
