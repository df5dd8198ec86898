//! Links dossier's binaries as position-dependent executables on Linux
//! with glibc, where the dynamic loader otherwise relocates the whole
//! image at every start: about a tenth of a short `dossier search`
//! (measured in docs/speed.md, "Process start"). The executable's own image
//! then loads at a fixed address; its libraries, heap and stack are still
//! placed at random. Set `DOSSIER_PIE=1` when building to keep a
//! position-independent executable (a distribution's hardening policy).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=DOSSIER_PIE");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let glibc_linux =
        target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu";
    let static_crt = target("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|feature| feature == "crt-static");
    let keep_pie = std::env::var_os("DOSSIER_PIE").is_some_and(|v| v == "1");
    if glibc_linux && !static_crt && !keep_pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
