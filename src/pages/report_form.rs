//! `/melden`: report one or more children absent. The same form changes a
//! report ([`Purpose::Change`], `/meldingen/:id/wijzigen`).
//!
//! The form is checked here with the same rules the server uses
//! (`NewAbsenceReport::validate`, `AbsenceDetails::validate`); each problem
//! is shown next to its field. A new report that gets no answer (no
//! network) is kept on the phone and sent later by itself (`outbox.rs`).

use chrono::{Days, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use shared::reports::{MAX_DAYS_AHEAD, MAX_DAYS_BACK, MAX_NOTE_CHARS};
use shared::{
    AbsenceDetails, AbsenceKind, AbsenceReport, ApiError, Child, FieldError, NewAbsenceReport,
    ReportChange,
};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::NoChildren;
use crate::components::field_problems::{focus, ProblemSummary, Problems};
use crate::components::form_fields::{
    children_asked_for, ChildChoice, Choice, DayField, ShortText, TimeField,
};
use crate::components::sending_form::{FormRequest, SendingForm};
use crate::components::waiting_reports::WaitingReports;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::labels;
use crate::outbox;
use leptos_i18n::I18nContext;

/// The fields that can be wrong, in the order of the form.
const FIELDS: [&str; 6] = [
    "pupil_ids",
    "first_day",
    "last_day",
    "start_time",
    "end_time",
    "note",
];

/// What the parent filled in, as the inputs hold it.
#[derive(Clone, Copy)]
struct Form {
    pupils: RwSignal<Vec<String>>,
    kind: RwSignal<AbsenceKind>,
    first_day: RwSignal<String>,
    until_better: RwSignal<bool>,
    last_day: RwSignal<String>,
    part_of_day: RwSignal<bool>,
    start_time: RwSignal<String>,
    end_time: RwSignal<String>,
    note: RwSignal<String>,
}

impl Form {
    /// The inputs filled in with `details`, with `pupils` chosen.
    fn new(pupils: Vec<String>, details: &AbsenceDetails) -> Self {
        let time = |t: Option<NaiveTime>| t.map(dates::time).unwrap_or_default();
        Self {
            pupils: RwSignal::new(pupils),
            kind: RwSignal::new(details.kind),
            first_day: RwSignal::new(details.first_day.to_string()),
            until_better: RwSignal::new(details.last_day.is_none()),
            last_day: RwSignal::new(details.last_day.unwrap_or(details.first_day).to_string()),
            part_of_day: RwSignal::new(details.start_time.is_some() || details.end_time.is_some()),
            start_time: RwSignal::new(time(details.start_time)),
            end_time: RwSignal::new(time(details.end_time)),
            note: RwSignal::new(details.note.clone().unwrap_or_default()),
        }
    }

    /// Ill, and "until my child is better" is ticked: no last day.
    fn open_ended(&self) -> bool {
        self.kind.get() == AbsenceKind::Ill && self.until_better.get()
    }

    /// A single day, so part of the day is possible.
    fn one_day(&self) -> bool {
        !self.open_ended() && self.last_day.get() == self.first_day.get()
    }

    /// The details as they would be sent, with the problems the inputs have
    /// before the shared rules are checked (an empty date, a wrong time).
    fn read(&self, today: NaiveDate, i18n: I18nContext<Locale>) -> (AbsenceDetails, Problems) {
        let mut problems = Problems::new();
        let first_day = dates::date_input(&self.first_day.get_untracked()).unwrap_or_else(|| {
            problems.push((
                "first_day",
                t_string!(i18n, report.form.no_first_day).into(),
            ));
            today
        });
        let kind = self.kind.get_untracked();
        let open_ended = kind == AbsenceKind::Ill && self.until_better.get_untracked();
        let last_day = if open_ended {
            None
        } else {
            Some(
                dates::date_input(&self.last_day.get_untracked()).unwrap_or_else(|| {
                    problems.push(("last_day", t_string!(i18n, report.form.no_last_day).into()));
                    first_day
                }),
            )
        };
        let with_times = !open_ended
            && self.part_of_day.get_untracked()
            && self.last_day.get_untracked() == self.first_day.get_untracked();
        let (mut start_time, mut end_time) = (None, None);
        if with_times {
            let bad_time: String = t_string!(i18n, report.form.bad_time).into();
            let mut time = |field, value: RwSignal<String>| {
                let time = parse_time(&value.get_untracked());
                if time.is_none() {
                    problems.push((field, bad_time.clone()));
                }
                time.flatten()
            };
            start_time = time("start_time", self.start_time);
            end_time = time("end_time", self.end_time);
            if start_time.is_none() && end_time.is_none() && problems.is_empty() {
                problems.push(("start_time", t_string!(i18n, report.form.no_time).into()));
            }
        }
        let note = self.note.get_untracked();
        let note = (kind.allows_note() && !note.trim().is_empty()).then(|| note.trim().to_owned());
        let details = AbsenceDetails {
            kind,
            first_day,
            last_day,
            start_time,
            end_time,
            note,
        };
        (details, problems)
    }
}

/// The first names of the chosen children, in the form's order.
fn children_named(children: &[Child], chosen: &[String]) -> Vec<String> {
    children
        .iter()
        .filter(|child| chosen.contains(&child.id))
        .map(|child| child.first_name.clone())
        .collect()
}

/// An empty time is no time (`Some(None)`); anything else must be
/// "HH:MM" (`None` when it is not).
fn parse_time(value: &str) -> Option<Option<NaiveTime>> {
    if value.is_empty() {
        return Some(None);
    }
    dates::time_input(value).map(Some)
}

/// What the form is for.
#[derive(Clone)]
pub enum Purpose {
    /// A new report, for one or more of these children.
    New(Vec<Child>),
    /// New details for this report (the child stays the same).
    Change(AbsenceReport),
}

/// One submission of the form.
#[derive(Clone, PartialEq)]
enum Save {
    New(NewAbsenceReport),
    Change { id: String, details: ReportChange },
}

impl FormRequest for Save {
    fn set_key(&mut self, key: String) {
        // A change needs no key: sending the same details twice is harmless.
        if let Self::New(report) = self {
            report.set_key(key);
        }
    }

    fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        match self {
            Self::New(report) => report.check(today),
            Self::Change { details, .. } => details.validate(today),
        }
    }
}

