//! Onboarding a school (the school admin's work), and activating an account.
//!
//! - `POST /api/schools/{id}/imports?dry_run=true|false`: groups, pupils and
//!   guardians from a CSV export of the pupil administration; every row is
//!   checked first, and nothing is stored when one is wrong.
//! - `POST /api/schools/{id}/activation-codes`: one-time codes for the
//!   guardians who have no password yet, shown once.
//! - `POST /api/activation`: a code and a new password; logs in.
//! - `GET`/`POST /api/schools/{id}/staff`, `PUT /api/schools/{id}/staff/{user_id}`:
//!   the school's staff and their roles.
//!
//! Only a school admin of that school may do the school's part: other staff
//! there get 403, anyone else 404 (`Standing`).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::Router;
use chrono::{Duration, Utc};
use serde::Deserialize;
use shared::onboarding::{
    check_password_for, code_refused, format_code, normalize_code, read_pupil_csv,
};
use shared::{
    words, Activation, ActivationCode, FieldError, ImportProblem, ImportSummary, ImportedChild,
    NewActivationCodes, NewStaffMember, StaffAccount, StaffMember, StaffRoleKind, StaffRolesChange,
    Words,
};

use super::session::start_session;
use super::standing::Standing;
use crate::auth::{self, limit, ClientAddress, CurrentUser, ACTIVATION_DAYS};
use crate::error::Error;
use crate::json::AppJson;
use crate::store::onboarding::SchoolGuardian;
use crate::AppState;

/// The largest import file we take: 5000 pupils fit easily.
const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/schools/{id}/imports",
            post(imports_create).layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES)),
        )
        .route(
            "/schools/{id}/activation-codes",
            post(activation_codes_create),
        )
        .route("/activation", post(activation_create))
        .route("/schools/{id}/staff", get(staff_list).post(staff_create))
        .route("/schools/{id}/staff/{user_id}", put(staff_update))
}

/// `?dry_run=true`: check and count, store nothing.
#[derive(Debug, Deserialize)]
struct ImportQuery {
    dry_run: Option<String>,
}

