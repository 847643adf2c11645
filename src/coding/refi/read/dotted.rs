//! Taguette's hierarchy: a flat list of codes whose names spell the tree with dots
//! (`interesting.places` sits under `interesting`), which we rebuild for a file without any
//! nesting. A level no code stands for becomes a non-codable code that only groups the others.
//!
//! Dots also occur in ordinary names, so only some dots split: a dot between two digits
//! (« 1.2 Motivation »), next to a space (« Dr. Martin »), at either end or doubled is part of
//! the name. A codebook numbered « 1.1 », « 1.2 »… therefore stays flat, as it was written.

use std::collections::HashMap;

use super::Node;
use crate::model::coding::CodeDefinition;

/// Most levels a dotted name is split into; past that it is a name, not a path.
const MAX_DOTTED_LEVELS: usize = 32;

/// Rebuilds the tree of a flat file from dotted names, adding a non-codable node for each
/// level no code stands for. Returns the nodes in the order they join their parents.
pub(super) fn unflatten(nodes: &mut Vec<Node>) -> Vec<usize> {
    let explicit = nodes.len();
    let mut by_path: HashMap<String, usize> = HashMap::new();
    for (index, node) in nodes.iter().enumerate() {
        by_path.entry(node.name.clone()).or_insert(index);
    }
    let mut attached = Vec::with_capacity(explicit);
    for index in 0..explicit {
        let Some(levels) = dotted_levels(&nodes[index].name) else {
            attached.push(index);
            continue;
        };
        let levels: Vec<String> = levels.into_iter().map(str::to_owned).collect();
        let mut parent: Option<usize> = None;
        for depth in 1..levels.len() {
            let key = levels[..depth].join(".");
            let found = match by_path.get(&key) {
                Some(&existing) => existing,
                None => {
                    nodes.push(Node {
                        name: levels[depth - 1].clone(),
                        guid: None,
                        codable: false,
                        color: None,
                        description: CodeDefinition::default(),
                        parent,
                    });
                    let created = nodes.len() - 1;
                    by_path.insert(key, created);
                    attached.push(created);
                    created
                }
            };
            parent = Some(found);
        }
        let node = &mut nodes[index];
        node.parent = parent;
        node.name = levels.last().cloned().unwrap_or_default();
        attached.push(index);
    }
    attached
}

/// The levels of a dotted name (`interesting.places`), or `None` when its dots are part of
/// the name: a dot between two digits (« 1.2 »), next to a space (« Dr. Martin »), at either
/// end, doubled, or more levels than any real hierarchy has.
fn dotted_levels(name: &str) -> Option<Vec<&str>> {
    let levels: Vec<&str> = name.split('.').collect();
    if levels.len() < 2 || levels.len() > MAX_DOTTED_LEVELS {
        return None;
    }
    let clean = levels
        .iter()
        .all(|level| !level.is_empty() && level.trim() == *level);
    let between_digits = levels.windows(2).any(|pair| {
        pair[0].ends_with(|c: char| c.is_ascii_digit())
            && pair[1].starts_with(|c: char| c.is_ascii_digit())
    });
    (clean && !between_digits).then_some(levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_split_levels_only_where_they_are_no_part_of_a_name() {
        assert_eq!(
            dotted_levels("interesting.places"),
            Some(vec!["interesting", "places"])
        );
        assert_eq!(dotted_levels("a.b.c"), Some(vec!["a", "b", "c"]));
        assert_eq!(
            dotted_levels("2023.entretiens"),
            Some(vec!["2023", "entretiens"])
        );
        for whole in [
            "pas de point",
            "1.2 Motivation",
            "Section 2.3",
            "Dr. Martin",
            "etc.",
            ".caché",
            "a..b",
            "trois. quatre",
        ] {
            assert_eq!(dotted_levels(whole), None, "{whole}");
        }
    }
}
