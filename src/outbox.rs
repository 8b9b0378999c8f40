//! The outbox: absence reports that could not be sent (no network, or no
//! answer from the server) are kept on this phone, in `localStorage`, and
//! sent again by themselves: when the connection comes back (the window's
//! `online` event), when the app starts, and every half minute. Always
//! under their own idempotency key, so the school stores each exactly once
//! (the server answers a repeated key with the reports it stored the first
//! time).
//!
//! The core ([`Outbox`], [`Outcome`]) is plain data with the rules, tested
//! natively; below it, the part that reads and writes the browser's storage
//! and sends. Every change reads the storage afresh and writes it back at
//! once, so two tabs never undo each other's work; the `storage` event
//! tells the other tabs.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::{AbsenceReport, NewAbsenceReport};

use crate::api;

/// Where the outbox lives in `localStorage`.
const STORAGE_KEY: &str = "vw-outbox";
/// Who was logged in on this phone last (their e-mail address), so the app
/// can show their waiting reports while it cannot ask the server.
const ACCOUNT_KEY: &str = "vw-account";
/// How often to try again while something waits.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(30);
/// How long "sent" stays on the page after it was sent, across reloads.
const SHOW_SENT_MS: i64 = 60 * 60 * 1000;

/// One report on this phone that the school did not store yet, or stored
/// just now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// The account that made it (its e-mail address): only sent, and only
    /// shown, while that account is logged in here.
    pub account: String,
    /// The report as the form made it, idempotency key and all.
    pub report: NewAbsenceReport,
    /// The children's first names, to show it without the network.
    pub names: Vec<String>,
    pub state: State,
}

impl Kept {
    pub fn key(&self) -> &str {
        &self.report.idempotency_key
    }
}

/// Where a kept report stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Not sent yet: it goes as soon as there is a connection.
    NotSent,
    /// The session ended: it goes after logging in again.
    LogInFirst,
    /// The server refused it; its reason. It waits for the parent.
    Refused { message: String },
    /// The school stored it: the reports' ids, and when (ms since 1970).
    Sent { ids: Vec<String>, at: i64 },
}

/// What one attempt to send came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Stored (now, or the first time): the reports' ids.
    Stored(Vec<String>),
    /// No answer, or trouble at the server: try again later.
    NoAnswer,
    /// The session has ended.
    LoggedOut,
    /// The server refused it, with this reason.
    Refused(String),
}

impl Outcome {
    /// What the server's answer means for a report, by the HTTP status
    /// (`None`: no answer at all). A refusal (4xx) will not change by
    /// sending it again; trouble at the server (5xx) or a busy server may.
    pub fn of_failure(status: Option<u16>, message: String) -> Self {
        match status {
            None | Some(408 | 429) => Self::NoAnswer,
            Some(status) if status >= 500 => Self::NoAnswer,
            Some(401) => Self::LoggedOut,
            Some(_) => Self::Refused(message),
        }
    }

    /// The answer to sending it: the reports, or why not.
    pub fn of(result: Result<Vec<AbsenceReport>, api::NotStored>) -> Self {
        match result {
            Ok(reports) => Self::Stored(reports.into_iter().map(|r| r.id).collect()),
            Err(failed) => Self::of_failure(failed.status, failed.error.message),
        }
    }
}

/// Everything kept, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    pub kept: Vec<Kept>,
}

