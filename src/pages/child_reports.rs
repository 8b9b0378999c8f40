//! `/kinderen/:id`: every report for one child, newest first day first,
//! each with whether the school has seen it. Until then a parent can change
//! ("Wijzigen") or withdraw ("Intrekken") it; an open-ended illness can be
//! reported better ("Beter melden"), also after.

use chrono::{Days, NaiveDate};
use leptos::html::{Input, P};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::reports::MAX_BETTER_DAYS_AHEAD;
use shared::{AbsenceReport, ConversationTopic, ReportBetter};

use crate::api;
use crate::app::set_title;
use crate::components::child_page::child_page;
use crate::components::field_problems::{focus, FieldProblem, FieldProblems};
use crate::components::next_steps::NextSteps;
use crate::components::seen_by_school::SeenBySchool;
use crate::components::unexplained::SchoolMisses;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// A text with the child's first name in it, where a plain string is
/// needed (a title, a label): the locale files write it `{name}`.
pub fn with_name(text: &str, name: &str) -> String {
    crate::i18n::fill(text, &[("name", &name)])
}

/// One child's reports. Another parent's child (or no child at all) is the
/// same "not found" for the parent.
#[component]
pub fn ChildReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    child_page(
        t_string!(i18n, child.reports.heading),
        |id| async move { api::child_reports(&id).await },
        |item: &AbsenceReport| item.pupil_first_name.clone(),
        |id, name, reports| view! { <ReportList id name reports /> },
    )
}

/// The id of the line that says what just happened.
const STATUS_ID: &str = "melding-status";

/// The list's state, shared by its items.
#[derive(Clone, Copy)]
struct List {
    reports: RwSignal<Vec<AbsenceReport>>,
    /// The one small panel that is open, if any: one at a time, so the ids
    /// of its fields are unique on the page.
    open: RwSignal<Option<Panel>>,
    /// What just happened ("De melding is ingetrokken."), announced politely.
    status: RwSignal<Option<String>>,
}

/// A panel under one report (by id), opened by a button.
#[derive(Clone, PartialEq)]
enum Panel {
    Withdraw(String),
    Better(String),
}

impl Panel {
    /// The text of the button that opens it.
    fn label(&self) -> &'static str {
        let i18n = use_i18n();
        match self {
            Self::Withdraw(_) => t_string!(i18n, child.reports.withdraw),
            Self::Better(_) => t_string!(i18n, child.reports.better),
        }
    }

    /// The id of that button, to return focus to.
    fn button_id(&self) -> String {
        match self {
            Self::Withdraw(id) => format!("intrekken-{id}"),
            Self::Better(id) => format!("beter-{id}"),
        }
    }
}

impl List {
    /// Says what happened, and moves focus there (the button pressed may
    /// be gone).
    fn done(self, message: String) {
        self.open.set(None);
        self.status.set(Some(message));
        request_animation_frame(|| focus(STATUS_ID));
    }
}

/// The list, or a calm line when there are no reports yet.
#[component]
fn ReportList(id: String, name: String, reports: Vec<AbsenceReport>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let changed = use_query_map().with_untracked(|q| q.get("gewijzigd").is_some());
    let list = List {
        reports: RwSignal::new(reports),
        open: RwSignal::new(None),
        status: RwSignal::new(changed.then(|| t_string!(i18n, child.reports.saved).to_owned())),
    };
    let title = {
        let name = name.clone();
        move || with_name(t_string!(i18n, child.reports.title), &name)
    };
    Effect::new({
        let title = title.clone();
        move |_| set_title(&title())
    });
    let list_name = {
        let name = name.clone();
        move || with_name(t_string!(i18n, child.reports.list_name), &name)
    };
    let named = move || name.clone();
    let (for_report, for_talk, for_none) = (named.clone(), named.clone(), named);
    view! {
        <h1>{title}</h1>
        <p class="lead">
            <A href=format!("/melden?kind={id}") attr:class="button button--primary">
                {t!(i18n, child.reports.report_child, name = for_report)}
            </A>
        </p>
        <p>
            <A href=format!("/gesprek-aanvragen?kind={id}&over={}", ConversationTopic::Absence.as_str())>
                {t!(i18n, child.reports.ask_conversation, name = for_talk)}
            </A>
        </p>
        <div role="status" class="status-region">
            {move || list.status.get().map(|message| view! {
                <p class="notice" id=STATUS_ID tabindex="-1">{message}</p>
            })}
        </div>
        <SchoolMisses child_id=id.clone() on_home=false />
        <Show
            when=move || list.reports.with(|r| !r.is_empty())
            fallback=move || view! { <p>{t!(i18n, child.reports.none_yet, name = for_none.clone())}</p> }
        >
            <ul class="report-list" aria-label=list_name.clone()>
                <For
                    each=move || list.reports.get()
                    key=|report| (report.id.clone(), report.updated_at)
                    children=move |report| view! { <ReportItem report list today /> }
                />
            </ul>
        </Show>
        // Worked out again whenever a report here is withdrawn or changed.
        <NextSteps child_id=id reports=list.reports.into() />
    }
}

