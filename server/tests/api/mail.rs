//! Mail: the outbox on both databases, and delivery by the real server to
//! a real SMTP server on loopback (`smtp_sink`), in each reader's language,
//! also when that server was down for a while.

use std::time::Duration;

use chrono::{NaiveDate, NaiveTime, Utc};
use server::mail::{Audience, Notice, NoticeKind, OutgoingMail, Recipient};
use server::store::Store;
use server::Application;
use shared::Language;
use sqlx::Row;

use crate::helpers::{spawn_app_writing_mail_to, test_config, Db, TestApp};
use crate::smtp_sink::SmtpSink;

on_both_backends!(
    a_notice_reaches_each_recipient_once_in_their_language,
    a_mail_waits_while_the_mail_server_is_down,
    the_outbox_tries_again_and_gives_up,
    recipients_come_with_their_language,
);

/// A notice about a conversation on Noor, at the demo's primary school.
fn notice(kind: NoticeKind) -> Notice {
    Notice {
        kind,
        child_first_name: "Noor".into(),
        school_name: "Basisschool De Regenboog".into(),
        parent_path: "/gesprekken/c-1".into(),
        staff_path: "/school/gesprekken/c-1".into(),
    }
}

async fn user_id(store: &Store, email: &str) -> String {
    store
        .user_for_login(email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no user {email}"))
        .id
}

async fn noor(app: &TestApp) -> String {
    app.login_as("sanne@example.nl").await;
    app.child_id("Noor").await
}

/// Noor's parents: Sanne reads Dutch, Mark English.
async fn noors_parents(app: &TestApp) -> Vec<Recipient> {
    let mark = user_id(&app.store, "mark@example.nl").await;
    app.store
        .set_user_language(&mark, Language::En)
        .await
        .unwrap();
    let parents = app
        .store
        .guardian_recipients(&noor(app).await)
        .await
        .unwrap();
    assert_eq!(parents.len(), 2);
    parents
}

/// The outbox row of the only mail there is.
async fn only_row(store: &Store) -> (i64, Option<String>, Option<String>) {
    let row = sqlx::query("SELECT attempts, last_error, sent_at FROM mail_outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    (
        row.get("attempts"),
        row.get("last_error"),
        row.get("sent_at"),
    )
}

/// Waits (up to 5 s) until the outbox has `count` sent mails: the sender
/// marks a mail sent just after the mail server took it.
async fn wait_until_sent(store: &Store, count: i64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let sent: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
                .fetch_one(store.pool())
                .await
                .unwrap();
        if sent == count {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{sent} of {count} sent"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn a_notice_reaches_each_recipient_once_in_their_language(db: Db) {
    let app = db.spawn_app().await;
    let parents = noors_parents(&app).await;
    let notice = notice(NoticeKind::TimesProposed { times: 3 });
    app.mailer.notify(&parents, &notice).await.unwrap();

    let sanne = app.mails_to("sanne@example.nl").await;
    let mark = app.mails_to("mark@example.nl").await;
    let link = format!("{}/gesprekken/c-1", app.address);
    assert_eq!(sanne[0].subject, "Kies een tijd voor het gesprek – Noor");
    assert!(
        sanne[0].text.starts_with("Beste Sanne,\n"),
        "{}",
        sanne[0].text
    );
    assert_eq!(mark[0].subject, "Choose a time for the conversation – Noor");
    assert!(mark[0].text.starts_with("Dear Mark,\n"), "{}", mark[0].text);
    for mail in [&sanne[0], &mark[0]] {
        assert!(mail.text.contains(&format!("\n{link}\n")), "{}", mail.text);
        assert!(mail.text.contains(": Noor\n"), "{}", mail.text);
        assert_eq!(mail.from, "Verzuimwijzer <noreply@verzuimwijzer.invalid>");
        assert!(
            mail.raw.contains("Auto-Submitted: auto-generated"),
            "{}",
            mail.raw
        );
    }
    assert_eq!(sanne[0].to_header, "Sanne de Vries <sanne@example.nl>");
    // Exactly what was rendered arrives: the notice is all a mail can tell.
    let rendered: Vec<OutgoingMail> = app.mailer.render(&parents, &notice);
    let sanne_rendered = rendered
        .iter()
        .find(|m| m.to_address == "sanne@example.nl")
        .unwrap();
    assert_eq!(sanne[0].text, sanne_rendered.body);

    // Once each, also a moment later; nothing left to send.
    wait_until_sent(&app.store, 2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.mail.all().len(), 2, "one mail per recipient");
    let later = Utc::now() + chrono::Days::new(2);
    assert!(app.store.due_mails(later, 10).await.unwrap().is_empty());
}

async fn a_mail_waits_while_the_mail_server_is_down(db: Db) {
    let app = db.spawn_app().await;
    let sanne = user_id(&app.store, "sanne@example.nl").await;
    let sanne = app
        .store
        .recipient(&sanne, Audience::Parent)
        .await
        .unwrap()
        .unwrap();
    app.mail.set_down(true);
    app.mailer
        .notify(&[sanne], &notice(NoticeKind::Cancelled { by_school: true }))
        .await
        .unwrap();

    // Two attempts fail; the mail waits in the outbox with the kind of error.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while app.mail.refused() < 2 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the sender tries again"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (attempts, last_error, sent_at) = only_row(&app.store).await;
    assert!(attempts >= 1, "{attempts}");
    assert_eq!(last_error.as_deref(), Some("smtp 421"));
    assert_eq!(sent_at, None);

    app.mail.set_down(false);
    let mails = app.mails_to("sanne@example.nl").await;
    assert_eq!(mails[0].subject, "Het gesprek gaat niet door – Noor");
    wait_until_sent(&app.store, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.mail.all().len(), 1, "delivered once");
    let (_, last_error, _) = only_row(&app.store).await;
    assert_eq!(last_error, None);
}

fn outgoing(to: &str) -> OutgoingMail {
    OutgoingMail {
        to_address: to.into(),
        to_name: "Iemand".into(),
        subject: "Onderwerp".into(),
        body: "Tekst".into(),
    }
}

async fn the_outbox_tries_again_and_gives_up(db: Db) {
    let store = db.store().await;
    let t0 = Utc::now();
    let minutes = |n| t0 + chrono::Duration::minutes(n);
    store
        .enqueue_mails(&[outgoing("a@example.nl"), outgoing("b@example.nl")], t0)
        .await
        .unwrap();
    assert!(store.due_mails(minutes(-1), 10).await.unwrap().is_empty());
    assert_eq!(
        store
            .next_mail_due()
            .await
            .unwrap()
            .map(|t| t.timestamp_micros()),
        Some(t0.timestamp_micros())
    );
    let due = store.due_mails(t0, 10).await.unwrap();
    assert_eq!(due.len(), 2);
    assert!(due.iter().all(|m| m.attempts == 0));
    let (a, b) = if due[0].mail.to_address == "a@example.nl" {
        (&due[0], &due[1])
    } else {
        (&due[1], &due[0])
    };
    assert_eq!(a.mail, outgoing("a@example.nl"));

    // One sender takes a mail; a second one, with the same view, cannot.
    assert!(store.claim_mail(a, minutes(10)).await.unwrap());
    assert!(!store.claim_mail(a, minutes(10)).await.unwrap());
    let due: Vec<_> = store.due_mails(t0, 10).await.unwrap();
    assert_eq!(due.len(), 1, "the taken mail is not due");
    assert_eq!(due[0].id, b.id);

    store
        .mark_mail_failed(&a.id, "connection", minutes(1))
        .await
        .unwrap();
    let due = store.due_mails(minutes(1), 10).await.unwrap();
    assert_eq!(due.len(), 2);
    let a = due.iter().find(|m| m.id == a.id).unwrap();
    assert_eq!(a.attempts, 1);

    store
        .give_up_mail(&a.id, "smtp 550", minutes(1))
        .await
        .unwrap();
    store.mark_mail_sent(&b.id, minutes(1)).await.unwrap();
    assert!(store
        .due_mails(minutes(60 * 24 * 365), 10)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(store.next_mail_due().await.unwrap(), None);
    // Both stay, for the record.
    let rows = sqlx::query(
        "SELECT to_address, attempts, last_error, sent_at, gave_up_at FROM mail_outbox \
         ORDER BY to_address",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let row = |i: usize| {
        (
            rows[i].get::<i64, _>("attempts"),
            rows[i].get::<Option<String>, _>("last_error"),
            rows[i].get::<Option<String>, _>("sent_at").is_some(),
            rows[i].get::<Option<String>, _>("gave_up_at").is_some(),
        )
    };
    assert_eq!(row(0), (2, Some("smtp 550".into()), false, true));
    assert_eq!(row(1), (1, None, true, false));
}

async fn recipients_come_with_their_language(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    assert_eq!(
        store.user_language(&sanne).await.unwrap(),
        Some(Language::Nl)
    );
    assert_eq!(store.user_language("no-such-user").await.unwrap(), None);
    store.set_user_language(&sanne, Language::Uk).await.unwrap();
    assert_eq!(
        store.user_language(&sanne).await.unwrap(),
        Some(Language::Uk)
    );

    let els = user_id(&store, "els@example.nl").await;
    let staff = store
        .recipient(&els, Audience::Staff)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(staff.email, "els@example.nl");
    assert_eq!(staff.language, Language::Nl);
    assert_eq!(staff.audience, Audience::Staff);
    assert_eq!(
        store
            .recipient("no-such-user", Audience::Staff)
            .await
            .unwrap(),
        None
    );

    let noor = store
        .children(&sanne)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.first_name == "Noor")
        .unwrap()
        .id;
    let parents = store.guardian_recipients(&noor).await.unwrap();
    let parents: Vec<_> = parents
        .iter()
        .map(|r| (r.email.as_str(), r.name.as_str(), r.language, r.audience))
        .collect();
    assert_eq!(
        parents,
        [
            (
                "mark@example.nl",
                "Mark de Vries",
                Language::Nl,
                Audience::Parent
            ),
            (
                "sanne@example.nl",
                "Sanne de Vries",
                Language::Uk,
                Audience::Parent
            ),
        ]
    );
}

/// Without `VW_SMTP_URL` (development) mail is written into a folder.
#[tokio::test]
async fn without_a_mail_server_mail_goes_into_a_folder() {
    let folder = tempfile::TempDir::new().unwrap();
    let mail_dir = folder.path().join("mail");
    let app = spawn_app_writing_mail_to(&mail_dir).await;
    let els = user_id(&app.store, "els@example.nl").await;
    let els = app
        .store
        .recipient(&els, Audience::Staff)
        .await
        .unwrap()
        .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let agreed = NoticeKind::TimeAgreed {
        day,
        start: time(10),
        end: time(11),
    };
    app.mailer.notify(&[els], &notice(agreed)).await.unwrap();

    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let file = loop {
        let eml = std::fs::read_dir(&mail_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "eml"));
        if let Some(file) = eml {
            break file;
        }
        assert!(tokio::time::Instant::now() < deadline, "a mail file");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let raw = std::fs::read(file).unwrap();
    let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(message.subject(), Some("Een gesprek is afgesproken – Noor"));
    let text = message.body_text(0).unwrap();
    assert!(
        text.contains("Wanneer: dinsdag 1 december 2026, 10:00–11:00"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}/school/gesprekken/c-1", app.address)),
        "{text}"
    );
    assert!(app.mail.all().is_empty(), "nothing through SMTP");
}

/// Stopping the server stops the mail sender too: shutdown still finishes.
#[tokio::test]
async fn the_server_stops_with_its_mail_sender() {
    let folder = tempfile::TempDir::new().unwrap();
    let url = format!("sqlite://{}", folder.path().join("vw.db").display());
    let sink = SmtpSink::start().await;
    let app = Application::build(test_config(url, &sink)).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).unwrap();
    let finished = tokio::time::timeout(Duration::from_secs(5), running).await;
    assert!(matches!(finished, Ok(Ok(Ok(())))), "{finished:?}");
}
