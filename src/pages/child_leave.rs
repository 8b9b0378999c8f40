//! `/kinderen/:id/verlof`: every leave request for one child, newest first.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::set_title;
use crate::components::child_page::child_page;
use crate::dutch;

/// One child's leave requests. Another parent's child (or no child at all)
/// is the same "not found" for the parent.
#[component]
pub fn ChildLeavePage() -> impl IntoView {
    child_page(
        "Verlof",
        |id| async move { api::child_leave_requests(&id).await },
        |item: &LeaveRequest| item.pupil_first_name.clone(),
        |id, name, requests| {
            set_title(&format!("Verlof voor {name}"));
            view! { <LeaveList id name requests /> }
        },
    )
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
