//! Starts the Verzuimwijzer server: settings from the environment (and a
//! `.env` file), then serve until Ctrl-C or SIGTERM.

use std::future::Future;
use std::process::ExitCode;

use server::config::Config;
use server::{telemetry, Application};

#[tokio::main]
async fn main() -> ExitCode {
    let dotenv = dotenvy::dotenv();
    telemetry::init();
    if let Err(e) = dotenv {
        if !e.not_found() {
            eprintln!("Cannot read the .env file: {e}");
            return ExitCode::FAILURE;
        }
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("Wrong setting: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Listening for the stop signals before the port opens: a server that
    // answers requests always stops gracefully.
    let stop = match shutdown_signal() {
        Ok(stop) => stop,
        Err(e) => {
            eprintln!("Cannot listen for the stop signals: {e}");
            return ExitCode::FAILURE;
        }
    };
    let app = match Application::build(config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("The server cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match app.run_until_stopped(stop).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("The server stopped with an error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A future that completes on Ctrl-C or (on Unix) SIGTERM. The signals are
/// caught from this call on, also before the future is first awaited.
fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    let stopped = {
        use tokio::signal::unix::{signal, SignalKind};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        async move {
            tokio::select! {
                _ = interrupt.recv() => {},
                _ = terminate.recv() => {},
            }
        }
    };
    #[cfg(not(unix))]
    let stopped = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    Ok(async move {
        stopped.await;
        tracing::info!("stopping: finishing the requests in flight");
    })
}
