//! Fields the forms share: which children (for staff: which pupil, and
//! which groups a teacher teaches), a question with fixed answers, a day,
//! a time, and a short text with a counter. Each shows its problem next to
//! it (see `field_problems`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::{Child, SchoolGroup};

use crate::components::field_problems::{FieldProblem, FieldProblems};
use crate::i18n::fill;
use crate::i18n::{t, t_string, use_i18n};

/// A value's label or hint in the chosen language: a function or closure
/// giving a `String` (e.g. `labels::meeting_mode`) or a `&'static str`, or
/// a `Callback`. Called where it is shown, so it follows a language switch.
#[derive(Clone)]
pub struct TextOf<T>(Arc<dyn Fn(T) -> String + Send + Sync>);

impl<T> TextOf<T> {
    pub fn get(&self, value: T) -> String {
        (self.0)(value)
    }
}

impl<T, F, S> From<F> for TextOf<T>
where
    F: Fn(T) -> S + Send + Sync + 'static,
    S: Into<String>,
{
    fn from(f: F) -> Self {
        Self(Arc::new(move |value| f(value).into()))
    }
}

impl<T: 'static, S: Into<String> + 'static> From<Callback<T, S>> for TextOf<T> {
    fn from(callback: Callback<T, S>) -> Self {
        Self(Arc::new(move |value| callback.run(value).into()))
    }
}

/// A text that may be left out: `Some("…")`, or a text that follows the
/// language (`Some(TextProp::from(move || …))`).
#[derive(Clone, Default)]
pub struct OptionalText(Option<TextProp>);

impl From<Option<&'static str>> for OptionalText {
    fn from(text: Option<&'static str>) -> Self {
        Self(text.map(TextProp::from))
    }
}

impl From<Option<TextProp>> for OptionalText {
    fn from(text: Option<TextProp>) -> Self {
        Self(text)
    }
}

/// The children to choose at first: the only one, or the one the address
/// asks for (`?kind=<id>`, from a child's card).
pub fn children_asked_for(children: &[Child]) -> Vec<String> {
    let wanted = use_query_map().with_untracked(|q| q.get("kind"));
    children
        .iter()
        .filter(|c| children.len() == 1 || Some(&c.id) == wanted.as_ref())
        .map(|c| c.id.clone())
        .collect()
}

