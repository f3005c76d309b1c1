-- The user commands, for those who start statusls with
-- vim.lsp.enable('statusls') rather than require('statusls').setup{}.
if vim.g.loaded_statusls then
  return
end
vim.g.loaded_statusls = true
require('statusls').create_commands()
