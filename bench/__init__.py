"""Benchmarks and the load test; importable (`from bench import load_test`) so the tests reuse the load test."""
