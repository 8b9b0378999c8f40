//! Serves the built app (trunk's `dist` folder) for every path outside
//! `/api`, with `index.html` for any path that is not a file, so that the
//! app's own routes (`/kinderen/...`) survive a reload.
//!
//! Caching: trunk puts a content hash in asset names
//! (`verzuimwijzer-app-<hash>_bg.wasm`, `style-<hash>.css`), so those may be
//! kept for a year; everything else, `index.html` above all, is `no-cache`
//! (always asked again, so a new build is picked up at once).
//!
//! Three bundles ([`DOORS`]): `dist/login/` holds the log-in door (the log-in
//! page alone), `dist/front/` the front door (the pages a parent opens
//! first); every other address gets the whole app. A door loads any other
//! page again from here.
//!
//! Compression: `scripts/precompress.mjs` writes `.br` and `.gz` copies at
//! the highest levels when the app is built; those are sent as they are to a
//! browser that accepts them. Other files are compressed on the fly by the
//! app's `CompressionLayer`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

/// The addresses sent a smaller bundle than the whole app, and where its
/// page is in the built app (`src/app.rs`: `LogInDoor`, `FrontDoor`).
pub const DOORS: [(&str, &str); 3] = [
    ("/inloggen", "/login/index.html"),
    ("/", "/front/index.html"),
    ("/melden", "/front/index.html"),
];

/// The built app's pages.
struct Pages {
    dist_dir: PathBuf,
    whole_app: PathBuf,
}

/// The router for everything that is not `/api`.
pub fn router(dist_dir: &Path) -> Router {
    let index = dist_dir.join("index.html");
    let pages = Arc::new(Pages {
        dist_dir: dist_dir.to_owned(),
        whole_app: index.clone(),
    });
    let index_file = ServeFile::new(&index)
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index_file);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(pages, pick_page))
}

/// Answers 503 while the app is not built, sends a door's page for its
/// address (when that door is built), and sets the cache headers.
async fn pick_page(State(pages): State<Arc<Pages>>, mut req: Request, next: Next) -> Response {
    if !tokio::fs::try_exists(&pages.whole_app)
        .await
        .unwrap_or(false)
    {
        return not_built(&pages.whole_app);
    }
    if let Some((_, page)) = DOORS.iter().find(|(path, _)| *path == req.uri().path()) {
        let file = pages.dist_dir.join(page.trim_start_matches('/'));
        if tokio::fs::try_exists(file).await.unwrap_or(false) {
            // The query (`/inloggen?terug=...`) is the app's, not the file's.
            *req.uri_mut() = Uri::from_static(page);
        }
    }
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let ok = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    let cache = if hashed && ok && !is_html {
        IMMUTABLE
    } else {
        NO_CACHE
    };
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, cache);
    // The body depends on Accept-Encoding (a pre-compressed copy or not).
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

fn not_built(index: &Path) -> Response {
    let text = format!(
        "Verzuimwijzer: de app is nog niet gebouwd.\n\
         The app has not been built yet: run `trunk build` (or `trunk build --release`) \
         in the repository, or point VW_DIST_DIR at the built app.\n\
         Missing: {}\n\
         The API under /api works without it.\n",
        index.display()
    );
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CACHE_CONTROL, NO_CACHE)],
        text,
    )
        .into_response()
}

/// Whether the last part of `path` carries a trunk content hash: a `-`
/// followed by at least 8 hex digits and then `.` or `_`.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.match_indices('-').any(|(i, _)| {
        let rest = &name[i + 1..];
        let digits = rest.chars().take_while(char::is_ascii_hexdigit).count();
        digits >= 8 && matches!(rest[digits..].chars().next(), Some('.' | '_'))
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn trunk_asset_names_are_recognised() {
        for hashed in [
            "/verzuimwijzer-app-3f1c2a9b8d7e6f50_bg.wasm",
            "/verzuimwijzer-app-3f1c2a9b8d7e6f50.js",
            "/style-0a1b2c3d4e5f6789.css",
            "/assets/logo-deadbeef.svg",
        ] {
            assert!(is_hashed_asset(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/kinderen/3f1c2a9b-8d7e",
            "/favicon.ico",
            "/verzuimwijzer-app.js",
            "/style-abc.css",
        ] {
            assert!(!is_hashed_asset(plain), "{plain}");
        }
    }
}
