//! E-mail notifications: a parent or a staff member hears by mail that
//! something changed in a conversation (or a parent, that the school has a
//! question about their child), in their own language, with a link to open
//! it in the app.
//!
//! A mail says only what changed, for which child (first name) at which
//! school, and when, if a time was agreed. Never a topic, an absence, a
//! reason or a message: [`Notice`] cannot even carry one.
//!
//! How a mail travels:
//! 1. [`Mailer::notify`] renders one mail per recipient ([`texts`]) and
//!    stores them all in the outbox (`store::mail`), in one transaction.
//! 2. It wakes the [`Sender`], a background task, which delivers what is
//!    due through SMTP (`VW_SMTP_URL`) or, without a mail server, writes it
//!    into a folder (`VW_MAIL_DIR`). A failed attempt is tried again later
//!    (`Config::mail_retry`), so a mail survives a mail server that is down
//!    and a restart.

mod sender;
pub mod texts;

use std::fmt;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime, Utc};
use tokio::sync::Notify;

use crate::config::Config;
use crate::store::Store;

pub use crate::store::mail::{enqueue_mails_in, OutgoingMail};
pub use sender::{Sender, SetupError};

/// Who gets a mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    /// The full name; the mail greets by the first word.
    pub name: String,
    pub language: shared::Language,
    pub audience: Audience,
}

/// Whom a mail speaks to: the texts differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Parent,
    Staff,
}

/// What a mail tells: a change in a conversation, or a question of the
/// school, as a mail may tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub child_first_name: String,
    pub school_name: String,
    /// Path in the app to open, e.g. "/gesprekken/<id>" (parent): the mail
    /// makes an absolute link of it with `VW_PUBLIC_URL`.
    pub parent_path: String,
    /// e.g. "/school/gesprekken/<id>" for staff.
    pub staff_path: String,
}

/// The change a mail tells about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A parent asked for a conversation (staff: "a parent asks..."; parent:
    /// "your request was sent").
    Requested,
    /// The school invites the parents to a conversation and proposes times.
    Invited { times: usize },
    /// The school proposed `times` times to choose from.
    TimesProposed { times: usize },
    /// The parent asked for other times.
    OtherTimesAsked,
    /// A time is agreed (day and times are the school's local time,
    /// Europe/Amsterdam).
    TimeAgreed {
        day: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// Cancelled, by the school or by a parent. No reason in the mail: "open
    /// the app to read why".
    Cancelled { by_school: bool },
    /// The school closed the conversation; `note` says whether a note for
    /// the parents is there to read.
    Done { note: bool },
    /// Not a conversation: the school marked the child absent without a
    /// report and asks the parents why. The mail says only that the school
    /// has a question; for parents only.
    AbsenceQuestion,
}

/// Queues mails and wakes the sender. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    store: Store,
    /// Without a trailing slash.
    public_url: Arc<str>,
    wake: Arc<Notify>,
}

impl Mailer {
    /// A mailer and the sender that delivers what it queues (run it with
    /// [`Sender::run`]). `public_url` starts the links in mails.
    pub fn new(
        store: Store,
        config: &Config,
        public_url: &str,
    ) -> Result<(Self, Sender), SetupError> {
        let wake = Arc::new(Notify::new());
        let sender = Sender::new(store.clone(), config, wake.clone())?;
        let mailer = Self {
            store,
            public_url: public_url.trim_end_matches('/').into(),
            wake,
        };
        Ok((mailer, sender))
    }

    /// Tells each recipient about `notice`, in their language: stores one
    /// mail per recipient (all or none), then wakes the sender.
    pub async fn notify(
        &self,
        recipients: &[Recipient],
        notice: &Notice,
    ) -> Result<(), crate::error::Error> {
        if recipients.is_empty() {
            return Ok(());
        }
        self.store
            .enqueue_mails(&self.render(recipients, notice), Utc::now())
            .await?;
        self.wake();
        Ok(())
    }

    /// The mails `notify` would queue. For a caller that stores them in its
    /// own transaction, with [`enqueue_mails_in`], and then calls
    /// [`Mailer::wake`].
    pub fn render(&self, recipients: &[Recipient], notice: &Notice) -> Vec<OutgoingMail> {
        recipients
            .iter()
            .map(|r| texts::render(r, notice, &self.public_url))
            .collect()
    }

    /// Has the sender look at the outbox now rather than in a few seconds.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}
