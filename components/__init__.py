"""Figures, captions, downloads (plain Python) and the Streamlit pieces the pages share."""
