//! Notes of the visit to pe_lille.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
