//! Passwords, session tokens and cookies, and the `CurrentUser` extractor.
//!
//! A session is a random 32-byte token in the `vw_session` cookie
//! (HttpOnly, SameSite=Lax, Path=/, Secure per `VW_COOKIE_SECURE`); the
//! database holds only the token's SHA-256, so reading the database does not
//! let anyone log in. Passwords are argon2id hashes with the crate's default
//! parameters.
//!
//! A session ends 30 days after logging in, or sooner when it is not used
//! for 7 days ([`SESSION_IDLE_DAYS`]), on logging out, on "log out
//! everywhere", or when the account gets a (new) password. Logging in
//! always makes a new token and ends the session the browser sent along
//! (no session fixation). Failed log-ins are limited: [`limit`].

pub mod limit;

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use chrono::{Duration, Utc};
use cookie::{Cookie, SameSite};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::config::CookieSecure;
use crate::error::Error;
use crate::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "vw_session";
/// How long a session lasts after logging in.
pub const SESSION_DAYS: i64 = 30;
/// A session not used for this long ends (a phone left somewhere).
pub const SESSION_IDLE_DAYS: i64 = 7;
/// How often a session's "last used" is written: at most once an hour, so
/// that not every request writes to the database.
pub const LAST_SEEN_EVERY_MINUTES: i64 = 60;
/// How long an activation code works after the school made it.
pub const ACTIVATION_DAYS: i64 = 30;
/// The stored "hash" of an account without a password yet (made by an
/// import, activated with a code): not a PHC string, so no password matches.
pub const NO_PASSWORD: &str = "!";

/// Hashes a password with argon2id (slow on purpose: runs on the blocking
/// pool).
pub async fn hash_password(password: String) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || hash_password_now(&password))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))?
}

fn hash_password_now(password: &str) -> Result<String, Error> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| Error::Internal(format!("hashing a password: {e}")))
}

/// Checks a password against a stored hash. With no hash (unknown e-mail,
/// or an account without a password yet: [`NO_PASSWORD`]) it checks against
/// a dummy hash and answers false, so that all cases take about as long and
/// cannot be told apart by timing.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, Error> {
    tokio::task::spawn_blocking(move || {
        let hash = hash.filter(|hash| hash.starts_with('$'));
        let known = hash.is_some();
        let hash = match hash {
            Some(hash) => hash,
            None => dummy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&hash)
            .map_err(|e| Error::Internal(format!("a stored password hash: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(|e| Error::Internal(format!("hashing task: {e}")))?
}

/// Makes the dummy hash now rather than on the first unknown e-mail (which
/// would otherwise take twice as long as a wrong password).
pub async fn warm_up() -> Result<(), Error> {
    tokio::task::spawn_blocking(|| dummy_hash().map(|_| ()))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))?
}

fn dummy_hash() -> Result<&'static str, Error> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let hash = hash_password_now("not the password of anyone")?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// A new session token: 32 random bytes from the operating system, as hex.
pub fn new_session_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A new activation code in its stored form (see `shared::onboarding`):
/// 10 characters from an alphabet without look-alikes, from the operating
/// system's random numbers.
pub fn new_activation_code() -> String {
    use rand::Rng;
    let alphabet = shared::onboarding::CODE_ALPHABET;
    (0..shared::onboarding::CODE_LENGTH)
        .map(|_| char::from(alphabet[OsRng.gen_range(0..alphabet.len())]))
        .collect()
}

/// What the database stores of a token: its SHA-256, as hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether to mark the cookie `Secure` for this request.
pub fn cookie_is_secure(setting: CookieSecure, headers: &HeaderMap) -> bool {
    match setting {
        CookieSecure::Always => true,
        CookieSecure::Never => false,
        CookieSecure::Auto => arrived_over_https(headers),
    }
}

/// Whether the proxy in front says the request arrived over https
/// (`X-Forwarded-Proto`, its first value).
pub fn arrived_over_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((SESSION_COOKIE, token.to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::days(SESSION_DAYS));
    header_value(cookie.build())
}

/// The `Set-Cookie` value that makes the browser forget the session.
pub fn removal_cookie(secure: bool) -> HeaderValue {
    let cookie = Cookie::build((SESSION_COOKIE, ""))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO);
    header_value(cookie.build())
}

fn header_value(cookie: Cookie<'_>) -> HeaderValue {
    // Names and values are ours (hex, fixed names): always valid.
    HeaderValue::from_str(&cookie.to_string()).expect("a cookie is a valid header value")
}

/// The session token sent with a request, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE && !c.value().is_empty())
        .map(|c| c.value().to_owned())
}

