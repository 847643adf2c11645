//! Charts as an evaluator gets them: every kind renders to PNG and SVG, the SVG keeps its
//! texts, diverging bars put favourable answers right of zero, long labels wrap without
//! losing a word, and a suppressed cell never shows its number.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use atelier::charts::{
    BarChart, BoxPlot, BoxStats, ChartSpec, DivergingChart, ForestPlot, HeatColumn, HeatMap,
    Histogram, SegmentSide, diverging_item_order, diverging_layout, file_scale, natural_height,
    render_png, render_rgba, render_svg, write_svg,
};

const SCALE: [&str; 4] = [
    "Très pertinent",
    "Plutôt pertinent",
    "Plutôt pas pertinent",
    "Pas du tout pertinent",
];
const ITEMS: [&str; 3] = [
    "Les éléments de reporting",
    "La fréquence des entretiens",
    "Les ateliers collectifs",
];
const LONG_LABEL: &str = "Les modalités d'accompagnement renforcé proposées aux jeunes \
                          décrocheurs sans qualification dans le cadre du dispositif national";

/// The counsellors' relevance battery: Missions locales n = 195, Pôle emploi n = 274.
fn relevance_battery() -> DivergingChart {
    // Counts per scale point, then « Ne sait pas »; each row adds up to its group's n.
    let ml: [([u64; 4], u64); 3] = [
        ([22, 71, 62, 28], 12),
        ([74, 89, 21, 6], 5),
        ([95, 70, 14, 4], 12),
    ];
    let pe: [([u64; 4], u64); 3] = [
        ([41, 120, 71, 22], 20),
        ([60, 132, 55, 17], 10),
        ([38, 91, 73, 41], 31),
    ];
    let mut chart = DivergingChart::new(SCALE).non_substantive(["Ne sait pas"]);
    for (i, item) in ITEMS.iter().enumerate() {
        chart = chart
            .group_item(*item, "Missions locales", &ml[i].0, &[ml[i].1])
            .group_item(*item, "Pôle emploi", &pe[i].0, &[pe[i].1]);
    }
    chart
}

fn diverging_spec() -> ChartSpec {
    ChartSpec::new(
        "Pertinence des outils de l'accompagnement selon les conseillers",
        relevance_battery().sorted_by_favourability(),
    )
    .subtitle("Comment jugez-vous la pertinence des éléments suivants du dispositif ANI Jeunes ?")
    .source("Source : questionnaire conseillers (Missions locales n = 195, Pôle emploi n = 274), mars 2013.")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atelier-charts-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Decodes a PNG: (width, height, RGB or RGBA bytes, bytes per pixel).
fn decode_png(path: &Path) -> (u32, u32, Vec<u8>, usize) {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut reader = png::Decoder::new(file).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let bpp = info.color_type.samples();
    (info.width, info.height, buf, bpp)
}

/// The PNG has the requested size, many colours and a good share of drawn pixels.
fn assert_png_drawn(path: &Path, width: u32, height: u32) {
    let (w, h, buf, bpp) = decode_png(path);
    assert_eq!((w, h), (width, height), "{}", path.display());
    let mut colours = HashSet::new();
    let mut inked = 0usize;
    for px in buf.chunks_exact(bpp) {
        colours.insert((px[0], px[1], px[2]));
        if px[..3] != [255, 255, 255] {
            inked += 1;
        }
    }
    let total = (w * h) as usize;
    assert!(
        colours.len() > 20,
        "{}: only {} colours",
        path.display(),
        colours.len()
    );
    assert!(
        inked * 50 > total,
        "{}: {inked} of {total} pixels drawn",
        path.display()
    );
}

/// Every text node of an SVG, unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</text>") else {
            break;
        };
        let raw = rest[open_end + 1..close].trim();
        out.push(
            raw.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&"),
        );
        rest = &rest[close + 7..];
    }
    out
}

