//! Inter-coder agreement: how alike two coders who coded the same material independently
//! apply the codebook, so that an evaluator knows whether counts built on a code can be
//! trusted, and where to look when they cannot.
//!
//! **Units.** Agreement is measured over units of meaning, not characters: one answer of one
//! respondent, or one paragraph of a site-visit note. Tools that compare character by
//! character count every uncoded character as agreement, which makes any pair of coders look
//! reliable (QualCoder #667). And only the units *both* coders coded count: a unit one coder
//! left aside was not double-coded, it is not a disagreement. Within a unit, a coder's
//! answer is the set of codes they applied anywhere in it, whatever the span.
//!
//! **Measures**, per code, on its presence or absence in each common unit: the proportion of
//! units where the coders agree, Cohen's κ and Krippendorff's α. For the project, one α over
//! the pooled binary data (see [`AgreementReport::alpha`] for exactly what is pooled). The
//! general nominal α lives in [`alpha`], after Krippendorff (2011).
//!
//! **Review.** [`CommonUnits::disagreements`] lists the units where the coders' sets of codes
//! differ, each with both sets and the codings behind them, for side-by-side review.
//!
//! [`AgreementReport`] serialises to the contract of `atelier agreement --json` (DESIGN.md §3)
//! and renders French text for the terminal.

pub mod alpha;
mod units;

use std::fmt::Write as _;

use serde::{Serialize, Serializer};

use crate::model::coding::CodeId;
use crate::model::french;

pub use alpha::{Coincidences, krippendorff_alpha_nominal};
pub use units::{CodedUnit, CommonUnits, NoteParagraphs, Unit, common_units};

/// Below this many common units the text report warns that the measures are unstable, as
/// figures on fewer than 30 respondents carry a caution elsewhere in Atelier.
pub const FEW_UNITS: usize = 30;

/// Krippendorff's (2004, 2011) thresholds: α ≥ 0.800 to rely on the data, α ≥ 0.667 for
/// tentative conclusions only. Quoted in the text report.
const ALPHA_RELIABLE: &str = "0,800";
const ALPHA_TENTATIVE: &str = "0,667";

/// One code's presence over the common units, as a 2×2 table of the two coders' decisions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PresenceTable {
    /// Units where both coders applied the code.
    pub both: usize,
    /// Units where only the first coder applied it.
    pub first_only: usize,
    /// Units where only the second coder applied it.
    pub second_only: usize,
    /// Units where neither applied it.
    pub neither: usize,
}

impl PresenceTable {
    /// The table of `code` over `units`.
    pub fn of_code(units: &[CodedUnit], code: CodeId) -> Self {
        let mut table = PresenceTable::default();
        for unit in units {
            match (unit.first.contains(&code), unit.second.contains(&code)) {
                (true, true) => table.both += 1,
                (true, false) => table.first_only += 1,
                (false, true) => table.second_only += 1,
                (false, false) => table.neither += 1,
            }
        }
        table
    }

    /// The cell-by-cell sum of two tables (pooling their units).
    pub fn plus(self, other: PresenceTable) -> PresenceTable {
        PresenceTable {
            both: self.both + other.both,
            first_only: self.first_only + other.first_only,
            second_only: self.second_only + other.second_only,
            neither: self.neither + other.neither,
        }
    }

    /// How many units the table covers.
    pub fn units(&self) -> usize {
        self.both + self.first_only + self.second_only + self.neither
    }

    /// The « percent agreement » of the literature, as a proportion from 0 to 1: the share of
    /// units where the coders agree on the code (both applied it, or neither did). `None`
    /// without units.
    pub fn agreement(&self) -> Option<f64> {
        let n = self.units();
        (n > 0).then(|| (self.both + self.neither) as f64 / n as f64)
    }

