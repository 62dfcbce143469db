//! Per-address token buckets for writes (the caller passes the reader's
//! `client::network`, so an IPv6 /64 is one address here). A bucket holds up to one minute's
//! allowance, so a reader may post a short burst, then one every
//! `60 / per_minute` seconds.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Beyond this many addresses, full buckets are dropped: they carry no
/// information, and keeping them would let a scan of addresses grow memory.
const PRUNE_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter { per_minute: f64::from(per_minute.max(1)), buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one token; `Err(secs)` says how long until one is available.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let per_sec = self.per_minute / 60.0;
        let mut map = match self.buckets.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        };
        if map.len() > PRUNE_ABOVE {
            let cap = self.per_minute;
            map.retain(|_, b| b.tokens + now.duration_since(b.updated).as_secs_f64() * per_sec < cap);
        }
        let b = map.entry(ip).or_insert(Bucket { tokens: self.per_minute, updated: now });
        let refill = now.duration_since(b.updated).as_secs_f64() * per_sec;
        b.tokens = (b.tokens + refill).min(self.per_minute);
        b.updated = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - b.tokens) / per_sec;
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn burst_then_refill() {
        let rl = RateLimiter::new(3);
        let ip: IpAddr = [10, 0, 0, 1].into();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(rl.check_at(ip, t0).is_ok());
        }
        assert_eq!(rl.check_at(ip, t0), Err(20));
        assert!(rl.check_at([10, 0, 0, 2].into(), t0).is_ok(), "other addresses unaffected");
        assert!(rl.check_at(ip, t0 + Duration::from_secs(20)).is_ok());
    }
}
