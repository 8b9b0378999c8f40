//! The server's settings, read from the environment (and a `.env` file, which
//! `main` loads first). `.env.sample` at the top of the repository lists them.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;

pub use crate::store::PoolSettings;

/// Everything the server can be told at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    /// `VW_LISTEN`: the address and port to listen on. Default
    /// `127.0.0.1:3000`; `0.0.0.0:3000` to be reachable from other machines
    /// (normally behind a reverse proxy that does https). Port 0 picks a free
    /// port (tests).
    pub listen: SocketAddr,
    /// `DATABASE_URL`: where the data lives. Default
    /// `sqlite://data/verzuimwijzer.db` (a file, created with its folder when
    /// missing); a `postgres://` URL uses PostgreSQL instead.
    pub database_url: String,
    /// `VW_DB_MAX_CONNECTIONS` and `VW_DB_ACQUIRE_TIMEOUT_MS`: the limits of
    /// the database connection pool (defaults per backend: see
    /// [`PoolSettings`]).
    pub db_pool: PoolSettings,
    /// `VW_COOKIE_SECURE`: when the session cookie gets the `Secure` flag.
    pub cookie_secure: CookieSecure,
    /// `VW_TRUSTED_PROXY`: whether the server is behind a reverse proxy
    /// that sets `X-Forwarded-For`, so that the log-in limits count the
    /// address the proxy names instead of the proxy's own. Default `false`:
    /// without such a proxy, anyone could send the header.
    pub trusted_proxy: bool,
    /// `VW_DIST_DIR`: the folder with the built app (`trunk build`), served
    /// for every path outside `/api`. Default `dist`.
    pub dist_dir: PathBuf,
    /// `VW_SEED_DEMO`: fill an empty database (no school yet) with demo
    /// schools, children and log-ins at start-up. Default `true`.
    pub seed_demo: bool,
    /// `VW_SMTP_URL`: the mail server that delivers mail. Unset (the
    /// default): mails are written as files into `mail_dir` instead.
    pub smtp_url: Option<SmtpUrl>,
    /// `VW_MAIL_FROM`: the sender of every mail. Default
    /// `Verzuimwijzer <noreply@verzuimwijzer.invalid>`.
    pub mail_from: Mailbox,
    /// `VW_MAIL_DIR`: without `VW_SMTP_URL`, mails are written into this
    /// folder as `.eml` files (development). Default `data/mail`.
    pub mail_dir: PathBuf,
    /// `VW_PUBLIC_URL`: the app's address as people reach it, for the links
    /// in mails, e.g. `https://verzuim.school.nl`. Unset: `http://` and the
    /// address the server listens on (see [`local_public_url`]).
    pub public_url: Option<String>,
    /// How long the mail sender waits after each failed attempt before the
    /// next; after the last wait it gives up on the mail. Not read from the
    /// environment: the default (10 s, 1 min, 5 min, 30 min, then hours: 10
    /// attempts in about a day) suits every server; tests shorten it.
    pub mail_retry: Vec<Duration>,
}

/// `VW_SMTP_URL`, checked: how to reach the mail server. Shown (`Debug`)
/// without user name and password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    /// In the form lettre's `from_url` reads.
    lettre: String,
    /// `smtp://host:port`, for logs.
    shown: String,
}

/// When the session cookie is marked `Secure` (sent over https only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieSecure {
    /// `auto` (default): when the request came over https, as told by a
    /// reverse proxy's `X-Forwarded-Proto: https`.
    Auto,
    /// `true`: always.
    Always,
    /// `false`: never (plain http on a local machine).
    Never,
}

/// A setting that has a value we cannot use.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem} (got {value:?})")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    problem: &'static str,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            database_url: "sqlite://data/verzuimwijzer.db".into(),
            db_pool: PoolSettings::default(),
            cookie_secure: CookieSecure::Auto,
            trusted_proxy: false,
            dist_dir: PathBuf::from("dist"),
            seed_demo: true,
            smtp_url: None,
            mail_from: "Verzuimwijzer <noreply@verzuimwijzer.invalid>"
                .parse()
                .expect("a valid sender"),
            mail_dir: PathBuf::from("data/mail"),
            public_url: None,
            mail_retry: [10, 60, 300, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200]
                .map(Duration::from_secs)
                .to_vec(),
        }
    }
}

