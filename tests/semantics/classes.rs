//! Classes as CPython 3 has them (issue 10 item 8): the class hooks
//! `__init_subclass__` and `__set_name__`, user `__setattr__`/
//! `__delattr__`, descriptors. Differential probes (tests/probes/mod.rs).

#[test]
fn class_hooks() {
    crate::probes::check(&[
        (
            "init_subclass registry",
            "class Plugin:\n    registry = []\n    def __init_subclass__(cls):\n        Plugin.registry.append(cls.__name__)\nclass A(Plugin):\n    pass\nclass B(A):\n    pass\nprint(Plugin.registry)",
        ),
        (
            "init_subclass sees the class",
            "class Base:\n    def __init_subclass__(cls):\n        cls.tag = cls.__name__.lower()\nclass Thing(Base):\n    pass\nprint(Thing.tag, hasattr(Base, 'tag'))",
        ),
        (
            "init_subclass super chain",
            "class A:\n    def __init_subclass__(cls):\n        print('A hook', cls.__name__)\nclass B(A):\n    def __init_subclass__(cls):\n        print('B hook', cls.__name__)\n        super().__init_subclass__()\nclass C(B):\n    pass",
        ),
        (
            "set_name",
            "class Field:\n    def __set_name__(self, owner, name):\n        self.name = name\n        self.owner = owner.__name__\nclass Rec:\n    x = Field()\n    y = Field()\nprint(Rec.x.name, Rec.y.name, Rec.x.owner)",
        ),
        (
            "descriptor with set_name",
            "class Positive:\n    def __set_name__(self, owner, name):\n        self.key = '_' + name\n    def __get__(self, obj, objtype=None):\n        return getattr(obj, self.key)\n    def __set__(self, obj, value):\n        if value <= 0:\n            raise ValueError(self.key[1:] + ' must be positive')\n        setattr(obj, self.key, value)\nclass Order:\n    qty = Positive()\n    def __init__(self, q):\n        self.qty = q\no = Order(3)\nprint(o.qty)\ntry:\n    o.qty = -1\nexcept ValueError as e:\n    print(e)",
        ),
        (
            "user setattr",
            "class Frozen:\n    def __init__(self):\n        object.__setattr__(self, 'a', 1)\n    def __setattr__(self, k, v):\n        raise AttributeError('frozen: ' + k)\nf = Frozen()\nprint(f.a)\ntry:\n    f.b = 2\nexcept AttributeError as e:\n    print(e)",
        ),
        (
            "user setattr logs",
            "class Log:\n    def __setattr__(self, k, v):\n        print('set', k, v)\n        super().__setattr__(k, v)\nl = Log()\nl.x = 5\nprint(l.x)",
        ),
        (
            "dict missing",
            "class Counter(dict):\n    def __missing__(self, key):\n        return 0\nc = Counter(a=2)\nprint(c['a'], c['zz'], 'zz' in c, c.get('q'))",
        ),
        (
            "dict missing fills",
            "class Default(dict):\n    def __missing__(self, key):\n        self[key] = v = [key]\n        return v\nd = Default()\nd['x'].append(1)\nprint(d, len(d))",
        ),
        ("dict no missing", "class Plain(dict):\n    pass\nPlain()['nope']"),
        (
            "dict missing raises",
            "class Strict(dict):\n    def __missing__(self, key):\n        raise KeyError('no ' + key)\nStrict()['k']",
        ),
        (
            "user delattr",
            "class D:\n    def __delattr__(self, k):\n        print('del', k)\nd = D()\nd.z = 1\ndel d.z\nprint(d.z)",
        ),
    ]);
}

