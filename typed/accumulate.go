package typed

import "errors"

// FastAPI solves a request's dependencies in order and keeps going past
// validation errors: a dependency whose own parameters (or whose
// sub-dependencies) failed validation is not called, but its siblings
// still are, and every validation error is answered together in one 422.
// Any other error (an HTTPException) stops the request at once. errorSet
// is that rule.

// errorSet gathers the validation errors of a request's dependencies.
type errorSet struct {
	errs []ValidationError
}

// add records err if it is a validation error and returns nil; any other
// error is returned, to stop the request.
func (s *errorSet) add(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*HTTPError); ok { // the common case, without errors.As
		return err
	}
	if ve, ok := err.(*RequestValidationError); ok {
		s.errs = append(s.errs, ve.Errors...)
		return nil
	}
	var ve *RequestValidationError
	if errors.As(err, &ve) {
		s.errs = append(s.errs, ve.Errors...)
		return nil
	}
	return err
}

// err returns the gathered validation errors as one, or nil.
func (s *errorSet) err() error {
	if len(s.errs) == 0 {
		return nil
	}
	return &RequestValidationError{Errors: s.errs}
}
