//! The one error type of the API: every handler returns `Result<_, Error>`,
//! and every failure reaches the client as a `shared::ApiError` body with
//! the status that belongs to its variant, its message in the request's
//! language ([`crate::locale`]). Internal errors are logged here (without
//! personal data) and answered with `internal` and no details.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use shared::account::try_again_in;
use shared::{
    words, ApiError, ErrorCode, FieldError, ImportProblem, ImportRejection, Language, Words,
};

use crate::store::Refusal;

/// When a busy server asks to be tried again: a peak's queue is gone in
/// seconds.
const BUSY_RETRY_AFTER_S: u64 = 2;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One input is wrong; 422 naming the field.
    #[error("invalid input in {}", .0.field)]
    Invalid(FieldError),
    /// A field of a JSON body is missing or has a value of the wrong type;
    /// 422 naming the field as the client sent it.
    #[error("invalid JSON field")]
    InvalidField { field: String, message: Words },
    /// The body is not the JSON we expect; 400. The message is for people.
    #[error("bad request")]
    BadRequest(Words),
    /// The body is not sent as the type we take; 415. The message names it.
    #[error("unsupported media type")]
    UnsupportedMediaType(Words),
    /// The body is larger than we take; 413 naming `field`.
    #[error("too large")]
    TooLarge { field: &'static str, message: Words },
    /// An import file with mistakes; 422 with the mistakes per row.
    #[error("import rejected")]
    ImportRejected(Vec<ImportProblem>),
    /// No valid session; 401.
    #[error("not logged in")]
    Unauthenticated,
    /// The e-mail and password do not match; 401.
    #[error("wrong credentials")]
    WrongCredentials,
    /// Too many failed log-ins or activation codes ([`crate::auth::limit`]);
    /// 429 with `Retry-After: seconds` and "try again in N minutes".
    #[error("too many attempts")]
    TooManyAttempts { seconds: u64 },
    /// Not yours; 403, naming the field that asked for it, if one did.
    #[error("forbidden")]
    Forbidden {
        field: Option<&'static str>,
        message: Words,
    },
    /// A change sent from another site (`crate::security`); 403.
    #[error("cross-site request")]
    CrossSite,
    /// Nothing here (or nothing we will admit to); 404.
    #[error("not found")]
    NotFound,
    /// Clashes with the state of what is stored; 409. The message says what
    /// the parent can do instead.
    #[error("conflict")]
    Conflict(Words),
    /// The path exists, but not with this method; 405.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Every database connection stayed in use while the request waited
    /// for one (the pool's acquire timeout): a peak, not a fault. 503 with
    /// `Retry-After`.
    #[error("busy")]
    Busy,
    /// The database failed.
    #[error("database: {0}")]
    Database(sqlx::Error),
    /// Anything else that is our fault; the text is for the log only.
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// The HTTP status of this failure.
    pub fn status_code(&self) -> StatusCode {
        match self {
            Self::Invalid(_) | Self::InvalidField { .. } | Self::ImportRejected(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Unauthenticated | Self::WrongCredentials => StatusCode::UNAUTHORIZED,
            Self::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Forbidden { .. } | Self::CrossSite => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A query string we cannot read; 400.
    pub fn bad_address() -> Self {
        Self::BadRequest(words!(
            nl: "Dit adres klopt niet.",
            en: "This address is not right.",
            ar: "هذا العنوان غير صحيح.",
            tr: "Bu adres doğru değil.",
            pl: "Ten adres jest niepoprawny.",
            uk: "Ця адреса неправильна.",
        ))
    }

    /// The body the client gets, in `language`.
    fn body(&self, language: Language) -> ApiError {
        let plain = |code, message: &Words| ApiError::new(code, message.get(language));
        let with_field = |error: ApiError, field: &str| ApiError {
            field: Some(field.to_owned()),
            ..error
        };
        match self {
            Self::Invalid(e) => e.to_api(language),
            Self::InvalidField { field, message } => {
                with_field(plain(ErrorCode::InvalidInput, message), field)
            }
            Self::BadRequest(message) => plain(ErrorCode::BadRequest, message),
            Self::UnsupportedMediaType(message) => plain(ErrorCode::BadRequest, message),
            Self::TooLarge { field, message } => {
                with_field(plain(ErrorCode::BadRequest, message), field)
            }
            Self::ImportRejected(problems) => {
                let rejection = ImportRejection::new(problems, language);
                ApiError {
                    field: rejection.field,
                    ..ApiError::new(rejection.code, rejection.message)
                }
            }
            Self::Unauthenticated => plain(
                ErrorCode::Unauthenticated,
                &words!(
                    nl: "U bent niet (meer) ingelogd. Log opnieuw in.",
                    en: "You are not logged in (anymore). Please log in again.",
                    ar: "أنت غير مسجّل الدخول (الآن). سجّل الدخول مرة أخرى.",
                    tr: "Giriş yapmadınız (veya oturumunuz bitti). Lütfen yeniden giriş yapın.",
                    pl: "Nie są Państwo (już) zalogowani. Proszę zalogować się ponownie.",
                    uk: "Ви не увійшли (або сеанс закінчився). Увійдіть знову.",
                ),
            ),
            Self::WrongCredentials => plain(
                ErrorCode::WrongCredentials,
                &words!(
                    nl: "Het e-mailadres of het wachtwoord klopt niet.",
                    en: "The email address or the password is not right.",
                    ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
                    tr: "E-posta adresi veya şifre doğru değil.",
                    pl: "Adres e-mail lub hasło są niepoprawne.",
                    uk: "Електронна адреса або пароль неправильні.",
                ),
            ),
            Self::TooManyAttempts { seconds } => {
                let minutes = u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX);
                plain(ErrorCode::TooManyAttempts, &try_again_in(minutes))
            }
            Self::Forbidden {
                field: Some(field),
                message,
            } => with_field(plain(ErrorCode::Forbidden, message), field),
            Self::Forbidden {
                field: None,
                message,
            } => plain(ErrorCode::Forbidden, message),
            Self::CrossSite => plain(
                ErrorCode::CrossSite,
                &words!(
                    nl: "Dit verzoek kwam niet uit de app. Open Verzuimwijzer zelf en probeer het daar opnieuw.",
                    en: "This request did not come from the app. Please open Verzuimwijzer itself and try again there.",
                    ar: "هذا الطلب لم يأتِ من التطبيق. افتح Verzuimwijzer نفسه وحاول مرة أخرى هناك.",
                    tr: "Bu istek uygulamadan gelmedi. Verzuimwijzer'i kendiniz açın ve orada yeniden deneyin.",
                    pl: "To zapytanie nie pochodzi z aplikacji. Proszę otworzyć samą aplikację Verzuimwijzer i spróbować tam ponownie.",
                    uk: "Цей запит надійшов не з застосунку. Відкрийте сам Verzuimwijzer і спробуйте там ще раз.",
                ),
            ),
            Self::NotFound => plain(
                ErrorCode::NotFound,
                &words!(
                    nl: "Dit hebben we niet gevonden.",
                    en: "We could not find this.",
                    ar: "لم نجد هذا.",
                    tr: "Bunu bulamadık.",
                    pl: "Nie znaleźliśmy tego.",
                    uk: "Ми цього не знайшли.",
                ),
            ),
            Self::Conflict(message) => plain(ErrorCode::Conflict, message),
            Self::MethodNotAllowed => plain(
                ErrorCode::BadRequest,
                &words!(
                    nl: "Dit kan hier niet.",
                    en: "This is not possible here.",
                    ar: "هذا غير ممكن هنا.",
                    tr: "Bu burada yapılamaz.",
                    pl: "Tutaj nie jest to możliwe.",
                    uk: "Тут це неможливо.",
                ),
            ),
            Self::Busy => plain(
                ErrorCode::Busy,
                &words!(
                    nl: "Het is nu heel druk. Probeer het over een paar seconden opnieuw.",
                    en: "It is very busy right now. Please try again in a few seconds.",
                    ar: "الضغط كبير جدًا الآن. حاول مرة أخرى بعد بضع ثوانٍ.",
                    tr: "Şu anda çok yoğun. Lütfen birkaç saniye sonra yeniden deneyin.",
                    pl: "Jest teraz bardzo duży ruch. Proszę spróbować ponownie za kilka sekund.",
                    uk: "Зараз дуже велике навантаження. Спробуйте ще раз за кілька секунд.",
                ),
            ),
            Self::Database(_) | Self::Internal(_) => plain(
                ErrorCode::Internal,
                &words!(
                    nl: "Er ging bij ons iets mis. Probeer het later opnieuw.",
                    en: "Something went wrong on our side. Please try again later.",
                    ar: "حدث خطأ من جهتنا. حاول مرة أخرى لاحقًا.",
                    tr: "Bizim tarafımızda bir sorun oldu. Lütfen daha sonra yeniden deneyin.",
                    pl: "Coś poszło nie tak po naszej stronie. Proszę spróbować później.",
                    uk: "У нас щось пішло не так. Спробуйте пізніше.",
                ),
            ),
        }
    }
}

/// A request that waited in vain for a database connection is told to
/// come back ([`Error::Busy`]); any other database error is ours.
impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut => Self::Busy,
            e => Self::Database(e),
        }
    }
}

