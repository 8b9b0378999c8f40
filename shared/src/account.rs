//! Logging in, and who the logged-in person is.

use serde::{Deserialize, Serialize};

/// `POST /api/session`
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `GET /api/me` (and the answer to a log-in): the person and what they may see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    pub email: String,
    /// The children this person is a guardian of; empty for staff only.
    pub children: Vec<Child>,
    /// The schools this person works at, with their role there.
    pub staff_roles: Vec<StaffRole>,
}

/// A child as their guardian sees it (`GET /api/children`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    /// The group or class, e.g. "Groep 5" or "2B".
    pub group_name: String,
    pub school_name: String,
}

/// A staff member's role at one school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRole {
    pub school_id: String,
    pub school_name: String,
    pub role: StaffRoleKind,
}

/// What a staff member does at a school; decides what they may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRoleKind {
    AttendanceDesk,
    Teacher,
    CareCoordinator,
    Director,
    SchoolAdmin,
}

impl StaffRoleKind {
    pub const ALL: [StaffRoleKind; 5] = [
        Self::AttendanceDesk,
        Self::Teacher,
        Self::CareCoordinator,
        Self::Director,
        Self::SchoolAdmin,
    ];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AttendanceDesk => "attendance_desk",
            Self::Teacher => "teacher",
            Self::CareCoordinator => "care_coordinator",
            Self::Director => "director",
            Self::SchoolAdmin => "school_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}
