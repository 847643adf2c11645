//! The chart of a figure: which kind, and the numbers it draws.
//!
//! A Likert battery is drawn as diverging stacked bars (Heiberger–Robbins), groups side by
//! side; single and multiple choice as grouped bars of percentages of respondents with their
//! 95 % intervals; a numeric question as box plots by group, or a histogram when the figure
//! compares nothing.
//!
//! Disclosure: a chart is a file that leaves the evaluator's hands, so it shows what the
//! exported tables show: the figure's [`publication`] (groups under the threshold merged
//! into « Autres » or withheld, each item's table protected, tests on what can be
//! published), and every share the tables withhold (a secret cell, or a share whose
//! denominator is hidden) is marked in the spec: the renderer draws it as « s », merged
//! with the other hidden shares of its bar, never with its number. The notes of the
//! publication become cautions. A numeric figure's groups with fewer respondents than the
//! threshold are left out of the chart altogether, and a caution says so.

use crate::charts::{
    BarChart, BarSeries, BarValue, BoxPlot, BoxStats, ChartBody, ChartSpec, DivergingChart,
    HeatColumn, HeatMap, Histogram, LikertDenominator, Whiskers,
};
use crate::model::QuestionKind;
use crate::stats::crosstab::Crosstab;
use crate::stats::numeric::{MIN_N_DECILES, MIN_N_QUARTILES, NumericSummary};
use crate::stats::{Published, SuppressedTable};

use super::publish::{Publication, publication};
use super::{ClosedFigure, Difference, Figure, FigureBody, NumericFigure};

/// The chart that shows `figure`: kind, numbers, title (the short question), subtitle (the
/// question as asked), cautions and source line.
///
/// When every group of a grouped figure has fewer respondents than the disclosure
/// threshold, nothing can be drawn without disclosing them: the chart is then a matrix of
/// groups whose every cell is marked « s », with a caution saying why.
pub fn to_chart_spec(figure: &Figure) -> ChartSpec {
    published_chart_spec(figure, &publication(figure))
}

/// The chart of `figure` as `publication` (its [`publication`], computed once by a caller
/// that shows the table too) publishes it.
pub fn published_chart_spec(figure: &Figure, publication: &Publication) -> ChartSpec {
    if publication.withheld() {
        return withheld(figure, publication.source_line());
    }
    let figure = &publication.figure;
    let threshold = u64::from(figure.threshold.get());
    // A histogram of fewer answers than the threshold would show them (its range, its
    // bins, its mean): withheld like a figure whose every group is small.
    let numeric = matches!(figure.body, FigureBody::Numeric(_));
    if (figure.is_grouped() || numeric) && figure.groups().iter().all(|(_, n)| *n < threshold) {
        return withheld(figure, publication.source_line());
    }
    let mut cautions = Vec::new();
    let body: ChartBody = match &figure.body {
        FigureBody::Closed(closed) => {
            let left_out = left_out_groups(figure, threshold);
            if !left_out.is_empty() {
                cautions.push(left_out_caution(&left_out, figure.threshold.get()));
            }
            let likert = figure.kind == QuestionKind::Likert
                && closed.items.iter().all(|i| i.crosstab.scale_len >= 2);
            let tables = &publication.tables;
            if likert {
                diverging(figure, closed, &left_out, tables).into()
            } else {
                bars(figure, closed, &left_out, tables).into()
            }
        }
        FigureBody::Numeric(numeric) => {
            let left_out = left_out_groups(figure, threshold);
            if !left_out.is_empty() {
                cautions.push(left_out_caution(&left_out, figure.threshold.get()));
            }
            if figure.is_grouped() {
                let (plot, boxless, complements) = box_plot(figure, numeric, &left_out);
                if plot.boxes.is_empty() {
                    // Every group is too small, or hidden to protect one that is.
                    return withheld(figure, publication.source_line());
                }
                if !boxless.is_empty() {
                    cautions.push(format!(
                        "Moins de {MIN_N_QUARTILES} réponses, pas de boîte (elle redonnerait les \
                         réponses) : {}.",
                        boxless.join(", ")
                    ));
                }
                if !complements.is_empty() {
                    cautions.push(format!(
                        "Non représenté pour qu'un petit groupe ne puisse être recalculé (secret \
                         secondaire) : {}.",
                        complements.join(", ")
                    ));
                }
                plot.into()
            } else {
                histogram(figure, numeric, threshold).into()
            }
        }
    };
    if let Some(small) = figure.small_groups_caution() {
        cautions.insert(0, small);
    }
    cautions.extend(publication.notes.iter().cloned());
    if figure.ungrouped > 0 {
        cautions.push(format!(
            "{} répondants sans groupe connu ne figurent pas dans le graphique.",
            crate::model::french::count(figure.ungrouped)
        ));
    }
    cautions.extend(test_summary(figure));
    let mut spec = ChartSpec::new(figure.title.clone(), body);
    if figure.text != figure.title {
        spec = spec.subtitle(figure.text.clone());
    }
    for caution in cautions {
        spec = spec.caution(caution);
    }
    spec.source(publication.source_line())
}

