//! Random comment ids and owner tokens.

use crate::errors::ApiError;

/// Crockford's base32: no letters that read as digits, safe in URLs.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

fn random_base32(bytes: usize) -> Result<String, ApiError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| ApiError::internal("random source", e))?;
    let mut out = String::with_capacity(bytes * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in buf {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
        }
    }
    Ok(out)
}

/// 80 random bits: collisions are negligible, and the 16 characters can never
/// equal a seed's short numeric ids.
pub fn comment_id() -> Result<String, ApiError> {
    random_base32(10)
}

/// 160 random bits: the only credential an author holds for their comment.
pub fn owner_token() -> Result<String, ApiError> {
    random_base32(20)
}

/// Compares secrets without an early exit, so response timing says nothing
/// about how much of a guessed token was right.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn shapes() {
        let id = super::comment_id().unwrap();
        assert_eq!(id.len(), 16);
        assert_eq!(super::owner_token().unwrap().len(), 32);
        assert_ne!(id, super::comment_id().unwrap());
        assert!(super::same_secret("abc", "abc"));
        assert!(!super::same_secret("abc", "abd"));
        assert!(!super::same_secret("abc", "abcd"));
    }
}
