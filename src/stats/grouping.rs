//! Groupings: which group each respondent of each source belongs to, for crosstabs.
//!
//! A [`Grouping`] maps respondents to group indices source by source, so the same table can
//! be cut by the questionnaire's respondent group, the network, the role, the visited site,
//! the region, or the answers to another closed question. It is computed once per
//! evaluation and grouping (one `Option<u32>` per respondent), then every crosstab is a
//! plain loop over answers and group indices.

use crate::model::Evaluation;
use crate::model::Values;

use super::StatsError;

/// What a grouping cuts by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupingKind {
    /// Everyone together, one group.
    Whole,
    /// The questionnaire's respondent group (`group` in the manifest).
    Group,
    /// The network (Pôle emploi, Missions locales).
    Network,
    /// The respondents' role (conseiller, directeur, jeune, employeur).
    Role,
    /// The visited site each respondent's structure names.
    Site,
    /// The region of that site.
    Region,
    /// The answer to another closed question of the same source (its `SOURCE.QUESTION` id).
    Question(String),
}

impl GroupingKind {
    /// The spec [`Grouping::from_spec`] reads back as this kind, in its one spelling
    /// (`site`, never « Site » nor `région`); `None` for everyone together.
    pub fn spec(&self) -> Option<String> {
        match self {
            GroupingKind::Whole => None,
            GroupingKind::Group => Some("group".to_owned()),
            GroupingKind::Network => Some("network".to_owned()),
            GroupingKind::Role => Some("role".to_owned()),
            GroupingKind::Site => Some("site".to_owned()),
            GroupingKind::Region => Some("region".to_owned()),
            GroupingKind::Question(qid) => Some(qid.clone()),
        }
    }
}

/// One source's respondents and their groups.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupedSource {
    /// Index of the source in [`Evaluation::sources`].
    pub source: usize,
    /// For each respondent (0-based, file order), the index of their group in
    /// [`Grouping::labels`]; `None` when they belong to none (site unknown, no answer).
    pub groups: Vec<Option<u32>>,
}

/// Respondents of several sources sorted into labelled groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    /// What the grouping cuts by.
    pub kind: GroupingKind,
    /// Its name as a table heading shows it (« Site », « Groupe de répondants »).
    pub name: String,
    /// The groups' labels, in display order.
    pub labels: Vec<String>,
    /// The sources taking part, each with its respondents' groups.
    pub sources: Vec<GroupedSource>,
}

impl Grouping {
    /// The grouping a command line or chart names: `group`, `network`, `role`, `site`,
    /// `region`, `all` (everyone together), or the `SOURCE.QUESTION` id of a closed question.
    pub fn from_spec(evaluation: &Evaluation, spec: &str) -> Result<Grouping, StatsError> {
        match spec.trim() {
            "group" | "groupe" => Ok(Grouping::by_group(evaluation)),
            "network" | "reseau" | "réseau" => Ok(Grouping::by_network(evaluation)),
            "role" | "rôle" => Ok(Grouping::by_role(evaluation)),
            "site" => Ok(Grouping::by_site(evaluation)),
            "region" | "région" => Ok(Grouping::by_region(evaluation)),
            "" | "all" | "ensemble" => Ok(Grouping::whole(evaluation)),
            qid => match evaluation.find(qid) {
                Some(_) => Grouping::by_question(evaluation, qid),
                None => Err(StatsError::UnknownGrouping {
                    spec: spec.to_owned(),
                }),
            },
        }
    }

    /// Everyone together, in one group « Ensemble ».
    pub fn whole(evaluation: &Evaluation) -> Grouping {
        Grouping {
            kind: GroupingKind::Whole,
            name: "Ensemble des répondants".to_owned(),
            labels: vec!["Ensemble".to_owned()],
            sources: per_source(evaluation, |_, _| Some(0)),
        }
    }

    /// Each questionnaire's respondent group. Groups are listed in manifest order; two
    /// questionnaires of the same group pool their respondents.
    pub fn by_group(evaluation: &Evaluation) -> Grouping {
        let mut ids: Vec<String> = evaluation
            .manifest
            .groups
            .iter()
            .map(|g| g.id.clone())
            .collect();
        let mut labels: Vec<String> = evaluation
            .manifest
            .groups
            .iter()
            .map(|g| g.label.clone())
            .collect();
        let mut of_source = Vec::with_capacity(evaluation.sources.len());
        for source in &evaluation.sources {
            let id = &source.entry.group;
            let index = match ids.iter().position(|g| g == id) {
                Some(i) => i,
                None => {
                    ids.push(id.clone());
                    labels.push(first_non_empty(&[
                        &source.group_label,
                        id,
                        &source.entry.id,
                        "Répondants",
                    ]));
                    ids.len() - 1
                }
            };
            of_source.push(index as u32);
        }
        let used = used_groups(&of_source, labels.len());
        let (labels, of_source) = keep_used(labels, &of_source, &used);
        Grouping {
            kind: GroupingKind::Group,
            name: "Groupe de répondants".to_owned(),
            labels,
            sources: per_source(evaluation, |s, _| Some(of_source[s])),
        }
    }