/// A matrix of groups × answers with every cell hidden, over the provenance line `source`.
fn withheld(figure: &Figure, source: String) -> ChartSpec {
    let columns: Vec<String> = match &figure.body {
        FigureBody::Closed(closed) => closed
            .items
            .first()
            .map(|i| i.crosstab.col_labels.clone())
            .unwrap_or_default(),
        FigureBody::Numeric(_) => vec!["Réponses".to_owned()],
    };
    let rows: Vec<HeatColumn> = figure
        .groups()
        .into_iter()
        .map(|(label, _)| HeatColumn { label, n: None })
        .collect();
    // Answers as rows, groups as columns: the heat map's own orientation.
    let counts = vec![vec![0u64; rows.len()]; columns.len()];
    let mut map = HeatMap::from_counts(columns.iter().cloned(), rows.clone(), &counts);
    for r in 0..columns.len() {
        for c in 0..rows.len() {
            map = map.suppress(r, c);
        }
    }
    let mut spec = ChartSpec::new(figure.title.clone(), map);
    if figure.text != figure.title {
        spec = spec.subtitle(figure.text.clone());
    }
    spec.caution(format!(
        "Aucun groupe n'atteint {} répondants : rien ne peut être représenté sans les \
         révéler (secret statistique).",
        figure.threshold
    ))
    .source(source)
}

/// Groups with fewer respondents than the disclosure threshold (none when there is one
/// group only and nothing else to show: the whole figure would vanish).
fn left_out_groups(figure: &Figure, threshold: u64) -> Vec<(String, u64)> {
    let groups = figure.groups();
    let small: Vec<(String, u64)> = groups
        .iter()
        .filter(|(_, n)| *n > 0 && *n < threshold)
        .cloned()
        .collect();
    if small.len() == groups.len() && !figure.is_grouped() {
        // One group alone: leaving it out would leave an empty chart; its caution says
        // the figure rests on very few respondents instead.
        return Vec::new();
    }
    small
}

fn left_out_caution(left_out: &[(String, u64)], threshold: u32) -> String {
    let names: Vec<&str> = left_out.iter().map(|(l, _)| l.as_str()).collect();
    format!(
        "Non représenté (moins de {threshold} répondants, secret statistique) : {}.",
        names.join(", ")
    )
}

fn is_left_out(label: &str, left_out: &[(String, u64)]) -> bool {
    left_out.iter().any(|(l, _)| l == label)
}

/// Whether the exported tables withhold the share of cell `col` in row `row`: the cell is
/// secret, or the denominator of its share is hidden.
fn hidden_in_tables(table: &SuppressedTable, row: usize, col: usize) -> bool {
    match table.cell(row, col) {
        Some(Published::Secret(_)) => true,
        Some(Published::Value(_)) => {
            if col < table.table.substantive().end {
                table.n(row).is_none()
            } else {
                apart_n_hidden(table, row)
            }
        }
        None => false,
    }
}

/// Whether the tables hide the row's count of everyone who answered (non-substantive
/// answers included).
fn apart_n_hidden(table: &SuppressedTable, row: usize) -> bool {
    table.apart_n_hidden.get(row).copied().flatten().is_some()
}

