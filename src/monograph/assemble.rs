//! Assembling one site's monograph: each section of the template with the evaluator's text
//! and its blocks (the visit sheet, the site's coded passages under each code of the
//! section, the site's survey results and cohort indicators beside its network's, the
//! figures placed from Graphiques), each computed afresh from the data unless pinned, with
//! its provenance and a digest of what it says.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::document::{Block, Document, Figure, Quote, Section, Table};
use crate::charts::ChartSpec;
use crate::coding::query;
use crate::cohort::{CohortReport, french_number};
use crate::model::coding::{Anchor, CodeId};
use crate::model::monograph::{
    BlockKind, BlockState, Generated, Monograph, SectionState, Template, TemplateSection,
};
use crate::model::{Evaluation, FigureRef, QuestionKind};

/// What assembly reads.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    /// The evaluation, with its coding.
    pub evaluation: &'a Evaluation,
    /// The cohort figures, when computed.
    pub cohort: Option<&'a CohortReport>,
    /// The template.
    pub template: &'a Template,
    /// The figures placed from Graphiques.
    pub figures: &'a [FigureRef],
}

/// What a block shows, ready to print (or kept as it was, when pinned).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Content {
    /// A table.
    Table(Table),
    /// Quotes, each with the coding it comes from.
    Quotes(Vec<(u64, Quote)>),
    /// Charts with their captions.
    Charts(Vec<Chart>),
    /// Nothing to show, and why.
    Empty(String),
}

/// A chart as a block holds it: what to draw, and its caption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// What to draw.
    pub spec: ChartSpec,
    /// Its caption (what it shows, source, n).
    pub caption: String,
}

/// A block of a section, assembled.
#[derive(Clone, Debug, PartialEq)]
pub struct AssembledBlock {
    /// Its place among the section's blocks.
    pub index: usize,
    /// What it shows.
    pub kind: BlockKind,
    /// Its title, as the panel names it.
    pub title: String,
    /// Where it comes from: source, question, filter, n, date of the data.
    pub provenance: String,
    /// What it shows now (as pinned, when pinned).
    pub content: Content,
    /// A digest of what the data say now.
    pub digest: String,
    /// Pinned as it was.
    pub pinned: bool,
    /// Pinned, and the data have moved since.
    pub stale: bool,
    /// Dropped from the document.
    pub dropped: bool,
    /// Changed since the last export.
    pub changed: bool,
}

/// A section, assembled.
#[derive(Clone, Debug, PartialEq)]
pub struct AssembledSection {
    /// The template section's id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// What the evaluator writes there.
    pub hint: String,
    /// The evaluator's text.
    pub text: String,
    /// Its blocks, in order.
    pub blocks: Vec<AssembledBlock>,
}

/// A site's monograph, assembled.
#[derive(Clone, Debug, PartialEq)]
pub struct AssembledMonograph {
    /// The site's index in the manifest.
    pub site: usize,
    /// The sections, in the template's order.
    pub sections: Vec<AssembledSection>,
}

impl AssembledMonograph {
    /// Sections with the evaluator's text, and quotes kept: how far the monograph is.
    pub fn progress(&self) -> (usize, usize, usize) {
        let drafted = self
            .sections
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .count();
        let quotes = self
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| !b.dropped)
            .map(|b| match &b.content {
                Content::Quotes(q) => q.len(),
                _ => 0,
            })
            .sum();
        (drafted, self.sections.len(), quotes)
    }

    /// Blocks changed since the last export.
    pub fn changed(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| b.changed && !b.dropped)
            .count()
    }
}

/// The state of section `id`, or one that follows the template.
fn section_state<'m>(state: &'m Monograph, id: &str) -> Option<&'m SectionState> {
    state.sections.iter().find(|s| s.id == id)
}

