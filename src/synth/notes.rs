//! Part of the sample evaluation (being written).

use std::path::Path;

use super::{Sample, SynthError};

/// Write this part of the sample into `dir` and record it in `sample`.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<(), SynthError> {
    let _ = (dir, sample);
    Ok(())
}
