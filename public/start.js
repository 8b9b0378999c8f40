// Starts the app. Trunk would write this as an inline script in index.html,
// which the Content-Security-Policy (script-src 'self', nothing inline)
// blocks; Trunk.toml's pattern_script loads this file instead and names
// the build's hashed files in data-js and data-wasm.
const tag = document.querySelector("script[data-wasm]");
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
