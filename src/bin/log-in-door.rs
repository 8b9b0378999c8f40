//! The log-in door: the log-in page alone, the smallest bundle, for someone
//! who is not logged in on this phone yet. The server sends it for
//! `/inloggen` (server/src/spa.rs).

fn main() {
    verzuimwijzer_app::start_log_in_door();
}
