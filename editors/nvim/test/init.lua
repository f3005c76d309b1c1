-- The Neovim end-to-end test, run by editors/nvim/nvim_test.go as
--   nvim --headless --clean -u editors/nvim/test/init.lua
-- with STATUSLS_BIN (the server to test) and STATUSLS_FILE (a file with
-- @hover/@diag/@fix markers, see editors/testdata/nginx.conf) in the
-- environment. It starts statusls through the plugin, which on Neovim 0.7
-- falls back to vim.lsp.start_client + buf_attach_client, then does what a
-- user does: waits for diagnostics, hovers each marked code, runs the quick
-- fix, and opens :StatuslsExplain and :StatuslsCompare. It prints one line
-- per check and exits non-zero if any failed.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
vim.opt.runtimepath:prepend(vim.fn.fnamemodify(here, ':h'))
vim.o.swapfile = false

local bin, file = os.getenv('STATUSLS_BIN'), os.getenv('STATUSLS_FILE')
local failures = 0

local function say(s)
  io.stderr:write(s .. '\n')
end

local function check(ok, what, detail)
  if ok then
    say('ok   ' .. what)
  else
    failures = failures + 1
    say('FAIL ' .. what .. (detail and (': ' .. detail) or ''))
  end
  return ok
end

local function finish()
  say(string.format('nvim %s: %d failed', tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), failures))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

-- The text of the floating windows open now, joined; closes them.
local function take_floats()
  local text = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      local b = vim.api.nvim_win_get_buf(w)
      text[#text + 1] = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
      vim.api.nvim_win_close(w, true)
    end
  end
  return table.concat(text, '\n')
end

local function wait_float(ms)
  local text = ''
  vim.wait(ms, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        return true
      end
    end
    return false
  end, 20)
  text = take_floats()
  return text
end

-- The markers of the file: { line = 1-based, col = 1-based column of the
-- first status code on the line, kind, args }. Lines that are only a
-- comment describe markers rather than carry them.
local function markers(lines)
  local out = {}
  for i, l in ipairs(lines) do
    local code_part = l:match('^([^#]*)#') or l
    if code_part:match('^%s*$') then
      goto continue
    end
    local col = code_part:find('%f[%d]%d%d%d%f[%D]')
    for kind, args in l:gmatch('@(%a+)(%b())') do
      local list = {}
      for a in args:gmatch('"(.-)"') do
        list[#list + 1] = a
      end
      out[#out + 1] = { line = i, col = col, kind = kind, args = list }
    end
    ::continue::
  end
  return out
end

local function run()
  if not check(bin and file, 'STATUSLS_BIN and STATUSLS_FILE are set') then
    return finish()
  end
  -- Options replace lists whole and merge tables key by key.
  local cfg = require('statusls').config({ filetypes = { 'nginx' }, settings = { statusls = { locale = 'vi' } } })
  check(vim.deep_equal(cfg.filetypes, { 'nginx' }) and cfg.settings.statusls.locale == 'vi'
    and cfg.settings.statusls.diagnostics == true, 'setup options merge over lsp/statusls.lua', vim.inspect(cfg))

  require('statusls').setup({ cmd = { bin, 'serve', '--stdio' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'nginx', 'filetype is nginx', vim.bo[buf].filetype)

  local attached = vim.wait(10000, function()
    return #vim.lsp.buf_get_clients(buf) > 0
  end, 20)
  if not check(attached, 'statusls attached to the buffer') then
    return finish()
  end
  local got = vim.wait(10000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  check(got, 'diagnostics arrived')

  -- Answer code action pickers with the preferred fix, as a user would;
  -- items are { client_id, action } pairs on 0.7, { ctx, action } later.
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item.action or item[2]
      if action and action.isPreferred then
        return on_choice(item, i)
      end
    end
    on_choice(items[1], 1)
  end

  for _, m in ipairs(markers(vim.api.nvim_buf_get_lines(buf, 0, -1, false))) do
    local where = string.format('line %d', m.line)
    if m.kind == 'hover' then
      vim.api.nvim_win_set_cursor(0, { m.line, m.col - 1 })
      vim.lsp.buf.hover()
      local text = wait_float(5000)
      check(text:find(m.args[1], 1, true), where .. ': hover shows "' .. m.args[1] .. '"', text)
    elseif m.kind == 'diag' then
      local found
      for _, d in ipairs(vim.diagnostic.get(buf, { lnum = m.line - 1 })) do
        if d.code == m.args[1] and d.message:find(m.args[2], 1, true) then
          found = d
        end
      end
      check(found and found.col == m.col - 1, where .. ': diagnostic ' .. m.args[1] .. ' "' .. m.args[2] .. '" on the code',
        vim.inspect(vim.diagnostic.get(buf, { lnum = m.line - 1 })))
    elseif m.kind == 'fix' then
      vim.api.nvim_win_set_cursor(0, { m.line, m.col - 1 })
      vim.lsp.buf.code_action({ only = { 'quickfix' } })
      -- Only the code before the comment counts: the marker itself holds
      -- the expected text.
      local function code()
        local l = vim.api.nvim_buf_get_lines(buf, m.line - 1, m.line, false)[1]
        return l:match('^([^#]*)#') or l
      end
      local fixed = vim.wait(5000, function()
        return code():find(m.args[1], 1, true) ~= nil
      end, 20)
      check(fixed, where .. ': quick fix gives "' .. m.args[1] .. '"', code())
    end
  end

  vim.cmd('StatuslsExplain 502')
  local page = wait_float(5000)
  check(page:find('502 Bad Gateway', 1, true), ':StatuslsExplain 502 opens the page in a float', page:sub(1, 200))
  vim.cmd('StatuslsCompare 100 502')
  page = wait_float(5000)
  check(page:find('100', 1, true) and page:find('502', 1, true), ':StatuslsCompare 100 502 opens the comparison in a float', page:sub(1, 200))

  finish()
end

-- nested: the test's :edit must fire FileType and the plugin's autocmds.
vim.api.nvim_create_autocmd('VimEnter', { once = true, nested = true, callback = function()
  local ok, err = pcall(run)
  if not ok then
    check(false, 'the test ran to its end', err)
    finish()
  end
end })
