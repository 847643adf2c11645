//! The tables of a figure as a workbook (XLSX) or a French CSV, with disclosure control.
//!
//! Both formats are written from one plain model of the sheet (rows of typed cells), so
//! they always say the same thing: where the figure comes from, n and the denominator of
//! every percentage, cautions on small groups, the test of difference, and « s » wherever
//! disclosure control hides a figure. What they publish is the figure's [`publication`]:
//! small groups merged or withheld, tables protected, tests on what can be published.
//!
//! **Formula injection.** Labels come from survey exports, so a label may begin with `=`,
//! `+`, `-`, `@`, a tab or a carriage return and be run as a formula by a spreadsheet. In
//! XLSX every text is written as a string cell (never a formula, never a type-guessing
//! write) and such texts also carry Excel's quote prefix, so that editing the cell keeps
//! it text. In CSV, where there are no types, such a text is prefixed with an apostrophe,
//! as OWASP recommends. Numbers Atelier computes are not texts and are written as numbers.

use std::borrow::Cow;
use std::io::Write as _;
use std::path::Path;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use crate::model::{Threshold, french};
use crate::stats::crosstab::{Cell, Denominator};
use crate::stats::disclosure::{Published, SuppressedTable};
use crate::stats::numeric::{MIN_N_DECILES, MIN_N_QUARTILES, NumericSummary};

use super::publish::{Publication, publication};
use super::{ClosedFigure, Figure, FigureBody, FigureError, NumericFigure, file_name};

/// Writes the figure's tables as an XLSX workbook, cells under `threshold` hidden.
pub fn write_table_xlsx(
    figure: &Figure,
    path: &Path,
    threshold: Threshold,
) -> Result<(), FigureError> {
    let sheet = build_sheet(figure, threshold);
    write_xlsx(&sheet, path, figure)
}

/// Writes the figure's tables as CSV for French spreadsheets (UTF-8 with a byte-order mark,
/// `;` between fields, decimal commas), cells under `threshold` hidden.
pub fn write_table_csv(
    figure: &Figure,
    path: &Path,
    threshold: Threshold,
) -> Result<(), FigureError> {
    let sheet = build_sheet(figure, threshold);
    write_csv(&sheet, path)
}

/// One cell of the exported sheet.
#[derive(Clone, Debug, PartialEq)]
enum Out {
    /// A text (labels from the data included: guarded against formula injection).
    Text(String),
    /// A count of respondents.
    Count(u64),
    /// A percentage, 0 to 100.
    Pct(f64),
    /// Any other number (means, quartiles), one decimal.
    Number(f64),
    /// Hidden by disclosure control: « s ».
    Secret,
    /// Nothing.
    Empty,
}

/// What a row of the sheet is, for its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    /// The figure's title.
    Title,
    /// A heading over a block (« Effectifs »).
    Section,
    /// Column headings.
    Header,
    /// Figures.
    Data,
    /// A sentence (provenance, note, caution).
    Line,
    /// An empty row.
    Blank,
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    kind: RowKind,
    cells: Vec<Out>,
}

/// The sheet, and the date that stamps the workbook (so that outputs are reproducible).
#[derive(Clone, Debug, Default, PartialEq)]
struct Sheet {
    rows: Vec<Row>,
}

impl Sheet {
    fn push(&mut self, kind: RowKind, cells: Vec<Out>) {
        self.rows.push(Row { kind, cells });
    }

    fn line(&mut self, text: impl Into<String>) {
        self.push(RowKind::Line, vec![Out::Text(text.into())]);
    }

    fn section(&mut self, text: impl Into<String>) {
        self.push(RowKind::Section, vec![Out::Text(text.into())]);
    }

    fn header(&mut self, labels: impl IntoIterator<Item = String>) {
        self.push(RowKind::Header, labels.into_iter().map(Out::Text).collect());
    }

    fn blank(&mut self) {
        self.push(RowKind::Blank, Vec::new());
    }
}

