# Single and multiple inheritance, attribute lookup, isinstance
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes {self.sound()}"
    def sound(self):
        return "..."
class Dog(Animal):
    def sound(self):
        return "woof"
class Puppy(Dog):
    kind = "puppy"
    def sound(self):
        return super().sound() + "!"
for a in [Animal("x"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), a.kind, type(a).__name__)
p = Puppy("p")
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__[0].__name__, Puppy.__base__.__name__, Animal.__bases__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__name__, Puppy.__qualname__, Puppy.__module__)
class A: x = "A"
class B(A): pass
class C(B): pass
print(C.x)
B.x = "B"
print(C.x)
del B.x
print(C.x)
print(sorted(n.__name__ for n in A.__subclasses__()))
