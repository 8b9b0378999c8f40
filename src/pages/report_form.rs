//! `/melden`: report one or more children absent. The same form changes a
//! report ([`Purpose::Change`], `/meldingen/:id/wijzigen`).
//!
//! The form is checked here with the same rules the server uses
//! (`NewAbsenceReport::validate`, `AbsenceDetails::validate`); each problem
//! is shown next to its field.

use chrono::{Days, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::reports::{MAX_DAYS_AHEAD, MAX_DAYS_BACK, MAX_NOTE_CHARS};
use shared::{
    AbsenceDetails, AbsenceKind, AbsenceReport, ApiError, Child, FieldError, NewAbsenceReport,
    ReportChange,
};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::field_problems::{focus, FieldProblem, FieldProblems, Problems};
use crate::dutch;

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
        let time = |t: Option<NaiveTime>| t.map(dutch::time).unwrap_or_default();
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
    fn read(&self, today: NaiveDate) -> (AbsenceDetails, Problems) {
        let mut problems = Problems::new();
        let first_day = parse_day(&self.first_day.get_untracked()).unwrap_or_else(|| {
            problems.push((
                "first_day",
                "Kies de eerste dag dat uw kind er niet is.".into(),
            ));
            today
        });
        let kind = self.kind.get_untracked();
        let open_ended = kind == AbsenceKind::Ill && self.until_better.get_untracked();
        let last_day = if open_ended {
            None
        } else {
            Some(
                parse_day(&self.last_day.get_untracked()).unwrap_or_else(|| {
                    problems.push(("last_day", "Kies de laatste dag dat uw kind weg is.".into()));
                    first_day
                }),
            )
        };
        let with_times = !open_ended
            && self.part_of_day.get_untracked()
            && self.last_day.get_untracked() == self.first_day.get_untracked();
        let (mut start_time, mut end_time) = (None, None);
        if with_times {
            start_time = parse_time(
                "start_time",
                &self.start_time.get_untracked(),
                &mut problems,
            );
            end_time = parse_time("end_time", &self.end_time.get_untracked(), &mut problems);
            if start_time.is_none() && end_time.is_none() && problems.is_empty() {
                problems.push((
                    "start_time",
                    "Vul in hoe laat uw kind weggaat, of hoe laat het terug is. Of zet het vinkje uit.".into(),
                ));
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

fn parse_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// An empty time is no time; anything else must be "HH:MM".
fn parse_time(field: &'static str, value: &str, problems: &mut Problems) -> Option<NaiveTime> {
    if value.is_empty() {
        return None;
    }
    let time = NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .ok();
    if time.is_none() {
        problems.push((field, "Vul een tijd in, bijvoorbeeld 10:30.".into()));
    }
    time
}

/// A fresh key for one submission: 32 random hex digits.
fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let random = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !random {
        // Every browser we support has crypto; this only keeps the key unique.
        let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
enum Save {
    New(NewAbsenceReport),
    Change { id: String, details: ReportChange },
}

impl Save {
    /// The shared rules, as the server checks them.
    fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        match self {
            Self::New(report) => report.validate(today),
            Self::Change { details, .. } => details.validate(today),
        }
    }

    /// Sends it; the page to show next.
    async fn send(self) -> Result<String, ApiError> {
        match self {
            Self::New(report) => {
                let reports = api::create_reports(&report).await?;
                let ids: Vec<String> = reports.into_iter().map(|r| r.id).collect();
                Ok(format!("/meldingen/{}", ids.join(",")))
            }
            Self::Change { id, details } => {
                let report = api::change_report(&id, &details).await?;
                Ok(format!("/kinderen/{}?gewijzigd=ja", report.pupil_id))
            }
        }
    }
}

/// The "Afwezig melden" page.
#[component]
pub fn ReportFormPage() -> impl IntoView {
    set_title("Afwezig melden");
    let auth = expect_context::<Auth>();
    let children = auth.children();

    view! {
        <h1>"Afwezig melden"</h1>
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
            view! { <ReportForm purpose=Purpose::New(children) /> }.into_any()
        }}
    }
}

/// The form itself: a new report (choosing children) or a change to one.
#[component]
pub fn ReportForm(purpose: Purpose) -> impl IntoView {
    let today = dutch::today();
    let navigate = use_navigate();
    let (children, form) = match &purpose {
        Purpose::New(children) => {
            let wanted = use_query_map().with_untracked(|q| q.get("kind"));
            let preselected = if children.len() == 1 {
                vec![children[0].id.clone()]
            } else {
                children
                    .iter()
                    .filter(|c| Some(&c.id) == wanted.as_ref())
                    .map(|c| c.id.clone())
                    .collect()
            };
            let ill_today = AbsenceDetails {
                kind: AbsenceKind::Ill,
                first_day: today,
                last_day: None,
                start_time: None,
                end_time: None,
                note: None,
            };
            (children.clone(), Form::new(preselected, &ill_today))
        }
        Purpose::Change(report) => (Vec::new(), Form::new(Vec::new(), &report.details)),
    };
    let is_new = matches!(purpose, Purpose::New(_));
    let purpose = StoredValue::new(purpose);
    let problems = FieldProblems::new();
    let general_error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    // The last report sent, with its key: sending the same again (a double
    // tap, a retry after a lost connection) reuses the key, so the school
    // never gets it twice.
    let last_attempt = StoredValue::new(None::<NewAbsenceReport>);

    let clear = move |fields: &[&str]| problems.clear(fields);

    let order = StoredValue::new(children.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let toggle_child = move |id: String, checked: bool| {
        form.pupils.update(|pupils| {
            pupils.retain(|p| *p != id);
            if checked {
                pupils.push(id);
            }
            order.with_value(|order| pupils.sort_by_key(|p| order.iter().position(|o| o == p)));
        });
        clear(&["pupil_ids"]);
    };

    let on_first_day = move |value: String| {
        // Keep the last day with the first: same day, or not before it.
        let old = form.first_day.get_untracked();
        let last = form.last_day.get_untracked();
        if last == old || last < value || last.is_empty() {
            form.last_day.set(value.clone());
        }
        form.first_day.set(value);
        clear(&["first_day", "last_day"]);
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let (details, mut found) = form.read(today);
        let save = purpose.with_value(|purpose| match purpose {
            Purpose::New(_) => {
                let previous = last_attempt.get_value();
                let mut report = NewAbsenceReport {
                    pupil_ids: form.pupils.get_untracked(),
                    details,
                    idempotency_key: previous
                        .as_ref()
                        .map(|p| p.idempotency_key.clone())
                        .unwrap_or_else(new_idempotency_key),
                };
                if previous.is_some_and(|p| p != report) {
                    report.idempotency_key = new_idempotency_key();
                }
                Save::New(report)
            }
            Purpose::Change(report) => Save::Change {
                id: report.id.clone(),
                details,
            },
        });
        if let Err(errors) = save.validate(today) {
            for error in errors {
                if !found.iter().any(|(field, _)| *field == error.field) {
                    found.push((error.field, error.message));
                }
            }
        }
        found.sort_by_key(|(field, _)| {
            FIELDS
                .iter()
                .position(|f| f == field)
                .unwrap_or(FIELDS.len())
        });
        general_error.set(None);
        if !found.is_empty() {
            let first = found[0].0;
            // A problem that is not about a field (the form's key) goes on top.
            if !FIELDS.contains(&first) {
                general_error.set(Some(found[0].1.clone()));
            }
            problems.set(found);
            focus(if first == "pupil_ids" {
                "kind-0"
            } else {
                first
            });
            return;
        }
        problems.set(Problems::new());
        sending.set(true);
        if let Save::New(report) = &save {
            last_attempt.set_value(Some(report.clone()));
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match save.send().await {
                Ok(next) => {
                    last_attempt.set_value(None);
                    navigate(&next, NavigateOptions::default());
                }
                Err(error) => {
                    sending.set(false);
                    match error
                        .field
                        .as_deref()
                        .and_then(|f| FIELDS.iter().find(|k| **k == f))
                    {
                        Some(field) => {
                            problems.set(vec![(*field, error.message)]);
                            focus(if *field == "pupil_ids" {
                                "kind-0"
                            } else {
                                field
                            });
                        }
                        None => general_error.set(Some(error.message)),
                    }
                }
            }
        });
    };

    let invalid = move |field: &'static str| problems.invalid(field);
    let described =
        move |field: &'static str, hints: &'static str| problems.described_by(field, hints);

    let earliest = (today - Days::new(MAX_DAYS_BACK)).to_string();
    let latest = (today + Days::new(MAX_DAYS_AHEAD)).to_string();
    let note_left = move || MAX_NOTE_CHARS.saturating_sub(form.note.with(|n| n.chars().count()));

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <div role="alert" class="alert-region">
                {move || general_error.get().map(|message| view! {
                    <p class="notice notice--error">{message}</p>
                })}
                {move || {
                    let count = problems.with(|p| p.iter().filter(|(f, _)| FIELDS.contains(f)).count());
                    (count > 0).then(|| view! {
                        <p class="notice notice--error">
                            {if count == 1 {
                                "Er is 1 ding dat nog niet klopt. Kijk bij het rode bericht hieronder.".to_owned()
                            } else {
                                format!("Er zijn {count} dingen die nog niet kloppen. Kijk bij de rode berichten hieronder.")
                            }}
                        </p>
                    })
                }}
            </div>

            // A change keeps its child: no choice then.
            {is_new.then(|| view! {
                <fieldset class="field" aria-describedby=move || described("pupil_ids", "")>
                    <legend>"Voor wie?"</legend>
                    <FieldProblem field="pupil_ids" problems />
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
                                        type="checkbox"
                                        id=input_id.clone()
                                        name="pupil_ids"
                                        value=child.id.clone()
                                        aria-invalid=move || invalid("pupil_ids")
                                        prop:checked=move || form.pupils.with(|p| p.contains(&checked_id))
                                        on:change=move |ev| toggle_child(id.clone(), event_target_checked(&ev))
                                    />
                                    <label for=input_id>{child.first_name} " (" {child.group_name} ")"</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            })}

            <fieldset class="field">
                <legend>"Waarom is uw kind er niet?"</legend>
                {AbsenceKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let input_id = format!("reden-{}", kind.as_str());
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name="kind"
                                    value=kind.as_str()
                                    prop:checked=move || form.kind.get() == kind
                                    on:change=move |_| form.kind.set(kind)
                                />
                                <label for=input_id>{kind.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
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

            <Show when=move || form.kind.get() == AbsenceKind::Ill>
                <div class="field choice">
                    <input type="checkbox" id="until_better" bind:checked=form.until_better />
                    <label for="until_better">"Tot mijn kind beter is"</label>
                </div>
            </Show>

            <Show when=move || !form.open_ended()>
                <div class="field">
                    <label for="last_day">"Laatste dag"</label>
                    <FieldProblem field="last_day" problems />
                    <input
                        type="date"
                        id="last_day"
                        name="last_day"
                        min=move || form.first_day.get()
                        max=latest.clone()
                        aria-invalid=move || invalid("last_day")
                        aria-describedby=move || described("last_day", "")
                        prop:value=move || form.last_day.get()
                        on:change=move |ev| {
                            form.last_day.set(event_target_value(&ev));
                            clear(&["last_day"]);
                        }
                    />
                </div>
            </Show>

            <Show when=move || form.one_day()>
                <div class="field choice">
                    <input type="checkbox" id="part_of_day" bind:checked=form.part_of_day />
                    <label for="part_of_day">"Alleen een deel van de dag"</label>
                </div>
                <Show when=move || form.part_of_day.get()>
                    <div class="times">
                        <p class="hint" id="times-hint">"Vul één tijd in, of allebei."</p>
                        <TimeField field="start_time" label="Weg vanaf" value=form.start_time problems />
                        <TimeField field="end_time" label="Terug om" value=form.end_time problems />
                    </div>
                </Show>
            </Show>

            <Show when=move || form.kind.get().allows_note()>
                <div class="field">
                    <label for="note">"Korte toelichting (mag leeg blijven)"</label>
                    <p class="hint" id="note-hint">
                        "Schrijf hier geen medische informatie. Wat uw kind heeft, hoeft de school niet te weten."
                    </p>
                    <FieldProblem field="note" problems />
                    <textarea
                        id="note"
                        name="note"
                        rows="3"
                        maxlength=MAX_NOTE_CHARS.to_string()
                        aria-invalid=move || invalid("note")
                        aria-describedby=move || described("note", "note-hint note-counter")
                        bind:value=form.note
                        on:input=move |_| clear(&["note"])
                    ></textarea>
                    <p class="hint counter" id="note-counter">
                        "Nog " {note_left} " tekens over."
                    </p>
                </div>
            </Show>

            <button type="submit" class="button button--primary button--big" disabled=move || sending.get()>
                {move || match (is_new, sending.get()) {
                    (true, false) => "Melding versturen",
                    (true, true) => "Bezig met versturen…",
                    (false, false) => "Wijziging opslaan",
                    (false, true) => "Bezig met opslaan…",
                }}
            </button>
        </form>
    }
}

/// One time of day for part of a day; a change clears both times' problems,
/// since they are checked together.
#[component]
fn TimeField(
    field: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=field>{label}</label>
            <FieldProblem field problems />
            <input
                type="time"
                id=field
                name=field
                aria-invalid=move || problems.invalid(field)
                aria-describedby=move || problems.described_by(field, "times-hint")
                bind:value=value
                on:input=move |_| problems.clear(&["start_time", "end_time"])
            />
        </div>
    }
}
