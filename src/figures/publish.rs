//! A figure as it may leave the evaluator's hands: the one path by which charts and tables
//! are published.
//!
//! The evaluator's screen shows every group and every count, marked. What is exported (a
//! chart file, an XLSX or CSV table, a monograph block) goes through [`publication`], so
//! that both exporters hide the same things and say so the same way:
//!
//! 1. groups under the disclosure threshold are merged into « Autres » (sites, regions,
//!    answers to a closed question) or withheld (networks, respondent groups), with the
//!    provenance's n and « Ensemble » following ([`crate::stats::small_groups`]);
//! 2. each item's table is protected against the attacker who knows everything it
//!    publishes ([`crate::stats::protect_table`], remembered for the tables asked again
//!    through [`crate::stats::disclosure::suppress`]); cuts of one question published together
//!    (by site and by region) are protected as one ([`publish_linked`]);
//! 3. the test of difference is computed on what can be published, categories collapsed
//!    where needed, or not published ([`crate::stats::published_difference`]);
//! 4. notes say which groups were merged or withheld.

use crate::model::Evaluation;
use crate::model::manifest::SiteEntry;
use crate::stats::crosstab::{Caution, CountTable, Crosstab, Denominator};
use crate::stats::disclosure::{
    LinkedTable, Printed, PublishedDifference, RowRef, RowSum, SmallGroups, SuppressedTable,
    audit_linked, protect_linked, protect_table, published_difference, published_option_difference,
    small_groups, suppress,
};
use crate::stats::grouping::GroupingKind;
use crate::stats::numeric::{NumericRow, summarize};

use super::{ClosedFigure, Difference, Figure, FigureBody, FigureError, NumericFigure};

/// A figure ready to publish.
#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    /// The figure as published: small groups merged or withheld (n, « Ensemble » and the
    /// provenance's n follow), tests of difference on what can be published.
    pub figure: Figure,
    /// One protected table per item of a closed question, in order (none for a numeric
    /// question, whose table protects itself, nor when nothing can be published).
    pub tables: Vec<SuppressedTable>,
    /// How the groups were published.
    pub groups: Option<SmallGroups>,
    /// Notes under the table and the chart, in French.
    pub notes: Vec<String>,
}

impl Publication {
    /// The provenance line as published: the n of the groups published, or, when nothing is
    /// published or they are fewer than the threshold together, the words that the n is
    /// not (a count under the threshold is hidden like any other).
    pub fn source_line(&self) -> String {
        let n = self.figure.respondents;
        let hidden = self.withheld() || (1..u64::from(self.figure.threshold.get())).contains(&n);
        self.figure.source_line_with((!hidden).then_some(n))
    }

    /// Whether nothing of the figure can be published (every group under the threshold).
    pub fn withheld(&self) -> bool {
        self.groups
            .as_ref()
            .is_some_and(SmallGroups::nothing_published)
    }
}

/// The figure as it may be published (see the module's documentation).
pub fn publication(figure: &Figure) -> Publication {
    let prepared = prepare(figure);
    let tables = protected(&prepared);
    finish(prepared, tables)
}

/// The protected tables of `figure`, as its [`publication`] has them, without its tests of
/// difference: for a caller that needs only to know which cells are hidden.
pub fn published_tables(figure: &Figure) -> Vec<SuppressedTable> {
    protected(&prepare(figure))
}

