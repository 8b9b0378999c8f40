//! `/gesprek-aanvragen`: a parent asks for a conversation with someone at
//! the school. The address can choose for them: `?kind=<child id>`,
//! `&met=<ConversationWith>` and `&over=<ConversationTopic>` (from a child's
//! page or a protocol step).
//!
//! Checked with the same rules the server uses (`NewConversation::validate`);
//! each problem is shown next to its field.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::conversations::{DayPart, SchoolDay, MAX_CONVERSATION_TEXT_CHARS};
use shared::{
    Child, Conversation, ConversationTopic, ConversationWith, MeetingMode, NewConversation,
};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::NoChildren;
use crate::components::field_problems::{focus, ProblemSummary, Problems};
use crate::components::form_fields::{children_asked_for, ChildChoice, ChoiceGroup, ShortText};
use crate::components::sending_form::SendingForm;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// The fields that can be wrong, in the order of the form.
const FIELDS: [&str; 9] = [
    "pupil_id",
    "with",
    "topic",
    "child_joins",
    "mode",
    "days",
    "day_parts",
    "message",
    "shared_with_guardians",
];

/// What the parent filled in, as the inputs hold it. The single choices
/// are lists of one, as the choice groups keep them.
#[derive(Clone, Copy)]
struct Form {
    pupil: RwSignal<Vec<String>>,
    with: RwSignal<Vec<ConversationWith>>,
    topic: RwSignal<Vec<ConversationTopic>>,
    child_joins: RwSignal<Vec<bool>>,
    mode: RwSignal<Vec<MeetingMode>>,
    days: RwSignal<Vec<SchoolDay>>,
    day_parts: RwSignal<Vec<DayPart>>,
    message: RwSignal<String>,
    shared: RwSignal<bool>,
}

impl Form {
    /// The request as it would be sent (without a key), with the choices
    /// still missing.
    fn read(&self) -> (NewConversation, Problems) {
        let i18n = use_i18n();
        let mut problems = Problems::new();
        let with = self.with.with_untracked(|w| w.first().copied());
        if with.is_none() {
            problems.push(("with", t_string!(i18n, talk.form.with_missing).into()));
        }
        let topic = self.topic.with_untracked(|t| t.first().copied());
        if topic.is_none() {
            problems.push(("topic", t_string!(i18n, talk.form.topic_missing).into()));
        }
        let request = NewConversation {
            pupil_id: self
                .pupil
                .with_untracked(|p| p.first().cloned().unwrap_or_default()),
            with: with.unwrap_or(ConversationWith::Mentor),
            topic: topic.unwrap_or(ConversationTopic::Other),
            child_joins: self
                .child_joins
                .with_untracked(|j| j.first() != Some(&false)),
            mode: self
                .mode
                .with_untracked(|m| m.first().copied().unwrap_or(MeetingMode::AtSchool)),
            days: self.days.get_untracked(),
            day_parts: self.day_parts.get_untracked(),
            message: self.message.get_untracked().trim().to_owned(),
            shared_with_guardians: self.shared.get_untracked(),
            idempotency_key: String::new(),
        };
        (request, problems)
    }
}

/// The "Gesprek aanvragen" page.
#[component]
pub fn ConversationFormPage() -> impl IntoView {
    let i18n = use_i18n();
    set_title(t_string!(i18n, talk.form.title));
    let children = expect_context::<Auth>().children();

    view! {
        <h1>{t!(i18n, talk.form.title)}</h1>
        <p class="lead">{t!(i18n, talk.form.lead)}</p>
        <p>{t!(i18n, talk.form.child_welcome)}</p>
        {if children.is_empty() {
            view! { <NoChildren /> }.into_any()
        } else {
            view! { <ConversationForm children /> }.into_any()
        }}
    }
}