/// One report: what, when, who reported it, whether the school has seen it,
/// and what the parent can still do.
#[component]
fn ReportItem(report: AbsenceReport, list: List, today: NaiveDate) -> impl IntoView {
    let (date, time) = dates::moment(report.reported_at, today);
    let period = dates::period(&report.details, today);
    // Said after each button for screen readers, which list them apart.
    let i18n = use_i18n();
    let which = format!(": {}, {period}", labels::absence_kind(report.details.kind));
    let id = report.id.clone();
    let change = report.can_change().then(|| {
        let for_link = which.clone();
        view! {
            <A href=format!("/meldingen/{id}/wijzigen") attr:class="button">
                {t!(i18n, child.reports.change)} <span class="visually-hidden">{for_link}</span>
            </A>
            <PanelButton panel=Panel::Withdraw(id.clone()) which=which.clone() list />
        }
    });
    let better = report.is_open_ended_illness().then(|| {
        view! { <PanelButton panel=Panel::Better(id.clone()) which=which.clone() list /> }
    });
    let buttons = (change.is_some() || better.is_some())
        .then(|| view! { <div class="card__buttons">{change} {better}</div> });
    let panel = {
        let report = report.clone();
        move || match list.open.get() {
            Some(Panel::Withdraw(id)) if id == report.id => {
                view! { <ConfirmWithdraw report_id=id list /> }.into_any()
            }
            Some(Panel::Better(id)) if id == report.id => {
                view! { <BetterForm report=report.clone() list today /> }.into_any()
            }
            _ => ().into_any(),
        }
    };

    view! {
        <li class="card">
            <p class="report-list__kind">{labels::absence_kind(report.details.kind)}</p>
            <p>{period.clone()}</p>
            {report.details.note.clone().map(|note| view! {
                <p>{t!(i18n, child.reports.note, note = move || note.clone())}</p>
            })}
            <p class="card__meta">
                {
                    let by = report.reported_by.clone();
                    t!(i18n, child.reports.reported_by, by = move || by.clone(), date = move || date.clone(), time = move || time.clone())
                }
            </p>
            <SeenBySchool report=report.clone() today />
            {report.acknowledged_at.is_some().then(|| view! {
                <p>{t!(i18n, child.reports.seen_contact)}</p>
            })}
            {buttons}
            {panel}
        </li>
    }
}

/// A button that opens the panel under its report, or closes it again.
#[component]
fn PanelButton(
    panel: Panel,
    /// Which report, for screen readers.
    which: String,
    list: List,
) -> impl IntoView {
    let (label, id) = (panel.label(), panel.button_id());
    let panel = StoredValue::new(panel);
    let is_open = move || {
        list.open
            .with(|open| panel.with_value(|p| open.as_ref() == Some(p)))
    };
    let toggle = move |_| {
        let open = (!is_open()).then(|| panel.get_value());
        list.open.set(open);
    };
    view! {
        <button
            type="button"
            class="button"
            id=id
            aria-expanded=move || is_open().to_string()
            on:click=toggle
        >
            {label}
            <span class="visually-hidden">{which}</span>
        </button>
    }
}

