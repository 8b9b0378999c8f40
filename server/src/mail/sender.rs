//! The background sender: delivers the outbox, mail by mail, and tries a
//! failed mail again later.
//!
//! It wakes when [`super::Mailer`] queues mail, when the next retry is due,
//! and every few seconds anyway (for mail that another server on the same
//! database queued). Logs hold counts and kinds of errors only: never an
//! address, a name or what a mail server answered (it may quote the
//! address).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp;
use lettre::{
    Address, AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use tokio::sync::{watch, Notify};

use crate::config::Config;
use crate::store::{OutgoingMail, QueuedMail, Store};

/// How many due mails one look at the outbox takes.
const BATCH: u32 = 50;
/// The longest the sender sleeps when nothing wakes it.
const IDLE: Duration = Duration::from_secs(5);
/// How long one sender may take over a mail before another (or this one,
/// after a restart) may try it again.
const CLAIM: Duration = Duration::from_secs(600);
/// How long a mail server may take to answer.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why mail cannot be set up at start-up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("VW_SMTP_URL cannot be used: {0}")]
    Smtp(#[source] smtp::Error),
    #[error("cannot create the mail folder {}: {source}", .folder.display())]
    Folder {
        folder: PathBuf,
        source: std::io::Error,
    },
}

/// Delivers the outbox; run it with [`Sender::run`].
pub struct Sender {
    store: Store,
    transport: Transport,
    from: Mailbox,
    retry: Vec<Duration>,
    wake: Arc<Notify>,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Development: `.eml` files in a folder.
    Folder(AsyncFileTransport<Tokio1Executor>),
}

/// Why one attempt failed: a short kind, stored and logged.
type Failure = String;

impl Sender {
    pub(super) fn new(
        store: Store,
        config: &Config,
        wake: Arc<Notify>,
    ) -> Result<Self, SetupError> {
        let transport = match &config.smtp_url {
            Some(url) => {
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.for_lettre())
                    .map_err(SetupError::Smtp)?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                tracing::info!(
                    server = url.without_credentials(),
                    "mail goes out through SMTP"
                );
                Transport::Smtp(smtp)
            }
            None => {
                let folder = &config.mail_dir;
                std::fs::create_dir_all(folder).map_err(|source| SetupError::Folder {
                    folder: folder.clone(),
                    source,
                })?;
                tracing::info!(
                    folder = %folder.display(),
                    "no VW_SMTP_URL: mail is written to a folder"
                );
                Transport::Folder(AsyncFileTransport::new(folder))
            }
        };
        Ok(Self {
            store,
            transport,
            from: config.mail_from.clone(),
            retry: config.mail_retry.clone(),
            wake,
        })
    }

    /// Delivers mail until `stop` turns true (or its sender is dropped).
    /// A mail being sent then is finished first; what is left waits in the
    /// outbox for the next start.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            let pause = match self.send_due(&stop).await {
                Ok(()) => self.pause().await,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read or update the mail outbox");
                    IDLE
                }
            };
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(pause) => {}
                changed = stop.changed() => if changed.is_err() { break },
            }
        }
        tracing::info!("mail sender stopped");
    }

    /// Sends what is due now, until nothing is or `stop` turns true.
    async fn send_due(&self, stop: &watch::Receiver<bool>) -> Result<(), sqlx::Error> {
        loop {
            let due = self.store.due_mails(Utc::now(), BATCH).await?;
            let (mut sent, mut failed) = (0_usize, 0_usize);
            for queued in &due {
                if *stop.borrow() {
                    break;
                }
                if !self.store.claim_mail(queued, Utc::now() + CLAIM).await? {
                    continue; // another server's sender has it
                }
                match self.deliver(queued).await {
                    Ok(()) => {
                        self.store.mark_mail_sent(&queued.id, Utc::now()).await?;
                        sent += 1;
                    }
                    Err(failure) => {
                        self.failed(queued, &failure).await?;
                        failed += 1;
                    }
                }
            }
            if sent + failed > 0 {
                tracing::info!(sent, failed, "mail outbox");
            }
            if due.len() < BATCH as usize || *stop.borrow() {
                return Ok(());
            }
        }
    }

    /// How long to sleep: until the next mail is due, at most [`IDLE`].
    async fn pause(&self) -> Duration {
        match self.store.next_mail_due().await {
            Ok(Some(next)) => (next - Utc::now()).to_std().unwrap_or_default().min(IDLE),
            Ok(None) => IDLE,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the mail outbox");
                IDLE
            }
        }
    }

    async fn deliver(&self, queued: &QueuedMail) -> Result<(), Failure> {
        let message = self.message(queued)?;
        match &self.transport {
            Transport::Smtp(smtp) => match smtp.send(message).await {
                Ok(_) => Ok(()),
                Err(e) => Err(smtp_failure(&e)),
            },
            Transport::Folder(folder) => match folder.send(message).await {
                Ok(_) => {
                    tracing::info!("mail written to folder");
                    Ok(())
                }
                Err(_) => Err("file".into()),
            },
        }
    }

    fn message(&self, queued: &QueuedMail) -> Result<Message, Failure> {
        let OutgoingMail {
            to_address,
            to_name,
            subject,
            body,
        } = &queued.mail;
        let to: Address = to_address.parse().map_err(|_| "address")?;
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(to_name.clone()), to))
            .subject(subject)
            // The outbox id: a mail sent twice (a restart at the wrong
            // moment) has one id, so mail programs show it once.
            .message_id(Some(format!(
                "<{}@{}>",
                queued.id,
                self.from.email.domain()
            )))
            .header(AutoSubmitted)
            .header(ContentType::TEXT_PLAIN)
            .body(body.clone())
            .map_err(|_| "message".into())
    }

    /// Plans the next attempt of a mail that failed, or gives up on it
    /// after the last.
    async fn failed(&self, queued: &QueuedMail, failure: &str) -> Result<(), sqlx::Error> {
        let attempts = queued.attempts as usize + 1;
        // An address or message that cannot be built will not get better.
        let hopeless = failure == "address" || failure == "message";
        match self.retry.get(attempts - 1).filter(|_| !hopeless) {
            Some(wait) => {
                tracing::warn!(
                    error = failure,
                    attempts,
                    "mail not delivered; trying again later"
                );
                let next = Utc::now() + *wait;
                self.store.mark_mail_failed(&queued.id, failure, next).await
            }
            None => {
                tracing::error!(error = failure, attempts, "mail not delivered; gave up");
                self.store
                    .give_up_mail(&queued.id, failure, Utc::now())
                    .await
            }
        }
    }
}

/// What went wrong with SMTP, as a kind: the mail server's own words may
/// hold the address.
fn smtp_failure(e: &smtp::Error) -> Failure {
    if e.is_timeout() {
        "timeout".into()
    } else if e.is_tls() {
        "tls".into()
    } else if let Some(code) = e.status() {
        format!("smtp {code}")
    } else {
        "connection".into()
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834): automatic replies, such as
/// out-of-office messages, are not sent back to it.
#[derive(Clone, Copy, Debug)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".into())
    }
}
