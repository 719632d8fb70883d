# mpnode's abc: ABC and abstractmethod. v1.9.4 has no metaclasses, so the
# check that abstract methods are overridden happens in ABC.__new__.


def abstractmethod(funcobj):
    _abstract.append(funcobj)
    return funcobj


_abstract = []


class ABCMeta(type):
    pass


def _abstracts(cls):
    names = []
    for klass in _mro(cls):
        for name in dir(klass):
            attr = getattr(cls, name, None)
            if attr is not None and any(attr is f for f in _abstract) and name not in names:
                names.append(name)
    return sorted(names)


def _mro(cls):
    out = [cls]
    i = 0
    while i < len(out):
        for b in getattr(out[i], '__bases__', ()):
            if b not in out:
                out.append(b)
        i += 1
    return out


class ABC:
    def __new__(cls, *args, **kw):
        missing = _abstracts(cls)
        if missing:
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
                cls.__name__, 's' if len(missing) > 1 else '', ', '.join(missing)))
        return object.__new__(cls)


def abstractproperty(f):
    return property(abstractmethod(f))


abstractclassmethod = abstractmethod
abstractstaticmethod = abstractmethod


def get_cache_token():
    return 0
