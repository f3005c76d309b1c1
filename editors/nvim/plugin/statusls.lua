-- User commands, defined whether statusls was started by setup{} or by
-- vim.lsp.enable('statusls'). The work is done in lua/statusls.
if vim.g.loaded_statusls then
  return
end
vim.g.loaded_statusls = true

vim.api.nvim_create_user_command('StatuslsExplain', function(o)
  require('statusls').show('statusls.explain', o.fargs)
end, { nargs = '?', desc = 'statusls: explain a status code (default: the one under the cursor)' })

vim.api.nvim_create_user_command('StatuslsCompare', function(o)
  require('statusls').show('statusls.compare', o.fargs)
end, { nargs = '+', desc = 'statusls: compare two status codes' })
