//! `/school/gesprekken`: the conversations a staff member answers at their
//! school, the soonest first. `?school=<id>` picks one of several schools;
//! `?alles=ja` shows the closed ones too.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::Conversation;

use crate::api;
use crate::app::{Auth, School};
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::{conversation_status, follow_title, StaffOnly};

/// The list page.
#[component]
pub fn SchoolConversationsPage() -> impl IntoView {
    let i18n = use_i18n();
    follow_title(Signal::derive(move || {
        t_string!(i18n, school.conversations.title).to_owned()
    }));
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
        <h1>{t!(i18n, school.conversations.title)}</h1>
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
    let i18n = use_i18n();
    let list = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::school_conversations(&id, all).await }
        })
    };
    let here = format!("/school/gesprekken?school={}", school.id);
    let toggle_href = if all {
        here
    } else {
        format!("{here}&alles=ja")
    };
    let toggle_text = move || {
        if all {
            t_string!(i18n, school.conversations.only_open)
        } else {
            t_string!(i18n, school.conversations.also_closed)
        }
    };
    let heading = move || {
        if all {
            t_string!(i18n, school.conversations.all)
        } else {
            t_string!(i18n, school.conversations.open)
        }
    };

    view! {
        <p class="lead">{school.name}</p>
        {others.then(|| view! { <p><A href="/">{t!(i18n, school.conversations.other_school)}</A></p> })}
        <h2>{heading}</h2>
        <p>
            <A href=toggle_href>{toggle_text}</A>
        </p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(conversations) if conversations.is_empty() => {
                        view! { <p>{t!(i18n, school.conversations.none)}</p> }.into_any()
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
    let i18n = use_i18n();
    let today = dates::today();
    let c = conversation;
    let by = c.started_by.clone();
    let who = if c.initiated_by_school {
        t!(
            i18n,
            school.conversations.invited_by,
            name = move || by.clone()
        )
        .into_any()
    } else {
        t!(
            i18n,
            school.conversations.asked_by,
            name = move || by.clone()
        )
        .into_any()
    };
    let (with, school_kind, status) = (c.with, c.school_kind, c.status);
    view! {
        <li class="card">
            <p class="report-list__kind">
                <A href=format!("/school/gesprekken/{}", c.id)>
                    {format!("{} {} ({})", c.pupil_first_name, c.pupil_last_name, c.group_name)}
                </A>
            </p>
            <p>{who} " · " {move || labels::conversation_with(with, school_kind)}</p>
            <p>
                {t!(i18n, school.status)} " "
                <strong>{move || conversation_status(status)}</strong>
            </p>
            {c.agreed_time.map(|slot| {
                let time = dates::slot(&slot, today);
                view! { <p>{t!(i18n, school.conversations.appointment, time = move || time.clone())}</p> }
            })}
        </li>
    }
}
