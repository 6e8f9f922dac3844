#!/usr/bin/env bash
# Checks that packages depend one way (STYLE.md, "The dependency graph"),
# with `go list -deps`: typed imports nothing of ours but internal/, the
# schemes and the forms never import each other, and only examples (and the
# separate bench and conformance modules) import openapi, so swaggest is
# never linked into a program that does not serve docs.
set -euo pipefail
cd "$(dirname "$0")/.."
mod=github.com/fastecho/fastecho
fail=0

deps() { go list -deps "./$1" | grep -E "^($mod|github.com/swaggest)" | grep -vx "$mod/$1" || true; }

# deny PKG PATTERN...: PKG must not depend on any package matching PATTERN.
deny() {
	local pkg=$1
	shift
	local have
	have=$(deps "$pkg")
	for pat in "$@"; do
		if grep -Eq "^($pat)$" <<<"$have"; then
			echo "deps: $pkg must not depend on $(grep -E "^($pat)$" <<<"$have" | tr '\n' ' ')" >&2
			fail=1
		fi
	done
}

deny typed "$mod/(security|forms|openapi).*" "github.com/swaggest/.*" "github.com/labstack/.*"
deny security "$mod/(forms|openapi).*" "github.com/swaggest/.*"
deny forms "$mod/(security|openapi).*" "github.com/swaggest/.*"
deny internal/httpx "$mod/.*"

# Only security/oidc (and what imports it) links go-oidc and go-jose.
for pkg in typed security forms internal/httpx; do
	if go list -deps "./$pkg" | grep -Eq '^github.com/(coreos/go-oidc|go-jose/go-jose)'; then
		echo "deps: $pkg must not depend on go-oidc or go-jose (only security/oidc does)" >&2
		fail=1
	fi
done

# Nothing but examples imports openapi.
for pkg in $(go list ./... | grep -v -e "^$mod/examples" -e "^$mod/openapi"); do
	if go list -deps "$pkg" | grep -qx "$mod/openapi"; then
		echo "deps: $pkg must not depend on $mod/openapi" >&2
		fail=1
	fi
done
# The core is Echo-free: only the adapters (and what imports them) link Echo.
for pkg in typed security forms openapi security/oidc internal/httpx; do
	if go list -deps "./$pkg" | grep -q '^github.com/labstack/'; then
		echo "deps: $pkg must not depend on Echo ($(go list -deps "./$pkg" | grep '^github.com/labstack/' | tr '\n' ' '))" >&2
		fail=1
	fi
done
# Each adapter links one Echo major.
deny typed/echov4 "github.com/labstack/echo/v5.*"
deny typed/echov5 "github.com/labstack/echo/v4.*"

# A program links the Echo major of its adapter only: read the module
# list of the built binaries.
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
links() { # links PKG WANT DENY
	go build -o "$bin/prog" "./$1"
	local mods
	mods=$(go version -m "$bin/prog" | awk '$1 == "dep" {print $2}')
	if ! grep -qx "$2" <<<"$mods"; then
		echo "deps: $1 does not link $2" >&2
		fail=1
	fi
	if grep -qx "$3" <<<"$mods"; then
		echo "deps: $1 links $3" >&2
		fail=1
	fi
}
links examples/scopes github.com/labstack/echo/v4 github.com/labstack/echo/v5
links examples/scopes-echo5 github.com/labstack/echo/v5 github.com/labstack/echo/v4
exit $fail