impl Save {
    /// Sends it; the page to show next. A new report that gets no answer
    /// (no network) is kept on the phone and sent later by itself: then
    /// the start page, which shows it as not sent yet. One the session
    /// ended for is kept too, and goes after the log-in.
    async fn send(self, reporter: Reporter) -> Result<String, ApiError> {
        match self {
            Self::New(report) => match api::send_reports(&report).await {
                Ok(reports) => {
                    let ids: Vec<String> = reports.into_iter().map(|r| r.id).collect();
                    Ok(format!("/meldingen/{}", ids.join(",")))
                }
                Err(failed) => {
                    let error = failed.error.clone();
                    let state = match outbox::Outcome::of_failure(failed.status, String::new()) {
                        outbox::Outcome::NoAnswer => outbox::State::NotSent,
                        outbox::Outcome::LoggedOut => outbox::State::LogInFirst,
                        // Refused: shown next to its field, as always.
                        _ => return Err(error),
                    };
                    let Reporter { account, names } = reporter;
                    let log_in_first = state == outbox::State::LogInFirst;
                    outbox::keep(outbox::Kept {
                        account,
                        report,
                        names,
                        state,
                    });
                    if log_in_first {
                        api::redirect_to_log_in();
                        return Err(error);
                    }
                    Ok("/".to_owned())
                }
            },
            Self::Change { id, details } => {
                let report: AbsenceReport = api::change_report(&id, &details).await?;
                Ok(format!("/kinderen/{}?gewijzigd=ja", report.pupil_id))
            }
        }
    }
}

/// Who sends a new report: what the outbox keeps with it, should it not
/// reach the school now.
struct Reporter {
    account: String,
    names: Vec<String>,
}

/// The "Afwezig melden" page.
#[component]
pub fn ReportFormPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, report.form.title)));
    let auth = expect_context::<Auth>();
    let children = auth.children();

    view! {
        <h1>{t!(i18n, report.form.title)}</h1>
        // Kept after the session ended: here again after the log-in.
        <WaitingReports />
        {if children.is_empty() {
            view! { <NoChildren /> }.into_any()
        } else {
            view! { <ReportForm purpose=Purpose::New(children) /> }.into_any()
        }}
    }
}

