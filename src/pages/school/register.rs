//! `/school/noteren`: the school notes what it saw without a report: a
//! pupil who is absent (the parents are then asked why) or who came in
//! late. One form; the server's refusal shows next to its field.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use shared::desk::MAX_REGISTER_DAYS_BACK;
use shared::{
    ApiError, DeskAction, FieldError, LateArrival, NewAbsenceMark, NewLateArrival, SchoolGroup,
    UnexplainedAbsence,
};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{focus, FieldProblem, ProblemSummary, Problems};
use crate::components::form_fields::{ChoiceGroup, DayField, PupilChoice, TimeField};
use crate::components::sending_form::{FormRequest, SendingForm};
use crate::dutch;
use crate::pages::school::{groups_of, school_href, school_page};

/// The fields that can be wrong, in the order of the form.
const FIELDS: &[&str] = &[
    "pupil_id",
    "what",
    "day",
    "start_time",
    "end_time",
    "arrived_at",
];

/// The id of the line that says what was noted.
const STATUS_ID: &str = "noteren-status";

/// What the school notes.
#[derive(Clone, Copy, PartialEq)]
enum What {
    Absent,
    Late,
}

impl What {
    const ALL: &'static [What] = &[What::Absent, What::Late];

    fn name(self) -> &'static str {
        match self {
            Self::Absent => "absent",
            Self::Late => "late",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Absent => "Afwezig, zonder melding van de ouders",
            Self::Late => "Te laat gekomen",
        }
    }
}

/// One request or the other, sent through the same form.
#[derive(Clone, PartialEq)]
enum Registration {
    Absent(NewAbsenceMark),
    Late(NewLateArrival),
}

impl FormRequest for Registration {
    fn set_key(&mut self, key: String) {
        match self {
            Self::Absent(mark) => mark.idempotency_key = key,
            Self::Late(late) => late.idempotency_key = key,
        }
    }

    fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        match self {
            Self::Absent(mark) => mark.validate(today),
            Self::Late(late) => late.validate(today),
        }
    }
}

/// The server's answer, for the line that says what was noted.
enum Noted {
    Absent(Box<UnexplainedAbsence>),
    Late(LateArrival),
}

impl Registration {
    async fn send(self, school_id: String) -> Result<Noted, ApiError> {
        match self {
            Self::Absent(mark) => api::mark_absent(&school_id, &mark)
                .await
                .map(|a| Noted::Absent(Box::new(a))),
            Self::Late(late) => api::register_late_arrival(&school_id, &late)
                .await
                .map(Noted::Late),
        }
    }
}

/// The page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    school_page(
        "Afwezig of te laat noteren",
        DeskAction::Register,
        |school| view! { <Loaded school /> }.into_any(),
    )
}

/// Loads the groups, then shows the form.
#[component]
fn Loaded(school: School) -> impl IntoView {
    let groups = groups_of(school.id.clone());
    let school = StoredValue::new(school);
    view! {
        <p>
            "Staat een leerling niet in de meldingen? Noteer het hier. Bij afwezig vragen we de ouders in de app waarom."
        </p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match groups.await {
                    Ok(groups) => view! { <RegisterForm school=school.get_value() groups /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        <p>
            <A href=school.with_value(|s| school_href("meldingen", s))>"Terug naar de meldingen"</A>
        </p>
    }
}

#[component]
fn RegisterForm(school: School, groups: Vec<SchoolGroup>) -> impl IntoView {
    let today = dutch::today();
    let pupil = RwSignal::new(String::new());
    let what = RwSignal::new(vec![What::Absent]);
    let day = RwSignal::new(today.to_string());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let arrived = RwSignal::new(String::new());
    let noted = RwSignal::new(None::<String>);
    let sender = SendingForm::new(FIELDS, |field| match field {
        "what" => focus("what-0"),
        field => focus(field),
    });
    let problems = sender.problems;
    let school_id = StoredValue::new(school.id.clone());
    let is_late = move || what.with(|w| w.first() == Some(&What::Late));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        noted.set(None);
        let mut found = Problems::new();
        if pupil.with_untracked(String::is_empty) {
            found.push(("pupil_id", "Kies een leerling.".into()));
        }
        let chosen_day = dutch::date_input(&day.get_untracked());
        if chosen_day.is_none() {
            found.push(("day", "Kies een dag.".into()));
        }
        let time = |value: RwSignal<String>| dutch::time_input(&value.get_untracked());
        let request = if what.with_untracked(|w| w.first() == Some(&What::Late)) {
            if time(arrived).is_none() {
                found.push((
                    "arrived_at",
                    "Vul in hoe laat de leerling binnenkwam.".into(),
                ));
            }
            Registration::Late(NewLateArrival {
                pupil_id: pupil.get_untracked(),
                day: chosen_day.unwrap_or(today),
                arrived_at: time(arrived).unwrap_or_default(),
                idempotency_key: String::new(),
            })
        } else {
            Registration::Absent(NewAbsenceMark {
                pupil_id: pupil.get_untracked(),
                day: chosen_day.unwrap_or(today),
                start_time: time(start),
                end_time: time(end),
                idempotency_key: String::new(),
            })
        };
        sender.submit(
            request,
            found,
            today,
            move |request| request.send(school_id.get_value()),
            move |answer: Noted| {
                let message = match answer {
                    Noted::Absent(a) => format!(
                        "Genoteerd: {} is afwezig op {}. We vragen de ouders waarom.",
                        a.pupil_first_name,
                        dutch::day(a.day, today)
                    ),
                    Noted::Late(l) => format!(
                        "Genoteerd: {} kwam op {} om {} binnen.",
                        l.pupil_first_name,
                        dutch::day(l.day, today),
                        dutch::time(l.arrived_at)
                    ),
                };
                sender.sending.set(false);
                pupil.set(String::new());
                for value in [start, end, arrived] {
                    value.set(String::new());
                }
                noted.set(Some(message));
                request_animation_frame(|| focus(STATUS_ID));
            },
        );
    };
    let earliest = (today - Days::new(MAX_REGISTER_DAYS_BACK)).to_string();

    view! {
        <div role="status" class="status-region">
            {move || noted.get().map(|message| view! {
                <p class="notice" id=STATUS_ID tabindex="-1">{message}</p>
            })}
        </div>
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <PupilChoice groups chosen=pupil problems />
            <ChoiceGroup
                legend="Wat wilt u noteren?"
                field="what"
                values=What::ALL
                name_of=What::name
                label_of=What::label
                multiple=false
                chosen=what
                problems
            />
            <DayField field="day" label="Dag" min=earliest max=today.to_string() value=day problems />
            <Show
                when=is_late
                fallback=move || view! {
                    <p class="hint" id="times-hint">"Was de leerling een deel van de dag weg? Vul dan de tijden in. Anders blijven ze leeg."</p>
                    <TimeField field="start_time" label="Weg vanaf (mag leeg blijven)" value=start problems />
                    <TimeField field="end_time" label="Weg tot (mag leeg blijven)" value=end problems />
                }
            >
                <div class="field">
                    <label for="arrived_at">"Binnengekomen om"</label>
                    <FieldProblem field="arrived_at" problems />
                    <input
                        type="time"
                        id="arrived_at"
                        aria-invalid=move || problems.invalid("arrived_at")
                        aria-describedby=move || problems.described_by("arrived_at", "")
                        bind:value=arrived
                        on:input=move |_| problems.clear(&["arrived_at"])
                    />
                </div>
            </Show>
            <button type="submit" class="button button--primary button--big" disabled=move || sender.sending.get()>
                "Noteren"
            </button>
        </form>
    }
}