/// One protected table per item, none when nothing can be published.
fn protected(prepared: &Prepared) -> Vec<SuppressedTable> {
    match &prepared.figure.body {
        FigureBody::Closed(closed) if !prepared.withheld() => closed
            .items
            .iter()
            .map(|item| suppress(&item.crosstab, prepared.figure.threshold.get()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Several figures published together (one export, one monograph): each as
/// [`publication`] gives it, except that the cuts of one question by site and by region are
/// protected as one, the attacker knowing that each region adds up its sites (and each cut
/// the same « Ensemble »). Figures of other cuts are protected alone.
pub fn publish_linked(
    evaluation: &Evaluation,
    figures: &[&Figure],
) -> Result<Vec<Publication>, FigureError> {
    let mut prepared: Vec<Prepared> = figures.iter().map(|f| prepare(f)).collect();
    let mut tables: Vec<Option<Vec<SuppressedTable>>> = vec![None; figures.len()];
    // Cuts by site and by region of the same question, over the same respondents.
    let mut done = vec![false; figures.len()];
    for a in 0..figures.len() {
        if done[a] || !linkable(figures[a]) {
            continue;
        }
        let members: Vec<usize> = (a..figures.len())
            .filter(|&b| linkable(figures[b]) && figures[b].qid == figures[a].qid)
            .collect();
        for &m in &members {
            done[m] = true;
        }
        if members.len() < 2 || members.iter().any(|&m| prepared[m].withheld()) {
            continue;
        }
        // The detail every cut adds up: the question by site, every site a row.
        let by_site = members.iter().find(|&&m| {
            matches!(
                figures[m].grouping.as_ref().map(|g| &g.kind),
                Some(GroupingKind::Site)
            )
        });
        let detail = match by_site {
            Some(&m) => figures[m].clone(),
            None => super::figure(evaluation, &figures[a].qid, Some("site"), None)?,
        };
        if let Some(linked) = protect_cuts(evaluation, &detail, &members, figures, &prepared) {
            for (m, t) in members.into_iter().zip(linked) {
                tables[m] = Some(t);
            }
        }
    }
    Ok(prepared
        .drain(..)
        .zip(tables)
        .map(|(p, t)| {
            let t = t.unwrap_or_else(|| match &p.figure.body {
                FigureBody::Closed(closed) if !p.withheld() => closed
                    .items
                    .iter()
                    .map(|item| suppress(&item.crosstab, p.figure.threshold.get()))
                    .collect(),
                _ => Vec::new(),
            });
            finish(p, t)
        })
        .collect())
}

/// The item tables of each of `members` (figures by site or region of one question),
/// protected together over `detail` (the question by site, unmerged). `None` when the cuts
/// do not line up (other items, other columns).
fn protect_cuts(
    evaluation: &Evaluation,
    detail: &Figure,
    members: &[usize],
    figures: &[&Figure],
    prepared: &[Prepared],
) -> Option<Vec<Vec<SuppressedTable>>> {
    let systems = cut_systems(
        &evaluation.manifest.sites,
        detail,
        members,
        figures,
        prepared,
    )?;
    let mut out: Vec<Vec<SuppressedTable>> = vec![Vec::new(); members.len()];
    for (linked, sums) in systems {
        let protected = protect_linked(&linked, &sums, detail.threshold.get()).ok()?;
        for (t, table) in protected.into_iter().skip(1).enumerate() {
            out[t].push(table);
        }
    }
    Some(out)
}

/// One item's tables linked together, and the sums between their rows.
type CutSystem<'a> = (Vec<LinkedTable<'a>>, Vec<RowSum>);

/// For each item, the system an attacker holding `members` (figures by site or region of
/// one question, as `prepared` publishes them) reads: the latent `detail` (the question by
/// site, every site a row) first, then each member; each region's row is the sum of its
/// sites', each « Ensemble » the detail's. `None` when the cuts do not line up.
fn cut_systems<'a>(
    sites: &[SiteEntry],
    detail: &'a Figure,
    members: &[usize],
    figures: &[&Figure],
    prepared: &'a [Prepared],
) -> Option<Vec<CutSystem<'a>>> {
    let FigureBody::Closed(detail_body) = &detail.body else {
        return None;
    };
    let region_of = |site_label: &str| -> Option<&str> {
        sites
            .iter()
            .find(|s| s.name == site_label)
            .map(|s| s.region.trim())
            .filter(|r| !r.is_empty())
    };
    let detail_labels: Vec<String> = detail.groups().into_iter().map(|(l, _)| l).collect();
    let every_site_has_a_region = detail_labels.iter().all(|l| region_of(l).is_some());
    let mut systems = Vec::with_capacity(detail_body.items.len());
    for (k, detail_item) in detail_body.items.iter().enumerate() {
        let mut linked = vec![LinkedTable {
            table: &detail_item.crosstab,
            published: false,
        }];
        let mut sums = Vec::new();
        let detail_rows = detail_item.crosstab.rows.len();
        for (t, &m) in members.iter().enumerate() {
            let FigureBody::Closed(body) = &prepared[m].figure.body else {
                return None;
            };
            let item = body.items.get(k)?;
            if item.label != detail_item.label {
                return None;
            }
            let table_index = t + 1;
            linked.push(LinkedTable {
                table: &item.crosstab,
                published: true,
            });
            let groups = prepared[m].groups.as_ref()?;
            let original = figures[m].groups();
            let by_region = matches!(
                figures[m].grouping.as_ref().map(|g| &g.kind),
                Some(GroupingKind::Region)
            );
            for (row, members_of_row) in groups.rows.iter().enumerate() {
                // The detail rows (sites) this published row adds up.
                let mut parts = Vec::new();
                for &r in members_of_row {
                    let label = original.get(r).map(|(l, _)| l.as_str())?;
                    for (d, site) in detail_labels.iter().enumerate() {
                        let belongs = if by_region {
                            region_of(site) == Some(label)
                        } else {
                            site == label
                        };
                        if belongs {
                            parts.push(RowRef { table: 0, row: d });
                        }
                    }
                }
                sums.push(RowSum {
                    total: RowRef {
                        table: table_index,
                        row,
                    },
                    parts,
                });
            }
            if groups.withheld.is_empty() && (!by_region || every_site_has_a_region) {
                sums.push(RowSum {
                    total: RowRef {
                        table: table_index,
                        row: item.crosstab.rows.len(),
                    },
                    parts: vec![RowRef {
                        table: 0,
                        row: detail_rows,
                    }],
                });
            }
        }
        systems.push((linked, sums));
    }
    Some(systems)
}

/// What a reader holding figures already published learns from one more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exposure {
    /// Hidden figures they would recompute exactly.
    pub pinned: usize,
    /// Small counts they could tell from an empty cell or from a safe one.
    pub exposed: usize,
    /// The cuts already published that the new one is read with, as « par région ».
    pub with: Vec<String>,
}

