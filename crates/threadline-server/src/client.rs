//! Who is asking. Behind a reverse proxy every connection comes from the
//! proxy, so a rate limit or a block keyed on the connection would hit every
//! reader at once: for a proxy named in `--trust-proxy`, the reader's address
//! is read from `X-Forwarded-For` instead. The header is read from the right,
//! as each proxy appends the address it saw, so a reader cannot choose their
//! address by sending a header of their own: only the hops our own proxies
//! added are believed.

use crate::errors::ApiError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// A proxy address or range (`10.0.0.0/8`, `fd00::/8`, or one address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    pub fn parse(text: &str) -> Result<Net, String> {
        let bad = || format!("--trust-proxy {text:?} is not an IP address or a range like 10.0.0.0/8");
        let (addr, prefix) = match text.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text.trim(), None),
        };
        let written: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if written.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
            None => max,
        };
        // `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8.
        let addr = written.to_canonical();
        let prefix = if written.is_ipv6() && addr.is_ipv4() { prefix.checked_sub(96).ok_or_else(bad)? } else { prefix };
        Ok(Net { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                masked(u32::from(n).into(), 32, self.prefix) == masked(u32::from(a).into(), 32, self.prefix)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => masked(n.into(), 128, self.prefix) == masked(a.into(), 128, self.prefix),
            _ => false,
        }
    }
}

/// The first `prefix` of `width` bits.
fn masked(bits: u128, width: u32, prefix: u8) -> u128 {
    match u32::from(prefix).min(width) {
        0 => 0,
        keep => bits >> (width - keep),
    }
}

/// The reader's address: the connection's, or, when that is a trusted
/// proxy, the rightmost `X-Forwarded-For` entry that is not one. An entry
/// that is not an address stops the walk at the hop that added it.
pub fn reader_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[Net]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    let mut ip = peer.to_canonical();
    if !is_trusted(ip) {
        return ip;
    }
    // Split as bytes: a reader's own entry that is not text must not take
    // the entries our proxies added after it on the same line with it.
    let hops: Vec<&[u8]> =
        headers.get_all("x-forwarded-for").iter().flat_map(|v| v.as_bytes().split(|b| *b == b',')).collect();
    for hop in hops.into_iter().rev() {
        match std::str::from_utf8(hop).ok().and_then(parse_hop) {
            Some(next) => {
                ip = next;
                if !is_trusted(ip) {
                    break;
                }
            }
            None => break,
        }
    }
    ip
}

/// `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:443`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    hop.parse::<SocketAddr>().ok().map(|s| s.ip().to_canonical())
}

/// The reader's network: an IPv4 address, or an IPv6 address's /64, which
/// one household or phone is handed whole (so it could otherwise pick a new
/// address for each request).
pub fn network(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(a) => IpAddr::V6((u128::from(a) & !u128::from(u64::MAX)).into()),
        v4 => v4,
    }
}

