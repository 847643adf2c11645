//! Unit tests of the notes reader: each format and encoding, hostile Word documents, empty
//! files, and the offsets coding relies on.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::*;
use crate::model::note::PARAGRAPH_SEPARATOR;

fn texts(note: &NoteText) -> Vec<&str> {
    note.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn levels(note: &NoteText) -> Vec<Option<u8>> {
    note.paragraphs.iter().map(|p| p.heading_level).collect()
}

/// A zip archive holding the given parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A `.docx` whose `word/document.xml` has `body` inside `w:body`.
fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

/// A temporary folder for one test, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "atelier-import-notes-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---- Markdown ------------------------------------------------------------------------

#[test]
fn markdown_headings_lists_and_emphasis_become_clean_paragraphs() {
    let md = "---\nauteur: équipe\n---\n# Entretien avec la directrice\n\n\
              **Date :** 8 octobre 2013\n\n## Organisation\n\n\
              **Comment l'équipe est-elle organisée ?** La directrice indique que\n\
              les conseillères sont *dédiées* à l'ANI.\n\n\
              - un atelier « CV »\n- une immersion\n\n1. première étape\n\n\
              Sous-titre souligné\n---\n\n> « On est allé plus loin dans la proximité »\n\n\
              ***\n\nVoir [le rapport](https://exemple.fr) et `ml_touraine`, 5 * 3.\n";
    let note = read_note_bytes("notes.md", md.as_bytes()).unwrap();
    assert_eq!(
        texts(&note),
        [
            "Entretien avec la directrice",
            "Date : 8 octobre 2013",
            "Organisation",
            "Comment l'équipe est-elle organisée ? La directrice indique que les conseillères sont dédiées à l'ANI.",
            "un atelier « CV »",
            "une immersion",
            "première étape",
            "Sous-titre souligné",
            "« On est allé plus loin dans la proximité »",
            "Voir le rapport et ml_touraine, 5 * 3.",
        ]
    );
    assert_eq!(
        levels(&note),
        [
            Some(1),
            None,
            Some(2),
            None,
            None,
            None,
            None,
            Some(2),
            None,
            None
        ]
    );
}

#[test]
fn markdown_keeps_intraword_underscores_and_unmatched_markers() {
    let note = read_note_bytes(
        "n.md",
        "site ml_nord_essonne, note_2 et __fort__ ; un * seul ; \\*échappé\\*".as_bytes(),
    )
    .unwrap();
    assert_eq!(
        texts(&note),
        ["site ml_nord_essonne, note_2 et fort ; un * seul ; *échappé*"]
    );
}

#[test]
fn markdown_hard_breaks_tables_and_code_fences() {
    let md = "Ligne un  \nligne deux\\\nligne trois<br>fin\n\n| Rôle | Date |\n|---|---|\n| Directrice | 8 oct. |\n\n```\ncode  brut\n```\n\n<!-- note\ninterne -->\nAprès &amp; &#233;t&eacute;";
    let note = read_note_bytes("n.markdown", md.as_bytes()).unwrap();
    assert_eq!(
        texts(&note),
        [
            "Ligne un\nligne deux\nligne trois\nfin",
            "Rôle | Date",
            "Directrice | 8 oct.",
            "code  brut",
            "Après & ét&eacute;",
        ]
    );
}

// ---- Plain text and encodings ----------------------------------------------------------

const FRENCH: &str = "Entretien du 8 octobre\n\nLa conseillère précise : « ça dépend des jeunes ».\n- immersion\n- atelier";

fn expected_french() -> Vec<&'static str> {
    vec![
        "Entretien du 8 octobre",
        "La conseillère précise : « ça dépend des jeunes ».",
        "immersion",
        "atelier",
    ]
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(if little_endian {
            [0xFF, 0xFE]
        } else {
            [0xFE, 0xFF]
        });
    }
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn text_in_utf8_with_and_without_bom() {
    let plain = read_note_bytes("n.txt", FRENCH.as_bytes()).unwrap();
    assert_eq!(texts(&plain), expected_french());
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(FRENCH.as_bytes());
    assert_eq!(read_note_bytes("n.txt", &with_bom).unwrap(), plain);
}

#[test]
fn text_in_utf16_with_bom_either_way_and_without_bom() {
    for little_endian in [true, false] {
        let note = read_note_bytes("n.txt", &utf16(FRENCH, little_endian, true)).unwrap();
        assert_eq!(texts(&note), expected_french(), "le={little_endian}");
    }
    let note = read_note_bytes("n.txt", &utf16(FRENCH, true, false)).unwrap();
    assert_eq!(texts(&note), expected_french());
}

