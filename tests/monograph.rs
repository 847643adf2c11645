//! Monographs: each of the ten sample sites assembled with quotes, survey figures and cohort
//! figures; the evaluator's text kept and a pinned block unchanged when the data move; the
//! exports (Word read back and, where LibreOffice is installed, converted to PDF; HTML with
//! hostile text escaped; Markdown) holding no personal value and no small cohort count;
//! `atelier monograph --all` writing ten monographs and the synthesis, and stopping in one
//! line at a file it cannot write, what it wrote before kept in the register.

// Tests panic on purpose when something is wrong.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr
)]

mod common;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::OnceLock;

use atelier::cohort::CohortReport;
use atelier::model::Evaluation;
use atelier::model::monograph::{BlockKind, Monograph, SectionState};
use atelier::monograph::assemble::{Content, Inputs, assemble, site_publication, to_document};
use atelier::monograph::document::Block;
use atelier::monograph::export::{to_docx, to_html, to_markdown};
use atelier::progress::Silent;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys")
}

struct Fixture {
    evaluation: Evaluation,
    cohort: CohortReport,
    template: atelier::model::monograph::Template,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let evaluation = atelier::store::open_any(&sample(), &Silent).unwrap();
        let cohort = atelier::cohort::compute(&sample(), &evaluation.manifest, &Silent).unwrap();
        Fixture {
            evaluation,
            cohort,
            template: atelier::monograph::default_template(),
        }
    })
}

fn inputs(f: &Fixture) -> Inputs<'_> {
    Inputs {
        evaluation: &f.evaluation,
        cohort: Some(&f.cohort),
        template: &f.template,
        figures: &[],
    }
}

fn fresh(f: &Fixture, site: usize) -> Monograph {
    atelier::monograph::fresh(&f.evaluation.manifest.sites[site].id)
}

#[test]
fn every_sample_site_is_assembled_with_quotes_survey_figures_and_cohort_figures() {
    let f = fixture();
    assert_eq!(f.evaluation.manifest.sites.len(), 10);
    let mut withheld_sites = 0;
    for site in 0..10 {
        let name = &f.evaluation.manifest.sites[site].name;
        let assembled = assemble(&inputs(f), site, &fresh(f, site));
        let blocks: Vec<_> = assembled.sections.iter().flat_map(|s| &s.blocks).collect();
        let quotes: usize = blocks
            .iter()
            .map(|b| match &b.content {
                Content::Quotes(q) => q.len(),
                _ => 0,
            })
            .sum();
        assert!(quotes >= 5, "{name}: {quotes} quotes");
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Survey { .. })
                    && matches!(b.content, Content::Charts(_))),
            "{name}: no survey figure"
        );
        // The site beside its network; a site with too few respondents to a question is
        // said to be so in words, not drawn as a grid of hidden cells.
        for block in &blocks {
            if let (BlockKind::Survey { qid }, Content::Charts(charts)) =
                (&block.kind, &block.content)
            {
                let site_withheld = block.provenance.contains("ne sont pas publiés");
                assert_eq!(
                    charts.len(),
                    if site_withheld { 1 } else { 2 },
                    "{name} {qid}: {}",
                    block.provenance
                );
                if site_withheld {
                    assert!(charts[0].caption.starts_with("Son réseau"), "{name} {qid}");
                }
                withheld_sites += usize::from(site_withheld);
            }
        }
        let cohort = blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Cohort))
            .unwrap_or_else(|| panic!("{name}: no cohort block"));
        let Content::Table(table) = &cohort.content else {
            panic!("{name}: {:?}", cohort.content)
        };
        assert!(table.rows.len() >= 4, "{name}");
        assert!(
            blocks.iter().all(|b| !b.provenance.is_empty()),
            "{name}: a block without provenance"
        );
        // A quote names a role, never a person.
        for block in &blocks {
            if let Content::Quotes(q) = &block.content {
                assert!(q.iter().all(|(_, q)| !q.speaker.is_empty()), "{name}");
            }
        }
    }
    // Two directors answered in Touraine, for instance: such sites exist in the sample.
    assert!(withheld_sites > 0);
}