/// `__slots__`, writes through `obj.__dict__`, `vars`, `__mro__` (C3) with
/// lookups and `super()` following it, `__qualname__`, `__doc__`,
/// `__class_getitem__`, class keyword arguments (patch 0050).
/// Every in-place operator calls its own method when the class has one
/// (`__imul__`, `__ior__`, `__iand__`, …), else the plain one, as CPython.
#[test]
fn inplace_operator_methods() {
    crate::probes::check(&[
        (
            "each inplace method",
            "class Acc:\n    def __init__(self):\n        self.log = []\n    def _rec(name):\n        def f(self, o):\n            self.log.append((name, o))\n            return self\n        return f\n    __iadd__ = _rec('iadd'); __isub__ = _rec('isub'); __imul__ = _rec('imul'); __itruediv__ = _rec('itruediv')\n    __ifloordiv__ = _rec('ifloordiv'); __imod__ = _rec('imod'); __ipow__ = _rec('ipow'); __ior__ = _rec('ior')\n    __iand__ = _rec('iand'); __ixor__ = _rec('ixor'); __ilshift__ = _rec('ilshift'); __irshift__ = _rec('irshift')\na = Acc()\nkeep = a\na += 1; a -= 2; a *= 3; a /= 4; a //= 5; a %= 6; a **= 7; a |= 8; a &= 9; a ^= 10; a <<= 11; a >>= 12\nprint(a.log, a is keep)",
        ),
        (
            "falls back to the plain method",
            "class V:\n    def __init__(self, v):\n        self.v = v\n    def __mul__(self, k):\n        return V(self.v * k)\n    def __or__(self, o):\n        return V(self.v | o)\na = V(3)\nb = a\na *= 2\nprint(a.v, b.v, a is b)\na |= 4\nprint(a.v)",
        ),
        (
            "dict subclass ior",
            "class D(dict):\n    def __ior__(self, o):\n        for k in o:\n            self[k] = 'merged'\n        return self\nd = D(a=1)\nkeep = d\nd |= {'b': 2}\nprint(d, type(d).__name__, d is keep)",
        ),
        (
            "builtin types fall back to the plain operator",
            "s = 'ab'; s *= 2\nb = b'x'; b *= 3\nt = (1,); t *= 2\nn = 3; n *= [0]\nm = 2; m *= 'ab'\nf = 7.5; f %= 2\ni = 1; i <<= 70\nprint(s, b, t, n, m, f, i)\nq = {1, 2}; q &= {2, 3}\nprint(sorted(q))\nd = {'a': 1}; d |= [('c', 3)]\nprint(d)",
        ),
        (
            "list inplace stays the same object",
            "x = [1]\ny = x\nx *= 3\nx += [2]\nprint(x, x is y)",
        ),
    ]);
}