    /// The network of each respondent: their questionnaire's network, else their group's,
    /// else the network of the visited site their structure names.
    pub fn by_network(evaluation: &Evaluation) -> Grouping {
        let manifest = &evaluation.manifest;
        let mut codes: Vec<String> = vec!["PE".to_owned(), "ML".to_owned()];
        for site in &manifest.sites {
            push_new(&mut codes, &site.network);
        }
        let source_network: Vec<String> = evaluation
            .sources
            .iter()
            .map(|s| {
                let group = manifest.groups.iter().find(|g| g.id == s.entry.group);
                let network = if s.entry.network.is_empty() {
                    group.map(|g| g.network.as_str()).unwrap_or_default()
                } else {
                    s.entry.network.as_str()
                };
                network.trim().to_owned()
            })
            .collect();
        for n in &source_network {
            push_new(&mut codes, n);
        }
        let index_of = |code: &str| codes.iter().position(|c| c == code).map(|i| i as u32);
        let site_network: Vec<Option<u32>> = manifest
            .sites
            .iter()
            .map(|s| index_of(&s.network))
            .collect();
        let mut grouping = Grouping {
            kind: GroupingKind::Network,
            name: "Réseau".to_owned(),
            labels: codes.iter().map(|c| network_label(c)).collect(),
            sources: per_source(evaluation, |s, r| match index_of(&source_network[s]) {
                Some(i) => Some(i),
                None => evaluation.sources[s]
                    .site_of_respondent
                    .get(r)
                    .copied()
                    .flatten()
                    .and_then(|site| site_network.get(site).copied().flatten()),
            }),
        };
        grouping.drop_empty_groups();
        grouping
    }

    /// The respondents' role (their questionnaire's, else their group's).
    pub fn by_role(evaluation: &Evaluation) -> Grouping {
        let manifest = &evaluation.manifest;
        let mut roles: Vec<String> = Vec::new();
        let source_role: Vec<Option<u32>> = evaluation
            .sources
            .iter()
            .map(|s| {
                let role = if s.entry.role.trim().is_empty() {
                    manifest
                        .groups
                        .iter()
                        .find(|g| g.id == s.entry.group)
                        .map(|g| g.role.trim().to_owned())
                        .unwrap_or_default()
                } else {
                    s.entry.role.trim().to_owned()
                };
                if role.is_empty() {
                    return None;
                }
                push_new(&mut roles, &role);
                roles.iter().position(|r| *r == role).map(|i| i as u32)
            })
            .collect();
        Grouping {
            kind: GroupingKind::Role,
            name: "Rôle".to_owned(),
            labels: roles.iter().map(|r| role_label(r)).collect(),
            sources: per_source(evaluation, |s, _| source_role[s]),
        }
    }

    /// The visited site each respondent's structure names (respondents of other structures
    /// belong to no group). Sites are listed in manifest order.
    pub fn by_site(evaluation: &Evaluation) -> Grouping {
        Grouping {
            kind: GroupingKind::Site,
            name: "Site".to_owned(),
            labels: evaluation
                .manifest
                .sites
                .iter()
                .map(|s| s.name.clone())
                .collect(),
            sources: per_source(evaluation, |s, r| {
                site_of(evaluation, s, r).map(|site| site as u32)
            }),
        }
    }

    /// The region of the visited site each respondent's structure names.
    pub fn by_region(evaluation: &Evaluation) -> Grouping {
        let mut regions: Vec<String> = Vec::new();
        let site_region: Vec<Option<u32>> = evaluation
            .manifest
            .sites
            .iter()
            .map(|site| {
                let region = site.region.trim();
                if region.is_empty() {
                    return None;
                }
                push_new(&mut regions, region);
                regions.iter().position(|r| r == region).map(|i| i as u32)
            })
            .collect();
        Grouping {
            kind: GroupingKind::Region,
            name: "Région".to_owned(),
            labels: regions,
            sources: per_source(evaluation, |s, r| {
                site_of(evaluation, s, r).and_then(|site| site_region.get(site).copied().flatten())
            }),
        }
    }

    /// The answers to a closed single-answer question (`SOURCE.QUESTION`): one group per
    /// answer label, respondents of that source only.
    pub fn by_question(evaluation: &Evaluation, qid: &str) -> Result<Grouping, StatsError> {
        let (source, question) =
            evaluation
                .find(qid)
                .ok_or_else(|| StatsError::UnknownQuestion {
                    qid: qid.to_owned(),
                })?;
        let codes = match question.items.as_slice() {
            [item] => match &item.values {
                Values::Codes(codes) => codes,
                _ => {
                    return Err(StatsError::GroupingNotSingle {
                        qid: qid.to_owned(),
                    });
                }
            },
            _ => {
                return Err(StatsError::GroupingNotSingle {
                    qid: qid.to_owned(),
                });
            }
        };
        let index = evaluation
            .sources
            .iter()
            .position(|s| std::ptr::eq(s, source))
            .unwrap_or(0);
        let labels = question.labels.clone();
        let groups = codes
            .iter()
            .map(|&c| {
                let c = usize::from(c);
                (c > 0 && c <= labels.len()).then(|| (c - 1) as u32)
            })
            .collect();
        Ok(Grouping {
            kind: GroupingKind::Question(qid.to_owned()),
            name: question.text.clone(),
            labels,
            sources: vec![GroupedSource {
                source: index,
                groups,
            }],
        })
    }

