//! Agreement measures checked against worked examples from the literature, and the unit
//! logic checked on small hand-made codings.

use super::*;
use crate::model::coding::{Anchor, Coding};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

const X: CodeId = CodeId(1);
const Y: CodeId = CodeId(2);
const Z: CodeId = CodeId(3);

fn name(id: CodeId) -> String {
    match id.0 {
        1 => "Pilotage national".to_owned(),
        2 => "Perceptions des jeunes".to_owned(),
        3 => "Partenariats".to_owned(),
        other => format!("Code {other}"),
    }
}

/// Builds codings with increasing ids.
#[derive(Default)]
struct Codings(Vec<Coding>);

impl Codings {
    fn push(&mut self, coder: &str, code: CodeId, anchor: Anchor) -> &mut Self {
        let id = self.0.len() as u64 + 1;
        self.0.push(Coding {
            id,
            code,
            anchor,
            coder: coder.to_owned(),
            at: "2024-05-02T09:00:00Z".to_owned(),
            review: None,
        });
        self
    }

    fn answer(&mut self, coder: &str, code: CodeId, respondent: u32) -> &mut Self {
        self.push(coder, code, answer(respondent, None))
    }

    fn note(&mut self, coder: &str, code: CodeId, file: &str, start: u32, end: u32) -> &mut Self {
        let anchor = Anchor::Note {
            file: file.to_owned(),
            start,
            end,
        };
        self.push(coder, code, anchor)
    }

    fn common(&self) -> CommonUnits {
        common_units(&self.0, "A", "B", &paragraphs())
    }
}

fn answer(respondent: u32, span: Option<(u32, u32)>) -> Anchor {
    Anchor::Answer {
        source: "ben".to_owned(),
        question: "q6".to_owned(),
        respondent,
        span,
    }
}

/// `visite.md`: three paragraphs of 10, 20 and 5 characters joined by `\n\n`.
fn paragraphs() -> NoteParagraphs {
    HashMap::from([("visite.md".to_owned(), vec![0..10, 12..32, 34..39])])
}

/// Codings whose presence table for `X` is `table`, each unit also coded `Y` by both coders
/// so that every unit is common.
fn codings_for_table(table: PresenceTable) -> Codings {
    let mut codings = Codings::default();
    let cells = [
        (true, true, table.both),
        (true, false, table.first_only),
        (false, true, table.second_only),
        (false, false, table.neither),
    ];
    let mut respondent = 0;
    for (a, b, n) in cells {
        for _ in 0..n {
            codings
                .answer("A", Y, respondent)
                .answer("B", Y, respondent);
            if a {
                codings.answer("A", X, respondent);
            }
            if b {
                codings.answer("B", X, respondent);
            }
            respondent += 1;
        }
    }
    codings
}

fn close(actual: Option<f64>, expected: f64, tolerance: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < tolerance)
}

// ---------------------------------------------------------------------------------------
// Krippendorff's α, general nominal form.

/// Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*. Annenberg School
/// for Communication, University of Pennsylvania, section C (« Nominal data, any number of
/// observers, missing values »): 4 observers, 12 units, values 1–5, α = 0.743. Units 11 and
/// 12 show missing values; unit 12 has a single value and drops out.
#[test]
fn krippendorff_2011_four_observers_with_missing_values() {
    // The paper's reliability data matrix, one row per observer, `.` for a missing value.
    let observers = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    .map(|row| {
        row.split(' ')
            .map(|value| value.parse::<u8>().ok())
            .collect::<Vec<_>>()
    });
    let units = (0..12).map(|u| observers.each_ref().map(|row| row[u]));
    let matrix = Coincidences::from_units(units.clone());

    // The paper's coincidence matrix (its table in section C), cell by cell.
    let third = 1.0 / 3.0;
    let expected = [
        [7.0, 4.0 / 3.0, third, third, 0.0],
        [4.0 / 3.0, 10.0, 4.0 / 3.0, third, 0.0],
        [third, 4.0 / 3.0, 8.0, third, 0.0],
        [third, third, third, 4.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 3.0],
    ];
    for (c, row) in expected.iter().enumerate() {
        for (k, &o) in row.iter().enumerate() {
            let (c, k) = (c as u8 + 1, k as u8 + 1);
            assert!((matrix.get(&c, &k) - o).abs() < 1e-9, "o[{c}][{k}]");
        }
    }
    let totals: Vec<(u8, f64)> = matrix
        .value_totals()
        .into_iter()
        .map(|(v, n)| (*v, n))
        .collect();
    let expected_totals = [(1, 9.0), (2, 13.0), (3, 10.0), (4, 5.0), (5, 3.0)];
    for ((v, n), (ev, en)) in totals.iter().zip(expected_totals) {
        assert_eq!(*v, ev);
        assert!((n - en).abs() < 1e-9, "n_{v}");
    }
    assert!((matrix.total() - 40.0).abs() < 1e-9);

    // α = 1 − 39 × 8 / (1600 − 384) = 0.7434…, printed .743 in the paper.
    let alpha = krippendorff_alpha_nominal(units);
    assert!(close(alpha, 1.0 - 312.0 / 1216.0, 1e-12), "{alpha:?}");
    assert!(close(alpha, 0.743, 5e-4));
}

