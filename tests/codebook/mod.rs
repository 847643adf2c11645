//! Codebooks the REFI-QDA tests share: one as an evaluation team would build it, with the
//! characters that break exchanges (accents, apostrophes, guillemets, markup, line breaks).

use atelier::model::coding::{Code, CodeDefinition, CodeId, Codebook, Rgb};

/// A code with no definition, codable, without shortcut.
pub fn code(id: u32, guid: &str, parent: Option<u32>, position: u32, name: &str) -> Code {
    Code {
        id: CodeId(id),
        guid: guid.to_owned(),
        parent: parent.map(CodeId),
        position,
        name: name.to_owned(),
        color: Rgb(0x1F, 0x77, 0xB4),
        description: CodeDefinition::default(),
        codable: true,
        shortcut: None,
    }
}

/// An evaluation codebook listed in tree order with ids 1, 2… and positions from 0, as
/// reading a file gives it back, every code with its GUID.
pub fn evaluation_codebook() -> Codebook {
    let mut pilotage = code(
        1,
        "DFE5C38E-9449-5959-A1F7-E3D895CFA87F",
        None,
        0,
        "Pilotage national",
    );
    pilotage.codable = false;
    pilotage.color = Rgb(0xE6, 0x9F, 0x00);
    pilotage.description = CodeDefinition {
        definition: "Gouvernance du dispositif : État, Région, opérateurs.".to_owned(),
        when_to_use: "Dès qu'un acteur décide ou arbitre,\nmême sans le dire.".to_owned(),
        when_not: "Pas pour l’animation locale → « Partenariat ».".to_owned(),
        example: "« Le COPIL a tranché en mars. »".to_owned(),
    };
    let mut copil = code(
        2,
        "0D62985D-B147-5D01-A9B5-CAE5DCD98342",
        Some(1),
        0,
        "Comité de pilotage « COPIL »",
    );
    copil.description.definition = "Les réunions du comité & leurs décisions.".to_owned();
    let mut partenariat = code(
        3,
        "55BB6892-6F30-5129-8CB8-557A1B12137B",
        Some(1),
        1,
        "Partenariat <État> & \"Région\" 'Pôle'",
    );
    partenariat.color = Rgb(0x00, 0x9E, 0x73);
    let mut perceptions = code(
        4,
        "725F0645-9CD3-598A-8D2B-EC3D39AB3C3F",
        None,
        1,
        "Perceptions",
    );
    perceptions.description.example = "\nligne vide d'abord,\n\n  puis un retrait\r\n".to_owned();
    let jeunes = code(
        5,
        "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294",
        Some(4),
        0,
        "é è à ç œ ’ « » — Œuvre d’été, Noël",
    );
    let mut profond = code(
        6,
        "ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0",
        Some(5),
        0,
        "niveau 3\tavec tabulation\net retour",
    );
    profond.description.when_not = "Jamais ici.".to_owned();
    Codebook {
        codes: vec![pilotage, copil, partenariat, perceptions, jeunes, profond],
    }
}
