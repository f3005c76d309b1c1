//! statusls for Zed. Zed starts language servers only through extensions,
//! so this one does no more than find the binary and pass the user's
//! settings (`lsp.statusls.settings`) to the server.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result, Worktree};

struct Statusls;

impl zed::Extension for Statusls {
    fn new() -> Self {
        Statusls
    }

    /// `lsp.statusls.binary.path` when set, else `statusls` on the
    /// worktree's PATH (as the user's shell sets it).
    fn language_server_command(&mut self, id: &LanguageServerId, worktree: &Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.binary);
        let command = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which("statusls"))
            .ok_or_else(|| {
                "statusls is not on PATH: install it with `go install github.com/statusls/statusls@latest`, \
                 or set lsp.statusls.binary.path in Zed's settings"
                    .to_string()
            })?;
        let args = binary
            .and_then(|b| b.arguments)
            .unwrap_or_else(|| vec!["serve".to_string(), "--stdio".to_string()]);
        Ok(zed::Command { command, args, env: worktree.shell_env() })
    }

    /// Zed answers workspace/configuration by looking the requested section
    /// up in this value, so the settings go under "statusls".
    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "statusls": settings })))
    }
}

zed::register_extension!(Statusls);
