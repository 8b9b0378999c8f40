//! `/kinderen/:id/stappen/:stap`: one step of the school's protocol, in full:
//! what happens, why, what the parent can do, who is involved, and whom to
//! call. The words come from the school's protocol.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::protocol::StepState;
use shared::{ApiError, ChildContacts, ChildProtocol, ConversationTopic, ConversationWith};

use crate::api;
use crate::app::set_title;
use crate::components::contact_card::ContactCard;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::next_steps::{describe, OnlyDutch};
use crate::components::read_aloud::ReadAloud;
use crate::dates;
use crate::i18n::{language_of, td, td_string, use_i18n, Locale};
use crate::labels;

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

/// Drawn again in the chosen language when it changes.
#[component]
fn StepDetails(
    id: String,
    step: String,
    protocol: ChildProtocol,
    contacts: ChildContacts,
) -> impl IntoView {
    let i18n = use_i18n();
    move || step_details(i18n.get_locale(), &id, &step, &protocol, &contacts)
}

fn step_details(
    locale: Locale,
    id: &str,
    step: &str,
    protocol: &ChildProtocol,
    contacts: &ChildContacts,
) -> AnyView {
    let back = format!("/kinderen/{id}");
    let Some(found) = protocol.protocol.step(step).cloned() else {
        let title = td_string!(locale, child.step.not_found);
        set_title(title);
        return view! {
            <h1>{title}</h1>
            <p class="notice">{td_string!(locale, child.step.not_in_plan)}</p>
            <p><A href=back>{td_string!(locale, child.step.back)}</A></p>
        }
        .into_any();
    };
    let chosen = found.texts_in(language_of(locale));
    let (texts, dutch_instead) = (chosen.texts.clone(), chosen.dutch_instead);
    // The school's own words, when they are not in the chosen language.
    let lang = dutch_instead.then_some("nl");
    set_title(&texts.title);
    let name = protocol.first_name.clone();
    let today = dates::today();
    let state = match protocol.position.state(&found.id).copied() {
        Some(StepState::Applies { since }) => {
            let (name, day) = (name.clone(), dates::day(since, today));
            td!(
                locale,
                child.step.applies_since,
                name = move || name.clone(),
                day = move || day.clone()
            )
            .into_any()
        }
        // Nothing counted towards it yet: a countdown would only alarm.
        Some(StepState::NotYet { distance })
            if Some(distance) == found.trigger.first_distance() =>
        {
            let name = name.clone();
            td!(
                locale,
                child.step.does_not_apply,
                name = move || name.clone()
            )
            .into_any()
        }
        Some(StepState::NotYet { distance }) => {
            let name = name.clone();
            td!(
                locale,
                child.step.not_yet,
                name = move || name.clone(),
                distance = move || describe(locale, distance)
            )
            .into_any()
        }
        _ => td!(locale, child.step.every_report).into_any(),
    };
    let contact = contacts
        .contacts
        .iter()
        .find(|c| c.role == found.role)
        .cloned();
    let school_text = |text: String| view! { <p lang=lang>{text}</p> };
    let only_dutch = move || dutch_instead.then(|| view! { <OnlyDutch locale /> });
    view! {
        <div id=EXPLAINED>
            <h1 lang=lang>{texts.title}</h1>
            {only_dutch()}
            <ReadAloud target=EXPLAINED.to_owned() />
            <p class="lead">{state}</p>
            {school_text(texts.summary)}
            <h2>{td_string!(locale, child.step.what_happens)}</h2>
            {school_text(texts.what_happens)}
            <h2>{td_string!(locale, child.step.why)}</h2>
            {school_text(texts.why)}
            <h2>{td_string!(locale, child.step.what_you_can_do)}</h2>
            {school_text(texts.what_you_can_do)}
            <h2>{td_string!(locale, child.step.who_is_involved)}</h2>
            {school_text(texts.who_is_involved)}
            {found.involves_conversation.then(|| view! {
                <p class="notice">{td_string!(locale, child.step.child_welcome)}</p>
            })}
        </div>
        {found.involves_conversation.then(|| {
            let with = ConversationWith::for_step_role(found.role);
            let ask = format!(
                "/gesprek-aanvragen?kind={id}&met={}&over={}",
                with.as_str(),
                ConversationTopic::Absence.as_str()
            );
            view! {
                <p>
                    <A href=ask attr:class="button">{td_string!(locale, child.step.ask_conversation)}</A>
                </p>
            }
        })}
        <h2>{td_string!(locale, child.step.whom_to_call)}</h2>
        {match contact {
            Some(contact) => view! { <ContactCard contact /> }.into_any(),
            None => view! {
                <p>{td!(locale, child.step.ask_school_who, role = move || labels::role(found.role))}</p>
            }
            .into_any(),
        }}
        <p><A href=format!("/kinderen/{id}/contact")>{td_string!(locale, child.step.all_contacts)}</A></p>
        <p><A href=back>{td!(locale, child.step.back_to, name = move || name.clone())}</A></p>
    }
    .into_any()
}

/// The id of the part that "Lees voor" reads.
const EXPLAINED: &str = "uitleg";
