//! Import: any survey export to a [`RawTable`](crate::model::RawTable), then to questions.
//!
//! Two stages, each tested on its own: a reader ([`read`]) turns bytes into typed cells;
//! a layout detector ([`layout`]) recognises the tool that wrote the file and builds the
//! questions ([`questions`]), with scales ([`scales`]) and personal columns ([`privacy`]).
//! [`Survey`](crate::model::Survey) runs the second stage; [`inspect`] reports on the result.

pub mod error;
pub mod evaluation;
pub mod inspect;
pub mod layout;
pub mod notes;
pub mod privacy;
pub mod questions;
pub mod read;
pub mod scales;
pub mod survey;

// The types the importer produces are the model's; inside `import` they keep short names.
use crate::model::ImportError;
