//! The client's address behind a reverse proxy. Rate limits, login throttles and the audit log
//! key on it, so it must not be something a client can choose: `X-Forwarded-For` and
//! `Forwarded` are read only when the socket peer is a proxy the operator named
//! (`--trusted-proxy`), and then the right-most hop that is not such a proxy is the client
//! (hops to its left were written by the client itself and prove nothing).

use axum::http::HeaderMap;
use std::net::IpAddr;

/// An address block such as `10.0.0.0/8`, `192.0.2.7` or `2001:db8::/32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Netwerk {
    basis: IpAddr,
    prefix: u8,
}

impl std::str::FromStr for Netwerk {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (adres, prefix) = s.trim().split_once('/').map_or((s.trim(), None), |(a, p)| (a, Some(p)));
        let basis: IpAddr = adres.parse().map_err(|_| format!("'{s}' is geen IP-adres of netwerk (CIDR)"))?;
        let max = if basis.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| format!("'{s}': prefix 0-{max}"))?,
        };
        Ok(Self { basis, prefix })
    }
}

impl Netwerk {
    pub fn bevat(&self, ip: IpAddr) -> bool {
        // An IPv4 peer may show up as an IPv4-mapped IPv6 address on a dual-stack socket.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        let bits = |a: IpAddr| match a {
            IpAddr::V4(v) => (u128::from(u32::from(v)), 32),
            IpAddr::V6(v) => (u128::from(v), 128),
        };
        let ((a, la), (b, lb)) = (bits(self.basis), bits(ip));
        if la != lb {
            return false;
        }
        let weg = la - u32::from(self.prefix);
        weg >= 128 || (a >> weg) == (b >> weg)
    }
}

/// The client address of a request, put in its extensions by the server's layer.
#[derive(Debug, Clone, Copy)]
pub struct Klantadres(pub IpAddr);

/// The client of a request that came in on a socket from `peer`.
pub fn bepaal(peer: IpAddr, headers: &HeaderMap, vertrouwd: &[Netwerk]) -> IpAddr {
    let is_proxy = |ip: IpAddr| vertrouwd.iter().any(|n| n.bevat(ip));
    if !is_proxy(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in doorgestuurd(headers).into_iter().rev() {
        match hop {
            // The proxy in front of us recorded who it got the request from.
            Some(ip) if is_proxy(client) => client = ip,
            // An unreadable hop: the last proxy we trust is as far as we can see.
            _ => break,
        }
    }
    client
}

/// The hops proxies recorded, left (the claimed client) to right (the nearest proxy):
/// `Forwarded` (RFC 7239) when present, else `X-Forwarded-For`. `None` for a hop that is not an
/// address (`unknown`, an obfuscated name).
fn doorgestuurd(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let waarden = |naam: &str| -> Vec<String> {
        headers
            .get_all(naam)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::to_string)
            .collect()
    };
    let forwarded = waarden("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .map(|element| {
                element.split(';').find_map(|paar| {
                    let (k, v) = paar.trim().split_once('=')?;
                    k.trim().eq_ignore_ascii_case("for").then(|| lees_hop(v))
                })?
            })
            .collect();
    }
    waarden("x-forwarded-for").iter().map(|h| lees_hop(h)).collect()
}

/// `192.0.2.60`, `"192.0.2.60:4711"`, `"[2001:db8::17]:4711"` or `2001:db8::17`.
fn lees_hop(h: &str) -> Option<IpAddr> {
    let h = h.trim().trim_matches('"');
    if let Ok(ip) = h.parse() {
        return Some(ip);
    }
    if let Some(rest) = h.strip_prefix('[') {
        return rest.split_once(']').and_then(|(ip, _)| ip.parse().ok());
    }
    h.rsplit_once(':').and_then(|(ip, poort)| poort.parse::<u16>().ok().and(ip.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> Netwerk {
        s.parse().unwrap()
    }
    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }
    fn koppen(paren: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in paren {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn networks_parse_and_contain() {
        assert!(net("10.0.0.0/8").bevat(ip("10.200.3.4")));
        assert!(!net("10.0.0.0/8").bevat(ip("11.0.0.1")));
        assert!(net("192.0.2.7").bevat(ip("192.0.2.7")) && !net("192.0.2.7").bevat(ip("192.0.2.8")));
        assert!(net("2001:db8::/32").bevat(ip("2001:db8:1::5")) && !net("2001:db8::/32").bevat(ip("2001:db9::1")));
        assert!(net("127.0.0.1").bevat(ip("::ffff:127.0.0.1")), "IPv4-mapped");
        assert!(net("0.0.0.0/0").bevat(ip("8.8.8.8")));
        for fout in ["", "10.0.0.0/33", "abc", "10.0.0.0/x", "::/129"] {
            assert!(fout.parse::<Netwerk>().is_err(), "{fout}");
        }
    }

    #[test]
    fn headers_count_only_from_a_trusted_proxy() {
        let h = koppen(&[("x-forwarded-for", "203.0.113.9")]);
        // Straight from the internet: whatever the header says, the socket is the client.
        assert_eq!(bepaal(ip("198.51.100.1"), &h, &[net("10.0.0.0/8")]), ip("198.51.100.1"));
        assert_eq!(bepaal(ip("198.51.100.1"), &h, &[]), ip("198.51.100.1"));
        // Through our proxy: the hop it recorded.
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &[net("10.0.0.0/8")]), ip("203.0.113.9"));
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let vertrouwd = [net("10.0.0.0/8")];
        // The client wrote a fake first hop; our proxies appended the real one and themselves.
        let h = koppen(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.0.3")]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("203.0.113.9"));
        // Two header lines are one list.
        let h = koppen(&[("x-forwarded-for", "1.2.3.4"), ("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("203.0.113.9"));
        // Only proxies on the path: the left-most of them.
        let h = koppen(&[("x-forwarded-for", "10.0.0.7")]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("10.0.0.7"));
        // An unreadable hop stops the walk at the last proxy we trust.
        let h = koppen(&[("x-forwarded-for", "203.0.113.9, unknown")]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("10.0.0.2"));
        // No header at all: the proxy itself.
        assert_eq!(bepaal(ip("10.0.0.2"), &HeaderMap::new(), &vertrouwd), ip("10.0.0.2"));
    }

    #[test]
    fn forwarded_wins_and_is_read_with_ports_quotes_and_ipv6() {
        let vertrouwd = [net("10.0.0.0/8")];
        let h = koppen(&[
            ("forwarded", "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.3"),
            ("x-forwarded-for", "198.51.100.77"),
        ]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("2001:db8:cafe::17"));
        let h = koppen(&[("forwarded", "for=\"192.0.2.60:4711\";by=10.0.0.2")]);
        assert_eq!(bepaal(ip("10.0.0.2"), &h, &vertrouwd), ip("192.0.2.60"));
    }
}
