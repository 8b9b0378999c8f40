//! One conversation, as its parents and the school see it: the pieces both
//! sides' pages show (what was asked, the agreed time, what happened), and
//! the changes either side makes, each sent through [`SendingForm`] and
//! answered with the conversation as it is now.

use chrono::NaiveDate;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::conversations::{
    ConversationEvent, ConversationEventKind, MAX_CONVERSATION_TEXT_CHARS,
};
use shared::protocol::SchoolKind;
use shared::{
    ApiError, AskOtherTimes, CancelConversation, ChooseTime, Conversation, ConversationOutcome,
    ConversationStatus, ConversationWith, FieldError, ProposeTimes,
};

use wasm_bindgen::JsCast;

use crate::api;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{focus, ProblemSummary};
use crate::components::form_fields::ShortText;
use crate::components::sending_form::{FormRequest, SendingForm};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// A change to a conversation, by a parent or the school.
#[derive(Clone, PartialEq)]
pub enum Change {
    Choose(ChooseTime),
    OtherTimes(AskOtherTimes),
    Cancel(CancelConversation),
    Times(ProposeTimes),
    Outcome(ConversationOutcome),
}

impl FormRequest for Change {
    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        match self {
            Self::Choose(choice) if choice.time_id.is_empty() => Err(vec![FieldError::new(
                "time_id",
                shared::words!(
                    nl: "Kies een tijd.",
                    en: "Please choose a time.",
                    ar: "اختر وقتًا.",
                    tr: "Bir saat seçin.",
                    pl: "Proszę wybrać termin.",
                    uk: "Виберіть час.",
                ),
            )]),
            Self::Choose(_) => Ok(()),
            Self::OtherTimes(ask) => ask.validate(),
            Self::Cancel(cancel) => cancel.validate(),
            // Against the clock, not just the day: a time earlier today
            // has passed too.
            Self::Times(times) => times.validate(dates::now()),
            Self::Outcome(outcome) => outcome.validate(),
        }
    }
}

impl Change {
    /// Sends it for conversation `id`.
    pub async fn send(self, id: String) -> Result<Conversation, ApiError> {
        match self {
            Self::Choose(choice) => api::choose_time(&id, &choice).await,
            Self::OtherTimes(ask) => api::ask_other_times(&id, &ask).await,
            Self::Cancel(cancel) => api::cancel_conversation(&id, &cancel).await,
            Self::Times(times) => api::propose_times(&id, &times).await,
            Self::Outcome(outcome) => api::close_conversation(&id, &outcome).await,
        }
    }
}

/// A small form opened under the conversation by a button; one at a time,
/// so the ids of its fields are unique on the page.
#[derive(Clone, Copy, PartialEq)]
pub enum Panel {
    OtherTimes,
    Cancel,
    Times,
    Outcome,
}

impl Panel {
    /// The id of the button that opens it.
    fn button_id(self) -> &'static str {
        match self {
            Self::OtherTimes => "knop-andere-tijden",
            Self::Cancel => "knop-afzeggen",
            Self::Times => "knop-tijden",
            Self::Outcome => "knop-afronden",
        }
    }
}

/// The id of the line that says what just happened.
const STATUS_ID: &str = "gesprek-status";

/// The conversation on the page, the panel open under it, and what just
/// happened to it. Every part of the page reads the conversation from here,
/// so a change shows everywhere at once.
#[derive(Clone, Copy)]
pub struct Shown {
    pub conversation: RwSignal<Conversation>,
    pub open: RwSignal<Option<Panel>>,
    pub status: RwSignal<Option<&'static str>>,
}

