package openapi

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/openapi-go/openapi31"
)

const (
	mimeJSON = "application/json"
	mimeForm = "application/x-www-form-urlencoded"
)

// Build returns the OpenAPI 3.1 document of the operations recorded on
// routes (a host adapter's API, such as *echov4.API, or a *typed.API), as
// FastAPI documents the same routes: operationId, summary, tags, parameters, request
// body, the success response, a 422 response for operations that read
// parameters or a body, a 401 response and security requirements for
// operations behind a security scheme, and every scheme reached under
// components.securitySchemes. An operation behind no scheme has
// "security": [], which says it is public (FastAPI leaves the key out).
//
// A route registered twice for one method and path (Echo's path
// parameters named alike or not) is documented as its last registration,
// which is the one Echo v4 serves (Echo v5 refuses the second). A
// parameter with the tag `hidden:"true"` is left out (FastAPI's
// include_in_schema=False); it is still read and validated. Echo's
// wildcard "*" is the path parameter "path" ("/files/*" is documented as
// "/files/{path}"; a field `path:"*"` is that parameter).
//
// It fails if a security scheme does not implement [security.Scheme], if
// two schemes share a name but not their description, if two operations
// share an operationId, if a Go type cannot be described as JSON Schema,
// if a path parameter is hidden, if a tag documents a constraint that
// cannot be (see package typed), or if [Check] finds a fault in the
// document, with Check's message.
func Build(routes typed.Routes, cfg Config) (*openapi31.Spec, error) {
	spec, _, err := build(routes, cfg)
	return spec, err
}

// build is [Build], which also returns the document encoded as compact
// JSON.
func build(routes typed.Routes, cfg Config) (*openapi31.Spec, []byte, error) {
	api := routes.Core()
	b := &builder{
		sch:     newSchemas(),
		schemes: map[string]schemeEntry{},
		ids:     map[string]*typed.Operation{},
		problem: api.ProblemDetails(),
	}
	spec := &openapi31.Spec{Openapi: "3.1.0"}
	spec.Info.Title = cfg.title()
	spec.Info.Version = cfg.version()
	if cfg.Summary != "" {
		spec.Info.Summary = &cfg.Summary
	}
	if cfg.Description != "" {
		spec.Info.Description = &cfg.Description
	}
	for _, s := range cfg.Servers {
		srv := openapi31.Server{URL: s.URL}
		if s.Description != "" {
			srv.WithDescription(s.Description)
		}
		spec.Servers = append(spec.Servers, srv)
	}
	spec.Paths = &openapi31.Paths{MapOfPathItemValues: map[string]openapi31.PathItem{}}
	for _, op := range lastRegistrations(api.Operations()) {
		if op.Hidden {
			continue
		}
		if err := b.add(spec.Paths, op); err != nil {
			return nil, nil, err
		}
	}
	if len(b.sch.comps) > 0 || len(b.schemes) > 0 {
		spec.Components = &openapi31.Components{}
		if len(b.sch.comps) > 0 {
			spec.Components.Schemas = b.sch.comps
		}
		if len(b.schemes) > 0 {
			spec.Components.SecuritySchemes = make(map[string]openapi31.SecuritySchemeOrReference, len(b.schemes))
			for name, e := range b.schemes {
				spec.Components.SecuritySchemes[name] = openapi31.SecuritySchemeOrReference{SecurityScheme: e.obj}
			}
		}
	}
	raw, err := encodeChecked(spec)
	if err != nil {
		return nil, nil, err
	}
	return spec, raw, nil
}

// lastRegistrations returns ops without those that a later operation of
// the same method and route replaces: Echo's route is the method and the
// path with its parameters unnamed.
func lastRegistrations(ops []*typed.Operation) []*typed.Operation {
	last := make(map[string]int, len(ops))
	key := func(op *typed.Operation) string {
		return strings.ToUpper(op.Method) + " " + unnamedParams(op.OpenAPIPath())
	}
	for i, op := range ops {
		last[key(op)] = i
	}
	out := make([]*typed.Operation, 0, len(ops))
	for i, op := range ops {
		if last[key(op)] == i {
			out = append(out, op)
		}
	}
	return out
}

// unnamedParams writes each {name} of an OpenAPI path as {}.
func unnamedParams(path string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(path)
			return b.String()
		}
		b.WriteString(path[:i+1])
		b.WriteByte('}')
		path = path[i+j+1:]
	}
}

// JSON returns the document of routes, built by [Build], encoded as compact
// JSON: the bytes that [Mount] serves.
func JSON(routes typed.Routes, cfg Config) ([]byte, error) {
	_, raw, err := build(routes, cfg)
	return raw, err
}

type builder struct {
	sch     *schemas
	schemes map[string]schemeEntry
	ids     map[string]*typed.Operation
	problem bool // errors are RFC 9457 problem details
}

