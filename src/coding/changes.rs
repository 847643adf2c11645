//! Every change a coder makes, as one [`CodingChange`]: the codes and codings it puts (new or
//! changed) and deletes. One shape for all of them (creating, renaming, moving, merging or
//! deleting a code, applying a code to passages, autocoding, taking codings off) means one
//! way to write them to the project, in one transaction, and one way to undo them: the
//! inverse of a change is computed from the work as it was, before the change.

use crate::model::coding::{
    Anchor, Code, CodeDefinition, CodeId, Codebook, Coding, CodingWork, Rgb,
};

/// A change to the coding, applied as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodingChange {
    /// What it does, in the user's words (status line, journal).
    pub label: String,
    /// Codes put: new ones, or new versions of existing ones.
    pub put_codes: Vec<Code>,
    /// Codes deleted.
    pub delete_codes: Vec<CodeId>,
    /// Codings put: new ones, or new versions of existing ones.
    pub put_codings: Vec<Coding>,
    /// Codings deleted.
    pub delete_codings: Vec<u64>,
}

/// Why a change to the codebook was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodingError {
    /// The code named is not in the codebook.
    #[error("ce code n'existe plus")]
    NoSuchCode,
    /// A code needs a name.
    #[error("un code doit avoir un nom")]
    EmptyName,
    /// A sibling already has this name.
    #[error("« {0} » existe déjà à cet endroit du livre de codes")]
    DuplicateName(String),
    /// A code cannot be moved under itself or one of its codes.
    #[error("un code ne peut pas être rangé sous lui-même ni sous l'un de ses sous-codes")]
    Cycle,
    /// A code cannot be merged into itself or into one of its own codes.
    #[error("un code ne peut pas être fusionné avec lui-même ni avec l'un de ses sous-codes")]
    MergeIntoSelf,
    /// Passages cannot be coded with a heading that only groups codes.
    #[error("« {0} » regroupe des codes et ne s'applique pas à un passage")]
    NotCodable(String),
}

impl CodingChange {
    /// Whether the change does nothing.
    pub fn is_empty(&self) -> bool {
        self.put_codes.is_empty()
            && self.delete_codes.is_empty()
            && self.put_codings.is_empty()
            && self.delete_codings.is_empty()
    }

    /// The change that undoes this one, given the work as it is before this one.
    pub fn inverse(&self, work: &CodingWork) -> CodingChange {
        let mut inverse = CodingChange {
            label: self.label.clone(),
            ..CodingChange::default()
        };
        for code in &self.put_codes {
            match work.codebook.get(code.id) {
                Some(old) => inverse.put_codes.push(old.clone()),
                None => inverse.delete_codes.push(code.id),
            }
        }
        for id in &self.delete_codes {
            if let Some(old) = work.codebook.get(*id) {
                inverse.put_codes.push(old.clone());
            }
        }
        for coding in &self.put_codings {
            match work.codings.get(&coding.id) {
                Some(old) => inverse.put_codings.push(old.clone()),
                None => inverse.delete_codings.push(coding.id),
            }
        }
        for id in &self.delete_codings {
            if let Some(old) = work.codings.get(id) {
                inverse.put_codings.push(old.clone());
            }
        }
        inverse
    }

    /// Carry the change out on the work in memory: deletions first, then what is put.
    pub fn apply_to(&self, work: &mut CodingWork) {
        work.codebook
            .codes
            .retain(|c| !self.delete_codes.contains(&c.id));
        for code in &self.put_codes {
            match work.codebook.codes.iter_mut().find(|c| c.id == code.id) {
                Some(slot) => *slot = code.clone(),
                None => work.codebook.codes.push(code.clone()),
            }
        }
        for id in &self.delete_codings {
            work.codings.remove(id);
        }
        for coding in &self.put_codings {
            work.codings.insert(coding.id, coding.clone());
        }
    }
}

/// The colours given, in turn, to new themes and to imported codes without one (Okabe–Ito,
/// the charts' palette, readable by most colour-blind people).
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0xF0, 0xE4, 0x42),
    Rgb(0x99, 0x99, 0x99),
];

