//! `/kinderen/:id/verlof`: every leave request for one child, newest first.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::set_title;
use crate::components::child_page::child_page;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::child_reports::with_name;

/// One child's leave requests. Another parent's child (or no child at all)
/// is the same "not found" for the parent.
#[component]
pub fn ChildLeavePage() -> impl IntoView {
    let i18n = use_i18n();
    child_page(
        t_string!(i18n, child.leave.heading),
        |id| async move { api::child_leave_requests(&id).await },
        |item: &LeaveRequest| item.pupil_first_name.clone(),
        |id, name, requests| view! { <LeaveList id name requests /> },
    )
}

/// The list, or a calm line when there are no requests yet.
#[component]
fn LeaveList(id: String, name: String, requests: Vec<LeaveRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let empty = requests.is_empty();
    let title = leave_title(name.clone());
    Effect::new({
        let title = title.clone();
        move |_| set_title(&title())
    });
    let named = move || name.clone();
    let for_none = named.clone();
    view! {
        <h1>{title}</h1>
        <p class="lead">
            <A href=format!("/verlof?kind={id}") attr:class="button button--primary">
                {t!(i18n, child.leave.ask_for, name = named)}
            </A>
        </p>
        {if empty {
            view! { <p>{t!(i18n, child.leave.none_yet, name = for_none)}</p> }.into_any()
        } else {
            view! {
                <ul class="report-list">
                    {requests
                        .into_iter()
                        .map(|leave| {
                            let status = match leave.status {
                                LeaveStatus::Pending => t_string!(i18n, child.leave.pending).to_owned(),
                                other => labels::leave_status(other),
                            };
                            view! {
                                <li class="card">
                                    <p class="report-list__kind">{labels::leave_kind(leave.kind)}</p>
                                    <p>{dates::days(leave.first_day, leave.last_day, today)}</p>
                                    <p>{t!(i18n, child.leave.status, status = move || status.clone())}</p>
                                    <p>
                                        <A href=format!("/verlof/{}", leave.id)>{t!(i18n, child.leave.view)}</A>
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

/// "Verlof voor Noor", in the chosen language (a page's title and heading).
pub fn leave_title(name: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || with_name(t_string!(i18n, child.leave.title), &name)
}
