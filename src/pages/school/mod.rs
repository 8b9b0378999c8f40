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

use shared::ConversationStatus;

use crate::api;
use crate::app::{set_title, Auth, School};
use crate::i18n::{t, t_string, use_i18n};

/// What a parent sees on a school page: it is not for them.
#[component]
pub fn StaffOnly() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice">{t!(i18n, school.staff_only)}</p>
        <p>
            <A href="/">{t!(i18n, school.to_start)}</A>
        </p>
    }
}

/// The tab's title, following the language.
pub fn follow_title(title: Signal<String>) {
    Effect::new(move |_| set_title(&title.get()));
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
/// allow `action`, why not. `title` may be a translated signal.
pub fn school_page(
    title: impl Into<Signal<String>>,
    action: DeskAction,
    content: fn(School) -> AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = title.into();
    follow_title(title);
    let staff = !expect_context::<Auth>().schools().is_empty();
    let school = chosen_school(move |s| s.may(action));
    view! {
        <h1>{move || title.get()}</h1>
        {move || match school.get() {
            Some(school) => view! {
                <p class="lead">{school.name.clone()}</p>
                {content(school)}
            }
            .into_any(),
            None if staff => view! {
                <p class="notice">{move || refusal(action)}</p>
                <p><A href="/">{t!(i18n, school.to_start)}</A></p>
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

/// Why someone's role does not allow `action` (a `403`), in the chosen
/// language.
fn refusal(action: DeskAction) -> &'static str {
    let i18n = use_i18n();
    match action {
        DeskAction::SeeDesk => t_string!(i18n, school.refusal.see_desk),
        DeskAction::Acknowledge => t_string!(i18n, school.refusal.acknowledge),
        DeskAction::Register => t_string!(i18n, school.refusal.register),
        DeskAction::Judge => t_string!(i18n, school.refusal.judge),
        DeskAction::SeeSignals => t_string!(i18n, school.refusal.see_signals),
        DeskAction::ReadAuditLog => t_string!(i18n, school.refusal.read_audit_log),
        DeskAction::ChangeSettings => t_string!(i18n, school.refusal.change_settings),
        DeskAction::Export => t_string!(i18n, school.refusal.export),
        DeskAction::ManageSchool => t_string!(i18n, school.refusal.manage_school),
        DeskAction::DecideLeave => t_string!(i18n, school.refusal.decide_leave),
    }
}

/// Where a conversation stands, for the school: "Stel tijden voor".
pub fn conversation_status(status: ConversationStatus) -> &'static str {
    let i18n = use_i18n();
    match status {
        ConversationStatus::Requested => t_string!(i18n, school.conversation_status.requested),
        ConversationStatus::Proposed => t_string!(i18n, school.conversation_status.proposed),
        ConversationStatus::Agreed => t_string!(i18n, school.conversation_status.agreed),
        ConversationStatus::Done => t_string!(i18n, school.conversation_status.done),
        ConversationStatus::Cancelled => t_string!(i18n, school.conversation_status.cancelled),
    }
}

/// What the school does next, in a sentence or two.
pub fn conversation_explanation(status: ConversationStatus) -> &'static str {
    let i18n = use_i18n();
    match status {
        ConversationStatus::Requested => {
            t_string!(i18n, school.conversation_explanation.requested)
        }
        ConversationStatus::Proposed => t_string!(i18n, school.conversation_explanation.proposed),
        ConversationStatus::Agreed => t_string!(i18n, school.conversation_explanation.agreed),
        ConversationStatus::Done => t_string!(i18n, school.conversation_explanation.done),
        ConversationStatus::Cancelled => {
            t_string!(i18n, school.conversation_explanation.cancelled)
        }
    }
}
