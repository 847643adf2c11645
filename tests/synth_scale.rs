#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]
use std::path::Path;

#[test]
#[ignore]
fn timing() {
    let n = 100_000;
    let p = Path::new("/tmp/ts/x");
    let t = std::time::Instant::now();
    let mut sample = atelier::synth::Sample::default();
    atelier::synth::surveys::write_scaled(p, n, &mut sample).unwrap();
    println!("surveys {:?}", t.elapsed());
}
