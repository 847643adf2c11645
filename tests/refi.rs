//! Exchanging codebooks as REFI-QDA `.qdc` files: what we write comes back unchanged, what
//! each tool writes comes in with its tree, names, colours and definitions, and a damaged or
//! hostile file is refused with one line that quotes nothing of it. Fixtures and where they
//! come from: tests/data/refi/README.md.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod codebook;

use atelier::coding::refi::{RefiProblem, read_qdc, write_qdc};
use atelier::model::coding::{CodeDefinition, CodeId, Codebook, Rgb};
use codebook::{code, evaluation_codebook};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/refi/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_fixture(name: &str) -> Codebook {
    read_qdc(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// The tree as a user sees it: one line per code, indented by depth, with whether it can be
/// applied, its colour and its GUID.
fn tree(book: &Codebook) -> Vec<String> {
    book.in_order()
        .into_iter()
        .map(|(code, depth)| {
            format!(
                "{}{} [{}] {} {}",
                "  ".repeat(depth),
                code.name,
                if code.codable { "code" } else { "groupe" },
                code.color.to_hex(),
                code.guid
            )
        })
        .collect()
}

fn names(book: &Codebook) -> Vec<String> {
    book.in_order()
        .into_iter()
        .map(|(code, depth)| format!("{}{}", "  ".repeat(depth), code.name))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Round trip

#[test]
fn a_codebook_written_then_read_comes_back_identical() {
    let book = evaluation_codebook();
    let xml = write_qdc(&book, "Atelier 0.1");
    let back = read_qdc("export.qdc", xml.as_bytes()).unwrap();
    assert_eq!(back, book);
}

#[test]
fn accented_names_survive_a_round_trip_byte_for_byte() {
    let book = evaluation_codebook();
    let xml = write_qdc(&book, "Atelier");
    // Written as UTF-8 characters, not as references another tool might not decode.
    assert!(xml.contains("é è à ç œ ’ « » — Œuvre d’été, Noël"));
    let back = read_qdc("export.qdc", xml.as_bytes()).unwrap();
    for (before, after) in book.codes.iter().zip(&back.codes) {
        assert_eq!(before.name.as_bytes(), after.name.as_bytes());
        assert_eq!(before.description, after.description);
    }
}

#[test]
fn the_tree_survives_whatever_the_ids_and_positions() {
    // Ids with gaps, listed out of order, positions not starting at 0.
    let mut book = Codebook {
        codes: vec![
            code(40, "", Some(7), 9, "Perceptions des jeunes"),
            code(7, "", None, 5, "Perceptions"),
            code(12, "", Some(7), 3, "Perceptions des conseillers"),
            code(3, "", None, 2, "Pilotage"),
            code(99, "", Some(40), 0, "Mobilité"),
        ],
    };
    book.codes[3].color = Rgb(0xCC, 0x79, 0xA7);
    book.codes[2].description.when_to_use = "Dès qu'un conseiller parle.".to_owned();
    let back = read_qdc("t.qdc", write_qdc(&book, "t").as_bytes()).unwrap();
    let shape = |b: &Codebook| -> Vec<(String, usize, Rgb, CodeDefinition, bool)> {
        b.in_order()
            .into_iter()
            .map(|(c, d)| (c.name.clone(), d, c.color, c.description.clone(), c.codable))
            .collect()
    };
    assert_eq!(shape(&back), shape(&book));
    let ids: Vec<u32> = back.codes.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(names(&back)[0], "Pilotage");
}

#[test]
fn codes_without_guids_get_the_same_ones_at_every_export() {
    let mut book = evaluation_codebook();
    for code in &mut book.codes {
        code.guid.clear();
    }
    let first = write_qdc(&book, "Atelier");
    assert_eq!(write_qdc(&book, "Atelier"), first);
    let back = read_qdc("t.qdc", first.as_bytes()).unwrap();
    assert!(back.codes.iter().all(|c| c.guid.len() == 36));
    // Imported, then exported again: the same file, so other tools recognise the codes.
    assert_eq!(write_qdc(&back, "Atelier"), first);
}

#[test]
fn guids_in_another_form_are_written_in_upper_case_without_braces() {
    let book = Codebook {
        codes: vec![code(
            1,
            "{2a08bddf-4c35-4250-bf77-7de37b50c930}",
            None,
            0,
            "a",
        )],
    };
    let back = read_qdc("t.qdc", write_qdc(&book, "t").as_bytes()).unwrap();
    assert_eq!(back.codes[0].guid, "2A08BDDF-4C35-4250-BF77-7DE37B50C930");
}

// ---------------------------------------------------------------------------------------------
// Each tool's files

#[test]
fn taguette_flat_dotted_names_become_a_tree() {
    let book = read_fixture("taguette.qdc");
    assert_eq!(
        tree(&book),
        [
            "interesting [code] #0072B2 0D62985D-B147-5D01-A9B5-CAE5DCD98342",
            "  places [code] #009E73 725F0645-9CD3-598A-8D2B-EC3D39AB3C3F",
            "people [code] #E69F00 DFE5C38E-9449-5959-A1F7-E3D895CFA87F",
        ]
    );
    // Ids follow the file, and so do palette colours; places sits under interesting.
    assert_eq!(book.get(CodeId(3)).map(|c| c.name.as_str()), Some("places"));
    assert_eq!(book.get(CodeId(3)).and_then(|c| c.parent), Some(CodeId(1)));
}

#[test]
fn taguette_levels_without_a_code_become_groups() {
    let book = read_fixture("taguette_dotted.qdc");
    assert_eq!(
        names(&book),
        [
            "perceptions",
            "  jeunes",
            "  conseillers",
            "pilotage",
            "  comité",
            "    départemental",
            "freins",
            "  mobilité",
            "1.2 Motivation",
            "Dr. Martin",
        ]
    );
    let by_name = |name: &str| book.codes.iter().find(|c| c.name == name).unwrap();
    // Made-up levels group codes but cannot be applied; the file's own codes can.
    for made_up in ["perceptions", "comité", "freins"] {
        assert!(!by_name(made_up).codable, "{made_up}");
        assert_eq!(by_name(made_up).guid.len(), 36);
    }
    assert!(by_name("pilotage").codable);
    assert_eq!(
        by_name("pilotage").guid,
        "4547AE60-C8D3-5225-9ABB-034F5E01D960"
    );
    // The file's codes keep ids 1..7 in its order; made-up levels come after.
    assert_eq!(by_name("jeunes").id, CodeId(1));
    assert_eq!(by_name("Dr. Martin").id, CodeId(7));
    assert!(by_name("perceptions").id.0 > 7);
    let guids: std::collections::HashSet<&str> =
        book.codes.iter().map(|c| c.guid.as_str()).collect();
    assert_eq!(guids.len(), book.codes.len());
}

#[test]
fn atlas_ti_codes_come_in_and_its_sets_are_ignored() {
    let book = read_fixture("atlasti.qdc");
    assert_eq!(
        tree(&book),
        ["code1 [code] #46AA00 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"]
    );
    assert_eq!(book.codes[0].description.definition, "description");
    assert_eq!(book.codes[0].description.when_to_use, "");
}

#[test]
fn maxqda_codes_keep_their_colours_accents_and_descriptions() {
    let book = read_fixture("maxqda.qdc");
    let tree = tree(&book);
    assert_eq!(tree.len(), 5);
    assert_eq!(
        tree[0],
        "Additional Themes and Ideas [code] #EF8256 C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90"
    );
    assert!(tree[1].starts_with("  THEME - Affinity Spaces (Gee) [code] #EF8256"));
    assert!(tree[3].starts_with("Learning Theories [code] #EF5350"));
    assert!(tree[4].contains("Boekaerts, Järvelä)"));
    let imaginaries = &book.codes[2].description.definition;
    assert!(imaginaries.contains("(Jasanoff & Kim)"));
    assert!(imaginaries.contains("“future work”"));
}

#[test]
fn qualcoder_bom_lower_case_guids_and_categories_are_read() {
    let book = read_fixture("qualcoder.qdc");
    assert_eq!(
        names(&book),
        [
            "Non catégorisé « à revoir »",
            "Représentations",
            "  Perception de la mission locale",
            "  Cœur du dispositif",
            "    Accompagnement renforcé & suivi",
            "  Freins à l’insertion",
            "    Mobilité (permis, transports)",
        ]
    );
    let by_name = |name: &str| book.codes.iter().find(|c| c.name == name).unwrap();
    assert_eq!(
        by_name("Non catégorisé « à revoir »").guid,
        "8F0C2B1E-5D3A-4C6B-9E71-2A4F6D8B0C13"
    );
    assert!(!by_name("Représentations").codable);
    assert_eq!(
        by_name("Représentations").description.definition,
        "Ce que les jeunes disent de l'accompagnement."
    );
    assert_eq!(
        by_name("Perception de la mission locale")
            .description
            .definition,
        "Tout jugement, positif ou négatif, sur la mission locale.\nInclut les conseillers."
    );
    assert_eq!(by_name("Cœur du dispositif").color, Rgb(0x90, 0x90, 0xE3));
}

#[test]
fn nvivo_for_mac_namespace_and_lower_case_guids_are_read() {
    let book = read_fixture("nvivo.qdc");
    assert_eq!(
        tree(&book),
        [
            "Perceived susceptibility [code] #0072B2 3C51EFBB-071F-43A7-9F32-228B89668E8D",
            "  Personal risk [code] #E69F00 4D62F0CC-182F-44B8-A043-339C90779E9E",
            "Obstacles perçus [code] #009E73 7B1E2D40-93C5-4F6A-8E0B-5D2C9A7F3E18",
            "  Coût du transport [code] #CC79A7 C2A85F17-6E4D-4B39-A0F2-8D7E1C5B9A64",
        ]
    );
    assert_eq!(
        book.codes[3].description.definition,
        "Frais de trajet < 10 € compris."
    );
}

#[test]
fn every_tool_quirk_in_one_file_is_tolerated() {
    let xml = "<?xml version='1.0'?>\n\
        <!-- a comment --><?pi whatever?>\n\
        <q:CodeBook xmlns:q='urn:QDA-XML:codebook:1.0' xmlns:ext='urn:example:ext'>\n\
          <q:Codes>\n\
            <q:Code guid='{2a08bddf-4c35-4250-bf77-7de37b50c930}' name='Braces&#10;and newline' isCodable='1' color='#fa0'>\n\
              <q:Description><![CDATA[<b>raw</b> & ]]>&#233;t&#xE9;</q:Description>\n\
              <q:Description>a second one is ignored</q:Description>\n\
              <ext:Note>not ours</ext:Note>\n\
              <q:Code name='No GUID, no colour' isCodable='False' color=''/>\n\
            </q:Code>\n\
            <q:Code guid='2d969af8-c875-4fae-bcd8-f0162bc27396' name='No isCodable'/>\n\
          </q:Codes>\n\
          <ext:Codes><q:Code name='in another namespace: ignored'/></ext:Codes>\n\
          <q:Sets><q:Set guid='bad' name='x'><q:MemberCode guid='also bad'/></q:Set></q:Sets>\n\
        </q:CodeBook>\n";
    let book = read_qdc("quirks.qdc", xml.as_bytes()).unwrap();
    assert_eq!(book.codes.len(), 3);
    let first = &book.codes[0];
    assert_eq!(first.name, "Braces\nand newline");
    assert_eq!(first.guid, "2A08BDDF-4C35-4250-BF77-7DE37B50C930");
    assert_eq!(first.color, Rgb(0xFF, 0xAA, 0x00));
    assert!(first.codable);
    assert_eq!(first.description.definition, "<b>raw</b> & été");
    let second = &book.codes[1];
    assert_eq!(second.parent, Some(CodeId(1)));
    assert!(!second.codable);
    assert_eq!(second.guid.len(), 36);
    assert!(book.codes[2].codable);
    assert_eq!(book.codes[2].position, 1);
}

#[test]
fn utf16_files_are_read() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\
        <CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\
        <Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"Évaluation\" isCodable=\"true\"/>\
        </Codes></CodeBook>";
    let units: Vec<u16> = xml.encode_utf16().collect();
    let le_bom: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_le_bytes()))
        .collect();
    let be_bare: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    for bytes in [le_bom, be_bare] {
        let book = read_qdc("utf16.qdc", &bytes).unwrap();
        assert_eq!(book.codes[0].name, "Évaluation");
    }
}