/// What a block or a report is also keyed on besides the browser's id, so
/// clearing storage does not undo a block: the reader's `network`. Kept as
/// a keyed hash, so the database does not list readers' addresses (whoever
/// holds the database and its key could still test every IPv4 address
/// against it).
pub fn network_key(ip: IpAddr, secret: &[u8]) -> String {
    let network = match network(ip) {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    };
    let digest = Sha256::new().chain_update(secret).chain_update(&network).finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Who is asking: the address (for rate limits), a stable key for likes,
/// reports, blocks and the policy's "your recent comments" (the widget's
/// `X-Client-Id` when it sends one, else the address), and the address's
/// network key.
pub struct Client {
    pub ip: IpAddr,
    pub key: String,
    pub network: String,
}

impl FromRequestParts<AppState> for Client {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(a)| a.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let ip = reader_ip(peer, &parts.headers, &state.trusted_proxies);
        let id = parts
            .headers
            .get("x-client-id")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 128);
        let key = match id {
            Some(id) => format!("id:{id}"),
            None => format!("ip:{ip}"),
        };
        Ok(Client { ip, key, network: network_key(ip, &state.network_secret) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().expect("header value"));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn ranges_parse_and_match() {
        let n = Net::parse("10.0.0.0/8").expect("range");
        assert!(n.contains(ip("10.200.1.2")));
        assert!(!n.contains(ip("11.0.0.1")));
        assert!(n.contains(ip("::ffff:10.1.1.1")), "an IPv4-mapped address is the IPv4 address");
        let one = Net::parse("127.0.0.1").expect("address");
        assert!(one.contains(ip("127.0.0.1")) && !one.contains(ip("127.0.0.2")));
        let v6 = Net::parse("fd00::/8").expect("v6 range");
        assert!(v6.contains(ip("fd12::1")) && !v6.contains(ip("fe80::1")) && !v6.contains(ip("10.0.0.1")));
        assert!(Net::parse("0.0.0.0/0").expect("everything").contains(ip("8.8.8.8")));
        let mapped = Net::parse("::ffff:10.0.0.0/104").expect("mapped range");
        assert!(mapped.contains(ip("10.9.9.9")) && !mapped.contains(ip("11.0.0.1")));
        for bad in ["", "proxy", "10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/", "::ffff:10.0.0.0/95"] {
            assert!(Net::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let trusted = [Net::parse("127.0.0.1").expect("proxy")];
        let h = headers(&["203.0.113.9"]);
        assert_eq!(reader_ip(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        assert_eq!(reader_ip(ip("198.51.100.1"), &h, &trusted), ip("198.51.100.1"), "a reader's own header is ignored");
        assert_eq!(reader_ip(ip("127.0.0.1"), &h, &[]), ip("127.0.0.1"), "no proxy trusted: the header means nothing");
        assert_eq!(
            reader_ip(ip("127.0.0.1"), &HeaderMap::new(), &trusted),
            ip("127.0.0.1"),
            "no header: the proxy itself"
        );
    }

    #[test]
    fn a_reader_cannot_choose_their_address_by_prepending_one() {
        let trusted = [Net::parse("127.0.0.1").expect("proxy"), Net::parse("10.0.0.0/8").expect("lb")];
        // The reader sent "1.1.1.1"; the load balancer appended what it saw, then our proxy.
        let h = headers(&["1.1.1.1, 203.0.113.5", "10.0.0.7"]);
        assert_eq!(reader_ip(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.5"));
        let ports = headers(&["[2001:db8::5]:443, 203.0.113.6:5555"]);
        assert_eq!(reader_ip(ip("127.0.0.1"), &ports, &trusted), ip("203.0.113.6"));
        let garbage = headers(&["203.0.113.5, not-an-address, 10.0.0.7"]);
        assert_eq!(
            reader_ip(ip("127.0.0.1"), &garbage, &trusted),
            ip("10.0.0.7"),
            "the walk stops at what it cannot read"
        );
        // Bytes that are not text in the reader's own entry, on the line the proxy appended to.
        let mut h = HeaderMap::new();
        h.append(
            "x-forwarded-for",
            HeaderValue::from_bytes(b"\xe9\xff, 203.0.113.66").expect("obs-text is a header value"),
        );
        assert_eq!(reader_ip(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.66"));
    }

    #[test]
    fn an_ipv6_reader_is_their_slash_64() {
        assert_eq!(network(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd")), ip("2001:db8:1:2::"));
        assert_eq!(network(ip("203.0.113.5")), ip("203.0.113.5"));
        assert_eq!(network(ip("::ffff:203.0.113.5")), ip("203.0.113.5"));
    }

    #[test]
    fn network_keys_cover_an_ipv6_slash_64_and_depend_on_the_secret() {
        let k = |s: &str| network_key(ip(s), b"secret");
        assert_eq!(k("2001:db8:1:2::1"), k("2001:db8:1:2:ffff::9"));
        assert_ne!(k("2001:db8:1:2::1"), k("2001:db8:1:3::1"));
        assert_eq!(k("203.0.113.5"), k("::ffff:203.0.113.5"));
        assert_ne!(k("203.0.113.5"), k("203.0.113.6"));
        assert_ne!(k("203.0.113.5"), network_key(ip("203.0.113.5"), b"other"));
        assert_eq!(k("203.0.113.5").len(), 32);
    }
}
