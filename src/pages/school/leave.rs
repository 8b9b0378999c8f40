//! `/school/verlof`: the school's leave requests, for the director and the
//! school admin. Those waiting for a decision (or all of them), each with
//! the child, the kind, the days, the parent's reason and who asked; and a
//! form to allow it or not, with a reason the parents read.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::leave::{school_days, MAX_LEAVE_REASON_CHARS};
use shared::{DeskAction, LeaveDecision, LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{focus, ProblemSummary};
use crate::components::form_fields::{ChoiceGroup, ShortText};
use crate::components::sending_form::SendingForm;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn SchoolLeavePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, school.leave.title).to_owned());
    school_page(title, DeskAction::DecideLeave, |school| {
        view! { <LeaveRequests school /> }.into_any()
    })
}

/// Which requests, and the list.
#[component]
fn LeaveRequests(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let all = RwSignal::new(false);
    let requests = LocalResource::new(move || {
        let (id, all) = (school.id.clone(), all.get());
        async move { api::school_leave_requests(&id, all).await }
    });
    // One form open at a time, so the fields' ids are unique.
    let open = RwSignal::new(None::<String>);
    let choice = move |value: bool, id: &'static str| {
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id
                    name="welke"
                    prop:checked=move || all.get() == value
                    on:change=move |_| all.set(value)
                />
                <label for=id>{move || which(value)}</label>
            </div>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{t!(i18n, school.leave.which)}</legend>
            {choice(false, "welke-open")}
            {choice(true, "welke-alle")}
        </fieldset>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match requests.await {
                    Ok(list) if list.is_empty() => view! {
                        <p>{move || if all.get_untracked() {
                            t_string!(i18n, school.leave.none_yet)
                        } else {
                            t_string!(i18n, school.leave.none_waiting)
                        }}</p>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        <ul class="report-list" aria-label=move || t_string!(i18n, school.leave.title)>
                            {list
                                .into_iter()
                                .map(|leave| view! { <LeaveItem leave open /> })
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

/// The choice between the requests that wait and all of them.
fn which(all: bool) -> &'static str {
    let i18n = use_i18n();
    if all {
        t_string!(i18n, school.leave.all)
    } else {
        t_string!(i18n, school.leave.waiting)
    }
}

/// One request: what is asked and by whom, where it stands, and while it
/// waits, "Beslissen" with the form.
#[component]
fn LeaveItem(leave: LeaveRequest, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let leave = RwSignal::new(leave);
    let id = leave.with_untracked(|l| l.id.clone());
    let heading_id = format!("verlof-{id}");
    let button_id = format!("beslissen-{id}");
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| open.with(|o| o.as_ref() == Some(&id)))
    };
    let toggle = move |_| open.set((!is_open.get()).then(|| id.clone()));
    let facts = leave.with_untracked(|l| {
        let count = school_days(l.first_day, l.last_day);
        let (on, at) = dates::moment(l.requested_at, today);
        (
            format!(
                "{}, {}",
                l.pupil_first_name,
                dates::days(l.first_day, l.last_day, today)
            ),
            l.kind,
            count,
            l.reason.clone(),
            (l.requested_by.clone(), on, at),
        )
    });
    let (title, kind, count, reason, (by, on, at)) = facts;
    let pending = move || leave.with(|l| l.status == LeaveStatus::Pending);
    view! {
        <li class="card">
            <h2 id=heading_id>{title}</h2>
            <p class="report-list__kind">{move || labels::leave_kind(kind)}</p>
            <p>{match count {
                1 => t!(i18n, school.leave.one_school_day).into_any(),
                n => t!(i18n, school.leave.school_days, number = move || n).into_any(),
            }}</p>
            <p>{t!(i18n, school.leave.parent_reason, reason = move || reason.clone())}</p>
            <p class="card__meta">
                {t!(
                    i18n,
                    school.leave.asked_by,
                    name = move || by.clone(),
                    day = move || on.clone(),
                    time = move || at.clone()
                )}
            </p>
            <Decided leave today />
            <Show when=pending>
                <p>
                    <button
                        type="button"
                        class="button"
                        id=button_id.clone()
                        aria-expanded=move || is_open.get().to_string()
                        on:click=toggle.clone()
                    >
                        {t!(i18n, school.leave.decide)}
                    </button>
                </p>
            </Show>
            <Show when=move || is_open.get() && pending()>
                <DecisionForm leave open />
            </Show>
        </li>
    }
}

/// Where it stands: "Status: Niet toegestaan", the school's reason, and who
/// decided when.
#[component]
fn Decided(leave: RwSignal<LeaveRequest>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        leave.with(|l| {
            let status_id = format!("status-{}", l.id);
            let withdrawn = l.status == LeaveStatus::Withdrawn;
            let by = l.decided_by.clone().zip(l.decided_at).map(|(by, at)| {
                let (on, time) = dates::moment(at, today);
                let (name, day, time) =
                    (move || by.clone(), move || on.clone(), move || time.clone());
                if withdrawn {
                    t!(i18n, school.leave.withdrawn_by, name, day, time).into_any()
                } else {
                    t!(i18n, school.leave.decided_by, name, day, time).into_any()
                }
            });
            let status = l.status;
            view! {
                <p id=status_id tabindex="-1" class=format!("status status--{}", l.status.as_str())>
                    {t!(i18n, school.status)} " "
                    <strong>{move || if status == LeaveStatus::Pending {
                        t_string!(i18n, school.leave.pending).to_owned()
                    } else {
                        labels::leave_status(status)
                    }}</strong>
                </p>
                {l.decision_reason.clone().map(|reason| view! {
                    <p>{t!(i18n, school.leave.school_reason, reason = move || reason.clone())}</p>
                })}
                {by.map(|line| view! { <p class="card__meta">{line}</p> })}
            }
        })
    }
}

