//! Cohort indicators per network and per visited site, computed from the administrative
//! extracts the manifest lists (Pôle emploi's extranet follow-up, the Missions locales'
//! Parcours III) and their events files.
//!
//! Each extract is read once through [`crate::import::read::read_path`]; its rows are
//! turned into compact records in one pass, counted into the network's tally and their
//! site's, then the events file adds the support-intensity counts. Every figure carries its
//! definition; rates say on whom they are computed ([`Denominator`]), and records whose
//! dates cannot be used are counted and reported, never dropped silently.
//!
//! The serialised [`CohortReport`] is the `atelier cohort PATH --json` contract:
//! `{"networks": [...], "sites": [...]}`.

mod classes;
mod columns;
pub mod definitions;
mod events;
pub mod extract;
pub mod factors;
mod hash;
mod indicators;
mod outcomes;
mod report;
pub mod tally;
mod text;

use std::path::Path;

use serde::Serialize;

pub use classes::{ClassOutcome, ExitClassShare, ExitClasses};
pub use definitions::{Denominator, Network, Options};
pub use factors::{AdjustedModel, AdjustedTerm, ClassShare, FactorRow, FactorTable, FactorTest};
pub use report::{Breakdown, Indicator, Row, Value};
pub use text::{comparable_rates, french_number, to_text};

use crate::import::read::{read_bytes, read_path};
use crate::model::cell::{cell_text, format_date};
use crate::model::manifest::{CohortExtract, SiteEntry};
use crate::model::{ImportError, RawTable};
use crate::model::{Manifest, Warning};
use crate::progress::Progress;
use definitions::fold;
use extract::{Columns, Field, IdKey, Record, RowReader};
use hash::FastMap;
use report::{Labels, Present};
use tally::{Context, StandIns, Tally, phase_states};

/// Most row-level warnings kept per extract; the rest are summed up in one more warning.
const MAX_ROW_WARNINGS: usize = 200;

/// Why the cohort figures could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    /// An extract or events file could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A column the computation needs is missing.
    #[error("{file} : colonne « {column} » introuvable (colonnes lues : {found})")]
    MissingColumn {
        /// The file.
        file: String,
        /// The column, as it is usually headed.
        column: String,
        /// The headings the file has.
        found: String,
    },
    /// The manifest names a network that is neither PE nor ML.
    #[error(
        "atelier.json : réseau « {network} » inconnu pour l'extraction {file} (attendu : PE ou ML)"
    )]
    UnknownNetwork {
        /// The extract.
        file: String,
        /// What the manifest says.
        network: String,
    },
    /// A lone extract's network could not be recognised from its headings.
    #[error(
        "{file} : réseau non reconnu (une colonne « Agence » indique Pôle emploi, « Mission locale » \
         les Missions locales)"
    )]
    NetworkNotRecognised {
        /// The file.
        file: String,
    },
    /// The manifest lists no cohort extract.
    #[error("atelier.json : aucune extraction de cohorte (rubrique « cohort » vide)")]
    NoExtract,
    /// The user cancelled.
    #[error("calcul des indicateurs de cohorte annulé")]
    Cancelled,
}

/// The figures of one scope: a network (national) or a visited site.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CohortEntry {
    /// The network.
    pub network: Network,
    /// For a site: its id in the manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// For a site: its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Indicators, each with its definition.
    pub indicators: Vec<Indicator>,
    /// Breakdowns by sex, age, level, ZUS, exit reason…
    pub breakdowns: Vec<Breakdown>,
    /// The report's three classes of exit at the end of phase 2.
    pub exit_classes: Vec<ExitClassShare>,
    /// The three classes by each success factor, one factor at a time.
    pub factors: Vec<FactorTable>,
    /// For each class, its logistic regression on all the factors together.
    pub adjusted: Vec<AdjustedModel>,
}

impl CohortEntry {
    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The value of the indicator with this id, as a number.
    pub fn value(&self, id: &str) -> Option<f64> {
        self.indicator(id).and_then(Indicator::number)
    }

