//! `/school/medewerkers`: the school admin sees the school's staff, adds a
//! staff member (who gets an activation code, shown once) and changes
//! someone's roles and, for a teacher, the groups they teach. One form is
//! open at a time.

use chrono::NaiveDate;
use leptos::either::Either;
use leptos::prelude::*;
use shared::account::MAX_EMAIL_CHARS;
use shared::onboarding::MAX_NAME_CHARS;
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
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::school::activation_codes::activation_address;
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

/// A role in the chosen language.
fn role_label(role: StaffRoleKind) -> &'static str {
    let i18n = use_i18n();
    match role {
        StaffRoleKind::AttendanceDesk => t_string!(i18n, admin.staff.role.attendance_desk),
        StaffRoleKind::Teacher => t_string!(i18n, admin.staff.role.teacher),
        StaffRoleKind::CareCoordinator => t_string!(i18n, admin.staff.role.care_coordinator),
        StaffRoleKind::Director => t_string!(i18n, admin.staff.role.director),
        StaffRoleKind::SchoolAdmin => t_string!(i18n, admin.staff.role.school_admin),
    }
}

/// What someone with the role does in the app.
fn role_hint(role: StaffRoleKind) -> &'static str {
    let i18n = use_i18n();
    match role {
        StaffRoleKind::AttendanceDesk => t_string!(i18n, admin.staff.role_hint.attendance_desk),
        StaffRoleKind::Teacher => t_string!(i18n, admin.staff.role_hint.teacher),
        StaffRoleKind::CareCoordinator => {
            t_string!(i18n, admin.staff.role_hint.care_coordinator)
        }
        StaffRoleKind::Director => t_string!(i18n, admin.staff.role_hint.director),
        StaffRoleKind::SchoolAdmin => t_string!(i18n, admin.staff.role_hint.school_admin),
    }
}

/// Names as one phrase in the chosen language: "A, B en C".
pub fn and_list(mut items: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let last = items.pop().unwrap_or_default();
    if items.is_empty() {
        Either::Left(last)
    } else {
        let items = items.join(", ");
        Either::Right(t!(i18n, admin.list_and, items, last))
    }
}

/// The school's groups, for the groups a teacher teaches.
type Groups = LocalResource<Result<Vec<SchoolGroup>, ApiError>>;

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
    let i18n = use_i18n();
    school_page(
        t_string!(i18n, admin.staff.title),
        DeskAction::ManageSchool,
        |school| view! { <Staff school /> }.into_any(),
    )
}

