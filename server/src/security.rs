//! What the browser is told about every answer, and which requests that
//! change something we take.
//!
//! - [`headers`]: on every answer (the app and the API) a strict
//!   Content-Security-Policy (scripts only from this server, the app's wasm
//!   allowed, nothing inline, no frames), `nosniff`, no referrer, no camera,
//!   microphone or location, and HSTS when the request came over https.
//! - [`same_origin_only`]: a request under `/api` that changes something
//!   (POST, PUT, PATCH, DELETE) and that a browser sent from another site is
//!   refused (403 `cross_site`), on top of the `SameSite=Lax` session cookie.
//!
//! The built app has no inline script: `scripts/trunk-external-loader.mjs`
//! moves trunk's inline loader into a file of its own at build time.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::Error;

/// Scripts and styles from this server only, never inline; the wasm may be
/// compiled (`'wasm-unsafe-eval'`, not `'unsafe-eval'`); pictures from this
/// server or `data:` (small inline icons); fetches, the service worker and
/// the manifest from this server; no `<base>`, no plugins, and no page may
/// show the app in a frame (clickjacking).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; \
     img-src 'self' data:; \
     connect-src 'self'; \
     worker-src 'self'; \
     manifest-src 'self'; \
     base-uri 'none'; \
     form-action 'self'; \
     frame-ancestors 'none'; \
     object-src 'none'";

/// Features the app never uses, switched off for it and anything it could
/// be tricked into loading.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/// Two years, the usual value for HSTS. Without `includeSubDomains`: the
/// app may live on a school's subdomain, and the other names are not ours.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000";

/// What the two middlewares need to know about where the app lives.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// `VW_PUBLIC_URL` as an origin (`https://verzuim.school.nl`), if set.
    public_origin: Option<String>,
}

impl Site {
    /// `public_url` is `VW_PUBLIC_URL` (see [`crate::config::Config`]).
    pub fn new(public_url: Option<&str>) -> Self {
        Self {
            public_origin: public_url.map(origin_of),
        }
    }

    /// Whether the request reached the app over https: through a reverse
    /// proxy that says so (`X-Forwarded-Proto: https`, as for the session
    /// cookie's `Secure`), or because the app's public address is https.
    pub fn is_https(&self, headers: &HeaderMap) -> bool {
        crate::auth::arrived_over_https(headers)
            || self
                .public_origin
                .as_deref()
                .is_some_and(|origin| origin.starts_with("https://"))
    }

    /// Whether `origin` (an `Origin` header) is the app's own: the public
    /// address's, or that of the host the request was sent to. `null` (a
    /// sandboxed frame, a `file:` page, some redirects) never is.
    fn is_own_origin(&self, origin: &str, host: Option<&str>) -> bool {
        if self
            .public_origin
            .as_deref()
            .is_some_and(|own| own.eq_ignore_ascii_case(origin))
        {
            return true;
        }
        let Some((scheme, authority)) = origin.split_once("://") else {
            return false;
        };
        // The scheme is not compared with the request's: behind a proxy that
        // does https, the server itself is reached over http.
        matches!(scheme, "http" | "https")
            && host.is_some_and(|host| host.eq_ignore_ascii_case(authority))
    }
}

/// `https://host[:port]` of a URL: the scheme and the part up to the path.
fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    format!("{scheme}://{authority}").to_ascii_lowercase()
}

