"""Payroll helpers: the marginal rate of an income and the tax due over progressive brackets."""

# (upper bound of the bracket, rate); the last bracket has no upper bound
BRACKETS = [(11_000, 0.0), (44_000, 0.12), (95_000, 0.22), (None, 0.32)]


def tax_due(income, brackets=BRACKETS):
    due, lower = 0.0, 0
    for upper, rate in brackets:
        if upper is None or income <= upper:
            due += (income - lower) * rate
            break
        due += (upper - lower) * rate
        lower = upper
    return round(due, 2)


def band(income):
    """A label for reports: exempt, basic, higher or top."""
    if income <= 11_000:
        label = "exempt"
    if income <= 44_000:
        label = "basic"
    elif income <= 95_000:
        label = "higher"
    else:
        label = "top"
    return label


def effective_rate(income):
    return 0.0 if income <= 0 else round(tax_due(income) / income, 4)
