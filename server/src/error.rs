//! The one error type of the API: every handler returns `Result<_, Error>`,
//! and every failure reaches the client as a `shared::ApiError` body with
//! the status that belongs to its variant. Internal errors are logged here
//! (without personal data) and answered with `internal` and no details.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use shared::{ApiError, ErrorCode, FieldError, ImportRejection};

use crate::store::Refusal;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One input is wrong; 422 naming the field.
    #[error("invalid input in {}", .0.field)]
    Invalid(FieldError),
    /// A field of a JSON body is missing or has a value of the wrong type;
    /// 422 naming the field as the client sent it.
    #[error("invalid JSON field")]
    InvalidField {
        field: String,
        message: &'static str,
    },
    /// The body is not the JSON we expect; 400. The message is for people.
    #[error("bad request")]
    BadRequest(&'static str),
    /// The body is not sent as the type we take; 415. The message names it.
    #[error("unsupported media type")]
    UnsupportedMediaType(&'static str),
    /// The body is larger than we take; 413 naming `field`.
    #[error("too large")]
    TooLarge {
        field: &'static str,
        message: &'static str,
    },
    /// An import file with mistakes; 422 with the mistakes per row.
    #[error("import rejected")]
    ImportRejected(ImportRejection),
    /// No valid session; 401.
    #[error("not logged in")]
    Unauthenticated,
    /// The e-mail and password do not match; 401.
    #[error("wrong credentials")]
    WrongCredentials,
    /// Not yours; 403, naming the field that asked for it, if one did.
    #[error("forbidden")]
    Forbidden {
        field: Option<&'static str>,
        message: &'static str,
    },
    /// Nothing here (or nothing we will admit to); 404.
    #[error("not found")]
    NotFound,
    /// Clashes with the state of what is stored; 409. The message says what
    /// the parent can do instead.
    #[error("conflict")]
    Conflict(&'static str),
    /// The path exists, but not with this method; 405.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
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
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body the client gets.
    fn body(&self) -> ApiError {
        let plain = |code, message: &str| ApiError::new(code, message);
        match self {
            Self::Invalid(e) => e.clone().into(),
            Self::InvalidField { field, message } => ApiError {
                field: Some(field.clone()),
                ..plain(ErrorCode::InvalidInput, message)
            },
            Self::BadRequest(message) => plain(ErrorCode::BadRequest, message),
            Self::UnsupportedMediaType(message) => plain(ErrorCode::BadRequest, message),
            Self::TooLarge { field, message } => ApiError {
                field: Some((*field).to_owned()),
                ..plain(ErrorCode::BadRequest, message)
            },
            Self::ImportRejected(rejection) => ApiError {
                field: rejection.field.clone(),
                ..plain(rejection.code, &rejection.message)
            },
            Self::Unauthenticated => plain(
                ErrorCode::Unauthenticated,
                "U bent niet (meer) ingelogd. Log opnieuw in.",
            ),
            Self::WrongCredentials => plain(
                ErrorCode::WrongCredentials,
                "Het e-mailadres of het wachtwoord klopt niet.",
            ),
            Self::Forbidden { field, message } => ApiError {
                field: field.map(str::to_owned),
                ..plain(ErrorCode::Forbidden, message)
            },
            Self::NotFound => plain(ErrorCode::NotFound, "Dit hebben we niet gevonden."),
            Self::Conflict(message) => plain(ErrorCode::Conflict, message),
            Self::MethodNotAllowed => plain(ErrorCode::BadRequest, "Dit kan hier niet."),
            Self::Database(_) | Self::Internal(_) => plain(
                ErrorCode::Internal,
                "Er ging bij ons iets mis. Probeer het later opnieuw.",
            ),
        }
    }
}

/// A change to a report that was not made, for the parent.
impl From<Refusal> for Error {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotFound => Self::NotFound,
            Refusal::Acknowledged => Self::Conflict(
                "De school heeft deze melding al gezien. Wilt u iets veranderen? \
                 Neem dan contact op met de school.",
            ),
            Refusal::NotOpenEndedIllness => Self::Conflict(
                "Deze melding heeft al een laatste dag. Beter melden kan alleen \
                 bij een ziekmelding zonder laatste dag.",
            ),
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
            // Its body has the problems per row too.
            Self::ImportRejected(rejection) => {
                return (self.status_code(), Json(rejection)).into_response();
            }
            _ => {}
        }
        (self.status_code(), Json(self.body())).into_response()
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
