// The HTML export: one page that holds everything, in French, and in which nothing typed by a
// respondent or an evaluator can become markup.

use atelier::monograph::document::{Block, Document, Figure, Section};
use atelier::monograph::export::to_html;
use base64::Engine as _;

/// The tags Atelier writes; any other tag in a page came from the document's text.
const ALLOWED_TAGS: [&str; 31] = [
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "br",
    "nav",
    "ol",
    "li",
    "a",
    "main",
    "blockquote",
    "footer",
    "cite",
    "figure",
    "img",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// Every tag of the page, as written between `<` and `>` (the stylesheet excepted).
fn tags(html: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("an unclosed tag");
        tags.push(&rest[start + 1..end]);
        rest = &rest[end + 1..];
    }
    tags
}

/// The attributes Atelier writes.
const ALLOWED_ATTRIBUTES: [&str; 13] = [
    "lang",
    "charset",
    "name",
    "content",
    "class",
    "aria-labelledby",
    "id",
    "href",
    "src",
    "alt",
    "width",
    "height",
    "scope",
];

/// A tag's name and its attributes, checking that it is only `name="value"` pairs.
fn parse_tag(tag: &str) -> (&str, Vec<(&str, &str)>) {
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let name_end = tag.find(' ').unwrap_or(tag.len());
    let (name, mut rest) = tag.split_at(name_end);
    let mut attributes = Vec::new();
    if name == "!DOCTYPE" {
        return (name, attributes);
    }
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let equals = rest
            .find('=')
            .unwrap_or_else(|| panic!("<{tag}>: bare attribute"));
        let attribute = &rest[..equals];
        assert!(
            attribute
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'),
            "<{tag}>: attribute {attribute:?}"
        );
        rest = rest[equals + 1..]
            .strip_prefix('"')
            .unwrap_or_else(|| panic!("<{tag}>: unquoted value"));
        let close = rest.find('"').unwrap();
        attributes.push((attribute, &rest[..close]));
        rest = &rest[close + 1..];
    }
    (name, attributes)
}

#[test]
fn the_page_is_self_contained_french_html5() {
    let html = to_html(&crate::fixture::sample());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<title>Monographie — Mission locale de Touraine</title>"));
    assert!(
        !html.contains("src=\"http") && !html.contains("<link"),
        "nothing fetched"
    );
}

#[test]
fn the_table_of_contents_links_to_every_heading() {
    let doc = crate::fixture::sample();
    let html = to_html(&doc);
    for (index, section) in doc.sections.iter().enumerate() {
        let id = format!("section-{}", index + 1);
        let tag = if section.level == 2 { "h3" } else { "h2" };
        assert!(html.contains(&format!("<a href=\"#{id}\">")), "{id}");
        assert!(html.contains(&format!("<{tag} id=\"{id}\">")), "{id}");
    }
    assert!(html.contains("<h2 id=\"sommaire\">Sommaire</h2>"));
    assert!(html.contains("<h2 id=\"section-1\">Identité du site et de la visite</h2>"));
}

#[test]
fn charts_are_inline_pngs_or_svgs_with_alt_text_and_caption() {
    let mut doc = crate::fixture::sample();
    let Block::Figure(first) = &doc.sections[1].blocks[1] else {
        panic!()
    };
    let html = to_html(&doc);
    let encoded = base64::engine::general_purpose::STANDARD.encode(&first.png);
    assert!(html.contains(&format!(
        "<img src=\"data:image/png;base64,{encoded}\" alt=\"Diagramme en barres n° 1 : situation à la sortie\" width=\"800\" height=\"500\">"
    )));
    assert!(html.contains(
        "<figcaption>Figure 1 — Situation à la sortie du dispositif. Source : enquête jeunes ; n = 195</figcaption>"
    ));
    // With an SVG, the SVG is shown rather than the PNG.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
    doc.sections[1].blocks[1] = Block::Figure(Figure {
        svg: Some(svg.into()),
        ..crate::fixture::figure(1, 800, 500)
    });
    let html = to_html(&doc);
    let encoded = base64::engine::general_purpose::STANDARD.encode(svg);
    assert!(html.contains(&format!("<img src=\"data:image/svg+xml;base64,{encoded}\"")));
}

#[test]
fn tables_quotes_and_notes_have_their_elements() {
    let html = to_html(&crate::fixture::sample());
    assert!(html.contains(
        "<table>\n<caption>Tableau 1 — Entrées dans le dispositif</caption>\n<thead>\n\
         <tr><th scope=\"col\">Indicateur</th><th scope=\"col\">Site</th><th scope=\"col\">Réseau</th></tr>\n</thead>"
    ));
    assert!(html.contains("<tr><td>Sorties positives</td><td>n &lt; 10</td><td></td></tr>"));
    assert!(html.contains(
        "<blockquote>\n<p>« On a dû tout reconstruire avec les entreprises du bassin. »</p>\n\
         <footer>— <cite>Directrice, Entretien avec la directrice, 8 octobre 2013</cite></footer>\n</blockquote>"
    ));
    assert!(
        html.contains("<p class=\"note\">Les effectifs inférieurs à 10 ne sont pas publiés.</p>")
    );
    assert!(html.contains(
        "<p>La visite s&#39;est déroulée sur deux jours.<br>\nSix entretiens ont été menés.</p>"
    ));
}

#[test]
fn hostile_text_from_answers_and_notes_never_becomes_markup() {
    let mut doc = crate::fixture::sample();
    // Everywhere a text goes: title, subtitle, front matter, alt text, an SVG chart.
    let hostile = crate::fixture::HOSTILE.join(" ");
    doc.title = hostile.clone();
    doc.subtitle = hostile.clone();
    doc.front_matter.push(hostile.clone());
    doc.sections.push(Section {
        level: 2,
        title: hostile.clone(),
        blocks: vec![Block::Figure(Figure {
            svg: Some(format!(
                "<svg><script>alert(1)</script><text>{hostile}</text></svg>"
            )),
            alt: hostile.clone(),
            caption: hostile.clone(),
            ..crate::fixture::figure(3, 20, 20)
        })],
    });
    let html = to_html(&doc);
    for tag in tags(&html) {
        assert!(!tag.contains('<'), "<{tag}>");
        let (name, attributes) = parse_tag(tag);
        assert!(ALLOWED_TAGS.contains(&name), "<{tag}> came from the text");
        for (attribute, value) in attributes {
            assert!(ALLOWED_ATTRIBUTES.contains(&attribute), "<{tag}>");
            match attribute {
                "src" => assert!(value.starts_with("data:image/"), "<{tag}>"),
                "href" => assert!(value.starts_with("#section-"), "<{tag}>"),
                _ => {}
            }
        }
    }
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img src=x"));
    // The text is there, shown as typed.
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;"));
    assert!(html.contains("&amp; &amp;amp;"));
}

#[test]
fn the_same_document_gives_the_same_page() {
    let doc = crate::fixture::sample();
    assert_eq!(to_html(&doc), to_html(&doc.clone()));
    assert!(to_html(&Document::default()).ends_with("</html>\n"));
}
