//! Descriptions of backends Threadline knows by name. Each is an ordinary
//! description (the JSON files in `presets/`), so a site owner can start from
//! one and change what differs.

use crate::description::{BackendDescription, DescriptionError};

const PRESETS: [(&str, &str); 4] = [
    ("threadline", include_str!("../../presets/threadline.json")),
    ("json-server", include_str!("../../presets/json-server.json")),
    ("isso", include_str!("../../presets/isso.json")),
    ("remark42", include_str!("../../presets/remark42.json")),
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
