//! Security: the headers on every answer (app and API), HSTS only over
//! https, changes from another site refused (CSRF), and the input limits:
//! body size, lengths, counts, date ranges and absurd ids, each refused
//! with a JSON error naming the field.

use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use shared::reports::MAX_CHILDREN_PER_REPORT;
use shared::{ErrorCode, Me, SchoolSettingsView};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{
    body, expect_error, get, new_key, post, send, spawn_app, spawn_app_with, today, AppOptions, Db,
    TestApp, PASSWORD,
};

on_both_backends!(
    a_report_from_another_site_is_refused_and_not_stored,
    staff_groups_each_once,
    a_conversation_asks_each_day_once,
    settings_dates_and_steps_are_bounded,
);

const SANNE: &str = "sanne@example.nl";

fn assert_security_headers(headers: &HeaderMap, what: &str) {
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert_eq!(csp, server::security::CONTENT_SECURITY_POLICY, "{what}");
    for directive in [
        "script-src 'self' 'wasm-unsafe-eval';",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "worker-src 'self'",
    ] {
        assert!(csp.contains(directive), "{what}: {directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}");
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(headers["referrer-policy"], "no-referrer", "{what}");
    assert_eq!(
        headers["cross-origin-opener-policy"], "same-origin",
        "{what}"
    );
    assert_eq!(headers["x-frame-options"], "DENY", "{what}");
    let permissions = headers["permissions-policy"].to_str().unwrap();
    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(permissions.contains(feature), "{what}: {feature}");
    }
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let dist = TempDir::new().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>x</title>",
    )
    .unwrap();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;
    app.login_as(SANNE).await;

    for path in [
        "/",
        "/kinderen/x",
        "/api/health",
        "/api/children",
        "/api/nope",
    ] {
        let res = app.get(path).await;
        assert_security_headers(res.headers(), path);
        assert!(
            res.headers().get("strict-transport-security").is_none(),
            "{path}: no HSTS over plain http"
        );
    }
    // An error made before any handler runs has them too.
    let res = app
        .client
        .post(app.url("/api/reports"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_security_headers(res.headers(), "415");
}

#[tokio::test]
async fn the_headers_are_there_while_the_app_is_not_built() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_security_headers(res.headers(), "503");
}

#[tokio::test]
async fn hsts_only_when_the_request_came_over_https() {
    let app = spawn_app().await;
    for path in ["/", "/api/health"] {
        let plain = app.get(path).await;
        assert!(plain.headers().get("strict-transport-security").is_none());

        let https = app
            .client
            .get(app.url(path))
            .header("x-forwarded-proto", "https")
            .send()
            .await
            .unwrap();
        assert_eq!(
            https.headers()["strict-transport-security"],
            server::security::STRICT_TRANSPORT_SECURITY,
            "{path}"
        );
    }
}

