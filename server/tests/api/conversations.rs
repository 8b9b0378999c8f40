//! Conversations: a parent asks, the school proposes times, the parent
//! picks one, and either side can cancel; who sees what; bad input.

use chrono::Days;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use shared::conversations::ConversationEventKind;
use shared::{Conversation, ConversationStatus, ErrorCode};

use crate::helpers::{body, expect_error, get, new_key, post, today, Db, TestApp};

on_both_backends!(
    a_parent_and_the_mentor_agree_on_a_time_and_the_parent_cancels,
    bad_input_is_refused_with_a_clear_message,
    a_second_booking_at_the_same_time_is_refused,
    only_the_childs_guardians_and_the_answering_staff_see_it,
    each_side_makes_only_its_own_changes,
    the_school_invites_and_closes_with_a_note_it_may_keep_to_itself,
    the_demo_has_an_invitation_for_yaras_father,
    the_other_parent_hears_from_the_school_in_their_own_language,
);

const MENTOR: &str = "mentor@example.nl";
const CARE: &str = "fatma@example.nl";

/// A request about `pupil_id` with `with`, the child joining.
fn request(pupil_id: &str, with: &str) -> Value {
    json!({
        "pupil_id": pupil_id,
        "with": with,
        "topic": "absence",
        "child_joins": true,
        "mode": "at_school",
        "days": ["tuesday", "thursday"],
        "day_parts": ["afternoon"],
        "message": "Daan mist veel lessen. Hoe kunnen we helpen?",
        "shared_with_guardians": true,
        "idempotency_key": new_key(),
    })
}

/// A time `days` days from today, `start` to `end` (school time).
fn slot(days: u64, start: &str, end: &str) -> Value {
    let day = today() + Days::new(days);
    json!({ "day": day, "start_time": start, "end_time": end })
}

/// The mails to `address` once there are at least `count`.
async fn mails(app: &TestApp, address: &str, count: usize) -> Vec<crate::smtp_sink::Mail> {
    app.mail
        .wait_for(address, count, std::time::Duration::from_secs(5))
        .await
}

/// Sanne asks for a conversation about Daan with `with`; returns it.
async fn sanne_asks(app: &TestApp, sanne: &Client, with: &str) -> Conversation {
    let daan = child_of(app, sanne, "Daan").await;
    let res = post(app, sanne, "/api/conversations", &request(&daan, with)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    body(res).await
}

async fn child_of(app: &TestApp, client: &Client, first_name: &str) -> String {
    let children: Vec<shared::Child> = body(get(app, client, "/api/children").await).await;
    children
        .into_iter()
        .find(|c| c.first_name == first_name)
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("no child {first_name}"))
}

