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
use crate::dates;
use crate::i18n::{t, use_i18n};
use crate::labels;

/// The id of the line that says what was just decided.
const STATUS_ID: &str = "antwoorden-status";

/// The section: loads the open items of `school`.
#[component]
pub fn ParentAnswers(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let may_judge = school.may(shared::DeskAction::Judge);
    let loaded = LocalResource::new(move || {
        let id = school.id.clone();
        async move { api::school_absences(&id).await }
    });
    view! {
        <section aria-labelledby="antwoorden-ouders" class="desk-group">
            <h2 id="antwoorden-ouders">{t!(i18n, school.answers.heading)}</h2>
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

/// What was just decided: for whom (pupil and day), and whether the
/// reason was accepted.
#[derive(Clone)]
struct Judged {
    who: String,
    authorised: bool,
}

#[component]
fn AnswerList(items: Vec<UnexplainedAbsence>, may_judge: bool) -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(items);
    let status = RwSignal::new(None::<Judged>);
    let today = dates::today();
    let judged = Callback::new(move |(absence, line): (UnexplainedAbsence, Judged)| {
        items.update(|items| items.retain(|a| a.id != absence.id));
        status.set(Some(line));
        request_animation_frame(|| focus(STATUS_ID));
    });
    view! {
        // Not role="status": the desk's own line is the page's status.
        <div aria-live="polite" class="status-region">
            {move || status.get().map(|Judged { who, authorised }| {
                let who = move || who.clone();
                let text = if authorised {
                    t!(i18n, school.answers.accepted, who).into_any()
                } else {
                    t!(i18n, school.answers.not_accepted, who).into_any()
                };
                view! { <p class="notice" id=STATUS_ID tabindex="-1">{text}</p> }
            })}
        </div>
        {move || {
            if items.with(Vec::is_empty) {
                view! { <p>{t!(i18n, school.answers.none)}</p> }.into_any()
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
    judged: Callback<(UnexplainedAbsence, Judged)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", absence.pupil_first_name, absence.pupil_last_name);
    let when = when(&absence, today);
    let answered = absence.status == UnexplainedStatus::Explained;
    let standing = match (absence.explained_by.clone(), absence.explained_at) {
        (Some(by), Some(at)) if answered => {
            let (on, time) = dates::moment(at, today);
            let (name, day, time) = (move || by.clone(), move || on.clone(), move || time.clone());
            t!(i18n, school.answers.answered_by, name, day, time).into_any()
        }
        _ => t!(i18n, school.answers.waiting).into_any(),
    };
    let reason = absence.explanation.clone().map(|e| {
        let reason = move || labels::absence_kind(e.kind);
        match e.note {
            Some(note) => {
                let note = move || note.clone();
                t!(i18n, school.answers.reason_with_note, reason, note).into_any()
            }
            None => t!(i18n, school.answers.reason, reason).into_any(),
        }
    });
    let (marked_on, _) = dates::moment(absence.marked_at, today);
    let marked_by = absence.marked_by.clone();
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
                    Ok(now) => judged.run((now, Judged { who, authorised })),
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
                            {t!(i18n, school.answers.accept)}
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
                    {t!(i18n, school.answers.refuse)}
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
            <p>{t!(i18n, school.answers.absent_when, when = move || when.clone())}</p>
            <p class=if answered { "seen seen--yes" } else { "seen" }>{standing}</p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            <p class="card__meta">
                {t!(
                    i18n,
                    school.answers.marked_by,
                    name = move || marked_by.clone(),
                    day = move || marked_on.clone()
                )}
            </p>
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
    dates::period(&details, today)
}
