//! `--screenshot`: render the real window once the data is loaded, write a PNG, exit.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::LaunchError;

/// Frames drawn after loading before the capture, so layout and fonts have settled.
const SETTLE_FRAMES: u32 = 4;

/// The longest a capture may wait for its data.
const TIMEOUT: Duration = Duration::from_secs(120);

/// What became of the screenshot, shared between the app and `run`.
#[derive(Clone, Default)]
pub struct Outcome(Arc<Mutex<Option<Result<(), LaunchError>>>>);

impl Outcome {
    fn set(&self, result: Result<(), LaunchError>) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(result);
        }
    }

    fn is_set(&self) -> bool {
        self.0.lock().map(|s| s.is_some()).unwrap_or(true)
    }

    /// The result once the window has closed (`Ok` when no screenshot was asked).
    pub fn result(&self) -> Result<(), LaunchError> {
        match self.0.lock() {
            Ok(mut slot) => slot.take().unwrap_or(Ok(())),
            Err(_) => Err(LaunchError::Screenshot("état partagé corrompu".to_owned())),
        }
    }
}

/// Drives one capture across frames.
pub struct Capture {
    path: PathBuf,
    started: Instant,
    settled: u32,
    requested: bool,
    outcome: Outcome,
}

impl Capture {
    /// A capture to `path`, reporting to `outcome`.
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Capture {
            path,
            started: Instant::now(),
            settled: 0,
            requested: false,
            outcome,
        }
    }

    /// Call once per frame. `ready` says the data is loaded; `failure` is a load error that
    /// makes the capture pointless.
    pub fn frame(&mut self, ctx: &egui::Context, ready: bool, failure: Option<&str>) {
        ctx.request_repaint();
        if self.outcome.is_set() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if let Some(message) = failure {
            self.outcome
                .set(Err(LaunchError::BadInput(message.to_owned())));
            return;
        }
        if self.started.elapsed() > TIMEOUT {
            self.outcome.set(Err(LaunchError::Screenshot(
                "les données ne se sont pas chargées à temps".to_owned(),
            )));
            return;
        }
        if !ready || self.requested {
            return;
        }
        self.settled += 1;
        if self.settled < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let outcome = self.outcome.clone();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            outcome.set(write_png(&path, &image));
            waker.request_repaint();
        });
    }
}

/// Write a captured frame as an RGBA PNG.
fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), LaunchError> {
    let fail =
        |e: &dyn std::fmt::Display| LaunchError::Screenshot(format!("{}: {e}", path.display()));
    let [width, height] = image.size;
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let mut encoder = png::Encoder::new(BufWriter::new(file), width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&bytes).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))
}