/// `who` proposes `times`; returns the conversation.
async fn propose(app: &TestApp, who: &Client, id: &str, times: Vec<Value>) -> Conversation {
    let res = post(
        app,
        who,
        &format!("/api/conversations/{id}/times"),
        &json!({ "times": times, "message": "Lokaal 12" }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    body(res).await
}

async fn choose(app: &TestApp, who: &Client, id: &str, time_id: &str) -> reqwest::Response {
    let choice = json!({ "time_id": time_id });
    post(
        app,
        who,
        &format!("/api/conversations/{id}/choice"),
        &choice,
    )
    .await
}

async fn a_parent_and_the_mentor_agree_on_a_time_and_the_parent_cancels(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mentor = app.client_for(MENTOR).await;

    let asked = sanne_asks(&app, &sanne, "mentor").await;
    assert_eq!(asked.status, ConversationStatus::Requested);
    assert!(asked.child_joins);
    // Both hear of it: the mentor that Sanne asks, Sanne that it was sent.
    let to_mentor = mails(&app, MENTOR, 1).await;
    assert!(to_mentor[0].text.contains("Daan"), "{}", to_mentor[0].text);
    assert!(to_mentor[0]
        .text
        .contains(&format!("/school/gesprekken/{}", asked.id)));
    let to_sanne = mails(&app, "sanne@example.nl", 1).await;
    assert!(to_sanne[0]
        .text
        .contains(&format!("/gesprekken/{}", asked.id)));
    assert_eq!(asked.with_label(), "De mentor");
    assert_eq!(asked.started_by, "Sanne de Vries");

    // The mentor finds it among the school's open conversations.
    let me: shared::Me = body(get(&app, &mentor, "/api/me").await).await;
    let school = &me.staff_roles[0].school_id;
    let list: Vec<Conversation> = body(
        get(
            &app,
            &mentor,
            &format!("/api/schools/{school}/conversations"),
        )
        .await,
    )
    .await;
    assert_eq!(list.iter().map(|c| &c.id).collect::<Vec<_>>(), [&asked.id]);

    let proposed = propose(
        &app,
        &mentor,
        &asked.id,
        vec![slot(7, "15:00", "15:30"), slot(2, "10:00", "10:30")],
    )
    .await;
    assert_eq!(proposed.status, ConversationStatus::Proposed);
    assert_eq!(proposed.handled_by.as_deref(), Some("Ruben Visser"));
    // Soonest first.
    let times = &proposed.proposed_times;
    assert_eq!(times.len(), 2);
    assert_eq!(times[0].slot.day, today() + Days::new(2));
    let to_sanne = mails(&app, "sanne@example.nl", 2).await;
    assert!(
        to_sanne[1].subject.contains("Kies een tijd"),
        "{}",
        to_sanne[1].subject
    );

    let res = choose(&app, &sanne, &asked.id, &times[1].id).await;
    assert_eq!(res.status(), StatusCode::OK);
    let agreed: Conversation = body(res).await;
    assert_eq!(agreed.status, ConversationStatus::Agreed);
    assert_eq!(agreed.agreed_time, Some(times[1].slot));
    assert!(agreed.proposed_times.is_empty());
    // Both get the agreed time.
    for address in ["sanne@example.nl", MENTOR] {
        let agreed_mail = mails(&app, address, 3).await.remove(2);
        let start = times[1].slot.start_time.format("%H:%M").to_string();
        assert!(agreed_mail.text.contains(&start), "{}", agreed_mail.text);
    }

    // The calendar file holds the agreed time, in UTC.
    let res = get(
        &app,
        &sanne,
        &format!("/api/conversations/{}/calendar.ics", asked.id),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let ics = res.text().await.unwrap();
    let start = server::clock::instant_of_school_time(times[1].slot.starts());
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(
        ics.contains(&format!("DTSTART:{}\r\n", start.format("%Y%m%dT%H%M%SZ"))),
        "{ics}"
    );
    assert!(
        ics.contains("SUMMARY:Gesprek over Daan met de mentor\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));

    let cancel = json!({ "reason": "Daan is weer beter, het gaat goed." });
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{}/cancel", asked.id),
        &cancel,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);

    // The mentor sees it cancelled, by whom and why.
    let seen: Conversation =
        body(get(&app, &mentor, &format!("/api/conversations/{}", asked.id)).await).await;
    assert_eq!(seen.status, ConversationStatus::Cancelled);
    let last = seen.history.last().unwrap();
    assert_eq!(last.kind, ConversationEventKind::Cancelled);
    assert_eq!(last.by, "Sanne de Vries");
    assert!(!last.by_school);
    assert_eq!(
        last.message.as_deref(),
        Some("Daan is weer beter, het gaat goed.")
    );
    let kinds: Vec<_> = seen.history.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            ConversationEventKind::Requested,
            ConversationEventKind::TimesProposed,
            ConversationEventKind::TimeAgreed,
            ConversationEventKind::Cancelled,
        ]
    );
    // No calendar file for what is off.
    let res = get(
        &app,
        &sanne,
        &format!("/api/conversations/{}/calendar.ics", asked.id),
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    // The mentor heard of the cancellation; no mail ever carried the
    // message, the reason or the topic; no one else got mail.
    let all = mails(&app, MENTOR, 4).await;
    assert!(all[3].text.contains("Daan"));
    for mail in app.mail.all() {
        for secret in [
            "mist veel lessen",
            "weer beter",
            "Afwezigheid",
            "afwezigheid",
        ] {
            assert!(!mail.text.contains(secret), "{secret} in {}", mail.text);
            assert!(
                !mail.subject.contains(secret),
                "{secret} in {}",
                mail.subject
            );
        }
        assert!(
            ["sanne@example.nl", MENTOR].contains(&mail.to.as_str()),
            "{}",
            mail.to
        );
    }
    // The school's admin finds every change in the audit log, without the
    // message or the reason.
    let admin = app.client_for("admin@example.nl").await;
    let log: Vec<shared::AuditEntry> =
        body(get(&app, &admin, &format!("/api/schools/{school}/audit-log")).await).await;
    let changes: Vec<_> = log
        .iter()
        .filter(|e| e.subject_id == asked.id)
        .map(|e| (e.by.as_str(), e.detail.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        changes,
        [
            ("Sanne de Vries", "cancelled"),
            ("Sanne de Vries", "time_agreed"),
            ("Ruben Visser", "times_proposed"),
            ("Sanne de Vries", "requested"),
        ]
    );
    // And open lists no longer show it.
    let list: Vec<Conversation> = body(
        get(
            &app,
            &mentor,
            &format!("/api/schools/{school}/conversations"),
        )
        .await,
    )
    .await;
    assert!(list.is_empty());
}

async fn bad_input_is_refused_with_a_clear_message(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let mentor = app.client_for(MENTOR).await;
    let daan = child_of(&app, &sanne, "Daan").await;

    // Someone the school does not have.
    let res = post(
        &app,
        &sanne,
        "/api/conversations",
        &request(&daan, "janitor"),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("with"));

    // Another parent's child.
    let res = post(
        &app,
        &ahmed,
        "/api/conversations",
        &request(&daan, "mentor"),
    )
    .await;
    let error = expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    assert_eq!(error.field.as_deref(), Some("pupil_id"));
    assert!(
        error.message.contains("eigen kinderen"),
        "{}",
        error.message
    );

    // A message far too long.
    let mut long = request(&daan, "mentor");
    long["message"] = json!("x".repeat(501));
    let res = post(&app, &sanne, "/api/conversations", &long).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("message"));

    let first = request(&daan, "mentor");
    let res = post(&app, &sanne, "/api/conversations", &first).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let asked: Conversation = body(res).await;
    // A retry of it is not a second one.
    let res = post(&app, &sanne, "/api/conversations", &first).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(body::<Conversation>(res).await.id, asked.id);
    // A new request while it is open is.
    let res = post(
        &app,
        &sanne,
        "/api/conversations",
        &request(&daan, "mentor"),
    )
    .await;
    let error = expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    assert!(
        error.message.contains("al een gesprek"),
        "{}",
        error.message
    );

    // Times in the past.
    let past = json!({ "times": [slot(0, "00:00", "00:30")] });
    let res = post(
        &app,
        &mentor,
        &format!("/api/conversations/{}/times", asked.id),
        &past,
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("times"));
    assert!(error.message.contains("verleden"), "{}", error.message);

    // A time that was never proposed.
    let proposed = propose(&app, &mentor, &asked.id, vec![slot(3, "09:00", "09:30")]).await;
    let res = choose(&app, &sanne, &asked.id, "not-a-time").await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("time_id"));
    // A proposed time that has passed meanwhile.
    let time = &proposed.proposed_times[0];
    let set_day = |day: chrono::NaiveDate| {
        sqlx::query("UPDATE conversation_times SET day = $1 WHERE id = $2")
            .bind(day.to_string())
            .bind(time.id.clone())
            .execute(app.store.pool())
    };
    set_day(today() - Days::new(1)).await.unwrap();
    let res = choose(&app, &sanne, &asked.id, &time.id).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert!(error.message.contains("voorbij"), "{}", error.message);
    set_day(time.slot.day).await.unwrap();
    // Asking for other times needs a word on what suits.
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{}/other-times", asked.id),
        &json!({ "message": " " }),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("message"));
    // Cancelling needs a reason.
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{}/cancel", asked.id),
        &json!({ "reason": "" }),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("reason"));

    // Once agreed, a second pick is a conflict.
    let time = &proposed.proposed_times[0].id;
    assert_eq!(
        choose(&app, &sanne, &asked.id, time).await.status(),
        StatusCode::OK
    );
    let res = choose(&app, &sanne, &asked.id, time).await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
}

