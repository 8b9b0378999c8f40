//! `/school/uitnodigen?leerling=<id>&met=<ConversationWith>`: the school
//! invites a pupil's parents to talk, with 1 to 5 times to choose from
//! (from a signal, or for any pupil). Checked with the server's rules
//! (`NewInvitation::validate`); on success, the conversation's page.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::conversations::MAX_CONVERSATION_TEXT_CHARS;
use shared::{
    Conversation, ConversationTopic, ConversationWith, DeskAction, MeetingMode, NewInvitation,
    SchoolGroup,
};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{focus, ProblemSummary, Problems};
use crate::components::form_fields::{ChoiceGroup, PupilChoice, ShortText};
use crate::components::sending_form::SendingForm;
use crate::components::time_rows::{TimeRows, TimesField, FIRST_TIME_ID};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::{groups_of, school_page};

/// The fields that can be wrong, in the order of the form.
const FIELDS: &[&str] = &[
    "pupil_id",
    "with",
    "topic",
    "child_joins",
    "mode",
    "times",
    "message",
];

/// The page. Everyone at the desk may invite; the server says who may not.
#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, school.invite.title).to_owned());
    school_page(title, DeskAction::SeeDesk, |school| {
        view! { <Loaded school /> }.into_any()
    })
}

#[component]
fn Loaded(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let groups = groups_of(school.id.clone());
    let school_id = StoredValue::new(school.id);
    view! {
        <p>{t!(i18n, school.invite.intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match groups.await {
                    Ok(groups) => view! { <InviteForm school_id=school_id.get_value() groups /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn InviteForm(school_id: String, groups: Vec<SchoolGroup>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query = use_query_map();
    let asked = |key: &str| query.with_untracked(|q| q.get(key));
    let pupil = RwSignal::new(asked("leerling").unwrap_or_default());
    let with = RwSignal::new(
        asked("met")
            .and_then(|w| ConversationWith::parse(&w))
            .into_iter()
            .collect::<Vec<_>>(),
    );
    let topic = RwSignal::new(vec![ConversationTopic::Absence]);
    let child_joins = RwSignal::new(vec![true]);
    let mode = RwSignal::new(vec![MeetingMode::AtSchool]);
    let rows = TimeRows::new();
    let message = RwSignal::new(String::new());
    let sender = SendingForm::new(FIELDS, |field| match field {
        "pupil_id" | "message" => focus(field),
        "times" => focus(FIRST_TIME_ID),
        group => focus(&format!("{group}-0")),
    });
    let problems = sender.problems;
    let school_id = StoredValue::new(school_id);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Problems::new();
        let first =
            |values: RwSignal<Vec<_>>| values.with_untracked(|v: &Vec<_>| v.first().copied());
        if pupil.with_untracked(String::is_empty) {
            found.push(("pupil_id", t_string!(i18n, school.choose_pupil).into()));
        }
        if first(with).is_none() {
            found.push(("with", t_string!(i18n, school.invite.choose_with).into()));
        }
        let times = rows.read().unwrap_or_else(|problem| {
            found.push(("times", problem));
            Vec::new()
        });
        let request = NewInvitation {
            pupil_id: pupil.get_untracked(),
            with: first(with).unwrap_or(ConversationWith::Mentor),
            topic: topic
                .with_untracked(|t| t.first().copied())
                .unwrap_or(ConversationTopic::Other),
            child_joins: child_joins.with_untracked(|j| j.first() != Some(&false)),
            mode: mode
                .with_untracked(|m| m.first().copied())
                .unwrap_or(MeetingMode::AtSchool),
            times,
            message: message.get_untracked().trim().to_owned(),
            idempotency_key: String::new(),
        };
        let navigate = navigate.clone();
        sender.submit(
            request,
            found,
            dates::today(),
            move |request| async move { api::invite(&school_id.get_value(), &request).await },
            move |stored: Conversation| {
                navigate(
                    &format!("/school/gesprekken/{}", stored.id),
                    NavigateOptions::default(),
                );
            },
        );
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <PupilChoice groups chosen=pupil problems />
            <ChoiceGroup
                legend=t_string!(i18n, school.invite.with)
                field="with"
                values=ConversationWith::ALL
                name_of=ConversationWith::as_str
                label_of=|with| labels::conversation_with_any_school(with)
                multiple=false
                chosen=with
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, school.invite.topic)
                field="topic"
                values=ConversationTopic::ALL
                name_of=ConversationTopic::as_str
                label_of=|topic| labels::conversation_topic(topic)
                multiple=false
                chosen=topic
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, school.invite.child_joins)
                hint=t_string!(i18n, school.invite.child_joins_why)
                field="child_joins"
                values=&[true, false]
                name_of=|joins: bool| if joins { "ja" } else { "nee" }
                label_of=move |joins: bool| {
                    if joins { t_string!(i18n, school.yes) } else { t_string!(i18n, school.no) }
                }
                multiple=false
                chosen=child_joins
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, school.invite.mode)
                field="mode"
                values=MeetingMode::ALL
                name_of=MeetingMode::as_str
                label_of=|mode| labels::meeting_mode(mode)
                multiple=false
                chosen=mode
                problems
            />
            <TimesField rows problems />
            <ShortText
                field="message"
                label=t_string!(i18n, school.invite.message)
                hint=t_string!(i18n, school.invite.message_hint)
                max_chars=MAX_CONVERSATION_TEXT_CHARS
                value=message
                problems
            />
            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                {move || if sender.sending.get() {
                    t_string!(i18n, school.sending)
                } else {
                    t_string!(i18n, school.invite.submit)
                }}
            </button>
        </form>
    }
}
