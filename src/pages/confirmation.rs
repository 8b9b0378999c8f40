//! `/meldingen/:ids`: "Melding ontvangen", for one or more reports made
//! together. Reads each report back from the server, so a reload shows the
//! same.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::{AbsenceKind, AbsenceReport, ApiError};

use crate::api;
use crate::app::set_title;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::next_steps::NextSteps;
use crate::components::seen_by_school::SeenBySchool;
use crate::dates;
use crate::i18n::fill;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// At most this many reports on one page: as many as one report may hold.
const MAX_IDS: usize = shared::reports::MAX_CHILDREN_PER_REPORT;

/// The confirmation page.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, report.confirmation.title)));
    let params = use_params_map();
    let reports = LocalResource::new(move || {
        let ids = params.with(|p| p.get("ids").unwrap_or_default());
        async move {
            let mut reports = Vec::new();
            for id in ids.split(',').filter(|id| !id.is_empty()).take(MAX_IDS) {
                reports.push(api::report(id).await?);
            }
            Ok::<_, ApiError>(reports)
        }
    });

    view! {
        <h1>{t!(i18n, report.confirmation.title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match reports.await {
                    Ok(reports) => view! { <Received reports /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the school received, per child.
#[component]
fn Received(reports: Vec<AbsenceReport>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let any_ill = reports.iter().any(|r| r.details.kind == AbsenceKind::Ill);
    // One report per child: validation refuses a child twice.
    let children: Vec<String> = reports.iter().map(|r| r.pupil_id.clone()).collect();
    view! {
        {reports
            .into_iter()
            .map(|report| {
                let details = report.details.clone();
                let period = move || dates::period(&details, today);
                let reported_at = report.reported_at;
                let received = move || {
                    let (day, time) = dates::moment(reported_at, today);
                    fill(t_string!(i18n, report.confirmation.received), &[("day", &day), ("time", &time)])
                };
                let name = report.pupil_first_name.clone();
                let kind = report.details.kind;
                let seen = report.clone();
                view! {
                    <section class="card">
                        <h2>{report.pupil_first_name}</h2>
                        <dl class="facts">
                            <dt>{t!(i18n, report.confirmation.reason)}</dt>
                            <dd>{move || labels::absence_kind(kind)}</dd>
                            <dt>{t!(i18n, report.confirmation.when)}</dt>
                            <dd>{period}</dd>
                            {report.details.note.clone().map(|note| view! {
                                <dt>{t!(i18n, report.confirmation.note)}</dt>
                                <dd>{note}</dd>
                            })}
                        </dl>
                        <p>{received}</p>
                        <SeenBySchool report=seen today />
                        <p>
                            <A href=format!("/kinderen/{}", report.pupil_id)>
                                {t!(i18n, report.confirmation.all_reports, name)}
                            </A>
                        </p>
                    </section>
                }
            })
            .collect_view()}
        {any_ill.then(|| view! { <p class="lead">{t!(i18n, report.confirmation.get_well)}</p> })}
        {children
            .into_iter()
            .map(|child_id| view! { <NextSteps child_id /> })
            .collect_view()}
        <p>
            <A href="/">{t!(i18n, common.to_home)}</A>
        </p>
    }
}
