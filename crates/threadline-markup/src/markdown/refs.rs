//! Link reference definitions, looked up by label for every `[…]` that may
//! use one.

/// Link definitions by normalized label, then by order; the first one of a
/// label wins.
pub(super) struct Refs(Vec<(String, usize, String)>);

impl Refs {
    pub(super) fn new(defs: Vec<(String, String)>) -> Refs {
        let mut defs: Vec<_> = defs.into_iter().enumerate().map(|(i, (label, dest))| (label, i, dest)).collect();
        heapsort(&mut defs);
        defs.dedup_by(|later, first| later.0 == first.0);
        Refs(defs)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn get(&self, label: &str) -> Option<&str> {
        let found = self.0.binary_search_by(|(l, ..)| l.as_str().cmp(label)).ok()?;
        self.0.get(found).map(|(.., dest)| dest.as_str())
    }
}

/// In place, in O(n log n): core's sort would add about 2 KB of gzipped
/// wasm to sort what is nearly always a handful of definitions.
fn heapsort<T: Ord>(v: &mut [T]) {
    fn sift<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child + 1 < end && v.get(child) < v.get(child + 1) {
                child += 1;
            }
            if child >= end || v.get(root) >= v.get(child) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for root in (0..v.len() / 2).rev() {
        sift(v, root, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn heapsort_sorts_with_repeats() {
        for n in 0..40u32 {
            let mut v: Vec<u32> = (0..n).map(|i| i * 7919 % 31).collect();
            let mut expected = v.clone();
            expected.sort();
            super::heapsort(&mut v);
            assert_eq!(v, expected, "{n}");
        }
    }
}
