//! The pages of the three bundles (the log-in door, the front door and the
//! whole app) and the log-in state shared by all pages.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use shared::{Child, DeskAction, Me, StaffRoleKind};

use crate::components::layout::Layout;
use crate::components::require_login::{RequireLogin, WhenLoggedIn};
use crate::handover;
use crate::i18n::I18nContextProvider;
use crate::outbox;
use crate::pages::school::{
    activation_codes::ActivationCodesPage, audit_log::AuditLogPage,
    conversation::SchoolConversationPage, conversations::SchoolConversationsPage, desk::DeskPage,
    import::ImportPage, invite::InvitePage, leave::SchoolLeavePage, register::RegisterPage,
    settings::SettingsPage, signals::SignalsPage, staff::StaffPage,
};
use crate::pages::{
    account::AccountPage, activate::ActivatePage, change_report::ChangeReportPage,
    child_leave::ChildLeavePage, child_reports::ChildReportsPage, confirmation::ConfirmationPage,
    contacts::ContactsPage, conversation::ConversationPage,
    conversation_form::ConversationFormPage, home::HomePage, leave_form::LeaveFormPage,
    leave_request::LeaveRequestPage, login::LoginPage, not_found::NotFoundPage,
    report_form::ReportFormPage, step::StepPage,
};

/// Who is logged in, once we know: filled by the log-in page and by
/// [`RequireLogin`], emptied on log-out.
#[derive(Clone, Copy)]
pub struct Auth {
    pub me: RwSignal<Option<Me>>,
}

impl Auth {
    /// The logged-in parent's children (empty when not known).
    pub fn children(&self) -> Vec<Child> {
        self.me.with(|me| {
            me.as_ref()
                .map(|me| me.children.clone())
                .unwrap_or_default()
        })
    }

    /// The schools the logged-in person works at, each once, in the order
    /// of their roles, with their roles there.
    pub fn schools(&self) -> Vec<School> {
        let mut schools: Vec<School> = Vec::new();
        self.me.with(|me| {
            for role in me.iter().flat_map(|me| &me.staff_roles) {
                match schools.iter_mut().find(|s| s.id == role.school_id) {
                    Some(school) => school.roles.push(role.role),
                    None => schools.push(School {
                        id: role.school_id.clone(),
                        name: role.school_name.clone(),
                        roles: vec![role.role],
                    }),
                }
            }
        });
        schools
    }

    /// One child of the logged-in parent, by id.
    pub fn child(&self, id: &str) -> Option<Child> {
        self.me
            .with(|me| me.as_ref()?.children.iter().find(|c| c.id == id).cloned())
    }
}

/// A school someone works at.
#[derive(Clone, Debug, PartialEq)]
pub struct School {
    pub id: String,
    pub name: String,
    pub roles: Vec<StaffRoleKind>,
}

impl School {
    /// Whether one of their roles here allows `action`: the server's rule,
    /// to hide what they cannot do.
    pub fn may(&self, action: DeskAction) -> bool {
        self.roles.iter().any(|role| action.allowed(*role))
    }
}

/// What every bundle shares around its routes: who is logged in, the
/// language, the router and the layout.
#[component]
fn Shell(children: Children) -> impl IntoView {
    provide_context(Auth {
        me: RwSignal::new(None),
    });

    view! {
        <I18nContextProvider>
        <Router>
            <Layout>{children()}</Layout>
        </Router>
        </I18nContextProvider>
    }
}

/// Sends the reports kept on this phone as soon as we know who is logged
/// in ([`outbox`]). Not in the log-in door: once logged in, it hands over.
#[component]
fn SendKeptReports() -> impl IntoView {
    let auth = expect_context::<Auth>();
    outbox::start(Signal::derive(move || {
        auth.me.with(|me| me.as_ref().map(|me| me.email.clone()))
    }));
}

/// The log-in door: the log-in page alone, the smallest bundle, for the
/// first visit of someone not logged in. Every other page (the start page,
/// once logged in) is loaded again from the server ([`handover`]).
#[component]
pub fn LogInDoor() -> impl IntoView {
    view! {
        <Shell>
            <DoorPages pages=&[("/inloggen", log_in_page)] />
        </Shell>
    }
}

