//! The server's integration tests: one binary, the real server on a free
//! port (`helpers::spawn_app`), a fresh database per test.

#[macro_use]
mod helpers;

mod authorisation;
mod basics;
mod conversations;
mod desk;
mod export_me;
mod fuzzing;
mod languages;
mod leave;
mod lifecycle;
mod mail;
mod next_steps;
mod onboarding;
mod openapi;
mod reports;
mod retention;
mod scope;
mod security;
mod session;
mod settings;
mod smtp_sink;
mod spa;
mod startup;
mod store;
