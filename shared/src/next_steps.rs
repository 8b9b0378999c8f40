//! What a parent sees of the school's protocol for one child: the steps, with
//! where the child stands on them (`GET /api/children/{id}/protocol`).

use serde::{Deserialize, Serialize};

use crate::protocol::{Position, Protocol};

/// The school's protocol and the child's position on it, worked out by the
/// server with [`crate::protocol::evaluate`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildProtocol {
    pub first_name: String,
    pub school_name: String,
    pub protocol: Protocol,
    pub position: Position,
}

/// Said with every step that is a conversation: parents asked for this.
pub const CHILD_WELCOME: &str =
    "Uw kind is welkom bij elk gesprek. Samen praten helpt vaak het meest. U mag ook iemand meenemen die u vertrouwt.";
