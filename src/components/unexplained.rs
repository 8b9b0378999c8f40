//! "De school mist Sem op dinsdag 24 november. Wilt u laten weten
//! waarom?": the days the school missed a child without a report, with the
//! school's question, the parent's answer and, later, the school's
//! judgement. On the start page the open questions only, with a link; on
//! the child's page all of them, each answered in a small form.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::reports::MAX_NOTE_CHARS;
use shared::{AbsenceExplanation, AbsenceKind, UnexplainedAbsence, UnexplainedStatus};

use crate::api;
use crate::components::field_problems::{focus, ProblemSummary};
use crate::components::form_fields::{ChoiceGroup, ShortText};
use crate::components::sending_form::SendingForm;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// The child's unexplained absences: on the start page (`on_home`) only
/// those still open, each with a link to answer on the child's page.
/// Shows nothing while there are none, or when they cannot be loaded.
#[component]
pub fn SchoolMisses(child_id: String, on_home: bool) -> impl IntoView {
    let loaded = {
        let id = child_id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::unexplained_absences(&id).await }
        })
    };
    // Opened from the start page's link: `?antwoord=<absence id>`.
    let asked = use_query_map().with_untracked(|q| q.get("antwoord"));
    let open = RwSignal::new(asked);
    move || {
        let absences: Vec<UnexplainedAbsence> = loaded
            .get()?
            .ok()?
            .into_iter()
            .filter(|a| !on_home || a.can_explain())
            .collect();
        if absences.is_empty() {
            return None;
        }
        let child_id = child_id.clone();
        let items = absences
            .into_iter()
            .map(|absence| {
                let child_id = child_id.clone();
                if on_home {
                    view! { <HomeQuestion absence child_id /> }.into_any()
                } else {
                    view! { <Question absence open /> }.into_any()
                }
            })
            .collect_view();
        Some(if on_home {
            view! { <ul class="questions">{items}</ul> }.into_any()
        } else {
            let i18n = use_i18n();
            view! {
                <section aria-labelledby="vragen-school">
                    <h2 id="vragen-school">{t!(i18n, child.unexplained.heading)}</h2>
                    <ul class="questions">{items}</ul>
                </section>
            }
            .into_any()
        })
    }
}

/// On the start page: the question, and a way to answer it.
#[component]
fn HomeQuestion(absence: UnexplainedAbsence, child_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let answered = absence.status == UnexplainedStatus::Explained;
    let href = format!("/kinderen/{child_id}?antwoord={}", absence.id);
    view! {
        <li class="question">
            <p>{absence.question}</p>
            {if answered {
                view! { <p class="seen seen--yes">{t!(i18n, child.unexplained.sent)}</p> }.into_any()
            } else {
                view! {
                    <p>
                        <A href=href attr:class="button button--primary">{t!(i18n, child.unexplained.answer)}</A>
                    </p>
                }
                .into_any()
            }}
        </li>
    }
}

/// On the child's page: the question, where it stands, and the form to
/// answer it (one open at a time, so the fields' ids are unique).
#[component]
fn Question(absence: UnexplainedAbsence, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let absence = RwSignal::new(absence);
    let id = absence.with_untracked(|a| a.id.clone());
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| open.with(|o| o.as_ref() == Some(&id)))
    };
    let button_id = format!("antwoord-{id}");
    let toggle = move |_| open.set((!is_open.get()).then(|| id.clone()));
    view! {
        <li class="question">
            <p>{move || absence.with(|a| a.question.clone())}</p>
            <Standing absence />
            <Show when=move || absence.with(UnexplainedAbsence::can_explain)>
                <p>
                    <button
                        type="button"
                        class="button"
                        id=button_id.clone()
                        aria-expanded=move || is_open.get().to_string()
                        on:click=toggle.clone()
                    >
                        {move || if absence.with(|a| a.explanation.is_some()) {
                            t!(i18n, child.unexplained.change_answer).into_any()
                        } else {
                            t!(i18n, child.unexplained.answer).into_any()
                        }}
                    </button>
                </p>
            </Show>
            <Show when=move || is_open.get()>
                <ExplainForm absence open />
            </Show>
        </li>
    }
}

