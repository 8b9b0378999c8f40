//! Logging in and out, and who is logged in.

use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::json;
use server::config::CookieSecure;
use shared::{ErrorCode, Me};

use crate::helpers::{
    body, expect_error, new_client, spawn_app, spawn_app_with, AppOptions, PASSWORD,
};

#[tokio::test]
async fn the_right_password_logs_in_and_answers_me() {
    let app = spawn_app().await;

    let res = app.login("sanne@example.nl", PASSWORD).await;

    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = body(res).await;
    assert_eq!(me.name, "Sanne de Vries");
    assert_eq!(me.email, "sanne@example.nl");
    let children: Vec<_> = me.children.iter().map(|c| c.first_name.as_str()).collect();
    assert_eq!(children, ["Daan", "Noor"]);
    assert!(me.staff_roles.is_empty());
    let me_again: Me = body(app.get("/api/me").await).await;
    assert_eq!(me_again, me);
}

#[tokio::test]
async fn the_email_may_be_typed_in_any_case() {
    let app = spawn_app().await;

    let res = app.login("  Mark@Example.NL ", PASSWORD).await;

    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_missing_or_impossible_field_is_named() {
    let app = spawn_app().await;
    let too_long = "x".repeat(257);
    let cases = [
        ("", PASSWORD, "email", "Vul uw e-mailadres in."),
        (
            "sanne",
            PASSWORD,
            "email",
            "Dit is geen e-mailadres. Kijk of u het goed heeft getypt.",
        ),
        ("sanne@example.nl", "", "password", "Vul uw wachtwoord in."),
        (
            "sanne@example.nl",
            too_long.as_str(),
            "password",
            "Dit wachtwoord is te lang.",
        ),
    ];
    for (email, password, field, message) in cases {
        let res = app.login(email, password).await;

        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{email:?}");
        assert_eq!(error.message, message);
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;

    let wrong_password = app.login("sanne@example.nl", "welkom-demo!").await;
    let unknown_email = app.login("niemand@example.nl", PASSWORD).await;

    assert!(wrong_password.headers().get(SET_COOKIE).is_none());
    let a = expect_error(
        wrong_password,
        StatusCode::UNAUTHORIZED,
        ErrorCode::WrongCredentials,
    )
    .await;
    let b = expect_error(
        unknown_email,
        StatusCode::UNAUTHORIZED,
        ErrorCode::WrongCredentials,
    )
    .await;
    assert_eq!(a, b);
    assert_eq!(a.message, "Het e-mailadres of het wachtwoord klopt niet.");
    assert_eq!(a.field, None);
    expect_error(
        app.get("/api/me").await,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    let app = spawn_app().await;

    let res = app.login("sanne@example.nl", PASSWORD).await;

    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    let token = cookie
        .strip_prefix("vw_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("a vw_session cookie: {cookie}"));
    assert_eq!(token.len(), 64, "32 random bytes as hex");
    let flags: Vec<_> = cookie.split(';').map(str::trim).collect();
    assert!(flags.contains(&"HttpOnly"), "{cookie}");
    assert!(flags.contains(&"SameSite=Lax"), "{cookie}");
    assert!(flags.contains(&"Path=/"), "{cookie}");
    assert!(!flags.contains(&"Secure"), "plain http: {cookie}");
}

#[tokio::test]
async fn the_cookie_is_secure_behind_an_https_proxy() {
    let app = spawn_app().await;

    let res = app
        .client
        .post(app.url("/api/session"))
        .header("x-forwarded-proto", "https")
        .json(&json!({ "email": "sanne@example.nl", "password": PASSWORD }))
        .send()
        .await
        .unwrap();

    let cookie = res.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cookie.split(';').any(|f| f.trim() == "Secure"), "{cookie}");
}

#[tokio::test]
async fn the_cookie_can_be_made_secure_always() {
    let options = AppOptions {
        cookie_secure: Some(CookieSecure::Always),
    };
    let app = spawn_app_with(None, options).await;

    let res = app.login("sanne@example.nl", PASSWORD).await;

    let cookie = res.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cookie.split(';').any(|f| f.trim() == "Secure"), "{cookie}");
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let app = spawn_app().await;

    let res = app.get("/api/me").await;

    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
    let forged = new_client()
        .get(app.url("/api/me"))
        .header(COOKIE, format!("vw_session={}", "ab".repeat(32)))
        .send()
        .await
        .unwrap();
    expect_error(forged, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = spawn_app().await;
    let res = app.login("sanne@example.nl", PASSWORD).await;
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    let token_cookie = cookie.split(';').next().unwrap().to_owned();

    let res = app.logout().await;

    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let cleared = res.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("vw_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    expect_error(
        app.get("/api/me").await,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
    // The old token itself no longer works either (not just forgotten by
    // this browser).
    let replay = new_client()
        .get(app.url("/api/me"))
        .header(COOKIE, token_cookie)
        .send()
        .await
        .unwrap();
    expect_error(replay, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
}
