//! Notes of the visit to pe_labege.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