/// Diverging stacked bars, groups side by side.
fn diverging(
    figure: &Figure,
    closed: &ClosedFigure,
    left_out: &[(String, u64)],
    tables: &[SuppressedTable],
) -> DivergingChart {
    let first = &closed.items[0].crosstab;
    let k = first.scale_len;
    let mut chart = DivergingChart::new(first.col_labels[..k].iter().cloned())
        .non_substantive(first.col_labels[k..].iter().cloned())
        .denominator(LikertDenominator::ScaleAnswers);
    for (item, published) in closed.items.iter().zip(tables) {
        let label = if item.label.trim().is_empty() {
            figure.title.clone()
        } else {
            item.label.clone()
        };
        let table = &item.counts;
        for (r, group) in table.row_labels.iter().enumerate() {
            if is_left_out(group, left_out) {
                continue;
            }
            let counts = &table.counts[r];
            let scale = &counts[..k.min(counts.len())];
            let apart = &counts[k.min(counts.len())..];
            chart = if figure.is_grouped() {
                chart.group_item(label.clone(), group.clone(), scale, apart)
            } else {
                chart.item(label.clone(), scale, apart)
            };
            let row = chart.rows.len() - 1;
            // With the scale's n hidden, the merged width of hidden non-substantive answers
            // would give it back: everything of the row is withheld then.
            let n_hidden = published.n(r).is_none();
            for j in 0..counts.len() {
                if n_hidden || hidden_in_tables(published, r, j) {
                    chart = chart.suppress(row, j);
                }
            }
            // The chart's n is everyone who answered, « Ne sait pas » included.
            let shown_n_hidden = if apart.is_empty() {
                n_hidden
            } else {
                apart_n_hidden(published, r)
            };
            if shown_n_hidden {
                chart = chart.suppress_n(row);
            }
        }
    }
    chart = chart.disclosure_threshold(u64::from(figure.threshold.get()));
    if closed.items.len() > 1 {
        chart = chart.sorted_by_favourability();
    }
    // Side by side reads well for a battery and a few groups (the networks); one item, or
    // many groups (the sites), reads better as one bar per group under each item.
    if closed.items.len() == 1 || chart.groups().len() > 3 {
        chart = chart.stacked_groups();
    }
    chart
}

/// Grouped bars of percentages of respondents, with 95 % intervals.
fn bars(
    figure: &Figure,
    closed: &ClosedFigure,
    left_out: &[(String, u64)],
    tables: &[SuppressedTable],
) -> BarChart {
    let crosstab: &Crosstab = &closed.items[0].crosstab;
    let mut chart = BarChart::new(crosstab.col_labels.iter().cloned());
    if closed.multiple {
        chart = chart.multiple_choice();
    }
    chart = chart.disclosure_threshold(u64::from(figure.threshold.get()));
    let substantive = crosstab.substantive();
    // The tables' pattern.
    let Some(published) = tables.first() else {
        return chart;
    };
    for (r, row) in crosstab.rows.iter().enumerate() {
        if is_left_out(&row.label, left_out) {
            continue;
        }
        let values = row
            .cells
            .iter()
            .enumerate()
            .map(|(j, cell)| {
                let hidden = hidden_in_tables(published, r, j);
                BarValue {
                    pct: cell.pct.unwrap_or(0.0),
                    count: (!hidden).then_some(cell.count),
                    interval: if hidden { None } else { cell.ci },
                    suppressed: hidden,
                }
            })
            .collect::<Vec<_>>();
        // The series' n is the denominator of its substantive answers.
        let (n, n_suppressed) = if substantive.is_empty() {
            (row.apart_n, apart_n_hidden(published, r))
        } else {
            (row.n, published.n(r).is_none())
        };
        chart.series.push(BarSeries {
            name: if figure.is_grouped() {
                row.label.clone()
            } else {
                String::new()
            },
            n,
            values,
            n_suppressed,
        });
    }
    chart
}

