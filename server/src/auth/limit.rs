//! Rate limits for failed log-ins and activation codes, per account and
//! per network address.
//!
//! Every failure is a row in the database (`login_failures`, migration
//! 0010), so several servers behind a load balancer count together. A
//! subject (an account, an address) is locked for a while after too many
//! failures in a short time; while locked, even the right password is
//! refused (otherwise the lock would stop nothing), and tries are not
//! counted, so an attacker who keeps trying cannot make the lock longer.
//! Locks are short and grow only a little: an attacker can delay a parent,
//! never shut them out, and the limit per address slows the attacker down.
//!
//! Unknown e-mail addresses are counted like known ones: the answers must
//! not tell whether an account exists.
//!
//! Two servers may both let a try through at the very same moment; the
//! counts stay right (rows are only added), so at most a few tries more
//! slip in. That is fine for a limit like this.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use super::token_hash;
use crate::error::Error;
use crate::store::accounts::normalize_email;
use crate::store::Store;

/// When a subject is locked: `threshold` failures within `window` lock it,
/// the first time for `first_lock`, each next time (within a day) twice as
/// long, up to `longest_lock`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub threshold: usize,
    pub window_minutes: i64,
    pub first_lock_minutes: i64,
    pub longest_lock_minutes: i64,
}

/// One account (e-mail address): 5 wrong passwords in 15 minutes lock it
/// for 15 minutes, then 30, then 60 at most. NIST SP 800-63B asks for at
/// most 100 failures in a row; this allows far fewer.
pub const PER_ACCOUNT: Rule = Rule {
    threshold: 5,
    window_minutes: 15,
    first_lock_minutes: 15,
    longest_lock_minutes: 60,
};

/// One network address, whatever e-mail addresses it tries: 50 failures in
/// 15 minutes lock it for 15 minutes. Generous, because a school's or a
/// mobile provider's network can put many parents behind one address.
pub const PER_ADDRESS: Rule = Rule {
    threshold: 50,
    window_minutes: 15,
    first_lock_minutes: 15,
    longest_lock_minutes: 15,
};

/// Activation codes from one network address: 10 wrong codes in 15
/// minutes lock it for 15 minutes, then longer. A parent who mistypes the
/// code a few times is never stopped; guessing codes is.
pub const CODES_PER_ADDRESS: Rule = Rule {
    threshold: 10,
    window_minutes: 15,
    first_lock_minutes: 15,
    longest_lock_minutes: 60,
};

/// How long failures are remembered (and locks grow): a day.
pub const MEMORY_HOURS: i64 = 24;

impl Rule {
    /// Until when the subject is locked after `failures` (oldest first),
    /// if ever. Tries during a lock are not counted (and not stored), so
    /// only the failures outside locks make the next lock.
    pub fn locked_until(&self, failures: &[DateTime<Utc>]) -> Option<DateTime<Utc>> {
        let window = Duration::minutes(self.window_minutes);
        let mut recent: Vec<DateTime<Utc>> = Vec::new();
        let mut locks: u32 = 0;
        let mut until: Option<DateTime<Utc>> = None;
        for &failed_at in failures {
            if until.is_some_and(|until| failed_at < until) {
                // Counted by another server at the same moment.
                continue;
            }
            recent.retain(|earlier| failed_at - *earlier < window);
            recent.push(failed_at);
            if recent.len() >= self.threshold {
                let minutes = self
                    .first_lock_minutes
                    .saturating_mul(1_i64 << locks.min(16))
                    .min(self.longest_lock_minutes);
                until = Some(failed_at + Duration::minutes(minutes));
                locks += 1;
                recent.clear();
            }
        }
        until
    }
}

/// What one try counts against: a rule, and the SHA-256 of its subject
/// (never the e-mail or network address itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    pub key: String,
    pub rule: Rule,
}

/// What a log-in counts against: the account (known or not) and, when
/// known, the client's address.
pub fn log_in_subjects(email: &str, address: Option<IpAddr>) -> Vec<Subject> {
    let account = Subject {
        key: token_hash(&format!("account:{}", normalize_email(email))),
        rule: PER_ACCOUNT,
    };
    let per_address = address.map(|address| Subject {
        key: token_hash(&format!("address:{}", network_of(address))),
        rule: PER_ADDRESS,
    });
    std::iter::once(account).chain(per_address).collect()
}

/// What an activation counts against: the client's address (a wrong code
/// belongs to no account).
pub fn activation_subjects(address: Option<IpAddr>) -> Vec<Subject> {
    address
        .map(|address| Subject {
            key: token_hash(&format!("codes:{}", network_of(address))),
            rule: CODES_PER_ADDRESS,
        })
        .into_iter()
        .collect()
}