/// The blocks a section holds before the evaluator arranges them: what the template asks to
/// generate, and one block of quotes per code of the section that has passages of the site.
pub fn default_blocks(
    inputs: &Inputs<'_>,
    site: usize,
    section: &TemplateSection,
) -> Vec<BlockState> {
    let evaluation = inputs.evaluation;
    let block = |kind| BlockState {
        kind,
        dropped: false,
        pinned: None,
    };
    let mut blocks = Vec::new();
    for generated in &section.generated {
        match generated {
            Generated::VisitSheet => blocks.push(block(BlockKind::VisitSheet)),
            Generated::Cohort => {
                if !evaluation.manifest.cohort.is_empty() {
                    blocks.push(block(BlockKind::Cohort));
                }
            }
            Generated::Surveys => {
                for qid in survey_questions(evaluation, site) {
                    blocks.push(block(BlockKind::Survey { qid }));
                }
            }
            Generated::PlacedFigures => {
                let id = &evaluation.manifest.sites[site].id;
                for figure in inputs.figures {
                    if figure.site.as_deref().is_none_or(|s| s == id) {
                        blocks.push(block(BlockKind::Figure(figure.clone())));
                    }
                }
            }
        }
    }
    let book = &evaluation.coding.codebook;
    for name in &section.codes {
        let Some(code) = book.codes.iter().find(|c| &c.name == name) else {
            continue;
        };
        if !site_codings(evaluation, site, code.id).is_empty() {
            blocks.push(block(BlockKind::Quotes {
                code: code.id,
                order: None,
                dropped: Vec::new(),
            }));
        }
    }
    blocks
}

/// The site's survey questions shown by default: in each questionnaire that has respondents
/// of the site, its first battery of ordered items.
fn survey_questions(evaluation: &Evaluation, site: usize) -> Vec<String> {
    let mut out = Vec::new();
    for source in &evaluation.sources {
        if !source.site_of_respondent.contains(&Some(site)) {
            continue;
        }
        if let Some(q) = source
            .survey
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Likert && q.items.len() >= 2)
        {
            out.push(evaluation.qid(source, q));
        }
    }
    out
}

/// The codings of the site's passages (notes of the site, answers of its respondents)
/// under `code`, in the order they were coded.
pub fn site_codings(evaluation: &Evaluation, site: usize, code: CodeId) -> Vec<u64> {
    evaluation
        .coding
        .codings
        .values()
        .filter(|c| c.code == code)
        .filter(|c| site_of(evaluation, &c.anchor) == Some(site))
        .map(|c| c.id)
        .collect()
}

/// The visited site a passage belongs to.
fn site_of(evaluation: &Evaluation, anchor: &Anchor) -> Option<usize> {
    match anchor {
        Anchor::Note { file, .. } => evaluation
            .notes
            .iter()
            .find(|n| &n.entry.file == file)
            .map(|n| n.site),
        Anchor::Answer {
            source, respondent, ..
        } => evaluation
            .sources
            .iter()
            .find(|s| &s.entry.id == source)?
            .site_of_respondent
            .get(*respondent as usize)
            .copied()
            .flatten(),
    }
}

/// Assemble site `site`'s monograph (index in the manifest's sites) as `state` arranges it.
pub fn assemble(inputs: &Inputs<'_>, site: usize, state: &Monograph) -> AssembledMonograph {
    let sections = inputs
        .template
        .sections
        .iter()
        .map(|section| {
            let saved = section_state(state, &section.id);
            let defaults = default_blocks(inputs, site, section);
            // The evaluator's arrangement, then what the data bring since (a code newly
            // used at the site, a figure newly placed): the document stays alive.
            let blocks = match saved.and_then(|s| s.blocks.clone()) {
                Some(mut arranged) => {
                    for block in defaults {
                        if !arranged.iter().any(|b| b.kind.key() == block.kind.key()) {
                            arranged.push(block);
                        }
                    }
                    arranged
                }
                None => defaults,
            };
            let blocks = blocks
                .into_iter()
                .enumerate()
                .map(|(index, block)| assemble_block(inputs, site, index, block, &state.exported))
                .collect();
            AssembledSection {
                id: section.id.clone(),
                title: section.title.clone(),
                hint: section.hint.clone(),
                text: saved.map(|s| s.text.clone()).unwrap_or_default(),
                blocks,
            }
        })
        .collect();
    AssembledMonograph { site, sections }
}