    /// Cohen's κ (1960): `(p_o − p_e) / (1 − p_e)`, agreement corrected for the agreement
    /// expected by chance from each coder's own rate of use. `None` when undefined: no
    /// units, or both coders applied the code in every unit, or both in none (then
    /// `p_e = 1` and κ is 0/0). One coder always and the other never gives κ = 0.
    pub fn cohen_kappa(&self) -> Option<f64> {
        let n = self.units();
        let first_yes = self.both + self.first_only;
        let second_yes = self.both + self.second_only;
        // Tested on counts, not on p_e == 1.0, so rounding cannot turn 0/0 into a number.
        let no_variation =
            (first_yes == 0 && second_yes == 0) || (first_yes == n && second_yes == n);
        if n == 0 || no_variation {
            return None;
        }
        let n = n as f64;
        let observed = (self.both + self.neither) as f64 / n;
        let (p1, p2) = (first_yes as f64 / n, second_yes as f64 / n);
        let expected = p1 * p2 + (1.0 - p1) * (1.0 - p2);
        Some((observed - expected) / (1.0 - expected))
    }

    /// Krippendorff's α for these binary data (two coders, no missing value: each unit
    /// holds one 1/0 value per coder). `None` when undefined: no units, or the same value
    /// everywhere (the code in every unit for both coders, or in none). With `N` units it
    /// reduces to `1 − (2N − 1)·(first_only + second_only) / (n₀·n₁)`, `n₁` and `n₀` counting
    /// the coders' presences and absences together: Scott's π corrected for sample size,
    /// close to κ when both coders use the code about as often.
    pub fn krippendorff_alpha(&self) -> Option<f64> {
        let mut matrix = Coincidences::new();
        matrix.add_units([Some(true), Some(true)], self.both);
        matrix.add_units([Some(true), Some(false)], self.first_only);
        matrix.add_units([Some(false), Some(true)], self.second_only);
        matrix.add_units([Some(false), Some(false)], self.neither);
        matrix.alpha_nominal()
    }
}

/// One code's line of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeAgreement {
    /// The code's name.
    pub code: String,
    /// Proportion of common units where the coders agree on the code (0 to 1), see
    /// [`PresenceTable::agreement`]; written with 3 decimals.
    #[serde(serialize_with = "three_decimals")]
    pub agreement: f64,
    /// Cohen's κ; `None` (JSON `null`) when undefined, see [`PresenceTable::cohen_kappa`];
    /// written with 3 decimals.
    #[serde(serialize_with = "three_decimals_or_null")]
    pub kappa: Option<f64>,
    /// The code's id (not in the JSON contract).
    #[serde(skip)]
    pub id: CodeId,
    /// Krippendorff's α for this code alone, see [`PresenceTable::krippendorff_alpha`] (not
    /// in the JSON contract, shown in the text).
    #[serde(skip)]
    pub alpha: Option<f64>,
    /// The two coders' decisions on the code, unit by unit, summed.
    #[serde(skip)]
    pub table: PresenceTable,
}

/// Agreement between two coders, as `atelier agreement --json` prints it:
/// `{"coders": ["A", "B"], "units": N, "codes": [{"code", "agreement", "kappa"}], "alpha"}`.
///
/// Numbers are rounded to 3 decimals (half away from zero, `-0` written `0`) when written:
/// Krippendorff reports α to three decimals and his thresholds (0.667, 0.800) need the
/// third. The fields keep full precision. Fields marked « not in the JSON contract » are for
/// the text and the GUI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The two coders, first then second.
    pub coders: [String; 2],
    /// How many units (answers, paragraphs) both coders coded.
    pub units: usize,
    /// One line per code either coder applied in a common unit, in code id order.
    pub codes: Vec<CodeAgreement>,
    /// The project-level α: Krippendorff's α for nominal data over the pooled binary
    /// presence data. Each pair (common unit, code) is one item, for every code either coder
    /// applied in at least one common unit; each coder's value is 1 if they applied the code
    /// anywhere in the unit, else 0 (both coders coded every common unit, so there is no
    /// missing value). Codes used in no common unit are left out, as their all-absent items
    /// would inflate agreement. This equals the binary α of the sum of the codes' 2×2
    /// tables. `None` (JSON `null`) without common units or without variation (every listed
    /// code applied by both coders in every unit).
    #[serde(serialize_with = "three_decimals_or_null")]
    pub alpha: Option<f64>,
    /// How many units each coder coded, common or not (not in the JSON contract).
    #[serde(skip)]
    pub coded_by: [usize; 2],
    /// How many common units the coders' sets of codes differ in (not in the JSON contract).
    #[serde(skip)]
    pub disagreements: usize,
    /// How many note codings could not be placed in a paragraph and were left out (not in the
    /// JSON contract).
    #[serde(skip)]
    pub unplaced: usize,
}

