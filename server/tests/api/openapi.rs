//! `GET /api/openapi.json`: an OpenAPI 3.1 description of every route the
//! router has, public, with every error answer in the `ApiError` shape.
//! (`scripts/fuzz` tests the server against it.)

use std::collections::BTreeSet;

use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use utoipa::openapi::{OpenApi, OpenApiVersion};

use crate::helpers::spawn_app;

/// Operations that need no session.
const PUBLIC: &[&str] = &[
    "GET /api/health",
    "GET /api/live",
    "POST /api/session",
    "DELETE /api/session",
    "POST /api/activation",
];

/// Every `METHOD /api/path` the router has, read from the `.route(...)`
/// calls in `server/src/api/*.rs` (so a new route without a description
/// fails here), except the description itself.
fn routes_in_the_code() -> BTreeSet<String> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
    let mut routes = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for call in source.split(".route(").skip(1) {
            let path = call.split('"').nth(1).unwrap();
            // The methods up to the `)` that closes `.route(`.
            let mut depth = 1;
            let end = call
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(call.len(), |(i, _)| i);
            for method in ["get", "post", "put", "delete", "patch"] {
                let called = call[..end]
                    .match_indices(&format!("{method}("))
                    .any(|(i, _)| !call[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                if called {
                    routes.insert(format!("{} /api{path}", method.to_uppercase()));
                }
            }
        }
    }
    routes.remove("GET /api/openapi.json");
    routes
}

/// The `METHOD /api/path` of every operation in the description.
fn described(doc: &Value) -> BTreeSet<String> {
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                operations.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    operations
}

async fn fetch_description(app: &crate::helpers::TestApp) -> (String, Value) {
    // No session: the description is public.
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let text = res.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap();
    (text, json)
}

#[tokio::test]
async fn the_description_is_openapi_3_1_with_every_route_of_the_router() {
    let app = spawn_app().await;
    let (text, doc) = fetch_description(&app).await;

    // It reads as an OpenAPI document (utoipa's own types).
    let parsed: OpenApi = serde_json::from_str(&text).expect("an OpenAPI document");
    assert!(parsed.openapi == OpenApiVersion::Version31);
    assert_eq!(parsed.info.title, "Verzuimwijzer API");

    let in_code = routes_in_the_code();
    assert!(in_code.len() >= 50, "found only {} routes", in_code.len());
    let described = described(&doc);
    let undescribed: Vec<_> = in_code.difference(&described).collect();
    let unknown: Vec<_> = described.difference(&in_code).collect();
    assert!(
        undescribed.is_empty(),
        "routes without a #[utoipa::path] in api/openapi.rs: {undescribed:?}"
    );
    assert!(unknown.is_empty(), "described but not routed: {unknown:?}");

    // And the router really has each of them: without a session, they
    // answer anything but the `404` or `405` of a path or method it does
    // not have (`401` before looking at an id).
    for operation in &described {
        let (method, path) = operation.split_once(' ').unwrap();
        let path = path.replace("{id}", "x").replace("{user_id}", "y");
        let res = app
            .client
            .request(
                Method::from_bytes(method.as_bytes()).unwrap(),
                app.url(&path),
            )
            .send()
            .await
            .unwrap();
        assert!(
            ![StatusCode::NOT_FOUND, StatusCode::METHOD_NOT_ALLOWED].contains(&res.status()),
            "{operation}: {}",
            res.status()
        );
    }
}

#[tokio::test]
async fn every_operation_says_its_session_parameters_and_error_answers() {
    let app = spawn_app().await;
    let (_, doc) = fetch_description(&app).await;

    let scheme = &doc["components"]["securitySchemes"]["session"];
    assert_eq!(scheme["type"], "apiKey");
    assert_eq!(scheme["in"], "cookie");
    assert_eq!(scheme["name"], "vw_session");
    let error = &doc["components"]["schemas"]["ApiError"];
    let required: Vec<_> = error["required"].as_array().unwrap().iter().collect();
    assert_eq!(required, ["code", "message"]);

    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{} {path}", method.to_uppercase());
            let secured = operation["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("session").is_some()));
            assert_eq!(secured, !PUBLIC.contains(&name.as_str()), "{name}: session");
            let parameters = operation["parameters"].as_array().unwrap();
            for id in ["id", "user_id"] {
                if path.contains(&format!("{{{id}}}")) {
                    assert!(
                        parameters
                            .iter()
                            .any(|p| p["name"] == id && p["in"] == "path" && p["required"] == true),
                        "{name}: path parameter {id}"
                    );
                }
            }
            let responses = operation["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|status| status.starts_with('2')),
                "{name}: no success answer"
            );
            let mut errors: Vec<&str> = vec!["500", "503"];
            if secured {
                errors.push("401");
            }
            if path.contains('{') {
                errors.push("404");
            }
            if operation.get("requestBody").is_some() {
                errors.extend(["400", "415", "422"]);
            }
            for status in errors {
                assert!(responses.contains_key(status), "{name}: no {status}");
            }
            // Every error answer is an `ApiError` (or, for an import, an
            // `ImportRejection`, which has the same fields and more).
            for (status, response) in responses {
                if status.as_str() < "400" {
                    continue;
                }
                let schema = match response.get("$ref") {
                    Some(reference) => {
                        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
                        &doc["components"]["responses"][name]["content"]["application/json"]
                            ["schema"]
                    }
                    None => &response["content"]["application/json"]["schema"],
                };
                let text = schema.to_string();
                assert!(
                    text.contains("#/components/schemas/ApiError"),
                    "{name} {status}: {text}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_ids_in_the_query_and_the_path_are_described() {
    let app = spawn_app().await;
    let (_, doc) = fetch_description(&app).await;

    let parameters = |path: &str, method: &str| -> Vec<String> {
        doc["paths"][path][method]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["in"].as_str().unwrap(),
                    p["name"].as_str().unwrap()
                )
            })
            .collect()
    };
    let desk = parameters("/api/schools/{id}/reports", "get");
    for expected in [
        "path id",
        "query from",
        "query to",
        "query group",
        "header Accept-Language",
    ] {
        assert!(desk.contains(&expected.to_owned()), "{desk:?}");
    }
    assert!(parameters("/api/schools/{id}/audit-log", "get").contains(&"query limit".into()));
    assert!(parameters("/api/schools/{id}/imports", "post").contains(&"query dry_run".into()));
    let staff = parameters("/api/schools/{id}/staff/{user_id}", "put");
    assert!(staff.contains(&"path user_id".into()), "{staff:?}");
}