impl Shown {
    pub fn new(conversation: Conversation) -> Self {
        Self {
            conversation: RwSignal::new(conversation),
            open: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }

    /// Sends `change`, through `sender` (which shows what is wrong), and
    /// shows the answer with `message`, focused: the button pressed may
    /// be gone.
    pub fn send(self, sender: SendingForm<Change>, change: Change, message: &'static str) {
        let id = self.conversation.with_untracked(|c| c.id.clone());
        sender.submit(
            change,
            Vec::new(),
            dates::today(),
            move |change| change.send(id),
            move |updated: Conversation| {
                self.open.set(None);
                self.conversation.set(updated);
                self.status.set(Some(message));
                request_animation_frame(|| focus(STATUS_ID));
            },
        );
    }

    /// "Gesprek met de mentor over Daan", for the page's heading.
    pub fn title(self) -> String {
        self.conversation.with_untracked(title)
    }
}

/// "Gesprek met de mentor over Daan". One sentence per person: some
/// languages change the person's name after "with".
pub fn title(c: &Conversation) -> String {
    let i18n = use_i18n();
    let sentence = match (c.with, c.school_kind) {
        (ConversationWith::Mentor, SchoolKind::Po) => t_string!(i18n, talk.title.mentor_po),
        (ConversationWith::Mentor, SchoolKind::Vo) => t_string!(i18n, talk.title.mentor_vo),
        (ConversationWith::CareCoordinator, SchoolKind::Po) => {
            t_string!(i18n, talk.title.care_coordinator_po)
        }
        (ConversationWith::CareCoordinator, SchoolKind::Vo) => {
            t_string!(i18n, talk.title.care_coordinator_vo)
        }
        (ConversationWith::AttendanceDesk, _) => t_string!(i18n, talk.title.attendance_desk),
        (ConversationWith::Director, _) => t_string!(i18n, talk.title.director),
        (ConversationWith::AttendanceOfficer, _) => {
            t_string!(i18n, talk.title.attendance_officer)
        }
    };
    // A title is text, not a view, and our leptos_i18n set-up fills in
    // `{{ values }}` only in views: the child is `{name}` here.
    crate::i18n::fill(sentence, &[("name", &c.pupil_first_name)])
}

/// What just happened ("Het gesprek is afgezegd."), announced politely.
#[component]
pub fn StatusLine(shown: Shown) -> impl IntoView {
    view! {
        <div role="status" class="status-region">
            {move || shown.status.get().map(|message| view! {
                <p class="notice" id=STATUS_ID tabindex="-1">{message}</p>
            })}
        </div>
    }
}

/// A button that opens its panel, or closes it again.
#[component]
pub fn PanelButton(shown: Shown, panel: Panel, #[prop(into)] label: TextProp) -> impl IntoView {
    let is_open = move || shown.open.get() == Some(panel);
    view! {
        <button
            type="button"
            class="button"
            id=panel.button_id()
            aria-expanded=move || is_open().to_string()
            on:click=move |_| shown.open.set((!is_open()).then_some(panel))
        >
            {move || label.get()}
        </button>
    }
}

/// Shows `children` while `panel` is open.
#[component]
pub fn PanelArea(shown: Shown, panel: Panel, children: ChildrenFn) -> impl IntoView {
    view! {
        <Show when=move || shown.open.get() == Some(panel)>
            <PanelBody content=children.clone() />
        </Show>
    }
}

/// An open panel: focus goes straight to its first field.
#[component]
fn PanelBody(content: ChildrenFn) -> impl IntoView {
    let area = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let first = area
            .get()
            .and_then(|area| area.query_selector("input, textarea").ok().flatten())
            .and_then(|first| first.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(first) = first {
            _ = first.focus();
        }
    });
    view! { <div class="panel" node_ref=area>{content()}</div> }
}

/// The time agreed, large, with the calendar file.
#[component]
pub fn AgreedTime(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    move || {
        shown.conversation.with(|c| {
            c.agreed_time.map(|slot| {
                view! {
                    <section class="card agreed" aria-labelledby="afgesproken">
                        <h2 id="afgesproken">{t!(i18n, talk.agreed.heading)}</h2>
                        <p class="agreed__time">{dates::slot(&slot, today)}</p>
                        <p>{labels::meeting_mode(c.mode)} " · " {c.school_name.clone()}</p>
                        <p>
                            <a href=api::calendar_path(&c.id) download="gesprek.ics" class="button">
                                {t!(i18n, talk.agreed.calendar)}
                            </a>
                        </p>
                    </section>
                }
            })
        })
    }
}

