//! URL templates: `{base}` is inserted as written, every other value is
//! percent-encoded so a thread id like `/2014/05/a?b` stays one value.

/// What every request knows; edit, delete and like also know the comment's `{id}`.
pub const THREAD_PLACEHOLDERS: &[&str] = &["base", "thread"];
pub const COMMENT_PLACEHOLDERS: &[&str] = &["base", "thread", "id"];

/// Checks a template against the values its request will have, so a wrong
/// one is refused when the description is read, not on first use.
pub fn check_url(template: &str, known: &[&str]) -> Result<(), String> {
    for name in placeholders(template)? {
        if !known.contains(&name) {
            let list: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
            return Err(format!("unknown placeholder {{{name}}} (known here: {})", list.join(", ")));
        }
    }
    Ok(())
}

fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format!("unclosed '{{' in {template:?}"))?;
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// Fills a template. Values missing from `vars` are an error, not an empty string.
pub fn expand_url(template: &str, base: &str, vars: &[(&str, &str)]) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format!("unclosed '{{' in {template:?}"))?;
        let name = &after[..close];
        if name == "base" {
            out.push_str(base.trim_end_matches('/'));
        } else {
            let value = vars
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| *v)
                .ok_or_else(|| format!("no value for {{{name}}} in {template:?}"))?;
            percent_encode(value, &mut out);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn percent_encode(value: &str, out: &mut String) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}
