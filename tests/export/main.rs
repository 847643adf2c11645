//! The monograph exporters on their own: Word read back part by part (and converted to PDF by
//! LibreOffice where installed, as CI does), HTML and Markdown with hostile text escaped, and
//! the same document always giving the same bytes.

// Tests panic on purpose when something is wrong; a skipped check says so on stderr.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr
)]

mod docx;
mod fixture;
mod html;
mod markdown;
