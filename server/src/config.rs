//! The server's settings, read from the environment (and a `.env` file, which
//! `main` loads first). `.env.sample` at the top of the repository lists them.

use std::net::SocketAddr;
use std::path::PathBuf;

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
    /// `VW_COOKIE_SECURE`: when the session cookie gets the `Secure` flag.
    pub cookie_secure: CookieSecure,
    /// `VW_DIST_DIR`: the folder with the built app (`trunk build`), served
    /// for every path outside `/api`. Default `dist`.
    pub dist_dir: PathBuf,
    /// `VW_SEED_DEMO`: fill an empty database (no school yet) with demo
    /// schools, children and log-ins at start-up. Default `true`.
    pub seed_demo: bool,
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
            cookie_secure: CookieSecure::Auto,
            dist_dir: PathBuf::from("dist"),
            seed_demo: true,
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
        Ok(Self {
            listen,
            database_url: get("DATABASE_URL")
                .map(|v| v.trim().to_owned())
                .unwrap_or(defaults.database_url),
            cookie_secure,
            dist_dir: get("VW_DIST_DIR")
                .map(PathBuf::from)
                .unwrap_or(defaults.dist_dir),
            seed_demo,
        })
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
    }

    #[test]
    fn every_setting_can_be_changed() {
        let c = config(&[
            ("VW_LISTEN", "0.0.0.0:8080"),
            ("DATABASE_URL", "postgres://vw@db/vw"),
            ("VW_COOKIE_SECURE", "true"),
            ("VW_DIST_DIR", "/srv/vw"),
            ("VW_SEED_DEMO", "false"),
        ])
        .unwrap();
        assert_eq!(c.listen.to_string(), "0.0.0.0:8080");
        assert_eq!(c.database_url, "postgres://vw@db/vw");
        assert_eq!(c.cookie_secure, CookieSecure::Always);
        assert_eq!(c.dist_dir, PathBuf::from("/srv/vw"));
        assert!(!c.seed_demo);
    }

    #[test]
    fn a_wrong_value_names_the_setting() {
        let err = config(&[("VW_COOKIE_SECURE", "yes")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_COOKIE_SECURE"), "{err}");
        let err = config(&[("VW_LISTEN", "localhost")]).unwrap_err();
        assert!(err.to_string().starts_with("VW_LISTEN"), "{err}");
    }
}
