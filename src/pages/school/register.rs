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
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
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
        let i18n = use_i18n();
        match self {
            Self::Absent => t_string!(i18n, school.register.absent),
            Self::Late => t_string!(i18n, school.register.late),
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

/// What was noted, written out for the line: who, which day, what time.
#[derive(Clone)]
enum NotedLine {
    Absent {
        name: String,
        day: String,
    },
    Late {
        name: String,
        day: String,
        time: String,
    },
}

impl NotedLine {
    fn of(noted: Noted, today: NaiveDate) -> Self {
        match noted {
            Noted::Absent(a) => Self::Absent {
                name: a.pupil_first_name,
                day: dates::day(a.day, today),
            },
            Noted::Late(l) => Self::Late {
                name: l.pupil_first_name,
                day: dates::day(l.day, today),
                time: dates::time(l.arrived_at),
            },
        }
    }
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
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, school.register.title).to_owned());
    school_page(title, DeskAction::Register, |school| {
        view! { <Loaded school /> }.into_any()
    })
}

/// Loads the groups, then shows the form.
#[component]
fn Loaded(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let groups = groups_of(school.id.clone());
    let school = StoredValue::new(school);
    view! {
        <p>{t!(i18n, school.register.intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match groups.await {
                    Ok(groups) => view! { <RegisterForm school=school.get_value() groups /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        <p>
            <A href=school.with_value(|s| school_href("meldingen", s))>{t!(i18n, school.register.back)}</A>
        </p>
    }
}

#[component]
fn RegisterForm(school: School, groups: Vec<SchoolGroup>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let pupil = RwSignal::new(String::new());
    let what = RwSignal::new(vec![What::Absent]);
    let day = RwSignal::new(today.to_string());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let arrived = RwSignal::new(String::new());
    let noted = RwSignal::new(None::<NotedLine>);
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
            found.push(("pupil_id", t_string!(i18n, school.choose_pupil).into()));
        }
        let chosen_day = dates::date_input(&day.get_untracked());
        if chosen_day.is_none() {
            found.push(("day", t_string!(i18n, school.register.choose_day).into()));
        }
        let time = |value: RwSignal<String>| dates::time_input(&value.get_untracked());
        let request = if what.with_untracked(|w| w.first() == Some(&What::Late)) {
            if time(arrived).is_none() {
                let message = t_string!(i18n, school.register.fill_arrived);
                found.push(("arrived_at", message.into()));
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
                let message = NotedLine::of(answer, today);
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
            {move || noted.get().map(|line| {
                let text = match line {
                    NotedLine::Absent { name, day } => t!(
                        i18n,
                        school.register.noted_absent,
                        name = move || name.clone(),
                        day = move || day.clone()
                    )
                    .into_any(),
                    NotedLine::Late { name, day, time } => t!(
                        i18n,
                        school.register.noted_late,
                        name = move || name.clone(),
                        day = move || day.clone(),
                        time = move || time.clone()
                    )
                    .into_any(),
                };
                view! { <p class="notice" id=STATUS_ID tabindex="-1">{text}</p> }
            })}
        </div>
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <PupilChoice groups chosen=pupil problems />
            <ChoiceGroup
                legend=t_string!(i18n, school.register.question)
                field="what"
                values=What::ALL
                name_of=What::name
                label_of=What::label
                multiple=false
                chosen=what
                problems
            />
            <DayField field="day" label=t_string!(i18n, school.day) min=earliest max=today.to_string() value=day problems />
            <Show
                when=is_late
                fallback=move || view! {
                    <p class="hint" id="times-hint">{t!(i18n, school.register.times_hint)}</p>
                    <TimeField
                        field="start_time"
                        label=t_string!(i18n, school.register.away_from)
                        value=start
                        problems
                    />
                    <TimeField
                        field="end_time"
                        label=t_string!(i18n, school.register.away_until)
                        value=end
                        problems
                    />
                }
            >
                <div class="field">
                    <label for="arrived_at">{t!(i18n, school.register.arrived_at)}</label>
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
                {t!(i18n, school.register.submit)}
            </button>
        </form>
    }
}
