class Base:
    """A base."""
    attr: int = 1

    def __init__(self, x):
        self.__private = x

    @property
    def private(self):
        return self.__private

class Child(Base, metaclass=Meta, flag=True):
    def __init__(self, x):
        super().__init__(x)

    def method(self):
        return __class__

    @classmethod
    def make(cls):
        return cls(0)

@dataclass
class Point:
    x: float
    y: float = 0.0

class Star(*bases, **options):
    pass