impl Exposure {
    /// The warning shown before publishing `new`, in French.
    pub fn warning(&self, new: &Figure) -> String {
        let mut what = Vec::new();
        if self.pinned > 0 {
            what.push(format!(
                "permettrait de recalculer exactement {} case(s) masquée(s)",
                self.pinned
            ));
        }
        if self.exposed > 0 {
            what.push(format!(
                "ne protégerait plus {} petit(s) effectif(s)",
                self.exposed
            ));
        }
        let cut = new
            .grouping
            .as_ref()
            .map_or_else(String::new, |g| format!(" par {}", g.name.to_lowercase()));
        format!(
            "lu avec {} déjà publié, le tableau{cut} de « {} » {} (secret statistique).",
            self.with.join(" et "),
            new.title,
            what.join(" et ")
        )
    }
}

/// What publishing `new` would give away to a reader who also holds `earlier` (figures of
/// the project's register, each published alone by [`publication`]), attacked like
/// [`crate::stats::audit_linked`] does over `detail` (the question by site, every site a
/// row; `sites` tell each site's region). Only cuts that add up are read together: one
/// question by site and by region, with no site filter, each region the sum of its sites
/// and every cut the same « Ensemble ». `None` when nothing is given away, or when no
/// earlier figure adds up with `new`.
pub fn linked_exposure(
    sites: &[SiteEntry],
    detail: &Figure,
    earlier: &[Figure],
    new: &Figure,
) -> Option<Exposure> {
    let (figures, with) = linked_with(earlier, new)?;
    let prepared: Vec<Prepared> = figures.iter().map(|f| prepare(f)).collect();
    if prepared.iter().any(Prepared::withheld) {
        return None;
    }
    let members: Vec<usize> = (0..figures.len()).collect();
    let systems = cut_systems(sites, detail, &members, &figures, &prepared)?;
    let threshold = new.threshold.get();
    let patterns: Vec<Vec<SuppressedTable>> = systems
        .iter()
        .map(|(linked, _)| {
            linked
                .iter()
                .map(|t| {
                    if t.published {
                        protect_table(t.table, threshold)
                    } else {
                        latent_pattern(t.table, threshold)
                    }
                })
                .collect()
        })
        .collect();
    exposure_of(&systems, &patterns, with)
}

/// The earlier figures `new` adds up with (one per cut, `new` last) and how the warning
/// names them; `None` when there are none.
fn linked_with<'a>(
    earlier: &'a [Figure],
    new: &'a Figure,
) -> Option<(Vec<&'a Figure>, Vec<String>)> {
    let kind = |f: &Figure| f.grouping.as_ref().map(|g| g.kind.clone());
    if !linkable(new) {
        return None;
    }
    let mut figures: Vec<&Figure> = Vec::new();
    for f in earlier {
        if linkable(f)
            && f.qid == new.qid
            && kind(f) != kind(new)
            && !figures.iter().any(|g| kind(g) == kind(f))
        {
            figures.push(f);
        }
    }
    if figures.is_empty() {
        return None;
    }
    let with = figures
        .iter()
        .map(|f| {
            let by = f.grouping.as_ref().map_or("", |g| g.name.as_str());
            format!("le tableau par {}", by.to_lowercase())
        })
        .collect();
    figures.push(new);
    Some((figures, with))
}