/// Krippendorff (2011), section A (« Binary data, two observers, no missing data »): 10
/// units, observer A `0 1 0 0 0 0 0 0 1 0`, observer B `1 1 1 0 0 1 0 0 0 0`; coincidences
/// o00 = 10, o01 = o10 = 4, o11 = 2; α = 1 − 19 × 4 / (14 × 6) = 0.095.
const KRIPPENDORFF_BINARY: [[u8; 10]; 2] = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

#[test]
fn krippendorff_2011_two_observers_binary() {
    let units = (0..10).map(|u| KRIPPENDORFF_BINARY.map(|row| Some(row[u])));
    let matrix = Coincidences::from_units(units.clone());
    assert_eq!(matrix.get(&0, &0), 10.0);
    assert_eq!(matrix.get(&0, &1), 4.0);
    assert_eq!(matrix.get(&1, &0), 4.0);
    assert_eq!(matrix.get(&1, &1), 2.0);
    let alpha = krippendorff_alpha_nominal(units);
    assert!(close(alpha, 1.0 - 76.0 / 84.0, 1e-12), "{alpha:?}");
    assert!(close(alpha, 0.095, 5e-4));
}

/// The same binary data as coded answers: code X's presence per coder follows the paper's
/// rows (every answer also coded Y by both, so all ten are common). α for X is the paper's.
#[test]
fn krippendorff_2011_binary_example_through_coded_answers() {
    let mut codings = Codings::default();
    for respondent in 0..10u32 {
        codings
            .answer("A", Y, respondent)
            .answer("B", Y, respondent);
        for (coder, row) in ["A", "B"].iter().zip(KRIPPENDORFF_BINARY) {
            if row[respondent as usize] == 1 {
                codings.answer(coder, X, respondent);
            }
        }
    }
    let report = AgreementReport::new(&codings.common(), &name);
    assert_eq!(report.units, 10);
    let x = &report.codes[0];
    assert_eq!(x.id, X);
    assert!(close(x.alpha, 0.095, 5e-4), "{:?}", x.alpha);
    assert_eq!(round3(x.alpha.unwrap_or(f64::NAN)), 0.095);
    // Y is in every unit for both coders: no variation, κ and α undefined.
    assert_eq!(report.codes[1].kappa, None);
    assert_eq!(report.codes[1].alpha, None);
}

// ---------------------------------------------------------------------------------------
// Cohen's κ.

/// The worked example of Wikipedia, « Cohen's kappa » (§ Examples, « Simple example »): 50
/// proposals read by two readers, 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no:
/// p_o = 0.70, p_e = 0.50, κ = 0.40.
#[test]
fn cohen_kappa_classic_two_by_two() {
    let table = PresenceTable {
        both: 20,
        first_only: 5,
        second_only: 10,
        neither: 15,
    };
    assert!(close(table.agreement(), 0.70, 1e-12));
    assert!(close(table.cohen_kappa(), 0.40, 1e-12));

    // The same table through coded answers and the report.
    let report = AgreementReport::new(&codings_for_table(table).common(), &name);
    assert_eq!(report.units, 50);
    let x = &report.codes[0];
    assert_eq!(x.table, table);
    assert!((x.agreement - 0.70).abs() < 1e-12);
    assert!(close(x.kappa, 0.40, 1e-12));
}

/// Wikipedia, « Cohen's kappa » (§ « Same percentages but different numbers »): two tables
/// with the same 60 % agreement give κ = 0.1304 (45/15/25/15) and κ = 0.2593 (25/35/5/35).
#[test]
fn cohen_kappa_depends_on_the_margins_not_only_on_agreement() {
    let balanced = PresenceTable {
        both: 45,
        first_only: 15,
        second_only: 25,
        neither: 15,
    };
    let unbalanced = PresenceTable {
        both: 25,
        first_only: 35,
        second_only: 5,
        neither: 35,
    };
    assert!(close(balanced.agreement(), 0.60, 1e-12));
    assert!(close(unbalanced.agreement(), 0.60, 1e-12));
    assert!(close(balanced.cohen_kappa(), 0.1304, 5e-5));
    assert!(close(unbalanced.cohen_kappa(), 0.2593, 5e-5));
}

