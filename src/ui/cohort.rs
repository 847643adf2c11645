//! The Cohortes panel: indicators per network and per visited site, a site beside its
//! network, definitions on hover, breakdown charts drawn by the shared chart renderer.

use std::collections::HashMap;

use egui::{RichText, TextureHandle};

use crate::charts::{BarChart, ChartSpec};
use crate::cohort::{Breakdown, CohortEntry, CohortReport, french_number};
use crate::session::AppState;

/// What the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Scope {
    /// A network's national figures (index in `report.networks`).
    Network(usize),
    /// A visited site (index in `report.sites`).
    Site(usize),
}

/// What the Cohortes panel shows of a scope.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CohortView {
    /// Indicators and breakdowns.
    #[default]
    Indicators,
    /// The three classes of exit, success factors and adjusted effects.
    Factors,
}

impl CohortView {
    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            CohortView::Indicators => "Indicateurs",
            CohortView::Factors => "Facteurs de réussite",
        }
    }
}

/// View state of the Cohortes panel.
#[derive(Default)]
pub struct CohortPanel {
    scope: Option<Scope>,
    /// The tab shown, kept while the window is open.
    view: CohortView,
    /// Factor charts already drawn.
    factor_textures: super::cohort_factors::Textures,
    /// Breakdown charts already drawn, by (scope, breakdown, width): switching back is instant.
    textures: HashMap<(Scope, String, u32), TextureHandle>,
    /// The report the textures were drawn from.
    drawn_for: usize,
}

impl CohortPanel {
    /// A panel opening on `view`.
    pub fn with_view(view: CohortView) -> Self {
        CohortPanel {
            view,
            ..CohortPanel::default()
        }
    }

    /// Draw the panel. `computing` names the running computation, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, computing: Option<&str>) {
        let report = match &state.cohort {
            Some(Ok(report)) => report,
            Some(Err(message)) => {
                message_ui(ui, "Cohortes indisponibles", message);
                return;
            }
            None => {
                match computing {
                    Some(label) => {
                        ui.vertical_centered(|ui| {
                            ui.add_space(ui.available_height() * 0.3);
                            ui.spinner();
                            ui.label(label);
                        });
                    }
                    None => message_ui(
                        ui,
                        "Pas d'extraction de cohorte",
                        "Ouvrez une évaluation dont le manifeste (atelier.json) liste des extractions de cohorte.",
                    ),
                }
                return;
            }
        };
        let identity = std::sync::Arc::as_ptr(report) as usize;
        if self.drawn_for != identity {
            self.textures.clear();
            self.factor_textures.clear();
            self.drawn_for = identity;
            self.scope = None;
        }
        let scope = *self.scope.get_or_insert(if report.sites.is_empty() {
            Scope::Network(0)
        } else {
            Scope::Site(0)
        });
        egui::Panel::left("cohort_scopes")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                self.scope_list_ui(ui, report);
            });
        self.body_ui(ui, report, scope);
    }

    fn scope_list_ui(&mut self, ui: &mut egui::Ui, report: &CohortReport) {
        ui.add_space(4.0);
        ui.strong("National");
        for (i, network) in report.networks.iter().enumerate() {
            let selected = self.scope == Some(Scope::Network(i));
            if ui
                .selectable_label(selected, network.network.label())
                .clicked()
            {
                self.scope = Some(Scope::Network(i));
            }
        }
        ui.add_space(8.0);
        ui.strong("Sites visités");
        for (i, site) in report.sites.iter().enumerate() {
            let selected = self.scope == Some(Scope::Site(i));
            let name = site.name.as_deref().unwrap_or_default();
            let own = site.indicator("positive_exit_rate");
            let common = site.indicator("positive_exit_rate_common");
            let hover = [own, common]
                .iter()
                .flatten()
                .map(|i| format!("{} : {}", i.label, i.definition))
                .collect::<Vec<_>>()
                .join("\n\n");
            if ui
                .selectable_label(selected, format!("{name} ({})", site.network.id()))
                .on_hover_text(&hover)
                .clicked()
            {
                self.scope = Some(Scope::Site(i));
            }
            ui.label(
                RichText::new(crate::cohort::comparable_rates(site))
                    .small()
                    .weak(),
            )
            .on_hover_text(&hover);
        }
        if !report.warnings.is_empty() {
            ui.add_space(8.0);
            egui::CollapsingHeader::new(format!("{} avertissement(s)", report.warnings.len()))
                .id_salt("cohort_warnings")
                .show(ui, |ui| {
                    for w in report.warnings.iter().take(50) {
                        let row = w.row.map(|r| format!("ligne {r} : ")).unwrap_or_default();
                        ui.label(RichText::new(format!("{row}{}", w.message)).small());
                    }
                });
        }
    }

    fn body_ui(&mut self, ui: &mut egui::Ui, report: &CohortReport, scope: Scope) {
        let (entry, national) = match scope {
            Scope::Network(i) => match report.networks.get(i) {
                Some(n) => (n, None),
                None => return,
            },
            Scope::Site(i) => match report.sites.get(i) {
                Some(site) => (site, report.network(site.network)),
                None => return,
            },
        };
        let title = match (&entry.name, national) {
            (Some(name), Some(_)) => format!("{name} — {}", entry.network.label()),
            _ => format!("{} — ensemble national", entry.network.label()),
        };
        ui.horizontal(|ui| {
            ui.heading(title);
            ui.add_space(16.0);
            for view in [CohortView::Indicators, CohortView::Factors] {
                if ui
                    .selectable_label(self.view == view, view.label())
                    .clicked()
                {
                    self.view = view;
                }
            }
        });
        for source in report.sources.iter().filter(|s| s.network == entry.network) {
            ui.weak(format!(
                "{} : {} fiches, dont {} aux dates valides{}",
                source.file,
                french_number(crate::cohort::Value::Count(source.records), ""),
                french_number(crate::cohort::Value::Count(source.usable), ""),
                source
                    .horizon
                    .as_ref()
                    .map(|h| format!(" · extraction du {h}"))
                    .unwrap_or_default()
            ));
        }
        ui.add_space(6.0);
        if self.view == CohortView::Factors {
            super::cohort_factors::factors_ui(ui, &mut self.factor_textures, entry, national);
            return;
        }
        egui::Panel::left("cohort_indicator_table")
            .resizable(true)
            .default_size(600.0)
            .min_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("cohort_indicators_scroll")
                    .show(ui, |ui| {
                        indicators_ui(ui, entry, national);
                    });
            });
        egui::ScrollArea::vertical()
            .id_salt("cohort_charts_scroll")
            .show(ui, |ui| {
                ui.strong("Répartitions");
                let width = ui.available_width().clamp(320.0, 900.0);
                let pixels_per_point = ui.ctx().pixels_per_point();
                for breakdown in &entry.breakdowns {
                    let compare = national.and_then(|n| n.breakdown(&breakdown.id));
                    let key = (scope, breakdown.id.clone(), width as u32);
                    if !self.textures.contains_key(&key)
                        && let Some(texture) = breakdown_texture(
                            ui.ctx(),
                            entry,
                            breakdown,
                            compare,
                            width,
                            pixels_per_point,
                        )
                    {
                        self.textures.insert(key.clone(), texture);
                    }
                    match self.textures.get(&key) {
                        Some(texture) => {
                            let size = texture.size_vec2() / pixels_per_point;
                            ui.add(egui::Image::new((texture.id(), size)))
                                .on_hover_text(format!(
                                    "{} · n = {}",
                                    breakdown.label, breakdown.n
                                ));
                        }
                        None => {
                            ui.label(format!("{} : graphique indisponible", breakdown.label));
                        }
                    }
                    ui.add_space(8.0);
                }
            });
    }
}

