# inputs: {"shapes": [["circle", 1.5], ["square", 2], ["rect", 2, 3]]}
import math
from abc import ABC, abstractmethod


class Shape(ABC):
    registry = {}

    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[kind or cls.__name__.lower()] = cls

    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__}(area={self.area():.3f})"


class Circle(Shape, kind="circle"):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape, kind="rect"):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect, kind="square"):
    def __init__(self, s):
        super().__init__(s, s)


def get_node():
    return {"name": "inheritance", "friendly_name": "inheritance", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    shapes = [Shape.registry[k](*args) for k, *args in context["inputs"]["shapes"]]
    try:
        Shape()
        abstract = "created"
    except TypeError as e:
        abstract = str(e)
    return {"outputs": {"described": [s.describe() for s in shapes], "abstract": abstract,
                        "isinst": [isinstance(s, Rect) for s in shapes], "kinds": list(Shape.registry)}, "error": None}