#[component]
fn Staff(school: School) -> impl IntoView {
    let i18n = use_i18n();
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
        <p>{t!(i18n, admin.staff.intro)}</p>
        {move || match open.get() {
            Some(Open::Add) => view! {
                <section class="card" aria-labelledby="toevoegen">
                    <h2 id="toevoegen">{t!(i18n, admin.staff.add)}</h2>
                    <AddForm school_id=school_id.get_value() groups open on_added />
                </section>
            }
            .into_any(),
            _ => view! {
                <p>
                    <button type="button" class="button button--primary" on:click=start_adding>
                        {t!(i18n, admin.staff.add)}
                    </button>
                </p>
            }
            .into_any(),
        }}
        {move || added.get().map(|account| view! { <Added account /> })}
        <h2 id="medewerkers">{t!(i18n, admin.staff.list_heading)}</h2>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let members = list.await;
                // Without the groups the list still shows, without them.
                let known = groups.await.unwrap_or_default();
                match members {
                    Ok(members) => view! {
                        <ul class="report-list" aria-labelledby="medewerkers">
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
    let i18n = use_i18n();
    let name = account.member.name;
    let bold = |children: ChildrenFn| view! { <strong>{children()}</strong> };
    view! {
        <section class="card status status--granted" aria-labelledby="toegevoegd">
            <h2 id="toegevoegd" tabindex="-1">{t!(i18n, admin.staff.added_heading, name = name.clone())}</h2>
            {match account.activation {
                Some(code) => {
                    let until = dates::day(
                        code.expires_at.with_timezone(&chrono::Local).date_naive(),
                        dates::today(),
                    );
                    view! {
                        <p>{t!(i18n, admin.staff.give_code, name = name.clone(), address = move || view! { <bdi>{activation_address()}</bdi> })}</p>
                        <p class="code">{code.code}</p>
                        <p>{t!(i18n, admin.staff.code_once, until, <b> = bold)}</p>
                    }
                    .into_any()
                }
                None => view! {
                    <p>{t!(i18n, admin.staff.had_account, name = name.clone())}</p>
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
    let i18n = use_i18n();
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
            dates::today(),
            move |request| async move { api::add_staff(&school_id.get_value(), &request).await },
            move |account| on_added.run(account),
        );
    };

    view! {
        <form class="form" on:submit=on_submit novalidate>
            <ProblemSummary problems fields=FIELDS general=sender.general />
            <div class="field">
                <label for="name">{t!(i18n, admin.staff.name)}</label>
                <FieldProblem field="name" problems />
                <input
                    type="text"
                    id="name"
                    name="name"
                    autocomplete="off"
                    maxlength=MAX_NAME_CHARS
                    aria-invalid=move || problems.invalid("name")
                    aria-describedby=move || problems.described_by("name", "")
                    bind:value=name
                    on:input=move |_| problems.clear(&["name"])
                />
            </div>
            <div class="field">
                <label for="email">{t!(i18n, admin.staff.email)}</label>
                <FieldProblem field="email" problems />
                <input
                    type="email"
                    id="email"
                    name="email"
                    autocomplete="off"
                    maxlength=MAX_EMAIL_CHARS
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
                    {move || if sender.sending.get() {
                        t_string!(i18n, admin.staff.adding)
                    } else {
                        t_string!(i18n, admin.staff.add_button)
                    }}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| open.set(None)>
                    {t!(i18n, admin.staff.cancel)}
                </button>
            </div>
        </form>
    }
}

/// "Rollen": a box per role, with what it does.
#[component]
fn RoleChoice(roles: RwSignal<Vec<StaffRoleKind>>, problems: FieldProblems) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ChoiceGroup
            legend=t_string!(i18n, admin.staff.roles_legend)
            hint=t_string!(i18n, admin.staff.roles_hint)
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
    let i18n = use_i18n();
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
                    <GroupsChoice groups hint=t_string!(i18n, admin.staff.groups_hint) chosen=taught problems />
                }
                .into_any(),
                Some(Err(_)) => view! {
                    <p class="notice notice--error">{t!(i18n, admin.staff.groups_failed)}</p>
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
    let i18n = use_i18n();
    let member_roles = member.roles.clone();
    // "Verzuimbalie en directeur": only the first keeps its capital.
    let roles_text = move || {
        and_list(
            member_roles
                .iter()
                .enumerate()
                .map(|(i, r)| match i {
                    0 => role_label(*r).to_owned(),
                    _ => role_label(*r).to_lowercase(),
                })
                .collect(),
        )
    };
    let groups_text = group_names.join(", ");
    let name = member.name.clone();

    view! {
        <li class="card">
            <p class="report-list__kind">{member.name.clone()}</p>
            <p>{member.email.clone()}</p>
            <p>{t!(i18n, admin.staff.roles_list, roles = roles_text)}</p>
            {(!group_names.is_empty()).then(|| view! {
                <p>{t!(i18n, admin.staff.groups_list, groups = groups_text)}</p>
            })}
            {(!member.activated).then(|| view! {
                <p class="card__meta">{t!(i18n, admin.staff.no_password)}</p>
            })}
            <Show
                when=move || is_open.get()
                fallback=move || {
                    let mine = mine.clone();
                    let name = name.clone();
                    view! {
                        <p>
                            <button type="button" class="button" on:click=move |_| {
                                open.set(Some(mine.clone()));
                                request_animation_frame(|| focus("roles-0"));
                            }>
                                {t!(
                                    i18n,
                                    admin.staff.change_roles,
                                    name,
                                    <hidden> = |children: ChildrenFn| view! {
                                        <span class="visually-hidden">{children()}</span>
                                    }
                                )}
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
    let i18n = use_i18n();
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
            dates::today(),
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
            <p class="hint">{t!(i18n, admin.staff.no_longer)}</p>
            <TeacherGroups roles groups taught problems=sender.problems />
            <div class="card__buttons">
                <button type="submit" class="button button--primary" disabled=move || sender.sending.get()>
                    {move || if sender.sending.get() {
                        t_string!(i18n, admin.staff.saving)
                    } else {
                        t_string!(i18n, admin.staff.save_roles)
                    }}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| open.set(None)>
                    {t!(i18n, admin.staff.cancel)}
                </button>
            </div>
        </form>
    }
}
