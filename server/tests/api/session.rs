//! Logging in and out, and who is logged in.

use chrono::{Duration, Utc};
use reqwest::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use reqwest::{Client, Response, StatusCode};
use serde_json::json;
use server::config::CookieSecure;
use server::store::instant_to_text;
use shared::{ApiError, ErrorCode, Me};

use crate::helpers::{
    body, expect_error, new_client, spawn_app, spawn_app_with, AppOptions, Db, TestApp, PASSWORD,
};

on_both_backends!(
    five_wrong_passwords_lock_an_account_for_fifteen_minutes,
    the_lock_says_how_many_minutes_are_left,
    an_unknown_email_is_locked_like_a_known_one,
    logging_in_resets_the_count_of_the_account,
    fifty_failures_from_one_address_lock_that_address,
    wrong_activation_codes_are_limited_per_address,
    logging_in_ends_the_session_sent_along,
    a_session_ends_after_a_week_unused_or_after_thirty_days,
    last_use_is_written_at_most_once_an_hour,
    logging_out_everywhere_ends_every_session_of_that_person,
);

const LOCKED_15: &str = "U heeft het te vaak geprobeerd. Probeer het over 15 minuten opnieuw.";

async fn log_in(app: &TestApp, client: &Client, email: &str, password: &str) -> Response {
    client
        .post(app.url("/api/session"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

/// `n` wrong passwords for `email`, each answered `401`.
async fn fail_times(app: &TestApp, email: &str, n: usize) {
    for i in 0..n {
        let res = log_in(app, &new_client(), email, "niet het wachtwoord").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "try {}", i + 1);
    }
}

/// A `429 too_many_attempts` without a field, with `Retry-After` in
/// seconds; returns the error and the seconds.
async fn expect_locked(res: Response) -> (ApiError, u64) {
    let retry_after: u64 = res
        .headers()
        .get(RETRY_AFTER)
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .expect("Retry-After in seconds");
    let error = expect_error(
        res,
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::TooManyAttempts,
    )
    .await;
    assert_eq!(error.field, None);
    (error, retry_after)
}

/// Moves every stored failure back in time, as if `ago` had passed.
async fn failures_happened(app: &TestApp, ago: Duration) {
    sqlx::query("UPDATE login_failures SET failed_at = $1")
        .bind(instant_to_text(Utc::now() - ago))
        .execute(app.store.pool())
        .await
        .unwrap();
}

async fn five_wrong_passwords_lock_an_account_for_fifteen_minutes(db: Db) {
    let app = db.spawn_app().await;
    fail_times(&app, "sanne@example.nl", 4).await;

    let fifth = log_in(
        &app,
        &new_client(),
        "sanne@example.nl",
        "niet het wachtwoord",
    )
    .await;

    let (error, retry_after) = expect_locked(fifth).await;
    assert_eq!(error.message, LOCKED_15);
    assert!((890..=900).contains(&retry_after), "{retry_after}");
    // Now even the right password waits (else the lock would stop nothing),
    // in the language asked for; other accounts are not locked.
    let right = new_client()
        .post(app.url("/api/session"))
        .header("accept-language", "en")
        .json(&json!({ "email": "sanne@example.nl", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert!(right.headers().get(SET_COOKIE).is_none());
    let (error, _) = expect_locked(right).await;
    assert_eq!(
        error.message,
        "You have tried too many times. Please try again in 15 minutes."
    );
    let mark = log_in(&app, &new_client(), "mark@example.nl", PASSWORD).await;
    assert_eq!(mark.status(), StatusCode::OK);

    // Fifteen minutes later the right password works again.
    failures_happened(&app, Duration::minutes(15) + Duration::seconds(1)).await;
    let later = log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await;
    assert_eq!(later.status(), StatusCode::OK);
}

async fn the_lock_says_how_many_minutes_are_left(db: Db) {
    let app = db.spawn_app().await;
    fail_times(&app, "lotte@example.nl", 4).await;
    let fifth = log_in(&app, &new_client(), "lotte@example.nl", "fout").await;
    expect_locked(fifth).await;

    failures_happened(&app, Duration::minutes(10)).await;
    let (error, retry_after) =
        expect_locked(log_in(&app, &new_client(), "lotte@example.nl", PASSWORD).await).await;
    assert_eq!(
        error.message,
        "U heeft het te vaak geprobeerd. Probeer het over 5 minuten opnieuw."
    );
    assert!((290..=300).contains(&retry_after), "{retry_after}");

    failures_happened(&app, Duration::minutes(14) + Duration::seconds(30)).await;
    let (error, retry_after) =
        expect_locked(log_in(&app, &new_client(), "lotte@example.nl", PASSWORD).await).await;
    assert_eq!(
        error.message,
        "U heeft het te vaak geprobeerd. Probeer het over 1 minuut opnieuw."
    );
    assert!((1..=30).contains(&retry_after), "{retry_after}");
}

async fn an_unknown_email_is_locked_like_a_known_one(db: Db) {
    let app = db.spawn_app().await;
    fail_times(&app, "ahmed@example.nl", 4).await;
    fail_times(&app, "niemand@example.nl", 4).await;

    let known = log_in(&app, &new_client(), "ahmed@example.nl", "fout").await;
    let unknown = log_in(&app, &new_client(), "niemand@example.nl", "fout").await;

    // Same status, body and wait: nothing tells which one has an account.
    let (known, _) = expect_locked(known).await;
    let (unknown, _) = expect_locked(unknown).await;
    assert_eq!(known, unknown);
    // The same account however it is typed.
    let typed = log_in(&app, &new_client(), " NIEMAND@example.NL ", "fout").await;
    expect_locked(typed).await;
}

async fn logging_in_resets_the_count_of_the_account(db: Db) {
    let app = db.spawn_app().await;
    fail_times(&app, "mark@example.nl", 4).await;

    let res = log_in(&app, &new_client(), "mark@example.nl", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Four more wrong ones are not "eight in a row".
    fail_times(&app, "mark@example.nl", 4).await;
    let fifth = log_in(&app, &new_client(), "mark@example.nl", "fout").await;
    expect_locked(fifth).await;
}

async fn fifty_failures_from_one_address_lock_that_address(db: Db) {
    let app = db.spawn_app().await;
    let client = new_client();
    for i in 0..49 {
        // A different account each time (never five for one), and a made-up
        // X-Forwarded-For: without VW_TRUSTED_PROXY it is not believed.
        let res = client
            .post(app.url("/api/session"))
            .header("x-forwarded-for", format!("203.0.113.{i}"))
            .json(&json!({ "email": format!("raden{i}@example.nl"), "password": "fout" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "try {}", i + 1);
    }

    let fiftieth = log_in(&app, &client, "raden49@example.nl", "fout").await;

    let (error, retry_after) = expect_locked(fiftieth).await;
    assert_eq!(error.message, LOCKED_15);
    assert!((890..=900).contains(&retry_after), "{retry_after}");
    // From this address, every account waits.
    let sanne = log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await;
    expect_locked(sanne).await;
    // Nothing in the database names the accounts or the address.
    let subjects: Vec<String> = sqlx::query_scalar("SELECT DISTINCT subject FROM login_failures")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(subjects.len(), 51, "50 accounts and 1 address");
    assert!(subjects
        .iter()
        .all(|s| s.len() == 64 && !s.contains('@') && !s.contains("127.0.0.1")));
}

async fn wrong_activation_codes_are_limited_per_address(db: Db) {
    let app = db.spawn_app().await;
    let activate = |code: String| {
        new_client()
            .post(app.url("/api/activation"))
            .json(&json!({ "code": code, "password": "fietsen in de regen" }))
            .send()
    };
    // Mistakes in the form are not guesses: not counted.
    for _ in 0..12 {
        let res = activate(String::new()).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    for i in 0..9 {
        let last = char::from(shared::onboarding::CODE_ALPHABET[i]);
        let res = activate(format!("2345-6789-A{last}")).await.unwrap();
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some("code"), "guess {}", i + 1);
    }

    let tenth = activate("2345-6789-AZ".into()).await.unwrap();

    let (error, _) = expect_locked(tenth).await;
    assert_eq!(error.message, LOCKED_15);
    let eleventh = activate("3456-789A-BC".into()).await.unwrap();
    expect_locked(eleventh).await;
    // Logging in is limited apart from codes.
    let res = log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// The token in a response's `Set-Cookie`.
fn token_of(res: &Response) -> String {
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap();
    cookie
        .strip_prefix("vw_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("a vw_session cookie: {cookie}"))
        .to_owned()
}

/// `/api/me` with only this token.
async fn me_with(app: &TestApp, token: &str) -> StatusCode {
    new_client()
        .get(app.url("/api/me"))
        .header(COOKIE, format!("vw_session={token}"))
        .send()
        .await
        .unwrap()
        .status()
}

async fn logging_in_ends_the_session_sent_along(db: Db) {
    let app = db.spawn_app().await;
    let browser = new_client();
    let first = token_of(&log_in(&app, &browser, "sanne@example.nl", PASSWORD).await);

    let second = token_of(&log_in(&app, &browser, "sanne@example.nl", PASSWORD).await);

    assert_ne!(first, second, "a new token on every log-in");
    assert_eq!(me_with(&app, &first).await, StatusCode::UNAUTHORIZED);
    assert_eq!(me_with(&app, &second).await, StatusCode::OK);
    // Also when someone else logs in on that browser.
    let third = token_of(&log_in(&app, &browser, "mark@example.nl", PASSWORD).await);
    assert_eq!(me_with(&app, &second).await, StatusCode::UNAUTHORIZED);
    let me: Me = body(browser.get(app.url("/api/me")).send().await.unwrap()).await;
    assert_eq!(me.email, "mark@example.nl");
    assert_eq!(me_with(&app, &third).await, StatusCode::OK);
}

async fn set_session(app: &TestApp, column: &str, value: chrono::DateTime<Utc>) {
    sqlx::query(&format!("UPDATE sessions SET {column} = $1"))
        .bind(instant_to_text(value))
        .execute(app.store.pool())
        .await
        .unwrap();
}

async fn a_session_ends_after_a_week_unused_or_after_thirty_days(db: Db) {
    let app = db.spawn_app().await;
    let token = token_of(&log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await);

    // Six days and 23 hours unused: still there.
    set_session(
        &app,
        "last_seen_at",
        Utc::now() - Duration::hours(6 * 24 + 23),
    )
    .await;
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);
    // Seven days unused: ended.
    set_session(&app, "last_seen_at", Utc::now() - Duration::days(7)).await;
    assert_eq!(me_with(&app, &token).await, StatusCode::UNAUTHORIZED);

    // Used every day, but 30 days after logging in: ended.
    let token = token_of(&log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(count, 1, "the idle one was cleared at the log-in");
    set_session(&app, "expires_at", Utc::now() + Duration::minutes(1)).await;
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);
    set_session(&app, "expires_at", Utc::now()).await;
    assert_eq!(me_with(&app, &token).await, StatusCode::UNAUTHORIZED);
}

async fn last_use_is_written_at_most_once_an_hour(db: Db) {
    let app = db.spawn_app().await;
    let token = token_of(&log_in(&app, &new_client(), "sanne@example.nl", PASSWORD).await);
    let last_seen = || async {
        sqlx::query_scalar::<_, String>("SELECT last_seen_at FROM sessions")
            .fetch_one(app.store.pool())
            .await
            .unwrap()
    };

    let half_an_hour_ago = Utc::now() - Duration::minutes(30);
    set_session(&app, "last_seen_at", half_an_hour_ago).await;
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);
    assert_eq!(
        last_seen().await,
        instant_to_text(half_an_hour_ago),
        "not written again"
    );

    let two_hours_ago = Utc::now() - Duration::hours(2);
    set_session(&app, "last_seen_at", two_hours_ago).await;
    let before = instant_to_text(Utc::now() - Duration::seconds(1));
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);
    assert!(last_seen().await >= before, "written: used now");
}

async fn logging_out_everywhere_ends_every_session_of_that_person(db: Db) {
    let app = db.spawn_app().await;
    let phone = app.client_for("sanne@example.nl").await;
    let laptop = app.client_for("sanne@example.nl").await;
    let mark = app.client_for("mark@example.nl").await;

    let res = phone.delete(app.url("/api/sessions")).send().await.unwrap();

    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let cleared = res.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("vw_session=;"), "{cleared}");
    for (who, client) in [("phone", &phone), ("laptop", &laptop)] {
        let res = client.get(app.url("/api/me")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{who}");
    }
    let res = mark.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "someone else stays logged in");
    // Only for someone logged in.
    let res = new_client()
        .delete(app.url("/api/sessions"))
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
}

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
        ..AppOptions::default()
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