#[test]
fn class_model() {
    crate::probes::check(&[
        (
            "slots enforced",
            "class P:\n    __slots__ = ('x', 'y')\n    def __init__(self):\n        self.x = 1\np = P()\np.y = 2\nprint(p.x, p.y)\np.z = 3",
        ),
        (
            "slots unset slot",
            "class P:\n    __slots__ = ('x', 'y')\nprint(P().y)",
        ),
        (
            "slots string",
            "class S:\n    __slots__ = 'only'\ns = S()\ns.only = 1\nprint(s.only)\ns.other = 2",
        ),
        (
            "slots inherited",
            "class P:\n    __slots__ = ('x',)\nclass R(P):\n    __slots__ = ('w',)\nr = R()\nr.w = 1\nr.x = 2\nprint(r.w, r.x)\nr.v = 1",
        ),
        (
            "slots subclass without slots has a dict",
            "class P:\n    __slots__ = ('x',)\nclass Q(P):\n    pass\nq = Q()\nq.z = 5\nprint(q.z, q.__dict__)\nq.x = 1\nprint(q.x)",
        ),
        (
            "slots with __dict__",
            "class P:\n    __slots__ = ('x', '__dict__')\np = P()\np.x = 1\np.anything = 2\nprint(p.x, p.anything)",
        ),
        (
            "dict write through",
            "class A:\n    def __init__(self):\n        self.a = 1\na = A()\na.__dict__['x'] = 5\nprint(a.x, a.__dict__)\na.__dict__.update({'d': 4})\nprint(a.d, sorted(a.__dict__))\ndel a.__dict__['a']\nprint(hasattr(a, 'a'), list(a.__dict__.items()))\na.y = 7\nprint(a.__dict__, len(a.__dict__), 'y' in a.__dict__)",
        ),
        (
            "vars",
            "class A:\n    def __init__(self):\n        self.a = 1\na = A()\nvars(a).update(b=2, c=3)\nprint(a.b, a.c, vars(a))\nprint(vars(a) is a.__dict__)\nvars(a)['a'] = 'new'\nprint(a.a)",
        ),
        (
            "dict outlives its instance",
            "import gc\nclass A:\n    def __init__(self, n):\n        self.n = n\nd = vars(A(1))\ne = A(2).__dict__\ngc.collect()\njunk = [A(i) for i in range(300)]\ngc.collect()\nd['m'] = 5\nprint(d, e, len(junk))",
        ),
        (
            "dict update from kwargs",
            "class K:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)\nk = K(p=1, q='z')\nprint(k.p, k.q, vars(k))",
        ),
        (
            "mro diamond",
            "class A:\n    def f(self):\n        return 'A'\nclass B(A):\n    pass\nclass C(A):\n    def f(self):\n        return 'C'\nclass D(B, C):\n    pass\nprint([c.__name__ for c in D.__mro__])\nprint(D().f(), type(D.__mro__).__name__)\nprint([c.__name__ for c in B.__mro__], int.__mro__, object.__mro__)",
        ),
        (
            "mro cooperative super",
            "class X:\n    def hi(self):\n        return ['X']\nclass Y(X):\n    def hi(self):\n        return ['Y'] + super().hi()\nclass Z(X):\n    def hi(self):\n        return ['Z'] + super().hi()\nclass W(Y, Z):\n    def hi(self):\n        return ['W'] + super().hi()\nclass W2(W):\n    pass\nprint(W().hi(), W2().hi())\nprint([c.__name__ for c in W2.__mro__])",
        ),
        (
            "mro mixin init chain",
            "class M1:\n    def __init__(self):\n        print('M1')\n        super().__init__()\nclass M2:\n    def __init__(self):\n        print('M2')\n        super().__init__()\nclass Both(M1, M2):\n    pass\nBoth()",
        ),
        (
            "mro class attribute",
            "class Base:\n    kind = 'base'\nclass Left(Base):\n    pass\nclass Right(Base):\n    kind = 'right'\nclass Leaf(Left, Right):\n    pass\nprint(Leaf.kind, Leaf().kind)",
        ),
        (
            "qualname",
            "class Outer:\n    class Inner:\n        def m(self):\n            pass\n    def meth(self):\n        pass\nprint(Outer.__qualname__, Outer.Inner.__qualname__)\nprint(Outer.meth.__qualname__, Outer.Inner.m.__qualname__)\nprint(Outer.meth.__name__, Outer().meth.__name__, Outer().meth.__qualname__)\ndef f():\n    def g():\n        pass\n    return g\nprint(f.__qualname__, f().__qualname__, f().__name__)",
        ),
        (
            "qualname in call errors",
            "class A:\n    def m(self, x):\n        pass\ntry:\n    A().m(1, 2)\nexcept TypeError as e:\n    print(e)\nA().m()",
        ),
        (
            "doc",
            "class D:\n    \"\"\"Class doc.\"\"\"\n    def m(self):\n        \"\"\"Method doc.\"\"\"\n        return 1\n    def n(self):\n        return 2\nclass E(D):\n    pass\nprint(D.__doc__, E.__doc__, D.m.__doc__, D.n.__doc__, D().m.__doc__)\ndef longdoc():\n    \"\"\"A much longer docstring that spans\n    two lines.\"\"\"\nprint(repr(longdoc.__doc__))\ndef nodoc():\n    x = 'no'\n    return x\nprint(nodoc.__doc__, nodoc())",
        ),
        (
            "class_getitem",
            "class Reg:\n    def __class_getitem__(cls, item):\n        return cls.__name__ + '[' + repr(item) + ']'\nprint(Reg[int], Reg['x'])\nclass Plain:\n    pass\nPlain[int]",
        ),
        (
            "class keyword arguments",
            "class Base:\n    def __init_subclass__(cls, flag=0, **kw):\n        print('init_subclass', cls.__name__, flag, kw)\n        super().__init_subclass__()\nclass A(Base, flag=1):\n    pass\nclass B(A, flag=2, extra='e'):\n    pass\nclass C(A):\n    pass",
        ),
        (
            "union",
            "# aliases keep the build-time lowering (README, Python syntax) out of the way\nint_, str_, float_, none = int, str, float, None\nu = int_ | str_\nprint(u, u.__args__, type(u).__name__)\nprint(isinstance(3, u), isinstance('a', u), isinstance(1.5, u), issubclass(str, u), issubclass(float, u))\nprint(int_ | none, (int_ | str_) == (str_ | int_), (int_ | str_) == (int_ | float_), int_ | int_)\nprint(int_ | str_ | int_, (int_ | str_) | (float_ | none))\nopt = int_ | none\nprint(isinstance(None, opt), isinstance(2, opt), isinstance('2', opt), none | int_)\nclass Foo:\n    pass\nfoo = Foo\nprint((foo | none).__args__[0] is Foo, isinstance(Foo(), foo | none))\n1 | int_",
        ),
        (
            "generic alias",
            "# aliases keep the build-time lowering (README, Python syntax) out of the way\nlst, dct, tup, st, fst, typ = list, dict, tuple, set, frozenset, type\na = lst[int]\nprint(a, a.__origin__, a.__args__, a(range(3)), type(a).__name__)\nprint(dct[str, int], dct[str, lst[int]], tup[int, ...])\nprint(lst[int] == lst[int], lst[int] == lst[str])\nprint(dct[str, int](a=1), lst[int] | None, typ[int], st[str], fst[int])\nclass MyList(list):\n    pass\nml = MyList\nprint(ml[int].__origin__ is MyList, ml[int]([1]))\nnum = int\nnum[str]",
        ),
    ]);
}

