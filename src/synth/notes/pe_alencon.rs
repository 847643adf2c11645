//! Notes of the visit to pe_alencon.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