/// What was asked (or what the school invites for), as facts.
#[component]
pub fn AskedFacts(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    // Reads the language too: the facts follow a switch as one.
    move || {
        let c = shown.conversation.get();
        let (day, time) = dates::moment(c.started_at, today);
        let list = |labels: Vec<String>, none: &str| {
            if labels.is_empty() {
                none.to_owned()
            } else {
                dates::list(&labels.iter().map(String::as_str).collect::<Vec<_>>())
            }
        };
        let days = list(
            c.days.iter().map(|&d| labels::school_day(d)).collect(),
            t_string!(i18n, talk.facts.any_day),
        );
        let parts = list(
            c.day_parts.iter().map(|&p| labels::day_part(p)).collect(),
            t_string!(i18n, talk.facts.any_day_part),
        );
        let name = c.pupil_first_name.clone();
        let started_by = c.started_by.clone();
        let with = labels::conversation_with(c.with, c.school_kind);
        view! {
            <dl class="facts">
                <dt>{t_string!(i18n, talk.facts.with)}</dt>
                <dd>{with} " · " {c.school_name.clone()}</dd>
                <dt>{t_string!(i18n, talk.facts.topic)}</dt>
                <dd>{labels::conversation_topic(c.topic)}</dd>
                <dt>{t!(i18n, talk.facts.child_joins, name = name.clone())}</dt>
                <dd>{if c.child_joins { t_string!(i18n, talk.yes) } else { t_string!(i18n, talk.no) }}</dd>
                <dt>{t_string!(i18n, talk.facts.mode)}</dt>
                <dd>{labels::meeting_mode(c.mode)}</dd>
                {(!c.initiated_by_school).then(|| view! {
                    <dt>{t_string!(i18n, talk.facts.days)}</dt>
                    <dd>{days}</dd>
                    <dt>{t_string!(i18n, talk.facts.day_parts)}</dt>
                    <dd>{parts}</dd>
                })}
                {c.message.clone().map(|message| view! {
                    <dt>{t_string!(i18n, talk.facts.message)}</dt>
                    <dd class="message">{message}</dd>
                })}
                <dt>
                    {if c.initiated_by_school {
                        t_string!(i18n, talk.facts.invited_by)
                    } else {
                        t_string!(i18n, talk.facts.asked_by)
                    }}
                </dt>
                <dd>{t!(i18n, talk.facts.started, name = started_by.clone(), day, time)}</dd>
                <dt>{t_string!(i18n, talk.facts.who_sees)}</dt>
                <dd>
                    {if c.shared_with_guardians {
                        t!(i18n, talk.facts.all_guardians, name).into_any()
                    } else {
                        t!(i18n, talk.facts.only, name = started_by).into_any()
                    }}
                </dd>
            </dl>
        }
    }
}

/// Everything that happened, oldest first.
#[component]
pub fn History(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let event = move |event: ConversationEvent| {
        let (day, time) = dates::moment(event.at, today);
        view! {
            <li>
                <p>
                    <strong>{labels::conversation_event_kind(event.kind)}</strong>
                    " "
                    <span class="card__meta">
                        {t!(i18n, talk.history.by, name = event.by, day, time)}
                    </span>
                </p>
                {event.message.map(|message| view! { <p class="message">{message}</p> })}
            </li>
        }
    };
    view! {
        <section aria-labelledby="verloop">
            <h2 id="verloop">{t!(i18n, talk.history.heading)}</h2>
            <ol class="history">
                {move || shown.conversation.with(|c| c.history.clone()).into_iter().map(event).collect_view()}
            </ol>
        </section>
    }
}

/// What a short text is for: the form around it.
#[derive(Clone, Copy)]
pub enum TextChange {
    /// A parent asks for other times.
    OtherTimes,
    /// Either side calls it off.
    Cancel,
}

