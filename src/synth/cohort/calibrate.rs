//! Success factors the sample must show: the report's three classes of exit by each factor
//! (a share per level, for the gaps the report states), reached by swapping the pathways
//! of two young people of the same structure whose classes differ, whenever the swap
//! brings the tables closer to their targets. National and per-structure pathway counts
//! never change; only who follows which one does.

use crate::synth::rng::Rng;

/// A level code meaning « no value ».
pub const NONE: u8 = u8::MAX;

/// Target shares of the three classes at one level of one factor.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Factor (index in the people's level arrays).
    pub factor: usize,
    /// Level code.
    pub level: u8,
    /// Shares of the three classes, in percent.
    pub shares: [f64; 3],
    /// How much the level's table counts against the others' (1 for most).
    pub weight: f64,
}

/// Swaps classes among members (each with a group, a class and one level per factor) until
/// the factor tables come as close as they can to `targets`, trying `rounds` random pairs
/// of the same group. Returns the new assignment as a permutation: member `i` now has the
/// class (and pathway) that member `from[i]` had.
pub fn calibrate(
    groups: &[usize],
    class: &[u8],
    levels: &[Vec<u8>],
    targets: &[Target],
    rounds: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let n = class.len();
    let factors = levels.first().map_or(0, Vec::len);
    let mut from: Vec<usize> = (0..n).collect();
    let mut current: Vec<u8> = class.to_vec();
    // counts[f][level][class]
    let max_level = levels
        .iter()
        .flatten()
        .filter(|l| **l != NONE)
        .copied()
        .max()
        .map_or(0, |m| usize::from(m) + 1);
    let mut counts = vec![vec![[0f64; 3]; max_level]; factors];
    for i in 0..n {
        for f in 0..factors {
            let l = levels[i][f];
            if l != NONE {
                counts[f][usize::from(l)][usize::from(current[i])] += 1.0;
            }
        }
    }
    // Target shares by (factor, level); weight by the level's size so that big levels
    // are held to their share as tightly as small ones.
    let mut goal = vec![vec![None; max_level]; factors];
    for t in targets {
        if let Some(slot) = goal
            .get_mut(t.factor)
            .and_then(|g| g.get_mut(usize::from(t.level)))
        {
            *slot = Some((t.shares.map(|s| s / 100.0), t.weight));
        }
    }
    let cost = |counts: &[[f64; 3]], f_goal: &[Option<([f64; 3], f64)>], level: usize| -> f64 {
        let Some((shares, weight)) = f_goal.get(level).copied().flatten() else {
            return 0.0;
        };
        let row = counts[level];
        let size: f64 = row.iter().sum();
        if size == 0.0 {
            return 0.0;
        }
        (0..3)
            .map(|c| {
                let d = row[c] / size - shares[c];
                d * d * size * weight
            })
            .sum()
    };
    // Members by group, to draw partners in the same structure.
    let group_count = groups.iter().max().map_or(0, |g| g + 1);
    let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); group_count];
    for (i, g) in groups.iter().enumerate() {
        by_group[*g].push(i);
    }
    for _ in 0..rounds {
        let i = rng.below(n);
        let members = &by_group[groups[i]];
        let j = members[rng.below(members.len())];
        let (a, b) = (current[i], current[j]);
        if a == b {
            continue;
        }
        let mut delta = 0.0;
        for f in 0..factors {
            let (li, lj) = (levels[i][f], levels[j][f]);
            if li == lj {
                continue;
            }
            let touched: Vec<usize> = [li, lj]
                .iter()
                .filter(|l| **l != NONE)
                .map(|l| usize::from(*l))
                .collect();
            let before: f64 = touched.iter().map(|&l| cost(&counts[f], &goal[f], l)).sum();
            apply(&mut counts[f], li, lj, a, b);
            let after: f64 = touched.iter().map(|&l| cost(&counts[f], &goal[f], l)).sum();
            apply(&mut counts[f], li, lj, b, a);
            delta += after - before;
        }
        if delta < -1e-12 {
            for f in 0..factors {
                let (li, lj) = (levels[i][f], levels[j][f]);
                if li != lj {
                    apply(&mut counts[f], li, lj, a, b);
                }
            }
            current.swap(i, j);
            from.swap(i, j);
        }
    }
    from
}

/// Moves member i (level li) from class a to b and member j (level lj) from b to a.
fn apply(counts: &mut [[f64; 3]], li: u8, lj: u8, a: u8, b: u8) {
    if li != NONE {
        let row = &mut counts[usize::from(li)];
        row[usize::from(a)] -= 1.0;
        row[usize::from(b)] += 1.0;
    }
    if lj != NONE {
        let row = &mut counts[usize::from(lj)];
        row[usize::from(b)] -= 1.0;
        row[usize::from(a)] += 1.0;
    }
}

/// Calibrates who follows which pathway among the young people whose pathway gives a
/// class of exit (`class_of`), within each structure, so that the factor tables come close
/// to `targets`; the levels of the factors without a target are filled with what the class
/// totals leave (see [`super::targets::fill_remainder`]).
pub fn calibrate_people(
    people: &mut [super::people::Person],
    paths: &[super::common::Path],
    class_of: &dyn Fn(&super::common::Path) -> Option<u8>,
    levels: &dyn Fn(&super::people::Person) -> [u8; super::targets::FACTORS],
    mut targets: Vec<Target>,
    rng: &mut Rng,
) {
    let members: Vec<usize> = (0..people.len())
        .filter(|&i| class_of(&paths[people[i].path]).is_some())
        .collect();
    let class: Vec<u8> = members
        .iter()
        .map(|&i| class_of(&paths[people[i].path]).unwrap_or(0))
        .collect();
    let rows: Vec<Vec<u8>> = members
        .iter()
        .map(|&i| levels(&people[i]).to_vec())
        .collect();
    let groups: Vec<usize> = members.iter().map(|&i| people[i].group).collect();
    for factor in 0..super::targets::FACTORS {
        super::targets::fill_remainder(&mut targets, factor, &rows, &class);
    }
    let from = calibrate(&groups, &class, &rows, &targets, 60 * members.len(), rng);
    let old: Vec<usize> = members.iter().map(|&i| people[i].path).collect();
    for (k, &i) in members.iter().enumerate() {
        let path = old[from[k]];
        people[i].path = path;
        people[i].situation = paths[path].situation;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_reach_a_reachable_table_and_keep_class_totals() {
        // 200 people, one factor with two levels of 100; classes 0, 0, 1, 1, 2 in turn
        // (80/80/40), so each level starts at 40/40/20. Targets: 55/30/15 and 25/50/25.
        let mut rng = Rng::new(7);
        let class: Vec<u8> = (0..200).map(|i| [0, 0, 1, 1, 2][i % 5]).collect();
        let levels: Vec<Vec<u8>> = (0..200).map(|i| vec![u8::from(i >= 100)]).collect();
        let targets = [
            Target {
                factor: 0,
                level: 0,
                shares: [55.0, 30.0, 15.0],
                weight: 1.0,
            },
            Target {
                factor: 0,
                level: 1,
                shares: [25.0, 50.0, 25.0],
                weight: 1.0,
            },
        ];
        let from = calibrate(&[0; 200], &class, &levels, &targets, 20_000, &mut rng);
        let after: Vec<u8> = from.iter().map(|&k| class[k]).collect();
        let mut rows = [[0usize; 3]; 2];
        for i in 0..200 {
            rows[usize::from(levels[i][0])][usize::from(after[i])] += 1;
        }
        assert_eq!(rows, [[55, 30, 15], [25, 50, 25]]);
    }
}
