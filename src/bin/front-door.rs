//! The front door: log in, the start page and the report form, the pages a
//! parent opens first, in a small bundle for a first visit on a slow phone.
//! The server sends it for `/`, `/inloggen` and `/melden` (server/src/spa.rs).

fn main() {
    verzuimwijzer_app::start_front_door();
}
