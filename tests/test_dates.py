import datetime as dt

import pytest

from inspections.dates import PartialDate, span_label


@pytest.mark.parametrize(
    ("value", "label", "earliest", "latest"),
    [
        ("2019-06-11", "11 June 2019", dt.date(2019, 6, 11), dt.date(2019, 6, 11)),
        ("2021-09", "September 2021", dt.date(2021, 9, 1), dt.date(2021, 9, 30)),
        (2012, "2012", dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
        (dt.date(2024, 2, 29), "29 February 2024", dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
    ],
)
def test_partial_dates_keep_their_precision(value, label, earliest, latest):
    date = PartialDate.parse(value)
    assert (date.label, date.earliest, date.latest) == (label, earliest, latest)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2019-02-30", "not a real date"),
        ("2019-13", "month 13 does not exist"),
        ("June 2019", "expected a date"),
        ("1850", "out of range"),
        (dt.datetime(2019, 1, 1, 10, 0), "without a time"),
        (True, "expected a date"),
    ],
)
def test_impossible_dates_are_refused(value, message):
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(value)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2024-12-02", "2024-12-06", "2 to 6 December 2024"),
        ("2015-10-27", "2015-11-19", "27 October to 19 November 2015"),
        ("2021-09", "2021-09", "September 2021"),
        ("2016-12-30", "2017-01-05", "30 December 2016 to 5 January 2017"),
    ],
)
def test_span_labels_read_naturally(start, end, label):
    assert span_label(PartialDate.parse(start), PartialDate.parse(end)) == label
