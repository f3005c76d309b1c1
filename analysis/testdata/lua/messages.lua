-- Request termination plugin: answers with a fixed status and message.
local MESSAGES = {
  [401] = "Unauthorized", -- @want 401:mention:strong
  [404] = "Not found", -- @want 404:strong
  [429] = "API rate limit exceeded", -- @want 429:weak
  [500] = "An unexpected error occurred", -- @want 500
  [503] = "Service unavailable", -- @want 503
}

-- Reason phrases, keyed the way lua-http's codes module writes them.
local REASONS = {
  [101] = "Switching Protocols"; -- @want 101:mention:strong
  [303] = "See Other"; -- @want 303
  [128] = "Switching Protocols";
}

local SIZES = {
  [100] = "small",
  [200] = "medium",
}

local plugin = { PRIORITY = 2, VERSION = "1.0.3" }

function plugin:access(conf)
  local status = conf.status_code
  return kong.response.exit(status, { message = conf.message or MESSAGES[status] })
end

return plugin
