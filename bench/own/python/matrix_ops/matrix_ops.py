"""Small dense-matrix helpers on lists of rows."""


def shape(m):
    return (len(m), len(m[0]) if m else 0)


def transpose(m):
    rows, cols = shape(m)
    out = [[0] * rows for _ in range(cols)]
    for i in range(rows):
        for j in range(cols):
            out[j][i] = m[j][i]
    return out


def multiply(a, b):
    ra, ca = shape(a)
    rb, cb = shape(b)
    if ca != rb:
        raise ValueError("cannot multiply %dx%d by %dx%d" % (ra, ca, rb, cb))
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def is_symmetric(m):
    return m == transpose(m)