async fn a_second_booking_at_the_same_time_is_refused(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mentor = app.client_for(MENTOR).await;
    let care = app.client_for(CARE).await;

    let with_mentor = sanne_asks(&app, &sanne, "mentor").await;
    let with_care = sanne_asks(&app, &sanne, "care_coordinator").await;
    // The care coordinator proposes 10:15 while nothing is agreed yet.
    let care_times = propose(&app, &care, &with_care.id, vec![slot(4, "10:15", "10:45")]).await;
    let mentor_times = propose(
        &app,
        &mentor,
        &with_mentor.id,
        vec![slot(4, "10:00", "10:30")],
    )
    .await;
    let res = choose(
        &app,
        &sanne,
        &with_mentor.id,
        &mentor_times.proposed_times[0].id,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Daan cannot be in two conversations at once.
    let res = choose(
        &app,
        &sanne,
        &with_care.id,
        &care_times.proposed_times[0].id,
    )
    .await;
    let error = expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    assert!(
        error.message.contains("al een ander gesprek"),
        "{}",
        error.message
    );
    // Nor can the school propose a time that clashes.
    let res = post(
        &app,
        &care,
        &format!("/api/conversations/{}/times", with_care.id),
        &json!({ "times": [slot(4, "10:20", "10:40")] }),
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    // Right after it is fine.
    let later = propose(&app, &care, &with_care.id, vec![slot(4, "10:30", "11:00")]).await;
    let res = choose(&app, &sanne, &with_care.id, &later.proposed_times[0].id).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Nor can Sanne be at Noor's school at the same time.
    let noor = child_of(&app, &sanne, "Noor").await;
    let res = post(
        &app,
        &sanne,
        "/api/conversations",
        &request(&noor, "mentor"),
    )
    .await;
    let about_noor: Conversation = body(res).await;
    let els = app.client_for("els@example.nl").await;
    let noor_times = propose(&app, &els, &about_noor.id, vec![slot(4, "10:45", "11:15")]).await;
    let res = choose(
        &app,
        &sanne,
        &about_noor.id,
        &noor_times.proposed_times[0].id,
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
}

async fn only_the_childs_guardians_and_the_answering_staff_see_it(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mark = app.client_for("mark@example.nl").await;
    let noor = child_of(&app, &sanne, "Noor").await;

    let mut shared_request = request(&noor, "mentor");
    let res = post(&app, &sanne, "/api/conversations", &shared_request).await;
    let shared: Conversation = body(res).await;
    shared_request["with"] = json!("director");
    shared_request["shared_with_guardians"] = json!(false);
    shared_request["idempotency_key"] = json!(new_key());
    let res = post(&app, &sanne, "/api/conversations", &shared_request).await;
    let private: Conversation = body(res).await;
    assert!(!private.shared_with_guardians);

    // Noor's other parent sees the shared one only.
    let list: Vec<Conversation> = body(get(&app, &mark, "/api/conversations").await).await;
    assert_eq!(list.iter().map(|c| &c.id).collect::<Vec<_>>(), [&shared.id]);
    let path = format!("/api/conversations/{}", private.id);
    expect_error(
        get(&app, &mark, &path).await,
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
    )
    .await;

    let shared_path = format!("/api/conversations/{}", shared.id);
    // The teacher at Noor's school answers it; the director sees the other.
    let els = app.client_for("els@example.nl").await;
    assert_eq!(get(&app, &els, &shared_path).await.status(), StatusCode::OK);
    let director = app.client_for("directie@example.nl").await;
    assert_eq!(get(&app, &director, &path).await.status(), StatusCode::OK);
    // Other staff of the school: forbidden; another school, another parent:
    // nothing there.
    let desk = app.client_for("balie@example.nl").await;
    expect_error(
        get(&app, &desk, &shared_path).await,
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
    )
    .await;
    for outsider in [CARE, "ahmed@example.nl"] {
        let client = app.client_for(outsider).await;
        let res = get(&app, &client, &shared_path).await;
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
        let res = get(&app, &client, &format!("{shared_path}/calendar.ics")).await;
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    }
    // A school's list is for its own staff.
    let me: shared::Me = body(get(&app, &els, "/api/me").await).await;
    let school = &me.staff_roles[0].school_id;
    let care = app.client_for(CARE).await;
    let res = get(&app, &care, &format!("/api/schools/{school}/conversations")).await;
    expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    let list: Vec<Conversation> =
        body(get(&app, &els, &format!("/api/schools/{school}/conversations")).await).await;
    let ids: Vec<_> = list.iter().map(|c| &c.id).collect();
    assert!(
        ids.contains(&&shared.id) && !ids.contains(&&private.id),
        "{ids:?}"
    );
}

async fn each_side_makes_only_its_own_changes(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mentor = app.client_for(MENTOR).await;
    let asked = sanne_asks(&app, &sanne, "mentor").await;
    let id = &asked.id;

    // A parent cannot propose times or close it.
    let times = json!({ "times": [slot(3, "09:00", "09:30")] });
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{id}/times"),
        &times,
    )
    .await;
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    let outcome = json!({ "note": "", "note_visible_to_parents": true });
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{id}/outcome"),
        &outcome,
    )
    .await;
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    // The school cannot ask itself for other times.
    let ask = json!({ "message": "Liever woensdag" });
    let res = post(
        &app,
        &mentor,
        &format!("/api/conversations/{id}/other-times"),
        &ask,
    )
    .await;
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;

    // Other times after a proposal: back to requested, times gone.
    propose(&app, &mentor, id, vec![slot(3, "09:00", "09:30")]).await;
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{id}/other-times"),
        &ask,
    )
    .await;
    let back: Conversation = body(res).await;
    assert_eq!(back.status, ConversationStatus::Requested);
    assert!(back.proposed_times.is_empty());
    assert_eq!(
        back.history.last().unwrap().message.as_deref(),
        Some("Liever woensdag")
    );

    // The school cancels; nothing more can change.
    let cancel = json!({ "reason": "De mentor is ziek. We bellen u." });
    let res = post(
        &app,
        &mentor,
        &format!("/api/conversations/{id}/cancel"),
        &cancel,
    )
    .await;
    let cancelled: Conversation = body(res).await;
    assert!(cancelled.history.last().unwrap().by_school);
    let res = post(
        &app,
        &sanne,
        &format!("/api/conversations/{id}/cancel"),
        &cancel,
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
}

async fn the_school_invites_and_closes_with_a_note_it_may_keep_to_itself(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let care = app.client_for(CARE).await;
    let daan = child_of(&app, &sanne, "Daan").await;
    let me: shared::Me = body(get(&app, &care, "/api/me").await).await;
    let school = me.staff_roles[0].school_id.clone();

    let invitation = json!({
        "pupil_id": daan,
        "with": "care_coordinator",
        "topic": "wellbeing",
        "child_joins": true,
        "mode": "video",
        "times": [slot(5, "13:00", "13:30"), slot(6, "13:00", "13:30")],
        "message": "We willen graag samen kijken hoe het gaat.",
        "idempotency_key": new_key(),
    });
    let path = format!("/api/schools/{school}/conversations");
    let res = post(&app, &care, &path, &invitation).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let invited: Conversation = body(res).await;
    assert!(invited.initiated_by_school);
    assert_eq!(invited.status, ConversationStatus::Proposed);
    // The same invitation again (a retry) is the same one.
    let again: Conversation = body(post(&app, &care, &path, &invitation).await).await;
    assert_eq!(again.id, invited.id);
    // Only for the school's own pupils, and for a role one has.
    let mut wrong = invitation.clone();
    wrong["with"] = json!("director");
    wrong["idempotency_key"] = json!(new_key());
    let res = post(&app, &care, &path, &wrong).await;
    let error = expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    assert_eq!(error.field.as_deref(), Some("with"));

    // The parent sees the invitation and accepts a time.
    let list: Vec<Conversation> = body(get(&app, &sanne, "/api/conversations").await).await;
    assert_eq!(list[0].id, invited.id);
    let id = &invited.id;
    let res = choose(&app, &sanne, id, &invited.proposed_times[0].id).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Not before it took place.
    let outcome =
        json!({ "note": "Afspraak: extra begeleiding.", "note_visible_to_parents": false });
    let res = post(
        &app,
        &care,
        &format!("/api/conversations/{id}/outcome"),
        &outcome,
    )
    .await;
    let error = expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    assert!(
        error.message.contains("nog niet geweest"),
        "{}",
        error.message
    );
    // A week later (moved back in time here)...
    sqlx::query("UPDATE conversations SET agreed_day = $1 WHERE id = $2")
        .bind((today() - Days::new(1)).to_string())
        .bind(id.clone())
        .execute(app.store.pool())
        .await
        .unwrap();
    // ...it is closed with a note the parents may not read.
    let outcome =
        json!({ "note": "Afspraak: extra begeleiding.", "note_visible_to_parents": false });
    let res = post(
        &app,
        &care,
        &format!("/api/conversations/{id}/outcome"),
        &outcome,
    )
    .await;
    let done: Conversation = body(res).await;
    assert_eq!(done.status, ConversationStatus::Done);
    assert_eq!(
        done.outcome_note.as_deref(),
        Some("Afspraak: extra begeleiding.")
    );
    let seen: Conversation =
        body(get(&app, &sanne, &format!("/api/conversations/{id}")).await).await;
    assert_eq!(seen.status, ConversationStatus::Done);
    assert_eq!(seen.outcome_note, None);
}

async fn the_demo_has_an_invitation_for_yaras_father(db: Db) {
    let app = db.spawn_app().await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let list: Vec<Conversation> = body(get(&app, &ahmed, "/api/conversations").await).await;
    assert_eq!(list.len(), 1);
    let invitation = &list[0];
    assert!(invitation.initiated_by_school);
    assert_eq!(invitation.started_by, "Els Bakker");
    assert_eq!(invitation.with_label(), "De leerkracht");
    assert_eq!(invitation.proposed_times.len(), 2);
    assert!(invitation.proposed_times[0].slot.day > today());
}

async fn the_other_parent_hears_from_the_school_in_their_own_language(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mark = app.client_for("mark@example.nl").await;
    let res = mark
        .put(app.url("/api/me/language"))
        .json(&json!({ "language": "en" }))
        .send()
        .await
        .unwrap();
    let me: shared::Me = body(res).await;
    assert_eq!(me.language, shared::Language::En);
    let res = mark
        .put(app.url("/api/me/language"))
        .json(&json!({ "language": "fr" }))
        .send()
        .await
        .unwrap();
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("language"));

    let noor = child_of(&app, &sanne, "Noor").await;
    let res = post(
        &app,
        &sanne,
        "/api/conversations",
        &request(&noor, "mentor"),
    )
    .await;
    let asked: Conversation = body(res).await;
    let els = app.client_for("els@example.nl").await;
    propose(&app, &els, &asked.id, vec![slot(3, "15:00", "15:30")]).await;

    // Sanne's own request was her receipt alone; the school's times reach
    // Mark too, in English.
    let to_mark = mails(&app, "mark@example.nl", 1).await;
    assert_eq!(to_mark.len(), 1);
    assert!(
        to_mark[0].text.starts_with("Dear Mark,"),
        "{}",
        to_mark[0].text
    );
    assert!(to_mark[0].text.contains("Noor"));
    assert_eq!(mails(&app, "sanne@example.nl", 2).await.len(), 2);
}
