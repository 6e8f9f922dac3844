// Command bigger-applications is FastAPI's "Bigger Applications - Multiple
// Files" tutorial (docs_src/bigger_applications/app_an_py310) in one Go
// program: an app-wide dependency, routers with a prefix, tags,
// dependencies and documented responses of their own.
// https://fastapi.tiangolo.com/tutorial/bigger-applications/
//
//	app = FastAPI(dependencies=[Depends(get_query_token)])
//	app.include_router(users.router)
//	app.include_router(items.router)     # prefix="/items", tags=["items"], dependencies=[Depends(get_token_header)]
//	app.include_router(admin.router, prefix="/admin", tags=["admin"],
//	    dependencies=[Depends(get_token_header)], responses={418: {"description": "I'm a teapot"}})
//
// FastAPI's dependencies=[…] are guards here: typed.Use(dep), added to an
// API with With. As FastAPI solves them, the app's guard runs first, then
// the router's, then the route's own parameters; a guard whose parameters
// are valid runs (and may answer 400) even when another one's are not, and
// the validation errors of all of them are answered together in one 422.
//
// Try it with `go run ./examples/bigger-applications`:
//
//	curl '127.0.0.1:8000/items/?token=jessica' -H 'X-Token: fake-super-secret-token'
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// dependencies.py

// TokenQuery is get_query_token's parameter: token: str.
type TokenQuery struct {
	Token string `query:"token"`
}

// TokenHeader is get_token_header's parameter: x_token: Annotated[str, Header()].
type TokenHeader struct {
	XToken string `header:"x-token"`
}

func getQueryToken(_ echo.Context, q TokenQuery) (struct{}, error) {
	if q.Token != "jessica" {
		return struct{}{}, typed.NewHTTPError(http.StatusBadRequest, "No Jessica token provided")
	}
	return struct{}{}, nil
}

func getTokenHeader(_ echo.Context, h TokenHeader) (struct{}, error) {
	if h.XToken != "fake-super-secret-token" {
		return struct{}{}, typed.NewHTTPError(http.StatusBadRequest, "X-Token header invalid")
	}
	return struct{}{}, nil
}

var (
	queryToken  = typed.Use(typed.Depends(typed.Bind[TokenQuery](), getQueryToken))
	tokenHeader = typed.Use(typed.Depends(typed.Bind[TokenHeader](), getTokenHeader))
)

// routers/users.py

// User is what the users router answers.
type User struct {
	Username string `json:"username"`
}

func readUsers(echo.Context, struct{}) ([]User, error) {
	return []User{{"Rick"}, {"Morty"}}, nil
}

func readUserMe(echo.Context, struct{}) (User, error) { return User{"fakecurrentuser"}, nil }

// UserPath is read_user's parameter: username: str.
type UserPath struct {
	Username string `path:"username"`
}

func readUser(_ echo.Context, p UserPath) (User, error) { return User{p.Username}, nil }

// routers/items.py

// Item is an entry of the fake database.
type Item struct {
	Name string `json:"name"`
}

var fakeItemsDB = map[string]Item{"plumbus": {"Plumbus"}, "gun": {"Portal Gun"}}

// ItemPath is the item routes' parameter: item_id: str.
type ItemPath struct {
	ItemID string `path:"item_id"`
}

// FoundItem is what read_item and update_item answer.
type FoundItem struct {
	Name   string `json:"name"`
	ItemID string `json:"item_id"`
}

func readItems(echo.Context, struct{}) (map[string]Item, error) { return fakeItemsDB, nil }

func readItem(_ echo.Context, p ItemPath) (FoundItem, error) {
	item, ok := fakeItemsDB[p.ItemID]
	if !ok {
		return FoundItem{}, typed.NewHTTPError(http.StatusNotFound, "Item not found")
	}
	return FoundItem{Name: item.Name, ItemID: p.ItemID}, nil
}

func updateItem(_ echo.Context, p ItemPath) (FoundItem, error) {
	if p.ItemID != "plumbus" {
		return FoundItem{}, typed.NewHTTPError(http.StatusForbidden, "You can only update the item: plumbus")
	}
	return FoundItem{ItemID: p.ItemID, Name: "The great Plumbus"}, nil
}

// internal/admin.py and main.py

// Message is what the admin and root routes answer.
type Message struct {
	Message string `json:"message"`
}

func updateAdmin(echo.Context, struct{}) (Message, error) {
	return Message{"Admin getting schwifty"}, nil
}

func root(echo.Context, struct{}) (Message, error) {
	return Message{"Hello Bigger Applications!"}, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e).With(queryToken)

	route := func(api *echov4.API, method, path string, tags []string, h *typed.Handler[echo.Context]) {
		api.Register(typed.Operation{Method: method, Path: path, Tags: tags}, h)
	}
	notFound := typed.Responses{404: {Description: "Not found"}}
	users := []string{"users"}
	route(app, http.MethodGet, "/users/", users, typed.Plain(readUsers))
	route(app, http.MethodGet, "/users/me", users, typed.Plain(readUserMe))
	route(app, http.MethodGet, "/users/:username", users, typed.Plain(readUser))

	items := app.Group("/items").With(tokenHeader).WithResponses(notFound)
	route(items, http.MethodGet, "/", []string{"items"}, typed.Plain(readItems))
	route(items, http.MethodGet, "/:item_id", []string{"items"}, typed.Plain(readItem))
	items.Register(typed.Operation{Method: http.MethodPut, Path: "/:item_id", Tags: []string{"items", "custom"},
		Responses: typed.Responses{403: {Description: "Operation forbidden"}}}, typed.Plain(updateItem))

	admin := app.Group("/admin").With(tokenHeader).WithResponses(typed.Responses{418: {Description: "I'm a teapot"}})
	route(admin, http.MethodPost, "/", []string{"admin"}, typed.Plain(updateAdmin))

	app.GET("/", typed.Plain(root))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
