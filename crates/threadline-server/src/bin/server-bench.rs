//! Load test for the list endpoint over loopback.
//!
//! `cargo run --release -p threadline-server --bin server-bench -- [--url URL]
//!  [--connections N] [--requests N] [--limit N]`
//!
//! Without `--url` it starts the server in this process on a temporary
//! database. It creates a 1,000-comment thread, then N keep-alive connections
//! GET that thread until the request budget is spent, and prints throughput
//! and latency percentiles. Loopback only: it refuses non-loopback URLs.
//! Each comment is posted as its own client (`X-Client-Id`), so the policy's
//! per-reader posting cooldown does not apply to the fill.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

struct Opts {
    url: Option<String>,
    connections: usize,
    requests: usize,
    limit: Option<usize>,
}

fn opts() -> Result<Opts, String> {
    let mut o = Opts { url: None, connections: 16, requests: 50_000, limit: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--url" => o.url = Some(val()?),
            "--connections" => o.connections = val()?.parse().map_err(|e| format!("--connections: {e}"))?,
            "--requests" => o.requests = val()?.parse().map_err(|e| format!("--requests: {e}"))?,
            "--limit" => o.limit = Some(val()?.parse().map_err(|e| format!("--limit: {e}"))?),
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    if o.connections == 0 || o.requests == 0 || o.requests > 10_000_000 {
        return Err("--connections must be >= 1 and --requests 1..=10,000,000".into());
    }
    Ok(o)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("server-bench: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let o = opts()?;
    let mut temp_dir = None;
    let addr: SocketAddr = match &o.url {
        Some(u) => u
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .map_err(|e| format!("--url must be http://IP:PORT ({e})"))?,
        None => {
            let (addr, dir) = start_server()?;
            temp_dir = Some(dir);
            addr
        }
    };
    let result = bench(&o, addr);
    if let Some(dir) = temp_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

fn bench(o: &Opts, addr: SocketAddr) -> Result<(), String> {
    if !addr.ip().is_loopback() {
        return Err("this benchmark only targets loopback addresses".into());
    }
    let thread = format!("bench/{}", std::process::id());
    let t0 = Instant::now();
    fill(addr, &thread)?;
    println!("created 1000 comments in {:.2} s", t0.elapsed().as_secs_f64());
    let mut path = format!("/api/comments?thread={thread}");
    if let Some(l) = o.limit {
        path.push_str(&format!("&limit={l}"));
    }
    let (bytes, _) = get(&mut Conn::open(addr)?, &path)?;
    println!("GET {path}: {bytes} bytes per response");

    let per_conn = o.requests.div_ceil(o.connections);
    let start = Instant::now();
    let workers: Vec<_> = (0..o.connections)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || -> Result<Vec<Duration>, String> {
                let mut c = Conn::open(addr)?;
                let mut lat = Vec::with_capacity(per_conn);
                for _ in 0..per_conn {
                    let t = Instant::now();
                    get(&mut c, &path)?;
                    lat.push(t.elapsed());
                }
                Ok(lat)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(per_conn * o.connections);
    for w in workers {
        all.extend(w.join().map_err(|_| "a worker panicked".to_string())??);
    }
    let secs = start.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    println!(
        "{} requests over {} keep-alive connections in {:.2} s: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        all.len(),
        o.connections,
        secs,
        all.len() as f64 / secs,
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        all[all.len() - 1].as_secs_f64() * 1e3,
    );
    Ok(())
}

/// Runs the server on its own runtime thread, on a throwaway database.
fn start_server() -> Result<(SocketAddr, std::path::PathBuf), String> {
    let dir = std::env::temp_dir().join(format!("threadline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let args = ["--listen", "127.0.0.1:0", "--rate-limit-per-minute", "100000000"];
    let mut cfg =
        threadline_server::config::Config::from_args(args.iter().map(|s| s.to_string()))?.ok_or("unexpected --help")?;
    cfg.db = dir.join("bench.sqlite");
    let dir_out = dir.clone();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| e.to_string())?;
    let listener = rt.block_on(tokio::net::TcpListener::bind(cfg.listen)).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        if let Err(e) = rt.block_on(threadline_server::serve(cfg, listener, std::future::pending())) {
            eprintln!("server-bench: server: {e}");
        }
    });
    println!("server on http://{addr} (database in {})", dir.display());
    Ok((addr, dir_out))
}

/// 200 top-level comments with 4 replies each.
fn fill(addr: SocketAddr, thread: &str) -> Result<(), String> {
    let mut c = Conn::open(addr)?;
    for t in 0..200 {
        let id = post(&mut c, thread, None, t)?;
        for r in 0..4 {
            post(&mut c, thread, Some(&id), t * 10 + r)?;
        }
    }
    Ok(())
}

fn post(c: &mut Conn, thread: &str, parent: Option<&str>, n: usize) -> Result<String, String> {
    let body = serde_json::json!({
        "thread": thread, "parent": parent, "author": format!("Reader {n}"),
        "body": format!("Comment number {n}: a paragraph of ordinary length about the article, long enough to look like a real reply."),
    })
    .to_string();
    let req = format!(
        "POST /api/comments HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nX-Client-Id: bench-{n}-{}\r\nContent-Length: {}\r\n\r\n{body}",
        parent.is_some(),
        body.len()
    );
    c.w.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let (status, body) = c.read_response()?;
    if status != 201 {
        return Err(format!("POST answered {status}: {}", String::from_utf8_lossy(&body)));
    }
    let v: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
    v["comment"]["id"].as_str().map(String::from).ok_or_else(|| "no id in answer".into())
}

fn get(c: &mut Conn, path: &str) -> Result<(usize, u16), String> {
    c.w.write_all(format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n").as_bytes()).map_err(|e| e.to_string())?;
    let (status, body) = c.read_response()?;
    if status != 200 {
        return Err(format!("GET answered {status}"));
    }
    Ok((body.len(), status))
}

/// A minimal HTTP/1.1 keep-alive client: enough for Content-Length answers,
/// and no client library's overhead in the numbers.
struct Conn {
    w: TcpStream,
    r: BufReader<TcpStream>,
    buf: Vec<u8>,
}

impl Conn {
    fn open(addr: SocketAddr) -> Result<Conn, String> {
        let s = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
        s.set_nodelay(true).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
        let r = BufReader::with_capacity(256 * 1024, s.try_clone().map_err(|e| e.to_string())?);
        Ok(Conn { w: s, r, buf: Vec::new() })
    }

    fn read_response(&mut self) -> Result<(u16, Vec<u8>), String> {
        let mut line = String::new();
        self.r.read_line(&mut line).map_err(|e| e.to_string())?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("bad status line {line:?}"))?;
        let mut len = 0usize;
        loop {
            line.clear();
            self.r.read_line(&mut line).map_err(|e| e.to_string())?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().map_err(|_| "bad content-length".to_string())?;
                }
            }
        }
        self.buf.resize(len, 0);
        self.r.read_exact(&mut self.buf).map_err(|e| e.to_string())?;
        Ok((status, std::mem::take(&mut self.buf)))
    }
}
