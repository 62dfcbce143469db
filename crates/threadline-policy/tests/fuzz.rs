//! `check` must never panic and spans must stay on char boundaries, whatever
//! the input. A small deterministic generator (xorshift) builds drafts from
//! arbitrary code points, control chars, look-alikes, separators and words.

use threadline_policy::{CheckContext, Draft, Policy};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const PIECES: &[&str] = &[
    "fuck",
    "you",
    "are",
    "an",
    "idiot",
    "хуй",
    "ты",
    "дебил",
    "դու",
    "ապուշ",
    "ես",
    " ",
    ".",
    "*",
    "@",
    "$",
    "1",
    "\u{200b}",
    "\u{ad}",
    "\u{306}",
    "и",
    "kill",
    "yourself",
    "http://a.com",
    "!!!!!!!!!!!!",
    "ＡＢＣ",
    "𝐟",
    "Ⓕ",
    "\n",
    "\t",
    "\0",
    "'",
    "f u c k",
    "f.u.c.k",
    "a*b*c*d*e",
    "**",
    "—",
    ",",
    "Armenian",
    "is",
    "a",
    "moron",
];

fn random_text(r: &mut Rng) -> String {
    let mut s = String::new();
    let n = r.below(60);
    for _ in 0..n {
        match r.below(3) {
            0 => s.push_str(PIECES[r.below(PIECES.len() as u64) as usize]),
            1 => {
                if let Some(c) = char::from_u32(r.below(0x11_0000) as u32) {
                    s.push(c);
                }
            }
            _ => {
                if let Some(c) = char::from_u32(r.below(0x600) as u32) {
                    s.push(c);
                }
            }
        }
    }
    s
}

#[test]
fn random_drafts_never_panic() {
    let policy = Policy::asbarez();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let text = random_text(&mut r);
        let author = random_text(&mut r);
        let ctx = CheckContext {
            now_ms: Some(r.next() as i64),
            last_post_ms: Some(r.next() as i64),
            recent_own: vec![random_text(&mut r)],
            participants: vec![random_text(&mut r), "Armenian".into()].into(),
        };
        let v = policy.check(&Draft { text: &text, author: &author }, &ctx);
        for f in &v.findings {
            assert!(f.start <= f.end && f.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{text:?}");
        }
    }
}

#[test]
fn huge_and_degenerate_drafts() {
    let policy = Policy::asbarez();
    let ctx = CheckContext::default();
    for text in [
        "a".repeat(1_000_000),
        "f*".repeat(50_000),
        "fuck ".repeat(20_000),
        "\u{200b}".repeat(100_000),
        "é".repeat(70_000),
        "x y ".repeat(40_000),
        "a*b*c*d*e*f*g*h*i*j*k*l*m*n".to_string(),
    ] {
        let v = policy.check(&Draft { text: &text, author: "" }, &ctx);
        for f in &v.findings {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }
}
