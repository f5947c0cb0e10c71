from tax_brackets import band, effective_rate, tax_due


def test_income_in_the_first_bracket_is_not_taxed():
    assert tax_due(9_000) == 0


def test_tax_accumulates_over_brackets():
    assert tax_due(50_000) == 33_000 * 0.12 + 6_000 * 0.22


def test_top_bracket_has_no_upper_bound():
    assert tax_due(100_000) == round(33_000 * 0.12 + 51_000 * 0.22 + 5_000 * 0.32, 2)


def test_band_labels():
    assert [band(5_000), band(30_000), band(60_000), band(200_000)] == ["exempt", "basic", "higher", "top"]


def test_band_boundaries_belong_to_the_lower_band():
    assert [band(11_000), band(44_000), band(95_000)] == ["exempt", "basic", "higher"]


def test_effective_rate():
    assert effective_rate(0) == 0.0
    assert effective_rate(50_000) == round((33_000 * 0.12 + 6_000 * 0.22) / 50_000, 4)