impl Config {
    /// Reads the settings from the process environment; unset ones get
    /// their default.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup` (the environment, or a map in
    /// tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let defaults = Self::default();
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let fail = |name, value: String, problem| ConfigError {
            name,
            value,
            problem,
        };

        let listen = match get("VW_LISTEN") {
            None => defaults.listen,
            Some(v) => v
                .trim()
                .parse()
                .map_err(|_| fail("VW_LISTEN", v, "expected an address like 127.0.0.1:3000"))?,
        };
        let cookie_secure = match get("VW_COOKIE_SECURE").as_deref().map(str::trim) {
            None | Some("auto") => CookieSecure::Auto,
            Some("true") => CookieSecure::Always,
            Some("false") => CookieSecure::Never,
            Some(v) => {
                return Err(fail(
                    "VW_COOKIE_SECURE",
                    v.into(),
                    "expected auto, true or false",
                ))
            }
        };
        let seed_demo = match get("VW_SEED_DEMO").as_deref().map(str::trim) {
            None | Some("true") | Some("1") => true,
            Some("false") | Some("0") => false,
            Some(v) => return Err(fail("VW_SEED_DEMO", v.into(), "expected true or false")),
        };
        let trusted_proxy = match get("VW_TRUSTED_PROXY").as_deref().map(str::trim) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(v) => return Err(fail("VW_TRUSTED_PROXY", v.into(), "expected true or false")),
        };
        let max_connections = match get("VW_DB_MAX_CONNECTIONS") {
            None => defaults.db_pool.max_connections,
            Some(v) => Some(
                v.trim()
                    .parse()
                    .ok()
                    .filter(|n| (1..=1_000).contains(n))
                    .ok_or_else(|| {
                        fail(
                            "VW_DB_MAX_CONNECTIONS",
                            v,
                            "expected a number from 1 to 1000",
                        )
                    })?,
            ),
        };
        let acquire_timeout = match get("VW_DB_ACQUIRE_TIMEOUT_MS") {
            None => defaults.db_pool.acquire_timeout,
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|ms| (1..=600_000).contains(ms))
                .map(Duration::from_millis)
                .ok_or_else(|| {
                    fail(
                        "VW_DB_ACQUIRE_TIMEOUT_MS",
                        v,
                        "expected milliseconds from 1 to 600000",
                    )
                })?,
        };
        let smtp_url = match get("VW_SMTP_URL") {
            None => None,
            // The value may hold a password: the error shows no value.
            Some(v) => Some(
                SmtpUrl::parse(v.trim())
                    .map_err(|problem| fail("VW_SMTP_URL", "(hidden)".into(), problem))?,
            ),
        };
        let mail_from = match get("VW_MAIL_FROM") {
            None => defaults.mail_from,
            Some(v) => v.trim().parse().map_err(|_| {
                fail(
                    "VW_MAIL_FROM",
                    v,
                    "expected an address like Verzuimwijzer <noreply@school.nl>",
                )
            })?,
        };
        let public_url = match get("VW_PUBLIC_URL") {
            None => None,
            Some(v) => {
                let url = v.trim().trim_end_matches('/');
                if !(url.starts_with("https://") || url.starts_with("http://"))
                    || url.contains(char::is_whitespace)
                {
                    return Err(fail(
                        "VW_PUBLIC_URL",
                        v,
                        "expected an address like https://verzuim.school.nl",
                    ));
                }
                Some(url.to_owned())
            }
        };
        Ok(Self {
            listen,
            database_url: get("DATABASE_URL")
                .map(|v| v.trim().to_owned())
                .unwrap_or(defaults.database_url),
            db_pool: PoolSettings {
                max_connections,
                acquire_timeout,
            },
            cookie_secure,
            trusted_proxy,
            dist_dir: get("VW_DIST_DIR")
                .map(PathBuf::from)
                .unwrap_or(defaults.dist_dir),
            seed_demo,
            smtp_url,
            mail_from,
            mail_dir: get("VW_MAIL_DIR")
                .map(PathBuf::from)
                .unwrap_or(defaults.mail_dir),
            public_url,
            mail_retry: defaults.mail_retry,
        })
    }
}

