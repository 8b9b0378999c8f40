//! How the caller stands to a child's record at a school, and the one rule
//! for refusing: `403` for those who know the child or work at the school,
//! `404` for everyone else (we do not say the record exists).

use shared::StaffRoleKind;

use crate::error::Error;

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

    /// `allowed`, or else `403` (with `message`) for a guardian or a staff
    /// member of the school, and `404` for anyone else.
    pub fn require(&self, allowed: bool, message: &'static str) -> Result<(), Error> {
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