/// Middleware for every answer: the security headers.
pub async fn headers(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    let https = site.is_https(request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Links in the app (to a school's site, say) do not tell where the
    // reader came from: paths hold children's ids.
    set(header::REFERRER_POLICY, "no-referrer");
    set(
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    // Another site's window cannot reach into the app's (window.opener).
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    // For browsers older than `frame-ancestors`.
    set(header::X_FRAME_OPTIONS, "DENY");
    if https {
        set(header::STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY);
    }
    response
}

/// Middleware for `/api`: refuses a request that changes something when a
/// browser sent it from another site (cross-site request forgery).
///
/// The session cookie is `SameSite=Lax`, so a modern browser does not send
/// it with another site's POST; this is the second lock, for older browsers
/// and for sites that count as "same site" (a school's other subdomains),
/// and it also keeps another site from logging someone in to an account of
/// its choosing. A request without `Origin` passes: browsers always send
/// `Origin` with a cross-origin POST, PUT, PATCH or DELETE (and with
/// same-origin ones too, except very old browsers), so a request without it
/// does not come from another site's page. Programs (curl, the tests, an
/// import script) send none and carry their own session, which no other
/// site can make them use.
pub async fn same_origin_only(
    State(site): State<Arc<Site>>,
    request: Request,
    next: Next,
) -> Response {
    if changes_something(request.method()) && is_cross_site(&site, &request) {
        return Error::CrossSite.into_response();
    }
    next.run(request).await
}

fn changes_something(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

fn is_cross_site(site: &Site, request: &Request) -> bool {
    let headers = request.headers();
    // Sent by every current browser, and not settable by a page's script.
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if fetch_site.is_some_and(|v| v.eq_ignore_ascii_case("cross-site")) {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    // HTTP/1.1 has `Host`; HTTP/2 puts it in the request's authority.
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    !site.is_own_origin(origin.trim(), host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(method).uri("/api/reports");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn the_own_origin_passes_and_others_do_not() {
        let site = Site::default();
        let host = ("host", "verzuim.school.nl");
        let post = |headers: &[(&str, &str)]| is_cross_site(&site, &request(Method::POST, headers));
        assert!(!post(&[host]));
        assert!(!post(&[host, ("origin", "https://verzuim.school.nl")]));
        assert!(!post(&[host, ("origin", "http://Verzuim.School.nl")]));
        assert!(post(&[host, ("origin", "https://evil.example")]));
        assert!(post(&[
            host,
            ("origin", "https://verzuim.school.nl.evil.example")
        ]));
        assert!(post(&[host, ("origin", "https://verzuim.school.nl:8443")]));
        assert!(post(&[host, ("origin", "null")]));
        assert!(post(&[host, ("origin", "file://verzuim.school.nl")]));
        assert!(post(&[("origin", "https://verzuim.school.nl")]));
        assert!(post(&[host, ("sec-fetch-site", "cross-site")]));
        assert!(!post(&[host, ("sec-fetch-site", "same-origin")]));
    }

    #[test]
    fn behind_a_proxy_the_public_address_counts() {
        let site = Site::new(Some("https://verzuim.school.nl/"));
        let behind = request(
            Method::PUT,
            &[
                ("host", "127.0.0.1:3000"),
                ("origin", "https://verzuim.school.nl"),
            ],
        );
        assert!(!is_cross_site(&site, &behind));
        let other = request(
            Method::PUT,
            &[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://verzuim.school.nl"),
            ],
        );
        assert!(is_cross_site(&site, &other));
    }

    #[test]
    fn reading_is_never_refused() {
        for method in [Method::GET, Method::HEAD, Method::OPTIONS] {
            assert!(!changes_something(&method), "{method}");
        }
        for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            assert!(changes_something(&method), "{method}");
        }
    }

    #[test]
    fn https_comes_from_the_proxy_or_the_public_address() {
        let mut forwarded = HeaderMap::new();
        forwarded.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let plain = HeaderMap::new();
        assert!(Site::default().is_https(&forwarded));
        assert!(!Site::default().is_https(&plain));
        assert!(Site::new(Some("https://verzuim.school.nl")).is_https(&plain));
        assert!(!Site::new(Some("http://localhost:3000")).is_https(&plain));
    }

    #[test]
    fn an_origin_is_scheme_and_host() {
        assert_eq!(
            origin_of("https://Verzuim.school.nl/app?x#y"),
            "https://verzuim.school.nl"
        );
        assert_eq!(origin_of("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
    }
}