/// "Are you sure?", in the page: withdrawing cannot be undone by the parent.
/// Focus goes to the question; "Nee" goes back to the button.
#[component]
fn ConfirmWithdraw(report_id: String, list: List) -> impl IntoView {
    let i18n = use_i18n();
    let back = Panel::Withdraw(report_id.clone()).button_id();
    let question = NodeRef::<P>::new();
    Effect::new(move |_| {
        if let Some(question) = question.get() {
            _ = question.focus();
        }
    });
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let withdraw = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let id = report_id.clone();
        spawn_local(async move {
            match api::withdraw_report(&id).await {
                Ok(()) => {
                    list.reports
                        .update(|reports| reports.retain(|r| r.id != id));
                    list.done(t_string!(i18n, child.reports.withdrawn).to_owned());
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e.message));
                }
            }
        });
    };
    let keep = move |_| {
        list.open.set(None);
        focus(&back);
    };

    view! {
        <div class="panel" role="group" aria-labelledby="intrekken-vraag">
            <p id="intrekken-vraag" tabindex="-1" node_ref=question>
                {t!(i18n, child.reports.withdraw_question)}
            </p>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! { <p class="notice notice--error">{message}</p> })}
            </div>
            <div class="card__buttons">
                <button type="button" class="button button--primary" on:click=withdraw disabled=move || busy.get()>
                    {t!(i18n, child.reports.withdraw_yes)}
                </button>
                <button type="button" class="button" on:click=keep>
                    {t!(i18n, child.reports.withdraw_no)}
                </button>
            </div>
        </div>
    }
}

/// "Weer beter vanaf": ends an open-ended sick report. Checked with the same
/// rules as on the server (`ReportBetter::validate`).
#[component]
fn BetterForm(report: AbsenceReport, list: List, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let back = Panel::Better(report.id.clone()).button_id();
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            _ = input.focus();
        }
    });
    let first_day = report.details.first_day;
    let name = report.pupil_first_name.clone();
    let id = report.id.clone();
    let better_from = RwSignal::new(today.to_string());
    let problems = FieldProblems::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let Some(day) = dates::date_input(&better_from.get_untracked()) else {
            problems.set(vec![(
                "better_from",
                t_string!(i18n, child.reports.better_missing).into(),
            )]);
            focus("better_from");
            return;
        };
        let better = ReportBetter { better_from: day };
        if let Err(errors) = better.validate(first_day, today) {
            let language = crate::api::language();
            problems.set(
                errors
                    .iter()
                    .map(|e| (e.field, e.text(language).to_owned()))
                    .collect(),
            );
            focus("better_from");
            return;
        }
        problems.set(Vec::new());
        busy.set(true);
        let (id, name) = (id.clone(), name.clone());
        spawn_local(async move {
            match api::report_better(&id, &better).await {
                Ok(changed) => {
                    list.reports.update(|reports| {
                        if let Some(r) = reports.iter_mut().find(|r| r.id == changed.id) {
                            *r = changed;
                        }
                    });
                    list.done(with_name(
                        t_string!(i18n, child.reports.better_saved),
                        &name,
                    ));
                }
                Err(e) => {
                    busy.set(false);
                    if e.field.as_deref() == Some("better_from") {
                        problems.set(vec![("better_from", e.message)]);
                        focus("better_from");
                    } else {
                        error.set(Some(e.message));
                    }
                }
            }
        });
    };
    let cancel = move |_| {
        list.open.set(None);
        focus(&back);
    };
    let latest = (today + Days::new(MAX_BETTER_DAYS_AHEAD)).to_string();

    view! {
        <form class="panel form" on:submit=save novalidate>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! { <p class="notice notice--error">{message}</p> })}
            </div>
            <div class="field">
                <label for="better_from">{t!(i18n, child.reports.better_from)}</label>
                <p class="hint" id="better_from-hint">{t!(i18n, child.reports.better_hint)}</p>
                <FieldProblem field="better_from" problems />
                <input
                    type="date"
                    id="better_from"
                    name="better_from"
                    node_ref=input
                    min=first_day.to_string()
                    max=latest
                    aria-invalid=move || problems.invalid("better_from")
                    aria-describedby=move || problems.described_by("better_from", "better_from-hint")
                    bind:value=better_from
                    on:input=move |_| problems.clear(&["better_from"])
                />
            </div>
            <div class="card__buttons">
                <button type="submit" class="button button--primary" disabled=move || busy.get()>
                    {t!(i18n, child.reports.save)}
                </button>
                <button type="button" class="button" on:click=cancel>
                    {t!(i18n, child.reports.cancel)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{td_string, Locale};
    use leptos_i18n::Locale as _;

    /// The texts filled in with `with_name` (a title, a label, a status
    /// line) keep their `{name}` in every language.
    #[test]
    fn every_language_names_the_child() {
        for &locale in Locale::get_all() {
            for text in [
                td_string!(locale, child.reports.title),
                td_string!(locale, child.reports.list_name),
                td_string!(locale, child.reports.better_saved),
                td_string!(locale, child.leave.title),
            ] {
                assert!(text.contains("{name}"), "{}: {text}", locale.as_str());
            }
        }
    }
}
