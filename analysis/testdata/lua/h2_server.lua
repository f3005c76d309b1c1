-- A lua-http server that answers every request from a table of files.
local http_server = require "http.server"
local http_headers = require "http.headers"

local function reply(myserver, stream)
	local req_headers = assert(stream:get_headers())
	local res_headers = http_headers.new()
	if req_headers:get(":method") ~= "GET" then
		res_headers:append(":status", "405") -- @want 405:status:literal
		res_headers:append("allow", "GET")
		assert(stream:write_headers(res_headers, true))
		return
	end
	res_headers:append(":status", "200") -- @want 200:status
	res_headers:append("content-length", "404")
	res_headers:append("x-retry-after", "500")
	assert(stream:write_headers(res_headers, false))
end

local function check(stream)
	local headers = assert(stream:get_headers())
	if headers:get(":status") ~= "101" then -- @want 101:compare
		return nil, "upgrade refused"
	end
	return headers:get("content-length") == "200"
end
