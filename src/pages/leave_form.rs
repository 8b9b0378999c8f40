//! `/verlof`: the rules of leave, then the form to ask for it.
//!
//! The texts about the rules are those of `shared::leave`, in the chosen
//! language; the form is checked with the same rules the server uses
//! (`NewLeaveRequest::validate`) and shows the soft advice
//! (`NewLeaveRequest::advice`) while it is filled in.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use shared::leave::{school_days, LEAVE_DAYS_BACK, LEAVE_MAX_DAYS_AHEAD, MAX_LEAVE_REASON_CHARS};
use shared::{Child, LeaveKind, LeaveRequest, NewLeaveRequest};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::NoChildren;
use crate::components::field_problems::{focus, FieldProblem, ProblemSummary, Problems};
use crate::components::form_fields::{
    children_asked_for, ChildChoice, Choice, DayField, ShortText,
};
use crate::components::next_steps::{form, plural};
use crate::components::sending_form::SendingForm;
use crate::dates;
use crate::i18n::{language_of, t, t_string, td, use_i18n};
use crate::labels;

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
        let i18n = use_i18n();
        let mut problems = Problems::new();
        let kind = self.kind.get_untracked().unwrap_or_else(|| {
            problems.push((
                "kind",
                t_string!(i18n, child.leave_form.missing_kind).into(),
            ));
            LeaveKind::ImportantCircumstances
        });
        let first_day = dates::date_input(&self.first_day.get_untracked()).unwrap_or_else(|| {
            problems.push((
                "first_day",
                t_string!(i18n, child.leave_form.missing_first_day).into(),
            ));
            today
        });
        let last_day = dates::date_input(&self.last_day.get_untracked()).unwrap_or_else(|| {
            problems.push((
                "last_day",
                t_string!(i18n, child.leave_form.missing_last_day).into(),
            ));
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

    /// The advice for what is filled in now (tracked), in Dutch, with the
    /// school days asked; none until the kind and both days are there.
    fn advice(&self, today: NaiveDate) -> (Vec<String>, u64) {
        let (Some(kind), Some(first_day), Some(last_day)) = (
            self.kind.get(),
            dates::date_input(&self.first_day.get()),
            dates::date_input(&self.last_day.get()),
        ) else {
            return (Vec::new(), 0);
        };
        let advice = NewLeaveRequest {
            pupil_id: String::new(),
            kind,
            first_day,
            last_day,
            reason: String::new(),
            idempotency_key: String::new(),
        }
        .advice(today);
        (advice, school_days(first_day, last_day))
    }
}

/// The "Verlof aanvragen" page: what leave is and who decides, the kinds
/// with their rules, and the form.
#[component]
pub fn LeaveFormPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| set_title(t_string!(i18n, child.leave_form.title)));
    let auth = expect_context::<Auth>();
    let children = auth.children();

    view! {
        <h1>{t!(i18n, child.leave_form.title)}</h1>
        <LeaveRules />
        <h2 id="aanvraag">{t!(i18n, child.leave_form.your_request)}</h2>
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
    let i18n = use_i18n();
    view! {
        <section class="rules" aria-labelledby="zo-werkt-verlof">
            <h2 id="zo-werkt-verlof">{t!(i18n, child.leave_form.how_it_works)}</h2>
            // `shared::leave::LEAVE_BASICS`, in the chosen language.
            <ul>
                <li>{t!(i18n, child.leave_form.basics.not_a_report)}</li>
                <li>{t!(i18n, child.leave_form.basics.who_decides)}</li>
                <li>{t!(i18n, child.leave_form.basics.holiday)}</li>
                <li>{t!(i18n, child.leave_form.basics.answer)}</li>
            </ul>
            <h2>{t!(i18n, child.leave_form.kinds)}</h2>
            {LeaveKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <details class="rules__kind">
                            <summary>{move || labels::leave_kind(kind)}</summary>
                            <KindRules kind />
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The rules of one kind of leave (`LeaveKind::rules`), as a list.
#[component]
fn KindRules(kind: LeaveKind) -> impl IntoView {
    let i18n = use_i18n();
    let rules = match kind {
        LeaveKind::HolidayForWork => view! {
            <li>{t!(i18n, child.leave_form.rules.holiday_for_work.when)}</li>
            <li>{t!(i18n, child.leave_form.rules.holiday_for_work.how_often)}</li>
            <li>{t!(i18n, child.leave_form.rules.holiday_for_work.not_first_weeks)}</li>
            <li>{t!(i18n, child.leave_form.rules.holiday_for_work.ahead)}</li>
        }
        .into_any(),
        LeaveKind::ImportantCircumstances => view! {
            <li>{t!(i18n, child.leave_form.rules.important_circumstances.examples)}</li>
            <li>{t!(i18n, child.leave_form.rules.important_circumstances.ahead)}</li>
            <li>{t!(i18n, child.leave_form.rules.important_circumstances.usual)}</li>
            <li>{t!(i18n, child.leave_form.rules.important_circumstances.who_decides)}</li>
        }
        .into_any(),
        LeaveKind::Religious => view! {
            <li>{t!(i18n, child.leave_form.rules.religious.what)}</li>
            <li>{t!(i18n, child.leave_form.rules.religious.usual)}</li>
            <li>{t!(i18n, child.leave_form.rules.religious.ahead)}</li>
        }
        .into_any(),
    };
    view! { <ul>{rules}</ul> }
}

/// One line of `NewLeaveRequest::advice` in the chosen language, known by
/// its Dutch; a line this does not know yet is shown in Dutch.
fn advice_line(line: String, days: u64) -> AnyView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let form = form(language_of(locale), days as f32);
    if line.starts_with("De school beslist. Vraag het liefst 8 weken") {
        t!(i18n, child.leave_form.advice.holiday_early).into_any()
    } else if line.starts_with("Vakantieverlof kan voor hoogstens 10 schooldagen") {
        plural!(
            locale,
            form,
            child.leave_form.advice.holiday_too_long,
            count = move || days
        )
    } else if line.starts_with("U vraagt het verlof achteraf") {
        t!(i18n, child.leave_form.advice.afterwards).into_any()
    } else if line.contains("beslist niet de directeur, maar de leerplichtambtenaar") {
        plural!(
            locale,
            form,
            child.leave_form.advice.attendance_officer,
            count = move || days
        )
    } else if line.starts_with("Laat het de school liefst 2 dagen") {
        t!(i18n, child.leave_form.advice.religious_early).into_any()
    } else if line.starts_with("Meestal is het 1 dag per feest of plicht") {
        plural!(
            locale,
            form,
            child.leave_form.advice.religious_long,
            count = move || days
        )
    } else {
        view! { <span lang="nl">{line}</span> }.into_any()
    }
}

/// The form, for these children.
#[component]
fn LeaveForm(children: Vec<Child>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
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
                <legend>{t!(i18n, child.leave_form.which_kind)}</legend>
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
                                {move || labels::leave_kind(kind)}
                            </Choice>
                        }
                    })
                    .collect_view()}
                {move || form.kind.get().map(|kind| view! {
                    <div class="hint rules__chosen">
                        <p>{t!(i18n, child.leave_form.chosen_rules)}</p>
                        <KindRules kind />
                    </div>
                })}
            </fieldset>

            <DayField
                field="first_day"
                label=t_string!(i18n, child.leave_form.first_day)
                min=earliest
                max=latest.clone()
                value=form.first_day
                problems
                last_day=form.last_day
            />
            <DayField
                field="last_day"
                label=t_string!(i18n, child.leave_form.last_day)
                min=Signal::derive(move || form.first_day.get())
                max=latest
                value=form.last_day
                problems
            />
            <ShortText
                field="reason"
                label=t_string!(i18n, child.leave_form.why)
                hint=t_string!(i18n, child.leave_form.why_hint)
                max_chars=MAX_LEAVE_REASON_CHARS
                value=form.reason
                problems
            />

            <div aria-live="polite">
                {move || {
                    let (advice, days) = advice();
                    (!advice.is_empty()).then(|| view! {
                        <div class="notice">
                            <p><strong>{t!(i18n, child.leave_form.good_to_know)}</strong></p>
                            <ul>{advice.into_iter().map(|line| view! { <li>{advice_line(line, days)}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            </div>

            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                {move || if sender.sending.get() {
                    t!(i18n, child.leave_form.sending).into_any()
                } else {
                    t!(i18n, child.leave_form.send).into_any()
                }}
            </button>
        </form>
    }
}
