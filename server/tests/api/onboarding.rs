//! Onboarding: the school admin imports pupils and guardians from a CSV
//! file, makes activation codes, and adds staff; a guardian or staff member
//! activates their account with a code; nobody else may do the admin's work.

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use shared::{
    ActivationCode, ErrorCode, ImportRejection, ImportSummary, Me, StaffAccount, StaffMember,
    StaffRoleKind,
};

use crate::helpers::{body, expect_error, new_client, Db, TestApp};

on_both_backends!(
    an_admin_imports_and_a_reimport_updates_without_duplicates,
    one_bad_row_stops_the_whole_import,
    the_file_may_come_from_dutch_excel,
    a_guardian_activates_once_with_a_good_password,
    only_the_school_admin_does_onboarding,
    the_admin_adds_staff_who_activate_and_get_their_roles,
    a_pupil_the_import_no_longer_lists_has_left_school,
);

const ADMIN: &str = "admin@example.nl";
const HEADER: &str =
    "leerlingnummer,voornaam,achternaam,groep,ouder1_naam,ouder1_email,ouder2_naam,ouder2_email";
const NEW_PASSWORD: &str = "fietsen in de regen";

/// One pupil's line: pupil `n` of 60, in three groups; brothers and sisters
/// (two in a row) share their first parent; every third pupil has a second
/// parent; the last one has Sanne (who has an account) as second parent.
fn pupil_line(n: usize) -> String {
    let group = ["1A", "1B", "1C"][n % 3];
    let second = match n {
        59 => "Sanne de Vries,sanne@example.nl".to_owned(),
        n if n % 3 == 0 => format!("Ouder Twee {n},twee{n}@ouders.example"),
        _ => ",".to_owned(),
    };
    format!(
        "{},Kind{n},Achternaam{},{group},Ouder Een {},een{}@ouders.example,{second}",
        1000 + n,
        n / 2,
        n / 2,
        n / 2
    )
}

fn sixty_pupils() -> Vec<String> {
    (0..60).map(pupil_line).collect()
}

fn csv(lines: &[String]) -> String {
    format!("{HEADER}\n{}\n", lines.join("\n"))
}

async fn school_of(app: &TestApp, client: &Client) -> String {
    let me: Me = body(client.get(app.url("/api/me")).send().await.unwrap()).await;
    me.staff_roles[0].school_id.clone()
}

async fn import(
    app: &TestApp,
    client: &Client,
    school: &str,
    text: &str,
    dry_run: bool,
) -> Response {
    client
        .post(app.url(&format!("/api/schools/{school}/imports?dry_run={dry_run}")))
        .header("content-type", "text/csv")
        .body(text.to_owned())
        .send()
        .await
        .expect("request")
}

async fn imported(app: &TestApp, client: &Client, school: &str, text: &str) -> ImportSummary {
    let res = import(app, client, school, text, false).await;
    assert_eq!(res.status(), StatusCode::OK);
    body(res).await
}

async fn codes(
    app: &TestApp,
    client: &Client,
    school: &str,
    request: Value,
) -> Vec<ActivationCode> {
    let res = client
        .post(app.url(&format!("/api/schools/{school}/activation-codes")))
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    body(res).await
}