#[test]
fn the_evaluators_text_stays_and_a_pinned_block_holds_when_the_data_move() {
    let f = fixture();
    let site = 0;
    let mut state = fresh(f, site);
    let assembled = assemble(&inputs(f), site, &state);
    let section = assembled
        .sections
        .iter()
        .find(|s| {
            s.blocks
                .iter()
                .any(|b| matches!(b.content, Content::Quotes(_)))
        })
        .expect("a section with quotes");
    let block = section
        .blocks
        .iter()
        .find(|b| matches!(b.content, Content::Quotes(_)))
        .unwrap();
    state.sections.push(SectionState {
        id: section.id.clone(),
        text: "Notre analyse, écrite à la main.".to_owned(),
        blocks: Some(
            section
                .blocks
                .iter()
                .map(|b| atelier::model::monograph::BlockState {
                    kind: b.kind.clone(),
                    dropped: false,
                    pinned: (b.index == block.index)
                        .then(|| serde_json::to_string(&b.content).unwrap()),
                })
                .collect(),
        ),
    });
    // The data move: every coding of that block's code is taken away.
    let mut moved = f.evaluation.clone();
    let BlockKind::Quotes { code, .. } = block.kind else {
        unreachable!()
    };
    moved.coding.codings.retain(|_, c| c.code != code);
    let inputs = Inputs {
        evaluation: &moved,
        ..inputs(f)
    };
    let after = assemble(&inputs, site, &state);
    let section_after = after.sections.iter().find(|s| s.id == section.id).unwrap();
    assert_eq!(section_after.text, "Notre analyse, écrite à la main.");
    let pinned = &section_after.blocks[block.index];
    assert!(
        pinned.pinned && pinned.stale,
        "the data moved under the pin"
    );
    assert_eq!(
        pinned.content, block.content,
        "a pinned block shows what it showed"
    );
    // Unpinned, the same block follows the data.
    let unpinned = assemble(&inputs, site, &fresh(f, site));
    assert!(
        unpinned
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .all(|b| !matches!(&b.kind, BlockKind::Quotes { code: c, .. } if *c == code))
    );
}

/// Text of every `word/*.xml` entry of a .docx.
/// Run atelier with `home` as its user folder.
fn atelier(home: &Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .env("ATELIER_HOME", home)
        .output()
        .unwrap()
}

fn docx_xml(bytes: &[u8]) -> (String, Vec<String>) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        if name.starts_with("word/") && name.ends_with(".xml") {
            entry.read_to_string(&mut xml).unwrap();
        }
        names.push(name);
    }
    (xml, names)
}

#[test]
fn a_monograph_as_word_has_its_headings_tables_images_and_captions() {
    let f = fixture();
    let site = 1;
    let assembled = assemble(&inputs(f), site, &fresh(f, site));
    let document = to_document(&inputs(f), &assembled);
    let bytes = to_docx(&document).unwrap();
    let (xml, names) = docx_xml(&bytes);
    for section in &document.sections {
        assert!(
            xml.contains(&escape(&section.title)),
            "heading {}",
            section.title
        );
    }
    assert!(xml.contains("<w:tbl>"), "tables as Word tables");
    assert!(
        names.iter().any(|n| n.starts_with("word/media/")),
        "charts as images"
    );
    assert!(xml.contains("Figure 1 —"), "captions");
    assert!(xml.contains("PAGE"), "page numbers");
    assert!(xml.contains("TOC"), "a table of contents");
    // Same input, same bytes.
    assert_eq!(to_docx(&document).unwrap(), bytes);
    convert_with_libreoffice(&bytes, "monographie");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Convert a .docx to PDF with LibreOffice, when installed (required in CI).
fn convert_with_libreoffice(bytes: &[u8], name: &str) {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| {
        Process::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice is required in CI to check that Word documents open"
        );
        eprintln!("SKIPPED: LibreOffice not found — the .docx was not converted to PDF");
        return;
    };
    let dir = common::temp_dir("monographie", name);
    let docx = dir.join(format!("{name}.docx"));
    std::fs::write(&docx, bytes).unwrap();
    let out = Process::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.join(format!("{name}.pdf"));
    let len = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(len > 10_000, "the PDF is written ({len} bytes)");
}

