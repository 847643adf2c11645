//! Notes of the visit to pe_vannes.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
