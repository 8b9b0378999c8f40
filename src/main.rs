//! Verzuimwijzer: the web app in which parents report their child absent
//! from school. A Leptos client-side app, built to WebAssembly by trunk.
//!
//! Code tour: `app.rs` (routes and the log-in state), `api.rs` (every call to
//! the server), `pages/` (one module per page), `components/` (the layout and
//! small shared pieces), `dates.rs` (dates and periods in the chosen language),
//! `outbox.rs` (reports kept on the phone until they are sent) and
//! `service_worker.rs` (the app opens without a network).

mod api;
mod app;
mod components;
mod dates;
mod i18n;
mod labels;
mod outbox;
mod pages;
mod service_worker;

fn main() {
    console_error_panic_hook::set_once();
    service_worker::register();
    leptos::mount::mount_to_body(app::App);
}
