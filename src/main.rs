fn main() {
    println!("frontlint: work in progress");
}