/// The parent's answer and the school's judgement, in plain words.
#[component]
fn Standing(absence: RwSignal<UnexplainedAbsence>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    move || {
        absence.with(|a| {
            let answer = a.explanation.as_ref().map(|e| {
                let note = e
                    .note
                    .clone()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                let kind = labels::absence_kind(e.kind);
                t!(
                    i18n,
                    child.unexplained.your_answer,
                    kind = move || kind.clone(),
                    note = move || note.clone()
                )
            });
            let by = match (&a.judged_by, a.judged_at) {
                (Some(by), Some(at)) => format!(" ({by}, {})", dates::moment(at, today).0),
                _ => String::new(),
            };
            let by = move || by.clone();
            let standing = match a.status {
                UnexplainedStatus::AskingParents => None,
                UnexplainedStatus::Explained => Some(t!(i18n, child.unexplained.sent).into_any()),
                UnexplainedStatus::Authorised => {
                    Some(t!(i18n, child.unexplained.authorised, by = by).into_any())
                }
                UnexplainedStatus::Unauthorised => {
                    Some(t!(i18n, child.unexplained.unauthorised, by = by).into_any())
                }
            };
            view! {
                {answer.map(|answer| view! { <p>{answer}</p> })}
                {standing.map(|standing| view! { <p class="seen seen--yes">{standing}</p> })}
            }
        })
    }
}

/// Why the child was away: the kinds of a report, and a short note except
/// with illness (what a child has stays private).
#[component]
fn ExplainForm(
    absence: RwSignal<UnexplainedAbsence>,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    const FIELDS: &[&str] = &["kind", "note"];
    let (id, kind, note) = absence.with_untracked(|a| {
        let e = a.explanation.clone();
        (
            a.id.clone(),
            e.as_ref().map(|e| e.kind).into_iter().collect(),
            e.and_then(|e| e.note).unwrap_or_default(),
        )
    });
    let kind: RwSignal<Vec<AbsenceKind>> = RwSignal::new(kind);
    let note = RwSignal::new(note);
    let sender = SendingForm::new(FIELDS, |field| match field {
        "kind" => focus("kind-0"),
        field => focus(field),
    });
    let problems = sender.problems;
    let i18n = use_i18n();
    let allows_note = move || kind.with(|k| k.first().is_some_and(|k| k.allows_note()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = kind.with_untracked(|k| k.first().copied());
        let mut found = Vec::new();
        if chosen.is_none() {
            found.push((
                "kind",
                t_string!(i18n, child.unexplained.missing_kind).to_owned(),
            ));
        }
        let kind = chosen.unwrap_or(AbsenceKind::Other);
        // A note typed before choosing "ziek" is not sent.
        let note = note.get_untracked().trim().to_owned();
        let request = AbsenceExplanation {
            kind,
            note: (kind.allows_note() && !note.is_empty()).then_some(note),
        };
        let id = id.clone();
        sender.submit(
            request,
            found,
            dates::today(),
            move |request| async move { api::explain_absence(&id, &request).await },
            move |answered: UnexplainedAbsence| {
                let back = format!("antwoord-{}", answered.id);
                absence.set(answered);
                open.set(None);
                request_animation_frame(move || focus(&back));
            },
        );
    };
    view! {
        <form class="panel form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <ChoiceGroup
                legend=t_string!(i18n, child.unexplained.why)
                field="kind"
                values=&AbsenceKind::ALL
                name_of=AbsenceKind::as_str
                label_of=kind_label
                multiple=false
                chosen=kind
                problems
            />
            <Show when=allows_note>
                <ShortText
                    field="note"
                    label=t_string!(i18n, child.unexplained.note)
                    hint=t_string!(i18n, child.unexplained.note_hint)
                    max_chars=MAX_NOTE_CHARS
                    value=note
                    problems
                />
            </Show>
            <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                {t!(i18n, child.unexplained.send)}
            </button>
        </form>
    }
}

/// A reason's name in the chosen language, as the choice list needs it (a
/// `&'static str`; `labels::absence_kind` gives a `String`).
fn kind_label(kind: AbsenceKind) -> &'static str {
    let i18n = use_i18n();
    match kind {
        AbsenceKind::Ill => t_string!(i18n, common.labels.absence_kind.ill),
        AbsenceKind::Appointment => t_string!(i18n, common.labels.absence_kind.appointment),
        AbsenceKind::Other => t_string!(i18n, common.labels.absence_kind.other),
    }
}
