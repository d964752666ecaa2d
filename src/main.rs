use clap::Parser;

fn main() {
    restore_sigpipe();
    let cli = frontlint::cli::Cli::parse();
    std::process::exit(frontlint::cli::run(cli));
}

/// Rust ignores SIGPIPE, so writing to a closed pipe (`frontlint rules |
/// head -1`) is an error that `println!` turns into a panic. A command-line
/// filter should instead end quietly, as `cat` and `grep` do: restore the
/// default action.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
