//! "Antwoorden van ouders", on the desk: the days the school marked a pupil
//! absent without a report and has not judged yet. The parents' answers
//! come first; staff who may judge accept the reason or not, and the item
//! leaves the list.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{AbsenceJudgement, UnexplainedAbsence, UnexplainedStatus};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::focus;
use crate::dutch;

/// The id of the line that says what was just decided.
const STATUS_ID: &str = "antwoorden-status";

/// The section: loads the open items of `school`.
#[component]
pub fn ParentAnswers(school: School) -> impl IntoView {
    let may_judge = school.may(shared::DeskAction::Judge);
    let loaded = LocalResource::new(move || {
        let id = school.id.clone();
        async move { api::school_absences(&id).await }
    });
    view! {
        <section aria-labelledby="antwoorden-ouders" class="desk-group">
            <h2 id="antwoorden-ouders">"Antwoorden van ouders"</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(items) => view! { <AnswerList items may_judge /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AnswerList(items: Vec<UnexplainedAbsence>, may_judge: bool) -> impl IntoView {
    let items = RwSignal::new(items);
    let status = RwSignal::new(None::<String>);
    let today = dutch::today();
    let judged = Callback::new(move |(absence, text): (UnexplainedAbsence, String)| {
        items.update(|items| items.retain(|a| a.id != absence.id));
        status.set(Some(text));
        request_animation_frame(|| focus(STATUS_ID));
    });
    view! {
        // Not role="status": the desk's own line is the page's status.
        <div aria-live="polite" class="status-region">
            {move || status.get().map(|message| view! {
                <p class="notice" id=STATUS_ID tabindex="-1">{message}</p>
            })}
        </div>
        {move || {
            if items.with(Vec::is_empty) {
                view! { <p>"Er wachten geen antwoorden van ouders."</p> }.into_any()
            } else {
                view! {
                    <ul class="report-list" aria-labelledby="antwoorden-ouders">
                        <For
                            each=move || items.get()
                            key=|a| a.id.clone()
                            children=move |absence| view! { <AnswerItem absence may_judge today judged /> }
                        />
                    </ul>
                }
                .into_any()
            }
        }}
    }
}

/// One day: pupil and group, when, where it stands, the parents' reason
/// and who gave it; and the two buttons.
#[component]
fn AnswerItem(
    absence: UnexplainedAbsence,
    may_judge: bool,
    today: NaiveDate,
    judged: Callback<(UnexplainedAbsence, String)>,
) -> impl IntoView {
    let name = format!("{} {}", absence.pupil_first_name, absence.pupil_last_name);
    let when = when(&absence, today);
    let answered = absence.status == UnexplainedStatus::Explained;
    let standing = match (&absence.explained_by, absence.explained_at) {
        (Some(by), Some(at)) if answered => {
            let (on, time) = dutch::moment(at, today);
            format!("Beantwoord door {by} op {on} om {time}.")
        }
        _ => "Wacht op antwoord van de ouders.".to_owned(),
    };
    let reason = absence.explanation.as_ref().map(|e| match &e.note {
        Some(note) => format!("Reden: {} ({note}).", e.kind.label()),
        None => format!("Reden: {}.", e.kind.label()),
    });
    let (marked_on, _) = dutch::moment(absence.marked_at, today);
    let sending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let who = format!("{name}, {when}");
    let judge = {
        let (id, who) = (absence.id.clone(), who.clone());
        move |authorised: bool| {
            if sending.get_untracked() {
                return;
            }
            sending.set(true);
            error.set(None);
            let (id, who) = (id.clone(), who.clone());
            spawn_local(async move {
                match api::judge_absence(&id, &AbsenceJudgement { authorised }).await {
                    Ok(now) => {
                        let text = if authorised {
                            format!("{who}: reden geaccepteerd. De ouders zien dit in de app.")
                        } else {
                            format!("{who}: niet geaccepteerd. Dit telt als afwezig zonder geldige reden.")
                        };
                        judged.run((now, text));
                    }
                    Err(e) => {
                        error.set(Some(e.message));
                        sending.set(false);
                    }
                }
            });
        }
    };
    let buttons = may_judge.then(|| {
        let accept = judge.clone();
        let for_whom = format!(": {who}");
        view! {
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
            <p class="judge-buttons">
                {answered.then(|| {
                    let for_whom = for_whom.clone();
                    view! {
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=move || sending.get()
                            on:click=move |_| accept(true)
                        >
                            "Reden geaccepteerd"
                            <span class="visually-hidden">{for_whom}</span>
                        </button>
                    }
                })}
                <button
                    type="button"
                    class="button"
                    disabled=move || sending.get()
                    on:click=move |_| judge(false)
                >
                    "Niet geaccepteerd"
                    <span class="visually-hidden">{for_whom.clone()}</span>
                </button>
            </p>
        }
    });
    let class = if answered {
        "card answer answer--answered"
    } else {
        "card answer"
    };
    view! {
        <li class=class>
            <p><strong>{name.clone()}</strong> " · " {absence.group_name.clone()}</p>
            <p>{format!("Afwezig {when}")}</p>
            <p class=if answered { "seen seen--yes" } else { "seen" }>{standing}</p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            <p class="card__meta">{format!("Genoteerd door {} op {marked_on}.", absence.marked_by)}</p>
            {buttons}
        </li>
    }
}

/// "op maandag 23 november", with the times when part of the day.
fn when(absence: &UnexplainedAbsence, today: NaiveDate) -> String {
    let details = shared::AbsenceDetails {
        kind: shared::AbsenceKind::Other,
        first_day: absence.day,
        last_day: Some(absence.day),
        start_time: absence.start_time,
        end_time: absence.end_time,
        note: None,
    };
    dutch::period(&details, today)
}