#[test]
fn text_in_windows_1252_and_crlf() {
    let crlf = FRENCH.replace('\n', "\r\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&crlf);
    let note = read_note_bytes("n.txt", &bytes).unwrap();
    assert_eq!(texts(&note), expected_french());
}

#[test]
fn plain_text_keeps_line_breaks_inside_a_paragraph_and_no_markdown_meaning() {
    let note = read_note_bytes("n.txt", b"# pas un titre\nsuite **brute**\n\n\n\nfin").unwrap();
    assert_eq!(texts(&note), ["# pas un titre\nsuite **brute**", "fin"]);
    assert_eq!(levels(&note), [None, None]);
}

// ---- Word ------------------------------------------------------------------------------

#[test]
fn docx_written_by_docx_rs_reads_back_with_headings_and_bullets() {
    use docx_rs::{Docx, Paragraph as P, Run, Style, StyleType};
    let mut bytes = Cursor::new(Vec::new());
    Docx::new()
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("heading 1"))
        .add_style(
            Style::new("MonTitre", StyleType::Paragraph)
                .name("Mon titre")
                .based_on("Heading1"),
        )
        .add_paragraph(
            P::new()
                .add_run(Run::new().add_text("Entretien"))
                .style("Heading1"),
        )
        .add_paragraph(
            P::new()
                .add_run(Run::new().add_text("Question ?").bold())
                .add_run(Run::new().add_text(" La conseillère répond.")),
        )
        .add_paragraph(
            P::new()
                .add_run(Run::new().add_text("Hérité"))
                .style("MonTitre"),
        )
        .build()
        .pack(&mut bytes)
        .unwrap();
    let note = read_note_bytes("n.docx", bytes.get_ref()).unwrap();
    assert_eq!(
        texts(&note),
        ["Entretien", "Question ? La conseillère répond.", "Hérité"]
    );
    assert_eq!(levels(&note), [Some(1), None, Some(1)]);
}

#[test]
fn docx_french_style_ids_tabs_breaks_and_outline_levels() {
    let body = r#"<w:p><w:pPr><w:pStyle w:val="Titre1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Organisation</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Titre2"/></w:pPr><w:r><w:t>Équipe</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Niveau trois</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Avant</w:t><w:tab/><w:t>après</w:t><w:br/><w:t>ligne</w:t><w:noBreakHyphen/><w:t>suivante</w:t></w:r></w:p>
<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"#;
    let note = read_note_bytes("n.docx", &docx_with_body(body)).unwrap();
    assert_eq!(
        texts(&note),
        [
            "Organisation",
            "Équipe",
            "Niveau trois",
            "Avant\taprès\nligne-suivante"
        ]
    );
    assert_eq!(levels(&note), [Some(1), Some(2), Some(3), None]);
}

#[test]
fn docx_skips_deleted_text_field_codes_and_fallback_copies() {
    let body = r#"<w:p><w:r><w:t>Gardé</w:t></w:r><w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Texte autour</w:t></w:r></w:p>"#;
    let note = read_note_bytes("n.docx", &docx_with_body(body)).unwrap();
    assert_eq!(texts(&note), ["Gardé", "Encadré", "Texte autour"]);
}

#[test]
fn docx_entities_are_never_expanded() {
    let body = r#"<w:p><w:r><w:t>A &amp; B &#233;t&#xE9; &lt;3 &inconnu;</w:t></w:r></w:p>"#;
    let note = read_note_bytes("n.docx", &docx_with_body(body)).unwrap();
    assert_eq!(texts(&note), ["A & B été <3"]);

    let billion_laughs = r#"<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", billion_laughs.as_bytes())]);
    let error = read_note_bytes("piege.docx", &bytes).unwrap_err();
    assert!(matches!(error, ImportError::Malformed { .. }), "{error}");
    assert!(error.to_string().starts_with("piege.docx: "), "{error}");
}

#[test]
fn a_docx_zip_bomb_is_refused_before_it_is_decompressed() {
    let zeros = vec![0u8; 4 << 20];
    let bytes = zip_of(&[("word/document.xml", &zeros)]);
    assert!(bytes.len() < 100_000);
    let error = read_note_bytes("bombe.docx", &bytes).unwrap_err();
    assert!(matches!(error, ImportError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("bombe zip"), "{error}");
}

#[test]
fn archives_that_are_not_word_documents_say_what_they_are() {
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "classeur.docx",
            zip_of(&[("xl/workbook.xml", b"<x/>")]),
            "classeur",
        ),
        (
            "texte.docx",
            zip_of(&[("content.xml", b"<x/>")]),
            "OpenDocument",
        ),
        (
            "vide.docx",
            zip_of(&[("autre.txt", b"x")]),
            "word/document.xml",
        ),
        (
            "ancien.doc",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            ".doc",
        ),
        (
            "faux.docx",
            b"ceci est du texte".to_vec(),
            "pas un document Word",
        ),
    ];
    for (name, bytes, expected) in cases {
        let error = read_note_bytes(name, &bytes).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with(&format!("{name}: ")), "{message}");
        assert!(message.contains(expected), "{message}");
    }
    let mut truncated = docx_with_body("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    truncated.truncate(truncated.len() / 2);
    let error = read_note_bytes("tronque.docx", &truncated).unwrap_err();
    assert!(matches!(error, ImportError::Malformed { .. }), "{error}");
    let broken = docx_with_body("<w:p><w:r><w:t>x</w:r></w:p>");
    let error = read_note_bytes("casse.docx", &broken).unwrap_err();
    assert!(error.to_string().contains("XML endommagé"), "{error}");
}

