package server

import (
	"context"
	"encoding/json"
	"strconv"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// The commands of workspace/executeCommand. Each returns the catalogue's
// Markdown page, for editors that show it in a panel.
//
//	statusls.explain CODE [LOCALE]
//	statusls.compare CODE CODE [LOCALE]
//
// A code may be sent as a number or a string; the locale defaults to the
// user's.
const (
	commandExplain = "statusls.explain"
	commandCompare = "statusls.compare"
)

func commandNames() []string { return []string{commandExplain, commandCompare} }

// ExecuteCommand runs one of statusls's commands.
func (s *Server) ExecuteCommand(_ context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	var codes []int
	loc := s.locale()
	want := 1
	if params.Command == commandCompare {
		want = 2
	}
	switch params.Command {
	case commandExplain, commandCompare:
	default:
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command %q (statusls knows %s and %s)", params.Command, commandExplain, commandCompare)
	}
	args := params.Arguments
	if len(args) != want && len(args) != want+1 {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s takes %d code(s) and an optional locale, got %d arguments", params.Command, want, len(args))
	}
	for _, a := range args[:want] {
		code, err := codeArg(a)
		if err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", params.Command, err)
		}
		codes = append(codes, code)
	}
	if len(args) == want+1 {
		var tag string
		if err := json.Unmarshal(args[want], &tag); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: the locale must be a string such as \"vi\"", params.Command)
		}
		loc = s.catalog().Match(tag)
	}
	var page string
	if params.Command == commandExplain {
		e, ok := s.catalog().Primary(codes[0])
		if !ok {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%d is not a status code statusls knows", codes[0])
		}
		page = s.catalog().RenderEntry(e, loc, s.format())
	} else {
		cp, err := s.catalog().Compare(codes[0], codes[1], loc)
		if err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%v", err)
		}
		page = s.catalog().RenderComparison(cp, s.format())
	}
	raw, err := json.Marshal(page)
	return protocol.LSPAny(raw), err
}

// codeArg reads a code sent as 502 or "502".
func codeArg(raw []byte) (int, error) {
	var n int
	if err := json.Unmarshal(raw, &n); err == nil {
		return n, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if n, err := strconv.Atoi(s); err == nil {
			return n, nil
		}
	}
	return 0, &argError{string(raw)}
}

type argError struct{ arg string }

func (e *argError) Error() string { return "expected a status code such as 502, got " + e.arg }