fn digest(content: &Content) -> String {
    let text = serde_json::to_string(content).unwrap_or_default();
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn assemble_block(
    inputs: &Inputs<'_>,
    site: usize,
    index: usize,
    block: BlockState,
    exported: &std::collections::BTreeMap<String, String>,
) -> AssembledBlock {
    let (title, provenance, fresh) = generate(inputs, site, &block.kind);
    let digest = digest(&fresh);
    let pinned: Option<Content> = block
        .pinned
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok());
    let stale = pinned.as_ref().is_some_and(|p| *p != fresh);
    let shown = pinned.clone().unwrap_or(fresh);
    let changed = exported
        .get(&block.kind.key())
        .is_some_and(|exported| *exported != digest && pinned.is_none());
    AssembledBlock {
        index,
        kind: block.kind,
        title,
        provenance,
        content: shown,
        digest,
        pinned: pinned.is_some(),
        stale,
        dropped: block.dropped,
        changed,
    }
}

/// A block's title, provenance and content, from the data as they are.
fn generate(inputs: &Inputs<'_>, site: usize, kind: &BlockKind) -> (String, String, Content) {
    let evaluation = inputs.evaluation;
    let threshold = evaluation.manifest.disclosure_threshold.get();
    let entry = &evaluation.manifest.sites[site];
    match kind {
        BlockKind::VisitSheet => {
            let notes: Vec<&crate::model::note::SiteNote> =
                evaluation.notes.iter().filter(|n| n.site == site).collect();
            let mut roles: Vec<String> = notes.iter().flat_map(|n| n.entry.roles.clone()).collect();
            roles.extend(entry.actors_met.iter().cloned());
            roles.sort();
            roles.dedup();
            let mut rows = vec![
                vec!["Structure".to_owned(), entry.name.clone()],
                vec!["Réseau".to_owned(), network_label(&entry.network)],
                vec!["Région".to_owned(), entry.region.clone()],
                vec!["Département".to_owned(), entry.departement.clone()],
                vec!["Date de la visite".to_owned(), entry.visit_date.clone()],
                vec!["Acteurs rencontrés".to_owned(), roles.join(", ")],
                vec!["Partenaires".to_owned(), entry.partners.join(", ")],
            ];
            for note in &notes {
                rows.push(vec![
                    "Document de visite".to_owned(),
                    format!("{} ({})", note.entry.title, note.entry.date),
                ]);
            }
            rows.retain(|r| !r[1].trim().is_empty());
            (
                "Fiche de visite".to_owned(),
                "Source : manifeste de l'évaluation et notes de visite".to_owned(),
                Content::Table(Table {
                    title: "Fiche de visite".to_owned(),
                    header: vec!["".to_owned(), "".to_owned()],
                    rows,
                    notes: Vec::new(),
                }),
            )
        }
        BlockKind::Quotes {
            code,
            order,
            dropped,
        } => {
            let name = evaluation
                .coding
                .codebook
                .get(*code)
                .map_or_else(|| "code supprimé".to_owned(), |c| c.name.clone());
            let mut ids = site_codings(evaluation, site, *code);
            if let Some(order) = order {
                let mut arranged: Vec<u64> = order
                    .iter()
                    .copied()
                    .filter(|id| ids.contains(id))
                    .collect();
                arranged.extend(ids.iter().copied().filter(|id| !order.contains(id)));
                ids = arranged;
            }
            ids.retain(|id| !dropped.contains(id));
            let quotes: Vec<(u64, Quote)> = ids
                .iter()
                .filter_map(|id| evaluation.coding.codings.get(id))
                .filter_map(|c| query::segment(evaluation, c))
                .map(|s| {
                    (
                        s.coding,
                        Quote {
                            text: s.quote,
                            speaker: s.speaker,
                            source: s.source,
                            code: name.clone(),
                        },
                    )
                })
                .collect();
            let content = if quotes.is_empty() {
                Content::Empty(format!("Aucun passage du site codé « {name} »"))
            } else {
                Content::Quotes(quotes)
            };
            (
                format!("Passages codés « {name} »"),
                format!(
                    "Source : passages codés « {name} » des notes de visite, entretiens et réponses du site"
                ),
                content,
            )
        }
        BlockKind::Survey { qid } => survey_block(evaluation, qid, &entry.id, threshold),
        BlockKind::Cohort => cohort_block(inputs.cohort, &entry.id, threshold),
        BlockKind::Figure(figure) => {
            match crate::figures::figure(
                evaluation,
                &figure.qid,
                figure.by.as_deref(),
                figure.site.as_deref(),
            ) {
                Ok(f) => {
                    // As published: the n of groups withheld is not in the provenance.
                    let published = crate::figures::publication(&f);
                    let provenance = published.source_line();
                    let spec = crate::figures::published_chart_spec(&f, &published);
                    (
                        f.title.clone(),
                        provenance.clone(),
                        Content::Charts(vec![Chart {
                            spec,
                            caption: format!("{} — {provenance}", f.title),
                        }]),
                    )
                }
                Err(e) => (
                    figure.qid.clone(),
                    String::new(),
                    Content::Empty(format!("Figure indisponible : {e}")),
                ),
            }
        }
    }
}

