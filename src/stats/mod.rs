//! Statistics on closed questions: frequencies, crosstabs by respondent group, Likert
//! summaries, numeric summaries, confidence intervals, tests of difference between groups,
//! and statistical disclosure control.
//!
//! The pieces, from the bottom up:
//!
//! - [`CountTable`] is the core every table goes through: units (respondents) counted in
//!   categories (answers, or later codes), one row per group, with the denominators that
//!   give each row's percentages. [`question_table`] fills it from a question and a
//!   [`Grouping`] (respondent group, network, role, site, region, another question).
//! - [`Crosstab`] turns counts into [`Cell`]s: count, percentage of an explicit
//!   [`Denominator`], 95 % Wilson interval ([`wilson`]), and a [`Caution`] on every group
//!   under [`SMALL_GROUP_N`] respondents.
//! - [`group_difference`] tests whether groups answer differently (Pearson's chi-square, or
//!   Fisher's exact test when expected counts are small) and words the result with the care
//!   a statistician would.
//! - [`suppress`] applies the project's disclosure threshold with secondary suppression, so
//!   that exports never show a small cell nor let it be recomputed; [`audit`] attacks a
//!   protected table as a statistical office would (integer programming on everything it
//!   publishes), [`protect_linked`] protects tables that add up to each other as one, and
//!   [`small_groups`] keeps groups under the threshold from being published as rows.
//! - [`numeric_table`] summarises numeric questions (n, mean, quartiles, extremes).
//!
//! All user-facing text (labels, cautions, wording of tests) is French.

pub mod crosstab;
pub mod disclosure;
pub mod frequencies;
pub mod grouping;
pub mod intervals;
pub mod numeric;
pub mod significance;
pub mod special;

pub use crosstab::{Caution, Cell, CountTable, Crosstab, CrosstabRow, Denominator};
pub use disclosure::{
    Audit, DisclosureError, DisclosureProfile, FeasibleRange, HiddenFigure, LinkedTable, Place,
    Printed, Published, PublishedDifference, RowRef, RowSum, SmallGroups, SuppressedTable,
    Suppression, TestPlan, audit, audit_linked, protect_linked, protect_table,
    published_difference, published_option_difference, recomputable_cells, small_groups, suppress,
    suppress_line, suppress_over_reals,
};
pub use frequencies::{
    ItemTable, Matching, QuestionTable, matching_questions, question_counts, question_table,
};
pub use grouping::{GroupedSource, Grouping, GroupingKind};
pub use intervals::{Z_95, wilson, wilson_z};
pub use numeric::{
    MIN_N_DECILES, MIN_N_QUARTILES, NumericRow, NumericSummary, NumericTable, numeric_table,
    summarize,
};
pub use significance::{
    ChiSquare, FISHER_TABLE_BUDGET, GroupDifference, TestKind, chi_square, fisher_exact,
    group_difference, numeric_difference, option_difference,
};
pub use special::{chi_square_p_value, ln_gamma, regularized_gamma_q};

use thiserror::Error;

/// Groups with fewer respondents than this carry a caution on every table, and tests of
/// difference are never called significant when one of them is involved.
pub const SMALL_GROUP_N: u64 = 30;

/// Why a statistic could not be computed. Messages are in the evaluator's words.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum StatsError {
    /// No question has this `SOURCE.QUESTION` id.
    #[error("question inconnue : « {qid} »")]
    UnknownQuestion {
        /// The id asked for.
        qid: String,
    },
    /// The question's answers are not closed (single, multiple or scale).
    #[error("la question « {qid} » n'a pas de réponses fermées ({kind}) : pas de tableau croisé")]
    NotClosed {
        /// The question's id.
        qid: String,
        /// Its kind, as the command line names it.
        kind: String,
    },
    /// The question is not numeric.
    #[error("la question « {qid} » n'est pas numérique ({kind})")]
    NotNumeric {
        /// The question's id.
        qid: String,
        /// Its kind, as the command line names it.
        kind: String,
    },
    /// The grouping named on the command line or in a chart is not known.
    #[error(
        "regroupement inconnu : « {spec} » (attendu : group, network, role, site, region ou l'identifiant d'une question fermée)"
    )]
    UnknownGrouping {
        /// What was asked for.
        spec: String,
    },
    /// A question used as a grouping must give each respondent at most one group.
    #[error(
        "la question « {qid} » ne peut pas servir de regroupement : il faut une question à réponse unique"
    )]
    GroupingNotSingle {
        /// The question's id.
        qid: String,
    },
    /// A table whose rows and columns do not agree in size.
    #[error("tableau incohérent : {problem}")]
    BadTable {
        /// What does not fit.
        problem: String,
    },
    /// A test of difference that cannot be run on this table.
    #[error("test impossible : {reason}")]
    NotTestable {
        /// Why, in the evaluator's words.
        reason: String,
    },
}
