"""Python code generated from ../../../forms/*.ui; see forms/compile_forms.py."""
