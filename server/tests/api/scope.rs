//! Teachers only their own groups, where the school wants that: the desk
//! list, the groups, acknowledging, marking absent and conversations.

use reqwest::StatusCode;
use serde_json::json;
use shared::{Conversation, DeskReports, ErrorCode, SchoolGroup, SchoolSettingsView};

use crate::helpers::{body, expect_error, get, new_key, post, send, sick_today, today, Db};

on_both_backends!(a_teacher_sees_only_their_own_group_when_the_school_wants_that);

async fn a_teacher_sees_only_their_own_group_when_the_school_wants_that(db: Db) {
    let app = db.spawn_app().await;
    let els = app.client_for("els@example.nl").await;
    let desk = app.client_for("balie@example.nl").await;
    let director = app.client_for("directie@example.nl").await;
    let me: shared::Me = body(get(&app, &els, "/api/me").await).await;
    let school = me.staff_roles[0].school_id.clone();

    // Els teaches Groep 3 (Noor's); the director turns the setting on.
    let groups: Vec<SchoolGroup> =
        body(get(&app, &els, &format!("/api/schools/{school}/groups")).await).await;
    let group = |name: &str| groups.iter().find(|g| g.name == name).unwrap().clone();
    let (groep3, groep6) = (group("Groep 3"), group("Groep 6"));
    let els_id = app
        .store
        .user_for_login("els@example.nl")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut conn = app.store.pool().acquire().await.unwrap();
    server::store::scope::set_staff_groups(
        &mut conn,
        &els_id,
        &school,
        std::slice::from_ref(&groep3.id),
    )
    .await
    .unwrap();
    drop(conn);
    let path = format!("/api/schools/{school}/settings");
    let view: SchoolSettingsView = body(get(&app, &director, &path).await).await;
    let change = json!({
        "protocol": null, "calendar": null, "contacts": view.contacts,
        "conversations_shared": true, "teachers_see_only_their_groups": true,
    });
    let res = send(&app, &director, reqwest::Method::PUT, &path, Some(&change)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        body::<SchoolSettingsView>(res)
            .await
            .teachers_see_only_their_groups
    );

    // Noor and Yara are reported ill.
    let pupil = |group: &SchoolGroup, name: &str| {
        group
            .pupils
            .iter()
            .find(|p| p.first_name == name)
            .unwrap()
            .id
            .clone()
    };
    let (noor, yara) = (pupil(&groep3, "Noor"), pupil(&groep6, "Yara"));
    app.login_as("sanne@example.nl").await;
    app.report_one(&sick_today(&[&noor], &new_key())).await;
    app.login_as("ahmed@example.nl").await;
    let yaras = app.report_one(&sick_today(&[&yara], &new_key())).await;

    // Els sees Groep 3 only; the desk sees both.
    let groups: Vec<SchoolGroup> =
        body(get(&app, &els, &format!("/api/schools/{school}/groups")).await).await;
    assert_eq!(
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Groep 3"]
    );
    let list: DeskReports =
        body(get(&app, &els, &format!("/api/schools/{school}/reports")).await).await;
    let pupils: Vec<_> = list
        .groups
        .iter()
        .flat_map(|g| &g.reports)
        .map(|r| r.pupil_first_name.as_str())
        .collect();
    assert_eq!(pupils, ["Noor"]);
    let list: DeskReports =
        body(get(&app, &desk, &format!("/api/schools/{school}/reports")).await).await;
    assert_eq!(list.groups.iter().flat_map(|g| &g.reports).count(), 2);

    // Nor can she act on Yara.
    let ack = json!({ "report_ids": [yaras.id] });
    let res = post(
        &app,
        &els,
        &format!("/api/schools/{school}/acknowledgements"),
        &ack,
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("report_ids"));
    let mark = json!({ "pupil_id": yara, "day": today(), "idempotency_key": new_key() });
    let res = post(
        &app,
        &els,
        &format!("/api/schools/{school}/absences"),
        &mark,
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("pupil_id"));

    // Ahmed asks Yara's teacher for a conversation: not Els's to answer.
    let ahmed = app.client_for("ahmed@example.nl").await;
    let request = json!({
        "pupil_id": yara, "with": "mentor", "topic": "wellbeing", "child_joins": true,
        "mode": "phone", "shared_with_guardians": true, "idempotency_key": new_key(),
    });
    // The demo's invitation from Els is open with the same person: close it first.
    let mine: Vec<Conversation> = body(get(&app, &ahmed, "/api/conversations").await).await;
    let cancel = json!({ "reason": "Ik bel liever." });
    let res = post(
        &app,
        &ahmed,
        &format!("/api/conversations/{}/cancel", mine[0].id),
        &cancel,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post(&app, &ahmed, "/api/conversations", &request).await;
    let asked: Conversation = body(res).await;
    let list: Vec<Conversation> =
        body(get(&app, &els, &format!("/api/schools/{school}/conversations")).await).await;
    assert!(list.iter().all(|c| c.id != asked.id));
    let res = get(&app, &els, &format!("/api/conversations/{}", asked.id)).await;
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    // Nor does she get mail about it (Ahmed gets his receipts: the
    // cancellation and the request).
    let wait = std::time::Duration::from_secs(5);
    let receipts = app.mail.wait_for("ahmed@example.nl", 2, wait).await;
    assert!(receipts.iter().any(|m| m.text.contains(&asked.id)));
    // The outbox, not the sink: what was queued with the request, however
    // fast the sender is. Ahmed's receipt is there; no staff mail is.
    assert!(queued(&app, &format!("/gesprekken/{}", asked.id)).await >= 1);
    assert_eq!(
        queued(&app, &format!("/school/gesprekken/{}", asked.id)).await,
        0
    );
}

/// How many mails in the outbox link to `link`.
async fn queued(app: &crate::helpers::TestApp, link: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE $1")
        .bind(format!("%{link}%"))
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}