/// `200` with what the import did (or, in a dry run, would do); `422` with
/// every mistake per row when there is one, and then nothing is stored.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/imports",
    tag = "onboarding",
    params(("id" = String, Path, description = "The school"), ("dry_run" = Option<bool>, Query, description = "`true`: check and count, store nothing")),
    request_body(content = String, content_type = "text/csv", description = "The export of the pupil administration"),
    responses(
        (status = 200, description = "What the import did (or would do)", body = ImportSummary),
        (status = 403, description = "Staff of the school who are not its administrator", body = shared::ApiError),
        (status = 413, description = "The file is larger than 2 MB (`field`: `file`)", body = shared::ApiError),
        (status = 415, description = "Not sent as CSV", body = shared::ApiError),
    )
)]
async fn imports_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<ImportQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<ImportSummary>, Error> {
    require_admin(
        &state,
        &user,
        &school_id,
        words!(
            nl: "Alleen de beheerder van de school kan leerlingen inlezen.",
            en: "Only the school's administrator can import pupils.",
            ar: "لا يمكن إلا لمسؤول المدرسة إدخال التلاميذ.",
            tr: "Öğrencileri yalnızca okulun yöneticisi içeri aktarabilir.",
            pl: "Tylko administrator szkoły może wczytać uczniów.",
            uk: "Лише адміністратор школи може завантажити учнів.",
        ),
    )
    .await?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let dry_run = match query.dry_run.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(FieldError::new(
                "dry_run",
                words!(
                    nl: "Kies bij dry_run true of false.",
                    en: "For dry_run, choose true or false.",
                    ar: "اختر true أو false لـ dry_run.",
                    tr: "dry_run için true veya false seçin.",
                    pl: "Dla dry_run proszę wybrać true albo false.",
                    uk: "Для dry_run виберіть true або false.",
                ),
            )
            .into())
        }
    };
    if !is_csv(&headers) {
        return Err(Error::UnsupportedMediaType(words!(
            nl: "Stuur het bestand als CSV (Content-Type: text/csv).",
            en: "Please send the file as CSV (Content-Type: text/csv).",
            ar: "أرسل الملف بصيغة CSV (Content-Type: text/csv).",
            tr: "Dosyayı CSV olarak gönderin (Content-Type: text/csv).",
            pl: "Proszę wysłać plik jako CSV (Content-Type: text/csv).",
            uk: "Надішліть файл у форматі CSV (Content-Type: text/csv).",
        )));
    }
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => Error::TooLarge {
            field: "file",
            message: words!(
                nl: "Het bestand is te groot: ten hoogste 2 MB. Verdeel de leerlingen over meer bestanden.",
                en: "The file is too large: 2 MB at most. Please spread the pupils over more files.",
                ar: "الملف كبير جدًا: 2 ميغابايت على الأكثر. وزّع التلاميذ على ملفات أكثر.",
                tr: "Dosya çok büyük: en fazla 2 MB. Öğrencileri daha fazla dosyaya bölün.",
                pl: "Plik jest za duży: najwyżej 2 MB. Proszę podzielić uczniów na więcej plików.",
                uk: "Файл завеликий: не більше 2 МБ. Розподіліть учнів на більше файлів.",
            ),
        },
        _ => Error::BadRequest(words!(
            nl: "Het bestand kon niet gelezen worden.",
            en: "We could not read the file.",
            ar: "لم نستطع قراءة الملف.",
            tr: "Dosya okunamadı.",
            pl: "Nie udało się odczytać pliku.",
            uk: "Не вдалося прочитати файл.",
        )),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::ImportRejected(vec![ImportProblem {
            row: None,
            field: None,
            message: words!(
                nl: "De tekens in dit bestand kunnen we niet lezen. Sla het in Excel op als \
                     'CSV UTF-8 (door komma's gescheiden)' en stuur het opnieuw.",
                en: "We cannot read the characters in this file. In Excel, save it as \
                     'CSV UTF-8 (Comma delimited)' and send it again.",
                ar: "لا نستطيع قراءة الحروف في هذا الملف. احفظه في Excel بصيغة \
                     'CSV UTF-8' وأرسله مرة أخرى.",
                tr: "Bu dosyadaki karakterleri okuyamıyoruz. Excel'de \
                     'CSV UTF-8 (Virgülle ayrılmış)' olarak kaydedin ve yeniden gönderin.",
                pl: "Nie możemy odczytać znaków w tym pliku. Proszę zapisać go w Excelu jako \
                     'CSV UTF-8 (rozdzielany przecinkami)' i wysłać ponownie.",
                uk: "Ми не можемо прочитати символи в цьому файлі. Збережіть його в Excel як \
                     'CSV UTF-8 (розділювач — кома)' і надішліть ще раз.",
            ),
        }])
    })?;
    let rows = read_pupil_csv(text).map_err(Error::ImportRejected)?;
    let summary = state
        .store
        .import_pupils(&school_id, &user.id, &rows, dry_run)
        .await?;
    // Counts only: the file is personal data.
    tracing::info!(
        school_id = %school_id,
        dry_run,
        rows = summary.rows,
        pupils_created = summary.pupils_created,
        pupils_updated = summary.pupils_updated,
        guardians_created = summary.guardians_created,
        "pupil import"
    );
    Ok(AppJson(summary))
}

/// `text/csv`, or what browsers send for a `.csv` file (Windows names it
/// after Excel).
fn is_csv(headers: &HeaderMap) -> bool {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    matches!(
        essence.as_deref(),
        Some("text/csv" | "application/csv" | "text/plain" | "application/vnd.ms-excel")
    )
}

