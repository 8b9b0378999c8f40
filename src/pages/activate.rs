//! `/activeren`: a parent (or staff member) whom the school gave an
//! activation code chooses a password, and is logged in. No log-in needed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::account::MAX_PASSWORD_CHARS;
use shared::Activation;

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::field_problems::FieldProblem;
use crate::components::form_fields::Choice;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::login::LogInForm;

/// The form: the code, a new password (with the rules in plain words and a
/// way to see what one typed), then the start page, logged in.
#[component]
pub fn ActivatePage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, login.activate.title)));
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let form = LogInForm::new(&["code", "password"]);
    let LogInForm {
        problems,
        error,
        busy,
        ..
    } = form;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = Activation {
            code: code.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if !form.start(request.validate()) {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = api::activate(&request).await;
            form.finish(answer, auth, "/", navigate);
        });
    };

    view! {
        <h1>{t!(i18n, login.activate.title)}</h1>
        <p class="lead">
            {t!(i18n, login.activate.intro)}
        </p>
        <form class="form" on:submit=on_submit novalidate>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! {
                    <p class="notice notice--error">{message}</p>
                })}
            </div>
            <div class="field">
                <label for="code">{t!(i18n, login.activate.code)}</label>
                <p class="hint" id="code-hint">
                    {t!(i18n, login.activate.code_example)} " " <span class="code code--small" dir="ltr">"K7QM-3XWP-9D"</span>
                    ". " {t!(i18n, login.activate.code_rules)}
                </p>
                <FieldProblem field="code" problems />
                <input
                    id="code"
                    name="code"
                    type="text"
                    class="code-input"
                    autocomplete="one-time-code"
                    autocapitalize="characters"
                    spellcheck="false"
                    required
                    aria-invalid=move || problems.invalid("code")
                    aria-describedby=move || problems.described_by("code", "code-hint")
                    bind:value=code
                    on:input=move |_| problems.clear(&["code"])
                />
            </div>
            <div class="field">
                <label for="password">{t!(i18n, login.activate.choose_password)}</label>
                <div class="hint" id="password-hint">
                    <ul>
                        <li>{t!(i18n, login.activate.rule_length)}</li>
                        <li>{t!(i18n, login.activate.rule_sentence)}</li>
                        <li>{t!(i18n, login.activate.rule_common)}</li>
                    </ul>
                </div>
                <FieldProblem field="password" problems />
                <input
                    id="password"
                    name="password"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="new-password"
                    maxlength=MAX_PASSWORD_CHARS
                    spellcheck="false"
                    autocapitalize="none"
                    required
                    aria-invalid=move || problems.invalid("password")
                    aria-describedby=move || problems.described_by("password", "password-hint")
                    bind:value=password
                    on:input=move |_| problems.clear(&["password"])
                />
                <Choice
                    kind="checkbox"
                    id="show-password".to_owned()
                    name="show_password"
                    value="ja"
                    checked=shown
                    on_change=Callback::new(move |on| shown.set(on))
                >
                    {t!(i18n, login.activate.show_password)}
                </Choice>
            </div>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { t_string!(i18n, login.activate.busy) } else { t_string!(i18n, login.activate.submit) }}
            </button>
        </form>
        <p class="after-form">
            {t!(i18n, login.activate.have_password)} " " <A href="/inloggen">{t!(i18n, login.title)}</A>
        </p>
    }
}
