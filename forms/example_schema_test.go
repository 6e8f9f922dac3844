package forms_test

import (
	"fmt"

	"github.com/fastecho/fastecho/forms"
)

// A form returned by a handler is documented by its fields: JSONSchema
// says so with nil.
func ExampleOAuth2PasswordRequestForm_JSONSchema() {
	fmt.Println(forms.OAuth2PasswordRequestForm{}.JSONSchema(nil) == nil)
	// Output:
	// true
}
