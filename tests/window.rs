//! The real window under Xvfb: `atelier --screenshot` renders the workbench with data
//! loaded and writes a PNG that shows it (not a blank frame), for each view that the issues
//! ask to see.

// Tests panic on purpose when something is wrong.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr
)]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

fn xvfb_available() -> bool {
    Command::new("xvfb-run").arg("--help").output().is_ok()
}

/// A decoded screenshot: width, height, samples per pixel, pixels.
struct Shot {
    width: u32,
    height: u32,
    step: usize,
    pixels: Vec<u8>,
}

impl Shot {
    fn count(&self, keep: impl Fn(&[u8]) -> bool) -> usize {
        self.pixels.chunks(self.step).filter(|p| keep(p)).count()
    }
}

/// Run `atelier --screenshot` on `path` with `view` under Xvfb; `None` when Xvfb is missing
/// on a developer machine (CI installs it, and there its absence is a failure).
fn screenshot(view: &str, path: &Path) -> Option<Shot> {
    if !xvfb_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xvfb-run is required in CI"
        );
        eprintln!(
            "SKIPPED: xvfb-run not found (apt-get install xvfb) — the real-window test did not run"
        );
        return None;
    }
    let out_dir =
        std::env::temp_dir().join(format!("atelier-window-{view}-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let png_path = out_dir.join(format!("{view}.png"));
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_atelier"))
        .arg("--screenshot")
        .arg(&png_path)
        .args(["--view", view])
        .arg(path)
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
    buf.truncate(info.buffer_size());
    Some(Shot {
        width: info.width,
        height: info.height,
        step: info.color_type.samples(),
        pixels: buf,
    })
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys")
}

#[test]
fn screenshot_of_the_sources_view_shows_the_window() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/surveymonkey.csv");
    let Some(shot) = screenshot("sources", &fixture) else {
        return;
    };
    assert!(
        shot.width >= 1000 && shot.height >= 650,
        "window too small: {}×{}",
        shot.width,
        shot.height
    );
    let colours: HashSet<&[u8]> = shot.pixels.chunks(shot.step).collect();
    assert!(
        colours.len() > 30,
        "the frame looks blank: {} colours",
        colours.len()
    );
    // Text is drawn: a fair share of pixels differ from the most common (background) colour.
    let background = shot.pixels.chunks(shot.step).next().unwrap().to_vec();
    let differing = shot.count(|p| p != background.as_slice());
    assert!(
        differing * 50 > shot.pixels.len() / shot.step,
        "almost everything is background"
    );
}

#[test]
fn screenshot_of_the_cohort_view_shows_the_sample_figures() {
    let Some(shot) = screenshot("cohort", &sample()) else {
        return;
    };
    // The breakdown charts draw the national series in the palette's orange (#E69F00), a
    // colour the rest of the window never uses: the panel is filled, not waiting.
    let orange = shot.count(|p| p[0] > 200 && p[1] > 130 && p[1] < 190 && p[2] < 60);
    assert!(
        orange > 2000,
        "no chart drawn on the Cohortes panel ({orange} orange pixels)"
    );
}

#[test]
fn screenshot_of_the_charts_view_shows_a_diverging_likert_chart() {
    let Some(shot) = screenshot("charts", &sample()) else {
        return;
    };
    // A diverging chart has both ends of its palette: strong blue (favourable) and strong
    // red (unfavourable) bars.
    let blue = shot.count(|p| p[2] > 140 && p[0] < 60 && p[1] < 140);
    let red = shot.count(|p| p[0] > 150 && p[1] < 70 && p[2] < 80);
    assert!(
        blue > 1500 && red > 300,
        "no diverging chart: {blue} blue, {red} red pixels"
    );
}
