"""The analyst's workbench: server-rendered pages and a JSON API over the store (FastAPI).

`svidok.serve.app.create_app(store)` builds the application; `svidok serve` runs it.
"""
