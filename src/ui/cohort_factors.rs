//! The « Facteurs de réussite » view of Cohortes: the three classes of exit, each success
//! factor as 100 % stacked bars (a site beside its network), and the adjusted effects of
//! every factor as forest plots of odds ratios, all drawn by the shared chart renderer.
//! Nothing under the disclosure threshold is drawn: withheld levels and hidden shares are
//! said under each chart.

use std::collections::HashMap;

use egui::{RichText, TextureHandle};

use crate::charts::{BarChart, ChartSpec, ForestPlot};
use crate::cohort::{AdjustedModel, CohortEntry, FactorTable};
use crate::model::french;

/// Charts already drawn, by (scope key, chart key, width).
pub type Textures = HashMap<(String, String, u32), TextureHandle>;

/// The stacked bars of one factor table.
pub fn factor_spec(entry: &CohortEntry, table: &FactorTable) -> Option<ChartSpec> {
    if table.rows.is_empty() {
        return None;
    }
    let categories: Vec<String> = entry.exit_classes.iter().map(|c| c.label.clone()).collect();
    let mut chart = BarChart::new(categories.clone())
        .denominator(crate::charts::Denominator::CohortClassified)
        .stacked()
        .disclosure_threshold(u64::from(table.threshold));
    for (s, row) in table.rows.iter().enumerate() {
        let pcts: Vec<f64> = row.classes.iter().map(|c| c.pct.unwrap_or(0.0)).collect();
        chart = chart.series_pct(row.label.clone(), row.n, &pcts);
        for (c, class) in row.classes.iter().enumerate() {
            if class.pct.is_none() {
                chart = chart.suppress(s, c);
            }
        }
    }
    let mut spec = ChartSpec::new(table.label.clone(), chart).subtitle(scope_name(entry));
    if let Some(test) = &table.test {
        spec = spec.source(format!("Test : {}", test.text));
    }
    let note = table.withheld_note();
    if !note.is_empty() {
        spec = spec.caution(note);
    }
    Some(spec)
}

/// The forest plot of one adjusted model.
pub fn forest_spec(entry: &CohortEntry, model: &AdjustedModel) -> Option<ChartSpec> {
    if model.references.is_empty() {
        return None;
    }
    let mut plot = ForestPlot::new("Rapport des chances", 1.0);
    for (factor, label, reference) in &model.references {
        plot = plot
            .heading(label.clone())
            .note(reference.clone(), "référence");
        for term in model.terms.iter().filter(|t| &t.factor == factor) {
            plot = match (term.odds_ratio, term.low, term.high) {
                (Some(or), Some(lo), Some(hi)) => plot.estimate(term.level.clone(), or, lo, hi),
                _ => plot.note(term.level.clone(), "non estimable"),
            };
        }
    }
    let mut spec =
        ChartSpec::new(format!("« {} » : effets ajustés", model.label), plot).subtitle(format!(
            "{} — régression logistique sur tous les facteurs ensemble, n = {}",
            scope_name(entry),
            french::count(model.n)
        ));
    for note in &model.notes {
        spec = spec.caution(note.clone());
    }
    Some(spec)
}

/// What hovering a factor chart tells: the definition, the test, and each level's n and
/// shares with their Wilson intervals.
fn factor_hover(entry: &CohortEntry, table: &FactorTable) -> String {
    let mut lines = vec![table.definition.clone()];
    if let Some(test) = &table.test {
        lines.push(format!("Test : {}", test.text));
    }
    for row in &table.rows {
        let shares: Vec<String> = row
            .classes
            .iter()
            .zip(&entry.exit_classes)
            .map(|(c, class)| match (c.pct, c.interval) {
                (Some(p), Some((lo, hi))) => format!(
                    "{} {} [{} – {}]",
                    class.label,
                    french::percent(p, 1),
                    french::number(lo, 1),
                    french::number(hi, 1)
                ),
                _ => format!("{} s", class.label),
            })
            .collect();
        lines.push(format!(
            "{} (n = {}) : {}",
            row.label,
            french::count(row.n),
            shares.join(" ; ")
        ));
    }
    let note = table.withheld_note();
    if !note.is_empty() {
        lines.push(note);
    }
    lines.join("\n")
}

fn scope_name(entry: &CohortEntry) -> String {
    match &entry.name {
        Some(name) => name.clone(),
        None => format!("{} (national)", entry.network.label()),
    }
}

fn scope_key(entry: &CohortEntry) -> String {
    entry
        .id
        .clone()
        .unwrap_or_else(|| entry.network.id().to_owned())
}

/// Draws `spec` once per (scope, key, width) and shows it.
fn chart_ui(
    ui: &mut egui::Ui,
    textures: &mut Textures,
    entry: &CohortEntry,
    key: &str,
    spec: Option<ChartSpec>,
    hover: &str,
) {
    let width = ui.available_width().clamp(280.0, 900.0);
    let pixels_per_point = ui.ctx().pixels_per_point();
    let id = (scope_key(entry), key.to_owned(), width as u32);
    if !textures.contains_key(&id)
        && let Some(spec) = &spec
        && let Some(texture) = render(
            ui.ctx(),
            spec,
            &format!("{} {key}", id.0),
            width,
            pixels_per_point,
        )
    {
        textures.insert(id.clone(), texture);
    }
    match textures.get(&id) {
        Some(texture) => {
            let size = texture.size_vec2() / pixels_per_point;
            ui.add(egui::Image::new((texture.id(), size)))
                .on_hover_text(hover);
        }
        None => {
            ui.weak(
                "Rien à représenter (effectifs trop faibles ou facteur absent de l'extraction).",
            );
        }
    }
}

