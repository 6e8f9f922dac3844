package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/swaggest/openapi-go/openapi31"
)

// Check reports what OpenAPI validators let pass but a client trips over,
// all at once (joined with errors.Join): a security requirement naming a
// scheme that components.securitySchemes does not define, an OAuth2 scope
// that the scheme's flows do not declare, a local $ref that leads nowhere,
// a path template variable without its path parameter (or the reverse),
// and two paths that differ only in the names of their parameters
// ("/items/{id}" and "/items/{item_id}", which clients cannot tell apart).
// [Build] runs it on every document it makes, so [Mount] refuses what
// Check refuses, with the same message; Check is also for documents edited
// afterwards.
func Check(spec *openapi31.Spec) error {
	_, err := encodeChecked(spec)
	return err
}

// encodeChecked returns spec encoded as compact JSON, the bytes that
// [Check] checks, or Check's error.
func encodeChecked(spec *openapi31.Spec) ([]byte, error) {
	raw, err := json.Marshal(spec)
	if err != nil {
		return nil, fmt.Errorf("openapi: %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("openapi: %w", err)
	}
	c := &checker{doc: doc, resolved: map[string]bool{}}
	schemes, _ := dig(doc, "components", "securitySchemes").(map[string]any)
	if reqs, ok := doc["security"].([]any); ok {
		c.requirements("security", reqs, schemes)
	}
	paths, _ := doc["paths"].(map[string]any)
	c.samePaths(sortedKeys(paths))
	for _, path := range sortedKeys(paths) {
		item, _ := paths[path].(map[string]any)
		for _, method := range sortedKeys(item) {
			op, ok := item[method].(map[string]any)
			if !ok || method == "parameters" || method == "servers" {
				continue
			}
			where := strings.ToUpper(method) + " " + path
			if reqs, ok := op["security"].([]any); ok {
				c.requirements(where, reqs, schemes)
			}
			c.pathParams(where, path, item["parameters"], op["parameters"])
		}
	}
	c.refs("#", nil, doc)
	if err := errors.Join(c.errs...); err != nil {
		return nil, err
	}
	return raw, nil
}

type checker struct {
	doc      map[string]any
	resolved map[string]bool // by resolves, for each $ref met
	errs     []error
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("openapi: "+format, args...))
}

func (c *checker) requirements(where string, reqs []any, schemes map[string]any) {
	for _, r := range reqs {
		req, _ := r.(map[string]any)
		for _, name := range sortedKeys(req) {
			scheme, ok := schemes[name].(map[string]any)
			if !ok {
				c.fail("%s: security scheme %q is not defined", where, name)
				continue
			}
			if scheme["type"] != "oauth2" {
				continue
			}
			declared := map[string]bool{}
			flows, _ := scheme["flows"].(map[string]any)
			for _, f := range flows {
				fm, _ := f.(map[string]any)
				scopes, _ := fm["scopes"].(map[string]any)
				for s := range scopes {
					declared[s] = true
				}
			}
			list, _ := req[name].([]any)
			for _, s := range list {
				if str, _ := s.(string); !declared[str] {
					c.fail("%s: scope %q of security scheme %q is not declared in its flows", where, s, name)
				}
			}
		}
	}
}

func (c *checker) pathParams(where, path string, lists ...any) {
	declared := map[string]bool{}
	for _, l := range lists {
		ps, _ := l.([]any)
		for _, p := range ps {
			pm, _ := p.(map[string]any)
			if pm["in"] == "path" {
				name, _ := pm["name"].(string)
				declared[name] = true
			}
		}
	}
	vars := map[string]bool{}
	for _, v := range templateVars(path) {
		vars[v] = true
		if !declared[v] {
			c.fail("%s: path parameter %q is not declared", where, v)
		}
	}
	for _, name := range sortedKeys(declared) {
		if !vars[name] {
			c.fail("%s: path parameter %q is not in the path", where, name)
		}
	}
}

// samePaths reports paths that are one path once their parameters are
// unnamed (OpenAPI: "Templated paths with the same hierarchy but different
// templated names MUST NOT exist as they are identical").
func (c *checker) samePaths(paths []string) {
	first := map[string]string{}
	for _, p := range paths {
		k := unnamedParams(p)
		if q, ok := first[k]; ok {
			c.fail("paths %q and %q differ only in the names of their parameters; name them alike", q, p)
			continue
		}
		first[k] = p
	}
}

// refs reports each $ref in v that leads nowhere, at its JSON pointer: at,
// the pointer of v, followed by the keys and indexes in path.
func (c *checker) refs(at string, path []string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			if ref, ok := v[k].(string); ok && k == "$ref" {
				if !c.resolves(ref) {
					c.fail("%s: $ref %q leads nowhere", strings.Join(append([]string{at}, path...), "/"), ref)
				}
				continue
			}
			c.refs(at, append(path, k), v[k])
		}
	case []any:
		for i, e := range v {
			c.refs(at, append(path, strconv.Itoa(i)), e)
		}
	}
}

// resolves follows a local JSON pointer; other references are not checked.
func (c *checker) resolves(ref string) bool {
	ok, seen := c.resolved[ref]
	if !seen {
		ok = c.follow(ref)
		c.resolved[ref] = ok
	}
	return ok
}

func (c *checker) follow(ref string) bool {
	p, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return !strings.HasPrefix(ref, "#")
	}
	var cur any = c.doc
	for _, tok := range strings.Split(p, "/") {
		tok = pointerUnescaper.Replace(tok)
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[tok]; !ok {
			return false
		}
	}
	return true
}

// pointerUnescaper decodes a JSON pointer's reference token (RFC 6901).
var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
