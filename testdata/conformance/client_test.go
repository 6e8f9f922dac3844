package conformance_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clientMain logs in with the generated client and calls a protected route
// with the token, then without it.
const clientMain = `package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
)

func main() {
	ctx := context.Background()
	c, err := NewClientWithResponses(os.Args[1])
	if err != nil {
		panic(err)
	}
	login, err := c.LoginTokenPostWithFormdataBodyWithResponse(ctx, LoginTokenPostFormdataRequestBody{Username: "johndoe", Password: "secret"})
	if err != nil {
		panic(err)
	}
	if login.JSON200 == nil {
		fmt.Println("login", login.StatusCode(), string(login.Body))
		os.Exit(1)
	}
	fmt.Println("login", login.StatusCode(), login.JSON200.TokenType)
	bearer := func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+login.JSON200.AccessToken)
		return nil
	}
	me, err := c.ReadUsersMeUsersMeGetWithResponse(ctx, bearer)
	if err != nil {
		panic(err)
	}
	if me.JSON200 == nil {
		fmt.Println("me", me.StatusCode(), string(me.Body))
		os.Exit(1)
	}
	fmt.Println("me", me.StatusCode(), me.JSON200.Username, *me.JSON200.FullName)
	items, err := c.ReadOwnItemsUsersMeItemsGetWithResponse(ctx, bearer)
	if err != nil {
		panic(err)
	}
	fmt.Println("items", items.StatusCode(), (*items.JSON200)[0].Owner)
	anon, err := c.ReadUsersMeUsersMeGetWithResponse(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println("anonymous", anon.StatusCode())
}
`

// A Go client generated from the document with oapi-codegen (the tool
// pinned in this module's go.mod) compiles, logs in and calls protected
// routes.
func TestGeneratedClient(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated client; not in -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		missingTool(t, "no go command to run oapi-codegen: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, goBin, "tool", "-n", "oapi-codegen").CombinedOutput(); err != nil {
		missingTool(t, "oapi-codegen is unavailable (go tool -n oapi-codegen: %v)\n%s", err, out)
	}

	app, err := newPasswordApp()
	if err != nil {
		t.Fatal(err)
	}
	url := serve(t, app)
	res, err := http.Get(url + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET /openapi.json: %v %v", res.Status, err)
	}

	// The client is a package main inside this module, so that it builds
	// with the oapi-codegen runtime this go.mod pins.
	dir, err := os.MkdirTemp(".", "genclient-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	specFile := filepath.Join(dir, "openapi.json")
	if err := os.WriteFile(specFile, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	gen := exec.CommandContext(ctx, goBin, "tool", "oapi-codegen", "-generate", "types,client", "-package", "main",
		"-o", filepath.Join(dir, "client.gen.go"), specFile)
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("oapi-codegen: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(clientMain), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.CommandContext(ctx, goBin, "run", "./"+filepath.Base(dir), url).CombinedOutput()
	if err != nil {
		t.Fatalf("generated client: %v\n%s", err, out)
	}
	want := "login 200 bearer\nme 200 johndoe John Doe\nitems 200 johndoe\nanonymous 401\n"
	if string(out) != want {
		t.Errorf("generated client printed\n%s\nwant\n%s", out, want)
	}
	if strings.Contains(string(out), "panic") {
		t.Error(string(out))
	}
}
