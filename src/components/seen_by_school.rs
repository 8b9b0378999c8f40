//! Whether the school has seen a report, and who: what the desk's
//! "Gezien" shows the parents.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::AbsenceReport;

use crate::dutch;

/// "Gezien door Ruben Visser op dinsdag 24 november om 08:40.", or "Nog
/// niet gezien door de school."
#[component]
pub fn SeenBySchool(report: AbsenceReport, today: NaiveDate) -> impl IntoView {
    match report.acknowledged_at {
        None => view! { <p class="seen">"Nog niet gezien door de school."</p> }.into_any(),
        Some(at) => {
            let (on, time) = dutch::moment(at, today);
            let by = report
                .acknowledged_by
                .unwrap_or_else(|| "de school".to_owned());
            view! { <p class="seen seen--yes">{format!("Gezien door {by} op {on} om {time}.")}</p> }
                .into_any()
        }
    }
}
