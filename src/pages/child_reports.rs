//! `/kinderen/:id`: every report for one child, newest first day first.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::AbsenceReport;

use crate::api;
use crate::app::set_title;
use crate::components::child_page::child_page;
use crate::components::next_steps::NextSteps;
use crate::dutch;

/// One child's reports. Another parent's child (or no child at all) is the
/// same "not found" for the parent.
#[component]
pub fn ChildReportsPage() -> impl IntoView {
    child_page(
        "Meldingen",
        |id| async move { api::child_reports(&id).await },
        |item: &AbsenceReport| item.pupil_first_name.clone(),
        |id, name, reports| {
            set_title(&format!("Meldingen van {name}"));
            view! {
                <ReportList id=id.clone() name reports />
                <NextSteps child_id=id />
            }
        },
    )
}

/// The list, or a calm line when there are no reports yet.
#[component]
fn ReportList(id: String, name: String, reports: Vec<AbsenceReport>) -> impl IntoView {
    let today = dutch::today();
    let empty = reports.is_empty();
    let report_text = format!("Meld {name} afwezig");
    let list_name = format!("Alle meldingen van {name}");
    view! {
        <h1>{format!("Meldingen van {name}")}</h1>
        <p class="lead">
            <A href=format!("/melden?kind={id}") attr:class="button button--primary">
                {report_text}
            </A>
        </p>
        {if empty {
            view! { <p>{format!("Er zijn nog geen meldingen voor {name}.")}</p> }.into_any()
        } else {
            view! {
                <ul class="report-list" aria-label=list_name>
                    {reports
                        .into_iter()
                        .map(|report| {
                            let (date, time) = dutch::moment(report.reported_at, today);
                            view! {
                                <li class="card">
                                    <p class="report-list__kind">{report.kind.label()}</p>
                                    <p>{dutch::period(&report, today)}</p>
                                    {report.note.map(|note| view! { <p>"Toelichting: " {note}</p> })}
                                    <p class="card__meta">
                                        "Gemeld door " {report.reported_by} " op " {date} " om " {time}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}