/// The form, for these children.
#[component]
fn ConversationForm(children: Vec<Child>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let asked = use_query_map();
    let asked_for = |key: &str| asked.with_untracked(|q| q.get(key));
    let form = Form {
        pupil: RwSignal::new(children_asked_for(&children)),
        with: RwSignal::new(
            asked_for("met")
                .and_then(|w| ConversationWith::parse(&w))
                .into_iter()
                .collect(),
        ),
        topic: RwSignal::new(
            asked_for("over")
                .and_then(|t| ConversationTopic::parse(&t))
                .into_iter()
                .collect(),
        ),
        child_joins: RwSignal::new(vec![true]),
        mode: RwSignal::new(vec![MeetingMode::AtSchool]),
        days: RwSignal::new(Vec::new()),
        day_parts: RwSignal::new(Vec::new()),
        message: RwSignal::new(String::new()),
        shared: RwSignal::new(true),
    };
    let sender = SendingForm::new(&FIELDS, |field| match field {
        "pupil_id" => focus("kind-0"),
        "message" | "shared_with_guardians" => focus(field),
        // The first answer stands for its group.
        group => focus(&format!("{group}-0")),
    });
    let problems = sender.problems;

    // Who is who differs between primary and secondary school: ask the
    // chosen child's school, and use words that fit both until we know.
    let school_kind = LocalResource::new(move || {
        let pupil = form.pupil.with(|p| p.first().cloned());
        async move {
            match pupil {
                Some(id) => api::child_protocol(&id).await.ok().map(|p| p.protocol.kind),
                None => None,
            }
        }
    });
    let with_label =
        Callback::new(
            move |with: ConversationWith| match school_kind.get().flatten() {
                Some(kind) => labels::conversation_with(with, kind),
                None => labels::conversation_with_any_school(with),
            },
        );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (request, found) = form.read();
        let navigate = navigate.clone();
        sender.submit(
            request,
            found,
            crate::dates::today(),
            |request| async move { api::create_conversation(&request).await },
            move |stored: Conversation| {
                navigate(
                    &format!("/gesprekken/{}", stored.id),
                    NavigateOptions::default(),
                );
            },
        );
    };
    let several_children = children.len() > 1;

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=&FIELDS general=sender.general />

            {several_children.then(|| view! {
                <ChildChoice children field="pupil_id" multiple=false chosen=form.pupil problems />
            })}

            <ChoiceGroup
                legend=t_string!(i18n, talk.form.with)
                field="with"
                values=ConversationWith::ALL
                name_of=ConversationWith::as_str
                label_of=with_label
                hint_of=|with| labels::conversation_with_hint(with)
                multiple=false
                chosen=form.with
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, talk.form.topic)
                field="topic"
                values=ConversationTopic::ALL
                name_of=ConversationTopic::as_str
                label_of=|topic| labels::conversation_topic(topic)
                multiple=false
                chosen=form.topic
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, talk.form.child_joins)
                hint=t_string!(i18n, talk.form.child_joins_why)
                field="child_joins"
                values=&[true, false]
                name_of=|joins: bool| if joins { "ja" } else { "nee" }
                label_of=move |joins: bool| if joins { t_string!(i18n, talk.yes) } else { t_string!(i18n, talk.no) }
                multiple=false
                chosen=form.child_joins
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, talk.form.mode)
                field="mode"
                values=MeetingMode::ALL
                name_of=MeetingMode::as_str
                label_of=|mode| labels::meeting_mode(mode)
                multiple=false
                chosen=form.mode
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, talk.form.days)
                hint=t_string!(i18n, talk.form.days_hint)
                field="days"
                values=SchoolDay::ALL
                name_of=SchoolDay::as_str
                label_of=|day| labels::school_day(day)
                multiple=true
                chosen=form.days
                problems
            />
            <ChoiceGroup
                legend=t_string!(i18n, talk.form.day_parts)
                hint=t_string!(i18n, talk.form.day_parts_hint)
                field="day_parts"
                values=DayPart::ALL
                name_of=DayPart::as_str
                label_of=|part| labels::day_part(part)
                multiple=true
                chosen=form.day_parts
                problems
            />
            <ShortText
                field="message"
                label=t_string!(i18n, talk.form.message)
                hint=t_string!(i18n, talk.form.message_hint)
                max_chars=MAX_CONVERSATION_TEXT_CHARS
                value=form.message
                problems
            />
            <div class="field choice">
                <input type="checkbox" id="shared_with_guardians" bind:checked=form.shared />
                <label for="shared_with_guardians">{t!(i18n, talk.form.shared)}</label>
            </div>

            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                {move || if sender.sending.get() { t_string!(i18n, talk.form.sending) } else { t_string!(i18n, talk.form.send) }}
            </button>
        </form>
    }
}