/// A GUID for a new code, from the project's time and the code's id: unique within the
/// project, and well-formed for REFI-QDA exchange.
fn new_guid(book: &Codebook, id: CodeId, name: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(id.0.to_le_bytes());
    hash.update(name.as_bytes());
    hash.update(book.codes.len().to_le_bytes());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hash.update(nanos.to_le_bytes());
    let h: Vec<String> = hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    let h = h.concat();
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

fn check_name(
    book: &Codebook,
    parent: Option<CodeId>,
    name: &str,
    except: Option<CodeId>,
) -> Result<String, CodingError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CodingError::EmptyName);
    }
    let taken = book.children(parent).iter().any(|c| {
        Some(c.id) != except
            && crate::model::french::fold(&c.name) == crate::model::french::fold(name)
    });
    if taken {
        return Err(CodingError::DuplicateName(name.to_owned()));
    }
    Ok(name.to_owned())
}

/// A new code under `parent` (last among its siblings), coloured like its parent or from
/// the palette for a new theme. Returns its id and the change.
pub fn create_code(
    work: &CodingWork,
    parent: Option<CodeId>,
    name: &str,
) -> Result<(CodeId, CodingChange), CodingError> {
    let book = &work.codebook;
    if let Some(p) = parent
        && book.get(p).is_none()
    {
        return Err(CodingError::NoSuchCode);
    }
    let name = check_name(book, parent, name, None)?;
    let id = book.next_id();
    let siblings = book.children(parent);
    let color = match parent.and_then(|p| book.get(p)) {
        Some(p) => p.color,
        None => PALETTE[siblings.len() % PALETTE.len()],
    };
    let code = Code {
        id,
        guid: new_guid(book, id, &name),
        parent,
        position: siblings.iter().map(|c| c.position + 1).max().unwrap_or(0),
        name: name.clone(),
        color,
        description: CodeDefinition::default(),
        codable: true,
        shortcut: None,
    };
    Ok((
        id,
        CodingChange {
            label: format!("Nouveau code « {name} »"),
            put_codes: vec![code],
            ..CodingChange::default()
        },
    ))
}

fn edited(
    work: &CodingWork,
    id: CodeId,
    label: impl FnOnce(&Code) -> String,
    edit: impl FnOnce(&mut Code),
) -> Result<CodingChange, CodingError> {
    let mut code = work
        .codebook
        .get(id)
        .cloned()
        .ok_or(CodingError::NoSuchCode)?;
    let label = label(&code);
    edit(&mut code);
    Ok(CodingChange {
        label,
        put_codes: vec![code],
        ..CodingChange::default()
    })
}

/// Rename a code.
pub fn rename(work: &CodingWork, id: CodeId, name: &str) -> Result<CodingChange, CodingError> {
    let parent = work.codebook.get(id).ok_or(CodingError::NoSuchCode)?.parent;
    let name = check_name(&work.codebook, parent, name, Some(id))?;
    edited(
        work,
        id,
        |c| format!("Code « {} » renommé « {name} »", c.name),
        |c| c.name = name.clone(),
    )
}

/// Give a code another colour.
pub fn recolour(work: &CodingWork, id: CodeId, color: Rgb) -> Result<CodingChange, CodingError> {
    edited(
        work,
        id,
        |c| format!("Couleur du code « {} »", c.name),
        |c| c.color = color,
    )
}

/// Describe a code (definition, when to use it, when not, an example).
pub fn describe(
    work: &CodingWork,
    id: CodeId,
    description: CodeDefinition,
) -> Result<CodingChange, CodingError> {
    edited(
        work,
        id,
        |c| format!("Définition du code « {} »", c.name),
        |c| c.description = description,
    )
}

/// Give a code a key (or none); a code that had that key loses it.
pub fn set_shortcut(
    work: &CodingWork,
    id: CodeId,
    key: Option<char>,
) -> Result<CodingChange, CodingError> {
    let mut change = edited(
        work,
        id,
        |c| format!("Raccourci du code « {} »", c.name),
        |c| c.shortcut = key,
    )?;
    if let Some(key) = key {
        for other in &work.codebook.codes {
            if other.id != id && other.shortcut == Some(key) {
                let mut other = other.clone();
                other.shortcut = None;
                change.put_codes.push(other);
            }
        }
    }
    Ok(change)
}

