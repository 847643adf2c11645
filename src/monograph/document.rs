//! A monograph as it is printed: a title page, sections in order, and in each section its
//! blocks (the evaluator's text, quotes with their provenance, charts, tables). Assembly
//! makes one from the evidence; the exporters write it as Word, HTML or Markdown, so that
//! the three say the same thing.

use serde::{Deserialize, Serialize};

/// A document ready to be written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The title (« Monographie — Mission locale de Touraine »).
    pub title: String,
    /// Under the title (« Évaluation de l'ANI Jeunes · visite du 8 octobre 2013 »).
    pub subtitle: String,
    /// Lines of the title page below the subtitle (the evaluation, the date of the data…).
    pub front_matter: Vec<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A section: a heading and its blocks; sections nest one level (`level` 1 or 2).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    /// 1 for a section, 2 for a subsection.
    pub level: u8,
    /// Its heading.
    pub title: String,
    /// Its content, in order.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The evaluator's own text: paragraphs separated by a blank line.
    Text(String),
    /// A coded passage quoted, with where it comes from.
    Quote(Quote),
    /// A chart, as an image.
    Figure(Figure),
    /// A table.
    Table(Table),
    /// A short note in small type (a caution, a definition, what was suppressed).
    Note(String),
}

/// A quoted passage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The words quoted.
    pub text: String,
    /// Who spoke: a role, never a name (« Directrice », « Jeune, 22 ans »).
    pub speaker: String,
    /// Where it comes from (« Entretien avec la directrice, 8 octobre 2013 »).
    pub source: String,
    /// The code it is quoted under.
    pub code: String,
}

/// A chart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figure {
    /// The chart as a PNG.
    pub png: Vec<u8>,
    /// Its width and height in pixels.
    pub size: (u32, u32),
    /// The chart as SVG, for formats that take it (HTML), if drawn.
    pub svg: Option<String>,
    /// The caption: what it shows, its source and n (« Figure 2 — … Source : … ; n = 195 »).
    pub caption: String,
    /// A text for screen readers.
    pub alt: String,
}

/// A table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Its title, above it.
    pub title: String,
    /// The header row.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// Notes under it (source, n, suppressed cells, definitions).
    pub notes: Vec<String>,
}
