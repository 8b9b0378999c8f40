//! `AppJson`: axum's `Json`, but every way a body can be wrong is answered
//! in our error shape, naming the field when we can tell which one.
//!
//! Not JSON at all (or cut off) is `400 bad_request`; JSON with a missing
//! field or a value of the wrong type is `422 invalid_input` with `field`;
//! a body over the limit (`MAX_BODY_BYTES`, or its route's own) is `413`
//! with `field: "body"`, also when it comes in chunks without a length.
//! Every request body type is a [`Body`].

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use serde_json::Value;
use serde_path_to_error::Segment;
use shared::{
    words, AbsenceDetails, AbsenceExplanation, AbsenceJudgement, Acknowledgement, Activation,
    AskOtherTimes, CancelConversation, ChooseTime, ConversationOutcome, LanguageChoice,
    LeaveDecision, LoginRequest, NewAbsenceMark, NewAbsenceReport, NewActivationCodes,
    NewConversation, NewInvitation, NewLateArrival, NewLeaveRequest, NewStaffMember, ProposeTimes,
    ReportBetter, SettingsChange, StaffRolesChange, Words,
};

use crate::error::Error;

/// The largest JSON body we read (`app` sets it for all of `/api`): ten
/// times the largest form, far below what would strain the server. The
/// school's settings and the pupil import allow more on their own routes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A JSON request body (as an extractor) or response body.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<S, T> FromRequest<S> for AppJson<T>
where
    T: Body,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(Error::UnsupportedMediaType(words!(
                nl: "Stuur de gegevens als JSON (Content-Type: application/json).",
                en: "Please send the data as JSON (Content-Type: application/json).",
                ar: "أرسل البيانات بصيغة JSON (Content-Type: application/json).",
                tr: "Verileri JSON olarak gönderin (Content-Type: application/json).",
                pl: "Proszę wysłać dane jako JSON (Content-Type: application/json).",
                uk: "Надішліть дані у форматі JSON (Content-Type: application/json).",
            )));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            match rejection.status() {
                // Told by `Content-Length`, or found while reading.
                StatusCode::PAYLOAD_TOO_LARGE => too_large(),
                _ => Error::BadRequest(words!(
                    nl: "Het verzoek kon niet gelezen worden.",
                    en: "We could not read the request.",
                    ar: "لم نستطع قراءة الطلب.",
                    tr: "İstek okunamadı.",
                    pl: "Nie udało się odczytać zapytania.",
                    uk: "Не вдалося прочитати запит.",
                )),
            }
        })?;
        parse(&bytes).map(AppJson)
    }
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `application/json`, or any `+json` type.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// `413`: more than the route takes.
fn too_large() -> Error {
    Error::TooLarge {
        field: "body",
        message: words!(
            nl: "U stuurt te veel tekst in één keer. Maak de teksten korter en probeer het opnieuw.",
            en: "You are sending too much text at once. Please make the texts shorter and try again.",
            ar: "ترسل نصًا كثيرًا دفعة واحدة. اجعل النصوص أقصر وحاول مرة أخرى.",
            tr: "Bir kerede çok fazla metin gönderiyorsunuz. Metinleri kısaltın ve yeniden deneyin.",
            pl: "Wysyłają Państwo za dużo tekstu naraz. Proszę skrócić teksty i spróbować ponownie.",
            uk: "Ви надсилаєте забагато тексту за раз. Скоротіть тексти і спробуйте ще раз.",
        ),
    }
}

fn not_json() -> Words {
    words!(
        nl: "Het verzoek is geen geldige JSON.",
        en: "The request is not valid JSON.",
        ar: "الطلب ليس بصيغة JSON صحيحة.",
        tr: "İstek geçerli bir JSON değil.",
        pl: "Zapytanie nie jest poprawnym JSON-em.",
        uk: "Запит не є правильним JSON.",
    )
}

fn missing() -> Words {
    words!(
        nl: "Dit veld ontbreekt.",
        en: "This field is missing.",
        ar: "هذا الحقل غير موجود.",
        tr: "Bu alan eksik.",
        pl: "Brakuje tego pola.",
        uk: "Цього поля немає.",
    )
}

fn wrong() -> Words {
    words!(
        nl: "Dit veld heeft een verkeerde waarde.",
        en: "This field has a wrong value.",
        ar: "قيمة هذا الحقل غير صحيحة.",
        tr: "Bu alanın değeri yanlış.",
        pl: "To pole ma niepoprawną wartość.",
        uk: "Це поле має неправильне значення.",
    )
}

