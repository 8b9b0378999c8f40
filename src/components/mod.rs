//! Pieces shared by the pages: the layout, the log-in guard, the loading and
//! error notices, and the problems shown next to form fields.

pub mod contact_card;
pub mod feedback;
pub mod field_problems;
pub mod layout;
pub mod next_steps;
pub mod require_login;
