-- statusls for Neovim 0.7 to 0.10, where vim.lsp.enable does not exist:
-- require('statusls').setup{} starts the server for the filetypes of
-- lsp/statusls.lua. On 0.11+ setup{} hands the same config to vim.lsp.config,
-- so one setup call works everywhere. setup{} also defines the
-- :StatuslsExplain and :StatuslsCompare commands, which plugin/statusls.lua
-- defines for those who only call vim.lsp.enable.
local M = {}

-- The 0.11 config file is the single description of the server; it is read
-- from 'runtimepath' rather than required, since lsp/ is no Lua module dir.
local function base_config()
  local file = vim.api.nvim_get_runtime_file('lsp/statusls.lua', false)[1]
  if not file then
    error('statusls: lsp/statusls.lua is not on runtimepath; add the editors/nvim directory of statusls to it')
  end
  return dofile(file)
end

-- Walks up from dir to the first directory holding one of the markers. It is
-- written out because vim.fs.find arrived only in 0.8, and 0.7 must work.
local function find_root(dir, markers)
  local uv = vim.loop
  while dir and dir ~= '' do
    for _, m in ipairs(markers) do
      if uv.fs_stat(dir .. '/' .. m) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  return nil
end

--- The effective config: lsp/statusls.lua with opts merged over it. Lists
--- given in opts (cmd, filetypes, root_markers) replace the defaults whole:
--- tbl_deep_extend would merge them index by index.
function M.config(opts)
  opts = opts or {}
  local cfg = vim.tbl_deep_extend('force', base_config(), opts)
  for _, k in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts[k] then
      cfg[k] = opts[k]
    end
  end
  return cfg
end

-- The clients of 0.7, which has no vim.lsp.start to reuse them: one per root.
local started = {}

-- Starts (or reuses) the client for one buffer.
local function attach(cfg, bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local root = find_root(dir, cfg.root_markers) or dir
  local c = vim.tbl_extend('force', cfg, { name = 'statusls', root_dir = root })
  c.root_markers, c.filetypes = nil, nil
  if vim.lsp.start then
    return vim.lsp.start(c, { bufnr = bufnr })
  end
  c.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
  local id = started[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(c)
    started[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Starts statusls for the configured filetypes. opts are merged over
--- lsp/statusls.lua: { cmd = {...}, settings = { statusls = {...} }, ... }.
function M.setup(opts)
  local cfg = M.config(opts)
  -- Plugin managers that add editors/nvim to 'runtimepath' late (lazy.nvim
  -- with a subdirectory) never source plugin/statusls.lua.
  M.create_commands()
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('statusls', cfg)
    vim.lsp.enable('statusls')
    return
  end
  local group = vim.api.nvim_create_augroup('statusls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args)
      attach(cfg, args.buf)
    end,
  })
  -- Buffers opened before setup ran.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(cfg.filetypes, vim.bo[b].filetype) then
      attach(cfg, b)
    end
  end
end

-- The running statusls client, preferring one attached to the current buffer.
local function client()
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = 'statusls' }) or vim.lsp.get_active_clients()
  local any
  for _, c in ipairs(all) do
    if c.name == 'statusls' then
      if vim.lsp.buf_is_attached(0, c.id) then
        return c
      end
      any = any or c
    end
  end
  return any
end

-- Codes from command arguments, or the number under the cursor.
local function codes(args, want)
  local out = {}
  for _, a in ipairs(args) do
    out[#out + 1] = tonumber(a) or a
  end
  if #out == 0 and want == 1 then
    local word = vim.fn.expand('<cword>'):match('%d%d%d')
    out[1] = tonumber(word)
  end
  if #out ~= want then
    return nil
  end
  return out
end

--- Runs workspace/executeCommand and shows the Markdown page it returns in a
--- floating window. command is 'statusls.explain' or 'statusls.compare'.
function M.show(command, args)
  local want = command == 'statusls.compare' and 2 or 1
  local list = codes(args, want)
  if not list then
    vim.notify(want == 1 and 'usage: :StatuslsExplain 502' or 'usage: :StatuslsCompare 100 502', vim.log.levels.ERROR)
    return
  end
  local c = client()
  if not c then
    vim.notify('statusls is not running: open a file it serves, or run require("statusls").setup{}', vim.log.levels.ERROR)
    return
  end
  local params = { command = command, arguments = list }
  local function handler(err, result)
    if err then
      vim.notify('statusls: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local lines = vim.split(result or '', '\n', { plain = true })
    vim.lsp.util.open_floating_preview(lines, 'markdown', { border = 'rounded', max_width = 100, max_height = 40 })
  end
  -- 0.11 made client methods take self; the field form is deprecated there.
  if vim.fn.has('nvim-0.11') == 1 then
    c:request('workspace/executeCommand', params, handler, 0)
  else
    c.request('workspace/executeCommand', params, handler, 0)
  end
end

--- Defines :StatuslsExplain [CODE] (default: the code under the cursor) and
--- :StatuslsCompare CODE CODE.
function M.create_commands()
  vim.api.nvim_create_user_command('StatuslsExplain', function(o)
    M.show('statusls.explain', o.fargs)
  end, { nargs = '?', desc = 'statusls: explain a status code (default: the one under the cursor)' })
  vim.api.nvim_create_user_command('StatuslsCompare', function(o)
    M.show('statusls.compare', o.fargs)
  end, { nargs = '+', desc = 'statusls: compare two status codes' })
end

return M