/// A change to a report that was not made, for the parent.
impl From<Refusal> for Error {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotFound => Self::NotFound,
            Refusal::Acknowledged => Self::Conflict(words!(
                nl: "De school heeft deze melding al gezien. Wilt u iets veranderen? \
                     Neem dan contact op met de school.",
                en: "The school has already seen this report. Do you want to change something? \
                     Then please contact the school.",
                ar: "رأت المدرسة هذا البلاغ بالفعل. هل تريد تغيير شيء؟ \
                     تواصل مع المدرسة.",
                tr: "Okul bu bildirimi zaten gördü. Bir şeyi değiştirmek mi istiyorsunuz? \
                     O zaman okulla iletişime geçin.",
                pl: "Szkoła widziała już to zgłoszenie. Chcą Państwo coś zmienić? \
                     Proszę skontaktować się ze szkołą.",
                uk: "Школа вже бачила це повідомлення. Хочете щось змінити? \
                     Тоді зверніться до школи.",
            )),
            Refusal::NotOpenEndedIllness => Self::Conflict(words!(
                nl: "Deze melding heeft al een laatste dag. Beter melden kan alleen \
                     bij een ziekmelding zonder laatste dag.",
                en: "This report already has a last day. You can only report your child \
                     better for a sick report without a last day.",
                ar: "لهذا البلاغ يوم أخير بالفعل. يمكنك الإبلاغ عن التعافي فقط \
                     في بلاغ مرض بلا يوم أخير.",
                tr: "Bu bildirimin zaten bir son günü var. İyileşme bildirimi yalnızca \
                     son günü olmayan bir hastalık bildiriminde yapılabilir.",
                pl: "To zgłoszenie ma już ostatni dzień. Powrót do zdrowia można zgłosić \
                     tylko przy zgłoszeniu choroby bez ostatniego dnia.",
                uk: "Це повідомлення вже має останній день. Повідомити про одужання можна \
                     лише для повідомлення про хворобу без останнього дня.",
            )),
        }
    }
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Self::Invalid(e)
    }
}

