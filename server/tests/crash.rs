//! Durability, with the real server binary as a process of its own:
//!
//! - reports that got a success answer survive the server being killed
//!   (SIGKILL) again and again in the middle of a load of submissions, and
//!   none is stored twice, also when phones send again under the same key;
//! - on SIGTERM the server finishes the requests in flight, takes no new
//!   connections, and stops with status 0.
//!
//! Each test prints its figures to stderr, also without `--nocapture`.
#![cfg(unix)]

#[allow(dead_code)] // The API tests' helpers; these tests use a few.
#[macro_use]
#[path = "api/helpers.rs"]
mod helpers;
#[allow(dead_code)]
#[path = "api/smtp_sink.rs"]
mod smtp_sink;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use reqwest::header::{HeaderMap, COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::store::Store;
use shared::{AbsenceReport, Child as Pupil};
use sqlx::Row;
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use helpers::{new_key, today, Backend, Db, PASSWORD};

/// Says something to whoever runs the tests, past the harness's capture.
macro_rules! say {
    ($($arg:tt)*) => {
        let _ = writeln!(std::io::stderr(), $($arg)*);
    };
}

/// The server binary on a database of its own, started and stopped as a
/// process. Always on the same port, so that phones find it again after a
/// restart.
struct Server {
    database_url: String,
    port: u16,
    /// Its working folder (so no `.env` of the repository is read), with
    /// its mail folder and a log file per start.
    folder: TempDir,
    process: Option<Child>,
    starts: usize,
}

impl Server {
    fn new(database_url: &str) -> Self {
        let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        Self {
            database_url: database_url.to_owned(),
            port: free.local_addr().unwrap().port(),
            folder: TempDir::new().expect("a temporary folder"),
            process: None,
            starts: 0,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// The address the app is served from, as a browser's `Origin`.
    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_file(&self, start: usize) -> PathBuf {
        self.folder.path().join(format!("server-{start}.log"))
    }

    /// The last lines of the log of the last start, for failure messages.
    fn log(&self) -> String {
        let log = std::fs::read_to_string(self.log_file(self.starts)).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Starts the binary and waits until it answers.
    async fn start(&mut self) {
        assert!(self.process.is_none(), "the server runs already");
        self.starts += 1;
        let log = File::create(self.log_file(self.starts)).expect("a log file");
        let process = Command::new(env!("CARGO_BIN_EXE_verzuimwijzer-server"))
            .current_dir(self.folder.path())
            .env_clear()
            .env("DATABASE_URL", &self.database_url)
            .env("VW_LISTEN", format!("127.0.0.1:{}", self.port))
            .env("VW_SEED_DEMO", "true")
            .env("VW_MAIL_DIR", self.folder.path().join("mail"))
            .env("VW_DIST_DIR", self.folder.path().join("no-dist"))
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start the server binary");
        self.process = Some(process);
        let client = Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.process.as_mut().unwrap().try_wait().unwrap() {
                panic!(
                    "the server stopped while starting ({status}):\n{}",
                    self.log()
                );
            }
            if let Ok(res) = client.get(self.url("/api/health")).send().await {
                if res.status() == StatusCode::OK {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start within 60 s:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Kills the server at once (SIGKILL, what `Child::kill` sends): no
    /// request in flight gets an answer, nothing is tidied up.
    fn kill(&mut self) {
        let mut process = self.process.take().expect("a running server");
        process.kill().expect("kill the server");
        process.wait().expect("the killed server");
    }

    /// Asks the server to stop (SIGTERM), as a service manager does.
    fn terminate(&self) {
        let pid = self.process.as_ref().expect("a running server").id();
        let sent = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "SIGTERM sent");
    }

    fn is_running(&mut self) -> bool {
        let process = self.process.as_mut().expect("a started server");
        process.try_wait().unwrap().is_none()
    }

    /// How the server ended, if it did within `within`.
    async fn stopped_within(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            let process = self.process.as_mut().expect("a started server");
            if let Some(status) = process.try_wait().unwrap() {
                self.process = None;
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

/// A logged-in parent: the session cookie (`name=value`) and the children.
struct Parent {
    cookie: String,
    children: Vec<String>,
}

async fn log_in(server: &Server, email: &str) -> Parent {
    let client = Client::new();
    let res = client
        .post(server.url("/api/session"))
        .header(ORIGIN, server.origin())
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .expect("log in");
    assert_eq!(res.status(), StatusCode::OK, "log in as {email}");
    let cookie = session_cookie(res.headers()).expect("a session cookie");
    let res = client
        .get(server.url("/api/children"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("the children");
    assert_eq!(res.status(), StatusCode::OK);
    let children: Vec<Pupil> = res.json().await.expect("a list of children");
    Parent {
        cookie,
        children: children.into_iter().map(|c| c.id).collect(),
    }
}

/// The session cookie an answer sets, as `name=value`.
fn session_cookie(headers: &HeaderMap) -> Option<String> {
    let prefix = format!("{}=", server::auth::SESSION_COOKIE);
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&prefix))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

/// A phone of `parent`: connections of its own, the parent's session, and
/// the `Origin` a browser sends.
fn phone(server: &Server, parent: &Parent) -> Client {
    let mut headers = HeaderMap::new();
    headers.insert(COOKIE, parent.cookie.parse().unwrap());
    headers.insert(ORIGIN, server.origin().parse().unwrap());
    Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap()
}

/// Starts the note of every report these tests make.
const NOTE: &str = "Durability test";

/// Report number `n`: one day for one child, far ahead, with a note of its
/// own.
fn report(pupil_id: &str, n: usize, key: &str) -> Value {
    let day = today() + chrono::Days::new(1 + (n % 360) as u64);
    json!({
        "pupil_ids": [pupil_id],
        "kind": "other",
        "first_day": day,
        "last_day": day,
        "note": format!("{NOTE} {n}"),
        "idempotency_key": key,
    })
}

/// What the phones saw.
#[derive(Default)]
struct Tally {
    /// Reports sent (each once, however often it was sent again).
    sent: usize,
    /// Sends of a report again, under the same key, after a failed send.
    retried: usize,
    /// Key -> the id of the report in the success answer.
    acknowledged: HashMap<String, String>,
    /// Success answers to a send again that found the report stored: the
    /// earlier send was stored, but its answer was lost in a kill.
    found_on_retry: usize,
    /// Sends that got no answer: refused connection, or cut off.
    connection_errors: usize,
    /// Reports whose phone gave up after a failed send (not retrying).
    given_up: usize,
    /// Reports of retrying phones still not answered at the deadline.
    unanswered: usize,
    /// Answers 5xx, with their body.
    server_errors: Vec<String>,
    /// Other answers that were no success, with their body.
    refusals: Vec<String>,
}

/// What the phones share: the next report number, the signal to stop, the
/// time after which they stop sending again, and the tally.
struct Load {
    numbers: AtomicUsize,
    stop: AtomicBool,
    deadline: Instant,
    tally: Mutex<Tally>,
}

/// What came of one send.
enum Outcome {
    Answered(StatusCode, String),
    NoAnswer,
}

/// A phone that sends reports one after the other until `load.stop`; when
/// a send fails, it sends the same report again if it `retries` (until the
/// deadline), and gives up on it otherwise.
async fn send_reports(
    phone: Client,
    url: String,
    pupil_id: String,
    retries: bool,
    load: Arc<Load>,
) {
    while !load.stop.load(Ordering::Relaxed) {
        let n = load.numbers.fetch_add(1, Ordering::Relaxed);
        let key = new_key();
        let body = report(&pupil_id, n, &key);
        load.tally.lock().unwrap().sent += 1;
        let mut again = false;
        loop {
            let outcome = match phone.post(&url).json(&body).send().await {
                Ok(res) => {
                    let status = res.status();
                    match res.text().await {
                        Ok(text) => Outcome::Answered(status, text),
                        Err(_) => Outcome::NoAnswer,
                    }
                }
                Err(_) => Outcome::NoAnswer,
            };
            let answered = matches!(outcome, Outcome::Answered(..));
            let done = {
                let mut tally = load.tally.lock().unwrap();
                match outcome {
                    Outcome::Answered(status, text) if status.is_success() => {
                        let reports: Vec<AbsenceReport> = serde_json::from_str(&text)
                            .unwrap_or_else(|e| panic!("not reports: {text:?}: {e}"));
                        assert_eq!(reports.len(), 1, "one child, one report");
                        tally
                            .acknowledged
                            .insert(key.clone(), reports[0].id.clone());
                        if again && status == StatusCode::OK {
                            tally.found_on_retry += 1;
                        }
                    }
                    Outcome::Answered(status, text) if status.is_server_error() => {
                        tally.server_errors.push(format!("{status}: {text}"));
                    }
                    Outcome::Answered(status, text) => {
                        tally.refusals.push(format!("{status}: {text}"));
                    }
                    Outcome::NoAnswer => tally.connection_errors += 1,
                }
                if answered {
                    true
                } else if !retries {
                    tally.given_up += 1;
                    true
                } else if Instant::now() > load.deadline {
                    tally.unanswered += 1;
                    true
                } else {
                    tally.retried += 1;
                    again = true;
                    false
                }
            };
            if !answered {
                // As a phone does after a failed send: a moment's pause.
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if done {
                break;
            }
        }
    }
}

on_both_backends!(acknowledged_reports_survive_sigkill);

/// How often the server is killed during the load.
const KILLS: usize = 4;
/// How many reports the server answers at least between two kills.
const ANSWERS_PER_LIFE: usize = 20;
/// Phones sending at the same time; two of every three send a failed report
/// again.
const PHONES: usize = 12;

/// Phones send reports while the server is killed (SIGKILL) and restarted
/// on the same database, again and again: every report that got a success
/// answer is stored, none twice, and no answer is a server error.
async fn acknowledged_reports_survive_sigkill(db: Db) {
    let began = Instant::now();
    let mut server = Server::new(&db.url);
    server.start().await;
    let mut parents = Vec::new();
    for email in [
        "sanne@example.nl",
        "mark@example.nl",
        "ahmed@example.nl",
        "lotte@example.nl",
    ] {
        parents.push(log_in(&server, email).await);
    }

    let load = Arc::new(Load {
        numbers: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        deadline: began + Duration::from_secs(45),
        tally: Mutex::new(Tally::default()),
    });
    let mut phones = Vec::new();
    for i in 0..PHONES {
        let parent = &parents[i % parents.len()];
        let pupil_id = parent.children[i / parents.len() % parent.children.len()].clone();
        phones.push(tokio::spawn(send_reports(
            phone(&server, parent),
            server.url("/api/reports"),
            pupil_id,
            i % 3 != 2,
            load.clone(),
        )));
    }

    // Each life of the server lasts a random while, and at least until it
    // has answered a few reports.
    let mut rng = rand::rngs::StdRng::from_entropy();
    for life in 0..=KILLS {
        let acknowledged = || load.tally.lock().unwrap().acknowledged.len();
        let before = acknowledged();
        let up = rng.gen_range(300..900);
        tokio::time::sleep(Duration::from_millis(up)).await;
        while acknowledged() < before + ANSWERS_PER_LIFE {
            assert!(
                Instant::now() < load.deadline,
                "too few answers in life {life}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if life < KILLS {
            server.kill();
            server.start().await;
        }
    }
    load.stop.store(true, Ordering::Relaxed);
    for phone in phones {
        phone.await.expect("a phone");
    }
    server.terminate();
    let status = server.stopped_within(Duration::from_secs(10)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "stops on SIGTERM: {status:?}"
    );

    // What is stored, read straight from the database.
    let store = Store::connect(&db.url).await.expect("open the database");
    let rows =
        sqlx::query("SELECT idempotency_key, id, note FROM absence_reports WHERE note LIKE $1")
            .bind(format!("{NOTE} %"))
            .fetch_all(store.pool())
            .await
            .expect("read the reports");
    store.close().await;
    let mut stored: HashMap<String, Vec<String>> = HashMap::new();
    let mut notes = HashSet::new();
    let mut same_note = 0;
    for row in &rows {
        let key: String = row.get("idempotency_key");
        stored.entry(key).or_default().push(row.get("id"));
        if !notes.insert(row.get::<String, _>("note")) {
            same_note += 1;
        }
    }
    let duplicates = stored.values().map(|ids| ids.len() - 1).sum::<usize>() + same_note;
    let tally = load.tally.lock().unwrap();
    let lost: Vec<_> = tally
        .acknowledged
        .iter()
        .filter(|(key, id)| {
            !matches!(stored.get(key.as_str()).map(Vec::as_slice), Some([stored_id]) if stored_id == *id)
        })
        .collect();

    say!(
        "durability ({backend:?}): {kills} SIGKILLs, {phones} phones, {secs:.1} s: \
         sent {sent} reports in {requests} requests ({retried} retried, \
         {connection_errors} without answer, {given_up} given up), \
         acknowledged {acknowledged} (2xx; {found_on_retry} of them found stored \
         on a retry), found {found} in the database ({unacknowledged} stored \
         without an answer), lost {lost}, duplicates {duplicates}, 5xx \
         {server_errors}",
        backend = db.backend,
        kills = KILLS,
        phones = PHONES,
        secs = began.elapsed().as_secs_f64(),
        sent = tally.sent,
        requests = tally.sent + tally.retried,
        retried = tally.retried,
        connection_errors = tally.connection_errors,
        given_up = tally.given_up,
        acknowledged = tally.acknowledged.len(),
        found_on_retry = tally.found_on_retry,
        found = stored.len(),
        unacknowledged = stored
            .keys()
            .filter(|key| !tally.acknowledged.contains_key(*key))
            .count(),
        lost = lost.len(),
        server_errors = tally.server_errors.len(),
    );
    assert!(tally.server_errors.is_empty(), "{:?}", tally.server_errors);
    assert!(tally.refusals.is_empty(), "{:?}", tally.refusals);
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");
    assert_eq!(duplicates, 0, "stored twice");
    assert_eq!(tally.unanswered, 0, "retrying phones all got an answer");
    assert!(stored.len() <= tally.sent, "only what was sent is stored");
    assert!(
        tally.connection_errors > 0,
        "the kills hit requests: a test that missed them proves nothing"
    );
}

/// Half of a report request: the head and part of the body on a connection
/// of its own, the rest to be sent with [`HalfSent::finish`]. The server
/// has the request in hand and waits for the rest.
struct HalfSent {
    stream: TcpStream,
    rest: Vec<u8>,
    key: String,
}

impl HalfSent {
    async fn start(server: &Server, parent: &Parent, n: usize) -> Self {
        let key = new_key();
        let body = serde_json::to_vec(&report(&parent.children[0], n, &key)).unwrap();
        let (first, rest) = body.split_at(body.len() / 2);
        let head = format!(
            "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {origin}\r\n\
             Cookie: {cookie}\r\nContent-Type: application/json\r\n\
             Content-Length: {length}\r\n\r\n",
            port = server.port,
            origin = server.origin(),
            cookie = parent.cookie,
            length = body.len(),
        );
        let address = format!("127.0.0.1:{}", server.port);
        let mut stream = TcpStream::connect(address).await.expect("connect");
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(first).await.unwrap();
        Self {
            stream,
            rest: rest.to_vec(),
            key,
        }
    }

    /// Sends the rest and returns the whole answer (the server closes the
    /// connection after it, as it is stopping).
    async fn finish(mut self) -> String {
        self.stream.write_all(&self.rest).await.unwrap();
        self.answer().await
    }

    /// Whatever comes back until the server closes the connection.
    async fn answer(&mut self) -> String {
        let mut answer = Vec::new();
        let read = self.stream.read_to_end(&mut answer);
        match tokio::time::timeout(Duration::from_secs(15), read).await {
            Ok(_) => String::from_utf8_lossy(&answer).into_owned(),
            Err(_) => panic!("the connection stayed open"),
        }
    }
}

/// How many reports `keys` stored: the count per key.
async fn stored_per_key(db: &Db, keys: &[String]) -> Vec<i64> {
    let store = Store::connect(&db.url).await.expect("open the database");
    let mut counts = Vec::new();
    for key in keys {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM absence_reports WHERE idempotency_key = $1")
                .bind(key)
                .fetch_one(store.pool())
                .await
                .expect("count");
        counts.push(count);
    }
    store.close().await;
    counts
}

/// Every demo log-in.
const DEMO_EMAILS: [&str; 10] = [
    "sanne@example.nl",
    "mark@example.nl",
    "ahmed@example.nl",
    "lotte@example.nl",
    "els@example.nl",
    "balie@example.nl",
    "directie@example.nl",
    "mentor@example.nl",
    "fatma@example.nl",
    "admin@example.nl",
];

/// SIGTERM while requests are in flight (reports whose body is half sent,
/// log-ins hashing their password): the server takes no new connections,
/// answers every request in flight in full, and then stops with status 0.
#[tokio::test]
async fn sigterm_finishes_the_requests_in_flight_then_stops() {
    helpers::run_on(Backend::Sqlite, |db| async move {
        let mut server = Server::new(&db.url);
        server.start().await;
        let parent = log_in(&server, "sanne@example.nl").await;

        let mut reports = Vec::new();
        for n in 0..6 {
            reports.push(HalfSent::start(&server, &parent, n).await);
        }
        let mut log_ins = Vec::new();
        for email in DEMO_EMAILS {
            // Connected (and accepted) before the log-in itself is sent.
            let client = Client::new();
            let res = client.get(server.url("/api/health")).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            let request = client
                .post(server.url("/api/session"))
                .header(ORIGIN, server.origin())
                .json(&json!({ "email": email, "password": PASSWORD }));
            log_ins.push(tokio::spawn(async move {
                let res = request.send().await;
                (res, Instant::now())
            }));
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
        server.terminate();
        let terminated = Instant::now();

        let address = format!("127.0.0.1:{}", server.port);
        let refused_by = terminated + Duration::from_secs(5);
        while TcpStream::connect(&address).await.is_ok() {
            assert!(
                Instant::now() < refused_by,
                "no new connections once stopping"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(server.is_running(), "it waits for the requests in flight");

        let keys: Vec<String> = reports.iter().map(|r| r.key.clone()).collect();
        for report in reports {
            let answer = report.finish().await;
            assert!(answer.starts_with("HTTP/1.1 201 "), "{answer}");
            let body = answer.split_once("\r\n\r\n").expect("a body").1;
            let created: Vec<AbsenceReport> = serde_json::from_str(body).expect("the report");
            assert_eq!(created.len(), 1);
        }
        let mut after_sigterm = 0;
        for log_in in log_ins {
            let (res, answered) = log_in.await.unwrap();
            let res = res.expect("an answer to the log-in");
            assert_eq!(res.status(), StatusCode::OK);
            assert!(session_cookie(res.headers()).is_some(), "logged in");
            if answered > terminated {
                after_sigterm += 1;
            }
        }
        let answered = Instant::now();
        let status = server.stopped_within(Duration::from_secs(5)).await;
        assert!(
            status.is_some_and(|s| s.success()),
            "stops with status 0 within 5 s: {status:?}"
        );
        assert_eq!(stored_per_key(&db, &keys).await, [1; 6], "each stored once");
        say!(
            "graceful stop: SIGTERM with 6 half-sent reports and 10 log-ins in \
             flight ({after_sigterm} log-ins answered after it): all answered in \
             full, new connections refused, exit 0 {ms} ms after the last answer",
            ms = answered.elapsed().as_millis(),
        );
    })
    .await;
}

/// A request that never ends does not keep the server from stopping: after
/// the grace period it is cut off without an answer, and the server stops
/// with status 0.
#[tokio::test]
async fn sigterm_stops_after_the_grace_period_at_the_latest() {
    helpers::run_on(Backend::Sqlite, |db| async move {
        let mut server = Server::new(&db.url);
        server.start().await;
        let parent = log_in(&server, "sanne@example.nl").await;
        let mut stuck = HalfSent::start(&server, &parent, 0).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        server.terminate();
        let terminated = Instant::now();

        let grace = server::SHUTDOWN_GRACE;
        let status = server.stopped_within(grace + Duration::from_secs(5)).await;
        let took = terminated.elapsed();
        assert!(status.is_some_and(|s| s.success()), "{status:?}");
        assert!(took >= grace, "waited for the request: {took:?}");
        assert_eq!(stuck.answer().await, "", "no answer");
        assert_eq!(stored_per_key(&db, &[stuck.key]).await, [0], "not stored");
        say!(
            "graceful stop: a request that never ends is cut off; exit 0 {:.1} s \
             after SIGTERM (grace {} s)",
            took.as_secs_f64(),
            grace.as_secs(),
        );
    })
    .await;
}
