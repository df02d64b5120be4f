"""The benchmark harness of `make bench`: generated load, pages timed beside their Django admin reference,
and a load run against gunicorn. Not part of the test suite; see bench/README.md."""