fn network_label(network: &str) -> String {
    match network {
        "PE" => "Pôle emploi".to_owned(),
        "ML" => "Mission locale".to_owned(),
        other => other.to_owned(),
    }
}

/// A question's chart for the site's respondents, then for its whole questionnaire (the
/// network), each with the disclosure control of every published chart.
fn survey_block(
    evaluation: &Evaluation,
    qid: &str,
    site: &str,
    _threshold: u32,
) -> (String, String, Content) {
    let mut charts = Vec::new();
    let mut provenance = Vec::new();
    let mut title = qid.to_owned();
    for (scope, site_filter) in [("Le site", Some(site)), ("Son réseau", None)] {
        match crate::figures::figure(evaluation, qid, None, site_filter) {
            Ok(f) => {
                title = f.title.clone();
                let published = match site_filter {
                    Some(site) => site_publication(evaluation, &f, site),
                    None => crate::figures::publication(&f),
                };
                let line = published.source_line();
                if site_filter.is_some() && published.withheld() {
                    // A grid of « s » would tell the reader nothing the sentence does not.
                    provenance.push(format!(
                        "{scope} : moins de {} répondants à cette question, ses résultats ne \
                         sont pas publiés (secret statistique)",
                        f.threshold
                    ));
                    continue;
                }
                provenance.push(line.clone());
                charts.push(Chart {
                    spec: crate::figures::published_chart_spec(&f, &published),
                    caption: format!("{scope} — {} — {line}", f.title),
                });
            }
            Err(e) => provenance.push(format!("{scope} : {e}")),
        }
    }
    let content = if charts.is_empty() {
        Content::Empty("Pas de résultat publiable pour cette question".to_owned())
    } else {
        Content::Charts(charts)
    };
    (title, provenance.join(" · "), content)
}