#[test]
fn kappa_is_zero_when_one_coder_always_and_the_other_never_applies_the_code() {
    let table = PresenceTable {
        first_only: 8,
        ..PresenceTable::default()
    };
    assert_eq!(table.cohen_kappa(), Some(0.0));
    assert_eq!(table.agreement(), Some(0.0));
}

// ---------------------------------------------------------------------------------------
// Edge cases.

#[test]
fn perfect_agreement_gives_one_everywhere() {
    let mut codings = Codings::default();
    for (respondent, codes) in [(0, vec![X]), (1, vec![Y]), (2, vec![X, Y]), (3, vec![Z])] {
        for code in codes {
            codings
                .answer("A", code, respondent)
                .answer("B", code, respondent);
        }
    }
    let common = codings.common();
    assert!(common.disagreements().is_empty());
    let report = AgreementReport::new(&common, &name);
    assert_eq!(report.units, 4);
    assert_eq!(report.codes.len(), 3);
    for code in &report.codes {
        assert_eq!(code.agreement, 1.0, "{}", code.code);
        assert_eq!(code.kappa, Some(1.0), "{}", code.code);
        assert_eq!(code.alpha, Some(1.0), "{}", code.code);
    }
    assert_eq!(report.alpha, Some(1.0));
    assert_eq!(report.disagreements, 0);
}

#[test]
fn a_single_code_on_every_unit_agrees_fully_but_has_no_kappa_or_alpha() {
    let mut codings = Codings::default();
    for respondent in 0..5 {
        codings
            .answer("A", X, respondent)
            .answer("B", X, respondent);
    }
    let report = AgreementReport::new(&codings.common(), &name);
    assert_eq!(report.codes[0].agreement, 1.0);
    assert_eq!(report.codes[0].kappa, None);
    assert_eq!(report.alpha, None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["codes"][0]["kappa"], serde_json::Value::Null);
    assert_eq!(json["alpha"], serde_json::Value::Null);
    assert!(report.to_text().contains("non calculable"));
}

#[test]
fn a_code_never_used_has_full_agreement_no_kappa_and_is_not_listed() {
    let table = PresenceTable::of_code(
        &codings_for_table(PresenceTable {
            both: 3,
            first_only: 1,
            second_only: 1,
            neither: 3,
        })
        .common()
        .units,
        Z,
    );
    assert_eq!(table.neither, 8);
    assert_eq!(table.agreement(), Some(1.0));
    assert_eq!(table.cohen_kappa(), None);
    assert_eq!(table.krippendorff_alpha(), None);

    let codings = codings_for_table(PresenceTable {
        both: 3,
        neither: 3,
        ..PresenceTable::default()
    });
    let report = AgreementReport::new(&codings.common(), &name);
    assert!(report.codes.iter().all(|c| c.id != Z));
}

#[test]
fn one_coder_only_gives_no_unit_and_says_so() {
    let mut codings = Codings::default();
    codings.answer("A", X, 0).answer("A", Y, 1);
    let common = codings.common();
    assert_eq!(common.coded_by, [2, 0]);
    let report = AgreementReport::new(&common, &name);
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!({"coders": ["A", "B"], "units": 0, "codes": [], "alpha": null})
    );
    let text = report.to_text();
    assert!(
        text.contains("Aucune unité n'a été codée par les deux codeurs"),
        "{text}"
    );
    assert!(text.contains("par A : 2 ; par B : 0"), "{text}");
}

#[test]
fn coders_who_coded_different_answers_have_no_common_unit() {
    let mut codings = Codings::default();
    codings.answer("A", X, 0).answer("B", X, 1);
    let common = codings.common();
    assert!(common.units.is_empty());
    assert_eq!(common.coded_by, [1, 1]);
    let report = AgreementReport::new(&common, &name);
    assert_eq!(report.units, 0);
    assert_eq!(report.alpha, None);
    assert!(report.to_text().contains("ne peut pas être mesuré"));
    let empty = PresenceTable::default();
    assert_eq!(empty.agreement(), None);
    assert_eq!(empty.cohen_kappa(), None);
    assert_eq!(empty.krippendorff_alpha(), None);
    assert_eq!(
        krippendorff_alpha_nominal(Vec::<Vec<Option<u8>>>::new()),
        None
    );
}

