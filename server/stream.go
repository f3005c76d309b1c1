package server

import (
	"context"
	"errors"
	"log/slog"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
)

// frameReader is the raw-frame side of jsonrpc2's header stream: it returns
// the body of the next frame without decoding it.
type frameReader interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
}

// tolerantStream wraps the LSP header stream so that a bad message costs the
// client one error response rather than the connection. jsonrpc2 v1.0.1 ends
// the connection on a frame whose body is not a JSON-RPC message (its read
// loop treats the decode error as a read error), which would let one stray
// byte from an editor kill the server; here such a frame is answered with
// ParseError or InvalidRequest and reading goes on with the next frame, which
// the Content-Length framing makes safe. A malformed header is still fatal:
// after one the framing cannot be trusted.
//
// It also replaces invalid UTF-8 in a frame with U+FFFD before decoding, as a
// client would when it displays the text, so that a document with a stray
// byte opens instead of failing to decode; and it logs every message in and
// out when tracing is on.
type tolerantStream struct {
	jsonrpc2.Stream
	frames frameReader
	log    *slog.Logger
	trace  bool
}

func newStream(inner jsonrpc2.Stream, log *slog.Logger, trace bool) *tolerantStream {
	fr, _ := inner.(frameReader)
	return &tolerantStream{Stream: inner, frames: fr, log: log, trace: trace}
}

// Read returns the next well-formed message, answering malformed ones.
func (s *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	if s.frames == nil {
		return s.Stream.Read(ctx)
	}
	for {
		frame, n, err := s.frames.ReadFrame(ctx)
		if err != nil {
			return nil, 0, err
		}
		if !utf8.Valid(frame) {
			s.log.Warn("message contains invalid UTF-8; replaced it with U+FFFD", "bytes", len(frame))
			frame = replaceInvalidUTF8(frame)
		}
		if s.trace {
			s.log.Debug("rpc in", "message", truncate(frame))
		}
		msg, err := jsonrpc2.DecodeMessage(frame)
		if err == nil {
			return msg, n, nil
		}
		if !errors.Is(err, jsonrpc2.ErrParse) && !errors.Is(err, jsonrpc2.ErrInvalidRequest) {
			return nil, 0, err
		}
		s.log.Error("malformed message; answered with an error and kept serving", "error", err, "message", truncate(frame))
		// The id of a message that cannot be decoded is unknown, so the
		// error goes out with a null id, as JSON-RPC 2.0 prescribes.
		if _, werr := s.Stream.Write(ctx, jsonrpc2.NewResponse(jsonrpc2.ID{}, nil, err)); werr != nil {
			return nil, 0, werr
		}
	}
}

// Write sends a message, logging it first when tracing.
func (s *tolerantStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if s.trace {
		if data, err := jsonrpc2.EncodeMessage(msg); err == nil {
			s.log.Debug("rpc out", "message", truncate(data))
		}
	}
	return s.Stream.Write(ctx, msg)
}

// replaceInvalidUTF8 replaces each byte that is not part of a valid UTF-8
// sequence with U+FFFD. bytes.ToValidUTF8 would replace a whole run with
// one, shifting every later column; one per byte is what the position
// mapper counts and what editors display.
func replaceInvalidUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// truncate keeps trace lines readable when a whole document goes by.
func truncate(b []byte) string {
	const limit = 4096
	if len(b) > limit {
		return string(b[:limit]) + "…"
	}
	return string(b)
}
