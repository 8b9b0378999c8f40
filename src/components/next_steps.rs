//! "Wat gebeurt er nu?": the school's protocol as a short timeline, with the
//! child's place on it. Every word of the steps comes from the protocol (the
//! server sends it); this only arranges them.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::protocol::{AbsenceCategory, Distance, Step, StepState, Totals};
use shared::{AbsenceReport, ChildProtocol, Language};

use crate::api;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::read_aloud::ReadAloud;
use crate::dates;
use crate::i18n::{language_of, td, td_string, use_i18n, Locale};
use crate::labels;

/// Loads and shows what happens next for one child: the totals of this
/// school year in a sentence, then the steps. `reports`, where the page
/// shows the child's reports: when they change, the steps are loaded again.
#[component]
pub fn NextSteps(
    child_id: String,
    #[prop(optional)] reports: Option<Signal<Vec<AbsenceReport>>>,
) -> impl IntoView {
    let id = child_id.clone();
    let protocol = LocalResource::new(move || {
        if let Some(reports) = reports {
            reports.track();
        }
        let id = id.clone();
        async move { api::child_protocol(&id).await }
    });
    view! {
        <Transition fallback=Loading>
            {move || {
                let child_id = child_id.clone();
                Suspend::new(async move {
                    match protocol.await {
                        Ok(protocol) => view! { <Timeline child_id protocol /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// Where a step stands for the child, in the order a parent reads them:
/// what the school does anyway, what applies now, the next step.
fn place(state: &StepState, is_next: bool) -> Option<u8> {
    match state {
        StepState::Informational => Some(0),
        StepState::Applies { .. } => Some(1),
        StepState::NotYet { .. } if is_next => Some(2),
        StepState::NotYet { .. } => None,
    }
}

/// The timeline of one child. `example`: a made-up child (the school's
/// preview of its settings), so no links to pages about the child.
/// Drawn again in the chosen language when it changes.
#[component]
pub fn Timeline(
    child_id: String,
    protocol: ChildProtocol,
    #[prop(optional)] example: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        timeline(locale, &child_id, &protocol, example)
    }
}

/// The timeline in the language of `locale`.
fn timeline(
    locale: Locale,
    child_id: &str,
    protocol: &ChildProtocol,
    example: bool,
) -> impl IntoView {
    let ChildProtocol {
        first_name,
        protocol,
        position,
        ..
    } = protocol.clone();
    let language = language_of(locale);
    let next_id = position.next.as_ref().map(|n| n.step_id.clone());
    let mut shown = Vec::new();
    let mut later = Vec::new();
    for status in &position.steps {
        let Some(step) = protocol.step(&status.step_id) else {
            continue;
        };
        let is_next = next_id.as_deref() == Some(step.id.as_str());
        match place(&status.state, is_next) {
            Some(order) => shown.push((order, step.clone(), status.state)),
            None => later.push(step.clone()),
        }
    }
    shown.sort_by_key(|(order, ..)| *order);
    let today = dates::today();
    let step_link = {
        let child_id = child_id.to_owned();
        move |step: &Step| format!("/kinderen/{child_id}/stappen/{}", step.id)
    };
    let link = step_link.clone();
    let sentence = totals_sentence(locale, &position.totals, &first_name);
    let heading_id = format!("volgende-{child_id}");
    let explained_id = format!("uitleg-{child_id}");
    let (labelled_by, section_id) = (heading_id.clone(), explained_id.clone());

    view! {
        <section class="next-steps" aria-labelledby=labelled_by id=section_id>
            <h2 id=heading_id>{td!(locale, child.next_steps.heading, name = move || first_name.clone())}</h2>
            {(!example).then(|| view! { <ReadAloud target=explained_id /> })}
            <p class="lead">{sentence}</p>
            <TotalsTable locale totals=position.totals.clone() />
            <ol class="timeline">
                {shown
                    .into_iter()
                    .map(|(_, step, state)| {
                        let (class, badge) = match state {
                            StepState::Informational => (
                                "timeline__step",
                                td!(locale, child.next_steps.school_does).into_any(),
                            ),
                            StepState::Applies { since } => {
                                let day = dates::day(since, today);
                                (
                                    "timeline__step timeline__step--now",
                                    td!(locale, child.next_steps.applies_since, day = move || day.clone()).into_any(),
                                )
                            }
                            StepState::NotYet { distance } => (
                                "timeline__step timeline__step--next",
                                td!(locale, child.next_steps.next_step, distance = move || describe(locale, distance)).into_any(),
                            ),
                        };
                        let texts = step.texts_in(language);
                        let dutch_instead = texts.dutch_instead;
                        let lang = dutch_instead.then_some("nl");
                        let (title, summary) = (texts.texts.title.clone(), texts.texts.summary.clone());
                        view! {
                            <li class=class>
                                <p class="timeline__badge">{badge}</p>
                                <h3 lang=lang>{title.clone()}</h3>
                                <p lang=lang>{summary}</p>
                                {dutch_instead.then(|| view! { <OnlyDutch locale /> })}
                                {(!example).then(|| view! {
                                    <p data-no-read>
                                        <A href=link(&step)>
                                            {td_string!(locale, child.next_steps.more_about)}
                                            " "
                                            <span lang=lang>{title}</span>
                                        </A>
                                    </p>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <details class="later-steps">
                <summary>{td_string!(locale, child.next_steps.other_steps)}</summary>
                <ul>
                    {later
                        .into_iter()
                        .map(|step| {
                            let texts = step.texts_in(language);
                            let lang = texts.dutch_instead.then_some("nl");
                            let title = texts.texts.title.clone();
                            view! {
                                <li lang=lang>
                                    {if example {
                                        title.into_any()
                                    } else {
                                        view! { <A href=step_link(&step)>{title}</A> }.into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            {(!example).then(|| view! {
                <p data-no-read>
                    <A href=format!("/kinderen/{child_id}/contact")>
                        {td_string!(locale, child.contacts.title)}
                    </A>
                </p>
            })}
        </section>
    }
}

/// "Deze tekst is er alleen in het Nederlands.": said after a school's text
/// that has no translation in the chosen language.
#[component]
pub fn OnlyDutch(locale: Locale) -> impl IntoView {
    view! { <p class="hint only-dutch">{td_string!(locale, child.only_dutch)}</p> }
}

/// This school year's figures per kind of absence: reports, school days and
/// lesson hours (late arrivals only as a count).
#[component]
fn TotalsTable(locale: Locale, totals: Totals) -> impl IntoView {
    let language = language_of(locale);
    let rows: Vec<_> = AbsenceCategory::ALL
        .into_iter()
        .map(|category| totals.of(category))
        .filter(|total| total.reports > 0)
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <details class="totals">
                <summary>{td_string!(locale, child.totals.table.summary)}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, child.totals.table.kind)}</th>
                            <th scope="col">{td_string!(locale, child.totals.table.reports)}</th>
                            <th scope="col">{td_string!(locale, child.totals.table.school_days)}</th>
                            <th scope="col">{td_string!(locale, child.totals.table.lesson_hours)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|total| {
                                let late = total.category == AbsenceCategory::Late;
                                let figure = move |value: f32| if late { "–".to_owned() } else { number(value, language) };
                                view! {
                                    <tr>
                                        <th scope="row">{labels::absence_category(total.category)}</th>
                                        <td>{total.reports}</td>
                                        <td>{figure(total.school_days)}</td>
                                        <td>{figure(total.lesson_hours)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        }
    })
}

/// Rounded to one decimal, as figures are shown.
fn round_tenth(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

/// Rounded up to one decimal: what is still to go is never shown smaller
/// than it is (as `shared::protocol`'s own text does).
fn ceil_tenth(x: f32) -> f32 {
    ((x * 10.0) - 1e-3).ceil().max(0.0) / 10.0
}

/// A figure as the language writes it: "6", "2,5" ("2.5" in English).
pub fn number(x: f32, language: Language) -> String {
    let dutch = dates::number(x);
    match language {
        Language::En | Language::Ar => dutch.replace(',', "."),
        _ => dutch,
    }
}

/// A plural form, as CLDR names them: the locale files give each counted
/// text in all six (leptos_i18n's own plurals need ICU data this build
/// leaves out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The plural form `language` takes for `x` (rounded to one decimal):
/// CLDR's cardinal rules. Dutch keeps the shared text's rule: up to 1 is
/// singular ("0,5 dag").
pub fn form(language: Language, x: f32) -> PluralForm {
    let x = round_tenth(x);
    if x.fract() != 0.0 {
        return if language == Language::Nl && x <= 1.0 {
            PluralForm::One
        } else {
            PluralForm::Other
        };
    }
    let n = x as u64;
    let (units, tens) = (n % 10, n % 100);
    let few = (2..=4).contains(&units) && !(12..=14).contains(&tens);
    match language {
        Language::Nl if n <= 1 => PluralForm::One,
        Language::En | Language::Tr if n == 1 => PluralForm::One,
        Language::Nl | Language::En | Language::Tr => PluralForm::Other,
        Language::Pl if n == 1 => PluralForm::One,
        Language::Pl if few => PluralForm::Few,
        Language::Pl => PluralForm::Many,
        Language::Uk if units == 1 && tens != 11 => PluralForm::One,
        Language::Uk if few => PluralForm::Few,
        Language::Uk => PluralForm::Many,
        Language::Ar => match n {
            0 => PluralForm::Zero,
            1 => PluralForm::One,
            2 => PluralForm::Two,
            _ if (3..=10).contains(&tens) => PluralForm::Few,
            _ if (11..=99).contains(&tens) => PluralForm::Many,
            _ => PluralForm::Other,
        },
    }
}

/// The text at `key` (an object with a text per plural form) in the form
/// `$form`, with its values.
macro_rules! plural {
    ($locale:expr, $form:expr, $($key:ident).+ $(, $var:ident = $value:expr)* $(,)?) => {
        match $form {
            $crate::components::next_steps::PluralForm::Zero => td!($locale, $($key).+.zero $(, $var = $value)*).into_any(),
            $crate::components::next_steps::PluralForm::One => td!($locale, $($key).+.one $(, $var = $value)*).into_any(),
            $crate::components::next_steps::PluralForm::Two => td!($locale, $($key).+.two $(, $var = $value)*).into_any(),
            $crate::components::next_steps::PluralForm::Few => td!($locale, $($key).+.few $(, $var = $value)*).into_any(),
            $crate::components::next_steps::PluralForm::Many => td!($locale, $($key).+.many $(, $var = $value)*).into_any(),
            $crate::components::next_steps::PluralForm::Other => td!($locale, $($key).+.other $(, $var = $value)*).into_any(),
        }
    };
}
pub(crate) use plural;

/// "4 schooldagen": a count or a figure with its unit (`child.count.$unit`),
/// in the plural form its language wants.
macro_rules! counted {
    ($locale:expr, $x:expr, $unit:ident) => {{
        let (locale, x): (Locale, f32) = ($locale, $x as f32);
        let language = language_of(locale);
        let n = number(x, language);
        plural!(
            locale,
            form(language, x),
            child.count.$unit,
            n = move || n.clone()
        )
    }};
}

/// How far a step is, in the chosen language: "1 ziekmelding binnen 12
/// schoolweken" (the Dutch of `Distance::describe`, after "Nog").
pub fn describe(locale: Locale, distance: Distance) -> AnyView {
    match distance {
        Distance::SickReports {
            more,
            within_school_weeks: weeks,
        } => td!(
            locale,
            child.distance.sick_reports,
            reports = move || counted!(locale, more, sick_reports),
            weeks = move || counted!(locale, weeks, school_weeks)
        )
        .into_any(),
        Distance::SickDaysInRow { more } => td!(
            locale,
            child.distance.sick_days_in_row,
            days = move || counted!(locale, more, school_days)
        )
        .into_any(),
        Distance::UnauthorisedHours {
            more,
            within_lesson_weeks: weeks,
        } => td!(
            locale,
            child.distance.unauthorised_hours,
            hours = move || counted!(locale, ceil_tenth(more), hours),
            weeks = move || counted!(locale, weeks, lesson_weeks)
        )
        .into_any(),
        Distance::LateArrivals { more } => plural!(
            locale,
            form(language_of(locale), more as f32),
            child.distance.late_arrivals,
            count = move || more
        ),
    }
}

/// This school year's absence in one or two calm sentences, in the chosen
/// language: "Noor was dit schooljaar 6 schooldagen afwezig: 5 dagen ziek en
/// 1 dag voor een afspraak." (the Dutch of `Totals::sentence`).
pub fn totals_sentence(locale: Locale, totals: &Totals, name: &str) -> AnyView {
    // Rounded first, so that the parts add up to the total shown.
    let parts: Vec<(AbsenceCategory, f32)> = AWAY
        .iter()
        .map(|c| (*c, round_tenth(totals.of(*c).school_days)))
        .filter(|(_, days)| *days > 0.0)
        .collect();
    let name = name.to_owned();
    let n = {
        let name = name.clone();
        move || name.clone()
    };
    let away = match parts.as_slice() {
        [] => td!(locale, child.totals.none, name = n.clone()).into_any(),
        [(category, days)] => {
            let days = *days;
            let d = move || counted!(locale, days, school_days);
            let n = n.clone();
            match category {
                AbsenceCategory::Ill => {
                    td!(locale, child.totals.alone.ill, name = n, days = d).into_any()
                }
                AbsenceCategory::Appointment => {
                    td!(locale, child.totals.alone.appointment, name = n, days = d).into_any()
                }
                AbsenceCategory::Leave => {
                    td!(locale, child.totals.alone.leave, name = n, days = d).into_any()
                }
                AbsenceCategory::Unauthorised => {
                    td!(locale, child.totals.alone.unauthorised, name = n, days = d).into_any()
                }
                AbsenceCategory::Other | AbsenceCategory::Late => {
                    td!(locale, child.totals.alone.other, name = n, days = d).into_any()
                }
            }
        }
        _ => {
            let total: f32 = parts.iter().map(|(_, days)| days).sum();
            let listed = move || parts_list(locale, &parts);
            td!(
                locale,
                child.totals.several,
                name = n.clone(),
                days = move || counted!(locale, total, school_days),
                parts = listed
            )
            .into_any()
        }
    };
    let late = totals.of(AbsenceCategory::Late).reports;
    let late = (late > 0).then(|| {
        let late = plural!(
            locale,
            form(language_of(locale), late as f32),
            child.totals.late,
            name = n.clone(),
            count = move || late
        );
        view! { " " {late} }
    });
    view! { {away} {late} }.into_any()
}

/// "5 dagen ziek", one part of the list in the totals' sentence.
fn part(locale: Locale, category: AbsenceCategory, days: f32) -> AnyView {
    let d = move || counted!(locale, days, days);
    match category {
        AbsenceCategory::Ill => td!(locale, child.totals.part.ill, days = d).into_any(),
        AbsenceCategory::Appointment => {
            td!(locale, child.totals.part.appointment, days = d).into_any()
        }
        AbsenceCategory::Leave => td!(locale, child.totals.part.leave, days = d).into_any(),
        AbsenceCategory::Unauthorised => {
            td!(locale, child.totals.part.unauthorised, days = d).into_any()
        }
        AbsenceCategory::Other | AbsenceCategory::Late => {
            td!(locale, child.totals.part.other, days = d).into_any()
        }
    }
}

/// The categories that are time away from school, in the sentence's order
/// (as in `Totals::sentence`).
const AWAY: [AbsenceCategory; 5] = [
    AbsenceCategory::Ill,
    AbsenceCategory::Appointment,
    AbsenceCategory::Leave,
    AbsenceCategory::Other,
    AbsenceCategory::Unauthorised,
];

/// "a", "a en b", "a, b en c": the parts of the totals' sentence, in the
/// chosen language.
fn parts_list(locale: Locale, parts: &[(AbsenceCategory, f32)]) -> AnyView {
    let Some((&(category, days), first)) = parts.split_last() else {
        return ().into_any();
    };
    if first.is_empty() {
        return part(locale, category, days);
    }
    let first = first.to_vec();
    let separator = td_string!(locale, child.list.separator);
    td!(
        locale,
        child.list.and,
        first = move || {
            first
                .iter()
                .enumerate()
                .map(|(i, (c, d))| view! { {(i > 0).then_some(separator)} {part(locale, *c, *d)} })
                .collect_view()
        },
        last = move || part(locale, category, days)
    )
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralForm::*;

    #[test]
    fn plural_forms_follow_each_language() {
        let forms = |language| {
            [
                0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 11.0, 12.0, 22.0, 25.0, 101.0,
            ]
            .map(|x| form(language, x))
        };
        assert_eq!(
            forms(Language::Nl),
            [One, One, One, Other, Other, Other, Other, Other, Other, Other, Other, Other]
        );
        assert_eq!(
            forms(Language::En),
            [Other, Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other]
        );
        assert_eq!(
            forms(Language::Pl),
            [Many, Other, One, Other, Few, Few, Many, Many, Many, Few, Many, Many]
        );
        assert_eq!(
            forms(Language::Uk),
            [Many, Other, One, Other, Few, Few, Many, Many, Many, Few, Many, One]
        );
        assert_eq!(
            forms(Language::Ar),
            [Zero, Other, One, Other, Two, Few, Few, Many, Many, Many, Many, Other]
        );
    }

    #[test]
    fn figures_are_written_the_language_s_way() {
        assert_eq!(number(2.5, Language::Nl), "2,5");
        assert_eq!(number(2.5, Language::En), "2.5");
        assert_eq!(number(4.0, Language::Pl), "4");
    }
}
