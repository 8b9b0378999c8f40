//! The one error body every API failure is answered with.

use serde::{Deserialize, Serialize};

/// What kind of failure: stable, for code to act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A field is missing or wrong; `field` names it. HTTP 422.
    InvalidInput,
    /// The body is not the JSON we expect. HTTP 400.
    BadRequest,
    /// Not logged in, or the session has ended. HTTP 401.
    Unauthenticated,
    /// The e-mail and password do not match an account. HTTP 401.
    WrongCredentials,
    /// Logged in, but this is not yours to see or change. HTTP 403.
    Forbidden,
    /// Nothing at this address. HTTP 404.
    NotFound,
    /// Clashes with what is already stored. HTTP 409.
    Conflict,
    /// Our fault; the details are in the server log. HTTP 500.
    Internal,
}

/// The JSON body of every 4xx and 5xx answer.
///
/// `message` is plain Dutch, ready to show to a parent; `field` names the
/// input it is about (as in the request body, e.g. `first_day`), if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: e.message,
            field: Some(e.field.to_string()),
        }
    }
}

/// One problem with one input field, found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request body.
    pub field: &'static str,
    /// What is wrong and what to do, in plain Dutch.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
