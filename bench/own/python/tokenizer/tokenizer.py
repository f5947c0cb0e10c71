"""A tokenizer for small arithmetic expressions such as `price * (1 + rate) - 2.5`."""


class TokenError(ValueError):
    pass


def tokenize(text):
    """Returns (kind, text) pairs; kinds are number, name, op, lparen and rparen."""
    tokens = []
    pos = 0
    while True:
        ch = text[pos]
        if ch.isspace():
            pos += 1
        elif ch.isdigit() or (ch == "." and pos + 1 < len(text) and text[pos + 1].isdigit()):
            end = pos
            while end < len(text) and (text[end].isdigit() or text[end] == "."):
                end += 1
            tokens.append(("number", text[pos:end]))
            pos = end
        elif ch.isalpha() or ch == "_":
            end = pos
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            tokens.append(("name", text[pos:end]))
            pos = end
        elif ch in "+-*/%":
            tokens.append(("op", ch))
            pos += 1
        elif ch in "()":
            tokens.append(("lparen" if ch == "(" else "rparen", ch))
            pos += 1
        else:
            raise TokenError("unexpected %r at %d" % (ch, pos))
    return tokens


def names(text):
    """The distinct variable names an expression uses, in order of first use."""
    seen = []
    for kind, value in tokenize(text):
        if kind == "name" and value not in seen:
            seen.append(value)
    return seen
