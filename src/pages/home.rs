//! `/`: the start page, with the parent's children and conversations (and
//! the school's questions about a day it missed a child), and for school
//! staff the way to their school's desk, signals and conversations.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{Child, Conversation, DeskAction};

use crate::api;
use crate::app::{first_name, set_title, Auth, School};
use crate::components::conversation::title;
use crate::components::unexplained::SchoolMisses;
use crate::dutch;
use crate::pages::school::school_href;

/// "Hallo Sanne": the big "Ziek of afwezig melden" button, "Verlof
/// aanvragen", "Gesprek aanvragen", the parent's conversations and a card
/// per child; for staff, their schools' conversations.
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
    let children = auth.children();
    let schools = auth.schools();
    // Staff who are no parent here see only the school's part.
    let parent = !children.is_empty() || schools.is_empty();

    view! {
        <h1>"Hallo " {name}</h1>
        {parent.then(|| view! { <ParentPart children /> })}
        {(!schools.is_empty()).then(|| view! { <SchoolPart schools /> })}
    }
}

/// What a parent does here, and their children.
#[component]
fn ParentPart(children: Vec<Child>) -> impl IntoView {
    view! {
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
        <p>
            <A href="/gesprek-aanvragen" attr:class="button">
                "Gesprek aanvragen"
            </A>
        </p>
        {if children.is_empty() {
            view! {
                <p class="notice">
                    "Er is nog geen kind aan uw account gekoppeld. Neem contact op met de school. Zij kunnen dit regelen."
                </p>
            }
                .into_any()
        } else {
            view! {
                <YourConversations />
                <div class="cards">
                    {children.into_iter().map(|child| view! { <ChildCard child /> }).collect_view()}
                </div>
            }
                .into_any()
        }}
    }
}

/// "Uw gesprekken": shown only when there are any. A failure to load them
/// hides them too; the rest of the page still works.
#[component]
fn YourConversations() -> impl IntoView {
    let conversations = LocalResource::new(api::conversations);
    let today = dutch::today();
    move || {
        let conversations = conversations.get()?.ok().filter(|c| !c.is_empty())?;
        Some(view! {
            <section aria-labelledby="uw-gesprekken">
                <h2 id="uw-gesprekken">"Uw gesprekken"</h2>
                <ul class="report-list">
                    {conversations
                        .into_iter()
                        .map(|conversation| view! { <ConversationItem conversation today /> })
                        .collect_view()}
                </ul>
            </section>
        })
    }
}

/// One conversation: with whom, about which child, where it stands.
#[component]
fn ConversationItem(conversation: Conversation, today: chrono::NaiveDate) -> impl IntoView {
    let c = conversation;
    let title = title(&c);
    view! {
        <li class="card">
            <p class="report-list__kind">
                <A href=format!("/gesprekken/{}", c.id)>{title}</A>
            </p>
            <p>"Status: " <strong>{c.status.label()}</strong></p>
            {c.agreed_time.map(|slot| view! { <p>"Afspraak: " {dutch::slot(&slot, today)}</p> })}
        </li>
    }
}

/// For staff, per school: the desk, the signals and the conversations,
/// the leave requests for those who decide them, and the audit log for the
/// school admin; each only where their role allows it.
#[component]
fn SchoolPart(schools: Vec<School>) -> impl IntoView {
    let several = schools.len() > 1;
    view! {
        <section aria-labelledby="voor-school">
            <h2 id="voor-school">"Voor de school"</h2>
            {schools
                .into_iter()
                .map(|school| {
                    let links = [
                        (DeskAction::SeeDesk, "meldingen", "Meldingen"),
                        (DeskAction::SeeSignals, "signalen", "Signalen"),
                        (DeskAction::SeeDesk, "gesprekken", "Gesprekken"),
                        (DeskAction::ReadAuditLog, "logboek", "Logboek"),
                        (DeskAction::ManageSchool, "inlezen", "Leerlingen inlezen"),
                        (DeskAction::ManageSchool, "codes", "Activeringscodes"),
                        (DeskAction::ManageSchool, "medewerkers", "Medewerkers"),
                        (DeskAction::DecideLeave, "verlof", "Verlofaanvragen"),
                        (DeskAction::ChangeSettings, "instellingen", "Instellingen"),
                    ];
                    let links = links
                        .into_iter()
                        .filter(|(action, _, _)| school.may(*action))
                        .map(|(_, page, text)| {
                            view! {
                                <li>
                                    <A href=school_href(page, &school)>{text}</A>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        {several.then(|| view! { <h3>{school.name.clone()}</h3> })}
                        <ul class="card__actions">{links}</ul>
                    }
                })
                .collect_view()}
        </section>
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
            <SchoolMisses child_id=child.id.clone() on_home=true />
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
