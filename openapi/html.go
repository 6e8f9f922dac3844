package openapi

import (
	"encoding/json"
	"html"
	"sort"
	"strings"
)

// swaggerUIDefaults are FastAPI's swagger_ui_default_parameters plus
// persistAuthorization, so that a login survives a reload of the page.
var swaggerUIDefaults = map[string]any{
	"dom_id":               "#swagger-ui",
	"layout":               "BaseLayout",
	"deepLinking":          true,
	"showExtensions":       true,
	"showCommonExtensions": true,
	"persistAuthorization": true,
}

// jsString returns s as a JavaScript string literal that is safe inside a
// <script> element (json.Marshal escapes <, > and &).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// swaggerUIHTML is FastAPI's get_swagger_ui_html with the assets served
// below the page's own path instead of a CDN. Paths are absolute, as
// FastAPI's are.
func swaggerUIHTML(cfg Config, specURL, docsURL, redirectURL string) (string, error) {
	params := make(map[string]any, len(swaggerUIDefaults)+len(cfg.SwaggerUIParameters))
	for k, v := range swaggerUIDefaults {
		params[k] = v
	}
	for k, v := range cfg.SwaggerUIParameters {
		if v == nil {
			delete(params, k)
			continue
		}
		params[k] = v
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link type="text/css" rel="stylesheet" href="` + html.EscapeString(docsURL+"/swagger-ui.css") + `">
<link rel="shortcut icon" href="` + html.EscapeString(docsURL+"/favicon-32x32.png") + `">
<title>` + html.EscapeString(cfg.title()+" - Swagger UI") + `</title>
</head>
<body>
<div id="swagger-ui">
</div>
<script src="` + html.EscapeString(docsURL+"/swagger-ui-bundle.js") + `"></script>
<!-- SwaggerUIBundle is now available on the page -->
<script>
const ui = SwaggerUIBundle({
    url: ` + jsString(specURL) + `,
`)
	for _, k := range keys {
		v, err := pyJSON(params[k])
		if err != nil {
			return "", err
		}
		b.WriteString("    " + jsString(k) + ": " + v + ",\n")
	}
	if redirectURL != "" {
		b.WriteString(`    oauth2RedirectUrl: window.location.origin + '` + jsSingle(redirectURL) + `',
`)
	}
	b.WriteString(`    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
    ],
})
`)
	if len(cfg.InitOAuth) > 0 {
		v, err := pyJSON(cfg.InitOAuth)
		if err != nil {
			return "", err
		}
		b.WriteString("ui.initOAuth(" + v + ")\n")
	}
	b.WriteString(`</script>
</body>
</html>
`)
	return b.String(), nil
}

// redocHTML is FastAPI's get_redoc_html without Google Fonts (nothing is
// fetched from elsewhere) and with the script served below the page.
func redocHTML(cfg Config, specURL, redocURL string) string {
	return `<!DOCTYPE html>
<html>
<head>
<title>` + html.EscapeString(cfg.title()+" - ReDoc") + `</title>
<!-- needed for adaptive design -->
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="shortcut icon" href="` + html.EscapeString(redocURL+"/favicon-32x32.png") + `">
<!--
ReDoc doesn't change outer page styles
-->
<style>
  body {
    margin: 0;
    padding: 0;
  }
</style>
</head>
<body>
<noscript>
    ReDoc requires Javascript to function. Please enable it to browse the documentation.
</noscript>
<redoc spec-url="` + html.EscapeString(specURL) + `"></redoc>
<script src="` + html.EscapeString(redocURL+"/redoc.standalone.js") + `"> </script>
</body>
</html>
`
}

// pyJSON encodes v as Python's json.dumps does with its default
// separators, ", " and ": " (FastAPI writes Swagger UI's parameters and
// initOAuth so), object keys sorted.
func pyJSON(v any) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	inString, escaped := false, false
	for _, c := range raw {
		b.WriteByte(c)
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ',' || c == ':'):
			b.WriteByte(' ')
		}
	}
	return b.String(), nil
}

// jsSingle returns s for a single-quoted JavaScript string, as FastAPI
// writes the redirect URL ('…'), escaped so that it stays one string.
func jsSingle(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`, "<", `\x3c`, "\n", `\n`, "\r", `\r`).Replace(s)
}
