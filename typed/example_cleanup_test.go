package typed_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// tx stands for a database transaction.
type tx struct{ name string }

// Yield is FastAPI's dependency with yield: the cleanup runs when the
// request ends and sees its error, enough to commit or roll back.
func ExampleYield() {
	db := typed.Yield(func(echo.Context) (*tx, func(error), error) {
		t := &tx{name: "tx"}
		fmt.Println("begin")
		return t, func(err error) {
			if err != nil {
				fmt.Println("rollback:", err)
				return
			}
			fmt.Println("commit")
		}, nil
	})
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	api.POST("/ok", typed.Handle(db, func(_ echo.Context, _ struct{}, t *tx) (string, error) { return t.name, nil }))
	api.POST("/fail", typed.Handle(db, func(echo.Context, struct{}, *tx) (string, error) {
		return "", typed.NewHTTPError(http.StatusConflict, "conflict")
	}))

	do(e, http.MethodPost, "/ok", "")
	do(e, http.MethodPost, "/fail", "")
	// Output:
	// begin
	// commit
	// 200 "tx"
	// begin
	// rollback: 409 conflict
	// 409 {"detail":"conflict"}
}

// YieldDepends builds on another dependency; cleanups run in reverse
// order of setup.
func ExampleYieldDepends() {
	conn := typed.Yield(func(echo.Context) (string, func(error), error) {
		return "conn", func(error) { fmt.Println("close conn") }, nil
	})
	session := typed.YieldDepends(conn, func(_ echo.Context, c string) (string, func(error), error) {
		return c + "+session", func(error) { fmt.Println("close session") }, nil
	})
	e := echo.New()
	echov4.New(e).GET("/", typed.Handle(session, func(_ echo.Context, _ struct{}, s string) (string, error) { return s, nil }))

	do(e, http.MethodGet, "/", "")
	// Output:
	// close session
	// close conn
	// 200 "conn+session"
}

// Cleanup registers a cleanup from any dependency; a panicking one is
// logged and changes nothing.
func ExampleCleanup() {
	e := echo.New()
	api := echov4.NewWithOptions(e, &typed.Options{Logger: discardLogger()})
	api.GET("/", typed.Handle(auditDep{}, func(_ echo.Context, _ struct{}, s string) (string, error) { return s, nil }))

	do(e, http.MethodGet, "/", "")
	// Output:
	// audit: request done, error <nil>
	// 200 "audited"
}

// auditDep is a Dep of its own that registers cleanups.
type auditDep struct{}

func (auditDep) Resolve(r *typed.Request) (string, error) {
	typed.Cleanup(r, func(err error) { fmt.Println("audit: request done, error", err) })
	typed.Cleanup(r, func(error) { panic("a broken cleanup") }) // runs first, logged
	return "audited", nil
}

func (auditDep) Describe(*typed.Doc) {}

// Finish runs the cleanups of a Request made outside a handler.
func ExampleFinish() {
	r := typed.NewRequest(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	typed.Cleanup(r, func(err error) { fmt.Println("cleaned up after", err) })
	typed.Finish(r, fmt.Errorf("the end"))
	// Output:
	// cleaned up after the end
}
