//! `GET /api/openapi.json`: an OpenAPI 3.1 description of the whole API,
//! generated from the handlers' `#[utoipa::path]` annotations and the wire
//! types in `shared` (their schemas come with its `openapi` feature). No
//! session needed. `scripts/fuzz` tests the server against it.
//!
//! What every operation has in common is added here rather than on each
//! handler ([`Conventions`]): the session cookie, `Accept-Language`, and
//! the error answers that follow from an operation's shape (a path id can
//! be unknown, a body can be wrong, ...). A handler's annotation names only
//! its own answers (its `403` and `409`, say).

use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::AnyOfBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, OpenApi as Description, Ref, RefOr, Required, ResponseBuilder,
    Type,
};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::auth::SESSION_COOKIE;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(openapi_show))
}

/// The description as JSON; made once.
async fn openapi_show() -> impl IntoResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        description()
            .to_json()
            .expect("the OpenAPI description is plain data")
    });
    ([(header::CONTENT_TYPE, "application/json")], json.as_str())
}

/// The OpenAPI description of every route under `/api`.
pub fn description() -> Description {
    ApiDoc::openapi()
}

/// `GET /api/health`'s and `GET /api/live`'s answer.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Verzuimwijzer API",
        description = "Report a child's absence, see what happens next, and talk with the school. \
                       JSON in and out; every error is an `ApiError`. See docs/API.md."
    ),
    paths(
        super::health::health_show,
        super::health::live_show,
        super::session::session_create,
        super::session::session_delete,
        super::session::sessions_delete,
        super::me::me_show,
        super::me::me_language_update,
        super::export_me::me_export_show,
        super::children::children_list,
        super::children::children_reports_list,
        super::children::children_contacts_show,
        super::children::children_protocol_show,
        super::reports::reports_create,
        super::reports::reports_show,
        super::reports::reports_update,
        super::reports::reports_delete,
        super::reports::reports_better,
        super::leave_requests::leave_requests_create,
        super::leave_requests::leave_requests_show,
        super::leave_requests::leave_requests_delete,
        super::leave_requests::leave_requests_decide,
        super::leave_requests::children_leave_requests_list,
        super::leave_requests::schools_leave_requests_list,
        super::conversations::conversations_list,
        super::conversations::conversations_create,
        super::conversations::conversations_show,
        super::conversations::conversations_calendar,
        super::conversations::conversations_times,
        super::conversations::conversations_choose,
        super::conversations::conversations_other_times,
        super::conversations::conversations_cancel,
        super::conversations::conversations_outcome,
        super::conversations::schools_conversations_list,
        super::conversations::schools_conversations_invite,
        super::desk::schools_reports_list,
        super::desk::schools_groups_list,
        super::desk::schools_acknowledgements_create,
        super::desk::schools_late_arrivals_create,
        super::desk::schools_signals_list,
        super::desk::schools_audit_log_list,
        super::desk::schools_absences_export,
        super::absences::schools_absences_list,
        super::absences::schools_absences_create,
        super::absences::children_unexplained_absences_list,
        super::absences::unexplained_absences_explain,
        super::absences::unexplained_absences_judge,
        super::onboarding::imports_create,
        super::onboarding::activation_codes_create,
        super::onboarding::activation_create,
        super::onboarding::staff_list,
        super::onboarding::staff_create,
        super::onboarding::staff_update,
        super::settings::schools_settings_show,
        super::settings::schools_settings_update,
    ),
    components(schemas(shared::ApiError, shared::ErrorCode, shared::ImportRejection)),
    modifiers(&Conventions),
    tags(
        (name = "session", description = "Logging in and out, activating an account"),
        (name = "me", description = "The person logged in"),
        (name = "children", description = "A parent's children"),
        (name = "reports", description = "Absence reports by parents"),
        (name = "leave", description = "Leave requests"),
        (name = "conversations", description = "Conversations between parents and the school"),
        (name = "desk", description = "The school's attendance desk"),
        (name = "onboarding", description = "Pupil imports, activation codes and staff"),
        (name = "settings", description = "A school's protocol, calendar and contacts"),
        (name = "health", description = "Whether the server is up"),
    )
)]
struct ApiDoc;

