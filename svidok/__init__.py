"""svidok: a sourced, geolocated, legally qualified record of what happens to civilians in war."""

__version__ = "0.1.0"
