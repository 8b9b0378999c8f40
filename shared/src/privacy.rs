//! `GET /api/me/export`: a person's copy of everything Verzuimwijzer holds
//! about them and their children (the right of access, AVG article 15).
//!
//! The records inside are the API's own types (reports, leave requests,
//! conversations, ...), so a field means here what it means everywhere else
//! (docs/API.md). Other people appear by name and role only: never their
//! e-mail address or account.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Words;
use crate::words;
use crate::{
    AbsenceReport, AuditAction, Conversation, Language, LateArrival, LeaveRequest, StaffRole,
    UnexplainedAbsence,
};

/// The whole download.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyData {
    /// What this file is, in the person's language.
    pub about: String,
    /// When the file was made.
    pub exported_at: DateTime<Utc>,
    pub account: AccountData,
    /// Log-ins that have not ended yet (never the token itself).
    pub sessions: Vec<SessionData>,
    /// Roles at a school (staff only).
    pub staff_roles: Vec<StaffRole>,
    /// The children they are a guardian of, each with all of its records.
    pub children: Vec<ChildData>,
    /// E-mails the app sent (or is sending) to their address.
    pub mails: Vec<MailData>,
    /// Lines of the schools' audit logs about them, their children's records
    /// or what they did.
    pub audit_log: Vec<AuditData>,
}

/// The account itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountData {
    pub name: String,
    pub email: String,
    /// The language the app and e-mails speak to them.
    pub language: Language,
    /// When the account was made; `None` for accounts older than this
    /// field.
    pub created_at: Option<DateTime<Utc>>,
    /// Whether they have set a password (activated their account).
    pub activated: bool,
}

/// One log-in session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionData {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A child and every record about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildData {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub school_name: String,
    pub group_name: String,
    /// The pupil number the school's administration gave, if any.
    pub pupil_number: Option<String>,
    /// When the child left the school; `None`: still there.
    pub left_on: Option<NaiveDate>,
    /// How many whole years after leaving the school keeps this data.
    pub retention_years: u32,
    /// Every absence report, withdrawn ones too.
    pub reports: Vec<ReportData>,
    pub leave_requests: Vec<LeaveRequest>,
    /// The conversations this guardian sees (shared, or asked for by them).
    /// A school's note they may not see is left out.
    pub conversations: Vec<Conversation>,
    /// Absences the school noted without a report, with the parents'
    /// explanations and the school's judgement.
    pub unexplained_absences: Vec<UnexplainedAbsence>,
    pub late_arrivals: Vec<LateArrival>,
}

/// An absence report, with when it was withdrawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportData {
    #[serde(flatten)]
    pub report: AbsenceReport,
    /// `None`: not withdrawn.
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// An e-mail to them: what about and when, not its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailData {
    pub subject: String,
    pub created_at: DateTime<Utc>,
    /// `None`: not delivered (yet).
    pub sent_at: Option<DateTime<Utc>>,
}

/// One line of a school's audit log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditData {
    pub at: DateTime<Utc>,
    pub school_name: String,
    pub action: AuditAction,
    /// `report`, `leave_request`, `conversation`, `user`, ...
    pub subject_type: String,
    pub subject_id: String,
    pub detail: Option<String>,
    /// Whether they did it themselves. Who else did it is not named: the
    /// school answers for its staff's work, not each staff member.
    pub by_me: bool,
}

/// The `about` text: what the file is and how long the school keeps it.
pub fn about_my_data() -> Words {
    words!(
        nl: "Dit bestand bevat alle gegevens die Verzuimwijzer over u en uw kinderen heeft. \
             U mag deze gegevens altijd inzien. Klopt er iets niet? Vraag de school om het te \
             verbeteren. De school bewaart de gegevens van een kind tot een aantal jaar nadat het \
             van school is gegaan (meestal 5 jaar). Daarna worden ze vanzelf gewist.",
        en: "This file holds all the data Verzuimwijzer has about you and your children. \
             You may always see this data. Is something wrong? Ask the school to correct it. \
             The school keeps a child's data until some years after the child left the school \
             (usually 5 years). After that, it is deleted automatically.",
        ar: "يحتوي هذا الملف على كل البيانات التي يحفظها Verzuimwijzer عنك وعن أطفالك. \
             يحق لك دائمًا الاطلاع على هذه البيانات. هل هناك خطأ؟ اطلب من المدرسة تصحيحه. \
             تحتفظ المدرسة ببيانات الطفل لعدة سنوات بعد مغادرته المدرسة (عادةً 5 سنوات). \
             بعد ذلك تُحذف تلقائيًا.",
        tr: "Bu dosya, Verzuimwijzer'in sizin ve çocuklarınız hakkında sakladığı tüm bilgileri \
             içerir. Bu bilgileri her zaman görebilirsiniz. Yanlış bir şey mi var? Okuldan \
             düzeltmesini isteyin. Okul, bir çocuğun bilgilerini çocuk okuldan ayrıldıktan sonra \
             birkaç yıl (genellikle 5 yıl) saklar. Sonra bilgiler kendiliğinden silinir.",
        pl: "Ten plik zawiera wszystkie dane, które Verzuimwijzer ma o Państwu i Państwa \
             dzieciach. Zawsze mogą Państwo zobaczyć te dane. Coś się nie zgadza? Proszę \
             poprosić szkołę o poprawienie. Szkoła przechowuje dane dziecka przez kilka lat po \
             jego odejściu ze szkoły (zwykle 5 lat). Potem są automatycznie usuwane.",
        uk: "Цей файл містить усі дані, які Verzuimwijzer має про вас і ваших дітей. \
             Ви завжди можете переглянути ці дані. Щось не так? Попросіть школу виправити. \
             Школа зберігає дані дитини кілька років після того, як дитина покинула школу \
             (зазвичай 5 років). Після цього вони видаляються автоматично.",
    )
}

/// The file name of a download made on `day`:
/// `verzuimwijzer-gegevens-2026-12-03.json`.
pub fn export_file_name(day: NaiveDate) -> String {
    format!("verzuimwijzer-gegevens-{}.json", day.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(
            export_file_name(day),
            "verzuimwijzer-gegevens-2026-12-03.json"
        );
    }

    #[test]
    fn the_about_text_is_in_every_language() {
        for language in Language::ALL {
            assert!(about_my_data().get(language).contains("Verzuimwijzer"));
        }
    }
}