/// The front door: the pages a parent needs first on a phone (the start
/// page, the report form), in a bundle a third of the whole app's size.
/// Any other page is loaded again as the whole app ([`handover`]). It has
/// the log-in page too, for a session that ended: the start page sends
/// the parent there, without loading another bundle.
#[component]
pub fn FrontDoor() -> impl IntoView {
    view! {
        <Shell>
            <SendKeptReports />
            <DoorPages pages=&[
                ("/", start_page),
                ("/melden", report_form),
                ("/inloggen", log_in_page),
            ] />
        </Shell>
    }
}

fn log_in_page() -> AnyView {
    LoginPage().into_any()
}

fn start_page() -> AnyView {
    view! { <WhenLoggedIn page=|| HomePage().into_any() /> }.into_any()
}

fn report_form() -> AnyView {
    view! { <WhenLoggedIn page=|| ReportFormPage().into_any() /> }.into_any()
}

/// A page of a door: its path, and the view.
type DoorPage = (&'static str, fn() -> AnyView);

/// A door's few pages, by their path; any other address is loaded again
/// ([`handover::LoadAgain`]). A plain test of the path is all the routing
/// a door needs: leptos_router's route matching would be a tenth of the
/// log-in door.
#[component]
fn DoorPages(pages: &'static [DoorPage]) -> impl IntoView {
    let location = use_location();
    move || {
        let page = location.pathname.with(|path| {
            pages
                .iter()
                .find(|(page_path, _)| page_path == path)
                .map(|(_, page)| *page)
        });
        match page {
            Some(page) => page(),
            None => handover::LoadAgain().into_any(),
        }
    }
}

/// The whole app: every page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Shell>
            <SendKeptReports />
            <Routes fallback=NotFoundPage>
                <Route path=path!("/inloggen") view=LoginPage />
                <Route path=path!("/activeren") view=ActivatePage />
                <ParentRoute path=path!("") view=RequireLogin>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("melden") view=ReportFormPage />
                    <Route path=path!("meldingen/:ids") view=ConfirmationPage />
                    <Route path=path!("meldingen/:id/wijzigen") view=ChangeReportPage />
                    <Route path=path!("kinderen/:id") view=ChildReportsPage />
                    <Route path=path!("kinderen/:id/contact") view=ContactsPage />
                    <Route path=path!("kinderen/:id/stappen/:stap") view=StepPage />
                    <Route path=path!("kinderen/:id/verlof") view=ChildLeavePage />
                    <Route path=path!("verlof") view=LeaveFormPage />
                    <Route path=path!("verlof/:id") view=LeaveRequestPage />
                    <Route path=path!("gesprek-aanvragen") view=ConversationFormPage />
                    <Route path=path!("mijn-account") view=AccountPage />
                    <Route path=path!("gesprekken/:id") view=ConversationPage />
                    <Route path=path!("school/gesprekken") view=SchoolConversationsPage />
                    <Route path=path!("school/gesprekken/:id") view=SchoolConversationPage />
                    <Route path=path!("school/meldingen") view=DeskPage />
                    <Route path=path!("school/noteren") view=RegisterPage />
                    <Route path=path!("school/signalen") view=SignalsPage />
                    <Route path=path!("school/verlof") view=SchoolLeavePage />
                    <Route path=path!("school/uitnodigen") view=InvitePage />
                    <Route path=path!("school/logboek") view=AuditLogPage />
                    <Route path=path!("school/inlezen") view=ImportPage />
                    <Route path=path!("school/codes") view=ActivationCodesPage />
                    <Route path=path!("school/medewerkers") view=StaffPage />
                    <Route path=path!("school/instellingen") view=SettingsPage />
                </ParentRoute>
            </Routes>
        </Shell>
    }
}

/// Sets the browser tab's title: "{page} – Verzuimwijzer".
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page} – Verzuimwijzer"));
    }
}

/// The first word of a full name ("Sanne de Vries" -> "Sanne").
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}
