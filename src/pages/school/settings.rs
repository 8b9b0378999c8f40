//! `/school/instellingen`: the school's own settings, for the director or
//! the school admin. The protocol (per step who acts, the numbers that start
//! it and the texts parents read), a preview of what parents see with the
//! same engine the server uses, the calendar, the contacts per role, and two
//! choices. Checked with the server's rules (`SettingsChange::validate`) and
//! sent whole; parents see a change at once.
//!
//! A step's texts can be written in every language (a language choice above
//! them): Dutch is required, the others are optional; where one is empty,
//! parents read the Dutch with a note. Changing the Dutch of a step says
//! which of its translations the server will drop unless they change too
//! (`Step::stale_translations`).

use chrono::{Days, NaiveDate};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::account::MAX_EMAIL_CHARS;
use shared::protocol::{
    evaluate, AbsenceCategory, AbsenceRecord, Holiday, Protocol, Role, SchoolCalendar, SchoolKind,
    Step, StepTexts, Trigger, MAX_TEXT, MAX_TITLE,
};
use shared::settings::{MAX_HOURS_CHARS, MAX_NAME_CHARS, MAX_PHONE_CHARS};
use shared::{
    ChildProtocol, DeskAction, Language, SchoolContact, SchoolSettingsView, SettingsChange,
};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{
    focus, with_rules, FieldProblem, FieldProblems, ProblemSummary, Problems,
};
use crate::components::form_fields::Choice;
use crate::components::next_steps::Timeline;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::school_page;

/// The parts that can be wrong, in the order of the page; each is also the
/// id of its section.
const FIELDS: &[&str] = &["protocol", "calendar", "contacts"];

/// The id of the problems on top of the form.
const SUMMARY: &str = "problemen";

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
    let i18n = use_i18n();
    view! {
        <p>{t!(i18n, settings.intro)}</p>
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
    /// The protocol as the server has it now: what a step's Dutch is
    /// compared with to tell which translations would be dropped.
    saved_protocol: RwSignal<Protocol>,
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
    status: RwSignal<Option<Status>>,
}

/// What the status line says.
#[derive(Clone, Copy, PartialEq)]
enum Status {
    Saved,
    DefaultReady,
}

impl Edit {
    fn new(settings: SchoolSettingsView) -> Self {
        Self {
            kind: settings.kind,
            default_protocol: StoredValue::new(settings.protocol.clone()),
            saved_protocol: RwSignal::new(settings.protocol.clone()),
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

    /// What the server stored: the defaults it stands for from now on. The
    /// server may have dropped outdated translations: the form shows what
    /// it kept.
    fn stored(self, settings: SchoolSettingsView) {
        if self.protocol.with_untracked(|p| *p != settings.protocol) {
            self.protocol.set(settings.protocol.clone());
            self.step_rows.update(|n| *n += 1);
        }
        self.saved_protocol.set(settings.protocol.clone());
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
    let i18n = use_i18n();

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
                    edit.status.set(Some(Status::Saved));
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
                <h2 id="overig-kop">{t!(i18n, settings.other.heading)}</h2>
                // Drawn again in another language: the hint is a plain text.
                {move || view! {
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
                    hint=Some(t_string!(i18n, settings.other.shared_hint))
                >
                    {t!(i18n, settings.other.shared)}
                </Choice>
                }}
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
                    {t!(i18n, settings.other.own_groups)}
                </Choice>
            </section>
            <div class="action-bar">
                <p role="status" class="status-region">
                    {move || edit.status.get().map(|status| match status {
                        Status::Saved => t_string!(i18n, settings.saved).to_string(),
                        Status::DefaultReady => t_string!(i18n, settings.protocol.reset_done).to_string(),
                    })}
                </p>
                <button type="submit" class="button button--primary button--big" disabled=move || sending.get()>
                    {move || if sending.get() {
                        t_string!(i18n, settings.saving).to_string()
                    } else {
                        t_string!(i18n, settings.save).to_string()
                    }}
                </button>
            </div>
        </form>
    }
}

/// One line of text, a number, a time or a day; its label is the children.
#[component]
fn Input(
    id: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(into)] value: String,
    set: Callback<String>,
    /// For numbers: the step between values ("1", "0.5").
    #[prop(optional)]
    step: Option<&'static str>,
    /// Under the label (id `{id}-hint`).
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// The language of a text for parents, when it is not the page's.
    #[prop(optional)]
    lang: Option<Language>,
    #[prop(optional)] maxlength: Option<usize>,
    children: Children,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint.run()}</p> })}
            <input
                type=kind
                id=id
                value=value
                min=step.map(|_| "0")
                step=step
                inputmode=step.map(|s| if s == "1" { "numeric" } else { "decimal" })
                lang=lang.map(Language::as_str)
                dir=lang.map(direction)
                maxlength=maxlength
                aria-describedby=hint_id.clone()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A longer text for parents, in `lang`; its label is the children.