/// Box plots by group, and the groups left without a box. The whiskers end at the first and
/// ninth deciles and no answer is drawn on its own (Tukey's whiskers end on answers, and an
/// extreme answer is one person's); a group of fewer than [`MIN_N_DECILES`] answers gets no
/// whiskers, and one of fewer than [`MIN_N_QUARTILES`] no box: interpolated between so few
/// answers, they would give them back.
///
/// A group the table hides so that a small one cannot be recomputed (secondary suppression)
/// is left out too, and named in the third list: its mean beside the whole's would give the
/// small group's back.
fn box_plot(
    figure: &Figure,
    numeric: &NumericFigure,
    left_out: &[(String, u64)],
) -> (BoxPlot, Vec<String>, Vec<String>) {
    let mut published = numeric.table.clone();
    published.suppress(figure.threshold.get());
    let mut complements = Vec::new();
    let mut plot = BoxPlot::new(figure.title.clone()).whiskers(Whiskers::Deciles {
        from_n: MIN_N_DECILES,
    });
    let mut boxless = Vec::new();
    for (row, shown) in numeric.table.rows.iter().zip(&published.rows) {
        if is_left_out(&row.label, left_out) {
            continue;
        }
        if shown.suppressed.is_some() {
            complements.push(format!("« {} »", row.label));
            continue;
        }
        let Some(summary) = &row.summary else {
            continue;
        };
        if !row.quartiles_published() {
            boxless.push(format!("« {} »", row.label));
        } else {
            plot = plot.push(decile_box(&row.label, summary, row.deciles_published()));
        }
    }
    (plot, boxless, complements)
}

/// The box of a summary with no outliers and whiskers at the first and ninth deciles, or
/// none (ending on the box) without `whiskers`. (No Tukey box here: its whiskers and
/// outliers are answers, one person's each.)
fn decile_box(label: &str, s: &NumericSummary, whiskers: bool) -> BoxStats {
    let (low, high) = if whiskers {
        (s.p10, s.p90)
    } else {
        (s.q1, s.q3)
    };
    BoxStats {
        label: label.to_owned(),
        n: s.n,
        low,
        q1: s.q1,
        median: s.median,
        q3: s.q3,
        high,
        mean: Some(s.mean),
        outliers: Vec::new(),
    }
}

/// A histogram of every answer, with round bin widths; bins under the disclosure threshold
/// are secret (with a complement when one alone would be the total minus the others).
fn histogram(figure: &Figure, numeric: &NumericFigure, threshold: u64) -> Histogram {
    let mut all: Vec<f64> = numeric.values.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    let (edges, counts) = bins(&all);
    // Without groups, the whole's summary is that of every answer drawn.
    let summary = numeric.table.total.summary.as_ref();
    let secret: Vec<bool> = crate::stats::suppress_line(&counts, figure.threshold.get())
        .iter()
        .map(Option::is_some)
        .collect();
    Histogram::from_edges(figure.title.clone(), &edges, &counts)
        .with_centre(
            summary.map(|s| s.mean),
            // The median of a few answers is one of them.
            summary.filter(|s| s.n >= MIN_N_QUARTILES).map(|s| s.median),
        )
        .with_secret_bins(&secret, threshold)
}

/// Bin edges and counts for sorted values: about Sturges' number of bins, with a width of
/// 1, 2, 2.5 or 5 times a power of ten (whole numbers for whole values).
pub(super) fn bins(sorted: &[f64]) -> (Vec<f64>, Vec<u64>) {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return (vec![0.0, 1.0], vec![0]);
    };
    let whole = sorted.iter().all(|x| x.fract() == 0.0);
    if max <= min {
        let w = if whole { 1.0 } else { 0.5 };
        return (
            vec![min - w / 2.0, min + w / 2.0],
            vec![sorted.len() as u64],
        );
    }
    let target = ((sorted.len() as f64).log2().ceil() + 1.0).clamp(5.0, 20.0);
    let raw = (max - min) / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut width = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&w| w >= raw)
        .unwrap_or(10.0 * magnitude);
    if whole {
        width = width.ceil().max(1.0);
    }
    let start = (min / width).floor() * width;
    let mut edges = vec![start];
    while edges.last().is_some_and(|&e| e <= max) && edges.len() < 200 {
        let next = start + edges.len() as f64 * width;
        edges.push(next);
    }
    let last = edges.len().saturating_sub(2);
    let mut counts = vec![0u64; last + 1];
    for &x in sorted {
        let i = ((x - start) / width).floor().max(0.0) as usize;
        if let Some(c) = counts.get_mut(i.min(last)) {
            *c += 1;
        }
    }
    (edges, counts)
}

