//! The cohort figures as a French text table for the terminal (`atelier cohort PATH`):
//! indicators, then breakdowns, for each network; with a site, the site's column stands
//! beside its network's.

use std::fmt::Write as _;

use super::report::{Breakdown, Indicator, Value};
use super::{CohortEntry, CohortReport};
use crate::model::french;

/// An indicator's value the French way: counts whole, percentages and months with one
/// decimal, ratios with two.
pub fn french_number(value: Value, unit: &str) -> String {
    match value {
        Value::Count(c) => french::count(c),
        Value::Number(x) => {
            let decimals = if unit == "%" || unit == "mois" { 1 } else { 2 };
            french::number(x, decimals)
        }
    }
}

fn shown(indicator: Option<&Indicator>) -> String {
    match indicator {
        Some(i) => match i.value {
            Some(v) if i.unit == "jeunes" => french_number(v, &i.unit),
            Some(v) if i.unit == "%" => format!("{} %", french_number(v, &i.unit)),
            Some(v) => format!("{} {}", french_number(v, &i.unit), i.unit),
            None => "—".to_owned(),
        },
        None => String::new(),
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, to: usize) -> String {
    let mut out = text.to_owned();
    for _ in width(text)..to {
        out.push(' ');
    }
    out
}

fn pad_left(text: &str, to: usize) -> String {
    let mut out = String::new();
    for _ in width(text)..to {
        out.push(' ');
    }
    out.push_str(text);
    out
}

/// Writes one or two columns of entries (a site beside its network).
fn table(out: &mut String, columns: &[(&str, &CohortEntry)]) {
    let Some((_, first)) = columns.first() else {
        return;
    };
    let label_width = first
        .indicators
        .iter()
        .map(|i| width(&i.label))
        .max()
        .unwrap_or(10)
        .max(10);
    let _ = write!(out, "{}", pad("Indicateur", label_width));
    for (title, _) in columns {
        let _ = write!(out, "  {}", pad_left(title, 18));
    }
    out.push('\n');
    for indicator in &first.indicators {
        let _ = write!(out, "{}", pad(&indicator.label, label_width));
        for (_, entry) in columns {
            let _ = write!(
                out,
                "  {}",
                pad_left(&shown(entry.indicator(&indicator.id)), 18)
            );
        }
        out.push('\n');
    }
    for breakdown in &first.breakdowns {
        if breakdown.rows.is_empty() {
            continue;
        }
        out.push('\n');
        let _ = write!(out, "{}", pad(&breakdown.label, label_width));
        for (_, entry) in columns {
            let n = entry.breakdown(&breakdown.id).map_or(0, |b| b.n);
            let _ = write!(
                out,
                "  {}",
                pad_left(&format!("n = {}", french::count(n)), 18)
            );
        }
        out.push('\n');
        for row in &breakdown.rows {
            let _ = write!(out, "  {}", pad(&row.label, label_width.saturating_sub(2)));
            for (_, entry) in columns {
                let cell = entry
                    .breakdown(&breakdown.id)
                    .map(|b| row_cell(b, &row.label))
                    .unwrap_or_default();
                let _ = write!(out, "  {}", pad_left(&cell, 18));
            }
            out.push('\n');
        }
    }
}

/// The three classes of exit, the factor tables and the adjusted effects of each column
/// (a site, then its network).
fn factors_text(out: &mut String, columns: &[(&str, &CohortEntry)]) {
    for (title, entry) in columns {
        if entry.exit_classes.is_empty() {
            continue;
        }
        let n = entry.indicator("exit_class_n").map(|i| shown(Some(i)));
        let _ = writeln!(
            out,
            "\nClasses de sortie en fin de phase 2 — {title} (n = {}{}{})",
            n.unwrap_or_default(),
            entry
                .indicator("exit_class_excluded")
                .filter(|i| i.number().unwrap_or(0.0) > 0.0)
                .map(|i| format!(" ; « autres » écartées : {}", shown(Some(i))))
                .unwrap_or_default(),
            entry
                .indicator("exit_class_unknown")
                .filter(|i| i.number().unwrap_or(0.0) > 0.0)
                .map(|i| format!(" ; situation non renseignée : {}", shown(Some(i))))
                .unwrap_or_default(),
        );
        for class in &entry.exit_classes {
            let count = class.count.map_or_else(|| "s".to_owned(), french::count);
            let share = class
                .pct
                .map_or_else(|| "s".to_owned(), |p| french::percent(p, 1));
            let _ = writeln!(out, "  {}  {count}  {share}", pad(&class.label, 34));
        }
    }
    for (title, entry) in columns {
        if entry.factors.is_empty() {
            continue;
        }
        let labels: Vec<&str> = entry
            .exit_classes
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        let _ = writeln!(
            out,
            "\nFacteurs de réussite, un facteur à la fois — {title} : part de chaque classe \
             [intervalle de confiance à 95 %, Wilson]"
        );
        let _ = writeln!(out, "  Classes : {}", labels.join(" | "));
        for factor in &entry.factors {
            let _ = writeln!(out, "  {}", factor.label);
            for row in &factor.rows {
                let cells: Vec<String> = row
                    .classes
                    .iter()
                    .map(|c| match (c.pct, c.interval) {
                        (Some(p), Some((lo, hi))) => format!(
                            "{} [{}–{}]",
                            french::percent(p, 1),
                            french::number(lo, 1),
                            french::number(hi, 1)
                        ),
                        (Some(p), None) => french::percent(p, 1),
                        _ => "s".to_owned(),
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "    {} n = {:>7}   {}",
                    pad(&row.label, 36),
                    french::count(row.n),
                    cells.join(" | ")
                );
            }
            if let Some(test) = &factor.test {
                let _ = writeln!(out, "    Test : {}", test.text);
            }
            let note = factor.withheld_note();
            if !note.is_empty() {
                let _ = writeln!(out, "    {note}");
            }
        }
    }
    for (title, entry) in columns {
        if entry.adjusted.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\nEffets ajustés — {title} : régression logistique de chaque classe contre les deux \
             autres sur tous les facteurs ensemble ; rapports des chances [IC à 95 %] par rapport \
             à la modalité de référence"
        );
        for model in &entry.adjusted {
            let _ = writeln!(out, "  {} (n = {})", model.label, french::count(model.n));
            let mut last_factor = "";
            for term in &model.terms {
                if term.factor != last_factor {
                    last_factor = &term.factor;
                    let reference = model
                        .references
                        .iter()
                        .find(|r| r.0 == term.factor)
                        .map(|r| format!("{} (réf. : {})", r.1, r.2))
                        .unwrap_or_else(|| term.factor.clone());
                    let _ = writeln!(out, "    {reference}");
                }
                let value = match (term.odds_ratio, term.low, term.high) {
                    (Some(or), Some(lo), Some(hi)) => format!(
                        "{} [{}–{}]",
                        french::number(or, 2),
                        french::number(lo, 2),
                        french::number(hi, 2)
                    ),
                    _ => "non estimable".to_owned(),
                };
                let _ = writeln!(out, "      {}  {value}", pad(&term.level, 36));
            }
            for note in &model.notes {
                let _ = writeln!(out, "    Note : {note}");
            }
        }
    }
}

fn row_cell(breakdown: &Breakdown, label: &str) -> String {
    match breakdown.row(label) {
        Some(row) => match row.pct {
            Some(p) => format!(
                "{}  {:>6} %",
                french::count(row.count),
                french_number(Value::Number(p), "%")
            ),
            None => french::count(row.count),
        },
        None => "0".to_owned(),
    }
}

/// The report as a French text table: every network, or one site beside its network.
/// Returns an empty string for an unknown site (check with [`CohortReport::site`] first).
pub fn to_text(report: &CohortReport, site: Option<&str>) -> String {
    let mut out = String::new();
    let sources = |network| report.sources.iter().filter(move |s| s.network == network);
    match site {
        Some(id) => {
            let Some(site) = report.site(id) else {
                return out;
            };
            let name = site.name.as_deref().unwrap_or(id);
            let _ = writeln!(
                out,
                "Cohorte {} — {name}, à côté du réseau",
                site.network.label()
            );
            for s in sources(site.network) {
                let _ = writeln!(out, "Fichier : {}", source_line(s));
            }
            out.push('\n');
            match report.network(site.network) {
                Some(national) => {
                    let columns = [("Site", site), ("Réseau (national)", national)];
                    table(&mut out, &columns);
                    factors_text(&mut out, &columns);
                }
                None => {
                    table(&mut out, &[("Site", site)]);
                    factors_text(&mut out, &[("Site", site)]);
                }
            }
        }
        None => {
            for (i, national) in report.networks.iter().enumerate() {
                if i > 0 {
                    out.push_str("\n\n");
                }
                let _ = writeln!(out, "Cohorte {} — national", national.network.label());
                for s in sources(national.network) {
                    let _ = writeln!(out, "Fichier : {}", source_line(s));
                }
                out.push('\n');
                table(&mut out, &[("National", national)]);
                factors_text(&mut out, &[("National", national)]);
            }
            if !report.sites.is_empty() {
                out.push_str("\nSites visités (détail : --site ID) :\n");
                for site in &report.sites {
                    let entries = site
                        .indicator("entries")
                        .map(|i| shown(Some(i)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "  {} ({}, {}) : {} entrées, {}",
                        site.id.as_deref().unwrap_or_default(),
                        site.name.as_deref().unwrap_or_default(),
                        site.network.id(),
                        entries,
                        comparable_rates(site)
                    );
                }
            }
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{} avertissement(s) ; par exemple :",
            report.warnings.len()
        );
        for w in report.warnings.iter().take(5) {
            match w.row {
                Some(row) => {
                    let _ = writeln!(out, "  ligne {row} : {}", w.message);
                }
                None => {
                    let _ = writeln!(out, "  {}", w.message);
                }
            }
        }
    }
    // A terminal shows a no-break space as a space; a plain one lets `grep "28 505"` find it.
    out.replace(french::NBSP, " ")
}

/// A scope's positive-exit rate on its network's own denominator, named, and on the base
/// common to both networks, so that sites of different networks can stand side by side.
pub fn comparable_rates(entry: &CohortEntry) -> String {
    let own = entry.indicator("positive_exit_rate");
    let common = entry.indicator("positive_exit_rate_common");
    let rate = |i: Option<&Indicator>| {
        i.and_then(|i| i.value)
            .map(|v| format!("{} %", french_number(v, "%")))
            .unwrap_or_else(|| "—".to_owned())
    };
    let denominator = |i: Option<&Indicator>| {
        i.and_then(|i| i.label.split_once("(/ "))
            .map(|(_, d)| d.trim_end_matches(')').to_owned())
            .unwrap_or_default()
    };
    format!(
        "sortie positive {} des {} (taux du réseau), {} des {} (base commune)",
        rate(own),
        denominator(own),
        rate(common),
        denominator(common)
    )
}

fn source_line(s: &super::SourceSummary) -> String {
    let mut line = format!(
        "{} ({} fiches, dont {} aux dates valides ; date d'extraction {})",
        s.file,
        french::count(s.records),
        french::count(s.usable),
        s.horizon.as_deref().unwrap_or("inconnue")
    );
    if let Some(events) = &s.events_file {
        let _ = write!(
            line,
            " ; événements : {events} ({} lignes)",
            french::count(s.events)
        );
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_french_way() {
        assert_eq!(french_number(Value::Count(28505), "jeunes"), "28\u{a0}505");
        assert_eq!(french_number(Value::Number(35.5), "%"), "35,5");
        assert_eq!(french_number(Value::Number(1.95), "par jeune"), "1,95");
        assert_eq!(french_number(Value::Number(1234.0), "mois"), "1\u{a0}234,0");
    }
}
