//! Server configuration: command-line flags, optionally on top of a JSON file
//! (`--config FILE`). Flags win over the file so one file can serve several
//! instances. Hand-parsed to keep the build free of an argument-parser crate.

use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub listen: SocketAddr,
    pub db: PathBuf,
    pub dist: Option<PathBuf>,
    pub policy: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    pub edit_window_secs: f64,
    pub max_body_bytes: usize,
    pub rate_limit_per_minute: u32,
    pub seed: Vec<PathBuf>,
    /// Enables `/api/moderation/…` for whoever sends it as a bearer token.
    pub moderator_token: Option<String>,
    /// Where to POST a JSON note when a comment is held or reported.
    pub notify_url: Option<String>,
    /// Reverse proxies (addresses or ranges) whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from("./threadline.sqlite"),
            dist: None,
            policy: None,
            cors_origins: Vec::new(),
            edit_window_secs: 15.0 * 60.0,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            rate_limit_per_minute: 20,
            seed: Vec::new(),
            moderator_token: None,
            notify_url: None,
            trusted_proxies: Vec::new(),
        }
    }
}

/// Room for the longest comment the widget lets through (20,000 characters)
/// even when every one is a 4-byte character escaped as `\uXXXX\uXXXX` (12
/// bytes): 240,000, and the rest of the request.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
/// Ten years: longer is "forever" for a comment, and keeps the window's
/// milliseconds far inside the clock's range.
const MAX_EDIT_WINDOW_SECS: f64 = 315_360_000.0;
/// Below this not even a short comment fits; 0 would refuse every write.
const MIN_BODY_BYTES: usize = 1024;

pub const USAGE: &str = "\
threadline-server: reference JSON backend for the Threadline comment widget

USAGE: threadline-server [FLAGS]

  --config FILE                JSON file with any of the keys below (snake_case)
  --listen ADDR                address to listen on        [127.0.0.1:8080]
  --db PATH                    SQLite database file        [./threadline.sqlite]
  --dist DIR                   serve the built widget from DIR (index.html at /)
  --policy FILE                discussion policy JSON      [built-in Asbarez policy]
  --cors-origin ORIGIN         allow this browser origin (repeatable) [same-origin only]
  --edit-window-secs SECS      how long an author may edit [900]
  --max-body-bytes N           largest accepted request body [262144]
  --rate-limit-per-minute N    writes per client address (IPv6: per /64) per minute [20]
  --seed FILE                  import a seed thread if it is empty (repeatable)
  --moderator-token TOKEN      enable /api/moderation for this bearer token (16+ characters;
                               or THREADLINE_MODERATOR_TOKEN, which other users cannot see) [off]
  --notify-url URL             POST a JSON note there when a comment is held or reported [off]
  --trust-proxy ADDR           a reverse proxy (address or range, e.g. 10.0.0.0/8; repeatable):
                               its X-Forwarded-For names the reader [none]
  --help                       print this text
";

impl Config {
    pub fn edit_window(&self) -> Duration {
        Duration::from_secs_f64(self.edit_window_secs.max(0.0))
    }

    pub fn trusted_proxies(&self) -> Result<Vec<crate::client::Net>, String> {
        self.trusted_proxies.iter().map(|p| crate::client::Net::parse(p)).collect()
    }