#[test]
fn hostile_text_from_answers_and_notes_is_escaped_in_html_and_markdown() {
    let f = fixture();
    let mut evaluation = f.evaluation.clone();
    // A note passage and an answer that try to become markup.
    let hostile = "<script>alert('x')</script> \"><img src=x onerror=alert(1)> </style> | [lien](javascript:x) <!--";
    let note = evaluation.notes.iter_mut().find(|n| n.site == 0).unwrap();
    note.text.paragraphs[0].text = hostile.to_owned();
    let file = note.entry.file.clone();
    let code = evaluation
        .coding
        .codebook
        .codes
        .iter()
        .find(|c| c.codable)
        .unwrap()
        .id;
    let id = evaluation.coding.next_coding_id();
    evaluation.coding.codings.insert(
        id,
        atelier::model::coding::Coding {
            id,
            code,
            anchor: atelier::model::coding::Anchor::Note {
                file,
                start: 0,
                end: hostile.chars().count() as u32,
            },
            coder: "A".into(),
            at: String::new(),
            review: None,
        },
    );
    let inputs = Inputs {
        evaluation: &evaluation,
        ..inputs(f)
    };
    let assembled = assemble(&inputs, 0, &fresh(f, 0));
    let document = to_document(&inputs, &assembled);
    assert!(
        document
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .any(|b| matches!(b, Block::Quote(q) if q.text.contains("<script>"))),
        "the hostile passage is quoted"
    );
    let html = to_html(&document);
    for bad in ["<script", "<img src=x", "</style> |", "<!--"] {
        assert!(!html.contains(bad), "unescaped {bad} in the HTML");
    }
    assert!(html.contains("&lt;script&gt;"));
    let (markdown, _) = to_markdown(&document, &|k| format!("f-{k}.png"));
    // Markdown escapes with a backslash: « \\<script> » is text, « <script> » would be HTML.
    let unescaped = |needle: &str| {
        markdown
            .match_indices(needle)
            .any(|(i, _)| !markdown[..i].ends_with('\\'))
    };
    assert!(!unescaped("<script"), "raw HTML in the Markdown");
    assert!(
        !unescaped("](javascript:"),
        "a link injected in the Markdown"
    );
}

/// Personal values of the sample's sources (pseudonymised at import): none may be printed.
fn personal_values() -> Vec<String> {
    // The raw files, read without the importer: e-mails and phone numbers as written.
    let mut values = Vec::new();
    for entry in std::fs::read_dir(sample().join("questionnaires"))
        .unwrap()
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for word in text.split(|c: char| c == ',' || c == ';' || c == '"' || c.is_whitespace()) {
            if word.contains('@') && word.contains('.') && word.len() > 6 {
                values.push(word.to_owned());
            }
        }
    }
    values.sort();
    values.dedup();
    values
}