/// Move a code (with the codes under it) under `parent`, at `position` among its new
/// siblings (clamped to the end); siblings are renumbered.
pub fn move_code(
    work: &CodingWork,
    id: CodeId,
    parent: Option<CodeId>,
    position: usize,
) -> Result<CodingChange, CodingError> {
    let book = &work.codebook;
    let code = book.get(id).ok_or(CodingError::NoSuchCode)?;
    if let Some(p) = parent {
        if book.get(p).is_none() {
            return Err(CodingError::NoSuchCode);
        }
        if book.subtree(id).contains(&p) {
            return Err(CodingError::Cycle);
        }
    }
    check_name(book, parent, &code.name, Some(id))?;
    let mut siblings: Vec<Code> = book
        .children(parent)
        .into_iter()
        .filter(|c| c.id != id)
        .cloned()
        .collect();
    let mut moved = code.clone();
    moved.parent = parent;
    siblings.insert(position.min(siblings.len()), moved);
    let mut change = CodingChange {
        label: format!("Code « {} » déplacé", code.name),
        ..CodingChange::default()
    };
    for (i, mut sibling) in siblings.into_iter().enumerate() {
        let i = i as u32;
        let old = book.get(sibling.id);
        if old.is_some_and(|o| o.position == i && o.parent == sibling.parent) {
            continue;
        }
        sibling.position = i;
        change.put_codes.push(sibling);
    }
    Ok(change)
}

/// Merge code `from` into `into`: `from`'s codings become `into`'s (one coder's same passage
/// once), the codes under `from` move under `into`, and `from` is deleted.
pub fn merge(work: &CodingWork, from: CodeId, into: CodeId) -> Result<CodingChange, CodingError> {
    let book = &work.codebook;
    let source = book.get(from).ok_or(CodingError::NoSuchCode)?;
    let target = book.get(into).ok_or(CodingError::NoSuchCode)?;
    if book.subtree(from).contains(&into) {
        return Err(CodingError::MergeIntoSelf);
    }
    let mut change = CodingChange {
        label: format!("Code « {} » fusionné dans « {} »", source.name, target.name),
        delete_codes: vec![from],
        ..CodingChange::default()
    };
    let first = book
        .children(Some(into))
        .iter()
        .map(|c| c.position + 1)
        .max()
        .unwrap_or(0);
    for (k, child) in book.children(Some(from)).into_iter().enumerate() {
        let mut child = child.clone();
        child.parent = Some(into);
        child.position = first + k as u32;
        change.put_codes.push(child);
    }
    if !target.codable && work.codings.values().any(|c| c.code == from) {
        let mut target = target.clone();
        target.codable = true;
        change.put_codes.push(target);
    }
    let already: std::collections::HashSet<(&Anchor, &str)> = work
        .codings
        .values()
        .filter(|c| c.code == into)
        .map(|c| (&c.anchor, c.coder.as_str()))
        .collect();
    for coding in work.codings.values().filter(|c| c.code == from) {
        if already.contains(&(&coding.anchor, coding.coder.as_str())) {
            change.delete_codings.push(coding.id);
        } else {
            let mut moved = coding.clone();
            moved.code = into;
            change.put_codings.push(moved);
        }
    }
    Ok(change)
}

/// Delete a code, the codes under it, and all their codings.
pub fn delete(work: &CodingWork, id: CodeId) -> Result<CodingChange, CodingError> {
    let code = work.codebook.get(id).ok_or(CodingError::NoSuchCode)?;
    let subtree = work.codebook.subtree(id);
    let codings: Vec<u64> = work
        .codings
        .values()
        .filter(|c| subtree.contains(&c.code))
        .map(|c| c.id)
        .collect();
    Ok(CodingChange {
        label: format!(
            "Code « {} » supprimé ({} codage(s))",
            code.name,
            codings.len()
        ),
        delete_codes: subtree,
        delete_codings: codings,
        ..CodingChange::default()
    })
}

/// Apply `code` to passages, as `coder`, at time `at`; a passage the coder already coded
/// with it is left as it is.
pub fn apply_code(
    work: &CodingWork,
    code: CodeId,
    anchors: &[Anchor],
    coder: &str,
    at: &str,
) -> Result<CodingChange, CodingError> {
    let found = work.codebook.get(code).ok_or(CodingError::NoSuchCode)?;
    if !found.codable {
        return Err(CodingError::NotCodable(found.name.clone()));
    }
    let existing: std::collections::HashSet<&Anchor> = work
        .codings
        .values()
        .filter(|c| c.code == code && c.coder == coder)
        .map(|c| &c.anchor)
        .collect();
    let mut next = work.next_coding_id();
    let mut change = CodingChange::default();
    let mut seen = std::collections::HashSet::new();
    for anchor in anchors {
        if existing.contains(anchor) || !seen.insert(anchor) {
            continue;
        }
        change.put_codings.push(Coding {
            id: next,
            code,
            anchor: anchor.clone(),
            coder: coder.to_owned(),
            at: at.to_owned(),
            review: None,
        });
        next += 1;
    }
    change.label = match change.put_codings.len() {
        1 => format!("Passage codé « {} »", found.name),
        n => format!("{n} passages codés « {} »", found.name),
    };
    Ok(change)
}