/// `201` with a fresh code per guardian who has no password yet (all of the
/// school's, or those in `guardian_ids`); each replaces the guardian's
/// earlier code. Guardians who have activated get none.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/activation-codes",
    tag = "onboarding",
    params(("id" = String, Path, description = "The school")),
    request_body = NewActivationCodes,
    responses(
        (status = 201, description = "A fresh code for each guardian without a password yet, shown this once", body = Vec<ActivationCode>),
        (status = 403, description = "Staff of the school who are not its administrator", body = shared::ApiError),
    )
)]
async fn activation_codes_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(new): AppJson<NewActivationCodes>,
) -> Result<(StatusCode, AppJson<Vec<ActivationCode>>), Error> {
    require_admin(
        &state,
        &user,
        &school_id,
        words!(
            nl: "Alleen de beheerder van de school maakt activatiecodes.",
            en: "Only the school's administrator makes activation codes.",
            ar: "لا ينشئ رموز التفعيل إلا مسؤول المدرسة.",
            tr: "Etkinleştirme kodlarını yalnızca okulun yöneticisi oluşturur.",
            pl: "Kody aktywacyjne tworzy tylko administrator szkoły.",
            uk: "Коди активації створює лише адміністратор школи.",
        ),
    )
    .await?;
    let guardians = state.store.school_guardians(&school_id).await?;
    if let Some(ids) = &new.guardian_ids {
        let known = |id: &String| guardians.iter().any(|g| &g.user_id == id);
        if !ids.iter().all(known) {
            return Err(FieldError::new(
                "guardian_ids",
                words!(
                    nl: "Niet al deze mensen zijn ouder van een leerling van deze school.",
                    en: "Not all of these people are a parent of a pupil at this school.",
                    ar: "ليس كل هؤلاء الأشخاص آباء لتلاميذ في هذه المدرسة.",
                    tr: "Bu kişilerin hepsi bu okuldaki bir öğrencinin velisi değil.",
                    pl: "Nie wszystkie te osoby są rodzicami uczniów tej szkoły.",
                    uk: "Не всі ці люди є батьками учнів цієї школи.",
                ),
            )
            .into());
        }
    }
    let chosen = guardians.into_iter().filter(|g| {
        !g.activated
            && new
                .guardian_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&g.user_id))
    });
    let codes = issue_codes(
        &state,
        &school_id,
        &user.id,
        chosen.map(Recipient::from).collect(),
    )
    .await?;
    tracing::info!(school_id = %school_id, count = codes.len(), "activation codes made");
    Ok((StatusCode::CREATED, AppJson(codes)))
}

/// Whom a code is for.
struct Recipient {
    user_id: String,
    name: String,
    email: String,
    children: Vec<ImportedChild>,
}

impl From<SchoolGuardian> for Recipient {
    fn from(g: SchoolGuardian) -> Self {
        Self {
            user_id: g.user_id,
            name: g.name,
            email: g.email,
            children: g.children,
        }
    }
}

/// Makes and stores a code for each person; returns them readable, once.
async fn issue_codes(
    state: &AppState,
    school_id: &str,
    by_user: &str,
    people: Vec<Recipient>,
) -> Result<Vec<ActivationCode>, Error> {
    let now = Utc::now();
    let expires_at = now + Duration::days(ACTIVATION_DAYS);
    let codes: Vec<String> = people.iter().map(|_| auth::new_activation_code()).collect();
    let hashes: Vec<(&str, String)> = people
        .iter()
        .zip(&codes)
        .map(|(person, code)| (person.user_id.as_str(), auth::token_hash(code)))
        .collect();
    state
        .store
        .save_activation_codes(school_id, by_user, &hashes, now, expires_at)
        .await?;
    Ok(people
        .into_iter()
        .zip(codes)
        .map(|(person, code)| ActivationCode {
            user_id: person.user_id,
            name: person.name,
            email: person.email,
            code: format_code(&code),
            expires_at,
            children: person.children,
        })
        .collect())
}

