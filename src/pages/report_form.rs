//! `/melden`: report one or more children absent.
//!
//! The form is checked here with the same rules the server uses
//! (`NewAbsenceReport::validate`); each problem is shown next to its field.

use chrono::{Days, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::reports::{MAX_DAYS_AHEAD, MAX_DAYS_BACK, MAX_NOTE_CHARS};
use shared::{AbsenceKind, Child, NewAbsenceReport};

use crate::api::{self, LastAttempt};
use crate::app::{set_title, Auth};
use crate::components::field_problems::{
    focus, with_rules, FieldProblem, FieldProblems, ProblemSummary, Problems,
};
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
    /// Ill, and "until my child is better" is ticked: no last day.
    fn open_ended(&self) -> bool {
        self.kind.get() == AbsenceKind::Ill && self.until_better.get()
    }

    /// A single day, so part of the day is possible.
    fn one_day(&self) -> bool {
        !self.open_ended() && self.last_day.get() == self.first_day.get()
    }

    /// The report as it would be sent, with the problems the inputs have
    /// before the shared rules are checked (an empty date, a wrong time).
    fn read(&self, today: NaiveDate, key: String) -> (NewAbsenceReport, Problems) {
        let mut problems = Problems::new();
        let first_day = dutch::date_input(&self.first_day.get_untracked()).unwrap_or_else(|| {
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
                dutch::date_input(&self.last_day.get_untracked()).unwrap_or_else(|| {
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
        let report = NewAbsenceReport {
            pupil_ids: self.pupils.get_untracked(),
            kind,
            first_day,
            last_day,
            start_time,
            end_time,
            note,
            idempotency_key: key,
        };
        (report, problems)
    }
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
            view! { <ReportForm children /> }.into_any()
        }}
    }
}

/// The form itself, for these children.
#[component]
fn ReportForm(children: Vec<Child>) -> impl IntoView {
    let today = dutch::today();
    let navigate = use_navigate();
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
    let form = Form {
        pupils: RwSignal::new(preselected),
        kind: RwSignal::new(AbsenceKind::Ill),
        first_day: RwSignal::new(today.to_string()),
        until_better: RwSignal::new(true),
        last_day: RwSignal::new(today.to_string()),
        part_of_day: RwSignal::new(false),
        start_time: RwSignal::new(String::new()),
        end_time: RwSignal::new(String::new()),
        note: RwSignal::new(String::new()),
    };
    let problems = FieldProblems::new();
    let general_error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let last_attempt = LastAttempt::new();

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

    // The first child's box stands for "which children".
    let focus_field = |field: &str| {
        focus(if field == "pupil_ids" {
            "kind-0"
        } else {
            field
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let (mut report, found) = form.read(today, String::new());
        report.idempotency_key = last_attempt.key_for(&report);
        let found = with_rules(found, report.validate(today));
        if let Some(first) = problems.show(found, &FIELDS, general_error) {
            focus_field(first);
            return;
        }
        sending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::create_reports(&report).await {
                Ok(reports) => {
                    last_attempt.forget();
                    let ids: Vec<String> = reports.into_iter().map(|r| r.id).collect();
                    navigate(
                        &format!("/meldingen/{}", ids.join(",")),
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

    let earliest = (today - Days::new(MAX_DAYS_BACK)).to_string();
    let latest = (today + Days::new(MAX_DAYS_AHEAD)).to_string();
    let note_left = move || MAX_NOTE_CHARS.saturating_sub(form.note.with(|n| n.chars().count()));

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=&FIELDS general=general_error />

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
                {move || if sending.get() { "Bezig met versturen…" } else { "Melding versturen" }}
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
