package conformance

// The client that TestGeneratedClient generates imports the oapi-codegen
// runtime; this import keeps it in go.mod (go mod tidy sees no other use).
import _ "github.com/oapi-codegen/runtime"
