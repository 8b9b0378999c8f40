//! `/meldingen/:id/wijzigen`: change a report the school has not seen yet,
//! in the report form, filled in with the report.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::app::set_title;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::pages::report_form::{Purpose, ReportForm};

/// The "Melding wijzigen" page. Once the school has seen the report, it
/// says to contact the school instead.
#[component]
pub fn ChangeReportPage() -> impl IntoView {
    set_title("Melding wijzigen");
    let params = use_params_map();
    let report = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::report(&id).await }
    });

    view! {
        <h1>"Melding wijzigen"</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let report = match report.await {
                    Ok(report) => report,
                    Err(error) => return view! { <ErrorNotice error /> }.into_any(),
                };
                let back = format!("/kinderen/{}", report.pupil_id);
                let back_text = format!("Terug naar de meldingen van {}", report.pupil_first_name);
                if !report.can_change() {
                    return view! {
                        <p class="notice">
                            "De school heeft deze melding al gezien. Wilt u iets veranderen? Neem dan contact op met de school."
                        </p>
                        <p>
                            <A href=back>{back_text}</A>
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <p class="lead">{format!("Voor {}", report.pupil_first_name)}</p>
                    <ReportForm purpose=Purpose::Change(report) />
                    <p class="after-form">
                        <A href=back attr:class="button">
                            "Niet wijzigen"
                        </A>
                    </p>
                }
                    .into_any()
            })}
        </Transition>
    }
}
