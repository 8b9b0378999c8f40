//! `/kinderen/:id`: every report for one child, newest first day first.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::AbsenceReport;

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::{ChildPageProblem, Loading};
use crate::components::next_steps::NextSteps;
use crate::dutch;

/// One child's reports. Another parent's child (or no child at all) is the
/// same "not found" for the parent.
#[component]
pub fn ChildReportsPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reports = LocalResource::new(move || {
        let id = id();
        async move { api::child_reports(&id).await }
    });

    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let result = reports.await;
                let id = id();
                // The name comes from the account; the reports have it too.
                let name = auth
                    .child(&id)
                    .map(|c| c.first_name)
                    .or_else(|| result.as_ref().ok()?.first().map(|r| r.pupil_first_name.clone()));
                match (result, name) {
                    (Ok(reports), Some(name)) => {
                        set_title(&format!("Meldingen van {name}"));
                        view! {
                            <ReportList id=id.clone() name reports />
                            <NextSteps child_id=id />
                        }
                            .into_any()
                    }
                    (result, _) => {
                        view! { <ChildPageProblem error=result.err() title="Meldingen" /> }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
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