/// Sets the first password with a code from the school, and logs in:
/// `200 Me` with the session cookie. A code that does not work (unknown,
/// expired or used) gets one answer, naming `code`.
///
/// Against guessing codes (about 49 bits, working for 30 days at most):
/// wrong codes are limited per network address (`auth::limit`), `429`
/// with the minutes to wait. Mistakes in the form are not counted.
#[utoipa::path(
    post,
    path = "/api/activation",
    tag = "session",
    request_body = Activation,
    responses(
        (status = 200, description = "The password is set and you are logged in, with the session cookie", body = shared::Me, headers(("Set-Cookie" = String, description = "The `vw_session` cookie"))),
        (status = 429, description = "Too many wrong codes from this network address: try again in the minutes the message gives (`Retry-After`)", body = shared::ApiError),
    )
)]
async fn activation_create(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    AppJson(activation): AppJson<Activation>,
) -> Result<impl IntoResponse, Error> {
    activation.validate()?;
    let now = Utc::now();
    let subjects = limit::activation_subjects(address);
    limit::refuse_if_locked(&state.store, &subjects, now).await?;
    let refused = || Error::from(FieldError::new("code", code_refused()));
    let code = normalize_code(&activation.code).ok_or_else(refused)?;
    let code_hash = auth::token_hash(&code);
    let Some(owner) = state.store.activation_code_owner(&code_hash, now).await? else {
        return Err(limit::failed(&state.store, &subjects, now, refused()).await);
    };
    if let Some(problem) =
        check_password_for(&activation.password, &owner.email, owner.school.as_deref())
    {
        return Err(problem.into());
    }
    let password_hash = auth::hash_password(activation.password).await?;
    let activated = state
        .store
        .activate_account(&code_hash, &owner.user_id, &password_hash, now)
        .await?;
    if !activated {
        return Err(refused());
    }
    // A new password ends every earlier session of the account.
    state.store.delete_user_sessions(&owner.user_id).await?;
    // Not in a school's audit log: a code can come from several schools.
    start_session(&state, &headers, &owner.user_id).await
}

/// The school's staff, by name.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/staff",
    tag = "onboarding",
    params(("id" = String, Path, description = "The school")),
    responses(
        (status = 200, description = "The school's staff, by name", body = Vec<StaffMember>),
        (status = 403, description = "Staff of the school who are not its administrator", body = shared::ApiError),
    )
)]
async fn staff_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
) -> Result<AppJson<Vec<StaffMember>>, Error> {
    require_admin(
        &state,
        &user,
        &school_id,
        words!(
            nl: "Alleen de beheerder van de school ziet wie er werken.",
            en: "Only the school's administrator sees who works there.",
            ar: "لا يرى من يعمل في المدرسة إلا مسؤولها.",
            tr: "Okulda kimin çalıştığını yalnızca okulun yöneticisi görür.",
            pl: "Tylko administrator szkoły widzi, kto w niej pracuje.",
            uk: "Лише адміністратор школи бачить, хто там працює.",
        ),
    )
    .await?;
    Ok(AppJson(state.store.school_staff(&school_id).await?))
}

/// `201` with the member and, when they have no password yet, a code to
/// activate their account (shown once). Someone with an account already
/// gets the roles added; their password stays theirs.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/staff",
    tag = "onboarding",
    params(("id" = String, Path, description = "The school")),
    request_body = NewStaffMember,
    responses(
        (status = 201, description = "The member, with an activation code when the account has no password yet", body = StaffAccount),
        (status = 403, description = "Staff of the school who are not its administrator", body = shared::ApiError),
    )
)]
async fn staff_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(new): AppJson<NewStaffMember>,
) -> Result<(StatusCode, AppJson<StaffAccount>), Error> {
    require_admin(
        &state,
        &user,
        &school_id,
        words!(
            nl: "Alleen de beheerder van de school voegt medewerkers toe.",
            en: "Only the school's administrator adds staff.",
            ar: "لا يضيف الموظفين إلا مسؤول المدرسة.",
            tr: "Çalışanları yalnızca okulun yöneticisi ekler.",
            pl: "Pracowników dodaje tylko administrator szkoły.",
            uk: "Працівників додає лише адміністратор школи.",
        ),
    )
    .await?;
    new.validate()?;
    check_groups(&state, &school_id, &new.groups).await?;
    let user_id = state
        .store
        .add_staff_member(&school_id, &user.id, &new)
        .await?;
    let member = state
        .store
        .staff_member(&school_id, &user_id)
        .await?
        .ok_or_else(|| Error::Internal("a staff member just added is gone".into()))?;
    let activation = if member.activated {
        None
    } else {
        let person = Recipient {
            user_id: member.user_id.clone(),
            name: member.name.clone(),
            email: member.email.clone(),
            children: Vec::new(),
        };
        issue_codes(&state, &school_id, &user.id, vec![person])
            .await?
            .pop()
    };
    Ok((
        StatusCode::CREATED,
        AppJson(StaffAccount { member, activation }),
    ))
}

