//! Statistics: intervals, tests of difference, frequencies and crosstabs, Likert means,
//! small-group cautions and disclosure control, checked against worked textbook values and
//! against an attacker who tries to recompute hidden cells.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use atelier::model::Evaluation;
use atelier::model::{Item, Question, QuestionKind, Values};
use atelier::progress::Silent;
use atelier::stats::{
    self, CountTable, Crosstab, Denominator, Grouping, Matching, Published, StatsError,
    SuppressedTable, Suppression, TestKind,
};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/evaluation")
}

fn strings(labels: &[&str]) -> Vec<String> {
    labels.iter().map(|l| l.to_string()).collect()
}

fn col(labels: &[String], label: &str) -> usize {
    labels
        .iter()
        .position(|l| l == label)
        .unwrap_or_else(|| panic!("no column {label} in {labels:?}"))
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// ---------------------------------------------------------------- intervals and tests

#[test]
fn wilson_intervals_match_published_values() {
    // Newcombe (1998), Stat. Med. 17:857-872, Table II, score method without correction.
    let cases = [
        ((0, 10), (0.0, 0.2775)),
        ((5, 10), (0.2366, 0.7634)),
        ((81, 263), (0.2553, 0.3662)),
    ];
    for ((k, n), (low, high)) in cases {
        let (l, h) = stats::wilson(k, n);
        assert!(
            close(l, low, 5e-4) && close(h, high, 5e-4),
            "{k}/{n}: ({l:.4}, {h:.4})"
        );
    }
}

#[test]
fn chi_square_on_agrestis_party_identification_table() {
    // Agresti, Categorical Data Analysis (2nd ed.), Table 3.1: party identification by
    // gender (GSS 2000). Women: 762 Democrat, 327 Independent, 468 Republican; men: 484,
    // 239, 477. Published X² = 30.1 with df = 2; with 2 df the tail is exactly e^(−X²/2).
    let chi = stats::chi_square(&[vec![762, 327, 468], vec![484, 239, 477]]).unwrap();
    assert!(close(chi.statistic, 30.070, 1e-3), "{}", chi.statistic);
    assert_eq!(chi.df, 2);
    assert!(close(
        chi.p_value / (-chi.statistic / 2.0).exp(),
        1.0,
        1e-10
    ));
    assert!(close(chi.p_value, 2.954e-7, 1e-9));
}

#[test]
fn fisher_exact_on_the_tea_tasting_and_dieting_tables() {
    // Fisher's lady tasting tea: 3 of 4 milk-first cups found; p = 34/70 = 0.486.
    let p = stats::fisher_exact(&[vec![3, 1], vec![1, 3]]).unwrap();
    assert!(close(p, 0.4857, 1e-4), "{p}");
    // Wikipedia's "Fisher's exact test" example (dieting by sex, 1/9 vs 11/3):
    // R's fisher.test gives p = 0.002759.
    let p = stats::fisher_exact(&[vec![1, 9], vec![11, 3]]).unwrap();
    assert!(close(p, 0.002_759, 1e-6), "{p}");
}

#[test]
fn fisher_exact_on_a_three_by_two_table_and_its_budget() {
    // Margins (2, 2, 2) × (3, 3): six tables of probability 0.1 and one of 0.4; the
    // observed (2, 0, 1) first column is one of the six: p = 0.6.
    let p = stats::fisher_exact(&[vec![2, 0], vec![0, 2], vec![1, 1]]).unwrap();
    assert!(close(p, 0.6, 1e-12));
    // R's `Job` satisfaction table (4 × 4, n = 104) has 90 million tables with its
    // margins: beyond the budget, so the exact test is not attempted.
    let job = vec![
        vec![1, 3, 10, 6],
        vec![2, 3, 10, 7],
        vec![1, 6, 14, 12],
        vec![0, 1, 9, 11],
    ];
    assert_eq!(stats::fisher_exact(&job), None);
}

fn table(rows: &[&str], cols: &[&str], counts: Vec<Vec<u64>>) -> CountTable {
    let mut t = CountTable::new(strings(rows), strings(cols));
    t.row_n = counts.iter().map(|r| r.iter().sum()).collect();
    t.row_population = t.row_n.clone();
    t.counts = counts;
    t
}

#[test]
fn group_difference_picks_its_test_and_words_it_with_care() {
    // Large groups, clear difference: χ² = 8 on 1 df, p = 0.0047.
    let t = table(
        &["A", "B"],
        &["oui", "non"],
        vec![vec![60, 40], vec![40, 60]],
    );
    let d = stats::group_difference(&t).unwrap();
    assert_eq!(d.test, TestKind::ChiSquare);
    assert!(close(d.statistic, 8.0, 1e-12));
    assert!(d.significant);
    assert_eq!(
        d.wording,
        "différence significative au seuil de 5 % (p = 0,0047)"
    );

    // Large groups, no difference: χ² = 0.501, p = 0.48.
    let t = table(
        &["A", "B"],
        &["oui", "non"],
        vec![vec![50, 50], vec![45, 55]],
    );
    let d = stats::group_difference(&t).unwrap();
    assert!(!d.significant);
    assert_eq!(d.wording, "pas de différence significative (p = 0,48)");

    // Expected counts of exactly 5 keep the chi-square test.
    let t = table(&["A", "B"], &["oui", "non"], vec![vec![1, 9], vec![11, 3]]);
    assert_eq!(
        stats::group_difference(&t).unwrap().test,
        TestKind::ChiSquare
    );

    // Expected counts of 3.5: Fisher's exact test. Only the two extreme tables (0 or 7
    // « oui » in A) are as unlikely as the observed one: p = 2 × C(8,7) / C(16,7)
    // = 16 / 11440. Groups of 8 are never called significant, even at p = 0.0014.
    let t = table(&["A", "B"], &["oui", "non"], vec![vec![0, 8], vec![7, 1]]);
    let d = stats::group_difference(&t).unwrap();
    assert_eq!(d.test, TestKind::FisherExact);
    assert!(close(d.p_value, 16.0 / 11440.0, 1e-12));
    assert!(!d.significant);
    assert_eq!(d.smallest_group, 8);
    assert_eq!(
        d.wording,
        "à interpréter avec prudence : effectifs faibles (p = 0,0014)"
    );
    assert!(!d.wording.contains("significati"));

    // Groups of 30 are not small; expected counts of 3 still call for Fisher.
    let t = table(&["A", "B"], &["oui", "non"], vec![vec![0, 30], vec![6, 24]]);
    let d = stats::group_difference(&t).unwrap();
    assert_eq!(d.test, TestKind::FisherExact);
    assert_eq!(d.smallest_group, 30);
    assert!(d.wording.contains("significative"));
}

#[test]
fn group_difference_refuses_multiple_choice_but_tests_each_option() {
    let mut t = table(&["A", "B"], &["x", "y"], vec![vec![30, 35], vec![10, 38]]);
    t.multiple = true;
    t.row_n = vec![40, 40];
    assert!(matches!(
        stats::group_difference(&t),
        Err(StatsError::NotTestable { .. })
    ));
    // Option x: 30/40 against 10/40.
    let d = stats::option_difference(&t, 0).unwrap();
    assert!(d.significant, "{}", d.wording);
}

// ---------------------------------------------------------------- frequencies

/// A single question, 8 respondents, answers a (1), b (2), c (3), 0 = none.
fn single_question() -> Question {
    Question {
        id: "q1".into(),
        text: "Votre statut ?".into(),
        kind: QuestionKind::Single,
        columns: vec!["Votre statut ?".into()],
        labels: strings(&["a", "b", "c"]),
        scale_len: 0,
        items: vec![Item {
            label: String::new(),
            values: Values::Codes(vec![1, 1, 2, 0, 3, 1, 2, 2]),
        }],
        other: vec![],
        n: 7,
    }
}

#[test]
fn frequencies_of_a_single_question_by_group() {
    let q = single_question();
    let groups = [
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(1),
        Some(1),
        Some(1),
        None,
    ];
    let items = stats::question_counts(&q, &groups, &strings(&["G1", "G2"])).unwrap();
    let t = &items[0].counts;
    let (a, b, c) = (
        col(&t.col_labels, "a"),
        col(&t.col_labels, "b"),
        col(&t.col_labels, "c"),
    );
    assert_eq!(t.counts[0][a], 2);
    assert_eq!(t.counts[0][b], 1);
    assert_eq!(t.counts[1][a], 1);
    assert_eq!(t.counts[1][b], 1);
    assert_eq!(t.counts[1][c], 1);
    assert_eq!(t.row_n, vec![3, 3], "no answer is not in the denominator");
    assert_eq!(t.row_population, vec![4, 3]);

    let x = Crosstab::new(t, Denominator::Question).unwrap();
    let cell = &x.rows[0].cells[a];
    assert!(close(cell.pct.unwrap(), 200.0 / 3.0, 1e-9));
    let (low, high) = stats::wilson(2, 3);
    assert_eq!(cell.ci, Some((100.0 * low, 100.0 * high)));
    assert_eq!(x.rows[0].n, 3);
    assert_eq!(x.total.n, 6);
    assert_eq!(x.total.cells[a].count, 3);
    // Of the survey's respondents: 2 of 4.
    let s = Crosstab::new(t, Denominator::Survey).unwrap();
    assert_eq!(s.rows[0].cells[a].pct, Some(50.0));
    assert_eq!(s.rows[0].n, 4);
}

#[test]
fn multiple_choice_is_a_share_of_respondents_not_of_ticks() {
    // Four respondents, one silent: {a, b}, {a}, {a, b, c}, {}.
    let q = Question {
        id: "q2".into(),
        text: "Quelles actions ?".into(),
        kind: QuestionKind::Multiple,
        columns: vec![],
        labels: strings(&["a", "b", "c"]),
        scale_len: 0,
        items: vec![Item {
            label: String::new(),
            values: Values::Ticks(vec![0b011, 0b001, 0b111, 0]),
        }],
        other: vec![(3, "Un stage".into())],
        n: 4,
    };
    let items = stats::question_counts(&q, &[Some(0); 4], &strings(&["Tous"])).unwrap();
    let t = &items[0].counts;
    assert!(t.multiple);
    assert_eq!(t.col_labels, strings(&["a", "b", "c", "Autre"]));
    assert_eq!(t.counts[0], vec![3, 2, 1, 1]);
    assert_eq!(
        t.row_n,
        vec![4],
        "the free « other » answer counts as answering"
    );
    let x = Crosstab::new(t, Denominator::Question).unwrap();
    assert_eq!(x.rows[0].cells[0].pct, Some(75.0));
    assert_eq!(x.rows[0].cells[1].pct, Some(50.0));
    // As a share of ticks (7 answers), « a » is 3/7.
    let by_answers = Crosstab::new(t, Denominator::Answers).unwrap();
    assert_eq!(by_answers.rows[0].n, 7);
    assert!(close(
        by_answers.rows[0].cells[0].pct.unwrap(),
        300.0 / 7.0,
        1e-9
    ));
}

#[test]
fn likert_means_leave_non_substantive_answers_out() {
    // Scale of 4 (Tout à fait = 4 … Pas du tout = 1) plus « Ne sait pas » (code 5).
    let q = Question {
        id: "q3".into(),
        text: "Êtes-vous satisfait ?".into(),
        kind: QuestionKind::Likert,
        columns: vec![],
        labels: strings(&[
            "Tout à fait",
            "Plutôt",
            "Plutôt pas",
            "Pas du tout",
            "Ne sait pas",
        ]),
        scale_len: 4,
        items: vec![
            Item {
                label: "L'accueil".into(),
                values: Values::Codes(vec![1, 1, 2, 4, 5, 5, 0]),
            },
            Item {
                label: "Les délais".into(),
                values: Values::Codes(vec![3, 4, 4, 5, 0, 2, 1]),
            },
        ],
        other: vec![],
        n: 7,
    };
    let items = stats::question_counts(&q, &[Some(0); 7], &strings(&["Tous"])).unwrap();
    assert_eq!(items.len(), 2, "a battery is shown item by item");
    let accueil = &items[0].counts;
    assert_eq!(
        accueil.col_labels[4], "Ne sait pas",
        "the scale keeps its order"
    );
    assert_eq!(accueil.counts[0], vec![2, 1, 0, 1, 2]);
    assert_eq!(
        accueil.row_n,
        vec![4],
        "« Ne sait pas » is not in the denominator"
    );
    // (4 + 4 + 3 + 1) / 4 = 3.
    assert_eq!(accueil.mean_scores(), vec![Some(3.0)]);
    let x = items[0].crosstab(Denominator::Question).unwrap();
    assert_eq!(x.rows[0].cells[0].pct, Some(50.0));
    // « Ne sait pas » is shown apart, as a share of all 6 who answered.
    assert_eq!(x.rows[0].apart_n, 6);
    assert!(close(x.rows[0].cells[4].pct.unwrap(), 100.0 / 3.0, 1e-9));
    // Les délais: 2 + 1 + 1 + 3 + 4 over 5 answers on the scale.
    assert_eq!(items[1].counts.mean_scores(), vec![Some(11.0 / 5.0)]);
}

#[test]
fn every_table_with_a_group_under_30_carries_a_caution() {
    let t = table(
        &["Grand", "Petit"],
        &["oui", "non"],
        vec![vec![20, 25], vec![4, 8]],
    );
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    assert!(x.rows[0].caution.is_none());
    let caution = x.rows[1].caution.as_ref().unwrap();
    assert_eq!(caution.n, 12);
    assert_eq!(
        caution.text,
        "Effectif faible (n = 12) : à interpréter avec prudence"
    );
    assert!(x.has_small_groups());
    assert!(
        x.caution
            .as_ref()
            .unwrap()
            .text
            .contains("moins de 30 répondants")
    );
    // Whatever the denominator, the caution follows the respondents.
    let s = Crosstab::new(&t, Denominator::Answers).unwrap();
    assert!(s.rows[1].caution.is_some());
    let big = table(
        &["A", "B"],
        &["oui", "non"],
        vec![vec![20, 25], vec![14, 18]],
    );
    assert!(
        !Crosstab::new(&big, Denominator::Question)
            .unwrap()
            .has_small_groups()
    );
}

// ---------------------------------------------------------------- disclosure control

/// An attacker who knows every published figure of an unordered table (visible cells, each
/// row's n, each column total of the « Ensemble » row, the grand total) and tries to
/// recompute hidden cells: it looks for another table, non-negative and consistent with
/// everything published, that differs by ±1 along some hidden cells. A hidden cell that
/// no alternative changes is returned as recomputed.
fn attack(s: &SuppressedTable) -> Vec<(usize, usize)> {
    let x = &s.table;
    let (rows, cols) = (x.rows.len(), x.col_labels.len());
    let grid: Vec<&stats::CrosstabRow> = x.rows.iter().chain(std::iter::once(&x.total)).collect();
    let hidden: Vec<(usize, usize)> = (0..=rows)
        .flat_map(|i| (0..cols).map(move |j| (i, j)))
        .filter(|&(i, j)| matches!(s.cell(i, j), Some(Published::Secret(_))))
        .collect();
    assert!(hidden.len() <= 12, "too many hidden cells for brute force");
    assert!(
        (0..=rows).all(|i| s.n(i).is_some()),
        "the attacker model assumes published n"
    );
    let mut moved = vec![false; hidden.len()];
    let mut d = vec![0i64; hidden.len()];
    let total = 3usize.pow(hidden.len() as u32);
    for code in 1..total {
        let mut c = code;
        for v in d.iter_mut() {
            *v = (c % 3) as i64 - 1;
            c /= 3;
        }
        // Non-negative.
        let ok = hidden
            .iter()
            .zip(&d)
            .all(|(&(i, j), &v)| grid[i].cells[j].count as i64 + v >= 0);
        if !ok {
            continue;
        }
        // Every row sums to its published n, every column to its total.
        let mut row_sum = vec![0i64; rows + 1];
        let mut col_sum = vec![0i64; cols];
        for (&(i, j), &v) in hidden.iter().zip(&d) {
            row_sum[i] += v;
            if i < rows {
                col_sum[j] += v;
            } else {
                col_sum[j] -= v;
            }
        }
        if row_sum.iter().all(|&v| v == 0) && col_sum.iter().all(|&v| v == 0) {
            for (m, &v) in moved.iter_mut().zip(&d) {
                *m |= v != 0;
            }
        }
    }
    hidden
        .into_iter()
        .zip(moved)
        .filter(|&(_, m)| !m)
        .map(|(cell, _)| cell)
        .collect()
}

fn mark(s: &SuppressedTable, i: usize, j: usize) -> Option<Suppression> {
    match s.cell(i, j).unwrap() {
        Published::Secret(m) => Some(m),
        Published::Value(_) => None,
    }
}

#[test]
fn one_small_cell_forces_three_complements_in_a_three_by_three_table() {
    //        A   B   C
    // g1    20  15   2    ← 2 is under 5: primary
    // g2    18  22  30
    // g3    25  12  16
    // Row g1 takes its smallest other cell (15), column C its smallest (16), then column B
    // needs a second cell: 12, which completes row g3. A 2 × 2 cycle: nothing recomputable.
    let t = table(
        &["g1", "g2", "g3"],
        &["A", "B", "C"],
        vec![vec![20, 15, 2], vec![18, 22, 30], vec![25, 12, 16]],
    );
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    let s = stats::suppress(&x, 5);
    assert_eq!(mark(&s, 0, 2), Some(Suppression::Primary));
    assert_eq!(mark(&s, 0, 1), Some(Suppression::Secondary));
    assert_eq!(mark(&s, 2, 1), Some(Suppression::Secondary));
    assert_eq!(mark(&s, 2, 2), Some(Suppression::Secondary));
    let hidden: usize = (0..=3)
        .flat_map(|i| (0..3).map(move |j| (i, j)))
        .filter(|&(i, j)| mark(&s, i, j).is_some())
        .count();
    assert_eq!(hidden, 4, "the « Ensemble » row and the rest stay visible");
    assert!(attack(&s).is_empty());
    assert!(stats::recomputable_cells(&s).is_empty());
    // On screen the value is still there, marked.
    assert_eq!(s.table.rows[0].cells[2].count, 2);
    assert_eq!(
        s.table.rows[0].cells[2].suppressed,
        Some(Suppression::Primary)
    );
    // In exports, the row's mean (were it ordered) and the hidden counts are gone.
    assert_eq!(s.n(0), Some(37));
}

#[test]
fn the_attacker_recomputes_a_cell_hidden_alone() {
    // The checker is not vacuous: primary suppression alone gives the cell away.
    let t = table(
        &["g1", "g2", "g3"],
        &["A", "B", "C"],
        vec![vec![20, 15, 2], vec![18, 22, 30], vec![25, 12, 16]],
    );
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    let mut s = stats::suppress(&x, 5);
    for row in &mut s.table.rows {
        for cell in &mut row.cells {
            if cell.suppressed == Some(Suppression::Secondary) {
                cell.suppressed = None;
            }
        }
    }
    assert_eq!(attack(&s), vec![(0, 2)]);
    assert_eq!(stats::recomputable_cells(&s), vec![(0, 2)]);
}

#[test]
fn suppression_survives_the_attacker_on_many_tables() {
    // Small pseudo-random tables (a fixed LCG) with several small cells and some zeros.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut checked = 0;
    for _ in 0..300 {
        let rows = 2 + next(3) as usize;
        let cols = 2 + next(3) as usize;
        let counts: Vec<Vec<u64>> = (0..rows)
            .map(|_| {
                (0..cols)
                    .map(|_| match next(10) {
                        0 => 0,
                        1..=3 => 1 + next(4),
                        _ => 5 + next(30),
                    })
                    .collect()
            })
            .collect();
        let row_labels: Vec<String> = (0..rows).map(|i| format!("g{i}")).collect();
        let col_labels: Vec<String> = (0..cols).map(|j| format!("c{j}")).collect();
        let mut t = CountTable::new(row_labels, col_labels);
        t.row_n = counts.iter().map(|r| r.iter().sum()).collect();
        t.counts = counts;
        let x = Crosstab::new(&t, Denominator::Question).unwrap();
        let s = stats::suppress(&x, 5);
        assert!(stats::recomputable_cells(&s).is_empty());
        let hidden = (0..=rows)
            .flat_map(|i| (0..cols).map(move |j| (i, j)))
            .filter(|&(i, j)| mark(&s, i, j).is_some())
            .count();
        let n_published = (0..=rows).all(|i| s.n(i).is_some());
        if hidden <= 12 && n_published {
            assert!(attack(&s).is_empty(), "{:?}", t.counts);
            checked += 1;
        }
        // Every primary cell is hidden.
        for (i, row) in t.counts.iter().enumerate() {
            for (j, &c) in row.iter().enumerate() {
                if c > 0 && c < 5 {
                    assert_eq!(mark(&s, i, j), Some(Suppression::Primary));
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} tables small enough to attack"
    );
}

#[test]
fn two_to_a_line_is_not_enough_when_a_cell_joins_two_blocks() {
    // Every row and column holding a small cell holds two or more, yet (0, 2) joins the
    // block {g0, g1} × {A, B} to the block {g2, g3} × {C, D}: rows g0 + g1 minus columns
    // A + B give it away. One more complement puts it on a cycle.
    let t = table(
        &["g0", "g1", "g2", "g3"],
        &["A", "B", "C", "D"],
        vec![
            vec![2, 3, 4, 20],
            vec![3, 2, 20, 21],
            vec![20, 22, 2, 3],
            vec![23, 20, 3, 2],
        ],
    );
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    let s = stats::suppress(&x, 5);
    assert_eq!(mark(&s, 0, 2), Some(Suppression::Primary));
    assert_eq!(
        mark(&s, 0, 3),
        Some(Suppression::Secondary),
        "the cheapest fix"
    );
    let secondary = (0..=4)
        .flat_map(|i| (0..4).map(move |j| (i, j)))
        .filter(|&(i, j)| mark(&s, i, j) == Some(Suppression::Secondary))
        .count();
    assert_eq!(secondary, 1);
    assert!(attack(&s).is_empty());
    assert!(stats::recomputable_cells(&s).is_empty());
}

#[test]
fn a_small_cell_among_zeros_is_protected_by_a_zero_and_its_group_size() {
    // Row g2 has one answer: 3 « A », nothing else. Its n (3) would give it away unless
    // another cell of the row is hidden: a zero is the only candidate in the row. Even
    // then the 3 could only be 0 to 3, known to be small: the group's n goes too (a figure
    // merges such a group into « Autres » before it gets here).
    let t = table(&["g1", "g2"], &["A", "B"], vec![vec![12, 14], vec![3, 0]]);
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    let s = stats::suppress(&x, 5);
    assert_eq!(mark(&s, 1, 0), Some(Suppression::Primary));
    assert_eq!(mark(&s, 1, 1), Some(Suppression::Secondary));
    assert_eq!(s.n(1), None);
    assert!(stats::recomputable_cells(&s).is_empty());
    assert!(stats::audit(&s, stats::Printed::FULL).is_safe());
}

#[test]
fn hidden_cells_take_the_mean_score_with_them_in_exports() {
    let mut t = table(
        &["g1", "g2"],
        &["Très", "Plutôt", "Peu", "Pas du tout"],
        vec![vec![10, 12, 8, 2], vec![9, 11, 7, 6]],
    );
    t.scale_len = 4;
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    let s = stats::suppress(&x, 5);
    assert!(s.any_suppressed());
    assert!(s.table.rows[0].mean_score.is_some(), "on screen");
    assert_eq!(s.mean_score(0), None, "in exports");
    assert!(stats::recomputable_cells(&s).is_empty());
}

#[test]
fn thresholds_follow_the_profiles() {
    let t = table(&["g1", "g2"], &["A", "B"], vec![vec![4, 40], vec![8, 30]]);
    let x = Crosstab::new(&t, Denominator::Question).unwrap();
    assert!(
        !stats::suppress(&x, stats::DisclosureProfile::Businesses.threshold()).any_suppressed()
    );
    assert!(stats::suppress(&x, 5).any_suppressed());
    let strict = stats::suppress(&x, stats::DisclosureProfile::Sensitive.threshold());
    assert_eq!(mark(&strict, 1, 0), Some(Suppression::Primary));
}

// ---------------------------------------------------------------- an evaluation

#[test]
fn a_likert_item_of_an_evaluation_crosstabbed_by_site() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    let by_site = Grouping::by_site(&evaluation);
    assert_eq!(
        by_site.labels,
        strings(&["Pôle emploi Lille", "Mission locale de Touraine"])
    );
    let q = stats::question_table(&evaluation, "cons.q3", &by_site, Matching::SameText).unwrap();
    assert_eq!(q.sources, strings(&["cons"]));
    assert_eq!(
        q.ungrouped, 1,
        "the Roubaix counsellor names no visited site"
    );
    assert_eq!(q.items.len(), 2);
    let reporting = &q.items[0];
    assert_eq!(reporting.label, "Les éléments de reporting");
    let t = &reporting.counts;
    assert_eq!(t.scale_len, 4);
    assert_eq!(
        t.col_labels[..4],
        strings(&[
            "Très pertinent",
            "Plutôt pertinent",
            "Plutôt pas pertinent",
            "Pas du tout pertinent"
        ])
    );
    // Lille: respondents 1, 2, 5 — « Pas du tout », « Plutôt pas », « Pas du tout ».
    assert_eq!(t.counts[0][..4], [0, 0, 1, 2]);
    assert_eq!(t.counts[1][..4], [0, 1, 0, 0]);
    assert_eq!(t.row_n, vec![3, 1]);
    assert_eq!(t.mean_scores(), vec![Some(4.0 / 3.0), Some(3.0)]);
    let x = reporting.crosstab(Denominator::Question).unwrap();
    assert!(
        x.rows.iter().all(|r| r.caution.is_some()),
        "3 and 1 respondents"
    );
    let s = stats::suppress(&x, evaluation.manifest.disclosure_threshold.get());
    assert!(matches!(s.cell(0, 3), Some(Published::Secret(_))));
}

#[test]
fn a_question_shared_by_two_questionnaires_is_compared_by_group() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    let by_group = Grouping::from_spec(&evaluation, "group").unwrap();
    assert_eq!(by_group.labels, strings(&["Conseillers", "Jeunes"]));
    // « Dans quelle structure exercez-vous ? » is asked in both questionnaires.
    let q = stats::question_table(&evaluation, "cons.q1", &by_group, Matching::SameText).unwrap();
    assert_eq!(q.sources, strings(&["cons", "jeunes"]));
    let t = &q.items[0].counts;
    // « pole emploi lille » and « Pôle emploi Lille » are one answer.
    let lille = col(&t.col_labels, "Pôle emploi Lille");
    assert_eq!(t.counts[0][lille], 3);
    assert_eq!(t.counts[1][col(&t.col_labels, "Agence de Lille")], 2);
    assert_eq!(t.row_n, vec![5, 4]);
    assert_eq!(t.col_labels[0], "Pôle emploi Lille", "most frequent first");
    let own =
        stats::question_table(&evaluation, "cons.q1", &by_group, Matching::SourceOnly).unwrap();
    assert_eq!(own.items[0].counts.row_n, vec![5, 0]);
}

#[test]
fn multiple_choice_and_numbers_of_an_evaluation() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    let whole = Grouping::whole(&evaluation);
    let q = stats::question_table(&evaluation, "jeunes.q2", &whole, Matching::SameText).unwrap();
    let t = &q.items[0].counts;
    let rdv = col(&t.col_labels, "Rendez-vous individuels réguliers");
    assert_eq!(t.counts[0][rdv], 3);
    assert_eq!(t.row_n, vec![4]);
    assert_eq!(t.counts[0][col(&t.col_labels, "Autre")], 1);
    let x = Crosstab::new(t, Denominator::Question).unwrap();
    assert_eq!(x.rows[0].cells[rdv].pct, Some(75.0));

    // Ages 22, 19, 24, 21: quartiles as R's type 7.
    let ages = stats::numeric_table(&evaluation, "jeunes.q4", &whole, Matching::SameText).unwrap();
    let s = ages.total.summary.as_ref().unwrap();
    assert_eq!((s.n, s.min, s.max), (4, 19.0, 24.0));
    assert_eq!((s.q1, s.median, s.q3, s.mean), (20.5, 21.5, 22.5, 21.5));
    assert!(ages.caution.is_some());

    // Open answers have no crosstab, and a grouping must be a closed single question.
    assert!(matches!(
        stats::question_table(&evaluation, "jeunes.q5", &whole, Matching::SameText),
        Err(StatsError::NotClosed { .. })
    ));
    assert!(matches!(
        Grouping::from_spec(&evaluation, "jeunes.q2"),
        Err(StatsError::GroupingNotSingle { .. })
    ));
    assert!(matches!(
        Grouping::from_spec(&evaluation, "nowhere"),
        Err(StatsError::UnknownGrouping { .. })
    ));
}

