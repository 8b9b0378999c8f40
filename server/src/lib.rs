//! The Verzuimwijzer server: the JSON API under `/api` (docs/API.md) and
//! the built app for every other path.
//!
//! Code tour, in reading order:
//! - `main.rs`: settings -> [`Application::build`] -> serve until stopped.
//! - [`config`]: the settings, from the environment.
//! - [`app`] (below): the router, its layers, [`AppState`].
//! - [`api`]: one module per resource with its `router()`.
//! - [`auth`]: passwords, sessions, cookies, [`auth::CurrentUser`].
//! - [`error`] and [`json`]: how failures and JSON bodies are answered.
//! - [`store`]: the data layer (SQLite or PostgreSQL through sqlx `Any`),
//!   with the migrations in `server/migrations`.
//! - [`mail`]: e-mail notifications: texts, the outbox and the background
//!   sender.
//! - [`retention`]: the daily job that deletes data past its time.
//! - [`seed`]: demo data for a first start. [`spa`]: the built app.
//! - [`ics`]: an agreed conversation as a calendar file. [`export`]:
//!   absences as CSV for the pupil administration.

pub mod api;
pub mod auth;
pub mod clock;
pub mod config;
pub mod error;
pub mod export;
pub mod ics;
pub mod json;
pub mod locale;
pub mod mail;
pub mod retention;
pub mod security;
pub mod seed;
pub mod spa;
pub mod store;
pub mod telemetry;

use std::future::{Future, IntoFuture};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::{middleware, Router};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Config;
use crate::mail::Mailer;
use crate::store::Store;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub mail: Mailer,
}

/// The whole HTTP application: `/api` and the built app, with request
/// logging, compression and the security headers ([`security`]). No
/// socket: tests can call it directly.
///
/// API answers are personal: browsers and proxies must not store them.
/// A change to `/api` must come from the app itself, and a request body is
/// at most [`json::MAX_BODY_BYTES`] unless its route allows more.
pub fn app(state: AppState) -> Router {
    let spa = spa::router(&state.config.dist_dir);
    let site = Arc::new(security::Site::new(state.config.public_url.as_deref()));
    let no_store = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    Router::new()
        .nest(
            "/api",
            api::router()
                .layer(DefaultBodyLimit::max(json::MAX_BODY_BYTES))
                .layer(no_store)
                .layer(middleware::from_fn_with_state(
                    site.clone(),
                    security::same_origin_only,
                ))
                .layer(middleware::from_fn(locale::answer_in_asked_language)),
        )
        .with_state(state)
        .fallback_service(spa)
        .layer(middleware::from_fn_with_state(site, security::headers))
        .layer(telemetry::trace_layer())
        .layer(CompressionLayer::new())
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot update the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot prepare the server: {0}")]
    Prepare(#[from] error::Error),
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
    #[error("cannot set up mail: {0}")]
    Mail(#[from] mail::SetupError),
}

/// How long requests in flight may take to finish once the server is asked
/// to stop. Shorter than the 10 s service managers such as Docker wait
/// before they kill.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(8);

/// A server that is ready: database migrated (and seeded on a first start)
/// and its port bound.
pub struct Application {
    listener: TcpListener,
    router: Router,
    store: Store,
    mailer: Mailer,
    sender: mail::Sender,
    port: u16,
}

impl Application {
    /// Opens and migrates the database, stores the demo data on a first
    /// start (printing the demo log-ins), and binds `config.listen` (port 0:
    /// any free port, see [`Application::port`]).
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let store = Store::connect_with(&config.database_url, &config.db_pool).await?;
        store.migrate().await?;
        if config.seed_demo {
            if let Some(logins) = seed::seed_demo(&store).await? {
                seed::print_logins(&logins);
            }
        }
        auth::warm_up().await?;
        if !config.dist_dir.join("index.html").is_file() {
            tracing::warn!(
                dist_dir = %config.dist_dir.display(),
                "the app is not built (no index.html): only /api works until `trunk build`"
            );
        }
        let listener = TcpListener::bind(config.listen).await?;
        let address = listener.local_addr()?;
        let public_url = match &config.public_url {
            Some(url) => url.clone(),
            None => {
                let url = config::local_public_url(address);
                if !address.ip().is_loopback() {
                    tracing::warn!(%url, "VW_PUBLIC_URL is not set: links in mails use this address");
                }
                url
            }
        };
        let (mailer, sender) = Mailer::new(store.clone(), &config, &public_url)?;
        let state = AppState {
            store: store.clone(),
            config: Arc::new(config),
            mail: mailer.clone(),
        };
        Ok(Self {
            listener,
            router: app(state),
            store,
            mailer,
            sender,
            port: address.port(),
        })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's store (tests use it to arrange data).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The server's mailer (tests use it to send notices).
    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// Serves, and sends mail in the background, until `shutdown`
    /// completes; then stops taking connections, finishes the requests in
    /// flight and the mail being sent, and closes the database. Requests
    /// still running after [`SHUTDOWN_GRACE`] are cut off without an
    /// answer.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        tracing::info!(address = %self.listener.local_addr()?, "listening");
        let (stop_sender, stop) = watch::channel(false);
        let retention = tokio::spawn(retention::run(self.store.clone(), stop.clone()));
        let sender = tokio::spawn(self.sender.run(stop));
        let (stopping_sender, stopping) = oneshot::channel();
        let shutdown = async move {
            shutdown.await;
            let _ = stopping_sender.send(());
        };
        // With the peer's address: the log-in limits count per address.
        let app = self
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let serve = axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .into_future();
        let (served, in_time) = tokio::select! {
            served = serve => (served, true),
            () = grace_over(stopping) => (Ok(()), false),
        };
        // Stopped or failed: the sender stops too, after the mail in hand.
        let _ = stop_sender.send(true);
        if sender.await.is_err() {
            tracing::error!("the mail sender failed");
        }
        if retention.await.is_err() {
            tracing::error!("the retention job failed");
        }
        served?;
        if in_time {
            tracing::info!("no requests in flight; closing the database");
            self.store.close().await;
        } else {
            // Closing would wait for the connections those requests hold.
            tracing::warn!("stopping with requests still in flight after the grace period");
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// Completes [`SHUTDOWN_GRACE`] after `stopping`; never when the server
/// ended without being asked to stop.
async fn grace_over(stopping: oneshot::Receiver<()>) {
    if stopping.await.is_err() {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(SHUTDOWN_GRACE).await;
}
