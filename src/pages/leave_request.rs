//! `/verlof/:id`: one leave request, and where it stands in plain words:
//! sent, allowed or not allowed (with the school's reason and who decided),
//! or withdrawn. Read from the server each time, so a reload shows the
//! school's latest answer.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::leave::LEAVE_OBJECTION;
use shared::{ApiError, LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::set_title;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dutch;

/// The request as the server has it now.
type Current = LocalResource<Result<LeaveRequest, ApiError>>;

/// One leave request. Another parent's request is "not found".
#[component]
pub fn LeaveRequestPage() -> impl IntoView {
    set_title("Verlofaanvraag");
    let params = use_params_map();
    let current: Current = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::leave_request(&id).await }
    });

    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match current.await {
                    Ok(leave) => view! { <LeaveRequestView leave current /> }.into_any(),
                    Err(error) => {
                        view! {
                            <h1>"Verlofaanvraag"</h1>
                            <ErrorNotice error />
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The status first, then what was asked.
#[component]
fn LeaveRequestView(leave: LeaveRequest, current: Current) -> impl IntoView {
    let today = dutch::today();
    let name = leave.pupil_first_name.clone();
    set_title(&format!("Verlof voor {name}"));
    let status = leave.status;
    let (asked_on, asked_at) = dutch::moment(leave.requested_at, today);
    let closed = leave
        .decided_at
        .zip(leave.decided_by.clone())
        .map(|(at, by)| {
            let (on, time) = dutch::moment(at, today);
            let what = if status == LeaveStatus::Withdrawn {
                "Ingetrokken"
            } else {
                "Besloten"
            };
            format!("{what} door {by} op {on} om {time}.")
        });
    let all_requests = format!("Alle verlofaanvragen van {name}");

    view! {
        <h1>{format!("Verlof voor {name}")}</h1>
        <section class=format!("card status status--{}", status.as_str())>
            {(status != LeaveStatus::Pending).then(|| view! { <h2>{status.label()}</h2> })}
            <p>{status.explanation()}</p>
            {leave.decision_reason.map(|reason| view! { <p>"Reden van de school: " {reason}</p> })}
            {closed.map(|line| view! { <p class="card__meta">{line}</p> })}
            {(status == LeaveStatus::Refused).then(|| view! { <p>{LEAVE_OBJECTION}</p> })}
        </section>
        <dl class="facts">
            <dt>"Soort verlof"</dt>
            <dd>{leave.kind.label()}</dd>
            <dt>"Wanneer"</dt>
            <dd>{dutch::days(leave.first_day, leave.last_day, today)}</dd>
            <dt>"Reden"</dt>
            <dd>{leave.reason}</dd>
            <dt>"Aangevraagd"</dt>
            <dd>"Door " {leave.requested_by} " op " {asked_on} " om " {asked_at}</dd>
        </dl>
        {(status == LeaveStatus::Pending).then(|| view! { <Withdraw id=leave.id current /> })}
        <p>
            <A href=format!("/kinderen/{}/verlof", leave.pupil_id)>{all_requests}</A>
        </p>
        <p>
            <A href="/">"Naar de startpagina"</A>
        </p>
    }
}

/// "Aanvraag intrekken", while the school has not decided.
#[component]
fn Withdraw(id: String, current: Current) -> impl IntoView {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let withdraw = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let id = id.clone();
        spawn_local(async move {
            match api::withdraw_leave_request(&id).await {
                Ok(_) => current.refetch(),
                Err(e) => {
                    error.set(Some(e.message));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <div role="alert" class="alert-region">
            {move || error.get().map(|message| view! {
                <p class="notice notice--error">{message}</p>
            })}
        </div>
        <p class="hint">
            "Gaat het verlof niet door? Dan kunt u de aanvraag intrekken, zolang de school nog niet heeft beslist."
        </p>
        <p>
            <button type="button" class="button" on:click=withdraw disabled=move || busy.get()>
                "Aanvraag intrekken"
            </button>
        </p>
    }
}
