//! Notes of the visit to pe_dunkerque.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[];
