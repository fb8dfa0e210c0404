"""The shipped compact gazetteer: lookups, keys, priors, lazy loading."""

from __future__ import annotations

from peristiwa.geo import load_gazetteer, name_key


def test_name_key_folds_accents_quotes_and_hyphens() -> None:
    assert name_key("Dar‘ā") == "dara"
    assert name_key("Al-Ḩasakah") == "al hasakah"
    assert name_key("  KABUPATEN Intan   Jaya ") == "kabupaten intan jaya"


def test_countries_and_exonyms() -> None:
    gaz = load_gazetteer()
    assert [(e.name, e.country, e.feature) for e in gaz.lookup("Suriah")][:1] == [("Syria", "SY", "country")]
    assert gaz.lookup("Yordania")[0].name == "Jordan"
    assert gaz.lookup("Amerika Serikat")[0].country == "US"
    assert gaz.lookup("Damaskus")[0].name == "Damascus"
    assert gaz.lookup("Tiongkok")[0].country == "CN"
    assert gaz.lookup("Timor Leste")[0].country == "TL"


def test_syrian_governorates_rank_above_cities() -> None:
    gaz = load_gazetteer()
    for name in ("Homs", "Hama", "Idlib"):
        cands = gaz.lookup(name)
        assert cands[0].feature == "admin1" and cands[0].country == "SY" and cands[0].name == name
        assert any(c.feature == "city" for c in cands)


def test_indonesian_admin_units() -> None:
    gaz = load_gazetteer()
    regency = next(e for e in gaz.lookup("Intan Jaya") if e.feature == "admin2")
    assert (regency.admin1, regency.country) == ("Papua", "ID")
    assert regency.lat is not None and -5 < regency.lat < -2
    assert gaz.lookup("Kabupaten Intan Jaya")[0].id == regency.id
    assert gaz.lookup("Jawa Timur")[0].name == "East Java"
    assert gaz.lookup("Surabaya")[0].admin1 == "East Java"
    assert any(e.feature == "admin3" for e in gaz.lookup("Kecamatan Sugapa"))


def test_unknown_and_size() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Xyzzyville") == []
    assert "Homs" in gaz and "Xyzzyville" not in gaz
    assert len(gaz) > 150_000
    assert gaz.has_prefix("Intan")


def test_population_prior_and_counties() -> None:
    gaz = load_gazetteer()
    paris = [e for e in gaz.lookup("Paris") if e.feature == "city"]
    assert paris[0].country == "FR" and paris[0].population > 1_000_000
    assert any(e.country == "US" and e.admin1 == "Texas" for e in paris)
    county = gaz.lookup("Laurel County")[0]
    assert (county.feature, county.admin1, county.country) == ("admin2", "Kentucky", "US")
    assert gaz.lookup("Kabupaten Intan Jaya")[0].feature == "admin2"  # Indonesian regencies unchanged


def test_english_exonyms_regions_and_neighbours() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("U.S.")[0].country == "US"
    assert gaz.lookup("Britain")[0].country == "GB"
    africa = gaz.lookup("Afrika")[0]  # Indonesian exonym of the GeoNames continent
    assert africa.name == "Africa" and africa.lat is not None
    assert gaz.lookup("West Bank")[0].lat is not None
    assert "JO" in gaz.neighbours("SY") and gaz.neighbours(None) == frozenset()


def test_admin1_point_not_its_city() -> None:
    """New York State's point is not New York City's (the source geocoded the state by name)."""
    gaz = load_gazetteer()
    state = next(e for e in gaz.lookup("New York") if e.feature == "admin1")
    assert state.lat is not None and state.lat > 41.5


def test_district_namesakes_and_english_compass_names() -> None:
    gaz = load_gazetteer()
    # the source put all three Pacet districts at the West Java one: the Mojokerto one is in East Java
    pacet = [e for e in gaz.lookup("Pacet") if e.feature == "admin3" and e.admin1 == "East Java"]
    assert pacet and pacet[0].lon is not None and pacet[0].lon > 111
    assert gaz.lookup("East Aceh")[0].name == "Aceh Timur"
    assert gaz.lookup("South Central Timor")[0].name == "Timor Tengah Selatan"
    jakarta = gaz.lookup("Central Jakarta")[0]
    assert jakarta.lat is not None and -7 < jakarta.lat < -6


def test_one_national_capital() -> None:
    gaz = load_gazetteer()
    capitals = [e for e in gaz.lookup("Washington") if e.rank >= 65 and e.feature == "city"]
    assert [e.admin1 for e in capitals] == ["District of Columbia"]


def test_name_particles_written_apart_or_joined() -> None:
    gaz = load_gazetteer()
    # the source writes "De Soto Parish" and "DeKalb County"; news writes either spelling
    assert any(e.name == "De Soto Parish" for e in gaz.lookup("DeSoto Parish"))
    assert any(e.name == "DeKalb County" and e.admin1 == "Georgia" for e in gaz.lookup("De Kalb County"))
    assert all(e.alias for e in gaz.lookup("Lagi"))  # only US names join: not Vietnamese "La Gi" ("lagi")


def test_source_region_names_a_division_or_a_country() -> None:
    from peristiwa.geo.stage import region_entry

    gaz = load_gazetteer()
    texas = region_entry(gaz, "US/Texas")
    assert texas is not None and (texas.feature, texas.country) == ("admin1", "US")
    syria = region_entry(gaz, "SY")
    assert syria is not None and (syria.feature, syria.name) == ("country", "Syria")
    assert region_entry(gaz, "US/Atlantis") is None
