//! Error messages in the language the request asks for (`Accept-Language`,
//! as the app sends it), Dutch without one; codes and fields stay the same.

use reqwest::header::ACCEPT_LANGUAGE;
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use shared::messages::last_day_before_first;
use shared::{ApiError, ErrorCode, ImportRejection, Language, Me};

use crate::helpers::{body, expect_error, new_client, new_key, spawn_app, today, Db, TestApp};

on_both_backends!(
    a_mistake_in_a_report_is_explained_in_the_asked_language,
    import_mistakes_come_in_the_asked_language,
);

/// `who` sends `body` (if any) to `path`, asking for `language` (if any).
async fn send_in(
    app: &TestApp,
    who: &Client,
    method: Method,
    path: &str,
    body: Option<&Value>,
    language: Option<&str>,
) -> reqwest::Response {
    let mut request = who.request(method, app.url(path));
    if let Some(language) = language {
        request = request.header(ACCEPT_LANGUAGE, language);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.expect("request")
}

async fn a_mistake_in_a_report_is_explained_in_the_asked_language(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let daan = app.child_id("Daan").await;
    let report = json!({
        "pupil_ids": [daan],
        "kind": "appointment",
        "first_day": today(),
        "last_day": today().pred_opt().unwrap(),
        "idempotency_key": new_key(),
    });
    let refused = |language: Option<&'static str>| {
        let (app, report) = (&app, &report);
        async move {
            let res = send_in(
                app,
                &app.client,
                Method::POST,
                "/api/reports",
                Some(report),
                language,
            )
            .await;
            let error = expect_error(
                res,
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidInput,
            )
            .await;
            assert_eq!(error.field.as_deref(), Some("last_day"), "{language:?}");
            error.message
        }
    };

    assert_eq!(
        refused(Some("ar")).await,
        "لا يمكن أن يكون اليوم الأخير قبل اليوم الأول."
    );
    assert_eq!(
        refused(None).await,
        "De laatste dag kan niet vóór de eerste dag liggen."
    );
    let words = last_day_before_first();
    assert_eq!(refused(Some("nl-NL")).await, words.dutch());
    assert_eq!(
        refused(Some("en-GB,en;q=0.9")).await,
        words.get(Language::En)
    );
    assert_eq!(
        refused(Some("de-DE,de;q=0.9,tr;q=0.8")).await,
        words.get(Language::Tr)
    );
    assert_eq!(
        refused(Some("fr, de")).await,
        words.dutch(),
        "Dutch otherwise"
    );
}

async fn import_mistakes_come_in_the_asked_language(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for("admin@example.nl").await;
    let me: Me = body(admin.get(app.url("/api/me")).send().await.unwrap()).await;
    let path = format!("/api/schools/{}/imports", me.staff_roles[0].school_id);
    let import = |language: &'static str| {
        let (app, admin, path) = (&app, &admin, &path);
        async move {
            let res = admin
                .post(app.url(path))
                .header("content-type", "text/csv")
                .header(ACCEPT_LANGUAGE, language)
                .body("leerlingnummer\n1\n")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            body::<ImportRejection>(res).await
        }
    };

    let polish = import("pl").await;
    let dutch = import("nl-NL").await;

    assert_eq!(polish.errors.len(), dutch.errors.len());
    assert!(
        polish.message.starts_with("W pliku są błędy."),
        "{polish:?}"
    );
    assert!(dutch.message.starts_with("Er staan fouten"), "{dutch:?}");
    let missing = |r: &ImportRejection| r.errors[0].message.clone();
    assert!(missing(&polish).starts_with("W wierszu nagłówka brakuje kolumny"));
    assert!(missing(&dutch).starts_with("De kolom "));
    assert_eq!(polish.errors[0].field, dutch.errors[0].field);
}

#[tokio::test]
async fn a_log_in_without_an_email_is_answered_in_arabic_when_asked() {
    let app = spawn_app().await;
    let log_in = json!({ "email": "", "password": "x" });
    let client = new_client();

    let arabic = send_in(
        &app,
        &client,
        Method::POST,
        "/api/session",
        Some(&log_in),
        Some("ar"),
    )
    .await;
    let dutch = send_in(
        &app,
        &client,
        Method::POST,
        "/api/session",
        Some(&log_in),
        None,
    )
    .await;

    let arabic = expect_error(
        arabic,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    let dutch = expect_error(
        dutch,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(arabic.message, "اكتب بريدك الإلكتروني.");
    assert_eq!(dutch.message, "Vul uw e-mailadres in.");
    assert_eq!(arabic.field, dutch.field);
}

#[tokio::test]
async fn broken_json_an_unknown_path_and_no_session_speak_the_language_too() {
    let app = spawn_app().await;
    let client = new_client();

    let broken = client
        .post(app.url("/api/session"))
        .header("content-type", "application/json")
        .header(ACCEPT_LANGUAGE, "uk")
        .body("{\"email\":")
        .send()
        .await
        .unwrap();
    let broken = expect_error(broken, StatusCode::BAD_REQUEST, ErrorCode::BadRequest).await;
    assert_eq!(broken.message, "Запит не є правильним JSON.");

    let missing = send_in(
        &app,
        &client,
        Method::GET,
        "/api/nothing-here",
        None,
        Some("tr"),
    )
    .await;
    let missing = expect_error(missing, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    assert_eq!(missing.message, "Bunu bulamadık.");

    let me = send_in(&app, &client, Method::GET, "/api/me", None, Some("en")).await;
    let me: ApiError = expect_error(me, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
    assert_eq!(
        me.message,
        "You are not logged in (anymore). Please log in again."
    );
}
