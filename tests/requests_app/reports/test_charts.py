"""The SVG chart helper: geometry, words for screen readers, and markup that survives any locale."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from requests_app.reports.charts import Series, column_chart, compact, hbar_chart, line_chart, nice_step


@pytest.mark.parametrize(("span", "step"), [(0, 1), (3, 1), (4, 1), (9, 2.5), (10, 2.5), (11, 5), (1234, 500),
                                            (100, 25)])
def test_the_axis_step_is_a_round_number_that_cuts_the_span_in_about_four(span, step):
    assert nice_step(span) == step


def test_fractional_steps_are_allowed_only_when_asked():
    assert nice_step(1, whole=False) == 0.25
    assert nice_step(1) == 1


def test_horizontal_bars_are_proportional_and_each_carries_its_name_and_value():
    chart = hbar_chart(id="c", title="Open requests", labels=["In review", "Verified", "Received"], values=[4, 2, 0])

    widths = [mark.width for mark in chart.marks]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert [mark.text for mark in chart.marks] == ["4", "2", "0"]
    assert [label.text for label in chart.labels] == ["In review", "Verified", "Received"]
    assert chart.desc == "In review: 4; Verified: 2; Received: 0."
    assert [tick.text for tick in chart.ticks] == ["0", "1", "2", "3", "4"]


def test_a_missing_value_draws_no_bar_and_says_why():
    chart = hbar_chart(id="c", title="Median days", labels=["Access", "Limit"], values=[12, None], missing="no answers")

    assert chart.marks[1].width == 0 and chart.marks[1].text == "no answers"
    assert chart.desc == "Access: 12; Limit: no answers."


def test_two_series_of_columns_sit_side_by_side_and_differ_by_pattern_not_only_colour():
    chart = column_chart(id="rows", title="Rows", labels=["Jan", "Feb"],
                         series=[Series("anonymized", (1500, 900)), Series("deleted", (300, 0))], formatter=compact)

    assert [(mark.series, mark.text) for mark in chart.marks] == [(0, "1.5k"), (1, "300"), (0, "900"), (1, "0")]
    assert chart.marks[1].x > chart.marks[0].x
    assert [(item.name, item.pattern) for item in chart.legend] == [("anonymized", ""), ("deleted", "hatch")]
    assert chart.desc == "anonymized: Jan 1.5k, Feb 900; deleted: Jan 300, Feb 0."


def test_a_line_leaves_a_gap_where_a_month_has_no_value():
    chart = line_chart(id="t", title="On time", labels=["Jan", "Feb", "Mar", "Apr"], values=[100, None, 50, 75],
                       maximum=100, formatter=lambda value: f"{value:g}%", missing="no answers")

    assert chart.path.count("M") == 2 and chart.path.count("L") == 1
    assert [mark.text for mark in chart.marks] == ["100%", "50%", "75%"]
    assert chart.desc == "Jan: 100%; Feb: no answers; Mar: 50%; Apr: 75%."
    assert chart.marks[0].y < chart.marks[2].y < chart.marks[1].y


@pytest.mark.parametrize("template, chart", [
    ("hbar", hbar_chart(id="h", title="Open requests", labels=["In review"], values=[2.5])),
    ("columns", column_chart(id="c", title="Runs", labels=["Jan"], series=[Series("a", (1.5,)), Series("b", (2,))])),
    ("line", line_chart(id="l", title="On time", labels=["Jan", "Feb"], values=[66.7, 80], maximum=100)),
])
def test_the_svg_is_an_image_named_by_its_title_and_described_and_its_numbers_are_never_localized(template, chart):
    with translation.override("de"):
        svg = render_to_string(f"reports/charts/{template}.html", {"chart": chart})

    assert f'role="img" aria-labelledby="{chart.id}-title {chart.id}-desc"' in svg
    assert f'<title id="{chart.id}-title">{chart.title}</title>' in svg
    assert f'<desc id="{chart.id}-desc">{chart.desc}</desc>' in svg
    coordinates = re.findall(r'\s(?:x|y|x1|y1|x2|y2|cx|cy|width|height)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates)


def test_a_long_category_name_wraps_onto_two_lines_centred_on_its_bar():
    chart = hbar_chart(id="k", title="Open requests by kind", values=[1, 2],
                       labels=["Access to my data", "Stop direct marketing (objection, withdrawal of consent)"])

    short, long = chart.labels
    assert [text for _y, text in short.lines] == ["Access to my data"]
    assert [text for _y, text in long.lines] == ["Stop direct marketing (objection,", "withdrawal of consent)"]
    (first, _), (second, _) = long.lines
    assert first < long.y < second and second - first == 13
    assert chart.plot[0] == round(len("Stop direct marketing (objection,") * 6.6 + 16)


def test_a_name_too_long_for_two_lines_ends_the_second_with_an_ellipsis():
    chart = hbar_chart(id="k", title="t", values=[1], labels=["word " * 20])

    assert [text for _y, text in chart.labels[0].lines] == ["word word word word word word word",
                                                            "word word word word word word …"]
