//! Starts the real server binary on loopback and talks HTTP to it.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Put in `extra` to run with the built-in Asbarez policy instead of the
/// test policy (which turns off the posting cooldown and the duplicate rule,
/// since tests post many comments per second from one address).
pub const ASBAREZ_POLICY: &str = "<asbarez-policy>";

const TEST_POLICY: &str = r#"{"name": "test",
  "rules": {"cooldown": {"enabled": false, "action": "block"}, "duplicate": {"enabled": false, "action": "block"}},
  "limits": {"min_length": 1, "max_length": 20000}}"#;

pub const THREAD: &str = "asbarez/russia-azerbaijan-hint-at-further-arms-sales";

pub struct Server {
    pub child: Child,
    pub url: String,
    pub addr: String,
    pub db: PathBuf,
    pub dir: PathBuf,
    pub agent: ureq::Agent,
    /// Cleared by tests that restart on the same database.
    pub remove_dir: bool,
}

static N: AtomicUsize = AtomicUsize::new(0);

pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "threadline-server-test-{}-{}-{tag}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn seed_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../seed/asbarez.json").to_owned()
}

impl Server {
    /// A fresh database with the Asbarez seed and a generous rate limit.
    pub fn start(extra: &[&str]) -> Server {
        let dir = temp_dir("srv");
        let db = dir.join("db.sqlite");
        Server::start_on(dir, db, extra)
    }

    pub fn start_on(dir: PathBuf, db: PathBuf, extra: &[&str]) -> Server {
        let mut args: Vec<String> = vec![
            "--listen".into(),
            "127.0.0.1:0".into(),
            "--db".into(),
            db.display().to_string(),
            "--seed".into(),
            seed_path(),
        ];
        if !extra.contains(&"--rate-limit-per-minute") {
            args.extend(["--rate-limit-per-minute".into(), "1000000".into()]);
        }
        if !extra.contains(&ASBAREZ_POLICY) && !extra.contains(&"--policy") {
            let policy = dir.join("test-policy.json");
            std::fs::write(&policy, TEST_POLICY).unwrap();
            args.extend(["--policy".into(), policy.display().to_string()]);
        }
        args.extend(extra.iter().filter(|a| **a != ASBAREZ_POLICY).map(|s| s.to_string()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_threadline-server"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url =
            line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("first line: {line:?}")).to_owned();
        let addr = url.strip_prefix("http://").unwrap().to_owned();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Server { child, url, addr, db, dir, agent, remove_dir: true }
    }

    pub fn call(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Resp {
        call(&self.agent, &self.url, method, path, headers, body)
    }

    /// The answer with its body as the bytes that came (a compressed body is not text).
    pub fn get_bytes(&self, path: &str, headers: &[(&str, &str)]) -> (Resp, Vec<u8>) {
        let mut r = self.call("GET", path, headers, None);
        let bytes = std::mem::take(&mut r.bytes);
        (r, bytes)
    }

    pub fn get(&self, path: &str) -> Resp {
        self.call("GET", path, &[], None)
    }

    pub fn post_json(&self, path: &str, body: &Value) -> Resp {
        self.call("POST", path, &[("content-type", "application/json")], Some(&body.to_string()))
    }

    pub fn list(&self, thread: &str) -> Value {
        let r = self.get(&format!("/api/comments?thread={}", enc(thread)));
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    }

    /// Posts a comment and returns (id, owner token).
    pub fn post_ok(&self, thread: &str, parent: Option<&str>, author: &str, body: &str) -> (String, String) {
        let r = self.post_json(
            "/api/comments",
            &serde_json::json!({"thread": thread, "parent": parent, "author": author, "body": body}),
        );
        assert_eq!(r.status, 201, "{}", r.body);
        let v = r.json();
        (v["comment"]["id"].as_str().unwrap().to_owned(), v["owner_token"].as_str().unwrap().to_owned())
    }

    /// Sends raw bytes and returns whatever the server answered.
    pub fn raw(&self, request: &[u8]) -> String {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let _ = s.write_all(request);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    pub fn stop(mut self) -> std::process::ExitStatus {
        sigterm(self.child.id());
        wait_timeout(&mut self.child, Duration::from_secs(10)).expect("server did not stop on SIGTERM")
    }
}

fn wait_timeout(child: &mut Child, d: Duration) -> Option<std::process::ExitStatus> {
    let start = std::time::Instant::now();
    while start.elapsed() < d {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// SIGTERM through the `kill` command, to keep the tests free of libc.
fn sigterm(pid: u32) {
    Command::new("kill").arg("-TERM").arg(pid.to_string()).status().unwrap();
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.remove_dir {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as text; empty when it is not UTF-8 (see `bytes`).
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    /// Asserts a JSON error with this status and code; returns the message.
    pub fn error(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status, status, "body: {}", self.body);
        assert_eq!(self.header("content-type"), Some("application/json"), "{}", self.body);
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{}", self.body);
        let msg = v["error"]["message"].as_str().unwrap().to_owned();
        assert!(!msg.is_empty());
        msg
    }
}

pub fn call(
    agent: &ureq::Agent,
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Resp {
    let mut b = ureq::http::Request::builder().method(method).uri(format!("{base}{path}"));
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let res = match body {
        Some(body) => agent.run(b.body(body.to_owned()).unwrap()),
        None => agent.run(b.body(()).unwrap()),
    };
    let mut res = res.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
    let status = res.status().as_u16();
    let headers =
        res.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    let bytes = res.body_mut().read_to_vec().unwrap_or_default();
    let body = String::from_utf8(bytes.clone()).unwrap_or_default();
    Resp { status, headers, body, bytes }
}

pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn ids(list: &Value) -> Vec<String> {
    list["comments"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}