/// `POST /api/session` as a browser on `origin` would send it.
async fn login_from(app: &TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = new_browser()
        .post(app.url("/api/session"))
        .header("accept-language", "en");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request
        .json(&json!({ "email": SANNE, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
}

fn new_browser() -> Client {
    crate::helpers::new_client()
}

#[tokio::test]
async fn a_log_in_from_another_site_is_refused() {
    let app = spawn_app().await;
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("sec-fetch-site", "cross-site")],
        // Same host name, other port: another origin.
        vec![("origin", "http://127.0.0.1:1")],
    ] {
        let res = login_from(&app, &headers).await;
        assert!(res.headers().get(SET_COOKIE).is_none(), "{headers:?}");
        let error = expect_error(res, StatusCode::FORBIDDEN, ErrorCode::CrossSite).await;
        assert!(
            error.message.contains("did not come from the app"),
            "in the asked language: {}",
            error.message
        );
    }

    // The app itself (its own origin), and a program that sends none.
    let own = app.address.clone();
    for headers in [
        vec![("origin", own.as_str()), ("sec-fetch-site", "same-origin")],
        vec![],
    ] {
        let res = login_from(&app, &headers).await;
        assert_eq!(res.status(), StatusCode::OK, "{headers:?}");
        assert!(res.headers().get(SET_COOKIE).is_some());
    }
}

async fn a_report_from_another_site_is_refused_and_not_stored(db: Db) {
    let app = db.spawn_app().await;
    app.login_as(SANNE).await;
    let noor = app.child_id("Noor").await;
    let report = json!({
        "pupil_ids": [noor],
        "kind": "ill",
        "first_day": today(),
        "idempotency_key": new_key(),
    });
    let res = app
        .client
        .post(app.url("/api/reports"))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .json(&report)
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::CrossSite).await;
    assert!(app.child_reports(&noor).await.is_empty(), "nothing stored");

    // Reading from another site is not a change: the browser's own rules
    // (CORS) keep the answer from that site.
    let res = app
        .client
        .get(app.url("/api/children"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Logging out is a change too.
    let res = app
        .client
        .delete(app.url("/api/session"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::CrossSite).await;

    // The same report from the app itself is stored.
    let res = app
        .client
        .post(app.url("/api/reports"))
        .header("origin", app.address.as_str())
        .header("sec-fetch-site", "same-origin")
        .json(&report)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(app.child_reports(&noor).await.len(), 1);
}

/// A valid report whose note makes the body `size` bytes or more.
fn report_of_size(pupil_id: &str, size: usize) -> Value {
    json!({
        "pupil_ids": [pupil_id],
        "kind": "appointment",
        "first_day": today(),
        "last_day": today(),
        "note": "x".repeat(size),
        "idempotency_key": new_key(),
    })
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_json_413_naming_the_body() {
    let app = spawn_app().await;
    app.login_as(SANNE).await;
    let noor = app.child_id("Noor").await;

    let res = app
        .post_report(&report_of_size(&noor, server::json::MAX_BODY_BYTES))
        .await;
    let error = expect_error(res, StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BadRequest).await;
    assert_eq!(error.field.as_deref(), Some("body"));

    // Under the limit, the note's own limit answers (422 naming `note`).
    let res = app.post_report(&report_of_size(&noor, 1000)).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("note"));
}

/// Sends a body in chunks, without `Content-Length`, over a plain socket,
/// and returns the status line and the body of the answer.
async fn post_chunked(app: &TestApp, path: &str, cookie: &str, chunks: usize) -> (String, String) {
    let address = app.address.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Cookie: {cookie}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 1024, " ".repeat(1024));
    for _ in 0..chunks {
        // The server may answer (and stop reading) before the last chunk.
        if socket.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = socket.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.lines().next().unwrap_or_default().to_owned();
    let body = answer
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    (status, body)
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_a_json_413_too() {
    let app = spawn_app().await;
    let res = app.login(SANNE, PASSWORD).await;
    let cookie = res.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();

    let (status, answer) = post_chunked(&app, "/api/reports", &cookie, 100).await;
    assert!(status.contains(" 413 "), "{status}");
    assert!(answer.contains("\"field\":\"body\""), "{answer}");
    assert!(answer.contains("\"code\":\"bad_request\""), "{answer}");
}

#[tokio::test]
async fn report_limits_children_dates_and_notes_are_named() {
    let app = spawn_app().await;
    app.login_as(SANNE).await;
    let noor = app.child_id("Noor").await;
    let base = |change: Value| {
        let mut report = json!({
            "pupil_ids": [noor],
            "kind": "other",
            "first_day": today(),
            "last_day": today(),
            "idempotency_key": new_key(),
        });
        for (k, v) in change.as_object().unwrap() {
            report[k] = v.clone();
        }
        report
    };
    let far = "+262142-12-31";
    let too_many: Vec<String> = (0..=MAX_CHILDREN_PER_REPORT)
        .map(|i| format!("kind-{i}"))
        .collect();
    let cases = [
        (
            "too many children",
            json!({ "pupil_ids": too_many }),
            "pupil_ids",
        ),
        (
            "an absurd child id",
            json!({ "pupil_ids": ["x".repeat(1000)] }),
            "pupil_ids",
        ),
        (
            "a month ago",
            json!({ "first_day": today() - chrono::Days::new(30), "last_day": today() }),
            "first_day",
        ),
        (
            "two years ahead",
            json!({ "first_day": today() + chrono::Days::new(730), "last_day": today() + chrono::Days::new(730) }),
            "first_day",
        ),
        (
            "longer than a year",
            json!({ "last_day": today() + chrono::Days::new(400) }),
            "last_day",
        ),
        (
            "the end of time",
            json!({ "first_day": far, "last_day": far }),
            "first_day",
        ),
        (
            "a note too long",
            json!({ "note": "x".repeat(201) }),
            "note",
        ),
        (
            "an absurd key",
            json!({ "idempotency_key": "k".repeat(1000) }),
            "idempotency_key",
        ),
    ];
    for (case, change, field) in cases {
        let res = app.post_report(&base(change)).await;
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{case}");
    }
}

#[tokio::test]
async fn desk_query_dates_and_limits_are_named() {
    let app = spawn_app().await;
    let desk = app.client_for("balie@example.nl").await;
    let me: Me = body(get(&app, &desk, "/api/me").await).await;
    let school = &me.staff_roles[0].school_id;
    for (query, field) in [
        ("from=%2B262142-12-31", "from"),
        ("from=2026-01-01&to=%2B262142-12-31", "to"),
        ("from=2026-01-01&to=2026-12-31", "to"),
        ("to=not-a-day", "to"),
    ] {
        let path = format!("/api/schools/{school}/reports?{query}");
        let error = expect_error(
            get(&app, &desk, &path).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{query}");
    }
}

#[tokio::test]
async fn an_absurdly_long_id_is_not_found() {
    let app = spawn_app().await;
    app.login_as(SANNE).await;
    let long = "a".repeat(5000);
    for path in [
        format!("/api/children/{long}/reports"),
        format!("/api/reports/{long}"),
        format!("/api/conversations/{long}"),
        format!("/api/leave-requests/{long}"),
    ] {
        expect_error(
            app.get(&path).await,
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
        )
        .await;
    }
    let res = app
        .post_json(
            &format!("/api/reports/{long}/better"),
            &json!({ "better_from": today() }),
        )
        .await;
    expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}

async fn staff_groups_each_once(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for("admin@example.nl").await;
    let me: Me = body(get(&app, &admin, "/api/me").await).await;
    let school = &me.staff_roles[0].school_id;
    let groups: Vec<shared::SchoolGroup> =
        body(get(&app, &admin, &format!("/api/schools/{school}/groups")).await).await;
    let group = &groups[0].id;
    let path = format!("/api/schools/{school}/staff");
    for (groups, what) in [
        (json!([group, group]), "a group twice"),
        (json!(vec![group; 51]), "too many groups"),
    ] {
        let staff = json!({
            "name": "Kim",
            "email": "kim@example.nl",
            "roles": ["teacher"],
            "groups": groups,
        });
        let error = expect_error(
            post(&app, &admin, &path, &staff).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some("groups"), "{what}");
    }
    let staff = json!({
        "name": "K".repeat(101),
        "email": "kim@example.nl",
        "roles": ["teacher"],
    });
    let error = expect_error(
        post(&app, &admin, &path, &staff).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("name"));
}

async fn a_conversation_asks_each_day_once(db: Db) {
    let app = db.spawn_app().await;
    app.login_as(SANNE).await;
    let daan = app.child_id("Daan").await;
    for (field, change) in [
        ("days", json!({ "days": vec!["tuesday"; 1000] })),
        ("day_parts", json!({ "day_parts": ["morning", "morning"] })),
    ] {
        let mut request = json!({
            "pupil_id": daan,
            "with": "mentor",
            "topic": "absence",
            "child_joins": true,
            "mode": "at_school",
            "message": "",
            "shared_with_guardians": true,
            "idempotency_key": new_key(),
        });
        for (k, v) in change.as_object().unwrap() {
            request[k] = v.clone();
        }
        let error = expect_error(
            app.post_json("/api/conversations", &request).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field));
    }
}

async fn send_owned(
    app: &TestApp,
    who: &Client,
    method: Method,
    path: &str,
    body: Value,
) -> reqwest::Response {
    send(app, who, method, path, Some(&body)).await
}

/// A change to the settings' JSON.
type Edit<'a> = &'a (dyn Fn(&mut Value) + Sync);

async fn settings_dates_and_steps_are_bounded(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for("admin@example.nl").await;
    let me: Me = body(get(&app, &admin, "/api/me").await).await;
    let path = format!("/api/schools/{}/settings", me.staff_roles[0].school_id);
    let view: SchoolSettingsView = body(get(&app, &admin, &path).await).await;
    let change = |edit: Edit| {
        let mut change = json!({
            "protocol": view.protocol,
            "calendar": view.calendar,
            "contacts": view.contacts,
            "conversations_shared": view.conversations_shared,
        });
        edit(&mut change);
        change
    };
    let put = |body: Value| send_owned(&app, &admin, Method::PUT, &path, body);

    // The whole default protocol with its calendar is more than the usual
    // limit, and is taken.
    let whole = change(&|_| {});
    assert!(whole.to_string().len() > server::json::MAX_BODY_BYTES);
    assert_eq!(put(whole).await.status(), StatusCode::OK);

    let cases: [(&str, Edit, &str); 4] = [
        (
            "a school year from long ago",
            &|c| c["calendar"]["school_year_start"] = json!("-200000-08-01"),
            "calendar",
        ),
        (
            "a holiday at the end of time",
            &|c| c["calendar"]["holidays"][0]["last_day"] = json!("+262142-12-31"),
            "calendar",
        ),
        (
            "too many steps",
            &|c| {
                let step = c["protocol"]["steps"][0].clone();
                let steps: Vec<Value> = (0..41)
                    .map(|i| {
                        let mut step = step.clone();
                        step["id"] = json!(format!("stap-{i}"));
                        step
                    })
                    .collect();
                c["protocol"]["steps"] = json!(steps);
            },
            "protocol",
        ),
        (
            "a very long name",
            &|c| c["protocol"]["name"] = json!("n".repeat(151)),
            "protocol",
        ),
    ];
    for (case, edit, field) in cases {
        let error = expect_error(
            put(change(edit)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{case}");
    }
}
