use clap::Parser;

fn main() {
    let cli = frontlint::cli::Cli::parse();
    std::process::exit(frontlint::cli::run(cli));
}
