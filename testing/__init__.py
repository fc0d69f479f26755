"""Support shared by the tests, the benchmarks and the scripts: paths, the AppTest starter and the Streamlit server."""
