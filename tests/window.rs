//! The real window under Xvfb: `atelier --screenshot` renders the workbench with a file
//! loaded and writes a PNG that shows it (not a blank frame).

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

fn xvfb_available() -> bool {
    Command::new("xvfb-run").arg("--help").output().is_ok()
}

#[test]
fn screenshot_of_the_sources_view_shows_the_window() {
    if !xvfb_available() {
        // CI installs Xvfb (.ci/run); on a developer machine without it, say so loudly.
        assert!(
            std::env::var_os("CI").is_none(),
            "xvfb-run is required in CI"
        );
        eprintln!(
            "SKIPPED: xvfb-run not found (apt-get install xvfb) — the real-window test did not run"
        );
        return;
    }
    let out_dir = std::env::temp_dir().join(format!("atelier-window-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let png_path = out_dir.join("sources.png");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/surveymonkey.csv");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_atelier"))
        .arg("--screenshot")
        .arg(&png_path)
        .args(["--view", "sources"])
        .arg(&fixture)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .output()
        .expect("xvfb-run starts");
    assert!(
        output.status.success(),
        "screenshot failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert!(
        info.width >= 1000 && info.height >= 650,
        "window too small: {}×{}",
        info.width,
        info.height
    );
    let pixels = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let colours: HashSet<&[u8]> = pixels.chunks(step).collect();
    assert!(
        colours.len() > 30,
        "the frame looks blank: {} colours",
        colours.len()
    );
    // Text is drawn: a fair share of pixels differ from the most common (background) colour.
    let background = pixels.chunks(step).next().unwrap();
    let differing = pixels.chunks(step).filter(|p| *p != background).count();
    assert!(
        differing * 50 > pixels.len() / step,
        "almost everything is background"
    );
}

#[test]
fn screenshot_of_the_cohort_view_shows_the_sample_figures() {
    if !xvfb_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xvfb-run is required in CI"
        );
        eprintln!("SKIPPED: xvfb-run not found — the real-window test did not run");
        return;
    }
    let out_dir =
        std::env::temp_dir().join(format!("atelier-window-cohort-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let png_path = out_dir.join("cohort.png");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_atelier"))
        .arg("--screenshot")
        .arg(&png_path)
        .args(["--view", "cohort"])
        .arg(&sample)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .output()
        .expect("xvfb-run starts");
    assert!(
        output.status.success(),
        "screenshot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    // The breakdown charts draw the national series in the palette's orange (#E69F00), a
    // colour the rest of the window never uses: the panel is filled, not waiting.
    let coloured = pixels
        .chunks(step)
        .filter(|p| p[0] > 200 && p[1] > 130 && p[1] < 190 && p[2] < 60)
        .count();
    assert!(
        coloured > 2000,
        "no chart drawn on the Cohortes panel ({coloured} coloured pixels)"
    );
}

#[test]
fn screenshot_of_the_charts_view_shows_a_diverging_likert_chart() {
    if !xvfb_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xvfb-run is required in CI"
        );
        eprintln!("SKIPPED: xvfb-run not found — the real-window test did not run");
        return;
    }
    let out_dir =
        std::env::temp_dir().join(format!("atelier-window-charts-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let png_path = out_dir.join("charts.png");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_atelier"))
        .arg("--screenshot")
        .arg(&png_path)
        .args(["--view", "charts"])
        .arg(&sample)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .output()
        .expect("xvfb-run starts");
    assert!(
        output.status.success(),
        "screenshot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    // A diverging chart has both ends of its palette: strong blue (favourable) and strong
    // red (unfavourable) bars.
    let blue = pixels
        .chunks(step)
        .filter(|p| p[2] > 140 && p[0] < 60 && p[1] < 140)
        .count();
    let red = pixels
        .chunks(step)
        .filter(|p| p[0] > 150 && p[1] < 70 && p[2] < 80)
        .count();
    assert!(
        blue > 1500 && red > 300,
        "no diverging chart: {blue} blue, {red} red pixels"
    );
}