// ---------------------------------------------------------------------------------------
// Units.

#[test]
fn codings_outside_the_common_units_are_ignored() {
    let mut codings = Codings::default();
    codings
        .answer("A", X, 0)
        .answer("B", X, 0)
        // Only A coded answer 1: it is not a disagreement, and Z appears nowhere.
        .answer("A", Z, 1)
        // A third coder's work is not looked at.
        .answer("C", Y, 0);
    let common = codings.common();
    assert_eq!(common.units.len(), 1);
    assert_eq!(common.codes(), BTreeSet::from([X]));
    let report = AgreementReport::new(&common, &name);
    assert_eq!(report.codes.len(), 1);
    assert_eq!(report.codes[0].table.units(), 1);
    assert_eq!(report.disagreements, 0);
}

#[test]
fn an_answer_is_one_unit_whatever_span_was_coded() {
    let mut codings = Codings::default();
    codings
        .push("A", X, answer(4, Some((0, 12))))
        .push("A", Y, answer(4, Some((40, 60))))
        .push("B", X, answer(4, None));
    let common = codings.common();
    assert_eq!(common.units.len(), 1);
    let unit = &common.units[0];
    assert_eq!(
        unit.unit,
        Unit::Answer {
            source: "ben".to_owned(),
            question: "q6".to_owned(),
            respondent: 4
        }
    );
    assert_eq!(unit.first, BTreeSet::from([X, Y]));
    assert_eq!(unit.second, BTreeSet::from([X]));
    assert_eq!(unit.first_codings, vec![1, 2]);
    assert_eq!(unit.only_first().collect::<Vec<_>>(), vec![Y]);
    assert_eq!(unit.unit.label(), "ben.q6, répondant 5");
}

#[test]
fn two_passages_in_one_paragraph_are_one_unit() {
    let mut codings = Codings::default();
    codings
        .note("A", X, "visite.md", 13, 18)
        .note("A", X, "visite.md", 20, 30)
        .note("B", X, "visite.md", 12, 32);
    let common = codings.common();
    assert_eq!(common.units.len(), 1);
    assert_eq!(
        common.units[0].unit,
        Unit::Paragraph {
            file: "visite.md".to_owned(),
            paragraph: 1
        }
    );
    assert!(common.units[0].agrees());
    assert_eq!(common.units[0].unit.label(), "visite.md, paragraphe 2");
}

#[test]
fn a_passage_across_two_paragraphs_touches_both() {
    let mut codings = Codings::default();
    codings
        // A's passage runs from the end of paragraph 0 into paragraph 1.
        .note("A", X, "visite.md", 8, 14)
        .note("B", X, "visite.md", 2, 5)
        .note("B", Y, "visite.md", 25, 30);
    let common = codings.common();
    let paragraphs: Vec<&Unit> = common.units.iter().map(|u| &u.unit).collect();
    assert_eq!(
        paragraphs,
        [
            &Unit::Paragraph {
                file: "visite.md".to_owned(),
                paragraph: 0
            },
            &Unit::Paragraph {
                file: "visite.md".to_owned(),
                paragraph: 1
            }
        ]
    );
    assert_eq!(common.units[0].first_codings, vec![1]);
    assert_eq!(common.units[1].first_codings, vec![1]);
    assert_eq!(common.disagreements().len(), 1);
}

#[test]
fn note_passages_that_fit_no_paragraph_are_counted_not_dropped_silently() {
    let mut codings = Codings::default();
    codings
        .note("A", X, "visite.md", 0, 4)
        .note("B", X, "visite.md", 0, 4)
        // Only the blank line between paragraphs 0 and 1.
        .note("A", Y, "visite.md", 10, 12)
        // An empty passage, one past the end, an unknown file.
        .note("B", Y, "visite.md", 3, 3)
        .note("B", Y, "visite.md", 39, 45)
        .note("A", Y, "autre.md", 0, 4);
    let common = codings.common();
    assert_eq!(common.units.len(), 1);
    assert_eq!(common.unplaced, vec![3, 4, 5, 6]);
    let report = AgreementReport::new(&common, &name);
    assert_eq!(report.unplaced, 4);
    assert!(
        report
            .to_text()
            .contains("4 codage(s) de notes hors de tout paragraphe")
    );
}

// ---------------------------------------------------------------------------------------
// Pooled α, report and review.

