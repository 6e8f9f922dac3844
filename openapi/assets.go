package openapi

import "embed"

// assets are Swagger UI's and ReDoc's files, served by Mount; see
// assets/README.md for their versions and how to refresh them.
//
//go:embed assets/swagger-ui-bundle.js assets/swagger-ui.css assets/favicon-32x32.png
//go:embed assets/oauth2-redirect.html assets/oauth2-redirect.js assets/redoc.standalone.js
var assets embed.FS

func asset(name string) []byte {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic("openapi: missing embedded asset " + name)
	}
	return b
}