impl AgreementReport {
    /// The report on `common`, naming codes with `code_name`.
    pub fn new(common: &CommonUnits, code_name: &dyn Fn(CodeId) -> String) -> Self {
        let mut pooled = PresenceTable::default();
        let codes = common
            .codes()
            .into_iter()
            .map(|id| {
                let table = PresenceTable::of_code(&common.units, id);
                pooled = pooled.plus(table);
                CodeAgreement {
                    code: code_name(id),
                    // A listed code has at least one common unit.
                    agreement: table.agreement().unwrap_or(f64::NAN),
                    kappa: table.cohen_kappa(),
                    id,
                    alpha: table.krippendorff_alpha(),
                    table,
                }
            })
            .collect();
        AgreementReport {
            coders: common.coders.clone(),
            units: common.units.len(),
            codes,
            alpha: pooled.krippendorff_alpha(),
            coded_by: common.coded_by,
            disagreements: common.units.iter().filter(|u| !u.agrees()).count(),
            unplaced: common.unplaced.len(),
        }
    }

    /// The report as French text for the terminal: the units, the project's α with
    /// Krippendorff's thresholds, one line per code, and what « – » means.
    pub fn to_text(&self) -> String {
        let [a, b] = &self.coders;
        let mut out = format!("Accord entre codeurs : {a} et {b}\n");
        // Writing to a String cannot fail: the `fmt::Result`s below are discarded.
        let _ = writeln!(
            out,
            "Unités codées par les deux (réponses, paragraphes de notes) : {}",
            count(self.units)
        );
        let _ = writeln!(
            out,
            "Unités codées par {a} : {} ; par {b} : {}",
            count(self.coded_by[0]),
            count(self.coded_by[1])
        );
        if self.unplaced > 0 {
            let _ = writeln!(
                out,
                "{} codage(s) de notes hors de tout paragraphe connu, laissé(s) de côté",
                count(self.unplaced)
            );
        }
        if self.units == 0 {
            out.push_str(
                "Aucune unité n'a été codée par les deux codeurs : l'accord ne peut pas être \
                 mesuré. Faites coder les mêmes réponses ou notes par chacun.\n",
            );
            return out;
        }
        if self.units < FEW_UNITS {
            let _ = writeln!(
                out,
                "Attention : moins de {FEW_UNITS} unités communes, mesures peu stables."
            );
        }
        let _ = writeln!(
            out,
            "Unités en désaccord (codes différents) : {}",
            count(self.disagreements)
        );
        let _ = writeln!(
            out,
            "α de Krippendorff (présence de chaque code dans chaque unité) : {}",
            coefficient(self.alpha)
        );
        let _ = writeln!(
            out,
            "Repères (Krippendorff) : α ≥ {ALPHA_RELIABLE} fiable ; \
             α ≥ {ALPHA_TENTATIVE} pour des conclusions prudentes.\n"
        );
        let name_width = self
            .codes
            .iter()
            .map(|c| c.code.chars().count())
            .chain(["Code".len()])
            .max()
            .unwrap_or(0);
        // Count columns are headed by the coders' names, each as wide as its heading. Widths
        // in `format!` count characters, so accented names line up.
        let [w_a, w_b] = [a, b].map(|name| name.chars().count().max(5));
        let _ = writeln!(
            out,
            "{:<name_width$}  {:>8}  {:>6}  {:>6}  {:>5}  {a:>w_a$}  {b:>w_b$}",
            "Code", "Accord", "κ", "α", "Les 2",
        );
        for code in &self.codes {
            let _ = writeln!(
                out,
                "{:<name_width$}  {:>8}  {:>6}  {:>6}  {:>5}  {:>w_a$}  {:>w_b$}",
                code.code,
                percent(code.agreement),
                coefficient(code.kappa),
                coefficient(code.alpha),
                count(code.table.both),
                count(code.table.first_only),
                count(code.table.second_only),
            );
        }
        out.push_str(
            "\nAccord : part des unités où les deux codeurs ont appliqué le code, ou aucun des \
             deux.\nκ : kappa de Cohen ; α : alpha de Krippendorff pour ce seul code.\n",
        );
        let _ = writeln!(
            out,
            "« Les 2 », « {a} », « {b} » : unités où le code a été appliqué par les deux \
             codeurs, par {a} seul, par {b} seul."
        );
        if self
            .codes
            .iter()
            .any(|c| c.kappa.is_none() || c.alpha.is_none())
        {
            out.push_str(
                "« – » : non calculable, faute de variation (les deux codeurs ont appliqué le \
                 code dans toutes les unités).\n",
            );
        }
        out
    }
}

