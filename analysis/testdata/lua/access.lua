-- Rejects requests without a token: responds 401, or 403 when it is expired. @want 401:comment 403:comment
local http = require "resty.http"
local MAX_BODY = 200

local function check()
  local token = ngx.var.http_authorization
  if not token then
    return ngx.exit(ngx.HTTP_UNAUTHORIZED) -- @want ngx.HTTP_UNAUTHORIZED=401:status
  end
  local httpc = http.new()
  httpc:set_timeout(500)
  local res, err = httpc:request_uri("http://auth:8080/verify", { method = "POST" })
  if not res then
    ngx.status = 502 -- @want 502:status
    ngx.say("auth unreachable")
    return ngx.exit(ngx.HTTP_OK) -- @want ngx.HTTP_OK=200
  end
  if res.status == 403 then -- @want 403:compare
    return ngx.exit(403) -- @want 403:status
  end
  if res.status ~= 200 then -- @want 200:compare
    return ngx.redirect("/login", 302) -- @want 302:redirect
  end
  kong.response.exit(429, { message = "slow down" }) -- @want 429
  os.exit(1)
  local s = [[ returns 500 in a long string ]] -- @want 500:string
  --[[ block comment: 404 means missing ]] -- @want 404:comment
end

return { check = check, limit = 200 }

local function created()
  kong.response.set_status(201) -- @want 201:status
  kong.response.set_header("X-Retry-After", 300)
end
