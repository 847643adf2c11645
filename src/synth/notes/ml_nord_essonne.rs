//! Notes of the visit to ml_nord_essonne.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