/// The units where the coders differ, as French text for review side by side: each unit,
/// then each coder's codes (named with `code_name`), codes the other did not apply marked
/// with `*`.
pub fn disagreements_text(common: &CommonUnits, code_name: &dyn Fn(CodeId) -> String) -> String {
    let [a, b] = &common.coders;
    let disagreements = common.disagreements();
    let mut out = format!(
        "Désaccords entre {a} et {b} : {} unité(s) sur {}\n",
        count(disagreements.len()),
        count(common.units.len())
    );
    let width = a.chars().count().max(b.chars().count());
    for unit in disagreements {
        let _ = writeln!(out, "\n{}", unit.unit.label());
        for (coder, mine, theirs) in [
            (a, &unit.first, &unit.second),
            (b, &unit.second, &unit.first),
        ] {
            let names: Vec<String> = mine
                .iter()
                .map(|id| {
                    let marker = if theirs.contains(id) { "" } else { "*" };
                    format!("{}{marker}", code_name(*id))
                })
                .collect();
            let _ = writeln!(out, "  {coder:<width$} : {}", names.join(" ; "));
        }
    }
    if !common.units.iter().all(CodedUnit::agrees) {
        out.push_str("\n* : code que l'autre codeur n'a pas appliqué dans cette unité.\n");
    }
    out
}

/// A number rounded to 3 decimals for the JSON contract (half away from zero, never `-0`).
fn round3(x: f64) -> f64 {
    let rounded = (x * 1000.0).round() / 1000.0;
    // -0.0 would be written `-0.0`; a κ of -0.0004 is no disagreement beyond chance.
    if rounded == 0.0 { 0.0 } else { rounded }
}

fn three_decimals<S: Serializer>(x: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(round3(*x))
}

fn three_decimals_or_null<S: Serializer>(
    x: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => serializer.serialize_f64(round3(*x)),
        None => serializer.serialize_none(),
    }
}

/// A coefficient with 3 decimals (`0,743`, `-0,120`), « – » when undefined.
fn coefficient(x: Option<f64>) -> String {
    match x {
        Some(x) => french::number(round3(x), 3),
        None => "–".to_owned(),
    }
}

/// A proportion (0 to 1) as a percentage with one decimal (`92,9 %`).
fn percent(share: f64) -> String {
    french::percent(share * 100.0, 1)
}

/// A count with its thousands separated (`1 234`).
fn count(n: usize) -> String {
    french::count(n as u64)
}

#[cfg(test)]
mod tests;
