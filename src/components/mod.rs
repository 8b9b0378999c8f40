//! Pieces shared by the pages: the layout, the log-in guard, and the
//! loading and error notices.

pub mod feedback;
pub mod layout;
pub mod require_login;