/// Special methods as attributes (patch 0064): explicit `__repr__`,
/// `__len__`, `__eq__`, `__add__`, ... on builtin objects, through `super()`
/// (the native base value's, or object's) and on `object` and builtin types
/// (`object.__repr__(self)`, `int.__neg__`).
#[test]
fn special_methods_on_builtins() {
    crate::probes::check(&[
        (
            "super repr in a class",
            "class A:\n    def __repr__(self):\n        return 'A' + super().__repr__()\nr = repr(A())\nprint(r[:2], ' object at ' in r, r[-1])\nclass B(A):\n    pass\nprint(repr(B())[:2])",
        ),
        (
            "super repr in a dict subclass",
            "class D(dict):\n    def __repr__(self):\n        return 'D' + super().__repr__()\nprint(repr(D(a=1)))\nclass L(list):\n    def __repr__(self):\n        return 'L' + super().__repr__()\nprint(repr(L([1, 'x'])))",
        ),
        (
            "super str in an exception",
            "class MyError(Exception):\n    def __str__(self):\n        return 'x: ' + super().__str__()\nprint(str(MyError('boom')), str(MyError('bad', 2)), str(MyError()))\ntry:\n    raise MyError('caught')\nexcept MyError as e:\n    print(e)\nraise MyError('escaped')",
        ),
        (
            "object str and repr",
            "class A:\n    def __repr__(self):\n        return 'R'\n    def __str__(self):\n        return 's' + object.__str__(self)\na = A()\nr = object.__repr__(a)\nprint(str(a), r[0], ' object at ' in r, r[-1])\nclass B:\n    pass\nb = B()\nprint(object.__str__(b) == repr(b), b.__repr__() == repr(b), b.__str__() == str(b), object.__format__(b, '') == str(b))\nprint(object.__eq__(b, b), object.__eq__(b, 1), object.__ne__(b, b), object.__hash__(b) == hash(b), b.__hash__() == hash(b))",
        ),
        (
            "eq and ne of a class",
            "class Key:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return isinstance(o, Key) and self.v == o.v\n    def __hash__(self):\n        return super().__hash__() * 0 + hash(self.v)\nprint(Key(1).__ne__(Key(2)), Key(1).__ne__(Key(1)), hash(Key(3)) == hash(3))",
        ),
        (
            "builtins' methods",
            "print([1].__repr__(), (5).__str__(), 'a'.__repr__(), [1, 2].__len__(), 'abc'.__len__(), (1).__eq__(1), [1].__contains__(1), [1].__contains__(3))\nprint('a'.__hash__() == hash('a'), (3.5).__format__('.2f'), (7).__format__('03d'), (1).__add__(2), {'a': 1}.__getitem__('a'), {'a': 1}.__contains__('a'))\nprint([1].__eq__([1]), (1).__ne__(2), (3).__lt__(4), (3).__ge__(4))\nprint((7).__sub__(2), (2).__mul__(4), (2).__pow__(10), (7).__floordiv__(2), (7).__mod__(4), (6).__and__(3), (1).__lshift__(3))\nprint((-4).__abs__(), (5).__neg__(), (5).__invert__(), (0).__bool__(), (2.5).__bool__(), (2.5).__add__(1), 'ab'.__add__('c'), 'ab'.__mul__(2), [1].__add__([2]))",
        ),
        (
            "item methods",
            "d = {'k': 1}\nprint(d.__getitem__('k'))\nx = [1, 2, 3]\nprint(x, x.__getitem__(-1), list(x.__iter__()))\ntry:\n    {}.__getitem__('zz')\nexcept KeyError as e:\n    print('KeyError', e)",
        ),
        (
            "unbound builtin methods",
            "print(sorted([3, 1, 2], key=int.__neg__), int.__add__(1, 2), str.__len__('abc'), list(map(str.__repr__, ['a'])))\nprint(dict.__repr__({'a': 1}), float.__str__(0.5), object.__str__(1), list.__getitem__([5, 6], 1))\nf = [1, 2, 3].__len__\nprint(f(), getattr('abc', '__len__')())",
        ),
        (
            "super in native subclasses",
            "class L(list):\n    def __len__(self):\n        return super().__len__() + 100\n    def __getitem__(self, i):\n        return super().__getitem__(i) * 10\n    def __contains__(self, v):\n        return super().__contains__(v) or v == 'any'\n    def __iter__(self):\n        return super().__iter__()\nl = L([1, 2])\nprint(len(l), l[1], 2 in l, 'any' in l, 5 in l, list(l))\nclass N(int):\n    def __add__(self, o):\n        return N(super().__add__(o) * 2)\n    def __eq__(self, o):\n        return super().__eq__(o)\n    def __hash__(self):\n        return super().__hash__()\nprint(N(3) + 4, N(3) == 3, N(3) == 4, hash(N(5)))\nclass S(str):\n    def __len__(self):\n        return super().__len__() * 2\n    def __format__(self, spec):\n        return '[' + super().__format__(spec) + ']'\nprint(len(S('abc')), format(S('ab'), '>4'))",
        ),
        (
            "missing special methods",
            "class P:\n    pass\ntry:\n    P().__len__()\nexcept AttributeError as e:\n    print('AttributeError', e)\ntry:\n    object().__len__\nexcept AttributeError as e:\n    print('AttributeError', e)\ntry:\n    P.__add__\nexcept AttributeError as e:\n    print('AttributeError', e)\nclass Q:\n    def __len__(self):\n        return super().__len__()\nlen(Q())",
        ),
    ]);
}