/// The form itself: a new report (choosing children) or a change to one.
#[component]
pub fn ReportForm(purpose: Purpose) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let navigate = use_navigate();
    let (children, form) = match &purpose {
        Purpose::New(children) => {
            let ill_today = AbsenceDetails {
                kind: AbsenceKind::Ill,
                first_day: today,
                last_day: None,
                start_time: None,
                end_time: None,
                note: None,
            };
            let form = Form::new(children_asked_for(children), &ill_today);
            (children.clone(), form)
        }
        Purpose::Change(report) => (Vec::new(), Form::new(Vec::new(), &report.details)),
    };
    let auth = expect_context::<Auth>();
    let children = StoredValue::new(children);
    let is_new = matches!(purpose, Purpose::New(_));
    let purpose = StoredValue::new(purpose);
    let sender = SendingForm::new(&FIELDS, |field| {
        // The first child's box stands for "which children".
        focus(if field == "pupil_ids" {
            "kind-0"
        } else {
            field
        })
    });
    let problems = sender.problems;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (details, found) = form.read(today, i18n);
        let save = purpose.with_value(|purpose| match purpose {
            Purpose::New(_) => Save::New(NewAbsenceReport {
                pupil_ids: form.pupils.get_untracked(),
                details,
                idempotency_key: String::new(),
            }),
            Purpose::Change(report) => Save::Change {
                id: report.id.clone(),
                details,
            },
        });
        let reporter = Reporter {
            account: auth
                .me
                .with_untracked(|me| me.as_ref().map(|me| me.email.clone()).unwrap_or_default()),
            names: children.with_value(|c| children_named(c, &form.pupils.get_untracked())),
        };
        let navigate = navigate.clone();
        // The confirmation comes next: from the front door, that is the
        // whole app, which can load while the report is sent.
        crate::handover::fetch_whole_app();
        sender.submit(
            save,
            found,
            today,
            move |save| save.send(reporter),
            move |next: String| navigate(&next, NavigateOptions::default()),
        );
    };

    let earliest = (today - Days::new(MAX_DAYS_BACK)).to_string();
    let latest = (today + Days::new(MAX_DAYS_AHEAD)).to_string();

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=&FIELDS general=sender.general />

            // A change keeps its child: no choice then.
            {is_new.then(|| view! {
                <ChildChoice children=children.get_value() field="pupil_ids" multiple=true chosen=form.pupils problems />
            })}

            <fieldset class="field">
                <legend>{t!(i18n, report.form.why)}</legend>
                {AbsenceKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <Choice
                                kind="radio"
                                id=format!("reden-{}", kind.as_str())
                                name="kind"
                                value=kind.as_str()
                                checked=Signal::derive(move || form.kind.get() == kind)
                                on_change=Callback::new(move |_| form.kind.set(kind))
                            >
                                {move || labels::absence_kind(kind)}
                            </Choice>
                        }
                    })
                    .collect_view()}
            </fieldset>

            <DayField
                field="first_day"
                label=move || t_string!(i18n, report.form.first_day)
                min=earliest
                max=latest.clone()
                value=form.first_day
                problems
                last_day=form.last_day
            />

            <Show when=move || form.kind.get() == AbsenceKind::Ill>
                <div class="field choice">
                    <input type="checkbox" id="until_better" bind:checked=form.until_better />
                    <label for="until_better">{t!(i18n, report.form.until_better)}</label>
                </div>
            </Show>

            <Show when=move || !form.open_ended()>
                <DayField
                    field="last_day"
                    label=move || t_string!(i18n, report.form.last_day)
                    min=Signal::derive(move || form.first_day.get())
                    max=latest.clone()
                    value=form.last_day
                    problems
                />
            </Show>

            <Show when=move || form.one_day()>
                <div class="field choice">
                    <input type="checkbox" id="part_of_day" bind:checked=form.part_of_day />
                    <label for="part_of_day">{t!(i18n, report.form.part_of_day)}</label>
                </div>
                <Show when=move || form.part_of_day.get()>
                    <div class="times">
                        <p class="hint" id="times-hint">{t!(i18n, report.form.times_hint)}</p>
                        <TimeField field="start_time" label=move || t_string!(i18n, report.form.away_from) value=form.start_time problems />
                        <TimeField field="end_time" label=move || t_string!(i18n, report.form.back_at) value=form.end_time problems />
                    </div>
                </Show>
            </Show>

            <Show when=move || form.kind.get().allows_note()>
                <ShortText
                    field="note"
                    label=move || t_string!(i18n, report.form.note_label)
                    hint=move || t_string!(i18n, report.form.note_hint)
                    max_chars=MAX_NOTE_CHARS
                    value=form.note
                    problems
                />
            </Show>

            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                {move || match (is_new, sender.sending.get()) {
                    (true, false) => t_string!(i18n, report.form.send),
                    (true, true) => t_string!(i18n, report.form.sending),
                    (false, false) => t_string!(i18n, report.form.save),
                    (false, true) => t_string!(i18n, report.form.saving),
                }}
            </button>
        </form>
    }
}
