//! The demo page: the seed article with its live thread.
fn main() {
    threadline::start_demo();
}
