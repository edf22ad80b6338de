//! No network unless asked: every command that reads articles or the store runs under
//! strace, and the system calls it makes must not include opening an Internet socket.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

/// Runs newskg with `args` under strace; returns the socket and connect calls it made.
fn network_calls(args: &[&str], trace: &Path) -> Vec<String> {
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=socket,connect", "-o"])
        .arg(trace)
        .arg(env!("CARGO_BIN_EXE_newskg"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("strace: {e} (this test needs strace: apt-get install strace)"));
    assert!(
        status.status.success(),
        "newskg {args:?} failed: {}",
        stderr(&status)
    );
    std::fs::read_to_string(trace)
        .expect("strace log")
        .lines()
        .filter(|line| line.contains("AF_INET") || line.contains("sin_port"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_command_opens_a_network_connection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let store = store.to_str().expect("path");
    let examples = repo().join("examples");
    let examples = examples.to_str().expect("path");
    let annotated = dir.path().join("brat");
    let exported = dir.path().join("graph.nt");
    let commands: Vec<Vec<&str>> = vec![
        vec!["ingest", "--quiet", "--store", store, examples],
        vec!["extract", examples],
        vec![
            "annotate",
            "--out",
            annotated.to_str().expect("path"),
            examples,
        ],
        vec![
            "query",
            "--store",
            store,
            "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
        ],
        vec![
            "export",
            "--store",
            store,
            "--format",
            "ntriples",
            "--output",
            exported.to_str().expect("path"),
        ],
    ];
    for (i, args) in commands.iter().enumerate() {
        let trace = dir.path().join(format!("trace-{i}"));
        let calls = network_calls(args, &trace);
        assert!(
            calls.is_empty(),
            "newskg {args:?} touched the network: {calls:?}"
        );
    }
    // The check sees sockets when there are some: strace itself is working.
    let trace = dir.path().join("trace-python");
    let probe = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=socket", "-o"])
        .arg(&trace)
        .args(["python3", "-c", "import socket; socket.socket()"])
        .status();
    if probe.is_ok_and(|s| s.success()) {
        let log = std::fs::read_to_string(&trace).expect("strace log");
        assert!(log.contains("AF_INET"), "strace saw no socket: {log}");
    }
}