/// A Python subclass of tuple (patch 0065): tuple.__new__ makes its
/// instances, which are tuples to isinstance, len, indexing, slicing,
/// unpacking, comparison, hash, + and * and %-formatting.
#[test]
fn tuple_subclasses() {
    crate::probes::check(&[
        (
            "tuple.__new__ in __new__",
            "class P(tuple):\n    def __new__(cls, a, b):\n        return tuple.__new__(cls, (a, b))\n    def total(self):\n        return self[0] + self[1]\np = P(1, 2)\nprint(p, type(p).__name__, isinstance(p, tuple), isinstance(p, P), issubclass(P, tuple))\nprint(len(p), p[0], p[-1], p[1:], p[::-1], list(p), p.total(), p.index(2), p.count(1), 2 in p)\na, b = p\nprint(a, b, tuple(p), tuple(p) is p, [x * 10 for x in p])",
        ),
        (
            "operators",
            "class P(tuple):\n    def __new__(cls, *items):\n        return super().__new__(cls, items)\np = P(1, 2)\nprint(p == (1, 2), (1, 2) == p, p != (1, 2), p < (1, 3), (1, 3) > p, p <= P(1, 2), hash(p) == hash((1, 2)))\nprint(p + (3,), (0,) + p, p + P(9), p * 2, 2 * p, type(p + p).__name__)\nprint('%s-%s' % p, '{}/{}'.format(*p), sorted([P(2, 1), P(1, 5), P(1, 2)]), max(P(1), P(3)), {p: 'v'}[(1, 2)])",
        ),
        (
            "called without __new__",
            "class T(tuple):\n    def first(self):\n        return self[0]\nt = T([5, 6])\nprint(t, t.first(), len(T()), T('ab'), isinstance(t, tuple))",
        ),
        (
            "tuple.__new__ of tuple and errors",
            "print(tuple.__new__(tuple, [1, 2]), tuple.__new__(tuple))\ntry:\n    tuple.__new__(int, [1])\nexcept TypeError:\n    print('TypeError')",
        ),
        (
            "str() of a native subclass uses its __repr__",
            "class P(tuple):\n    def __repr__(self):\n        return 'P' + repr(tuple(self))\nclass L(list):\n    def __repr__(self):\n        return 'L!'\nclass D(dict):\n    def __repr__(self):\n        return 'D!'\nclass I(int):\n    def __repr__(self):\n        return 'I!'\nclass S(str):\n    def __repr__(self):\n        return 'S!'\nclass E(ValueError):\n    def __repr__(self):\n        return 'E!'\nclass T(tuple):\n    def __str__(self):\n        return 'T!'\nfor v in (P((1,)), L(), D(), I(3), S('s'), E('e'), T()):\n    print(str(v), '%s' % (v,), f'{v!s}', repr(v))\nprint(P((1, 2)), [P((1,))], L([1]) == [1])",
        ),
        (
            "default __repr__ and attributes",
            "class P(tuple):\n    def __new__(cls, x, y):\n        self = tuple.__new__(cls, (x, y))\n        self.tag = 'pt'\n        return self\n    @property\n    def x(self):\n        return self[0]\np = P(3, 4)\nprint(repr(p), str(p), p.x, p.tag)",
        ),
    ]);
}
