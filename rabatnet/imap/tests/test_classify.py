"""The choropleth's classes: Jenks natural breaks, or diverging around zero."""

from decimal import Decimal

from rabatnet.imap.classify import classify


def values(*numbers: int) -> dict[str, Decimal]:
    return {f"C{i:02}": Decimal(n) for i, n in enumerate(numbers)}


def test_natural_breaks_in_five_classes_low_to_high() -> None:
    classes = classify(values(1, 2, 3, 10, 11, 12, 50, 51, 100, 101, 500), allows_negative=False)
    assert not classes.diverging
    assert [band.key for band in classes.bands] == ["c0", "c1", "c2", "c3", "c4"]
    assert classes.keys["C00"] == "c0" and classes.keys["C10"] == "c4"
    assert classes.keys["C03"] == classes.keys["C05"]  # 10 and 12 share a class
    assert sum(band.count for band in classes.bands) == 11
    assert classes.bands[-1].low == classes.bands[-1].high == Decimal(500)


def test_few_distinct_values_get_one_class_each_spread_out() -> None:
    classes = classify(values(5, 5, 7), allows_negative=False)
    assert classes.keys == {"C00": "c0", "C01": "c0", "C02": "c4"}
    assert classify(values(3, 3), allows_negative=False).keys == {"C00": "c2", "C01": "c2"}


def test_diverging_only_when_negatives_allowed_and_both_signs() -> None:
    mixed = values(-100, -50, -10, -1, 0, 2, 20, 60, 200, 300)
    classes = classify(mixed, allows_negative=True)
    assert classes.diverging
    assert classes.keys["C00"] == "d0"  # the most negative
    assert classes.keys["C04"] == "d2" and classes.keys["C03"] == "d2"  # nearest zero
    assert classes.keys["C09"] == "d4"
    assert {band.key for band in classes.bands} <= {f"d{i}" for i in range(5)}
    assert not classify(mixed, allows_negative=False).diverging
    assert not classify(values(1, 2, 3, 4, 5, 6), allows_negative=True).diverging


def test_no_values_no_classes() -> None:
    classes = classify({}, allows_negative=True)
    assert classes.keys == {} and classes.bands == []