/// A latent table's pattern, which [`audit_linked`] does not read.
fn latent_pattern(table: &Crosstab, threshold: u32) -> SuppressedTable {
    SuppressedTable {
        table: table.clone(),
        threshold,
        n_hidden: Vec::new(),
        apart_n_hidden: Vec::new(),
    }
}

/// What the attacker holding every table of `systems` with `patterns` learns.
fn exposure_of(
    systems: &[CutSystem<'_>],
    patterns: &[Vec<SuppressedTable>],
    with: Vec<String>,
) -> Option<Exposure> {
    let (mut pinned, mut exposed) = (0, 0);
    for ((linked, sums), patterns) in systems.iter().zip(patterns) {
        let audits = audit_linked(linked, patterns, sums, Printed::FULL).ok()?;
        for audit in &audits {
            pinned += audit.pinned().count();
            // A small count recomputed exactly is said once, among the pinned.
            exposed += audit.exposed().filter(|h| !h.range.pinned()).count();
        }
    }
    (pinned + exposed > 0).then_some(Exposure {
        pinned,
        exposed,
        with,
    })
}

/// Whether `figure` can be linked with other cuts of its question: a closed question cut
/// by site or by region, with no site filter.
fn linkable(f: &Figure) -> bool {
    f.site.is_none()
        && matches!(&f.body, FigureBody::Closed(_))
        && matches!(
            f.grouping.as_ref().map(|g| &g.kind),
            Some(GroupingKind::Site | GroupingKind::Region)
        )
}

/// A figure with its groups decided, before its tables are protected.
struct Prepared {
    figure: Figure,
    groups: Option<SmallGroups>,
    notes: Vec<String>,
}

impl Prepared {
    fn withheld(&self) -> bool {
        self.groups
            .as_ref()
            .is_some_and(SmallGroups::nothing_published)
    }
}

/// Whether « Autres » means something for this cut.
fn mergeable(figure: &Figure) -> bool {
    matches!(
        figure.grouping.as_ref().map(|g| &g.kind),
        Some(GroupingKind::Site | GroupingKind::Region | GroupingKind::Question(_))
    )
}

/// The figure with its small groups merged or withheld.
fn prepare(figure: &Figure) -> Prepared {
    let mut published = figure.clone();
    let closed = match &figure.body {
        FigureBody::Closed(closed) => closed,
        FigureBody::Numeric(numeric) => return prepare_numeric(figure, numeric),
    };
    let counts: Vec<&CountTable> = closed.items.iter().map(|i| &i.counts).collect();
    let groups = small_groups(&counts, figure.threshold.get(), mergeable(figure));
    let notes = groups.notes();
    if !groups.is_identity() {
        let mut body = ClosedFigure {
            items: Vec::with_capacity(closed.items.len()),
            multiple: closed.multiple,
            group_respondents: groups
                .rows
                .iter()
                .map(|rows| {
                    rows.iter()
                        .map(|&r| closed.group_respondents.get(r).copied().unwrap_or(0))
                        .sum()
                })
                .collect(),
        };
        for item in &closed.items {
            let counts = groups.apply(&item.counts);
            let Ok(crosstab) = Crosstab::new(&counts, Denominator::Question) else {
                continue;
            };
            let mut item = item.clone();
            item.counts = counts;
            item.crosstab = crosstab;
            body.items.push(item);
        }
        published.respondents = body.group_respondents.iter().sum();
        published.body = FigureBody::Closed(body);
    }
    Prepared {
        figure: published,
        groups: Some(groups),
        notes,
    }
}

/// A numeric figure with its small groups merged (their answers pooled in « Autres ») or
/// withheld (« Ensemble » summarises the others), the test of difference run again on what
/// is published.
fn prepare_numeric(figure: &Figure, numeric: &NumericFigure) -> Prepared {
    let mut published = figure.clone();
    let rows = &numeric.table.rows;
    let mut sizes = CountTable::new(
        rows.iter().map(|r| r.label.clone()).collect(),
        vec![String::new()],
    );
    sizes.row_n = rows.iter().map(NumericRow::n).collect();
    sizes.counts = sizes.row_n.iter().map(|&n| vec![n]).collect();
    let groups = small_groups(&[&sizes], figure.threshold.get(), mergeable(figure));
    let notes = groups.notes();
    if !groups.is_identity() {
        let merged = groups.apply(&sizes);
        let mut body = numeric.clone();
        body.values = groups
            .rows
            .iter()
            .map(|members| {
                let mut values: Vec<f64> = members
                    .iter()
                    .flat_map(|&r| numeric.values.get(r).cloned().unwrap_or_default())
                    .collect();
                values.sort_by(f64::total_cmp);
                values
            })
            .collect();
        body.table.rows = merged
            .row_labels
            .iter()
            .zip(&body.values)
            .map(|(label, values)| {
                let summary = summarize(values);
                NumericRow {
                    label: label.clone(),
                    caution: Caution::small_group(summary.as_ref().map_or(0, |s| s.n)),
                    summary,
                    suppressed: None,
                }
            })
            .collect();
        if !groups.withheld.is_empty() {
            let all: Vec<f64> = body.values.iter().flatten().copied().collect();
            body.table.total.summary = summarize(&all);
            published.respondents = all.len() as u64;
        }
        body.table.caution = body
            .table
            .rows
            .iter()
            .map(NumericRow::n)
            .min()
            .and_then(Caution::small_groups_in_table);
        if body.difference.is_some() {
            body.difference = Some(super::compute::numeric_test(&body.values));
        }
        published.body = FigureBody::Numeric(Box::new(body));
    }
    Prepared {
        figure: published,
        groups: Some(groups),
        notes,
    }
}

/// The publication of a prepared figure whose item tables are protected as `tables`.
fn finish(mut prepared: Prepared, tables: Vec<SuppressedTable>) -> Publication {
    let grouped = prepared.figure.is_grouped();
    if let FigureBody::Closed(closed) = &mut prepared.figure.body {
        let mut withheld_options = Vec::new();
        for (item, table) in closed.items.iter_mut().zip(&tables) {
            if !grouped || item.difference.is_none() {
                continue;
            }
            item.difference = Some(published_test(&item.counts, table, &mut withheld_options));
        }
        if prepared
            .groups
            .as_ref()
            .is_some_and(SmallGroups::nothing_published)
        {
            for item in &mut closed.items {
                item.difference = None;
            }
        }
        if !withheld_options.is_empty() {
            withheld_options.dedup();
            prepared.notes.push(format!(
                "Test non publié pour {} : cases masquées (secret statistique).",
                withheld_options.join(", ")
            ));
        }
    }
    Publication {
        figure: prepared.figure,
        tables,
        groups: prepared.groups,
        notes: prepared.notes,
    }
}

/// The test of difference of one item as it may be printed under its protected table.
fn published_test(
    counts: &CountTable,
    table: &SuppressedTable,
    withheld_options: &mut Vec<String>,
) -> Difference {
    let groups = counts.row_n.iter().filter(|&&n| n > 0).count();
    if groups < 2 {
        return Difference::NotTested("un seul groupe a répondu".to_owned());
    }
    if counts.multiple {
        let mut tests = Vec::new();
        for j in counts.substantive() {
            match published_option_difference(counts, table, j) {
                PublishedDifference::Test { difference, .. } => {
                    tests.push((counts.col_labels[j].clone(), difference));
                }
                PublishedDifference::Withheld => {
                    withheld_options.push(format!("« {} »", counts.col_labels[j]));
                }
                PublishedDifference::NotTestable(_) => {}
            }
        }
        return if tests.is_empty() && !withheld_options.is_empty() {
            Difference::Withheld
        } else if tests.is_empty() {
            Difference::NotTested("aucune modalité n'est testable".to_owned())
        } else {
            Difference::ByOption(tests)
        };
    }
    let published = published_difference(counts, table);
    let note = published.collapsed_note();
    match published {
        PublishedDifference::Test { mut difference, .. } => {
            if let Some(note) = note {
                difference.note = Some(match difference.note.take() {
                    Some(other) => format!("{note} ; {other}"),
                    None => note,
                });
            }
            Difference::Table(difference)
        }
        PublishedDifference::Withheld => Difference::Withheld,
        PublishedDifference::NotTestable(reason) => Difference::NotTested(reason),
    }
}
