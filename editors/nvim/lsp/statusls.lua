-- statusls for Neovim 0.11+: with this directory on 'runtimepath',
-- vim.lsp.enable('statusls') starts the server for the filetypes below.
-- The file stands alone (copy it to ~/.config/nvim/lsp/ if you prefer), and
-- require('statusls').setup{} reads it too, so the list is kept once.
return {
  cmd = { 'statusls', 'serve', '--stdio' },
  -- Neovim's own filetype names; the server also looks at the file name and
  -- content, so a plain 'conf' file that is an nginx config is recognised too.
  filetypes = {
    'nginx', 'apache', 'haproxy', 'caddyfile', 'yaml', 'json', 'jsonc', 'http',
    'go', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
    'python', 'java', 'kotlin', 'cs', 'rust', 'php', 'ruby', 'lua',
  },
  root_markers = { '.git', 'go.mod', 'package.json', 'pyproject.toml', 'Cargo.toml', 'nginx.conf' },
  -- Answers to the server's workspace/configuration request for "statusls".
  -- Left out, vendorCodes, rules and constants follow the project's
  -- .statusls.toml; rules = { SL005 = 'off' } would override it.
  settings = {
    statusls = {
      locale = '', -- '' follows the editor's language; 'en' or 'vi'
      diagnostics = true,
      inlayHints = { enabled = true, literals = true, constants = false },
    },
  },
  -- vim.lsp.enable does not turn inlay hints on by itself.
  on_attach = function(_, bufnr)
    if vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable then
      vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
    end
  end,
}
