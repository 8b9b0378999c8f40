//! `/school/medewerkers`: the school admin sees the school's staff, adds a
//! staff member (who gets an activation code, shown once) and changes
//! someone's roles and, for a teacher, the groups they teach. One form is
//! open at a time.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::{
    ApiError, DeskAction, FieldError, NewStaffMember, SchoolGroup, StaffAccount, StaffMember,
    StaffRoleKind, StaffRolesChange,
};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::field_problems::{
    focus, FieldProblem, FieldProblems, ProblemSummary, Problems,
};
use crate::components::form_fields::{ChoiceGroup, GroupsChoice};
use crate::components::sending_form::{FormRequest, SendingForm};
use crate::dutch;
use crate::pages::school::{groups_of, school_page};

impl FormRequest for NewStaffMember {
    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate()
    }
}

impl FormRequest for StaffRolesChange {
    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate()
    }
}

/// A role in plain Dutch.
fn role_label(role: StaffRoleKind) -> &'static str {
    match role {
        StaffRoleKind::AttendanceDesk => "Verzuimbalie",
        StaffRoleKind::Teacher => "Leerkracht of mentor",
        StaffRoleKind::CareCoordinator => "Intern begeleider of zorgcoördinator",
        StaffRoleKind::Director => "Directeur",
        StaffRoleKind::SchoolAdmin => "Beheerder van de school",
    }
}

/// What someone with the role does in the app.
fn role_hint(role: StaffRoleKind) -> &'static str {
    match role {
        StaffRoleKind::AttendanceDesk => "Ziet de meldingen en handelt ze af.",
        StaffRoleKind::Teacher => {
            "Beantwoordt vragen van ouders om een gesprek met de leerkracht of mentor."
        }
        StaffRoleKind::CareCoordinator => "Beantwoordt vragen om een gesprek over zorg.",
        StaffRoleKind::Director => "Beslist over verlof.",
        StaffRoleKind::SchoolAdmin => {
            "Leest leerlingen in, maakt activeringscodes en beheert de medewerkers."
        }
    }
}

/// The school's groups, for the groups a teacher teaches.
type Groups = LocalResource<Result<Vec<SchoolGroup>, ApiError>>;

/// Under "Groepen of klassen".
const GROUPS_HINT: &str = "Kiest de school in Instellingen dat leerkrachten alleen hun eigen \
                           groepen zien? Dan ziet deze leerkracht alleen de meldingen, \
                           leerlingen en gesprekken van deze groepen.";

/// Moves focus to a field of the staff forms, by its name in the request.
fn focus_field(field: &str) {
    match field {
        "roles" => focus("roles-0"),
        "groups" => focus("groups-0"),
        field => focus(field),
    }
}

/// The form that is open: adding someone, or someone's roles (by user id).
#[derive(Clone, PartialEq)]
enum Open {
    Add,
    Roles(String),
}

/// The page.
#[component]
pub fn StaffPage() -> impl IntoView {
    school_page("Medewerkers", DeskAction::ManageSchool, |school| {
        view! { <Staff school /> }.into_any()
    })
}

