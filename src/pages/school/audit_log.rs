//! `/school/logboek`: every change at the desk, newest first, for the
//! school admin: who, when, what, and to what. Never a name of a child, a
//! reason or a note: the server leaves those out.

use leptos::prelude::*;
use shared::{AuditEntry, DeskAction};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    school_page(
        t_string!(i18n, admin.audit.title),
        DeskAction::ReadAuditLog,
        |school| view! { <AuditLog school /> }.into_any(),
    )
}

#[component]
fn AuditLog(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let entries = LocalResource::new(move || {
        let id = school.id.clone();
        async move { api::audit_log(&id).await }
    });
    view! {
        <p>{t!(i18n, admin.audit.intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) if entries.is_empty() => {
                        view! { <p>{t!(i18n, admin.audit.empty)}</p> }.into_any()
                    }
                    Ok(entries) => view! {
                        <ol class="report-list" aria-label=move || t_string!(i18n, admin.audit.list_label)>
                            {entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One change. The action's name comes from `action` in the chosen
/// language; the server's `action_label` is Dutch, for its exports.
#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let (on, at) = dates::moment(entry.at, dates::today());
    let action = entry.action;
    let by = entry.by;
    let subject_type = entry.subject_type;
    let id = short_id(&entry.subject_id).to_owned();
    let detail = entry.detail;
    view! {
        <li class="card">
            <p class="report-list__kind">{move || labels::audit_action(action)}</p>
            <p>{t!(i18n, admin.audit.by, by = by.clone(), day = on.clone(), time = at.clone())}</p>
            <p class="card__meta">
                {t!(i18n, admin.audit.about, subject = move || subject(&subject_type), id = id.clone())}
                {detail.map(|detail| move || format!(" · {}", detail_label(&detail)))}
            </p>
        </li>
    }
}

/// What the change was about, in the chosen language where we know it.
fn subject(subject_type: &str) -> String {
    let i18n = use_i18n();
    match subject_type {
        "report" => t_string!(i18n, admin.audit.subject.report).to_owned(),
        "unexplained_absence" => {
            t_string!(i18n, admin.audit.subject.unexplained_absence).to_owned()
        }
        "late_arrival" => t_string!(i18n, admin.audit.subject.late_arrival).to_owned(),
        other => other.to_owned(),
    }
}

/// The short fact in plain words, where we know it.
fn detail_label(detail: &str) -> String {
    let i18n = use_i18n();
    match detail {
        "authorised" => t_string!(i18n, admin.audit.detail.authorised).to_owned(),
        "unauthorised" => t_string!(i18n, admin.audit.detail.unauthorised).to_owned(),
        other => other.to_owned(),
    }
}

/// The first characters of an id: enough to tell lines apart.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
