//! `/`: the start page, with the parent's children.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::Child;

use crate::app::{first_name, set_title, Auth};

/// "Hallo Sanne": the big "Ziek of afwezig melden" button, "Verlof
/// aanvragen", and a card per child.
#[component]
pub fn HomePage() -> impl IntoView {
    set_title("Start");
    let auth = expect_context::<Auth>();
    let name = move || {
        auth.me.with(|me| {
            me.as_ref()
                .map(|me| first_name(&me.name).to_owned())
                .unwrap_or_default()
        })
    };
    let children = move || auth.children();

    view! {
        <h1>"Hallo " {name}</h1>
        <p class="lead">
            <A href="/melden" attr:class="button button--primary button--big">
                "Ziek of afwezig melden"
            </A>
        </p>
        <p>
            <A href="/verlof" attr:class="button">
                "Verlof aanvragen"
            </A>
        </p>
        {move || {
            let children = children();
            if children.is_empty() {
                view! {
                    <p class="notice">
                        "Er is nog geen kind aan uw account gekoppeld. Neem contact op met de school. Zij kunnen dit regelen."
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <div class="cards">
                        {children.into_iter().map(|child| view! { <ChildCard child /> }).collect_view()}
                    </div>
                }
                    .into_any()
            }
        }}
    }
}

/// One child: name, group and school, with links to report them absent,
/// to their reports (and what happens next), to their leave requests and to
/// whom to contact at their school.
#[component]
fn ChildCard(child: Child) -> impl IntoView {
    let reports_href = format!("/kinderen/{}", child.id);
    let report_href = format!("/melden?kind={}", child.id);
    let report_text = format!("Meld {} afwezig", child.first_name);
    let reports_text = format!("Meldingen van {}", child.first_name);
    let leave_href = format!("/kinderen/{}/verlof", child.id);
    let leave_text = format!("Verlof voor {}", child.first_name);
    let contact_href = format!("/kinderen/{}/contact", child.id);
    view! {
        <article class="card">
            <h2>{child.first_name}</h2>
            <p class="card__meta">{child.group_name} " · " {child.school_name}</p>
            <ul class="card__actions">
                <li>
                    <A href=report_href>{report_text}</A>
                </li>
                <li>
                    <A href=reports_href>{reports_text}</A>
                </li>
                <li>
                    <A href=leave_href>{leave_text}</A>
                </li>
                <li>
                    <A href=contact_href>"Contact met de school"</A>
                </li>
            </ul>
        </article>
    }
}