/// The logged-in user of a request: extracting it answers `401
/// unauthenticated` when there is no valid, unexpired session.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: String,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let token = session_token(&parts.headers).ok_or(Error::Unauthenticated)?;
        let now = Utc::now();
        let user_id = state
            .store
            .session_user(
                &token_hash(&token),
                now,
                idle_since(now),
                now - Duration::minutes(LAST_SEEN_EVERY_MINUTES),
            )
            .await?
            .ok_or(Error::Unauthenticated)?;
        Ok(Self { id: user_id })
    }
}

/// When a session that starts now ends.
pub fn session_expiry(now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    now + Duration::days(SESSION_DAYS)
}

/// Sessions last used before this have ended.
pub fn idle_since(now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    now - Duration::days(SESSION_IDLE_DAYS)
}

/// The network address a request came from, if known: the TCP peer, or,
/// when `VW_TRUSTED_PROXY=true`, the address our reverse proxy put last in
/// `X-Forwarded-For`. For the rate limits ([`limit`]); never logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        // Absent when the app is called without a socket (some tests).
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip());
        Ok(Self(client_address(
            peer,
            &parts.headers,
            state.config.trusted_proxy,
        )))
    }
}

/// The client's address: behind a trusted proxy the last entry of
/// `X-Forwarded-For` (the one the proxy added; entries before it come from
/// the client and may be made up), else the peer. Without a trusted proxy
/// the header is ignored: anyone can send it.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted_proxy: bool,
) -> Option<IpAddr> {
    let forwarded = || {
        let last = headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()?
            .to_str()
            .ok()?
            .rsplit(',')
            .next()?
            .trim();
        last.parse::<IpAddr>()
            .ok()
            .or_else(|| last.parse::<SocketAddr>().ok().map(|a| a.ip()))
    };
    trusted_proxy.then(forwarded).flatten().or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_64_hex_characters_and_never_the_same() {
        let (a, b) = (new_session_token(), new_session_token());
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn the_session_cookie_is_http_only_and_lax() {
        let value = session_cookie("abc", false);
        let text = value.to_str().unwrap();
        assert!(text.starts_with("vw_session=abc;"), "{text}");
        assert!(text.contains("HttpOnly"), "{text}");
        assert!(text.contains("SameSite=Lax"), "{text}");
        assert!(text.contains("Path=/"), "{text}");
        assert!(!text.contains("Secure"), "{text}");
        assert!(session_cookie("abc", true)
            .to_str()
            .unwrap()
            .contains("Secure"));
    }

    #[test]
    fn secure_follows_the_setting_or_the_proxy() {
        let mut https = HeaderMap::new();
        https.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let plain = HeaderMap::new();
        assert!(cookie_is_secure(CookieSecure::Auto, &https));
        assert!(!cookie_is_secure(CookieSecure::Auto, &plain));
        assert!(cookie_is_secure(CookieSecure::Always, &plain));
        assert!(!cookie_is_secure(CookieSecure::Never, &https));
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let peer: Option<IpAddr> = Some("10.0.0.2".parse().unwrap());
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.4"),
        );
        assert_eq!(client_address(peer, &headers, false), peer);
        assert_eq!(
            client_address(peer, &headers, true),
            Some("198.51.100.4".parse().unwrap()),
            "the entry the proxy added, not the one the client made up"
        );
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("[2001:db8::1]:4711"),
        );
        assert_eq!(
            client_address(peer, &headers, true),
            Some("2001:db8::1".parse().unwrap())
        );
        headers.insert("x-forwarded-for", HeaderValue::from_static("nonsense"));
        assert_eq!(client_address(peer, &headers, true), peer);
        assert_eq!(client_address(None, &HeaderMap::new(), true), None);
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; vw_session=tok; x=1"),
        );
        assert_eq!(session_token(&headers).as_deref(), Some("tok"));
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[tokio::test]
    async fn a_password_matches_its_hash_only() {
        let hash = hash_password("geheim".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("geheim".into(), Some(hash.clone()))
            .await
            .unwrap());
        assert!(!verify_password("anders".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("geheim".into(), None).await.unwrap());
        assert!(
            !verify_password(NO_PASSWORD.into(), Some(NO_PASSWORD.into()))
                .await
                .unwrap()
        );
    }

    #[test]
    fn an_activation_code_has_the_form_the_app_reads() {
        let code = new_activation_code();
        assert_eq!(
            shared::onboarding::normalize_code(&code),
            Some(code.clone())
        );
        assert_ne!(code, new_activation_code());
    }
}