async fn activate(app: &TestApp, client: &Client, code: &str, password: &str) -> Response {
    client
        .post(app.url("/api/activation"))
        .json(&json!({ "code": code, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn log_in(app: &TestApp, email: &str, password: &str) -> Response {
    new_client()
        .post(app.url("/api/session"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn an_admin_imports_and_a_reimport_updates_without_duplicates(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let text = csv(&sixty_pupils());

    let expected = ImportSummary {
        dry_run: true,
        rows: 60,
        groups_created: 3,
        pupils_created: 60,
        pupils_updated: 0,
        pupils_unchanged: 0,
        // 30 first parents, 20 second ones (Sanne has an account)
        guardians_created: 50,
        guardians_linked: 60 + 20 + 1,
        pupils_left: 0,
    };
    let res = import(&app, &admin, &school, &text, true).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(body::<ImportSummary>(res).await, expected);
    // The dry run stored nothing: the import does it all.
    let summary = imported(&app, &admin, &school, &text).await;
    assert_eq!(
        summary,
        ImportSummary {
            dry_run: false,
            ..expected
        }
    );

    // Every new guardian gets a code; Sanne has a password and gets none.
    let all = codes(&app, &admin, &school, json!({})).await;
    assert_eq!(all.len(), 50);
    assert!(all.iter().all(|c| c.email != "sanne@example.nl"));
    let first = all
        .iter()
        .find(|c| c.email == "een0@ouders.example")
        .expect("a code for the parent of Kind0 and Kind1");
    let children: Vec<_> = first.children.iter().map(|c| &c.first_name).collect();
    assert_eq!(children, ["Kind0", "Kind1"]);
    assert_eq!(first.children[0].group_name, "1A");
    let parent = new_client();
    let res = activate(&app, &parent, &first.code, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = body(res).await;
    assert_eq!(me.name, "Ouder Een 0");
    assert_eq!(me.children.len(), 2);

    // Sanne sees her new child next to her own two, all at her schools.
    let sanne = app.client_for("sanne@example.nl").await;
    let me: Me = body(sanne.get(app.url("/api/me")).send().await.unwrap()).await;
    assert_eq!(me.children.len(), 3);

    // Kind0 gets a new name and Kind1 moves to 1C and gets a second parent.
    let mut lines = sixty_pupils();
    lines[0] = lines[0].replace("Kind0,", "Kinda,");
    lines[1] = "1001,Kind1,Achternaam0,1C,Ouder Een 0,een0@ouders.example,\
                Nieuwe Ouder,nieuw@ouders.example"
        .to_owned();
    let summary = imported(&app, &admin, &school, &csv(&lines)).await;
    assert_eq!(
        summary,
        ImportSummary {
            dry_run: false,
            rows: 60,
            groups_created: 0,
            pupils_created: 0,
            pupils_updated: 2,
            pupils_unchanged: 58,
            guardians_created: 1,
            guardians_linked: 1,
            pupils_left: 0,
        }
    );
    let children: Vec<shared::Child> =
        body(parent.get(app.url("/api/children")).send().await.unwrap()).await;
    let names: Vec<_> = children
        .iter()
        .map(|c| format!("{} {}", c.first_name, c.group_name))
        .collect();
    assert_eq!(names, ["Kind1 1C", "Kinda 1A"]);
    // Still 60 pupils' guardians, and the one new parent.
    let all = codes(&app, &admin, &school, json!({})).await;
    assert_eq!(all.len(), 50, "49 not activated yet and the new parent");
}

async fn one_bad_row_stops_the_whole_import(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let mut lines = sixty_pupils();
    lines[19] = lines[19].replace("een9@ouders.example", "een9-at-ouders.example");
    lines[40] = lines[40].replace("Kind40", "");

    let res = import(&app, &admin, &school, &csv(&lines), false).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let rejection: ImportRejection = body(res).await;
    assert_eq!(rejection.code, ErrorCode::InvalidInput);
    assert_eq!(rejection.field.as_deref(), Some("file"));
    let found: Vec<_> = rejection
        .errors
        .iter()
        .map(|e| (e.row, e.field.as_deref()))
        .collect();
    // Line 1 is the header: pupil 19 is on line 21.
    assert_eq!(
        found,
        [
            (Some(21), Some("ouder1_email")),
            (Some(42), Some("voornaam"))
        ]
    );
    assert!(rejection.errors[0].message.contains("e-mailadres"));
    assert_eq!(rejection.error_count, 2);

    // Nothing was stored: the corrected file makes everything.
    let summary = imported(&app, &admin, &school, &csv(&sixty_pupils())).await;
    assert_eq!((summary.pupils_created, summary.groups_created), (60, 3));

    // Mistakes with the file itself.
    let res = import(&app, &admin, &school, "leerlingnummer,bsn\n1,2\n", false).await;
    let rejection: ImportRejection = body(res).await;
    assert_eq!(rejection.errors[0].field.as_deref(), Some("bsn"));
    assert!(rejection.errors.len() > 1, "the missing columns too");
    let res = admin
        .post(app.url(&format!("/api/schools/{school}/imports")))
        .header("content-type", "text/csv")
        .body(vec![0xff, 0xfe, 0x00])
        .send()
        .await
        .unwrap();
    let rejection: ImportRejection = body(res).await;
    assert!(rejection.errors[0].message.contains("UTF-8"));
    let res = admin
        .post(app.url(&format!("/api/schools/{school}/imports")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    expect_error(
        res,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::BadRequest,
    )
    .await;
    let res = admin
        .post(app.url(&format!("/api/schools/{school}/imports?dry_run=maybe")))
        .header("content-type", "text/csv")
        .body(csv(&sixty_pupils()))
        .send()
        .await
        .unwrap();
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("dry_run"));
    let huge = format!("{HEADER}\n{}", "x".repeat(3 * 1024 * 1024));
    let res = import(&app, &admin, &school, &huge, true).await;
    let error = expect_error(res, StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BadRequest).await;
    assert_eq!(error.field.as_deref(), Some("file"));
}

async fn the_file_may_come_from_dutch_excel(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    // A BOM, `;` between the cells, CRLF line ends, quotes, Dutch headers
    // in capitals, and the infix in a column of its own.
    let text = "\u{feff}Leerlingnummer;Voornaam;Tussenvoegsel;Achternaam;Klas;Ouder1_Naam;Ouder1_Email\r\n\
                \"2001\";\"Sem\";van;Dijk;2B;\"Dijk; Eva van\";Eva@Example.nl\r\n";
    let summary = imported(&app, &admin, &school, text).await;
    assert_eq!((summary.pupils_created, summary.guardians_created), (1, 1));
    let code = codes(&app, &admin, &school, json!({})).await.remove(0);
    assert_eq!(code.email, "eva@example.nl");
    assert_eq!(code.name, "Dijk; Eva van");
    assert_eq!(code.children[0].last_name, "van Dijk");
    assert_eq!(code.children[0].group_name, "2B", "the demo's class");
}

async fn a_guardian_activates_once_with_a_good_password(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    imported(&app, &admin, &school, &csv(&sixty_pupils()[..2])).await;
    let email = "een0@ouders.example";
    // Before activating, no password works, not even the marker.
    let res = log_in(&app, email, "!").await;
    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::WrongCredentials).await;

    let earlier = codes(&app, &admin, &school, json!({})).await.remove(0);
    let code = codes(&app, &admin, &school, json!({})).await.remove(0);
    assert_eq!(code.email, email);
    assert_eq!(code.code.len(), 12, "K7QM-3XWP-9D");
    let parent = new_client();
    let refused = |res: Response, field: &'static str| async move {
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field));
        error.message
    };
    // A new code replaces the earlier one.
    let used_up = refused(
        activate(&app, &parent, &earlier.code, NEW_PASSWORD).await,
        "code",
    )
    .await;
    let unknown = refused(
        activate(&app, &parent, "2345-6789-AB", NEW_PASSWORD).await,
        "code",
    )
    .await;
    assert_eq!(
        used_up, unknown,
        "one answer for every code that does not work"
    );
    refused(
        activate(&app, &parent, "nonsense", NEW_PASSWORD).await,
        "code",
    )
    .await;
    for weak in [
        "kort",
        "Wachtwoord1",
        "12345678",
        email,
        "EEN0@ouders.example",
    ] {
        refused(activate(&app, &parent, &code.code, weak).await, "password").await;
    }

    // Lower case, no dashes: still the code.
    let typed = code.code.replace('-', "").to_lowercase();
    let res = activate(&app, &parent, &typed, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = body(res).await;
    assert_eq!(me.email, email);
    // Logged in by the activation.
    let res = parent.get(app.url("/api/children")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = log_in(&app, email, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);

    // The code works once.
    let again = refused(
        activate(&app, &parent, &code.code, "een ander wachtwoord").await,
        "code",
    )
    .await;
    assert_eq!(again, unknown);
    // Activated guardians get no new code.
    let res = admin
        .post(app.url(&format!("/api/schools/{school}/activation-codes")))
        .json(&json!({ "guardian_ids": [code.user_id] }))
        .send()
        .await
        .unwrap();
    assert_eq!(body::<Vec<ActivationCode>>(res).await, []);

    // An expired code works no more, with the same answer.
    let other = codes(&app, &admin, &school, json!({})).await;
    assert_eq!(other.len(), 1, "Kind0's second parent");
    sqlx::query("UPDATE activation_codes SET expires_at = '2000-01-01T00:00:00.000000Z'")
        .execute(app.store.pool())
        .await
        .unwrap();
    let expired = refused(
        activate(&app, &parent, &other[0].code, NEW_PASSWORD).await,
        "code",
    )
    .await;
    assert_eq!(expired, unknown);
}

async fn only_the_school_admin_does_onboarding(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let baken = school_of(&app, &admin).await;
    let els = app.client_for("els@example.nl").await;
    let regenboog = school_of(&app, &els).await;
    let text = csv(&sixty_pupils()[..1]);
    let staff = json!({ "name": "Kim", "email": "kim@example.nl", "roles": ["teacher"] });

    // (who, school, status)
    let cases = [
        ("mentor@example.nl", &baken, StatusCode::FORBIDDEN),
        ("fatma@example.nl", &baken, StatusCode::FORBIDDEN),
        ("balie@example.nl", &baken, StatusCode::NOT_FOUND),
        ("balie@example.nl", &regenboog, StatusCode::FORBIDDEN),
        ("directie@example.nl", &regenboog, StatusCode::FORBIDDEN),
        ("sanne@example.nl", &baken, StatusCode::NOT_FOUND),
        (ADMIN, &regenboog, StatusCode::NOT_FOUND),
    ];
    for (who, school, status) in cases {
        let client = if who == ADMIN {
            admin.clone()
        } else {
            app.client_for(who).await
        };
        let res = import(&app, &client, school, &text, false).await;
        assert_eq!(res.status(), status, "{who} imports");
        let url = |path: &str| app.url(&format!("/api/schools/{school}/{path}"));
        let res = client
            .post(url("activation-codes"))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{who} makes codes");
        let res = client.get(url("staff")).send().await.unwrap();
        assert_eq!(res.status(), status, "{who} lists staff");
        let res = client.post(url("staff")).json(&staff).send().await.unwrap();
        assert_eq!(res.status(), status, "{who} adds staff");
        let res = client
            .put(url("staff/someone"))
            .json(&json!({ "roles": ["school_admin"] }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{who} changes roles");
    }
    let res = import(&app, &new_client(), &baken, &text, false).await;
    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
    // Nothing was stored by anyone.
    let summary = imported(&app, &admin, &baken, &text).await;
    assert_eq!(summary.pupils_created, 1);
}

async fn the_admin_adds_staff_who_activate_and_get_their_roles(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let staff_url = app.url(&format!("/api/schools/{school}/staff"));

    let new =
        json!({ "name": "Kim de Boer", "email": "Kim@Example.nl", "roles": ["attendance_desk"] });
    let res = admin.post(&staff_url).json(&new).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: StaffAccount = body(res).await;
    assert_eq!(account.member.email, "kim@example.nl");
    assert_eq!(account.member.roles, [StaffRoleKind::AttendanceDesk]);
    assert!(!account.member.activated);
    let code = account.activation.expect("a code for a new account").code;

    let kim = new_client();
    let res = activate(&app, &kim, &code, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = body(res).await;
    assert_eq!(me.staff_roles.len(), 1);
    assert_eq!(me.staff_roles[0].role, StaffRoleKind::AttendanceDesk);
    assert_eq!(me.staff_roles[0].school_id, school);
    assert_eq!(
        log_in(&app, "kim@example.nl", NEW_PASSWORD).await.status(),
        StatusCode::OK
    );

    // New roles for Kim; the list shows them.
    let kim_url = format!("{staff_url}/{}", account.member.user_id);
    let roles = json!({ "roles": ["teacher", "care_coordinator"] });
    let res = admin.put(&kim_url).json(&roles).send().await.unwrap();
    let member: StaffMember = body(res).await;
    assert_eq!(
        member.roles,
        [StaffRoleKind::Teacher, StaffRoleKind::CareCoordinator]
    );
    let list: Vec<StaffMember> = body(admin.get(&staff_url).send().await.unwrap()).await;
    let kim_listed = list.iter().find(|m| m.email == "kim@example.nl").unwrap();
    assert!(kim_listed.activated);
    assert_eq!(kim_listed.roles, member.roles);
    assert!(list.iter().any(|m| m.email == ADMIN));

    // Someone with an account gets roles, but no code: their password is theirs.
    let mentor =
        json!({ "name": "R. Visser", "email": "mentor@example.nl", "roles": ["care_coordinator"] });
    let account: StaffAccount =
        body(admin.post(&staff_url).json(&mentor).send().await.unwrap()).await;
    assert!(account.activation.is_none());
    assert_eq!(account.member.name, "Ruben Visser");
    assert_eq!(
        account.member.roles,
        [StaffRoleKind::Teacher, StaffRoleKind::CareCoordinator]
    );

    // An admin keeps their own admin role; others who do not work here: 404.
    let me: Me = body(admin.get(app.url("/api/me")).send().await.unwrap()).await;
    let own = admin.get(&staff_url).send().await.unwrap();
    let own: Vec<StaffMember> = body(own).await;
    let own_id = &own.iter().find(|m| m.email == me.email).unwrap().user_id;
    let res = admin
        .put(format!("{staff_url}/{own_id}"))
        .json(&json!({ "roles": ["director"] }))
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    let res = admin
        .put(format!("{staff_url}/nobody"))
        .json(&roles)
        .send()
        .await
        .unwrap();
    expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;

    // Bad input names the field.
    for (change, field) in [
        (json!({ "roles": [] }), "roles"),
        (json!({ "roles": ["janitor"] }), "roles"),
        (json!({ "email": "kim" }), "email"),
        (json!({ "name": " " }), "name"),
    ] {
        let mut request = new.clone();
        for (k, v) in change.as_object().unwrap() {
            request[k] = v.clone();
        }
        let res = admin.post(&staff_url).json(&request).send().await.unwrap();
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{change}");
    }
}

/// When the pupil with this pupil number left school (`None`: still there).
async fn left_on(app: &TestApp, pupil_number: &str) -> Option<String> {
    sqlx::query_scalar(
        "SELECT p.left_on FROM pupils p JOIN pupil_numbers n ON n.pupil_id = p.id \
         WHERE n.pupil_number = $1",
    )
    .bind(pupil_number)
    .fetch_one(app.store.pool())
    .await
    .unwrap()
}

/// The school's import lists every pupil: one it no longer lists left
/// today (the start of the retention period), and is back when listed
/// again. A dry run says so too, and stores nothing.
async fn a_pupil_the_import_no_longer_lists_has_left_school(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let all = sixty_pupils();
    imported(&app, &admin, &school, &csv(&all)).await;
    assert_eq!(left_on(&app, "1000").await, None);

    let without_first = csv(&all[1..]);
    let res = import(&app, &admin, &school, &without_first, true).await;
    assert_eq!(body::<ImportSummary>(res).await.pupils_left, 1);
    assert_eq!(left_on(&app, "1000").await, None, "a dry run");
    let summary = imported(&app, &admin, &school, &without_first).await;
    assert_eq!((summary.pupils_left, summary.pupils_unchanged), (1, 59));
    let today = crate::helpers::today().to_string();
    assert_eq!(left_on(&app, "1000").await, Some(today));
    assert_eq!(left_on(&app, "1001").await, None);
    // The same file again: nobody new has left.
    let again = imported(&app, &admin, &school, &without_first).await;
    assert_eq!(again.pupils_left, 0);

    let back = imported(&app, &admin, &school, &csv(&all)).await;
    assert_eq!(back.pupils_left, 0);
    assert_eq!(left_on(&app, "1000").await, None, "back at school");
}
