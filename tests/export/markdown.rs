// The Markdown export: charts written beside the text under the names asked for, and user
// text that stays text once a CommonMark renderer (with pipe tables) has read it.

use atelier::monograph::document::{Block, Document, Section, Table};
use atelier::monograph::export::to_markdown;
use pulldown_cmark::{Options, Parser, html};

fn name(k: usize) -> String {
    format!("touraine-figure-{k}.png")
}

/// The HTML a CommonMark renderer with GitHub's tables and strikethrough makes of `markdown`.
fn render(markdown: &str) -> String {
    let mut out = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

#[test]
fn charts_are_written_beside_the_text_and_referenced_with_alt_and_caption() {
    let doc = crate::fixture::sample();
    let (text, images) = to_markdown(&doc, &name);
    let names: Vec<&str> = images.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["touraine-figure-1.png", "touraine-figure-2.png"]);
    let Block::Figure(first) = &doc.sections[1].blocks[1] else {
        panic!()
    };
    assert_eq!(images[0].1, first.png);
    assert!(text.contains(
        "![Diagramme en barres n° 1 : situation à la sortie](touraine-figure-1.png)\n\n\
         *Figure 1 — Situation à la sortie du dispositif. Source : enquête jeunes ; n = 195*\n"
    ));
    let rendered = render(&text);
    assert!(rendered.contains(
        "<img src=\"touraine-figure-1.png\" alt=\"Diagramme en barres n° 1 : situation à la sortie\" />"
    ));
}

#[test]
fn the_document_reads_as_headings_paragraphs_quotes_and_tables() {
    let (text, _) = to_markdown(&crate::fixture::sample(), &name);
    assert!(text.starts_with(
        "# Monographie — Mission locale de Touraine\n\n\
         *Évaluation de l'ANI Jeunes · visite du 8 octobre 2013*\n\n\
         Évaluation de l'Accord national interprofessionnel Jeunes\\\nDonnées au 31 décembre 2013\n\n\
         ## Sommaire\n\n- Identité du site et de la visite\n  - Contexte et partenariats\n"
    ));
    assert!(text.contains(
        "## Identité du site et de la visite\n\n\
         La visite s'est déroulée sur deux jours.\\\nSix entretiens ont été menés.\n\n\
         Le site couvre quatre antennes.\n\n\
         **Tableau 1 — Entrées dans le dispositif**\n\n\
         | Indicateur | Site | Réseau |\n| --- | --- | --- |\n\
         | Jeunes entrés | 195 | 2 480 |\n| Part de femmes | 47,2 % | 45,0 % |\n\
         | Sorties positives | n \\< 10 |  |\n\n\
         *Source : extraction Parcours 3, 31 décembre 2013.*\n"
    ));
    assert!(text.contains(
        "### Contexte et partenariats\n\n\
         > « On a dû tout reconstruire avec les entreprises du bassin. »\n>\n\
         > — Directrice, Entretien avec la directrice, 8 octobre 2013\n"
    ));
    assert!(text.ends_with("*\n") && !text.ends_with("\n\n"));
    let rendered = render(&text);
    assert!(rendered.contains("<h1>Monographie — Mission locale de Touraine</h1>"));
    assert!(rendered.contains("<h3>Contexte et partenariats</h3>"));
    assert!(rendered.contains("<blockquote>"));
    assert!(rendered.contains("<td>Sorties positives</td><td>n &lt; 10</td><td></td>"));
}

#[test]
fn hostile_text_cannot_inject_links_html_or_break_tables() {
    let mut doc = crate::fixture::sample();
    let hostile = crate::fixture::HOSTILE.join(" ");
    doc.title = hostile.clone();
    doc.sections.push(Section {
        level: 1,
        title: format!("{hostile} ## #"),
        blocks: vec![
            Block::Text(
                "- une liste ?\n1. numérotée ?\n===\n---\n    code ?\n> citation ?\n\
                 fin de ligne\\\n*gras* _souligné_ `code` ~~barré~~ ![img](x.png) <https://x.fr> $x$"
                    .into(),
            ),
            Block::Table(Table {
                title: hostile.clone(),
                header: vec!["a|b".into(), "c\nd".into()],
                rows: vec![vec!["| e | f |".into(), "g\n| h |\n---".into()]],
                notes: vec![],
            }),
        ],
    });
    let (text, images) = to_markdown(&doc, &name);
    let rendered = render(&text);
    // No markup but Atelier's.
    let lower = rendered.to_lowercase();
    assert!(!lower.contains("<script"), "{rendered}");
    assert!(!lower.contains("<style"), "{rendered}");
    assert!(
        !lower.contains("<img src=x") && !lower.contains("<img src=\"x"),
        "{rendered}"
    );
    assert!(!lower.contains("<a "), "no link at all: {rendered}");
    assert!(
        !lower.contains("<ul>\n<li>une") && !lower.contains("<ol>"),
        "{rendered}"
    );
    assert!(
        !lower.contains("<code>") && !lower.contains("<pre>"),
        "{rendered}"
    );
    assert!(
        !lower.contains("<em>gras") && !lower.contains("<del>"),
        "{rendered}"
    );
    assert!(
        !lower.contains("<hr") && !lower.contains("<!--"),
        "{rendered}"
    );
    assert_eq!(
        lower.matches("<img ").count(),
        images.len(),
        "only the charts are images"
    );
    // Headings: the title, the table of contents and the sections, no more.
    let headings = ["<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"]
        .iter()
        .map(|h| rendered.matches(h).count())
        .sum::<usize>();
    assert_eq!(headings, 1 + 1 + doc.sections.len(), "{rendered}");
    // The tables keep their shape: every row has as many cells as the header.
    for table in rendered.split("<table>").skip(1) {
        let table = &table[..table.find("</table>").unwrap()];
        let header = table.matches("<th>").count();
        for row in table.split("<tr>").skip(2) {
            assert_eq!(row.matches("<td>").count(), header, "{table}");
        }
    }
    let last = rendered.split("<table>").last().unwrap();
    assert!(last.contains("<th>a|b</th><th>c d</th>"), "{last}");
    assert!(
        last.contains("<td>| e | f |</td><td>g | h | ---</td>"),
        "{last}"
    );
    // And the text reads as typed.
    assert!(
        rendered.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{rendered}"
    );
    assert!(
        rendered.contains("[cliquez ici](javascript:alert(1))"),
        "{rendered}"
    );
    assert!(rendered.contains("fin de ligne\\"), "{rendered}");
    assert!(
        rendered.contains("*gras* _souligné_ `code` ~~barré~~ ![img](x.png)"),
        "{rendered}"
    );
}

#[test]
fn image_names_are_safe_link_destinations() {
    let doc = crate::fixture::sample();
    let (text, images) = to_markdown(&doc, &|k| format!("site (1)/figure {k}.png"));
    assert!(text.contains("](site%20%281%29/figure%201.png)"));
    assert_eq!(images[0].0, "site (1)/figure 1.png");
}

#[test]
fn the_same_document_gives_the_same_text() {
    let doc = crate::fixture::sample();
    assert_eq!(to_markdown(&doc, &name), to_markdown(&doc.clone(), &name));
    let (empty, images) = to_markdown(&Document::default(), &name);
    assert_eq!(empty, "# \n");
    assert!(images.is_empty());
}
