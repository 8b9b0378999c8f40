//! `/verlof`: the rules of leave, then the form to ask for it.
//!
//! Every text about the rules comes from `shared::leave`; the form is
//! checked with the same rules the server uses (`NewLeaveRequest::validate`)
//! and shows the soft advice (`NewLeaveRequest::advice`) while it is filled
//! in.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::leave::{LEAVE_BASICS, LEAVE_DAYS_BACK, LEAVE_MAX_DAYS_AHEAD, MAX_LEAVE_REASON_CHARS};
use shared::{Child, LeaveKind, NewLeaveRequest};

use crate::api::{self, LastAttempt};
use crate::app::{set_title, Auth};
use crate::components::field_problems::{
    focus, with_rules, FieldProblem, FieldProblems, ProblemSummary, Problems,
};
use crate::dutch;

/// The fields that can be wrong, in the order of the form.
const FIELDS: [&str; 5] = ["pupil_id", "kind", "first_day", "last_day", "reason"];

/// What the parent filled in, as the inputs hold it.
#[derive(Clone, Copy)]
struct Form {
    pupil: RwSignal<Option<String>>,
    kind: RwSignal<Option<LeaveKind>>,
    first_day: RwSignal<String>,
    last_day: RwSignal<String>,
    reason: RwSignal<String>,
}

impl Form {
    /// The request as it would be sent (without a key), with the problems
    /// the inputs have before the shared rules are checked.
    fn read(&self, today: NaiveDate) -> (NewLeaveRequest, Problems) {
        let mut problems = Problems::new();
        let kind = self.kind.get_untracked().unwrap_or_else(|| {
            problems.push(("kind", "Kies wat voor verlof u vraagt.".into()));
            LeaveKind::ImportantCircumstances
        });
        let first_day = dutch::date_input(&self.first_day.get_untracked()).unwrap_or_else(|| {
            problems.push(("first_day", "Kies de eerste dag van het verlof.".into()));
            today
        });
        let last_day = dutch::date_input(&self.last_day.get_untracked()).unwrap_or_else(|| {
            problems.push(("last_day", "Kies de laatste dag van het verlof.".into()));
            first_day
        });
        let request = NewLeaveRequest {
            pupil_id: self.pupil.get_untracked().unwrap_or_default(),
            kind,
            first_day,
            last_day,
            reason: self.reason.get_untracked().trim().to_owned(),
            idempotency_key: String::new(),
        };
        (request, problems)
    }

    /// The advice for what is filled in now (tracked); none until the kind
    /// and both days are there.
    fn advice(&self, today: NaiveDate) -> Vec<String> {
        let (Some(kind), Some(first_day), Some(last_day)) = (
            self.kind.get(),
            dutch::date_input(&self.first_day.get()),
            dutch::date_input(&self.last_day.get()),
        ) else {
            return Vec::new();
        };
        NewLeaveRequest {
            pupil_id: String::new(),
            kind,
            first_day,
            last_day,
            reason: String::new(),
            idempotency_key: String::new(),
        }
        .advice(today)
    }
}

/// The "Verlof aanvragen" page: what leave is and who decides, the kinds
/// with their rules, and the form.
#[component]
pub fn LeaveFormPage() -> impl IntoView {
    set_title("Verlof aanvragen");
    let auth = expect_context::<Auth>();
    let children = auth.children();

    view! {
        <h1>"Verlof aanvragen"</h1>
        <LeaveRules />
        <h2 id="aanvraag">"Uw aanvraag"</h2>
        {if children.is_empty() {
            view! {
                <p class="notice">
                    "Er is nog geen kind aan uw account gekoppeld. Neem contact op met de school."
                </p>
                <p>
                    <A href="/">"Naar de startpagina"</A>
                </p>
            }
                .into_any()
        } else {
            view! { <LeaveForm children /> }.into_any()
        }}
    }
}

