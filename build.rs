//! Links dossier's binaries as position-dependent executables on Linux.
//!
//! A position-independent executable makes the dynamic loader patch about
//! 42,000 relocations and copy the pages they sit on at every start: 0.55 M
//! instructions and about 0.5 ms of a 5 ms `dossier search`, measured side
//! by side (docs/speed.md, "Process start"). The trade is that the
//! executable's own image loads at a fixed address; its libraries, heap and
//! stack are still placed at random.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