/// Whether a text would be read as a formula by a spreadsheet.
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text as a CSV cell: an apostrophe before anything a spreadsheet would run (OWASP).
fn csv_text(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The model of the exported sheet: the figure as [`publication`] publishes it.
fn build_sheet(figure: &Figure, threshold: Threshold) -> Sheet {
    let mut controlled = figure.clone();
    controlled.threshold = threshold;
    let publication = publication(&controlled);
    let figure = &publication.figure;
    let mut sheet = Sheet::default();
    sheet.push(RowKind::Title, vec![Out::Text(figure.title.clone())]);
    if figure.text != figure.title {
        sheet.line(format!("Question : {}", figure.text));
    }
    sheet.line(publication.source_line());
    sheet.line(format!(
        "Tableau produit par Atelier {} ; secret statistique : effectifs inférieurs à {threshold} masqués.",
        env!("CARGO_PKG_VERSION")
    ));
    sheet.blank();
    match &figure.body {
        FigureBody::Closed(closed) => closed_tables(&mut sheet, &publication, closed, threshold),
        FigureBody::Numeric(_) if publication.withheld() => {
            sheet.section("Notes");
            for note in &publication.notes {
                sheet.line(note.clone());
            }
        }
        FigureBody::Numeric(numeric) => {
            numeric_table(&mut sheet, figure, numeric, threshold, &publication.notes)
        }
    }
    sheet
}

/// Heading of the first column: the grouping's name, or who answered.
fn group_heading(figure: &Figure) -> String {
    match (&figure.grouping, &figure.site) {
        (Some(g), _) => g.name.clone(),
        (None, Some(_)) => "Site".to_owned(),
        (None, None) => "Répondants".to_owned(),
    }
}

fn closed_tables(
    sheet: &mut Sheet,
    publication: &Publication,
    closed: &ClosedFigure,
    threshold: Threshold,
) {
    let figure = &publication.figure;
    let battery = closed.items.len() > 1;
    let mut any_secret = false;
    let mut apart_labels: Vec<String> = Vec::new();
    let mut scale: Option<(String, String, usize)> = None;
    if publication.withheld() {
        sheet.section("Notes");
        for note in &publication.notes {
            sheet.line(note.clone());
        }
        common_notes(sheet, figure, threshold, false);
        return;
    }
    for (item, table) in closed.items.iter().zip(&publication.tables) {
        any_secret |= table.any_suppressed();
        let x = &table.table;
        let substantive = x.substantive();
        let apart = x.apart();
        let has_apart = !apart.is_empty();
        for j in apart.clone() {
            if !apart_labels.contains(&x.col_labels[j]) {
                apart_labels.push(x.col_labels[j].clone());
            }
        }
        if x.scale_len >= 2 && scale.is_none() {
            scale = Some((
                x.col_labels[0].clone(),
                x.col_labels[x.scale_len - 1].clone(),
                x.scale_len,
            ));
        }
        let shown = figure.shown_rows(x.rows.len());
        let label_of = |i: usize| -> String {
            if i == x.rows.len() {
                x.total.label.clone()
            } else {
                x.rows[i].label.clone()
            }
        };
        let line_of = |i: usize| {
            if i == x.rows.len() {
                &x.total
            } else {
                &x.rows[i]
            }
        };
        if battery {
            sheet.section(format!("Item : {}", item.label));
        }

        sheet.section("Effectifs (nombre de répondants)");
        let mut heading = vec![group_heading(figure), "n".to_owned()];
        if has_apart {
            heading.push("n, réponses hors échelle comprises".to_owned());
        }
        heading.extend(x.col_labels.iter().cloned());
        sheet.header(heading);
        for &i in &shown {
            let mut cells = vec![Out::Text(label_of(i)), n_cell(table, i)];
            if has_apart {
                let hidden = table.apart_n_hidden.get(i).copied().flatten().is_some();
                cells.push(if hidden {
                    Out::Secret
                } else {
                    Out::Count(line_of(i).apart_n)
                });
            }
            for j in 0..x.col_labels.len() {
                cells.push(match table.cell(i, j) {
                    Some(Published::Value(c)) => Out::Count(c.count),
                    Some(Published::Secret(_)) => Out::Secret,
                    None => Out::Empty,
                });
            }
            sheet.push(RowKind::Data, cells);
        }

        sheet.section(format!(
            "Pourcentages ({})",
            Denominator::Question.label_fr()
        ));
        let mut heading = vec![group_heading(figure), "n".to_owned()];
        heading.extend(x.col_labels.iter().cloned());
        if x.scale_len >= 2 {
            heading.push("Score moyen".to_owned());
        }
        heading.push("Avertissement".to_owned());
        sheet.header(heading);
        for &i in &shown {
            let mut cells = vec![Out::Text(label_of(i)), n_cell(table, i)];
            for j in 0..x.col_labels.len() {
                cells.push(match table.cell(i, j) {
                    Some(Published::Value(Cell { pct: Some(p), .. })) => Out::Pct(p),
                    Some(Published::Value(_))
                        if substantive.contains(&j) && table.n(i).is_none() =>
                    {
                        Out::Secret
                    }
                    Some(Published::Value(_)) => {
                        // A share without a denominator: hidden with it, or none to compute.
                        let hidden_denominator =
                            table.apart_n_hidden.get(i).copied().flatten().is_some();
                        if hidden_denominator {
                            Out::Secret
                        } else {
                            Out::Empty
                        }
                    }
                    Some(Published::Secret(_)) => Out::Secret,
                    None => Out::Empty,
                });
            }
            if x.scale_len >= 2 {
                cells.push(match table.mean_score(i) {
                    Some(m) => Out::Number(m),
                    None if line_of(i).mean_score.is_some() => Out::Secret,
                    None => Out::Empty,
                });
            }
            cells.push(caution_cell(table, i));
            sheet.push(RowKind::Data, cells);
        }

        sheet.section("Intervalles de confiance à 95 % des pourcentages (méthode de Wilson)");
        let mut heading = vec![group_heading(figure)];
        heading.extend(x.col_labels.iter().cloned());
        sheet.header(heading);
        for &i in &shown {
            let mut cells = vec![Out::Text(label_of(i))];
            for j in 0..x.col_labels.len() {
                cells.push(match table.cell(i, j) {
                    Some(Published::Value(Cell {
                        ci: Some((low, high)),
                        ..
                    })) => Out::Text(format!(
                        "[{} ; {}]",
                        french::number(low, 1),
                        french::number(high, 1)
                    )),
                    Some(Published::Secret(_)) => Out::Secret,
                    Some(Published::Value(_)) | None => Out::Empty,
                });
            }
            sheet.push(RowKind::Data, cells);
        }
        sheet.blank();
    }

    tests_section(sheet, figure);

    sheet.section("Notes");
    sheet.line(format!(
        "n : répondants à la question, dénominateur des pourcentages ({}).",
        Denominator::Question.label_fr()
    ));
    if !apart_labels.is_empty() {
        let names: Vec<String> = apart_labels.iter().map(|l| format!("« {l} »")).collect();
        sheet.line(format!(
            "{} : réponses hors échelle, laissées hors du n ; leur pourcentage est calculé sur \
             l'ensemble des répondants à la question, réponses hors échelle comprises.",
            names.join(", ")
        ));
    }
    if closed.multiple {
        sheet.line(
            "Plusieurs réponses possibles : les pourcentages sont ceux des répondants ; leur \
             total peut dépasser 100 %.",
        );
    }
    if let Some((best, worst, k)) = scale {
        sheet.line(format!(
            "Score moyen : de 1 (« {worst} ») à {k} (« {best} »), réponses hors échelle exclues."
        ));
    }
    for note in &publication.notes {
        sheet.line(note.clone());
    }
    common_notes(sheet, figure, threshold, any_secret);
}

/// The row's n, or « s » when it had to be hidden.
fn n_cell(table: &SuppressedTable, row: usize) -> Out {
    match table.n(row) {
        Some(n) => Out::Count(n),
        None => Out::Secret,
    }
}

/// The small-group caution of a row; it names n, so a hidden n gets a caution without it.
fn caution_cell(table: &SuppressedTable, row: usize) -> Out {
    let line = if row == table.table.rows.len() {
        &table.table.total
    } else {
        match table.table.rows.get(row) {
            Some(line) => line,
            None => return Out::Empty,
        }
    };
    match (&line.caution, table.n(row)) {
        (Some(c), Some(_)) => Out::Text(c.text.clone()),
        (Some(_), None) => Out::Text("Effectif faible : à interpréter avec prudence".to_owned()),
        (None, _) => Out::Empty,
    }
}

fn numeric_table(
    sheet: &mut Sheet,
    figure: &Figure,
    numeric: &NumericFigure,
    threshold: Threshold,
    notes: &[String],
) {
    let mut table = numeric.table.clone();
    table.suppress(threshold.get());
    sheet.section("Résumé des réponses numériques");
    sheet.header(
        [
            group_heading(figure).as_str(),
            "n",
            "Moyenne",
            "Médiane",
            "1er quartile",
            "3e quartile",
            // The extremes, each one person's answer, give way to deciles.
            "1er décile",
            "9e décile",
            "Avertissement",
        ]
        .map(str::to_owned),
    );
    let rows: Vec<&crate::stats::NumericRow> = figure
        .shown_rows(table.rows.len())
        .into_iter()
        .map(|i| table.rows.get(i).unwrap_or(&table.total))
        .collect();
    let mut any_secret = false;
    for row in rows {
        let mut cells = vec![Out::Text(row.label.clone()), Out::Count(row.n())];
        let figures = |s: &NumericSummary| {
            // A small group's quantiles would give back answers.
            let quartiles = row.quartiles_published();
            let deciles = row.deciles_published();
            [
                (s.mean, true),
                (s.median, quartiles),
                (s.q1, quartiles),
                (s.q3, quartiles),
                (s.p10, deciles),
                (s.p90, deciles),
            ]
            .map(|(value, shown)| {
                if shown {
                    Out::Number(value)
                } else {
                    Out::Secret
                }
            })
        };
        match (row.published(), &row.summary) {
            (Some(s), _) => {
                let values = figures(s);
                any_secret |= values.iter().any(|v| matches!(v, Out::Secret));
                cells.extend(values);
            }
            (None, Some(_)) => {
                any_secret = true;
                cells.extend([0; 6].map(|_| Out::Secret));
            }
            (None, None) => cells.extend([0; 6].map(|_| Out::Empty)),
        }
        cells.push(match &row.caution {
            Some(c) => Out::Text(c.text.clone()),
            None => Out::Empty,
        });
        sheet.push(RowKind::Data, cells);
    }
    sheet.blank();
    tests_section(sheet, figure);
    sheet.section("Notes");
    sheet.line(
        "n : répondants ayant donné une réponse numérique. Quartiles et déciles interpolés comme \
         CENTILE.INCLURE d'Excel (type 7 de R).",
    );
    sheet.line(format!(
        "Minimum et maximum ne sont pas publiés : chacun est la réponse d'une seule personne \
         (secret statistique). Médiane et quartiles sont publiés à partir de {MIN_N_QUARTILES} \
         réponses, déciles à partir de {MIN_N_DECILES} : en deçà, ils redonneraient des \
         réponses individuelles."
    ));
    for note in notes {
        sheet.line(note.clone());
    }
    common_notes(sheet, figure, threshold, any_secret);
}

/// The tests of difference between groups, when the figure has any.
fn tests_section(sheet: &mut Sheet, figure: &Figure) {
    let tests = figure.test_lines();
    if tests.is_empty() {
        return;
    }
    sheet.section("Différence entre groupes");
    for line in tests {
        sheet.line(line);
    }
    sheet.blank();
}

/// Notes every table carries: suppression, small groups, respondents left out.
fn common_notes(sheet: &mut Sheet, figure: &Figure, threshold: Threshold, any_secret: bool) {
    if any_secret {
        sheet.line(format!(
            "s : secret statistique (effectif inférieur à {threshold}, ou valeur masquée pour \
             qu'un petit effectif ne puisse être recalculé à partir des totaux)."
        ));
    }
    if let Some(caution) = figure.small_groups_caution() {
        sheet.line(caution);
    }
    if figure.ungrouped > 0 {
        sheet.line(format!(
            "{} répondants sans groupe connu ne figurent pas dans le tableau.",
            french::count(figure.ungrouped)
        ));
    }
}

// ------------------------------------------------------------------------------- XLSX

fn xlsx_error(path: &Path) -> impl Fn(XlsxError) -> FigureError + '_ {
    move |e| match e {
        XlsxError::IoError(source) => FigureError::Io {
            file: file_name(path),
            source,
        },
        other => FigureError::Xlsx {
            file: file_name(path),
            problem: other.to_string(),
        },
    }
}