/// An address as one subject: an IPv4 address itself, an IPv6 address's
/// /64 network (one home or phone usually has a whole /64 to pick from).
fn network_of(address: IpAddr) -> String {
    match address.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// `429 too_many_attempts` when one of the subjects is locked at `now`.
pub async fn refuse_if_locked(
    store: &Store,
    subjects: &[Subject],
    now: DateTime<Utc>,
) -> Result<(), Error> {
    match locked_until(store, subjects, now).await? {
        Some(until) => Err(Error::TooManyAttempts {
            seconds: seconds_until(now, until),
        }),
        None => Ok(()),
    }
}

/// Counts a failure against every subject; answers `refusal`, or `429`
/// when this failure locked one of them.
pub async fn failed(
    store: &Store,
    subjects: &[Subject],
    now: DateTime<Utc>,
    refusal: Error,
) -> Error {
    let counted = async {
        for subject in subjects {
            store.record_login_failure(&subject.key, now).await?;
        }
        locked_until(store, subjects, now).await
    };
    match counted.await {
        Ok(Some(until)) => {
            // The first 8 hex digits of the subject's hash: enough to see a
            // pattern in the log, no e-mail or network address.
            let subjects: Vec<&str> = subjects.iter().map(|s| &s.key[..8]).collect();
            tracing::warn!(?subjects, %until, "too many failed attempts: locked");
            Error::TooManyAttempts {
                seconds: seconds_until(now, until),
            }
        }
        Ok(None) => refusal,
        Err(e) => e,
    }
}

/// Forgets the failures of `subject` (a successful log-in for its account).
pub async fn succeeded(store: &Store, subject: &Subject) -> Result<(), Error> {
    Ok(store.forget_login_failures(&subject.key).await?)
}

/// The latest end of a lock among the subjects, if one is still locked.
async fn locked_until(
    store: &Store,
    subjects: &[Subject],
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let since = now - Duration::hours(MEMORY_HOURS);
    let mut latest = None;
    for subject in subjects {
        let failures = store.login_failures(&subject.key, since).await?;
        let until = subject.rule.locked_until(&failures);
        if until.is_some_and(|until| until > now) {
            latest = latest.max(until);
        }
    }
    Ok(latest)
}

/// Whole seconds from `now` to `until`, at least 1.
fn seconds_until(now: DateTime<Utc>, until: DateTime<Utc>) -> u64 {
    let millis = u64::try_from((until - now).num_milliseconds()).unwrap_or(0);
    millis.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        "2026-12-03T08:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minute)
    }

    #[test]
    fn five_failures_in_fifteen_minutes_lock_an_account_for_fifteen() {
        let four = [at(0), at(1), at(2), at(3)];
        assert_eq!(PER_ACCOUNT.locked_until(&four), None);
        let five = [at(0), at(1), at(2), at(3), at(4)];
        assert_eq!(PER_ACCOUNT.locked_until(&five), Some(at(19)));
        // Spread out over more than 15 minutes: no lock.
        let slow = [at(0), at(5), at(10), at(15), at(20), at(25)];
        assert_eq!(PER_ACCOUNT.locked_until(&slow), None);
    }

    #[test]
    fn each_next_lock_is_longer_up_to_an_hour() {
        let mut failures: Vec<_> = (0..5).map(at).collect();
        failures.extend((20..25).map(at));
        assert_eq!(PER_ACCOUNT.locked_until(&failures), Some(at(24 + 30)));
        failures.extend((60..65).map(at));
        assert_eq!(PER_ACCOUNT.locked_until(&failures), Some(at(64 + 60)));
        failures.extend((130..135).map(at));
        assert_eq!(
            PER_ACCOUNT.locked_until(&failures),
            Some(at(134 + 60)),
            "never longer than an hour"
        );
    }

    #[test]
    fn tries_during_a_lock_do_not_count() {
        let mut failures: Vec<_> = (0..5).map(at).collect();
        failures.extend([at(5), at(6), at(7), at(8), at(9)]);
        assert_eq!(PER_ACCOUNT.locked_until(&failures), Some(at(19)));
    }

    #[test]
    fn an_address_is_one_subject_and_ipv6_by_its_network() {
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(network_of(v4), network_of(mapped));
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(network_of(a), network_of(b));
        assert_ne!(network_of(a), network_of(c));
    }

    #[test]
    fn subjects_hide_what_they_count() {
        let address = Some("192.0.2.7".parse().unwrap());
        let subjects = log_in_subjects(" Sanne@Example.nl", address);
        assert_eq!(subjects.len(), 2);
        assert_eq!(subjects[0], log_in_subjects("sanne@example.nl", None)[0]);
        for subject in &subjects {
            assert_eq!(subject.key.len(), 64);
            assert!(!subject.key.contains("sanne") && !subject.key.contains("192"));
        }
        assert_ne!(activation_subjects(address)[0].key, subjects[1].key);
        assert!(activation_subjects(None).is_empty());
    }

    #[test]
    fn the_wait_is_rounded_up_to_whole_seconds() {
        let now = at(0);
        assert_eq!(seconds_until(now, now + Duration::milliseconds(1)), 1);
        assert_eq!(seconds_until(now, now + Duration::minutes(15)), 900);
        assert_eq!(seconds_until(now, now), 1);
    }
}
