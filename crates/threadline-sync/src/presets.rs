//! Descriptions of backends Threadline knows by name. Each is an ordinary
//! description (the JSON files in `presets/`), so a site owner can start from
//! one and change what differs.

use crate::description::{BackendDescription, DescriptionError};

const PRESETS: [(&str, &str); 4] = [
    ("threadline", include_str!("../presets/threadline.json")),
    ("json-server", include_str!("../presets/json-server.json")),
    ("isso", include_str!("../presets/isso.json")),
    ("remark42", include_str!("../presets/remark42.json")),
];

pub fn names() -> impl Iterator<Item = &'static str> {
    PRESETS.iter().map(|(n, _)| *n)
}

/// The named preset pointed at `base` (e.g. `https://comments.example.org`).
pub fn preset(name: &str, base: &str) -> Result<BackendDescription, DescriptionError> {
    let (_, json) = PRESETS.iter().find(|(n, _)| *n == name).ok_or_else(|| {
        DescriptionError(format!("unknown preset {name:?} (known: {})", names().collect::<Vec<_>>().join(", ")))
    })?;
    let mut d = BackendDescription::from_json(json)?;
    d.base = base.to_owned();
    Ok(d)
}

/// HTML bodies (Isso, Remark42) as plain text until the allow-list renderer
/// lands: block ends become paragraph breaks, tags are dropped, the common
/// entities decoded. The result is only ever shown as text.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        decode_into(&rest[..lt], &mut out);
        let Some(gt) = rest[lt..].find('>') else {
            decode_into(&rest[lt..], &mut out);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match name.as_str() {
            "p" | "div" | "blockquote" | "pre" | "ul" | "ol" if rest[lt + 1..].starts_with('/') => out.push_str("\n\n"),
            "br" => out.push('\n'),
            "li" if !rest[lt + 1..].starts_with('/') => out.push_str("\n• "),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    decode_into(rest, &mut out);
    tidy(&out)
}

/// Source whitespace means nothing in HTML; only the breaks tags made count.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0;
    for line in text.split('\n') {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            newlines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if newlines >= 1 { "\n\n" } else { "\n" });
        }
        newlines = 0;
        out.push_str(&line);
    }
    out
}

fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let entity = tail.find(';').filter(|&semi| semi <= 10).map(|semi| (&tail[1..semi], semi));
        let decoded = entity.and_then(|(name, semi)| {
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "#39" | "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                n if n.starts_with("#x") || n.starts_with("#X") => {
                    u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32)
                }
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }?;
            Some((ch, semi))
        });
        match decoded {
            Some((ch, semi)) => {
                out.push(ch);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}