/// A form with one short text that must be filled in: asking for other
/// times, or calling the conversation off.
#[component]
pub fn TextChangeForm(shown: Shown, change: TextChange) -> impl IntoView {
    let i18n = use_i18n();
    let (field, label, hint) = match change {
        TextChange::OtherTimes => (
            "message",
            t_string!(i18n, talk.other_times.label),
            t_string!(i18n, talk.other_times.hint),
        ),
        TextChange::Cancel => (
            "reason",
            t_string!(i18n, talk.cancel.label),
            t_string!(i18n, talk.cancel.hint),
        ),
    };
    let fields: &'static [&'static str] = match change {
        TextChange::OtherTimes => &["message"],
        TextChange::Cancel => &["reason"],
    };
    let sender = SendingForm::new(fields, focus);
    let text = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = text.get_untracked().trim().to_owned();
        let request = match change {
            TextChange::OtherTimes => Change::OtherTimes(AskOtherTimes { message: text }),
            TextChange::Cancel => Change::Cancel(CancelConversation { reason: text }),
        };
        let done = match change {
            TextChange::OtherTimes => t_string!(i18n, talk.other_times.sent),
            TextChange::Cancel => t_string!(i18n, talk.cancel.sent),
        };
        shown.send(sender, request, done);
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems=sender.problems fields general=sender.general />
            <ShortText
                field
                label
                hint
                max_chars=MAX_CONVERSATION_TEXT_CHARS
                value=text
                problems=sender.problems
            />
            <p>
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {move || match change {
                        TextChange::OtherTimes => t_string!(i18n, talk.other_times.send),
                        TextChange::Cancel => t_string!(i18n, talk.cancel.send),
                    }}
                </button>
            </p>
        </form>
    }
}

/// When a conversation that took place was.
#[component]
pub fn TimeItWas(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    move || {
        shown.conversation.with(|c| {
            let slot = c
                .agreed_time
                .filter(|_| c.status == ConversationStatus::Done)?;
            let time = dates::slot(&slot, today);
            Some(view! { <p>{t!(i18n, talk.was_on, time)}</p> })
        })
    }
}

/// The explanation of a cancelled conversation: who, when and why, from
/// the history.
#[component]
pub fn CancelledBy(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    move || {
        let event = shown.conversation.with(|c| {
            c.history
                .iter()
                .rfind(|e| e.kind == ConversationEventKind::Cancelled)
                .cloned()
        })?;
        let (day, _) = dates::moment(event.at, today);
        Some(view! {
            <p>{t!(i18n, talk.cancelled_by, name = event.by, day)}</p>
            {event.message.map(|reason| view! { <p>{t!(i18n, talk.reason, reason)}</p> })}
        })
    }
}

/// Loads the conversation of the page's `:id` and shows it with `view`;
/// a failure in plain words under the heading "Gesprek".
#[component]
pub fn LoadedConversation(view: fn(Shown) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::conversation(&id).await }
    });
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(conversation) => view(Shown::new(conversation)),
                    Err(error) => view! {
                        <h1>{t!(i18n, talk.conversation)}</h1>
                        <ErrorNotice error />
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use leptos_i18n::Locale as _;

    use crate::i18n::{td_string, Locale};

    /// `title` puts the child's name at `{name}`: every language keeps it.
    #[test]
    fn every_title_names_the_child_once() {
        for &locale in Locale::get_all() {
            let titles = [
                td_string!(locale, talk.title.mentor_po),
                td_string!(locale, talk.title.mentor_vo),
                td_string!(locale, talk.title.care_coordinator_po),
                td_string!(locale, talk.title.care_coordinator_vo),
                td_string!(locale, talk.title.attendance_desk),
                td_string!(locale, talk.title.director),
                td_string!(locale, talk.title.attendance_officer),
            ];
            for title in titles {
                let names = title.matches("{name}").count();
                assert_eq!(names, 1, "{}: {title}", locale.as_str());
            }
        }
    }
}