#[test]
fn an_empty_list_of_codes_is_an_empty_codebook() {
    let xml = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>";
    assert_eq!(
        read_qdc("vide.qdc", xml.as_bytes()),
        Ok(Codebook::default())
    );
    let written = write_qdc(&Codebook::default(), "t");
    assert_eq!(
        read_qdc("vide.qdc", written.as_bytes()),
        Ok(Codebook::default())
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals

/// A file whose names and descriptions are private: no message may show them.
const SECRET: &str = "Jean Dupont";

/// Reads `xml` as « essai.qdc », expecting a refusal, and checks the message's shape.
fn refusal(bytes: &[u8]) -> (RefiProblem, String) {
    let error = read_qdc("essai.qdc", bytes).expect_err("should be refused");
    let message = error.to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(message.chars().count() <= 200, "{message}");
    assert!(message.starts_with("essai.qdc: "), "{message}");
    assert!(!message.contains(SECRET), "{message}");
    assert!(!message.contains("Dupont"), "{message}");
    (error.problem, message)
}

fn codebook_with(codes: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n\
         <Codes>\n{codes}\n</Codes>\n</CodeBook>\n"
    )
}

#[test]
fn an_empty_file_is_refused() {
    for bytes in [&b""[..], b"  \n\t", b"\xEF\xBB\xBF"] {
        assert_eq!(refusal(bytes).1, "essai.qdc: le fichier est vide");
    }
}

#[test]
fn a_file_that_is_not_xml_is_refused() {
    let (_, message) = refusal(format!("Notes d'entretien de {SECRET}").as_bytes());
    assert_eq!(
        message,
        "essai.qdc: ce n'est pas un livre de codes REFI-QDA \
         (élément CodeBook de l'espace urn:QDA-XML:codebook attendu)"
    );
    let (_, message) = refusal(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n\xFF\xD8");
    assert_eq!(
        message,
        "essai.qdc: le texte n'est ni en UTF-8 ni en UTF-16 ; ce n'est pas un livre de codes REFI-QDA"
    );
}

#[test]
fn ill_formed_xml_is_refused_with_its_line() {
    let xml = codebook_with(&format!(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"{SECRET}\" isCodable=\"true\">\n</Codes>"
    ));
    assert_eq!(
        refusal(xml.as_bytes()).1,
        "essai.qdc: ce n'est pas du XML valide (ligne 5)"
    );
    // Two root elements.
    let xml = format!("{}<CodeBook/>", codebook_with(""));
    assert_eq!(refusal(xml.as_bytes()).0, RefiProblem::NotXml { line: 7 });
}

#[test]
fn xml_that_is_not_a_codebook_is_refused() {
    for xml in [
        format!("<html><body><p>{SECRET}</p></body></html>"),
        // A codebook without its namespace: we key on the namespace, not the name.
        format!("<CodeBook><Codes><Code name=\"{SECRET}\" guid=\"x\"/></Codes></CodeBook>"),
        "<CodeBook xmlns=\"urn:example\"><Codes/></CodeBook>".to_owned(),
    ] {
        assert_eq!(refusal(xml.as_bytes()).0, RefiProblem::NotCodebook, "{xml}");
    }
    let project = "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" \
                   name=\"Évaluation\"><CodeBook><Codes/></CodeBook></Project>";
    assert_eq!(
        refusal(project.as_bytes()).1,
        "essai.qdc: c'est un projet REFI-QDA (.qdpx/.qde), pas un livre de codes (.qdc)"
    );
    let no_codes = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Sets/></CodeBook>";
    assert_eq!(
        refusal(no_codes.as_bytes()).1,
        "essai.qdc: le livre de codes n'a pas d'élément Codes"
    );
}

#[test]
fn a_code_without_a_name_is_refused() {
    for code in [
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" isCodable=\"true\"/>",
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"  \" isCodable=\"true\"/>",
    ] {
        let xml = codebook_with(&format!(
            "<Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"{SECRET}\" isCodable=\"true\"/>\n{code}"
        ));
        assert_eq!(
            refusal(xml.as_bytes()).1,
            "essai.qdc: code sans nom (ligne 5)"
        );
    }
}

#[test]
fn a_bad_guid_is_refused_without_quoting_it() {
    for guid in [
        SECRET,
        "2A08BDDF-4C35-4250-BF77-7DE37B50C93",
        "{2A08BDDF-4C35-4250-BF77-7DE37B50C930",
        "2A08BDDF4C354250BF777DE37B50C930",
    ] {
        let xml = codebook_with(&format!(
            "<Code guid=\"{guid}\" name=\"{SECRET}\" isCodable=\"true\"/>"
        ));
        let (_, message) = refusal(xml.as_bytes());
        assert_eq!(
            message,
            "essai.qdc: GUID invalide (ligne 4) : 8-4-4-4-12 chiffres hexadécimaux attendus"
        );
        assert!(!message.contains("2A08"), "{message}");
    }
}

#[test]
fn a_duplicated_guid_is_refused_whatever_its_spelling() {
    let xml = codebook_with(&format!(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"{SECRET}\" isCodable=\"true\">\n\
         <Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"b\" isCodable=\"true\"/>\n\
         </Code>\n\
         <Code guid=\"{{2a08bddf-4c35-4250-bf77-7de37b50c930}}\" name=\"c\" isCodable=\"true\"/>"
    ));
    assert_eq!(
        refusal(xml.as_bytes()).1,
        "essai.qdc: GUID en double (lignes 4 et 7) : deux codes ne peuvent le partager"
    );
}

#[test]
fn a_bad_colour_is_refused() {
    for color in ["rouge", "#12345", "1F77B4", "#GGGGGG", "rgb(70,170,0)"] {
        let xml = codebook_with(&format!(
            "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"{SECRET}\" isCodable=\"true\" color=\"{color}\"/>"
        ));
        assert_eq!(
            refusal(xml.as_bytes()).1,
            "essai.qdc: couleur invalide (ligne 4) : #RRGGBB ou #RGB attendu",
            "{color}"
        );
    }
}

#[test]
fn a_bad_is_codable_is_refused() {
    let xml = codebook_with(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"a\" isCodable=\"peut-être\"/>",
    );
    assert_eq!(
        refusal(xml.as_bytes()).1,
        "essai.qdc: valeur isCodable invalide (ligne 4) : true ou false attendu"
    );
}

#[test]
fn a_truncated_file_is_refused() {
    let (problem, message) = refusal(&fixture("atlasti_truncated.qdc"));
    assert_eq!(problem, RefiProblem::Truncated);
    assert_eq!(
        message,
        "essai.qdc: le fichier s'arrête avant la fin du livre de codes (fichier tronqué ?)"
    );
    assert!(!message.contains("popisek"));
    // Cut anywhere in our own file: never a codebook with codes silently missing.
    let whole = write_qdc(&evaluation_codebook(), "Atelier");
    let end = whole.rfind("</CodeBook>").unwrap();
    for cut in (1..end).step_by(7) {
        if !whole.is_char_boundary(cut) {
            continue;
        }
        let result = read_qdc("essai.qdc", &whole.as_bytes()[..cut]);
        assert!(result.is_err(), "cut at {cut} was accepted");
    }
}

#[test]
fn a_doctype_is_refused_and_no_entity_is_expanded() {
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n\
         <!DOCTYPE CodeBook [\n\
          <!ENTITY lol \"{SECRET}\">\n\
          <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n\
         ]>\n\
         <CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\
         <Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"&lol2;\" isCodable=\"true\"/>\
         </Codes></CodeBook>"
    );
    let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY x SYSTEM \
                    \"file:///etc/passwd\">]>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\
                    <Codes><Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"&x;\" \
                    isCodable=\"true\"/></Codes></CodeBook>";
    let remote_dtd = "<!DOCTYPE CodeBook SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n\
                      <CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>";
    assert_eq!(
        refusal(laughs.as_bytes()).1,
        "essai.qdc: déclaration DOCTYPE refusée (ligne 2) : un livre de codes n'en a pas besoin"
    );
    assert_eq!(
        refusal(external.as_bytes()).0,
        RefiProblem::Doctype { line: 2 }
    );
    assert_eq!(
        refusal(remote_dtd.as_bytes()).0,
        RefiProblem::Doctype { line: 1 }
    );
}

#[test]
fn an_undeclared_entity_is_refused() {
    let in_name = codebook_with(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"&secret;\" isCodable=\"true\"/>",
    );
    let in_text = codebook_with(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"a\" isCodable=\"true\">\n\
         <Description>voir &nbsp; ici</Description></Code>",
    );
    assert_eq!(
        refusal(in_name.as_bytes()).1,
        "essai.qdc: référence à une entité inconnue (ligne 4), refusée par sécurité"
    );
    assert_eq!(
        refusal(in_text.as_bytes()).0,
        RefiProblem::UnknownEntity { line: 5 }
    );
}

#[test]
fn a_file_in_another_encoding_is_refused() {
    // Latin-1 « é » in a name: not UTF-8.
    let mut bytes = codebook_with(
        "<Code guid=\"2A08BDDF-4C35-4250-BF77-7DE37B50C930\" name=\"caf\u{e9}\" isCodable=\"true\"/>",
    )
    .into_bytes();
    let at = bytes.windows(2).position(|w| w == [0xC3, 0xA9]).unwrap();
    bytes.splice(at..at + 2, [0xE9]);
    assert_eq!(refusal(&bytes).0, RefiProblem::Encoding);
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let bytes = vec![b' '; 16 * 1024 * 1024 + 1];
    assert_eq!(
        refusal(&bytes).1,
        "essai.qdc: fichier trop volumineux pour un livre de codes (plus de 16 Mo)"
    );
}