/// What leave is, who decides, and each kind's rules (folded, to keep the
/// page short on a phone).
#[component]
fn LeaveRules() -> impl IntoView {
    view! {
        <section class="rules" aria-labelledby="zo-werkt-verlof">
            <h2 id="zo-werkt-verlof">"Zo werkt verlof"</h2>
            <ul>{LEAVE_BASICS.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            <h2>"Soorten verlof"</h2>
            {LeaveKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <details class="rules__kind">
                            <summary>{kind.label()}</summary>
                            <KindRules kind />
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The rules of one kind of leave, as a list.
#[component]
fn KindRules(kind: LeaveKind) -> impl IntoView {
    view! { <ul>{kind.rules().iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul> }
}

/// The form, for these children.
#[component]
fn LeaveForm(children: Vec<Child>) -> impl IntoView {
    let today = dutch::today();
    let navigate = use_navigate();
    let wanted = use_query_map().with_untracked(|q| q.get("kind"));
    let preselected = if children.len() == 1 {
        Some(children[0].id.clone())
    } else {
        children
            .iter()
            .find(|c| Some(&c.id) == wanted.as_ref())
            .map(|c| c.id.clone())
    };
    let form = Form {
        pupil: RwSignal::new(preselected),
        kind: RwSignal::new(None),
        first_day: RwSignal::new(String::new()),
        last_day: RwSignal::new(String::new()),
        reason: RwSignal::new(String::new()),
    };
    let problems = FieldProblems::new();
    let general_error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let last_attempt = LastAttempt::new();
    let clear = move |fields: &[&str]| problems.clear(fields);

    let on_first_day = move |value: String| {
        // Keep the last day with the first: not before it.
        let last = form.last_day.get_untracked();
        if last.is_empty() || last < value {
            form.last_day.set(value.clone());
        }
        form.first_day.set(value);
        clear(&["first_day", "last_day"]);
    };

    // The first radio button of a group stands for the group.
    let focus_field = |field: &str| {
        focus(&match field {
            "pupil_id" => "kind-0".to_owned(),
            "kind" => format!("soort-{}", LeaveKind::ALL[0].as_str()),
            field => field.to_owned(),
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let (mut request, found) = form.read(today);
        request.idempotency_key = last_attempt.key_for(&request);
        let found = with_rules(found, request.validate(today));
        if let Some(first) = problems.show(found, &FIELDS, general_error) {
            focus_field(first);
            return;
        }
        sending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::create_leave_request(&request).await {
                Ok(stored) => {
                    last_attempt.forget();
                    navigate(
                        &format!("/verlof/{}", stored.id),
                        NavigateOptions::default(),
                    );
                }
                Err(error) => {
                    sending.set(false);
                    if let Some(field) = problems.show_api_error(error, &FIELDS, general_error) {
                        focus_field(field);
                    }
                }
            }
        });
    };

    let invalid = move |field: &'static str| problems.invalid(field);
    let described =
        move |field: &'static str, hints: &'static str| problems.described_by(field, hints);
    let earliest = (today - Days::new(LEAVE_DAYS_BACK)).to_string();
    let latest = (today + Days::new(LEAVE_MAX_DAYS_AHEAD)).to_string();
    let reason_left =
        move || MAX_LEAVE_REASON_CHARS.saturating_sub(form.reason.with(|r| r.chars().count()));
    let advice = move || form.advice(today);

    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="aanvraag">
            <ProblemSummary problems fields=&FIELDS general=general_error />

            <fieldset class="field" aria-describedby=move || described("pupil_id", "")>
                <legend>"Voor wie?"</legend>
                <FieldProblem field="pupil_id" problems />
                {children
                    .into_iter()
                    .enumerate()
                    .map(|(i, child)| {
                        let id = child.id.clone();
                        let checked_id = child.id.clone();
                        let input_id = format!("kind-{i}");
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name="pupil_id"
                                    value=child.id.clone()
                                    aria-invalid=move || invalid("pupil_id")
                                    prop:checked=move || form.pupil.with(|p| p.as_ref() == Some(&checked_id))
                                    on:change=move |_| {
                                        form.pupil.set(Some(id.clone()));
                                        clear(&["pupil_id"]);
                                    }
                                />
                                <label for=input_id>{child.first_name} " (" {child.group_name} ")"</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>

            <fieldset class="field" aria-describedby=move || described("kind", "")>
                <legend>"Wat voor verlof?"</legend>
                <FieldProblem field="kind" problems />
                {LeaveKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let input_id = format!("soort-{}", kind.as_str());
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name="kind"
                                    value=kind.as_str()
                                    aria-invalid=move || invalid("kind")
                                    prop:checked=move || form.kind.get() == Some(kind)
                                    on:change=move |_| {
                                        form.kind.set(Some(kind));
                                        clear(&["kind"]);
                                    }
                                />
                                <label for=input_id>{kind.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
                {move || form.kind.get().map(|kind| view! {
                    <div class="hint rules__chosen">
                        <p>"De regels bij dit verlof:"</p>
                        <KindRules kind />
                    </div>
                })}
            </fieldset>

            <div class="field">
                <label for="first_day">"Eerste dag"</label>
                <FieldProblem field="first_day" problems />
                <input
                    type="date"
                    id="first_day"
                    name="first_day"
                    min=earliest
                    max=latest.clone()
                    aria-invalid=move || invalid("first_day")
                    aria-describedby=move || described("first_day", "")
                    prop:value=move || form.first_day.get()
                    on:change=move |ev| on_first_day(event_target_value(&ev))
                />
            </div>

            <div class="field">
                <label for="last_day">"Laatste dag"</label>
                <FieldProblem field="last_day" problems />
                <input
                    type="date"
                    id="last_day"
                    name="last_day"
                    min=move || form.first_day.get()
                    max=latest
                    aria-invalid=move || invalid("last_day")
                    aria-describedby=move || described("last_day", "")
                    prop:value=move || form.last_day.get()
                    on:change=move |ev| {
                        form.last_day.set(event_target_value(&ev));
                        clear(&["last_day"]);
                    }
                />
            </div>

            <div class="field">
                <label for="reason">"Waarom vraagt u verlof?"</label>
                <p class="hint" id="reason-hint">
                    "Schrijf het kort op, bijvoorbeeld: de bruiloft van mijn zus. Schrijf hier geen medische informatie."
                </p>
                <FieldProblem field="reason" problems />
                <textarea
                    id="reason"
                    name="reason"
                    rows="3"
                    maxlength=MAX_LEAVE_REASON_CHARS.to_string()
                    aria-invalid=move || invalid("reason")
                    aria-describedby=move || described("reason", "reason-hint reason-counter")
                    bind:value=form.reason
                    on:input=move |_| clear(&["reason"])
                ></textarea>
                <p class="hint counter" id="reason-counter">
                    "Nog " {reason_left} " tekens over."
                </p>
            </div>

            <div aria-live="polite">
                {move || {
                    let advice = advice();
                    (!advice.is_empty()).then(|| view! {
                        <div class="notice">
                            <p><strong>"Goed om te weten"</strong></p>
                            <ul>{advice.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            </div>

            <button type="submit" class="button button--primary button--big" disabled=move || sending.get()>
                {move || if sending.get() { "Bezig met versturen…" } else { "Aanvraag versturen" }}
            </button>
        </form>
    }
}
