//! `/school/gesprekken`: the conversations a staff member answers at their
//! school, the soonest first. `?school=<id>` picks one of several schools;
//! `?alles=ja` shows the closed ones too.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::Conversation;

use crate::api;
use crate::app::{set_title, Auth, School};
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dutch;
use crate::pages::school::StaffOnly;

/// The list page.
#[component]
pub fn SchoolConversationsPage() -> impl IntoView {
    set_title("Gesprekken");
    let schools = expect_context::<Auth>().schools();
    let query = use_query_map();
    let wanted = move || query.with(|q| q.get("school"));
    let others = schools.len() > 1;
    let school = Memo::new(move |_| {
        let wanted = wanted();
        schools
            .iter()
            .find(|s| Some(&s.id) == wanted.as_ref())
            .or(schools.first())
            .cloned()
    });
    let all = Memo::new(move |_| query.with(|q| q.get("alles").is_some()));

    view! {
        <h1>"Gesprekken"</h1>
        {move || match school.get() {
            None => view! { <StaffOnly /> }.into_any(),
            Some(school) => view! {
                <SchoolList school all=all.get() others />
            }
            .into_any(),
        }}
    }
}

/// One school's conversations, with the way to the other list.
#[component]
fn SchoolList(school: School, all: bool, others: bool) -> impl IntoView {
    let list = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::school_conversations(&id, all).await }
        })
    };
    let here = format!("/school/gesprekken?school={}", school.id);
    let (toggle_href, toggle_text) = if all {
        (here, "Alleen de open gesprekken")
    } else {
        (
            format!("{here}&alles=ja"),
            "Ook afgeronde en afgezegde gesprekken",
        )
    };
    let heading = if all {
        "Alle gesprekken"
    } else {
        "Open gesprekken"
    };

    view! {
        <p class="lead">{school.name}</p>
        {others.then(|| view! { <p><A href="/">"Een andere school kiezen"</A></p> })}
        <h2>{heading}</h2>
        <p>
            <A href=toggle_href>{toggle_text}</A>
        </p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(conversations) if conversations.is_empty() => {
                        view! { <p>"Er zijn nu geen gesprekken."</p> }.into_any()
                    }
                    Ok(conversations) => view! {
                        <ul class="report-list" aria-label=heading>
                            {conversations
                                .into_iter()
                                .map(|conversation| view! { <ConversationItem conversation /> })
                                .collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One conversation in the list: the child, who asked, with whom, where it
/// stands and the agreed time.
#[component]
fn ConversationItem(conversation: Conversation) -> impl IntoView {
    let today = dutch::today();
    let c = conversation;
    let who = if c.initiated_by_school {
        format!("Uitnodiging van {}", c.started_by)
    } else {
        format!("Gevraagd door {}", c.started_by)
    };
    view! {
        <li class="card">
            <p class="report-list__kind">
                <A href=format!("/school/gesprekken/{}", c.id)>
                    {format!("{} {} ({})", c.pupil_first_name, c.pupil_last_name, c.group_name)}
                </A>
            </p>
            <p>{who} " · " {c.with_label()}</p>
            <p>"Status: " <strong>{c.status.school_label()}</strong></p>
            {c.agreed_time.map(|slot| view! { <p>"Afspraak: " {dutch::slot(&slot, today)}</p> })}
        </li>
    }
}