func (b *builder) add(paths *openapi31.Paths, op *typed.Operation) error {
	path := op.OpenAPIPath()
	where := op.Method + " " + path
	id := op.OperationID
	if prev, ok := b.ids[id]; ok && id != "" {
		return fmt.Errorf("openapi: operationId %q of %s is also that of %s %s", id, where, prev.Method, prev.OpenAPIPath())
	}
	b.ids[id] = op

	o := &openapi31.Operation{}
	if len(op.Tags) > 0 {
		o.Tags = op.Tags
	}
	if op.Summary != "" {
		o.WithSummary(op.Summary)
	}
	if op.Description != "" {
		o.WithDescription(op.Description)
	}
	if id != "" {
		o.WithID(id)
	}
	if op.Deprecated {
		o.WithDeprecated(true)
	}
	params, err := b.parameters(op, path)
	if err != nil {
		return fmt.Errorf("%w (%s)", err, where)
	}
	o.Parameters = params
	if op.Body != nil {
		rb, err := b.requestBody(op)
		if err != nil {
			return fmt.Errorf("%w (%s)", err, where)
		}
		o.RequestBody = &openapi31.RequestBodyOrReference{RequestBody: rb}
	}
	if err := b.responses(o, op); err != nil {
		return fmt.Errorf("%w (%s)", err, where)
	}
	sec, err := b.security(op)
	if err != nil {
		return fmt.Errorf("%w (%s)", err, where)
	}
	if len(sec) > 0 {
		o.Security = sec
	} else {
		// A public operation says so with "security": [], which linters
		// (redocly's security-defined) ask for. swaggest drops an empty
		// Security slice, so it goes through the extra keys.
		o.WithMapOfAnythingItem("security", []any{})
	}

	item := paths.MapOfPathItemValues[path]
	slot := operationSlot(&item, op.Method)
	if slot == nil {
		return fmt.Errorf("openapi: method %s of %s has no place in OpenAPI", op.Method, path)
	}
	if *slot != nil {
		return fmt.Errorf("openapi: %s is registered twice", where)
	}
	*slot = o
	paths.MapOfPathItemValues[path] = item
	return nil
}

func operationSlot(item *openapi31.PathItem, method string) **openapi31.Operation {
	switch strings.ToUpper(method) {
	case http.MethodGet:
		return &item.Get
	case http.MethodPut:
		return &item.Put
	case http.MethodPost:
		return &item.Post
	case http.MethodDelete:
		return &item.Delete
	case http.MethodOptions:
		return &item.Options
	case http.MethodHead:
		return &item.Head
	case http.MethodPatch:
		return &item.Patch
	case http.MethodTrace:
		return &item.Trace
	}
	return nil
}

// sourceRank orders parameters as FastAPI lists them: path, query, header,
// cookie.
func sourceRank(in string) int {
	return strings.Index("path query header cookie", in)
}

// parameters documents op.Params in FastAPI's order, once per name and
// place (a required declaration wins), with required as typed decided it.
// A path template variable that no parameter declares (read with
// c.Param) is documented as a required string, since OpenAPI requires it.
func (b *builder) parameters(op *typed.Operation, path string) ([]openapi31.ParameterOrReference, error) {
	ps := append([]typed.Param(nil), op.Params...)
	sort.SliceStable(ps, func(i, j int) bool { return sourceRank(ps[i].In) < sourceRank(ps[j].In) })
	var out []openapi31.ParameterOrReference
	seen := map[string]int{}
	for _, p := range ps {
		if p.In == "path" && p.Name == "*" {
			p.Name = wildcardName
		}
		if p.Tag.Get("hidden") == "true" {
			if p.In == "path" {
				return nil, fmt.Errorf("openapi: path parameter %q cannot be hidden: the path names it", p.Name)
			}
			continue
		}
		key := p.In + "\x00" + p.Name
		if i, ok := seen[key]; ok {
			if p.Required {
				out[i].Parameter.WithRequired(true)
			}
			continue
		}
		param, err := b.parameter(p)
		if err != nil {
			return nil, err
		}
		seen[key] = len(out)
		out = append(out, openapi31.ParameterOrReference{Parameter: param})
	}
	var undeclared []openapi31.ParameterOrReference
	for _, name := range templateVars(path) {
		if _, ok := seen["path\x00"+name]; !ok {
			p := &openapi31.Parameter{Name: name, In: openapi31.ParameterInPath, Schema: map[string]any{"type": "string"}}
			undeclared = append(undeclared, openapi31.ParameterOrReference{Parameter: p.WithRequired(true)})
		}
	}
	return append(undeclared, out...), nil
}

func (b *builder) parameter(p typed.Param) (*openapi31.Parameter, error) {
	sch, err := b.sch.fieldSchema(p)
	if err != nil {
		return nil, err
	}
	stripNull(sch)
	param := &openapi31.Parameter{Name: p.Name, In: openapi31.ParameterIn(p.In), Schema: sch}
	// As FastAPI: the description and deprecated are the parameter's, and
	// stay in its schema too.
	if d, ok := sch["description"].(string); ok {
		param.WithDescription(d)
	}
	if dep, ok := sch["deprecated"].(bool); ok && dep {
		param.WithDeprecated(true)
	}
	param.WithRequired(p.Required || p.In == "path")
	return param, nil
}

// wildcardName is the name under which Echo's wildcard "*" is documented,
// the name typed gives it in the path ("/files/*" is "/files/{path}").
const wildcardName = "path"

func templateVars(path string) []string {
	var vars []string
	for {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			return vars
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			return vars
		}
		vars = append(vars, path[i+1:i+j])
		path = path[i+j+1:]
	}
}