fn svg_words(svg: &str) -> HashSet<String> {
    svg_texts(svg)
        .iter()
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// Renders to PNG (print size) and SVG, checks the PNG, returns the SVG text.
fn render_both(spec: &ChartSpec, name: &str) -> String {
    let dir = temp_dir(name);
    let png = dir.join(format!("{name}.png"));
    render_png(spec, &png, 2400, 1400).unwrap();
    assert_png_drawn(&png, 2400, 1400);
    let svg_path = dir.join(format!("{name}.svg"));
    write_svg(spec, &svg_path, 1200, 700).unwrap();
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg"), "{name}: not an SVG");
    let _ = std::fs::remove_dir_all(&dir);
    svg
}

#[test]
fn diverging_chart_renders_with_groups_items_and_n() {
    let spec = diverging_spec();
    let svg = render_both(&spec, "diverging");
    let texts = svg_texts(&svg);
    let joined = texts.join("\n");
    for needle in [
        "Missions locales",
        "Pôle emploi",
        "n = 195",
        "n = 274",
        "Ne sait pas",
    ] {
        assert!(joined.contains(needle), "SVG lacks « {needle} »");
    }
    let words = svg_words(&svg);
    for item in ITEMS {
        for word in item.split_whitespace() {
            assert!(words.contains(word), "SVG lacks « {word} » of « {item} »");
        }
    }
    // Legend in scale order.
    for point in SCALE {
        assert!(texts.iter().any(|t| t == point), "legend lacks « {point} »");
    }
}

#[test]
#[ignore = "writes a preview for a human look: cargo test --test charts -- --ignored"]
fn diverging_preview_for_review() {
    let spec = diverging_spec();
    let height = natural_height(&spec, 2400, file_scale(2400) as f32);
    let path = std::env::temp_dir().join("atelier-diverging.png");
    render_png(&spec, &path, 2400, height).unwrap();
    assert_png_drawn(&path, 2400, height);
    let dir = std::env::temp_dir().join("atelier-charts-preview");
    std::fs::create_dir_all(&dir).unwrap();
    write_svg(&spec, &dir.join("diverging.svg"), 1200, 700).unwrap();
    let specs = [
        ("stacked-groups", stacked_groups_spec()),
        ("long-label", long_label_spec()),
        ("grouped-bars", grouped_bars_spec()),
        ("stacked-bars", stacked_bars_spec()),
        ("histogram", histogram_spec()),
        ("boxplot", boxplot_spec()),
        ("heatmap", heatmap_spec()),
        (
            "secret-likert",
            ChartSpec::new("Cases masquées", secret_battery()),
        ),
    ];
    for (name, spec) in specs {
        let img = render_rgba(&spec, 1200, natural_height(&spec, 1200, 1.0), 1.0).unwrap();
        let file = std::fs::File::create(dir.join(format!("{name}.png"))).unwrap();
        let mut encoder = png::Encoder::new(file, img.width, img.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder
            .write_header()
            .unwrap()
            .write_image_data(&img.pixels)
            .unwrap();
    }
}

#[test]
fn natural_height_grows_with_the_rows() {
    let few = diverging_spec();
    let many = (0..30).fold(DivergingChart::new(SCALE), |c, i| {
        c.item(
            format!("Item numéro {i} de la batterie"),
            &[5, 5, 5, 5],
            &[],
        )
    });
    let many = ChartSpec::new("Beaucoup d'items", many);
    let (h_few, h_many) = (
        natural_height(&few, 1200, 1.0),
        natural_height(&many, 1200, 1.0),
    );
    assert!((250..700).contains(&h_few), "{h_few}");
    assert!(h_many > 2 * h_few, "{h_many} vs {h_few}");
    // Twice the pixels per point, twice the height.
    let h_print = natural_height(&few, 2400, 2.0);
    assert!(h_print.abs_diff(2 * h_few) <= 4, "{h_print} vs {h_few}");
}

#[test]
fn favourable_answers_are_right_of_zero_and_unfavourable_left() {
    let chart = relevance_battery();
    let segments = diverging_layout(&chart);
    assert_eq!(segments.len(), chart.rows.len() * 5);
    for s in &segments {
        assert!(s.x1 >= s.x0);
        match s.side {
            SegmentSide::Favourable => {
                assert!(s.category < 2 && s.x0 >= 0.0, "{s:?}");
            }
            SegmentSide::Unfavourable => {
                assert!(s.category >= 2 && s.category < 4 && s.x1 <= 0.0, "{s:?}");
            }
            SegmentSide::NonSubstantive => assert_eq!(s.category, 4),
            SegmentSide::Neutral => panic!("a four-point scale has no neutral middle"),
        }
    }
    // « Très pertinent » is the outermost segment on the right, « Pas du tout » on the left.
    for row in 0..chart.rows.len() {
        let of_row: Vec<_> = segments.iter().filter(|s| s.row == row).collect();
        let right = of_row.iter().max_by(|a, b| a.x1.total_cmp(&b.x1)).unwrap();
        let left = of_row
            .iter()
            .filter(|s| s.side != SegmentSide::NonSubstantive)
            .min_by(|a, b| a.x0.total_cmp(&b.x0))
            .unwrap();
        assert_eq!((right.category, left.category), (0, 3));
        // Percentages are of everyone who answered the item, « Ne sait pas » included.
        let total: f64 = of_row.iter().map(|s| s.pct()).sum();
        assert!((total - 100.0).abs() < 1e-9, "row {row}: {total}");
    }
    // Missions locales, « La fréquence des entretiens »: 74 + 89 favourable of 195.
    let row = chart
        .rows
        .iter()
        .position(|r| r.item == ITEMS[1] && r.group.as_deref() == Some("Missions locales"))
        .unwrap();
    let right_end = segments
        .iter()
        .filter(|s| s.row == row && s.side == SegmentSide::Favourable)
        .map(|s| s.x1)
        .fold(0.0, f64::max);
    assert!((right_end - 163.0 * 100.0 / 195.0).abs() < 1e-9);
}

#[test]
fn neutral_middle_is_centred_on_zero() {
    let chart = DivergingChart::new([
        "Très satisfait",
        "Plutôt satisfait",
        "Ni satisfait ni insatisfait",
        "Plutôt insatisfait",
        "Très insatisfait",
    ])
    .item("Accueil", &[30, 40, 20, 7, 3], &[])
    .item("Suivi", &[10, 25, 35, 20, 10], &[]);
    for s in diverging_layout(&chart) {
        if s.side == SegmentSide::Neutral {
            assert_eq!(s.category, 2);
            assert!(s.x0 < 0.0 && (s.x0 + s.x1).abs() < 1e-9, "{s:?}");
        }
    }
    let svg = render_both(&ChartSpec::new("Satisfaction", chart), "neutral");
    assert!(
        svg_texts(&svg)
            .iter()
            .any(|t| t == "Ni satisfait ni insatisfait")
    );
}

#[test]
fn items_sort_by_favourability() {
    let chart = relevance_battery().sorted_by_favourability();
    // Ateliers (ML 84 %, PE 47 %) and entretiens (ML 84 %, PE 70 %) lead reporting.
    assert_eq!(diverging_item_order(&chart), vec![1, 2, 0]);
}

fn stacked_groups_spec() -> ChartSpec {
    let chart = DivergingChart::new(SCALE)
        .non_substantive(["Ne sait pas"])
        .group_item(ITEMS[0], "Missions locales", &[5, 8, 3, 1], &[1])
        .group_item(ITEMS[0], "Pôle emploi", &[41, 120, 71, 22], &[20])
        .stacked_groups();
    ChartSpec::new("Groupes empilés", chart)
}

#[test]
fn stacked_groups_and_small_groups_carry_a_caution() {
    let svg = render_both(&stacked_groups_spec(), "stacked");
    let joined = svg_texts(&svg).join("\n");
    assert!(joined.contains("n = 18*"), "small group lacks its asterisk");
    assert!(
        joined.contains("Effectif inférieur à 30"),
        "no caution line"
    );
    assert!(joined.contains("Missions locales") && joined.contains("Pôle emploi"));
}

fn long_label_spec() -> ChartSpec {
    let chart = DivergingChart::new(SCALE)
        .non_substantive(["Ne sait pas"])
        .item(LONG_LABEL, &[40, 30, 20, 10], &[5])
        .item(ITEMS[0], &[20, 30, 30, 20], &[0]);
    ChartSpec::new("Libellé long", chart)
}

#[test]
fn long_labels_wrap_without_losing_a_word() {
    assert!(LONG_LABEL.len() >= 120);
    let svg = render_both(&long_label_spec(), "long");
    let texts = svg_texts(&svg);
    assert!(
        !texts.iter().any(|t| t == LONG_LABEL),
        "the long label was not wrapped"
    );
    let words = svg_words(&svg);
    for word in LONG_LABEL.split_whitespace() {
        assert!(words.contains(word), "« {word} » was cut or lost");
    }
}

fn grouped_bars_spec() -> ChartSpec {
    let bars = BarChart::new([
        "Un emploi durable (CDI ou CDD de plus de six mois)",
        "Un emploi de courte durée",
        "Une formation qualifiante",
        "Aucune solution",
    ])
    .series_counts("Missions locales", 195, &[58, 41, 33, 63])
    .intervals(&[(23.6, 36.4), (15.3, 26.7), (12.0, 22.6), (25.8, 39.1)])
    .series_counts("Pôle emploi", 274, &[96, 52, 38, 88])
    .multiple_choice();
    ChartSpec::new("Situation à la sortie", bars)
        .subtitle("Quelle était la situation du jeune à la sortie de l'accompagnement ?")
}

#[test]
fn grouped_bars_state_their_denominator_and_intervals() {
    let svg = render_both(&grouped_bars_spec(), "grouped");
    let joined = svg_texts(&svg).join("\n");
    assert!(joined.contains("% des répondants à la question"));
    assert!(joined.contains("Missions locales (n = 195)"));
    assert!(joined.contains("intervalle de confiance à 95 %"));
}

fn stacked_bars_spec() -> ChartSpec {
    let bars = BarChart::new(["Moins de 6 mois", "6 à 12 mois", "Plus d'un an"])
        .series_counts("Missions locales", 195, &[60, 85, 50])
        .series_counts("Pôle emploi", 274, &[120, 100, 54])
        .stacked();
    ChartSpec::new("Ancienneté dans le dispositif", bars)
}

#[test]
fn stacked_bars_show_n_per_bar() {
    let svg = render_both(&stacked_bars_spec(), "stackedbars");
    let joined = svg_texts(&svg).join("\n");
    assert!(joined.contains("n = 195") && joined.contains("n = 274"));
}

fn histogram_spec() -> ChartSpec {
    let hist = Histogram::from_edges(
        "Âge à l'entrée (années)",
        &[16.0, 18.0, 20.0, 22.0, 24.0, 26.0],
        &[21, 58, 64, 44, 24],
    )
    .with_centre(Some(21.3), Some(21.0));
    ChartSpec::new("Âge des jeunes accompagnés", hist)
}

fn boxplot_spec() -> ChartSpec {
    let stats = |label: &str, n, (low, q1, median, q3, high)| BoxStats {
        label: label.to_string(),
        n,
        low,
        q1,
        median,
        q3,
        high,
        mean: Some((q1 + q3) / 2.0 + 0.3),
        outliers: vec![high + 4.0],
    };
    let boxes = BoxPlot::new("Durée d'accompagnement (mois)")
        .push(stats("Missions locales", 195, (1.0, 4.0, 7.0, 11.0, 20.0)))
        .push(stats("Pôle emploi", 274, (1.0, 3.0, 5.0, 8.0, 15.0)));
    ChartSpec::new("Durée d'accompagnement", boxes)
}

#[test]
fn histogram_and_box_plot_render() {
    let svg = render_both(&histogram_spec(), "histogram");
    let joined = svg_texts(&svg).join("\n");
    assert!(joined.contains("n = 211") && joined.contains("Moyenne : 21,3"));
    let svg = render_both(&boxplot_spec(), "boxplot");
    assert!(svg_texts(&svg).join("\n").contains("n = 274"));
}

fn heatmap_spec() -> ChartSpec {
    let columns = vec![
        HeatColumn::new("Missions locales", Some(195)),
        HeatColumn::new("Pôle emploi", Some(274)),
        HeatColumn::new("Employeurs", Some(40)),
    ];
    let map = HeatMap::from_counts(
        [
            "Accompagnement renforcé",
            "Relation avec l'employeur",
            "Mobilité et logement",
        ],
        columns,
        &[vec![48, 61, 12], vec![17, 25, 3], vec![33, 29, 9]],
    )
    .suppress(1, 2);
    ChartSpec::new("Thèmes codés par réseau", map)
}

#[test]
fn suppressed_heat_map_cell_hides_its_number() {
    let svg = render_both(&heatmap_spec(), "heatmap");
    let texts = svg_texts(&svg);
    assert!(
        !texts.iter().any(|t| t == "3"),
        "the suppressed count is visible"
    );
    assert!(
        texts.iter().any(|t| t == "s"),
        "the suppressed cell lacks its « s »"
    );
    assert!(
        texts.iter().any(|t| t == "61"),
        "an ordinary cell lost its value"
    );
    assert!(texts.join("\n").contains("secret statistique"));
}

/// A battery as disclosure control leaves it (threshold 5). « Accueil », n = 100: 3 « Très
/// pertinent » and 2 « Plutôt pas pertinent » hidden. « Suivi », n = 96: its 4 « Ne sait
/// pas » hidden, and with them its n.
fn secret_battery() -> DivergingChart {
    DivergingChart::new(SCALE)
        .non_substantive(["Ne sait pas"])
        .item("Accueil", &[3, 60, 2, 30], &[5])
        .item("Suivi", &[40, 20, 15, 17], &[4])
        .suppress(0, 0)
        .suppress(0, 2)
        .suppress(1, 4)
        .suppress_n(1)
        .disclosure_threshold(5)
}

#[test]
fn secret_likert_cells_read_s_and_never_their_share() {
    let spec = ChartSpec::new("Pertinence, petit site", secret_battery());
    let svg = render_both(&spec, "secret-likert");
    let texts = svg_texts(&svg);
    let has = |t: &str| texts.iter().any(|x| x == t);
    assert!(has("s"), "no « s » on the hidden cells: {texts:?}");
    // 3 % and 2 % hidden in « Accueil », 4 % « Ne sait pas » in « Suivi », nor its n.
    for hidden in ["3", "2", "4", "n = 96"] {
        assert!(!has(hidden), "« {hidden} » is visible: {texts:?}");
    }
    // « 5 » once: the « Ne sait pas » of « Accueil », not the 3 + 2 % merged block.
    assert_eq!(texts.iter().filter(|t| *t == "5").count(), 1, "{texts:?}");
    // What the tables publish is still drawn.
    for shown in ["60", "30", "42", "21", "16", "18", "n = 100", "n = s"] {
        assert!(has(shown), "« {shown} » is missing: {texts:?}");
    }
    let joined = texts.join("\n");
    assert!(
        joined.contains("s : secret statistique (moins de 5 répondants"),
        "the « s » is not explained: {joined}"
    );
}

#[test]
fn hidden_cells_merge_into_one_block_of_their_combined_width() {
    let chart = secret_battery();
    let segments = diverging_layout(&chart);
    let accueil: Vec<_> = segments.iter().filter(|s| s.row == 0).collect();
    // A hidden cell has no segment of its own.
    for hidden in [0, 2] {
        assert!(
            !accueil
                .iter()
                .any(|s| s.category == hidden && !s.suppressed),
            "{accueil:?}"
        );
    }
    let blocks: Vec<_> = accueil
        .iter()
        .filter(|s| s.suppressed && s.side != SegmentSide::NonSubstantive)
        .collect();
    assert_eq!(
        blocks.len(),
        1,
        "one block for the hidden cells: {accueil:?}"
    );
    let block = blocks[0];
    assert!((block.pct() - 5.0).abs() < 1e-9, "3 % + 2 %: {block:?}");
    assert_eq!(block.count, 0, "a block carries no count");
    // The shown segments and the block tile the bar without gap nor overlap.
    let mut scale: Vec<_> = accueil
        .iter()
        .filter(|s| s.side != SegmentSide::NonSubstantive)
        .collect();
    scale.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    for pair in scale.windows(2) {
        assert!((pair[0].x1 - pair[1].x0).abs() < 1e-9, "{pair:?}");
    }
    let width = scale.last().unwrap().x1 - scale[0].x0;
    assert!((width - 95.0).abs() < 1e-9, "{width}");
    // Mixed sides: the block sits at the outer end of the favourable side.
    assert_eq!(block.side, SegmentSide::Favourable);
    assert!(block.x0 >= 0.0 && (block.x1 - scale.last().unwrap().x1).abs() < 1e-9);

    // « Suivi »: every « Ne sait pas » hidden, so the separate bar says nothing of its size.
    let suivi_ns: Vec<_> = segments
        .iter()
        .filter(|s| s.row == 1 && s.side == SegmentSide::NonSubstantive)
        .collect();
    assert_eq!(suivi_ns.len(), 1);
    assert!(
        suivi_ns[0].suppressed && suivi_ns[0].pct() == 0.0,
        "{suivi_ns:?}"
    );

    // Hidden unfavourable cells go to the outer left end, with their combined width.
    let left = DivergingChart::new(SCALE)
        .item("A", &[40, 40, 3, 2], &[])
        .suppress(0, 2)
        .suppress(0, 3);
    let segs = diverging_layout(&left);
    let block = segs.iter().find(|s| s.suppressed).unwrap();
    assert_eq!(block.side, SegmentSide::Unfavourable);
    assert!(
        (block.x0 + 100.0 * 5.0 / 85.0).abs() < 1e-9 && block.x1 == 0.0,
        "{block:?}"
    );
}

#[test]
fn item_order_ignores_hidden_cells() {
    // Counting hidden « Très pertinent » answers, B would lead; shown ones put A first.
    let chart = DivergingChart::new(SCALE)
        .item("A", &[0, 60, 20, 20], &[])
        .item("B", &[4, 57, 2, 37], &[])
        .suppress(1, 0)
        .suppress(1, 2)
        .sorted_by_favourability();
    assert_eq!(diverging_item_order(&chart), vec![0, 1]);
}

#[test]
fn secret_grouped_bars_are_stubs_without_value_nor_whisker() {
    let bars = BarChart::new(["Emploi durable", "Formation", "Aucune solution"])
        .series_pct("Lille", 60, &[6.0, 88.0, 6.0])
        .intervals(&[(2.6, 16.0), (77.6, 94.2), (2.6, 16.0)])
        .series_counts("Roubaix", 200, &[60, 100, 40])
        .suppress(0, 1)
        .suppress(0, 2)
        .disclosure_threshold(5);
    let svg = render_both(&ChartSpec::new("Situation", bars), "secret-bars");
    let texts = svg_texts(&svg);
    let has = |t: &str| texts.iter().any(|x| x == t);
    assert!(has("6") && has("50") && has("s"), "{texts:?}");
    assert!(!has("88"), "a hidden share is visible: {texts:?}");
    // The hidden 88 % must not stretch the axis either: its end would bound it.
    assert!(!texts.iter().any(|t| t.starts_with("100")), "{texts:?}");
    assert!(texts.join("\n").contains("secret statistique"));
}

#[test]
fn secret_stacked_bars_merge_and_hide_n() {
    let bars = BarChart::new(["Moins de 6 mois", "6 à 12 mois", "Plus d'un an"])
        .series_counts("Lille", 40, &[33, 3, 4])
        .series_counts("Roubaix", 50, &[20, 20, 10])
        .suppress(0, 1)
        .suppress(0, 2)
        .suppress_n(1)
        .stacked();
    let svg = render_both(&ChartSpec::new("Ancienneté", bars), "secret-stacked");
    let texts = svg_texts(&svg);
    let has = |t: &str| texts.iter().any(|x| x == t);
    assert!(
        has("82") && has("s") && has("n = 40") && has("n = s"),
        "{texts:?}"
    );
    assert!(!has("8") && !has("10") && !has("n = 50"), "{texts:?}");
}

#[test]
fn screen_buffer_is_rgba_of_the_requested_size() {
    let img = render_rgba(&diverging_spec(), 1200, 700, 1.0).unwrap();
    assert_eq!((img.width, img.height), (1200, 700));
    assert_eq!(img.pixels.len(), 1200 * 700 * 4);
    assert!(img.pixels.chunks_exact(4).all(|p| p[3] == 255));
    let hidpi = render_rgba(&diverging_spec(), 2400, 1400, 2.0).unwrap();
    assert_eq!(hidpi.pixels.len(), 2400 * 1400 * 4);
}

#[test]
fn bad_specs_and_sizes_are_errors_not_panics() {
    let bad = ChartSpec::new("Erreur", DivergingChart::new(SCALE).item("A", &[1, 2], &[]));
    assert!(render_svg(&bad, 800, 600).is_err());
    assert!(render_rgba(&diverging_spec(), 10, 10, 1.0).is_err());
    let many = (0..40).fold(DivergingChart::new(SCALE), |c, i| {
        c.item(
            format!("Item numéro {i} de la batterie"),
            &[5, 5, 5, 5],
            &[],
        )
    });
    // Too many rows for the height: drawn smaller, not refused.
    assert!(render_rgba(&ChartSpec::new("Beaucoup d'items", many), 800, 400, 1.0).is_ok());
}

#[test]
#[ignore = "timing; meaningful in release: cargo test --release --test charts -- --ignored quickly"]
fn diverging_renders_quickly_enough_for_the_screen() {
    // Ten items × two groups at 1200 × 700, as the charts panel shows them.
    let mut chart = DivergingChart::new(SCALE).non_substantive(["Ne sait pas"]);
    for i in 0..10 {
        let item = format!("Élément numéro {i} de la batterie de pertinence");
        chart = chart
            .group_item(item.clone(), "Missions locales", &[50, 80, 40, 15], &[10])
            .group_item(item, "Pôle emploi", &[60, 110, 70, 20], &[14]);
    }
    let spec = ChartSpec::new("Dix items, deux groupes", chart);
    render_rgba(&spec, 1200, 700, 1.0).unwrap();
    let runs = 10;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        render_rgba(&spec, 1200, 700, 1.0).unwrap();
    }
    let per_chart = start.elapsed() / runs;
    println!("diverging 10 × 2 at 1200 × 700: {per_chart:?}");
    if !cfg!(debug_assertions) {
        assert!(per_chart.as_millis() < 50, "{per_chart:?}");
    }
}

/// Odds ratios of a success-factor model, as Cohortes draws them.
fn forest_spec() -> ChartSpec {
    let plot = ForestPlot::new("Rapport des chances", 1.0)
        .heading("Niveau de formation")
        .note("Niveau IV", "référence")
        .estimate("Niveau III", 1.58, 1.48, 1.69)
        .estimate("Niveau V", 0.63, 0.59, 0.68)
        .heading("Résidence en ZUS")
        .note("Hors ZUS", "référence")
        .estimate("En ZUS", 0.81, 0.73, 0.89)
        .note("Non renseigné", "non estimable");
    ChartSpec::new("« Emploi durable » : effets ajustés", plot)
        .subtitle("Pôle emploi (national) — régression logistique, n = 20 888")
}

#[test]
fn a_forest_plot_draws_each_odds_ratio_with_its_interval() {
    let svg = render_both(&forest_spec(), "forest");
    let texts = svg_texts(&svg);
    for expected in [
        "Niveau de formation",
        "Niveau III",
        "1,58 [1,48 – 1,69]",
        "0,63 [0,59 – 0,68]",
        "référence",
        "non estimable",
        "Rapport des chances",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
    // A logarithmic axis with no effect at 1.
    assert!(texts.iter().any(|t| t == "1,00"), "{texts:?}");
    let bad = ForestPlot::new("Rapport des chances", 1.0).estimate("x", 2.0, 3.0, 4.0);
    assert!(ChartSpec::new("T", bad).validate().is_err());
}

#[test]
#[ignore = "writes a PNG for a person to look at"]
fn forest_preview_for_review() {
    render_png(
        &forest_spec(),
        Path::new("/tmp/forest-preview.png"),
        1200,
        600,
    )
    .unwrap();
}