impl Outbox {
    /// The outbox as stored; unreadable text (from an older app, or
    /// changed by hand) counts as empty rather than breaking the app.
    pub fn parse(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Keeps a report; the same key again replaces the earlier one.
    pub fn keep(&mut self, kept: Kept) {
        match self.kept.iter_mut().find(|k| k.key() == kept.key()) {
            Some(earlier) => *earlier = kept,
            None => self.kept.push(kept),
        }
    }

    /// The reports of `account` to send now: not sent yet, or waiting for
    /// a log-in (which `account` being known means has happened).
    pub fn due(&self, account: &str) -> Vec<NewAbsenceReport> {
        self.kept
            .iter()
            .filter(|k| k.account == account)
            .filter(|k| matches!(k.state, State::NotSent | State::LogInFirst))
            .map(|k| k.report.clone())
            .collect()
    }

    /// Notes what sending the report with this key came to, at `now`.
    /// A report that is no longer kept (another tab sent it and the parent
    /// closed it) stays gone.
    pub fn answer(&mut self, key: &str, outcome: Outcome, now: i64) {
        let Some(kept) = self.kept.iter_mut().find(|k| k.key() == key) else {
            return;
        };
        kept.state = match outcome {
            Outcome::Stored(ids) => State::Sent { ids, at: now },
            // Nothing new: it stays as it was (not sent, or log in first).
            Outcome::NoAnswer => return,
            Outcome::LoggedOut => State::LogInFirst,
            Outcome::Refused(message) => State::Refused { message },
        };
    }

    /// Removes a report: one the parent closes after it was sent, or gives
    /// up on after a refusal.
    pub fn remove(&mut self, key: &str) {
        self.kept.retain(|k| k.key() != key);
    }

    /// Forgets the reports sent before `cutoff`: the page said so long
    /// enough.
    pub fn forget_sent_before(&mut self, cutoff: i64) {
        self.kept
            .retain(|k| !matches!(k.state, State::Sent { at, .. } if at < cutoff));
    }

    /// What `account` sees.
    pub fn of(&self, account: &str) -> Vec<Kept> {
        self.kept
            .iter()
            .filter(|k| k.account == account)
            .cloned()
            .collect()
    }
}

// ---- In the browser ----

/// What the pages show: the outbox of this phone, kept up to date.
#[derive(Clone, Copy)]
struct Shown {
    outbox: RwSignal<Outbox>,
    /// Who is logged in here (or was last, while offline).
    account: RwSignal<Option<String>>,
    /// Sending now (in this tab).
    sending: RwSignal<bool>,
}

thread_local! {
    static SHOWN: std::cell::OnceCell<Shown> = const { std::cell::OnceCell::new() };
}

fn shown() -> Option<Shown> {
    SHOWN.with(|s| s.get().copied())
}

/// Starts the outbox, once, in the app's root: reads what is kept, and
/// sends it when the connection comes back, every half minute, and as soon
/// as we know who is logged in (`account`, from `GET /api/me` or the
/// log-in).
pub fn start(account: Signal<Option<String>>) {
    let outbox = load();
    let shown = Shown {
        outbox: RwSignal::new(outbox),
        account: RwSignal::new(remembered_account()),
        sending: RwSignal::new(false),
    };
    if SHOWN.with(|s| s.set(shown)).is_err() {
        return;
    }
    // Tidy up once: "sent" shows for an hour.
    change(|outbox| outbox.forget_sent_before(now() - SHOW_SENT_MS));

    Effect::new(move || {
        if let Some(email) = account.get() {
            remember_account(&email);
            shown.account.set(Some(email));
            send_due();
        }
    });
    _ = window_event_listener_untyped("online", move |_| send_due());
    // Another tab kept or sent something.
    _ = window_event_listener_untyped("storage", move |_| shown.outbox.set(load()));
    set_interval(send_due, RETRY_EVERY);
}

/// The reports the logged-in parent sees (and while offline, those of who
/// was logged in last), oldest first.
pub fn shown_reports() -> Vec<Kept> {
    let Some(shown) = shown() else {
        return Vec::new();
    };
    let Some(account) = shown.account.get() else {
        return Vec::new();
    };
    shown.outbox.with(|outbox| outbox.of(&account))
}

/// Whether this tab is sending right now.
pub fn sending() -> bool {
    shown().is_some_and(|s| s.sending.get())
}

/// Keeps a report the form could not send (or that needs a log-in first).
pub fn keep(kept: Kept) {
    change(|outbox| outbox.keep(kept));
}

/// Removes a report from the phone (see [`Outbox::remove`]).
pub fn remove(key: &str) {
    change(|outbox| outbox.remove(key));
}

/// Sends every due report of the logged-in parent, one after the other,
/// unless this tab is sending already.
pub fn send_due() {
    let Some(shown) = shown() else { return };
    let Some(account) = shown.account.get_untracked() else {
        return;
    };
    if shown.sending.get_untracked() || load().due(&account).is_empty() {
        return;
    }
    shown.sending.set(true);
    leptos::task::spawn_local(async move {
        // Read afresh per report: another tab may have sent it meanwhile.
        while let Some(report) = load().due(&account).into_iter().next() {
            let outcome = Outcome::of(api::send_reports(&report).await);
            let stop = matches!(outcome, Outcome::NoAnswer | Outcome::LoggedOut);
            change(|outbox| outbox.answer(&report.idempotency_key, outcome, now()));
            if stop {
                // Still offline, or logged out: the rest would fare the same.
                break;
            }
        }
        shown.sending.set(false);
    });
}

/// Reads the outbox from storage, changes it, writes it back, and shows it.
fn change(f: impl FnOnce(&mut Outbox)) {
    let mut outbox = load();
    f(&mut outbox);
    if let Some(storage) = storage() {
        _ = storage.set_item(STORAGE_KEY, &outbox.to_json());
    }
    if let Some(shown) = shown() {
        shown.outbox.set(outbox);
    }
}

fn load() -> Outbox {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|json| Outbox::parse(&json))
        .unwrap_or_default()
}

/// Remembers who is logged in on this phone.
fn remember_account(email: &str) {
    if let Some(storage) = storage() {
        _ = storage.set_item(ACCOUNT_KEY, email);
    }
}

fn remembered_account() -> Option<String> {
    storage().and_then(|s| s.get_item(ACCOUNT_KEY).ok().flatten())
}