    /// The breakdown with this id.
    pub fn breakdown(&self, id: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.id == id)
    }

    /// The table of a success factor, by id.
    pub fn factor(&self, id: &str) -> Option<&FactorTable> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// The adjusted model of a class of exit, by id.
    pub fn adjusted_for(&self, class: &str) -> Option<&AdjustedModel> {
        self.adjusted.iter().find(|m| m.class == class)
    }

    /// The share of a class of exit, by id.
    pub fn exit_class(&self, id: &str) -> Option<&ExitClassShare> {
        self.exit_classes.iter().find(|c| c.id == id)
    }
}

/// What was read from one extract.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceSummary {
    /// The network.
    pub network: Network,
    /// The extract's path, as the manifest gives it.
    pub file: String,
    /// Records read.
    pub records: u64,
    /// Records whose dates are valid.
    pub usable: u64,
    /// The extraction date (latest valid date), `YYYY-MM-DD`.
    pub horizon: Option<String>,
    /// The events file, if any.
    pub events_file: Option<String>,
    /// Event rows read.
    pub events: u64,
    /// Event rows whose young person is not a usable record of the extract.
    pub events_unmatched: u64,
}

/// Cohort figures for every network and visited site.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CohortReport {
    /// One entry per network (national figures).
    pub networks: Vec<CohortEntry>,
    /// One entry per visited site of a network with an extract, in manifest order.
    pub sites: Vec<CohortEntry>,
    /// What was read.
    #[serde(skip)]
    pub sources: Vec<SourceSummary>,
    /// Problems met, with their row (records with unusable dates, unmatched events).
    #[serde(skip)]
    pub warnings: Vec<Warning>,
}

impl CohortReport {
    /// The figures of a visited site, by id.
    pub fn site(&self, id: &str) -> Option<&CohortEntry> {
        self.sites.iter().find(|s| s.id.as_deref() == Some(id))
    }

    /// The national figures of a network.
    pub fn network(&self, network: Network) -> Option<&CohortEntry> {
        self.networks.iter().find(|n| n.network == network)
    }
}

/// Where the extracts are read from: the evaluation's folder, or the bytes a project keeps.
#[derive(Clone, Copy)]
pub enum Extracts<'a> {
    /// Files in the folder holding `atelier.json`.
    Folder(&'a Path),
    /// The bytes stored for each file (by its path in the manifest), as a project keeps them.
    Stored(&'a dyn Fn(&str) -> Result<Vec<u8>, ImportError>),
}

impl Extracts<'_> {
    fn read(&self, file: &str, progress: &dyn Progress) -> Result<RawTable, ImportError> {
        match self {
            Extracts::Folder(dir) => read_path(&dir.join(file), None, progress),
            Extracts::Stored(load) => {
                let bytes = load(file)?;
                let name = Path::new(file)
                    .file_name()
                    .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
                read_bytes(&name, &bytes, None, progress)
            }
        }
    }
}

/// Computes every indicator for the extracts of an evaluation, with the report's
/// synthèse denominators. `manifest_dir` is the folder holding `atelier.json`.
pub fn compute(
    manifest_dir: &Path,
    manifest: &Manifest,
    progress: &dyn Progress,
) -> Result<CohortReport, CohortError> {
    compute_with(
        Extracts::Folder(manifest_dir),
        manifest,
        &Options::default(),
        progress,
    )
}

