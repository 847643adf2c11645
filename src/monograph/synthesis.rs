//! The cross-site synthesis: every visited site side by side, on key cohort indicators and
//! on how many coded passages each theme of the codebook has there, then theme by theme in
//! the shape of the report's SYNTHESE boxes (Pôle emploi, then the Missions locales), with
//! a few passages from the sites.

use std::collections::BTreeMap;

use super::assemble::Inputs;
use super::document::{Block, Document, Quote, Section, Table};
use crate::coding::query;
use crate::model::coding::CodeId;

/// Key indicators shown for every site, by id.
const KEY_INDICATORS: [&str; 4] = ["entries", "phase2_entries", "positive_exit_rate", "lost"];

/// Passages quoted per network and theme.
const QUOTES_PER_THEME: usize = 2;

/// The synthesis document.
pub fn synthesis(inputs: &Inputs<'_>) -> Document {
    let evaluation = inputs.evaluation;
    let sites = &evaluation.manifest.sites;
    let threshold = evaluation.manifest.disclosure_threshold.get();
    let book = &evaluation.coding.codebook;
    let themes: Vec<(CodeId, String)> = book
        .children(None)
        .into_iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let theme_of = |code: CodeId| -> Option<CodeId> {
        let mut current = book.get(code)?;
        while let Some(parent) = current.parent.and_then(|p| book.get(p)) {
            current = parent;
        }
        Some(current.id)
    };
    // Passages per (site, theme), and a few of them per (network, theme).
    let mut counts: BTreeMap<(usize, CodeId), usize> = BTreeMap::new();
    let mut quotes: BTreeMap<(String, CodeId), Vec<Quote>> = BTreeMap::new();
    for coding in evaluation.coding.codings.values() {
        let Some(segment) = query::segment(evaluation, coding) else {
            continue;
        };
        let (Some(site), Some(theme)) = (segment.site, theme_of(coding.code)) else {
            continue;
        };
        *counts.entry((site, theme)).or_default() += 1;
        let network = sites[site].network.clone();
        let list = quotes.entry((network, theme)).or_default();
        if list.len() < QUOTES_PER_THEME && segment.quote.chars().count() > 40 {
            list.push(Quote {
                text: segment.quote,
                speaker: segment.speaker,
                source: format!("{} · {}", sites[site].name, segment.source),
                code: book
                    .get(coding.code)
                    .map_or_else(String::new, |c| c.name.clone()),
            });
        }
    }
    let mut sections = Vec::new();

    // Sites × key indicators.
    if let Some(report) = inputs.cohort {
        let mut header = vec!["Site".to_owned()];
        let mut rows = Vec::new();
        let mut labels: Vec<String> = Vec::new();
        for site in sites {
            let Some(entry) = report.site(&site.id) else {
                continue;
            };
            let mut row = vec![site.name.clone()];
            for id in KEY_INDICATORS {
                let indicator = entry.indicators.iter().find(|i| i.id == id);
                if labels.len() < KEY_INDICATORS.len() {
                    labels.push(
                        indicator
                            .map_or_else(|| id.to_owned(), |i| format!("{} ({})", i.label, i.unit)),
                    );
                }
                let value = indicator.and_then(|i| i.value);
                row.push(match (indicator, value) {
                    (Some(i), Some(v)) => {
                        let x = v.as_f64();
                        if i.unit == "jeunes" && x > 0.0 && x < f64::from(threshold) {
                            "s".to_owned()
                        } else {
                            crate::cohort::french_number(v, &i.unit)
                        }
                    }
                    _ => "–".to_owned(),
                });
            }
            rows.push(row);
        }
        header.extend(labels);
        sections.push(Section {
            level: 1,
            title: "Les sites et leurs indicateurs clés".to_owned(),
            blocks: vec![
                Block::Table(Table {
                    title: "Indicateurs de cohorte par site".to_owned(),
                    header,
                    rows,
                    notes: vec![
                        "Les taux de sortie positive des deux réseaux n'ont pas le même dénominateur : voir les définitions de chaque monographie.".to_owned(),
                        format!("s : secret statistique (moins de {threshold} jeunes)."),
                    ],
                }),
            ],
        });
    }

    // Sites × themes.
    let mut header = vec!["Site".to_owned()];
    header.extend(themes.iter().map(|(_, n)| n.clone()));
    let rows: Vec<Vec<String>> = sites
        .iter()
        .enumerate()
        .map(|(s, site)| {
            let mut row = vec![site.name.clone()];
            row.extend(
                themes
                    .iter()
                    .map(|(t, _)| counts.get(&(s, *t)).copied().unwrap_or(0).to_string()),
            );
            row
        })
        .collect();
    sections.push(Section {
        level: 1,
        title: "Les thèmes par site".to_owned(),
        blocks: vec![Block::Table(Table {
            title: "Passages codés par thème et par site".to_owned(),
            header,
            rows,
            notes: vec!["Nombre de passages (notes de visite, entretiens, réponses ouvertes) codés sous un code du thème.".to_owned()],
        })],
    });

    // Theme by theme, as the report's SYNTHESE boxes: Pôle emploi, then the Missions locales.
    for (theme, name) in &themes {
        let mut blocks = Vec::new();
        for (network, label) in [("PE", "A Pôle emploi"), ("ML", "Dans les Missions locales")] {
            let sites_with: Vec<&str> = sites
                .iter()
                .enumerate()
                .filter(|(s, site)| site.network == network && counts.contains_key(&(*s, *theme)))
                .map(|(_, site)| site.name.as_str())
                .collect();
            let passages: usize = sites
                .iter()
                .enumerate()
                .filter(|(_, site)| site.network == network)
                .map(|(s, _)| counts.get(&(s, *theme)).copied().unwrap_or(0))
                .sum();
            blocks.push(Block::Note(format!(
                "{label} : {passages} passage(s) sur {} site(s){}",
                sites_with.len(),
                if sites_with.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", sites_with.join(", "))
                }
            )));
            if let Some(list) = quotes.get(&(network.to_owned(), *theme)) {
                blocks.extend(list.iter().cloned().map(Block::Quote));
            }
        }
        sections.push(Section {
            level: 1,
            title: format!("SYNTHÈSE — {name}"),
            blocks,
        });
    }
    Document {
        title: "Synthèse transversale des monographies".to_owned(),
        subtitle: evaluation.manifest.title.clone(),
        front_matter: vec![
            format!("{} sites visités", sites.len()),
            format!(
                "Document produit par Atelier ; secret statistique : effectifs inférieurs à {threshold} masqués."
            ),
        ],
        sections,
    }
}