/// The project-level α is, as documented, α over one binary item per (common unit, listed
/// code): computed here item by item with the general function.
#[test]
fn project_alpha_is_alpha_over_unit_code_presence_items() {
    let mut codings = Codings::default();
    codings
        .answer("A", X, 0)
        .answer("B", X, 0)
        .answer("A", Y, 0)
        .answer("A", X, 1)
        .answer("B", Y, 1)
        .answer("A", Z, 2)
        .answer("B", Z, 2)
        .answer("B", X, 2)
        .answer("A", Y, 3)
        .answer("B", Y, 3);
    let common = codings.common();
    let codes = common.codes();
    let items = common.units.iter().flat_map(|unit| {
        codes
            .iter()
            .map(|code| [unit.first.contains(code), unit.second.contains(code)].map(Some))
    });
    let expected = krippendorff_alpha_nominal(items);
    let report = AgreementReport::new(&common, &name);
    assert!(expected.is_some());
    assert!(close(report.alpha, expected.unwrap_or(f64::NAN), 1e-12));
}

#[test]
fn the_report_serialises_to_the_design_contract() {
    let report = AgreementReport::new(
        &codings_for_table(PresenceTable {
            both: 20,
            first_only: 5,
            second_only: 10,
            neither: 15,
        })
        .common(),
        &name,
    );
    // Y is on every unit for both: κ null. X: agreement 0.7, κ 0.4. Pooled α over X and Y:
    // both = 70, first_only = 5, second_only = 10, neither = 15 → n = 200, n1 = 155,
    // n0 = 45, α = 1 − 199 × 15 / (155 × 45) = 0.572.
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(
        json,
        r#"{"coders":["A","B"],"units":50,"codes":[{"code":"Pilotage national","agreement":0.7,"kappa":0.4},{"code":"Perceptions des jeunes","agreement":1.0,"kappa":null}],"alpha":0.572}"#
    );
}

#[test]
fn numbers_are_rounded_to_three_decimals_and_never_negative_zero() {
    assert_eq!(round3(0.74342), 0.743);
    assert_eq!(round3(0.0955), 0.096);
    assert_eq!(round3(-0.1204), -0.12);
    assert_eq!(round3(-0.0004), 0.0);
    assert_eq!(serde_json::to_string(&round3(-0.0004)).unwrap(), "0.0");
    assert_eq!(coefficient(Some(0.74342)), "0,743");
    assert_eq!(coefficient(Some(-0.0004)), "0,000");
    assert_eq!(coefficient(None), "–");
    assert_eq!(percent(0.9286), "92,9\u{a0}%");
    assert_eq!(count(28_505), "28\u{a0}505");
}

#[test]
fn the_text_report_is_in_french_with_french_numbers() {
    let report = AgreementReport::new(
        &codings_for_table(PresenceTable {
            both: 20,
            first_only: 5,
            second_only: 10,
            neither: 15,
        })
        .common(),
        &name,
    );
    let text = report.to_text();
    assert!(
        text.starts_with("Accord entre codeurs : A et B\n"),
        "{text}"
    );
    assert!(text.contains("α de Krippendorff"), "{text}");
    assert!(text.contains("0,572"), "{text}");
    assert!(text.contains("α ≥ 0,800"), "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("Pilotage national"))
        .unwrap_or_default();
    assert!(
        line.contains("70,0\u{a0}%") && line.contains("0,400"),
        "{line}"
    );
    assert!(!text.contains("moins de 30 unités"), "{text}");
}

#[test]
fn disagreements_show_both_coders_codes_side_by_side() {
    let mut codings = Codings::default();
    codings
        .answer("A", X, 0)
        .answer("B", X, 0)
        .answer("A", X, 1)
        .answer("A", Y, 1)
        .answer("B", Y, 1)
        .answer("B", Z, 1);
    let common = codings.common();
    let disagreements = common.disagreements();
    assert_eq!(disagreements.len(), 1);
    assert_eq!(disagreements[0].first, BTreeSet::from([X, Y]));
    assert_eq!(disagreements[0].second, BTreeSet::from([Y, Z]));
    assert_eq!(disagreements[0].only_second().collect::<Vec<_>>(), vec![Z]);
    let text = disagreements_text(&common, &name);
    assert_eq!(
        text,
        "Désaccords entre A et B : 1 unité(s) sur 2\n\
         \n\
         ben.q6, répondant 2\n  \
         A : Pilotage national* ; Perceptions des jeunes\n  \
         B : Perceptions des jeunes ; Partenariats*\n\
         \n\
         * : code que l'autre codeur n'a pas appliqué dans cette unité.\n"
    );
}
