//! Whether the school has seen a report, and who: what the desk's
//! "Gezien" shows the parents.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::AbsenceReport;

use crate::dates;
use crate::i18n::fill;
use crate::i18n::{t, t_string, use_i18n};

/// "Gezien door Ruben Visser op dinsdag 24 november om 08:40.", or "Nog
/// niet gezien door de school."
#[component]
pub fn SeenBySchool(report: AbsenceReport, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    match report.acknowledged_at {
        None => view! { <p class="seen">{t!(i18n, common.seen.not_yet)}</p> }.into_any(),
        Some(at) => {
            let by = report.acknowledged_by;
            let seen = move || {
                let (day, time) = dates::moment(at, today);
                let by = by
                    .clone()
                    .unwrap_or_else(|| t_string!(i18n, common.seen.the_school).to_string());
                fill(
                    t_string!(i18n, common.seen.by),
                    &[("by", &by), ("day", &day), ("time", &time)],
                )
            };
            view! { <p class="seen seen--yes">{seen}</p> }.into_any()
        }
    }
}