/// The site's answers to a question (`figure`, filtered to `site`) as a monograph publishes
/// them: protected alone, and every cell the table by site hides in the site's row hidden
/// too. Ten monographs then publish no more of each site than the table by site does, so
/// that neither, whichever comes first, gives back a complement of the other.
pub fn site_publication(
    evaluation: &Evaluation,
    figure: &crate::figures::Figure,
    site: &str,
) -> crate::figures::Publication {
    let mut published = crate::figures::publication(figure);
    if published.withheld() {
        return published;
    }
    let Some(marks) = site_row_marks(evaluation, &figure.qid, site) else {
        return published;
    };
    for (table, marks) in published.tables.iter_mut().zip(&marks) {
        // By answer, not by position: a site need not have given every answer.
        let by_label: Vec<Option<crate::stats::Suppression>> = table
            .table
            .col_labels
            .iter()
            .map(|label| marks.get(label).copied().flatten())
            .collect();
        let lines = table
            .table
            .rows
            .iter_mut()
            .chain(std::iter::once(&mut table.table.total));
        for line in lines {
            for (cell, mark) in line.cells.iter_mut().zip(&by_label) {
                if cell.suppressed.is_none() {
                    cell.suppressed = *mark;
                }
            }
        }
    }
    published
}

/// The marks the table by site gives the site's row, item by item; `None` when it does not
/// publish the site as a row of its own (then the site is too small for its own figure).
fn site_row_marks(
    evaluation: &Evaluation,
    qid: &str,
    site: &str,
) -> Option<Vec<std::collections::HashMap<String, Option<crate::stats::Suppression>>>> {
    let name = &evaluation
        .manifest
        .sites
        .iter()
        .find(|s| s.id == site)?
        .name;
    let by_site = crate::figures::figure_without_tests(evaluation, qid, Some("site"), None).ok()?;
    crate::figures::published_tables(&by_site)
        .iter()
        .map(|t| {
            let row = t.table.rows.iter().find(|r| &r.label == name)?;
            Some(
                t.table
                    .col_labels
                    .iter()
                    .cloned()
                    .zip(row.cells.iter().map(|c| c.suppressed))
                    .collect(),
            )
        })
        .collect()
}

/// The site's cohort indicators beside its network's, each with its definition; a count
/// under the threshold, and a rate or a mean of fewer young people than the threshold (or
/// that would give such a count back), is not published.
fn cohort_block(
    report: Option<&CohortReport>,
    site: &str,
    threshold: u32,
) -> (String, String, Content) {
    let title = "Indicateurs de cohorte".to_owned();
    let Some(report) = report else {
        return (
            title,
            String::new(),
            Content::Empty("Les indicateurs de cohorte sont en cours de calcul".to_owned()),
        );
    };
    let Some(entry) = report.site(site) else {
        return (
            title,
            String::new(),
            Content::Empty("Le site n'apparaît pas dans les extractions de cohorte".to_owned()),
        );
    };
    let network = report.network(entry.network);
    let threshold_f = f64::from(threshold);
    let base = entry
        .indicators
        .iter()
        .find(|i| i.id == "entries")
        .and_then(|i| i.number())
        .unwrap_or(0.0);
    let mut hidden = false;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for indicator in &entry.indicators {
        let shown = |value: Option<crate::cohort::Value>, site_side: bool| -> String {
            let Some(v) = value else {
                return "–".to_owned();
            };
            let x = v.as_f64();
            if site_side {
                let small = match indicator.unit.as_str() {
                    "jeunes" => x > 0.0 && x < threshold_f,
                    "%" => {
                        let count = x / 100.0 * base;
                        base < threshold_f
                            || (count > 0.0 && count < threshold_f)
                            || (base - count > 0.0 && base - count < threshold_f)
                    }
                    _ => base < threshold_f,
                };
                if small {
                    return "s".to_owned();
                }
            }
            let number = french_number(v, &indicator.unit);
            match indicator.unit.as_str() {
                "%" => format!("{number} %"),
                "jeunes" => number,
                unit => format!("{number} {unit}"),
            }
        };
        let site_value = shown(indicator.value, true);
        hidden |= site_value == "s";
        let network_value = network
            .and_then(|n| n.indicators.iter().find(|i| i.id == indicator.id))
            .map_or_else(|| "–".to_owned(), |i| shown(i.value, false));
        rows.push(vec![indicator.label.clone(), site_value, network_value]);
        notes.push(format!("{} : {}", indicator.label, indicator.definition));
    }
    if hidden {
        notes.insert(
            0,
            format!(
                "s : secret statistique (moins de {threshold} jeunes, ou une valeur qui en redonnerait un effectif)."
            ),
        );
    }
    let horizon = report
        .sources
        .iter()
        .find(|s| s.network == entry.network)
        .and_then(|s| s.horizon.clone())
        .map_or_else(String::new, |h| format!(", données au {h}"));
    let provenance = format!(
        "Source : extraction de cohorte {}{horizon} ; Atelier",
        entry.network.label()
    );
    (
        title.clone(),
        provenance,
        Content::Table(Table {
            title,
            header: vec![
                "Indicateur".to_owned(),
                entry.name.clone().unwrap_or_else(|| site.to_owned()),
                format!("Réseau {}", entry.network.label()),
            ],
            rows,
            notes,
        }),
    )
}