fn render(
    ctx: &egui::Context,
    spec: &ChartSpec,
    name: &str,
    width: f32,
    pixels_per_point: f32,
) -> Option<TextureHandle> {
    let scale = pixels_per_point.max(1.0);
    let width_px = (width * scale) as u32;
    let height_px = crate::charts::natural_height(spec, width_px, scale);
    let image = crate::charts::render_rgba(spec, width_px, height_px, scale).ok()?;
    let color = egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        &image.pixels,
    );
    Some(ctx.load_texture(name, color, egui::TextureOptions::LINEAR))
}

/// The exit classes of a scope (and of its network beside a site), definitions on hover.
fn classes_ui(ui: &mut egui::Ui, entry: &CohortEntry, national: Option<&CohortEntry>) {
    let definition = entry
        .indicator("exit_class_n")
        .map(|i| i.definition.clone())
        .unwrap_or_default();
    ui.strong("Classes de sortie en fin de phase 2")
        .on_hover_text(&definition);
    egui::Grid::new("cohort_exit_classes")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(if national.is_some() {
                "Site"
            } else {
                "Effectif"
            });
            if national.is_some() {
                ui.strong("Réseau (national)");
            }
            ui.end_row();
            let cell = |e: &CohortEntry, id: &str| {
                e.exit_class(id)
                    .map(|c| match (c.count, c.pct) {
                        (Some(n), Some(p)) => {
                            format!("{} ({})", french::count(n), french::percent(p, 1))
                        }
                        _ => "s".to_owned(),
                    })
                    .unwrap_or_default()
            };
            for class in &entry.exit_classes {
                ui.label(&class.label).on_hover_text(&definition);
                ui.label(cell(entry, &class.id));
                if let Some(national) = national {
                    ui.label(RichText::new(cell(national, &class.id)).weak());
                }
                ui.end_row();
            }
            for (id, label) in [
                ("exit_class_n", "Sorties classées (n)"),
                ("exit_class_excluded", "Situations « autres », écartées"),
                ("exit_class_unknown", "Situation non renseignée"),
            ] {
                let value = |e: &CohortEntry| {
                    e.indicator(id)
                        .and_then(|i| i.number())
                        .map(|v| french::count(v as u64))
                        .unwrap_or_default()
                };
                ui.label(label).on_hover_text(&definition);
                ui.label(value(entry));
                if let Some(national) = national {
                    ui.label(RichText::new(value(national)).weak());
                }
                ui.end_row();
            }
        });
}

/// The whole view for one scope.
pub fn factors_ui(
    ui: &mut egui::Ui,
    textures: &mut Textures,
    entry: &CohortEntry,
    national: Option<&CohortEntry>,
) {
    egui::ScrollArea::vertical()
        .id_salt("cohort_factors_scroll")
        .show(ui, |ui| {
            classes_ui(ui, entry, national);
            ui.add_space(10.0);
            ui.heading("Facteurs de réussite, un facteur à la fois");
            ui.weak(
                "Répartition des sorties classées entre les trois classes selon chaque facteur ; \
                 test d'indépendance sous chaque graphique, effectifs et intervalles de confiance \
                 à 95 % (Wilson) au survol.",
            );
            for table in &entry.factors {
                let hover = factor_hover(entry, table);
                let key = format!("factor {}", table.id);
                match national.and_then(|n| n.factor(&table.id).map(|t| (n, t))) {
                    Some((network, theirs)) => {
                        ui.columns(2, |columns| {
                            chart_ui(
                                &mut columns[0],
                                textures,
                                entry,
                                &key,
                                factor_spec(entry, table),
                                &hover,
                            );
                            chart_ui(
                                &mut columns[1],
                                textures,
                                network,
                                &key,
                                factor_spec(network, theirs),
                                &hover,
                            );
                        });
                    }
                    None => chart_ui(ui, textures, entry, &key, factor_spec(entry, table), &hover),
                }
                ui.add_space(8.0);
            }
            ui.add_space(10.0);
            ui.heading("Effets ajustés (ce que le rapport ne pouvait pas donner)");
            ui.weak(
                "Pour chaque classe, une régression logistique « être dans la classe plutôt que \
                 dans l'une des deux autres » sur tous les facteurs ensemble : un rapport des \
                 chances supérieur à 1 favorise la classe, à autres facteurs égaux, par rapport \
                 à la modalité de référence.",
            );
            for model in &entry.adjusted {
                let key = format!("forest {}", model.class);
                let hover = model.notes.join("\n");
                match national.and_then(|n| n.adjusted_for(&model.class).map(|m| (n, m))) {
                    Some((network, theirs)) => {
                        ui.columns(2, |columns| {
                            chart_ui(
                                &mut columns[0],
                                textures,
                                entry,
                                &key,
                                forest_spec(entry, model),
                                &hover,
                            );
                            chart_ui(
                                &mut columns[1],
                                textures,
                                network,
                                &key,
                                forest_spec(network, theirs),
                                &theirs.notes.join("\n"),
                            );
                        });
                    }
                    None => chart_ui(ui, textures, entry, &key, forest_spec(entry, model), &hover),
                }
                ui.add_space(8.0);
            }
        });
}
