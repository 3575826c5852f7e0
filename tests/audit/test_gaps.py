from privacy.audit.gaps import GAP_PATIENCE_SECONDS, MAX_GAPS, gaps_between, gaps_current, gaps_without

NOW = 1_800_000_000


def test_ids_read_past_a_hole_leave_the_hole_as_a_gap():
    assert gaps_between(after=10, through=20, present=[11, 12, 15, 20], seen=NOW) == [[13, 14, NOW], [16, 19, NOW]]


def test_ids_read_without_a_hole_leave_no_gap():
    assert gaps_between(after=10, through=13, present=[11, 12, 13], seen=NOW) == []


def test_events_found_in_a_gap_split_it_and_keep_when_it_was_first_seen():
    gaps = [[13, 19, NOW - 5]]

    assert gaps_without(gaps, present=[13, 16]) == [[14, 15, NOW - 5], [17, 19, NOW - 5]]


def test_a_gap_read_only_up_to_a_point_keeps_its_unread_part_whole():
    gaps = [[10, 20, NOW], [30, 31, NOW]]

    assert gaps_without(gaps, present=[12], through=15) == [[10, 11, NOW], [13, 15, NOW], [16, 20, NOW], [30, 31, NOW]]


def test_a_gap_is_forgotten_after_the_patience():
    gaps = [[1, 1, NOW - GAP_PATIENCE_SECONDS], [2, 2, NOW - GAP_PATIENCE_SECONDS + 1]]

    assert gaps_current(gaps, now=NOW) == ([[2, 2, NOW - GAP_PATIENCE_SECONDS + 1]], 0)


def test_beyond_the_limit_the_oldest_gaps_are_dropped_and_counted():
    gaps = [[number, number, NOW - MAX_GAPS - 5 + number] for number in range(MAX_GAPS + 5)]

    kept, dropped = gaps_current(gaps, now=NOW)

    assert dropped == 5 and len(kept) == MAX_GAPS and kept[0][0] == 5