    /// `Ok(None)` means `--help` was asked for.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Option<Config>, String> {
        let args: Vec<String> = args.into_iter().collect();
        let mut cfg = match find_flag(&args, "--config") {
            Some(path) => Config::from_file(&path)?,
            None => Config::default(),
        };
        let mut cli_seeds = Vec::new();
        let mut cli_origins = Vec::new();
        let mut cli_proxies = Vec::new();
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            // Accept both `--flag value` and `--flag=value`.
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            if flag == "--help" || flag == "-h" {
                return Ok(None);
            }
            let mut value = || -> Result<String, String> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => it.next().ok_or_else(|| format!("{flag} needs a value")),
                }
            };
            match flag.as_str() {
                "--config" => {
                    value()?;
                }
                "--listen" => cfg.listen = parse(&flag, &value()?)?,
                "--db" => cfg.db = PathBuf::from(value()?),
                "--dist" => cfg.dist = Some(PathBuf::from(value()?)),
                "--policy" => cfg.policy = Some(PathBuf::from(value()?)),
                "--cors-origin" => cli_origins.push(value()?),
                "--edit-window-secs" => cfg.edit_window_secs = parse(&flag, &value()?)?,
                "--max-body-bytes" => cfg.max_body_bytes = parse(&flag, &value()?)?,
                "--rate-limit-per-minute" => cfg.rate_limit_per_minute = parse(&flag, &value()?)?,
                "--seed" => cli_seeds.push(PathBuf::from(value()?)),
                "--moderator-token" => cfg.moderator_token = Some(value()?),
                "--notify-url" => cfg.notify_url = Some(value()?),
                "--trust-proxy" => cli_proxies.push(value()?),
                other => return Err(format!("unknown argument {other:?} (see --help)")),
            }
        }
        if !cli_seeds.is_empty() {
            cfg.seed = cli_seeds;
        }
        if !cli_origins.is_empty() {
            cfg.cors_origins = cli_origins;
        }
        if !cli_proxies.is_empty() {
            cfg.trusted_proxies = cli_proxies;
        }
        cfg.trusted_proxies()?;
        if !(cfg.edit_window_secs.is_finite() && (0.0..=MAX_EDIT_WINDOW_SECS).contains(&cfg.edit_window_secs)) {
            return Err(format!("--edit-window-secs must be a number from 0 to {MAX_EDIT_WINDOW_SECS} (ten years)"));
        }
        if cfg.max_body_bytes < MIN_BODY_BYTES {
            return Err(format!("--max-body-bytes must be at least {MIN_BODY_BYTES}"));
        }
        if cfg.rate_limit_per_minute == 0 {
            return Err("--rate-limit-per-minute must be at least 1".into());
        }
        if let Some(token) = &cfg.moderator_token {
            check_token(token)?;
        }
        if let Some(url) = &cfg.notify_url {
            let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or_default();
            if rest.is_empty() || rest.starts_with('/') || url.contains(char::is_whitespace) {
                return Err(format!("--notify-url {url:?} is not an http:// or https:// URL"));
            }
        }
        Ok(Some(cfg))
    }

    /// The moderator token from the environment (`THREADLINE_MODERATOR_TOKEN`)
    /// when neither a flag nor the file gave one: unlike a flag, other users
    /// of the machine cannot read it in the process list.
    pub fn moderator_token_from_env(&mut self, value: Option<String>) -> Result<(), String> {
        if self.moderator_token.is_none() {
            if let Some(token) = value.filter(|v| !v.is_empty()) {
                check_token(&token).map_err(|e| format!("THREADLINE_MODERATOR_TOKEN: {e}"))?;
                self.moderator_token = Some(token);
            }
        }
        Ok(())
    }

    fn from_file(path: &str) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{path} is not a valid configuration: {e}"))
    }
}

/// Shortest moderator token taken: guessing one must be hopeless.
const MIN_TOKEN_CHARS: usize = 16;

/// A moderator token travels in an HTTP header: printable ASCII, no spaces.
pub fn check_token(token: &str) -> Result<(), String> {
    if token.len() < MIN_TOKEN_CHARS || !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(format!(
            "the moderator token must be at least {MIN_TOKEN_CHARS} characters of printable ASCII without spaces"
        ));
    }
    Ok(())
}

fn find_flag(args: &[String], name: &str) -> Option<String> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == name {
            return it.next().cloned();
        }
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v.to_owned());
        }
    }
    None
}

fn parse<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    v.parse().map_err(|e| format!("{flag} {v:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn flags_override_defaults() {
        let c = Config::from_args(args(
            "--listen 127.0.0.1:0 --cors-origin https://a --cors-origin=https://b --edit-window-secs 0.5",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(c.listen.port(), 0);
        assert_eq!(c.cors_origins, vec!["https://a", "https://b"]);
        assert_eq!(c.edit_window(), Duration::from_millis(500));
        assert_eq!(c.max_body_bytes, 262144);
    }

    #[test]
    fn bad_flags_are_reported() {
        assert!(Config::from_args(args("--bogus")).is_err());
        assert!(Config::from_args(args("--listen")).is_err());
        assert!(Config::from_args(args("--max-body-bytes lots")).is_err());
        for window in ["-1", "1e20", "NaN", "inf"] {
            let e = Config::from_args(args(&format!("--edit-window-secs {window}"))).unwrap_err();
            assert!(e.contains("--edit-window-secs"), "{window}: {e}");
        }
        assert!(Config::from_args(args("--help")).unwrap().is_none());
        for url in ["hooks.example/x", "ftp://hooks.example", "https://", "http:///path"] {
            let e = Config::from_args(args(&format!("--notify-url {url}"))).unwrap_err();
            assert!(e.contains("--notify-url"), "{url}: {e}");
        }
        for token in ["short", "not-ascii-ümlaut-long-enough"] {
            let e = Config::from_args(args(&format!("--moderator-token={token}"))).unwrap_err();
            assert!(e.contains("moderator token"), "{token}: {e}");
        }
    }

    #[test]
    fn the_moderator_token_comes_from_the_environment_unless_a_flag_gave_one() {
        let mut c = Config::default();
        c.moderator_token_from_env(Some("from-the-environment-1".into())).unwrap();
        assert_eq!(c.moderator_token.as_deref(), Some("from-the-environment-1"));
        let mut c = Config::from_args(args("--moderator-token from-the-flag-0000001")).unwrap().unwrap();
        c.moderator_token_from_env(Some("from-the-environment-1".into())).unwrap();
        assert_eq!(c.moderator_token.as_deref(), Some("from-the-flag-0000001"));
        let e = Config::default().moderator_token_from_env(Some("short".into())).unwrap_err();
        assert!(e.starts_with("THREADLINE_MODERATOR_TOKEN"), "{e}");
        let mut c = Config::default();
        c.moderator_token_from_env(Some(String::new())).unwrap();
        assert_eq!(c.moderator_token, None);
    }
}