/// `200` with the member's roles from now on; `404` for someone who does
/// not work at the school; `409` for an admin taking their own admin role.
#[utoipa::path(
    put,
    path = "/api/schools/{id}/staff/{user_id}",
    tag = "onboarding",
    params(("id" = String, Path, description = "The school"), ("user_id" = String, Path, description = "The staff member")),
    request_body = StaffRolesChange,
    responses(
        (status = 200, description = "The member's roles from now on", body = StaffMember),
        (status = 403, description = "Staff of the school who are not its administrator", body = shared::ApiError),
        (status = 409, description = "An administrator cannot take away their own administrator role", body = shared::ApiError),
    )
)]
async fn staff_update(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((school_id, member_id)): Path<(String, String)>,
    AppJson(change): AppJson<StaffRolesChange>,
) -> Result<AppJson<StaffMember>, Error> {
    require_admin(
        &state,
        &user,
        &school_id,
        words!(
            nl: "Alleen de beheerder van de school verandert rollen.",
            en: "Only the school's administrator changes roles.",
            ar: "لا يغيّر الأدوار إلا مسؤول المدرسة.",
            tr: "Rolleri yalnızca okulun yöneticisi değiştirir.",
            pl: "Role zmienia tylko administrator szkoły.",
            uk: "Ролі змінює лише адміністратор школи.",
        ),
    )
    .await?;
    change.validate()?;
    if member_id == user.id && !change.roles.contains(&StaffRoleKind::SchoolAdmin) {
        return Err(Error::Conflict(words!(
            nl: "U kunt uw eigen rol als beheerder niet weghalen. Vraag een andere beheerder om dat te doen.",
            en: "You cannot remove your own administrator role. Ask another administrator to do that.",
            ar: "لا يمكنك إزالة دورك كمسؤول بنفسك. اطلب ذلك من مسؤول آخر.",
            tr: "Kendi yönetici rolünüzü kaldıramazsınız. Bunu başka bir yöneticiden isteyin.",
            pl: "Nie można usunąć własnej roli administratora. Proszę poprosić o to innego administratora.",
            uk: "Ви не можете прибрати власну роль адміністратора. Попросіть про це іншого адміністратора.",
        )));
    }
    if let Some(groups) = &change.groups {
        check_groups(&state, &school_id, groups).await?;
    }
    let before = state
        .store
        .staff_member(&school_id, &member_id)
        .await?
        .ok_or(Error::NotFound)?;
    let changed = state
        .store
        .set_staff_roles(
            &school_id,
            &user.id,
            &member_id,
            &change.roles,
            change.groups.as_deref(),
        )
        .await?;
    if !changed {
        return Err(Error::NotFound);
    }
    let after = state.store.staff_member(&school_id, &member_id).await?;
    // No roles left: they no longer work here (and are no longer listed).
    Ok(AppJson(after.unwrap_or(StaffMember {
        roles: Vec::new(),
        ..before
    })))
}

/// Every id is one of the school's groups: else `422` naming `groups`.
async fn check_groups(state: &AppState, school_id: &str, groups: &[String]) -> Result<(), Error> {
    let known = state.store.school_groups(school_id).await?;
    if groups.iter().all(|id| known.iter().any(|g| &g.id == id)) {
        Ok(())
    } else {
        Err(FieldError::new(
            "groups",
            words!(
                nl: "Kies groepen of klassen van deze school.",
                en: "Please choose groups or classes of this school.",
                ar: "اختر مجموعات أو صفوفًا من هذه المدرسة.",
                tr: "Bu okulun gruplarını veya sınıflarını seçin.",
                pl: "Proszę wybrać grupy lub klasy tej szkoły.",
                uk: "Виберіть групи або класи цієї школи.",
            ),
        )
        .into())
    }
}

/// The caller is a school admin of this school: else `403` for its other
/// staff, `404` for anyone else.
async fn require_admin(
    state: &AppState,
    user: &CurrentUser,
    school_id: &str,
    message: Words,
) -> Result<(), Error> {
    let standing = Standing {
        guardian: false,
        roles: state.store.staff_roles_at(&user.id, school_id).await?,
    };
    standing.require(
        standing.has_role(|role| role == StaffRoleKind::SchoolAdmin),
        message,
    )
}
