//! `/inloggen`: log in with e-mail address and password.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::account::{MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS};
use shared::{ApiError, FieldError, LoginRequest, Me};

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::field_problems::{focus, FieldProblem, FieldProblems};
use crate::i18n::{t, t_string, use_i18n};

/// A form that logs someone in (the log-in and the activation page): its
/// fields, where problems show, and whether it is sending.
#[derive(Clone, Copy)]
pub struct LogInForm {
    pub fields: &'static [&'static str],
    /// A problem with one field goes next to it; any other on top.
    pub problems: FieldProblems,
    pub error: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
}

impl LogInForm {
    pub fn new(fields: &'static [&'static str]) -> Self {
        Self {
            fields,
            problems: FieldProblems::new(),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// Whether to send now: not while sending, and only when `checked`
    /// found nothing; else the problems go next to their fields.
    pub fn start(self, checked: Result<(), Vec<FieldError>>) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        self.error.set(None);
        if let Err(errors) = checked {
            focus(errors[0].field);
            let language = crate::api::language();
            let problems = errors
                .iter()
                .map(|e| (e.field, e.text(language).to_owned()))
                .collect();
            self.problems.set(problems);
            return false;
        }
        self.problems.set(Vec::new());
        self.busy.set(true);
        true
    }

    /// The server's answer: logged in, then on to `target`; or its message
    /// next to the field it names, else above the form.
    pub fn finish(
        self,
        answer: Result<Me, ApiError>,
        auth: Auth,
        target: &str,
        navigate: impl Fn(&str, NavigateOptions),
    ) {
        match answer {
            Ok(me) => {
                auth.me.set(Some(me));
                navigate(
                    target,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Err(e) => {
                let field = self.fields.iter().find(|f| e.field.as_deref() == Some(**f));
                match field {
                    Some(field) => {
                        self.problems.set(vec![(*field, e.message)]);
                        focus(field);
                    }
                    None => self.error.set(Some(e.message)),
                }
                self.busy.set(false);
            }
        }
    }
}

/// The log-in form. After logging in, the parent goes back to the page that
/// sent them here (`?terug=`), or to the start page. Every refusal of the
/// server shows in words: a wrong password, or after too many tries "try
/// again in N minutes" (`429`), above the form.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, login.title)));
    let auth = expect_context::<Auth>();
    // Whoever comes here is logged out, or about to log in again.
    auth.me.set(None);

    let query = use_query_map();
    // Sent here by "log out on all devices" (`AccountPage`): say it worked.
    let logged_out_everywhere =
        query.with_untracked(|q| q.get("uitgelogd")).as_deref() == Some("overal");
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = LogInForm::new(&["email", "password"]);
    let LogInForm {
        problems,
        error,
        busy,
        ..
    } = form;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = LoginRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if !form.start(request.validate()) {
            return;
        }
        let target = safe_return_path(query.with_untracked(|q| q.get("terug")));
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = api::log_in(&request).await;
            form.finish(answer, auth, &target, navigate);
        });
    };

    view! {
        <h1>{t!(i18n, login.title)}</h1>
        <p>{t!(i18n, login.intro)}</p>
        <div role="status" class="status-region">
            {logged_out_everywhere.then(|| view! {
                <p class="notice">{t!(i18n, login.logged_out_everywhere)}</p>
            })}
        </div>
        // While the parent types, the start page's files come.
        <form class="form" on:submit=on_submit on:focusin=|_| crate::handover::fetch_front_door() novalidate>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! {
                    <p class="notice notice--error">{message}</p>
                })}
            </div>
            <div class="field">
                <label for="email">{t!(i18n, login.email)}</label>
                <FieldProblem field="email" problems />
                <input
                    id="email"
                    name="email"
                    type="email"
                    autocomplete="username"
                    maxlength=MAX_EMAIL_CHARS
                    inputmode="email"
                    spellcheck="false"
                    autocapitalize="none"
                    required
                    aria-invalid=move || problems.invalid("email")
                    aria-describedby=move || problems.described_by("email", "")
                    bind:value=email
                    on:input=move |_| problems.clear(&["email"])
                />
            </div>
            <div class="field">
                <label for="password">{t!(i18n, login.password)}</label>
                <FieldProblem field="password" problems />
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    maxlength=MAX_PASSWORD_CHARS
                    required
                    aria-invalid=move || problems.invalid("password")
                    aria-describedby=move || problems.described_by("password", "")
                    bind:value=password
                    on:input=move |_| problems.clear(&["password"])
                />
            </div>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { t_string!(i18n, login.busy) } else { t_string!(i18n, login.submit) }}
            </button>
        </form>
        <p class="after-form">
            {t!(i18n, login.have_code)} " " <A href="/activeren">{t!(i18n, login.activate_link)}</A>
        </p>
    }
}

/// Only a path inside this app ("/melden?kind=…"), never another site or the
/// log-in page itself; anything else goes to the start page.
fn safe_return_path(terug: Option<String>) -> String {
    match terug {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.starts_with("/inloggen") =>
        {
            path
        }
        _ => "/".to_owned(),
    }
}
