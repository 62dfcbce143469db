use std::io::Write;
use threadline_server::config::{Config, USAGE};

fn main() {
    let from_env =
        |mut cfg: Config| cfg.moderator_token_from_env(std::env::var("THREADLINE_MODERATOR_TOKEN").ok()).map(|()| cfg);
    let cfg = match Config::from_args(std::env::args().skip(1)).and_then(|c| c.map(from_env).transpose()) {
        Ok(Some(cfg)) => cfg,
        Ok(None) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("threadline-server: {e}");
            std::process::exit(2);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("threadline-server: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = rt.block_on(run(cfg)) {
        eprintln!("threadline-server: {e}");
        std::process::exit(1);
    }
}

async fn run(cfg: Config) -> Result<(), String> {
    let listener =
        tokio::net::TcpListener::bind(cfg.listen).await.map_err(|e| format!("cannot listen on {}: {e}", cfg.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let server = threadline_server::prepare(&cfg)?;
    // Tests and scripts read this first line to find the port: it comes only
    // once the server can answer, never before a bad flag stops it.
    println!("listening on http://{addr}");
    let _ = std::io::stdout().flush();
    server.run(listener, shutdown_signal()).await?;
    eprintln!("threadline-server: stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
