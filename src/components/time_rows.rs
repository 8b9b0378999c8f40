//! The times the school proposes for a conversation: 1 to 5 rows of a
//! day, from and until, as one field ("times") with one problem. Used to
//! propose times and to invite parents.

use leptos::prelude::*;
use shared::conversations::MAX_PROPOSED_TIMES;
use shared::TimeSlot;

use crate::components::field_problems::{focus, FieldProblem, FieldProblems};
use crate::dates;
use crate::i18n::fill;
use crate::i18n::{t, t_string, use_i18n, Locale};
use leptos_i18n::I18nContext;

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
    fn read(&self, n: usize, i18n: I18nContext<Locale>) -> Result<TimeSlot, String> {
        let day = dates::date_input(&self.day.get_untracked())
            .ok_or_else(|| fill(t_string!(i18n, common.times.no_day), &[("n", &n)]))?;
        let time = |value: RwSignal<String>| dates::time_input(&value.get_untracked());
        match (time(self.start), time(self.end)) {
            (Some(start_time), Some(end_time)) => Ok(TimeSlot {
                day,
                start_time,
                end_time,
            }),
            _ => Err(fill(t_string!(i18n, common.times.no_times), &[("n", &n)])),
        }
    }
}

/// The rows of a times field; starts with one. Keeps the page's language
/// for its messages (read when the form is sent).
#[derive(Clone, Copy)]
pub struct TimeRows(RwSignal<Vec<TimeRow>>, I18nContext<Locale>);

impl TimeRows {
    pub fn new() -> Self {
        Self(RwSignal::new(vec![TimeRow::new()]), use_i18n())
    }

    /// The times, or the first row's problem (for the field "times").
    pub fn read(self) -> Result<Vec<TimeSlot>, String> {
        self.0.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, row)| row.read(i + 1, self.1))
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
    let i18n = use_i18n();
    let rows = rows.0;
    let add = move |_| {
        rows.update(|rows| rows.push(TimeRow::new()));
        let n = rows.with_untracked(Vec::len);
        request_animation_frame(move || focus(&format!("tijd-{n}-dag")));
    };
    view! {
        <fieldset class="field" aria-describedby=move || problems.described_by("times", "")>
            <legend>{t!(i18n, common.times.legend)}</legend>
            <p class="hint">{t!(i18n, common.times.hint)}</p>
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
                                <legend>{t!(i18n, common.times.row, n)}</legend>
                                <TimeInput id=format!("tijd-{n}-dag") kind="date" label=move || t_string!(i18n, common.times.day) value=row.day problems />
                                <TimeInput id=format!("tijd-{n}-van") kind="time" label=move || t_string!(i18n, common.times.from) value=row.start problems />
                                <TimeInput id=format!("tijd-{n}-tot") kind="time" label=move || t_string!(i18n, common.times.until) value=row.end problems />
                                {(count > 1).then(|| view! {
                                    <button type="button" class="button button--quiet" on:click=remove>
                                        {t!(i18n, common.times.remove)} " " <span class="visually-hidden">{t!(i18n, common.times.remove_which, n)}</span>
                                    </button>
                                })}
                            </fieldset>
                        }
                    })
                    .collect_view()
            }}
            <Show
                when=move || rows.with(Vec::len) < MAX_PROPOSED_TIMES
                fallback=move || view! { <p class="hint">{t!(i18n, common.times.too_many)}</p> }
            >
                <p>
                    <button type="button" class="button" on:click=add>{t!(i18n, common.times.add)}</button>
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
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
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
