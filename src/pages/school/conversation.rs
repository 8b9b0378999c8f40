//! `/school/gesprekken/:id`: one conversation, for the school. The same
//! facts as the parents see, and what the school does next: propose times,
//! confirm one, close it with a note, or call it off.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::conversations::MAX_CONVERSATION_TEXT_CHARS;
use shared::{ChooseTime, ConversationOutcome, ConversationStatus, ProposeTimes};

use crate::app::{set_title, Auth};
use crate::components::conversation::{
    AgreedTime, AskedFacts, CancelledBy, Change, History, LoadedConversation, Panel, PanelArea,
    PanelButton, Shown, StatusLine, TextChange, TextChangeForm, TimeItWas,
};
use crate::components::field_problems::{focus, FieldProblem, ProblemSummary, Problems};
use crate::components::form_fields::ShortText;
use crate::components::sending_form::SendingForm;
use crate::components::time_rows::{TimeRows, TimesField, FIRST_TIME_ID};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::school::{conversation_explanation, conversation_status, StaffOnly};

/// The page. A conversation the staff member does not answer is "not found".
#[component]
pub fn SchoolConversationPage() -> impl IntoView {
    let i18n = use_i18n();
    // Once, not following the language: the conversation's own title
    // replaces it when loaded.
    set_title(t_string!(i18n, school.conversation.title));
    if expect_context::<Auth>().schools().is_empty() {
        return view! {
            <h1>{t!(i18n, school.conversation.title)}</h1>
            <StaffOnly />
        }
        .into_any();
    }
    view! { <LoadedConversation view=|shown| view! { <SchoolView shown /> }.into_any() /> }
        .into_any()
}

#[component]
fn SchoolView(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let title = shown.title();
    set_title(&title);
    let status = Memo::new(move |_| shown.conversation.with(|c| c.status));
    let (child, invited) = shown.conversation.with_untracked(|c| {
        (
            format!(
                "{} {}, {} · {}",
                c.pupil_first_name, c.pupil_last_name, c.group_name, c.school_name
            ),
            c.initiated_by_school,
        )
    });

    view! {
        <h1>{title}</h1>
        <p class="lead">{child}</p>
        <StatusLine shown />
        <section class=move || format!("card status status--{}", status.get().as_str()) aria-labelledby="stand">
            <h2 id="stand">{move || conversation_status(status.get())}</h2>
            <p>{move || conversation_explanation(status.get())}</p>
            <TimeItWas shown />
            <Show when=move || status.get() == ConversationStatus::Cancelled>
                <CancelledBy shown />
            </Show>
        </section>
        <h2>{move || if invited {
            t_string!(i18n, school.conversation.your_invitation)
        } else {
            t_string!(i18n, school.conversation.parent_asked)
        }}</h2>
        <AskedFacts shown />
        {move || match status.get() {
            ConversationStatus::Requested => view! {
                <section aria-labelledby="tijden-voorstellen">
                    <h2 id="tijden-voorstellen">{t!(i18n, school.conversation.propose_times)}</h2>
                    <TimesForm shown />
                </section>
            }
            .into_any(),
            ConversationStatus::Proposed => view! {
                <ConfirmTime shown />
                <MoveTimes shown />
            }
            .into_any(),
            ConversationStatus::Agreed => view! {
                <AgreedTime shown />
                <MoveTimes shown />
                <p>
                    <PanelButton shown panel=Panel::Outcome label=t_string!(i18n, school.conversation.finish) />
                </p>
                <PanelArea shown panel=Panel::Outcome>
                    <OutcomeForm shown />
                </PanelArea>
            }
            .into_any(),
            ConversationStatus::Done => view! { <Outcome shown /> }.into_any(),
            ConversationStatus::Cancelled => ().into_any(),
        }}
        <Show when=move || status.get().is_open()>
            <p>
                <PanelButton shown panel=Panel::Cancel label=t_string!(i18n, school.conversation.cancel) />
            </p>
            <PanelArea shown panel=Panel::Cancel>
                <TextChangeForm shown change=TextChange::Cancel />
            </PanelArea>
        </Show>
        <History shown />
        <p>
            <A href="/school/gesprekken">{t!(i18n, school.conversations.all)}</A>
        </p>
    }
}

/// "Andere tijden voorstellen": the times form in a panel.
#[component]
fn MoveTimes(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>
            <PanelButton shown panel=Panel::Times label=t_string!(i18n, school.conversation.other_times) />
        </p>
        <PanelArea shown panel=Panel::Times>
            <TimesForm shown />
        </PanelArea>
    }
}

