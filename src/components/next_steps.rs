//! "Wat gebeurt er nu?": the school's protocol as a short timeline, with the
//! child's place on it. Every word of the steps comes from the protocol (the
//! server sends it); this only arranges them.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::protocol::{AbsenceCategory, Step, StepState, Totals};
use shared::{AbsenceReport, ChildProtocol};

use crate::api;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dutch;

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
#[component]
pub fn Timeline(
    child_id: String,
    protocol: ChildProtocol,
    #[prop(optional)] example: bool,
) -> impl IntoView {
    let ChildProtocol {
        first_name,
        protocol,
        position,
        ..
    } = protocol;
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
    let today = dutch::today();
    let step_link = {
        let child_id = child_id.clone();
        move |step: &Step| format!("/kinderen/{child_id}/stappen/{}", step.id)
    };
    let link = step_link.clone();

    view! {
        <section class="next-steps" aria-labelledby=format!("volgende-{child_id}")>
            <h2 id=format!("volgende-{child_id}")>{format!("Wat gebeurt er nu voor {first_name}?")}</h2>
            <p class="lead">{position.totals.sentence(&first_name)}</p>
            <TotalsTable totals=position.totals.clone() />
            <ol class="timeline">
                {shown
                    .into_iter()
                    .map(|(_, step, state)| {
                        let (class, badge) = match &state {
                            StepState::Informational => ("timeline__step", "Dit doet de school".to_owned()),
                            StepState::Applies { since } => (
                                "timeline__step timeline__step--now",
                                format!("Geldt nu, sinds {}", dutch::day(*since, today)),
                            ),
                            StepState::NotYet { distance } => {
                                ("timeline__step timeline__step--next", format!("Volgende stap: {}", distance.describe().to_lowercase()))
                            }
                        };
                        view! {
                            <li class=class>
                                <p class="timeline__badge">{badge}</p>
                                <h3>{step.texts.title.clone()}</h3>
                                <p>{step.texts.summary.clone()}</p>
                                {(!example).then(|| view! {
                                    <p>
                                        <A href=link(&step)>{format!("Meer over: {}", step.texts.title)}</A>
                                    </p>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <details class="later-steps">
                <summary>"Alle andere stappen van de school"</summary>
                <ul>
                    {later
                        .into_iter()
                        .map(|step| view! {
                            <li>
                                {if example {
                                    step.texts.title.clone().into_any()
                                } else {
                                    view! { <A href=step_link(&step)>{step.texts.title.clone()}</A> }.into_any()
                                }}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </details>
            {(!example).then(|| view! {
                <p>
                    <A href=format!("/kinderen/{child_id}/contact")>"Contact met de school"</A>
                </p>
            })}
        </section>
    }
}

/// This school year's figures per kind of absence: reports, school days and
/// lesson hours (late arrivals only as a count).
#[component]
fn TotalsTable(totals: Totals) -> impl IntoView {
    let rows: Vec<_> = AbsenceCategory::ALL
        .into_iter()
        .map(|category| totals.of(category))
        .filter(|total| total.reports > 0)
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <details class="totals">
                <summary>"Alle cijfers van dit schooljaar"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Soort"</th>
                            <th scope="col">"Meldingen"</th>
                            <th scope="col">"Schooldagen"</th>
                            <th scope="col">"Lesuren"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|total| {
                                let late = total.category == AbsenceCategory::Late;
                                let figure = move |value: f32| if late { "–".to_owned() } else { dutch::number(value) };
                                view! {
                                    <tr>
                                        <th scope="row">{total.category.label()}</th>
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
