//! `/school/meldingen`: the desk. The reports of today, of the coming week
//! or of one day, per group; tick several and mark them "Gezien", or all of
//! a group at once. Parents then see who saw their report, and can no
//! longer change it.

use chrono::{Datelike, Days, NaiveDate};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::{Acknowledgement, DeskAction, DeskGroup, DeskReport};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::focus;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::parent_answers::ParentAnswers;
use crate::pages::school::{school_href, school_page};

/// The id of the line that says what just happened.
const STATUS_ID: &str = "balie-status";

/// Which days the list shows.
#[derive(Clone, Copy, PartialEq)]
enum Span {
    Today,
    Week,
    OneDay,
}

impl Span {
    fn label(self) -> &'static str {
        let i18n = use_i18n();
        match self {
            Self::Today => t_string!(i18n, school.desk.today),
            Self::Week => t_string!(i18n, school.desk.week),
            Self::OneDay => t_string!(i18n, school.desk.one_day),
        }
    }
}

/// The page.
#[component]
pub fn DeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, school.desk.title).to_owned());
    school_page(title, DeskAction::SeeDesk, |school| {
        view! { <Desk school /> }.into_any()
    })
}

/// The choice of days and group, and the list.
#[component]
fn Desk(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let days = RwSignal::new(Span::Week);
    let day = RwSignal::new(today.to_string());
    let group = RwSignal::new(String::new());
    let range = Memo::new(move |_| match days.get() {
        Span::Today => (today, today),
        Span::Week => (today, today + Days::new(7)),
        Span::OneDay => {
            let day = dates::date_input(&day.get()).unwrap_or(today);
            (day, day)
        }
    });
    let groups = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::school_groups(&id).await.unwrap_or_default() }
        })
    };
    let reports = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let ((from, to), group, id) = (range.get(), group.get(), id.clone());
            async move { api::desk_reports(&id, from, to, &group).await }
        })
    };
    let may_acknowledge = school.may(DeskAction::Acknowledge);
    let may_register = school.may(DeskAction::Register);
    let may_export = school.may(DeskAction::Export);
    let school_id = StoredValue::new(school.id.clone());
    let choice = move |value: Span, id: &'static str| {
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id
                    name="dagen"
                    prop:checked=move || days.get() == value
                    on:change=move |_| days.set(value)
                />
                <label for=id>{move || value.label()}</label>
            </div>
        }
    };

    view! {
        {may_register.then(|| view! {
            <p>
                <A href=school_href("noteren", &school) attr:class="button">
                    {t!(i18n, school.register.title)}
                </A>
            </p>
        })}
        <ParentAnswers school=school.clone() />
        <div class="desk-filters">
            <fieldset class="field">
                <legend>{t!(i18n, school.desk.which_days)}</legend>
                {choice(Span::Today, "dagen-vandaag")}
                {choice(Span::Week, "dagen-week")}
                {choice(Span::OneDay, "dagen-dag")}
                <Show when=move || days.get() == Span::OneDay>
                    <div class="field">
                        <label for="dag">{t!(i18n, school.day)}</label>
                        <input type="date" id="dag" bind:value=day />
                    </div>
                </Show>
            </fieldset>
            <div class="field">
                <label for="groep">{t!(i18n, school.group)}</label>
                <select id="groep" on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="" selected>{t!(i18n, school.desk.all_groups)}</option>
                    {move || {
                        groups
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|g| view! { <option value=g.id.clone()>{g.name}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match reports.await {
                    Ok(list) => view! {
                        <DeskList groups=list.groups school_id=school_id.get_value() may_acknowledge />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        {may_export.then(|| view! { <Export school_id=school_id.get_value() /> })}
    }
}

/// "Overzicht downloaden (CSV)": every absence of a period, for the pupil
/// administration; from the start of this school year (1 August) to today.
#[component]
fn Export(school_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let year = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let start = NaiveDate::from_ymd_opt(year, 8, 1).unwrap_or(today);
    let from = RwSignal::new(start.to_string());
    let to = RwSignal::new(today.to_string());
    let period = move || {
        let from = dates::date_input(&from.get());
        let to = dates::date_input(&to.get());
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Ok((from, to)),
            (Some(_), Some(_)) => Err(t_string!(i18n, school.export.first_before_last)),
            _ => Err(t_string!(i18n, school.export.fill_both)),
        }
    };
    let problem = move || period().err();
    let described = move || problem().map(|_| "export-fout");
    view! {
        <section aria-labelledby="overzicht" class="panel export">
            <h2 id="overzicht">{t!(i18n, school.export.heading)}</h2>
            <p class="hint">{t!(i18n, school.export.hint)}</p>
            <div class="desk-filters">
                <div class="field">
                    <label for="export-van">{t!(i18n, school.export.from)}</label>
                    <input type="date" id="export-van" aria-invalid=move || problem().map(|_| "true")
                        aria-describedby=described bind:value=from />
                </div>
                <div class="field">
                    <label for="export-tot">{t!(i18n, school.export.to)}</label>
                    <input type="date" id="export-tot" aria-invalid=move || problem().map(|_| "true")
                        aria-describedby=described bind:value=to />
                </div>
            </div>
            {move || match period() {
                Ok((from, to)) => view! {
                    <p>
                        <a href=api::absences_export_path(&school_id, from, to) class="button" download>
                            {t!(i18n, school.export.download)}
                        </a>
                    </p>
                }
                .into_any(),
                Err(message) => view! {
                    <p class="field-error" id="export-fout">{message}</p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The reports per group, which are ticked, and what just happened.
#[derive(Clone, Copy)]
struct List {
    groups: RwSignal<Vec<DeskGroup>>,
    ticked: RwSignal<Vec<String>>,
    sending: RwSignal<bool>,
    /// How many reports were just marked as seen.
    status: RwSignal<Option<usize>>,
    error: RwSignal<Option<String>>,
    school_id: StoredValue<String>,
}

impl List {
    /// Marks these reports as seen, all or nothing; the list then shows
    /// them as the server has them now.
    fn acknowledge(self, report_ids: Vec<String>) {
        let i18n = use_i18n();
        if report_ids.is_empty() {
            let message = t_string!(i18n, school.desk.choose_first);
            self.error.set(Some(message.to_owned()));
            return;
        }
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        self.error.set(None);
        let request = Acknowledgement { report_ids };
        spawn_local(async move {
            let school_id = self.school_id.get_value();
            match api::acknowledge(&school_id, &request).await {
                Ok(seen) => {
                    self.groups.update(|groups| {
                        for report in groups.iter_mut().flat_map(|g| &mut g.reports) {
                            if let Some(now) = seen.iter().find(|s| s.id == report.id) {
                                *report = now.clone();
                            }
                        }
                    });
                    self.ticked.set(Vec::new());
                    self.status.set(Some(seen.len()));
                    request_animation_frame(|| focus(STATUS_ID));
                }
                Err(error) => self.error.set(Some(error.message)),
            }
            self.sending.set(false);
        });
    }
}

#[component]
fn DeskList(groups: Vec<DeskGroup>, school_id: String, may_acknowledge: bool) -> impl IntoView {
    let i18n = use_i18n();
    let list = List {
        groups: RwSignal::new(groups),
        ticked: RwSignal::new(Vec::new()),
        sending: RwSignal::new(false),
        status: RwSignal::new(None),
        error: RwSignal::new(None),
        school_id: StoredValue::new(school_id),
    };
    let count = move || list.ticked.with(Vec::len);
    let any_unseen = move || {
        list.groups.with(|groups| {
            groups
                .iter()
                .flat_map(|g| &g.reports)
                .any(|r| r.acknowledged_at.is_none())
        })
    };
    view! {
        <div role="status" class="status-region">
            {move || list.status.get().map(|seen| view! {
                <p class="notice" id=STATUS_ID tabindex="-1">
                    {match seen {
                        1 => t!(i18n, school.desk.one_acknowledged).into_any(),
                        n => t!(i18n, school.desk.acknowledged, number = move || n).into_any(),
                    }}
                </p>
            })}
        </div>
        <div role="alert" class="alert-region">
            {move || list.error.get().map(|message| view! { <p class="notice notice--error">{message}</p> })}
        </div>
        {move || {
            list.groups
                .get()
                .into_iter()
                .map(|group| view! { <GroupReports group list may_acknowledge /> })
                .collect_view()
        }}
        {move || (may_acknowledge && any_unseen()).then(|| view! {
            <div class="action-bar">
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || list.sending.get()
                    on:click=move |_| list.acknowledge(list.ticked.get_untracked())
                >
                    {t!(i18n, school.desk.seen)}
                    <span class="visually-hidden">": " {t!(i18n, school.desk.ticked, number = count)}</span>
                    {move || (count() > 0).then(|| format!(" ({})", count()))}
                </button>
            </div>
        })}
    }
}

/// One group: its reports, and "Alles gezien" while some are not seen.
#[component]
fn GroupReports(group: DeskGroup, list: List, may_acknowledge: bool) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let heading_id = format!("groep-{}", group.id);
    let labelled_by = heading_id.clone();
    let unseen: Vec<String> = group
        .reports
        .iter()
        .filter(|r| r.acknowledged_at.is_none())
        .map(|r| r.id.clone())
        .collect();
    let name = group.name.clone();
    let all_button = (may_acknowledge && !unseen.is_empty()).then(|| {
        view! {
            <p>
                <button
                    type="button"
                    class="button"
                    disabled=move || list.sending.get()
                    on:click=move |_| list.acknowledge(unseen.clone())
                >
                    {t!(i18n, school.desk.all_seen)}
                    <span class="visually-hidden">
                        " " {t!(i18n, school.desk.in_group, group = move || name.clone())}
                    </span>
                </button>
            </p>
        }
    });
    let reports = group.reports.clone();
    view! {
        <section class="desk-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{group.name.clone()}</h2>
            {if reports.is_empty() {
                view! { <p>{t!(i18n, school.desk.no_reports)}</p> }.into_any()
            } else {
                view! {
                    <ul class="report-list">
                        {reports
                            .into_iter()
                            .map(|report| view! { <DeskItem report list may_acknowledge today /> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {all_button}
        </section>
    }
}

/// One report: the pupil (a box to tick while it is not seen), what and
/// when, who reported it, and who saw it.
#[component]
fn DeskItem(
    report: DeskReport,
    list: List,
    may_acknowledge: bool,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", report.pupil_first_name, report.pupil_last_name);
    let period = period(&report, today);
    let (on, at) = dates::moment(report.reported_at, today);
    let reported_by = report.reported_by.clone();
    let seen = report.acknowledged_at.map(|at| {
        let (on, time) = dates::moment(at, today);
        let by = report.acknowledged_by.clone().unwrap_or_default();
        t!(
            i18n,
            school.desk.seen_by,
            name = move || by.clone(),
            day = move || on.clone(),
            time = move || time.clone()
        )
    });
    let pupil = if may_acknowledge && seen.is_none() {
        let id = report.id.clone();
        let box_id = format!("kies-{}", report.id);
        let checked = {
            let id = id.clone();
            move || list.ticked.with(|t| t.contains(&id))
        };
        let tick = move |ev| {
            let on = event_target_checked(&ev);
            list.ticked.update(|t| {
                t.retain(|r| *r != id);
                if on {
                    t.push(id.clone());
                }
            });
        };
        view! {
            <div class="choice">
                <input type="checkbox" id=box_id.clone() prop:checked=checked on:change=tick />
                <label for=box_id>
                    <strong>{name}</strong>
                    <span class="visually-hidden">
                        ", " {move || labels::absence_kind(report.kind)} ", " {period.clone()}
                    </span>
                </label>
            </div>
        }
        .into_any()
    } else {
        view! { <p><strong>{name}</strong></p> }.into_any()
    };
    let seen_class = if seen.is_some() {
        "card desk-report desk-report--seen"
    } else {
        "card desk-report"
    };
    view! {
        <li class=seen_class>
            {pupil}
            <p class="report-list__kind">{move || labels::absence_kind(report.kind)}</p>
            <p>{period.clone()}</p>
            {report.note.clone().map(|note| view! {
                <p>{t!(i18n, school.desk.note, note = move || note.clone())}</p>
            })}
            <p class="card__meta">
                {t!(
                    i18n,
                    school.desk.reported_by,
                    name = move || reported_by.clone(),
                    day = move || on.clone(),
                    time = move || at.clone()
                )}
            </p>
            {match seen {
                Some(seen) => view! { <p class="seen seen--yes">{seen}</p> }.into_any(),
                None => view! { <p class="seen">{t!(i18n, school.desk.not_seen)}</p> }.into_any(),
            }}
        </li>
    }
}

/// The days and times, for the school: "vanaf dinsdag 24 november, tot het
/// kind beter is gemeld" for an open-ended illness.
fn period(report: &DeskReport, today: NaiveDate) -> Either<impl IntoView + Clone, String> {
    if report.last_day.is_none() {
        let i18n = use_i18n();
        let day = dates::day(report.first_day, today);
        return Either::Left(t!(
            i18n,
            school.desk.until_better,
            day = move || day.clone()
        ));
    }
    let details = shared::AbsenceDetails {
        kind: report.kind,
        first_day: report.first_day,
        last_day: report.last_day,
        start_time: report.start_time,
        end_time: report.end_time,
        note: None,
    };
    Either::Right(dates::period(&details, today))
}
