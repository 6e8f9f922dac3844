package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
	raw, err := json.Marshal(spec)
	if err != nil {
		return fmt.Errorf("openapi: %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("openapi: %w", err)
	}
	c := &checker{doc: doc}
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
	c.refs("#", doc)
	return errors.Join(c.errs...)
}

type checker struct {
	doc  map[string]any
	errs []error
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

func (c *checker) refs(at string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			if ref, ok := v[k].(string); ok && k == "$ref" {
				if !c.resolves(ref) {
					c.fail("%s: $ref %q leads nowhere", at, ref)
				}
				continue
			}
			c.refs(at+"/"+k, v[k])
		}
	case []any:
		for i, e := range v {
			c.refs(fmt.Sprintf("%s/%d", at, i), e)
		}
	}
}

// resolves follows a local JSON pointer; other references are not checked.
func (c *checker) resolves(ref string) bool {
	p, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return !strings.HasPrefix(ref, "#")
	}
	var cur any = c.doc
	for _, tok := range strings.Split(p, "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
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