/// Like [`compute`], reading the extracts from `extracts`, with the denominators chosen in
/// `options`.
pub fn compute_with(
    extracts: Extracts<'_>,
    manifest: &Manifest,
    options: &Options,
    progress: &dyn Progress,
) -> Result<CohortReport, CohortError> {
    if manifest.cohort.is_empty() {
        return Err(CohortError::NoExtract);
    }
    let mut report = CohortReport::default();
    let mut sites: Vec<(usize, CohortEntry)> = Vec::new();
    let steps = manifest.cohort.len() as f32;
    for (step, extract) in manifest.cohort.iter().enumerate() {
        let network =
            Network::parse(&extract.network).ok_or_else(|| CohortError::UnknownNetwork {
                file: extract.file.clone(),
                network: extract.network.clone(),
            })?;
        progress.report(
            step as f32 / steps,
            &format!("Cohorte {} : lecture de {}", network.id(), extract.file),
        );
        let network_sites: Vec<(usize, &SiteEntry)> = manifest
            .sites
            .iter()
            .enumerate()
            .filter(|(_, s)| Network::parse(&s.network) == Some(network))
            .collect();
        let site_refs: Vec<&SiteEntry> = network_sites.iter().map(|(_, s)| *s).collect();
        let settings = Settings {
            options,
            threshold: u32::from(manifest.disclosure_threshold),
        };
        let computed = compute_extract(extracts, extract, network, &site_refs, settings, progress)?;
        report.networks.push(computed.national);
        for ((order, _), entry) in network_sites.iter().zip(computed.sites) {
            sites.push((*order, entry));
        }
        report.sources.push(computed.summary);
        report.warnings.extend(computed.warnings);
    }
    sites.sort_by_key(|(order, _)| *order);
    report.sites = sites.into_iter().map(|(_, e)| e).collect();
    progress.report(1.0, "Cohortes calculées");
    Ok(report)
}

/// Computes the national figures of a lone extract, its network recognised from its
/// headings (a « Mission locale » column for the Missions locales, « Agence » for Pôle
/// emploi). No sites, no events.
pub fn compute_file(path: &Path, progress: &dyn Progress) -> Result<CohortReport, CohortError> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let raw = read_path(path, None, progress)?;
    let network =
        guess_network(&raw).ok_or(CohortError::NetworkNotRecognised { file: file.clone() })?;
    let extract = CohortExtract {
        network: network.id().to_owned(),
        file: file.clone(),
        events: None,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let computed = compute_table(
        Extracts::Folder(dir),
        &extract,
        raw,
        network,
        &[],
        Settings {
            options: &Options::default(),
            threshold: u32::from(crate::model::Threshold::default()),
        },
        progress,
    )?;
    Ok(CohortReport {
        networks: vec![computed.national],
        sites: Vec::new(),
        sources: vec![computed.summary],
        warnings: computed.warnings,
    })
}

/// The network an extract belongs to, from its headings.
pub fn guess_network(raw: &RawTable) -> Option<Network> {
    if raw.height() == 0 {
        return None;
    }
    let keys: Vec<String> = raw
        .row(0)
        .iter()
        .filter_map(cell_text)
        .map(|t| fold(&t))
        .collect();
    if keys
        .iter()
        .any(|k| k == "mission locale" || k.starts_with("motif de fin phase"))
    {
        Some(Network::Ml)
    } else if keys
        .iter()
        .any(|k| k == "agence" || k.starts_with("agence pole emploi"))
    {
        Some(Network::Pe)
    } else {
        None
    }
}

/// The figures of one extract.
struct Computed {
    national: CohortEntry,
    sites: Vec<CohortEntry>,
    summary: SourceSummary,
    warnings: Vec<Warning>,
}

fn compute_extract(
    extracts: Extracts<'_>,
    extract: &CohortExtract,
    network: Network,
    sites: &[&SiteEntry],
    settings: Settings<'_>,
    progress: &dyn Progress,
) -> Result<Computed, CohortError> {
    let raw = extracts.read(&extract.file, progress)?;
    compute_table(extracts, extract, raw, network, sites, settings, progress)
}

/// The choices a computation follows: denominators, and the disclosure threshold every
/// published factor table obeys.
#[derive(Clone, Copy)]
struct Settings<'a> {
    options: &'a Options,
    threshold: u32,
}