#[test]
fn all_monographs_and_the_synthesis_are_written_and_publish_nothing_personal_nor_small() {
    let dir = common::temp_dir("monographie", "toutes");
    let home = dir.join("utilisateur");
    let out = dir.join("monographies");
    let output = atelier(
        &home,
        &[
            "monograph".as_ref(),
            sample().as_os_str(),
            "--all".as_ref(),
            "--format".as_ref(),
            "html".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let f = fixture();
    for site in &f.evaluation.manifest.sites {
        assert!(
            out.join(format!("{}.html", site.id)).is_file(),
            "{}",
            site.id
        );
    }
    assert!(out.join("synthese.html").is_file());
    let personal = personal_values();
    let threshold = f.evaluation.manifest.disclosure_threshold.get();
    for entry in std::fs::read_dir(&out).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for value in &personal {
            assert!(
                !text.contains(value.as_str()),
                "{} prints {value}",
                entry.path().display()
            );
        }
        assert!(
            !text.contains("Personne-"),
            "a pseudonym is not content either"
        );
        // A site's handful of respondents is not printed as the n of its survey figures,
        // nor is a zero put in its place.
        for small in 0..threshold {
            assert!(
                !text.contains(&format!("n = {small} répondants")),
                "{} prints n = {small}",
                entry.path().display()
            );
        }
    }
    // Cohort counts of the sites under the threshold are hidden (« s »), never printed.
    for (index, site) in f.evaluation.manifest.sites.iter().enumerate() {
        let assembled = assemble(&inputs(f), index, &fresh(f, index));
        for block in assembled.sections.iter().flat_map(|s| &s.blocks) {
            if let (BlockKind::Cohort, Content::Table(table)) = (&block.kind, &block.content) {
                let entry = f.cohort.site(&site.id).unwrap();
                for (row, indicator) in table.rows.iter().zip(&entry.indicators) {
                    if indicator.unit == "jeunes"
                        && let Some(x) = indicator.number()
                        && x > 0.0
                        && x < f64::from(threshold)
                    {
                        assert_eq!(row[1], "s", "{}: {} = {x}", site.id, indicator.label);
                    }
                }
            }
        }
    }
    // One site as Word through the command line.
    let docx = dir.join("touraine.docx");
    let output = atelier(
        &home,
        &[
            "monograph".as_ref(),
            sample().as_os_str(),
            "--site".as_ref(),
            "ml_touraine".as_ref(),
            "--out".as_ref(),
            docx.as_os_str(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (xml, _) = docx_xml(&std::fs::read(&docx).unwrap());
    assert!(xml.contains("Mission locale de Touraine"));
    // An unknown site is refused in one line.
    let output = atelier(
        &home,
        &[
            "monograph".as_ref(),
            sample().as_os_str(),
            "--site".as_ref(),
            "nulle_part".as_ref(),
            "--out".as_ref(),
            dir.join("x.docx").as_os_str(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_monograph_that_cannot_be_written_stops_the_export_and_keeps_what_was_written() {
    let dir = common::temp_dir("monographie", "echec");
    let home = dir.join("utilisateur");
    let project = dir.join("evaluation.atelier");
    let created = atelier(
        &home,
        &[
            "new".as_ref(),
            project.as_os_str(),
            "--from".as_ref(),
            sample().as_os_str(),
        ],
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let sites = &fixture().evaluation.manifest.sites;
    let (first, second) = (&sites[0].id, &sites[1].id);
    let out = dir.join("monographies");
    // A folder stands where the second site's monograph would go.
    std::fs::create_dir_all(out.join(format!("{second}.md"))).unwrap();
    let output = atelier(
        &home,
        &[
            "monograph".as_ref(),
            project.as_os_str(),
            "--all".as_ref(),
            "--format".as_ref(),
            "md".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&format!("{second}.md")), "{stderr}");
    // The first one is written and in the register; nothing after the failure is.
    assert!(out.join(format!("{first}.md")).is_file());
    assert!(!out.join("synthese.md").exists());
    let register = atelier::store::Project::open(&project)
        .unwrap()
        .register()
        .unwrap();
    assert!(
        register.iter().any(|p| p.file == format!("{first}.md")),
        "{register:?}"
    );
    assert!(
        register.iter().all(|p| p.file != format!("{second}.md")),
        "{register:?}"
    );
}

#[test]
fn a_site_publishes_in_its_monograph_no_cell_the_table_by_site_hides() {
    let f = fixture();
    let evaluation = &f.evaluation;
    let (mut checked, mut added) = (0, 0);
    for (index, site) in evaluation.manifest.sites.iter().enumerate() {
        let assembled = assemble(&inputs(f), index, &fresh(f, index));
        for block in assembled.sections.iter().flat_map(|s| &s.blocks) {
            let BlockKind::Survey { qid } = &block.kind else {
                continue;
            };
            let alone = atelier::figures::figure(evaluation, qid, None, Some(&site.id)).unwrap();
            let in_monograph = site_publication(evaluation, &alone, &site.id);
            if in_monograph.withheld() {
                continue;
            }
            let by_site = atelier::figures::figure(evaluation, qid, Some("site"), None).unwrap();
            let table_by_site = atelier::figures::publication(&by_site);
            let protected_alone = atelier::figures::publication(&alone);
            for ((theirs, ours), before) in table_by_site
                .tables
                .iter()
                .zip(&in_monograph.tables)
                .zip(&protected_alone.tables)
            {
                let Some(row) = theirs.table.rows.iter().find(|r| r.label == site.name) else {
                    continue;
                };
                for (label, cell) in theirs.table.col_labels.iter().zip(&row.cells) {
                    let Some(j) = ours.table.col_labels.iter().position(|l| l == label) else {
                        continue;
                    };
                    if cell.suppressed.is_some() {
                        assert!(
                            ours.table.rows[0].cells[j].suppressed.is_some(),
                            "{} {qid} « {label} »: hidden by site, published in the monograph",
                            site.id
                        );
                        added += usize::from(before.table.rows[0].cells[j].suppressed.is_none());
                        checked += 1;
                    }
                }
            }
        }
    }
    // The sample has such cells, some of which the site's own figure alone would print.
    assert!(checked > 0);
    assert!(
        added > 0,
        "{checked} cells checked, none hidden by the table by site alone"
    );
}
