//! Pieces shared by the pages: the layout, the log-in guard, the loading and
//! error notices, the problems shown next to form fields, the fields the
//! forms share (the times of a conversation among them), the frame of a page about one child, and the pieces of a
//! conversation both the parents' and the school's pages show, and the
//! reports kept on the phone until they are sent.

pub mod child_page;
pub mod contact_card;
pub mod conversation;
pub mod feedback;
pub mod field_problems;
pub mod form_fields;
pub mod language_choice;
pub mod layout;
pub mod next_steps;
pub mod read_aloud;
pub mod require_login;
pub mod seen_by_school;
pub mod sending_form;
pub mod time_rows;
pub mod unexplained;
pub mod waiting_reports;
