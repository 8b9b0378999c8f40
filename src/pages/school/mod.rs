//! The school's side (staff): the desk (reports per group, marking absence
//! and lateness), the signals of the protocol, invitations, conversations,
//! the audit log, and the school admin's onboarding (reading in pupils,
//! activation codes, staff). Apart from the parents' pages, with the same
//! components.

pub mod activation_codes;
pub mod audit_log;
pub mod conversation;
pub mod conversations;
pub mod desk;
pub mod import;
pub mod invite;
pub mod leave;
pub mod parent_answers;
pub mod register;
pub mod settings;
pub mod signals;
pub mod staff;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::{ApiError, DeskAction, SchoolGroup};

use crate::api;
use crate::app::{set_title, Auth, School};

/// What a parent sees on a school page: it is not for them.
#[component]
pub fn StaffOnly() -> impl IntoView {
    view! {
        <p class="notice">"Deze pagina is voor medewerkers van een school."</p>
        <p>
            <A href="/">"Naar de startpagina"</A>
        </p>
    }
}

/// The school a staff page is about: `?school=<id>` among the schools
/// where `allowed` (their role there allows the page), else the first of
/// those.
fn chosen_school(allowed: impl Fn(&School) -> bool) -> Memo<Option<School>> {
    let schools: Vec<School> = expect_context::<Auth>()
        .schools()
        .into_iter()
        .filter(|s| allowed(s))
        .collect();
    let query = use_query_map();
    Memo::new(move |_| {
        let wanted = query.with(|q| q.get("school"));
        schools
            .iter()
            .find(|s| Some(&s.id) == wanted.as_ref())
            .or(schools.first())
            .cloned()
    })
}

/// A staff page: the heading, then `content` for the school chosen (see
/// `chosen_school`) under its name; for someone whose role does not
/// allow `action`, why not.
pub fn school_page(
    title: &'static str,
    action: DeskAction,
    content: fn(School) -> AnyView,
) -> impl IntoView {
    set_title(title);
    let staff = !expect_context::<Auth>().schools().is_empty();
    let school = chosen_school(move |s| s.may(action));
    view! {
        <h1>{title}</h1>
        {move || match school.get() {
            Some(school) => view! {
                <p class="lead">{school.name.clone()}</p>
                {content(school)}
            }
            .into_any(),
            None if staff => view! {
                <p class="notice">{action.refusal().get(crate::api::language()).to_owned()}</p>
                <p><A href="/">"Naar de startpagina"</A></p>
            }
            .into_any(),
            None => view! { <StaffOnly /> }.into_any(),
        }}
    }
}

/// The school's groups with their pupils, loaded once for a page.
pub fn groups_of(school_id: String) -> LocalResource<Result<Vec<SchoolGroup>, ApiError>> {
    LocalResource::new(move || {
        let id = school_id.clone();
        async move { api::school_groups(&id).await }
    })
}

/// The address of a staff page for `school`: "/school/meldingen?school=…".
pub fn school_href(page: &str, school: &School) -> String {
    format!("/school/{page}?school={}", school.id)
}