/// A JSON request body that [`AppJson`] reads.
///
/// serde reads a `#[serde(flatten)]` part after the rest of the body, from a
/// copy, and its errors no longer say which field was wrong. A body with
/// such a part names it here: when an error comes without a field, that part
/// is read again on its own (serde skips the other fields) to find it.
pub trait Body: DeserializeOwned {
    /// The flattened part; [`IgnoredAny`] for a body without one.
    type Flattened: DeserializeOwned;
}

impl Body for NewAbsenceReport {
    type Flattened = AbsenceDetails;
}

/// Bodies without a flattened part.
macro_rules! flat_bodies {
    ($($body:ty),+ $(,)?) => {
        $(impl Body for $body {
            type Flattened = IgnoredAny;
        })+
    };
}

flat_bodies!(
    LoginRequest,
    SettingsChange,
    LanguageChoice,
    // Also `shared::ReportChange`.
    AbsenceDetails,
    ReportBetter,
    NewLeaveRequest,
    LeaveDecision,
    NewConversation,
    NewInvitation,
    ProposeTimes,
    ChooseTime,
    AskOtherTimes,
    CancelConversation,
    ConversationOutcome,
    Acknowledgement,
    NewAbsenceMark,
    NewLateArrival,
    AbsenceExplanation,
    AbsenceJudgement,
    NewActivationCodes,
    Activation,
    NewStaffMember,
    StaffRolesChange,
);

/// Reads a body, telling which top-level field is at fault when one is.
pub fn parse<T: Body>(bytes: &[u8]) -> Result<T, Error> {
    let body = match read::<T>(bytes) {
        Err(Fault::Unplaced) => match read::<T::Flattened>(bytes) {
            Err(fault @ Fault::Field { .. }) => Err(fault.into()),
            _ => Err(Fault::Unplaced.into()),
        },
        result => result.map_err(Error::from),
    }?;
    match field_with_nul(bytes) {
        Some(field) => Err(Error::InvalidField {
            field,
            message: unreadable_character(),
        }),
        None => Ok(body),
    }
}

/// The top-level field of a JSON body that holds a NUL character (`\u0000`)
/// in a text: PostgreSQL cannot store such text, nor even look it up.
fn field_with_nul(bytes: &[u8]) -> Option<String> {
    // Only a body with the escape can hold one: most are not read twice.
    if !bytes.windows(6).any(|w| w == b"\\u0000") {
        return None;
    }
    fn holds_nul(value: &Value) -> bool {
        match value {
            Value::String(text) => text.contains('\0'),
            Value::Array(items) => items.iter().any(holds_nul),
            Value::Object(fields) => fields
                .iter()
                .any(|(name, value)| name.contains('\0') || holds_nul(value)),
            _ => false,
        }
    }
    let Ok(Value::Object(fields)) = serde_json::from_slice(bytes) else {
        return None;
    };
    let (name, _) = fields
        .iter()
        .find(|(name, value)| name.contains('\0') || holds_nul(value))?;
    // The name comes from the client: keep it short, and readable.
    Some(name.replace('\0', "").chars().take(64).collect())
}

fn unreadable_character() -> Words {
    words!(
        nl: "In dit veld staat een teken dat we niet kunnen lezen. Haal het weg en probeer het opnieuw.",
        en: "This field has a character we cannot read. Please remove it and try again.",
        ar: "يحتوي هذا الحقل على حرف لا نستطيع قراءته. احذفه وحاول مرة أخرى.",
        tr: "Bu alanda okuyamadığımız bir karakter var. Lütfen onu silip yeniden deneyin.",
        pl: "W tym polu jest znak, którego nie możemy odczytać. Proszę go usunąć i spróbować ponownie.",
        uk: "У цьому полі є символ, який ми не можемо прочитати. Видаліть його і спробуйте ще раз.",
    )
}

/// What one reading of a body found wrong.
enum Fault {
    /// Not JSON, or not the shape we expect.
    NotJson,
    /// This top-level field is missing or has a wrong value.
    Field { field: String, message: Words },
    /// Something is wrong, but serde did not say which field.
    Unplaced,
}

impl From<Fault> for Error {
    fn from(fault: Fault) -> Self {
        match fault {
            Fault::NotJson | Fault::Unplaced => Error::BadRequest(not_json()),
            Fault::Field { field, message } => Error::InvalidField { field, message },
        }
    }
}

