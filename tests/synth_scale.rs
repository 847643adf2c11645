#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]
use atelier::synth::sites::Network;
use atelier::synth::surveys::{counsellors, directors, employers, youth_ml, youth_pe};
use std::path::Path;

#[test]
#[ignore]
fn timing() {
    let n = 100_000;
    let p = Path::new("/tmp/ts/x");
    let t = std::time::Instant::now();
    let _ = directors::build(n);
    println!("directors build {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let b = directors::export(p, n).unwrap();
    println!("directors export {:?} {}", t.elapsed(), b.len());
    let t = std::time::Instant::now();
    let _ = counsellors::build(Network::Pe, n);
    println!("counsellors build {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let b = counsellors::export(Network::Pe, p, n).unwrap();
    println!("counsellors export {:?} {}", t.elapsed(), b.len());
    let t = std::time::Instant::now();
    let b = counsellors::export(Network::Ml, p, n).unwrap();
    println!("counsellors ML export {:?} {}", t.elapsed(), b.len());
    let t = std::time::Instant::now();
    let _ = youth_ml::build(n);
    println!("youth_ml build {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let b = youth_ml::export(p, n).unwrap();
    println!("youth_ml export {:?} {}", t.elapsed(), b.len());
    let t = std::time::Instant::now();
    let _ = youth_pe::build(n);
    println!("youth_pe build {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let b = youth_pe::export(p, n).unwrap();
    println!("youth_pe export {:?} {}", t.elapsed(), b.len());
    let t = std::time::Instant::now();
    let _ = employers::build(n);
    println!("employers build {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let b = employers::export(p, n).unwrap();
    println!("employers export {:?} {}", t.elapsed(), b.len());
}