    /// The same grouping restricted to respondents linked to one visited site (index in
    /// the manifest's sites): everyone else belongs to no group.
    pub fn within_site(mut self, evaluation: &Evaluation, site: usize) -> Grouping {
        for grouped in &mut self.sources {
            for (r, group) in grouped.groups.iter_mut().enumerate() {
                if site_of(evaluation, grouped.source, r) != Some(site) {
                    *group = None;
                }
            }
        }
        self
    }

    /// The respondents' groups of one source, if it takes part.
    pub fn source(&self, source: usize) -> Option<&GroupedSource> {
        self.sources.iter().find(|g| g.source == source)
    }

    /// Respondents in each group, all sources together.
    pub fn group_sizes(&self) -> Vec<u64> {
        let mut sizes = vec![0; self.labels.len()];
        for grouped in &self.sources {
            for g in grouped.groups.iter().flatten() {
                if let Some(size) = sizes.get_mut(*g as usize) {
                    *size += 1;
                }
            }
        }
        sizes
    }

    /// Remove groups nobody belongs to (e.g. a network no source covers).
    fn drop_empty_groups(&mut self) {
        let sizes = self.group_sizes();
        if sizes.iter().all(|&s| s > 0) {
            return;
        }
        let mut new_index = vec![None; sizes.len()];
        let mut labels = Vec::new();
        for (i, &size) in sizes.iter().enumerate() {
            if size > 0 {
                new_index[i] = Some(labels.len() as u32);
                labels.push(self.labels[i].clone());
            }
        }
        for grouped in &mut self.sources {
            for g in &mut grouped.groups {
                *g = g.and_then(|i| new_index.get(i as usize).copied().flatten());
            }
        }
        self.labels = labels;
    }
}

/// One [`GroupedSource`] per source, with `group(source, respondent)`.
fn per_source(
    evaluation: &Evaluation,
    group: impl Fn(usize, usize) -> Option<u32>,
) -> Vec<GroupedSource> {
    evaluation
        .sources
        .iter()
        .enumerate()
        .map(|(s, source)| GroupedSource {
            source: s,
            groups: (0..source.survey.respondents())
                .map(|r| group(s, r))
                .collect(),
        })
        .collect()
}

fn site_of(evaluation: &Evaluation, source: usize, respondent: usize) -> Option<usize> {
    evaluation
        .sources
        .get(source)?
        .site_of_respondent
        .get(respondent)
        .copied()
        .flatten()
}

fn push_new(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

fn first_non_empty(candidates: &[&str]) -> String {
    candidates
        .iter()
        .find(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_owned())
        .unwrap_or_default()
}

/// Which group indices some source uses.
fn used_groups(of_source: &[u32], groups: usize) -> Vec<bool> {
    let mut used = vec![false; groups];
    for &g in of_source {
        if let Some(u) = used.get_mut(g as usize) {
            *u = true;
        }
    }
    used
}

/// Keep the used groups only (a manifest may declare groups no source has yet).
fn keep_used(labels: Vec<String>, of_source: &[u32], used: &[bool]) -> (Vec<String>, Vec<u32>) {
    let mut new_index = vec![0u32; labels.len()];
    let mut kept = Vec::new();
    for (i, label) in labels.into_iter().enumerate() {
        if used.get(i).copied().unwrap_or(false) {
            new_index[i] = kept.len() as u32;
            kept.push(label);
        }
    }
    let of_source = of_source
        .iter()
        .map(|&g| new_index.get(g as usize).copied().unwrap_or(0))
        .collect();
    (kept, of_source)
}

/// The network's name for people.
fn network_label(code: &str) -> String {
    match code {
        "PE" => "Pôle emploi".to_owned(),
        "ML" => "Missions locales".to_owned(),
        other => other.to_owned(),
    }
}

/// The role's name for people, as a group heading (plural).
fn role_label(role: &str) -> String {
    match role {
        "directeur" => "Directeurs".to_owned(),
        "conseiller" => "Conseillers".to_owned(),
        "jeune" => "Jeunes".to_owned(),
        "employeur" => "Employeurs".to_owned(),
        other => {
            let mut chars = other.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_networks_are_named_for_people() {
        assert_eq!(role_label("conseiller"), "Conseillers");
        assert_eq!(role_label("élu"), "Élu");
        assert_eq!(network_label("ML"), "Missions locales");
    }

    #[test]
    fn unused_groups_are_dropped_and_indices_follow() {
        let (labels, of_source) = keep_used(
            vec!["a".into(), "b".into(), "c".into()],
            &[2, 0, 2],
            &used_groups(&[2, 0, 2], 3),
        );
        assert_eq!(labels, vec!["a".to_owned(), "c".to_owned()]);
        assert_eq!(of_source, vec![1, 0, 1]);
    }
}
