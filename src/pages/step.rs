//! `/kinderen/:id/stappen/:stap`: one step of the school's protocol, in full:
//! what happens, why, what the parent can do, who is involved, and whom to
//! call. The words come from the school's protocol.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::next_steps::CHILD_WELCOME;
use shared::protocol::StepState;
use shared::{ApiError, ChildContacts, ChildProtocol, ConversationTopic, ConversationWith};

use crate::api;
use crate::app::set_title;
use crate::components::contact_card::ContactCard;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dutch;

/// The step page.
#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let (id, step) = params.with(|p| {
            (
                p.get("id").unwrap_or_default(),
                p.get("stap").unwrap_or_default(),
            )
        });
        async move {
            let protocol = api::child_protocol(&id).await?;
            let contacts = api::child_contacts(&id).await?;
            Ok::<_, ApiError>((id, step, protocol, contacts))
        }
    });
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((id, step, protocol, contacts)) => {
                        view! { <StepDetails id step protocol contacts /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn StepDetails(
    id: String,
    step: String,
    protocol: ChildProtocol,
    contacts: ChildContacts,
) -> impl IntoView {
    let back = format!("/kinderen/{id}");
    let Some(found) = protocol.protocol.step(&step).cloned() else {
        set_title("Stap niet gevonden");
        return view! {
            <h1>"Stap niet gevonden"</h1>
            <p class="notice">"Deze stap staat niet in het plan van de school."</p>
            <p><A href=back>"Terug"</A></p>
        }
        .into_any();
    };
    set_title(&found.texts.title);
    let name = protocol.first_name;
    let today = dutch::today();
    let state = match protocol.position.state(&found.id) {
        Some(StepState::Applies { since }) => format!(
            "Dit geldt nu voor {name}, sinds {}.",
            dutch::day(*since, today)
        ),
        // Nothing counted towards it yet: a countdown would only alarm.
        Some(StepState::NotYet { distance })
            if Some(distance) == found.trigger.first_distance().as_ref() =>
        {
            format!("Dit geldt niet voor {name}.")
        }
        Some(StepState::NotYet { distance }) => {
            format!("Dit geldt nog niet voor {name}. {}.", distance.describe())
        }
        _ => "Dit doet de school bij elke melding.".to_owned(),
    };
    let contact = contacts.contacts.into_iter().find(|c| c.role == found.role);
    let texts = found.texts;
    view! {
        <h1>{texts.title}</h1>
        <p class="lead">{state}</p>
        <p>{texts.summary}</p>
        <h2>"Wat gebeurt er?"</h2>
        <p>{texts.what_happens}</p>
        <h2>"Waarom doet de school dit?"</h2>
        <p>{texts.why}</p>
        <h2>"Wat kunt u doen?"</h2>
        <p>{texts.what_you_can_do}</p>
        <h2>"Wie zijn erbij?"</h2>
        <p>{texts.who_is_involved}</p>
        {found.involves_conversation.then(|| {
            let with = ConversationWith::for_step_role(found.role);
            let ask = format!(
                "/gesprek-aanvragen?kind={id}&met={}&over={}",
                with.as_str(),
                ConversationTopic::Absence.as_str()
            );
            view! {
                <p class="notice">{CHILD_WELCOME}</p>
                <p>
                    <A href=ask attr:class="button">"Gesprek aanvragen"</A>
                </p>
            }
        })}
        <h2>"Wie kunt u bellen?"</h2>
        {match contact {
            Some(contact) => view! { <ContactCard contact /> }.into_any(),
            None => view! { <p>{format!("{}: vraag de school wie dat is.", found.role.label())}</p> }.into_any(),
        }}
        <p><A href=format!("/kinderen/{id}/contact")>"Alle contacten van de school"</A></p>
        <p><A href=back>{format!("Terug naar {name}")}</A></p>
    }
    .into_any()
}