/// A failed validation answers with its first problem (validation lists them
/// in the order of the form's fields).
impl From<Vec<FieldError>> for Error {
    fn from(errors: Vec<FieldError>) -> Self {
        match errors.into_iter().next() {
            Some(first) => Self::Invalid(first),
            None => Self::Internal("a validation failed without saying why".into()),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match &self {
            // sqlx errors carry SQL and driver messages, never bound values.
            Self::Database(e) => tracing::error!(error = %e, "database error"),
            Self::Internal(e) => tracing::error!(error = %e, "internal error"),
            Self::Busy => tracing::warn!("no database connection came free in time"),
            // Its body has the problems per row too.
            Self::ImportRejected(problems) => {
                let rejection = ImportRejection::new(problems, crate::locale::current());
                return (self.status_code(), Json(rejection)).into_response();
            }
            _ => {}
        }
        let body = self.body(crate::locale::current());
        let mut response = (self.status_code(), Json(body)).into_response();
        let retry_after = match self {
            Self::TooManyAttempts { seconds } => Some(seconds),
            Self::Busy => Some(BUSY_RETRY_AFTER_S),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The answer for any path under `/api` that does not exist.
pub async fn api_not_found() -> Error {
    Error::NotFound
}

/// The answer for an `/api` path asked with a method it does not take.
pub async fn api_method_not_allowed() -> Error {
    Error::MethodNotAllowed
}
