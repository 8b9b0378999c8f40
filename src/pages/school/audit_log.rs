//! `/school/logboek`: every change at the desk, newest first, for the
//! school admin: who, when, what, and to what. Never a name of a child, a
//! reason or a note: the server leaves those out.

use leptos::prelude::*;
use shared::{AuditEntry, DeskAction};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dutch;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    school_page("Logboek", DeskAction::ReadAuditLog, |school| {
        view! { <AuditLog school /> }.into_any()
    })
}

#[component]
fn AuditLog(school: School) -> impl IntoView {
    let entries = LocalResource::new(move || {
        let id = school.id.clone();
        async move { api::audit_log(&id).await }
    });
    view! {
        <p>"De laatste 100 wijzigingen, de nieuwste eerst."</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) if entries.is_empty() => {
                        view! { <p>"Er is nog niets gewijzigd."</p> }.into_any()
                    }
                    Ok(entries) => view! {
                        <ol class="report-list" aria-label="Wijzigingen">
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

/// One change.
#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let (on, at) = dutch::moment(entry.at, dutch::today());
    let subject = match entry.subject_type.as_str() {
        "report" => "melding",
        "unexplained_absence" => "afwezigheid zonder melding",
        "late_arrival" => "te laat",
        other => other,
    };
    view! {
        <li class="card">
            <p class="report-list__kind">{entry.action_label}</p>
            <p>{format!("Door {} op {on} om {at}", entry.by)}</p>
            <p class="card__meta">
                {format!("Over: {subject} {}", short_id(&entry.subject_id))}
                {entry.detail.map(|detail| format!(" · {}", detail_label(&detail)))}
            </p>
        </li>
    }
}

/// The short fact in plain Dutch, where we know it.
fn detail_label(detail: &str) -> &str {
    match detail {
        "authorised" => "reden goedgekeurd",
        "unauthorised" => "reden niet goedgekeurd",
        other => other,
    }
}

/// The first characters of an id: enough to tell lines apart.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