#[component]
fn Area(
    id: String,
    value: String,
    set: Callback<String>,
    lang: Language,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            <textarea
                id=id
                rows="3"
                lang=lang.as_str()
                dir=direction(lang)
                maxlength=MAX_TEXT
                prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

fn direction(language: Language) -> &'static str {
    if language.is_rtl() {
        "rtl"
    } else {
        "ltr"
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
    let i18n = use_i18n();
    let reset = move |_| {
        let default = Protocol::default_for(edit.kind);
        edit.default_protocol.set_value(default.clone());
        edit.protocol.set(default);
        edit.own_protocol.set(false);
        edit.step_rows.update(|n| *n += 1);
        edit.changed("protocol");
        edit.status.set(Some(Status::DefaultReady));
    };
    view! {
        <section id="protocol" tabindex="-1" aria-labelledby="protocol-kop">
            <h2 id="protocol-kop">{t!(i18n, settings.protocol.heading)}</h2>
            <p>{t!(i18n, settings.protocol.intro)}</p>
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
                    {t!(i18n, settings.protocol.reset)}
                </button>
            </p>
        </section>
    }
}

/// One step: who acts and when it starts; its texts folded away, in the
/// language chosen above them.
#[component]
fn StepEditor(edit: Edit, i: usize, step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |part: &str| format!("stap-{i}-{part}");
    let title = move || {
        edit.protocol
            .with(|p| p.steps.get(i).map(|s| s.texts.title.clone()))
    };
    let set_role = move |ev| {
        let role = Role::parse(&event_target_value(&ev));
        edit.step(i, |s| s.role = role.unwrap_or(s.role));
    };
    let language = RwSignal::new(Language::Nl);
    let choose = move |ev| {
        if let Some(chosen) = Language::parse(&event_target_value(&ev)) {
            language.set(chosen);
        }
    };
    // This language is empty: parents read the Dutch, with a note.
    let missing = move || {
        let language = language.get();
        let lacks = edit.protocol.with(|p| {
            p.steps
                .get(i)
                .is_some_and(|s| !s.translations.contains_key(&language))
        });
        (language != Language::Nl && lacks)
            .then(|| view! { <p class="hint">{t!(i18n, settings.step.missing)}</p> })
    };
    // The Dutch changed: the translations that did not will be dropped.
    let stale = move || {
        let stale = edit.protocol.with(|p| {
            edit.saved_protocol.with(|saved| {
                let step = p.steps.get(i)?;
                Some(step.stale_translations(saved.step(&step.id)?))
            })
        });
        let names = stale
            .unwrap_or_default()
            .iter()
            .map(|l| l.native_name())
            .collect::<Vec<_>>()
            .join(", ");
        (!names.is_empty()).then(|| {
            view! {
                <p class="notice" id=id("vertalingen-oud")>
                    {t!(i18n, settings.step.stale, languages = move || names.clone())}
                </p>
            }
        })
    };
    let fields = move || {
        let language = language.get();
        let texts = edit
            .protocol
            .with_untracked(|p| p.steps.get(i).map(|s| texts_of(s, language)))
            .unwrap_or_default();
        let set = move |field: Field| {
            Callback::new(move |v: String| edit.step(i, |s| set_text(s, language, field, v)))
        };
        view! {
            <Input
                id=id("titel")
                value=texts.title
                lang=language
                maxlength=MAX_TITLE
                set=set(|t| &mut t.title)
            >
                {t!(i18n, settings.step.title)}
            </Input>
            <Area id=id("samenvatting") value=texts.summary lang=language set=set(|t| &mut t.summary)>
                {t!(i18n, settings.step.summary)}
            </Area>
            <Area id=id("wat") value=texts.what_happens lang=language set=set(|t| &mut t.what_happens)>
                {t!(i18n, settings.step.what_happens)}
            </Area>
            <Area id=id("waarom") value=texts.why lang=language set=set(|t| &mut t.why)>
                {t!(i18n, settings.step.why)}
            </Area>
            <Area id=id("doen") value=texts.what_you_can_do lang=language set=set(|t| &mut t.what_you_can_do)>
                {t!(i18n, settings.step.what_you_can_do)}
            </Area>
            <Area id=id("wie") value=texts.who_is_involved lang=language set=set(|t| &mut t.who_is_involved)>
                {t!(i18n, settings.step.who_is_involved)}
            </Area>
        }
    };

    view! {
        <li class="card settings-step">
            <h3 id=id("kop")>{title}</h3>
            <div class="field">
                <label for=id("rol")>{t!(i18n, settings.step.who)}</label>
                <select id=id("rol") on:change=set_role>
                    {Role::ALL
                        .into_iter()
                        .map(|role| view! {
                            <option value=role.as_str() selected=role == step.role>{move || labels::role(role)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <TriggerFields edit i trigger=step.trigger />
            {stale}
            <details class="settings-texts">
                <summary>{t!(i18n, settings.step.texts)}</summary>
                <div class="field">
                    <label for=id("taal")>{t!(i18n, settings.step.language)}</label>
                    <p class="hint" id=id("taal-hint")>{t!(i18n, settings.step.language_hint)}</p>
                    <select id=id("taal") aria-describedby=id("taal-hint") on:change=choose>
                        {Language::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.as_str() lang=l.as_str() selected=move || language.get() == l>
                                    {l.native_name()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                {missing}
                {fields}
            </details>
        </li>
    }
}

/// One of a step's six texts.
type Field = fn(&mut StepTexts) -> &mut String;

/// A step's texts in `language`; empty where it has none.
fn texts_of(step: &Step, language: Language) -> StepTexts {
    match language {
        Language::Nl => step.texts.clone(),
        _ => step
            .translations
            .get(&language)
            .cloned()
            .unwrap_or_default(),
    }
}

/// Writes one text of a step in `language`. A translation left all empty
/// is no translation: parents then read the Dutch, with a note.
fn set_text(step: &mut Step, language: Language, field: Field, value: String) {
    if language == Language::Nl {
        *field(&mut step.texts) = value;
        return;
    }
    let texts = step.translations.entry(language).or_default();
    *field(texts) = value;
    if texts.is_empty() {
        step.translations.remove(&language);
    }
}

/// The numbers that start a step, as number inputs (a time for the step of
/// no report: the time by which parents report).
#[component]
fn TriggerFields(edit: Edit, i: usize, trigger: Trigger) -> impl IntoView {
    let i18n = use_i18n();
    let number = move |part: &str,
                       label: Signal<String>,
                       value: String,
                       step: &'static str,
                       put: fn(&mut Trigger, &str)| {
        let set = Callback::new(move |v: String| edit.step(i, |s| put(&mut s.trigger, &v)));
        view! { <Input id=format!("stap-{i}-{part}") kind="number" value set step>{label}</Input> }
    };
    // A label in the page's language, following a change of language.
    macro_rules! label {
        ($key:ident) => {
            Signal::derive(move || t_string!(i18n, settings.trigger.$key).to_string())
        };
    }
    match trigger {
        Trigger::EveryReport => view! { <p class="hint">{t!(i18n, settings.trigger.every_report)}</p> }.into_any(),
        Trigger::NoReportBy { time } => view! {
            <Input
                id=format!("stap-{i}-tijd")
                kind="time"
                value=time.format("%H:%M").to_string()
                hint=move || t!(i18n, settings.trigger.no_report_by_hint)
                set=Callback::new(move |v: String| {
                    if let Some(new) = dates::time_input(&v) {
                        edit.step(i, |s| s.trigger = Trigger::NoReportBy { time: new });
                    }
                })
            >
                {t!(i18n, settings.trigger.no_report_by)}
            </Input>
        }
        .into_any(),
        Trigger::SickReports { count: n, within_school_weeks } => view! {
            <div class="settings-numbers">
                {number("aantal", label!(sick_reports), n.to_string(), "1", |t, v| {
                    if let Trigger::SickReports { count: c, .. } = t { *c = count(v) }
                })}
                {number("weken", label!(school_weeks), within_school_weeks.to_string(), "1", |t, v| {
                    if let Trigger::SickReports { within_school_weeks: w, .. } = t { *w = count(v) }
                })}
            </div>
        }
        .into_any(),
        Trigger::SickDaysInRow { school_days } => {
            number("dagen", label!(sick_days), school_days.to_string(), "1", |t, v| {
                if let Trigger::SickDaysInRow { school_days: d } = t { *d = count(v) }
            })
            .into_any()
        }
        Trigger::UnauthorisedHours { hours, within_lesson_weeks } => view! {
            <div class="settings-numbers">
                {number("uren", label!(hours), hours.to_string(), "0.5", |t, v| {
                    if let Trigger::UnauthorisedHours { hours: h, .. } = t { *h = amount(v) }
                })}
                {number("weken", label!(lesson_weeks), within_lesson_weeks.to_string(), "1", |t, v| {
                    if let Trigger::UnauthorisedHours { within_lesson_weeks: w, .. } = t { *w = count(v) }
                })}
            </div>
        }
        .into_any(),
        Trigger::LateArrivals { count: n } => {
            number("keer", label!(late), n.to_string(), "1", |t, v| {
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
    let i18n = use_i18n();
    let child = move || t_string!(i18n, settings.preview.child).to_string();
    view! {
        <section aria-labelledby="voorbeeld-kop" class="settings-preview">
            <h2 id="voorbeeld-kop">{t!(i18n, settings.preview.heading)}</h2>
            <p>{t!(i18n, settings.preview.intro, name = child)}</p>
            {move || {
                let protocol = edit.protocol.get();
                let calendar = edit.calendar.get();
                let today = dates::today();
                let history = example_history(&calendar, today);
                let position = evaluate(&protocol, &calendar, &history, today);
                let example = ChildProtocol {
                    first_name: child(),
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
    let i18n = use_i18n();
    let start = edit.calendar.with_untracked(|c| c.clone());
    let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let add = move |_| {
        let today = dates::today();
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
            <h2 id="kalender-kop">{t!(i18n, settings.calendar.heading)}</h2>
            <p>{t!(i18n, settings.calendar.intro)}</p>
            <FieldProblem field="calendar" problems=edit.problems />
            <div class="settings-numbers">
                <Input
                    id="lesson_start".to_owned()
                    kind="time"
                    value=time(start.lesson_start)
                    set=Callback::new(move |v: String| {
                        if let Some(t) = dates::time_input(&v) {
                            edit.calendar(|c| c.lesson_start = t);
                        }
                    })
                >
                    {t!(i18n, settings.calendar.lesson_start)}
                </Input>
                <Input
                    id="lesson_end".to_owned()
                    kind="time"
                    value=time(start.lesson_end)
                    set=Callback::new(move |v: String| {
                        if let Some(t) = dates::time_input(&v) {
                            edit.calendar(|c| c.lesson_end = t);
                        }
                    })
                >
                    {t!(i18n, settings.calendar.lesson_end)}
                </Input>
                <Input
                    id="lesson_hours_per_day".to_owned()
                    kind="number"
                    step="0.5"
                    value=start.lesson_hours_per_day.to_string()
                    set=Callback::new(move |v: String| edit.calendar(|c| c.lesson_hours_per_day = amount(&v)))
                >
                    {t!(i18n, settings.calendar.hours_per_day)}
                </Input>
            </div>
            <details class="settings-texts">
                <summary>
                    {t!(i18n, settings.calendar.holidays, n = move || edit.calendar.with(|c| c.holidays.len()))}
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
                    {t!(i18n, settings.calendar.add)}
                </button>
            </p>
            </details>
        </section>
    }
}

#[component]
fn HolidayRow(edit: Edit, i: usize, holiday: Holiday) -> impl IntoView {
    let i18n = use_i18n();
    let n = i + 1;
    let legend = move || t!(i18n, settings.calendar.holiday, n = move || n);
    let day = move |v: &str| dates::date_input(v);
    let remove = move |_| {
        edit.calendar(|c| {
            c.holidays.remove(i);
        });
        edit.holiday_rows.update(|n| *n += 1);
        request_animation_frame(|| focus("vakantie-toevoegen"));
    };
    view! {
        <fieldset class="time-row settings-row">
            <legend>{legend}</legend>
            <Input
                id=format!("vakantie-{i}-naam")
                value=holiday.name
                maxlength=MAX_NAME_CHARS
                set=Callback::new(move |v: String| edit.holiday(i, |h| h.name = v))
            >
                {t!(i18n, settings.calendar.name)}
            </Input>
            <Input
                id=format!("vakantie-{i}-eerste")
                kind="date"
                value=holiday.first_day.to_string()
                set=Callback::new(move |v: String| {
                    if let Some(d) = day(&v) {
                        edit.holiday(i, |h| h.first_day = d);
                    }
                })
            >
                {t!(i18n, settings.calendar.first_day)}
            </Input>
            <Input
                id=format!("vakantie-{i}-laatste")
                kind="date"
                value=holiday.last_day.to_string()
                set=Callback::new(move |v: String| {
                    if let Some(d) = day(&v) {
                        edit.holiday(i, |h| h.last_day = d);
                    }
                })
            >
                {t!(i18n, settings.calendar.last_day)}
            </Input>
            <button type="button" class="button button--quiet" on:click=remove>
                {t!(i18n, settings.remove)} <span class="visually-hidden">" " {legend}</span>
            </button>
        </fieldset>
    }
}

#[component]
fn ContactsSection(edit: Edit) -> impl IntoView {
    let i18n = use_i18n();
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
            <h2 id="contacten-kop">{t!(i18n, settings.contacts.heading)}</h2>
            <p>{t!(i18n, settings.contacts.intro)}</p>
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
                    {t!(i18n, settings.contacts.add)}
                </button>
            </p>
        </section>
    }
}

#[component]
fn ContactRow(edit: Edit, i: usize, contact: SchoolContact) -> impl IntoView {
    let i18n = use_i18n();
    let n = i + 1;
    let legend = move || t!(i18n, settings.contacts.contact, n = move || n);
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
            <legend>{legend}</legend>
            <div class="field">
                <label for=id("rol")>{t!(i18n, settings.contacts.role)}</label>
                <select id=id("rol") on:change=set_role>
                    {Role::ALL
                        .into_iter()
                        .map(|role| view! {
                            <option value=role.as_str() selected=role == contact.role>{move || labels::role(role)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <Input
                id=id("naam")
                value=contact.name
                maxlength=MAX_NAME_CHARS
                set=Callback::new(move |v: String| edit.contact(i, |c| c.name = v))
            >
                {t!(i18n, settings.contacts.name)}
            </Input>
            <Input
                id=id("telefoon")
                kind="tel"
                value=contact.phone.unwrap_or_default()
                maxlength=MAX_PHONE_CHARS
                set=Callback::new(move |v: String| edit.contact(i, |c| c.phone = optional(v)))
            >
                {t!(i18n, settings.contacts.phone)}
            </Input>
            <Input
                id=id("email")
                kind="email"
                value=contact.email.unwrap_or_default()
                maxlength=MAX_EMAIL_CHARS
                set=Callback::new(move |v: String| edit.contact(i, |c| c.email = optional(v)))
            >
                {t!(i18n, settings.contacts.email)}
            </Input>
            <Input
                id=id("tijden")
                value=contact.hours.unwrap_or_default()
                maxlength=MAX_HOURS_CHARS
                hint=move || t!(i18n, settings.contacts.hours_hint)
                set=Callback::new(move |v: String| edit.contact(i, |c| c.hours = optional(v)))
            >
                {t!(i18n, settings.contacts.hours)}
            </Input>
            {(i > 0).then(|| view! {
                <button type="button" class="button button--quiet" on:click=up>
                    {t!(i18n, settings.up)} <span class="visually-hidden">" " {legend}</span>
                </button>
            })}
            <button type="button" class="button button--quiet" on:click=remove>
                {t!(i18n, settings.remove)} <span class="visually-hidden">" " {legend}</span>
            </button>
        </fieldset>
    }
}