/// "Toestaan" or "Niet toestaan", and why (the parents read it).
#[component]
fn DecisionForm(leave: RwSignal<LeaveRequest>, open: RwSignal<Option<String>>) -> impl IntoView {
    const FIELDS: &[&str] = &["granted", "reason"];
    const ANSWERS: [bool; 2] = [true, false];
    let i18n = use_i18n();
    let granted: RwSignal<Vec<bool>> = RwSignal::new(Vec::new());
    let reason = RwSignal::new(String::new());
    let sender = SendingForm::new(FIELDS, |field| match field {
        "granted" => focus("granted-0"),
        field => focus(field),
    });
    let problems = sender.problems;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = granted.with_untracked(|g| g.first().copied());
        let mut found = Vec::new();
        if chosen.is_none() {
            let message = t_string!(i18n, school.leave.choose_decision);
            found.push(("granted", message.to_owned()));
        }
        let request = LeaveDecision {
            granted: chosen.unwrap_or(false),
            reason: reason.get_untracked().trim().to_owned(),
        };
        let id = leave.with_untracked(|l| l.id.clone());
        sender.submit(
            request,
            found,
            dates::today(),
            move |request| async move { api::decide_leave(&id, &request).await },
            move |decided: LeaveRequest| {
                let status_id = format!("status-{}", decided.id);
                leave.set(decided);
                open.set(None);
                request_animation_frame(move || focus(&status_id));
            },
        );
    };
    view! {
        <form class="panel form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <ChoiceGroup
                legend=t_string!(i18n, school.leave.decision)
                field="granted"
                values=&ANSWERS
                name_of=|granted| if granted { "true" } else { "false" }
                label_of=move |granted| {
                    if granted {
                        t_string!(i18n, school.leave.grant)
                    } else {
                        t_string!(i18n, school.leave.refuse)
                    }
                }
                multiple=false
                chosen=granted
                problems
            />
            <ShortText
                field="reason"
                label=t_string!(i18n, school.leave.reason)
                hint=t_string!(i18n, school.leave.reason_hint)
                max_chars=MAX_LEAVE_REASON_CHARS
                value=reason
                problems
            />
            <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                {t!(i18n, school.leave.submit)}
            </button>
        </form>
    }
}