fn compute_table(
    extracts: Extracts<'_>,
    extract: &CohortExtract,
    raw: RawTable,
    network: Network,
    sites: &[&SiteEntry],
    settings: Settings<'_>,
    progress: &dyn Progress,
) -> Result<Computed, CohortError> {
    let Settings { options, threshold } = settings;
    if progress.cancelled() {
        return Err(CohortError::Cancelled);
    }
    let columns = Columns::find(&raw);
    if !columns.has(Field::Entry) {
        return Err(missing_column(&raw, "Date d'entrée"));
    }
    let mut site_names: FastMap<String, u16> = FastMap::default();
    for (i, site) in sites.iter().enumerate() {
        for name in std::iter::once(&site.name).chain(site.aliases.iter()) {
            site_names.entry(fold(name)).or_insert(i as u16);
        }
    }
    let site_of = |name: &str| site_names.get(&fold(name)).copied();
    let mut reader = RowReader::new(&columns, &site_of);
    let stand_ins = StandIns::new(&mut reader.reasons);
    let wants_ids = extract.events.is_some() && columns.has(Field::Id);
    let id_col = columns.get(Field::Id);
    let mut ids: FastMap<IdKey, u32> = FastMap::default();
    let mut records: Vec<Record> = Vec::with_capacity(raw.height().saturating_sub(1));
    let mut horizon = i32::MIN;
    for row in 1..raw.height() {
        let cells = raw.row(row);
        if cells.iter().all(|c| matches!(c, calamine::Data::Empty)) {
            continue;
        }
        let rec = reader.read(row, cells);
        if rec.problem.is_none() {
            for d in rec.starts.iter().chain(rec.ends.iter()).flatten() {
                horizon = horizon.max(*d);
            }
        }
        if wants_ids && let Some(key) = id_col.and_then(|c| cells.get(c)).and_then(IdKey::of) {
            ids.insert(key, records.len() as u32);
        }
        records.push(rec);
    }
    let reason_kinds = tally::reason_kinds(&reader.reasons);
    let situation_classes = tally::situation_classes(&reader.situations);
    let ctx = Context {
        network,
        horizon,
        reason_kinds: &reason_kinds,
        situation_classes: &situation_classes,
        stand_ins,
        classes: ExitClasses::of(network),
    };
    let mut national = Tally::default();
    let mut site_tallies = vec![Tally::default(); sites.len()];
    let mut links: Vec<events::Link> =
        Vec::with_capacity(if wants_ids { records.len() } else { 0 });
    let mut warnings = Vec::new();
    let mut problems = 0usize;
    let holds = factors::Holds {
        sex: columns.has(Field::Sex),
        age: columns.has(Field::Age),
        level: columns.has(Field::Level),
        qualification: columns.has(Field::Qualification),
        nationality: columns.has(Field::Nationality),
        zus: columns.has(Field::Zus),
        registration: match network {
            Network::Pe => columns.has(Field::RegistrationMonths),
            Network::Ml => columns.has(Field::FirstContact),
        },
        region: columns.has(Field::Region),
    };
    let mut observations =
        factors::Observations::new(network, holds, &reader.qualifications, &reader.regions);
    for (index, rec) in records.iter().enumerate() {
        let states = rec.problem.is_none().then(|| phase_states(rec, &ctx));
        if let Some(exit) = states
            .as_ref()
            .and_then(|s| tally::known_exit(rec, s, &ctx))
            && let ClassOutcome::Class(class) = exit.class
        {
            observations.push(index, rec, class);
        }
        national.add(rec, states.as_ref(), &ctx);
        if let Some(tally) = rec.site.and_then(|s| site_tallies.get_mut(s as usize)) {
            tally.add(rec, states.as_ref(), &ctx);
        }
        if let Some(problem) = rec.problem {
            problems += 1;
            if problems <= MAX_ROW_WARNINGS {
                warnings.push(Warning {
                    row: Some(rec.row as usize + 1),
                    column: None,
                    message: format!(
                        "{} : {} ; fiche comptée dans les entrées, écartée des indicateurs fondés sur des dates",
                        extract.file,
                        problem.label().to_lowercase()
                    ),
                });
            }
        }
        if wants_ids {
            links.push(events::link(rec, states.as_ref()));
        }
    }
    if problems > MAX_ROW_WARNINGS {
        warnings.push(Warning::file(format!(
            "{} : {} autres fiches aux dates inutilisables",
            extract.file,
            problems - MAX_ROW_WARNINGS
        )));
    }
    drop(raw);
    let mut summary = SourceSummary {
        network,
        file: extract.file.clone(),
        records: national.entries,
        usable: national.usable,
        horizon: (horizon > i32::MIN).then(|| format_date(horizon)),
        events_file: extract.events.clone(),
        events: 0,
        events_unmatched: 0,
    };
    if let Some(events_file) = &extract.events {
        if progress.cancelled() {
            return Err(CohortError::Cancelled);
        }
        let events = extracts.read(events_file, progress)?;
        let added = events::add(&events, &ids, &links, &mut national, &mut site_tallies)?;
        observations.add_events(&added.youths, added.holds);
        let (rows, unmatched) = (added.rows, added.unmatched);
        summary.events = rows;
        summary.events_unmatched = unmatched;
        if unmatched > 0 {
            warnings.push(Warning::file(format!(
                "{events_file} : {unmatched} événements sans jeune correspondant dans {} (ou dont la \
                 fiche a des dates inutilisables), non comptés",
                extract.file
            )));
        }
    }
    let present = Present {
        renewal: columns.has(Field::Renewal),
        registration: columns.has(Field::RegistrationMonths),
        last_registration: columns.has(Field::LastRegistrationMonths),
        first_contact: columns.has(Field::FirstContact),
        validated: columns.has(Field::ValidatedLevel),
        mobility: columns.has(Field::Vehicle),
        events: extract.events.is_some(),
    };
    let labels = Labels {
        reasons: &reader.reasons,
        reason_kinds: &reason_kinds,
        situations: &reader.situations,
        regions: &reader.regions,
        qualifications: &reader.qualifications,
        categories: &reader.categories,
    };
    let horizon_text = summary
        .horizon
        .clone()
        .unwrap_or_else(|| "inconnue".to_owned());
    let classes = ExitClasses::of(network);
    let entry = |tally: &Tally, site: Option<(usize, &SiteEntry)>| {
        let members = observations.scope(site.map(|(i, _)| i as u16));
        let (factors, adjusted) = observations.analyse(&members, classes, threshold);
        CohortEntry {
            network,
            id: site.map(|(_, s)| s.id.clone()),
            name: site.map(|(_, s)| s.name.clone()),
            indicators: indicators::indicators(network, tally, options, present, &horizon_text),
            breakdowns: report::breakdowns(network, tally, &labels, present),
            exit_classes: report::exit_classes(classes, tally, threshold),
            factors,
            adjusted,
        }
    };
    Ok(Computed {
        national: entry(&national, None),
        sites: sites
            .iter()
            .enumerate()
            .zip(&site_tallies)
            .map(|((i, s), t)| entry(t, Some((i, s))))
            .collect(),
        summary,
        warnings,
    })
}

/// The error for a missing column, listing the headings the file has.
pub(crate) fn missing_column(raw: &RawTable, column: &str) -> CohortError {
    let found: Vec<String> = if raw.height() > 0 {
        raw.row(0)
            .iter()
            .filter_map(cell_text)
            .map(|t| t.into_owned())
            .collect()
    } else {
        Vec::new()
    };
    CohortError::MissingColumn {
        file: raw.file_name.clone(),
        column: column.to_owned(),
        found: found.join(", "),
    }
}

/// The JSON of `atelier cohort --json`: the whole report, or with `site` one site and its
/// network (`{"networks": [that network], "sites": [that site]}`; empty when the site is
/// unknown, which the caller should check with [`CohortReport::site`] first).
pub fn to_json(report: &CohortReport, site: Option<&str>) -> serde_json::Value {
    match site {
        None => serde_json::to_value(report).unwrap_or(serde_json::Value::Null),
        Some(id) => {
            let site = report.site(id);
            let networks: Vec<&CohortEntry> = site
                .and_then(|s| report.network(s.network))
                .into_iter()
                .collect();
            serde_json::json!({ "networks": networks, "sites": site.into_iter().collect::<Vec<_>>() })
        }
    }
}

#[cfg(test)]
mod tests;
