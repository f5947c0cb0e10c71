import pytest

from matrix_ops import identity, is_symmetric, multiply, shape, transpose


def test_transpose_of_a_wide_matrix_is_tall():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_transpose_of_a_square_matrix():
    assert transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]


def test_multiply_rectangular_matrices():
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    assert multiply(a, b) == [[58, 64], [139, 154]]


def test_identity_is_neutral():
    m = [[2, 0, 1], [1, 3, 5]]
    assert multiply(m, identity(3)) == m


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError):
        multiply([[1, 2]], [[1, 2]])


def test_symmetry():
    assert is_symmetric([[1, 7], [7, 1]])
    assert not is_symmetric([[1, 2], [3, 1]])
    assert shape([]) == (0, 0)
