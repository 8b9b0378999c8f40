//! The frame of a page about one of the parent's children
//! (`/kinderen/:id`, `/kinderen/:id/verlof`): load the child's list, find
//! the child's name, and say "not found" the same way for a child that is
//! not theirs.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::ApiError;

use crate::app::Auth;
use crate::components::feedback::{ChildPageProblem, Loading};

/// Loads the list with `load(child id)` and shows `show(child id, first
/// name, items)`. The name comes from the account, else from the first item
/// (`name_of`). Another parent's child, or no child at all, is "Kind niet
/// gevonden"; any other failure is shown under `title`.
pub fn child_page<T, Fut, V>(
    title: impl Into<TextProp>,
    load: impl Fn(String) -> Fut + 'static,
    name_of: fn(&T) -> String,
    show: fn(String, String, Vec<T>) -> V,
) -> impl IntoView
where
    T: Clone + 'static,
    Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
    V: IntoView + 'static,
{
    let title = title.into();
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let items = LocalResource::new(move || load(id()));

    view! {
        <Transition fallback=Loading>
            {move || {
                let title = title.clone();
                Suspend::new(async move {
                let result = items.await;
                let id = id();
                let name = auth
                    .child(&id)
                    .map(|c| c.first_name)
                    .or_else(|| result.as_ref().ok()?.first().map(name_of));
                match (result, name) {
                    (Ok(items), Some(name)) => show(id, name, items).into_any(),
                    (result, _) => {
                        view! { <ChildPageProblem error=result.err() title /> }.into_any()
                    }
                }
            })
            }}
        </Transition>
    }
}