/// Widths in characters: the label column fits its labels, figure columns their headings.
fn column_widths(sheet: &Sheet) -> Vec<f64> {
    let mut widths: Vec<f64> = Vec::new();
    for row in &sheet.rows {
        if !matches!(row.kind, RowKind::Header | RowKind::Data) {
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let chars = match cell {
                Out::Text(t) => t.chars().count(),
                _ => 6,
            };
            let (min, max) = if c == 0 { (14.0, 48.0) } else { (9.0, 26.0) };
            let w = (chars as f64 + 2.0).clamp(min, max);
            if widths.len() <= c {
                widths.resize(c + 1, 0.0);
            }
            widths[c] = widths[c].max(w);
        }
    }
    widths
}

fn write_xlsx(sheet: &Sheet, path: &Path, figure: &Figure) -> Result<(), FigureError> {
    let err = xlsx_error(path);
    let mut workbook = Workbook::new();
    // A fixed stamp (the end of the survey, else a constant) keeps the file reproducible.
    let stamp = figure
        .period
        .map(|p| {
            use chrono::Datelike as _;
            (p.last.year(), p.last.month(), p.last.day())
        })
        .unwrap_or((2000, 1, 1));
    let created = ExcelDateTime::from_ymd(
        u16::try_from(stamp.0).unwrap_or(2000),
        u8::try_from(stamp.1).unwrap_or(1),
        u8::try_from(stamp.2).unwrap_or(1),
    )
    .map_err(&err)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(figure.title.clone())
            .set_author("Atelier")
            .set_creation_datetime(&created),
    );

    let title = Format::new().set_bold().set_font_size(14);
    let section = Format::new().set_bold().set_italic();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border_bottom(FormatBorder::Thin);
    let text = Format::new();
    let count = Format::new().set_num_format("0");
    let pct = Format::new().set_num_format("0.0%");
    let number = Format::new().set_num_format("0.0");
    let secret = Format::new().set_align(FormatAlign::Right);

    let ws = workbook.add_worksheet();
    ws.set_name("Tableau").map_err(&err)?;
    for (c, w) in column_widths(sheet).into_iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(col, w).map_err(&err)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        let text_format = match row.kind {
            RowKind::Title => &title,
            RowKind::Section => &section,
            RowKind::Header => &header,
            RowKind::Data | RowKind::Line | RowKind::Blank => &text,
        };
        for (c, cell) in row.cells.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Out::Text(s) if looks_like_formula(s) => {
                    // Written as a string, and quote-prefixed so that editing keeps it text.
                    let guarded = text_format.clone().set_quote_prefix();
                    ws.write_string_with_format(r, c, s, &guarded)
                }
                Out::Text(s) => ws.write_string_with_format(r, c, s, text_format),
                Out::Count(n) => ws.write_number_with_format(r, c, *n as f64, &count),
                Out::Pct(p) => ws.write_number_with_format(r, c, p / 100.0, &pct),
                Out::Number(x) => ws.write_number_with_format(r, c, *x, &number),
                Out::Secret => ws.write_string_with_format(r, c, "s", &secret),
                Out::Empty => continue,
            }
            .map_err(&err)?;
        }
    }
    workbook.save(path).map_err(&err)
}