/// Paths that need no session.
const PUBLIC: &[&str] = &[
    "/api/health",
    "/api/live",
    "/api/session",
    "/api/activation",
];

/// The name of the session cookie's security scheme.
const SESSION_SCHEME: &str = "session";

/// Adds what every operation has in common (see the module's comment).
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, openapi: &mut Description) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "The session, set by `POST /api/session` (HttpOnly, SameSite=Lax).",
            ))),
        );
        for (status, description) in ERRORS {
            components
                .responses
                .insert(response_name(status), error_response(description).into());
        }
        let mut paths = std::mem::take(&mut openapi.paths.paths);
        for (path, item) in &mut paths {
            let public = PUBLIC.contains(&path.as_str());
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                conventions(path, public, operation);
            }
        }
        let import = paths
            .get_mut("/api/schools/{id}/imports")
            .and_then(|item| item.post.as_mut());
        if let Some(import) = import {
            import
                .responses
                .responses
                .insert("422".into(), import_rejected().into());
        }
        openapi.paths.paths = paths;
    }
}

/// The error answers that follow from an operation's shape, by status,
/// with what they mean in general.
const ERRORS: [(u16, &str); 7] = [
    (400, "The request cannot be read: not JSON, or an address with a broken query (`bad_request`)."),
    (401, "Not logged in, or the session has ended (`unauthenticated`)."),
    (404, "Nothing here, or nothing we will admit to: someone else's child, or a school you do not work at (`not_found`)."),
    (415, "The body is not sent as the type we take (`bad_request`); the message names it."),
    (422, "A field is missing or wrong (`invalid_input`); `field` names it, as in the request."),
    (500, "Our fault; the details are in the server log (`internal`)."),
    (503, "Too busy for a moment: every database connection is in use (`busy`); try again after `Retry-After` seconds."),
];

fn response_name(status: u16) -> String {
    format!("Error{status}")
}

fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ApiError")))
                .build(),
        )
        .build()
}

/// An import's mistakes come per row (`ImportRejection`); a wrong
/// `dry_run` is a plain `ApiError`.
fn import_rejected() -> utoipa::openapi::Response {
    let either = AnyOfBuilder::new()
        .item(Ref::from_schema_name("ImportRejection"))
        .item(Ref::from_schema_name("ApiError"));
    ResponseBuilder::new()
        .description(
            "Mistakes in the file, every one per row, and nothing stored (`ImportRejection`); \
             or a wrong `dry_run` (`ApiError`).",
        )
        .content(
            "application/json",
            ContentBuilder::new().schema(Some(either)).build(),
        )
        .build()
}

/// The session, `Accept-Language`, and the error answers that follow from
/// the operation's shape, unless its annotation says otherwise.
fn conventions(path: &str, public: bool, operation: &mut Operation) {
    let mut errors = vec![500, 503];
    if !public {
        operation.security = Some(vec![SecurityRequirement::new(
            SESSION_SCHEME,
            Vec::<String>::new(),
        )]);
        errors.push(401);
    }
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    let has_query = parameters
        .iter()
        .any(|p| p.parameter_in == ParameterIn::Query);
    if path.contains('{') {
        errors.push(404);
    }
    if operation.request_body.is_some() {
        errors.extend([400, 415, 422]);
    }
    if has_query {
        errors.extend([400, 422]);
    }
    parameters.push(
        ParameterBuilder::new()
            .name("Accept-Language")
            .parameter_in(ParameterIn::Header)
            .required(Required::False)
            .description(Some(
                "The language of error messages: the first of nl, en, ar, tr, pl, uk \
                 (by q); Dutch otherwise.",
            ))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build(),
    );
    let responses = &mut operation.responses.responses;
    for status in errors {
        responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(response_name(status))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_answer_has_the_error_shape() {
        let json = serde_json::to_value(description()).unwrap();
        assert_eq!(json["openapi"], "3.1.0");
        let responses = json["components"]["responses"].as_object().unwrap();
        assert_eq!(responses.len(), ERRORS.len());
        for response in responses.values() {
            assert_eq!(
                response["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ApiError"
            );
        }
    }
}