fn message_ui(ui: &mut egui::Ui, title: &str, text: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading(title);
        ui.label(text);
    });
}

/// The indicator table: one row per indicator, the site's value beside its network's,
/// each definition on hover.
fn indicators_ui(ui: &mut egui::Ui, entry: &CohortEntry, national: Option<&CohortEntry>) {
    egui::Grid::new("cohort_indicators")
        .striped(true)
        .num_columns(3)
        .min_col_width(90.0)
        .show(ui, |ui| {
            ui.strong("Indicateur");
            ui.strong(if national.is_some() { "Site" } else { "Valeur" });
            if national.is_some() {
                ui.strong("Réseau (national)");
            }
            ui.end_row();
            for indicator in &entry.indicators {
                ui.label(&indicator.label)
                    .on_hover_text(&indicator.definition);
                let value = |i: &crate::cohort::Indicator| {
                    i.value
                        .map(|v| {
                            let unit = if i.unit == "jeunes" {
                                ""
                            } else {
                                i.unit.as_str()
                            };
                            let number = french_number(v, &i.unit);
                            if unit.is_empty() {
                                number
                            } else if unit == "%" {
                                format!("{number} %")
                            } else {
                                format!("{number} {unit}")
                            }
                        })
                        .unwrap_or_else(|| "–".to_owned())
                };
                ui.label(value(indicator))
                    .on_hover_text(&indicator.definition);
                if let Some(national) = national {
                    let other = national
                        .indicator(&indicator.id)
                        .map(value)
                        .unwrap_or_else(|| "–".to_owned());
                    ui.label(RichText::new(other).weak());
                }
                ui.end_row();
            }
        });
}

/// Draw a breakdown (site beside its network when given) with the chart renderer and upload
/// it as a texture.
fn breakdown_texture(
    ctx: &egui::Context,
    entry: &CohortEntry,
    breakdown: &Breakdown,
    national: Option<&Breakdown>,
    width: f32,
    pixels_per_point: f32,
) -> Option<TextureHandle> {
    let rows: Vec<&crate::cohort::Row> =
        breakdown.rows.iter().filter(|r| r.pct.is_some()).collect();
    if rows.is_empty() {
        return None;
    }
    let categories: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let own: Vec<f64> = rows.iter().map(|r| r.pct.unwrap_or(0.0)).collect();
    let name = entry
        .name
        .clone()
        .unwrap_or_else(|| entry.network.label().to_owned());
    let mut chart = BarChart::new(categories.clone())
        .denominator(crate::charts::Denominator::CohortKnown)
        .series_pct(name, breakdown.n, &own);
    if let Some(national) = national {
        let theirs: Vec<f64> = categories
            .iter()
            .map(|c| national.row(c).and_then(|r| r.pct).unwrap_or(0.0))
            .collect();
        chart = chart.series_pct(
            format!("{} (national)", entry.network.label()),
            national.n,
            &theirs,
        );
    }
    let spec = ChartSpec::new(breakdown.label.clone(), chart);
    let scale = pixels_per_point.max(1.0);
    let width_px = (width * scale) as u32;
    let height_px = crate::charts::natural_height(&spec, width_px, scale);
    let image = crate::charts::render_rgba(&spec, width_px, height_px, scale).ok()?;
    let color = egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        &image.pixels,
    );
    Some(ctx.load_texture(
        format!("cohort {} {}", name_of(entry), breakdown.id),
        color,
        egui::TextureOptions::LINEAR,
    ))
}

fn name_of(entry: &CohortEntry) -> String {
    entry
        .id
        .clone()
        .unwrap_or_else(|| entry.network.id().to_owned())
}
