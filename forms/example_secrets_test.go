package forms_test

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/fastecho/fastecho/forms"
)

// A form prints and logs without its password and client secret.
func ExampleOAuth2PasswordRequestForm_LogValue() {
	f := forms.OAuth2PasswordRequestForm{
		GrantType: "password", Username: "johndoe", Password: "secret",
		Scopes: []string{"me"}, ClientID: "app", ClientSecret: "s3cr3t",
	}
	fmt.Println(f)
	fmt.Printf("%#v\n", f)

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("login", "form", f)
	// Output:
	// {GrantType:password Username:johndoe Password:REDACTED Scopes:[me] ClientID:app ClientSecret:REDACTED}
	// forms.OAuth2PasswordRequestForm{GrantType:"password", Username:"johndoe", Password:"REDACTED", Scopes:[]string{"me"}, ClientID:"app", ClientSecret:"REDACTED"}
	// level=INFO msg=login form.grant_type=password form.username=johndoe form.password=REDACTED form.scopes=[me] form.client_id=app form.client_secret=REDACTED
}