/// The line of a test that disclosure control keeps from being published.
fn withheld_test_line() -> String {
    "Différence entre groupes : test non publié, cases masquées (secret statistique).".to_owned()
}

/// The tests of difference, summed up for a chart in one line or two.
fn test_summary(figure: &Figure) -> Vec<String> {
    if !figure.is_grouped() {
        return Vec::new();
    }
    let closed = match &figure.body {
        FigureBody::Closed(closed) => closed,
        FigureBody::Numeric(numeric) => {
            return match &numeric.difference {
                Some(Difference::Table(d)) => vec![format!(
                    "Différence entre groupes : {} ; {}.",
                    d.wording,
                    d.test.label_fr()
                )],
                Some(Difference::NotTested(why)) => {
                    vec![format!("Différence entre groupes non testée : {why}.")]
                }
                Some(Difference::Withheld) => vec![withheld_test_line()],
                Some(Difference::ByOption(_)) | None => Vec::new(),
            };
        }
    };
    if closed.items.len() == 1 {
        return match &closed.items[0].difference {
            Some(Difference::Table(d)) => vec![format!(
                "Différence entre groupes : {} ; {}.",
                d.wording,
                d.test.label_fr()
            )],
            Some(Difference::ByOption(tests)) => {
                let significant: Vec<String> = tests
                    .iter()
                    .filter(|(_, d)| d.significant)
                    .map(|(o, _)| format!("« {o} »"))
                    .collect();
                vec![if significant.is_empty() {
                    "Différence entre groupes : aucune modalité ne diffère significativement \
                     (test par modalité)."
                        .to_owned()
                } else {
                    format!(
                        "Différence significative entre groupes au seuil de 5 % pour : {} \
                         (test par modalité).",
                        significant.join(", ")
                    )
                }]
            }
            Some(Difference::NotTested(why)) => {
                vec![format!("Différence entre groupes non testée : {why}.")]
            }
            Some(Difference::Withheld) => vec![withheld_test_line()],
            None => Vec::new(),
        };
    }
    let tested: Vec<(&str, &crate::stats::GroupDifference)> = closed
        .items
        .iter()
        .filter_map(|i| match &i.difference {
            Some(Difference::Table(d)) => Some((i.label.as_str(), d)),
            _ => None,
        })
        .collect();
    if tested.is_empty() {
        let withheld = closed
            .items
            .iter()
            .any(|i| matches!(i.difference, Some(Difference::Withheld)));
        return if withheld {
            vec![withheld_test_line()]
        } else {
            Vec::new()
        };
    }
    let significant: Vec<String> = tested
        .iter()
        .filter(|(_, d)| d.significant)
        .map(|(l, _)| format!("« {l} »"))
        .collect();
    let cautious = tested
        .iter()
        .any(|(_, d)| !d.significant && d.smallest_group < 30);
    let mut line = if significant.is_empty() {
        "Différence entre groupes : significative pour aucun item au seuil de 5 %".to_owned()
    } else {
        format!(
            "Différence significative entre groupes au seuil de 5 % pour : {}",
            significant.join(", ")
        )
    };
    line.push_str(" (test du khi-deux, ou exact de Fisher pour les petits effectifs, par item)");
    if cautious {
        line.push_str(" ; effectifs faibles : à interpréter avec prudence");
    }
    line.push('.');
    vec![line]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::numeric::summarize;

    #[test]
    fn whole_values_get_whole_bins_that_cover_every_answer() {
        let ages: Vec<f64> = (16..=25).flat_map(|a| vec![f64::from(a); 3]).collect();
        let (edges, counts) = bins(&ages);
        assert_eq!(counts.iter().sum::<u64>(), 30);
        assert!(edges.iter().all(|e| e.fract() == 0.0), "{edges:?}");
        assert!(edges[0] <= 16.0 && *edges.last().unwrap_or(&0.0) > 25.0);
        let (edges, counts) = bins(&[3.0, 3.0]);
        assert_eq!((edges.len(), counts), (2, vec![2]));
    }

    /// A numeric figure of ages by site, one site per `(label, ages)`.
    fn ages_by_group(groups: &[(&str, Vec<f64>)]) -> Figure {
        ages_by(crate::stats::GroupingKind::Site, groups)
    }

    /// A numeric figure of ages cut by `kind`, one group per `(label, ages)`.
    fn ages_by(kind: crate::stats::GroupingKind, groups: &[(&str, Vec<f64>)]) -> Figure {
        use crate::stats::{NumericRow, NumericTable};
        let row = |label: &str, values: &[f64]| NumericRow {
            label: label.to_owned(),
            summary: summarize(values),
            caution: None,
            suppressed: None,
        };
        let all: Vec<f64> = groups.iter().flat_map(|(_, v)| v.clone()).collect();
        Figure {
            qid: "jeunes.age".into(),
            title: "Âge".into(),
            text: "Âge".into(),
            kind: QuestionKind::Numeric,
            grouping: Some(super::super::FigureGrouping {
                spec: "site".into(),
                kind,
                name: "Site".into(),
            }),
            site: None,
            sources: vec![],
            period: None,
            respondents: all.len() as u64,
            ungrouped: 0,
            threshold: crate::model::Threshold::default(),
            body: FigureBody::Numeric(Box::new(NumericFigure {
                table: NumericTable {
                    qid: "jeunes.age".into(),
                    text: "Âge".into(),
                    grouping: "Site".into(),
                    sources: vec![],
                    rows: groups.iter().map(|(l, v)| row(l, v)).collect(),
                    total: row("Ensemble", &all),
                    caution: None,
                },
                values: groups.iter().map(|(_, v)| v.clone()).collect(),
                difference: None,
            })),
        }
    }

    #[test]
    fn a_small_group_is_pooled_into_others_or_withheld_never_drawn() {
        let ages = |n: usize, from: f64| (0..n).map(|i| from + (i % 9) as f64).collect();
        let labels = |figure: &Figure| -> (Vec<String>, Vec<String>) {
            let spec = to_chart_spec(figure);
            let ChartBody::BoxPlot(plot) = &spec.body else {
                panic!("box plots");
            };
            (
                plot.boxes.iter().map(|b| b.label.clone()).collect(),
                spec.cautions.clone(),
            )
        };
        let groups = [
            ("A", vec![19.0]),
            ("B", ages(40, 16.0)),
            ("C", ages(60, 17.0)),
        ];
        // By site: one young person alone joins the smallest other site in « Autres »,
        // since their age would otherwise follow from the means.
        let (boxes, cautions) = labels(&ages_by_group(&groups));
        assert_eq!(boxes, ["C", "Autres"]);
        assert!(
            cautions
                .iter()
                .any(|c| c.contains("« Autres »") && c.contains("A") && c.contains("avec B"))
        );
        // By network, where « Autres » means nothing: withheld, out of « Ensemble ».
        let (boxes, cautions) = labels(&ages_by(crate::stats::GroupingKind::Network, &groups));
        assert_eq!(boxes, ["B", "C"]);
        assert!(
            cautions
                .iter()
                .any(|c| c.contains("Non publiés") && c.contains('A'))
        );
        // When every site would be merged, the cut shows nothing: withheld.
        let figure = ages_by_group(&[("A", vec![19.0]), ("B", ages(40, 16.0))]);
        assert!(matches!(to_chart_spec(&figure).body, ChartBody::HeatMap(_)));
    }

    #[test]
    fn published_boxes_end_at_deciles_and_show_no_answer_alone() {
        let mut xs: Vec<f64> = (1..=20).map(f64::from).collect();
        xs.push(100.0);
        let b = decile_box("G", &summarize(&xs).unwrap(), true);
        assert!(b.outliers.is_empty());
        // Type 7 deciles of 1..20 and 100: 3 and 19, not the extremes 1 and 100.
        assert_eq!((b.low, b.high), (3.0, 19.0));
        let b = decile_box("G", &summarize(&xs[..8]).unwrap(), false);
        assert_eq!((b.low, b.high), (b.q1, b.q3), "no whiskers");
    }
}
