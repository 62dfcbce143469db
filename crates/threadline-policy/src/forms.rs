//! Candidate spellings of one token: leetspeak read back as letters, and
//! mixed-script words rewritten into a single script. A word written wholly
//! in one real script is kept as it is, so genuine Russian stays Russian.

#[derive(Clone, Copy, PartialEq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x61..=0x7A | 0x41..=0x5A | 0xC0..=0x24F => Script::Latin,
        0x400..=0x52F => Script::Cyrillic,
        0x370..=0x3FF => Script::Greek,
        0x531..=0x58F => Script::Armenian,
        _ => Script::Other,
    }
}

/// Look-alikes of Latin letters in other scripts (lowercase only: input is
/// already folded).
fn to_latin(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'а' => 'a',
        'в' => 'b',
        'ь' => 'b',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ӏ' => 'l',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'п' => 'n',
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'ω' => 'w',
        'μ' => 'u',
        'ς' => 's',
        'γ' => 'y',
        'օ' => 'o',
        'ս' => 'u',
        'հ' => 'h',
        'ո' => 'n',
        'ց' => 'g',
        'զ' => 'q',
        _ => return None,
    })
}

fn to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'а'..='я' | 'ё' => c,
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        'u' => 'и',
        'n' => 'п',
        'r' => 'г',
        '3' => 'з',
        '6' => 'б',
        '4' => 'ч',
        '0' => 'о',
        '@' => 'а',
        'α' => 'а',
        'ε' => 'е',
        'κ' => 'к',
        'ο' => 'о',
        'ρ' => 'р',
        'τ' => 'т',
        'χ' => 'х',
        _ => return None,
    })
}

/// Leet digits and symbols read as Latin letters; `one` decides whether "1"
/// and "|" stand for "i" or "l" (both are tried).
fn leet(c: char, one: char) -> char {
    match c {
        '0' => 'o',
        '1' | '|' => one,
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        _ => c,
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// All spellings worth looking up for one token. The first one is the plain
/// folded word (apostrophes removed, "you're" → "youre").
pub(crate) fn forms(text: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(4);
    let plain: String = text.chars().filter(|&c| c != '\'').collect();
    let bare = plain.trim_start_matches('@').to_string();
    push_unique(&mut out, plain.clone());
    if bare.len() != plain.len() {
        push_unique(&mut out, bare.clone());
    }
    let has_letter = plain.chars().any(|c| c.is_alphabetic());
    if !has_letter {
        return out;
    }
    let has_cyr = plain.chars().any(|c| script(c) == Script::Cyrillic);
    let has_leet = plain.chars().any(|c| !c.is_alphabetic() && c != '*');
    let mut bases = vec![plain.clone()];
    if has_leet {
        for one in ['i', 'l'] {
            let s: String = plain.chars().map(|c| leet(c, one)).collect();
            if !bases.contains(&s) {
                bases.push(s);
            }
        }
    }
    for b in &bases {
        push_unique(&mut out, b.clone());
        let mut seen = [false; 5];
        for c in b.chars() {
            let k = match script(c) {
                Script::Latin => 0,
                Script::Cyrillic => 1,
                Script::Greek => 2,
                Script::Armenian => 3,
                Script::Other => 4,
            };
            seen[k] = true;
        }
        let scripts = seen.iter().filter(|&&x| x).count();
        // Only a word mixing scripts (or using Greek, which nobody writes
        // here) is rewritten; a pure-Cyrillic word is real Russian.
        if scripts > 1 || seen[2] {
            if let Some(s) = b.chars().map(|c| if c == '*' { Some(c) } else { to_latin(c) }).collect::<Option<String>>()
            {
                push_unique(&mut out, s);
            }
        }
        if has_cyr && (scripts > 1 || has_leet) {
            let src = if has_leet { &plain } else { b };
            if let Some(s) =
                src.chars().map(|c| if c == '*' { Some(c) } else { to_cyrillic(c) }).collect::<Option<String>>()
            {
                push_unique(&mut out, s);
            }
        }
    }
    out
}