/// "Voor wie?": a box per child when several may be chosen (`multiple`),
/// else a round button per child. `chosen` keeps the ids in the order of
/// `children`. The first input's id is `kind-0`: focus it for the group.
#[component]
pub fn ChildChoice(
    children: Vec<Child>,
    /// The field's name in the request body.
    field: &'static str,
    multiple: bool,
    chosen: RwSignal<Vec<String>>,
    problems: FieldProblems,
) -> impl IntoView {
    let i18n = use_i18n();
    let order = StoredValue::new(children.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let choose = move |id: String, on: bool| {
        chosen.update(|chosen| {
            if !multiple {
                chosen.clear();
            }
            chosen.retain(|c| *c != id);
            if on {
                chosen.push(id);
            }
            order.with_value(|order| chosen.sort_by_key(|c| order.iter().position(|o| o == c)));
        });
        problems.clear(&[field]);
    };
    let kind = if multiple { "checkbox" } else { "radio" };

    view! {
        <fieldset class="field" aria-describedby=move || problems.described_by(field, "")>
            <legend>{t!(i18n, common.fields.for_whom)}</legend>
            <FieldProblem field problems />
            {children
                .into_iter()
                .enumerate()
                .map(|(i, child)| {
                    let id = child.id.clone();
                    let checked_id = child.id.clone();
                    view! {
                        <Choice
                            kind
                            id=format!("kind-{i}")
                            name=field
                            value=child.id.clone()
                            checked=Signal::derive(move || chosen.with(|c| c.contains(&checked_id)))
                            on_change=Callback::new(move |on| choose(id.clone(), on))
                            invalid=Signal::derive(move || problems.invalid(field))
                        >
                            {child.first_name} " (" {child.group_name} ")"
                        </Choice>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// "Groepen of klassen": a box per group of the school, for the groups a
/// teacher teaches. `chosen` keeps the ids in the order of `groups`. The
/// field is `groups`; the inputs' ids are `groups-0`, `groups-1`, …: focus
/// `groups-0` for the group.
#[component]
pub fn GroupsChoice(
    groups: Vec<SchoolGroup>,
    /// Under the question (id `groups-hint`).
    #[prop(into)]
    hint: TextProp,
    chosen: RwSignal<Vec<String>>,
    problems: FieldProblems,
) -> impl IntoView {
    const FIELD: &str = "groups";
    let i18n = use_i18n();
    let order = StoredValue::new(groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let choose = move |id: String, on: bool| {
        chosen.update(|chosen| {
            chosen.retain(|c| *c != id);
            if on {
                chosen.push(id);
            }
            order.with_value(|order| chosen.sort_by_key(|c| order.iter().position(|o| o == c)));
        });
        problems.clear(&[FIELD]);
    };

    view! {
        <fieldset class="field" aria-describedby=move || problems.described_by(FIELD, "groups-hint")>
            <legend>{t!(i18n, common.fields.groups)}</legend>
            <p class="hint" id="groups-hint">{move || hint.get()}</p>
            <FieldProblem field=FIELD problems />
            {groups.is_empty().then(|| view! {
                <p>{t!(i18n, common.fields.no_groups)}</p>
            })}
            {groups
                .into_iter()
                .enumerate()
                .map(|(i, group)| {
                    let id = group.id.clone();
                    let checked_id = group.id.clone();
                    view! {
                        <Choice
                            kind="checkbox"
                            id=format!("{FIELD}-{i}")
                            name=FIELD
                            value=group.id
                            checked=Signal::derive(move || chosen.with(|c| c.contains(&checked_id)))
                            on_change=Callback::new(move |on| choose(id.clone(), on))
                            invalid=Signal::derive(move || problems.invalid(FIELD))
                        >
                            {group.name}
                        </Choice>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One box (`kind` "checkbox") or round button ("radio") with its label;
/// the label is the tap target.
#[component]
pub fn Choice(
    kind: &'static str,
    id: String,
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(into)] checked: Signal<bool>,
    /// Gets whether it is on now.
    on_change: Callback<bool>,
    #[prop(into, optional)] invalid: Signal<Option<&'static str>>,
    /// When to choose it, under the label (id `{id}-hint`).
    #[prop(optional, into)]
    hint: OptionalText,
    children: Children,
) -> impl IntoView {
    let hint = hint.0;
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="choice">
            <input
                type=kind
                id=id.clone()
                name=name
                value=value
                aria-invalid=move || invalid.get()
                aria-describedby=hint_id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{children()}</label>
            {hint.map(|hint| view! { <p class="hint choice__hint" id=hint_id>{move || hint.get()}</p> })}
        </div>
    }
}

/// A question with a fixed set of answers: a round button per value, or a
/// box per value when several may be chosen (`multiple`). `chosen` keeps
/// the chosen values in the order of `values`. The inputs' ids are
/// `{field}-0`, `{field}-1`, …: focus `{field}-0` for the group.
#[component]
pub fn ChoiceGroup<T>(
    #[prop(into)] legend: TextProp,
    /// Under the question, e.g. "Laat leeg als elke dag kan."
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// The field's name in the request body.
    field: &'static str,
    values: &'static [T],
    /// Its name on the wire.
    name_of: fn(T) -> &'static str,
    /// Its label, in the chosen language (e.g. `labels::meeting_mode`);
    /// may change, e.g. with the kind of school.
    #[prop(into)]
    label_of: TextOf<T>,
    /// When to choose it, if that needs saying.
    #[prop(optional, into)]
    hint_of: Option<TextOf<T>>,
    multiple: bool,
    chosen: RwSignal<Vec<T>>,
    problems: FieldProblems,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let choose = move |value: T, on: bool| {
        chosen.update(|chosen| {
            if !multiple {
                chosen.clear();
            }
            chosen.retain(|c| *c != value);
            if on {
                chosen.push(value);
            }
            chosen.sort_by_key(|c| values.iter().position(|v| v == c));
        });
        problems.clear(&[field]);
    };
    let hint_id = format!("{field}-hint");
    let described_by = hint.as_ref().map(|_| hint_id.clone()).unwrap_or_default();

    view! {
        <fieldset class="field" aria-describedby=move || problems.described_by(field, &described_by)>
            <legend>{move || legend.get()}</legend>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get()}</p> })}
            <FieldProblem field problems />
            {values
                .iter()
                .copied()
                .enumerate()
                .map(|(i, value)| {
                    let label_of = label_of.clone();
                    let hint = hint_of.clone().map(|hint_of| TextProp::from(move || hint_of.get(value)));
                    view! {
                        <Choice
                            kind=if multiple { "checkbox" } else { "radio" }
                            id=format!("{field}-{i}")
                            name=field
                            value=name_of(value)
                            checked=Signal::derive(move || chosen.with(|c| c.contains(&value)))
                            on_change=Callback::new(move |on| choose(value, on))
                            invalid=Signal::derive(move || problems.invalid(field))
                            hint=hint
                        >
                            {move || label_of.get(value)}
                        </Choice>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A day, as a date input (`YYYY-MM-DD`). Given the `last_day` that
/// belongs to this first day, it keeps that one with it: moved along when
/// it was the same day, and never before it.
#[component]
pub fn DayField(
    /// The field's name in the request body, and the input's id.
    field: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(into)] min: Signal<String>,
    max: String,
    value: RwSignal<String>,
    problems: FieldProblems,
    #[prop(optional)] last_day: Option<RwSignal<String>>,
) -> impl IntoView {
    let on_change = move |new: String| {
        if let Some(last_day) = last_day {
            let old = value.get_untracked();
            let last = last_day.get_untracked();
            if last.is_empty() || last == old || last < new {
                last_day.set(new.clone());
            }
            problems.clear(&["last_day"]);
        }
        value.set(new);
        problems.clear(&[field]);
    };

    view! {
        <div class="field">
            <label for=field>{move || label.get()}</label>
            <FieldProblem field problems />
            <input
                type="date"
                id=field
                name=field
                min=min
                max=max
                aria-invalid=move || problems.invalid(field)
                aria-describedby=move || problems.described_by(field, "")
                prop:value=move || value.get()
                on:change=move |ev| on_change(event_target_value(&ev))
            />
        </div>
    }
}

/// One time of day for part of a day; a change clears both times' problems,
/// since they are checked together.
#[component]
pub fn TimeField(
    field: &'static str,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=field>{move || label.get()}</label>
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

/// A short free text with a hint above it (ids `{field}-hint`) and, below,
/// how many characters are left (`{field}-counter`).
#[component]
pub fn ShortText(
    /// The field's name in the request body, and the textarea's id.
    field: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(into)] hint: TextProp,
    max_chars: usize,
    value: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{field}-hint");
    let counter_id = format!("{field}-counter");
    let hints = format!("{hint_id} {counter_id}");
    let left = move || max_chars.saturating_sub(value.with(|v| v.chars().count()));

    view! {
        <div class="field">
            <label for=field>{move || label.get()}</label>
            <p class="hint" id=hint_id>
                {move || hint.get()}
            </p>
            <FieldProblem field problems />
            <textarea
                id=field
                name=field
                rows="3"
                maxlength=max_chars.to_string()
                aria-invalid=move || problems.invalid(field)
                aria-describedby=move || problems.described_by(field, &hints)
                bind:value=value
                on:input=move |_| problems.clear(&[field])
            ></textarea>
            <p class="hint counter" id=counter_id>
                {move || fill(t_string!(i18n, common.fields.chars_left), &[("count", &left())])}
            </p>
        </div>
    }
}

/// For staff: a group, then one of its pupils (the select `pupil_id`,
/// `chosen` holds the pupil's id). Starts at the group of the pupil chosen
/// already, else at the first group.
#[component]
pub fn PupilChoice(
    groups: Vec<SchoolGroup>,
    chosen: RwSignal<String>,
    problems: FieldProblems,
) -> impl IntoView {
    let start = groups
        .iter()
        .find(|g| chosen.with_untracked(|c| g.pupils.iter().any(|p| p.id == *c)))
        .or(groups.first())
        .map(|g| g.id.clone())
        .unwrap_or_default();
    let i18n = use_i18n();
    let group = RwSignal::new(start);
    let groups = StoredValue::new(groups);
    let pupils = move || {
        groups.with_value(|groups| {
            group.with(|id| {
                groups
                    .iter()
                    .find(|g| g.id == *id)
                    .map(|g| g.pupils.clone())
                    .unwrap_or_default()
            })
        })
    };
    let choose_group = move |ev| {
        group.set(event_target_value(&ev));
        chosen.set(String::new());
        problems.clear(&["pupil_id"]);
    };

    view! {
        <div class="field">
            <label for="groep">{t!(i18n, common.fields.group)}</label>
            <select id="groep" on:change=choose_group>
                {groups.with_value(|groups| {
                    groups
                        .iter()
                        .map(|g| {
                            let selected = group.get_untracked() == g.id;
                            view! { <option value=g.id.clone() selected=selected>{g.name.clone()}</option> }
                        })
                        .collect_view()
                })}
            </select>
        </div>
        <div class="field">
            <label for="pupil_id">{t!(i18n, common.fields.pupil)}</label>
            <FieldProblem field="pupil_id" problems />
            <select
                id="pupil_id"
                aria-invalid=move || problems.invalid("pupil_id")
                aria-describedby=move || problems.described_by("pupil_id", "")
                prop:value=move || chosen.get()
                on:change=move |ev| {
                    chosen.set(event_target_value(&ev));
                    problems.clear(&["pupil_id"]);
                }
            >
                <option value="" selected=move || chosen.with(String::is_empty)>{t!(i18n, common.fields.choose_pupil)}</option>
                {move || {
                    pupils()
                        .into_iter()
                        .map(|p| {
                            let selected = chosen.get_untracked() == p.id;
                            view! {
                                <option value=p.id.clone() selected=selected>
                                    {format!("{} {}", p.first_name, p.last_name)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
