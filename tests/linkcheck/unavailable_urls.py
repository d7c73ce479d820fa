"""A URL configuration that refuses to load: tests use it to prove that a code path resolves no URL."""

raise ImportError("this test expects no URL to be resolved")
