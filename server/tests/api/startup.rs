//! Several servers starting at once on one fresh database (a deploy that
//! starts every instance together): each comes up and serves, the schema
//! is migrated once and the demo data stored once.

use reqwest::StatusCode;
use server::Application;
use sqlx::Row;
use tokio::sync::oneshot;

use crate::helpers::{test_config, Db};
use crate::smtp_sink::SmtpSink;

on_both_backends!(servers_starting_at_once_migrate_and_seed_once);

const SERVERS: usize = 4;

async fn servers_starting_at_once_migrate_and_seed_once(db: Db) {
    let sink = SmtpSink::start().await;
    let builds: Vec<_> = (0..SERVERS)
        .map(|_| tokio::spawn(Application::build(test_config(db.url.clone(), &sink))))
        .collect();
    let mut stops = Vec::new();
    let mut servers = Vec::new();
    for build in builds {
        let app = build.await.unwrap().expect("every server starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let (stop, stopped) = oneshot::channel::<()>();
        stops.push(stop);
        servers.push(tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        })));
        let health = reqwest::get(format!("{address}/api/health")).await.unwrap();
        assert_eq!(health.status(), StatusCode::OK, "{address} serves");
    }

    let store = db.store().await;
    let count = async |sql: &str| -> i64 {
        sqlx::query(sql)
            .fetch_one(store.pool())
            .await
            .unwrap()
            .try_get(0)
            .unwrap()
    };
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .count();
    assert_eq!(
        count("SELECT COUNT(*) FROM _sqlx_migrations").await,
        i64::try_from(migrations).unwrap(),
        "each migration applied once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE").await,
        i64::try_from(migrations).unwrap()
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM schools").await,
        2,
        "seeded once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM users WHERE email = 'sanne@example.nl'").await,
        1
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM conversations").await,
        1,
        "the demo invitation once"
    );

    for stop in stops {
        let _ = stop.send(());
    }
    for server in servers {
        server.await.unwrap().unwrap();
    }
    store.close().await;
}