/// The proposed times, each with "Bevestig deze tijd": for a time agreed
/// with the parents another way.
#[component]
fn ConfirmTime(shown: Shown) -> impl IntoView {
    const FIELDS: &[&str] = &["time_id"];
    let i18n = use_i18n();
    let today = dates::today();
    let times = shown
        .conversation
        .with_untracked(|c| c.proposed_times.clone());
    let sender = SendingForm::new(FIELDS, |_| ());
    view! {
        <section aria-labelledby="voorgesteld">
            <h2 id="voorgesteld">{t!(i18n, school.conversation.proposed_times)}</h2>
            <ProblemSummary problems=sender.problems fields=FIELDS general=sender.general />
            <FieldProblem field="time_id" problems=sender.problems />
            <ul class="report-list">
                {times
                    .into_iter()
                    .map(|time| {
                        let when = dates::slot(&time.slot, today);
                        let confirm = move |_| {
                            let choice = ChooseTime { time_id: time.id.clone() };
                            let done = t_string!(i18n, school.conversation.confirmed);
                            shown.send(sender, Change::Choose(choice), done);
                        };
                        view! {
                            <li class="card">
                                <p>{when.clone()}</p>
                                <button type="button" class="button" on:click=confirm disabled=move || sender.sending.get()>
                                    {t!(i18n, school.conversation.confirm)}
                                    <span class="visually-hidden">{format!(": {when}")}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Up to 5 times (see [`TimesField`]) and a short message.
#[component]
fn TimesForm(shown: Shown) -> impl IntoView {
    const FIELDS: &[&str] = &["times", "message"];
    let i18n = use_i18n();
    let rows = TimeRows::new();
    let message = RwSignal::new(String::new());
    let sender = SendingForm::new(FIELDS, |field| {
        focus(if field == "times" {
            FIRST_TIME_ID
        } else {
            field
        })
    });
    let problems = sender.problems;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let times = match rows.read() {
            Ok(times) => times,
            Err(problem) => {
                let found: Problems = vec![("times", problem)];
                problems.show(found, FIELDS, sender.general);
                focus(FIRST_TIME_ID);
                return;
            }
        };
        let request = ProposeTimes {
            times,
            message: message.get_untracked().trim().to_owned(),
        };
        let done = t_string!(i18n, school.conversation.times_sent);
        shown.send(sender, Change::Times(request), done);
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <TimesField rows problems />
            <ShortText
                field="message"
                label=t_string!(i18n, school.conversation.times_message)
                hint=t_string!(i18n, school.conversation.times_message_hint)
                max_chars=MAX_CONVERSATION_TEXT_CHARS
                value=message
                problems
            />
            <p>
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {t!(i18n, school.conversation.send_times)}
                </button>
            </p>
        </form>
    }
}

/// "Afronden": a note on what was agreed, and whether the parents may read it.
#[component]
fn OutcomeForm(shown: Shown) -> impl IntoView {
    const FIELDS: &[&str] = &["note"];
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let visible = RwSignal::new(true);
    let sender = SendingForm::new(FIELDS, focus);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = ConversationOutcome {
            note: note.get_untracked().trim().to_owned(),
            note_visible_to_parents: visible.get_untracked(),
        };
        let done = t_string!(i18n, school.conversation.finished);
        shown.send(sender, Change::Outcome(outcome), done);
    };
    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems=sender.problems fields=FIELDS general=sender.general />
            <ShortText
                field="note"
                label=t_string!(i18n, school.conversation.outcome)
                hint=t_string!(i18n, school.conversation.outcome_hint)
                max_chars=MAX_CONVERSATION_TEXT_CHARS
                value=note
                problems=sender.problems
            />
            <div class="field choice">
                <input type="checkbox" id="note_visible_to_parents" bind:checked=visible />
                <label for="note_visible_to_parents">{t!(i18n, school.conversation.parents_may_read)}</label>
            </div>
            <p>
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {t!(i18n, school.conversation.submit_outcome)}
                </button>
            </p>
        </form>
    }
}

/// The note after the conversation, and who may read it.
#[component]
fn Outcome(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        shown.conversation.with(|c| {
            let note = c.outcome_note.clone().filter(|n| !n.is_empty())?;
            let readers = if c.outcome_note_visible_to_parents {
                t_string!(i18n, school.conversation.parents_read)
            } else {
                t_string!(i18n, school.conversation.school_only)
            };
            Some(view! {
                <section class="card" aria-labelledby="notitie">
                    <h2 id="notitie">{t!(i18n, school.conversation.note)}</h2>
                    <p class="message">{note}</p>
                    <p class="card__meta">{readers}</p>
                </section>
            })
        })
    }
}
