//! Discussion-policy engine (being written).
