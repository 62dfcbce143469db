//! Folding of the draft into a comparable character stream. Every folded char
//! remembers the byte range of the original char(s) it came from, so findings
//! can point back into the text the reader actually typed.

use crate::fold_table::FOLD;

#[derive(Clone, Copy, Debug)]
pub(crate) struct NChar {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// Invisible characters are dropped entirely: they are the classic way to
/// split a word without the reader seeing it (zero-width space, soft hyphen,
/// joiners, bidi controls, variation selectors, combining marks such as the
/// strike-through used in "f̶u̶c̶k̶").
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0xE0000..=0xE007F)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Styled letters (mathematical bold/italic/script..., circled, squared,
/// regional indicators) are alphabet copies laid out in blocks of 26.
fn styled_letter(u: u32) -> Option<char> {
    let from = |base: u32, off: u32| char::from_u32(base + off);
    match u {
        0x1D400..=0x1D6A3 => from('a' as u32, (u - 0x1D400) % 26),
        0x1D7CE..=0x1D7FF => from('0' as u32, (u - 0x1D7CE) % 10),
        0x24B6..=0x24CF => from('a' as u32, u - 0x24B6),
        0x24D0..=0x24E9 => from('a' as u32, u - 0x24D0),
        0x249C..=0x24B5 => from('a' as u32, u - 0x249C),
        0x1F130..=0x1F149 => from('a' as u32, u - 0x1F130),
        0x1F150..=0x1F169 => from('a' as u32, u - 0x1F150),
        0x1F170..=0x1F189 => from('a' as u32, u - 0x1F170),
        0x1F1E6..=0x1F1FF => from('a' as u32, u - 0x1F1E6),
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).map(|c| c.to_ascii_lowercase()),
        _ => None,
    }
}

/// Fold one char to its comparable form; None means "drop it".
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_invisible(c) {
        return None;
    }
    let u = c as u32;
    if let Some(s) = styled_letter(u) {
        return Some(s);
    }
    if u <= 0xFFFF {
        if let Ok(i) = FOLD.binary_search_by_key(&(u as u16), |&(k, _)| k) {
            return Some(FOLD[i].1 as char);
        }
    }
    let c = match c {
        // Typographic apostrophes must not split "you’re" into two words.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' | '`' => '\'',
        'ё' | 'Ё' => 'е',
        _ => c,
    };
    // The engine matches Armenian and Cyrillic words: it needs the Unicode
    // case tables, and it ships in a module of its own.
    #[allow(clippy::disallowed_methods)]
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(lower)
}

pub(crate) fn normalize(text: &str) -> Vec<NChar> {
    let mut out: Vec<NChar> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        // A decomposed "й" (и + combining breve) must stay "й", not become "и".
        if c == '\u{0306}' {
            if let Some(last) = out.last_mut() {
                if last.c == 'и' {
                    last.c = 'й';
                    last.end = end;
                    continue;
                }
            }
        }
        match fold_char(c) {
            Some(f) => out.push(NChar { c: f, start: i, end }),
            None => {
                // A combining mark belongs to the letter before it, so a span
                // ending on that letter must include its marks; format chars
                // (zero-width, bidi) are left outside.
                if is_combining(c) {
                    if let Some(last) = out.last_mut() {
                        if last.end == i {
                            last.end = end;
                        }
                    }
                }
            }
        }
    }
    out
}
