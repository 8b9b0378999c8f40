//! `/kinderen/:id/verlof`: every leave request for one child, newest first.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::{LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::feedback::{ChildPageProblem, Loading};
use crate::dutch;

/// One child's leave requests. Another parent's child (or no child at all)
/// is the same "not found" for the parent.
#[component]
pub fn ChildLeavePage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let requests = LocalResource::new(move || {
        let id = id();
        async move { api::child_leave_requests(&id).await }
    });

    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let result = requests.await;
                let id = id();
                // The name comes from the account; the requests have it too.
                let name = auth
                    .child(&id)
                    .map(|c| c.first_name)
                    .or_else(|| result.as_ref().ok()?.first().map(|r| r.pupil_first_name.clone()));
                match (result, name) {
                    (Ok(requests), Some(name)) => {
                        set_title(&format!("Verlof voor {name}"));
                        view! { <LeaveList id name requests /> }.into_any()
                    }
                    (result, _) => {
                        view! { <ChildPageProblem error=result.err() title="Verlof" /> }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The list, or a calm line when there are no requests yet.
#[component]
fn LeaveList(id: String, name: String, requests: Vec<LeaveRequest>) -> impl IntoView {
    let today = dutch::today();
    let empty = requests.is_empty();
    let ask_text = format!("Verlof aanvragen voor {name}");
    view! {
        <h1>{format!("Verlof voor {name}")}</h1>
        <p class="lead">
            <A href=format!("/verlof?kind={id}") attr:class="button button--primary">
                {ask_text}
            </A>
        </p>
        {if empty {
            view! { <p>{format!("Er zijn nog geen verlofaanvragen voor {name}.")}</p> }.into_any()
        } else {
            view! {
                <ul class="report-list">
                    {requests
                        .into_iter()
                        .map(|leave| {
                            let status = match leave.status {
                                LeaveStatus::Pending => "Verstuurd, de school beslist nog",
                                other => other.label(),
                            };
                            view! {
                                <li class="card">
                                    <p class="report-list__kind">{leave.kind.label()}</p>
                                    <p>{dutch::days(leave.first_day, leave.last_day, today)}</p>
                                    <p>"Status: " {status}</p>
                                    <p>
                                        <A href=format!("/verlof/{}", leave.id)>"Bekijk de aanvraag"</A>
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
