//! The whole app: every page. The server sends it for every address but
//! the front door's (see `src/bin/front-door.rs`).

fn main() {
    verzuimwijzer_app::start_whole_app();
}
