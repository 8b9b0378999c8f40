//! `/school/instellingen`: the school's own settings, for the director or
//! the school admin. The protocol (per step who acts, the numbers that start
//! it and the texts parents read), a preview of what parents see with the
//! same engine the server uses, the calendar, the contacts per role, and two
//! choices. Checked with the server's rules (`SettingsChange::validate`) and
//! sent whole; parents see a change at once.

use chrono::{Days, NaiveDate};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::protocol::{
    evaluate, AbsenceCategory, AbsenceRecord, Holiday, Protocol, Role, SchoolCalendar, SchoolKind,
    Step, Trigger,
};
use shared::{ChildProtocol, DeskAction, SchoolContact, SchoolSettingsView, SettingsChange};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{
    focus, with_rules, FieldProblem, FieldProblems, ProblemSummary, Problems,
};
use crate::components::form_fields::Choice;
use crate::components::next_steps::Timeline;
use crate::dutch;
use crate::pages::school::school_page;

/// The parts that can be wrong, in the order of the page; each is also the
/// id of its section.
const FIELDS: &[&str] = &["protocol", "calendar", "contacts"];

/// The id of the problems on top of the form.
const SUMMARY: &str = "problemen";

/// The made-up child of the preview.
const EXAMPLE_CHILD: &str = "Kim";

/// The page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    school_page("Instellingen", DeskAction::ChangeSettings, |school| {
        view! { <Loaded school /> }.into_any()
    })
}

