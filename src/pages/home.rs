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
use crate::components::waiting_reports::WaitingReports;
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::school_href;

/// "Hallo Sanne": the reports not sent yet (if any), the big "Ziek of afwezig melden" button, "Verlof
/// aanvragen", "Gesprek aanvragen", the parent's conversations and a card
/// per child; for staff, their schools' conversations.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, report.home.title)));
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
        <h1>{t!(i18n, report.home.hello, name)}</h1>
        {parent.then(|| view! { <ParentPart children /> })}
        {(!schools.is_empty()).then(|| view! { <SchoolPart schools /> })}
        <p class="after-form">
            <A href="/mijn-account">{t!(i18n, settings.account.link)}</A>
        </p>
    }
}

/// What a parent does here, and their children.
#[component]
fn ParentPart(children: Vec<Child>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WaitingReports />
        <p class="lead">
            <A href="/melden" attr:class="button button--primary button--big">
                {t!(i18n, report.home.report)}
            </A>
        </p>
        <p>
            <A href="/verlof" attr:class="button">
                {t!(i18n, report.home.leave)}
            </A>
        </p>
        <p>
            <A href="/gesprek-aanvragen" attr:class="button">
                {t!(i18n, report.home.talk)}
            </A>
        </p>
        {if children.is_empty() {
            view! {
                <p class="notice">
                    {t!(i18n, report.home.no_children)}
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
    let i18n = use_i18n();
    let conversations = LocalResource::new(api::conversations);
    let today = dates::today();
    move || {
        let conversations = conversations.get()?.ok().filter(|c| !c.is_empty())?;
        Some(view! {
            <section aria-labelledby="uw-gesprekken">
                <h2 id="uw-gesprekken">{t!(i18n, report.home.your_conversations)}</h2>
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
    let i18n = use_i18n();
    let c = conversation;
    let title = title(&c);
    let status = c.status;
    view! {
        <li class="card">
            <p class="report-list__kind">
                <A href=format!("/gesprekken/{}", c.id)>{title}</A>
            </p>
            <p>{t!(i18n, report.home.status)} " " <strong>{move || labels::conversation_status(status)}</strong></p>
            {c.agreed_time.map(|slot| view! {
                <p>{t!(i18n, report.home.appointment)} " " {move || dates::slot(&slot, today)}</p>
            })}
        </li>
    }
}

/// A school page staff may open: who may, its address, its name (read
/// when shown, so it follows a switch of language).
type SchoolLink = (DeskAction, &'static str, fn() -> &'static str);

/// For staff, per school: the desk, the signals and the conversations,
/// the leave requests for those who decide them, and the audit log for the
/// school admin; each only where their role allows it.
#[component]
fn SchoolPart(schools: Vec<School>) -> impl IntoView {
    let i18n = use_i18n();
    let several = schools.len() > 1;
    view! {
        <section aria-labelledby="voor-school">
            <h2 id="voor-school">{t!(i18n, report.home.for_school)}</h2>
            {schools
                .into_iter()
                .map(|school| {
                    let links: [SchoolLink; 9] = [
                        (DeskAction::SeeDesk, "meldingen", || t_string!(use_i18n(), report.home.school.desk)),
                        (DeskAction::SeeSignals, "signalen", || t_string!(use_i18n(), report.home.school.signals)),
                        (DeskAction::SeeDesk, "gesprekken", || t_string!(use_i18n(), report.home.school.conversations)),
                        (DeskAction::ReadAuditLog, "logboek", || t_string!(use_i18n(), report.home.school.audit_log)),
                        (DeskAction::ManageSchool, "inlezen", || t_string!(use_i18n(), report.home.school.import)),
                        (DeskAction::ManageSchool, "codes", || t_string!(use_i18n(), report.home.school.codes)),
                        (DeskAction::ManageSchool, "medewerkers", || t_string!(use_i18n(), report.home.school.staff)),
                        (DeskAction::DecideLeave, "verlof", || t_string!(use_i18n(), report.home.school.leave)),
                        (DeskAction::ChangeSettings, "instellingen", || t_string!(use_i18n(), report.home.school.settings)),
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
    let i18n = use_i18n();
    let reports_href = format!("/kinderen/{}", child.id);
    let report_href = format!("/melden?kind={}", child.id);
    let name = child.first_name.clone();
    let report_text = t!(i18n, report.home.child.report, name = name.clone());
    let reports_text = t!(i18n, report.home.child.reports, name = name.clone());
    let leave_href = format!("/kinderen/{}/verlof", child.id);
    let leave_text = t!(i18n, report.home.child.leave, name);
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
                    <A href=contact_href>{t!(i18n, report.home.child.contact)}</A>
                </li>
            </ul>
        </article>
    }
}
