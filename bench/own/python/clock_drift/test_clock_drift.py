from clock_drift import Sample, drift_ms, drifting_hosts, report


def test_a_fast_clock_drifts():
    assert drift_ms(Sample("a", 10_500, 10_000)) == 500


def test_a_slow_clock_drifts_as_much():
    assert drift_ms(Sample("a", 9_500, 10_000)) == 500


def test_half_the_round_trip_is_allowed_for():
    assert drift_ms(Sample("a", 10_050, 10_000, round_trip_ms=100)) == 0


def test_hosts_behind_the_reference_are_flagged_too():
    samples = [Sample("web1", 1_000, 1_000), Sample("web2", 700, 1_000), Sample("db", 1_400, 1_000)]
    assert drifting_hosts(samples, 250) == [("db", 400), ("web2", 300)]


def test_the_worst_sample_of_a_host_counts():
    samples = [Sample("h", 1_010, 1_000), Sample("h", 1_900, 2_000)]
    assert drifting_hosts(samples, 50) == [("h", 100)]


def test_report_text():
    assert report([Sample("a", 100, 100)], 10) == "all clocks within 10 ms"
    assert report([Sample("a", 100, 300), Sample("b", 150, 100)], 10) == "2 host(s) drifting: a 200 ms, b 50 ms"
