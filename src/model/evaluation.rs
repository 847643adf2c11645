//! An evaluation: its manifest, and the questionnaires and interview grids read from it,
//! each respondent linked to the visited site their structure names.

use std::path::{Path, PathBuf};

use super::coding::CodingWork;
use super::note::SiteNote;
use super::{Manifest, Question, Survey};

/// The manifest's file name inside an evaluation folder.
pub const MANIFEST_FILE: &str = "atelier.json";

/// One questionnaire or interview grid of an evaluation.
#[derive(Clone, Debug)]
pub struct EvaluationSource {
    /// The manifest entry (id, file, group, network, role).
    pub entry: crate::model::manifest::SourceEntry,
    /// The group's name for people (« Conseillers Pôle emploi »).
    pub group_label: String,
    /// The survey read from the file.
    pub survey: Survey,
    /// For each respondent, the index of the visited site (in `manifest.sites`) their
    /// structure names, if any.
    pub site_of_respondent: Vec<Option<usize>>,
}

/// An evaluation read from its manifest and files.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// The folder the manifest's paths are relative to.
    pub root: PathBuf,
    /// The manifest.
    pub manifest: Manifest,
    /// Questionnaires and interview grids, in manifest order.
    pub sources: Vec<EvaluationSource>,
    /// The site-visit notes that could be read, site by site in manifest order.
    pub notes: Vec<SiteNote>,
    /// Notes or coding that could not be read (one line each: the file and the problem).
    pub problems: Vec<String>,
    /// The evaluator's coding: codebook, codings, memos.
    pub coding: CodingWork,
}

impl Evaluation {
    /// An evaluation of one survey export, for a quick look at a single file.
    pub fn single(path: &Path, survey: Survey) -> Evaluation {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entry = crate::model::manifest::SourceEntry {
            id: stem.clone(),
            file: survey.raw.file_name.clone(),
            group: String::new(),
            kind: "survey".to_owned(),
            ..Default::default()
        };
        let n = survey.respondents();
        let source = EvaluationSource {
            entry,
            group_label: String::new(),
            survey,
            site_of_respondent: vec![None; n],
        };
        let manifest = Manifest {
            title: stem,
            disclosure_threshold: crate::model::manifest::Threshold::default(),
            ..Default::default()
        };
        Evaluation {
            root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            manifest,
            sources: vec![source],
            ..Evaluation::default()
        }
    }

    /// Whether this is a single file rather than a whole evaluation.
    pub fn is_single_file(&self) -> bool {
        self.manifest.sources.is_empty()
    }

    /// The id of a question as other tools name it: `SOURCE.QUESTION` in an evaluation,
    /// the bare question id for a single file.
    pub fn qid(&self, source: &EvaluationSource, question: &Question) -> String {
        if self.is_single_file() {
            question.id.clone()
        } else {
            format!("{}.{}", source.entry.id, question.id)
        }
    }

    /// Find a question by its `qid`.
    pub fn find(&self, qid: &str) -> Option<(&EvaluationSource, &Question)> {
        self.sources.iter().find_map(|s| {
            s.survey
                .questions
                .iter()
                .find(|q| self.qid(s, q) == qid)
                .map(|q| (s, q))
        })
    }

    /// Respondents of every source linked to a visited site, by site index.
    pub fn respondents_by_site(&self) -> Vec<usize> {
        let mut counts = vec![0; self.manifest.sites.len()];
        for source in &self.sources {
            for site in source.site_of_respondent.iter().flatten() {
                if let Some(c) = counts.get_mut(*site) {
                    *c += 1;
                }
            }
        }
        counts
    }
}