#[component]
fn Loaded(school: School) -> impl IntoView {
    let school_id = school.id;
    let id = school_id.clone();
    let settings = LocalResource::new(move || {
        let id = id.clone();
        async move { api::school_settings(&id).await }
    });
    let school_id = StoredValue::new(school_id);
    view! {
        <p>"Hier stelt u in wat ouders in de app zien: de stappen van het verzuimprotocol, de schooltijden en vakanties, en wie ouders kunnen bellen."</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(settings) => {
                        view! { <SettingsForm school_id=school_id.get_value() settings /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the form holds while the school edits it. The lists are drawn
/// again only when their rows change (`*_rows`), not on every key.
#[derive(Clone, Copy)]
struct Edit {
    kind: SchoolKind,
    protocol: RwSignal<Protocol>,
    /// The protocol `null` stands for: the one loaded while the school had
    /// none of its own, or the default after "Terug naar het standaardprotocol".
    default_protocol: StoredValue<Protocol>,
    own_protocol: RwSignal<bool>,
    calendar: RwSignal<SchoolCalendar>,
    loaded_calendar: StoredValue<SchoolCalendar>,
    own_calendar: StoredValue<bool>,
    contacts: RwSignal<Vec<SchoolContact>>,
    conversations_shared: RwSignal<bool>,
    teachers_see_only_their_groups: RwSignal<bool>,
    step_rows: RwSignal<u32>,
    holiday_rows: RwSignal<u32>,
    contact_rows: RwSignal<u32>,
    problems: FieldProblems,
    /// "Opgeslagen." and the like, until the next change.
    status: RwSignal<Option<&'static str>>,
}

impl Edit {
    fn new(settings: SchoolSettingsView) -> Self {
        Self {
            kind: settings.kind,
            default_protocol: StoredValue::new(settings.protocol.clone()),
            protocol: RwSignal::new(settings.protocol),
            own_protocol: RwSignal::new(settings.own_protocol),
            loaded_calendar: StoredValue::new(settings.calendar.clone()),
            calendar: RwSignal::new(settings.calendar),
            own_calendar: StoredValue::new(settings.own_calendar),
            contacts: RwSignal::new(settings.contacts),
            conversations_shared: RwSignal::new(settings.conversations_shared),
            teachers_see_only_their_groups: RwSignal::new(settings.teachers_see_only_their_groups),
            step_rows: RwSignal::new(0),
            holiday_rows: RwSignal::new(0),
            contact_rows: RwSignal::new(0),
            problems: FieldProblems::new(),
            status: RwSignal::new(None),
        }
    }

    /// What the server stored: the defaults it stands for from now on.
    fn stored(self, settings: SchoolSettingsView) {
        self.default_protocol.set_value(settings.protocol);
        self.own_protocol.set(settings.own_protocol);
        self.loaded_calendar.set_value(settings.calendar);
        self.own_calendar.set_value(settings.own_calendar);
    }

    /// The request: `None` for a protocol or calendar the school keeps at
    /// the default.
    fn change(self) -> SettingsChange {
        let protocol = self.protocol.get_untracked();
        let calendar = self.calendar.get_untracked();
        let keeps_protocol =
            !self.own_protocol.get_untracked() && protocol == self.default_protocol.get_value();
        let keeps_calendar =
            !self.own_calendar.get_value() && calendar == self.loaded_calendar.get_value();
        SettingsChange {
            protocol: (!keeps_protocol).then_some(protocol),
            calendar: (!keeps_calendar).then_some(calendar),
            contacts: self.contacts.get_untracked(),
            conversations_shared: self.conversations_shared.get_untracked(),
            teachers_see_only_their_groups: self.teachers_see_only_their_groups.get_untracked(),
        }
    }

    /// A problem with a step names the step by its id ("Stap
    /// 'gesprek-vaak-ziek': ..."): name it by the title the school sees.
    fn with_titles(self, message: String) -> String {
        self.protocol.with_untracked(|p| {
            let step = p
                .steps
                .iter()
                .find(|s| message.starts_with(&format!("Stap '{}':", s.id)));
            match step {
                Some(s) => {
                    message.replacen(&format!("'{}'", s.id), &format!("\"{}\"", s.texts.title), 1)
                }
                None => message,
            }
        })
    }

    /// Something changed in `part`: its problem and the last status go.
    fn changed(self, part: &str) {
        self.problems.clear(&[part]);
        if self.status.with_untracked(Option::is_some) {
            self.status.set(None);
        }
    }

    fn step(self, i: usize, change: impl FnOnce(&mut Step)) {
        self.protocol.update(|p| {
            if let Some(step) = p.steps.get_mut(i) {
                change(step);
            }
        });
        self.changed("protocol");
    }

    fn calendar(self, change: impl FnOnce(&mut SchoolCalendar)) {
        self.calendar.update(change);
        self.changed("calendar");
    }

    fn holiday(self, i: usize, change: impl FnOnce(&mut Holiday)) {
        self.calendar(|c| {
            if let Some(holiday) = c.holidays.get_mut(i) {
                change(holiday);
            }
        });
    }

    fn contact(self, i: usize, change: impl FnOnce(&mut SchoolContact)) {
        self.contacts.update(|c| {
            if let Some(contact) = c.get_mut(i) {
                change(contact);
            }
        });
        self.changed("contacts");
    }

    /// Adds, removes or moves contacts; the list is drawn again and `then`
    /// gets the focus.
    fn contact_rows(self, change: impl FnOnce(&mut Vec<SchoolContact>), then: String) {
        self.contacts.update(change);
        self.contact_rows.update(|n| *n += 1);
        self.changed("contacts");
        request_animation_frame(move || focus(&then));
    }
}

#[component]
fn SettingsForm(school_id: String, settings: SchoolSettingsView) -> impl IntoView {
    let edit = Edit::new(settings);
    let general = RwSignal::new(None);
    let sending = RwSignal::new(false);
    let school_id = StoredValue::new(school_id);
    let problems = edit.problems;

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        edit.status.set(None);
        let change = edit.change();
        let found = with_rules(Problems::new(), change.validate(edit.kind))
            .into_iter()
            .map(|(field, message)| (field, edit.with_titles(message)))
            .collect();
        if let Some(first) = problems.show(found, FIELDS, general) {
            focus(first);
            return;
        }
        sending.set(true);
        spawn_local(async move {
            match api::save_settings(&school_id.get_value(), &change).await {
                Ok(stored) => {
                    edit.stored(stored);
                    edit.status.set(Some("Opgeslagen. Ouders zien het meteen."));
                }
                Err(mut error) => {
                    error.message = edit.with_titles(error.message);
                    let field = problems.show_api_error(error, FIELDS, general);
                    focus(field.unwrap_or(SUMMARY));
                }
            }
            sending.set(false);
        });
    };

    view! {
        <form class="form settings" on:submit=on_submit novalidate>
            <div id=SUMMARY tabindex="-1">
                <ProblemSummary problems fields=FIELDS general />
            </div>
            <ProtocolSection edit />
            <Preview edit />
            <CalendarSection edit />
            <ContactsSection edit />
            <section aria-labelledby="overig-kop">
                <h2 id="overig-kop">"Overig"</h2>
                <Choice
                    kind="checkbox"
                    id="conversations_shared".to_owned()
                    name="conversations_shared"
                    value="ja"
                    checked=edit.conversations_shared
                    on_change=Callback::new(move |on| {
                        edit.conversations_shared.set(on);
                        edit.changed("");
                    })
                    hint=Some("Een ouder kan een gesprek ook voor zich houden.")
                >
                    "Beide ouders zien een gesprek dat één ouder aanvroeg"
                </Choice>
                <Choice
                    kind="checkbox"
                    id="teachers_see_only_their_groups".to_owned()
                    name="teachers_see_only_their_groups"
                    value="ja"
                    checked=edit.teachers_see_only_their_groups
                    on_change=Callback::new(move |on| {
                        edit.teachers_see_only_their_groups.set(on);
                        edit.changed("");
                    })
                >
                    "Leerkrachten zien alleen hun eigen groepen"
                </Choice>
            </section>
            <div class="action-bar">
                <p role="status" class="status-region">
                    {move || edit.status.get()}
                </p>
                <button type="submit" class="button button--primary button--big" disabled=move || sending.get()>
                    {move || if sending.get() { "Bezig met opslaan…" } else { "Opslaan" }}
                </button>
            </div>
        </form>
    }
}

/// One line of text, a number, a time or a day, with its label.
#[component]
fn Input(
    id: String,
    #[prop(into)] label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(into)] value: String,
    set: Callback<String>,
    /// For numbers: the step between values ("1", "0.5").
    #[prop(optional)]
    step: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                type=kind
                id=id
                value=value
                min=step.map(|_| "0")
                step=step
                inputmode=step.map(|s| if s == "1" { "numeric" } else { "decimal" })
                aria-describedby=hint_id.clone()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A longer text for parents.
#[component]
fn Area(id: String, label: &'static str, value: String, set: Callback<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="3" prop:value=value on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        </div>
    }
}

/// A whole number an input holds; 0 when it holds none (the rules then
/// say what is wrong).
fn count(value: &str) -> u32 {
    value.trim().parse().unwrap_or(0)
}

/// A number that may have a decimal comma.
fn amount(value: &str) -> f32 {
    value.trim().replace(',', ".").parse().unwrap_or(0.0)
}

#[component]
fn ProtocolSection(edit: Edit) -> impl IntoView {
    let reset = move |_| {
        let default = Protocol::default_for(edit.kind);
        edit.default_protocol.set_value(default.clone());
        edit.protocol.set(default);
        edit.own_protocol.set(false);
        edit.step_rows.update(|n| *n += 1);
        edit.changed("protocol");
        edit.status.set(Some(
            "Het standaardprotocol staat klaar. Sla op om het te gebruiken.",
        ));
    };
    view! {
        <section id="protocol" tabindex="-1" aria-labelledby="protocol-kop">
            <h2 id="protocol-kop">"Verzuimprotocol"</h2>
            <p>
                "Per stap: wie iets doet, wanneer de stap begint en wat ouders lezen. "
                "Ziekte leidt nooit vanzelf tot de leerplichtambtenaar."
            </p>
            <FieldProblem field="protocol" problems=edit.problems />
            {move || {
                edit.step_rows.track();
                let steps = edit.protocol.with_untracked(|p| p.steps.clone());
                view! {
                    <ol class="settings-steps">
                        {steps
                            .into_iter()
                            .enumerate()
                            .map(|(i, step)| view! { <StepEditor edit i step /> })
                            .collect_view()}
                    </ol>
                }
            }}
            <p>
                <button type="button" class="button button--quiet" on:click=reset>
                    "Terug naar het standaardprotocol"
                </button>
            </p>
        </section>
    }
}

/// One step: who acts and when it starts; its texts folded away.
#[component]
fn StepEditor(edit: Edit, i: usize, step: Step) -> impl IntoView {
    let id = move |part: &str| format!("stap-{i}-{part}");
    let title = move || {
        edit.protocol
            .with(|p| p.steps.get(i).map(|s| s.texts.title.clone()))
    };
    let set_role = move |ev| {
        let role = Role::parse(&event_target_value(&ev));
        edit.step(i, |s| s.role = role.unwrap_or(s.role));
    };
    let text = move |part: &str, label: &'static str, value: String, put: fn(&mut Step, String)| {
        let set = Callback::new(move |v: String| edit.step(i, |s| put(s, v)));
        view! { <Area id=id(part) label value set /> }
    };
    let texts = step.texts.clone();

    view! {
        <li class="card settings-step">
            <h3 id=id("kop")>{title}</h3>
            <div class="field">
                <label for=id("rol")>"Wie doet dit?"</label>
                <select id=id("rol") on:change=set_role>
                    {Role::ALL
                        .into_iter()
                        .map(|role| view! {
                            <option value=role.as_str() selected=role == step.role>{role.label()}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <TriggerFields edit i trigger=step.trigger />
            <details class="settings-texts">
                <summary>"Teksten voor ouders"</summary>
                <Input
                    id=id("titel")
                    label="Titel"
                    value=texts.title
                    set=Callback::new(move |v: String| edit.step(i, |s| s.texts.title = v))
                />
                {text("samenvatting", "Samenvatting (één zin)", texts.summary, |s, v| s.texts.summary = v)}
                {text("wat", "Wat gebeurt er?", texts.what_happens, |s, v| s.texts.what_happens = v)}
                {text("waarom", "Waarom doet de school dit?", texts.why, |s, v| s.texts.why = v)}
                {text("doen", "Wat kunt u doen?", texts.what_you_can_do, |s, v| s.texts.what_you_can_do = v)}
                {text("wie", "Wie zijn erbij?", texts.who_is_involved, |s, v| s.texts.who_is_involved = v)}
            </details>
        </li>
    }
}

/// The numbers that start a step, as number inputs (a time for the step of
/// no report: the time by which parents report).
#[component]
fn TriggerFields(edit: Edit, i: usize, trigger: Trigger) -> impl IntoView {
    let number = move |part: &str,
                       label: &'static str,
                       value: String,
                       step: &'static str,
                       put: fn(&mut Trigger, &str)| {
        let set = Callback::new(move |v: String| edit.step(i, |s| put(&mut s.trigger, &v)));
        view! { <Input id=format!("stap-{i}-{part}") label kind="number" value set step /> }
    };
    match trigger {
        Trigger::EveryReport => view! { <p class="hint">"Deze stap hoort bij elke melding."</p> }.into_any(),
        Trigger::NoReportBy { time } => view! {
            <Input
                id=format!("stap-{i}-tijd")
                label="Niet gemeld om"
                kind="time"
                value=time.format("%H:%M").to_string()
                hint="Tot deze tijd melden ouders hun kind afwezig. Daarna neemt de school contact op."
                set=Callback::new(move |v: String| {
                    if let Some(new) = dutch::time_input(&v) {
                        edit.step(i, |s| s.trigger = Trigger::NoReportBy { time: new });
                    }
                })
            />
        }
        .into_any(),
        Trigger::SickReports { count: n, within_school_weeks } => view! {
            <div class="settings-numbers">
                {number("aantal", "Bij de zoveelste ziekmelding", n.to_string(), "1", |t, v| {
                    if let Trigger::SickReports { count: c, .. } = t { *c = count(v) }
                })}
                {number("weken", "Binnen hoeveel schoolweken", within_school_weeks.to_string(), "1", |t, v| {
                    if let Trigger::SickReports { within_school_weeks: w, .. } = t { *w = count(v) }
                })}
            </div>
        }
        .into_any(),
        Trigger::SickDaysInRow { school_days } => {
            number("dagen", "Na hoeveel schooldagen ziek achter elkaar", school_days.to_string(), "1", |t, v| {
                if let Trigger::SickDaysInRow { school_days: d } = t { *d = count(v) }
            })
            .into_any()
        }
        Trigger::UnauthorisedHours { hours, within_lesson_weeks } => view! {
            <div class="settings-numbers">
                {number("uren", "Uren les zonder toestemming", hours.to_string(), "0.5", |t, v| {
                    if let Trigger::UnauthorisedHours { hours: h, .. } = t { *h = amount(v) }
                })}
                {number("weken", "Binnen hoeveel lesweken", within_lesson_weeks.to_string(), "1", |t, v| {
                    if let Trigger::UnauthorisedHours { within_lesson_weeks: w, .. } = t { *w = count(v) }
                })}
            </div>
        }
        .into_any(),
        Trigger::LateArrivals { count: n } => {
            number("keer", "Na hoeveel keer te laat in een schooljaar", n.to_string(), "1", |t, v| {
                if let Trigger::LateArrivals { count: c } = t { *c = count(v) }
            })
            .into_any()
        }
    }
}

/// "Zo zien ouders het": the parents' timeline for a made-up child who was
/// ill three times in the last weeks, with the protocol and calendar as
/// they are in the form now.
#[component]
fn Preview(edit: Edit) -> impl IntoView {
    view! {
        <section aria-labelledby="voorbeeld-kop" class="settings-preview">
            <h2 id="voorbeeld-kop">"Zo zien ouders het"</h2>
            <p>
                {format!("Een voorbeeld: {EXAMPLE_CHILD} was de laatste weken drie keer een dag ziek. ")}
                "Dit ziet de ouder nu in de app. Het verandert mee met wat u hierboven invult."
            </p>
            {move || {
                let protocol = edit.protocol.get();
                let calendar = edit.calendar.get();
                let today = dutch::today();
                let history = example_history(&calendar, today);
                let position = evaluate(&protocol, &calendar, &history, today);
                let example = ChildProtocol {
                    first_name: EXAMPLE_CHILD.to_owned(),
                    school_name: String::new(),
                    protocol,
                    position,
                };
                view! { <Timeline child_id="voorbeeld".to_owned() protocol=example example=true /> }
            }}
        </section>
    }
}

/// Three single sick days, each a week or two apart, in the school days
/// before today.
fn example_history(calendar: &SchoolCalendar, today: NaiveDate) -> Vec<AbsenceRecord> {
    (1..=120)
        .filter_map(|n| today.checked_sub_days(Days::new(n)))
        .filter(|day| calendar.is_school_day(*day))
        .skip(2)
        .step_by(8)
        .take(3)
        .map(|day| AbsenceRecord {
            category: AbsenceCategory::Ill,
            first_day: day,
            last_day: Some(day),
            start_time: None,
            end_time: None,
        })
        .collect()
}

#[component]
fn CalendarSection(edit: Edit) -> impl IntoView {
    let start = edit.calendar.with_untracked(|c| c.clone());
    let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let add = move |_| {
        let today = dutch::today();
        edit.calendar(|c| {
            c.holidays.push(Holiday {
                name: String::new(),
                first_day: today,
                last_day: today,
            })
        });
        edit.holiday_rows.update(|n| *n += 1);
        let last = edit.calendar.with_untracked(|c| c.holidays.len()) - 1;
        request_animation_frame(move || focus(&format!("vakantie-{last}-naam")));
    };
    view! {
        <section id="calendar" tabindex="-1" aria-labelledby="kalender-kop">
            <h2 id="kalender-kop">"Schooltijden en vakanties"</h2>
            <p>"Hiermee telt de app schooldagen, schoolweken en lesuren."</p>
            <FieldProblem field="calendar" problems=edit.problems />
            <div class="settings-numbers">
                <Input
                    id="lesson_start".to_owned()
                    label="De lessen beginnen om"
                    kind="time"
                    value=time(start.lesson_start)
                    set=Callback::new(move |v: String| {
                        if let Some(t) = dutch::time_input(&v) {
                            edit.calendar(|c| c.lesson_start = t);
                        }
                    })
                />
                <Input
                    id="lesson_end".to_owned()
                    label="De lessen eindigen om"
                    kind="time"
                    value=time(start.lesson_end)
                    set=Callback::new(move |v: String| {
                        if let Some(t) = dutch::time_input(&v) {
                            edit.calendar(|c| c.lesson_end = t);
                        }
                    })
                />
                <Input
                    id="lesson_hours_per_day".to_owned()
                    label="Lesuren per schooldag"
                    kind="number"
                    step="0.5"
                    value=start.lesson_hours_per_day.to_string()
                    set=Callback::new(move |v: String| edit.calendar(|c| c.lesson_hours_per_day = amount(&v)))
                />
            </div>
            <details class="settings-texts">
                <summary>
                    {move || {
                        format!(
                            "Vakanties en vrije dagen ({})",
                            edit.calendar.with(|c| c.holidays.len()),
                        )
                    }}
                </summary>
                {move || {
                    edit.holiday_rows.track();
                    let holidays = edit.calendar.with_untracked(|c| c.holidays.clone());
                    holidays
                        .into_iter()
                        .enumerate()
                        .map(|(i, holiday)| view! { <HolidayRow edit i holiday /> })
                        .collect_view()
                }}
                <p>
                <button type="button" class="button" id="vakantie-toevoegen" on:click=add>
                    "Vakantie toevoegen"
                </button>
            </p>
            </details>
        </section>
    }
}

#[component]
fn HolidayRow(edit: Edit, i: usize, holiday: Holiday) -> impl IntoView {
    let n = i + 1;
    let day = move |v: &str| dutch::date_input(v);
    let remove = move |_| {
        edit.calendar(|c| {
            c.holidays.remove(i);
        });
        edit.holiday_rows.update(|n| *n += 1);
        request_animation_frame(|| focus("vakantie-toevoegen"));
    };
    view! {
        <fieldset class="time-row settings-row">
            <legend>{format!("Vakantie {n}")}</legend>
            <Input
                id=format!("vakantie-{i}-naam")
                label="Naam"
                value=holiday.name
                set=Callback::new(move |v: String| edit.holiday(i, |h| h.name = v))
            />
            <Input
                id=format!("vakantie-{i}-eerste")
                label="Eerste dag"
                kind="date"
                value=holiday.first_day.to_string()
                set=Callback::new(move |v: String| {
                    if let Some(d) = day(&v) {
                        edit.holiday(i, |h| h.first_day = d);
                    }
                })
            />
            <Input
                id=format!("vakantie-{i}-laatste")
                label="Laatste dag"
                kind="date"
                value=holiday.last_day.to_string()
                set=Callback::new(move |v: String| {
                    if let Some(d) = day(&v) {
                        edit.holiday(i, |h| h.last_day = d);
                    }
                })
            />
            <button type="button" class="button button--quiet" on:click=remove>
                "Weghalen" <span class="visually-hidden">{format!(" vakantie {n}")}</span>
            </button>
        </fieldset>
    }
}

#[component]
fn ContactsSection(edit: Edit) -> impl IntoView {
    let add = move |_| {
        let n = edit.contacts.with_untracked(Vec::len);
        edit.contact_rows(
            |c| {
                c.push(SchoolContact {
                    role: Role::AttendanceDesk,
                    name: String::new(),
                    phone: None,
                    email: None,
                    hours: None,
                })
            },
            format!("contact-{n}-rol"),
        );
    };
    view! {
        <section id="contacts" tabindex="-1" aria-labelledby="contacten-kop">
            <h2 id="contacten-kop">"Contactpersonen"</h2>
            <p>"Wie ouders kunnen bellen of mailen, per rol. Ouders zien ze in deze volgorde."</p>
            <FieldProblem field="contacts" problems=edit.problems />
            {move || {
                edit.contact_rows.track();
                let contacts = edit.contacts.with_untracked(|c| c.clone());
                contacts
                    .into_iter()
                    .enumerate()
                    .map(|(i, contact)| view! { <ContactRow edit i contact /> })
                    .collect_view()
            }}
            <p>
                <button type="button" class="button" id="contact-toevoegen" on:click=add>
                    "Contactpersoon toevoegen"
                </button>
            </p>
        </section>
    }
}

#[component]
fn ContactRow(edit: Edit, i: usize, contact: SchoolContact) -> impl IntoView {
    let n = i + 1;
    let id = move |part: &str| format!("contact-{i}-{part}");
    let optional = |v: String| {
        let v = v.trim().to_owned();
        (!v.is_empty()).then_some(v)
    };
    let set_role = move |ev| {
        let role = Role::parse(&event_target_value(&ev));
        edit.contact(i, |c| c.role = role.unwrap_or(c.role));
    };
    let up = move |_| edit.contact_rows(|c| c.swap(i - 1, i), format!("contact-{}-rol", i - 1));
    let remove = move |_| {
        edit.contact_rows(
            |c| {
                c.remove(i);
            },
            "contact-toevoegen".to_owned(),
        )
    };
    view! {
        <fieldset class="time-row settings-row">
            <legend>{format!("Contact {n}")}</legend>
            <div class="field">
                <label for=id("rol")>"Rol"</label>
                <select id=id("rol") on:change=set_role>
                    {Role::ALL
                        .into_iter()
                        .map(|role| view! {
                            <option value=role.as_str() selected=role == contact.role>{role.label()}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <Input
                id=id("naam")
                label="Naam"
                value=contact.name
                set=Callback::new(move |v: String| edit.contact(i, |c| c.name = v))
            />
            <Input
                id=id("telefoon")
                label="Telefoon"
                kind="tel"
                value=contact.phone.unwrap_or_default()
                set=Callback::new(move |v: String| edit.contact(i, |c| c.phone = optional(v)))
            />
            <Input
                id=id("email")
                label="E-mail"
                kind="email"
                value=contact.email.unwrap_or_default()
                set=Callback::new(move |v: String| edit.contact(i, |c| c.email = optional(v)))
            />
            <Input
                id=id("tijden")
                label="Bereikbaar"
                value=contact.hours.unwrap_or_default()
                hint="Bijvoorbeeld: schooldagen van 8.00 tot 8.30 uur."
                set=Callback::new(move |v: String| edit.contact(i, |c| c.hours = optional(v)))
            />
            {(i > 0).then(|| view! {
                <button type="button" class="button button--quiet" on:click=up>
                    "Omhoog" <span class="visually-hidden">{format!(" contact {n}")}</span>
                </button>
            })}
            <button type="button" class="button button--quiet" on:click=remove>
                "Weghalen" <span class="visually-hidden">{format!(" contact {n}")}</span>
            </button>
        </fieldset>
    }
}