/// Take codings off.
pub fn remove_codings(work: &CodingWork, ids: &[u64]) -> CodingChange {
    let ids: Vec<u64> = ids
        .iter()
        .copied()
        .filter(|id| work.codings.contains_key(id))
        .collect();
    CodingChange {
        label: match ids.len() {
            1 => "Codage retiré".to_owned(),
            n => format!("{n} codages retirés"),
        },
        delete_codings: ids,
        ..CodingChange::default()
    }
}

/// Bring a codebook from another tool (or another project) into this one, losing nothing:
/// a code already here (same GUID, or else same place and name) takes the incoming name,
/// colour, definition and place; a new code is added; a code the file does not have stays,
/// with its codings. The tree is kept as the file gives it.
pub fn import_codebook(work: &CodingWork, incoming: &Codebook, file: &str) -> CodingChange {
    use std::collections::HashMap;
    let book = &work.codebook;
    let fold = |name: &str| crate::model::french::fold(name);
    let path_key = |b: &Codebook, id: CodeId| -> String {
        b.path(id)
            .iter()
            .map(|n| fold(n))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let by_guid: HashMap<String, CodeId> = book
        .codes
        .iter()
        .filter(|c| !c.guid.is_empty())
        .map(|c| (c.guid.to_uppercase(), c.id))
        .collect();
    let by_path: HashMap<String, CodeId> = book
        .codes
        .iter()
        .map(|c| (path_key(book, c.id), c.id))
        .collect();
    // Each incoming code's id here: an existing code, or a new id.
    let mut next = book.next_id().0;
    let mut ids: HashMap<CodeId, CodeId> = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for (code, _) in incoming.in_order() {
        let found = by_guid
            .get(&code.guid.to_uppercase())
            .or_else(|| by_path.get(&path_key(incoming, code.id)))
            .copied()
            .filter(|id| taken.insert(*id));
        let id = found.unwrap_or_else(|| {
            next += 1;
            CodeId(next - 1)
        });
        ids.insert(code.id, id);
    }
    let mut change = CodingChange::default();
    let (mut added, mut updated) = (0, 0);
    for (code, _) in incoming.in_order() {
        let id = ids[&code.id];
        let existing = book.get(id);
        let put = Code {
            id,
            guid: code.guid.clone(),
            parent: code.parent.map(|p| ids[&p]),
            position: code.position,
            name: code.name.clone(),
            color: code.color,
            description: code.description.clone(),
            // A code that has codings here stays codable.
            codable: code.codable || work.codings.values().any(|c| c.code == id),
            shortcut: existing.and_then(|e| e.shortcut),
        };
        match existing {
            Some(old) if *old == put => {}
            Some(_) => {
                updated += 1;
                change.put_codes.push(put);
            }
            None => {
                added += 1;
                change.put_codes.push(put);
            }
        }
    }
    change.label = format!(
        "Livre de codes importé de {file} : {added} code(s) ajouté(s), {updated} mis à jour"
    );
    change
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work() -> CodingWork {
        let mut work = CodingWork::default();
        let (theme, c) = create_code(&work, None, "Perceptions").unwrap();
        c.apply_to(&mut work);
        let (_, c) = create_code(&work, Some(theme), "Perceptions des jeunes").unwrap();
        c.apply_to(&mut work);
        let (_, c) = create_code(&work, Some(theme), "Perceptions des conseillers").unwrap();
        c.apply_to(&mut work);
        work
    }

    fn answer(r: u32) -> Anchor {
        Anchor::Answer {
            source: "jeunes".into(),
            question: "q5".into(),
            respondent: r,
            span: None,
        }
    }

    /// Apply a change and check that its inverse brings the work back exactly.
    fn round_trip(work: &mut CodingWork, change: &CodingChange) {
        let before = work.clone();
        let inverse = change.inverse(work);
        change.apply_to(work);
        let mut back = work.clone();
        inverse.apply_to(&mut back);
        back.codebook.codes.sort_by_key(|c| c.id);
        let mut expected = before;
        expected.codebook.codes.sort_by_key(|c| c.id);
        assert_eq!(back, expected, "{}", change.label);
    }

    #[test]
    fn every_change_is_undone_by_its_inverse() {
        let mut w = work();
        let jeunes = w.codebook.codes[1].id;
        let conseillers = w.codebook.codes[2].id;
        let coded = apply_code(&w, jeunes, &[answer(1), answer(2)], "A", "2026-12-06").unwrap();
        round_trip(&mut w, &coded);
        let change = rename(&w, jeunes, "Voix des jeunes").unwrap();
        round_trip(&mut w, &change);
        let change = recolour(&w, jeunes, Rgb(1, 2, 3)).unwrap();
        round_trip(&mut w, &change);
        let change = move_code(&w, conseillers, None, 0).unwrap();
        round_trip(&mut w, &change);
        let change = merge(&w, jeunes, conseillers).unwrap();
        round_trip(&mut w, &change);
        assert!(
            w.codings.values().all(|c| c.code == conseillers),
            "codings follow the merge"
        );
        let change = delete(&w, conseillers).unwrap();
        round_trip(&mut w, &change);
        assert!(w.codings.is_empty(), "codings go with their code");
    }

    #[test]
    fn a_code_cannot_go_under_itself_and_names_stay_apart() {
        let w = work();
        let theme = w.codebook.codes[0].id;
        let child = w.codebook.codes[1].id;
        assert_eq!(
            move_code(&w, theme, Some(child), 0),
            Err(CodingError::Cycle)
        );
        assert_eq!(merge(&w, theme, child), Err(CodingError::MergeIntoSelf));
        assert!(matches!(
            create_code(&w, Some(theme), "perceptions des JEUNES"),
            Err(CodingError::DuplicateName(_))
        ));
        assert_eq!(rename(&w, child, "  "), Err(CodingError::EmptyName));
    }

    #[test]
    fn an_imported_codebook_updates_codes_by_guid_and_adds_the_others_losing_nothing() {
        let mut w = work();
        let jeunes = w.codebook.codes[1].clone();
        apply_code(&w, jeunes.id, &[answer(1)], "A", "t")
            .unwrap()
            .apply_to(&mut w);
        let mut incoming = w.codebook.clone();
        // The same code renamed elsewhere, a new code, and a code left out.
        let renamed = incoming
            .codes
            .iter_mut()
            .find(|c| c.id == jeunes.id)
            .unwrap();
        renamed.name = "Voix des jeunes".to_owned();
        incoming
            .codes
            .retain(|c| c.name != "Perceptions des conseillers");
        let (_, add) = create_code(
            &CodingWork {
                codebook: incoming.clone(),
                ..CodingWork::default()
            },
            None,
            "Effets",
        )
        .unwrap();
        incoming.codes.extend(add.put_codes);
        let change = import_codebook(&w, &incoming, "autre.qdc");
        round_trip(&mut w, &change);
        assert!(
            w.codebook
                .codes
                .iter()
                .any(|c| c.id == jeunes.id && c.name == "Voix des jeunes")
        );
        assert!(w.codebook.codes.iter().any(|c| c.name == "Effets"));
        assert!(
            w.codebook
                .codes
                .iter()
                .any(|c| c.name == "Perceptions des conseillers")
        );
        assert_eq!(w.codings.len(), 1, "codings stay with their code");
        assert!(
            change.label.contains("1 code(s) ajouté(s), 1 mis à jour"),
            "{}",
            change.label
        );
    }

    #[test]
    fn a_passage_is_coded_once_per_coder() {
        let mut w = work();
        let code = w.codebook.codes[1].id;
        apply_code(&w, code, &[answer(1)], "A", "t")
            .unwrap()
            .apply_to(&mut w);
        let again = apply_code(&w, code, &[answer(1), answer(1), answer(2)], "A", "t").unwrap();
        assert_eq!(again.put_codings.len(), 1);
        let other_coder = apply_code(&w, code, &[answer(1)], "B", "t").unwrap();
        assert_eq!(other_coder.put_codings.len(), 1);
    }
}
