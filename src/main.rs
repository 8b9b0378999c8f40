//! Verzuimwijzer: the web app in which parents report their child absent
//! from school. A Leptos client-side app, built to WebAssembly by trunk.
//!
//! Code tour: `app.rs` (routes and the log-in state), `api.rs` (every call to
//! the server), `pages/` (one module per page), `components/` (the layout and
//! small shared pieces), `dates.rs` (dates and periods in the chosen language).

mod api;
mod app;
mod components;
mod dates;
mod i18n;
mod labels;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
