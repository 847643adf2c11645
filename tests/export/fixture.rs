//! A monograph to export in tests: every kind of block, French text, and the hostile strings
//! that answers and notes can carry.

// Each test binary uses the parts it needs; a broken fixture may panic.
#![allow(dead_code, clippy::unwrap_used)]

use atelier::monograph::document::{Block, Document, Figure, Quote, Section, Table};

/// Strings a respondent or a note could hold that must never become markup.
pub const HOSTILE: [&str; 6] = [
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "</style><style>body{display:none}</style>",
    "[cliquez ici](javascript:alert(1))",
    "| colonne | cassée |",
    "<!-- commentaire --> & &amp; 'apostrophe'",
];

/// A PNG chart of `width` × `height`: bars on a faint grid, about as compressible as a real
/// chart; `seed` changes the bars, so that charts made with different seeds differ.
pub fn png_seeded(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let mut data = Vec::with_capacity((width * height * 3) as usize);
        for y in 0..height {
            for x in 0..width {
                let bar = (x / 40) % 3 == 0 && y > height / 3 + (x / 40 + seed) % 7 * height / 14;
                let value = if bar { 60 } else { 240 };
                data.extend_from_slice(&[value, value + (x % 16) as u8, 255 - (y % 32) as u8]);
            }
        }
        writer.write_image_data(&data).unwrap();
    }
    out
}

/// A PNG chart of `width` × `height`.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    png_seeded(width, height, 0)
}

/// A figure numbered `number`.
pub fn figure(number: usize, width: u32, height: u32) -> Figure {
    Figure {
        png: png_seeded(width, height, number as u32),
        size: (width, height),
        svg: None,
        caption: format!(
            "Figure {number} — Situation à la sortie du dispositif. Source : enquête jeunes ; n = 195"
        ),
        alt: format!("Diagramme en barres n° {number} : situation à la sortie"),
    }
}

/// The sample monograph, with `HOSTILE` strings in its text, quotes, tables, notes and captions.
pub fn sample() -> Document {
    let hostile = HOSTILE.join("\n");
    Document {
        title: "Monographie — Mission locale de Touraine".into(),
        subtitle: "Évaluation de l'ANI Jeunes · visite du 8 octobre 2013".into(),
        front_matter: vec![
            "Évaluation de l'Accord national interprofessionnel Jeunes".into(),
            "Données au 31 décembre 2013".into(),
        ],
        sections: vec![
            Section {
                level: 1,
                title: "Identité du site et de la visite".into(),
                blocks: vec![
                    Block::Text(
                        "La visite s'est déroulée sur deux jours.\nSix entretiens ont été menés.\n\n\
                         Le site couvre quatre antennes."
                            .into(),
                    ),
                    Block::Table(Table {
                        title: "Tableau 1 — Entrées dans le dispositif".into(),
                        header: vec!["Indicateur".into(), "Site".into(), "Réseau".into()],
                        rows: vec![
                            vec!["Jeunes entrés".into(), "195".into(), "2 480".into()],
                            vec!["Part de femmes".into(), "47,2 %".into(), "45,0 %".into()],
                            vec!["Sorties positives".into(), "n < 10".into()],
                        ],
                        notes: vec!["Source : extraction Parcours 3, 31 décembre 2013.".into()],
                    }),
                    Block::Note("Les effectifs inférieurs à 10 ne sont pas publiés.".into()),
                ],
            },
            Section {
                level: 2,
                title: "Contexte et partenariats".into(),
                blocks: vec![
                    Block::Quote(Quote {
                        text: "On a dû tout reconstruire avec les entreprises du bassin.".into(),
                        speaker: "Directrice".into(),
                        source: "Entretien avec la directrice, 8 octobre 2013".into(),
                        code: "partenariats".into(),
                    }),
                    Block::Figure(figure(1, 800, 500)),
                ],
            },
            Section {
                level: 1,
                title: format!("Parcours des jeunes {}", HOSTILE[0]),
                blocks: vec![
                    Block::Text(hostile.clone()),
                    Block::Quote(Quote {
                        text: hostile.clone(),
                        speaker: HOSTILE[1].into(),
                        source: HOSTILE[2].into(),
                        code: "parcours".into(),
                    }),
                    Block::Figure(Figure {
                        caption: format!("Figure 2 — {}", HOSTILE[0]),
                        alt: HOSTILE[1].into(),
                        ..figure(2, 600, 900)
                    }),
                    Block::Table(Table {
                        title: HOSTILE[2].into(),
                        header: vec![HOSTILE[4].into(), "Réponse\nlibre".into()],
                        rows: HOSTILE
                            .iter()
                            .map(|text| vec![text.to_string(), format!("{text}\nsuite")])
                            .collect(),
                        notes: vec![HOSTILE[3].into()],
                    }),
                    Block::Note(hostile),
                ],
            },
        ],
    }
}

/// A long monograph: `sections` sections of text, a quote, a table and a chart each, the charts
/// taken in turn from `charts` (ten sections make about fifteen pages).
pub fn long(sections: usize, charts: &[Figure]) -> Document {
    let paragraph =
        "Les conseillers décrivent un accompagnement renforcé fondé sur des entretiens \
        hebdomadaires, des ateliers collectifs et des mises en situation en entreprise. "
            .repeat(5);
    Document {
        title: "Monographie — Pôle emploi de Vannes".into(),
        subtitle: "Évaluation de l'ANI Jeunes".into(),
        front_matter: vec!["Données au 31 décembre 2013".into()],
        sections: (0..sections)
            .map(|index| Section {
                level: if index % 3 == 2 { 2 } else { 1 },
                title: format!("Section {} — l'accompagnement renforcé", index + 1),
                blocks: vec![
                    Block::Text(format!("{paragraph}\n\n{paragraph}\n\n{paragraph}")),
                    Block::Quote(Quote {
                        text: "Le suivi hebdomadaire a tout changé pour moi.".into(),
                        speaker: "Jeune, 22 ans".into(),
                        source: "Entretien collectif".into(),
                        code: "parcours".into(),
                    }),
                    Block::Figure(Figure {
                        caption: format!("Figure {} — Situation à la sortie ; n = 195", index + 1),
                        ..charts[index % charts.len()].clone()
                    }),
                    Block::Table(Table {
                        title: "Sorties".into(),
                        header: vec!["Situation".into(), "Site".into(), "Réseau".into()],
                        rows: (0..8)
                            .map(|row| {
                                vec![format!("Situation {row}"), "12,0 %".into(), "11,5 %".into()]
                            })
                            .collect(),
                        notes: vec!["Source : Parcours 3.".into()],
                    }),
                ],
            })
            .collect(),
    }
}