/// The app's address when `VW_PUBLIC_URL` is not set: where the server
/// listens, with `127.0.0.1` for "every address" (only right on the machine
/// itself).
pub fn local_public_url(listening: SocketAddr) -> String {
    let mut address = listening;
    if address.ip().is_unspecified() {
        address.set_ip([127, 0, 0, 1].into());
    }
    format!("http://{address}")
}

impl SmtpUrl {
    /// Reads `smtp://user:password@host:port` (STARTTLS required; default
    /// port 587), `smtps://...` (TLS from the start; default port 465) or
    /// `smtp://host:port?tls=none` (no encryption: only for a mail server
    /// on the same machine, as in the tests). User name and password are
    /// optional and URL-encoded.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        const FORM: &str = "expected smtp://user:password@host:port, smtps://... \
                            or smtp://host:port?tls=none";
        let mut url = url::Url::parse(s).map_err(|_| FORM)?;
        let host = match url.host_str() {
            Some(host) if !host.is_empty() => host.to_owned(),
            _ => return Err(FORM),
        };
        let pairs: Vec<_> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let tls = match pairs.as_slice() {
            [] => None,
            [(k, v)] if k == "tls" => Some(v.as_str()),
            _ => return Err(FORM),
        };
        // lettre reads a bare smtp:// as unencrypted: we ask for STARTTLS
        // unless the setting says otherwise.
        let (query, default_port) = match (url.scheme(), tls) {
            ("smtps", None) => (None, 465),
            ("smtp", None | Some("required")) => (Some("tls=required"), 587),
            ("smtp", Some("none")) => (None, 25),
            _ => return Err(FORM),
        };
        url.set_query(query);
        let shown = format!(
            "{}://{host}:{}{}",
            url.scheme(),
            url.port().unwrap_or(default_port),
            if tls == Some("none") { "?tls=none" } else { "" }
        );
        Ok(Self {
            lettre: url.into(),
            shown,
        })
    }

    /// The URL as lettre's `AsyncSmtpTransport::from_url` reads it.
    pub fn for_lettre(&self) -> &str {
        &self.lettre
    }

    /// Scheme, host and port: what a log may show.
    pub fn without_credentials(&self) -> &str {
        &self.shown
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SmtpUrl").field(&self.shown).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn nothing_set_gives_the_defaults() {
        let c = config(&[]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database_url, "sqlite://data/verzuimwijzer.db");
        assert_eq!(c.cookie_secure, CookieSecure::Auto);
        assert_eq!(c.dist_dir, PathBuf::from("dist"));
        assert!(c.seed_demo);
        assert!(!c.trusted_proxy);
        assert_eq!(c.smtp_url, None);
        assert_eq!(
            c.mail_from.to_string(),
            "Verzuimwijzer <noreply@verzuimwijzer.invalid>"
        );
        assert_eq!(c.mail_dir, PathBuf::from("data/mail"));
        assert_eq!(c.public_url, None);
        assert_eq!(local_public_url(c.listen), "http://127.0.0.1:3000");
        assert_eq!(c.mail_retry.len(), 9, "10 attempts in all");
        assert_eq!(c.db_pool, PoolSettings::default());
    }

    #[test]
    fn every_setting_can_be_changed() {
        let c = config(&[
            ("VW_LISTEN", "0.0.0.0:8080"),
            ("DATABASE_URL", "postgres://vw@db/vw"),
            ("VW_COOKIE_SECURE", "true"),
            ("VW_DIST_DIR", "/srv/vw"),
            ("VW_SEED_DEMO", "false"),
            ("VW_TRUSTED_PROXY", "true"),
            ("VW_SMTP_URL", "smtps://vw:geheim@mail.school.nl"),
            ("VW_MAIL_FROM", "De Regenboog <verzuim@regenboog.nl>"),
            ("VW_MAIL_DIR", "/var/mail/vw"),
            ("VW_PUBLIC_URL", "https://verzuim.regenboog.nl/"),
            ("VW_DB_MAX_CONNECTIONS", "40"),
            ("VW_DB_ACQUIRE_TIMEOUT_MS", "2500"),
        ])
        .unwrap();
        assert_eq!(c.db_pool.max_connections, Some(40));
        assert_eq!(c.db_pool.acquire_timeout, Duration::from_millis(2500));
        assert_eq!(c.listen.to_string(), "0.0.0.0:8080");
        assert_eq!(c.database_url, "postgres://vw@db/vw");
        assert_eq!(c.cookie_secure, CookieSecure::Always);
        assert_eq!(c.dist_dir, PathBuf::from("/srv/vw"));
        assert!(!c.seed_demo);
        assert!(c.trusted_proxy);
        let smtp = c.smtp_url.unwrap();
        assert_eq!(smtp.without_credentials(), "smtps://mail.school.nl:465");
        assert_eq!(c.mail_from.email.to_string(), "verzuim@regenboog.nl");
        assert_eq!(c.mail_dir, PathBuf::from("/var/mail/vw"));
        assert_eq!(
            c.public_url.as_deref(),
            Some("https://verzuim.regenboog.nl")
        );
        assert_eq!(
            local_public_url("0.0.0.0:8080".parse().unwrap()),
            "http://127.0.0.1:8080"
        );
    }

    #[test]
    fn smtp_asks_for_starttls_unless_told_otherwise() {
        let url = SmtpUrl::parse("smtp://vw:geh%40im@mail.school.nl:587").unwrap();
        assert_eq!(
            url.for_lettre(),
            "smtp://vw:geh%40im@mail.school.nl:587?tls=required"
        );
        assert_eq!(url.without_credentials(), "smtp://mail.school.nl:587");
        let debug = format!("{url:?}");
        assert!(!debug.contains("geh"), "no password in {debug}");

        let plain = SmtpUrl::parse("smtp://127.0.0.1:2525?tls=none").unwrap();
        assert_eq!(plain.for_lettre(), "smtp://127.0.0.1:2525");
        assert_eq!(
            plain.without_credentials(),
            "smtp://127.0.0.1:2525?tls=none"
        );

        let tls = SmtpUrl::parse("smtps://mail.school.nl").unwrap();
        assert_eq!(tls.for_lettre(), "smtps://mail.school.nl");
        for wrong in [
            "mail.school.nl",
            "http://mail.school.nl",
            "smtp://",
            "smtp://mail.school.nl?tls=maybe",
            "smtps://mail.school.nl?tls=none",
            "smtp://mail.school.nl?x=1",
        ] {
            assert!(SmtpUrl::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_wrong_value_names_the_setting() {
        let err = config(&[("VW_COOKIE_SECURE", "yes")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_COOKIE_SECURE"), "{err}");
        let err = config(&[("VW_TRUSTED_PROXY", "yes")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_TRUSTED_PROXY"), "{err}");
        for (name, wrong) in [
            ("VW_DB_MAX_CONNECTIONS", "0"),
            ("VW_DB_MAX_CONNECTIONS", "many"),
            ("VW_DB_ACQUIRE_TIMEOUT_MS", "5s"),
        ] {
            let err = config(&[(name, wrong)]).unwrap_err();
            assert!(err.to_string().starts_with(name), "{err}");
        }
        let err = config(&[("VW_LISTEN", "localhost")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_LISTEN"), "{err}");
        let err = config(&[("VW_SMTP_URL", "smtp://vw:geheim@?tls=maybe")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_SMTP_URL"), "{err}");
        assert!(!err.to_string().contains("geheim"), "{err}");
        let err = config(&[("VW_MAIL_FROM", "niet een adres")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_MAIL_FROM"), "{err}");
        let err = config(&[("VW_PUBLIC_URL", "verzuim.school.nl")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_PUBLIC_URL"), "{err}");
    }
}
