def classify(value):
    match value:
        case 0 | 1 | -1:
            return "small"
        case 1.5 | 2j | -1+2j | "s" | b"b":
            return "literal"
        case None | True:
            return "singleton"
        case [x, y, *rest]:
            return x, y, rest
        case [first, *_, last]:
            return first, last
        case {"key": k, **others}:
            return k, others
        case {1: _, "a": [a, b]}:
            return a, b
        case Point(x=0, y=py) if py > 0:
            return py
        case Point(px, 0) | Point(0, px):
            return px
        case str() | bytes() as s:
            return s
        case Color.RED:
            return "red"
        case (a, b) as pair:
            return pair
        case _:
            return None

def single(v):
    match v:
        case q:
            return q