/// On log-out: nobody is logged in here any more, so nobody's waiting
/// reports show (they stay, and go when that parent logs in again).
pub fn forget_account() {
    if let Some(storage) = storage() {
        _ = storage.remove_item(ACCOUNT_KEY);
    }
    if let Some(shown) = shown() {
        shown.account.set(None);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use shared::{AbsenceDetails, AbsenceKind};

    fn report(key: &str, children: &[&str]) -> NewAbsenceReport {
        NewAbsenceReport {
            pupil_ids: children.iter().map(|c| c.to_string()).collect(),
            details: AbsenceDetails {
                kind: AbsenceKind::Ill,
                first_day: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                last_day: None,
                start_time: None,
                end_time: None,
                note: None,
            },
            idempotency_key: key.to_owned(),
        }
    }

    fn kept(account: &str, key: &str) -> Kept {
        Kept {
            account: account.to_owned(),
            report: report(key, &["noor", "daan"]),
            names: vec!["Noor".into(), "Daan".into()],
            state: State::NotSent,
        }
    }

    fn keys(reports: &[NewAbsenceReport]) -> Vec<&str> {
        reports.iter().map(|r| r.idempotency_key.as_str()).collect()
    }

    #[test]
    fn only_no_answer_and_server_trouble_are_tried_again() {
        let refused = |status| Outcome::of_failure(Some(status), "Nee".into());
        assert_eq!(Outcome::of_failure(None, "x".into()), Outcome::NoAnswer);
        for status in [500, 502, 503, 504, 408, 429] {
            assert_eq!(refused(status), Outcome::NoAnswer, "{status}");
        }
        assert_eq!(refused(401), Outcome::LoggedOut);
        for status in [400, 403, 404, 409, 413, 422] {
            assert_eq!(refused(status), Outcome::Refused("Nee".into()), "{status}");
        }
    }

    #[test]
    fn a_report_is_sent_under_its_own_key_until_it_is_stored() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        assert_eq!(keys(&outbox.due("sanne@example.nl")), ["k1"]);

        // Still offline: nothing changes, it is due again next time.
        outbox.answer("k1", Outcome::NoAnswer, 10);
        assert_eq!(outbox.kept[0].state, State::NotSent);
        assert_eq!(keys(&outbox.due("sanne@example.nl")), ["k1"]);

        outbox.answer("k1", Outcome::Stored(vec!["r1".into(), "r2".into()]), 20);
        let sent = State::Sent {
            ids: vec!["r1".into(), "r2".into()],
            at: 20,
        };
        assert_eq!(outbox.kept[0].state, sent);
        assert!(outbox.due("sanne@example.nl").is_empty());
    }

    #[test]
    fn keeping_the_same_key_twice_keeps_it_once() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.keep(kept("sanne@example.nl", "k2"));
        assert_eq!(keys(&outbox.due("sanne@example.nl")), ["k1", "k2"]);
    }

    #[test]
    fn a_logged_out_report_waits_for_the_log_in_and_then_goes() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.answer("k1", Outcome::LoggedOut, 10);
        assert_eq!(outbox.kept[0].state, State::LogInFirst);
        // Due means: once someone is logged in as this account.
        assert_eq!(keys(&outbox.due("sanne@example.nl")), ["k1"]);
    }

    #[test]
    fn a_refused_report_stays_until_the_parent_removes_it() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.answer("k1", Outcome::Refused("Te ver terug".into()), 10);
        assert!(outbox.due("sanne@example.nl").is_empty());
        assert_eq!(outbox.of("sanne@example.nl").len(), 1);
        outbox.remove("k1");
        assert!(outbox.of("sanne@example.nl").is_empty());
    }

    #[test]
    fn each_account_sees_and_sends_only_its_own() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.keep(kept("mark@example.nl", "k2"));
        assert_eq!(keys(&outbox.due("mark@example.nl")), ["k2"]);
        assert_eq!(outbox.of("sanne@example.nl")[0].key(), "k1");
        assert!(outbox.of("ahmed@example.nl").is_empty());
    }

    #[test]
    fn an_answer_for_a_report_no_longer_kept_brings_nothing_back() {
        let mut outbox = Outbox::default();
        outbox.answer("gone", Outcome::Stored(vec!["r1".into()]), 10);
        assert_eq!(outbox, Outbox::default());
    }

    #[test]
    fn sent_reports_are_forgotten_after_a_while_the_rest_never() {
        let mut outbox = Outbox::default();
        for key in ["old", "new", "waiting"] {
            outbox.keep(kept("sanne@example.nl", key));
        }
        outbox.answer("old", Outcome::Stored(vec!["r1".into()]), 10);
        outbox.answer("new", Outcome::Stored(vec!["r2".into()]), 30);
        outbox.forget_sent_before(20);
        let left: Vec<&str> = outbox.kept.iter().map(Kept::key).collect();
        assert_eq!(left, ["new", "waiting"]);
    }

    #[test]
    fn it_survives_storage_and_unreadable_storage() {
        let mut outbox = Outbox::default();
        outbox.keep(kept("sanne@example.nl", "k1"));
        outbox.answer("k1", Outcome::Refused("Nee".into()), 10);
        assert_eq!(Outbox::parse(&outbox.to_json()), outbox);
        assert_eq!(Outbox::parse("{not json"), Outbox::default());
        assert_eq!(Outbox::parse(""), Outbox::default());
    }
}
