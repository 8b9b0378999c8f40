//! `/meldingen/:id/wijzigen`: change a report the school has not seen yet,
//! in the report form, filled in with the report.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::app::set_title;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::report_form::{Purpose, ReportForm};

/// The "Melding wijzigen" page. Once the school has seen the report, it
/// says to contact the school instead.
#[component]
pub fn ChangeReportPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, report.change.title)));
    let params = use_params_map();
    let report = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::report(&id).await }
    });

    view! {
        <h1>{t!(i18n, report.change.title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let report = match report.await {
                    Ok(report) => report,
                    Err(error) => return view! { <ErrorNotice error /> }.into_any(),
                };
                let back = format!("/kinderen/{}", report.pupil_id);
                let name = report.pupil_first_name.clone();
                if !report.can_change() {
                    return view! {
                        <p class="notice">
                            {t!(i18n, report.change.seen)}
                        </p>
                        <p>
                            <A href=back>{t!(i18n, report.change.back, name)}</A>
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <p class="lead">{t!(i18n, report.change.for_child, name)}</p>
                    <ReportForm purpose=Purpose::Change(report) />
                    <p class="after-form">
                        <A href=back attr:class="button">
                            {t!(i18n, report.change.dont_change)}
                        </A>
                    </p>
                }
                    .into_any()
            })}
        </Transition>
    }
}
