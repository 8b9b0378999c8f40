//! `/activeren`: a parent (or staff member) whom the school gave an
//! activation code chooses a password, and is logged in. No log-in needed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::Activation;

use crate::api;
use crate::app::{set_title, Auth};
use crate::components::field_problems::FieldProblem;
use crate::components::form_fields::Choice;
use crate::pages::login::LogInForm;

/// The form: the code, a new password (with the rules in plain words and a
/// way to see what one typed), then the start page, logged in.
#[component]
pub fn ActivatePage() -> impl IntoView {
    set_title("Account activeren");
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
        <h1>"Account activeren"</h1>
        <p class="lead">
            "Heeft u van school een activeringscode gekregen? Vul de code in en kies een wachtwoord. Daarna bent u meteen ingelogd."
        </p>
        <form class="form" on:submit=on_submit novalidate>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! {
                    <p class="notice notice--error">{message}</p>
                })}
            </div>
            <div class="field">
                <label for="code">"Activeringscode"</label>
                <p class="hint" id="code-hint">
                    "Zo ziet een code eruit: " <span class="code code--small">"K7QM-3XWP-9D"</span>
                    ". Kleine letters en zonder streepjes mag ook."
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
                <label for="password">"Kies een wachtwoord"</label>
                <div class="hint" id="password-hint">
                    <ul>
                        <li>"Minstens 8 tekens."</li>
                        <li>"Een zin van een paar woorden mag ook. Die is lang en toch makkelijk te onthouden."</li>
                        <li>"Niet een wachtwoord dat veel mensen gebruiken, zoals wachtwoord123. En niet uw e-mailadres."</li>
                    </ul>
                </div>
                <FieldProblem field="password" problems />
                <input
                    id="password"
                    name="password"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="new-password"
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
                    "Wachtwoord laten zien"
                </Choice>
            </div>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { "Bezig met activeren…" } else { "Account activeren" }}
            </button>
        </form>
        <p class="after-form">
            "Heeft u al een wachtwoord? " <A href="/inloggen">"Inloggen"</A>
        </p>
    }
}
