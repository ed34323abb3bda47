"""diplograph: news articles about diplomacy as a validated, queryable RDF graph.

The library core; the ``diplograph`` command is a thin layer over it.
Heavy dependencies (rdflib, pyshacl, pyoxigraph) are imported lazily by the
modules that need them, so that short commands start fast.
"""

__version__ = "0.1.0"
