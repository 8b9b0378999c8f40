//! What `scripts/fuzz` and its probes found: input no person types, which
//! the API still answers in its error shape, on both databases (PostgreSQL
//! cannot store or look up text with a NUL character in it), without
//! crashing.

use reqwest::StatusCode;
use serde_json::json;
use shared::{ApiError, ErrorCode, Me};

use crate::helpers::{body, expect_error, Db, TestApp};

on_both_backends!(
    an_unreadable_path_id_is_not_found,
    a_nul_in_a_query_is_a_bad_address,
    a_nul_in_a_json_text_is_named,
    a_day_beyond_the_year_9999_in_a_query_is_refused,
);

async fn school_of(app: &TestApp) -> String {
    let me: Me = body(app.get("/api/me").await).await;
    me.staff_roles[0].school_id.clone()
}

async fn an_unreadable_path_id_is_not_found(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;

    for path in [
        // Not UTF-8 once decoded (axum answered in plain text).
        "/api/reports/%FF",
        "/api/children/%C3%28/reports",
        // A NUL (a 500 on PostgreSQL).
        "/api/reports/%00",
        "/api/children/a%00b/reports",
        "/api/leave-requests/%00",
        "/api/conversations/%00/calendar.ics",
    ] {
        let res = app.get(path).await;
        let error = expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
        assert!(!error.message.is_empty(), "{path}");
    }
    let res = app
        .put_json("/api/schools/%00/staff/%FF", &json!({ "roles": [] }))
        .await;
    expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}

async fn a_nul_in_a_query_is_a_bad_address(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("els@example.nl").await;
    let school = school_of(&app).await;

    for query in ["group=%00", "group=2B%00", "from=%00&to=", "x%00=1"] {
        let res = app
            .get(&format!("/api/schools/{school}/reports?{query}"))
            .await;
        expect_error(res, StatusCode::BAD_REQUEST, ErrorCode::BadRequest).await;
    }
}

async fn a_nul_in_a_json_text_is_named(db: Db) {
    let app = db.spawn_app().await;

    let res = app
        .post_json(
            "/api/session",
            &json!({ "email": "sanne\u{0}@example.nl", "password": "welkom-demo" }),
        )
        .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("email"));

    app.login_as("sanne@example.nl").await;
    let res = app
        .post_json(
            "/api/reports",
            &json!({
                "pupil_ids": ["\u{0}"],
                "kind": "ill",
                "first_day": "2026-12-03",
                "idempotency_key": "nul-0123456789abcdef",
            }),
        )
        .await;
    let error: ApiError = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("pupil_ids"));
}

async fn a_day_beyond_the_year_9999_in_a_query_is_refused(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("admin@example.nl").await;
    let school = school_of(&app).await;

    // chrono reads these; adding days to them overflowed (the connection
    // closed without an answer).
    for (path, field) in [
        ("reports?from=%2B262142-12-31", "from"),
        ("reports?from=2026-12-01&to=%2B262142-12-31", "to"),
        (
            "exports/absences.csv?from=%2B262142-12-31&to=%2B262142-12-31",
            "from",
        ),
        ("reports?from=-262143-01-01", "from"),
    ] {
        let res = app.get(&format!("/api/schools/{school}/{path}")).await;
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{path}");
    }
}
