//! `/verlof/:id`: one leave request, and where it stands in plain words:
//! sent, allowed or not allowed (with the school's reason and who decided),
//! or withdrawn. Read from the server each time, so a reload shows the
//! school's latest answer.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::{ApiError, LeaveRequest, LeaveStatus};

use crate::api;
use crate::app::set_title;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::child_leave::leave_title;

/// The request as the server has it now.
type Current = LocalResource<Result<LeaveRequest, ApiError>>;

/// One leave request. Another parent's request is "not found".
#[component]
pub fn LeaveRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    set_title(t_string!(i18n, child.leave.request));
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
                            <h1>{t!(i18n, child.leave.request)}</h1>
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
    let i18n = use_i18n();
    let today = dates::today();
    let name = leave.pupil_first_name.clone();
    let title = leave_title(name.clone());
    Effect::new({
        let title = title.clone();
        move |_| set_title(&title())
    });
    let status = leave.status;
    let (asked_on, asked_at) = dates::moment(leave.requested_at, today);
    let closed = leave
        .decided_at
        .zip(leave.decided_by.clone())
        .map(|(at, by)| {
            let (on, time) = dates::moment(at, today);
            let (by, on, time) = (move || by.clone(), move || on.clone(), move || time.clone());
            if status == LeaveStatus::Withdrawn {
                t!(
                    i18n,
                    child.leave.withdrawn_by,
                    by = by,
                    on = on,
                    time = time
                )
                .into_any()
            } else {
                t!(i18n, child.leave.decided_by, by = by, on = on, time = time).into_any()
            }
        });
    let requested_by = leave.requested_by.clone();

    view! {
        <h1>{title}</h1>
        <section class=format!("card status status--{}", status.as_str())>
            {(status != LeaveStatus::Pending).then(|| view! { <h2>{labels::leave_status(status)}</h2> })}
            <p>{explanation(status)}</p>
            {leave.decision_reason.map(|reason| view! {
                <p>{t!(i18n, child.leave.school_reason, reason = move || reason.clone())}</p>
            })}
            {closed.map(|line| view! { <p class="card__meta">{line}</p> })}
            {(status == LeaveStatus::Refused).then(|| view! { <p>{t!(i18n, child.leave.objection)}</p> })}
        </section>
        <dl class="facts">
            <dt>{t!(i18n, child.leave.kind)}</dt>
            <dd>{labels::leave_kind(leave.kind)}</dd>
            <dt>{t!(i18n, child.leave.when)}</dt>
            <dd>{dates::days(leave.first_day, leave.last_day, today)}</dd>
            <dt>{t!(i18n, child.leave.reason)}</dt>
            <dd>{leave.reason}</dd>
            <dt>{t!(i18n, child.leave.asked)}</dt>
            <dd>{t!(i18n, child.leave.asked_by, by = move || requested_by.clone(), on = move || asked_on.clone(), time = move || asked_at.clone())}</dd>
        </dl>
        {(status == LeaveStatus::Pending).then(|| view! { <Withdraw id=leave.id current /> })}
        <p>
            <A href=format!("/kinderen/{}/verlof", leave.pupil_id)>
                {t!(i18n, child.leave.all_requests, name = move || name.clone())}
            </A>
        </p>
        <p>
            <A href="/">{t!(i18n, child.leave.home)}</A>
        </p>
    }
}

/// "Aanvraag intrekken", while the school has not decided.
#[component]
fn Withdraw(id: String, current: Current) -> impl IntoView {
    let i18n = use_i18n();
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
            {t!(i18n, child.leave.withdraw_hint)}
        </p>
        <p>
            <button type="button" class="button" on:click=withdraw disabled=move || busy.get()>
                {t!(i18n, child.leave.withdraw)}
            </button>
        </p>
    }
}

/// What a status means for the parent, in a sentence (the shared
/// `LeaveStatus::explanation`, in the chosen language).
fn explanation(status: LeaveStatus) -> impl IntoView {
    let i18n = use_i18n();
    match status {
        LeaveStatus::Pending => t!(i18n, child.leave.explanation.pending).into_any(),
        LeaveStatus::Granted => t!(i18n, child.leave.explanation.granted).into_any(),
        LeaveStatus::Refused => t!(i18n, child.leave.explanation.refused).into_any(),
        LeaveStatus::Withdrawn => t!(i18n, child.leave.explanation.withdrawn).into_any(),
    }
}