/// The monograph as a document to write: title page, then each section with the
/// evaluator's text and its blocks (dropped ones left out), each chart drawn.
pub fn to_document(inputs: &Inputs<'_>, assembled: &AssembledMonograph) -> Document {
    let evaluation = inputs.evaluation;
    let site = &evaluation.manifest.sites[assembled.site];
    let mut sections = Vec::new();
    let mut figure_number = 0;
    for section in &assembled.sections {
        let mut blocks = Vec::new();
        if !section.text.trim().is_empty() {
            blocks.push(Block::Text(section.text.clone()));
        }
        for block in section.blocks.iter().filter(|b| !b.dropped) {
            match &block.content {
                Content::Table(table) => blocks.push(Block::Table(table.clone())),
                Content::Quotes(quotes) => {
                    blocks.push(Block::Note(block.title.clone()));
                    blocks.extend(quotes.iter().map(|(_, q)| Block::Quote(q.clone())));
                }
                Content::Charts(charts) => {
                    for chart in charts {
                        figure_number += 1;
                        blocks.push(Block::Figure(draw(chart, figure_number)));
                    }
                }
                Content::Empty(_) => {}
            }
            if !matches!(block.content, Content::Empty(_)) && !block.provenance.is_empty() {
                blocks.push(Block::Note(block.provenance.clone()));
            }
        }
        sections.push(Section {
            level: 1,
            title: section.title.clone(),
            blocks,
        });
    }
    Document {
        title: format!("Monographie — {}", site.name),
        subtitle: if site.visit_date.is_empty() {
            evaluation.manifest.title.clone()
        } else {
            format!(
                "{} · visite du {}",
                evaluation.manifest.title, site.visit_date
            )
        },
        front_matter: vec![
            format!("{} · {}", network_label(&site.network), site.region),
            format!(
                "Document produit par Atelier ; secret statistique : effectifs inférieurs à {} masqués.",
                evaluation.manifest.disclosure_threshold.get()
            ),
            "Les citations sont attribuées à un rôle et à un site, jamais à une personne."
                .to_owned(),
        ],
        sections,
    }
}

/// Draw a chart for a document (1,600 pixels wide).
pub fn draw(chart: &Chart, number: usize) -> Figure {
    const WIDTH: u32 = 1600;
    let height =
        crate::charts::natural_height(&chart.spec, WIDTH, crate::charts::file_scale(WIDTH) as f32);
    let png = crate::charts::encode_png(&chart.spec, WIDTH, height).unwrap_or_default();
    Figure {
        png,
        size: (WIDTH, height),
        svg: None,
        caption: format!("Figure {number} — {}", chart.caption),
        alt: chart.spec.title.clone(),
    }
}
