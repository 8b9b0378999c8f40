//! Verzuimwijzer: the web app in which parents report their child absent
//! from school. A Leptos client-side app, built to WebAssembly by trunk.
//!
//! Three bundles are built from this library (see README, "How fast the app
//! is on a phone"): the log-in door (`src/bin/log-in-door.rs`), the front
//! door (`src/bin/front-door.rs`) and the whole app (`src/main.rs`).
//!
//! Code tour: `app.rs` (each bundle's pages, and the log-in state), `handover.rs` (from
//! one bundle to the next), `api.rs` (every call to
//! the server), `pages/` (one module per page), `components/` (the layout and
//! small shared pieces), `dates.rs` (dates and periods in the chosen language),
//! `outbox.rs` (reports kept on the phone until they are sent) and
//! `service_worker.rs` (the app opens without a network).

mod api;
mod app;
mod components;
mod dates;
mod handover;
mod i18n;
mod labels;
mod outbox;
mod pages;
mod service_worker;

use handover::Bundle;

/// Starts the whole app.
pub fn start_whole_app() {
    handover::started(Bundle::WholeApp);
    service_worker::register();
    start(app::App);
}

/// Starts the front door.
pub fn start_front_door() {
    handover::started(Bundle::FrontDoor);
    service_worker::register();
    start(app::FrontDoor);
}

/// Starts the log-in door. Without the service worker: installing it
/// downloads the front door, which the parent needs only once logged in
/// (and then the front door registers it).
pub fn start_log_in_door() {
    handover::started(Bundle::LogInDoor);
    start(app::LogInDoor);
}

fn start<V: leptos::IntoView + 'static>(app: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app);
}