#[test]
fn respondents_are_grouped_by_network_role_region_and_site() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    // Counsellors have no network of their own: their site's (Lille PE, Touraine ML;
    // Roubaix is not a visited site). Young people come from a PE questionnaire.
    let network = Grouping::from_spec(&evaluation, "network").unwrap();
    assert_eq!(
        network.labels,
        strings(&["Pôle emploi", "Missions locales"])
    );
    assert_eq!(
        network.sources[0].groups,
        vec![Some(0), Some(0), Some(1), None, Some(0)]
    );
    assert_eq!(network.group_sizes(), vec![7, 1]);
    let role = Grouping::from_spec(&evaluation, "role").unwrap();
    assert_eq!(role.labels, strings(&["Conseillers", "Jeunes"]));
    let region = Grouping::from_spec(&evaluation, "region").unwrap();
    assert_eq!(region.labels, strings(&["Nord-Pas-de-Calais", "Centre"]));
    assert_eq!(region.group_sizes(), vec![3, 1]);
    let lille = Grouping::by_group(&evaluation).within_site(&evaluation, 0);
    assert_eq!(lille.group_sizes(), vec![3, 0]);
}

#[test]
fn a_question_groups_another_of_the_same_source() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    let by_seniority = Grouping::from_spec(&evaluation, "cons.q2").unwrap();
    assert_eq!(by_seniority.sources.len(), 1);
    let q =
        stats::question_table(&evaluation, "cons.q3", &by_seniority, Matching::SameText).unwrap();
    assert_eq!(q.sources, strings(&["cons"]));
    let senior = col(&by_seniority.labels, "Plus de cinq ans");
    // Respondents 1, 3, 5: « Très pertinent », « Plutôt pertinent », « Plutôt pertinent ».
    assert_eq!(q.items[1].counts.counts[senior][..2], [1, 2]);
}

#[test]
fn counting_a_hundred_thousand_answers_is_fast() {
    let n = 100_000;
    let codes: Vec<u16> = (0..n).map(|i| (i % 6) as u16).collect();
    let groups: Vec<Option<u32>> = (0..n)
        .map(|i| {
            if i % 11 == 0 {
                None
            } else {
                Some((i % 10) as u32)
            }
        })
        .collect();
    let mut q = single_question();
    q.labels = strings(&["a", "b", "c", "d", "e"]);
    q.items[0].values = Values::Codes(codes);
    let labels: Vec<String> = (0..10).map(|i| format!("Site {i}")).collect();
    let start = std::time::Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        let items = stats::question_counts(&q, &groups, &labels).unwrap();
        assert_eq!(items[0].counts.rows(), 10);
    }
    let per_table = start.elapsed() / rounds;
    eprintln!("crosstab of {n} answers by 10 sites: {per_table:?}");
    // Well under a millisecond in a release build; the bound is loose for debug builds.
    assert!(per_table.as_millis() < 50, "{per_table:?} per table");
}
