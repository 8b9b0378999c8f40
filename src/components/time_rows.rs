//! The times the school proposes for a conversation: 1 to 5 rows of a
//! day, from and until, as one field ("times") with one problem. Used to
//! propose times and to invite parents.

use leptos::prelude::*;
use shared::conversations::MAX_PROPOSED_TIMES;
use shared::TimeSlot;

use crate::components::field_problems::{focus, FieldProblem, FieldProblems};
use crate::dutch;

/// The id of the first row's day: focus it for the whole field.
pub const FIRST_TIME_ID: &str = "tijd-1-dag";

/// One time, as its inputs hold it.
#[derive(Clone, Copy)]
struct TimeRow {
    day: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
}

impl TimeRow {
    fn new() -> Self {
        Self {
            day: RwSignal::new(String::new()),
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
        }
    }

    /// The time, or what is missing in row `n` (counted from 1).
    fn read(&self, n: usize) -> Result<TimeSlot, String> {
        let day = dutch::date_input(&self.day.get_untracked())
            .ok_or_else(|| format!("Kies bij tijd {n} een dag."))?;
        let time = |value: RwSignal<String>| dutch::time_input(&value.get_untracked());
        match (time(self.start), time(self.end)) {
            (Some(start_time), Some(end_time)) => Ok(TimeSlot {
                day,
                start_time,
                end_time,
            }),
            _ => Err(format!(
                "Vul bij tijd {n} een begintijd en een eindtijd in."
            )),
        }
    }
}

/// The rows of a times field; starts with one.
#[derive(Clone, Copy)]
pub struct TimeRows(RwSignal<Vec<TimeRow>>);

impl TimeRows {
    pub fn new() -> Self {
        Self(RwSignal::new(vec![TimeRow::new()]))
    }

    /// The times, or the first row's problem (for the field "times").
    pub fn read(self) -> Result<Vec<TimeSlot>, String> {
        self.0.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, row)| row.read(i + 1))
                .collect()
        })
    }
}

impl Default for TimeRows {
    fn default() -> Self {
        Self::new()
    }
}

/// "Tijden": the rows, each with a day, from and until (ids `tijd-{n}-dag`,
/// `-van` and `-tot`, counted from 1), "Nog een tijd" up to 5, and the
/// problem of field "times".
#[component]
pub fn TimesField(rows: TimeRows, problems: FieldProblems) -> impl IntoView {
    let rows = rows.0;
    let add = move |_| {
        rows.update(|rows| rows.push(TimeRow::new()));
        let n = rows.with_untracked(Vec::len);
        request_animation_frame(move || focus(&format!("tijd-{n}-dag")));
    };
    view! {
        <fieldset class="field" aria-describedby=move || problems.described_by("times", "")>
            <legend>"Tijden"</legend>
            <p class="hint">"Eén tijd mag, hoogstens vijf."</p>
            <FieldProblem field="times" problems />
            {move || {
                let count = rows.with(Vec::len);
                rows.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let n = i + 1;
                        let remove = move |_| {
                            rows.update(|rows| _ = rows.remove(i));
                            problems.clear(&["times"]);
                            request_animation_frame(|| focus(FIRST_TIME_ID));
                        };
                        view! {
                            <fieldset class="time-row">
                                <legend>{format!("Tijd {n}")}</legend>
                                <TimeInput id=format!("tijd-{n}-dag") kind="date" label="Dag" value=row.day problems />
                                <TimeInput id=format!("tijd-{n}-van") kind="time" label="Van" value=row.start problems />
                                <TimeInput id=format!("tijd-{n}-tot") kind="time" label="Tot" value=row.end problems />
                                {(count > 1).then(|| view! {
                                    <button type="button" class="button button--quiet" on:click=remove>
                                        "Weghalen" <span class="visually-hidden">{format!(" tijd {n}")}</span>
                                    </button>
                                })}
                            </fieldset>
                        }
                    })
                    .collect_view()
            }}
            <Show
                when=move || rows.with(Vec::len) < MAX_PROPOSED_TIMES
                fallback=|| view! { <p class="hint">"Meer dan 5 tijden tegelijk kan niet."</p> }
            >
                <p>
                    <button type="button" class="button" on:click=add>"Nog een tijd"</button>
                </p>
            </Show>
        </fieldset>
    }
}

/// A day or time of one row; the times' problem describes it.
#[component]
fn TimeInput(
    id: String,
    kind: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                type=kind
                id=id
                aria-describedby=move || problems.described_by("times", "")
                bind:value=value
                on:input=move |_| problems.clear(&["times"])
            />
        </div>
    }
}