#[component]
fn Staff(school: School) -> impl IntoView {
    let school_id = StoredValue::new(school.id);
    let open = RwSignal::new(None::<Open>);
    let added = RwSignal::new(None::<StaffAccount>);
    let list = LocalResource::new(move || async move { api::staff(&school_id.get_value()).await });
    let groups: Groups = groups_of(school_id.get_value());

    let start_adding = move |_| {
        added.set(None);
        open.set(Some(Open::Add));
        request_animation_frame(|| focus("name"));
    };
    let on_added = Callback::new(move |account: StaffAccount| {
        open.set(None);
        added.set(Some(account));
        list.refetch();
        request_animation_frame(|| focus("toegevoegd"));
    });

    view! {
        <p>
            "Wie van de school werkt met Verzuimwijzer, en wat mag iemand doen? Een nieuwe medewerker krijgt een activeringscode om zelf een wachtwoord te kiezen."
        </p>
        {move || match open.get() {
            Some(Open::Add) => view! {
                <section class="card" aria-labelledby="toevoegen">
                    <h2 id="toevoegen">"Medewerker toevoegen"</h2>
                    <AddForm school_id=school_id.get_value() groups open on_added />
                </section>
            }
            .into_any(),
            _ => view! {
                <p>
                    <button type="button" class="button button--primary" on:click=start_adding>
                        "Medewerker toevoegen"
                    </button>
                </p>
            }
            .into_any(),
        }}
        {move || added.get().map(|account| view! { <Added account /> })}
        <h2>"Medewerkers"</h2>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let members = list.await;
                // Without the groups the list still shows, without them.
                let known = groups.await.unwrap_or_default();
                match members {
                    Ok(members) => view! {
                        <ul class="report-list" aria-label="Medewerkers">
                            {members
                                .into_iter()
                                .map(|member| {
                                    let group_names = names_of(&member.groups, &known);
                                    view! {
                                        <Member member group_names school_id=school_id.get_value() groups open on_changed=Callback::new(move |()| list.refetch()) />
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The names of the groups with these ids, in the school's order.
fn names_of(ids: &[String], groups: &[SchoolGroup]) -> Vec<String> {
    groups
        .iter()
        .filter(|g| ids.contains(&g.id))
        .map(|g| g.name.clone())
        .collect()
}

/// The new staff member, with their code shown this once.
#[component]
fn Added(account: StaffAccount) -> impl IntoView {
    let name = account.member.name;
    view! {
        <section class="card status status--granted" aria-labelledby="toegevoegd">
            <h2 id="toegevoegd" tabindex="-1">{format!("{name} is toegevoegd")}</h2>
            {match account.activation {
                Some(code) => view! {
                    <p>
                        {format!("Geef {name} deze activeringscode. Daarmee kiest {name} op ")}
                        <strong>"/activeren"</strong>
                        " zelf een wachtwoord."
                    </p>
                    <p class="code">{code.code}</p>
                    <p>
                        <strong>"U ziet deze code maar één keer."</strong>
                        {format!(" Hij werkt tot {}, en één keer.", dutch::day(code.expires_at.with_timezone(&chrono::Local).date_naive(), dutch::today()))}
                    </p>
                }
                .into_any(),
                None => view! {
                    <p>
                        {format!("{name} had al een account. De rollen zijn erbij gekomen. {name} logt in met het eigen wachtwoord.")}
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// Name, e-mail address, roles and, for a teacher, groups.
#[component]
fn AddForm(
    school_id: String,
    groups: Groups,
    open: RwSignal<Option<Open>>,
    on_added: Callback<StaffAccount>,
) -> impl IntoView {
    const FIELDS: &[&str] = &["name", "email", "roles", "groups"];
    let sender = SendingForm::new(FIELDS, focus_field);
    let problems = sender.problems;
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<StaffRoleKind>::new());
    let taught = RwSignal::new(Vec::<String>::new());
    let school_id = StoredValue::new(school_id);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = NewStaffMember {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            roles: roles.get_untracked(),
            groups: if teaches(roles) {
                taught.get_untracked()
            } else {
                Vec::new()
            },
        };
        sender.submit(
            request,
            Problems::new(),
            dutch::today(),
            move |request| async move { api::add_staff(&school_id.get_value(), &request).await },
            move |account| on_added.run(account),
        );
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <div class="field">
                <label for="name">"Naam"</label>
                <FieldProblem field="name" problems />
                <input
                    type="text"
                    id="name"
                    name="name"
                    autocomplete="off"
                    aria-invalid=move || problems.invalid("name")
                    aria-describedby=move || problems.described_by("name", "")
                    bind:value=name
                    on:input=move |_| problems.clear(&["name"])
                />
            </div>
            <div class="field">
                <label for="email">"E-mailadres"</label>
                <FieldProblem field="email" problems />
                <input
                    type="email"
                    id="email"
                    name="email"
                    autocomplete="off"
                    inputmode="email"
                    spellcheck="false"
                    autocapitalize="none"
                    aria-invalid=move || problems.invalid("email")
                    aria-describedby=move || problems.described_by("email", "")
                    bind:value=email
                    on:input=move |_| problems.clear(&["email"])
                />
            </div>
            <RoleChoice roles problems=sender.problems />
            <TeacherGroups roles groups taught problems=sender.problems />
            <div class="card__buttons">
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {move || if sender.sending.get() { "Bezig met toevoegen…" } else { "Toevoegen" }}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| open.set(None)>
                    "Annuleren"
                </button>
            </div>
        </form>
    }
}

/// "Rollen": a box per role, with what it does.
#[component]
fn RoleChoice(
    roles: RwSignal<Vec<StaffRoleKind>>,
    problems: crate::components::field_problems::FieldProblems,
) -> impl IntoView {
    view! {
        <ChoiceGroup
            legend="Rollen"
            hint="Kies wat deze persoon in de app doet. Meer dan één mag."
            field="roles"
            values=&StaffRoleKind::ALL
            name_of=StaffRoleKind::as_str
            label_of=role_label
            hint_of=role_hint
            multiple=true
            chosen=roles
            problems
        />
    }
}

/// Whether the teacher role is ticked (untracked: when sending).
fn teaches(roles: RwSignal<Vec<StaffRoleKind>>) -> bool {
    roles.with_untracked(|r| r.contains(&StaffRoleKind::Teacher))
}

/// "Groepen of klassen": the groups a teacher teaches, shown while the
/// teacher role is ticked.
#[component]
fn TeacherGroups(
    roles: RwSignal<Vec<StaffRoleKind>>,
    groups: Groups,
    taught: RwSignal<Vec<String>>,
    problems: FieldProblems,
) -> impl IntoView {
    let teacher = move || roles.with(|r| r.contains(&StaffRoleKind::Teacher));
    // Not a teacher: no groups are sent, so no problem with them either.
    Effect::new(move || {
        if !teacher() {
            problems.clear(&["groups"]);
        }
    });
    view! {
        <Show when=teacher>
            {move || match groups.get() {
                Some(Ok(groups)) => view! {
                    <GroupsChoice groups hint=GROUPS_HINT chosen=taught problems />
                }
                .into_any(),
                Some(Err(_)) => view! {
                    <p class="notice notice--error">
                        "We konden de groepen en klassen nu niet ophalen. Kies ze later met “Rollen wijzigen”."
                    </p>
                }
                .into_any(),
                None => view! { <Loading /> }.into_any(),
            }}
        </Show>
    }
}

/// One staff member, with "Rollen wijzigen".
#[component]
fn Member(
    member: StaffMember,
    /// The names of the groups they teach.
    group_names: Vec<String>,
    school_id: String,
    groups: Groups,
    open: RwSignal<Option<Open>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let mine = Open::Roles(member.user_id.clone());
    let is_open = {
        let mine = mine.clone();
        Memo::new(move |_| open.with(|o| o.as_ref() == Some(&mine)))
    };
    let roles_text = dutch::list(
        &member
            .roles
            .iter()
            .map(|r| role_label(*r))
            .collect::<Vec<_>>(),
    );
    let button_name = format!(" van {}", member.name);

    view! {
        <li class="card">
            <p class="report-list__kind">{member.name.clone()}</p>
            <p>{member.email.clone()}</p>
            <p>"Rollen: " {roles_text}</p>
            {(!group_names.is_empty()).then(|| view! { <p>"Groepen: " {group_names.join(", ")}</p> })}
            {(!member.activated).then(|| view! { <p class="card__meta">"Heeft nog geen wachtwoord gekozen."</p> })}
            <Show
                when=move || is_open.get()
                fallback=move || {
                    let mine = mine.clone();
                    let button_name = button_name.clone();
                    view! {
                        <p>
                            <button type="button" class="button" on:click=move |_| {
                                open.set(Some(mine.clone()));
                                request_animation_frame(|| focus("roles-0"));
                            }>
                                "Rollen wijzigen"
                                <span class="visually-hidden">{button_name}</span>
                            </button>
                        </p>
                    }
                }
            >
                <RolesForm member=member.clone() school_id=school_id.clone() groups open on_changed />
            </Show>
        </li>
    }
}

/// Someone's roles (and, for a teacher, groups) from now on; no roles:
/// they no longer work here in the app.
#[component]
fn RolesForm(
    member: StaffMember,
    school_id: String,
    groups: Groups,
    open: RwSignal<Option<Open>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    const FIELDS: &[&str] = &["roles", "groups"];
    let sender = SendingForm::new(FIELDS, focus_field);
    let roles = RwSignal::new(member.roles.clone());
    let taught = RwSignal::new(member.groups.clone());
    let ids = StoredValue::new((school_id, member.user_id));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Unknown until the groups are loaded: then they stay as they were.
        let loaded = groups.with_untracked(|g| matches!(g, Some(Ok(_))));
        let request = StaffRolesChange {
            roles: roles.get_untracked(),
            groups: loaded.then(|| {
                if teaches(roles) {
                    taught.get_untracked()
                } else {
                    Vec::new()
                }
            }),
        };
        sender.submit(
            request,
            Problems::new(),
            dutch::today(),
            move |request| async move {
                let (school_id, user_id) = ids.get_value();
                api::change_staff_roles(&school_id, &user_id, &request).await
            },
            move |_| {
                open.set(None);
                on_changed.run(());
            },
        );
    };

    view! {
        <form class="form panel" on:submit=on_submit novalidate>
            <ProblemSummary problems=sender.problems fields=FIELDS general=sender.general />
            <RoleChoice roles problems=sender.problems />
            <p class="hint">"Werkt deze persoon niet meer op school? Zet dan alle vinkjes uit."</p>
            <TeacherGroups roles groups taught problems=sender.problems />
            <div class="card__buttons">
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {move || if sender.sending.get() { "Bezig met opslaan…" } else { "Rollen opslaan" }}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| open.set(None)>
                    "Annuleren"
                </button>
            </div>
        </form>
    }
}
