//! `/verlof`: the rules of leave, then the form to ask for it.
//!
//! Every text about the rules comes from `shared::leave`; the form is
//! checked with the same rules the server uses (`NewLeaveRequest::validate`)
//! and shows the soft advice (`NewLeaveRequest::advice`) while it is filled
//! in.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use shared::leave::{LEAVE_BASICS, LEAVE_DAYS_BACK, LEAVE_MAX_DAYS_AHEAD, MAX_LEAVE_REASON_CHARS};
use shared::{Child, LeaveKind, LeaveRequest, NewLeaveRequest};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::NoChildren;
use crate::components::field_problems::{focus, FieldProblem, ProblemSummary, Problems};
use crate::components::form_fields::{
    children_asked_for, ChildChoice, Choice, DayField, ShortText,
};
use crate::components::sending_form::SendingForm;
use crate::dutch;

/// The fields that can be wrong, in the order of the form.
const FIELDS: [&str; 5] = ["pupil_id", "kind", "first_day", "last_day", "reason"];

/// What the parent filled in, as the inputs hold it.
#[derive(Clone, Copy)]
struct Form {
    /// The chosen child's id (one at most).
    pupil: RwSignal<Vec<String>>,
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
            pupil_id: self
                .pupil
                .with_untracked(|p| p.first().cloned().unwrap_or_default()),
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
            view! { <NoChildren /> }.into_any()
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
    let form = Form {
        pupil: RwSignal::new(children_asked_for(&children)),
        kind: RwSignal::new(None),
        first_day: RwSignal::new(String::new()),
        last_day: RwSignal::new(String::new()),
        reason: RwSignal::new(String::new()),
    };
    let sender = SendingForm::new(&FIELDS, |field| {
        // The first round button of a group stands for the group.
        focus(&match field {
            "pupil_id" => "kind-0".to_owned(),
            "kind" => format!("soort-{}", LeaveKind::ALL[0].as_str()),
            field => field.to_owned(),
        })
    });
    let problems = sender.problems;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (request, found) = form.read(today);
        let navigate = navigate.clone();
        sender.submit(
            request,
            found,
            today,
            |request| async move { api::create_leave_request(&request).await },
            move |stored: LeaveRequest| {
                navigate(
                    &format!("/verlof/{}", stored.id),
                    NavigateOptions::default(),
                );
            },
        );
    };

    let earliest = (today - Days::new(LEAVE_DAYS_BACK)).to_string();
    let latest = (today + Days::new(LEAVE_MAX_DAYS_AHEAD)).to_string();
    let advice = move || form.advice(today);

    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="aanvraag">
            <ProblemSummary problems fields=&FIELDS general=sender.general />

            <ChildChoice children field="pupil_id" multiple=false chosen=form.pupil problems />

            <fieldset class="field" aria-describedby=move || problems.described_by("kind", "")>
                <legend>"Wat voor verlof?"</legend>
                <FieldProblem field="kind" problems />
                {LeaveKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <Choice
                                kind="radio"
                                id=format!("soort-{}", kind.as_str())
                                name="kind"
                                value=kind.as_str()
                                checked=Signal::derive(move || form.kind.get() == Some(kind))
                                on_change=Callback::new(move |_| {
                                    form.kind.set(Some(kind));
                                    problems.clear(&["kind"]);
                                })
                                invalid=Signal::derive(move || problems.invalid("kind"))
                            >
                                {kind.label()}
                            </Choice>
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

            <DayField
                field="first_day"
                label="Eerste dag"
                min=earliest
                max=latest.clone()
                value=form.first_day
                problems
                last_day=form.last_day
            />
            <DayField
                field="last_day"
                label="Laatste dag"
                min=Signal::derive(move || form.first_day.get())
                max=latest
                value=form.last_day
                problems
            />
            <ShortText
                field="reason"
                label="Waarom vraagt u verlof?"
                hint="Schrijf het kort op, bijvoorbeeld: de bruiloft van mijn zus. Schrijf hier geen medische informatie."
                max_chars=MAX_LEAVE_REASON_CHARS
                value=form.reason
                problems
            />

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

            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                {move || if sender.sending.get() { "Bezig met versturen…" } else { "Aanvraag versturen" }}
            </button>
        </form>
    }
}