// ---- Empty and binary files ---------------------------------------------------------------

#[test]
fn empty_files_and_blank_documents_are_empty() {
    for (name, bytes) in [
        ("vide.md", Vec::new()),
        ("blanc.txt", b" \n\r\n\t \n".to_vec()),
        ("bom.txt", b"\xEF\xBB\xBF".to_vec()),
        ("regles.md", b"---\n\n***\n".to_vec()),
        (
            "vide.docx",
            docx_with_body("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"),
        ),
    ] {
        let error = read_note_bytes(name, &bytes).unwrap_err();
        assert!(
            matches!(error, ImportError::Empty { .. }),
            "{name}: {error}"
        );
        assert_eq!(error.to_string(), format!("{name}: le fichier est vide"));
    }
}

#[test]
fn binary_content_is_not_taken_for_text() {
    let error = read_note_bytes("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap_err();
    assert!(
        error.to_string().contains("pas un fichier texte"),
        "{error}"
    );
    let error = read_note_bytes("rapport.md", b"%PDF-1.4 ...").unwrap_err();
    assert!(error.to_string().contains("PDF"), "{error}");
}

#[test]
fn size_limit_names_the_file() {
    let error = check_size("enorme.txt", MAX_NOTE_BYTES + 1).unwrap_err();
    assert!(matches!(error, ImportError::TooLarge { .. }));
    assert!(error.to_string().starts_with("enorme.txt: "));
}

// ---- From disk ------------------------------------------------------------------------------

#[test]
fn read_note_reads_each_format_from_disk_and_names_missing_files() {
    let dir = TempDir::new("disk");
    std::fs::write(dir.0.join("a.md"), "# Titre\n\nTexte").unwrap();
    std::fs::write(dir.0.join("b.txt"), utf16("Texte", true, true)).unwrap();
    std::fs::write(
        dir.0.join("c.docx"),
        docx_with_body("<w:p><w:r><w:t>Texte</w:t></w:r></w:p>"),
    )
    .unwrap();
    let a = read_note(&dir.0.join("a.md")).unwrap();
    assert_eq!(a.file_name, "a.md");
    assert_eq!(texts(&a), ["Titre", "Texte"]);
    assert_eq!(texts(&read_note(&dir.0.join("b.txt")).unwrap()), ["Texte"]);
    assert_eq!(texts(&read_note(&dir.0.join("c.docx")).unwrap()), ["Texte"]);
    let error = read_note(&dir.0.join("absent.md")).unwrap_err();
    assert!(matches!(error, ImportError::Io { .. }));
    assert!(error.to_string().starts_with("absent.md: "), "{error}");
    let error = read_note(&dir.0).unwrap_err();
    assert!(error.to_string().contains("dossier"), "{error}");
}

// ---- Offsets ----------------------------------------------------------------------------------

#[test]
fn paragraph_offsets_point_into_the_full_text() {
    let note = NoteText {
        file_name: "n.md".to_owned(),
        paragraphs: vec![
            Paragraph {
                text: "Été".to_owned(),
                heading_level: Some(1),
            },
            Paragraph {
                text: "« Oui »\nbien".to_owned(),
                heading_level: None,
            },
            Paragraph {
                text: "fin".to_owned(),
                heading_level: None,
            },
        ],
    };
    let full = note.full_text();
    assert_eq!(full, "Été\n\n« Oui »\nbien\n\nfin");
    let chars: Vec<char> = full.chars().collect();
    for (index, paragraph) in note.paragraphs.iter().enumerate() {
        let range = note.char_range(index);
        assert_eq!(chars[range].iter().collect::<String>(), paragraph.text);
        assert_eq!(&full[note.byte_range(index)], paragraph.text);
    }
    assert_eq!(note.char_range(0), 0..3);
    assert_eq!(note.char_range(1), 5..17);
    assert_eq!(note.char_range(9), 22..22);
    assert_eq!(note.paragraph_at(0), Some(0));
    assert_eq!(note.paragraph_at(4), Some(0));
    assert_eq!(note.paragraph_at(5), Some(1));
    assert_eq!(note.paragraph_at(21), Some(2));
    assert_eq!(note.paragraph_at(22), None);
    assert_eq!(
        full.split(PARAGRAPH_SEPARATOR).count(),
        note.paragraphs.len()
    );
    assert_eq!(note.word_count(), 6);
}
