//! Colour-blind-safe colours for charts.
//!
//! Diverging scales follow ColorBrewer's RdBu scheme (red for the unfavourable side, blue for
//! the favourable side, grey for the neutral middle); qualitative series use the Okabe–Ito
//! palette; heat maps use ColorBrewer's sequential Blues. All of them stay distinguishable
//! under the common forms of colour blindness and in greyscale print.

/// A colour as 8-bit red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `0xRRGGBB`.
    pub const fn hex(v: u32) -> Self {
        Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }

    /// Relative luminance (WCAG), from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The text colour that reads best on this background: near-black or white.
    pub fn text_on(self) -> Rgb {
        // Contrast against white text vs. against near-black text; pick the larger.
        let l = self.luminance();
        let white = 1.05 / (l + 0.05);
        let black = (l + 0.05) / (INK.luminance() + 0.05);
        if white > black { WHITE } else { INK }
    }

    /// Linear blend towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// Page background.
pub const WHITE: Rgb = Rgb(255, 255, 255);
/// Body text.
pub const INK: Rgb = Rgb(0x22, 0x22, 0x22);
/// Secondary text (subtitles, axis labels, source line).
pub const MUTED: Rgb = Rgb(0x59, 0x59, 0x59);
/// Caution lines (small numbers): a dark amber that stays readable in greyscale.
pub const CAUTION: Rgb = Rgb(0x8a, 0x4b, 0x00);
/// Grid lines.
pub const GRID: Rgb = Rgb(0xe3, 0xe3, 0xe3);
/// Axis and zero lines.
pub const AXIS: Rgb = Rgb(0x4d, 0x4d, 0x4d);
/// The neutral middle of a Likert scale.
pub const NEUTRAL: Rgb = Rgb(0xd4, 0xd4, 0xd4);
/// Suppressed cells (statistical disclosure control).
pub const SUPPRESSED: Rgb = Rgb(0xf2, 0xf2, 0xf2);

/// ColorBrewer RdBu, unfavourable side, from the strongest to the lightest, by classes per side.
const RED_SIDE: [&[u32]; 5] = [
    &[0xef8a62],
    &[0xca0020, 0xf4a582],
    &[0xb2182b, 0xef8a62, 0xfddbc7],
    &[0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7],
    &[0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7],
];
/// ColorBrewer RdBu, favourable side, from the strongest to the lightest, by classes per side.
const BLUE_SIDE: [&[u32]; 5] = [
    &[0x67a9cf],
    &[0x0571b0, 0x92c5de],
    &[0x2166ac, 0x67a9cf, 0xd1e5f0],
    &[0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0],
    &[0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0],
];

/// Greys for non-substantive answers (« Ne sait pas », « Non concerné »…), darkest first.
const NON_SUBSTANTIVE: [u32; 3] = [0x969696, 0xb5b5b5, 0x737373];

/// Okabe–Ito qualitative palette, in the order series receive it.
const OKABE_ITO: [u32; 8] = [
    0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442, 0x999999,
];

/// ColorBrewer sequential Blues, light to dark.
const BLUES: [u32; 7] = [
    0xeff3ff, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x084594,
];

/// One side of a diverging scale with `classes` categories, strongest first.
fn side(table: &[&[u32]; 5], classes: usize) -> Vec<Rgb> {
    match classes {
        0 => Vec::new(),
        1..=5 => table[classes - 1].iter().map(|&c| Rgb::hex(c)).collect(),
        _ => {
            // Past eleven-point scales ColorBrewer stops: interpolate along its widest ramp.
            let ramp: Vec<Rgb> = table[4].iter().map(|&c| Rgb::hex(c)).collect();
            (0..classes)
                .map(|i| sample(&ramp, i as f64 / (classes - 1) as f64))
                .collect()
        }
    }
}

/// Colour along a ramp at `t` in 0..=1.
fn sample(ramp: &[Rgb], t: f64) -> Rgb {
    let Some(&last) = ramp.last() else {
        return NEUTRAL;
    };
    if ramp.len() == 1 {
        return last;
    }
    let pos = t.clamp(0.0, 1.0) * (ramp.len() - 1) as f64;
    let i = (pos.floor() as usize).min(ramp.len() - 2);
    ramp[i].mix(ramp[i + 1], pos - i as f64)
}

/// Colours of a Likert scale of `len` categories ordered from the most to the least favourable:
/// blues for the favourable half, grey for the middle of an odd scale, reds for the rest.
pub fn diverging(len: usize) -> Vec<Rgb> {
    let per_side = len / 2;
    let mut colours = side(&BLUE_SIDE, per_side);
    if len % 2 == 1 {
        colours.push(NEUTRAL);
    }
    let mut reds = side(&RED_SIDE, per_side);
    reds.reverse();
    colours.extend(reds);
    colours
}

/// Colour of the `index`-th non-substantive category.
pub fn non_substantive(index: usize) -> Rgb {
    Rgb::hex(NON_SUBSTANTIVE[index % NON_SUBSTANTIVE.len()])
}

/// Colour of the `index`-th qualitative series (Okabe–Ito, cycling past eight).
pub fn qualitative(index: usize) -> Rgb {
    Rgb::hex(OKABE_ITO[index % OKABE_ITO.len()])
}

/// Sequential colour for `t` in 0..=1 (heat maps).
pub fn sequential(t: f64) -> Rgb {
    let ramp: Vec<Rgb> = BLUES.iter().map(|&c| Rgb::hex(c)).collect();
    sample(&ramp, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_point_scale_is_blue_then_red() {
        let c = diverging(4);
        assert_eq!(c.len(), 4);
        assert!(c[0].2 > c[0].0, "most favourable is blue");
        assert!(c[3].0 > c[3].2, "least favourable is red");
    }

    #[test]
    fn odd_scale_has_grey_middle() {
        let c = diverging(5);
        assert_eq!(c[2], NEUTRAL);
        assert_eq!(diverging(13).len(), 13);
    }

    #[test]
    fn text_contrasts_with_background() {
        assert_eq!(Rgb::hex(0x053061).text_on(), WHITE);
        assert_eq!(Rgb::hex(0xfddbc7).text_on(), INK);
    }
}
