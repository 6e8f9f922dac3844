package typed

import (
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Events is a typed stream of Server-Sent Events (FastAPI's
// EventSourceResponse with a generator): a handler returns an iterator,
// and each value it yields is sent as one event and flushed at once, as
// text/event-stream with Cache-Control: no-cache and X-Accel-Buffering: no.
// A [ServerSentEvent] (or *ServerSentEvent) is sent as it says; any other
// value is sent as an event whose data is the value as JSON. When the
// stream is idle for 15 seconds a ": ping" comment keeps the connection
// open, as FastAPI's does. The iterator runs on a goroutine of its own,
// so it must not write to the response itself; yield returns false when
// the client goes away or a write fails, and the iterator must then
// return: the route (and its cleanups) wait for it.
//
// It is documented as text/event-stream, each event described as FastAPI
// describes it (OpenAPI 3.2's itemSchema, written x-itemSchema in this
// 3.1 document), its data T as JSON unless T is ServerSentEvent.
//
//	func streamItems(c echo.Context, _ struct{}) (typed.Events[Item], error) {
//		return func(yield func(Item) bool) {
//			for _, it := range items {
//				if !yield(it) {
//					return
//				}
//			}
//		}, nil
//	}
type Events[T any] func(yield func(T) bool)

// ServerSentEvent is one event of an [Events] stream, in full: FastAPI's
// fastapi.sse.ServerSentEvent. Data is sent as JSON (a string is quoted);
// RawData, when not empty, is sent as it is instead (Data must then be
// nil). Event (the type the browser dispatches on) and ID must be single
// lines and ID must hold no NUL: an event that breaks these rules ends the
// stream with an error. Retry, when positive, tells the browser how many
// milliseconds to wait before reconnecting. Comment lines are sent with a
// leading ':' and ignored by browsers.
type ServerSentEvent struct {
	Data    any
	RawData string
	Event   string
	ID      string
	Retry   int
	Comment string
}

// ErrEvent is the cause of the error that ends an [Events] stream on an
// invalid [ServerSentEvent].
var ErrEvent = errors.New("typed: invalid server-sent event")

// ssePing is the interval of keep-alive comments (FastAPI's
// _PING_INTERVAL), a variable for tests.
var ssePing = 15 * time.Second

// WriteResponse streams the events with status.
func (e Events[T]) WriteResponse(w http.ResponseWriter, r *http.Request, status int) error {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(status)
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	if e == nil {
		return nil
	}
	events := make(chan []byte)
	stop := make(chan struct{})
	done := make(chan struct{})
	var (
		panicked any
		fail     error
	)
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		for v := range e {
			b, err := encodeEvent(v)
			if err != nil {
				fail = err
				return
			}
			select {
			case events <- b:
			case <-stop:
				return
			}
		}
	}()
	defer func() {
		close(stop)
		<-done
	}()
	ping := time.NewTimer(ssePing)
	defer ping.Stop()
	for {
		var b []byte
		select {
		case b = <-events:
		case <-ping.C:
			b = []byte(": ping\n\n")
		case <-done:
			if panicked != nil {
				panic(panicked)
			}
			return fail
		case <-r.Context().Done():
			return nil
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		if err := rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
		ping.Reset(ssePing)
	}
}

// DescribeResponse documents text/event-stream, each event's data being
// T as JSON.
func (Events[T]) DescribeResponse(d *Response) {
	d.ContentType = "text/event-stream"
	var zero T
	switch any(zero).(type) {
	case ServerSentEvent, *ServerSentEvent:
		d.Model = nil
	default:
		d.Model = reflect.TypeFor[T]()
	}
}

// encodeEvent writes v in the text/event-stream format, as FastAPI's
// format_sse_event does: comment, event, data, id and retry lines, then an
// empty line.
func encodeEvent(v any) ([]byte, error) {
	var ev ServerSentEvent
	switch e := v.(type) {
	case ServerSentEvent:
		ev = e
	case *ServerSentEvent:
		if e == nil {
			return nil, nil
		}
		ev = *e
	default:
		b, err := marshalJSON(v)
		if err != nil {
			return nil, err
		}
		return appendEvent(nil, ServerSentEvent{}, string(b), true), nil
	}
	if strings.ContainsAny(ev.Event, "\r\n") || strings.ContainsAny(ev.ID, "\r\n\x00") || ev.Retry < 0 {
		return nil, ErrEvent
	}
	if ev.RawData != "" && ev.Data != nil {
		return nil, ErrEvent
	}
	data, hasData := ev.RawData, ev.RawData != ""
	if !hasData && ev.Data != nil {
		b, err := marshalJSON(ev.Data)
		if err != nil {
			return nil, err
		}
		data, hasData = string(b), true
	}
	return appendEvent(nil, ev, data, hasData), nil
}

func appendEvent(b []byte, ev ServerSentEvent, data string, hasData bool) []byte {
	if ev.Comment != "" {
		for _, line := range sseLines(ev.Comment) {
			b = append(append(append(b, ": "...), line...), '\n')
		}
	}
	if ev.Event != "" {
		b = append(append(append(b, "event: "...), ev.Event...), '\n')
	}
	if hasData {
		for _, line := range sseLines(data) {
			b = append(append(append(b, "data: "...), line...), '\n')
		}
	}
	if ev.ID != "" {
		b = append(append(append(b, "id: "...), ev.ID...), '\n')
	}
	if ev.Retry > 0 {
		b = append(strconv.AppendInt(append(b, "retry: "...), int64(ev.Retry), 10), '\n')
	}
	return append(b, '\n')
}

// sseLines splits s at \r\n, \r and \n, keeping empty lines.
func sseLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}
