# mpnode's stand-in for `typing`: annotations are never evaluated after
# lowering, but `from typing import Optional` still has to import.
class _Any:
    def __getitem__(self, item):
        return self
    def __call__(self, *a, **k):
        return self
def __getattr__(name):
    return _Any()
Any = Optional = Union = List = Dict = Tuple = Set = Callable = Iterable = Iterator = Sequence = Mapping = _Any()
TYPE_CHECKING = False
def cast(t, v):
    return v
