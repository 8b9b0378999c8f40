//! How the caller stands to a child's record at a school, and the one rule
//! for refusing: `403` for those who know the child or work at the school,
//! `404` for everyone else (we do not say the record exists).

use shared::{words, DeskAction, StaffRoleKind, Words};

use crate::error::Error;
use crate::store::Store;

/// The caller's link to a record: whether they see it as a guardian, and
/// their roles at the child's school.
pub struct Standing {
    pub guardian: bool,
    pub roles: Vec<StaffRoleKind>,
}

impl Standing {
    /// Whether one of the caller's roles at the school passes `test`.
    pub fn has_role(&self, test: impl Fn(StaffRoleKind) -> bool) -> bool {
        self.roles.iter().copied().any(test)
    }

    /// The caller at a school, for what is about the school rather than one
    /// child: staff there, or nobody (a parent of a pupil gets `404` too:
    /// the school's lists are no business of theirs).
    pub async fn at_school(store: &Store, user_id: &str, school_id: &str) -> Result<Self, Error> {
        let roles = store.staff_roles_at(user_id, school_id).await?;
        Ok(Self {
            guardian: false,
            roles,
        })
    }

    /// One of the caller's roles may do `action`; or else `403` or `404`
    /// (see [`Standing::require`]).
    pub fn require_desk(&self, action: DeskAction) -> Result<(), Error> {
        self.require(self.has_role(|r| action.allowed(r)), action.refusal())
    }

    /// `allowed`, or else `403` (with `message`) for a guardian or a staff
    /// member of the school, and `404` for anyone else.
    pub fn require(&self, allowed: bool, message: Words) -> Result<(), Error> {
        if allowed {
            Ok(())
        } else if self.guardian || !self.roles.is_empty() {
            Err(Error::Forbidden {
                field: None,
                message,
            })
        } else {
            Err(Error::NotFound)
        }
    }
}

/// For a `403` to staff: this is for the parents.
pub fn only_parents() -> Words {
    words!(
        nl: "Dit doen de ouders.",
        en: "The parents do this.",
        ar: "هذا يقوم به الوالدان.",
        tr: "Bunu veliler yapar.",
        pl: "To robią rodzice.",
        uk: "Це роблять батьки.",
    )
}

/// For a `403` to a parent: this is for the school.
pub fn only_school() -> Words {
    words!(
        nl: "Dit doet de school.",
        en: "The school does this.",
        ar: "هذا تقوم به المدرسة.",
        tr: "Bunu okul yapar.",
        pl: "To robi szkoła.",
        uk: "Це робить школа.",
    )
}