fn read<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Fault> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let err = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => {
            // Nothing but white space may follow the value.
            return de.end().map(|()| value).map_err(|_| Fault::NotJson);
        }
        Err(err) => err,
    };
    let top_field = err.path().iter().find_map(|segment| match segment {
        Segment::Map { key } => Some(key.clone()),
        _ => None,
    });
    let inner = err.into_inner();
    if !inner.is_data() {
        return Err(Fault::NotJson);
    }
    let text = inner.to_string();
    let (field, message) = match (top_field, missing_field(&text)) {
        (Some(field), _) => (field, wrong()),
        (None, Some(name)) => (name.to_owned(), missing()),
        (None, None) => return Err(Fault::Unplaced),
    };
    // The name comes from the client: keep it short in the answer.
    let field: String = field.chars().take(64).collect();
    Err(Fault::Field { field, message })
}

/// The name in serde's "missing field `name`" message.
fn missing_field(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("missing field `")?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(body: &str) -> (u16, Option<String>) {
        fault_in::<NewAbsenceReport>(body)
    }

    fn fault_in<T: Body + std::fmt::Debug>(body: &str) -> (u16, Option<String>) {
        let err = parse::<T>(body.as_bytes()).unwrap_err();
        let status = err.status_code().as_u16();
        match err {
            Error::InvalidField { field, .. } => (status, Some(field)),
            _ => (status, None),
        }
    }

    #[test]
    fn broken_json_is_a_bad_request() {
        assert_eq!(fault("{\"pupil_ids\": ["), (400, None));
        assert_eq!(fault("nonsense"), (400, None));
        assert_eq!(fault("[]"), (400, None));
    }

    #[test]
    fn a_missing_or_wrong_field_is_named() {
        let key = "\"idempotency_key\":\"0123456789abcdef\"";
        assert_eq!(
            fault(&format!(
                "{{\"pupil_ids\":[\"a\"],\"first_day\":\"2026-11-24\",{key}}}"
            )),
            (422, Some("kind".into()))
        );
        assert_eq!(
            fault(&format!(
                "{{\"pupil_ids\":[\"a\"],\"kind\":\"flu\",\"first_day\":\"2026-11-24\",{key}}}"
            )),
            (422, Some("kind".into()))
        );
        assert_eq!(
            fault(&format!(
                "{{\"pupil_ids\":[1],\"kind\":\"ill\",\"first_day\":\"2026-11-24\",{key}}}"
            )),
            (422, Some("pupil_ids".into()))
        );
        assert_eq!(
            fault(&format!(
                "{{\"pupil_ids\":[\"a\"],\"kind\":\"ill\",\"first_day\":\"24-11-2026\",{key}}}"
            )),
            (422, Some("first_day".into()))
        );
    }

    #[test]
    fn a_wrong_value_in_a_flattened_part_is_named_too() {
        let key = "\"idempotency_key\":\"0123456789abcdef\"";
        assert_eq!(
            fault(&format!(
                "{{\"pupil_ids\":[\"a\"],\"kind\":\"ill\",\"first_day\":\"2026-11-24\",\
                 \"start_time\":\"25:00\",{key}}}"
            )),
            (422, Some("start_time".into()))
        );
        assert_eq!(
            fault_in::<AbsenceDetails>(r#"{"kind":"ill","first_day":"2026-11-24","note":5}"#),
            (422, Some("note".into()))
        );
        assert_eq!(
            fault_in::<ReportBetter>(r#"{"better_from":"morgen"}"#),
            (422, Some("better_from".into()))
        );
        assert_eq!(
            fault_in::<ReportBetter>("{}"),
            (422, Some("better_from".into()))
        );
    }

    #[test]
    fn a_nul_character_in_a_text_is_named() {
        assert_eq!(
            fault_in::<AbsenceDetails>(
                r#"{"kind":"other","first_day":"2026-11-24","note":"a\u0000b"}"#
            ),
            (422, Some("note".into()))
        );
        assert_eq!(
            fault(
                r#"{"pupil_ids":["a","\u0000"],"kind":"ill","first_day":"2026-11-24",
                    "idempotency_key":"0123456789abcdef"}"#
            ),
            (422, Some("pupil_ids".into()))
        );
        // An escaped backslash before "u0000" is no NUL.
        assert!(parse::<AbsenceDetails>(
            br#"{"kind":"other","first_day":"2026-11-24","note":"\\u0000"}"#
        )
        .is_ok());
    }

    #[test]
    fn trailing_text_after_the_json_is_refused() {
        let body = "{\"pupil_ids\":[\"a\"],\"kind\":\"ill\",\"first_day\":\"2026-11-24\",\
                    \"idempotency_key\":\"0123456789abcdef\"} x";
        assert_eq!(fault(body), (400, None));
    }
}
