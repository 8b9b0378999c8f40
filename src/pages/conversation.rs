//! `/gesprekken/:id`: one conversation, for a parent. Where it stands in
//! plain words, and what the parent can do now: pick a proposed time, put
//! the agreed one in their calendar, ask for other times, or call it off.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{ChooseTime, ConversationStatus, ConversationWith};

use crate::api;
use crate::app::set_title;
use crate::components::contact_card::ContactCard;
use crate::components::conversation::{
    AgreedTime, AskedFacts, CancelledBy, Change, History, LoadedConversation, Panel, PanelArea,
    PanelButton, Shown, StatusLine, TextChange, TextChangeForm, TimeItWas,
};
use crate::components::field_problems::{focus, FieldProblem, ProblemSummary};
use crate::components::form_fields::Choice;
use crate::components::sending_form::SendingForm;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// The conversation page. Someone else's conversation is "not found".
#[component]
pub fn ConversationPage() -> impl IntoView {
    let i18n = use_i18n();
    set_title(t_string!(i18n, talk.conversation));
    view! { <LoadedConversation view=|shown| view! { <ParentView shown /> }.into_any() /> }
}

#[component]
fn ParentView(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let title = shown.title();
    set_title(&title);
    let status = Memo::new(move |_| shown.conversation.with(|c| c.status));
    let (pupil_id, with, invited, invitation) = shown.conversation.with_untracked(|c| {
        let invitation = c.initiated_by_school.then(|| c.message.clone()).flatten();
        (
            c.pupil_id.clone(),
            c.with,
            c.initiated_by_school,
            invitation,
        )
    });

    view! {
        <h1>{title}</h1>
        {invited.then(|| view! {
            <div class="lead">
                <p><strong>{t!(i18n, talk.parent.invited)}</strong></p>
                {invitation.map(|message| view! { <p class="message">{message}</p> })}
            </div>
        })}
        <StatusLine shown />
        <section class=move || format!("card status status--{}", status.get().as_str()) aria-labelledby="stand">
            <h2 id="stand">{move || labels::conversation_status(status.get())}</h2>
            <p>{move || explanation(status.get())}</p>
            <TimeItWas shown />
            <Show when=move || status.get() == ConversationStatus::Cancelled>
                <CancelledBy shown />
            </Show>
        </section>
        {move || match status.get() {
            ConversationStatus::Proposed => view! {
                <PickTime shown />
                <p>
                    <PanelButton shown panel=Panel::OtherTimes label=move || t_string!(i18n, talk.parent.no_time_fits) />
                </p>
                <PanelArea shown panel=Panel::OtherTimes>
                    <TextChangeForm shown change=TextChange::OtherTimes />
                </PanelArea>
            }
            .into_any(),
            ConversationStatus::Agreed => view! {
                <AgreedTime shown />
                <p>
                    <PanelButton shown panel=Panel::OtherTimes label=move || t_string!(i18n, talk.parent.time_does_not_fit) />
                </p>
                <PanelArea shown panel=Panel::OtherTimes>
                    <TextChangeForm shown change=TextChange::OtherTimes />
                </PanelArea>
            }
            .into_any(),
            ConversationStatus::Done => view! { <SchoolNote shown /> }.into_any(),
            ConversationStatus::Requested | ConversationStatus::Cancelled => ().into_any(),
        }}
        <h2>
            {move || if invited {
                t_string!(i18n, talk.parent.about_invitation)
            } else {
                t_string!(i18n, talk.parent.what_you_asked)
            }}
        </h2>
        <AskedFacts shown />
        <Show when=move || status.get().is_open()>
            <p>
                <PanelButton shown panel=Panel::Cancel label=move || t_string!(i18n, talk.parent.cancel) />
            </p>
            <PanelArea shown panel=Panel::Cancel>
                <TextChangeForm shown change=TextChange::Cancel />
            </PanelArea>
            <CallInstead pupil_id=pupil_id.clone() with />
        </Show>
        <History shown />
        <p>
            <A href="/">{t!(i18n, talk.parent.home)}</A>
        </p>
    }
}

/// What the status means for the parent, in a sentence or two.
fn explanation(status: ConversationStatus) -> &'static str {
    let i18n = use_i18n();
    match status {
        ConversationStatus::Requested => t_string!(i18n, talk.parent.explanation.requested),
        ConversationStatus::Proposed => t_string!(i18n, talk.parent.explanation.proposed),
        ConversationStatus::Agreed => t_string!(i18n, talk.parent.explanation.agreed),
        ConversationStatus::Done => t_string!(i18n, talk.parent.explanation.done),
        ConversationStatus::Cancelled => t_string!(i18n, talk.parent.explanation.cancelled),
    }
}

/// The proposed times as round buttons, and "Deze tijd past mij".
#[component]
fn PickTime(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    const FIELDS: &[&str] = &["time_id"];
    let today = dates::today();
    let times = shown
        .conversation
        .with_untracked(|c| c.proposed_times.clone());
    let chosen = RwSignal::new(String::new());
    let sender = SendingForm::new(FIELDS, |_| focus("tijd-0"));
    let problems = sender.problems;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let choice = ChooseTime {
            time_id: chosen.get_untracked(),
        };
        shown.send(
            sender,
            Change::Choose(choice),
            t_string!(i18n, talk.parent.time_chosen),
        );
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <fieldset class="field" aria-describedby=move || problems.described_by("time_id", "")>
                <legend>{t!(i18n, talk.parent.which_time)}</legend>
                <FieldProblem field="time_id" problems />
                {times
                    .into_iter()
                    .enumerate()
                    .map(|(i, time)| {
                        let (this, checked) = (time.id.clone(), time.id.clone());
                        let when = dates::slot(&time.slot, today);
                        view! {
                            <Choice
                                kind="radio"
                                id=format!("tijd-{i}")
                                name="time_id"
                                value=time.id
                                checked=Signal::derive(move || chosen.with(|c| *c == checked))
                                on_change=Callback::new(move |_| {
                                    chosen.set(this.clone());
                                    problems.clear(FIELDS);
                                })
                                invalid=Signal::derive(move || problems.invalid("time_id"))
                            >
                                {when}
                            </Choice>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <p>
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {t!(i18n, talk.parent.time_fits)}
                </button>
            </p>
        </form>
    }
}

/// The school's note after the conversation, when it shares one.
#[component]
fn SchoolNote(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        shown
            .conversation
            .with(|c| c.outcome_note.clone())
            .map(|note| {
                view! {
                    <section class="card" aria-labelledby="notitie">
                        <h2 id="notitie">{t!(i18n, talk.parent.school_note)}</h2>
                        <p class="message">{note}</p>
                    </section>
                }
            })
    }
}

/// Whom to call meanwhile: the school's contact for this person, if the
/// school has one.
#[component]
fn CallInstead(pupil_id: String, with: ConversationWith) -> impl IntoView {
    let i18n = use_i18n();
    let contacts = LocalResource::new(move || {
        let id = pupil_id.clone();
        async move { api::child_contacts(&id).await }
    });
    move || {
        let contact = contacts
            .get()?
            .ok()?
            .contacts
            .into_iter()
            .find(|c| ConversationWith::for_step_role(c.role) == with)?;
        Some(view! {
            <section aria-labelledby="bellen">
                <h2 id="bellen">{t!(i18n, talk.parent.call_first)}</h2>
                <ContactCard contact />
            </section>
        })
    }
}
