//! Notes of the visit to ml_charleville.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