// -------------------------------------------------------------------------------- CSV

/// A number with a decimal comma and no thousands separator, as French spreadsheets read.
fn csv_number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return String::new();
    }
    format!("{x:.decimals$}").replace('.', ",")
}

fn write_csv(sheet: &Sheet, path: &Path) -> Result<(), FigureError> {
    let io = |source: std::io::Error| FigureError::Io {
        file: file_name(path),
        source,
    };
    let mut bytes: Vec<u8> = "\u{feff}".as_bytes().to_vec();
    for row in &sheet.rows {
        if row.cells.is_empty() {
            // An empty line, rather than the `""` a record of one empty field gives.
            bytes.extend_from_slice(b"\r\n");
            continue;
        }
        let fields: Vec<Cow<'_, str>> = row
            .cells
            .iter()
            .map(|cell| match cell {
                Out::Text(s) => csv_text(s),
                Out::Count(n) => Cow::Owned(n.to_string()),
                Out::Pct(p) => Cow::Owned(csv_number(*p, 1)),
                Out::Number(x) => Cow::Owned(csv_number(*x, 1)),
                Out::Secret => Cow::Borrowed("s"),
                Out::Empty => Cow::Borrowed(""),
            })
            .collect();
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer
            .write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(|e| io(std::io::Error::other(e.to_string())))?;
        writer.flush().map_err(io)?;
    }
    let mut file = std::fs::File::create(path).map_err(io)?;
    file.write_all(&bytes).map_err(io)?;
    file.flush().map_err(io)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    use super::*;

    const DANGEROUS: [&str; 7] = [
        "=HYPERLINK(\"http://exemple.invalid\";\"clic\")",
        "+33 1 23 45 67 89",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "=1+1",
    ];

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "atelier-figures-export-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn sheet_with(texts: &[&str]) -> Sheet {
        let mut sheet = Sheet::default();
        sheet.header(texts.iter().map(|t| t.to_string()));
        sheet.push(
            RowKind::Data,
            texts
                .iter()
                .map(|t| Out::Text(t.to_string()))
                .chain([
                    Out::Count(12),
                    Out::Pct(12.5),
                    Out::Number(-1.25),
                    Out::Secret,
                ])
                .collect(),
        );
        sheet
    }

    fn figure_stub() -> Figure {
        Figure {
            qid: "q1".into(),
            title: "=1+1".into(),
            text: "=1+1".into(),
            kind: crate::model::QuestionKind::Single,
            grouping: None,
            site: None,
            sources: vec![],
            period: None,
            respondents: 0,
            ungrouped: 0,
            threshold: Threshold::default(),
            body: FigureBody::Numeric(Box::new(NumericFigure {
                table: crate::stats::NumericTable {
                    qid: "q1".into(),
                    text: String::new(),
                    grouping: String::new(),
                    sources: vec![],
                    rows: vec![],
                    total: crate::stats::NumericRow {
                        label: "Ensemble".into(),
                        summary: None,
                        caution: None,
                        suppressed: None,
                    },
                    caution: None,
                },
                values: vec![],
                difference: None,
            })),
        }
    }

    #[test]
    fn xlsx_keeps_formula_like_labels_as_plain_strings() {
        let path = temp("xlsx").join("garde.xlsx");
        write_xlsx(&sheet_with(&DANGEROUS), &path, &figure_stub()).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let range = book.worksheet_range("Tableau").unwrap();
        for (c, text) in DANGEROUS.iter().enumerate() {
            for r in 0..2 {
                assert_eq!(
                    range.get((r, c)),
                    Some(&Data::String(text.to_string())),
                    "row {r}, column {c}"
                );
            }
        }
        // Numbers stay numbers: counts, real percentages, a negative mean.
        let n = DANGEROUS.len();
        assert_eq!(range.get((1, n)), Some(&Data::Float(12.0)));
        assert_eq!(range.get((1, n + 1)), Some(&Data::Float(0.125)));
        assert_eq!(range.get((1, n + 2)), Some(&Data::Float(-1.25)));
        assert_eq!(range.get((1, n + 3)), Some(&Data::String("s".into())));
        // No formula anywhere in the workbook.
        let formulas = book.worksheet_formula("Tableau").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }

    #[test]
    fn csv_prefixes_formula_like_labels_with_an_apostrophe() {
        let path = temp("csv").join("garde.csv");
        write_csv(&sheet_with(&DANGEROUS), &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "byte-order mark");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[3..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        for row in &rows {
            for (c, text) in DANGEROUS.iter().enumerate() {
                assert_eq!(&row[c], format!("'{text}"), "column {c}");
                assert!(row[c].starts_with('\''));
            }
        }
        assert!(rows[0][6].starts_with("'="), "{:?}", &rows[0][6]);
        // Numbers Atelier computed are not guarded, and read the French way.
        let n = DANGEROUS.len();
        assert_eq!(
            (
                &rows[1][n],
                &rows[1][n + 1],
                &rows[1][n + 2],
                &rows[1][n + 3]
            ),
            ("12", "12,5", "-1,2", "s")
        );
    }

    #[test]
    fn ordinary_labels_are_left_alone() {
        assert_eq!(csv_text("Moins de deux ans"), "Moins de deux ans");
        assert_eq!(csv_text("2 à 5 ans"), "2 à 5 ans");
        assert!(!looks_like_formula("Pôle emploi"));
        assert!(looks_like_formula("-5 ans"));
    }
}
